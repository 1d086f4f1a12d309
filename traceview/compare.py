"""Regression comparison of saved reports (or logs) across iOS versions, computed once.

`compare(base, new)` reduces each Report to a `Side` (outcome counts, metric percentiles,
findings per rule, grammar families matched) and records every delta the renderers show, so
`traceview.report.compare_terminal` / `compare_html` only format. A family that matched on the
base but never on the new side is reported as possible Apple log wording drift: the parser may
have stopped seeing a message, which is not the same as the app behaving differently.
"""

from __future__ import annotations

import itertools
import math
import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from traceview.errors import TraceviewError
from traceview.model import FinalState, Report, Severity

STATES = tuple(s.value for s in FinalState)
# Named metric lists in Report.metrics (documented in traceview.lifecycle), in display order.
TIMINGS = (
    ("delivery_latency_s", "delivery latency"),
    ("wake_to_handler_s", "wake to handler"),
    ("request_delays_s", "rate-limiter request delay"),
)
BY_FIELDS = ("os_version", "os_build", "model")  # Report.device keys (InputInfo as fallback)
SHARE_POINTS = 5.0  # an outcome share moving this many percentage points is a regression
GROWTH = 1.5  # a p90 (or max delay) growing by this factor ...
MIN_GROWTH_S = 10.0  # ... and by at least this many seconds is a regression


@dataclass(frozen=True)
class Percentiles:
    count: int
    p50: float | None
    p90: float | None
    max: float | None


@dataclass(frozen=True)
class Side:
    """One side of a comparison: one report, or several pooled (the matrix)."""

    label: str
    reports: int
    tasks: int
    outcomes: tuple[tuple[str, int], ...]  # (final_state, count) for every state
    timings: tuple[tuple[str, Percentiles], ...]  # (metric key, percentiles)
    relaunches: int | None
    findings: tuple[tuple[str, str, int], ...]  # (rule, worst severity, count)
    families: tuple[tuple[str, int], ...]  # (grammar family/kind, times matched)

    @property
    def finding_total(self) -> int:
        return sum(count for _, _, count in self.findings)

    def share(self, state: str) -> float | None:
        """Percent of tasks in `state`, None without tasks."""
        if not self.tasks:
            return None
        return 100.0 * dict(self.outcomes).get(state, 0) / self.tasks


@dataclass(frozen=True)
class OutcomeDelta:
    state: str
    base_count: int
    base_share: float | None
    new_count: int
    new_share: float | None
    points: float | None  # new share minus base share, percentage points


@dataclass(frozen=True)
class TimingDelta:
    metric: str
    label: str
    base: Percentiles
    new: Percentiles
    p90_ratio: float | None  # new p90 / base p90


@dataclass(frozen=True)
class RuleDelta:
    rule: str
    severity: str
    base: int
    new: int
    status: str  # new | resolved | persisting


@dataclass(frozen=True)
class Comparison:
    base: Side
    new: Side
    outcomes: tuple[OutcomeDelta, ...]
    timings: tuple[TimingDelta, ...]
    rules: tuple[RuleDelta, ...]
    wording_drift: tuple[tuple[str, int], ...]  # families matched on base (count), never on new
    new_families: tuple[tuple[str, int], ...]  # families matched only on the new side
    regressions: tuple[str, ...]  # plain sentences, empty when nothing got worse

    @property
    def new_findings(self) -> tuple[RuleDelta, ...]:
        return tuple(r for r in self.rules if r.status == "new")

    @property
    def is_regression(self) -> bool:
        return bool(self.regressions)


@dataclass(frozen=True)
class Matrix:
    """Reports grouped by a key (e.g. os_version), pooled per group, oldest first."""

    by: str
    sides: tuple[Side, ...]
    steps: tuple[Comparison, ...]  # each group against the previous one


def compare(base: Report, new: Report) -> Comparison:
    """Every delta between two reports, base first."""
    return compare_sides(summarise([base]), summarise([new]))


def compare_matrix(reports: Sequence[Report], by: str = "os_version") -> Matrix:
    """Group `reports` by `by` (one of BY_FIELDS), pool each group, compare neighbours."""
    if by not in BY_FIELDS:
        raise TraceviewError(f"--by takes one of {', '.join(BY_FIELDS)}, not {by!r}")
    groups: dict[str, list[Report]] = {}
    for report in reports:
        groups.setdefault(group_key(report, by), []).append(report)
    ordered = sorted(groups, key=_natural)
    prefix = "iOS " if by == "os_version" else f"{by} "
    sides = tuple(summarise(groups[key], label=f"{prefix}{key}") for key in ordered)
    steps = tuple(compare_sides(a, b) for a, b in itertools.pairwise(sides))
    return Matrix(by, sides, steps)


