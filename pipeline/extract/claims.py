"""Sentences and hits -> claims: which attribute a value is, and which model it is about.

Rules, in order of trust: a key-value label ("Context Length: 128K") names the attribute of
every value after its colon; otherwise the cue words next to the value decide ("128K-token
context window", "70 billion parameters", "trained on 15T tokens"). The model is the
nearest mention before the value in the sentence (comparison targets excluded), else the
nearest after it, else the subject of the section (a heading or a "Model:" line), else the
article's main model.
"""

from __future__ import annotations

import dataclasses
import itertools
import re
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from pipeline.extract.hits import Hit, Sentence, label_of, span_hit, token_offsets
from pipeline.extract.nlp import EMPHASIS
from pipeline.extract.numbers import parse_count_text, scale_of, word_number

COUNT_UNITS = ("parameters", "tokens", "size_noun", "context", "active", "total", "training")
LIST_JOINERS = frozenset({",", "and", "or", "/", "&", "-", "–", "to"})
RANGE_OPENERS = frozenset({"from", "between"})
PARAMETER_SCALES = ("B", "T", "M", "billion", "trillion", "million")


SKIP = Hit("SKIP", "", -1, -1, -1, -1, "")  # the value is about a point of comparison


@dataclass(frozen=True)
class Draft:
    """A claim before it gets ids and a normalised value."""

    attribute: str
    value_hit: Hit
    model: Hit | None  # None: the claim is about the article's main model
    end_char: int  # end of the span the value came from (value plus its unit)
    bound: str | None = None
    hedged: bool = False
    negated: bool = False
    scope: str | None = None
    facet: str | None = None
    value: Any = None  # a value built by a rule (tables), used as is
    range: tuple[int, int] | None = None  # both ends, when the value is one end of a range
    inferred: bool = False  # the model comes from context, not from the sentence


def main_model(sentences: list[Sentence]) -> Hit | None:
    """The article's main model: the most mentioned (first on ties), comparisons excluded."""
    mentions = [h for s in sentences for h in subjects(s)]
    if not mentions:
        return None
    counts = Counter(_key(h) for h in mentions)  # unregistered names count one by one
    best = max(counts.values())
    return next(h for h in mentions if counts[_key(h)] == best)


def _key(mention: Hit) -> str:
    return mention.ident or mention.text.lower()


def subjects(sentence: Sentence) -> list[Hit]:
    """Model mentions that can be a claim's subject: not a point of comparison. Asked many
    times of one sentence, so kept with it (for exactly these hits)."""
    cached = sentence.extras.get("subjects")
    if cached is not None and cached[0] is sentence.hits:
        return list(cached[1])
    models = sentence.of("MODEL")
    found = models
    if models:
        comparisons = [c for c in sentence.cue("comparison") if _compares(c, sentence, models)]
        bounds = [h for h in sentence.of("QUAL") if h.ident in ("bound:over", "bound:under")]
        found = [
            m
            for m in models
            if not _compared(sentence, m, comparisons)
            and not any(_bounded(sentence, b, m) for b in bounds)
            and not _object_of_clause(sentence, m)
            and not _modifier(sentence, m)
        ]
    sentence.extras["subjects"] = (sentence.hits, tuple(found))
    return list(found)


# nouns a model's name can modify without the sentence being about the model
MODIFIED = frozenset(
    {"recipe", "playbook", "blueprint", "formula", "tokenizer", "template", "paper", "team",
     "style", "clone", "killer"}
)  # fmt: skip


def _modifier(sentence: Sentence, mention: Hit) -> bool:
    """'it's essentially the DeepSeek-V3 recipe scaled up', 'a GPT-4 killer': the name
    qualifies another noun; the sentence is not about that model."""
    at = mention.end - sentence.start
    following = sentence.tokens[at : at + 1]
    return bool(following) and following[0].lower() in MODIFIED


def _bounded(sentence: Sentence, bound: Hit, model: Hit) -> bool:
    """'more than GPT-4', 'above the Llama 3 line' compare; 'the names above only gpt-oss'
    does not."""
    if not 0 <= model.start - bound.end <= 2:
        return False
    between = sentence.tokens[bound.end - sentence.start : model.start - sentence.start]
    return all(t.lower() in ("the", "a", "an") or not t.strip() for t in between)


def _attributive(sentence: Sentence, value: Hit, mention: Hit) -> bool:
    """Does the value qualify the name right after it ('the 175-billion-parameter GPT-3')?"""
    between = sentence.tokens[value.end - sentence.start : mention.start - sentence.start]
    return len(between) <= 3 and all(t in ("-", "parameter", "token") for t in between)


def _object_of_clause(sentence: Sentence, mention: Hit) -> bool:
    """'a fraction of the GPT-3 it descended from', 'the Llama 2 they replaced': the model is
    the object of a clause about the one referred to, not what the sentence is about."""
    at = mention.end - sentence.start
    following = sentence.tokens[at : at + 1]
    if following and not following[0].strip():
        following = sentence.tokens[at + 1 : at + 2]
    if not following or following[0].lower() not in ("it", "they", "that", "which"):
        return False  # the common case, decided on one token
    after = [t.lower() for t in sentence.tokens[at : at + 4] if t.strip()]
    if after[:1] in (["that"], ["which"]):
        after = after[1:]
    return len(after) >= 2 and after[0] in ("it", "they") and after[1].isalpha()


def _compares(cue: Hit, sentence: Sentence, models: list[Hit]) -> bool:
    """'the first release since GPT-2' compares; 'Since Llama 3 has 8K, ...' and 'its only
    release since has been Mistral Large 2' do not, nor does a relation word the model is
    set off after ('Its predecessor, Mistral Small 3, launched in January')."""
    if _named_in_apposition(cue, sentence, models):
        return False
    if cue.text.lower() != "since":
        return True
    return cue.start != sentence.start and any(m.start == cue.end for m in models)


RELATION_WORDS = frozenset({"predecessor", "predecessors", "successor", "rival"})


def _named_in_apposition(cue: Hit, sentence: Sentence, models: list[Hit]) -> bool:
    if cue.text.lower() not in RELATION_WORDS:
        return False
    at = cue.end - sentence.start
    if sentence.tokens[at : at + 1] != (",",):
        return False
    model = next((m for m in models if m.start == cue.end + 1), None)
    end = model.end - sentence.start if model else -1
    return model is not None and sentence.tokens[end : end + 1] == (",",)


def _compared(sentence: Sentence, model: Hit, comparisons: list[Hit]) -> bool:
    """Is the model right after a comparison word ('than GPT-4', 'like the new Llama 3'), or
    after one through words that only lead to it ('double what the first LLaMA had')?"""
    for c in comparisons:
        if (
            0 <= model.start - c.end <= 2
            and "," not in sentence.tokens[c.end - sentence.start : model.start - sentence.start]
        ):
            return True  # not 'Like its predecessors, Gemma 3 ships ...': the comma ends it
        orgs = {i for o in sentence.of("ORG") for i in range(o.start, o.end)}
        words = [
            sentence.tokens[i - sentence.start].lower()
            for i in range(c.end, model.start)
            if sentence.tokens[i - sentence.start].strip() and i not in orgs
        ]
        if 0 < len(words) <= 4 and all(w in LEADING_TO for w in words):
            return True  # "unlike OpenAI's flagship GPT-4o": past the maker's name
    return False


LEADING_TO = frozenset(
    {"what", "the", "that", "those", "of", "first", "original", "a", "an", "'s", "’s"}
    | {"flagship", "own", "latest", "newest"}
)


def model_for(value: Hit, sentence: Sentence, fallback: Hit | None) -> Hit | None:
    """The mention a value is about; SKIP when the nearest mention is a comparison."""
    mentions = sentence.of("MODEL")
    around = [m for m in mentions if m.start <= value.start and value.end <= m.end and m.synthetic]
    if around:  # "the 405B model": the size names the model
        return around[0]  # even when compared: "than the dense 14B model" says it is 14B
    if value.kind in ("DATE", "RELDATE") and _set_off(sentence, value):  # ", last week, Llama 3.3"
        right_after = [m for m in subjects(sentence) if m.start - value.end == 1]
        if right_after:
            return right_after[0]
    owner = _owner_after(sentence, value)
    if owner is not None:  # "14T tokens for the 27B, 12T for the 12B", "the 128K of Llama 3.3"
        return owner
    before = [m for m in mentions if m.end <= value.start]
    while len(before) >= 2 and _possessor(sentence, before[-1], value):
        before.pop()  # "Llama 4 Maverick, Scout's bigger sibling, offers a mere 1M"
    if before and (head := _relative_head(sentence, before, value)) is not None:
        return head  # "OpenAI's o1, which R1 is said to rival, is proprietary"
    if before:
        nearest = before[-1]
        if value.kind == "DATE" and _since_model_in(sentence, nearest, value):
            return nearest  # "its first open-weight release since GPT-2 in 2019"
        if nearest not in subjects(sentence):
            return _past_the_comparison(sentence, nearest, value)
        head = _opening_subject(sentence)
        if head is not None and head is not nearest and oblique(sentence, nearest):
            if _described_after(sentence, nearest, value):
                return nearest  # "R1 is built on DeepSeek-V3, a 671B model released in ..."
            return head  # "A and B were distilled from larger Llama 3.1 models, and were ..."
        if (
            head is not None
            and head is not nearest
            and _in_apposition(sentence, head, nearest, value)
        ):
            return head  # "Behemoth, the Llama 4 teacher model, is rumoured to have 2T"
        return nearest
    after = [
        m
        for m in subjects(sentence)
        if m.start >= value.end and not _bracketed_aside(sentence, value, m)
    ]
    attributive = [
        m for m in mentions if _attributive(sentence, value, m) and _object_of_clause(sentence, m)
    ]
    after = attributive or after  # "the 175-billion-parameter GPT-3 it descended from"
    if after and not _compared_after(sentence, value, after[0]):
        between = list(
            sentence.tokens[value.end - sentence.start : after[0].start - sentence.start]
        )
        owned = _owned_by_next(between)  # "the 2 trillion tokens behind DeepSeek LLM 67B"
        referring = _clause_break(between) or opens_with_reference(sentence)
        if referring and _attributive(sentence, value, after[0]) and between:
            return after[0]  # "Its sibling, the 3.8-billion-parameter Phi-4-mini, ..."
        if fallback is not None and referring and not owned:
            return fallback  # "The default version has a 4K window, and a 128K variant, X, ..."
        return after[0]
    return fallback


