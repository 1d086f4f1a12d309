"""The command line as a user meets it: help, exit codes, one-line errors, the README's commands."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"
COMMANDS = ("analyze", "compare", "events", "coverage", "rules", "explain", "simulate")


def traceview(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "traceview", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        check=False,
    )


def main_sample() -> Path:
    return SAMPLES / (SAMPLES / "MAIN_SAMPLE").read_text().strip()


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help(command: str) -> None:
    done = traceview(command, "--help")
    assert done.returncode == 0, done.stderr
    assert "Usage" in done.stdout


def test_readme_documents_every_command() -> None:
    readme = (ROOT / "README.md").read_text()
    for command in COMMANDS:
        assert f"traceview {command}" in readme, command


def test_readme_first_command_analyses_the_main_sample() -> None:
    readme = (ROOT / "README.md").read_text()
    quoted = re.findall(r"traceview analyze (samples/\S+)", readme)
    assert quoted, "README shows no `traceview analyze samples/...` command"
    assert quoted[0] == f"samples/{main_sample().name}"
    assert (ROOT / quoted[0]).is_file()


def test_analyze_main_sample_writes_the_contract(tmp_path: Path) -> None:
    out = tmp_path / "report.json"
    done = traceview("analyze", str(main_sample()), "--json", str(out))
    assert done.returncode == 0, done.stderr
    report = json.loads(out.read_text())
    for key in ("schema_version", "inputs", "stats", "processes", "sessions", "tasks", "findings"):
        assert key in report
    assert report["stats"]["events"] > 0
    assert "task" in done.stdout.lower()


def test_missing_input_is_a_one_line_error() -> None:
    done = traceview("analyze", "no/such/file.log")
    assert done.returncode == 2
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and "no/such/file.log" in lines[0]
    assert "Traceback" not in done.stderr


def test_unknown_format_is_a_one_line_error(tmp_path: Path) -> None:
    junk = tmp_path / "notes.txt"
    junk.write_text("shopping list\nmilk\neggs\n" * 100)
    done = traceview("analyze", str(junk))
    assert done.returncode == 2
    assert len(done.stderr.strip().splitlines()) == 1
    assert str(junk) in done.stderr


def test_bad_option_value_is_a_usage_error() -> None:
    done = traceview("analyze", str(main_sample()), "--fail-on", "loud")
    assert done.returncode == 2
    assert "--fail-on" in done.stderr
    assert done.stdout == ""  # checked before the analysis, not after it


def _worst_severity(report: dict) -> int:
    ranks = {"info": 0, "warning": 1, "error": 2, "critical": 3}
    return max((ranks[f["severity"]] for f in report["findings"]), default=-1)


@pytest.mark.parametrize("threshold,rank", [("info", 0), ("error", 2), ("critical", 3)])
def test_fail_on_sets_exit_code_from_findings(tmp_path: Path, threshold: str, rank: int) -> None:
    sample = SAMPLES / "completion_handler_never_called_ios17.log"
    out = tmp_path / "r.json"
    done = traceview("analyze", str(sample), "--quiet", "--json", str(out), "--fail-on", threshold)
    worst = _worst_severity(json.loads(out.read_text()))
    assert done.returncode == (1 if worst >= rank else 0), done.stderr
    assert done.stdout == ""  # --quiet


def test_rules_lists_every_contract_rule() -> None:
    done = traceview("rules")
    assert done.returncode == 0
    schema = json.loads((ROOT / "schema" / "report.schema.json").read_text())
    names = re.findall(r'"([a-z_]+)"', json.dumps(schema))
    for rule in ("completion_handler_never_called", "simulator_trace", "http_error_status"):
        assert rule in names and rule in done.stdout


def test_explain_unknown_rule_is_a_one_line_error() -> None:
    done = traceview("explain", "no_such_rule")
    assert done.returncode == 2
    assert len(done.stderr.strip().splitlines()) == 1


def test_analyze_writes_html_and_parquet_tables(tmp_path: Path) -> None:
    html, tables = tmp_path / "report.html", tmp_path / "tables"
    done = traceview(
        "analyze", str(main_sample()), "--quiet", "--html", str(html), "--parquet", str(tables)
    )
    assert done.returncode == 0, done.stderr
    page = html.read_text()
    assert page.startswith("<!DOCTYPE html>") and "http://" not in page.split("<body", 1)[0]
    import polars as pl

    for name in ("events", "signals", "tasks", "processes", "findings"):
        frame = pl.read_parquet(tables / f"{name}.parquet")
        assert frame.height > 0, name


def test_redact_hides_user_paths(tmp_path: Path) -> None:
    home = tmp_path / "Users" / "alice" / "Desktop"
    home.mkdir(parents=True)
    capture = home / "capture.log"
    capture.write_bytes((SAMPLES / "completion_handler_never_called_ios17.log").read_bytes())
    plain, redacted = tmp_path / "plain.json", tmp_path / "redacted.json"
    assert traceview("analyze", str(capture), "--quiet", "--json", str(plain)).returncode == 0
    done = traceview("analyze", str(capture), "--quiet", "--redact", "--json", str(redacted))
    assert done.returncode == 0, done.stderr
    assert "/Users/alice/" in plain.read_text()
    assert "/Users/alice/" not in redacted.read_text()


def test_thresholds_change_what_fires(tmp_path: Path) -> None:
    # The main sample delivers its uploads 26-120 s after the daemon finished: late only when
    # the delivery_latency threshold is set below that.
    def rules(*extra: str) -> set[str]:
        out = tmp_path / "r.json"
        done = traceview("analyze", str(main_sample()), "--quiet", "--json", str(out), *extra)
        assert done.returncode == 0, done.stderr
        return {f["rule"] for f in json.loads(out.read_text())["findings"]}

    assert "delivery_latency" not in rules()
    assert "delivery_latency" in rules("--threshold", "delivery_latency_s=20")


def test_unknown_threshold_is_a_one_line_error() -> None:
    done = traceview("analyze", str(main_sample()), "--threshold", "nope=1")
    assert done.returncode == 2
    assert len(done.stderr.strip().splitlines()) == 1 and "delivery_latency_s" in done.stderr
    assert done.stdout == ""


class FakePanic(BaseException):
    """Like pyo3's PanicException (a panic inside polars): a BaseException, not an Exception."""


