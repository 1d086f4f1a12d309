"""The transfer's own lines: nsurlsessiond's view of sessions and tasks, and the app's
(CFNetwork, UIKit, optional TVMARK markers), per iOS era."""

from __future__ import annotations

from dataclasses import dataclass

from traceview.simulate import entries as e
from traceview.simulate.entries import Collector
from traceview.simulate.timeline import App, TaskSpec

DESCRIPTIONS = {-999: "cancelled", -997: "Lost connection to background transfer service"}
KIND_WORDS = {"upload": "Upload", "download": "Download", "data": "Data"}


@dataclass
class Daemon:
    """nsurlsessiond's lines about one app."""

    out: Collector
    era: str
    app: App
    pid: int
    _connections: int = 3790

    def _emit(self, key: str, /, **values: object) -> None:
        self.out.emit(e.DAEMON, self.pid, key, **values)

    def session_created(self, ndsession: str, sid: str, cell: int = 1) -> None:
        b = self.app.bundle_id
        self._emit("d.create_session", sid=sid, bundle=b)
        self._emit(
            "d.session_is_for", S=ndsession, bundle=b, sid=sid, timeout="604800.000000", cell=cell
        )
        self._emit("d.client_active", S=ndsession, bundle=b, sid=sid)

    def disconnected(self, ndsession: str, sid: str) -> None:
        self._emit("d.client_disconnected", S=ndsession, bundle=self.app.bundle_id, yn="N", sid=sid)

    def lost_connection(self, ndsession: str, sid: str) -> None:
        self._emit("d.lost_connection", S=ndsession, bundle=self.app.bundle_id, sid=sid)

    def removing_session(self, ndsession: str, sid: str) -> None:
        self._emit("d.removing_session", S=ndsession, bundle=self.app.bundle_id, sid=sid)

    def task_created(self, task: TaskSpec) -> None:
        if task.kind == "upload":
            self._emit("d.upload_task", T=task.uuid, n=task.number)

    def task_resumed(self, task: TaskSpec) -> None:
        t, n = task.uuid, task.number
        self._emit("d.task_is_for", T=t, n=n, bundle=self.app.bundle_id, sid=task.session)
        self._emit("d.enqueueing", T=t, n=n)
        self._emit("d.resume_with_identifier", T=t, n=n)
        self._emit("d.resuming_qos", T=t, n=n, qos="9" if self.era == "12" else "19")
        self._emit("d.resuming", T=t, n=n)

    def task_started(self, task: TaskSpec) -> None:
        t, n = task.uuid, task.number
        self._emit("d.no_begin_delay", T=t, n=n)
        self._emit("d.skipping_delayed", T=t, n=n)
        self._emit("d.will_begin", T=t, n=n)
        self._emit("d.ats", T=t, n=n)
        if self.era == "12":
            self._emit("d.tic_tcp")
        self.connection(task, "start")

    def connection(self, task: TaskSpec, what: str) -> None:
        self._connections += 1
        self._emit(
            "d.connection",
            c=self._connections,
            h=self.out.hexid(8),
            bundle=self.app.bundle_id,
            uh=self.out.hexid(8),
            what=what,
        )

    def progress(self, task: TaskSpec, ndsession: str, fraction: float) -> None:
        if task.kind == "download":
            x = int(task.size * fraction)
            self._emit(
                "d.did_receive_data", S=ndsession, T=task.uuid, n=task.number, x=x, y=task.size
            )
        else:
            self._emit("d.powerlog")

    def completed(self, task: TaskSpec, http: int) -> None:
        t, n = task.uuid, task.number
        self._emit("d.did_receive_response", T=t, n=n, http=http)
        if task.kind == "download":
            self._emit("d.finished_downloading", T=t, n=n)
        self._emit("d.completed_ok", T=t, n=n)
        self._emit("d.completed_successfully", T=t, n=n)
        download = task.kind == "download"
        self._emit(
            "d.log_task_error",
            T=t,
            n=n,
            dl="Y" if download else "N",
            rx=task.size if download else 0,
            tx=0 if download else task.size,
        )

    def acknowledged(self, task: TaskSpec) -> None:
        if task.kind == "download":
            self._emit("d.ack_file", T=task.uuid, n=task.number)
        self._emit("d.ack_completion", T=task.uuid, n=task.number)

    def request_delay(self, delay: float) -> None:
        self._emit("d.set_request_delay", bundle=self.app.bundle_id, delay=f"{delay:.6f}")

    def reset_delay(self) -> None:
        self._emit("d.reset_request_delay", bundle=self.app.bundle_id)

    def request_wake(self, ndsession: str, sid: str, h: str) -> None:
        if self.era == "12":
            self._emit("d.open_request_ios12", h=h, bundle=self.app.bundle_id)
        else:
            self._emit("d.will_request_wake", bundle=self.app.bundle_id, S=ndsession, sid=sid)

    def woke(self) -> None:
        if self.era != "12":
            self._emit("d.woke", bundle=self.app.bundle_id)

    def wake_done(self, sid: str) -> None:
        self._emit("d.invalidating_assertion", bundle=self.app.bundle_id, sid=sid)

    def debugged(self) -> None:
        self._emit("d.debugged")


