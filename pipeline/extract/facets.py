"""Drafts for the non-numeric attributes: developer, modality, licence, architecture."""

from __future__ import annotations

import dataclasses
import itertools
import re
from collections.abc import Iterator, Sequence

from pipeline.extract.claims import (
    LIST_MARKS,
    PLURAL_NOUNS,
    SKIP,
    Draft,
    _hedged,
    _negated_before,
    chain_from,
    model_for,
    named_in,
    opening_words,
    refers_back,
    spec_line,
    subjects,
    tokens_between,
    words_after,
    words_before,
)
from pipeline.extract.hits import Hit, Sentence, span_hit, token_offsets
from pipeline.extract.nlp import EMPHASIS
from pipeline.extract.numbers import word_number

__all__ = [
    "draft_architectures",
    "draft_developers",
    "draft_licences",
    "draft_modalities",
]

DEVELOPER_VERBS = frozenset(
    {
        "released",
        "launched",
        "unveiled",
        "announced",
        "introduced",
        "debuted",
        "open-sourced",
        "developed",
        "built",
        "created",
        "trained",
        "published",
        "shipped",
        "rolled",
        "dropped",
        "put",
        "offers",
        "unveil",
        "unveils",
        "release",
        "releases",
        "publishes",
        "launch",
        "launches",
        "refreshed",
        "ships",
        "ship",
        "puts",
        "added",
        "adds",
        "announces",
        "introduces",
        "previewed",
        "previews",
        "posted",
        "makes",
        "make",
    }
)
RELATIVE_WORDS = frozenset({"which", "that", "model", "version", "release"})


def _after_colon(sentence: Sentence, hit: Hit) -> bool:
    return sentence.colon is not None and hit.start >= sentence.colon


def draft_developers(sentence: Sentence, fallback: Hit | None) -> Iterator[Draft]:
    said: set[tuple[str, str]] = set()  # "Alibaba's Qwen team shipped Qwen3": one claim
    names = sentence.of("MODEL")
    for org in sentence.of("ORG"):
        if any(m.start <= org.start and org.end <= m.end for m in names):
            continue  # "Mistral 7B": part of a name, not a maker named
        for model in _developer_subjects(sentence, org, fallback):
            if not org.ident and (model is None or model.ident):
                continue  # an unregistered organisation only for an unregistered model
            key = (model.ident or model.text if model else "", org.ident or org.text)
            if key in said:
                continue
            said.add(key)
            yield Draft(
                attribute="developer",
                value_hit=org,
                model=model,
                end_char=org.end_char,
                hedged=_hedged(sentence),
                facet=org.ident or re.sub(r"[^a-z0-9]+", "-", org.text.lower()).strip("-"),
            )


def _developer_subjects(sentence: Sentence, org: Hit, fallback: Hit | None) -> Sequence[Hit | None]:
    """The models an organisation mention says it made; none when it says nothing."""
    if sentence.label == "developer" and _after_colon(sentence, org):
        model = model_for(org, sentence, fallback)
        return [] if model is SKIP else [model]
    if sentence.label and sentence.colon is not None:
        return []
    tokens = [t.lower() for t in sentence.tokens]
    at = org.start - sentence.start
    if tokens[at] == "its":  # "Its Llama 3.3 ...": the maker referred to owns the model named
        named = [m for m in sentence.of("MODEL") if m.start >= org.end]  # "its latest models,
        return chain_from(sentence, named) if named else []  # A and B": each of them
    if at >= 2 and tokens[at - 1] == "by" and tokens[at - 2] in BACKERS:
        return []  # "The company, which is backed by Microsoft, released GPT-2"
    models = [m for m in sentence.of("MODEL") if m not in _compared_models(sentence)]
    if at >= 1 and tokens[at - 1] == "(":  # "Llama 3 70B (Meta)", "**Qwen2.5-72B** (Alibaba)"
        return [
            m
            for m in models
            if m.end < org.start and _only_marks(tokens[m.end - sentence.start : at - 1])
        ][-1:]
    following = tokens[at + org.end - org.start : at + org.end - org.start + 1]
    if len(following) == 1 and following[0] in POSSESSIVES:  # "Meta's Llama 3", "Databricks' DBRX"
        # a possessive names the maker even of a model compared: "beats OpenAI's GPT-4"
        owned = [m for m in sentence.of("MODEL") if _owned_by(sentence, org, m)][:1]
        if owned:  # "Anthropic's Claude Sonnet 4 and Claude Opus 4": each of them
            return _owned_pair(sentence, owned[0], models)
        if at >= 2 and tokens[at - 1] == ",":  # "Mistral 7B, the company's first model"
            return [m for m in models if m.end == org.start - 1][:1]
        described = _described_then_named(sentence, org, models)
        if described:  # "Meta's previous flagship, Llama 3.1 405B, came out ..."
            return described
    if following in ([","],) and tokens[
        at + org.end - org.start + 1 : at + org.end - org.start + 2
    ] == ["whose"]:
        whose = [m for m in models if 2 <= m.start - org.end <= 4][:1]  # "DeepSeek, whose R1"
        if whose:
            return whose
    cue = next(
        (h for h in sentence.hits if h.ident == "developer" and 0 <= org.start - h.end <= 1), None
    )
    if cue is not None and cue.text.lower() == "from":  # "Llama 3 from Meta", not "data from Meta"
        return [m for m in models if m.end == cue.start]
    described = _from_described(sentence, org, models)
    if described:  # "DeepSeek-V3, from Hangzhou-based DeepSeek", "from the Paris start-up X"
        return described
    if cue is not None:
        model = model_for(org, sentence, fallback)
        return [] if model is SKIP else [model]
    return _made_by_verb(sentence, org, models, tokens, fallback)