def _described_after(sentence: Sentence, model: Hit, value: Hit) -> bool:
    """Is the value in an indefinite description set off right after the model ('built on
    DeepSeek-V3, a 671-billion-parameter model released on December 26')?"""
    base = sentence.start
    between = [t.lower() for t in sentence.tokens[model.end - base : value.start - base]]
    words = [t for t in between if t.strip()]
    return words[:2] in ([",", "a"], [",", "an"]) and "," not in words[1:] and ";" not in words


def _since_model_in(sentence: Sentence, model: Hit, value: Hit) -> bool:
    """'since GPT-2 in 2019': the date right after a model compared by 'since' is its own."""
    base = sentence.start
    between = [t for t in sentence.tokens[model.end - base : value.start - base] if t.strip()]
    before = [t.lower() for t in sentence.tokens[: model.start - base] if t.strip()]
    return not between and before[-1:] == ["since"] and value.text.lower().startswith("in ")


def _bracketed_aside(sentence: Sentence, value: Hit, mention: Hit) -> bool:
    """'the new models take up to 128K tokens (the 1B tops out at 32K)': a model named in
    brackets opened after the value is an aside, not what the value is about."""
    between = sentence.tokens[value.end - sentence.start : mention.start - sentence.start]
    return "(" in between and ")" not in between


RELATIVE_PRONOUNS = frozenset({"which", "who", "that", "whom"})


def _relative_head(sentence: Sentence, before: list[Hit], value: Hit) -> Hit | None:
    """A model named inside a relative clause set off by commas is not what the main clause
    speaks of; the model the clause hangs on is ('o1, which R1 is said to rival, is
    proprietary')."""
    if len(before) < 2:
        return None
    nearest, head = before[-1], before[-2]
    words = [t.lower() for t in sentence.tokens]
    base = sentence.start
    opening = [w for w in words[head.end - base : nearest.start - base] if w.strip()]
    if len(opening) < 2 or opening[0] != "," or opening[1] not in RELATIVE_PRONOUNS:
        return None
    if "," in opening[1:]:
        return None
    closing = [w for w in words[nearest.end - base : value.start - base] if w.strip()]
    return head if "," in closing else None


def _possessor(sentence: Sentence, mention: Hit, value: Hit) -> bool:
    """Is the mention a possessor in a description set off before the value ('Maverick,
    Scout's bigger sibling, offers 1M'), not what the value is about ('Scout's 10M')?"""
    after = sentence.tokens[mention.end - sentence.start : value.start - sentence.start]
    return after[:1] in (("'s",), ("’s",)) and "," in after


UNIT_WORDS = frozenset({"tokens", "token", "parameters", "params", "context", "window"})


def _owner_after(sentence: Sentence, value: Hit) -> Hit | None:
    """The model a count is given for right after it: '14T tokens for the 27B', '12T for the
    12B', 'the 128K of Llama 3.3 70B'."""
    if value.kind not in ("COUNT", "DATE"):
        return None
    i = value.end - sentence.start
    words = sentence.tokens
    while i < len(words) and (not words[i].strip() or words[i].lower() in UNIT_WORDS):
        i += 1
    if i >= len(words) or words[i].lower() not in ("for", "of"):
        return None
    i += 1
    while i < len(words) and not words[i].strip():
        i += 1
    return next((m for m in subjects(sentence) if m.start == sentence.start + i), None)


def _in_apposition(sentence: Sentence, head: Hit, mention: Hit, value: Hit) -> bool:
    """Is the mention inside a description set off by commas right after the head ('Behemoth,
    the Llama 4 teacher model, is ...'), closed before the value?"""
    base = sentence.start
    opening = [t.lower() for t in sentence.tokens[head.end - base : mention.start - base]]
    words = [t for t in opening if t.strip()]
    described = len(words) <= 3 and words[-1:] in (["the"], ["a"], ["an"], ["its"])
    # "Maverick, the larger of the two Llama 4 models, has ...": a description by rank
    ranked = 3 <= len(words) <= 6 and words[1] == "the" and words[2] in RANK_WORDS
    described = described or (ranked and words[3:4] == ["of"] and "," not in words[1:])
    # "GPT-5, launched two days after gpt-oss, remains closed": a participle's phrase
    participle = 2 <= len(words) <= 8 and words[1].endswith("ed") and "," not in words[1:]
    if not words or words[0] != "," or not (described or participle):
        return False
    closing = sentence.tokens[mention.end - base : value.start - base]
    return "," in closing


RANK_WORDS = frozenset({"larger", "largest", "smaller", "smallest", "bigger", "biggest"})

REFERRING_OPENERS = (
    ("it",),
    ("its",),
    ("the", "model"),
    ("the", "new", "model"),
    ("this", "model"),
)


def _owned_by_next(between: list[str]) -> bool:
    words = [t.lower() for t in between if t.strip()]
    return 1 <= len(words) <= 3 and words[-1] in ("behind", "for", "of", "in")


def opens_with_reference(sentence: Sentence) -> bool:
    """'The new model was pretrained on 8.1T tokens, up from 2T for DeepSeek LLM 67B': the
    sentence is about the model referred back to; a model named later is a comparison."""
    words: list[str] = []
    for token in sentence.tokens:
        if token.strip() and token not in ("*", "-"):
            words.append(token.lower())
            if len(words) == 3:  # the longest opener
                break
    return any(tuple(words[: len(opener)]) == opener for opener in REFERRING_OPENERS)


def _clause_break(tokens: list[str]) -> bool:
    words = [t.lower() for t in tokens if t.strip()]
    return ";" in words or any(
        a == "," and b in ("and", "but", "while") for a, b in itertools.pairwise(words)
    )


def _past_the_comparison(sentence: Sentence, compared: Hit, value: Hit) -> Hit:
    """'Grok-1, which has more parameters than Falcon 180B, still tops out at 8,192 tokens':
    once a comma closes the comparison, the value is the subject's; SKIP otherwise. A
    description right after the compared model (', a 671B model') is of that model."""
    between = sentence.tokens[compared.end - sentence.start : value.start - sentence.start]
    if "," not in between:
        return SKIP
    words = [t.lower() for t in between if t.strip()]
    if words[:2] in ([",", "a"], [",", "an"]) and words.count(",") == 1:
        return compared  # "ahead of systems such as DeepSeek-V3, a 671-billion-parameter model"
    if words[:2] in ([",", "which"], [",", "who"]) and words.count(",") == 1:
        return compared  # "unlike GPT-4o, which can also take in images"
    named = [m for m in subjects(sentence) if m.end <= compared.start]
    return named[-1] if named else SKIP


def _compared_after(sentence: Sentence, value: Hit, model: Hit) -> bool:
    """'..., twice the context of Llama 2': a comparison between the value and the model."""
    return oblique(sentence, model) and any(
        value.end <= c.start < model.start for c in sentence.cue("comparison")
    )


OBLIQUE = frozenset(
    {
        "from",
        "of",
        "by",
        "on",
        "distilling",
        "distilled",
        "over",
        "into",
        "onto",
        "via",
        "behind",
        "for",
        "to",
    }
)
ADJECTIVES = frozenset({"larger", "smaller", "bigger", "older", "earlier", "original", "new"})


def oblique(sentence: Sentence, mention: Hit) -> bool:
    """Is the mention the object of a preposition ('built on DeepSeek-V3', 'distilled from
    larger Llama 3.1 models') rather than what the sentence is about?"""
    at = mention.start - sentence.start
    words = [t.lower() for t in sentence.tokens[max(at - 3, 0) : at] if t.strip()]
    if words and words[-1] in ADJECTIVES | {"the", "a", "an", "its", "their"}:
        words = words[:-1]  # "distilling larger Llama 3.1 models", "of the Qwen3 family"
    return bool(words) and words[-1] in OBLIQUE


