"""Who a sentence is about when it names no model: the running subject, and size references.

"It", "the model" and bare values refer back to the model the latest sentence was about
(its first mention, comparisons excluded), or the model of the section heading, or the
article's main model. "The 405B model" names the member of the current family of that size.
"""

from __future__ import annotations

import dataclasses
import itertools
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass

from pipeline.extract.claims import (
    count_groups,
    oblique,
    opens_with_reference,
    scale_suffix,
    subjects,
    words_before,
)
from pipeline.extract.hits import Hit, Sentence, span_hit, token_offsets, with_hits
from pipeline.extract.nlp import EMPHASIS
from pipeline.extract.numbers import parse_count_text

# "the 405B model", "Meta's 405B model" name a member; "a 405B model" describes one
DETERMINERS = frozenset({"the", "its", "this", "that", "their", "'s", "’s"})
SIZE_TOLERANCE = 0.05
LEAD_SENTENCES = 3  # where the models a piece is about are named together
GROUP_MEMORY = 2  # sentences after which "both"/"they" no longer reach a group

Sizes = Mapping[str, Sequence[tuple[int, str]]]


@dataclass(frozen=True)
class Context:
    """Who a sentence without its own model name is about."""

    subject: Hit | None  # "it", "the model"
    group: tuple[Hit, ...] = ()  # "both models", "they": the models last named together
    together: tuple[Hit, ...] = ()  # the models last named together, whether referred to or not


def with_subjects(
    sents: list[Sentence],
    main: Hit | None,
    sizes: Sizes,
    families: Mapping[str, tuple[str, str]] | None = None,
) -> Iterator[tuple[Sentence, Context]]:
    """Each sentence (with its size references resolved) and who it refers back to."""
    families = families or {}
    recent: Hit | None = None
    groups: list[tuple[Hit, ...]] = []  # models named together lately, latest last
    used: tuple[Hit, ...] = ()  # the group the previous sentence referred to
    lead: tuple[Hit, ...] = ()  # the first models the article names together
    fresh = False
    titled: set[str] = set()  # the models the current section heading names
    age = 0
    named = [m for s in sents for m in s.of("MODEL") if m.ident]
    history: list[tuple[int, Hit]] = []  # members named lately, with their sentence's index
    for index, sentence in enumerate(sents):
        if sentence.heading:
            recent, groups = None, []
            fresh = True  # no model named since the heading
            titled = {m.ident for m in sentence.of("MODEL") if m.ident}
        sentence = resolve_size_references(sentence, recent or main, sizes, named)
        sentence, ranked = resolve_rank_references(sentence, recent or main, sizes, main)
        sentence = resolve_family_references(sentence, recent or main, families)
        if not ranked:
            ranked = resolve_exclusions(sentence, recent or main, sizes, families)
        mentions = subjects(sentence)
        labelled = sentence.heading or sentence.label in (None, "subject")
        lead_end = _lead_in_end(sentence)
        body = [m for m in mentions if m.start >= lead_end]
        direct = [m for m in body if not oblique(sentence, m) and not _appositive(sentence, m)]
        lead_in = [m for m in mentions if m.start < lead_end]
        # "**Mistral Small 3.** A caption gave the date of Mistral Small 3 as ...": the entry's
        # model, even when the body names it only after a preposition
        candidates = direct or lead_in or ([] if body else mentions)
        if not candidates:  # "... built on gpt-oss-20b, the open-weight model OpenAI released"
            candidates = [m for m in body if _introduced_by_description(sentence, m)][:1]
        first = candidates[0] if candidates else None
        # under "## Qwen2.5 7B", "... the Qwen2.5 series ..., and Qwen2.5 7B is ...": the
        # section's own model stays the subject
        first = next((m for m in direct if m.ident in titled), first)
        if (
            first is not None
            and labelled
            and not _aside(first, recent, sizes)
            and not (recent is not None and _about_the_referent(sentence, first))
        ):
            recent = first  # "**Falcon.** TII launched Falcon 40B ...": the body's model
        plural = _plural(sentence) if not mentions else None
        group: tuple[Hit, ...] = ()
        if sentence.heading:  # a heading claims only about the model it names
            yield sentence, Context(mentions[0] if mentions else None)
        else:
            group = _group_for(groups, plural, used) if plural is not None else ()
            if plural == 2 and not group:  # "The bigger model has ... gpt-oss-20b is ... Both"
                group = _last_pair(history, index, families)
            if plural is not None and not group and fresh and lead and plural in (0, len(lead)):
                group = lead  # after a heading, "Both models" are the two the piece is about
            subject = recent or main
            if not mentions and _opens_indefinite(sentence):
                subject = None  # "A conventional language model is dense": no model in view
            if main is not None and _opens_with_the_new_model(sentence):
                subject = main  # "The new model ..." is the one the piece is about
            if not (ranked or group) and not mentions and _generic_plural(sentence):
                subject = family_hit(subject, families) or subject  # "the models"
            if sentence.label is not None and not mentions and recent is None and lead:
                # "## Specs" / "- **Developer:** OpenAI" in a piece about gpt-oss-120b and
                # gpt-oss-20b: the spec list is the family's
                subject = _common_family(lead, families) or subject
            yield sentence, Context(subject, ranked or group, groups[-1] if groups else ())
        history += [(index, m) for m in mentions if m.ident and m.ident in families]
        used = group  # "All three models ...". "Each offers ..." goes on about the same three
        fresh = fresh and not mentions
        named_together = [m for m in body or mentions if not oblique(sentence, m)]
        together = _members_over_family(
            tuple({m.ident or m.text: m for m in named_together}.values()), families, sizes
        )
        if len(together) >= 2:
            groups, age = [*groups[-GROUP_MEMORY:], together], 0
            family = _common_family(together, families)
            if family is not None and labelled:
                recent = family  # "Llama 3 70B ..., while Llama 3 8B ...": then 'it' is Llama 3
            if index < LEAD_SENTENCES:  # the title or the opening sentence
                lead = lead or together
        elif age >= GROUP_MEMORY or (
            mentions
            and not _family_of_all(mentions, groups, sizes)
            and not _within_group(mentions, groups)
        ):
            groups = []  # "they" reaches back to the models named together just before
        age += 1