BACKERS = frozenset({"backed", "funded", "owned", "financed", "acquired", "bought"})
POSSESSIVES = frozenset({"'s", "’s", "'", "’"})
OWNED_MODIFIERS = frozenset(
    {"-", "new", "latest", "newest", "open", "small", "smaller", "compact", "flagship", "own",
     "parameter", "parameters", "billion", "trillion", "open-weight", "mid-size", "first"}
)  # fmt: skip


def _owned_by(sentence: Sentence, org: Hit, model: Hit) -> bool:
    """'Meta's Llama 3', "Microsoft's 3.8-billion-parameter Phi-3 mini", "Nvidia's 12B model":
    the model right after the possessive, past sizes and plain modifiers."""
    if not 0 <= model.start - org.end <= 8:
        return False
    counts = {i for c in sentence.of("COUNT") for i in range(c.start, c.end)}
    return all(
        i in counts or sentence.tokens[i - sentence.start].lower() in OWNED_MODIFIERS | POSSESSIVES
        for i in range(org.end, model.start)
    )


NOT_DESCRIPTIONS = frozenset(
    {"to", "in", "of", "on", "for", "with", "than", "and", "or", "but", "is", "was", "has",
     "had", "have", "are", "were", "be", "which", "that", "rival", "answer", "competitor",
     "alternative", "challenger", "response", "investment", "partner", "stake", "deal",
     "card", "cards", "paper", "report", "blog", "post", "announcement", "statement", "page",
     "website", "documentation", "docs", "filing", "figures", "numbers", "data", "benchmarks"}
)  # fmt: skip
COMPARING = frozenset({"unlike", "like", "than", "versus", "vs", "vs.", "over", "beat", "beats"})


def _described_then_named(sentence: Sentence, org: Hit, models: list[Hit]) -> list[Hit]:
    """A maker's possessive description set off before the model's name: "Meta's previous
    flagship, Llama 3.1 405B", "OpenAI's flagship multimodal model, GPT-4o"."""
    base = sentence.start
    words = [(i, t.lower()) for i, t in enumerate(sentence.tokens) if t.strip()]
    if any(w in COMPARING for i, w in words if org.start - base - 3 <= i < org.start - base):
        return []  # "Unlike DeepSeek's models, o3-mini remains closed"
    after = [(i, w) for i, w in words if i >= org.end - base + 1][:6]
    comma = next((n for n, (_, w) in enumerate(after) if w == ","), None)
    if comma is None or not 1 <= comma <= 4 or comma + 1 >= len(after):
        return []
    if not all(w.isalpha() and w not in NOT_DESCRIPTIONS for _, w in after[:comma]):
        return []
    return [m for m in models if m.start - base == after[comma + 1][0]][:1]


def _owned_pair(sentence: Sentence, owned: Hit, models: list[Hit]) -> list[Hit]:
    """The model a possessive maker names, and one joined to it by a bare 'and' ('Meta's
    Llama 4 Maverick and Llama 3.3 70B'); not a list item after a comma ('Google's Gemma 3,
    and Mistral Small 3'), which may have another maker."""
    following = [m for m in models if m.start > owned.start][:1]
    if following:
        between = sentence.tokens[owned.end - sentence.start : following[0].start - sentence.start]
        if [t.lower() for t in between if t.strip()] in (["and"], ["&"]):
            return [owned, following[0]]
    return [owned]


def _only_marks(tokens: list[str]) -> bool:
    return all(not t.strip() or t in EMPHASIS for t in tokens)


DESCRIBED_MAKER = frozenset(
    {"the", "a", "an", "-", "based", "start", "up", "start-up", "startup", "lab", "firm"}
)


def _from_described(sentence: Sentence, org: Hit, models: list[Hit]) -> list[Hit]:
    """A model right before 'from' (or ', from'), and a maker described before its name:
    'DeepSeek-V3, from Hangzhou-based DeepSeek', "Falcon 40B, from Abu Dhabi's TII"."""
    base = sentence.start
    tokens = sentence.tokens
    for at in range(org.start - 1, max(org.start - 6, sentence.start) - 1, -1):
        if tokens[at - base].lower() != "from":
            continue
        between = tokens[at - base + 1 : org.start - base]
        if any(t in (",", ";", ".") for t in between):
            return []
        if not all(
            t[:1].isupper() or t.isalpha() or t.lower() in DESCRIBED_MAKER | POSSESSIVES
            for t in between
        ):
            return []  # "Qwen3 from the Chinese online shopping giant Alibaba"
        before = at - 1 if at - 1 >= base and tokens[at - 1 - base] == "," else at
        return [m for m in models if m.end == before]
    return []