def _opening_subject(sentence: Sentence) -> Hit | None:
    """The model the sentence opens with ('Llama 3.2 1B and ... were created'), if any."""
    words = [i for i, t in enumerate(sentence.tokens) if t.strip() and t not in ("*", "**", "-")]
    if not words:
        return None
    first = sentence.start + words[0]
    dated = next((h for h in sentence.of("DATE") if h.start == first), None)
    if dated is not None:  # "**18 July 2024 – Mistral NeMo.** ...": the entry's model
        rest = [i for i in words if sentence.start + i >= dated.end]
        if len(rest) >= 2 and sentence.tokens[rest[0]] in DASHES:
            first = sentence.start + rest[1]
    maker = next((h for h in sentence.of("ORG") if h.start == first), None)
    after_maker = maker.end - sentence.start if maker is not None else -1
    if maker is not None and sentence.tokens[after_maker : after_maker + 1] in (("'s",), ("’s",)):
        first = maker.end + 1  # "Alibaba's Qwen3-235B-A22B, the flagship of ..., has ..."
    named = subjects(sentence)
    head = next((m for m in named if m.start == first), None)
    if head is None and maker is not None:  # "OpenAI's flagship GPT-5, ...", "Meta's new ..."
        head = next(
            (
                m
                for m in named
                if 0 < m.start - first <= 2
                and all(
                    t.isalpha() and t.islower() for t in tokens_between(sentence, first, m.start)
                )
            ),
            None,
        )
    if head is None:
        return None
    for right in named:  # the last of 'A and B' (the value is then shared by both)
        if right.start > head.end:
            if not coordinated(sentence, head, right):
                break
            head = right
    return head


def tokens_between(sentence: Sentence, start: int, end: int) -> tuple[str, ...]:
    """The sentence's tokens from absolute offset ``start`` up to ``end``."""
    return sentence.tokens[start - sentence.start : end - sentence.start]


def words_before(sentence: Sentence, at: int) -> list[str]:
    """The sentence's words before absolute offset ``at``, lower-cased, spaces left out."""
    return [t.lower() for t in sentence.tokens[: at - sentence.start] if t.strip()]


def words_after(sentence: Sentence, at: int) -> list[str]:
    """The sentence's words from absolute offset ``at`` on, lower-cased, spaces left out."""
    return [t.lower() for t in sentence.tokens[at - sentence.start :] if t.strip()]


def _set_off(sentence: Sentence, value: Hit) -> bool:
    """Is the value set off by commas, as an aside before the name it belongs to?"""
    before, after = value.start - sentence.start - 1, value.end - sentence.start
    return (
        before >= 0
        and after < len(sentence.tokens)
        and (sentence.tokens[before] == "," and sentence.tokens[after] == ",")
    )


def _next_unit(sentence: Sentence, value: Hit) -> Hit | None:
    """The cue right after a value (within two tokens), e.g. 'parameters' in '70B parameters'."""
    for hit in sentence.hits:
        if hit.kind == "CUE" and hit.ident in COUNT_UNITS and 0 <= hit.start - value.end <= 2:
            if hit.ident == "active" and hit.start != value.end:
                continue  # "700 million monthly active users" is no parameter count
            if any(c.kind == "COUNT" and value.end <= c.start < hit.start for c in sentence.hits):
                return None  # "32B handle 128K tokens": the unit is the other count's
            return hit
    return None


def _bound_before(sentence: Sentence, value: Hit) -> str | None:
    for hit in sentence.of("QUAL"):
        if hit.ident.startswith("bound:") and 0 <= value.start - hit.end <= 1:
            return hit.ident.split(":", 1)[1]
    following = sentence.tokens[value.end - sentence.start : value.end - sentence.start + 1]
    return "over" if following and following[0] == "+" else None


def _negated_before(sentence: Sentence, hit: Hit, reach: int = 3) -> bool:
    return any(0 <= hit.start - q.end <= reach for q in sentence.cue("negation"))


def _hedged(sentence: Sentence) -> bool:
    return bool(_hedges(sentence))


def _hedges(sentence: Sentence) -> list[Hit]:
    """'reportedly', 'is expected to', and 'expected' as a release word ('is widely expected
    on Thursday')."""
    return [
        h
        for h in sentence.hits
        if (h.ident == "hedge" and not _ability(sentence, h))
        or (h.ident == "release" and h.text.lower() == "expected")
    ]


ABILITY_VERBS = frozenset(
    {"read", "take", "handle", "process", "see", "understand", "download", "run", "accept",
     "generate", "hear", "speak", "write", "fit", "load", "use"}
)  # fmt: skip


def _ability(sentence: Sentence, hedge: Hit) -> bool:
    """'GPT-4 could read images', 'anyone could download its weights': 'could' of what a
    model (or its users) was able to do, not a hedge."""
    if hedge.text.lower() != "could":
        return False
    rest = sentence.tokens[hedge.end - sentence.start :]
    return next((t.lower() for t in rest if t.strip()), "") in ABILITY_VERBS


def hedge_scope(sentence: Sentence, draft: Draft) -> bool:
    """Is the claim itself hedged? A hedge word counts between the model and the value, just
    before them ("Rumours say GPT-4 has ..."), or right after the value; "will" in another
    clause of the sentence does not hedge this claim."""
    hedges = _hedges(sentence)
    if not hedges:
        return False
    value, model = draft.value_hit, draft.model
    in_sentence = named_in(sentence, model)
    first = min(value.start, model.start) if in_sentence and model else sentence.start
    last = max(value.end, model.end) if in_sentence and model else value.end
    return any(first - 4 <= h.start and h.end <= last + 1 for h in hedges)


SCALE_WORDS = ("thousand", "million", "billion", "trillion")


def _sharing_scale(sentence: Sentence, counts: list[Hit]) -> list[Hit]:
    """'twelve, nine, eight and seven billion', '8, 70 and 405 billion': the bare numbers
    listed before a count take its scale word."""
    added: list[Hit] = []
    words = sentence.tokens
    offsets: list[int] | None = None
    for count in counts:
        scale = count.text.split()[-1].lower() if " " in count.text else ""
        if scale not in SCALE_WORDS:
            continue
        at = count.start - sentence.start - 1
        while at >= 1 and words[at].lower() in (",", "and", "or"):
            number = at - 1
            if number < 0 or not _bare_number(words[number]):
                break
            offsets = offsets or token_offsets(sentence)
            at_number = sentence.start + number
            hit = span_hit(
                sentence, "COUNT", "count-shared-scale", at_number, at_number + 1, offsets
            )
            # the value is read from the text with the scale: "twelve" -> "twelve billion"
            added.append(dataclasses.replace(hit, text=f"{hit.text} {scale}", synthetic=True))
            at = number - 1
    return added


def _bare_number(word: str) -> bool:
    lowered = word.lower()
    if lowered in ("a", "an", "and"):  # number words only in a list, not "a" or "and"
        return False
    if len(word) == 4 and word.isdigit() and 1950 <= int(word) < 2100:
        return False  # a year: "March 2024, a hundred and thirty-two billion total"
    return word.replace(".", "", 1).isdigit() or word_number([lowered]) is not None


def count_groups(sentence: Sentence) -> Iterator[list[Hit]]:
    """Counts written as a list share the unit of the last ('8B, 70B and 405B parameters')."""
    counts = [h for h in sentence.of("COUNT")]
    shared = _sharing_scale(sentence, counts)
    if shared:
        counts = sorted([*counts, *shared], key=lambda h: h.start)
    group: list[Hit] = []
    for hit in counts:
        if group and not _joined(sentence, group[-1], hit):
            yield group
            group = []
        group.append(hit)
    if group:
        yield group


def _joined(sentence: Sentence, left: Hit, right: Hit) -> bool:
    between = sentence.tokens[left.end - sentence.start : right.start - sentence.start]
    words = [t.lower() for t in between if t.strip()]
    if {scale_suffix(left), scale_suffix(right)} == {"B", "T"}:
        return False  # "for the 27B, 12T for the 12B": a size, then a count of tokens
    return 0 < len(words) <= 2 and all(w in LIST_JOINERS for w in words)


def scale_suffix(count: Hit) -> str:
    text = _short_scale(count.text.rstrip("+ "))
    return text[-1:].upper() if text[-1:].isalpha() and len(text) > 1 else ""


GLUED_SCALES = (("bn", "B"), ("tn", "T"), ("mn", "M"))


def _short_scale(text: str) -> str:
    """'671bn' -> '671B', '14.8tn' -> '14.8T' (business papers' scales glued on)."""
    for long, short in GLUED_SCALES:
        if text.endswith(long) and text[: -len(long)][-1:].isdigit():
            return text[: -len(long)] + short
    return text


