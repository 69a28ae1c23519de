"""Who a sentence is about when it names no model: the running subject, and size references.

"It", "the model" and bare values refer back to the model the latest sentence was about
(its first mention, comparisons excluded), or the model of the section heading, or the
article's main model. "The 405B model" names the member of the current family of that size.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator, Mapping, Sequence

from pipeline.extract.claims import subjects
from pipeline.extract.hits import Hit, Sentence
from pipeline.extract.numbers import parse_count_text

DETERMINERS = frozenset({"the", "a", "an", "its", "this", "that", "their"})
SIZE_TOLERANCE = 0.05

Sizes = Mapping[str, Sequence[tuple[int, str]]]


def with_subjects(
    sents: list[Sentence], main: Hit | None, sizes: Sizes
) -> Iterator[tuple[Sentence, Hit | None]]:
    """Each sentence (with its size references resolved) and its fallback subject."""
    recent: Hit | None = None
    for sentence in sents:
        if sentence.heading:
            recent = None
        fallback = recent or main
        sentence = resolve_size_references(sentence, fallback, sizes)
        mentions = subjects(sentence)
        if sentence.heading:
            recent = mentions[0] if mentions else None
        elif mentions and sentence.label in (None, "subject"):
            recent = mentions[0]
        yield sentence, recent if sentence.heading else fallback


def resolve_size_references(sentence: Sentence, fallback: Hit | None, sizes: Sizes) -> Sentence:
    """Add a synthetic mention for 'the 27B model' when the current family has that size."""
    added = []
    for count in sentence.of("COUNT"):
        reference = _size_reference(sentence, count)
        if reference is None:
            continue
        family = _family_mention(sentence, count, fallback)
        member = _member_of_size(family, parse_count_text(count.text), sizes)
        if member is not None:
            start, end = reference
            added.append(_span_hit(sentence, start, end, member))
    if not added:
        return sentence
    hits = tuple(sorted((*sentence.hits, *added), key=lambda h: (h.start, -h.end)))
    return dataclasses.replace(sentence, hits=hits)


def _size_reference(sentence: Sentence, count: Hit) -> tuple[int, int] | None:
    """Token span of 'the 27B model' / 'the 70B one' around a count, else None."""
    before = count.start - sentence.start - 1
    after = count.end - sentence.start
    if before < 0 or after >= len(sentence.tokens):
        return None
    if sentence.tokens[before].lower() not in DETERMINERS:
        return None
    noun = sentence.tokens[after].lower()
    is_noun = noun == "one" or any(
        h.ident == "size_noun" and h.start == count.end for h in sentence.hits
    )
    return (count.start - 1, count.end + 1) if is_noun else None


def _family_mention(sentence: Sentence, count: Hit, fallback: Hit | None) -> Hit | None:
    before = [m for m in subjects(sentence) if m.end <= count.start]
    return before[-1] if before else fallback


def _member_of_size(family: Hit | None, size: int | None, sizes: Sizes) -> str | None:
    if family is None or size is None:
        return None
    for params, model_id in sizes.get(family.ident, ()):
        if abs(params - size) <= SIZE_TOLERANCE * params:
            return model_id
    return None


def _span_hit(sentence: Sentence, start: int, end: int, ident: str) -> Hit:
    text = " ".join(sentence.tokens[start - sentence.start : end - sentence.start])
    return Hit("MODEL", ident, start, end, -1, -1, text, synthetic=True)
