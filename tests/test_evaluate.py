"""How ``claimwatch eval`` matches a predicted claim to a gold claim."""

from __future__ import annotations

from pipeline.evaluate import same_model
from pipeline.registry import Registry


def test_a_family_of_one_model_is_that_model(registry: Registry):
    equal = same_model(registry)
    assert equal("mistral-nemo", "mistral-nemo-12b")
    assert equal("mistral-nemo-12b", "mistral-nemo")
    assert equal("llama-3", "llama-3")


def test_a_family_of_several_models_is_none_of_them(registry: Registry):
    equal = same_model(registry)
    assert not equal("llama-3", "llama-3-70b")
    assert not equal("llama-3-8b", "llama-3-70b")
    assert not equal("mistral-nemo", None)
