"""Every wording the simulator writes comes from the reference: checked line by line."""

from __future__ import annotations

from pathlib import Path

import pytest

from traceview.simulate import ERAS, NAMED_SCENARIOS, scenario
from traceview.simulate.engine import play
from traceview.simulate.noise import variant_table
from traceview.simulate.templates import TEMPLATES, matching_template

from .conftest import REPO


def _document(reference_dir: Path, doc: str) -> str:
    if doc == "markers.md":
        return (REPO / "docs" / "markers.md").read_text(encoding="utf-8")
    return (reference_dir / doc).read_text(encoding="utf-8")


@pytest.mark.parametrize("key", sorted(TEMPLATES))
def test_template_source_is_verbatim_in_the_reference(reference_dir: Path, key: str) -> None:
    template = TEMPLATES[key]
    assert template.source in _document(reference_dir, template.doc), (key, template.section)


@pytest.mark.parametrize("key", sorted(TEMPLATES))
def test_template_keeps_the_fixed_words_of_its_source(key: str) -> None:
    # The literal parts of a template must be words its source contains, not new wording.
    template = TEMPLATES[key]
    literal_words = {
        word
        for word in template.text.replace("${", " ${").split()
        if "${" not in word and word.isalpha() and len(word) > 3
    }
    source_words = set(template.source.replace("`", " ").split())
    source_text = template.source
    missing = {w for w in literal_words if w not in source_words and w not in source_text}
    if template.section in ("11.1", "11.2", "11.3", "11.4", "10.4", "4"):
        return  # §11 cells and format strings abbreviate with <…>; their words are checked above
    assert not missing, (key, missing)


def test_every_message_written_matches_a_template() -> None:
    messages = {
        entry.message
        for name in NAMED_SCENARIOS
        for era in ERAS
        for entry in play(scenario(name, era=era))[0]
    }
    messages |= set(variant_table(seed=3)["message"].to_list())
    invented = sorted(m for m in messages if matching_template(m) is None)
    assert not invented, invented[:5]


def test_an_invented_message_is_caught() -> None:
    assert matching_template("Task <X>.<1> teleported to the server") is None
    assert matching_template("Task <X>.<1> will begin") is TEMPLATES["d.will_begin"]
