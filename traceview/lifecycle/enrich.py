"""Give every signal the identities other lines reveal: bundle, session identifier, app pid, task.

Redacted identifiers arrive as nulls. They are resolved from other lines of the same pid (the
app's own lines and RunningBoard/FrontBoard identities share pids), of the same NDSession UUID
(`NDSession <S> … is for <b>.<sid>`), and of the same task (`Task <T>.<n> is for <b>.<sid>.<n>`).

Added columns: `app_side` (logged in the app), `app_pid` (the app process the row is about),
`bundle`, `sid` (resolved bundle id and session identifier), `task_key` (see
`expressions.task_key`), `run_pid` (the app run alive at that time, for rows without a pid),
`seq` (u32, the row's place in time order).
"""

from __future__ import annotations

import polars as pl

from traceview.lifecycle.expressions import is_app_side, is_exit, task_key


def _identities(rows: pl.LazyFrame) -> pl.LazyFrame:
    app_pid = pl.when(pl.col("app_side")).then(pl.col("pid")).otherwise(pl.col("target_pid"))
    return rows.with_columns(app_side=is_app_side()).with_columns(app_pid=app_pid)


def _lookup(rows: pl.LazyFrame, key: str, value: str, alias: str) -> pl.LazyFrame:
    """One `value` per `key`: the first seen (keys are stable within a capture)."""
    known = rows.filter(pl.col(key).is_not_null() & pl.col(value).is_not_null())
    return known.group_by(key).agg(pl.col(value).first().alias(alias))


def _resolve_bundle(rows: pl.LazyFrame) -> pl.LazyFrame:
    by_pid = _lookup(rows, "app_pid", "bundle_id", "pid_bundle")
    names = rows.filter(pl.col("app_side")).join(by_pid, on="app_pid", how="inner")
    by_name = _lookup(names, "process", "pid_bundle", "name_bundle")
    name_key = pl.when(pl.col("app_side")).then(pl.col("process"))
    return (
        rows.join(by_pid, on="app_pid", how="left")
        .with_columns(_name_key=name_key)
        .join(by_name, left_on="_name_key", right_on="process", how="left")
        .with_columns(bundle=pl.coalesce("bundle_id", "pid_bundle", "name_bundle"))
        .drop("pid_bundle", "name_bundle", "_name_key")
    )


def _resolve_session(rows: pl.LazyFrame) -> pl.LazyFrame:
    sid_by_uuid = _lookup(rows, "session_uuid", "session_id", "uuid_sid")
    bundle_by_uuid = _lookup(rows, "session_uuid", "bundle", "uuid_bundle")
    return (
        rows.join(sid_by_uuid, on="session_uuid", how="left")
        .join(bundle_by_uuid, on="session_uuid", how="left")
        .with_columns(
            sid=pl.coalesce("session_id", "uuid_sid"),
            bundle=pl.coalesce("bundle", "uuid_bundle"),
        )
        .drop("uuid_sid", "uuid_bundle")
    )


def _resolve_app_lines(rows: pl.LazyFrame) -> pl.LazyFrame:
    """App lines that still lack a bundle (no pid in Console copies): the bundle that other lines
    of the same process name, or of the same session identifier, resolved to."""
    app_lines = rows.filter(pl.col("app_side"))
    by_name = _lookup(app_lines, "process", "bundle", "_name_bundle")
    by_sid = _lookup(rows, "sid", "bundle", "_sid_bundle")
    name_key = pl.when(pl.col("app_side")).then(pl.col("process"))
    return (
        rows.with_columns(_name_key=name_key)
        .join(by_name, left_on="_name_key", right_on="process", how="left")
        .join(by_sid, on="sid", how="left")
        .with_columns(bundle=pl.coalesce("bundle", "_name_bundle", "_sid_bundle"))
        .drop("_name_key", "_name_bundle", "_sid_bundle")
    )


def _only_session(rows: pl.LazyFrame) -> pl.LazyFrame:
    """app pid -> its session identifier, for app processes whose lines name exactly one."""
    known = rows.filter(pl.col("app_pid").is_not_null() & pl.col("sid").is_not_null())
    per_process = known.group_by("app_pid").agg(pl.col("sid").unique().alias("_sids"))
    single = per_process.filter(pl.col("_sids").list.len() == 1)
    return single.select("app_pid", only_sid=pl.col("_sids").list.first())


def _fill_from_task(rows: pl.LazyFrame) -> pl.LazyFrame:
    """Every line of a `Task <UUID>.<n>` gets the bundle and identifier any of its lines names."""
    per_task = rows.filter(pl.col("task_uuid").is_not_null()).group_by("task_uuid", "task_number")
    task_ids = per_task.agg(
        t_bundle=pl.col("bundle").drop_nulls().first(), t_sid=pl.col("sid").drop_nulls().first()
    )
    return (
        rows.join(task_ids, on=["task_uuid", "task_number"], how="left", nulls_equal=False)
        .with_columns(bundle=pl.coalesce("bundle", "t_bundle"), sid=pl.coalesce("sid", "t_sid"))
        .drop("t_bundle", "t_sid")
    )


def _adopt(rows: pl.LazyFrame, found: pl.LazyFrame, on: list[str]) -> pl.LazyFrame:
    """uuid-less task lines (markers, legacy) take the uuid `found` gives for their `on` keys."""
    rows = rows.join(found, on=on, how="left")
    same_session = pl.col("sid").is_null() | pl.col("found_sid").is_null()
    same_session = same_session | (pl.col("sid") == pl.col("found_sid"))
    adopt = pl.col("task_uuid").is_null() & pl.col("task_number").is_not_null() & same_session
    return rows.with_columns(
        task_uuid=pl.when(adopt).then(pl.col("found_uuid")).otherwise(pl.col("task_uuid"))
    ).drop("found_uuid", "found_sid")