def _made_by_verb(
    sentence: Sentence, org: Hit, models: list[Hit], tokens: list[str], fallback: Hit | None
) -> Sequence[Hit | None]:
    """'Microsoft last Thursday released Phi-4-mini and Phi-4-multimodal', 'Meta released
    it' (the model being discussed), or a relative clause after the model: 'GPT-4, which
    OpenAI released', 'Phi-2, the 2.7B model Microsoft Research released'."""
    base = sentence.start
    start = _past_relative_clause(tokens, org.end - base) + base
    others = [h.start for h in sentence.of("ORG", "MODEL") if h.start >= start]
    stop = min([*others, start + VERB_REACH]) - base  # the verb is this maker's
    verb = next(
        (base + i for i in range(start - base, min(stop, len(tokens))) if _made(tokens, i)),
        None,
    )
    if verb is None or FUTURE & set(tokens[max(verb - base - 3, 0) : verb - base]):
        return []  # "Meta is expected to release Llama 4": nothing made yet
    if {"not", "never", "n't", "yet"} & set(tokens[max(verb - base - 2, 0) : verb - base]):
        return []  # "Mistral has not published a figure for NeMo"
    reach = 16 if "weights" in tokens[verb - base : verb - base + 4] else 6
    after = [  # "followed up with a reasoning model, R1": the name set off after its noun
        m
        for m in models
        if 0 < m.start - verb <= reach
        or (0 < m.start - verb <= reach + 4 and _named_after_its_noun(tokens, m.start - base))
    ]
    if after:  # and the models joined to the first, however long their names
        return chain_from(sentence, [m for m in models if m.start >= after[0].start])
    at = verb - sentence.start
    if tokens[at] in ("make", "makes"):
        return []  # "which Google says makes the small model practical": not made by
    if tokens[at + 1 : at + 2] == ["it"]:
        # "Plus moved to GPT-4.1 shortly after OpenAI released it": the model named before
        # in the sentence, else the one being discussed
        earlier = [m for m in models if m.end <= org.start]
        return earlier[-1:] or ([fallback] if fallback is not None else [])
    before = [m for m in models if 0 <= org.start - m.end <= 3]
    if not before:  # "unlike Gemma 2, which Google publishes": a compared model is its maker's
        before = [
            m
            for m in sentence.of("MODEL")
            if 0 <= org.start - m.end <= 3
            and {"which", "that"} & set(tokens[m.end - sentence.start : org.start - sentence.start])
        ]
    if not before:  # "Phi-2, the 2.7-billion-parameter model Microsoft Research released"
        before = [
            m
            for m in models
            if 0 <= org.start - m.end <= 8
            and RELATIVE_WORDS & set(tokens[m.end - sentence.start : org.start - sentence.start])
        ]
    return before[-1:]


def _named_after_its_noun(tokens: list[str], at: int) -> bool:
    """'a reasoning model, R1': a name set off right after the noun it names."""
    return tokens[at - 1 : at] == [","] and tokens[at - 2 : at - 1] in (
        ["model"],
        ["models"],
        ["version"],
    )


FUTURE = frozenset(
    {"expected", "plans", "planning", "plan", "set", "going", "will", "would", "could"}
    | {"might", "once", "aims", "hopes", "intends", "preparing", "due", "'ll", "soon"}
)
RELATIVE_OPENERS = frozenset({"whose", "which", "who"})


def _past_relative_clause(tokens: list[str], at: int) -> int:
    """Where the maker's verb may start: past a relative clause set off by commas right
    after its name ('Meta Platforms, whose Llama models set the pace, released ...')."""
    opener = tokens[at + 1] if at + 1 < len(tokens) else ""
    if tokens[at : at + 1] != [","] or opener not in RELATIVE_OPENERS | {"a", "an"}:
        return at  # "Mistral, a French startup, makes Mistral 7B": past the description too
    close = next((i for i in range(at + 2, len(tokens)) if tokens[i] in (",", ";", ".")), None)
    return close + 1 if close is not None and tokens[close] == "," else at


VERB_REACH = 14  # "OpenAI used its first developer conference yesterday to unveil GPT-4 Turbo"


def _made(tokens: list[str], i: int) -> bool:
    """A verb of making or releasing, or 'the release of' / 'the launch of'."""
    word = tokens[i].lower()
    if word in ("put", "puts"):  # "put out Llama 2", "put it out", not "puts the set at 7T"
        return "out" in tokens[i + 1 : i + 7]
    if word in DEVELOPER_VERBS:
        return True
    if word == "sourced" and tokens[i - 2 : i] == ["open", "-"]:
        return True  # "xAI open-sourced it": the tokenizer splits the hyphen
    if word == "followed" and {"with", "up"} & set(tokens[i + 1 : i + 5]):
        return True  # "Mistral AI followed with Mistral Small 3", "followed it in May with"
    return word in ("release", "launch", "debut") and tokens[i + 1 : i + 2] == ["of"]


def _compared_models(sentence: Sentence) -> list[Hit]:
    return [m for m in sentence.of("MODEL") if m not in subjects(sentence)]


def draft_modalities(sentence: Sentence, fallback: Hit | None) -> Iterator[Draft]:
    facets = [h for h in sentence.of("FACET") if h.ident.startswith("modality:")]
    if sentence.label == "modality":
        facets = [h for h in facets if _after_colon(sentence, h)] or _modality_answer(sentence)
    elif sentence.label:
        return
    facets = [d for d in (_directed(sentence, h) for h in facets) if d is not None]
    said: set[tuple[str, tuple[str, ...], bool]] = set()
    for run in _modality_runs(facets, denials=sentence.cue("negation")):
        facet = run[0]
        if _another_model(sentence, facet) or _part_named(sentence, facet):
            continue  # "you would need a separate vision model", "a SigLIP vision encoder"
        if _training_data(sentence, facet) or _only_produces_text(sentence, facet):
            continue
        model = model_for(facet, sentence, fallback)
        if model is SKIP or _kind_of_models(sentence, facet, model):
            continue
        if not named_in(sentence, model) and not _abilities_of_the_referent(sentence, facet):
            continue  # "Ask questions about photos", "The big change is vision"
        negated = _negated_before(sentence, facet) or facet.ident == "modality:negated"
        negated = negated or bool(DENIALS & set(facet.text.lower().split()))  # "takes no images"
        values = sorted({_modality_value(h) for h in run} | _listed_images(sentence, run))
        key = (model.ident or model.text if model else "", tuple(values), negated)
        if key in said:  # "can process images as well as text, and handle photos, charts"
            continue
        said.add(key)
        yield Draft(
            attribute="modality",
            value_hit=facet,
            model=model,
            end_char=run[-1].end_char,
            hedged=_hedged(sentence),
            negated=negated,
            value=values,
        )