GENERIC_PLURALS = (
    ("the", "models"),
    ("these", "models"),
    ("these",),
    ("those", "models"),
    ("the", "family"),
    ("the", "whole", "family"),
    ("the", "new", "models"),
)


def _about_the_referent(sentence: Sentence, mention: Hit) -> bool:
    """'It has 314B parameters, ..., so it is basically a giant Mixtral': a sentence about the
    model referred back to keeps it in view, unless the name is set off as the referent's own
    ('Its largest dense model, Qwen3 32B, ...')."""
    if mention.start == sentence.start or not opens_with_reference(sentence):
        return False
    before = [t for t in sentence.tokens[: mention.start - sentence.start] if t.strip()]
    return not before or before[-1] not in (",", "(")


PLURAL_OPENING_WORDS = frozenset(phrase[0] for phrase in GENERIC_PLURALS)


def _opens_indefinite(sentence: Sentence) -> bool:
    """Does the sentence open with an indefinite subject ('A mixture-of-experts model
    splits ...')? Then it speaks of a kind of model, not of the one being discussed."""
    words = [t.lower() for t in sentence.tokens[:6] if t.strip() and t not in ("*", "**", "-")]
    if not words or words[0] not in ("a", "an"):
        return False
    return any(h.ident == "size_noun" and h.start - sentence.start < 8 for h in sentence.hits)


def _opens_with_the_new_model(sentence: Sentence) -> bool:
    words = [t.lower() for t in sentence.tokens[:4] if t.strip()]
    return words[:3] in (["the", "new", "model"], ["the", "new", "release"])


def _generic_plural(sentence: Sentence) -> bool:
    """'For now the models accept text only', 'these are text-only models'."""
    words = [t.lower() for t in sentence.tokens if t.strip()]
    for i in range(len(words)):
        if words[i] not in PLURAL_OPENING_WORDS:
            continue
        for phrase in GENERIC_PLURALS:
            if tuple(words[i : i + len(phrase)]) == phrase and (
                len(phrase) > 1 or words[i + 1 : i + 2] in (["are"], ["were"])
            ):
                return True
    return False


def family_hit(model: Hit | None, families: Mapping[str, tuple[str, str]]) -> Hit | None:
    """A synthetic mention of a member's family; None for a family or an unknown model."""
    if model is None or model.ident not in families:
        return None
    family_id, name = families[model.ident]
    if family_id == model.ident:
        return None
    return Hit("MODEL", family_id, -1, -1, -1, -1, name, synthetic=True)