@pytest.mark.parametrize(
    ("raised", "code", "message"),
    [
        (RuntimeError("boom"), 3, "internal error (RuntimeError: boom)"),
        (FakePanic("assertion failed: i < self.len()"), 3, "internal error (FakePanic"),
        (KeyboardInterrupt(), 130, "interrupted"),
    ],
)
def test_bugs_and_interrupts_end_in_one_line_not_a_traceback(
    raised, code, message, monkeypatch, capsys
) -> None:
    import traceview.cli.analyze as analyze_cli
    from traceview.cli import main

    def explode(*args, **kwargs):
        raise raised

    monkeypatch.setattr(analyze_cli, "analyze", explode)
    monkeypatch.setattr(sys, "argv", ["traceview", "analyze", "--quiet", str(main_sample())])
    monkeypatch.delenv("TRACEVIEW_DEBUG", raising=False)
    with pytest.raises(SystemExit) as exited:
        main()
    assert exited.value.code == code
    stderr = capsys.readouterr().err
    assert message in stderr and "Traceback" not in stderr
    assert len(stderr.strip().splitlines()) <= 2  # one line (soft-wrapped at most once)


def test_the_command_sets_polars_allocator_before_polars_loads() -> None:
    """The memory setting only works if jemalloc reads it at start-up (before polars loads)."""
    probe = (
        "import os, sys; import traceview.cli as cli; "
        "assert 'polars' not in sys.modules, 'polars loaded before main()'; "
        "sys.argv = ['traceview', 'rules']; "
        "exec('try:\\n cli.main()\\nexcept SystemExit: pass'); "
        "print(os.environ.get(cli.ALLOCATOR_ENV))"
    )
    env = {k: v for k, v in __import__("os").environ.items() if k != "_RJEM_MALLOC_CONF"}
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, env=env, check=False
    )
    assert done.returncode == 0, done.stderr
    # polars prepends its own defaults and lets later options win (polars/__init__.py)
    assert done.stdout.strip().splitlines()[-1].endswith(",dirty_decay_ms:100,muzzy_decay_ms:0")
    kept = subprocess.run(
        [sys.executable, "-c", probe],
        capture_output=True,
        text=True,
        env={**env, "_RJEM_MALLOC_CONF": "narenas:1"},
        check=False,
    )
    final = kept.stdout.strip().splitlines()[-1]
    assert final.endswith(",narenas:1") and "dirty_decay_ms:100," not in final  # user wins
