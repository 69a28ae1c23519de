"""The bundled registry: every file validates, every fact is sourced, versions kept apart."""

from __future__ import annotations

import pytest
import yaml

from pipeline.registry import BUNDLED, Registry, load_registry
from pipeline.registry.model import FactStatus, RegistryFile


@pytest.mark.parametrize("path", sorted(BUNDLED.glob("*.yaml")), ids=lambda p: p.name)
def test_every_bundled_file_validates_on_its_own(path):
    RegistryFile.model_validate(yaml.safe_load(path.read_text(encoding="utf-8")))


def test_bundled_registry_loads_with_its_references(registry: Registry):
    assert len(registry.models) >= 100
    for model in registry.models.values():
        assert model.family in registry.families
        assert model.developer in registry.organisations


def test_every_fact_has_a_primary_source_url(registry: Registry):
    for model in registry.models.values():
        assert model.card.startswith("https://")
        for attribute, fact in model.facts.items():
            assert fact.source.startswith(("https://", "http://")), (model.id, attribute)
            if fact.status is FactStatus.estimate:
                assert fact.note, (model.id, attribute)
            for earlier in fact.history:
                assert earlier.source.startswith("http"), (model.id, attribute)


@pytest.mark.parametrize(
    "name,expected",
    [
        ("Llama 3", "llama-3"),
        ("LLaMA 3", "llama-3"),
        ("Llama 3.1", "llama-3.1"),
        ("Llama 3.2", "llama-3.2"),
        ("Llama 3.3", "llama-3.3"),
        ("Llama 4", "llama-4"),
        ("Llama-3-70B", "llama-3-70b"),
        ("Llama3 70B", "llama-3-70b"),
        ("Llama 3.1 405B", "llama-3.1-405b"),
        ("Llama 4 Scout", "llama-4-scout"),
        ("Llama 4 Maverick", "llama-4-maverick"),
        ("Mixtral 8x7B", "mixtral-8x7b"),
        ("Qwen2.5-72B", "qwen2.5-72b"),
    ],
)
def test_names_resolve_to_distinct_entries(registry: Registry, name: str, expected: str):
    assert registry.resolve(name) == expected


def test_closed_models_carry_no_parameter_counts(registry: Registry):
    for model in registry.models.values():
        licence = model.facts.license
        if licence and licence.value == "proprietary":
            assert model.facts.parameters is None, model.id


def test_llama_4_members_are_the_moe_models(registry: Registry):
    members = {m.id for m in registry.members("llama-4")}
    assert {"llama-4-scout", "llama-4-maverick", "llama-4-behemoth"} <= members


def test_mini_registry_is_a_subset_of_the_bundled_one(mini_registry: Registry, registry: Registry):
    for model in mini_registry.models.values():
        assert model == registry.models[model.id]


def test_loading_twice_gives_the_same_version():
    assert load_registry([BUNDLED]).version == load_registry([BUNDLED]).version
