"""Every pattern group matches each of its documented examples."""

from __future__ import annotations

import pytest
import spacy

from pipeline.extract.nlp import _groups, load_pattern_file, phrase_patterns, token_patterns

VALUE_GROUPS = _groups("values.yaml")
PHRASE_FILES = ["cues.yaml", "qualifiers.yaml", "facets.yaml"]


@pytest.fixture(scope="module")
def value_nlp():
    from pipeline.extract.nlp import build_nlp

    return build_nlp([])


@pytest.mark.parametrize(
    "group,example",
    [(g["id"], e) for g in VALUE_GROUPS for e in g["examples"]],
)
def test_value_groups_match_their_examples(value_nlp, group: str, example: str):
    doc = value_nlp(example)
    found = {(s.id_, s.text) for s in doc.spans["values"]}
    assert any(text.strip() == example.strip() for _, text in found), (group, found)


@pytest.mark.parametrize(
    "file,group,example",
    [
        (f, g["id"], e)
        for f in PHRASE_FILES
        for g in load_pattern_file(f)["groups"]
        for e in g["examples"]
    ],
)
def test_phrase_groups_match_their_examples(value_nlp, file: str, group: str, example: str):
    doc = value_nlp(example)
    assert group in {s.id_ for s in doc.spans["cues"]}, (file, example)


def test_patterns_are_well_formed():
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("span_ruler", config={"validate": True})
    ruler.add_patterns(token_patterns())
    for file in PHRASE_FILES:
        assert phrase_patterns(file)
