"""Named polars expressions the reconstruction and the rules are written in.

Each function returns a `pl.Expr` over the enriched signal columns (see `traceview.lifecycle`),
so pipelines read as sentences: `rows.filter(is_daemon_outcome())`.
"""

from __future__ import annotations

import polars as pl

from traceview.signals.kinds import SignalKind as K

# Processes that log *about* apps; everything else that logs is an app (or its extension).
SYSTEM_PROCESSES = (
    "nsurlsessiond",
    "runningboardd",
    "SpringBoard",
    "assertiond",
    "dasd",
    "powerd",
    "symptomsd",
    "locationd",
    "deleted",
    "audiomxd",
    "mediaserverd",
    "launchd",
    "launchd_sim",
    "backboardd",
    "kernel",
    "wifid",
    # daemons that run their own URLSessions or log about apps; never the app under study
    "cloudd",
    "mobileassetd",
    "itunesstored",
    "appstored",
    "nsurlstoraged",
    "trustd",
    "CommCenter",
    "apsd",
    "UserEventAgent",
    "UserNotificationsServer",
)

# Kinds only ever logged inside the app process (CFNetwork, UIKit, app exceptions, markers).
APP_ONLY_KINDS = (
    K.BG_SESSION_SETUP,
    K.BG_SESSION_NOTICE,
    K.TASK_CONNECTION,
    K.TASK_REQUEST_SENT,
    K.TASK_RESPONSE_ENDED,
    K.TASK_SUMMARY,
    K.TASK_FINISHED,
    K.TASK_LOAD_FAILED,
    K.TASK_POWER_ASSERTION_RELEASED,
    K.DUPLICATE_SESSION_WARNING,
    K.HANDLER_NEVER_CALLED_WARNING,
    K.UPLOAD_FROM_DATA_EXCEPTION,
    K.COMPLETION_BLOCKS_EXCEPTION,
    K.INVALIDATED_SESSION_EXCEPTION,
    K.UI_BG_TASK_BEGIN,
    K.UI_BG_TASK_END,
    K.UI_BG_TASK_OVERDUE,
    K.UI_BG_ASSERTION,
    K.UI_DEACTIVATION,
    K.UI_BACKGROUNDED,
    K.UI_SUSPENDING,
    K.MARKER,
)

# Task lines nsurlsessiond prints while a task is on its way (semantics: in_flight_at_end_of_log).
DAEMON_PROGRESS_KINDS = (
    K.TASK_REGISTERED,
    K.TASK_ENQUEUED,
    K.TASK_RESUME_REQUESTED,
    K.TASK_RESUMING,
    K.TASK_NO_BEGIN_DELAY,
    K.TASK_DELAY_CALLBACK_SKIPPED,
    K.TASK_WILL_BEGIN,
    K.TASK_ATS,
    K.TASK_PROGRESS,
    K.TASK_RESPONSE,
    K.TASK_BECAME_DOWNLOAD,
    K.TASK_FINISHED_DOWNLOADING,
)
DAEMON_OUTCOME_KINDS = (K.TASK_COMPLETED, K.TASK_COMPLETED_FOR_CLIENT, K.TASK_LEGACY_COMPLETED)
APP_OUTCOME_KINDS = (K.TASK_FINISHED, K.TASK_LOAD_FAILED, K.TASK_SUMMARY)
ACK_KINDS = (K.TASK_ACK_COMPLETION, K.TASK_ACK_DOWNLOAD)
RESUME_KINDS = (K.TASK_ENQUEUED, K.TASK_RESUME_REQUESTED, K.TASK_RESUMING)
BEGIN_KINDS = (K.TASK_WILL_BEGIN, K.TASK_ATS, K.TASK_PROGRESS)
SESSION_CREATION_KINDS = (K.BG_SESSION_SETUP, K.SESSION_CREATED)
LAUNCH_KINDS = (
    K.RB_LAUNCH_REQUEST,
    K.RB_LAUNCH_JOB,
    K.RB_CLIENT_READY,
    K.FB_BOOTSTRAPPING,
    K.FB_BOOTSTRAP_SUCCESS,
    K.FB_EXECUTING_REQUEST,
    K.FB_OPEN_REQUEST,
    K.FB_SUSPENDED_ACTIVATION,
)
# Exit evidence, most trusted first (docs/semantics.md, end_reason).
EXIT_KINDS = (
    K.RB_TERMINATION_REPORTED,
    K.FB_PROCESS_EXITED,
    K.RB_EXIT_CONTEXT,
    K.RB_TERMINATING,
    K.AD_FORCING_CRASH,
)
ASSERTION_KINDS = (
    K.RB_ASSERTION_ACQUIRING,
    K.RB_ASSERTION_CREATED,
    K.AD_ASSERTION_ADDED,
    K.AD_ASSERTION_ACTIVATED,
)
HANDLESESSION = "com.apple.nsurlsessiond.handlesession"


def kind_is(*kinds: str) -> pl.Expr:
    return pl.col("kind").is_in([str(kind) for kind in kinds])


def marker(name: str) -> pl.Expr:
    """A `TVMARK v1 <name>` line."""
    return (pl.col("kind") == str(K.MARKER)) & (pl.col("name") == name)


def is_app_side() -> pl.Expr:
    """Logged inside the app process (by kind, or by a process that is not a system daemon)."""
    by_process = pl.col("process").is_not_null() & ~pl.col("process").is_in(SYSTEM_PROCESSES)
    return kind_is(*APP_ONLY_KINDS) | by_process


def is_daemon() -> pl.Expr:
    return pl.col("process") == "nsurlsessiond"


def is_created() -> pl.Expr:
    return kind_is(K.TASK_UPLOAD_CREATED) | marker("task.create")