DATA_NOUNS = frozenset({"tokens", "data", "examples", "pairs", "corpus", "mix", "documents"})


def _training_data(sentence: Sentence, facet: Hit) -> bool:
    """'pretrained on 40 trillion tokens of text, images and video': what it learned from,
    not what it accepts ('processes 300,000 tokens of text, images and video' is)."""
    before = words_before(sentence, facet.start)
    return (
        before[-1:] == ["of"]
        and len(before) >= 2
        and before[-2] in DATA_NOUNS
        and any("train" in w for w in before[-10:])
    )


def _only_produces_text(sentence: Sentence, facet: Hit) -> bool:
    """'Both produce only text': the output side alone, not a text-only model ('accept and
    produce text only', 'read and write only text' are both sides)."""
    if facet.ident != "modality:text-only":
        return False
    before = words_before(sentence, facet.start)
    output = bool(before) and before[-1] in OUTPUT_WORDS | {"write", "writes", "return"}
    return output and not any(w in INPUT_WORDS for w in before[-5:])


OUTPUT_WORDS = frozenset(
    {"generate", "generates", "generated", "generating", "produce", "produces", "producing",
     "output", "outputs", "create", "creates", "creating", "draw", "draws", "speak", "speaks",
     "respond", "responds", "reply", "replies", "answer", "answers", "out"}
)  # fmt: skip
INPUT_WORDS = frozenset(
    {"accept", "accepts", "accepting", "take", "takes", "taking", "read", "reads", "reading",
     "understand", "understands", "process", "processes", "handle", "handles", "input",
     "inputs", "in", "see", "sees", "hear", "hears", "analyse", "analyses", "analyze",
     "analyzes", "ingest", "ingests"}
)  # fmt: skip
DIRECTION_REACH = 8


def _directed(sentence: Sentence, hit: Hit) -> Hit | None:
    """An input facet said of what a model puts out is an output: 'can generate text, audio
    and image outputs', 'can produce images and speech', 'text in, audio out'. The word
    right after the facet decides ('image inputs'), else the nearest direction word before
    it in the clause. A video output (not in the vocabulary) gives no claim."""
    if not hit.ident.startswith("modality:input:"):
        return hit
    words = [t.lower() for t in sentence.tokens]
    start, end = hit.start - sentence.start, hit.end - sentence.start
    after = next((w for w in words[end : end + 2] if w.strip()), "")
    direction = {"outputs": "output", "output": "output", "out": "output"}.get(after)
    if direction is None and after in {"inputs", "input", "in"}:
        return hit
    if direction is None:
        for word in reversed(words[max(0, start - DIRECTION_REACH) : start]):
            if word in {".", ";", ":"}:
                break
            if word in OUTPUT_WORDS or word in INPUT_WORDS:
                direction = "output" if word in OUTPUT_WORDS else "input"
                break
    if direction != "output":
        return hit
    kind = hit.ident.rsplit(":", 1)[1]
    if kind not in {"image", "audio"}:
        return None
    return dataclasses.replace(hit, ident=f"modality:output:{kind}")


def _listed_images(sentence: Sentence, run: list[Hit]) -> set[str]:
    """'take audio, images and video': 'images' listed among other inputs is one too (and
    among outputs an output: 'can produce speech and images')."""
    if all(h.ident.startswith("modality:input:") for h in run):
        found = "input:image"
    elif all(h.ident.startswith("modality:output:") for h in run):
        found = "output:image"
    else:
        return set()
    words = [t.lower() for t in sentence.tokens]
    first, last = run[0].start - sentence.start, run[-1].end - sentence.start
    around = words[max(first - 2, 0) : first] + words[last : last + 4]
    inside = words[first:last]
    listed = [w for w in (*around, *inside) if w in ("images", "image")]
    joined = any(w in (",", "and", "well") for w in (*around, *inside))  # "as well as images"
    return {found} if listed and joined else set()


def _modality_value(hit: Hit) -> str:
    return "multimodal" if hit.ident == "modality:negated" else hit.ident.split(":", 1)[1]


def _directional(hit: Hit) -> bool:
    return hit.ident.startswith(("modality:input:", "modality:output:"))


PARTS = frozenset(
    {"encoder", "encoders", "adapter", "adapters", "tower", "quality", "benchmark", "benchmarks",
     "task", "tasks", "team", "backbone", "module", "research", "suite"}
)  # fmt: skip


def _part_named(sentence: Sentence, facet: Hit) -> bool:
    """'vision encoder', 'vision quality': the word names a part or a topic, not an input."""
    if facet.text.lower() != "vision":
        return False
    after = sentence.tokens[facet.end - sentence.start : facet.end - sentence.start + 1]
    return bool(after) and after[0].lower() in PARTS


OTHER_WORDS = frozenset({"separate", "another", "other", "dedicated", "different", "companion"})


