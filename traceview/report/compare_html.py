"""`traceview compare --html`: the comparison as one self-contained page (same style as reports)."""

from __future__ import annotations

from traceview.compare import TIMINGS, Comparison, Matrix
from traceview.report.compare_terminal import percent, points, spread
from traceview.report.html import page
from traceview.report.htmlkit import Safe, join, json_script, tag


def render_compare_html(comparison: Comparison) -> str:
    title = f"traceview compare — {comparison.base.label} → {comparison.new.label}"
    body = join([tag("header", None, tag("h1", None, title)), *comparison_sections(comparison)])
    return page(title, body, json_script("report-meta", {"utc": True}))


def render_matrix_html(matrix: Matrix) -> str:
    title = f"traceview compare --by {matrix.by}"
    steps = [
        tag(
            "section",
            {"class_": "step"},
            tag("h2", None, f"{s.base.label} → {s.new.label}"),
            *_step_sections(s),
        )
        for s in matrix.steps
    ]
    body = join([tag("header", None, tag("h1", None, title)), matrix_table(matrix), *steps])
    return page(title, body, json_script("report-meta", {"utc": True}))


def _table(headers: list[str], rows: list[list[object]], cls: str = "plain") -> Safe:
    head = tag("thead", None, tag("tr", None, [tag("th", None, h) for h in headers]))
    body = tag("tbody", None, [tag("tr", None, [tag("td", None, c) for c in row]) for row in rows])
    return tag("table", {"class_": cls}, head, body)


def _delta(text: str, worse: bool | None) -> Safe:
    cls = None if worse is None else ("delta-worse" if worse else "delta-better")
    return tag("span", {"class_": cls}, text)


def _step_sections(c: Comparison) -> list[Safe]:
    """Verdict, findings and coverage: the matrix table already shows outcomes and timings."""
    verdict, _outcomes, _timings, rules, coverage = comparison_sections(c)
    return [verdict, rules, coverage]


def comparison_sections(c: Comparison) -> list[Safe]:
    labels = [c.base.label, c.new.label]
    worse_if_up = {"succeeded": False, "failed": True, "unknown": True}
    outcome_rows: list[list[object]] = [
        [
            o.state,
            f"{o.base_count} ({percent(o.base_share)})",
            f"{o.new_count} ({percent(o.new_share)})",
            _delta(
                points(o.points),
                None
                if not o.points or o.state not in worse_if_up
                else (o.points > 0) == worse_if_up[o.state],
            ),
        ]
        for o in c.outcomes
    ]
    timing_rows: list[list[object]] = [
        [
            t.label,
            spread(t.base),
            spread(t.new),
            "—" if t.p90_ratio is None else f"×{t.p90_ratio:.2f}",
        ]
        for t in c.timings
    ]
    timing_rows.append(
        ["background relaunches", _opt(c.base.relaunches), _opt(c.new.relaunches), ""]
    )
    rule_rows: list[list[object]] = [
        [
            tag("code", None, r.rule),
            r.severity,
            r.base,
            r.new,
            _delta(r.status, {"new": True, "resolved": False}.get(r.status)),
        ]
        for r in c.rules
    ]
    # Verdict first: it is what a reader acts on; the tables below are its evidence.
    return [
        _verdict(c),
        tag(
            "section",
            None,
            tag("h2", None, "Task outcomes"),
            _table(["final state", *labels, "change"], outcome_rows),
        ),
        tag(
            "section",
            None,
            tag("h2", None, "Timings (p50 / p90 / max)"),
            _table(["measure", *labels, "p90 change"], timing_rows),
        ),
        tag(
            "section",
            None,
            tag("h2", None, "Findings by rule"),
            _table(["rule", "severity", "base", "new", "status"], rule_rows)
            if rule_rows
            else tag("p", {"class_": "empty"}, "No findings on either side."),
        ),
        _coverage(c),
    ]


def _opt(value: int | None) -> str:
    return "—" if value is None else str(value)


def _coverage(c: Comparison) -> Safe:
    if not c.wording_drift:
        return tag(
            "section",
            None,
            tag("h2", None, "Parser coverage"),
            tag("p", None, "Every message family seen on the base was also seen on the new side."),
        )
    items = [
        tag(
            "li",
            None,
            tag("code", None, f),
            f": matched {n}× on {c.base.label}, never on {c.new.label}",
        )
        for f, n in c.wording_drift
    ]
    return tag(
        "section",
        {"id": "wording-drift"},
        tag("h2", None, "Possible Apple log wording drift"),
        tag(
            "p",
            None,
            "A parser blind spot, not a behaviour change: these message families matched "
            "on the base side and never on the new side.",
        ),
        tag("ul", None, items),
    )


def _verdict(c: Comparison) -> Safe:
    if not c.regressions:
        return tag(
            "section",
            {"id": "verdict"},
            tag("h2", None, "Verdict"),
            tag("p", {"class_": "delta-better"}, "No regression by traceview's criteria."),
        )
    return tag(
        "section",
        {"id": "verdict"},
        tag("h2", None, "Verdict: regressions"),
        tag("ul", None, [tag("li", {"class_": "delta-worse"}, r) for r in c.regressions]),
    )


def matrix_table(matrix: Matrix) -> Safe:
    headers = ["measure", *(f"{s.label} ({s.reports})" for s in matrix.sides)]
    states = [state for state, _ in matrix.sides[0].outcomes] if matrix.sides else []
    rows: list[list[object]] = [
        [state, *(f"{dict(s.outcomes)[state]} ({percent(s.share(state))})" for s in matrix.sides)]
        for state in states
    ]
    rows += [
        [label, *(spread(dict(s.timings)[key]) for s in matrix.sides)] for key, label in TIMINGS
    ]
    rows.append(["background relaunches", *(_opt(s.relaunches) for s in matrix.sides)])
    rows.append(["findings", *(s.finding_total for s in matrix.sides)])
    return tag("section", None, tag("h2", None, f"By {matrix.by}"), _table(headers, rows))