@dataclass
class AppLines:
    """What the app process itself logs."""

    out: Collector
    era: str
    app: App
    markers: bool

    def _cfnetwork(self, pid: int, key: str, level: str = "Default", /, **values: object) -> None:
        src = e.Source(self.app.process, "CFNetwork", "com.apple.CFNetwork", "Summary")
        self.out.emit(src, pid, key, level, **values)

    def uikit(self, pid: int, key: str, level: str = "Default", /, **values: object) -> None:
        src = e.Source(self.app.process, "UIKitCore", "com.apple.UIKit", "BackgroundTask")
        self.out.emit(src, pid, key, level, **values)

    def marker(self, pid: int, event: str, **keys: object) -> None:
        if not self.markers:
            return
        text = "".join(f" {k}={v}" for k, v in keys.items())
        src = e.Source(self.app.process, "", self.app.bundle_id, "traceview")
        self.out.emit(src, pid, "m.marker", event=event, keys=text)

    def session_setup(self, pid: int, ndsession: str, sid: str, duplicate: bool) -> None:
        self._cfnetwork(pid, "a.session_setup", S=ndsession, p=self.out.hexid(), sid=sid)
        if duplicate:
            self._cfnetwork(pid, "a.duplicate_identifier", "Error", sid=sid)
        self.marker(pid, "session.create", id=sid)

    def resuming(self, pid: int, task: TaskSpec) -> None:
        t, n = task.uuid, task.number
        if self.era == "12":
            self._cfnetwork(pid, "a.resuming_ios12", T=t, n=n)
        elif self.era == "13-16":
            self._cfnetwork(pid, "a.resuming_ios15", T=t, n=n, res="604800.0")
        else:
            self._cfnetwork(pid, "a.resuming_recent", T=t, n=n, res="604800.0")

    def outcome(
        self, pid: int, task: TaskSpec, error: int, reason: int | None, http: int | None
    ) -> None:
        if self.era == "12":
            self._outcome_ios12(pid, task, error, reason)
        elif error == 0:
            self._cfnetwork(
                pid,
                "a.summary_success",
                T=task.uuid,
                n=task.number,
                ms=self.out.rng.randint(300, 90000),
                http=http or 200,
                c=self.out.rng.randint(1, 40),
                tx=task.size if task.kind == "upload" else 420,
                rx=task.size if task.kind == "download" else 310,
            )
            self._cfnetwork(pid, "a.finished_successfully", T=task.uuid, n=task.number)
        elif error in DESCRIPTIONS:
            self._finished_with_error_related(pid, task, error, reason)
        else:
            self._cfnetwork(
                pid,
                "a.summary_failure",
                T=task.uuid,
                n=task.number,
                ms=self.out.rng.randint(300, 9000),
                c=self.out.rng.randint(1, 40),
                tx=task.size,
            )
            self._cfnetwork(
                pid,
                "a.finished_error_stream",
                "Error",
                T=task.uuid,
                n=task.number,
                code=error,
                p=self.out.hexid(),
            )
        keys: dict[str, object] = {"id": task.session, "tid": task.number}
        keys |= {"error": "none" if error == 0 else "NSURLErrorDomain", "code": error}
        if reason is not None:
            keys["reason"] = reason
        if http is not None:
            keys["http"] = http
        self.marker(pid, "task.complete", **keys)

    def _finished_with_error_related(
        self, pid: int, task: TaskSpec, error: int, reason: int | None
    ) -> None:
        reason_text = (
            "" if reason is None else f"NSURLErrorBackgroundTaskCancelledReasonKey={reason}, "
        )
        self._cfnetwork(
            pid,
            "a.finished_error_related",
            "Error",
            T=task.uuid,
            n=task.number,
            code=error,
            desc=DESCRIPTIONS[error],
            reason=reason_text,
            url=upload_url(self.app, task),
            K=KIND_WORDS[task.kind],
        )

    def _outcome_ios12(self, pid: int, task: TaskSpec, error: int, reason: int | None) -> None:
        if error == 0:
            return  # iOS 12 apps print nothing on success; the daemon's acknowledgement shows it
        reason_text = (
            "" if reason is None else f"NSURLErrorBackgroundTaskCancelledReasonKey={reason}, "
        )
        self._cfnetwork(
            pid,
            "a.load_failed_ios12",
            "Error",
            T=task.uuid,
            n=task.number,
            code=error,
            reason=reason_text,
            K=KIND_WORDS[task.kind],
        )
        self._cfnetwork(
            pid, "a.finished_code_ios12", "Error", T=task.uuid, n=task.number, code=error
        )

    def upload_from_data(self, pid: int) -> None:
        self._cfnetwork(pid, "a.upload_from_data", "Error")


def upload_url(app: App, task: TaskSpec) -> str:
    host = ".".join(reversed(app.bundle_id.split(".")[:2]))
    return f"https://api.{host}/v1/{task.kind}s/{task.number}"
