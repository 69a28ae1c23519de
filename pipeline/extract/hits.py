"""Doc -> plain sentences and hits: the last place a spaCy object is seen.

The attribution rules in ``claims.py`` work on these small frozen records, so they can be
read and tested without spaCy.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from spacy.tokens import Doc

from pipeline.extract.nlp import SPAN_KEYS, load_pattern_file


@dataclass(frozen=True)
class Hit:
    kind: str  # MODEL COUNT MOESHAPE DATE RELDATE CUE QUAL FACET ORG LICENCE
    ident: str  # the pattern id: registry key, cue group, qualifier group
    start: int  # token offsets
    end: int
    start_char: int
    end_char: int
    text: str
    synthetic: bool = False  # made by a rule (e.g. "the 405B model"), not a pattern match


@dataclass(frozen=True)
class Sentence:
    start: int  # token offsets
    end: int
    start_char: int
    end_char: int
    text: str
    tokens: tuple[str, ...]
    hits: tuple[Hit, ...]
    label: str | None = None  # attribute of a key-value line, or "subject"
    colon: int | None = None  # token index just after the key-value colon
    heading: bool = False
    extras: dict[str, Any] = field(default_factory=dict)

    def of(self, *kinds: str) -> list[Hit]:
        return [h for h in self.hits if h.kind in kinds]

    def cue(self, ident: str) -> list[Hit]:
        return [h for h in self.hits if h.ident == ident]


_KV = re.compile(
    r"^\s*(?:[-*+]|\d+\.)?\s*[*_]{0,2}\s*([A-Za-z][\w ()/&'.-]{0,40}?)\s*[*_]{0,2}\s*:"
)


def _label_index() -> dict[str, str]:
    data = load_pattern_file("labels.yaml")
    index = {label: "subject" for label in data["subject"]}
    for attribute, labels in data["attributes"].items():
        index.update({label: attribute for label in labels})
    return index


def key_value_label(text: str) -> tuple[str, int] | None:
    """('context_length', char offset after the colon) for 'Context Length: 128K', else None."""
    match = _KV.match(text)
    if not match:
        return None
    key = re.sub(r"\s*\(.*?\)\s*", " ", match.group(1)).strip().lower()
    label = _label_index().get(key)
    return (label, match.end()) if label else None


def sentences(doc: Doc) -> list[Sentence]:
    """The doc's sentences with their hits, key-value labels and heading flags."""
    spans = [s for key in SPAN_KEYS for s in doc.spans.get(key, [])]
    spans.sort(key=lambda s: (s.start, -s.end))
    result = []
    for sent in doc.sents:
        text = sent.text
        if not text.strip():
            continue
        hits = tuple(
            Hit(s.label_, s.id_, s.start, s.end, s.start_char, s.end_char, s.text)
            for s in spans
            if s.start >= sent.start and s.end <= sent.end
        )
        label, colon = None, None
        kv = key_value_label(text)
        if kv:
            label = kv[0]
            colon_char = sent.start_char + kv[1]
            colon = next((t.i for t in sent if t.idx >= colon_char), sent.end)
        result.append(
            Sentence(
                start=sent.start,
                end=sent.end,
                start_char=sent.start_char,
                end_char=sent.end_char,
                text=text,
                tokens=tuple(t.text for t in doc[sent.start : sent.end]),
                hits=hits,
                label=label,
                colon=colon,
                heading=text.lstrip().startswith("#"),
            )
        )
    return result