def _appositive(sentence: Sentence, mention: Hit) -> bool:
    """'..., and a 128K variant, Phi-3-mini-128k-instruct, is available': a name put beside
    an indefinite description is an aside, not the new subject."""
    at = mention.start - sentence.start
    words = [t.lower() for t in sentence.tokens[max(at - 5, 0) : at] if t.strip()]
    if not words or words[-1] != ",":
        return False
    opening = [t.lower() for t in sentence.tokens[:at] if t.strip() and t not in EMPHASIS]
    if opening[:1] in (["a"], ["an"]):
        return False  # "A smaller entrant, Marola-7B, went up ...": the sentence's subject
    return any(w in ("a", "an") for w in words[:-1])


DESCRIBED_BY = frozenset({"model", "models", "system", "llm", "release", "version"})


def _introduced_by_description(sentence: Sentence, mention: Hit) -> bool:
    """'an assistant built on gpt-oss-20b, the open-weight model OpenAI released in August':
    a model named after a preposition, then described at length, is what comes next is about
    ('The model has 21 billion parameters')."""
    at = mention.end - sentence.start
    after = [t.lower() for t in sentence.tokens[at : at + 6] if t.strip()]
    before = words_before(sentence, mention.start)
    return (
        bool(mention.ident)  # "According to Raman, the model can read ...": no model at all
        and before[-2:] != ["according", "to"]
        and after[:1] == [","]
        and after[1:2] in (["the"], ["a"], ["an"])
        and any(w in DESCRIBED_BY for w in after[2:])
    )


def _members_over_family(
    models: tuple[Hit, ...], families: Mapping[str, tuple[str, str]], sizes: Sizes
) -> tuple[Hit, ...]:
    """'The two Llama 4 models ..., Scout and Maverick, ...': the members named are the
    group, not their family beside them (a family only, not also a model: not GPT-5)."""
    parents = {
        m.ident
        for m in models
        if sizes.get(m.ident)
        and m.ident not in {member for _, member in sizes[m.ident]}
        and any(o is not m and families.get(o.ident, ("",))[0] == m.ident for o in models)
    }
    members = [m for m in models if m.ident not in parents]
    return tuple(members) if parents and len(members) >= 2 else models


PAIR_REACH = 3  # sentences back that "both" finds two members named one by one


def _last_pair(
    history: list[tuple[int, Hit]], index: int, families: Mapping[str, tuple[str, str]]
) -> tuple[Hit, ...]:
    """The last two members of one family named one by one in the last few sentences ('The
    bigger model has 117B ... gpt-oss-20b is a scaled-down version ... Both handle 128K'), when
    no pair was named together."""
    latest: dict[str, Hit] = {}
    for at, mention in reversed(history):
        if index - at > PAIR_REACH:
            break
        latest.setdefault(mention.ident, mention)
        if len(latest) == 2:
            break
    pair = tuple(sorted(latest.values(), key=lambda m: m.start))
    if len(pair) != 2 or families[pair[0].ident][0] != families[pair[1].ident][0]:
        return ()
    return pair


def _common_family(models: tuple[Hit, ...], families: Mapping[str, tuple[str, str]]) -> Hit | None:
    """The family of several members named together, when they share one."""
    found = {families[m.ident] for m in models if m.ident in families}
    if len(found) != 1 or any(m.ident not in families for m in models):
        return None
    family_id = next(iter(found))[0]
    return None if any(m.ident == family_id for m in models) else family_hit(models[0], families)


def _lead_in_end(sentence: Sentence) -> int:
    """Token index just after a bold lead-in ('**Falcon.**'), or the sentence start."""
    words = [(i, t) for i, t in enumerate(sentence.tokens) if t.strip() and t not in ("-", "+")]
    if len(words) < 2 or [t for _, t in words[:2]] != ["*", "*"]:
        return sentence.start
    for (i, t), (_, u) in itertools.pairwise(words[2:]):
        if t == "*" and u == "*":
            return sentence.start + i + 2
    return sentence.start