def count_attribute(sentence: Sentence, value: Hit, unit: Hit | None) -> tuple[str, str] | None:
    """(attribute, scope) of a count, from its unit and the sentence's cues; None if unclear."""
    if sentence.label and sentence.colon is not None and value.start >= sentence.colon:
        if _in_reference(sentence, value):  # "Training data: 14T tokens for the 27B"
            return None
        return _labelled_count(sentence.label, value)
    if (inline := _inline_label(sentence, value)) is not None:
        return _labelled_count(inline, value)
    if _output_limit(sentence, value):
        return None  # "can generate up to 8K tokens", "a 16K output limit": not the window
    if _parameter_scale(value) and _active_phrase(sentence, value):
        return "active_parameters", "active"
    if _parameter_scale(value) and _total_before_active(sentence, value):
        return "parameters", "total"
    if unit is None and _parameter_scale(value) and _after_size_noun(sentence, value):
        return "parameters", ""
    if unit is None and (_size_field(sentence, value) or _sized_design(sentence, value)):
        return "parameters", ""
    if unit is None and scale_suffix(value) == "B" and _spanned(sentence, value):
        return "parameters", ""  # "The Qwen2.5 line runs from 0.5B to 72B"
    if unit is None:
        return _unitless_count(sentence, value)
    ident = unit.ident
    near = [h.ident for h in sentence.hits if h.kind == "CUE" and abs(h.start - value.end) <= 4]
    if ident == "active" or (
        ident == "parameters"
        and _active_after_unit(sentence, unit)
        and not _of_total(sentence, value)
    ):
        return "active_parameters", "active"
    if ident == "total" or ident == "parameters":
        return "parameters", "total" if "total" in near else ""
    if ident == "size_noun":
        return ("parameters", "") if _parameter_scale(value) else None
    if ident == "context" and _parameter_scale(value) and not _window_scale(value):
        return ("parameters", "") if _size_field(sentence, value) else None  # "24B, 32K context"
    if ident == "context":
        return "context_length", ""
    if ident == "training" and _followed_by_tokens(sentence, unit):
        return "training_tokens", ""  # "18 trillion training tokens"
    return _token_attribute(sentence, value, unit) if ident == "tokens" else None


OUTPUT_NOUNS = frozenset({"output", "outputs", "completion", "completions", "response"})
OUTPUT_VERBS = frozenset(
    {"generate", "generates", "generating", "produce", "produces", "write", "writes", "output",
     "outputs", "emit", "emits", "return", "returns"}
)  # fmt: skip


def _output_limit(sentence: Sentence, value: Hit) -> bool:
    """A count of tokens a model may write in one reply ('a 16K output limit', '128K output
    tokens', 'can generate up to 8K tokens', 'max output is 8,192 tokens'): not its window."""
    words = [t.lower() for t in sentence.tokens]
    at, end = value.start - sentence.start, value.end - sentence.start
    after = [w for w in words[end : end + 4] if w.strip() and w != "-"]
    if after[:2] in (["new", "tokens"], ["new", "token"]):
        return True  # "maximum 1,024 new tokens": what decoding may add
    after = after[1:] if after[:1] in (["tokens"], ["token"]) else after
    if (after[:1] and after[0] in OUTPUT_NOUNS) or "cache" in after[:2]:
        return True  # "room for about 20K tokens of cache": memory for a run, not the window
    if after[:1] and after[0] in {"context", "window"}:
        return False  # "can generate text with a 32K context window"
    before: list[str] = []
    for word in reversed(words[max(0, at - 5) : at]):
        if word in {",", ";", ".", "and", "but", "while"}:
            break
        before.append(word)
    return any(w in OUTPUT_NOUNS or w in OUTPUT_VERBS for w in before)


def _followed_by_tokens(sentence: Sentence, unit: Hit) -> bool:
    return any(h.ident == "tokens" and h.start == unit.end for h in sentence.hits)


def _inline_label(sentence: Sentence, value: Hit) -> str | None:
    """A spec box flattened into one line ('gpt-oss-20b Parameters 20B Active 3.6B Context
    128K'): a capitalised label right before the count names its attribute."""
    at = value.start - sentence.start
    for width in (2, 1):
        words = sentence.tokens[max(at - width, 0) : at]
        if len(words) < width or not words[0][:1].isupper():
            continue
        label = label_of(" ".join(words))
        if label in COUNT_LABELS:
            return label
    return None


COUNT_LABELS = frozenset({"parameters", "active_parameters", "context_length", "training_tokens"})


def _after_size_noun(sentence: Sentence, value: Hit) -> bool:
    """'three sizes, 7B, 13B and 70B', 'in two sizes: 8B and 70B', 'in sizes from 0.5B to
    72B': sizes listed after the noun."""
    first = next((g[0] for g in count_groups(sentence) if value in g), value)
    at = first.start - sentence.start
    if at >= 2 and sentence.tokens[at - 1].lower() == "from":  # "in sizes from 0.5B to 72B"
        ranging = sentence.tokens[at - 2].lower() == "ranging"  # "sizes ranging from ..."
        noun_end = sentence.start + at - (2 if ranging else 1)
        return any(h.ident == "size_noun" and h.end == noun_end for h in sentence.hits)
    if at < 2 or sentence.tokens[at - 1] not in (",", ":", "(", "—", "-"):
        return False
    colon = first.start - 1  # "Four sizes this time: 1B, 4B, 12B, 27B"
    reach = 4 if sentence.tokens[at - 1] == ":" else 1
    return any(
        h.ident == "size_noun" and 0 <= colon - h.end < reach and h.end <= colon
        for h in sentence.hits
    )


FIELD_OPEN = frozenset({",", "-", "–", "—", ":", "(", "|", ";"})
FIELD_CLOSE = frozenset({",", ".", ";", ")", "|", "–", "—", ""})


def _size_field(sentence: Sentence, value: Hit) -> bool:
    """'- **Phi-4** (Microsoft) - 14B, 16K context, MIT', '  - dense, 3.8B' (under a model's
    item): a billions count standing alone as one comma-separated field of a line about a
    model is its size; so is one right after 'is' or 'has' ('Command R+ is 104B, ...', 'it
    has 2.6 billion.')."""
    if not value.text.rstrip().endswith(("B", "b", "bn", "billion", "billions")):
        return False
    at, end = value.start - sentence.start, value.end - sentence.start
    words = sentence.tokens
    before = next((t for t in reversed(words[:at]) if t.strip()), "")
    after = next((t for t in words[end:] if t.strip()), "")
    if after not in FIELD_CLOSE:
        return False
    named = subjects(sentence)
    if before.lower() in ("is", "was", "has", "had"):
        verb = value.start - 1
        return any(m.end == verb for m in named) or (
            at >= 2 and words[at - 2].lower() in ("it", "which")
        )
    if named and not any(m.end <= value.start for m in named):
        return False
    opening = not named and before == "" and after == ","  # "what about X? 123b, 32k ctx"
    if not named and not opening and not sentence.text.lstrip().startswith(("- ", "* ", "+ ")):
        return False  # without a name only a list item under one: "- dense, 4B"
    return opening or before in FIELD_OPEN


DESIGNS = frozenset({"dense", "moe", "sparse", "mixture", "mixture-of-experts"})
COPULAS = frozenset({"is", "was", "'s", "’s", ","})


def _sized_design(sentence: Sentence, value: Hit) -> bool:
    """'² 72.7B dense, 32K context': a billions count right before the design it describes
    is the size; not 'a 70B dense model would need ...', which speaks of a kind, unless the
    kind is predicated of the model ('Llama 4 Maverick is a 400B mixture of experts')."""
    if not _parameter_scale(value):
        return False
    at, end = value.start - sentence.start, value.end - sentence.start
    after = sentence.tokens[end : end + 1]
    if not after or after[0].lower() not in DESIGNS:
        return False
    before = [t.lower() for t in sentence.tokens[:at] if t.strip()]
    if before[-1:] not in (["a"], ["an"]):
        return True
    return len(before) >= 2 and before[-2] in COPULAS and bool(sentence.of("MODEL"))


ACTIVE_VERBS = frozenset({"activates", "activate", "activating", "activated", "through"})
ACTIVE_WORDS = frozenset({"active", "activated", "working", "fire", "fires", "used", "work"})
PER_TOKEN = (
    *(("per", "token"), ("for", "each", "token"), ("for", "every", "token")),
    *(("for", "any", "given", "token"), ("for", "any", "token"), ("for", "a", "token")),
    *(("on", "each", "token"), ("on", "any", "token"), ("on", "a", "token")),
)
ACTIVE_GAP = frozenset(
    {
        "of",
        "them",
        "these",
        "those",
        "are",
        "is",
        "only",
        "parameters",
        "params",
        "remain",
        "stay",
        "get",
        "which",
        "being",
        "actually",
        "do",  # "3 billion of them do any work"
        "any",
    }
)


def _active_phrase(sentence: Sentence, value: Hit) -> bool:
    """'activates 22 billion', '37 billion of them are activated', 'routes each token
    through 22B of them', '13 billion (parameters) per token', 'only 17B fire': the count is
    of active parameters."""
    at, end = value.start - sentence.start, value.end - sentence.start
    words = [t.lower() for t in sentence.tokens]
    if scale_of(value.text) >= 10**12 or words[at - 1 : at] == ["all"]:
        return False  # "the 18 trillion used for Qwen2.5" (tokens); "all 405 billion are used"
    if at >= 2 and words[at - 1] in ("about", "only", "just", "roughly", "around", "some"):
        at -= 1  # "activates about 37 billion", "activates only 3B"
    if at >= 1 and words[at - 1] in ACTIVE_VERBS:
        return words[at - 1] != "through" or "of" in words[end : end + 1]
    if _of_total(sentence, value):
        return False  # "activates 22B of its 235B parameters per token": the total
    following = tuple(w for w in words[end : end + 8] if w.strip() and w != "parameters")
    while following[:1] and following[0] in ("of", "them"):
        following = following[1:]  # "5.1 billion of them for each token"
    if any(following[: len(p)] == p for p in PER_TOKEN):
        return True  # "computes with roughly 13 billion per token"
    rest = words[end : end + 5]
    total = _total_after(sentence, value)
    if total is not None:  # "only 3B of its 30B parameters are active"
        rest = words[total.end - sentence.start : total.end - sentence.start + 5]
    for word in rest:
        if word in ACTIVE_WORDS:
            return True
        if word not in ACTIVE_GAP and word.strip():
            return False
    return False


