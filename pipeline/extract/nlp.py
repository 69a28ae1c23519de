"""Build the rule pipeline: a blank English tokenizer, sentences, and span rulers.

Patterns are data (``patterns/*.yaml``); model, organisation and licence names come in as
plain (spelling, id) pairs generated from the registry by the caller.
"""

from __future__ import annotations

import itertools
import json
import operator
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, cast

import numpy
import spacy
import yaml
from spacy.attrs import IDX, IS_ALPHA, IS_DIGIT, IS_LOWER, IS_SPACE, LENGTH, SENT_START
from spacy.lang.lex_attrs import word_shape
from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import compile_infix_regex, compile_prefix_regex, compile_suffix_regex
from spacy.vocab import Vocab
from thinc.types import Ints2d

PATTERNS = Path(__file__).parent / "patterns"
LONGEST = {"@misc": "claimwatch.longest_registered_spans.v1"}


@spacy.registry.misc("claimwatch.longest_registered_spans.v1")
def make_longest_registered_filter() -> Callable[[Iterable[Span], Iterable[Span]], list[Span]]:
    """Longest spans first; at equal length a registered name beats a shape (empty id)."""

    def filter_spans(new: Iterable[Span], existing: Iterable[Span]) -> list[Span]:
        spans = [*new, *existing]
        named = [s for s in spans if s.id_]
        # a shape that extends a registered name to the right is another model
        # ("Mistral Small 3.1"); one that extends it to the left is not ("Like Llama 3.1")
        shapes = [s for s in spans if not s.id_ and not any(_left_of(n, s) for n in named)]
        ranked = sorted([*named, *shapes], key=lambda s: (-len(s), s.id_ == "", s.start))
        taken: set[int] = set()
        kept = []
        for span in ranked:
            if not taken.intersection(range(span.start, span.end)):
                kept.append(span)
                taken.update(range(span.start, span.end))
        return sorted(kept, key=lambda s: s.start)

    return filter_spans


def _left_of(named: Span, shape: Span) -> bool:
    """Does the shape start before the registered name it overlaps?"""
    return shape.start < named.start < shape.end


SPAN_KEYS = ("models", "values", "cues")

# Lexical attributes a pattern may test with a set, regex or comparison: functions of the
# word alone, so each test can become a flag the vocabulary computes once per word.
_LEXICAL: dict[str, Callable[[str], str | int]] = {
    "TEXT": str,
    "ORTH": str,
    "LOWER": str.lower,
    "SHAPE": word_shape,
    "LENGTH": len,
}
_COMPARE: dict[str, Callable[[Any, Any], bool]] = {
    "IN": lambda v, arg: v in arg,
    "NOT_IN": lambda v, arg: v not in arg,
    "REGEX": lambda v, arg: bool(arg.search(v)),
    "==": operator.eq,
    "!=": operator.ne,
    ">=": operator.ge,
    "<=": operator.le,
    ">": operator.gt,
    "<": operator.lt,
}
_FREE_FLAGS = range(19, 64)  # spaCy's unused lexeme flag bits (FLAG19 ... FLAG63)


