"""One comparator per attribute, parametrized."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from pipeline.check import comparators as cmp
from pipeline.registry.model import Architecture, FactStatus, Licence, Modality, PartialDate
from pipeline.schema import Attribute, Bound, Claim, Precision, Qualifiers


def claim(attribute: Attribute, value: Any, text: str = "", **qualifiers: Any) -> Claim:
    precision = qualifiers.pop("precision", None)
    return Claim(
        id="c",
        article_id="a",
        model="M",
        model_id="m",
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
    "attribute,value,text,bound,expected,registry_bound,agrees",
    [
        (Attribute.parameters, 70_000_000_000, "70B", None, 70_600_000_000, None, True),
        (Attribute.parameters, 1_800_000_000_000, "1.8T", None, 1_760_000_000_000, None, True),
        (Attribute.parameters, 8_000_000_000, "8B", None, 7_000_000_000, None, False),
        (Attribute.parameters, 70_000_000_000, "70B", None, 65_000_000_000, None, False),
        (Attribute.context_length, 128_000, "128K", None, 131_072, None, True),
        (Attribute.context_length, 128_000, "128K", None, 128_000, None, True),
        (Attribute.context_length, 131_072, "131,072 tokens", None, 128_000, None, True),
        (Attribute.context_length, 1_048_576, "1,048,576", None, 1_000_000, None, True),
        (Attribute.context_length, 131_072, "131,072 tokens", None, 200_000, None, False),
        (Attribute.context_length, 8_000, "8K", None, 8_192, None, True),
        (Attribute.context_length, 128_000, "128K", Bound.up_to, 1_000_000, None, False),
        (Attribute.context_length, 128_000, "128K", Bound.up_to, 128_000, None, True),
        (
            Attribute.training_tokens,
            15_000_000_000_000,
            "15T",
            Bound.over,
            15_600_000_000_000,
            None,
            True,
        ),
        (
            Attribute.training_tokens,
            15_000_000_000_000,
            "15T",
            Bound.over,
            14_000_000_000_000,
            None,
            False,
        ),
        (
            Attribute.training_tokens,
            15_000_000_000_000,
            "15T",
            Bound.over,
            40_000_000_000_000,
            None,
            False,
        ),
        (
            Attribute.training_tokens,
            15_000_000_000_000,
            "15T",
            None,
            15_000_000_000_000,
            Bound.over,
            True,
        ),
        (
            Attribute.training_tokens,
            40_000_000_000_000,
            "40T",
            None,
            15_000_000_000_000,
            Bound.over,
            False,
        ),
        (Attribute.parameters, 70_000_000_000, "70B", Bound.about, 70_600_000_000, None, True),
    ],
)
def test_counts(attribute, value, text, bound, expected, registry_bound, agrees):
    outcome = cmp.compare_count(
        claim(attribute, value, text, bound=bound), expected, registry_bound
    )
    assert outcome.agrees is agrees


def test_a_registry_estimate_is_judged_with_its_uncertainty():
    c = claim(Attribute.parameters, 1_800_000_000_000, "1.8T")
    assert cmp.compare_count(c, 2_000_000_000_000, None, FactStatus.estimate).agrees
    assert not cmp.compare_count(c, 2_000_000_000_000, None, FactStatus.disclosed).agrees


def test_distance_grows_with_how_far_off():
    c = claim(Attribute.context_length, 128_000, "128K")
    near, far = cmp.compare_count(c, 200_000), cmp.compare_count(c, 10_000_000)
    assert 0 < near.distance < far.distance


@pytest.mark.parametrize(
    "value,precision,registry,registry_precision,relative,agrees",
    [
        ("2024-04", Precision.month, dt.date(2024, 4, 18), Precision.day, False, True),
        ("2024-04-18", Precision.day, dt.date(2024, 4, 18), Precision.day, False, True),
        ("2024-04-17", Precision.day, dt.date(2024, 4, 18), Precision.day, False, False),
        ("2024-04-15", Precision.day, dt.date(2024, 4, 18), Precision.day, True, True),
        ("2024", Precision.year, dt.date(2024, 4, 18), Precision.day, False, True),
        ("2024-04-18", Precision.day, dt.date(2024, 4, 1), Precision.month, False, True),
        ("2025-04-05", Precision.day, dt.date(2024, 4, 18), Precision.day, False, False),
    ],
)
def test_dates_at_the_claims_precision(
    value, precision, registry, registry_precision, relative, agrees
):
    c = claim(Attribute.release_date, value, precision=precision, relative_date=relative)
    outcome = cmp.compare_date(c, PartialDate(date=registry, precision=registry_precision))
    assert outcome.agrees is agrees


LLAMA = Licence(
    id="llama-3-community",
    name="Llama 3",
    open_weights=True,
    osi_open_source=False,
    commercial_use="restricted",
    source="https://example.com/l",
)
APACHE = Licence(
    id="apache-2.0",
    name="Apache",
    open_weights=True,
    osi_open_source=True,
    commercial_use="allowed",
    source="https://example.com/a",
)


@pytest.mark.parametrize(
    "value,negated,licence,agrees",
    [
        ("llama-3-community", False, LLAMA, True),
        ("apache-2.0", False, LLAMA, False),
        ("open-weights", False, LLAMA, True),
        ("open-source", False, LLAMA, False),
        ("open-source", False, APACHE, True),
        ("non-commercial", False, LLAMA, False),
        ("commercial-use", False, LLAMA, True),
        ("commercial-use", True, APACHE, False),
        ("proprietary", False, APACHE, False),
    ],
)
def test_licences(value, negated, licence, agrees):
    assert (
        cmp.compare_license(claim(Attribute.license, value, negated=negated), licence).agrees
        is agrees
    )


TEXT_ONLY = Modality(input=["text"], output=["text"])
VISION = Modality(input=["text", "image"], output=["text"])


@pytest.mark.parametrize(
    "value,negated,modality,agrees",
    [
        (["multimodal"], False, VISION, True),
        (["multimodal"], True, VISION, False),
        (["multimodal"], True, TEXT_ONLY, True),
        (["text-only"], False, TEXT_ONLY, True),
        (["text-only"], False, VISION, False),
        (["input:image"], False, VISION, True),
        (["output:image"], False, VISION, False),
    ],
)
def test_modalities(value, negated, modality, agrees):
    assert (
        cmp.compare_modality(claim(Attribute.modality, value, negated=negated), modality).agrees
        is agrees
    )


@pytest.mark.parametrize(
    "value,registry,agrees",
    [
        ({"type": "moe"}, Architecture(type="moe", experts=16), True),
        ({"type": "moe", "experts": 16}, Architecture(type="moe", experts=16), True),
        ({"type": "moe", "experts": 8}, Architecture(type="moe", experts=16), False),
        ({"type": "dense"}, Architecture(type="moe", experts=16), False),
        ({"type": "moe", "experts": 8}, Architecture(type="moe"), True),
    ],
)
def test_architectures(value, registry, agrees):
    assert cmp.compare_architecture(claim(Attribute.architecture, value), registry).agrees is agrees


def test_a_spoken_k_or_m_may_be_binary_like_a_written_one():
    from pipeline.check.comparators import binary_readings

    assert 8192 in binary_readings(8000, "stuck at eight k")
    assert 8192 in binary_readings(8000, "8K")
    assert binary_readings(8000, "stuck at 8000") == (8000,)
    assert binary_readings(8000, "eight thousand") == (8000, 8192)