def _of_total(sentence: Sentence, value: Hit) -> bool:
    """Is the count the whole a part is taken of: '22B of its 235B', '3B of the 30B'?"""
    at = value.start - sentence.start
    words = [t.lower() for t in sentence.tokens[max(at - 2, 0) : at] if t.strip()]
    if words and words[-1] in ("its", "the", "their", "all"):
        words = words[:-1]
    return bool(words) and words[-1] == "of"


def _total_after(sentence: Sentence, value: Hit) -> Hit | None:
    """The whole right after a part: '3B' -> '30B' in 'only 3B of its 30B parameters'."""
    after = [c for c in sentence.of("COUNT") if c.start > value.end][:1]
    if after and _of_total(sentence, after[0]) and after[0].start - value.end <= 2:
        return after[0]
    return None


def _total_before_active(sentence: Sentence, value: Hit) -> bool:
    """'671B / 37B act.', '236B/21B active': the count before the slash is the total."""
    after = [c for c in sentence.of("COUNT") if c.start > value.end][:1]
    if not after:
        return False
    between = sentence.tokens[value.end - sentence.start : after[0].start - sentence.start]
    if between != ("/",):
        return False
    return any(h.ident == "active" and h.start == after[0].end for h in sentence.hits)


def _active_after_unit(sentence: Sentence, unit: Hit) -> bool:
    """'17B parameters active': an 'active' cue right after the unit, not one further on
    ('stores 671B parameters but activates 37B')."""
    return any(h.ident == "active" and h.start == unit.end for h in sentence.hits)


def _unitless_count(sentence: Sentence, value: Hit) -> tuple[str, str] | None:
    """'Mistral Small 3 handles 32K', 'capped at 8K': a K/M count beside a context cue;
    'the 9B saw 8T', 'trained on 3T', 'pre-trained on 14.8 trillion': a trillions count right
    after a training cue."""
    if value.text.rstrip("+").endswith("T") or value.text.endswith("trillion"):
        training = [h for h in sentence.cue("training") if 0 <= value.start - h.end <= 2]
        return ("training_tokens", "") if training else None
    if not value.text.rstrip("+").endswith(("K", "k", "M")) and "million" not in value.text:
        # "DeepSeek-V3 is 671B with 37B active", "gemma 2 9b is 9B": a size said of a model
        sized = _parameter_scale(value) and _said_of(sentence, value, SIZE_VERBS)
        return ("parameters", "") if sized else None
    near = [h for h in sentence.cue("context") if -1 <= value.start - h.end <= 3]
    return (
        ("context_length", "")
        if near or _said_of(sentence, value, WINDOW_VERBS, linked=True)
        else None
    )


WINDOW_VERBS = frozenset(
    {"is", "are", "was", "were", "has", "have", "had", "does", "do", "takes", "take", "offers",
     "offer", "gets", "supports", "support", "handles", "reaches", "went", "moved", "grew",
     "jumped", "rose", "extended", "expanded", "increased", "stretched", "stretches", "stays",
     "stay", "stayed", "remains", "remained", "sits", "sat", "'s", "’s", "holds", "hold"}
)  # fmt: skip
# between a model and its verb: "GPT-4 and Llama 3.3 both take 128K", "Scout now does 10M"
SUBJECT_FILLERS = frozenset({"both", "all", "each", "also", "now", "only", "still", "then"})
SIZE_VERBS = frozenset({"is", "are", "was", "were", "weighs", "'s", "’s"})
WINDOW_FILLERS = frozenset(
    {"only", "just", "a", "mere", "up", "to", "about", "roughly", "now", "at", "still"}
)
WINDOW_AFTER = frozenset(
    {
        "",
        ".",
        ",",
        ";",
        ":",
        ")",
        "and",
        "as",
        "but",
        "while",
        "in",
        "of",
        "with",
        "back",
        "since",
        "too",
        "already",
        "today",
        "now",
        "by",
    }
)


def _said_of(sentence: Sentence, value: Hit, verbs: frozenset[str], linked: bool = False) -> bool:
    """'Phi-4-mini has 128K', 'Qwen3-0.6B and Qwen3-1.7B are 32K', 'Scout does 10M': a count
    said of a model (or 'it') by one of the verbs, with nothing after it (a thousands or
    millions count is then the window, a billions count the size); with ``linked``, also a
    count joined to the name by 'to' or a colon ('Claude 2.1 to 200K', 'Command R+: 128K')."""
    at, end = value.start - sentence.start, value.end - sentence.start
    after = next((t.lower() for t in sentence.tokens[end:] if t.strip()), "")
    if after not in WINDOW_AFTER:
        return False  # "has 128K downloads"
    words = [i for i in range(at) if sentence.tokens[i].strip()]
    linked = linked and bool(words) and sentence.tokens[words[-1]] in ("to", ":")
    if linked and any(m.end == sentence.start + words[-1] for m in subjects(sentence)):
        return True  # "pushed Claude 2.1 to 200K", "Command R+: 128K"
    while words and sentence.tokens[words[-1]].lower() in WINDOW_FILLERS:
        words.pop()
    if not words or sentence.tokens[words[-1]].lower() not in verbs:
        return False
    words.pop()
    while words and sentence.tokens[words[-1]].lower() in SUBJECT_FILLERS:
        words.pop()
    if not words:
        return False
    if sentence.tokens[words[-1]] == ",":  # "Maverick, Scout's bigger sibling, offers a mere
        before = sentence.start + words[-1]  # 1M", "X came out in May, stays at 200K"
        return any(m.end <= before and not oblique(sentence, m) for m in subjects(sentence))
    return any(m.end == sentence.start + words[-1] + 1 for m in subjects(sentence)) or (
        sentence.tokens[words[-1]].lower() == "it"
    )


def _labelled_count(label: str, value: Hit) -> tuple[str, str] | None:
    if label in ("parameters", "active_parameters") and not _parameter_scale(value):
        return None
    if label in ("parameters", "active_parameters", "context_length", "training_tokens"):
        return label, ""
    return None


def _window_scale(value: Hit) -> bool:
    """'1M', '2 million': a count a context window is given in, as much as a size."""
    text = _short_scale(value.text.strip())
    return text.endswith(("M", "million"))


def _parameter_scale(value: Hit) -> bool:
    text = _short_scale(value.text.strip())
    return text.endswith(("B", "T", "b")) or any(text.endswith(s) for s in PARAMETER_SCALES)


def _token_attribute(sentence: Sentence, value: Hit, unit: Hit) -> tuple[str, str] | None:
    """Context or training tokens: a cue right after the unit ('128K-token context',
    'tokens of context') decides, else the nearest cue before the value in the sentence."""
    for cue in sentence.hits:
        between = sentence.tokens[unit.end - sentence.start : cue.start - sentence.start]
        next_to = cue.start >= unit.end and all(
            t.strip().lower() in {"of", "-", "in", ""} for t in between
        )
        if cue.kind == "CUE" and cue.ident in ("context", "training") and next_to:
            return ("context_length" if cue.ident == "context" else "training_tokens"), ""
    before = [
        h
        for h in sentence.hits
        if h.kind == "CUE" and h.ident in ("context", "training") and h.end <= value.start
    ]
    scale = scale_of(value.text)
    if before:
        nearest = before[-1]
        if nearest.ident == "context" and scale >= 10**9:
            return "training_tokens", ""  # "128k ctx, 18T tokens": no window is 18T tokens
        return ("context_length" if nearest.ident == "context" else "training_tokens"), ""
    if unit.start - value.end > 1:  # "405 billion on every token": not a count of tokens
        return None
    if not sentence.cue("training") and scale in (10**3, 10**6):
        return "context_length", ""  # "each offer 200K tokens": thousands of tokens are a window
    if not sentence.cue("training") and scale == 1 and _window_sized(sentence, value, unit):
        return "context_length", ""  # "Claude 3 Opus takes 200,000 tokens"
    if scale >= 10**9:
        return "training_tokens", ""  # "18T tok": trillions of tokens are training data
    return None


def _window_sized(sentence: Sentence, value: Hit, unit: Hit) -> bool:
    """A plain number of tokens the size of a window (1,024 to 100 million), not a rate
    ('2,000 tokens per second')."""
    number = parse_count_text(value.text)
    after = [t.lower() for t in sentence.tokens[unit.end - sentence.start :] if t.strip()][:2]
    rate = after[:1] in (["per"], ["/"], ["a"], ["each"]) or after[:2] == ["every", "second"]
    return number is not None and 1_024 <= number <= 100_000_000 and not rate


