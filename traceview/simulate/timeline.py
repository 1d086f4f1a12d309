"""A scenario as data: the app, its sessions and tasks, and a timeline of what happens.

Times are seconds from the start of the log. Everything the renderer needs (UUIDs, pids)
is fixed here, so a scenario renders the same way whatever the noise seed, and the ground
truth is computed from this data alone.
"""

from __future__ import annotations

from dataclasses import dataclass

ERAS: tuple[str, ...] = ("12", "13-16", "17+")
KINDS: tuple[str, ...] = ("upload", "download", "data")
KILLS: tuple[str, ...] = (
    "jetsam",
    "crash",
    "watchdog",
    "force_quit",
    "assertion_timeout",
    "exception",
    "background_task_timeout",
)


@dataclass(frozen=True)
class App:
    bundle_id: str
    process: str  # executable name, as the log prints it
    persona: str  # persona UUID runningboardd prints on iOS 17+


@dataclass(frozen=True)
class TaskSpec:
    number: int  # taskIdentifier, the <n> of Task <UUID>.<n>
    uuid: str
    session: str  # background session identifier
    kind: str  # upload | download | data
    size: int


# --- timeline steps -------------------------------------------------------------------


@dataclass(frozen=True)
class Step:
    at: float


@dataclass(frozen=True)
class Launch(Step):
    """A new app process. `by`: user | background_urlsession | running (already up at log start)."""

    pid: int
    by: str = "user"
    session: str = ""  # the session the wake is for (background_urlsession)
    delay: float = 0.0  # rate-limiter delay nsurlsessiond sets before the wake


@dataclass(frozen=True)
class Wake(Step):
    """nsurlsessiond resumes the suspended (still running) app for session events."""

    session: str
    delay: float = 0.0


@dataclass(frozen=True)
class SessionCreate(Step):
    identifier: str


@dataclass(frozen=True)
class TaskCreate(Step):
    number: int
    resume: bool = True


@dataclass(frozen=True)
class Background(Step):
    """The user leaves the app; `suspend_after` seconds later it is suspended (None: never)."""

    suspend_after: float | None = 2.0


@dataclass(frozen=True)
class Suspend(Step):
    pass


@dataclass(frozen=True)
class Kill(Step):
    how: str  # one of KILLS
    signal: int = 9


@dataclass(frozen=True)
class TaskStart(Step):
    """The daemon starts moving bytes (will begin, TLS, connection)."""

    number: int


@dataclass(frozen=True)
class Progress(Step):
    number: int
    fraction: float


@dataclass(frozen=True)
class DaemonComplete(Step):
    number: int
    http: int = 200


@dataclass(frozen=True)
class Deliver(Step):
    """The app receives didCompleteWithError for a task (error 0 = success)."""

    number: int
    error: int = 0
    reason: int | None = None  # NSURLErrorBackgroundTaskCancelledReasonKey


@dataclass(frozen=True)
class HandleEvents(Step):
    session: str


@dataclass(frozen=True)
class DidFinishEvents(Step):
    session: str


@dataclass(frozen=True)
class CompletionHandler(Step):
    session: str


@dataclass(frozen=True)
class Waiting(Step):
    """The app is told a task waits for connectivity."""

    number: int


@dataclass(frozen=True)
class BackgroundTaskBegin(Step):
    ident: int
    name: str


@dataclass(frozen=True)
class BackgroundTaskEnd(Step):
    ident: int


@dataclass(frozen=True)
class BackgroundTaskOverdue(Step):
    ident: int
    name: str


@dataclass(frozen=True)
class UploadFromData(Step):
    pass


@dataclass(frozen=True)
class SessionInvalidate(Step):
    identifier: str


@dataclass(frozen=True)
class EndOfLog(Step):
    pass


@dataclass(frozen=True)
class Scenario:
    name: str
    title: str
    era: str
    app: App
    tasks: tuple[TaskSpec, ...]
    timeline: tuple[Step, ...]
    start_epoch: float  # UTC seconds of t=0
    tz_minutes: int = 60  # local offset the device printed
    markers: bool = True
    debugger: bool = False

    def task(self, number: int) -> TaskSpec:
        return next(t for t in self.tasks if t.number == number)

    @property
    def end(self) -> float:
        return max(step.at for step in self.timeline)