def _family_of_all(mentions: list[Hit], groups: list[tuple[Hit, ...]], sizes: Sizes) -> bool:
    """'... the Llama 3.2 models accept 128K' between 'Llama 3.2 1B and 3B ...' and 'Both of
    the new models': naming the pair's family does not end the pair."""
    if len(mentions) != 1 or not groups:
        return False
    members = {m for _, m in sizes.get(mentions[0].ident, ())}
    return mentions[0].ident not in members and all(h.ident in members for h in groups[-1])


def _within_group(mentions: list[Hit], groups: list[tuple[Hit, ...]]) -> bool:
    """'Both use MoE, and the larger model activates 5.1B' between 'the larger ... the
    smaller one' and 'both models were trained ...': referring to one of the pair by
    description keeps the pair in view (naming a model outright does not)."""
    if not groups:
        return False
    members = {m.ident for m in groups[-1] if m.ident}
    return all(m.synthetic and m.ident in members for m in mentions)


def _aside(mention: Hit, recent: Hit | None, sizes: Sizes) -> bool:
    """'The 7B model runs fine on my laptop' in a piece about Llama 2: a size reference to a
    member of the family being discussed is an aside; 'it' still means the family."""
    if not mention.synthetic or recent is None or recent.synthetic:
        return False
    members = {model_id for _, model_id in sizes.get(recent.ident, ())}
    return mention.ident in members and recent.ident not in members


GROUP_SIZES = {"two": 2, "three": 3, "four": 4, "five": 5, "2": 2, "3": 3, "4": 4, "5": 5}
PLURAL_COUNTS = {**GROUP_SIZES, "both": 2, "pair": 2, "neither": 2}
PLURAL_OPENERS = frozenset({"each", "both", "they", "all", "their"})


def _plural(sentence: Sentence) -> int | None:
    """How many models a sentence refers back to: 0 for 'they' / 'each' (as many as were
    named), 2 for 'both', 3 for 'all three'; None when it does not refer to several."""
    cues = sentence.cue("plural")
    words = [t.lower() for t in sentence.tokens if t.strip()]
    if (
        not cues
        and not (
            (
                words
                and words[0] in PLURAL_OPENERS
                and len(words) > 1
                and words[1] not in ("the", "this", "these", "model", "models")
            )
            or (words[:1] == ["each"] and words[1:2] == ["of"])
            or words[:1] == ["neither"]  # "Neither model reads images" (a negation, not a cue)
            or words[:2] == ["none", "of"]  # "None of the four generates images"
        )
    ):
        return None
    if words[:2] == ["none", "of"]:
        return next((PLURAL_COUNTS[w] for w in words[2:4] if w in PLURAL_COUNTS), 0)
    for cue in cues or ():
        for word in cue.text.lower().split():
            if word in PLURAL_COUNTS:
                return PLURAL_COUNTS[word]
    if words and words[0] in PLURAL_COUNTS:
        return PLURAL_COUNTS[words[0]]
    return 0


def _group_for(groups: list[tuple[Hit, ...]], count: int, used: tuple[Hit, ...]) -> tuple[Hit, ...]:
    """The latest group of that many models; for 'they' / 'each', the group the sentence
    before referred to, else the latest."""
    if used and count in (0, len(used)):  # "Both use MoE. Both models are multimodal."
        return used
    for group in reversed(groups):
        if count in (0, len(group)):
            return group
    return groups[-1] if groups and count == 0 else ()


def resolve_size_references(
    sentence: Sentence, fallback: Hit | None, sizes: Sizes, named: Sequence[Hit] = ()
) -> Sentence:
    """Add a synthetic mention for 'the 27B model' naming the member of that size: of the
    family being discussed, else of another family the article names."""
    added = []
    for count, (start, end) in _size_references(sentence):
        size = parse_count_text(count.text)
        family = _family_mention(sentence, count, fallback)
        member = _member_of_size(family, size, sizes) or next(
            (m for m in (_member_of_size(n, size, sizes) for n in reversed(named)) if m), None
        )
        if member is not None:
            added.append(_span_hit(sentence, start, end, member))
    covered = [  # "the 4B, 12B and 27B Gemma 3 models": the members, not the family
        m
        for m in sentence.of("MODEL")
        if not m.synthetic and any(a.start <= m.start and m.end <= a.end for a in added)
    ]
    if covered:
        kept = tuple(h for h in sentence.hits if not any(h is c for c in covered))
        sentence = dataclasses.replace(sentence, hits=kept)
    return with_hits(sentence, added)