def _another_model(sentence: Sentence, facet: Hit) -> bool:
    """A facet describing some other model: 'a separate vision model', 'another MoE model',
    'Phi-3.5-mini, together with a MoE model and a vision model'."""
    at = facet.start - sentence.start
    words = [t.lower() for t in sentence.tokens[max(at - 3, 0) : at]]
    if set(words[-2:]) & OTHER_WORDS:
        return True
    if len(words) >= 2 and words[-1] in ("a", "an"):
        return words[-2] in BESIDES or words[-3:-1] == ["together", "with"]
    return _sibling_that(sentence, facet)


BESIDES = frozenset({"and", "plus", "alongside", "or", "besides"})
SIBLINGS = frozenset({"sibling", "companion", "cousin", "variant", "counterpart"})


def _sibling_that(sentence: Sentence, facet: Hit) -> bool:
    """'alongside a multimodal sibling that handles speech and images': what the sibling can
    do, not the model just named."""
    words = words_before(sentence, facet.start)
    for back in range(1, min(len(words), 6) + 1):
        if words[-back] in SIBLINGS:
            rest = words[-back + 1 :] if back > 1 else []
            return bool(rest) and rest[0] in ("that", "which", "able")
    return False


def _modality_runs(
    facets: list[Hit], reach: int = 4, denials: Sequence[Hit] = ()
) -> list[list[Hit]]:
    """Input facets close together are one claim: 'accepts images and audio'; a denial between
    two starts another ('accepts text and images but not audio')."""
    runs: list[list[Hit]] = []
    for hit in facets:
        joinable = hit.ident.startswith(("modality:input:", "modality:output:"))
        last = runs[-1][-1] if runs else None
        if (
            last is not None
            and joinable
            and last.ident.startswith(("modality:input:", "modality:output:"))
            and 0 <= hit.start - last.end <= reach
            and not any(last.end <= d.start < hit.start for d in denials)
        ):
            runs[-1].append(hit)
        else:
            runs.append([hit])
    return runs


def _modality_answer(sentence: Sentence) -> list[Hit]:
    """'Multimodal: No' / 'Multimodal Capabilities: Not native' -> a (negated) multimodal."""
    assert sentence.colon is not None
    offset = sentence.colon - sentence.start
    answer = [t for t in sentence.tokens[offset:] if t.strip() and t not in {"*", "**"}]
    if not answer:
        return []
    word = answer[0].lower()
    if word not in {"yes", "no", "not", "none", "native", "natively"}:
        return []
    ident = "modality:negated" if word in {"no", "not", "none"} else "modality:multimodal"
    start = sentence.colon
    return [Hit("FACET", ident, start, start + 1, -1, -1, answer[0])]


def _other_product(sentence: Sentence, hit: Hit) -> bool:
    """'Apache Spark', 'Apache Kafka': a one-word licence name before another name."""
    end = hit.end - sentence.start
    after = sentence.tokens[end : end + 1]
    return " " not in hit.text.strip() and bool(after) and after[0][:1].isupper()


def draft_licences(sentence: Sentence, fallback: Hit | None) -> Iterator[Draft]:
    """Named licences anywhere; descriptions ("open source", "closed") only with a licence
    cue or beside a model name: they are also said of whole fields ("open-source AI")."""
    if sentence.label not in (None, "license"):
        return
    named = [h for h in sentence.of("LICENCE") if not _other_product(sentence, h)]
    described = [h for h in sentence.of("FACET") if h.ident.startswith("license:")]
    # "closed" is a licence only as what a model is ("Grok-2 remains closed", "Both are closed
    # models"), not of a field ("the gap between the big closed models and the rest")
    described = [
        h for h in described if h.text.lower() not in CLOSED_WORDS or _predicated(sentence, h)
    ]
    if sentence.label is None and not sentence.cue("license"):
        described = [
            h
            for h in described
            if h.ident != "license:open-source"
            or _beside_model(sentence, h)
            or _predicated(sentence, h)
            or _instead(sentence, h)  # "is open-weight rather than open-source"
        ]
    for hit in [*named, *described]:
        if sentence.label and not _after_colon(sentence, hit):
            continue
        if hit.kind == "LICENCE" and _example_of_a_kind(sentence, hit):
            continue  # "rather than a standard open-source license like Apache 2.0"
        model = model_for(hit, sentence, fallback)
        if model is SKIP or (hit.kind == "FACET" and _kind_of_models(sentence, hit, model)):
            continue
        if _unnamed_plural(sentence, hit, model):
            continue  # "The Apache-licensed models went through fastest": which ones?
        negated = (
            _negated_before(sentence, hit, reach=2)
            or _not_released_as(sentence, hit)
            or (hit.ident == "license:open-source" and _instead(sentence, hit))
        ) and not _unrestricted(sentence, hit)
        if negated and (hit.kind == "LICENCE" or not _denied(sentence, hit)):
            continue  # "rather than an open-source licence" asserts nothing
        value = hit.ident if hit.kind == "LICENCE" else hit.ident.split(":", 1)[1]
        if value.endswith(DENIED):  # "its weights have never been published"
            value, negated = value.removesuffix(DENIED), not negated
        yield Draft(
            attribute="license",
            value_hit=hit,
            model=model,
            end_char=hit.end_char,
            hedged=_hedged(sentence),
            negated=negated,
            facet=value,
        )


CLOSED_WORDS = frozenset({"closed", "closed models"})
PLURAL_OPENINGS = frozenset({"both", "they", "these", "those", "all", "each", "their"})