def date_attribute(sentence: Sentence, value: Hit) -> str | None:
    """release_date or knowledge_cutoff, by label or the nearest cue; None without a cue."""
    if _timestamp(sentence, value):  # "Date: Wed, 19 Mar 2025 10:42 +0000": a message's
        return None
    if sentence.label in ("release_date", "knowledge_cutoff"):
        return sentence.label
    if sentence.label and sentence.colon is not None:
        return None
    if _when_said(sentence, value):  # "Hanbit Labs said on Thursday that ...": when it spoke
        return None
    cues = [h for h in sentence.hits if h.ident in ("release", "cutoff") or _released(h)]
    cues += [h for h in sentence.cue("developer") if RELEASE_VERBS.match(h.text)]  # released by
    cues += [h for h in sentence.cue("hedge") if "expected" in h.text.lower()]  # is expected
    if _dated_entry(sentence, value) or _bracketed_after_name(sentence, value):
        return "release_date"  # "- **Sept 27, 2023 – Mistral 7B.** ...", "DeepSeek-V3 (Dec 2024)"
    # "Its training data stops at October 2023", "Llama 3 8B stops at March 2023": data up to
    # a date (the words are also cues of a window, of training: a cutoff only beside a date)
    stops = [
        h
        for h in sentence.hits
        if (h.ident == "training" and 0 <= value.start - h.end <= 4)
        or (h.text.lower() in STOPS and 0 <= value.start - h.end <= 1)
    ]
    if not cues:
        return "knowledge_cutoff" if stops else None
    nearest = min([*cues, *stops], key=lambda h: abs(h.start - value.start))
    bare_month = value.ident == "date-month" and not any(c.isdigit() for c in value.text)
    far = _words_apart(sentence, nearest, value) > MONTH_CUE_REACH
    if bare_month and far and not _past_apposition(sentence, nearest, value):
        return None  # a bare month is weak: "The launch puts ... rattled markets in January"
    cutoff = nearest.ident == "cutoff" or nearest in stops
    return "knowledge_cutoff" if cutoff else "release_date"


SPEECH_VERBS = frozenset({"said", "says", "told", "tells", "wrote", "writes", "reported"})
SPEECH_NOUNS = frozenset({"report", "reports", "statement", "interview", "briefing", "filing"})


def _when_said(sentence: Sentence, value: Hit) -> bool:
    """Is the date when someone spoke ('said on Thursday', 'told investors last week')?"""
    base = sentence.start
    words = [
        t.lower() for t in sentence.tokens[max(value.start - base - 3, 0) : value.start - base]
    ]
    words = [w for w in words if w.strip()]
    if words[-1:] and words[-1] in SPEECH_VERBS | SPEECH_NOUNS:
        return True  # "said on Thursday", "according to a report yesterday"
    return len(words) >= 2 and words[-2] in ("told",) and words[-1].isalpha()


def _words_apart(sentence: Sentence, cue: Hit, value: Hit) -> int:
    """Tokens between a cue and a value, a model's name counting as one word ('released
    Llama 4 Scout and Llama 4 Maverick in April' is as near as 'released Scout and
    Maverick in April')."""
    low, high = sorted((cue.start, value.start))
    inside = sum(max(0, min(m.end, high) - max(m.start, low) - 1) for m in sentence.of("MODEL"))
    return high - low - inside


STOPS = frozenset({"stops at", "stopped at", "stops in", "stopped in", "stops", "stopped"})
APPOSITION_REACH = 12


def _past_apposition(sentence: Sentence, cue: Hit, value: Hit) -> bool:
    """'released Qwen2.5-Max, a large MoE model, in January': the verb, the model named
    right after it, a description set off by commas, then the date."""
    model = next((m for m in sentence.of("MODEL") if 0 <= m.start - cue.end <= 1), None)
    if model is None or value.start <= model.end:
        return False
    between = sentence.tokens[model.end - sentence.start : value.start - sentence.start]
    words = [t.lower() for t in between if t.strip()]
    if words[-1:] and words[-1] in {"in", "on", "during"}:
        words = words[:-1]
    return (
        len(words) <= APPOSITION_REACH
        and words.count(",") == 2
        and words[0] == ","
        and words[-1] == ","
    )


MONTH_CUE_REACH = 6
CLOCK = re.compile(r"^[\s,]*(?:at\s+)?\d{1,2}:\d\d\b")


def _timestamp(sentence: Sentence, value: Hit) -> bool:
    """Is the date followed by a clock time ('18 Mar 2025 at 17:05'), the time a message was
    sent?"""
    start = value.end_char - sentence.start_char
    return bool(CLOCK.match(sentence.text[start : start + 16]))


RELEASE_VERBS = re.compile(r"\b(put out|published|publishing|released|releasing|dropped)\b", re.I)


def _released(hit: Hit) -> bool:
    """'put out the weights' / 'published the weights' says when a model came out, too."""
    if hit.ident == "license:open-source":  # "xAI open-sourced it in November"
        return "sourced" in hit.text.lower()
    return hit.ident == "license:open-weights" and bool(RELEASE_VERBS.search(hit.text))


DASHES = frozenset({"–", "—", "-", ":", "|"})
ENUMERATOR = re.compile(r"\d{1,3}[/.)]?")


def _bracketed_after_name(sentence: Sentence, value: Hit) -> bool:
    """'DeepSeek-V3 (December 2024)': a date alone in brackets right after a model's name
    is when it came out."""
    at, end = value.start - sentence.start, value.end - sentence.start
    if sentence.tokens[at - 1 : at] != ("(",) or sentence.tokens[end : end + 1] != (")",):
        return False
    return any(m.end == value.start - 1 for m in sentence.of("MODEL"))


def _dated_entry(sentence: Sentence, value: Hit) -> bool:
    """A list item or heading that opens with a date and a dash (or a bold lead-in of just
    the date), then a model name or its maker: the date is when that model came out."""
    words = [i for i, t in enumerate(sentence.tokens) if t.strip() and t not in ("*", "**", "#")]
    if words and ENUMERATOR.fullmatch(sentence.tokens[words[0]]):
        words = words[1:]  # "4/ June 27, 2024: Gemma 2", "3. May 2024 - ..."
    if words and sentence.tokens[words[0]].lower() == "then":
        words = words[1:]  # "Then March 12, 2025: Gemma 3."
    at = value.start - sentence.start
    if not words or words[0] > at or any(i < at for i in words if sentence.tokens[i] not in "-+"):
        return False
    after = [i for i in words if i >= value.end - sentence.start]
    if len(after) < 2 or sentence.tokens[after[0]] not in DASHES | {"."}:
        return False
    if sentence.tokens[after[0]] == "." and not _bold_lead_in(sentence, value):
        return False  # "- **July 18.** Llama 2 ...", not "- May. Then ..."
    first = sentence.start + after[1]
    models = sentence.of("MODEL")
    if any(m.start == first for m in models):
        return True
    if any(h.start == first for h in sentence.of("ORG")):  # "**February 24.** Meta puts out"
        return any(0 < m.start - first <= 4 for m in models)
    return False


def _bold_lead_in(sentence: Sentence, value: Hit) -> bool:
    """Is the value inside a bold lead-in ('**July 18.**')?"""
    at, end = value.start - sentence.start, value.end - sentence.start
    before = "".join(t for t in sentence.tokens[:at] if t.strip() and t not in ("-", "+"))
    after = "".join(t for t in sentence.tokens[end : end + 3] if t.strip())
    return before.endswith("**") and after.startswith(".**")


SEQUENCE_NOUNS = frozenset({"sequences", "sequence", "chunks", "windows", "contexts", "documents"})


def _sequence_length(sentence: Sentence, value: Hit) -> bool:
    words = words_before(sentence, value.start)
    return words[-1:] == ["of"] and len(words) >= 2 and words[-2] in SEQUENCE_NOUNS


def draft_counts(sentence: Sentence, fallback: Hit | None) -> Iterator[Draft]:
    previous: Hit | None = None  # the last value drafted, for gapping
    previous_attribute = ""
    for group in count_groups(sentence):
        unit = _next_unit(sentence, group[-1])
        listed: tuple[str, str] | None = None  # "windows of 128K, 32K and 16K": one attribute
        listed_scale = 0
        for value in group:
            if _inside_model(sentence, value):
                continue
            found = count_attribute(sentence, value, unit)
            if found is None and listed is not None and scale_of(value.text) == listed_scale:
                found = listed
            elif found is not None and listed is None:
                listed, listed_scale = found, scale_of(value.text)
            if found is None and unit is None and previous is not None:
                found = _gapped(sentence, previous, previous_attribute, value) or _gapped_for(
                    sentence, previous, previous_attribute, value
                )
            model = model_for(value, sentence, fallback)
            if found is None and model is not None and model is not SKIP and _names(model, value):
                found = ("parameters", "")  # "the 13B", "the 235B flagship": the size named
            if found and found[0] == "parameters" and model is not None and model is not SKIP:
                model = _introduced_by(sentence, model, value) or model
            if (
                found
                and found[0] == "active_parameters"
                and _total_before_active_pair(sentence, group, value)
            ):
                found = ("parameters", "total")  # "21 billion, 3.6 billion active"
            if not found or model is SKIP or _negated_before(sentence, group[0]):
                continue
            if found[0] == "parameters" and model and _generic_size(sentence, value, model):
                continue
            if found[0] == "training_tokens" and _sequence_length(sentence, value):
                continue  # "trained Scout on sequences of 256,000 tokens": not how many
            attribute, scope = found
            previous, previous_attribute = value, attribute
            end = unit.end_char if unit and value is group[-1] else value.end_char
            yield Draft(
                attribute=attribute,
                value_hit=value,
                model=model,
                end_char=end,
                bound=_bound_before(sentence, value),
                hedged=_hedged(sentence),
                scope=scope or None,
                range=_range(sentence, group),
            )