NOT_NOUNS = frozenset(
    {
        "parameters",
        "parameter",
        "params",
        "tokens",
        "token",
        "-",
        "of",
        "to",
        "and",
        "or",
        "total",
        "active",
        "in",
        "per",
        "x",
        "context",
    }
)


RANKS = {
    **{"larger": 1, "bigger": 1, "largest": 2, "biggest": 2, "smaller": -1, "smallest": -2},
    **{"big": 1, "small": -1, "tiny": -2},  # of a pair: "the big one", "the small gpt-oss model"
    "flagship": 2,  # "its flagship has 235B", "a flagship of 235B": the family's largest
}
# "Gemma 3, a free family whose biggest model ...", "Qwen3 followed with a flagship of ..."
LATE_DETERMINERS = frozenset({"whose", "a"})


def resolve_rank_references(
    sentence: Sentence, fallback: Hit | None, sizes: Sizes, main: Hit | None = None
) -> tuple[Sentence, tuple[Hit, ...]]:
    """'The larger model' / 'the smaller one' (of a family of two), 'the largest model', 'the
    three larger sizes' (of the family being discussed, else of the article's main model): a
    synthetic mention of each member referred to, or, for several members at once, the group
    the sentence is about."""
    words = [t.lower() for t in sentence.tokens]
    singles: list[Hit] = []
    replaced: list[Hit] = []
    for at, word in enumerate(words):
        rank = RANKS.get(word)
        if rank is None or at < 1:
            continue
        count_at = at - 1 if words[at - 1] in GROUP_SIZES else None
        det_at = (count_at if count_at is not None else at) - 1
        if det_at < 0 or words[det_at] not in DETERMINERS | LATE_DETERMINERS:
            continue
        if words[det_at] == "a" and word != "flagship":
            continue  # "a larger model" is some model, not the family's
        noun_at = at + 1  # no adjective between: "the largest dense model" is not the largest
        named = next(  # "Google's smallest Gemma 2 model": of the family named
            (m for m in sentence.of("MODEL") if m.start == sentence.start + noun_at), None
        )
        family = named or _family_before(sentence, det_at, sizes) or fallback
        if named is None and (family is None or not sizes.get(family.ident)) and abs(rank) == 1:
            family = main  # "the larger model" of the pair the piece is about
        if named is not None:
            noun_at = named.end - sentence.start
        if family is None or not sizes.get(family.ident):
            continue
        if named is not None and named.ident in {m for _, m in sizes[named.ident]}:
            continue  # "the smallest Gemma 2 2B model" names a member already
        members = [m for _, m in sorted(sizes[family.ident])]
        if word == "flagship" and named is None and not _noun_at(sentence, words, noun_at):
            noun_at = at  # "its flagship has 235B": the word is the noun
        if not (noun_at == at or _noun_at(sentence, words, noun_at)):
            continue
        if word == "flagship" and _beside_a_name(sentence, det_at, noun_at):
            continue  # "The flagship, Qwen3-235B-A22B, has ...": the name says which
        if count_at is not None:
            n = GROUP_SIZES[words[count_at]]
            if n >= len(members):
                continue
            chosen = members[-n:] if rank > 0 else members[:n]
        elif words[noun_at] in ("ones", "models", "sizes", "versions", "variants"):
            continue  # "the largest models": how many?
        elif abs(rank) == 2 or len(members) == 2:
            chosen = [members[-1] if rank > 0 else members[0]]
        else:
            continue  # "the larger model" of a family of four: which one?
        start, end = sentence.start + det_at, sentence.start + noun_at + 1
        if words[det_at] in ("'s", "’s"):
            start += 1  # "Google's smallest Gemma 2 model": the maker stays a maker
        hits = tuple(_span_hit(sentence, start, end, ident) for ident in chosen)
        if len(hits) > 1:
            return sentence, hits
        singles += hits  # "the larger model has 117B ...; the smaller one has 21B"
        replaced += [named] if named is not None else []
    if not singles:
        return sentence, ()
    kept = tuple(h for h in sentence.hits if not any(h is r for r in replaced))
    return with_hits(dataclasses.replace(sentence, hits=kept), singles), ()


