"""Plays a scenario's timeline: writes every process's lines and records what really happened.

The recorded `World` is the single source of the ground truth (`truth.py`), so the truth is
a function of the timeline, not a hand-typed table.
"""

from __future__ import annotations

import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from traceview.simulate import timeline as s
from traceview.simulate.entries import Collector, Entry
from traceview.simulate.lines import AppLines, Daemon
from traceview.simulate.system import System, end_reason


@dataclass
class ProcessRun:
    pid: int
    launch_reason: str
    launched_at: float | None
    ended_at: float | None = None
    end_reason: str = "running_at_end_of_log"
    background: bool = False
    suspended: bool = False
    sessions: list[str] = field(default_factory=list)
    woken_for: list[str] = field(default_factory=list)
    handle_events: list[tuple[str, float]] = field(default_factory=list)
    finish_events: list[tuple[str, float]] = field(default_factory=list)
    handler_called: list[tuple[str, float]] = field(default_factory=list)
    wake_assertion: str = ""
    in_flight_at_end: int = 0  # resumed tasks not yet delivered when it ended
    bg_tasks: dict[int, str] = field(default_factory=dict)
    overdue_bg_task: bool = False
    upload_from_data: bool = False
    killed_how: str = ""
    owed_at_launch: int = 0  # tasks resumed earlier and not yet delivered when it launched


@dataclass
class TaskRun:
    spec: s.TaskSpec
    created_at: float | None = None
    created_in_background: bool = False
    resumed: bool = False
    started_at: float | None = None
    waiting: bool = False
    daemon_done_at: float | None = None
    http: int | None = None
    delivered_at: float | None = None
    error: int | None = None
    reason: int | None = None
    kind_seen: bool = False  # a line of the log names the kind (semantics.md "kind")
    session_seen: bool = False  # a line joins it to its session ("is for" or a marker)
    last_daemon: bool = False  # its last line so far is daemon-side progress


@dataclass
class World:
    processes: list[ProcessRun] = field(default_factory=list)
    tasks: dict[int, TaskRun] = field(default_factory=dict)
    request_delays: list[tuple[float, float]] = field(default_factory=list)
    debugger: bool = False

    def current(self) -> ProcessRun | None:
        live = [p for p in self.processes if p.ended_at is None]
        return live[-1] if live else None


def scenario_seed(scn: s.Scenario) -> int:
    return zlib.crc32(f"{scn.name}/{scn.era}/{scn.app.bundle_id}".encode())


