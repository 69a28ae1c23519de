"""The review queue as plain data: groups of identical flagged claims, worst first.

A review item is every flagged claim with the same model, attribute and value, across
articles; one decision covers them all. Which decision holds for a claim is read from the
append-only decision log: the latest row that no undo took back.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from pipeline.schema import content_id


class Decision(StrEnum):
    confirmed = "confirmed"  # the article is wrong
    false_alarm = "false_alarm"  # extraction or matching was wrong
    registry_outdated = "registry_outdated"  # the article is right; the registry must change
    skip = "skip"  # not now


UNDO = "undo"
KEYS = {  # one key per decision, the same in the terminal and the browser
    "c": Decision.confirmed,
    "f": Decision.false_alarm,
    "r": Decision.registry_outdated,
    "s": Decision.skip,
}
CLOSING = frozenset({Decision.confirmed, Decision.false_alarm, Decision.registry_outdated})


class State(StrEnum):
    open = "open"
    decided = "decided"


def effective_decisions(rows: Iterable[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """Claim id -> the decision row that holds: the latest one no undo took back."""
    rows = list(rows)
    undone = {r["undoes"] for r in rows if r["decision"] == UNDO}
    current: dict[str, dict[str, Any]] = {}
    for row in sorted(rows, key=lambda r: r["id"]):
        if row["decision"] != UNDO and row["id"] not in undone:
            current[row["claim_id"]] = row
    return current


def group_key(record: dict[str, Any]) -> str:
    """Identical claims share a key: same model (registry id, else name), attribute, value."""
    model = record["model_id"] or record["model"].casefold()
    value = json.dumps(record["value"], sort_keys=True, ensure_ascii=False)
    return content_id("review-group", model, record["attribute"], value)


@dataclass
class ReviewItem:
    """Identical flagged claims, the first appearance first."""

    key: str
    claims: list[dict[str, Any]] = field(default_factory=list)

    @property
    def lead(self) -> dict[str, Any]:
        return self.claims[0]

    @property
    def severity(self) -> float:
        return max(float(c["verdict"]["severity"]) for c in self.claims)

    @property
    def decision(self) -> dict[str, Any] | None:
        """The latest decision holding for any of the claims."""
        rows = [c["decision"] for c in self.claims if c["decision"]]
        return max(rows, key=lambda r: r["id"]) if rows else None

    @property
    def state(self) -> State:
        closed = [c["decision"] and c["decision"]["decision"] in CLOSING for c in self.claims]
        return State.decided if all(closed) else State.open

    @property
    def skipped(self) -> bool:
        return self.decision is not None and self.decision["decision"] == Decision.skip

    def claim_ids(self) -> list[str]:
        return [c["id"] for c in self.claims]

    def matches(self, model: str | None, attribute: str | None, article: str | None) -> bool:
        lead = self.lead
        if model and model.casefold() not in {
            (lead["model_id"] or "").casefold(),
            *(c["model"].casefold() for c in self.claims),
        }:
            return False
        if attribute and lead["attribute"] != attribute:
            return False
        return not article or any(
            article in (c["article"]["id"], c["article"]["path"]) for c in self.claims
        )


def _appearance_order(record: dict[str, Any]) -> tuple[str, str, int]:
    article = record["article"]
    return (article["published"] or "9999", article["path"], record["start"])


def group(records: Sequence[dict[str, Any]]) -> list[ReviewItem]:
    """Group claim records (worst first) into review items, worst first, skipped ones last."""
    items: dict[str, ReviewItem] = {}
    for record in records:
        key = group_key(record)
        items.setdefault(key, ReviewItem(key)).claims.append(record)
    for item in items.values():
        item.claims.sort(key=_appearance_order)
    ordered = list(items.values())  # dicts keep insertion order: the worst member first
    return sorted(ordered, key=lambda i: (i.skipped, -i.severity))


def sentence_span(text: str, record: dict[str, Any]) -> tuple[int, int] | None:
    """Where the claim lies inside its sentence, from its offsets into the article text."""
    sentence, start, end = record["sentence"], record["start"], record["end"]
    for match in re.finditer(re.escape(sentence), text):
        if match.start() <= start and end <= match.end():
            return start - match.start(), end - match.start()
    at = sentence.find(record["text"])
    return (at, at + len(record["text"])) if at >= 0 else None


def split_sentence(text: str | None, record: dict[str, Any]) -> tuple[str, str, str]:
    """The sentence as (before, claim, after); the whole sentence first when unplaceable."""
    sentence = record["sentence"]
    span = sentence_span(text or "", record)
    if span is None:
        return sentence, "", ""
    a, b = span
    return sentence[:a], sentence[a:b], sentence[b:]


@dataclass
class Segment:
    """A piece of article text, with the claims made in it (none for plain text)."""

    text: str
    claims: list[dict[str, Any]] = field(default_factory=list)


def segments(text: str, records: Sequence[dict[str, Any]]) -> list[Segment]:
    """Cut an article's text into plain pieces and claim pieces (overlapping claims merge)."""
    spans: list[tuple[int, int, list[dict[str, Any]]]] = []
    for record in sorted(records, key=lambda r: (r["start"], -r["end"])):
        if spans and record["start"] < spans[-1][1]:
            start, end, claims = spans[-1]
            spans[-1] = (start, max(end, record["end"]), [*claims, record])
        else:
            spans.append((record["start"], record["end"], [record]))
    pieces, cursor = [], 0
    for start, end, claims in spans:
        pieces += [Segment(text[cursor:start]), Segment(text[start:end], claims)]
        cursor = end
    pieces.append(Segment(text[cursor:]))
    return [p for p in pieces if p.text]
