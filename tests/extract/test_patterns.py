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


def _spans(nlp, patterns, text: str) -> list[tuple[str, str, int, int]]:
    ruler = nlp.add_pipe("span_ruler", config={"validate": False})
    ruler.add_patterns(patterns)
    doc = nlp(text)
    nlp.remove_pipe("span_ruler")
    return sorted((s.label_, s.id_, s.start, s.end) for s in doc.spans["ruler"])


FLAG_TEXT = " ".join(  # every documented example, and capitalised and upper-case forms
    [
        "Released in March 2024 (mar-24), the 8x7B model and Llama 3 70B read 15T tokens;",
        "GPT-4 had 1,760 params, Q3 was late. Last Week the Seventy Billion model came out.",
        *(e for g in VALUE_GROUPS for e in g["examples"]),
        *(e.upper() for g in VALUE_GROUPS for e in g["examples"]),
    ]
)


def test_word_tests_turned_into_flags_match_exactly_what_the_tests_match():
    """Every value and shape pattern, tested in Python by the Matcher or as lexeme flags."""
    from pipeline.extract.nlp import flagged, shape_patterns

    patterns = [*token_patterns(), *shape_patterns()]
    plain, fast = spacy.blank("en"), spacy.blank("en")
    converted = flagged(fast.vocab, patterns)
    assert converted != patterns  # the tests did become flags
    expected = _spans(plain, patterns, FLAG_TEXT)
    assert expected  # the text exercises the patterns
    assert _spans(fast, converted, FLAG_TEXT) == expected


def test_word_tests_beyond_the_free_flag_bits_stay_tests():
    from pipeline.extract.nlp import flagged

    patterns = [
        {"label": "N", "id": str(n), "pattern": [{"LENGTH": {"==": n}}, {"LOWER": "x"}]}
        for n in range(1, 60)
    ]
    nlp = spacy.blank("en")
    converted = flagged(nlp.vocab, patterns)
    kept = [p for p in converted if "LENGTH" in p["pattern"][0]]
    assert 0 < len(kept) < len(patterns)  # 45 free bits: some tests remain tests
    text = " ".join(f"{'a' * n} x" for n in range(1, 60))
    assert _spans(nlp, converted, text) == _spans(spacy.blank("en"), patterns, text)
