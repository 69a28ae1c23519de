"""Verdicts: family logic, total vs active, hints, hedges, time, explanations."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from pipeline.check import check_claim
from pipeline.registry import Registry
from pipeline.schema import Attribute, Claim, Precision, Qualifiers, Reason, Status

PUBLISHED = dt.date(2025, 5, 1)


def claim(
    model_id: str | None, attribute: Attribute, value: Any, text: str = "", **qualifiers: Any
) -> Claim:
    precision = qualifiers.pop("precision", None)
    return Claim(
        id="c",
        article_id="a",
        model=model_id or "Nova 9",
        model_id=model_id,
        attribute=attribute,
        value=value,
        precision=precision,
        text=text or str(value),
        start=0,
        end=1,
        sentence="s",
        qualifiers=Qualifiers(**qualifiers),
    )


@pytest.mark.parametrize(
    "model_id,attribute,value,text,status",
    [
        ("llama-4", Attribute.context_length, 128_000, "128K", Status.contradicted),
        ("llama-4", Attribute.context_length, 10_000_000, "10M", Status.unverifiable),
        ("llama-4-scout", Attribute.context_length, 10_000_000, "10M", Status.supported),
        ("llama-3", Attribute.parameters, 8_000_000_000, "8B", Status.supported),
        ("llama-3", Attribute.parameters, 70_000_000_000, "70B", Status.supported),
        ("llama-4", Attribute.parameters, 8_000_000_000, "8B", Status.contradicted),
        ("llama-3.1", Attribute.context_length, 128_000, "128K", Status.supported),
    ],
)
def test_family_logic(mini_registry: Registry, model_id, attribute, value, text, status):
    assert (
        check_claim(claim(model_id, attribute, value, text), mini_registry, PUBLISHED).status
        is status
    )


def test_family_members_that_disagree_make_the_claim_ambiguous(mini_registry: Registry):
    verdict = check_claim(
        claim("llama-4", Attribute.context_length, 1_000_000, "1M"), mini_registry, PUBLISHED
    )
    assert (verdict.status, verdict.reason) == (Status.unverifiable, Reason.ambiguous_model)


def test_bare_parameters_of_an_moe_model_agree_with_its_active_count(mini_registry: Registry):
    verdict = check_claim(
        claim("llama-4-scout", Attribute.parameters, 17_000_000_000, "17B"),
        mini_registry,
        PUBLISHED,
    )
    assert verdict.status is Status.supported
    assert "active parameter count" in verdict.explanation


def test_a_total_claim_of_the_active_count_contradicts(mini_registry: Registry):
    c = claim("llama-4-scout", Attribute.parameters, 17_000_000_000, "17B", scope="total")
    assert check_claim(c, mini_registry, PUBLISHED).status is Status.contradicted


def test_a_contradiction_names_value_source_and_the_sibling_it_fits(mini_registry: Registry):
    verdict = check_claim(
        claim("llama-4", Attribute.release_date, "2024-04-18", precision=Precision.day),
        mini_registry,
        PUBLISHED,
    )
    assert verdict.status is Status.contradicted
    assert verdict.expected == ["2025-04-05", "2025-04-05"]
    assert verdict.source and verdict.source.startswith("https://github.com/meta-llama/")
    assert verdict.hint and "Llama 3" in verdict.hint
    assert "April 5, 2025" in verdict.explanation and "April 18, 2024" in verdict.explanation


def test_context_hint_names_llama_3_1(mini_registry: Registry):
    verdict = check_claim(
        claim("llama-4", Attribute.context_length, 128_000, "128K"), mini_registry, PUBLISHED
    )
    assert verdict.hint and "Llama 3.1" in verdict.hint


def test_a_hint_kept_for_a_claim_is_the_one_worked_out_afresh(mini_registry: Registry):
    from pipeline.check import checker

    said = claim("llama-4", Attribute.context_length, 128_000, "128K")
    first = check_claim(said, mini_registry, PUBLISHED).hint
    checker._HINTS.clear()
    assert check_claim(said, mini_registry, PUBLISHED).hint == first
    assert check_claim(said, mini_registry, dt.date(2025, 6, 1)).hint == first  # no date in it
    other = claim("llama-4", Attribute.context_length, 8_000, "8K")
    assert check_claim(other, mini_registry, PUBLISHED).hint != first


@pytest.mark.parametrize(
    "model_id,attribute,value,qualifiers,reason",
    [
        (None, Attribute.parameters, 13_000_000_000, {}, Reason.unknown_model),
        ("llama-4-scout", Attribute.parameters, 2_000_000_000_000, {"hedged": True}, Reason.hedged),
        (
            "llama-3-8b",
            Attribute.release_date,
            None,
            {"relative_date": True},
            Reason.unresolved_date,
        ),
    ],
)
def test_unverifiable_with_a_reason(
    mini_registry: Registry, model_id, attribute, value, qualifiers, reason
):
    verdict = check_claim(
        claim(model_id, attribute, value, "x", **qualifiers), mini_registry, PUBLISHED
    )
    assert (verdict.status, verdict.reason) == (Status.unverifiable, reason)


def test_a_hedged_claim_still_shows_the_registry_value(mini_registry: Registry):
    verdict = check_claim(
        claim("llama-4-scout", Attribute.parameters, 2_000_000_000_000, "2T", hedged=True),
        mini_registry,
        PUBLISHED,
    )
    assert verdict.expected and verdict.source


def test_a_missing_fact_is_never_a_contradiction(registry: Registry):
    verdict = check_claim(
        claim("gpt-4o", Attribute.parameters, 1_800_000_000_000, "1.8T"), registry, PUBLISHED
    )
    assert (verdict.status, verdict.reason) == (Status.unverifiable, Reason.no_reference)


def test_severity_grows_with_distance(mini_registry: Registry):
    near = check_claim(
        claim("llama-3-70b", Attribute.parameters, 80_000_000_000, "80B"), mini_registry, PUBLISHED
    )
    far = check_claim(
        claim("llama-3-70b", Attribute.parameters, 700_000_000_000, "700B"),
        mini_registry,
        PUBLISHED,
    )
    assert 0 < near.severity < far.severity <= 1


def test_a_flag_on_a_model_inferred_from_context_ranks_lower_and_says_so(
    mini_registry: Registry,
):
    named = check_claim(
        claim("llama-3-70b", Attribute.parameters, 80_000_000_000, "80B"), mini_registry, PUBLISHED
    )
    inferred = check_claim(
        claim("llama-3-70b", Attribute.parameters, 80_000_000_000, "80B", inferred=True),
        mini_registry,
        PUBLISHED,
    )
    assert named.status is inferred.status is Status.contradicted
    assert 0 < inferred.severity < named.severity
    assert "does not name" in inferred.explanation
    assert "does not name" not in named.explanation
