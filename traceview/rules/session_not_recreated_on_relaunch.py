"""TV104 session_not_recreated_on_relaunch."""
# ruff: noqa: E501  (the doc quotes log lines verbatim)

from __future__ import annotations

import polars as pl

from traceview.model import Severity
from traceview.rules.base import Context, Rule, app_name, clock, say
from traceview.rules.relaunch import RUN, created_in_runs, relaunches, woken_for


class SessionNotRecreatedOnRelaunch(Rule):
    """
    ## What it does
    Flags a process the system launched for background URLSession events that created no
    background session at all: no `background session setup`, no `session.create` marker and no
    daemon `Creating session with identifier:` while it ran ("orphaned events").

    ## Why it matters
    Until the app reconnects a session with that identifier, nsurlsessiond cannot deliver the
    completed tasks; the process is suspended or killed and the same completions arrive much
    later, on the next launch that creates the session.

    ## Example
    ```log
    18:14:31 nsurlsessiond [FBSSystemService][0xc652] Sending request to open "com.mycompany.backgrounddemo"
    18:14:31 SpringBoard Bootstrapping com.mycompany.backgrounddemo with intent background
    18:14:31 SpringBoard Application process state changed for com.mycompany.backgrounddemo: <SBApplicationProcessState: 0x280ba7ae0; pid: 12648; taskState: Running; visibility: Unknown>
    ```
    and no `Creating session with identifier: … for bundle id: com.mycompany.backgrounddemo` follows.

    ## What to do
    Create the background session(s) unconditionally at launch with a fixed identifier and keep a
    strong reference; in `handleEvents` only store the completion handler.

    ## Known false positives
    A capture that leaves out both the app's CFNetwork lines and nsurlsessiond's session lines.
    A log that ends within `relaunch_grace_s` (30 s) of the relaunch is not judged.

    ## References
    urlsession_rules.md §5.1, §6.3 [DTS Q-74730] [A-HANDLE] [A-ULSPG]
    """

    name = "session_not_recreated_on_relaunch"
    code = "TV104"
    severity = Severity.CRITICAL
    title = "relaunched for session events, no session created in that process"
    advice = "Create the background session with its fixed identifier at every launch, before handleEvents."

    def check(self, ctx: Context) -> pl.LazyFrame:
        made = created_in_runs(ctx).select(RUN).unique()
        orphaned = relaunches(ctx).join(made, on=RUN, how="anti", nulls_equal=True)
        reasons = (
            woken_for(ctx)
            .group_by(RUN)
            .agg(
                sid=pl.col("sid").first(),
                evidence=pl.col("evidence").list.explode(keep_nulls=False, empty_as_null=False),
            )
        )
        found = orphaned.join(reasons, on=RUN, how="left", nulls_equal=True)
        return found.select(
            "tz_known",
            at="launched_at",
            bundle_id="bundle",
            session_identifier="sid",
            pid="run_pid",
            evidence=pl.concat_list("launch_evidence", pl.col("evidence").fill_null([])),
            message=say(
                "{} (pid {}) was relaunched at {} for background URLSession events{} but created no background session",
                app_name("bundle"),
                pl.col("run_pid"),
                clock("launched_at"),
                pl.when(pl.col("sid").is_not_null())
                .then(say(" of {}", pl.col("sid")))
                .otherwise(pl.lit("")),
            ),
        )


RULE = SessionNotRecreatedOnRelaunch()
