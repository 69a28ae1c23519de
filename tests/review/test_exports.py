"""Exports, regression cases and registry proposals from decisions."""

from __future__ import annotations

import csv
import io
import json

import yaml

from pipeline.review import exports
from pipeline.review.service import FLAGGED, Review
from pipeline.store import Store


def decided(store: Store) -> Review:
    """Three decisions on the first three items: confirmed, false alarm, registry outdated."""
    review = Review(store)
    items = review.queue()
    for item, decision in zip(
        items, ["confirmed", "false_alarm", "registry_outdated"], strict=False
    ):
        review.decide(item.lead["id"], decision, "ann", f"because {decision}")
    return review


def test_jsonl_keeps_the_design_record_with_the_decision_holding(review_store: Store):
    review = decided(review_store)
    lines = list(exports.jsonl(review.records()))
    records = [json.loads(line) for line in lines]
    assert len(records) == review_store.count("claims")
    with_decision = [r for r in records if r["decision"]]
    assert len(with_decision) == 3
    assert set(with_decision[0]["decision"]) == {"decision", "reviewer", "note", "decided_at"}
    assert set(records[0]["article"]) == {"id", "path", "title", "url", "published"}


def test_csv_has_one_row_per_claim_with_json_cells(review_store: Store):
    review = decided(review_store)
    rows = list(csv.DictReader(io.StringIO(exports.to_csv(review.records()))))
    assert len(rows) == review_store.count("claims")
    assert tuple(rows[0]) == exports.CSV_COLUMNS
    first = rows[0]
    assert first["decision"] == "confirmed" and first["reviewer"] == "ann"
    assert isinstance(json.loads(first["expected"]), list)


def test_claimreview_lists_confirmed_errors_only(review_store: Store):
    review = decided(review_store)
    document = json.loads(exports.claim_reviews(review.records(FLAGGED)))
    assert document["@context"] == "https://schema.org"
    (claim_review,) = document["@graph"]
    assert claim_review["@type"] == "ClaimReview"
    assert claim_review["reviewRating"]["alternateName"] == "False"
    assert claim_review["itemReviewed"]["firstAppearance"]["headline"]
    assert claim_review["author"]["name"] == "ann"


def test_false_alarms_become_regression_cases(review_store: Store):
    review = decided(review_store)
    (line,) = exports.regression_cases(review.records())
    case = json.loads(line)
    assert case["note"] == "because false_alarm"
    assert case["text"] in case["sentence"] and case["not_expected"]["attribute"]


def test_registry_outdated_becomes_a_yaml_patch(review_store: Store):
    review = decided(review_store)
    text = exports.proposals_yaml(review.records(FLAGGED))
    assert text.startswith("#")
    (patch,) = yaml.safe_load(text)
    outdated = review.queue()[2].lead
    assert patch["model"] == outdated["model_id"] and patch["field"] == outdated["attribute"]
    assert patch["proposed"] == {"value": outdated["value"], "source": None}
    assert patch["current"]["source"] == outdated["verdict"]["source"]
    assert patch["reviewer"] == "ann" and patch["article"]["path"].endswith(".md")


def test_no_proposals_is_an_empty_list(review_store: Store):
    assert yaml.safe_load(exports.proposals_yaml(Review(review_store).records(FLAGGED))) == []