class Engine:
    def __init__(self, scn: s.Scenario) -> None:
        self.scn = scn
        self.out = Collector(scenario_seed(scn))
        self.world = World(tasks={t.number: TaskRun(t) for t in scn.tasks}, debugger=scn.debugger)
        self.system = System(self.out, scn.era, scn.app)
        self.npid = self.system.pid_of("nsurlsessiond")
        self.daemon = Daemon(self.out, scn.era, scn.app, self.npid)
        self.app = AppLines(self.out, scn.era, scn.app, scn.markers)
        self.ndsessions: dict[tuple[int, str], str] = {}
        self._handlers: dict[type, Callable[[Any], None]] = {
            s.Launch: self._launch,
            s.Wake: self._wake,
            s.SessionCreate: self._session_create,
            s.TaskCreate: self._task_create,
            s.Background: self._background,
            s.Suspend: self._suspend,
            s.Kill: self._kill,
            s.TaskStart: self._task_start,
            s.Progress: self._progress,
            s.DaemonComplete: self._daemon_complete,
            s.Deliver: self._deliver,
            s.HandleEvents: self._handle_events,
            s.DidFinishEvents: self._did_finish,
            s.CompletionHandler: self._completion,
            s.Waiting: self._waiting,
            s.BackgroundTaskBegin: self._bg_begin,
            s.BackgroundTaskEnd: self._bg_end,
            s.BackgroundTaskOverdue: self._bg_overdue,
            s.UploadFromData: self._upload_from_data,
            s.SessionInvalidate: self._invalidate,
            s.EndOfLog: lambda step: None,
        }

    def run(self) -> tuple[list[Entry], World]:
        for step in sorted(self.scn.timeline, key=lambda st: st.at):
            self.out.at(step.at)
            self._handlers[type(step)](step)
        return self.out.entries, self.world

    # --- helpers ---------------------------------------------------------------------
    def _proc(self) -> ProcessRun:
        proc = self.world.current()
        if proc is None:
            raise ValueError(f"{self.scn.name}: step needs a running app process")
        return proc

    def _ndsession(self, pid: int, sid: str) -> str:
        key = (pid, sid)
        if key not in self.ndsessions:
            self.ndsessions[key] = self.out.uuid()
        return self.ndsessions[key]

    # --- process lifecycle -----------------------------------------------------------
    def _launch(self, step: s.Launch) -> None:
        first = len(self.out.entries)
        self._launch_lines(step)
        proc = self.world.processes[-1]
        proc.owed_at_launch = sum(
            1 for t in self.world.tasks.values() if t.resumed and t.delivered_at is None
        )
        if proc.launched_at is not None:
            proc.launched_at = self._first_naming(first, step.pid, step.at)

    def _first_naming(self, first: int, pid: int, default: float) -> float:
        """Time of the first new line that names the process (its pid)."""
        marks = (f":{pid}]", f"pid: {pid};", f":{pid}.", f"pid: {pid}>")
        for entry in self.out.entries[first:]:
            if entry.pid == pid or any(mark in entry.message for mark in marks):
                return entry.t
        return default

    def _launch_lines(self, step: s.Launch) -> None:
        if step.by == "running":
            self.world.processes.append(ProcessRun(step.pid, "unknown", None))
            return
        if step.by == "user":
            self.system.user_launch(step.pid)
            self.daemon.reset_delay()
            self.world.processes.append(ProcessRun(step.pid, "user", step.at))
            self.app.uikit(step.pid, "u.deactivation", verb="added", r=10, a=0, b=1024, e=0)
            return
        if step.delay:
            self._record_delay(step.at, step.delay)
        request = self.out.request_id()
        self.daemon.request_wake(self._ndsession(0, step.session), step.session, request)
        proc = ProcessRun(step.pid, "background_urlsession", step.at, background=True)
        proc.woken_for.append(step.session)
        self.world.processes.append(proc)
        proc.wake_assertion = self.system.background_launch(
            step.pid, step.session, self.npid, request
        )
        self.daemon.woke()

    def _record_delay(self, at: float, delay: float) -> None:
        self.daemon.request_delay(delay)
        self.world.request_delays.append((at, delay))

    def _wake(self, step: s.Wake) -> None:
        proc = self._proc()
        if step.delay:
            self._record_delay(step.at, step.delay)
        nd = self._ndsession(proc.pid, step.session)
        self.daemon.request_wake(nd, step.session, self.out.request_id())
        proc.wake_assertion = self.system.handlesession_assertion(proc.pid, step.session, self.npid)
        self.system.resume(proc.pid)
        proc.suspended = False
        proc.woken_for.append(step.session)
        self.daemon.woke()

    def _background(self, step: s.Background) -> None:
        proc = self._proc()
        proc.background = True
        self.app.uikit(proc.pid, "u.deactivation", verb="added", r=12, a=1, b=4097, e=1)
        self.app.uikit(proc.pid, "u.transitioned")
        self.app.uikit(
            proc.pid,
            "u.no_longer_foreground",
            bundle=self.scn.app.bundle_id,
            mach=int(step.at * 24_000_000) + 16742539740355,
        )
        self.system.to_background(proc.pid)
        if step.suspend_after is not None:
            self.out.at(step.at + step.suspend_after)
            self._suspend(s.Suspend(step.at + step.suspend_after))

    def _suspend(self, step: s.Suspend) -> None:
        proc = self._proc()
        if proc.suspended:
            return
        proc.suspended = True
        self.app.uikit(proc.pid, "u.app_did_suspend", bundle=self.scn.app.bundle_id, pid=proc.pid)
        self.system.suspend(proc.pid)
        for sid in proc.sessions:
            self.daemon.disconnected(self._ndsession(proc.pid, sid), sid)

    def _kill(self, step: s.Kill) -> None:
        proc = self._proc()
        session = (proc.woken_for or proc.sessions or [""])[-1]
        first = len(self.out.entries)
        self.system.kill(proc.pid, step.how, step.signal, session, self.npid)
        for sid in proc.sessions:
            self.daemon.lost_connection(self._ndsession(proc.pid, sid), sid)
        # iOS 12 warns before it kills: the run ends at the forced crash report, not the warning.
        warned = self.scn.era == "12" and step.how == "assertion_timeout"
        proc.ended_at = self.out.entries[first + 1 if warned else first].t
        proc.killed_how = step.how
        proc.end_reason = end_reason(self.scn.era, step.how, step.signal)
        proc.in_flight_at_end = sum(
            1 for t in self.world.tasks.values() if t.resumed and t.delivered_at is None
        )

    # --- sessions and tasks ----------------------------------------------------------
    def _session_create(self, step: s.SessionCreate) -> None:
        proc = self._proc()
        duplicate = step.identifier in proc.sessions
        nd = self._ndsession(proc.pid, step.identifier)
        if self.world.debugger and not proc.sessions:
            self.daemon.debugged()
        self.app.session_setup(proc.pid, nd, step.identifier, duplicate)
        if not duplicate:
            self.daemon.session_created(nd, step.identifier)
        proc.sessions.append(step.identifier)

    def _invalidate(self, step: s.SessionInvalidate) -> None:
        proc = self._proc()
        self.app.marker(proc.pid, "session.invalidate", id=step.identifier)
        self.daemon.removing_session(self._ndsession(proc.pid, step.identifier), step.identifier)

    def _task_create(self, step: s.TaskCreate) -> None:
        proc = self._proc()
        run = self.world.tasks[step.number]
        spec = run.spec
        run.created_at = step.at
        run.created_in_background = proc.background
        self.app.marker(proc.pid, "task.create", id=spec.session, tid=spec.number, kind=spec.kind)
        self.daemon.task_created(spec)
        run.kind_seen = self.scn.markers or spec.kind == "upload"
        run.session_seen = self.scn.markers
        if not step.resume:
            return
        run.resumed = run.last_daemon = run.session_seen = True
        self.app.marker(proc.pid, "task.resume", id=spec.session, tid=spec.number)
        self.app.resuming(proc.pid, spec)
        self.daemon.task_resumed(spec)

    def _task_start(self, step: s.TaskStart) -> None:
        run = self.world.tasks[step.number]
        run.started_at = step.at
        run.last_daemon = True
        self.daemon.task_started(run.spec)

    def _progress(self, step: s.Progress) -> None:
        spec = self.world.tasks[step.number].spec
        if spec.kind == "download":
            self.world.tasks[step.number].last_daemon = True
        self.daemon.progress(spec, self._ndsession(0, spec.session), step.fraction)

    def _daemon_complete(self, step: s.DaemonComplete) -> None:
        run = self.world.tasks[step.number]
        run.daemon_done_at = step.at
        run.http = step.http
        self.daemon.completed(run.spec, step.http)

    def _deliver(self, step: s.Deliver) -> None:
        proc = self._proc()
        run = self.world.tasks[step.number]
        if step.error == 0 and run.daemon_done_at is None:
            raise ValueError(
                f"{self.scn.name}: task {step.number} delivered as success "
                "before the daemon completed it"
            )
        run.delivered_at, run.error, run.reason = step.at, step.error, step.reason
        related_key = self.scn.era == "12" or step.error in (-999, -997)
        run.kind_seen = run.kind_seen or (step.error != 0 and related_key)
        run.session_seen = run.session_seen or self.scn.markers
        if run.daemon_done_at is not None and step.error == 0:
            self.daemon.acknowledged(run.spec)
        self.app.outcome(proc.pid, run.spec, step.error, step.reason, run.http)

    def _waiting(self, step: s.Waiting) -> None:
        proc = self._proc()
        run = self.world.tasks[step.number]
        run.waiting = True
        run.last_daemon = run.last_daemon and not self.scn.markers
        self.app.marker(proc.pid, "task.waiting", id=run.spec.session, tid=run.spec.number)

    # --- background wake protocol ----------------------------------------------------
    def _handle_events(self, step: s.HandleEvents) -> None:
        proc = self._proc()
        proc.handle_events.append((step.session, step.at))
        self.app.marker(proc.pid, "handleEvents", id=step.session)

    def _did_finish(self, step: s.DidFinishEvents) -> None:
        proc = self._proc()
        proc.finish_events.append((step.session, step.at))
        self.app.marker(proc.pid, "didFinishEvents", id=step.session)

    def _completion(self, step: s.CompletionHandler) -> None:
        proc = self._proc()
        proc.handler_called.append((step.session, step.at))
        self.app.marker(proc.pid, "handleEvents.completion.called", id=step.session)
        self.daemon.wake_done(step.session)
        self.system.release_handlesession(proc.pid, proc.wake_assertion, self.npid)

    # --- UIKit background tasks and misuse --------------------------------------------
    def _bg_begin(self, step: s.BackgroundTaskBegin) -> None:
        proc = self._proc()
        self.app.uikit(proc.pid, "u.will_add_bg_task", name=step.name, p=self.out.hexid())
        self.app.uikit(
            proc.pid,
            "u.created_bg_task",
            p=self.out.hexid(),
            id=step.ident,
            name=step.name,
            ct=int(step.at) + 697606,
        )
        proc.bg_tasks[step.ident] = self.system.shared_background_assertion(proc.pid, step.ident)

    def _bg_end(self, step: s.BackgroundTaskEnd) -> None:
        proc = self._proc()
        self.app.uikit(proc.pid, "u.ending_bg_task", id=step.ident)
        self.system.release_shared_background(proc.pid, proc.bg_tasks.pop(step.ident, ""))

    def _bg_overdue(self, step: s.BackgroundTaskOverdue) -> None:
        proc = self._proc()
        proc.overdue_bg_task = True
        self.app.uikit(proc.pid, "u.bg_task_over_30s", id=step.ident, name=step.name)

    def _upload_from_data(self, step: s.UploadFromData) -> None:
        proc = self._proc()
        proc.upload_from_data = True
        self.app.upload_from_data(proc.pid)


def play(scn: s.Scenario) -> tuple[list[Entry], World]:
    """Every entry the scenario's processes write (time-ordered) and what really happened."""
    entries, world = Engine(scn).run()
    return sorted(entries, key=lambda entry: entry.t), world