def _noun_at(sentence: Sentence, words: list[str], at: int) -> bool:
    return at < len(words) and (
        words[at] in ("one", "ones")
        or any(h.ident == "size_noun" and h.start == sentence.start + at for h in sentence.hits)
    )


def _beside_a_name(sentence: Sentence, first: int, last: int) -> bool:
    """Is the description set off by a comma right beside a model's name ('the flagship,
    Qwen3-235B-A22B, ...', 'Qwen3-235B-A22B, the flagship of ...')?"""
    words = [(i, t) for i, t in enumerate(sentence.tokens) if t.strip()]
    at = {i: n for n, (i, _) in enumerate(words)}
    starts = {m.start - sentence.start for m in sentence.of("MODEL")}
    ends = {m.end - 1 - sentence.start for m in sentence.of("MODEL")}
    after, before = words[at[last] + 1 : at[last] + 3], words[max(at[first] - 2, 0) : at[first]]
    return (len(after) == 2 and after[0][1] == "," and after[1][0] in starts) or (
        len(before) == 2 and before[1][1] == "," and before[0][0] in ends
    )


def _family_before(sentence: Sentence, at: int, sizes: Sizes) -> Hit | None:
    """The family named last before a rank word in the same sentence ("Alibaba's Qwen3
    followed last month; its flagship has ...")."""
    named = [
        m
        for m in sentence.of("MODEL")
        if m.end <= sentence.start + at and m.ident and sizes.get(m.ident)
    ]
    return named[-1] if named else None


WHOLE = frozenset({"whole", "entire"})
LINES = frozenset({"family", "series", "line", "lineup", "line-up", "range"})
EVERY = frozenset({"every", "each", "all"})
MEMBERS = frozenset({"model", "models", "size", "sizes", "member", "members", "version"})


def resolve_family_references(
    sentence: Sentence, fallback: Hit | None, families: Mapping[str, tuple[str, str]]
) -> Sentence:
    """'the whole family', 'the entire series', 'every model in the family': a synthetic
    mention of the family of the model named last before it (else of the one in view)."""
    lowered = sentence.text.lower()
    if not any(word in lowered for word in LINES):
        return sentence
    words = [t.lower() for t in sentence.tokens]
    for at, word in enumerate(words):
        if word not in LINES or at < 2:
            continue
        before = [i for i in range(at - 1, -1, -1) if words[i].strip()][:3]
        if len(before) < 2:
            continue
        if words[before[0]] in WHOLE and words[before[1]] == "the":
            start = before[1]  # "the whole family"
        elif (
            len(before) == 3
            and words[before[0]] == "the"
            and words[before[1]] in ("in", "of")
            and words[before[2]] in MEMBERS
        ):
            every = next((i for i in range(before[2] - 1, -1, -1) if words[i].strip()), None)
            if every is None or words[every] not in EVERY:
                continue
            start = every  # "every model in the family"
        else:
            continue
        base = sentence.start
        named = [m for m in sentence.of("MODEL") if m.ident and m.end <= base + start]
        model = named[-1] if named else fallback
        if model is None or model.ident not in families:
            continue
        family_id = families[model.ident][0]
        hit = _span_hit(sentence, base + start, base + at + 1, family_id)
        return with_hits(sentence, [hit])
    return sentence


EXTREMES = {"smallest": 0, "largest": -1, "biggest": -1}


