"""Process lifecycle as the system daemons log it, per iOS era.

iOS 12 has no RunningBoard: SpringBoard and assertiond tell the story (real_lines.md §1.10).
iOS 13-16 runningboardd prints `[application<b>:pid]`; iOS 17+ prints the persona,
`[app<b(persona)>:pid]`, while FrontBoard keeps `[app<b>:pid]` (§3.17).
"""

from __future__ import annotations

from dataclasses import dataclass

from traceview.simulate import entries as e
from traceview.simulate.entries import Collector
from traceview.simulate.timeline import App

SIGNAL_NAMES = {
    5: "SIGTRAP",
    6: "SIGABRT",
    9: "SIGKILL",
    10: "SIGBUS",
    11: "SIGSEGV",
    15: "SIGTERM",
}

# How each kill reads in `termination reported by launchd (namespace, code, status)`
# (log_formats.md §12); None: the signal given with the kill.
LAUNCHD_TRIPLES: dict[str, tuple[int, int, int] | None] = {
    "jetsam": (1, 2, 9),
    "crash": None,
    "exception": (2, 6, 6),
    "watchdog": (10, 0x8BADF00D, 9),
    "force_quit": (10, 0xDEADFA11, 9),
    "assertion_timeout": (15, 0x2182BAD3, 9),
    "background_task_timeout": (15, 0x2182BAD2, 9),
}
KILL_CODES = {"assertion_timeout": "0x2182bad3", "background_task_timeout": "0x2182bad2"}


