"""The HTML report in a real headless Chromium: scripts run clean, zoom, sort, filter, links."""

from __future__ import annotations

from pathlib import Path

import pytest

from report.conftest import open_page
from report.fixtures import legacy_report, seed_report
from traceview.compare import compare
from traceview.report import render_compare_html, render_html

ARTIFACTS = Path(__file__).resolve().parents[2] / "artifacts"

pytestmark = pytest.mark.browser


@pytest.fixture()
def page(browser, tmp_path: Path):
    path = tmp_path / "report.html"
    path.write_text(render_html(seed_report()), encoding="utf-8")
    page = open_page(browser, path)
    yield page
    page.close()


def _visible_states(page) -> list[str]:
    return page.eval_on_selector_all(
        "#task-table tbody tr", "rows => rows.filter(r => !r.hidden).map(r => r.dataset.state)"
    )


def test_page_renders_lanes_and_cards_without_errors(page) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "report_seed.png"), full_page=True)
    assert page.locator("#timeline .lane-task").count() == 5
    assert page.locator("#timeline .lane-process").count() == 2
    assert page.locator("article.card").count() == 4
    assert page.locator("#axis .tick-label").count() >= 4  # the script drew the time axis
    assert page.problems == []


def test_zoom_rescales_the_time_axis(page) -> None:
    bar = page.locator("#task-0 rect.task")
    before = float(bar.get_attribute("width"))
    page.click("button[data-zoom=in]")
    page.click("button[data-zoom=in]")
    assert float(bar.get_attribute("width")) > before * 1.5
    page.click("button[data-zoom=reset]")
    assert float(bar.get_attribute("width")) == pytest.approx(before, abs=0.05)
    box = page.locator("#timeline").bounding_box()
    page.mouse.move(box["x"] + 700, box["y"] + 100)
    page.mouse.wheel(0, -400)
    assert float(bar.get_attribute("width")) > before
    start_x = float(bar.get_attribute("x"))
    page.mouse.down()
    page.mouse.move(
        box["x"] + 500, box["y"] + 100, steps=4
    )  # drag left: later times come into view
    page.mouse.up()
    assert float(bar.get_attribute("x")) < start_x
    assert page.problems == []


def test_table_sorts_by_a_column_and_filters_by_state(page) -> None:
    page.click("#task-table th[data-col='4']")  # HTTP, ascending: the -1 (no status) row first
    first = page.eval_on_selector("#task-table tbody tr", "r => r.cells[4].textContent")
    assert first == "—"
    page.click("#task-table th[data-col='4']")
    assert page.eval_on_selector("#task-table tbody tr", "r => r.cells[4].textContent") == "413"
    page.uncheck(".table-filter input[value=succeeded]")
    assert sorted(_visible_states(page)) == ["failed", "unknown"]
    page.check(".table-filter input[value=succeeded]")
    assert len(_visible_states(page)) == 5


def test_finding_links_to_its_lane_and_back(page) -> None:
    page.click("#finding-1 a.to-lane")
    assert page.evaluate("location.hash") == "#task-2"
    assert page.evaluate("document.querySelector(':target').id") == "task-2"
    page.click("#task-2 a.flag")
    assert page.evaluate("location.hash") == "#finding-1"
    assert page.locator("#finding-1 h3").text_content() == "http_error_status"


def test_compare_page_renders_without_errors(browser, tmp_path: Path) -> None:
    path = tmp_path / "compare.html"
    path.write_text(render_compare_html(compare(legacy_report(), seed_report())), encoding="utf-8")
    page = open_page(browser, path)
    assert page.locator("#verdict li").count() == 3
    assert page.locator("#wording-drift li").count() == 2
    assert page.problems == []
    page.close()
