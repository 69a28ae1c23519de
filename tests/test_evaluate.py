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


def test_a_missing_or_empty_gold_folder_is_an_error_not_a_perfect_score(tmp_path):
    import pytest

    from pipeline.errors import GoldError
    from pipeline.evaluate import load_gold

    with pytest.raises(GoldError, match="not a folder"):
        load_gold(tmp_path / "nowhere")
    with pytest.raises(GoldError, match=r"no gold files"):
        load_gold(tmp_path)


def test_every_malformed_gold_file_is_named_before_anything_is_scored(tmp_path):
    import pytest

    from pipeline.errors import GoldError
    from pipeline.evaluate import load_gold

    (tmp_path / "a-good.yaml").write_text(
        "article: a.md\nclaims:\n  - {model: x, attribute: parameters, value: 7B}\n"
    )
    (tmp_path / "b-broken.yaml").write_text("article: b.md\nclaims: [\n")
    (tmp_path / "c-noarticle.yaml").write_text("claims: []\n")
    (tmp_path / "d-attr.yaml").write_text(
        "article: d.md\nclaims:\n  - {attribute: parameters}\n  - {attribute: size}\n"
    )
    with pytest.raises(GoldError) as caught:
        load_gold(tmp_path)
    message = str(caught.value)
    assert "E050" in message and "3 problem(s)" in message
    assert "b-broken.yaml: cannot read" in message
    assert "c-noarticle.yaml: no 'article'" in message
    assert "d-attr.yaml: claim 2: attribute 'size'" in message
    assert "a-good.yaml" not in message


def _licence_score(kit, make_article, text: str, gold: dict) -> int:
    from pipeline.evaluate import Report, score_article
    from pipeline.runner import process

    checked = process([make_article(text)], kit)[0].checked
    report = Report()
    score_article("a.md", [{"attribute": "license", **gold}], checked, report)
    return report.claims.tp


def test_a_denied_licence_description_matches_the_one_it_means(kit, make_article):
    text = "Codestral is released under a licence that bars commercial use."
    codestral = {"model": "codestral", "verdict": "contradicted"}
    assert _licence_score(kit, make_article, text, {**codestral, "value": "non-commercial"}) == 1
    denied = {**codestral, "value": "commercial-use", "negated": True}
    assert _licence_score(kit, make_article, text, denied) == 1
    # a licence claim must also agree on negation: "allows" is not "bars"
    assert _licence_score(kit, make_article, text, {**codestral, "value": "commercial-use"}) == 0
