"""Unregistered models introduced by the sentence around them, not by the shape of their name.

"a model called Brisk", "its model Hanbit-Sol", "Penmark Ledger, which the firm says has three
billion parameters": a name with no version or size (which the shape patterns need) is still a
model when the words around it say so. Without it the values beside such a name went to the
model discussed before, and were flagged against that model's facts.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator

from pipeline.extract.hits import Hit, Sentence, span_hit, token_offsets, with_hits

CALLED = frozenset({"called", "named", "dubbed", "codenamed", "branded"})
MODEL_NOUNS = frozenset({"model", "models", "llm", "system"})
ASIDES = frozenset({"a", "an", "the", "which", "whose", "our", "their", "its"})
# Capitalised words that open clauses or name things other than models
NOT_NAMES = frozenset(
    {
        "the", "a", "an", "this", "that", "these", "those", "it", "its", "their", "our",
        "today", "yesterday", "meanwhile", "however", "also", "and", "but", "so", "then",
        "last", "next", "in", "on", "at", "for", "with", "by", "from", "as", "of", "to",
        "note", "update", "edit", "monday", "tuesday", "wednesday", "thursday",
        "friday", "saturday", "sunday", "january", "february", "march", "april", "may",
        "june", "july", "august", "september", "october", "november", "december",
        "license", "licence", "card", "weights", "family", "line", "series",
    }
)  # fmt: skip
FOOTNOTE_MARKS = frozenset("¹²³⁴⁵⁶⁷⁸⁹⁰")
CLAUSE_WORDS = frozenset({"of", "at", "who", "that", "which", "for", "with", "from", "in"})
LONGEST = 3
ASIDE_REACH = 12


def with_introduced_names(sents: list[Sentence]) -> list[Sentence]:
    """The sentences, with an unregistered MODEL hit for each name the words around it
    introduce as a model."""
    result = []
    for sentence in sents:
        found = _introduced(sentence)
        if not found:
            result.append(sentence)
            continue
        offsets = token_offsets(sentence)
        hits = [span_hit(sentence, "MODEL", "", s, e, offsets) for s, e in found]
        result.append(with_hits(sentence, hits))
    return result


def _introduced(sentence: Sentence) -> list[tuple[int, int]]:
    tokens = sentence.tokens
    taken = {
        i for h in sentence.hits if h.kind not in ("CUE", "QUAL") for i in range(h.start, h.end)
    }
    spans: list[tuple[int, int]] = []
    i = 0
    while i < len(tokens):
        end = _name_end(sentence, i, taken)
        if end is None:
            i += 1
            continue
        before = next((t for t in reversed(tokens[:i]) if t.strip()), "")
        previous = before.lower()
        # "its model Hanbit-Sol"; not a table header "Model  Developer  Released"
        after_noun = previous in MODEL_NOUNS and not before.istitle()
        if previous in CALLED or after_noun or _aside_says_model(sentence, end):
            spans.append((sentence.start + i, sentence.start + end))
        i = end
    return spans


def _name_end(sentence: Sentence, i: int, taken: set[int]) -> int | None:
    """End (relative) of a capitalised name of one to three words starting at token i, hyphen
    joins included ('Hanbit-Sol', 'Penmark Ledger'), or None."""
    tokens = sentence.tokens
    end = i
    words = 0
    while end < len(tokens) and words < LONGEST:
        word = tokens[end]
        if sentence.start + end in taken or not _capitalised(word):
            break
        end += 1
        words += 1
        if end + 1 < len(tokens) and tokens[end] == "-" and _capitalised(tokens[end + 1]):
            end += 1  # "Hanbit" "-" "Sol"
    if end == i or tokens[i].lower() in NOT_NAMES:
        return None
    return end


def _capitalised(word: str) -> bool:
    return word[:1].isupper() and word.replace("-", "").isalnum() and not word.isupper()


def _aside_says_model(sentence: Sentence, end: int) -> bool:
    """'Brisk, a 7-billion-parameter Apache 2.0 model', 'Penmark Ledger, which the firm says has
    three billion parameters': an aside after the name that calls it a model or sizes it."""
    tokens = sentence.tokens
    if end + 1 >= len(tokens) or tokens[end] != "," or tokens[end + 1].lower() not in ASIDES:
        return False
    start, reach = sentence.start + end + 1, sentence.start + end + ASIDE_REACH
    if any(h.kind == "MODEL" and start < h.start < reach for h in sentence.hits):
        return False  # "X, a fine-tune of Llama 3": about the other model
    if tokens[end + 1].lower() in ("which", "whose"):  # "..., which the firm says has 3B params"
        return any(h.ident == "parameters" and start < h.start < reach for h in sentence.hits)
    nouns = [h for h in sentence.hits if h.ident == "size_noun" and start < h.start < reach]
    if not nouns or nouns[0].text.lower() not in MODEL_NOUNS:
        return False  # "H800s, the export-compliant version of ..."
    between = {t.lower() for t in tokens[end + 2 : nouns[0].start - sentence.start]}
    return not between & CLAUSE_WORDS  # "Lin Weijie, a researcher at ... who tested the model"


