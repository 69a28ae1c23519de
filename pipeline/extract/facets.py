"""Drafts for the non-numeric attributes: developer, modality, licence, architecture."""

from __future__ import annotations

from collections.abc import Iterator

from pipeline.extract.claims import SKIP, Draft, _hedged, _negated_before, model_for
from pipeline.extract.hits import Hit, Sentence

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
    }
)


def _after_colon(sentence: Sentence, hit: Hit) -> bool:
    return sentence.colon is not None and hit.start >= sentence.colon


def draft_developers(sentence: Sentence, fallback: Hit | None) -> Iterator[Draft]:
    for org in sentence.of("ORG"):
        model = _developer_subject(sentence, org, fallback)
        if model is SKIP:
            continue
        yield Draft(
            attribute="developer",
            value_hit=org,
            model=model,
            end_char=org.end_char,
            hedged=_hedged(sentence),
            facet=org.ident,
        )


def _developer_subject(sentence: Sentence, org: Hit, fallback: Hit | None) -> Hit | None:
    """The model an organisation mention says it made, or SKIP when it says nothing."""
    if sentence.label == "developer" and _after_colon(sentence, org):
        return model_for(org, sentence, fallback)
    if sentence.label and sentence.colon is not None:
        return SKIP
    offset = org.end - sentence.start
    following = [t.lower() for t in sentence.tokens[offset : offset + 2]]
    models = sentence.of("MODEL")
    if org.start - sentence.start >= 1 and sentence.tokens[org.start - sentence.start - 1] == "(":
        return next((m for m in models if m.end == org.start - 1), SKIP)
    if following[:1] == ["'s"] or following[:1] == ["’s"]:
        return next((m for m in models if m.start == org.end + 1), SKIP)
    cue = next(
        (h for h in sentence.hits if h.ident == "developer" and 0 <= org.start - h.end <= 1), None
    )
    if cue is not None and cue.text.lower() == "from":  # "Llama 3 from Meta", not "data from Meta"
        return next((m for m in models if m.end == cue.start), SKIP)
    if cue is not None:
        return model_for(org, sentence, fallback)
    if following[:1] and following[0] in DEVELOPER_VERBS:
        return next((m for m in models if 0 < m.start - org.end <= 3), SKIP)
    return SKIP


def draft_modalities(sentence: Sentence, fallback: Hit | None) -> Iterator[Draft]:
    facets = [h for h in sentence.of("FACET") if h.ident.startswith("modality:")]
    if sentence.label == "modality":
        facets = [h for h in facets if _after_colon(sentence, h)] or _modality_answer(sentence)
    elif sentence.label:
        return
    for facet in facets:
        model = model_for(facet, sentence, fallback)
        if model is SKIP:
            continue
        negated = _negated_before(sentence, facet) or facet.ident == "modality:negated"
        value = "modality:multimodal" if facet.ident == "modality:negated" else facet.ident
        yield Draft(
            attribute="modality",
            value_hit=facet,
            model=model,
            end_char=facet.end_char,
            hedged=_hedged(sentence),
            negated=negated,
            facet=value.split(":", 1)[1],
        )


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


def draft_licences(sentence: Sentence, fallback: Hit | None) -> Iterator[Draft]:
    """Named licences anywhere; descriptions ("open source", "closed") only with a licence
    cue or beside a model name: they are also said of whole fields ("open-source AI")."""
    if sentence.label not in (None, "license"):
        return
    named = sentence.of("LICENCE")
    described = [h for h in sentence.of("FACET") if h.ident.startswith("license:")]
    if sentence.label is None and not sentence.cue("license"):
        described = [
            h for h in described if h.ident != "license:open-source" or _beside_model(sentence, h)
        ]
    for hit in [*named, *described]:
        if sentence.label and not _after_colon(sentence, hit):
            continue
        model = model_for(hit, sentence, fallback)
        if model is SKIP:
            continue
        value = hit.ident if hit.kind == "LICENCE" else hit.ident.split(":", 1)[1]
        yield Draft(
            attribute="license",
            value_hit=hit,
            model=model,
            end_char=hit.end_char,
            hedged=_hedged(sentence),
            negated=_negated_before(sentence, hit, reach=2),
            facet=value,
        )


def _beside_model(sentence: Sentence, hit: Hit, reach: int = 3) -> bool:
    return any(
        0 <= hit.start - m.end <= reach or 0 <= m.start - hit.end <= reach
        for m in sentence.of("MODEL")
    )


def draft_architectures(sentence: Sentence, fallback: Hit | None) -> Iterator[Draft]:
    kinds = [
        h for h in sentence.of("FACET") if h.ident in ("architecture:moe", "architecture:dense")
    ]
    if sentence.label not in (None, "architecture"):
        return
    for hit in kinds:
        model = model_for(hit, sentence, fallback)
        if model is SKIP or _negated_before(sentence, hit) or _generic(sentence, hit, model):
            continue
        yield Draft(
            attribute="architecture",
            value_hit=hit,
            model=model,
            end_char=hit.end_char,
            hedged=_hedged(sentence),
            facet=hit.ident.split(":", 1)[1],
        )


def _generic(sentence: Sentence, hit: Hit, model: Hit | None) -> bool:
    """'a dense model', 'than a dense model': said of a kind of model, not of this one."""
    if sentence.label == "architecture":
        return False
    compared = any(0 <= hit.start - c.end <= 2 for c in sentence.cue("comparison"))
    named = model is not None and model in sentence.of("MODEL")
    return compared or not named