def _unnamed_plural(sentence: Sentence, hit: Hit, model: Hit | None) -> bool:
    """'runs three open-weight models', 'The Apache-licensed models went through fastest': a
    licence said of several models the sentence does not name is no claim about the one
    discussed last (a sentence opening with 'Both' or 'They' goes to its group)."""
    if named_in(sentence, model):
        return False
    after = words_after(sentence, hit.end)[:1]
    if not after or after[0] not in PLURAL_NOUNS:
        return False
    opening = [t.lower() for t in sentence.tokens if t.strip() and t not in EMPHASIS][:1]
    return not (opening and opening[0] in PLURAL_OPENINGS)


KIND_EXAMPLES = frozenset({("like",), ("such", "as"), ("e.g.",), ("including",)})


def _example_of_a_kind(sentence: Sentence, hit: Hit) -> bool:
    """A licence named as an example of a kind of licence ('a permissive license like
    Apache 2.0', 'licences such as MIT') is not said to be the model's."""
    before = [t.lower() for t in sentence.tokens[: hit.start - sentence.start] if t.strip()]
    if before[-1:] == ["the"]:
        before = before[:-1]
    return any(tuple(before[-len(k) :]) == k for k in KIND_EXAMPLES)


DENIALS = frozenset({"not", "n't", "never", "no"})
DENIED = "-denied"  # a description that says the model lacks it: facets.yaml
UNRESTRICTED = frozenset(
    {("restrictions", "on"), ("restriction", "on"), ("limits", "on"), ("limit", "on")}
)


RELEASED_AS = frozenset(
    {"been", "be", "released", "published", "made", "offered", "distributed", "shipped", "as",
     "an", "a", "under"}
)  # fmt: skip


def _not_released_as(sentence: Sentence, hit: Hit) -> bool:
    """'has not been released as open weights', 'was never published under an open-source
    licence': the denial reaches over the release words."""
    words = words_before(sentence, hit.start)
    at = len(words)
    while at > 0 and words[at - 1] in RELEASED_AS:
        at -= 1
    return len(words) - at >= 2 and at > 0 and words[at - 1] in DENIALS


def _unrestricted(sentence: Sentence, hit: Hit) -> bool:
    """'places no restrictions on commercial use': the denial is of the restrictions."""
    at = hit.start - sentence.start
    return tuple(t.lower() for t in sentence.tokens[max(at - 2, 0) : at]) in UNRESTRICTED


APPROVED_BY = frozenset(
    {"a", "an", "the", "licence", "license", "approved", "certified", "recognised", "recognized",
     "by", "standard", "formal", "true", "real"}
)  # fmt: skip


def _instead(sentence: Sentence, hit: Hit) -> bool:
    """'open-weight rather than open-source', 'rather than a licence approved by the Open
    Source Initiative'."""
    for q in sentence.cue("negation"):
        if q.text.lower() not in ("rather than", "instead of") or q.end > hit.start:
            continue
        between = [t.lower() for t in tokens_between(sentence, q.end, hit.start) if t.strip()]
        if len(between) <= 2 or (len(between) <= 6 and set(between) <= APPROVED_BY):
            return True
    return False


def _plainly_denied(sentence: Sentence, hit: Hit) -> bool:
    """'Llama 3.3 is not open source', 'does not permit commercial use', 'open-weight rather
    than open-source': a licence description denied outright says something about the
    model (a negated claim); 'without open weights' does not."""
    return any(
        (0 <= hit.start - q.end <= 1 and q.text.lower() in DENIALS)
        or (q.start == sentence.start and q.text.lower() in ("neither", "none of"))
        for q in sentence.cue("negation")
    ) or (hit.ident == "license:open-source" and _instead(sentence, hit))
    # "open-weight rather than open-source", "rather than a standard open-source licence"


def _denied(sentence: Sentence, hit: Hit) -> bool:
    """Denied outright, or over the release words ('has not been released as open weights')."""
    return _plainly_denied(sentence, hit) or _not_released_as(sentence, hit)


def _weights(hit: Hit) -> bool:
    """'the weights are open', 'published the weights': a statement about the weights."""
    return hit.ident == "license:open-weights" and "weights" in hit.text.lower()


COPULAS = frozenset(
    {"is", "are", "was", "were", "'s", "’s", "be", "isn't", "aren't", "wasn't", "remains",
     "remain", "remained", "stays", "stay", "stayed"}
)  # fmt: skip
DEGREES = frozenset({"not", "n't", "never", "fully", "truly", "really", "actually", "technically"})
DEGREES |= {"still", "also", "now", "entirely", "completely", "firmly"}  # "is still closed"


def _predicated(sentence: Sentence, hit: Hit) -> bool:
    """'it is not open source', 'open weights but not open source': said of the sentence's
    subject, as a predicate (not 'open-source AI', a field)."""
    words = [t.lower() for t in sentence.tokens[: hit.start - sentence.start] if t.strip()]
    while words and words[-1] in DEGREES:
        words.pop()
    if not words or not (words[-1] in COPULAS or words[-1] in ("but", "yet", "and")):
        return False
    # of a model named in the sentence, or of 'it', 'they', 'the model': not 'The field is ...'
    return bool(sentence.of("MODEL")) or (len(words) >= 2 and words[-2] in REFERRERS)


REFERRERS = frozenset(
    {"it", "they", "model", "models", "one", "ones", "weights", "release", "both", "all"}
)


def _beside_model(sentence: Sentence, hit: Hit, reach: int = 3) -> bool:
    return any(
        0 <= hit.start - m.end <= reach or 0 <= m.start - hit.end <= reach
        for m in sentence.of("MODEL")
    )


