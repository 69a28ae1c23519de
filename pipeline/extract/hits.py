"""Doc -> plain sentences and hits: the last place a spaCy object is seen.

The attribution rules in ``claims.py`` work on these small frozen records, so they can be
read and tested without spaCy.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from spacy.attrs import IDX, LENGTH
from spacy.tokens import Doc, Span

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


def with_hits(sentence: Sentence, added: list[Hit]) -> Sentence:
    """The sentence with rule-made hits added, in text order (longest first at a start)."""
    if not added:
        return sentence
    hits = tuple(sorted((*sentence.hits, *added), key=lambda h: (h.start, -h.end)))
    return dataclasses.replace(sentence, hits=hits)


def span_hit(
    sentence: Sentence,
    kind: str,
    ident: str,
    start: int,
    end: int,
    offsets: list[int],
    synthetic: bool = False,
) -> Hit:
    """A hit over sentence tokens ``start``..``end`` (absolute indices) with its characters
    and text; ``offsets`` is ``token_offsets(sentence)``."""
    first, last = start - sentence.start, end - 1 - sentence.start
    begin, finish = offsets[first], offsets[last] + len(sentence.tokens[last])
    return Hit(
        kind,
        ident,
        start,
        end,
        sentence.start_char + begin,
        sentence.start_char + finish,
        sentence.text[begin:finish],
        synthetic,
    )


def token_offsets(sentence: Sentence) -> list[int]:
    """Character offset of each token within the sentence text."""
    offsets, at = [], 0
    for token in sentence.tokens:
        found = sentence.text.find(token, at)
        offsets.append(found if found >= 0 else at)
        at = (found if found >= 0 else at) + len(token)
    return offsets


_KV = re.compile(
    r"^\s*(?:[-*+]|\d+\.)?\s*[*_]{0,2}\s*([A-Za-z][\w ()/&'.-]{0,40}?)\s*[*_]{0,2}\s*:"
)


@cache
def _label_index() -> dict[str, str]:
    data = load_pattern_file("labels.yaml")
    index = {label: "subject" for label in data["subject"]}
    for attribute, labels in data["attributes"].items():
        index.update({label: attribute for label in labels})
    return index


def label_of(text: str) -> str | None:
    """The attribute a label names ('Context Length' -> 'context_length'), 'subject', or None."""
    key = re.sub(r"\s*\(.*?\)\s*", " ", text).strip(" *_:\t").lower()
    key = re.sub(r"\s+", " ", key)
    index = _label_index()
    if key not in index and "_" in key:  # a config file's key: 'context_length', 'total_params'
        key = key.replace("_", " ")
    return index.get(key)


def key_value_label(text: str) -> tuple[str, int] | None:
    """('context_length', char offset after the colon) for 'Context Length: 128K', else None."""
    match = _KV.match(text)
    if not match:
        return None
    label = label_of(match.group(1))
    return (label, match.end()) if label else None


VARIANT_SUFFIXES = frozenset(
    {
        "instruct",
        "chat",
        "base",
        "it",
        "hf",
        "pt",
        "preview",
        "fp8",
        "gguf",
        "awq",
        "gptq",
        "latest",
        "exp",
        "v0",
        "v1",
        "v2",
        "v0.1",
        "v0.2",
        "v0.3",
        "v1.0",
        "v1.5",
        "2407",
        "2411",
        "2501",
        "2503",
        "2506",
        "0613",
        "0314",
        "1106",
        "0125",
        "4k",
        "8k",
        "128k",
        "32k",
    }
)


def _glued_name(doc: Doc, span: Span) -> Span:
    """'Phi-4-multimodal', 'Yi-Coder', 'DeepSeek-R1-Distill-Llama-70B': a registered name
    glued to more name is another model, not the registered one (its id becomes empty)."""
    end = span.end
    while (
        end + 1 < len(doc)
        and doc[end].text == "-"
        and not doc[end - 1].whitespace_
        and not doc[end].whitespace_
        and doc[end + 1].text[:1].isalnum()
        and doc[end + 1].lower_ not in VARIANT_SUFFIXES
    ):
        end += 2
    if end == span.end:
        return span
    return Span(doc, span.start, end, label=span.label_, span_id="")


FIRST_OF_A_KIND_AFTER = frozenset({"that", "to", "which", "who", "generation", "ever", "with"})
COPULAS = frozenset({"is", "was", "are", "were", "'s", "’s", "became", "becomes", "be"})


def _first_of_a_kind(doc: Doc, span: Span) -> bool:
    """'Llama 3.2 was the first Llama that could see images', 'the first Llama generation
    built on mixture of experts': a first of a kind, not the first generation ('the first
    Gemma models came out in February 2024')."""
    if span[0].lower_ not in ("first", "first-generation"):
        return False
    after = doc[span.end].lower_ if span.end < len(doc) else ""
    before = [t.lower_ for t in doc[max(span.start - 3, 0) : span.start] if not t.is_space]
    return after in FIRST_OF_A_KIND_AFTER or (
        before[-1:] == ["the"] and bool(set(before[:-1]) & COPULAS)
    )