def _only_app(rows: pl.LazyFrame) -> pl.LazyFrame:
    """Task lines that name no app belong to the app, when the log shows background transfers
    of exactly one app (nsurlsessiond prints `uploadTaskWithRequest` without the client)."""
    transfers = rows.filter(pl.col("task_number").is_not_null() | pl.col("sid").is_not_null())
    apps = transfers.select(_apps=pl.col("bundle").drop_nulls().unique().implode())
    single = pl.col("_apps").list.len() == 1
    fill = pl.col("task_number").is_not_null() & pl.col("bundle").is_null() & single
    return (
        rows.join(apps, how="cross")
        .with_columns(bundle=pl.when(fill).then(pl.col("_apps").list.first()).otherwise("bundle"))
        .drop("_apps")
    )


def _resolve_tasks(rows: pl.LazyFrame) -> pl.LazyFrame:
    """Fill bundle/sid across a task's lines, then give uuid-less lines (markers) their uuid:
    the task of their bundle with that number, else the only bundle-less task with it."""
    rows = _only_app(_fill_from_task(rows))
    rows = rows.join(_only_session(rows), on="app_pid", how="left")
    fill_sid = pl.col("task_number").is_not_null() & pl.col("sid").is_null()
    rows = rows.with_columns(
        sid=pl.when(fill_sid).then(pl.col("only_sid")).otherwise(pl.col("sid"))
    ).drop("only_sid")
    named = rows.filter(pl.col("task_uuid").is_not_null())
    by_bundle = (
        named.filter(pl.col("bundle").is_not_null())
        .group_by("bundle", "task_number")
        .agg(found_uuid=pl.col("task_uuid").last(), found_sid=pl.col("sid").drop_nulls().last())
    )
    anonymous = (
        named.filter(pl.col("bundle").is_null())
        .group_by("task_number")
        .agg(found_uuid=pl.col("task_uuid").unique(), found_sid=pl.lit(None, pl.String).first())
        .filter(pl.col("found_uuid").list.len() == 1)
        .with_columns(pl.col("found_uuid").list.first())
    )
    rows = _adopt(_adopt(rows, by_bundle, ["bundle", "task_number"]), anonymous, ["task_number"])
    return _fill_from_task(rows)


def runs_of(rows: pl.LazyFrame) -> pl.LazyFrame:
    """One row per app run (bundle, pid): first and last line about it.

    Apple's own processes (`com.apple.*`: WebKit helpers, daemons) are never the app studied."""
    apple = pl.col("bundle").str.starts_with("com.apple.").fill_null(False)
    with_pid = rows.filter(pl.col("app_pid").is_not_null() & ~apple)
    return with_pid.group_by("bundle", "app_pid").agg(
        first_seen=pl.col("timestamp").min(), last_seen=pl.col("timestamp").max()
    )


def _attach_runs(rows: pl.LazyFrame) -> pl.LazyFrame:
    """`run_pid`: the row's own app pid, else the run of its bundle alive at that time (from its
    first line until its first exit line; a run without one lives to the end of the log)."""
    exits = rows.filter(is_exit() & pl.col("app_pid").is_not_null())
    ends = exits.group_by("bundle", "app_pid").agg(_end=pl.col("timestamp").min())
    runs = (
        runs_of(rows)
        .filter(pl.col("bundle").is_not_null())
        .join(ends, on=["bundle", "app_pid"], how="left")
        .select("bundle", "_end", _run_pid="app_pid", _start="first_seen")
        .sort("_start")
    )
    located = rows.sort("timestamp").join_asof(
        runs,
        left_on="timestamp",
        right_on="_start",
        by="bundle",
        strategy="backward",
        check_sortedness=False,
    )
    alive = pl.col("_end").is_null() | (
        pl.col("timestamp") <= pl.col("_end") + pl.duration(seconds=2)
    )
    asof_pid = pl.when(alive).then(pl.col("_run_pid"))
    return located.with_columns(run_pid=pl.coalesce("app_pid", asof_pid)).drop(
        "_run_pid", "_start", "_end"
    )


def _settled(rows: pl.LazyFrame) -> pl.LazyFrame:
    """Materialise a stage: each stage joins the rows with lookups built from those same rows,
    and a lazy plan re-plans such a shared input once per reference, which compounds from stage
    to stage (seconds of planning for a handful of rows). Collecting per stage keeps it linear."""
    return rows.collect().lazy()


def enrich(signals: pl.LazyFrame) -> pl.DataFrame:
    """SIGNALS -> SIGNALS + identities, sorted by time (see the module docstring)."""
    # `seq`: the row's place in time order (file order where timestamps are missing, as in
    # message-only pastes); "follows" in the semantics means a higher seq.
    rows = signals.sort("timestamp", "source", "line", nulls_last=True).with_row_index("seq")
    rows = _settled(_resolve_session(_resolve_bundle(_identities(rows))))
    rows = _settled(_resolve_tasks(_resolve_app_lines(rows)))
    rows = _attach_runs(rows).with_columns(task_key=task_key())
    no_task = pl.col("task_number").is_null()
    return (
        rows.with_columns(task_key=pl.when(no_task).then(None).otherwise(pl.col("task_key")))
        .sort("seq")
        .collect()
    )