def _total_before_active_pair(sentence: Sentence, group: list[Hit], value: Hit) -> bool:
    """'has 21 billion, 3.6 billion active', '117B, 5.1B active': of two counts set apart by a
    comma before 'active', the larger first one is the total."""
    if len(group) != 2 or value is not group[0]:
        return False
    between = sentence.tokens[group[0].end - sentence.start : group[1].start - sentence.start]
    if [t for t in between if t.strip()] != [","]:
        return False
    first, second = parse_count_text(group[0].text), parse_count_text(group[1].text)
    return first is not None and second is not None and first > second


def _generic_size(sentence: Sentence, value: Hit, model: Hit) -> bool:
    """'A 671B model at FP8 needs 700 GB', 'where a 7B or 8B model is too slow': a size said
    of any model of that size, in a sentence that does not name one ('It is a 7B model', 'it
    brought a 70B version' say it of the model referred to)."""
    if named_in(sentence, model):
        return False
    words = [t.lower() for t in sentence.tokens[: value.start - sentence.start] if t.strip()]
    if not words or words[-1] not in ("a", "an"):
        return False
    return len(words) < 2 or words[-2] in GENERIC_BEFORE


GENERIC_BEFORE = frozenset({".", ";", ":", "(", "where", "when", "if", "than", "like", "for", "of"})


def _gapped(
    sentence: Sentence, previous: Hit, attribute: str, value: Hit
) -> tuple[str, str] | None:
    """'Jamba handles 256K tokens, Command R+ 128K and DBRX 32K': a bare value right after
    another model's name, in a sentence that just gave the same kind of value, is the same
    attribute (the verb and unit are left out)."""
    if attribute not in ("context_length", "parameters", "training_tokens"):
        return None
    named = [m for m in sentence.of("MODEL") if previous.end <= m.start and m.end <= value.start]
    if not named or not 0 <= value.start - named[-1].end <= 4:
        return None
    between = [
        t.lower()
        for t in sentence.tokens[named[-1].end - sentence.start : value.start - sentence.start]
        if t.strip()
    ]
    if any(t not in GAP_WORDS for t in between):
        return None
    return (attribute, "") if scale_of(previous.text) == scale_of(value.text) else None


def _gapped_for(
    sentence: Sentence, previous: Hit, attribute: str, value: Hit
) -> tuple[str, str] | None:
    """'40 trillion tokens for Scout and around 30 trillion for Maverick', '18 trillion tokens,
    against 7 trillion for Qwen2 72B': a bare value given for a model named right after it,
    in a sentence that just gave the same kind of value."""
    if attribute not in ("context_length", "parameters", "training_tokens"):
        return None
    if _owner_after(sentence, value) is None:
        return None
    return (attribute, "") if scale_of(previous.text) == scale_of(value.text) else None


GAP_WORDS = frozenset(
    {"itself", "is", "at", "on", "stuck", "only", "just", "with", "has", "'s", ","}
    | {"about", "around", "roughly", "some", "nearly", "almost", "approximately", "~"}
    | {"over", "more", "than", "up", "to", "under", "less", "fewer", "least"}
)  # "and Maverick about 30 trillion", "and Llama 3 on more than 15 trillion"


def _spanned(sentence: Sentence, value: Hit) -> bool:
    """Is the count an end of a range of sizes of a model named before ('runs from 0.5B to
    72B')?"""
    group = next((g for g in count_groups(sentence) if value in g), [])
    if _range(sentence, group) is None or any(scale_suffix(c) != "B" for c in group):
        return False
    return any(m.end <= group[0].start for m in subjects(sentence))


def _range(sentence: Sentence, group: list[Hit]) -> tuple[int, int] | None:
    """'from 0.6 billion to 235 billion', 'between 8B and 70B': the two ends of a range."""
    if len(group) != 2 or group[0].start == sentence.start:
        return None
    opener = sentence.tokens[group[0].start - sentence.start - 1].lower()
    low, high = (parse_count_text(h.text) for h in group)
    if opener not in RANGE_OPENERS or low is None or high is None:
        return None
    return (low, high)


def _introduced_by(sentence: Sentence, model: Hit, value: Hit) -> Hit | None:
    """'Llama 3.1 brought a 405B model': the size is the family's (a size claim about
    Llama 3.1); what follows is about the 405B member."""
    if not _names(model, value) or model.text.split()[0].lower() not in ("a", "an"):
        return None
    before = [m for m in subjects(sentence) if m.end <= model.start and not m.synthetic]
    return before[-1] if before else None


def _names(model: Hit, value: Hit) -> bool:
    """Is the value the size in a size reference ('the 13B')? A size listed after a name
    ('Qwen3 8B, 14B') is a name itself (its reference is the bare count): no claim."""
    inside = model.start <= value.start and value.end <= model.end
    return model.synthetic and inside and (model.start, model.end) != (value.start, value.end)


def _in_reference(sentence: Sentence, value: Hit) -> bool:
    """Is the count the size in a size reference ('the 27B')?"""
    return any(
        m.start < value.start and value.end <= m.end and m.synthetic for m in sentence.of("MODEL")
    )


def _inside_model(sentence: Sentence, value: Hit) -> bool:
    return any(
        m.start <= value.start and value.end <= m.end and not m.synthetic
        for m in sentence.of("MODEL")
    )


def draft_dates(sentence: Sentence, fallback: Hit | None) -> Iterator[Draft]:
    for value in sentence.of("DATE", "RELDATE"):
        attribute = date_attribute(sentence, value)
        model = model_for(value, sentence, fallback)
        if attribute is None or model is SKIP:
            continue
        yield Draft(
            attribute=attribute,
            value_hit=value,
            model=model,
            end_char=value.end_char,
            hedged=_hedged(sentence),
        )


REFERRING_WORDS = frozenset(
    {"it", "it's", "its", "they", "they're", "their", "both", "each", "all", "these", "this"}
    | {"neither", "none"}
)
REFERRING_NOUNS = frozenset({"model", "family", "weights", "release", "version", "sibling"})
RELEASE_OPENERS = frozenset(
    {"released", "came", "out", "launched", "shipped", "arrived", "dropped", "landed", "debuted"}
)


def refers_back(sentence: Sentence) -> bool:
    """Does a sentence that names no model speak of the one in view ('It was released ...',
    'Both use ...', 'The new model ...', a key-value line)? A possessive after a maker is the
    maker's ('Alibaba released its first Qwen models')."""
    if sentence.label is not None:
        return True
    words = _plain_words(sentence)
    makers = sentence.of("ORG")
    for i, t in enumerate(sentence.tokens):
        word = t.lower()
        if word not in REFERRING_WORDS:
            continue
        at = sentence.start + i
        if word in ("its", "their") and any(0 < at - o.end <= 3 for o in makers):
            continue
        return True
    return words[:1] == ["the"] and any(w in REFERRING_NOUNS for w in words[:7])


def release_of_referent(sentence: Sentence, draft: Draft) -> bool:
    """A release date in a sentence that names no model: 'It came out in March', 'Released in
    March, and ...', '128K context, came out last December', 'gives the release date as ...'
    are of the model in view; 'Alibaba released its first openly downloadable Qwen models in
    August 2023' and 'A year ago, the most capable open model ...' are not."""
    if draft.attribute != "release_date" or draft.model is None:
        return True
    if named_in(sentence, draft.model):
        return True
    words = opening_words(sentence)
    return (
        refers_back(sentence)
        or words[:1] in [[w] for w in RELEASE_OPENERS]
        or spec_line(sentence)  # "A hundred and twenty-eight k context, came out in April"
        or "release date" in sentence.text.lower()
    )


def named_in(sentence: Sentence, model: Hit | None) -> bool:
    """Is the model named in this sentence (not carried over from context)?"""
    return model is not None and sentence.start <= model.start < sentence.end


LIST_MARKS = frozenset({"-", ">", "*", "•"})  # bullets and quote marks that open a line


def _plain_words(sentence: Sentence) -> list[str]:
    """The sentence's words, lower-cased, without emphasis, list marks and quotation marks."""
    marks = EMPHASIS | LIST_MARKS | {'"', "“"}
    return [t.lower() for t in sentence.tokens if t.strip() and t not in marks]


def opening_words(sentence: Sentence) -> list[str]:
    """The sentence's words, lower-cased, without marks and a speaker's name ('**JONAS:**')."""
    words = _plain_words(sentence)
    return words[2:] if words[1:2] == [":"] else words


def spec_line(sentence: Sentence) -> bool:
    """Does the sentence open with a number, as a spec line does ('16 experts, 109B total',
    'Seventy billion parameters, dense', 'A hundred and twenty-eight k context, ...')?"""
    words = opening_words(sentence)
    first = words[0] if words else ""
    counted = words[:2] in (["a", "hundred"], ["a", "thousand"]) or first not in ("a", "an")
    return first[:1].isdigit() or (counted and word_number([first]) is not None)