def group_key(report: Report, by: str) -> str:
    field = "device_model" if by == "model" else by
    value = report.device.get(by)
    if value is None:
        value = next((getattr(i, field) for i in report.inputs if getattr(i, field, None)), None)
    return str(value) if value is not None else "unknown"


def _natural(key: str) -> list[Any]:
    # "9.3" < "12.4" < "17.5"; non-numeric parts sort as text after numbers.
    return [(0, int(p), "") if p.isdigit() else (1, 0, p) for p in re.split(r"(\d+)", key) if p]


def summarise(reports: Sequence[Report], label: str | None = None) -> Side:
    """Pool one or more reports into a Side."""
    states = Counter(t.final_state.value for r in reports for t in r.tasks)
    return Side(
        label=label or _label(reports[0]),
        reports=len(reports),
        tasks=sum(states.values()),
        outcomes=tuple((s, states[s]) for s in STATES),
        timings=tuple((key, percentiles(_values(reports, key))) for key, _ in TIMINGS),
        relaunches=_relaunches(reports),
        findings=_findings(reports),
        families=_families(reports),
    )


def _label(report: Report) -> str:
    version = report.device.get("os_version") or next(
        (i.os_version for i in report.inputs if i.os_version), None
    )
    build = report.device.get("os_build") or next(
        (i.os_build for i in report.inputs if i.os_build), None
    )
    if version:
        return f"iOS {version} ({build})" if build else f"iOS {version}"
    if not report.inputs:
        return "report"
    # A file name is enough to tell the sides apart and keeps table headers readable.
    name = Path(report.inputs[0].path).name or report.inputs[0].path
    more = len(report.inputs) - 1
    return f"{name} +{more}" if more else name


def _values(reports: Iterable[Report], key: str) -> list[float]:
    values: list[float] = []
    for report in reports:
        raw = report.metrics.get(key)
        if isinstance(raw, list):
            values.extend(float(v) for v in raw if isinstance(v, int | float) and math.isfinite(v))
    return values


def percentiles(values: Sequence[float]) -> Percentiles:
    """Nearest-rank p50/p90 and max; all None for no values."""
    if not values:
        return Percentiles(0, None, None, None)
    ordered = sorted(values)

    def rank(p: float) -> float:
        return ordered[max(math.ceil(p * len(ordered)) - 1, 0)]

    return Percentiles(len(ordered), rank(0.5), rank(0.9), ordered[-1])


def _relaunches(reports: Iterable[Report]) -> int | None:
    counts = [
        r.metrics["relaunches"] for r in reports if isinstance(r.metrics.get("relaunches"), int)
    ]
    return sum(counts) if counts else None


def _findings(reports: Iterable[Report]) -> tuple[tuple[str, str, int], ...]:
    counts: Counter[str] = Counter()
    worst: dict[str, Severity] = {}
    for finding in (f for r in reports for f in r.findings):
        counts[finding.rule] += 1
        if finding.rule not in worst or finding.severity.rank > worst[finding.rule].rank:
            worst[finding.rule] = finding.severity
    return tuple((rule, worst[rule].value, counts[rule]) for rule in sorted(counts))


def _families(reports: Iterable[Report]) -> tuple[tuple[str, int], ...]:
    counts: Counter[str] = Counter()
    for report in reports:
        for family, count in report.coverage.families_matched:
            counts[family] += count
    return tuple(sorted(counts.items()))


def compare_sides(base: Side, new: Side) -> Comparison:
    outcomes = tuple(_outcome_delta(base, new, state) for state in STATES)
    timings = tuple(_timing_delta(base, new, key, label) for key, label in TIMINGS)
    rules = _rule_deltas(base, new)
    base_families, new_families = dict(base.families), dict(new.families)
    drift = tuple((f, n) for f, n in base.families if n > 0 and new_families.get(f, 0) == 0)
    fresh = tuple((f, n) for f, n in new.families if n > 0 and base_families.get(f, 0) == 0)
    worse = regressions(outcomes, timings, rules)
    return Comparison(base, new, outcomes, timings, rules, drift, fresh, worse)


def _outcome_delta(base: Side, new: Side, state: str) -> OutcomeDelta:
    b, n = base.share(state), new.share(state)
    points = None if b is None or n is None else n - b
    return OutcomeDelta(state, dict(base.outcomes)[state], b, dict(new.outcomes)[state], n, points)


