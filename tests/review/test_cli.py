"""The review commands, run with typer's CliRunner on a store of the fixture articles."""

from __future__ import annotations

import csv
import io
import json

import pytest
import yaml
from typer.testing import CliRunner

from pipeline.cli.main import app
from pipeline.review.service import Review
from pipeline.store import Store

runner = CliRunner()


def invoke(store: Store, *args: str, input: str | None = None) -> str:
    result = runner.invoke(app, [*args, "--db", store.url], input=input)
    assert result.exit_code == 0, result.output
    return result.output


def flags_json(store: Store, *args: str) -> list[dict]:
    return json.loads(invoke(store, "flags", "--json", *args))


def test_flags_json_keeps_the_record_shape_worst_first(review_store: Store):
    records = flags_json(review_store)
    assert records and {r["verdict"]["status"] for r in records} == {"contradicted"}
    assert set(records[0]) == {
        *("id", "model", "model_id", "attribute", "value", "precision", "text", "start", "end"),
        *("sentence", "qualifiers", "verdict", "article", "decision"),
    }
    severities = [r["verdict"]["severity"] for r in records]
    assert severities[0] == max(severities)


@pytest.mark.parametrize(
    "option,value,field",
    [("--model", "llama-3.2-1b", "model_id"), ("--attribute", "release_date", "attribute")],
    ids=["model", "attribute"],
)
def test_flags_filters(review_store: Store, option: str, value: str, field: str):
    records = flags_json(review_store, option, value)
    assert records and {r[field] for r in records} == {value}
    assert len(records) < len(flags_json(review_store))


def test_review_by_id_moves_the_item_from_open_to_decided(review_store: Store):
    first = flags_json(review_store)[0]["id"]
    out = invoke(
        review_store,
        "review",
        first[:8],
        "--decision",
        "confirmed",
        "--note",
        "n1",
        "--reviewer",
        "ann",
    )
    assert "confirmed" in out
    decided = flags_json(review_store, "--status", "decided")
    assert [r["id"] for r in decided] == [first]
    assert decided[0]["decision"]["reviewer"] == "ann" and decided[0]["decision"]["note"] == "n1"
    assert first not in {r["id"] for r in flags_json(review_store, "--status", "open")}


def test_review_of_an_unknown_claim_fails_with_its_code(review_store: Store):
    result = runner.invoke(
        app, ["review", "fffffffff", "--decision", "skip", "--db", review_store.url]
    )
    assert result.exit_code == 1 and "E030" in result.output


def test_show_prints_the_sentence_registry_value_source_and_hint(review_store: Store):
    first = flags_json(review_store)[0]
    out = invoke(review_store, "show", first["id"])
    assert first["text"] in out and first["verdict"]["source"][:30] in out.replace("\n", "")
    assert "hint:" in out and "seen in 1 place" in out


def test_interactive_review_decides_by_single_keys_and_undoes(review_store: Store):
    queue = [r["id"] for r in flags_json(review_store)]
    # c on the first item, f on the second, undo (back to the second), r on it, quit
    out = invoke(review_store, "review", "--reviewer", "kim", input="cfurq")
    assert "undone" in out and "3 decision(s) recorded" not in out
    rows = Review(review_store).audit()
    assert [r["decision"] for r in reversed(rows)] == [
        "confirmed",
        "false_alarm",
        "undo",
        "registry_outdated",
    ]
    assert {r["reviewer"] for r in rows} == {"kim"}
    decided = {
        r["id"]: r["decision"]["decision"] for r in flags_json(review_store, "--status", "decided")
    }
    assert decided == {queue[0]: "confirmed", queue[1]: "registry_outdated"}


def test_interactive_review_takes_a_note(review_store: Store):
    invoke(review_store, "review", "--reviewer", "kim", input="nseems fine\ncq")
    (row,) = Review(review_store).audit()
    assert (row["decision"], row["note"]) == ("confirmed", "seems fine")


def test_registry_proposals_print_yaml_patches(review_store: Store):
    first = flags_json(review_store)[0]
    invoke(
        review_store, "review", first["id"], "--decision", "registry_outdated", "--reviewer", "ann"
    )
    (patch,) = yaml.safe_load(invoke(review_store, "registry", "proposals"))
    assert (patch["model"], patch["field"], patch["reviewer"]) == (
        first["model_id"],
        first["attribute"],
        "ann",
    )
    assert patch["proposed"]["value"] == first["value"]


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "claimreview", "regressions"])
def test_export_formats(review_store: Store, fmt: str):
    records = flags_json(review_store)
    invoke(review_store, "review", records[0]["id"], "--decision", "confirmed")
    invoke(review_store, "review", records[1]["id"], "--decision", "false_alarm")
    out = invoke(review_store, "export", "--format", fmt)
    if fmt == "jsonl":
        assert len(out.splitlines()) == review_store.count("claims")
        assert json.loads(out.splitlines()[0])["decision"]["decision"] == "confirmed"
    elif fmt == "csv":
        rows = list(csv.DictReader(io.StringIO(out)))
        assert len(rows) == review_store.count("claims")
    elif fmt == "claimreview":
        (review,) = json.loads(out)["@graph"]
        assert review["claimReviewed"] == records[0]["sentence"]
    else:
        (case,) = [json.loads(line) for line in out.splitlines()]
        assert case["text"] == records[1]["text"]


def test_export_refuses_an_unknown_format(review_store: Store):
    result = runner.invoke(app, ["export", "--format", "xml", "--db", review_store.url])
    assert result.exit_code == 2
