"""Values the writer does not assert: retracted, set up as myths, or supposed (docs/gold.md)."""

from __future__ import annotations

import datetime as dt

import pytest

from pipeline.runner import Toolkit
from tests.conftest import ArticleFactory
from tests.extract.test_attribution import claims
from tests.extract.test_numbers_dates import release_dates


def facts(kit: Toolkit, make_article: ArticleFactory, text: str) -> set[tuple[object, ...]]:
    return {(m, a, v) for m, a, v in claims(kit, make_article, text) if a != "developer"}


@pytest.mark.parametrize(
    "text",
    [
        "Last week we wrote that Phi-4 has a 32K context window.",
        "We also wrote that Llama 4 Scout was pretrained on roughly 40 trillion tokens; a reader "
        "set us straight.",
        "A correction to what I told you: I had said Mixtral 8x22B has a 32K window.",
        "An earlier version of this story said Phi-4 has a 32K context window.",
        "It was incorrectly reported that Phi-4 has a 32K context window.",
        "**Myth: Phi-4 has a 32K context window.**",
        "Imagine if Anthropic announced that Claude 3.7 Sonnet reads fifty million tokens.",
        "If Llama 4 Behemoth ships as an open-weight model, it would be the first of its size.",
        "If true, that would make Llama 4 Behemoth an open-weight model.",
    ],
)
def test_a_retracted_myth_or_supposed_value_is_no_claim(kit, make_article, text):
    assert facts(kit, make_article, text) == set()


def test_the_correction_after_a_retraction_is_a_claim(kit, make_article):
    got = facts(
        kit,
        make_article,
        "Last week we wrote that Phi-4 has a 32K window; in fact Phi-4 has a 16K window.",
    )
    assert got == {("phi-4", "context_length", 16_000)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("As we reported, Phi-4 has a 16K context window.", ("phi-4", "context_length", 16_000)),
        (
            "When we wrote our first memo, the landscape was Phi-4 with its 16K window.",
            ("phi-4", "context_length", 16_000),
        ),
        (
            "If you need a long window, Llama 3.1 8B reads 128K tokens.",
            ("llama-3.1-8b", "context_length", 128_000),
        ),
        (
            "Even if you dislike it, Llama 3.1 8B reads 128K tokens.",
            ("llama-3.1-8b", "context_length", 128_000),
        ),
        (
            "The small ones are text-only; if you need more you have to go up to Llama 3.1 8B "
            "with 128K tokens of context.",
            ("llama-3.1-8b", "context_length", 128_000),
        ),
    ],
)
def test_reported_facts_and_main_clauses_after_a_condition_are_claims(
    kit, make_article, text, expected
):
    assert expected in facts(kit, make_article, text)


@pytest.mark.parametrize(
    "entry",
    [
        "**Dense model.** Every parameter takes part in processing every token.",
        "**Mixture of experts (MoE).** The network is split into many experts.",
        "**Open weights.** The trained weights can be downloaded, whatever the licence says.",
        "**Non-commercial licence.** Weights you may study but not build a product on.",
    ],
)
def test_a_glossary_entry_defines_a_term_and_says_nothing_of_the_model_before_it(
    kit, make_article, entry
):
    text = f"Phi-4 has 14B parameters.\n\n{entry}\n"
    assert facts(kit, make_article, text) == {("phi-4", "parameters", 14_000_000_000)}


def test_a_bold_lead_in_of_a_model_section_still_gives_its_facts(kit, make_article):
    text = "Phi-4 has 14B parameters.\n\n**Licence:** Phi-4 is released under MIT.\n"
    assert ("phi-4", "license", "mit") in facts(kit, make_article, text)


def test_a_question_answered_in_the_same_block_asserts_nothing(kit, make_article):
    text = "**Can Gemma 3 1B read images?**\nNo.\n\nDoes Llama 3 read 8K? Yes, Llama 3 reads 8K."
    assert facts(kit, make_article, text) == {("llama-3", "context_length", 8_000)}


def test_a_weekday_followed_by_its_date_is_one_date(kit, make_article):
    text = "Llama 4, which Meta put out on Saturday, April 5, is big."
    assert release_dates(kit, make_article, text, dt.date(2025, 6, 14)) == {
        ("llama-4", "2025-04-05")
    }


@pytest.mark.parametrize(
    "text",
    [
        "Llama 4 Behemoth is not on our roadmap until its weights are public.",
        "We will add Llama 4 Behemoth as soon as weights are public.",
    ],
)
def test_a_condition_still_to_be_met_is_no_claim(kit, make_article, text):
    assert not any(a == "license" for _, a, _ in claims(kit, make_article, text))


def test_until_a_date_still_dates(kit, make_article):
    text = "Grok-1's weights are public, and xAI kept Grok-1 closed until March 2024."
    assert ("grok-1", "license", "open-weights") in claims(kit, make_article, text)


def test_a_claim_quoted_to_be_rated_is_not_the_writers(kit, make_article):
    text = (
        "# Fact check: five viral claims about Llama 4\n\n"
        '> "Meta just dropped a 10 TRILLION parameter model."\n\n'
        "**Rating: False**\n\n"
        "Llama 4 Behemoth, the largest, has about two trillion parameters.\n\n"
        "Claim: Llama 4 Scout was trained on 4 trillion tokens.\n"
        "Verdict: misleading. Llama 4 Scout was trained on about 40 trillion tokens.\n\n"
        '> "Llama 4 Maverick has 400B parameters," a reader wrote to us.\n\n'
        "That one is right.\n"
    )
    got = claims(kit, make_article, text)
    assert not any(v in (10 * 10**12, 4 * 10**12) for _, _, v in got)
    assert ("llama-4-behemoth", "parameters", 2 * 10**12) in got
    assert ("llama-4-scout", "training_tokens", 40 * 10**12) in got
    assert ("llama-4-maverick", "parameters", 400 * 10**9) in got  # a quote nobody rates