def resolve_exclusions(
    sentence: Sentence, fallback: Hit | None, sizes: Sizes, families: Mapping[str, tuple[str, str]]
) -> tuple[Hit, ...]:
    """'All but the smallest', 'every Gemma 3 model except the smallest' (the family's members
    but one), 'Gemma 3 1B reads 32K, and the other three ...' (the members not named): the
    group the sentence is about, one synthetic mention per member."""
    lowered = sentence.text.lower()
    if "but" not in lowered and "except" not in lowered and "other" not in lowered:
        return ()  # most sentences: a look at the text, not a pass over the tokens
    words = [t.lower() for t in sentence.tokens]
    real = [i for i, w in enumerate(words) if w.strip() and w not in EMPHASIS]
    base = sentence.start
    for n, i in enumerate(real):
        nxt = [words[j] for j in real[n + 1 : n + 4]]
        if words[i] == "but" and n >= 1 and words[real[n - 1]] == "all" and nxt[:1] == ["the"]:
            start, end, drop = real[n - 1], real[n + 2] if n + 2 < len(real) else None, nxt[1:2]
        elif words[i] == "except" and nxt[:1] == ["the"]:
            opening = next((j for j in real[:n] if words[j] in ("every", "all")), None)
            if opening is None:
                continue
            start, end, drop = opening, real[n + 2] if n + 2 < len(real) else None, nxt[1:2]
        elif words[i] == "other" and n >= 1 and words[real[n - 1]] == "the" and nxt:
            count = GROUP_SIZES.get(nxt[0])
            named = [m for m in sentence.of("MODEL") if m.ident and m.end <= base + i]
            family = families.get(named[-1].ident, ("", ""))[0] if named else ""
            members = [m for _, m in sorted(sizes.get(family, ()))]
            said = {m.ident for m in sentence.of("MODEL")}
            rest = [m for m in members if m not in said]
            if count is None or not named or len(rest) != count or len(rest) == len(members):
                continue
            hits = [
                _span_hit(sentence, base + real[n - 1], base + real[n + 1] + 1, m) for m in rest
            ]
            return tuple(hits)
        else:
            continue
        if end is None or not drop or drop[0] not in EXTREMES:
            continue
        named = [m for m in sentence.of("MODEL") if m.ident and start < m.start - base < i]
        model = named[0] if named else fallback
        family = families.get(model.ident, ("", ""))[0] if model is not None else ""
        members = [m for _, m in sorted(sizes.get(family, ()))]
        if len(members) < 3:
            continue
        members.pop(EXTREMES[drop[0]])
        return tuple(_span_hit(sentence, base + start, base + end + 1, m) for m in members)
    return ()


def _size_references(sentence: Sentence) -> Iterator[tuple[Hit, tuple[int, int]]]:
    """Counts naming a model by its size, with the token span of each reference: 'the 27B
    model', 'the dense 14B model', 'the 70B one', 'the 1B and 3B models' (one reference per
    size), and a bare 'the 13B' (billions only)."""
    for listed in count_groups(sentence):
        group = [c for c in listed if not _inside_name(sentence, c)]
        if not group:
            continue
        if _listed_sizes(sentence, group):  # "Qwen3 8B, 14B and 32B"
            yield from ((count, (count.start, count.end)) for count in group)
            continue
        first = _size_reference(sentence, group[0], group[-1])
        if first is None:
            continue
        if len(group) == 1:
            yield group[0], first
            continue
        start, end = first
        yield group[0], (start, group[0].end)
        for count in group[1:-1]:
            yield count, (count.start, count.end)
        yield group[-1], (group[-1].start, end)


INDEFINITE = frozenset({"a", "an"})
TIME_NOUNS = frozenset({"time", "year", "week", "month", "round", "quarter"})
VERB_CUES = frozenset({"training", "release", "context"})  # "the 27B saw 15T", "the 8B reads"
INTRODUCING = frozenset(
    {
        "brought",
        "added",
        "adds",
        "includes",
        "included",
        "introduced",
        "released",
        "launched",
        "shipped",
        "unveiled",
        "offers",
        "gained",
    }
)


def _named_before(sentence: Sentence, count: Hit) -> bool:
    """'Llama 3.1 ... brought a 405B model': the sentence named the family and introduces a
    member of it (elsewhere 'a 405B model' only describes)."""
    at = count.start - sentence.start
    words = [t.lower() for t in sentence.tokens[max(at - 3, 0) : at]]
    return bool(set(words) & INTRODUCING) and any(m.end <= count.start for m in subjects(sentence))


def _listed_sizes(sentence: Sentence, group: list[Hit]) -> bool:
    """Sizes listed after a sized name ('Qwen3 8B, 14B and 32B'): each names a member.
    (A list of sizes after a family's name, 'Qwen3 comes in 0.6B, 1.7B and 4B', stays a
    claim about the family.)"""
    if not all(c.text.rstrip().endswith(("B", "b", "bn")) for c in group):
        return False
    at = group[0].start - sentence.start
    words = [t.lower() for t in sentence.tokens]
    if at >= 1 and words[at - 1] in (",", "and"):
        return any(
            m.end == group[0].start - 1 and not m.synthetic and _inside_name(sentence, c)
            for m in sentence.of("MODEL")
            for c in sentence.of("COUNT")
            if c.end == m.end
        )
    return False


