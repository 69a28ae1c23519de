"""What the review produces: exports (JSON lines, CSV, ClaimReview), regression cases and
proposed registry changes.

Every function takes claim records as ``Review.records`` returns them (decision row attached)
and returns text or plain data; nothing here touches the database.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Sequence
from typing import Any

import yaml

from pipeline.review.queue import Decision, ReviewItem, group
from pipeline.review.service import export_record

CSV_COLUMNS = (
    "id",
    "article_id",
    "article_path",
    "article_title",
    "article_url",
    "published",
    "model",
    "model_id",
    "attribute",
    "value",
    "precision",
    "text",
    "start",
    "end",
    "sentence",
    "status",
    "reason",
    "expected",
    "source",
    "explanation",
    "hint",
    "severity",
    "decision",
    "reviewer",
    "note",
    "decided_at",
)
_JSON_CELLS = ("value", "expected")


def jsonl(records: Iterable[dict[str, Any]]) -> Iterable[str]:
    """One claim record per line (the design's export record)."""
    for record in records:
        yield json.dumps(export_record(record), ensure_ascii=False) + "\n"


def _csv_row(record: dict[str, Any]) -> dict[str, Any]:
    verdict, article = record["verdict"], record["article"]
    decision = record["decision"] or {}
    row = {k: record[k] for k in ("id", "model", "model_id", "attribute", "value", "precision")}
    row |= {k: record[k] for k in ("text", "start", "end", "sentence")}
    row |= {k: verdict[k] for k in ("status", "reason", "expected", "source", "explanation")}
    row |= {"hint": verdict["hint"], "severity": verdict["severity"]}
    row |= {f"article_{k}": article[k] for k in ("id", "path", "title", "url")}
    row |= {"published": article["published"]}
    row |= {k: decision.get(k) for k in ("decision", "reviewer", "note", "decided_at")}
    for key in _JSON_CELLS:
        row[key] = json.dumps(row[key], ensure_ascii=False)
    return row


def to_csv(records: Iterable[dict[str, Any]]) -> str:
    """One row per claim; values and registry values as JSON in their cells."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for record in records:
        writer.writerow(_csv_row(record))
    return buffer.getvalue()


def _appearance(record: dict[str, Any]) -> dict[str, Any]:
    article = record["article"]
    work: dict[str, Any] = {"@type": "CreativeWork", "headline": article["title"]}
    if article["url"]:
        work["url"] = article["url"]
    if article["published"]:
        work["datePublished"] = article["published"]
    return work


def claim_review(item: ReviewItem) -> dict[str, Any]:
    """A schema.org ClaimReview for one confirmed error, with every appearance of the claim."""
    lead, decision = item.lead, item.decision or {}
    return {
        "@type": "ClaimReview",
        "claimReviewed": lead["sentence"],
        "datePublished": str(decision.get("decided_at", ""))[:10],
        "author": {"@type": "Person", "name": decision.get("reviewer")},
        "reviewBody": lead["verdict"]["explanation"],
        "reviewRating": {
            "@type": "Rating",
            "ratingValue": 1,
            "bestRating": 5,
            "worstRating": 1,
            "alternateName": "False",
        },
        "itemReviewed": {
            "@type": "Claim",
            "about": {"@type": "SoftwareApplication", "name": lead["model"]},
            "firstAppearance": _appearance(lead),
            "appearance": [_appearance(c) for c in item.claims],
        },
        "isBasedOn": lead["verdict"]["source"],
    }


def claim_reviews(records: Sequence[dict[str, Any]]) -> str:
    """JSON-LD: one ClaimReview per group of identical claims confirmed as errors."""
    confirmed = [
        i
        for i in group(records)
        if i.decision is not None and i.decision["decision"] == Decision.confirmed
    ]
    document = {"@context": "https://schema.org", "@graph": [claim_review(i) for i in confirmed]}
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def regression_cases(records: Iterable[dict[str, Any]]) -> Iterable[str]:
    """False alarms as JSON lines: the sentence and the claim the extractor must not make."""
    for record in records:
        decision = record["decision"]
        if decision is None or decision["decision"] != Decision.false_alarm:
            continue
        case = {
            "article": record["article"]["path"],
            "sentence": record["sentence"],
            "start": record["start"],
            "end": record["end"],
            "text": record["text"],
            "not_expected": {k: record[k] for k in ("model", "model_id", "attribute", "value")},
            "note": decision["note"],
            "reviewer": decision["reviewer"],
        }
        yield json.dumps(case, ensure_ascii=False) + "\n"


def proposals(records: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    """Registry changes proposed by ``registry_outdated`` decisions, one per group."""
    found = []
    for item in group(records):
        decision = item.decision
        if decision is None or decision["decision"] != Decision.registry_outdated:
            continue
        lead = item.lead
        found.append(
            {
                "model": lead["model_id"] or lead["model"],
                "field": lead["attribute"],
                "current": {
                    "value": _one(lead["verdict"]["expected"]),
                    "source": lead["verdict"]["source"],
                },
                "proposed": {"value": lead["value"], "source": None},
                "article": {k: lead["article"][k] for k in ("path", "title", "url", "published")},
                "claim": lead["id"],
                "reviewer": decision["reviewer"],
                "decided_at": decision["decided_at"],
                "note": decision["note"],
            }
        )
    return found


def _one(values: list[Any]) -> Any:
    return values[0] if len(values) == 1 else values


PROPOSALS_HEADER = (
    "# Proposed registry changes from registry_outdated review decisions.\n"
    "# Each is a patch: set `field` of `model` to `proposed.value`. Fill in proposed.source\n"
    "# (the primary source: model card, announcement, report) before applying it.\n"
)


def proposals_yaml(records: Sequence[dict[str, Any]]) -> str:
    patches = proposals(records)
    body = yaml.safe_dump(patches, sort_keys=False, allow_unicode=True) if patches else "[]\n"
    return PROPOSALS_HEADER + body