def with_footnote_marks(sents: list[Sentence]) -> list[Sentence]:
    """'| 1 | DeepSeek-V3¹ | ...' and, below the table, '¹ 671B total / 37B active': a line
    opening with a footnote mark is about the model that carries the mark. The mark gets a
    MODEL hit naming that model."""
    marked: dict[str, Hit] = {}
    for sentence in sents:
        for hit in sentence.of("MODEL"):
            after = hit.end - sentence.start
            if after < len(sentence.tokens) and _is_mark(sentence.tokens[after]):
                marked.setdefault(sentence.tokens[after], hit)
    if not marked:
        return sents
    result = []
    for sentence in sents:
        first = next((i for i, t in enumerate(sentence.tokens) if t.strip()), None)
        model = None if first is None else marked.get(sentence.tokens[first])
        if first is None or model is None:
            result.append(sentence)
            continue
        at = sentence.start + first
        mark = span_hit(sentence, "MODEL", model.ident, at, at + 1, token_offsets(sentence), True)
        result.append(with_hits(sentence, [dataclasses.replace(mark, text=model.text)]))
    return result


def _is_mark(token: str) -> bool:
    return bool(token) and all(c in FOOTNOTE_MARKS for c in token)


QUOTES = frozenset({'"', "“", "”"})
DEFINING = frozenset({"means", "refers", "shall", "denotes"})
TERM_LONGEST = 4


def with_defined_terms(sents: list[Sentence]) -> list[Sentence]:
    """'"Licensed Model" means Meta Llama 3.1 70B Instruct', 'Mistral Large 2 (the "Fallback
    Model")': a defined term names its model wherever the text uses it afterwards."""
    terms: dict[tuple[str, ...], Hit] = {}
    for sentence in sents:
        if '"' in sentence.text or "“" in sentence.text:
            for term, model in _definitions(sentence):
                terms.setdefault(term, model)
    if not terms:
        return sents
    result = []
    for sentence in sents:
        spans = _term_spans(sentence, terms)
        if not spans:
            result.append(sentence)
            continue
        offsets = token_offsets(sentence)
        added = [
            dataclasses.replace(
                span_hit(sentence, "MODEL", model.ident, start, end, offsets, True),
                text=model.text,
            )
            for start, end, model in spans
            if not _quoted(sentence, start)  # the definition itself names nothing
        ]
        kept = tuple(  # other names there, and words of the term ("Vision" of "Vision Module")
            h for h in sentence.hits if not any(s < h.end and h.start < e for s, e, _ in spans)
        )
        result.append(with_hits(dataclasses.replace(sentence, hits=kept), added))
    return result


def _definitions(sentence: Sentence) -> Iterator[tuple[tuple[str, ...], Hit]]:
    tokens = sentence.tokens
    models = sentence.of("MODEL")
    for j, token in enumerate(tokens):
        if token not in QUOTES:
            continue
        close = next(
            (
                k
                for k in range(j + 1, min(j + TERM_LONGEST + 2, len(tokens)))
                if tokens[k] in QUOTES
            ),
            None,
        )
        term = tuple(tokens[j + 1 : close]) if close is not None else ()
        if close is None or not term or not all(w[:1].isupper() for w in term):
            continue
        after = next((t.lower() for t in tokens[close + 1 :] if t.strip()), "")
        if after in DEFINING:  # '"Licensed Model" means Meta Llama 3.1 70B Instruct'
            at = sentence.start + close
            named = [m for m in models if 0 < m.start - at <= 12]
            if named:
                yield term, named[0]
            continue
        bracket = next((i for i in range(j - 1, max(j - 4, -1), -1) if tokens[i] == "("), None)
        between = (
            {t.lower() for t in tokens[bracket + 1 : j] if t.strip()}
            if bracket is not None
            else {"?"}
        )
        if bracket is not None and between <= {"the", "hereinafter"}:
            opening = sentence.start + bracket  # 'Mistral Large 2 (the "Fallback Model")'
            named = [m for m in models if 0 <= opening - m.end <= 2]
            if named:
                yield term, named[-1]


def _term_spans(
    sentence: Sentence, terms: dict[tuple[str, ...], Hit]
) -> list[tuple[int, int, Hit]]:
    """Where the sentence uses a term, its definition ('"Vision Module" means') included."""
    tokens = sentence.tokens
    spans = []
    for i, token in enumerate(tokens):
        for term, model in terms.items():
            if token != term[0] or tuple(tokens[i : i + len(term)]) != term:
                continue
            spans.append((sentence.start + i, sentence.start + i + len(term), model))
    return spans


def _quoted(sentence: Sentence, start: int) -> bool:
    at = start - sentence.start
    return at > 0 and sentence.tokens[at - 1] in QUOTES