@dataclass
class System:
    """Writes the daemons' view of one app's processes."""

    out: Collector
    era: str
    app: App
    _assertions: int = 4100

    @property
    def ios12(self) -> bool:
        return self.era == "12"

    def pid_of(self, process: str) -> int:
        table = e.SYSTEM_PIDS_IOS12 if self.ios12 else e.SYSTEM_PIDS
        return table[process]

    def rb_identity(self) -> str:
        if self.era == "17+":
            return f"app<{self.app.bundle_id}({self.app.persona})>"
        return f"application<{self.app.bundle_id}>"

    def rb(self, pid: int) -> str:
        return f"[{self.rb_identity()}:{pid}]"

    def fb(self, pid: int) -> str:
        word = "app" if self.era == "17+" else "application"
        return f"[{word}<{self.app.bundle_id}>:{pid}]"

    def exe(self) -> str:
        return self.app.process[:15]  # assertiond truncates the executable name

    def assertion_id(self, origin_pid: int) -> str:
        self._assertions += self.out.rng.randint(1, 9)
        return f"{self.pid_of('runningboardd')}-{origin_pid}-{self._assertions}"

    def _rb(self, key: str, /, **values: object) -> None:
        self.out.emit(e.RUNNINGBOARD, self.pid_of("runningboardd"), key, **values)

    def _sb(self, source: e.Source, key: str, /, **values: object) -> None:
        self.out.emit(source, self.pid_of("SpringBoard"), key, **values)

    def _process_state(self, pid: int, task_state: str, vis: str) -> None:
        b = self.app.bundle_id
        self._sb(
            e.SPRINGBOARD,
            "s.process_state",
            bundle=b,
            p=self.out.hexid(),
            pid=pid,
            task_state=task_state,
            vis=vis,
        )

    # --- launches ------------------------------------------------------------------
    def user_launch(self, pid: int) -> None:
        if self.ios12:
            # iOS 11/12 show a launch as assertiond's task-port handshake (§4.4, §4.5).
            self._process_state(pid, "Running", "Unknown")
            self.out.emit(
                e.ASSERTIOND, self.pid_of("assertiond"), "x.task_port", exe=self.exe(), pid=pid
            )
            self._sb(
                e.FRONTBOARD,
                "s.scene_action_ios12",
                bundle=self.app.bundle_id,
                p=self.out.hexid(12),
            )
        else:
            self._launch_assertion(pid, "UserInteractive")
            self._sb(e.FRONTBOARD, "s.connection_established", fb=self.fb(pid))
            self._sb(e.FRONTBOARD, "s.scene_create", p=self.out.hexid(), bundle=self.app.bundle_id)
        self._process_state(pid, "Running", "Foreground")
        if not self.ios12:
            self._rb(
                "r.calculated_state",
                target=self.rb_identity(),
                state="running-active",
                role="UserInteractiveFocal",
            )

    def open_request(self, pid: int, npid: int, h: str) -> None:
        """SpringBoard's handling of nsurlsessiond's open request (§1.10 C)."""
        b = self.app.bundle_id
        self._sb(e.SPRINGBOARD, "s.received_open", h=h, bundle=b, npid=npid)
        self._sb(e.SPRINGBOARD, "s.trusted_open", bundle=b, p=self.out.hexid(), npid=npid)
        self._sb(e.SPRINGBOARD, "s.executing_request", p=self.out.hexid(), bundle=b, npid=npid)
        self._sb(e.SPRINGBOARD, "s.suspended_activation", bundle=b, npid=npid)
        self._sb(e.SPRINGBOARD, "s.bootstrapping", bundle=b)

    def background_launch(self, pid: int, session: str, npid: int, h: str) -> str:
        """Launch for URL-session events; returns the wake assertion id."""
        self.open_request(pid, npid, h)
        if self.ios12:
            self._process_state(pid, "Running", "Unknown")
            return self.handlesession_assertion(pid, session, npid)
        self._launch_assertion(pid, "Background")
        aid = self.handlesession_assertion(pid, session, npid)
        self._sb(e.FRONTBOARD, "s.bootstrap_success", fb=self.fb(pid))
        self._process_state(pid, "Running", "Background")
        self._rb(
            "r.calculated_state",
            target=self.rb_identity(),
            state="running-active",
            role="Background",
        )
        return aid

    def _launch_assertion(self, pid: int, role: str) -> None:
        target = self.rb_identity()
        sb = self.pid_of("SpringBoard")
        aid = self.assertion_id(sb)
        self._rb("r.acquire_launch", target=target, sb=sb, aid=aid, role=role)
        self._rb("r.will_be_created", aid=aid, target=target)
        self._rb("r.executing_launch", target=target)
        self._rb("r.creating_job", target=target)
        self._rb("r.finished_acquiring", aid=aid, target=target)
        self._rb("r.client_ready", target=self.rb(pid))
        self.out.emit(
            e.POWERD,
            self.pid_of("powerd"),
            "p.released_system_active",
            rb=self.pid_of("runningboardd"),
            target=target,
            aid=aid,
            age=self.out.rng.randint(0, 2),
            n=self.out.rng.randint(10**10, 10**11),
        )

    def handlesession_assertion(self, pid: int, session: str, npid: int) -> str:
        if self.ios12:
            uuid = self.out.uuid()
            self.out.emit(
                e.ASSERTIOND,
                self.pid_of("assertiond"),
                "x.add_handlesession",
                exe=self.exe(),
                pid=pid,
                p=self.out.hexid(),
                npid=npid,
                uuid=uuid,
                sid=session,
            )
            self.out.emit(
                e.ASSERTIOND, self.pid_of("assertiond"), "x.bg_timer", exe=self.exe(), pid=pid
            )
            return uuid
        aid = self.assertion_id(npid)
        target = self.rb(pid)
        self._rb("r.acquire_handlesession", target=target, npid=npid, sid=session, aid=aid, pid=pid)
        self._rb("r.will_be_created", aid=aid, target=target)
        self._rb("r.finished_acquiring", aid=aid, target=target)
        return aid

    def release_handlesession(self, pid: int, aid: str, npid: int) -> None:
        if not self.ios12:
            self._rb(
                "r.invalidating",
                aid=aid,
                target=self.rb(pid),
                origin=f"[daemon<com.apple.nsurlsessiond>:{npid}]",
            )

    # --- running states ------------------------------------------------------------
    def to_background(self, pid: int) -> None:
        self._process_state(pid, "Running", "Background")
        if not self.ios12:
            self._rb(
                "r.calculated_state",
                target=self.rb_identity(),
                state="running-active",
                role="NonUserInteractive",
            )
            self._rb("r.darwin_role", target=self.rb(pid), role="NonUserInteractive")

    def suspend(self, pid: int) -> None:
        if self.ios12:
            self.out.emit(
                e.ASSERTIOND,
                self.pid_of("assertiond"),
                "x.jetsam_priority",
                exe=self.exe(),
                pid=pid,
            )
            return
        self._rb("r.suspending", target=self.rb(pid))
        if self.era == "17+":
            self.out.emit(
                e.DASD,
                self.pid_of("dasd"),
                "p.state_update",
                pid=pid,
                bundle=self.app.bundle_id,
                persona=self.app.persona,
                state="running-suspended-NotVisible",
            )

    def resume(self, pid: int) -> None:
        if not self.ios12:
            self._rb("r.resuming", target=self.rb(pid))

    # --- background tasks (UIKit beginBackgroundTask) ------------------------------
    def shared_background_assertion(self, pid: int, k: int) -> str:
        if self.ios12:
            return ""
        aid = self.assertion_id(pid)
        target = self.rb(pid)
        self._rb(
            "r.acquire_shared_bg", target=target, k=k, bundle=self.app.bundle_id, aid=aid, pid=pid
        )
        self._rb("r.will_be_created", aid=aid, target=target)
        return aid

    def release_shared_background(self, pid: int, aid: str) -> None:
        if aid:
            self._rb("r.invalidating", aid=aid, target=self.rb(pid), origin=self.rb(pid))

    # --- deaths --------------------------------------------------------------------
    def kill(self, pid: int, how: str, signal: int, session: str, npid: int) -> None:
        if self.ios12:
            self._kill_ios12(pid, how, session, npid)
            return
        target = self.rb(pid)
        if how in KILL_CODES:
            why = f"com.apple.nsurlsessiond.handlesession {session}"
            if how == "background_task_timeout":
                why = f"Shared Background Assertion 1 for {self.app.bundle_id}"
            self._rb("r.terminating", target=target, code=KILL_CODES[how], why=why)
            self._rb("r.terminate_success", target=target)
        ns, code, status = LAUNCHD_TRIPLES[how] or (2, signal, signal)
        self.out.emit(
            e.RUNNINGBOARD_TTL,
            self.pid_of("runningboardd"),
            "r.termination_reported",
            target=target,
            ns=ns,
            code=code,
            status=status,
        )
        if ns == 2:
            name = f"{SIGNAL_NAMES.get(status, 'SIGKILL')}({status})"
            self._sb(e.FRONTBOARD, "s.process_exited_signal", fb=self.fb(pid), signal=name)
        self._rb("r.removing_process", target=target)
        self._rb("r.calculated_state", target=self.rb_identity(), state="none", role="None")
        b = self.app.bundle_id
        self._sb(e.NOTIFICATIONS, "s.state_terminated", bundle=b)

    def _kill_ios12(self, pid: int, how: str, session: str, npid: int) -> None:
        if how == "assertion_timeout":
            src, apid = e.ASSERTIOND, self.pid_of("assertiond")
            self.out.emit(src, apid, "x.expiration_warning", exe=self.exe(), pid=pid)
            self.out.emit(
                src,
                apid,
                "x.forcing_crash_report",
                exe=self.exe(),
                pid=pid,
                p=self.out.hexid(),
                sid=session,
                tail=self.out.hexid(12).upper(),
                npid=npid,
            )
            self.out.emit(src, apid, "x.finished_crash_reporting", exe=self.exe(), pid=pid)
        self._process_state(pid, "Not Running", "Unknown")


def end_reason(era: str, how: str, signal: int = 9) -> str:
    """The end_reason docs/semantics.md derives from the exit lines `kill` writes."""
    if era == "12":
        # Only assertiond's forced crash report names a reason; otherwise SpringBoard's
        # "taskState: Not Running" shows the process ended, not why (docs/semantics.md).
        return "assertion_timeout" if how == "assertion_timeout" else "unknown"
    if how == "crash" and signal in (9, 15):
        return "system_other"  # SIGKILL/SIGTERM are kills, not crashes
    return {
        "jetsam": "system_jetsam",
        "crash": "crash",
        "exception": "crash",
        "watchdog": "watchdog",
        "force_quit": "user_force_quit",
        "assertion_timeout": "assertion_timeout",
        "background_task_timeout": "assertion_timeout",
    }[how]