def _inside_name(sentence: Sentence, count: Hit) -> bool:
    return any(m.start <= count.start and count.end <= m.end for m in sentence.of("MODEL"))


def _size_reference(
    sentence: Sentence, count: Hit, last: Hit | None = None
) -> tuple[int, int] | None:
    """Token span of 'the 27B model' / 'the 70B one' around a count, else None."""
    last = last or count
    before = count.start - sentence.start - 1
    after = last.end - sentence.start
    if before < 0:
        return None
    skipped = sentence.tokens[before].lower()
    if skipped not in INDEFINITE | DETERMINERS | {"whose"} and before >= 1:
        if skipped in TIME_NOUNS:
            return None  # "This time 9B and 27B": not "this [adjective] 9B"
        before -= 1  # one adjective between: "the dense 14B model"
    word = sentence.tokens[before].lower()
    indefinite = word in INDEFINITE and _named_before(sentence, count)
    if word not in DETERMINERS | {"whose"} and not indefinite:
        return None
    words = [t.lower() for t in sentence.tokens]
    if words[after : after + 2] == ["-", "parameter"]:
        # "The 27-billion-parameter version of Gemma 3": a reference; "Phi-4-mini is the
        # 3.8-billion-parameter model", "Microsoft's 3.8-billion-parameter model": a description
        said = [w for w in words[:before] if w.strip()]
        if (
            word == "the"
            and said[-1:] not in (["is"], ["was"], [","])
            and _noun_at(sentence, words, after + 2)
        ):
            return (sentence.start + before, sentence.start + after + 3)
        return None
    noun = words[after] if after < len(words) else ""
    if _noun_at(sentence, words, after):
        return (sentence.start + before, last.end + 1)
    family = _family_after(sentence, last)
    if family is not None:  # "the 4B, 12B and 27B Gemma 3 models"
        return (sentence.start + before, family.end + 1)
    if indefinite:
        return None
    bare = all(
        c.text.rstrip().endswith(("B", "b", "bn", "billion"))
        for c in sentence.of("COUNT")
        if count.start <= c.start and c.end <= last.end
    )
    joins = noun in ("and", "or") and not any(  # "for the 27B and 12T for the 12B"
        c.start == last.end + 1 and scale_suffix(c) == scale_suffix(last)
        for c in sentence.of("COUNT")
    )
    if (
        bare
        and (noun not in NOT_NOUNS or joins)
        and not any(m.start == last.end for m in sentence.of("MODEL"))  # "the 7B Qwen2.5"
        and not any(
            h.kind == "CUE" and h.start == count.end and h.ident not in VERB_CUES
            for h in sentence.hits
        )
    ):
        return (sentence.start + before, last.end)  # "the 13B", "the 4B, 12B and 27B"
    return None


def _family_mention(sentence: Sentence, count: Hit, fallback: Hit | None) -> Hit | None:
    listed = next((g for g in count_groups(sentence) if count in g), [count])
    after = _family_after(sentence, listed[-1])
    if after is not None:
        return after  # "the 4B, 12B and 27B Gemma 3 models": of the family named after
    before = [m for m in subjects(sentence) if m.end <= count.start]
    return before[-1] if before else fallback


def _family_after(sentence: Sentence, count: Hit) -> Hit | None:
    """A family named right after a size and followed by a size noun ('27B Gemma 3 models')."""
    model = next((m for m in sentence.of("MODEL") if m.start == count.end and m.ident), None)
    if model is None:
        return None
    noun = any(h.ident == "size_noun" and h.start == model.end for h in sentence.hits)
    return model if noun else None


def _member_of_size(family: Hit | None, size: int | None, sizes: Sizes) -> str | None:
    if family is None or size is None:
        return None
    for params, model_id in sizes.get(family.ident, ()):
        if abs(params - size) <= SIZE_TOLERANCE * params:
            return model_id
    return None


def _span_hit(sentence: Sentence, start: int, end: int, ident: str) -> Hit:
    """A synthetic mention over the words as written ('the big gpt-oss model'), without
    character offsets."""
    hit = span_hit(sentence, "MODEL", ident, start, end, token_offsets(sentence), True)
    return dataclasses.replace(hit, start_char=-1, end_char=-1)