def flagged(vocab: Vocab, patterns: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    """The patterns with their word tests (``{"LOWER": {"IN": [...]}}``, ``{"TEXT":
    {"REGEX": ...}}``) turned into lexeme flags, as far as free flag bits go. The Matcher
    evaluates a test in Python at every token it tries (each pattern's first test at every
    token of the doc); a flag is computed once per word of the vocabulary and tested in C.
    First-token tests get the bits first; the rest stay tests."""
    tests: dict[str, tuple[str, dict[str, Any]]] = {}
    rank: dict[str, tuple[int, int]] = {}
    for entry in patterns:
        if isinstance(entry["pattern"], str):
            continue
        for i, spec in enumerate(entry["pattern"]):
            for attr, test in spec.items():
                if _convertible(attr, test):
                    key = _test_key(attr, test)
                    tests[key] = (attr.upper(), test)
                    first, count = rank.get(key, (1, 0))
                    rank[key] = (min(first, 0 if i == 0 else 1), count - 1)
    taken = vocab.lex_attr_getters  # type: ignore[attr-defined]
    free = [bit for bit in _FREE_FLAGS if bit not in taken]
    bits: dict[str, int] = {}
    for key, bit in zip(sorted(tests, key=lambda k: rank[k]), free, strict=False):
        vocab.add_flag(_flag_getter(*tests[key]), flag_id=bit)
        bits[key] = bit
    return [_with_flags(entry, bits) for entry in patterns]


def _test_key(attr: str, test: dict[str, Any]) -> str:
    return json.dumps([attr.upper(), test], sort_keys=True)


def _convertible(attr: object, test: object) -> bool:
    return (
        isinstance(attr, str)
        and attr.upper() in _LEXICAL
        and isinstance(test, dict)
        and bool(test)
        and all(op in _COMPARE for op in test)
    )


def _flag_getter(attr: str, test: dict[str, Any]) -> Callable[[str], bool]:
    read = _LEXICAL[attr]
    prepared: dict[str, Callable[[Any], Any]] = {"IN": set, "NOT_IN": set, "REGEX": re.compile}
    arguments = {op: prepared.get(op, lambda a: a)(arg) for op, arg in test.items()}
    return lambda word: all(_COMPARE[op](read(word), arg) for op, arg in arguments.items())


def _with_flags(entry: dict[str, Any], bits: dict[str, int]) -> dict[str, Any]:
    if isinstance(entry["pattern"], str):
        return entry
    pattern = []
    for spec in entry["pattern"]:
        new: dict[Any, Any] = {}
        for attr, test in spec.items():
            key = _test_key(attr, test) if _convertible(attr, test) else ""
            if key in bits:
                new[bits[key]] = True
            else:
                new[attr] = test
        pattern.append(new)
    return {**entry, "pattern": pattern}


@cache
def load_pattern_file(name: str) -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load((PATTERNS / name).read_text(encoding="utf-8"))
    return data


def _groups(name: str) -> list[dict[str, Any]]:
    groups: list[dict[str, Any]] = load_pattern_file(name)["groups"]
    return groups


def token_patterns() -> list[dict[str, Any]]:
    """Span-ruler patterns of the value groups (values.yaml)."""
    return [
        {"label": g["label"], "id": g["id"], "pattern": p}
        for g in _groups("values.yaml")
        for p in g["patterns"]
    ]


def shape_patterns() -> list[dict[str, Any]]:
    """Token patterns for unregistered model names (shapes.yaml), with an empty id."""
    return [
        {"label": "MODEL", "id": "", "pattern": p}
        for g in _groups("shapes.yaml")
        for p in g["patterns"]
    ]


def phrase_patterns(file: str) -> list[dict[str, Any]]:
    label = load_pattern_file(file)["label"]
    return [
        {"label": label, "id": g["id"], "pattern": phrase}
        for g in _groups(file)
        for phrase in [*g.get("phrases", ()), *combined(g.get("combine", ()))]
    ]


def combined(parts: Sequence[Sequence[str]]) -> list[str]:
    """Phrases made of one word (or phrase) from each part, in order; an empty string leaves
    its part out: [[takes, reads], ["", no], [images]] -> 'takes images', 'takes no images',
    'reads images', 'reads no images'."""
    if not parts:
        return []
    return [" ".join(w for w in words if w) for words in itertools.product(*parts)]


_LICENCE_WORD = re.compile(r"\s*\b(?:license|licence)\s*$", re.I)


def _licensed_forms(licences: Sequence[tuple[str, str]]) -> list[tuple[str, str]]:
    """'Apache-licensed', 'MIT licensed': a licence's name made an adjective."""
    names = {(_LICENCE_WORD.sub("", alias), ident) for alias, ident in licences}
    return sorted(
        (f"{name}{joint}licensed", ident)
        for name, ident in names
        if name and not re.search(r"licen[cs]e|terms", name, re.I)
        for joint in ("-", " ")
    )


def _named(pairs: Iterable[tuple[str, str]], label: str) -> list[dict[str, Any]]:
    return [{"label": label, "id": ident, "pattern": text} for text, ident in pairs]


def _exact(pairs: Iterable[tuple[str, str]]) -> list[dict[str, Any]]:
    """Token patterns for names matched only as written ('LLaMA', not 'Llama')."""
    return [
        {"label": "MODEL", "id": ident, "pattern": [{"ORTH": word} for word in text.split()]}
        for text, ident in pairs
    ]


_BLOCK = re.compile(
    r"^\s*(?:#|\||[-*+>]\s|\d{1,3}[.)]\s|\*\*[^*]+:\*\*|\*\*[^*]+\*\*\s*:"
    r"|[A-Z][\w()/-]*(?: [\w()/-]+){0,3}:)"  # a key of at most four words
)
_SHORT = 70
# a row of a table laid out with spaces: two gaps of two or more spaces, not after a full stop
_ALIGNED = re.compile(r"[^\s.!?] {2,}\S.*[^\s.!?] {2,}\S")


def is_fence(line: str) -> bool:
    """The line that opens or closes a fenced block (```yaml, ~~~)."""
    return line.lstrip().startswith(("```", "~~~"))


def is_block_line(line: str) -> bool:
    """A line that stands alone: heading, table row (with pipes or aligned with spaces), list
    item, key-value line, or a short unpunctuated line such as a flattened table row. Other
    lines wrap a paragraph."""
    stripped = line.strip()
    if not stripped:
        return False
    if _BLOCK.match(line) or ("  " in stripped and _ALIGNED.search(stripped)):
        return True
    return len(stripped) < _SHORT and not re.search(r"[.,;!?]", stripped) and stripped[0].isupper()


_ITEM = re.compile(r"^(\s*)(?:[-*+]|\d+[.)])\s+\S")


def _continues_item(line: str, after: str) -> bool:
    """'- **Notes.** Phi-4 ... and' + '  Phi-3.5-MoE stop at ...': an indented line goes on
    with the list item above it."""
    item = _ITEM.match(line)
    if not item:
        return False
    indent = len(after) - len(after.lstrip())
    return indent > len(item.group(1))


_WRAP_WIDTH = 50


def _wraps_on(line: str) -> bool:
    """'**REINER:** ... Six hundred and seventy-one billion' + 'parameters, but ...': a long
    speaker turn, key-value line, list item or quoted line goes on in the plain line below it
    (a heading or a table row never does)."""
    stripped = line.strip()
    return (
        len(stripped) >= _WRAP_WIDTH
        and not stripped.startswith(("#", "|"))
        and not _ALIGNED.search(stripped)
    )


def unwrap(text: str) -> str:
    """Join lines that wrap a paragraph (a newline becomes a space: offsets stay the same),
    so that names and phrases broken over two lines ("Mistral\nSmall 3") still match. Lines
    inside a fenced block never wrap."""
    lines = text.split("\n")
    out = []
    fenced = False  # inside ``` ... ```: a chat log, a config file; each line stands alone
    for i, line in enumerate(lines[:-1]):
        after = lines[i + 1]
        fenced ^= is_fence(line)
        wrapped = (
            not fenced
            and line.strip()
            and after.strip()
            and not is_block_line(after)
            and (not is_block_line(line) or _continues_item(line, after) or _wraps_on(line))
        )
        out.append(line + (" " if wrapped else "\n"))
    out.append(lines[-1])
    return "".join(out)


@dataclass(frozen=True)
class _Tokens:
    """The token attributes sentence splitting reads, taken from arrays: iterating a Doc
    builds a Token object per token, and setting ``is_sent_start`` token by token checks
    the whole Doc's annotation each time (quadratic in its length)."""

    texts: list[str]
    idx: list[int]
    space: list[bool]
    lower: list[bool]
    alpha: list[bool]
    digit: list[bool]
    breaks: list[bool]  # a newline in the token or in the whitespace after it

    @classmethod
    def of(cls, doc: Doc, text: str) -> _Tokens:
        rows = doc.to_array([IDX, LENGTH, IS_SPACE, IS_LOWER, IS_ALPHA, IS_DIGIT]).tolist()
        idx = [r[0] for r in rows]
        texts = [text[r[0] : r[0] + r[1]] for r in rows]
        ends = [*idx[1:], len(text)]
        breaks = ["\n" in text[r[0] : end] for r, end in zip(rows, ends, strict=True)]
        return cls(
            texts,
            idx,
            [bool(r[2]) for r in rows],
            [bool(r[3]) for r in rows],
            [bool(r[4]) for r in rows],
            [bool(r[5]) for r in rows],
            breaks,
        )


def _new_blocks(tokens: _Tokens, text: str) -> set[int]:
    """Token indices that start a block: after a blank line, at/after a block line, and at
    every line of a fenced block."""
    starts: set[int] = set()
    previous_block = True
    fenced = False  # every line of a fenced block stands alone
    for i, word in enumerate(tokens.texts):
        if tokens.space[i]:
            previous_block = previous_block or word.count("\n") >= 2  # a blank line
            continue
        if i and not tokens.breaks[i - 1]:
            continue
        at = tokens.idx[i]
        line = text[at : text.find("\n", at) % (len(text) + 1)]
        fence = is_fence(line)
        block = fenced or fence or is_block_line(line)
        fenced ^= fence
        if block or previous_block:
            starts.add(i)
        previous_block = block
    return starts


EMPHASIS = frozenset({"*", "**", "_", "__"})
# "rel. 6-Aug-25", "approx. 70B", "vs. GPT-4", "37B act.; 128K": a full stop that ends a short
# form (or one followed by , ; or a closing bracket) does not end a sentence
ABBREVIATIONS = frozenset(
    {"rel", "approx", "vs", "est", "ca", "ver", "incl", "excl", "fig", "act", "tok", "params"}
)


@Language.factory("claimwatch_sentences_v1", default_config={"openers": []})
def make_line_sentences(nlp: Language, name: str, openers: list[str]) -> Callable[[Doc], Doc]:
    """The sentence splitter; ``openers`` are lower-case words that open a model's name
    ('gpt' of 'gpt-oss-120b', 'o1'): after a full stop they start a sentence too."""
    starts = frozenset(openers)
    return lambda doc: line_sentences(doc, starts)


def line_sentences(doc: Doc, openers: frozenset[str] = frozenset()) -> Doc:
    """Sentence starts after . ! ? and at every new block (see is_block_line); a line that
    wraps a paragraph continues its sentence. A heading or table line stays whole, and so
    does a numbered item ("1. Llama 3 70B"), and so does a bold lead-in ("**Knowledge
    cutoff.** Phi-4 ..."). A lower-case word after a full stop starts a sentence only when
    it is not all lower case (". xAI said")."""
    if not len(doc):
        return doc
    text = doc.text  # Doc.text is rebuilt from the tokens on every access: read it once
    tokens = _Tokens.of(doc, text)
    blocks = _new_blocks(tokens, text)
    whole = False
    starts = numpy.zeros((len(doc), 1), dtype="int64")
    words = tokens.texts
    for i, word in enumerate(words):
        if i in blocks:
            whole = word.startswith(("#", "|"))
            starts[i, 0] = 1
            continue
        if i == 0:
            continue
        p = i - 1
        if tokens.space[p] and p >= 1 and "\n" not in words[p]:
            p -= 1  # "permitted).    The R1 ...": spaces left where a line was unwrapped
        prev = words[p]
        after_stop = word not in EMPHASIS and (
            prev in ("!", "?")
            or (prev == "." and (not tokens.lower[i] or not tokens.alpha[i] or word in openers))
        )
        numbered = prev == "." and p >= 1 and _list_number(tokens, p - 1)
        abbreviated = prev == "." and (
            (p >= 1 and words[p - 1].lower() in ABBREVIATIONS) or word in (",", ";", ")")
        )
        start = after_stop and not whole and not numbered and not abbreviated
        start = start and not tokens.space[i]
        starts[i, 0] = 1 if start else -1
    starts[0, 0] = 1
    # -1 (not a start) wraps in uint64, as in spaCy's own arrays
    doc.from_array([SENT_START], cast(Ints2d, starts.astype("uint64")))
    return doc


def _list_number(tokens: _Tokens, i: int) -> bool:
    """Is token i the number of a numbered item: first on its line, or after '#' marks?"""
    if not tokens.digit[i]:
        return False
    return i == 0 or tokens.breaks[i - 1] or tokens.texts[i - 1].startswith("#")


def _tokenizer_for_counts(nlp: Language) -> None:
    """Keep '128K', '15T', '1.8T' whole, split Markdown bold cleanly ('**Size:**'), footnote
    marks off the word they follow, and delimited fields apart."""
    tokenizer: Any = nlp.tokenizer
    suffixes = [s for s in nlp.Defaults.suffixes or [] if "(?:km|km²" not in str(s)]
    suffixes += [
        r"(?<=[0-9])(?:km|m|cm|mm|kg|g|mg|lb|oz|MB|GB|TB|%)",
        r"(?<=[0-9KkMBT])\+",
        r"(?<=[0-9][KkMBT])[.,;:!?)\]]",
        r"[¹²³⁴⁵⁶⁷⁸⁹⁰]+",  # a footnote mark: "DeepSeek-V3¹" is DeepSeek-V3
        r"(?<=[a-z][A-Z])\.",  # a name ending a sentence: "Phi-3.5-MoE."
    ]
    tokenizer.suffix_search = compile_suffix_regex(suffixes).search
    prefixes = [*(nlp.Defaults.prefixes or []), "~"]
    tokenizer.prefix_search = compile_prefix_regex(prefixes).search
    # "1;GPT-4o;OpenAI;128K": a semicolon-delimited export line splits into its fields
    infixes = [*(nlp.Defaults.infixes or []), ";", r"(?<=;)\"", r"\"(?=;)"]  # and quoted fields
    tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
    tokenizer.rules = {k: v for k, v in (tokenizer.rules or {}).items() if "*" not in k}


def build_nlp(
    models: Sequence[tuple[str, str]],
    organisations: Sequence[tuple[str, str]] = (),
    licences: Sequence[tuple[str, str]] = (),
    trained: str | None = None,
    exact_models: Sequence[tuple[str, str]] = (),
) -> Language:
    """The rule pipeline with the given names as phrase patterns: on a blank English
    pipeline, or on a trained one (rules first; see trained.py)."""
    from pipeline.extract.trained import load_trained

    nlp = load_trained(trained) if trained else spacy.blank("en")
    _tokenizer_for_counts(nlp)
    openers = sorted(
        {_NAME_START.split(alias)[0] for alias, _ in models if alias.islower()} - PLAIN_OPENERS
    )
    nlp.add_pipe(
        "claimwatch_sentences_v1",
        before=nlp.pipe_names[0] if nlp.pipe_names else None,
        config={"openers": openers},
    )
    rulers = {
        "models": [*_named(models, "MODEL"), *_exact(exact_models), *shape_patterns()],
        "values": token_patterns(),
        "cues": [
            *phrase_patterns("cues.yaml"),
            *phrase_patterns("qualifiers.yaml"),
            *phrase_patterns("facets.yaml"),
            *_named(organisations, "ORG"),
            *_named([*licences, *_licensed_forms(licences)], "LICENCE"),
        ],
    }
    for key, patterns in rulers.items():
        if not patterns:
            continue
        config = {
            "spans_key": key,
            "phrase_matcher_attr": "LOWER",
            "spans_filter": LONGEST,
            "overwrite": True,
            "validate": False,
        }
        before = "ner" if "ner" in nlp.pipe_names else None
        ruler = nlp.add_pipe("span_ruler", name=f"claimwatch_{key}", config=config, before=before)
        ruler.add_patterns(flagged(nlp.vocab, patterns))  # type: ignore[attr-defined]
    if trained:
        nlp.add_pipe("claimwatch_ner_candidates_v1", last=True)
    return nlp


_WORD = re.compile(r"\S+")
_NAME_START = re.compile(r"[\s-]")
PLAIN_OPENERS = frozenset({"open", "mini", "large", "small"})  # also plain words


def word_count(text: str) -> int:
    return len(_WORD.findall(text))
