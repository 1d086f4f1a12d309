"""`traceview compare`: saved reports or logs in, terminal and HTML out, --fail-on exit codes."""

from __future__ import annotations

import dataclasses
import sys
from pathlib import Path

import pytest
from report.fixtures import legacy_report, seed_report
from report.golden import assert_golden, console_text, fixed_console

import traceview.compare as compare_module
from traceview.cli import main
from traceview.compare import compare, compare_matrix, load_report
from traceview.model import Finding, InputInfo, Severity
from traceview.report import (
    render_compare_html,
    render_compare_terminal,
    render_matrix_html,
    render_matrix_terminal,
    report_to_json,
)


def _run(args: list[str], capsys, monkeypatch) -> tuple[int, str, str]:
    monkeypatch.setattr(sys, "argv", ["traceview", *args])
    with pytest.raises(SystemExit) as done:
        main()
    captured = capsys.readouterr()
    return int(done.value.code or 0), captured.out, captured.err


@pytest.fixture()
def saved(tmp_path: Path) -> dict[str, str]:
    paths = {}
    for name, report in (("ios12", legacy_report()), ("ios17", seed_report())):
        path = tmp_path / f"{name}.json"
        path.write_text(report_to_json(report), encoding="utf-8")
        paths[name] = str(path)
    return paths


def test_compares_two_saved_reports_and_writes_html(saved, tmp_path, capsys, monkeypatch) -> None:
    html = tmp_path / "compare.html"
    code, out, _ = _run(
        ["compare", saved["ios12"], saved["ios17"], "--html", str(html)], capsys, monkeypatch
    )
    assert code == 0
    assert "iOS 12.4 (16G77) → iOS 17.5 (21F79)" in out and "wording drift" in out
    page = html.read_text(encoding="utf-8")
    assert "task_completed_for_client" in page and 'id="verdict"' in page


@pytest.mark.parametrize(
    ("fail_on", "order", "expected"),
    [
        ("new-findings", ("ios12", "ios17"), 1),
        ("regression", ("ios12", "ios17"), 1),
        ("new-findings", ("ios17", "ios17"), 0),
        ("regression", ("ios17", "ios17"), 0),
    ],
)
def test_fail_on_sets_the_exit_code(saved, capsys, monkeypatch, fail_on, order, expected) -> None:
    code, _, err = _run(
        ["compare", saved[order[0]], saved[order[1]], "--fail-on", fail_on], capsys, monkeypatch
    )
    assert code == expected
    assert (fail_on in err) == bool(expected)


def test_matrix_by_os_version(saved, capsys, monkeypatch) -> None:
    code, out, _ = _run(
        ["compare", "--by", "os_version", saved["ios17"], saved["ios12"]], capsys, monkeypatch
    )
    assert code == 0 and "By os_version" in out and out.index("iOS 12.4") < out.index("iOS 17.5")


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        (["compare", "only-one.json"], "exactly BASE and NEW"),
        (["compare", "a.json", "b.json", "--fail-on", "sometimes"], "--fail-on takes"),
        (["compare", "/nonexistent/a.json", "/nonexistent/b.json"], "no such file"),
        (["compare", "--by", "colour", "/nonexistent/a.json"], "--by takes one of"),
    ],
)
def test_usage_errors_exit_2_with_one_line(args, fragment, capsys, monkeypatch) -> None:
    code, _, err = _run(args, capsys, monkeypatch)
    assert code == 2 and fragment in err and err.strip().count("\n") == 0


def test_missing_arguments_are_a_usage_error(capsys, monkeypatch) -> None:
    code, _, err = _run(["compare"], capsys, monkeypatch)
    assert code == 2 and "Missing argument" in err


def test_newer_schema_is_refused_naming_the_file(saved, tmp_path, capsys, monkeypatch) -> None:
    future = tmp_path / "future.json"
    future.write_text('{"schema_version": 2}', encoding="utf-8")
    code, _, err = _run(["compare", saved["ios12"], str(future)], capsys, monkeypatch)
    assert code == 2 and "future.json" in err and "schema_version 2" in err


def test_log_inputs_go_to_the_analysis_and_reports_do_not(saved, tmp_path, monkeypatch) -> None:
    analysed: list[str] = []

    def fake_analyze(path: str):
        analysed.append(path)
        return seed_report()

    monkeypatch.setattr(compare_module, "_analyze_logs", fake_analyze)
    log = tmp_path / "system.log"
    log.write_text("2024-05-14 10:02:11.101 Df nsurlsessiond[94:1] Task <X>.<1> enqueueing\n")
    ndjson = tmp_path / "export.ndjson"
    ndjson.write_text('{"eventMessage": "a"}\n{"eventMessage": "b"}\n')
    assert load_report(saved["ios12"]) == legacy_report()
    load_report(str(log))
    load_report(str(ndjson))
    assert analysed == [str(log), str(ndjson)]


def test_compare_text_matches_gold() -> None:
    console = fixed_console()
    render_compare_terminal(compare(legacy_report(), seed_report()), console)
    assert_golden("ios12_to_ios17", "compare.txt", console_text(console))


def test_matrix_text_matches_gold() -> None:
    console = fixed_console()
    render_matrix_terminal(compare_matrix([seed_report(), legacy_report()]), console)
    assert_golden("ios12_to_ios17", "matrix.txt", console_text(console))


def test_compare_html_matches_gold() -> None:
    assert_golden(
        "ios12_to_ios17",
        "compare.html",
        render_compare_html(compare(legacy_report(), seed_report())),
    )


def test_compare_html_escapes_labels_and_rule_names() -> None:
    evil = "<script>alert(1)</script>"
    nameless = dataclasses.replace(
        seed_report(),
        device={},
        inputs=(InputInfo(f"/logs/{evil}.log", "log_show", None, None, 1),),
        findings=(Finding(evil, Severity.ERROR, "x"),),
    )
    page = render_compare_html(compare(legacy_report(), nameless))
    matrix_page = render_matrix_html(compare_matrix([legacy_report(), nameless]))
    for text in (page, matrix_page):
        assert "<script>alert" not in text and text.count("<script") == 2
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


SAMPLE_LOG = Path(__file__).resolve().parents[2] / "samples" / "uploads_after_jetsam_ios17.log"


@pytest.mark.skipif(
    not SAMPLE_LOG.exists(), reason="samples/uploads_after_jetsam_ios17.log is absent"
)
def test_a_log_input_is_analysed_and_matches_its_saved_report(
    tmp_path, capsys, monkeypatch
) -> None:
    from traceview.api import analyze

    saved = tmp_path / "saved.json"
    saved.write_text(report_to_json(analyze([str(SAMPLE_LOG)]).report), encoding="utf-8")
    args = ["compare", str(SAMPLE_LOG), str(saved), "--fail-on", "new-findings"]
    code, out, _ = _run(args, capsys, monkeypatch)
    assert code == 0 and "No new finding rules. No regression" in out