def is_resumed() -> pl.Expr:
    return kind_is(*RESUME_KINDS) | marker("task.resume")


def is_began() -> pl.Expr:
    return kind_is(*BEGIN_KINDS)


def is_daemon_progress() -> pl.Expr:
    return kind_is(*DAEMON_PROGRESS_KINDS) & (is_daemon() | pl.col("process").is_null())


def is_daemon_outcome() -> pl.Expr:
    return kind_is(*DAEMON_OUTCOME_KINDS)


def is_delivered_outcome() -> pl.Expr:
    """The app saw the result (semantics: *delivered outcome*)."""
    return kind_is(*APP_OUTCOME_KINDS, *ACK_KINDS) | marker("task.complete")


def is_session_creation() -> pl.Expr:
    return kind_is(*SESSION_CREATION_KINDS) | marker("session.create")


def is_wake_request() -> pl.Expr:
    """nsurlsessiond asked SpringBoard to open/wake the app."""
    by_requester = pl.col("requester").str.starts_with("nsurlsessiond").fill_null(False)
    fb_request = kind_is(K.FB_OPEN_REQUEST, K.FB_EXECUTING_REQUEST, K.FB_SUSPENDED_ACTIVATION)
    return kind_is(K.WAKE_REQUESTED, K.WAKE_SUCCEEDED) | (fb_request & by_requester)


def is_wake_assertion() -> pl.Expr:
    named = pl.col("assertion_name").str.contains(HANDLESESSION, literal=True).fill_null(False)
    return kind_is(*ASSERTION_KINDS) & named


def is_foreground() -> pl.Expr:
    """A foreground role (RunningBoard) or visibility (FrontBoard: `role` on process-state lines,
    `state` on `Setting process visibility to:`)."""
    role = pl.col("role").str.contains(r"^UserInteractive|^Foreground").fill_null(False)
    visible = pl.col("state").str.contains("Foreground", literal=True).fill_null(False)
    return role | visible


def is_suspension() -> pl.Expr:
    suspended_state = pl.col("state").str.contains("running-suspended", literal=True)
    return kind_is(K.RB_SUSPEND, K.UI_SUSPENDING) | (
        kind_is(K.RB_STATE, K.DAS_STATE_UPDATE) & suspended_state.fill_null(False)
    )


def is_resumption() -> pl.Expr:
    active_state = pl.col("state").str.contains("running-active", literal=True)
    return kind_is(K.RB_RESUME) | (kind_is(K.RB_STATE) & active_state.fill_null(False))


def evidence() -> pl.Expr:
    """(path, line) of a row, the unit every conclusion cites."""
    return pl.struct(path=pl.col("source"), line=pl.col("line"))


def first_at(condition: pl.Expr) -> pl.Expr:
    """Earliest timestamp of the rows matching `condition` (in a group_by context)."""
    return pl.col("timestamp").filter(condition).min()


def first_value(column: str, condition: pl.Expr | None = None) -> pl.Expr:
    """First non-null value of `column` in time order (rows are sorted by time)."""
    values = pl.col(column) if condition is None else pl.col(column).filter(condition)
    return values.drop_nulls().first()


def seconds_between(start: str, end: str) -> pl.Expr:
    return (pl.col(end) - pl.col(start)).dt.total_microseconds() / 1_000_000


def iso(column: str) -> pl.Expr:
    """ISO 8601 text: UTC with `Z` when the input carried an offset, naive local otherwise."""
    text = pl.col(column).dt.to_string("%Y-%m-%dT%H:%M:%S%.6f")
    return pl.when(pl.col("tz_known").fill_null(False)).then(text + "Z").otherwise(text)


def task_key() -> pl.Expr:
    """`<UUID>.<n>` when the UUID is known, else `~<bundle>/<session>.<n>` (markers only)."""
    by_uuid = pl.format("{}.{}", pl.col("task_uuid"), pl.col("task_number"))
    by_session = pl.format(
        "~{}/{}.{}",
        pl.col("bundle").fill_null("?"),
        pl.col("sid").fill_null("?"),
        pl.col("task_number"),
    )
    return pl.when(pl.col("task_uuid").is_not_null()).then(by_uuid).otherwise(by_session)


def is_not_running() -> pl.Expr:
    """SpringBoard's `… taskState: Not Running`: the process is gone (iOS 12 says no more)."""
    return (pl.col("kind") == str(K.FB_PROCESS_STATE)) & (pl.col("state") == "Not Running")


def is_exit() -> pl.Expr:
    """A line that shows an app process ended: the exit kinds, then SpringBoard's Not Running."""
    return kind_is(*EXIT_KINDS) | is_not_running()


def decoded_end_reason() -> pl.Expr:
    """The grammar's `exit_reason`, else a decoding of the launchd triple (log_formats.md §12)."""
    namespace, code = pl.col("exit_namespace"), pl.col("exit_code")
    from_triple = (
        pl.when(is_not_running())
        .then(pl.lit("unknown"))  # the process is gone; SpringBoard does not say why
        .when((namespace == 10) & (code == 0xDEADFA11))
        .then(pl.lit("user_force_quit"))
        .when(code == 0x8BADF00D)
        .then(pl.lit("watchdog"))
        .when(code.is_in([0x2182BAD2, 0x2182BAD3, 0x2182BAD4, 0x2182BAAD]))
        .then(pl.lit("assertion_timeout"))
        .when(namespace == 1)
        .then(pl.lit("system_jetsam"))
        .when((namespace == 2) & ~code.is_in([9, 15]))
        .then(pl.lit("crash"))
        .when((namespace == 0) & (code == 0))
        .then(pl.lit("unknown"))
        .when(namespace.is_not_null())
        .then(pl.lit("system_other"))
    )
    return pl.coalesce(pl.col("exit_reason"), from_triple)