def _timing_delta(base: Side, new: Side, key: str, label: str) -> TimingDelta:
    b, n = dict(base.timings)[key], dict(new.timings)[key]
    ratio = n.p90 / b.p90 if b.p90 and n.p90 is not None else None
    return TimingDelta(key, label, b, n, ratio)


def _rule_deltas(base: Side, new: Side) -> tuple[RuleDelta, ...]:
    before = {rule: (Severity(sev), count) for rule, sev, count in base.findings}
    after = {rule: (Severity(sev), count) for rule, sev, count in new.findings}
    deltas = []
    for rule in sorted(set(before) | set(after)):
        seen = [side[rule] for side in (before, after) if rule in side]
        worst = max((severity for severity, _ in seen), key=lambda s: s.rank).value
        status = "persisting" if len(seen) == 2 else ("new" if rule in after else "resolved")
        count_before = before[rule][1] if rule in before else 0
        count_after = after[rule][1] if rule in after else 0
        deltas.append(RuleDelta(rule, worst, count_before, count_after, status))
    order = {"new": 0, "persisting": 1, "resolved": 2}
    return tuple(
        sorted(deltas, key=lambda d: (order[d.status], -Severity(d.severity).rank, d.rule))
    )


def regressions(
    outcomes: Sequence[OutcomeDelta], timings: Sequence[TimingDelta], rules: Sequence[RuleDelta]
) -> tuple[str, ...]:
    """What got worse, in words; the criteria are the module constants above."""
    found: list[str] = []
    for delta in outcomes:
        worse = {"succeeded": -1, "failed": 1, "unknown": 1}.get(delta.state)
        if worse and delta.points is not None and delta.points * worse >= SHARE_POINTS:
            found.append(f"{delta.state} share {delta.base_share:.0f}% → {delta.new_share:.0f}%")
    for timing in timings:
        for name, pick in (("p90", _p90), ("max", _max)):
            b, n = pick(timing.base), pick(timing.new)
            if b is not None and n is not None and n >= b * GROWTH and n - b >= MIN_GROWTH_S:
                found.append(f"{timing.label} {name} {b:.0f} s → {n:.0f} s")
                break
    for rule in rules:
        if rule.status == "new" and Severity(rule.severity).rank >= Severity.ERROR.rank:
            found.append(f"new {rule.severity} finding {rule.rule}")
    return tuple(found)


def _p90(p: Percentiles) -> float | None:
    return p.p90


def _max(p: Percentiles) -> float | None:
    return p.max


FAIL_ON: dict[str, Callable[[Comparison], bool]] = {
    "new-findings": lambda c: bool(c.new_findings),
    "regression": lambda c: c.is_regression,
}


def check_fail_on(fail_on: str | None) -> None:
    """Refuse an unknown `--fail-on` value before any work is done."""
    if fail_on is not None and fail_on not in FAIL_ON:
        raise TraceviewError(f"--fail-on takes {' or '.join(FAIL_ON)}, not {fail_on!r}")


def fail_reason(comparisons: Iterable[Comparison], fail_on: str | None) -> str | None:
    """Why `--fail-on` triggers (new-findings | regression), or None."""
    check_fail_on(fail_on)
    if fail_on is None:
        return None
    hit = next((c for c in comparisons if FAIL_ON[fail_on](c)), None)
    return None if hit is None else f"{fail_on}: {hit.base.label} → {hit.new.label}"


def load_report(path: str) -> Report:
    """A saved JSON report (detected by content) or a log input analysed now."""
    # Imported here: traceview.report's renderers import this module.
    from traceview.report.jsonio import looks_like_report, report_from_json

    file = Path(path)
    if file.is_file() and _starts_with_brace(file):
        text = file.read_text(encoding="utf-8", errors="replace")
        if looks_like_report(text):
            return report_from_json(text, path)
    if not file.exists() and path != "-":
        raise TraceviewError(f"{path}: no such file or folder")
    return _analyze_logs(path)


def _starts_with_brace(file: Path) -> bool:
    with file.open("rb") as handle:
        head = handle.read(64).lstrip(b"\xef\xbb\xbf \t\r\n")
    return head.startswith(b"{")


def _analyze_logs(path: str) -> Report:
    # The one place compare reaches the analysis pipeline (imported late: it is heavy).
    from traceview.api import analyze

    return analyze([path]).report
