"""What every rule is: a name, a code, a severity, a documented check over the reconstruction.

A rule's `check(ctx)` returns a LazyFrame with one row per subject (task, session, process) and
the FINDING columns below (missing ones are filled with nulls by the engine). `message` says what
happened with ids and times; `advice` (one line) says what to do; the docstring says why, in the
fixed template `traceview explain RULE` prints.
"""

from __future__ import annotations

import dataclasses
import inspect
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, ClassVar

import polars as pl

from traceview.errors import TraceviewError
from traceview.lifecycle.expressions import evidence
from traceview.model import Severity

EVIDENCE = pl.List(pl.Struct({"path": pl.String(), "line": pl.Int64()}))
FINDING: dict[str, pl.DataType] = {
    "message": pl.String(),
    "at": pl.Datetime("us"),
    "tz_known": pl.Boolean(),
    "bundle_id": pl.String(),
    "session_identifier": pl.String(),
    "task_uuid": pl.String(),
    "task_number": pl.Int64(),
    "pid": pl.Int64(),
    "evidence": EVIDENCE,
    "severity": pl.String(),  # overrides the rule's default severity when not null
}
DOC_SECTIONS = (
    "## What it does",
    "## Why it matters",
    "## Example",
    "## What to do",
    "## Known false positives",
    "## References",
)


@dataclass(frozen=True)
class RuleConfig:
    """Thresholds (defaults from urlsession_rules.md §5; all are heuristics, hence configurable)."""

    delivery_latency_s: float = 300.0  # daemon completion -> delivery counted as late (5 min)
    max_retries: int = 3  # re-created tasks for one description before it is excessive
    too_many_tasks: int = 100  # tasks in one background session within task_burst_s
    task_burst_s: float = 600.0  # the window for too_many_tasks
    slow_wake_s: float = 10.0  # handleEvents -> completion handler
    discretionary_wait_s: float = 3600.0  # resumed -> will begin
    waiting_s: float = 600.0  # resumed, not begun, cellular disallowed
    rate_limiter_delay_s: float = 120.0  # a request delay this high means it doubled at least once
    handler_grace_s: float = 30.0  # a wake this close to the end of the log may still complete
    never_resumed_grace_s: float = 10.0  # a task this close to the end may still be resumed
    relaunch_grace_s: float = 30.0  # a relaunch needs this long to create its session
    recreate_window_s: float = 5.0  # invalidate -> create the same identifier this fast


def config_with(overrides: Sequence[str], base: RuleConfig | None = None) -> RuleConfig:
    """`base` (default: the defaults) with `NAME=VALUE` thresholds replaced, e.g. from the CLI."""
    config = base or RuleConfig()
    known = {field.name: field.type for field in dataclasses.fields(RuleConfig)}
    changes: dict[str, Any] = {}
    for item in overrides:
        name, _, value = item.partition("=")
        if name not in known:
            names = ", ".join(sorted(known))
            raise TraceviewError(f"unknown threshold {name!r} in {item!r}; known: {names}")
        try:
            changes[name] = int(value) if known[name] in (int, "int") else float(value)
        except ValueError:
            raise TraceviewError(f"threshold {name} takes a number, not {value!r}") from None
    return dataclasses.replace(config, **changes)


@dataclass(frozen=True)
class Context:
    """The reconstruction as lazy frames, plus the end of the log and the thresholds."""

    signals: pl.LazyFrame
    processes: pl.LazyFrame
    sessions: pl.LazyFrame
    tasks: pl.LazyFrame
    wakes: pl.LazyFrame
    log_end: datetime | None
    config: RuleConfig

    def before_end(self, column: str, seconds: float) -> pl.Expr:
        """True when `column` is at least `seconds` before the end of the log."""
        if self.log_end is None:
            return pl.lit(True)
        return pl.col(column) <= pl.lit(self.log_end) - pl.duration(seconds=seconds)


class Rule:
    """Base class: subclasses set the class attributes, write the doc and `check`."""

    name: ClassVar[str]
    code: ClassVar[str]
    severity: ClassVar[Severity]
    title: ClassVar[str]  # one line for `traceview rules`
    advice: ClassVar[str]

    def check(self, ctx: Context) -> pl.LazyFrame:
        raise NotImplementedError

    @property
    def doc(self) -> str:
        return inspect.cleandoc(type(self).__doc__ or "")

    @property
    def summary(self) -> str:
        """The one-line description `traceview rules` shows."""
        return self.title


