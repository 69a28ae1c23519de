"""Members named without their family: "Opus and Sonnet went live on Monday" after "Claude 3".

A member's short name ("Opus", "Large 2", "NeMo", "Pro") is read as that member only once
the article has named its family (or a member of it); when several named families have a
member of that name, the one named most recently wins. The registry supplies the names
(``Registry.short_names``); extraction never imports the registry.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from pipeline.extract.hits import Hit, Sentence, span_hit, token_offsets, with_hits
from pipeline.extract.names import NOT_NAMES
from pipeline.extract.nlp import EMPHASIS

ShortNames = Mapping[tuple[str, ...], Sequence[tuple[str, str]]]  # words -> (family, model)

# Short names that are also plain English words: not read at the start of a sentence
# ("Large models need ..."), where the capital says nothing.
PLAIN_WORDS = frozenset(
    {"large", "small", "medium", "mini", "pro", "flash", "ultra", "nano", "turbo"}
)
LONGEST = 2
MAKER_REACH = 2  # sentences: a maker named this recently makes its short names readable


def with_short_names(
    sents: list[Sentence],
    names: ShortNames,
    families: Mapping[str, tuple[str, str]],
    makers: Mapping[str, str] | None = None,
) -> list[Sentence]:
    """The sentences, with a MODEL hit added for each member named by its short name."""
    if not names:
        return sents
    latest: dict[str, int] = {}  # family id -> order of its latest mention
    firsts = {words[0] for words in names}  # most tokens start no short name: skip them fast
    order = 0
    result = []
    spoken: dict[str, int] = {}  # organisation id -> index of the sentence that named it last
    for index, sentence in enumerate(sents):
        for org in sentence.of("ORG"):
            if org.ident:
                spoken[org.ident] = index
        added: list[Hit] = []
        taken = {
            i for h in sentence.hits if h.kind in ("MODEL", "ORG") for i in range(h.start, h.end)
        }
        mentions = sorted(sentence.of("MODEL"), key=lambda h: h.start)
        offsets: list[int] = []  # computed on the first match only (most sentences have none)
        i = 0
        tokens = sentence.tokens
        while i < len(tokens):
            if tokens[i] not in firsts:
                i += 1
                continue
            at = sentence.start + i
            for n in range(LONGEST, 0, -1):
                if i + n > len(tokens):
                    continue
                words = tuple(tokens[i : i + n])
                candidates = names.get(words)
                if not candidates or any(at + k in taken for k in range(n)):
                    continue
                if i == 0 and n == 1 and words[0].lower() in PLAIN_WORDS:
                    continue
                if (named := _name_begins_before(sentence, i, taken)) is not None:
                    # "Amazon Nova Pro": the end of another name, not Gemini's "Pro"
                    offsets = offsets or token_offsets(sentence)
                    added.append(
                        span_hit(sentence, "MODEL", "", sentence.start + named, at + n, offsets)
                    )
                    i += n - 1
                    break
                for hit in mentions:  # families named earlier in this sentence count too
                    if hit.end <= at and hit.ident in families:
                        order += 1
                        latest[families[hit.ident][0]] = order
                known = [(latest[f], m) for f, m in candidates if f in latest]
                maker = _maker_before(sentence, at)  # "DeepSeek's R1": named by its maker
                if not known and maker is not None and makers:
                    known = [(0, m) for f, m in candidates if makers.get(f) == maker]
                if not known and makers and n == 1 and words[0][:1].isupper():
                    # "DeepSeek hasn't commented. For reference, R1 was released ...": its
                    # maker named just before
                    known = [
                        (0, m)
                        for f, m in candidates
                        if index - spoken.get(makers.get(f, ""), -MAKER_REACH - 1) <= MAKER_REACH
                    ]
                if not known:
                    continue
                offsets = offsets or token_offsets(sentence)
                added.append(span_hit(sentence, "MODEL", max(known)[1], at, at + n, offsets))
                i += n - 1
                break
            i += 1
        for hit in [*mentions, *added]:
            if hit.ident in families:
                order += 1
                latest[families[hit.ident][0]] = order
        result.append(with_hits(sentence, added))
    return result


def _name_begins_before(sentence: Sentence, i: int, taken: set[int]) -> int | None:
    """Where the capitalised words glued before token ``i`` begin ('Amazon Nova' before
    'Pro'), or None when the word before is not part of a name (a name the registry knows
    or an organisation is a hit of its own: "Mistral Large" stays Mistral's)."""
    first = i
    while (
        first > 0
        and sentence.tokens[first - 1].istitle()
        and sentence.tokens[first - 1].isalpha()
        and sentence.tokens[first - 1].lower() not in NOT_NAMES
        and sentence.start + first - 1 not in taken
    ):
        first -= 1
    if first == i:
        return None
    opening = not any(t.strip(" *_#>-") for t in sentence.tokens[:first])
    if opening and i - first < 2:
        return None  # "Both Large 2 and NeMo", "Alongside R1": a capital that opens the sentence
    return first


def _maker_before(sentence: Sentence, at: int) -> str | None:
    """The organisation named possessively right before token ``at`` ("DeepSeek's R1")."""
    i = at - sentence.start
    if i < 2 or sentence.tokens[i - 1] not in ("'s", "’s"):
        return None
    org = next((h for h in sentence.of("ORG") if h.end == at - 1 and h.ident), None)
    return org.ident if org else None


COMPANY_NOUNS = frozenset({"company", "lab", "startup", "start-up", "firm", "developer", "group"})


def with_org_references(sents: list[Sentence]) -> list[Sentence]:
    """'the company' / 'the Hangzhou company' / 'the lab': the organisation last named."""
    last: Hit | None = None
    subject: Hit | None = None
    result = []
    for sentence in sents:
        added: list[Hit] = []
        words = [t.lower() for t in sentence.tokens]
        orgs = sorted(sentence.of("ORG"), key=lambda h: h.start)
        models = sentence.of("MODEL")
        offsets: list[int] = []
        for i, word in enumerate(words):
            if word == "its" and _owned_after_its(sentence, i, models) is not None:
                # "Its Llama 3.3 ...", "Mistral AI brought its Mistral Small 3": the maker's
                # (the one named before in the sentence, else the subject of the one before)
                at = sentence.start + i
                before = [o for o in orgs if o.end <= at]
                opens = not any(w.strip() and w not in EMPHASIS for w in words[:i])
                known = before[-1] if before else subject if opens else None
                placed = words[i - 1 : i] in (["of"], ["in"], ["within"], ["from"])
                if known is not None and known.ident and not placed:  # not "in its X family"
                    offsets = offsets or token_offsets(sentence)
                    added.append(span_hit(sentence, "ORG", known.ident, at, at + 1, offsets))
                continue
            if word != "the":
                continue
            end = i + 1
            if end < len(words) and sentence.tokens[end][:1].isupper() and end + 1 < len(words):
                end += 1  # "the Hangzhou company"
            if end >= len(words) or words[end] not in COMPANY_NOUNS:
                continue
            at = sentence.start + i
            if any(o.start == sentence.start + end + 1 for o in orgs):
                continue  # "the Chinese company DeepSeek": the name follows
            before = [o for o in orgs if o.end <= at and o.ident]
            known = before[-1] if before else last
            if known is None:
                continue
            offsets = offsets or token_offsets(sentence)
            stop = sentence.start + end + 1
            added.append(span_hit(sentence, "ORG", known.ident, at, stop, offsets))
        named = [o for o in orgs if o.ident]
        if named:
            last = named[-1]
        subject = orgs[0] if orgs else subject  # "Meta itself ... DeepSeek's rise. Its ..."
        result.append(with_hits(sentence, added))
    return result


def _owned_after_its(sentence: Sentence, i: int, models: Sequence[Hit]) -> Hit | None:
    """The model 'its' (token ``i``) owns: named right after it ('its Llama 3.3'), or set off
    after a plural description ('its latest models, Llama 4 Scout and Llama 4 Maverick')."""
    at = sentence.start + i
    for m in models:
        if m.start == at + 1:
            return m
        between = [t.lower() for t in sentence.tokens[i + 1 : m.start - sentence.start]]
        words = [t for t in between if t.strip()]
        if 2 <= len(words) <= 4 and words[-1] == "," and words[-2] in ("models", "releases"):
            return m  # not "Its successor, Grok-1.5": a model's relative, not the maker's
    return None


FORMER_LATTER = {"former": 0, "latter": 1}


def with_former_and_latter(sents: list[Sentence]) -> list[Sentence]:
    """'the former reads 16K tokens, the latter 128K': the first and the second of the last two
    different models named (in this sentence before the phrase, or the sentences before)."""
    recent: list[Hit] = []  # the models named so far, latest last, one hit per model
    result = []
    for sentence in sents:
        added: list[Hit] = []
        words = [t.lower() for t in sentence.tokens]
        mentions = sorted(sentence.of("MODEL"), key=lambda h: h.start)
        offsets: list[int] = []
        for i, word in enumerate(words):
            if word not in FORMER_LATTER or i == 0 or words[i - 1] != "the":
                continue
            at = sentence.start + i - 1
            pair = _last_two([*recent, *(m for m in mentions if m.end <= at)])
            if pair is None:
                continue
            offsets = offsets or token_offsets(sentence)
            model = pair[FORMER_LATTER[word]]
            added.append(span_hit(sentence, "MODEL", model.ident, at, at + 2, offsets, True))
        recent = [*recent, *mentions][-8:]
        result.append(with_hits(sentence, added))
    return result


def _last_two(models: list[Hit]) -> tuple[Hit, Hit] | None:
    """The last two different models named, in text order."""
    seen: list[Hit] = []
    for hit in reversed(models):
        key = hit.ident or hit.text
        if hit.synthetic or any((h.ident or h.text) == key for h in seen):
            continue
        seen.append(hit)
        if len(seen) == 2:
            return seen[1], seen[0]
    return None