MOE_PARTS = frozenset(
    {"router", "routers", "routing", "layer", "layers", "weights", "kernel", "kernels", "block"}
    | {"blocks", "parallelism", "inference", "training", "serving", "support", "math"}
)


def _moe_part(sentence: Sentence, hit: Hit) -> bool:
    """'the MoE layers', 'why MoE routers collapse', 'The MoE weights ship quantized': the
    words name a part or a technique of such models, not a model's design."""
    if hit.synthetic or not MOE_WORDS.search(hit.text):
        return False
    if any(f.ident == "architecture:experts" for f in sentence.of("FACET")):
        return False  # "Each MoE layer holds 256 routed experts": the design, counted
    after = [t.lower() for t in sentence.tokens[hit.end - sentence.start :] if t.strip()][:1]
    return bool(after) and after[0] in MOE_PARTS


MOE_WORDS = re.compile(r"\bmoe\b|mixture", re.I)
LAYER_WORDS = frozenset(
    {"attention", "layer", "layers", "and", "or", "locally", "banded", "sparse"}
)


def _dense_layers(sentence: Sentence, hit: Hit) -> bool:
    """'alternating dense and locally banded sparse attention layers', 'dense attention':
    a kind of layer, not the model's design."""
    if hit.ident != "architecture:dense":
        return False
    after = words_after(sentence, hit.end)[:5]
    run = []
    for word in after:
        if word not in LAYER_WORDS:
            break
        run.append(word)
    return bool({"attention", "layer", "layers"} & set(run))


def draft_architectures(sentence: Sentence, fallback: Hit | None) -> Iterator[Draft]:
    kinds = [
        h for h in sentence.of("FACET") if h.ident in ("architecture:moe", "architecture:dense")
    ]
    if sentence.label not in (None, "architecture"):
        return
    if not kinds:  # "spread over 16 experts", "16x3.8B": an expert count says mixture of experts
        kinds = [h for h in (_expert_count(sentence, f) for f in sentence.of("FACET")) if h]
        names = sentence.of("MODEL")
        shapes = [
            dataclasses.replace(h, kind="FACET", ident="architecture:moe")
            for h in sentence.of("MOESHAPE")
            if not any(m.start <= h.start and h.end <= m.end for m in names)
        ]
        kinds = kinds or shapes[:1]
    said: set[str] = set()
    for hit in kinds:
        model = model_for(hit, sentence, fallback)
        if model is SKIP or _negated_before(sentence, hit) or _generic(sentence, hit, model):
            continue
        if _moe_part(sentence, hit) or _dense_layers(sentence, hit):
            continue
        if _kind_of_models(sentence, hit, model):
            continue
        if _another_model(sentence, hit) or _some_of_them(sentence, hit, kinds):
            continue
        if not named_in(sentence, model) and not _said_of_the_referent(sentence, hit):
            continue  # "We shard the experts across the MoE layers": no model in view
        key = model.ident or model.text if model else ""
        if key in said:  # one architecture claim per model and sentence
            continue
        said.add(key)
        yield Draft(
            attribute="architecture",
            value_hit=hit,
            model=model,
            end_char=hit.end_char,
            hedged=_hedged(sentence),
            facet=hit.ident.split(":", 1)[1],
        )


def _said_of_the_referent(sentence: Sentence, hit: Hit) -> bool:
    """A design in a sentence that names no model is the referent's only when the sentence
    refers back to it ('It is a mixture of experts', 'Both use ...', 'Its layers hold ...'),
    is a spec line ('16 experts, 109B total', 'MoE w/ 384 experts') or gives active
    parameters; not 'A mixture-of-experts model replaces the feed-forward block', 'We shard
    the experts across the MoE layers'."""
    if refers_back(sentence) or spec_line(sentence):
        return True
    if any(h.kind == "CUE" and h.ident == "active" for h in sentence.hits):
        return True  # "lists 17B active parameters spread across 16 experts": a spec
    at = hit.start - sentence.start
    marks = EMPHASIS | LIST_MARKS
    return not any(t.strip() and t not in marks for t in sentence.tokens[:at])  # "MoE w/ ..."


THE_MODELS = frozenset({"model", "models", "ones"})


def _abilities_of_the_referent(sentence: Sentence, hit: Hit) -> bool:
    """What a sentence that names no model says a model takes in or puts out is the
    referent's when it refers back ('It reads images', 'Neither model accepts images', 'For
    now the models accept text only'), is a spec or key-value line ('So: image input, at
    minimum', '- Apache-2.0, text only'); not 'Ask questions about photos, read charts' or
    'The big change is vision'."""
    if _said_of_the_referent(sentence, hit):
        return True
    words = opening_words(sentence)
    if ":" in [t for t in sentence.tokens if t.strip() and t not in EMPHASIS][:5]:
        return True  # "So: image input", "Inputs / outputs: text in, text out"
    marked = next((t for t in sentence.tokens if t.strip()), "") in ("-", "*", "•")
    if marked and len(words) <= 12:
        return True  # "- Apache-2.0, text only"
    return any(  # "For now the models accept text only", "the small ones are text-only"
        a == "the" and (b in THE_MODELS or c in THE_MODELS)
        for a, b, c in zip(words, words[1:], [*words[2:], ""], strict=False)
    )