def clock(column: str) -> pl.Expr:
    """A timestamp as message text."""
    return pl.col(column).dt.to_string("%Y-%m-%d %H:%M:%S")


def one(expr: pl.Expr | None = None) -> pl.Expr:
    """Evidence of the row itself as a one-item list."""
    return pl.concat_list(expr if expr is not None else evidence())


def signal_subject(rows: pl.LazyFrame) -> pl.LazyFrame:
    """Finding columns for findings about single signal rows."""
    return rows.with_columns(
        at=pl.col("timestamp"),
        bundle_id=pl.col("bundle"),
        session_identifier=pl.col("sid"),
        pid=pl.col("run_pid"),
        evidence=one(),
    )


def app_name(column: str = "bundle_id") -> pl.Expr:
    """The app a finding is about, as its bundle id (`the app` when the log does not say)."""
    return pl.col(column).fill_null("the app")


def task_name() -> pl.Expr:
    """`Task <UUID>.<n>` (or `task <n>` when only the app's markers name it)."""
    by_uuid = say("Task <{}>.<{}>", pl.col("task_uuid"), pl.col("task_number"))
    by_number = say("task {}", pl.col("task_number"))
    return pl.when(pl.col("task_uuid").is_not_null()).then(by_uuid).otherwise(by_number)


def session_name() -> pl.Expr:
    return say("session {} of {}", pl.col("session_identifier").fill_null("<unknown>"), app_name())


def first_per(frame: pl.LazyFrame, keys: list[str]) -> pl.LazyFrame:
    """One finding per subject: the earliest row of each `keys` group."""
    return frame.sort("at").unique(subset=keys, keep="first", maintain_order=True)


def without(frame: pl.LazyFrame, found: pl.LazyFrame, keys: list[str]) -> pl.LazyFrame:
    """Rows of `frame` whose subject `found` already reports."""
    return frame.join(found.select(keys), on=keys, how="anti", nulls_equal=True)


def exit_rows(ctx: Context) -> pl.LazyFrame:
    """Exit evidence rows (semantics' end_reason sources) of app runs."""
    from traceview.lifecycle.expressions import is_exit

    return ctx.signals.filter(is_exit() & pl.col("run_pid").is_not_null())


def text_has(column: str, needle: str) -> pl.Expr:
    return (
        pl.col(column)
        .str.to_lowercase()
        .str.contains(needle.lower(), literal=True)
        .fill_null(False)
    )


def task_subject(tasks: pl.LazyFrame, at: str, message: pl.Expr, **extra: pl.Expr) -> pl.LazyFrame:
    """Finding columns for findings about reconstructed tasks."""
    return tasks.select(
        "bundle_id",
        "session_identifier",
        "task_uuid",
        "task_number",
        "evidence",
        "tz_known",
        at=pl.coalesce(at, "last_seen"),
        pid=pl.coalesce("delivered_pid", "created_pid"),
        message=message,
        **extra,
    )


def cancelled_tasks(ctx: Context, reason: str, because: str) -> pl.LazyFrame:
    """Findings for tasks delivered as -999 with the given cancel reason ("… was cancelled
    {because}, delivered at …"): the three cancellation rules differ only in these two."""
    cancelled = ctx.tasks.filter(pl.col("cancel_reason") == reason)
    message = say(
        "{} of {} was cancelled " + because + ", delivered at {}",
        task_name(),
        app_name(),
        clock("delivered_at"),
    )
    return task_subject(cancelled, "delivered_at", message)


def run_subject(rows: pl.LazyFrame, at: str, message: pl.Expr) -> pl.LazyFrame:
    """Finding columns for findings about one app run's session, from enriched signal rows."""
    return rows.select(
        at=at,
        bundle_id="bundle",
        session_identifier="sid",
        pid="run_pid",
        evidence="evidence",
        message=message,
    )


def say(template: str, *args: pl.Expr) -> pl.Expr:
    """`pl.format` that never turns the whole message null: a missing value reads `?`."""
    return pl.format(template, *(arg.cast(pl.String).fill_null("?") for arg in args))