def sentences(doc: Doc, text: str | None = None) -> list[Sentence]:
    """The doc's sentences with their hits, key-value labels and heading flags. ``text`` is
    the text the doc was made from, when the caller has it (``Doc.text`` rebuilds it from
    every token)."""
    others = [s for key in SPAN_KEYS if key != "models" for s in doc.spans.get(key, [])]
    licences = [s for s in others if s.label_ == "LICENCE"]
    models = [  # "Llama 3" inside "Llama 3 Community License" names no model
        _glued_name(doc, s)
        for s in doc.spans.get("models", [])
        if not any(lic.start <= s.start and s.end <= lic.end for lic in licences)
    ]
    models = [m for m in models if not _first_of_a_kind(doc, m)]
    models = [  # "Qwen-1.5B" inside "DeepSeek-R1-Distill-Qwen-1.5B", once that is one name
        m
        for m in models
        if not any(o.start <= m.start and m.end <= o.end and len(o) > len(m) for o in models)
    ]
    inside = [  # "MoE" in "Phi-3.5-MoE", "multimodal" in "Phi-4-multimodal"
        o
        for o in others
        if o.label_ == "FACET" and any(m.start <= o.start and o.end <= m.end for m in models)
    ]
    spans = [*models, *(o for o in others if o not in inside)]
    spans.sort(key=lambda s: (s.start, -s.end))
    doc_text = doc.text if text is None else text
    all_hits = [
        Hit(
            s.label_,
            s.id_,
            s.start,
            s.end,
            s.start_char,
            s.end_char,
            doc_text[s.start_char : s.end_char],
        )
        for s in spans
    ]
    texts = [doc_text[i : i + n] for i, n in doc.to_array([IDX, LENGTH]).tolist()]
    result = []
    first = 0  # hits are in start order: each sentence's begin where the last one's ended
    for sent in doc.sents:
        while first < len(all_hits) and all_hits[first].start < sent.start:
            first += 1
        said = doc_text[sent.start_char : sent.end_char]
        if not said.strip():
            continue
        found = []
        at = first
        while at < len(all_hits) and all_hits[at].start < sent.end:
            if all_hits[at].end <= sent.end:
                found.append(all_hits[at])
            at += 1
        hits = tuple(found)
        label, colon = None, None
        kv = key_value_label(said)
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
                text=said,
                tokens=tuple(texts[sent.start : sent.end]),
                hits=hits,
                label=label,
                colon=colon,
                heading=is_heading(said),
            )
        )
    return result


_CAPS_HEADING = re.compile(r"^[A-Z0-9][A-Z0-9 &:,'’/+()-]{3,60}$")


def is_heading(text: str) -> bool:
    """A Markdown heading, or a short line in capitals as plain-text exports set them
    ('WHY MoE AT ALL' is not: a name keeps its lower case; 'MIXTURE-OF-EXPERTS IN
    PRODUCTION' is)."""
    stripped = text.strip()
    if stripped.startswith("#"):
        return True
    return (
        "\n" not in stripped and len(stripped.split()) >= 2 and bool(_CAPS_HEADING.match(stripped))
    )