def _some_of_them(sentence: Sentence, hit: Hit, kinds: list[Hit]) -> bool:
    """'six dense models plus two MoE', 'two mixture-of-experts models and six dense ones',
    'spans dense and mixture-of-experts models': some members of a line-up, not the model
    in view ('the two MoE models' refers back to a group: not here)."""
    words = [t.lower() for t in sentence.tokens]
    base = sentence.start
    for a, b in itertools.pairwise(sorted(kinds, key=lambda k: k.start)):
        between = [w for w in words[a.end - base : b.start - base] if w.strip()]
        if a.ident != b.ident and between in (["and"], ["or"], ["plus"], [","]):
            return True  # "dense and MoE models"
    return _counted_subset(words, hit, base) or (
        len({k.ident for k in kinds}) > 1 and any(_counted_subset(words, k, base) for k in kinds)
    )


def _counted_subset(words: list[str], hit: Hit, base: int) -> bool:
    at, end = hit.start - base, hit.end - base
    before = [w for w in words[:at] if w.strip() and w not in ("(", ")")][-2:]
    after = [w for w in words[end:] if w.strip() and w not in ("(", ")", "moe")][:1]
    count = next((i for i, w in enumerate(before) if w.isdigit() or word_number([w])), None)
    if count is None or before[:1] == ["the"]:  # "the two MoE models": a group referred to
        return False
    return bool(after) and after[0] in PLURAL_NOUNS


def _expert_count(sentence: Sentence, facet: Hit) -> Hit | None:
    """'16 experts' / 'eight large experts' -> a moe hit spanning the count and the noun."""
    if facet.ident != "architecture:experts":
        return None
    at = facet.start - sentence.start
    words = [t.lower() for t in sentence.tokens]
    first = at - 1
    if first >= 0 and words[first] in ("large", "small", "smaller", "routed", "expert"):
        first -= 1
    if first < 0 or not (words[first].isdigit() or word_number([words[first]])):
        return None
    while (
        first >= 1
        and not words[first].isdigit()
        and (
            words[first - 1] in ("-", "and", "hundred", "thousand")
            or word_number([words[first - 1]])
        )
    ):
        first -= 1  # "three hundred eighty-four experts"
    start = sentence.start + first
    offsets = token_offsets(sentence)
    return span_hit(sentence, "FACET", "architecture:moe", start, facet.end, offsets, True)


def _generic(sentence: Sentence, hit: Hit, model: Hit | None) -> bool:
    """'In a dense model every parameter...', 'than a dense model': a kind of model, not
    this one. 'It is a mixture-of-experts model' and 'X uses a dense design' are claims."""
    if sentence.label == "architecture":
        return False
    if any(0 <= hit.start - c.end <= 2 for c in sentence.cue("comparison")):
        return True
    at = hit.start - sentence.start
    before = [t.lower() for t in sentence.tokens[max(at - 3, 0) : at]]
    article = bool(before) and before[-1] in {"a", "an", "every", "any"}
    linked = any(t in COPULAS for t in before)
    named = model is not None and model in sentence.of("MODEL")
    if article and not linked:
        return not (named and _right_after_model(sentence, hit))
    return model is None


REFERRING = frozenset({"the", "both", "these", "those", "its", "their", "our", "two", "three"})
KINDS = frozenset({"models", "llms", "deployments", "systems", "architectures", "weights"})
FIELD_NOUNS = frozenset(
    {"movement", "conversation", "frontier", "releases", "camp", "community", "ecosystem",
     "world", "scene", "space", "race", "crowd", "debate", "landscape", "field", "advocates",
     "era", "shelf", "labs", "projects", "alternatives", "options", "rivals", "competitors"}
)  # fmt: skip


def _kind_of_models(sentence: Sentence, hit: Hit, model: Hit | None) -> bool:
    """'Open-weight mixture-of-experts (MoE) models released since 2024', 'serving MoE
    models', '"Open weights" is not open source': a kind of models, in a sentence that names
    none ('X and Y are open-weight models' says it of them)."""
    if named_in(sentence, model):
        return False
    at, end = hit.start - sentence.start, hit.end - sentence.start
    following = [t.lower() for t in sentence.tokens[end : end + 3] if t.strip()][:1]
    if following and following[0] in FIELD_NOUNS:
        return True  # "the open-weight movement", "the open-weights frontier is crowded"
    before = [t.lower() for t in sentence.tokens[:at] if t.strip()]
    breaks = [i for i, t in enumerate(before) if t in ("(", ";", ":")]
    clause = before[breaks[-1] + 1 :] if breaks else before  # "(active ... for MoE models)"
    if any(t in COPULAS for t in clause[-8:]) or any(t in REFERRING for t in before[-2:]):
        return False  # "It is one of the few large MoE models", "Both MoE models use ..."
    covered = {i for f in sentence.of("FACET") for i in range(f.start, f.end)}
    after = [
        t.lower()
        for i, t in enumerate(sentence.tokens[end : end + 12], start=hit.end)
        if t.strip() and i not in covered and t not in ("(", ")", "-", '"')
    ]
    quoted = bool(before) and before[-1] in ('"', "“")
    return quoted or (bool(after) and after[0] in KINDS)


COPULAS = frozenset(
    {
        "is",
        "'s",
        "was",
        "are",
        "were",
        "uses",
        "use",
        "using",
        "built",
        "as",
        "remains",
        "with",
        "on",
    }
)


def _right_after_model(sentence: Sentence, hit: Hit) -> bool:
    """'Mixtral 8x7B, a sparse mixture-of-experts model': an appositive."""
    return any(0 <= hit.start - m.end <= 3 for m in sentence.of("MODEL"))