def respectively(
    sentence: Sentence, drafts: list[Draft], referred: tuple[Hit, ...] = ()
) -> list[Draft]:
    """'A and B have 117B and 21B parameters respectively': the n-th value to the n-th model
    (named before the values, after them, or referred to: 'The two models have ...')."""
    if "respectively" not in (t.lower() for t in sentence.tokens):
        return drafts
    result: list[Draft] = []
    by_attribute: dict[str, list[Draft]] = {}
    for draft in drafts:
        by_attribute.setdefault(draft.attribute, []).append(draft)
    at = sentence.start + [t.lower() for t in sentence.tokens].index("respectively")
    for drafts_of in by_attribute.values():
        listed = sorted(
            (d for d in drafts_of if d.value_hit.start < at), key=lambda d: d.value_hit.start
        )
        result.extend(d for d in drafts_of if d.value_hit.start >= at)
        if not listed:
            continue
        named = subjects(sentence)
        result.extend(_in_order(listed, named, referred))
    return result


def _in_order(listed: list[Draft], named: list[Hit], referred: tuple[Hit, ...]) -> list[Draft]:
    """The values listed before 'respectively' given to the models in order; when the counts
    differ, the last run of values to the models named right before it ('A was trained on
    14T, and B, C and D on 12, 4 and 2T respectively')."""
    first, last = listed[0].value_hit.start, listed[-1].value_hit.end
    for models in (
        [m for m in named if m.end <= first],
        [m for m in named if m.start >= last],
        list(referred),
    ):
        if len(models) == len(listed) > 1:
            return [dataclasses.replace(d, model=m) for d, m in zip(listed, models, strict=True)]
    before = [m for m in named if m.end <= last]
    if not before:
        return listed
    run = [d for d in listed if d.value_hit.start >= before[-1].end]
    earlier = [d for d in listed if d.value_hit.start < before[-1].end]
    since = earlier[-1].value_hit.end if earlier else -1
    models = [m for m in before if m.start >= since]
    if len(models) == len(run) > 1:
        return earlier + [dataclasses.replace(d, model=m) for d, m in zip(run, models, strict=True)]
    return listed


COORDINATORS = frozenset({",", "and", "&", "both"})


def coordinated_share(sentence: Sentence, drafts: list[Draft]) -> list[Draft]:
    """'Gemini 1.5 Pro and Gemini 1.5 Flash are natively multimodal', 'launched Claude Opus 4
    and Claude Sonnet 4 in May 2025': one value after models joined by 'and' or commas is
    about each of them. Not when the sentence pairs values with models ('respectively') or
    gives the last model a value of that attribute of its own."""
    if "respectively" in (t.lower() for t in sentence.tokens):
        return drafts
    named = subjects(sentence)
    extra: list[Draft] = []
    for draft in drafts:
        model = draft.model
        dated = draft.value_hit.kind in ("DATE", "RELDATE")
        if dated and model in named and model is not None and model.start >= draft.value_hit.end:
            extra += [  # "OpenAI yesterday released A and B": the date is of each
                dataclasses.replace(draft, model=m)
                for m in chain_from(sentence, [m for m in named if m.start >= model.start])[1:]
                if not any(d.attribute == draft.attribute and d.model == m for d in drafts)
            ]
            continue
        if model is not None and model in named and _listed_after_plural(sentence, draft, model):
            extra += [  # "two open-weight language models, A and B": each of them
                dataclasses.replace(draft, model=m)
                for m in chain_from(sentence, [m for m in named if m.start >= model.start])[1:]
                if not any(d.attribute == draft.attribute and d.model == m for d in drafts)
            ]
            continue
        if model is None or model not in named or model.end > draft.value_hit.start:
            continue
        chain = _chain_ending_at(sentence, named, model)
        if len(chain) < 2 or _appended_to_last(sentence, model, draft.value_hit):
            continue
        if draft.attribute != "developer" and _bracketed_note(sentence, model, draft.value_hit):
            continue  # "Phi-4-mini, Qwen3-8B, Gemma 3 12B (vision)": a note on the last name
        own = [d for d in drafts if d.attribute == draft.attribute and d.model == model]
        if len(own) > 1 and draft.attribute not in ("modality", "license"):
            continue  # several values: no telling which goes with which model
        others = {m.ident or m.text for m in chain[:-1]}
        taken = {
            d.model.ident or d.model.text
            for d in drafts
            if d.attribute == draft.attribute and d.model is not None and d.model != model
        }
        extra += [
            dataclasses.replace(draft, model=m)
            for m in chain[:-1]
            if (m.ident or m.text) in others - taken
        ]
    return drafts + extra


# plural nouns a set of models goes by ("two open-weight models, A and B", "six dense ones")
PLURAL_NOUNS = frozenset(
    {"models", "versions", "variants", "checkpoints", "llms", "systems", "ones", "sizes"}
)


def _listed_after_plural(sentence: Sentence, draft: Draft, model: Hit) -> bool:
    """Is the value in a plural description set off before a list of names ('released two
    open-weight language models, gpt-oss-120b and gpt-oss-20b')?"""
    if model.start < draft.value_hit.end:
        return False
    between = [
        t.lower()
        for t in sentence.tokens[
            draft.value_hit.end - sentence.start : model.start - sentence.start
        ]
        if t.strip()
    ]
    return 2 <= len(between) <= 4 and between[-1] == "," and between[-2] in PLURAL_NOUNS


AS_VERBS = frozenset({"does", "do", "did", "is", "are", "was", "were", "has", "have"})


def shared_by_as(sentence: Sentence, drafts: list[Draft]) -> list[Draft]:
    """'The flagship supports a 128K context, as does Qwen3-32B', 'GPT-5 remains closed, and
    so, for now, is Grok-2': what the clause before says of its model, the model after
    'as does' / 'so is' shares."""
    if not drafts:
        return drafts
    words = [t.lower() for t in sentence.tokens]
    base = sentence.start
    extra: list[Draft] = []
    for i, word in enumerate(words):
        if word not in ("as", "so") or i + 1 >= len(words):
            continue
        rest = [(j, w) for j, w in enumerate(words[i + 1 :], start=i + 1) if w.strip()]
        rest = [(j, w) for j, w in rest if w not in (",", "for", "now", "too", "the")][:2]
        if not rest or rest[0][1] not in AS_VERBS or len(rest) < 2:
            continue
        model = next((m for m in sentence.of("MODEL") if m.start - base == rest[1][0]), None)
        if model is None or (word == "as" and words[i - 1 : i] != [","]):
            continue
        if word == "so" and words[i - 1 : i] not in ([","], ["and"]):
            continue
        targets = chain_from(sentence, [m for m in sentence.of("MODEL") if m.start >= model.start])
        extra += [  # "as are Qwen2.5-7B and Mistral 7B": each of them
            dataclasses.replace(d, model=target)
            for target in targets
            for d in drafts
            if d.model is not None
            and d.model.ident != target.ident
            and d.value_hit.end <= base + i
            and not any(o.attribute == d.attribute and o.model == target for o in drafts)
        ]
    return drafts + extra


def chain_from(sentence: Sentence, models: list[Hit]) -> list[Hit]:
    """The first model and those joined after it by commas or 'and' ('A, B and C')."""
    chain = models[:1]
    for left, right in itertools.pairwise(models):
        if not coordinated(sentence, left, right):
            break
        chain.append(right)
    return chain


def _appended_to_last(sentence: Sentence, model: Hit, value: Hit) -> bool:
    """'Phi-4, Gemma 3 27B, and Mistral Small 3, a 24B model released in January': a comma
    and a singular aside after the last model is about that model alone (not 'A and B, two
    open-weight models', 'A, B and C, are dense')."""
    between = [
        t.lower()
        for t in sentence.tokens[model.end - sentence.start : value.start - sentence.start]
        if t.strip()
    ]
    return len(between) >= 2 and between[0] == "," and between[1] in SINGULAR_ASIDES


def _bracketed_note(sentence: Sentence, model: Hit, value: Hit) -> bool:
    after = sentence.tokens[model.end - sentence.start : value.start - sentence.start]
    return [t for t in after if t.strip()][:1] == ["("]


SINGULAR_ASIDES = frozenset({"a", "an", "which", "whose", "its", "who"})


def _chain_ending_at(sentence: Sentence, named: list[Hit], last: Hit) -> list[Hit]:
    """The models joined to ``last`` by commas and 'and' before it, in text order."""
    chain = [last]
    for left in reversed([m for m in named if m.end <= last.start]):
        if not coordinated(sentence, left, chain[0]):
            break
        chain.insert(0, left)
    return chain


def coordinated(sentence: Sentence, left: Hit, right: Hit) -> bool:
    """Are two mentions joined only by commas, 'and', '&' or 'both'?"""
    tokens = sentence.tokens[left.end - sentence.start : right.start - sentence.start]
    between: Sequence[str] = tokens
    if "[" in tokens:  # "Gemma 2 9B [19] and Qwen2-72B"
        between = CITATION.sub("", " ".join(tokens)).split(" ")
    return bool(tokens) and all(t.strip().lower() in COORDINATORS | {""} for t in between)


CITATION = re.compile(r"\[ (?:\d+ ?[,–-]? ?)+\]")
