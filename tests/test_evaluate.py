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


def test_flags_on_inferred_models_are_counted_apart(kit, make_article):
    from pipeline.evaluate import Report, score_article
    from pipeline.runner import process

    article = make_article("Llama 3 70B is out. It reads 32K tokens and has 70B parameters.")
    checked = process([article], kit)[0].checked
    gold = [
        {"model": "llama-3-70b", "attribute": "parameters", "value": "70B", "verdict": "supported"}
    ]
    report = Report()
    score_article("a.md", gold, checked, report)
    assert report.claims.tp == 1
    assert report.flags.fp == 1  # the 32K context contradicts the registry (8K)
    assert report.flags_inferred.fp == 1  # and its sentence does not name the model


def test_a_gold_date_written_relative_to_publication_is_relative():
    from pipeline.evaluate import gold_claim

    item = {"model": "llama-4-scout", "attribute": "release_date", "value": "2025-04-03"}
    relative = gold_claim({**item, "text": "released ten weeks ago"}, "a", 0)
    absolute = gold_claim({**item, "text": "released on April 3, 2025"}, "a", 1)
    assert relative.qualifiers.relative_date
    assert not absolute.qualifiers.relative_date
