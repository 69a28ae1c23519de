"""Which model a value goes to: coordinated names, groups referred back to, short names."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from pipeline.runner import Toolkit
from tests.conftest import ArticleFactory


def claims(kit: Toolkit, make_article: ArticleFactory, text: str) -> set[tuple[Any, ...]]:
    found = kit.extractor.extract(make_article(text))
    return {(c.model_id, c.attribute.value, _plain(c.value)) for c in found}


def licences(kit: Toolkit, make_article: ArticleFactory, text: str) -> set[tuple[Any, ...]]:
    """(model id, licence value, negated) of every licence claim extracted from ``text``."""
    found = kit.extractor.extract(make_article(text))
    return {
        (c.model_id, c.value, c.qualifiers.negated) for c in found if c.attribute.value == "license"
    }


def _plain(value: Any) -> Any:
    if isinstance(value, list):
        return tuple(value)
    if isinstance(value, dict):
        return tuple(sorted(value.items()))
    return value


def test_one_value_after_coordinated_models_is_about_each(kit, make_article):
    got = claims(kit, make_article, "Gemini 1.5 Pro and Gemini 1.5 Flash are natively multimodal.")
    assert ("gemini-1.5-pro", "modality", ("multimodal",)) in got
    assert ("gemini-1.5-flash", "modality", ("multimodal",)) in got


def test_coordinated_models_share_a_release_date(kit, make_article):
    got = claims(
        kit, make_article, "Anthropic shipped Claude Opus 4 and Claude Sonnet 4 in May 2025."
    )
    assert ("claude-opus-4", "release_date", "2025-05") in got
    assert ("claude-sonnet-4", "release_date", "2025-05") in got


def test_respectively_is_not_shared(kit, make_article):
    got = claims(
        kit,
        make_article,
        "Llama 3.1 405B and Mixtral 8x7B have 128K and 32K windows respectively.",
    )
    assert ("llama-3.1-405b", "context_length", 128_000) in got
    assert ("mixtral-8x7b", "context_length", 32_000) in got
    assert ("llama-3.1-405b", "context_length", 32_000) not in got


def test_a_separate_vision_model_is_not_a_modality_claim(kit, make_article):
    got = claims(
        kit,
        make_article,
        "Phi-4 is text-only, so you would pair it with a separate vision model for scans.",
    )
    assert got == {("phi-4", "modality", ("text-only",))}


def test_a_list_of_inputs_keeps_images(kit, make_article):
    got = claims(kit, make_article, "GPT-4o takes text, images and audio as input.")
    assert ("gpt-4o", "modality", ("input:audio", "input:image")) in got


def test_short_member_names_resolve_once_the_family_is_named(kit, make_article):
    text = (
        "Anthropic introduced Claude 3 this week, in three tiers.\n\n"
        "Opus and Sonnet went live in the API on March 4, 2024."
    )
    got = claims(kit, make_article, text)
    assert ("claude-3-opus", "release_date", "2024-03-04") in got
    assert ("claude-3-sonnet", "release_date", "2024-03-04") in got


def test_short_member_names_need_the_family(kit, make_article):
    got = claims(kit, make_article, "Sonnet shipped on March 4, 2024, with a 200K window.")
    assert not any(model_id and model_id.startswith("claude") for model_id, *_ in got)


def test_short_names_pick_the_latest_family(kit, make_article):
    text = (
        "Claude 3 came first. Later, Claude 3.5 Sonnet arrived.\n\n"
        "Sonnet reads 200K tokens of context."
    )
    got = claims(kit, make_article, text)
    assert ("claude-3.5-sonnet", "context_length", 200_000) in got
    assert ("claude-3-sonnet", "context_length", 200_000) not in got


def test_a_counted_group_reaches_the_group_of_that_size(kit, make_article):
    text = (
        "Claude 3 Opus, Claude 3 Sonnet and Claude 3 Haiku make up the family. "
        "Claude 3 Opus and Claude 3 Sonnet are on the API now. "
        "All three models accept images as input. "
        "Each offers a 200K-token context window."
    )
    got = claims(kit, make_article, text)
    for model in ("claude-3-opus", "claude-3-sonnet", "claude-3-haiku"):
        assert (model, "modality", ("input:image",)) in got
        assert (model, "context_length", 200_000) in got


def test_the_same_as_marks_a_comparison(kit, make_article):
    text = (
        "Claude 3 Opus and Claude 3 Haiku launched together. "
        "Each offers 200K tokens of context, the same as Claude 2.1."
    )
    got = claims(kit, make_article, text)
    assert ("claude-3-haiku", "context_length", 200_000) in got
    assert ("claude-2.1", "context_length", 200_000) not in got


def test_claim_sentence_is_a_slice_of_the_article(kit, make_article):
    text = "Qwen2.5-72B \n 8 billion parameters"
    article = make_article(text)
    for claim in kit.extractor.extract(article):
        assert claim.sentence in text


def test_developer_from_a_bare_apostrophe_possessive(kit, make_article):
    got = claims(kit, make_article, "Databricks' DBRX has 132B parameters.")
    assert ("dbrx", "developer", "databricks") in got


def test_a_possessive_names_the_maker_of_a_compared_model(kit, make_article):
    got = claims(kit, make_article, "Claude 3 Opus beats OpenAI's GPT-4 on most benchmarks.")
    assert ("gpt-4", "developer", "openai") in got


def test_maker_released_it_refers_to_the_model_discussed(kit, make_article):
    text = "Grok-1 has 314 billion parameters. xAI released it under Apache 2.0."
    got = claims(kit, make_article, text)
    assert ("grok-1", "developer", "xai") in got


def test_maker_in_a_relative_clause_after_the_model(kit, make_article):
    text = "Phi-2, the small model Microsoft Research released in December 2023, did well."
    assert ("phi-2", "developer", "microsoft") in claims(kit, make_article, text)
    text = "DeepSeek, whose DeepSeek-R1 model made headlines, is based in Hangzhou."
    assert ("deepseek-r1", "developer", "deepseek") in claims(kit, make_article, text)


def test_a_maker_whose_relative_clause_names_no_model_releases_after_it(kit, make_article):
    text = (
        "Meta Platforms, whose Llama models long set the pace among open-weight systems, "
        "released Llama 4 Scout and Llama 4 Maverick in April."
    )
    got = claims(kit, make_article, text)
    assert ("llama-4-scout", "developer", "meta") in got
    assert ("llama-4-maverick", "developer", "meta") in got


@pytest.mark.parametrize(
    "text",
    [
        "Meta is expected to release Llama 4 next month.",
        "According to sources, Meta plans to release Llama 4 early next year.",
        "We expect to offer Llama 4 Behemoth once Meta releases it.",
    ],
)
def test_a_release_still_to_come_names_no_maker(kit, make_article, text):
    got = claims(kit, make_article, text)
    assert not any(attribute == "developer" for _, attribute, _ in got)


def test_putting_and_not_publishing_name_no_maker(kit, make_article):
    for text in [
        "Alibaba puts the pretraining set of Qwen2 at 7 trillion tokens.",
        "Mistral has not published a figure for Mistral NeMo.",
    ]:
        got = claims(kit, make_article, text)
        assert not any(attribute == "developer" for _, attribute, _ in got), text
    text = "Moonshot AI put Kimi K2 out this summer."
    assert ("kimi-k2", "developer", "moonshot") in claims(kit, make_article, text)


def test_a_maker_and_a_date_before_a_list_of_models_are_each_ones(kit, make_article):
    article = make_article(
        "OpenAI yesterday released two language models, gpt-oss-120b and gpt-oss-20b.",
        published=dt.date(2025, 8, 6),
    )
    got = claims(kit, lambda _: article, "")
    for model in ("gpt-oss-120b", "gpt-oss-20b"):
        assert (model, "developer", "openai") in got
        assert (model, "release_date", "2025-08-05") in got


def test_a_maker_after_may_the_month_still_made_it(kit, make_article):
    got = claims(kit, make_article, "In May Meta released Llama 3 8B to everyone.")
    assert ("llama-3-8b", "developer", "meta") in got


def test_a_backer_is_not_the_maker(kit, make_article):
    text = "Mistral AI, which is backed by Microsoft, released Mistral Small 3 in January."
    got = claims(kit, make_article, text)
    assert ("mistral-small-3", "developer", "mistral") in got
    assert not any(value == "microsoft" for _, _, value in got)


@pytest.mark.parametrize(
    "text,model,maker",
    [
        ("Meta's previous flagship, Llama 3.1 405B, came out in July.", "llama-3.1-405b", "meta"),
        ("OpenAI's flagship multimodal model, GPT-4o, is closed.", "gpt-4o", "openai"),
        ("We tried Qwen3 from the Chinese online shopping giant Alibaba.", "qwen3", "alibaba"),
        ("Meta also previewed a third model, Llama 4 Behemoth.", "llama-4-behemoth", "meta"),
        ("xAI posted Grok-2's weights on Friday.", "grok-2", "xai"),
        ("Mistral, a French startup, makes Mistral 7B.", "mistral-7b", "mistral"),
        ("Google also makes Gemma 3, a free family.", "gemma-3", "google"),
        ("Alibaba's Qwen team followed in April with Qwen3.", "qwen3", "alibaba"),
        ("DeepSeek followed up with a reasoning model, R1.", "deepseek-r1", "deepseek"),
    ],
)
def test_makers_described_previewing_posting_and_making(kit, make_article, text, model, maker):
    assert (model, "developer", maker) in claims(kit, make_article, text)


@pytest.mark.parametrize(
    "text",
    [
        "According to Meta's model card, Llama 3 was pretrained on 15 trillion tokens.",
        "Unlike DeepSeek's models, o3-mini remains closed.",
        "Gemma 3 1B reads 128K tokens, sixteen times what Gemma 2 offered, which Google says "
        "makes the small model practical.",
    ],
)
def test_a_source_a_comparison_or_a_causing_make_names_no_maker(kit, make_article, text):
    got = claims(kit, make_article, text)
    assert not any(attribute == "developer" for _, attribute, _ in got)


def test_a_name_long_after_the_verb_is_made_only_when_set_off_after_its_noun(kit, make_article):
    text = "Unlike Gemma 2, which Google publishes as an open-source model family, Gemini 1.5 is."
    got = {(m, v) for m, a, v in claims(kit, make_article, text) if a == "developer"}
    assert got == {("gemma-2", "google")}


def test_one_developer_claim_per_model_and_maker(kit, make_article):
    article = make_article("Alibaba's Qwen team shipped Qwen3 on Tuesday.")
    found = [c for c in kit.extractor.extract(article) if c.attribute.value == "developer"]
    assert [(c.model_id, c.value) for c in found] == [("qwen3", "alibaba")]


def test_a_moe_shape_inside_a_name_is_no_expert_claim(kit, make_article):
    got = claims(kit, make_article, "Mixtral 8x7B is a sparse mixture-of-experts model.")
    assert ("mixtral-8x7b", "architecture", (("type", "moe"),)) in got


def test_active_parameters_phrased_around_the_count(kit, make_article):
    text = (
        "DeepSeek-V3 has 671B parameters, and 37 billion of them are activated for each token. "
        "Qwen3-235B-A22B activates 22 billion per token."
    )
    got = claims(kit, make_article, text)
    assert ("deepseek-v3", "active_parameters", 37_000_000_000) in got
    assert ("qwen3-235b-a22b", "active_parameters", 22_000_000_000) in got


def test_sizes_listed_after_a_sized_name_are_members(kit, make_article):
    got = claims(kit, make_article, "Qwen3 8B, 14B and 32B handle 128K tokens of context.")
    for model in ("qwen3-8b", "qwen3-14b", "qwen3-32b"):
        assert (model, "context_length", 128_000) in got
    assert not any(attr == "context_length" and value > 10**9 for _, attr, value in got)


def test_coordinated_size_references(kit, make_article):
    text = "Llama 3.2 arrived in September. The 1B and 3B models handle 128K tokens of context."
    got = claims(kit, make_article, text)
    assert ("llama-3.2-1b", "context_length", 128_000) in got
    assert ("llama-3.2-3b", "context_length", 128_000) in got


def test_a_bare_size_reference_is_a_parameters_claim(kit, make_article):
    text = "OLMo 2 comes in two sizes. The 13B was trained on 5 trillion tokens."
    got = claims(kit, make_article, text)
    assert ("olmo-2-13b", "parameters", 13_000_000_000) in got
    assert ("olmo-2-13b", "training_tokens", 5_000_000_000_000) in got


def test_sizes_listed_after_the_noun_are_parameters(kit, make_article):
    got = claims(
        kit, make_article, "Llama 2 has three sizes, 7B, 13B and 70B, each with a chat version."
    )
    for size in (7, 13, 70):
        assert ("llama-2", "parameters", size * 10**9) in got


def test_a_size_reference_is_an_aside_in_a_piece_about_the_family(kit, make_article):
    text = (
        "Llama 2 came out last week. The 7B model runs fine on my laptop. "
        "It reads 4K tokens of context."
    )
    got = claims(kit, make_article, text)
    assert ("llama-2-7b", "parameters", 7 * 10**9) in got
    assert ("llama-2", "context_length", 4_000) in got


def test_several_sizes_of_an_unnamed_member_are_its_family_sizes(kit, make_article):
    text = (
        "Qwen3-30B-A3B is the one I use. Qwen3-30B-A3B is fast.\n\n"
        "## Sizes\n\n"
        "There are six dense ones (0.6B, 1.7B, 4B, 8B, 14B and 32B)."
    )
    got = claims(kit, make_article, text)
    assert ("qwen3", "parameters", 600_000_000) in got
    assert not any(m == "qwen3-30b-a3b" and a == "parameters" for m, a, _ in got)


def test_a_bare_month_resolves_to_the_latest_such_month_before_publication(kit, make_article):
    article = make_article(
        "Claude 2.1 arrived in November with a 200K window.", published=dt.date(2024, 3, 5)
    )
    found = [c for c in kit.extractor.extract(article) if c.attribute.value == "release_date"]
    assert [(c.model_id, c.value, c.qualifiers.relative_date) for c in found] == [
        ("claude-2.1", "2023-11", True)
    ]


def test_a_month_with_its_year_keeps_the_year(kit, make_article):
    got = claims(kit, make_article, "Claude 3.5 Sonnet was released in June 2024.")
    assert ("claude-3.5-sonnet", "release_date", "2024-06") in got


def test_a_bare_month_far_from_any_release_word_is_no_date_claim(kit, make_article):
    text = (
        "The launch puts Alibaba in direct competition with DeepSeek, whose DeepSeek-R1 model "
        "rattled Western markets in January."
    )
    got = claims(kit, make_article, text)
    assert not any(attr == "release_date" for _, attr, _ in got)


def test_a_bare_month_after_long_model_names_is_near_its_release_word(kit, make_article):
    article = make_article(
        "Meta released Llama 4 Scout and Llama 4 Maverick in April.", published=dt.date(2025, 8, 6)
    )
    got = claims(kit, lambda _: article, "")
    assert ("llama-4-scout", "release_date", "2025-04") in got
    assert ("llama-4-maverick", "release_date", "2025-04") in got


def test_may_the_verb_is_no_date(kit, make_article):
    got = claims(kit, make_article, "Llama 3 may get a larger context window, Meta said.")
    assert not any(attr == "release_date" for _, attr, _ in got)


def test_a_table_cell_may_name_a_licence_without_the_word_licence(kit, make_article):
    text = (
        "| Model | Parameters | Licence |\n"
        "|---|---|---|\n"
        "| Gemma 2 9B | 9B | Gemma |\n"
        "| Llama 3.1 8B | 8B | Llama 3.1 Community |\n"
        "| Mistral 7B | 7B | Apache 2.0 |\n"
    )
    got = claims(kit, make_article, text)
    assert ("gemma-2-9b", "license", "gemma") in got
    assert ("llama-3.1-8b", "license", "llama-3.1-community") in got
    assert ("mistral-7b", "license", "apache-2.0") in got


def test_a_flattened_row_names_its_licence(kit, make_article):
    text = (
        "Model Parameters Context Released Licence\n"
        "Gemma 2 9B 9B 8K Jun 2024 Gemma\n"
        "Gemma 2 27B 27B 8K Jun 2024 Gemma\n"
    )
    got = claims(kit, make_article, text)
    assert ("gemma-2-9b", "license", "gemma") in got
    assert ("gemma-2-27b", "license", "gemma") in got


def test_the_n_larger_sizes_are_the_largest_members(kit, make_article):
    text = (
        "Gemma 3 comes in four sizes. The three larger sizes take images as input, "
        "and each of them gets a 128K-token window."
    )
    got = claims(kit, make_article, text)
    for model in ("gemma-3-4b", "gemma-3-12b", "gemma-3-27b"):
        assert (model, "modality", ("input:image",)) in got
        assert (model, "context_length", 128_000) in got
    assert not any(m == "gemma-3-1b" for m, *_ in got)


def test_the_larger_and_the_smaller_of_two(kit, make_article):
    text = "OpenAI released gpt-oss. The smaller one was trained on 1 trillion tokens."
    got = claims(kit, make_article, text)
    assert ("gpt-oss-20b", "training_tokens", 10**12) in got


def test_the_big_one_and_the_small_one_of_two(kit, make_article):
    text = (
        "OpenAI released gpt-oss-120b and gpt-oss-20b. The big one gets a 128K context; "
        "the small one is only 32K. The big gpt-oss model was trained on about 20T tokens."
    )
    got = claims(kit, make_article, text)
    assert ("gpt-oss-120b", "context_length", 128_000) in got
    assert ("gpt-oss-20b", "context_length", 32_000) in got
    assert ("gpt-oss-120b", "training_tokens", 20 * 10**12) in got
    found = kit.extractor.extract(make_article(text))
    assert "The big gpt-oss model" in {c.model for c in found}  # as written
    text = "Gemma 3 comes in four sizes. The small model reads 32K tokens."
    assert ("gemma-3", "context_length", 32_000) in claims(kit, make_article, text)


def test_no_rank_reference_when_it_is_unclear_which(kit, make_article):
    text = "Gemma 3 comes in four sizes. The larger model reads 128K tokens."
    got = claims(kit, make_article, text)
    assert ("gemma-3", "context_length", 128_000) in got
    text = "Qwen3 is out. Its largest dense model reads 128K tokens."
    got = claims(kit, make_article, text)
    assert not any(m == "qwen3-235b-a22b" for m, *_ in got)


def test_a_familys_flagship_is_its_largest_member(kit, make_article):
    text = (
        "Meta shipped Llama 4 in April. Alibaba's Qwen3 followed; its flagship has 235 "
        "billion parameters in total and 22 billion active."
    )
    got = claims(kit, make_article, text)
    assert ("qwen3-235b-a22b", "parameters", 235 * 10**9) in got
    assert ("qwen3-235b-a22b", "active_parameters", 22 * 10**9) in got
    assert not any(m in ("qwen3", "llama-4") and a == "parameters" for m, a, _ in got)
    text = "Qwen3 arrived with a flagship of 235 billion parameters."
    assert ("qwen3-235b-a22b", "parameters", 235 * 10**9) in claims(kit, make_article, text)
    text = "Google also makes Gemma 3, a family whose biggest model has 27 billion parameters."
    assert ("gemma-3-27b", "parameters", 27 * 10**9) in claims(kit, make_article, text)
    text = "Alibaba released Qwen3 this week. The flagship supports a 128K-token context."
    assert ("qwen3-235b-a22b", "context_length", 128_000) in claims(kit, make_article, text)


def test_a_flagship_set_beside_its_name_or_named_is_no_reference(kit, make_article):
    text = "Alibaba released Qwen3. The flagship, Qwen3-30B-A3B, has 30 billion parameters."
    got = claims(kit, make_article, text)
    assert got & {(m, a, v) for m, a, v in got if a == "parameters"} == {
        ("qwen3-30b-a3b", "parameters", 30 * 10**9)
    }
    text = "Qwen3-32B, the flagship of the Qwen3 family, reads 128K tokens."
    assert {m for m, a, _ in claims(kit, make_article, text) if a == "context_length"} == {
        "qwen3-32b"
    }
    text = "Qwen3 is out. OpenAI's flagship GPT-5 reads 400K tokens."
    assert ("gpt-5", "context_length", 400_000) in claims(kit, make_article, text)
    text = "Qwen3 is out. A larger model would need 64 GB."
    assert not any(m == "qwen3-235b-a22b" for m, *_ in claims(kit, make_article, text))


def test_the_whole_family_is_the_family_of_the_model_named(kit, make_article):
    text = (
        "Gemma 3 27B was trained on 14 trillion tokens and the 12B model on 12 trillion, "
        "and the whole family has a knowledge cutoff of August 2024."
    )
    got = claims(kit, make_article, text)
    assert ("gemma-3", "knowledge_cutoff", "2024-08") in got
    assert not any(a == "knowledge_cutoff" and m != "gemma-3" for m, a, _ in got)
    text = "Qwen3 is out. Every model in the family is released under Apache 2.0."
    assert licences(kit, make_article, text) == {("qwen3", "apache-2.0", False)}


def test_both_after_a_heading_means_the_pair_the_piece_opens_with(kit, make_article):
    text = (
        "# Llama 4 Scout and Llama 4 Maverick\n\n"
        "Meta released Llama 4 Scout and Llama 4 Maverick together.\n\n"
        "## Modalities\n\n"
        "Both models are natively multimodal."
    )
    got = claims(kit, make_article, text)
    assert ("llama-4-scout", "modality", ("multimodal",)) in got
    assert ("llama-4-maverick", "modality", ("multimodal",)) in got


def test_a_model_named_after_a_preposition_is_not_the_subject(kit, make_article):
    text = (
        "Llama 3.2 1B and Llama 3.2 3B were distilled from larger Llama 3.1 models, and were "
        "trained on up to 9 trillion tokens."
    )
    got = claims(kit, make_article, text)
    assert ("llama-3.2-1b", "training_tokens", 9 * 10**12) in got
    assert ("llama-3.2-3b", "training_tokens", 9 * 10**12) in got
    assert not any(m == "llama-3.1" for m, *_ in got)


def test_naming_the_family_does_not_end_the_pair(kit, make_article):
    text = (
        "Llama 3.2 1B and Llama 3.2 3B are small. The Llama 3.2 models read 128K tokens. "
        "Both of the new models are text-only."
    )
    got = claims(kit, make_article, text)
    assert ("llama-3.2-1b", "modality", ("text-only",)) in got
    assert ("llama-3.2-3b", "modality", ("text-only",)) in got


def test_an_indefinite_model_beside_the_subject_is_another_model(kit, make_article):
    text = "Microsoft released Phi-3.5-mini together with a MoE model and a vision model."
    got = claims(kit, make_article, text)
    assert not any(attr in ("architecture", "modality") for _, attr, _ in got)


def test_a_determiner_does_not_start_an_unknown_name(kit, make_article):
    found = kit.extractor.extract(make_article("Both Large 2 and NeMo are text-only models."))
    assert all(not c.model.startswith("Both") for c in found)


def test_a_question_asserts_nothing(kit, make_article):
    text = (
        "Grok-1 has 314 billion parameters. May it get a successor with open weights? xAI said no."
    )
    got = claims(kit, make_article, text)
    assert ("grok-1", "parameters", 314 * 10**9) in got
    assert not any(attr == "license" for _, attr, _ in got)


def test_a_sentence_may_start_with_a_lower_case_brand(kit, make_article):
    text = (
        "Falcon 180B tops out at 2,048 tokens. xAI has said that Grok-1.5 can process up to "
        "128K tokens."
    )
    got = claims(kit, make_article, text)
    assert ("falcon-180b", "context_length", 2_048) in got
    assert ("grok-1.5", "context_length", 128_000) in got


def test_putting_out_the_weights_dates_the_release(kit, make_article):
    article = make_article(
        "xAI put out the weights of Grok-1 eleven days ago.", published=dt.date(2024, 3, 28)
    )
    found = [c for c in kit.extractor.extract(article) if c.attribute.value == "release_date"]
    assert [(c.model_id, c.value) for c in found] == [("grok-1", "2024-03-17")]


def test_a_member_introduced_by_the_family(kit, make_article):
    text = (
        "Meta's Llama 3.1 brought a 405B model that is a plain dense network trained on 15T tokens."
    )
    got = claims(kit, make_article, text)
    assert ("llama-3.1", "parameters", 405 * 10**9) in got
    assert ("llama-3.1-405b", "training_tokens", 15 * 10**12) in got
    assert ("llama-3.1-405b", "architecture", (("type", "dense"),)) in got


def test_a_described_size_is_no_member(kit, make_article):
    got = claims(kit, make_article, "Llama 3.1 is not a 7B model you can run on a phone.")
    assert not any(m == "llama-3.1-8b" for m, *_ in got)


def test_the_models_means_the_family_of_the_member_discussed(kit, make_article):
    text = (
        "Meta released Llama 3 today. Llama 3 70B leads the open models. "
        "For now the models accept and produce text only."
    )
    got = claims(kit, make_article, text)
    assert ("llama-3", "modality", ("text-only",)) in got
    assert ("llama-3-70b", "modality", ("text-only",)) not in got


def test_the_company_followed_by_its_name_is_that_organisation(kit, make_article):
    text = (
        "Meta released Llama 3.1 in July. The team is also testing R1 from the Chinese "
        "company DeepSeek."
    )
    got = claims(kit, make_article, text)
    assert ("deepseek-r1", "developer", "deepseek") in got
    assert ("deepseek-r1", "developer", "meta") not in got


def test_the_company_is_the_organisation_last_named(kit, make_article):
    text = (
        "Mistral AI announced Mistral Large 2 today. Mistral 7B, the company's first model, "
        "is older."
    )
    got = claims(kit, make_article, text)
    assert ("mistral-7b", "developer", "mistral") in got


def test_a_maker_may_unveil_a_model_later_in_the_sentence(kit, make_article):
    text = "OpenAI used its first developer conference yesterday to unveil GPT-4 Turbo."
    assert ("gpt-4-turbo", "developer", "openai") in claims(kit, make_article, text)
    text = "Alibaba escalated the open-model race on Tuesday with the release of Qwen3."
    assert ("qwen3", "developer", "alibaba") in claims(kit, make_article, text)


def test_an_expert_count_is_a_mixture_of_experts_claim(kit, make_article):
    text = "Llama 4 Scout has 17 billion active parameters spread over 16 experts."
    got = claims(kit, make_article, text)
    assert ("llama-4-scout", "architecture", (("experts", 16), ("type", "moe"))) in got
    text = "Kimi K2's layers hold three hundred eighty-four experts."
    got = claims(kit, make_article, text)
    assert ("kimi-k2", "architecture", (("experts", 384), ("type", "moe"))) in got


def test_a_moe_shape_outside_a_name_counts_experts(kit, make_article):
    got = claims(kit, make_article, "Phi-3.5-MoE is described on its card as 16x3.8B.")
    assert ("phi-3.5-moe", "architecture", (("experts", 16), ("type", "moe"))) in got


def test_a_list_item_goes_on_over_its_indented_lines(kit, make_article):
    text = (
        "## Notes\n\n"
        "- **Knowledge cutoff.** Phi-4's public training data runs to June 2024; Phi-3-mini and\n"
        "  Phi-3.5-MoE stop at October 2023.\n"
    )
    got = claims(kit, make_article, text)
    assert ("phi-4", "knowledge_cutoff", "2024-06") in got
    assert ("phi-3.5-moe", "knowledge_cutoff", "2023-10") in got


def test_a_bold_lead_in_does_not_take_the_subject(kit, make_article):
    text = (
        "**Falcon.** The Technology Innovation Institute launched Falcon 40B in March 2023. "
        "The model has 40 billion parameters."
    )
    got = claims(kit, make_article, text)
    assert ("falcon-40b", "parameters", 40 * 10**9) in got


def test_two_members_contrasted_leave_their_family_as_the_subject(kit, make_article):
    text = (
        "The larger Llama 3 70B has a knowledge cutoff of December 2023, while the smaller "
        "Llama 3 8B only knows events up to March 2023. The weights are published under the "
        "Meta Llama 3 Community License."
    )
    got = claims(kit, make_article, text)
    assert ("llama-3-8b", "knowledge_cutoff", "2023-03") in got
    assert ("llama-3", "license", "llama-3-community") in got


def test_a_model_only_compared_with_does_not_take_the_value(kit, make_article):
    text = (
        "Meta released Llama 3 on Thursday. Both sizes read up to 8,192 tokens at a time, "
        "twice the context of Llama 2."
    )
    got = claims(kit, make_article, text)
    assert ("llama-3", "context_length", 8_192) in got
    assert not any(m == "llama-2" for m, *_ in got)


def test_a_quoted_comparison_does_not_change_the_subject(kit, make_article):
    text = (
        'Meta released Llama 3 on Thursday. "That is a jump from the 2 trillion tokens behind '
        'Llama 2," an analyst said. The new models read up to 8K tokens.'
    )
    got = claims(kit, make_article, text)
    assert ("llama-3", "context_length", 8_000) in got


def test_the_smallest_member_of_a_named_family(kit, make_article):
    text = (
        "Google's smallest Gemma 2 model has 2.6 billion parameters. It was trained on "
        "2 trillion tokens."
    )
    got = claims(kit, make_article, text)
    assert ("gemma-2-2b", "developer", "google") in got
    assert ("gemma-2-2b", "parameters", 2_600_000_000) in got
    assert ("gemma-2-2b", "training_tokens", 2 * 10**12) in got


def test_a_name_beside_an_indefinite_description_is_an_aside(kit, make_article):
    text = (
        "Microsoft's Phi-3-mini has 3.8B parameters. The default version has a 4K window, and "
        "a 128K variant, Phi-3-mini-128k-instruct, is available for long documents. "
        "Its knowledge cutoff is October 2023."
    )
    got = claims(kit, make_article, text)
    assert ("phi-3-mini-4k", "context_length", 4_000) in got
    assert ("phi-3-mini-4k", "knowledge_cutoff", "2023-10") in got
    assert not any(m == "phi-3-mini-128k" for m, *_ in got)


def test_gapped_values_take_the_attribute_of_the_first(kit, make_article):
    text = "At the top, AI21's Jamba handles 256K tokens, Cohere's Command R+ 128K and DBRX 32K."
    got = claims(kit, make_article, text)
    assert ("jamba", "context_length", 256_000) in got
    assert ("command-r-plus", "context_length", 128_000) in got
    assert ("dbrx", "context_length", 32_000) in got


def test_a_gapped_value_may_keep_its_bound(kit, make_article):
    text = "Scout was trained on about 40 trillion tokens and Maverick about 30 trillion."
    found = kit.extractor.extract(make_article(text))
    got = {(c.model_id, c.value, c.qualifiers.bound) for c in found}
    assert ("llama-4-maverick", 30 * 10**12, "about") in got
    text = "Llama 2 was trained on 2 trillion tokens and Llama 3 on more than 15 trillion."
    assert ("llama-3", "training_tokens", 15 * 10**12) in claims(kit, make_article, text)


def test_a_closed_comparison_gives_the_value_back_to_the_subject(kit, make_article):
    text = (
        "xAI's Grok-1, which has more parameters than Falcon 180B, still tops out at 8,192 "
        "tokens, and Falcon 180B itself is stuck at 2,048."
    )
    got = claims(kit, make_article, text)
    assert ("grok-1", "context_length", 8_192) in got
    assert ("falcon-180b", "context_length", 2_048) in got
    assert ("falcon-180b", "context_length", 8_192) not in got


def test_numbers_listed_before_a_scale_word_share_it(kit, make_article):
    text = (
        "Mistral NeMo, Gemma 2 9B, Llama 3.1 8B and Qwen2 7B have twelve, nine, eight and "
        "seven billion parameters respectively."
    )
    got = claims(kit, make_article, text)
    for model, size in (
        ("mistral-nemo", 12),
        ("gemma-2-9b", 9),
        ("llama-3.1-8b", 8),
        ("qwen2-7b", 7),
    ):
        assert (model, "parameters", size * 10**9) in got
    got = claims(kit, make_article, "Llama 3.1 comes in 8, 70 and 405 billion parameters.")
    assert {v for m, a, v in got if a == "parameters"} == {8 * 10**9, 70 * 10**9, 405 * 10**9}


def test_informal_writing(kit, make_article):
    text = (
        "**phi-4**\n"
        "- microsoft's 14b, dense, trained on 9.8T tokens\n"
        "- ctx is only 16k\n"
        "- knowledge cutoff is june 2024\n"
    )
    got = claims(kit, make_article, text)
    assert ("phi-4", "developer", "microsoft") in got
    assert ("phi-4", "parameters", 14 * 10**9) in got
    assert ("phi-4", "context_length", 16_000) in got
    assert ("phi-4", "knowledge_cutoff", "2024-06") in got


def test_the_section_model_stays_the_subject(kit, make_article):
    text = (
        "## 1. Qwen2.5 7B (Alibaba)\n\n"
        "Alibaba shipped the Qwen2.5 series in September 2024, and the mid-sized Qwen2.5 7B is "
        "the sweet spot. It has 7.61 billion parameters."
    )
    got = claims(kit, make_article, text)
    assert ("qwen2.5-7b", "parameters", 7_610_000_000) in got


def test_the_new_model_and_a_value_owned_by_a_later_name(kit, make_article):
    text = (
        "DeepSeek released DeepSeek-V2 on Monday. DeepSeek-V2 is large. The new model was "
        "pretrained on 8.1 trillion tokens, up from the 2 trillion tokens behind DeepSeek LLM 67B."
    )
    got = claims(kit, make_article, text)
    assert ("deepseek-v2", "training_tokens", 8_100_000_000_000) in got
    assert ("deepseek-llm-67b", "training_tokens", 2 * 10**12) in got


def test_short_names_with_digits(kit, make_article):
    text = "Moonshot released Kimi K2 in July. On paper, K2 has a trillion parameters."
    got = claims(kit, make_article, text)
    assert ("kimi-k2", "parameters", 10**12) in got
    text = "DeepSeek-R1 came out in January. Two weeks later, R1 is on every cloud."
    assert not any(m != "deepseek-r1" for m, *_ in claims(kit, make_article, text))


def test_an_unknown_name_glued_to_its_size(kit, make_article):
    text = (
        "Gemma 3 launched today, a week after Nordlicht AI released Halcyon-12B, a "
        "12-billion-parameter model with a 64K context window."
    )
    got = claims(kit, make_article, text)
    assert not any(m and m.startswith("gemma") and a == "context_length" for m, a, _ in got)
    assert (None, "context_length", 64_000) in got


def test_a_longer_name_built_on_a_registered_one_is_one_unknown_model(kit, make_article):
    text = (
        "DeepSeek-R1 arrived in January. The smallest distilled model, "
        "DeepSeek-R1-Distill-Qwen-1.5B, has just 1.5 billion parameters, and "
        "Qwen2.5-Coder-32B has 32 billion."
    )
    found = kit.extractor.extract(make_article(text))
    named = {(c.model, c.model_id, c.value) for c in found if c.attribute.value == "parameters"}
    assert named == {
        ("DeepSeek-R1-Distill-Qwen-1.5B", None, 1_500_000_000),
        ("Qwen2.5-Coder-32B", None, 32_000_000_000),
    }


def test_a_short_name_at_the_end_of_another_name_is_not_the_member(kit, make_article):
    text = (
        "Google's Gemini 2.5 Pro has a 1M-token context window. Amazon Nova Pro, available since "
        "December, processes up to 300,000 tokens. Both Pro and Flash are closed."
    )
    found = kit.extractor.extract(make_article(text))
    windows = {
        (c.model, c.model_id, c.value) for c in found if c.attribute.value == "context_length"
    }
    assert windows == {
        ("Gemini 2.5 Pro", "gemini-2.5-pro", 1_000_000),
        ("Amazon Nova Pro", None, 300_000),
    }
    # an opening capital is no name: "Both Pro and Flash" are Gemini's
    assert {c.model for c in found if c.attribute.value == "license"} >= {"Pro"}


def test_a_model_it_resembles_is_no_subject(kit, make_article):
    text = (
        "DeepSeek released DeepSeek-R1 in January. In that respect it resembles OpenAI's o1, "
        "which the company made available in December. The model's weights come under the "
        "MIT licence. It contains 671 billion parameters."
    )
    got = claims(kit, make_article, text)
    assert ("deepseek-r1", "parameters", 671 * 10**9) in got
    assert ("deepseek-r1", "license", "mit") in got
    assert not any(m == "o1" and a in ("parameters", "license") for m, a, _ in got)


def test_activating_is_not_storing(kit, make_article):
    text = "DeepSeek-V3 stores 671 billion parameters but activates about 37 billion per token."
    got = claims(kit, make_article, text)
    assert ("deepseek-v3", "parameters", 671 * 10**9) in got
    assert ("deepseek-v3", "active_parameters", 37 * 10**9) in got
    assert ("deepseek-v3", "active_parameters", 671 * 10**9) not in got


def test_experts_per_token_phrasings(kit, make_article):
    cases = {
        "Llama 4 Maverick has 128 routed experts, but each token visits only one of them.": (
            "llama-4-maverick",
            {"type": "moe", "experts": 128, "experts_per_token": 1},
        ),
        "Kimi K2 spreads a trillion parameters over 384 experts, eight of which are active.": (
            "kimi-k2",
            {"type": "moe", "experts": 384, "experts_per_token": 8},
        ),
        "Phi-3.5-MoE combines 16 experts, two per token.": (
            "phi-3.5-moe",
            {"type": "moe", "experts": 16, "experts_per_token": 2},
        ),
    }
    for text, (model, value) in cases.items():
        assert (model, "architecture", tuple(sorted(value.items()))) in claims(
            kit, make_article, text
        ), text


def test_a_short_name_after_its_makers_possessive(kit, make_article):
    got = claims(kit, make_article, "Two weeks after its release, DeepSeek's R1 is MIT-licensed.")
    assert ("deepseek-r1", "developer", "deepseek") in got


def test_images_listed_among_other_inputs(kit, make_article):
    text = "Gemini 2.0 Flash takes audio, images and video as well as text."
    got = claims(kit, make_article, text)
    assert ("gemini-2.0-flash", "modality", ("input:audio", "input:image", "input:video")) in got


def test_an_indefinite_subject_speaks_of_a_kind(kit, make_article):
    text = "DeepSeek-V3 is large. A conventional language model is dense: it runs every weight."
    got = claims(kit, make_article, text)
    assert not any(attr == "architecture" for _, attr, _ in got)


def test_a_flagship_of_a_family_is_not_the_family(kit, make_article):
    text = (
        "Alibaba's Qwen3-235B-A22B, the flagship of the Qwen3 family, has 235B parameters in total."
    )
    got = claims(kit, make_article, text)
    assert ("qwen3-235b-a22b", "parameters", 235 * 10**9) in got


def test_timeline_entries_date_their_model(kit, make_article):
    text = (
        "- **Sept 27, 2023 – Mistral 7B.** The debut.\n"
        "- **18 July 2024 – Mistral NeMo.** A drop-in replacement for Mistral 7B, with "
        "12B parameters and a 128,000-token context window.\n"
    )
    got = claims(kit, make_article, text)
    assert ("mistral-7b", "release_date", "2023-09-27") in got
    assert ("mistral-nemo", "release_date", "2024-07-18") in got
    assert ("mistral-nemo", "context_length", 128_000) in got
    assert ("mistral-7b", "context_length", 128_000) not in got


def test_a_wrapped_year_is_not_a_numbered_item(kit, make_article):
    text = (
        "Llama 3.2 3B has a knowledge cutoff of December\n"
        "2023. The context window is 128K tokens.\n"
    )
    got = claims(kit, make_article, text)
    assert ("llama-3.2-3b", "knowledge_cutoff", "2023-12") in got
    assert ("llama-3.2-3b", "context_length", 128_000) in got
    assert not any(attr == "context_length" and v == 2023 for _, attr, v in got)


def test_training_data_that_stops_and_tokens_seen(kit, make_article):
    text = (
        "Phi-3.5-mini is small. Its training data stops at October 2023 and it saw 3.4 trillion "
        "tokens."
    )
    got = claims(kit, make_article, text)
    assert ("phi-3.5-mini", "knowledge_cutoff", "2023-10") in got
    assert ("phi-3.5-mini", "training_tokens", 3_400_000_000_000) in got


def test_bare_size_references_before_a_verb_cue(kit, make_article):
    got = claims(
        kit,
        make_article,
        "Llama 3 arrived in two sizes.\n\nThe 70B saw 15T tokens, the 8B saw 15T as well.",
    )
    assert ("llama-3-70b", "training_tokens", 15_000_000_000_000) in got
    assert ("llama-3-8b", "training_tokens", 15_000_000_000_000) in got


def test_coordinated_bare_size_references_share_a_value(kit, make_article):
    got = claims(
        kit,
        make_article,
        "Llama 3.1 has three sizes.\n\nThe 8B, 70B and 405B read 128K tokens.",
    )
    for member in ("llama-3.1-8b", "llama-3.1-70b", "llama-3.1-405b"):
        assert (member, "context_length", 128_000) in got


def test_a_time_phrase_is_not_a_size_reference(kit, make_article):
    got = claims(kit, make_article, "Llama 3.1 shipped.\n\nThis time 8B and 405B, finally.")
    assert not any(model == "llama-3.1-8b" for model, _, _ in got)


def test_spec_line_fields_and_a_maker_in_brackets(kit, make_article):
    got = claims(
        kit,
        make_article,
        "The field:\n\n- **Mixtral 8x7B** (Mistral AI) - sparse, 46.7B, 32K context, Apache 2.0.\n",
    )
    assert ("mixtral-8x7b", "developer", "mistral") in got
    assert ("mixtral-8x7b", "parameters", 46_700_000_000) in got
    assert ("mixtral-8x7b", "context_length", 32_000) in got


def test_sizes_listed_after_a_size_noun_and_a_time_phrase(kit, make_article):
    got = claims(kit, make_article, "Llama 3.2 shipped two text sizes this time: 1B and 3B.")
    assert ("llama-3.2", "parameters", 1_000_000_000) in got
    assert ("llama-3.2", "parameters", 3_000_000_000) in got


def test_an_aside_after_the_last_of_a_list_is_about_that_model(kit, make_article):
    got = claims(
        kit,
        make_article,
        "We tried Phi-4, Gemma 2 9B and Mistral 7B, a 7B model released in September 2023.",
    )
    assert ("mistral-7b", "release_date", "2023-09") in got
    assert not any(model == "gemma-2-9b" for model, _, _ in got)


def test_numbered_thread_posts_can_be_timeline_entries(kit, make_article):
    got = claims(
        kit,
        make_article,
        "3/ April 18, 2024: Llama 3. Two sizes.\n\n4/ Then July 23, 2024: Llama 3.1.\n",
    )
    assert ("llama-3", "release_date", "2024-04-18") in got
    assert ("llama-3.1", "release_date", "2024-07-23") in got


def test_a_model_carried_over_from_context_is_marked_inferred(kit, make_article):
    found = kit.extractor.extract(
        make_article(
            "Llama 3.1 405B arrived in July 2024. It reads 128K tokens.\n\n"
            "## Llama 3 8B\n\n**Context:** 8K\n"
        )
    )
    inferred = {(c.model_id, c.attribute.value): c.qualifiers.inferred for c in found}
    assert inferred[("llama-3.1-405b", "release_date")] is False
    assert inferred[("llama-3.1-405b", "context_length")] is True
    assert inferred[("llama-3-8b", "context_length")] is False  # a key-value line under a heading


def test_short_release_dates_in_notes(kit, make_article):
    got = claims(
        kit,
        make_article,
        "- gpt-oss-120b (rel. 6-Aug-25): 117B params; 131K ctx.\n"
        "- Llama 4 Maverick (rel. Apr-25): 16 experts.\n",
    )
    assert ("gpt-oss-120b", "release_date", "2025-08-06") in got
    assert ("gpt-oss-120b", "parameters", 117_000_000_000) in got
    assert ("llama-4-maverick", "release_date", "2025-04") in got
    assert not any(model is None for model, _, _ in got)  # "Aug-25" is no model name


def test_a_month_of_last_year(kit, make_article):
    got = claims(kit, make_article, "Llama 3 8B came out in April of last year.")
    assert got == {("llama-3-8b", "release_date", "2023-04")}


def test_a_spec_box_flattened_into_one_line(kit, make_article):
    got = claims(
        kit,
        make_article,
        "Mixtral 8x22B Parameters 141B Active 39B Context 64K License Apache 2.0 "
        "Released 17 Apr 2024\n",
    )
    assert ("mixtral-8x22b", "parameters", 141_000_000_000) in got
    assert ("mixtral-8x22b", "active_parameters", 39_000_000_000) in got
    assert ("mixtral-8x22b", "context_length", 64_000) in got
    assert ("mixtral-8x22b", "license", "apache-2.0") in got
    assert ("mixtral-8x22b", "release_date", "2024-04-17") in got
    assert not any(model is None for model, _, _ in got)  # "License Apache 2.0" is no model


def test_plural_scale_words_and_a_decimal_comma(kit, make_article):
    got = claims(
        kit,
        make_article,
        "Gemma 2 2B has 2,6 billions parameters and was trained on 2 trillions tokens.",
    )
    assert ("gemma-2-2b", "parameters", 2_600_000_000) in got
    assert ("gemma-2-2b", "training_tokens", 2_000_000_000_000) in got


def test_a_possessive_maker_of_two_models_joined_by_and(kit, make_article):
    got = claims(
        kit,
        make_article,
        "The hub hosts Anthropic's Claude 3 Haiku and Claude 3 Opus, Mistral Large 2 and more.",
    )
    assert ("claude-3-haiku", "developer", "anthropic") in got
    assert ("claude-3-opus", "developer", "anthropic") in got
    assert not any(m == "mistral-large-2" and a == "developer" for m, a, _ in got)


def test_a_size_after_is_and_thousands_of_tokens_as_a_window(kit, make_article):
    got = claims(
        kit,
        make_article,
        "Command R+ is 104B, and Claude 3 Haiku and Claude 3 Opus each offer 200K tokens.",
    )
    assert ("command-r-plus", "parameters", 104_000_000_000) in got
    assert ("claude-3-haiku", "context_length", 200_000) in got
    assert ("claude-3-opus", "context_length", 200_000) in got


def test_a_letter_and_number_after_a_hyphen_is_an_unregistered_name(kit, make_article):
    found = kit.extractor.extract(
        make_article("Rumour: Kestrel-R2 drops next week with ~1.2T params.")
    )
    assert [(c.model, c.model_id, c.attribute.value) for c in found] == [
        ("Kestrel-R2", None, "release_date"),  # "drops next week"
        ("Kestrel-R2", None, "parameters"),
    ]


def test_total_slash_active_and_abbreviated_units(kit, make_article):
    got = claims(
        kit,
        make_article,
        "4. **DeepSeek-V3** (rel. Jan-25): 671B / 37B act.; 14.8T tok; 128K ctx.\n",
    )
    assert ("deepseek-v3", "parameters", 671_000_000_000) in got
    assert ("deepseek-v3", "active_parameters", 37_000_000_000) in got
    assert ("deepseek-v3", "training_tokens", 14_800_000_000_000) in got
    assert ("deepseek-v3", "context_length", 128_000) in got


def test_sizes_in_sub_items_under_a_model(kit, make_article):
    got = claims(
        kit,
        make_article,
        "- `phi-4-mini`: Phi-4-mini (Microsoft)\n  - dense, 3.8B\n  - ctx 128K\n",
    )
    assert ("phi-4-mini", "parameters", 3_800_000_000) in got
    assert ("phi-4-mini", "context_length", 128_000) in got


def test_a_count_far_from_the_word_token_is_not_a_token_count(kit, make_article):
    got = claims(
        kit, make_article, "Llama 3.1 405B is dense: it runs all 405 billion on every token."
    )
    assert not any(attribute == "training_tokens" for _, attribute, _ in got)


def test_a_size_said_of_any_model_is_no_claim(kit, make_article):
    got = claims(
        kit,
        make_article,
        "Phi-3.5-mini is built for laptops.\n\nIt suits places where a 7B model is too slow. "
        "It is a 3.8B model.",
    )
    assert ("phi-3.5-mini", "parameters", 3_800_000_000) in got
    assert ("phi-3.5-mini", "parameters", 7_000_000_000) not in got


def test_a_listed_attribute_goes_on_through_the_list(kit, make_article):
    got = claims(
        kit,
        make_article,
        "Mixtral 8x7B, Mistral 7B and Phi-3 mini have windows of 32K, 8K and 4K respectively.",
    )
    assert ("mixtral-8x7b", "context_length", 32_000) in got
    assert ("mistral-7b", "context_length", 8_000) in got
    assert ("phi-3-mini-4k", "context_length", 4_000) in got


def test_a_kind_of_models_is_not_the_model_being_discussed(kit, make_article):
    got = claims(
        kit,
        make_article,
        "DBRX is a mixture of experts.\n\n"
        "Open-weight mixture-of-experts (MoE) models have cut serving prices. "
        "Hosts serving MoE models report higher utilisation.",
    )
    assert got == {("dbrx", "architecture", (("type", "moe"),))}


def test_a_long_clause_before_a_colon_is_not_a_key(kit, make_article):
    found = kit.extractor.extract(
        make_article(
            "Mixtral 8x7B is new. There are two open models from the lab this time: a dense one\n"
            "and a mixture-of-experts one, which has 46.7B parameters.\n"
        )
    )
    assert {c.sentence.split("\n")[0] for c in found if c.attribute.value == "parameters"} == {
        "There are two open models from the lab this time: a dense one"
    }


def test_unregistered_names_introduced_by_the_words_around_them(kit, make_article):
    found = kit.extractor.extract(
        make_article(
            "DeepSeek-V3 is big.\n\n"
            "A fourth name keeps coming up: Brisk, a 7-billion-parameter Apache 2.0 model. "
            "The firm presented its model Hanbit-Sol, with 32 billions parameters. "
            "Penmark Ledger, which the firm says has three billion parameters, is small. "
            "A model called Wren has a 64K window."
        )
    )
    got = {(c.model, c.model_id, c.attribute.value, c.value) for c in found}
    assert ("Brisk", None, "parameters", 7_000_000_000) in got
    assert ("Brisk", None, "license", "apache-2.0") in got
    assert ("Hanbit-Sol", None, "parameters", 32_000_000_000) in got
    assert ("Penmark Ledger", None, "parameters", 3_000_000_000) in got
    assert ("Wren", None, "context_length", 64_000) in got
    assert {c.model_id for c in found} == {None}


def test_people_and_parts_in_an_aside_are_not_models(kit, make_article):
    found = kit.extractor.extract(
        make_article(
            'DeepSeek-V2 has 236B parameters. "It works," said Lin Wei, a researcher at a lab '
            "who tested the model. It was trained on H800s, the export version of the chip."
        )
    )
    assert {c.model for c in found} == {"DeepSeek-V2"}


def test_a_licence_description_denied_outright_is_a_negated_claim(kit, make_article):
    text = (
        "Llama 3.3 70B is not open source. Mixtral 8x7B is Apache 2.0 rather than a "
        "custom licence, and its licence places no restrictions on commercial use."
    )
    got = licences(kit, make_article, text)
    assert ("llama-3.3-70b", "open-source", True) in got
    assert ("mixtral-8x7b", "apache-2.0", False) in got
    assert ("mixtral-8x7b", "commercial-use", False) in got


def test_open_weight_rather_than_open_source_is_a_negated_claim(kit, make_article):
    text = "Gemma 3 27B is open-weight rather than open-source."
    got = licences(kit, make_article, text)
    assert got == {("gemma-3-27b", "open-weights", False), ("gemma-3-27b", "open-source", True)}
    text = "Meta built Llama 3 to keep developers off closed systems, rather than on closed ones."
    assert ("llama-3", "proprietary", True) not in licences(kit, make_article, text)


def test_open_source_said_of_the_subject_far_from_its_name(kit, make_article):
    text = (
        "DBRX is open weights but not open source. Codestral is good, but it is not open"
        " source. Open-source AI is growing. The field is open source at heart."
    )
    got = licences(kit, make_article, text)
    assert got == {
        ("dbrx", "open-weights", False),
        ("dbrx", "open-source", True),
        ("codestral", "open-source", True),
    }


def test_weights_said_to_be_published_or_never_published(kit, make_article):
    text = (
        "GPT-4 is famous, but its weights have never been published. Mistral 7B is free to"
        " download. Grok-2's weights have not been released. Llama 4 Behemoth stays off our list"
        " until its weights are public."
    )
    got = licences(kit, make_article, text)
    assert got == {
        ("gpt-4", "open-weights", True),
        ("mistral-7b", "open-weights", False),
        ("grok-2", "open-weights", True),
    }


def test_image_input_said_in_plain_words_and_said_once_per_sentence(kit, make_article):
    text = (
        "Llama 4 Scout can look at photos as well as read text. Llama 3.3 70B takes no images."
        " Phi-4 does not see images. Gemma 3 27B reads scanned pages. Mistral Small 3 only does"
        " text. Claude 3 Opus can process images as well as text, and handle photos and charts."
    )
    found = kit.extractor.extract(make_article(text))
    got = [(c.model_id, tuple(c.value), c.qualifiers.negated) for c in found]
    assert sorted(got) == [
        ("claude-3-opus", ("input:image",), False),
        ("gemma-3-27b", ("input:image",), False),
        ("llama-3.3-70b", ("input:image",), True),
        ("llama-4-scout", ("input:image",), False),
        ("mistral-small-3", ("text-only",), False),
        ("phi-4", ("input:image",), True),
    ]


def test_release_words_of_shops_and_threads(kit, make_article):
    got = claims(
        kit,
        make_article,
        "Mistral 7B went on sale in March 2024. Llama 3 8B is out since April 2024. "
        "Gemma 2 9B was released apr 5 2024 per the thread. Phi-3 mini went up on the hub on "
        "April 2, 2024. Llama 3.1 is likely to arrive in July.",
    )
    assert ("mistral-7b", "release_date", "2024-03") in got
    assert ("llama-3-8b", "release_date", "2024-04") in got
    assert ("gemma-2-9b", "release_date", "2024-04-05") in got
    assert ("llama-3.1", "release_date", "2024-07") in got  # hedged: the July to come


def test_the_former_and_the_latter(kit, make_article):
    got = claims(
        kit,
        make_article,
        "Phi-4-mini and Phi-4 are small. On context they differ: the former reads 128K tokens, "
        "the latter 16K.",
    )
    assert ("phi-4-mini", "context_length", 128_000) in got
    assert ("phi-4", "context_length", 16_000) in got


def test_citations_do_not_break_a_coordination(kit, make_article):
    got = claims(
        kit, make_article, "Gemma 2 9B [19] and Qwen2-72B [17, 18] were both released in June 2024."
    )
    assert ("gemma-2-9b", "release_date", "2024-06") in got
    assert ("qwen2-72b", "release_date", "2024-06") in got


def test_makers_described_and_possessed_past_a_size(kit, make_article):
    got = claims(
        kit,
        make_article,
        "DeepSeek-V3, from Hangzhou-based DeepSeek, is big. Microsoft's 3.8-billion-parameter "
        "Phi-3 mini is small. Mistral Small 3 from the Paris start-up Mistral AI is new. "
        "Llama 3 8B was tuned on data from Meta.",
    )
    assert ("deepseek-v3", "developer", "deepseek") in got
    assert ("phi-3-mini-4k", "developer", "microsoft") in got
    assert ("mistral-small-3", "developer", "mistral") in got
    assert not any(m == "llama-3-8b" and a == "developer" for m, a, _ in got)


def test_a_denial_inside_a_list_of_inputs(kit, make_article):
    got = claims(kit, make_article, "GPT-4o mini accepts text and images but not audio.")
    assert ("gpt-4o-mini", "modality", ("input:image",)) in got
    found = kit.extractor.extract(
        make_article("GPT-4o mini accepts text and images but not audio.")
    )
    audio = [c for c in found if c.value == ["input:audio"]]
    assert audio and audio[0].qualifiers.negated


def test_spoken_counts_in_a_transcript(kit, make_article):
    got = claims(
        kit,
        make_article,
        "**HOST:** And Scout?\n\n**GUEST:** Scout is a hundred and nine B total, seventeen B "
        "active.\n",
    )
    assert ("llama-4-scout", "parameters", 109_000_000_000) in got
    assert ("llama-4-scout", "active_parameters", 17_000_000_000) in got


def test_a_bare_size_after_is_or_has(kit, make_article):
    got = claims(
        kit,
        make_article,
        "Gemma 2 2B is small. In fact it has 2.6 billion. Llama 3 8B has 8B, and that is all.",
    )
    assert ("gemma-2-2b", "parameters", 2_600_000_000) in got
    assert ("llama-3-8b", "parameters", 8_000_000_000) in got


def test_a_lower_case_model_name_starts_a_sentence(kit, make_article):
    got = claims(
        kit, make_article, "Gemma 2 2B is small. In fact it has 2.6 billion. gpt-oss-20b has 21B."
    )
    assert ("gemma-2-2b", "parameters", 2_600_000_000) in got
    assert ("gpt-oss-20b", "parameters", 21_000_000_000) in got


def test_a_table_aligned_with_spaces_is_read_row_by_row(kit, make_article):
    text = (
        "Our shortlist, as the vendors state it.\n\n"
        "Model            Developer    Params   Context\n"
        "Phi-4            Microsoft    14B      16K\n"
        "Gemma 2 27B      Google       27B      8K\n\n"
        "We tested both on the same cards.\n"
    )
    got = claims(kit, make_article, text)
    assert {
        ("phi-4", "developer", "microsoft"),
        ("phi-4", "parameters", 14_000_000_000),
        ("phi-4", "context_length", 16_000),
        ("gemma-2-27b", "developer", "google"),
        ("gemma-2-27b", "parameters", 27_000_000_000),
        ("gemma-2-27b", "context_length", 8_000),
    } <= got
    assert not any(model is None for model, _, _ in got)  # "Developer" is no model's name


def test_a_table_row_is_about_the_cell_under_model_not_the_first_cell(kit, make_article):
    text = (
        "| Tier | Model | Org | Context |\n"
        "|---|---|---|---|\n"
        "| Basic | Phi-4 | Microsoft | 16K |\n"
        "| Pro | Gemma 2 27B | Google | 8K |\n"
    )
    got = claims(kit, make_article, text)
    assert got == {
        ("phi-4", "developer", "microsoft"),
        ("phi-4", "context_length", 16_000),
        ("gemma-2-27b", "developer", "google"),
        ("gemma-2-27b", "context_length", 8_000),
    }


def test_a_footnote_is_about_the_model_carrying_its_mark(kit, make_article):
    text = (
        "| # | Model | Score |\n"
        "|---|---|---|\n"
        "| 1 | Qwen2.5-72B¹ | 80.1 |\n"
        "| 2 | Phi-4² | 71.0 |\n\n"
        "¹ 32K context, Qwen License.\n"
        "² 16K context, MIT.\n"
    )
    got = claims(kit, make_article, text)
    assert {
        ("qwen2.5-72b", "context_length", 32_000),
        ("qwen2.5-72b", "license", "qwen"),
        ("phi-4", "context_length", 16_000),
        ("phi-4", "license", "mit"),
    } <= got
    assert ("phi-4", "context_length", 32_000) not in got


def test_the_larger_and_the_smaller_one_in_one_sentence(kit, make_article):
    text = (
        "OpenAI released gpt-oss-120b and gpt-oss-20b today. The larger model has 117 billion "
        "parameters; the smaller one has 21 billion."
    )
    got = claims(kit, make_article, text)
    assert ("gpt-oss-120b", "parameters", 117_000_000_000) in got
    assert ("gpt-oss-20b", "parameters", 21_000_000_000) in got
    assert ("gpt-oss-120b", "parameters", 21_000_000_000) not in got


def test_the_larger_model_is_of_the_main_pair_after_an_aside_on_another_model(kit, make_article):
    text = (
        "# gpt-oss-120b and gpt-oss-20b are out\n\n"
        "OpenAI released gpt-oss-120b and gpt-oss-20b on Tuesday. Nobody knows whether GPT-5 "
        "will follow.\n\nUpdate: the larger model has 117 billion parameters in total."
    )
    got = claims(kit, make_article, text)
    assert ("gpt-oss-120b", "parameters", 117_000_000_000) in got
    assert not any(model == "gpt-5" for model, _, _ in got)


def test_a_model_after_since_is_a_point_of_comparison(kit, make_article):
    text = (
        "OpenAI released gpt-oss-120b and gpt-oss-20b, its first open models since GPT-2. "
        "Both are published under Apache 2.0."
    )
    got = claims(kit, make_article, text)
    assert ("gpt-oss-120b", "license", "apache-2.0") in got
    assert ("gpt-oss-20b", "license", "apache-2.0") in got
    assert not any(model == "gpt-2" for model, _, _ in got)


def test_neither_model_and_both_models_reach_the_pair_described_before(kit, make_article):
    text = (
        "OpenAI released gpt-oss-120b and gpt-oss-20b. The larger model has 117 billion "
        "parameters and the smaller one 21 billion. Both use experts, and the larger model "
        "activates 5.1 billion per token. Both models read 128K tokens. Neither model "
        "accepts images."
    )
    got = claims(kit, make_article, text)
    for model in ("gpt-oss-120b", "gpt-oss-20b"):
        assert (model, "context_length", 128_000) in got
    negated = {
        c.model_id
        for c in kit.extractor.extract(make_article(text))
        if c.attribute.value == "modality" and c.qualifiers.negated
    }
    assert negated == {"gpt-oss-120b", "gpt-oss-20b"}


def test_a_bold_lead_in_names_the_entry_when_the_body_names_it_after_a_preposition(
    kit, make_article
):
    text = (
        "**DeepSeek-V3.** Our story gave DeepSeek-V3 the wrong licence.\n\n"
        "**Mistral Small 3.** A caption gave the release date of Mistral Small 3 as January 13. "
        "Mistral AI released it on January 30, under Apache 2.0.\n"
    )
    got = claims(kit, make_article, text)
    assert ("mistral-small-3", "developer", "mistral") in got
    assert ("mistral-small-3", "license", "apache-2.0") in got
    assert not any(model == "deepseek-v3" for model, _, _ in got)


def test_released_it_refers_to_the_model_named_before_in_the_sentence(kit, make_article):
    text = (
        "GPT-4o mini answers on the free plan. Paid plans moved to GPT-4.1 shortly after "
        "OpenAI released it.\n\n- **Grok-1**: xAI open-sourced it in 2024.\n"
    )
    got = claims(kit, make_article, text)
    assert ("gpt-4.1", "developer", "openai") in got
    assert ("gpt-4o-mini", "developer", "openai") not in got
    assert ("grok-1", "developer", "xai") in got


def test_each_line_of_a_fenced_chat_log_stands_alone(kit, make_article):
    text = (
        "The thread, as it happened:\n\n"
        "```\n"
        "[10:04] mei: what about mistral large 2?\n"
        "123b, 32k ctx, really good at tool calls\n"
        "[10:09] raj: gemma 2 27b is nice but 4k ctx kills it\n"
        "```\n"
    )
    got = claims(kit, make_article, text)
    assert ("mistral-large-2", "context_length", 32_000) in got
    assert ("gemma-2-27b", "context_length", 4_000) in got
    assert ("mistral-large-2", "context_length", 4_000) not in got


def test_trillions_of_tokens_after_a_window_are_training_data(kit, make_article):
    got = claims(kit, make_article, "Qwen2.5 72B: 128k ctx, 18T tokens, qwen license.")
    assert ("qwen2.5-72b", "training_tokens", 18_000_000_000_000) in got
    assert ("qwen2.5-72b", "context_length", 18_000_000_000_000) not in got


@pytest.mark.parametrize("name", ["Marola-7B", "Maya-13B", "Junebug-2", "Spindle-8x3B"])
def test_unregistered_names_are_models_even_when_they_begin_like_a_month(kit, make_article, name):
    found = kit.extractor.extract(
        make_article(f"Llama 3 is the default. {name} has 12 billion parameters.")
    )
    assert [(c.model, c.model_id) for c in found if c.attribute.value == "parameters"] == [
        (name, None)
    ]


def test_a_sentence_opening_with_an_indefinite_description_is_about_the_name_after_it(
    kit, make_article
):
    text = (
        "OpenAI released gpt-oss-120b on Tuesday. A smaller entrant, Marola-7B from a Lisbon "
        "start-up, went up last week: a seven-billion-parameter model under Apache 2.0."
    )
    got = claims(kit, make_article, text)
    assert (None, "parameters", 7_000_000_000) in got
    assert ("gpt-oss-120b", "license", "apache-2.0") not in got


def test_a_size_right_before_its_design_is_the_parameter_count(kit, make_article):
    got = claims(kit, make_article, "Qwen2.5-72B: 72.7B dense, 32K context.")
    assert ("qwen2.5-72b", "parameters", 72_700_000_000) in got
    assert claims(kit, make_article, "A 70B dense model would need two cards.") == set()


def test_trillions_after_a_training_cue_are_training_tokens_without_the_word(kit, make_article):
    got = claims(kit, make_article, "DeepSeek-V3 was pre-trained on 14.8 trillion.")
    assert got == {("deepseek-v3", "training_tokens", 14_800_000_000_000)}


def test_a_licence_name_made_an_adjective(kit, make_article):
    got = claims(kit, make_article, "Mistral 7B is Apache-licensed and Phi-4 is MIT licensed.")
    assert got == {("mistral-7b", "license", "apache-2.0"), ("phi-4", "license", "mit")}


def test_a_defined_term_names_its_model_wherever_it_is_used(kit, make_article):
    text = (
        '1.1 "Licensed Model" means Llama 3.1 70B, developed by Meta.\n\n'
        '1.2 The vendor may substitute Mistral Large 2 (the "Fallback Model").\n\n'
        "2.1 The Licensed Model supports a context window of 128,000 tokens.\n\n"
        "2.2 The Fallback Model is made available under the Mistral Research License.\n"
    )
    got = claims(kit, make_article, text)
    assert ("llama-3.1-70b", "context_length", 128_000) in got
    assert ("mistral-large-2", "license", "mistral-mrl") in got
    assert not any(model is None for model, _, _ in got)


def test_words_of_a_defined_term_are_not_claims(kit, make_article):
    text = (
        '1.4 "Vision Module" means Llama 3.2 11B Vision Instruct, developed by Meta.\n\n'
        "5.2 The Vision Module comprises eleven billion parameters.\n"
    )
    got = claims(kit, make_article, text)
    assert got == {
        ("llama-3.2-11b-vision", "developer", "meta"),
        ("llama-3.2-11b-vision", "parameters", 11_000_000_000),
    }


def test_a_line_in_capitals_is_a_heading_and_claims_only_what_it_names(kit, make_article):
    text = (
        "MIXTURE-OF-EXPERTS IN PRODUCTION\n\n"
        "Llama 4 Maverick has 400B parameters.\n\n"
        "| model | total | context |\n|---|---|---|\n| DBRX | 132B | 32K |\n"
    )
    got = claims(kit, make_article, text)
    assert ("llama-4-maverick", "architecture", (("type", "moe"),)) not in got
    assert ("dbrx", "parameters", 132_000_000_000) in got
    assert ("dbrx", "context_length", 32_000) in got


def test_is_heading():
    from pipeline.extract.hits import is_heading

    assert is_heading("## Llama 3")
    assert is_heading("MIXTURE-OF-EXPERTS IN PRODUCTION")
    assert not is_heading("WHY MoE AT ALL")
    assert not is_heading("GPT-4")  # one word: a name, not a heading
    assert not is_heading("Llama 3 is out.")


def test_a_thousands_count_said_of_a_model_is_its_window(kit, make_article):
    got = claims(kit, make_article, "Qwen3-0.6B and Qwen3-1.7B are 32K. Phi-4-mini has 128K.")
    assert got == {
        ("qwen3-0.6b", "context_length", 32_000),
        ("qwen3-1.7b", "context_length", 32_000),
        ("phi-4-mini", "context_length", 128_000),
    }
    assert claims(kit, make_article, "Phi-4 has 128K downloads.") == set()


def test_sizes_given_as_a_range_after_the_noun(kit, make_article):
    for text in (
        "Qwen2.5 comes in sizes from 0.5B to 72B.",
        "Qwen2.5 comes in sizes ranging from 0.5B to 72B.",
    ):
        got = claims(kit, make_article, text)
        assert got == {
            ("qwen2.5", "parameters", 500_000_000),
            ("qwen2.5", "parameters", 72_000_000_000),
        }


def test_a_config_file_with_snake_case_keys(kit, make_article):
    text = (
        "The manifest, as published:\n\n```yaml\nname: Kimi-K2-Instruct\n"
        "total_params: 1.04T\nactivated_params: 32B\ncontext_length: 131072\n```\n"
    )
    got = claims(kit, make_article, text)
    assert {
        ("kimi-k2", "parameters", 1_040_000_000_000),
        ("kimi-k2", "active_parameters", 32_000_000_000),
        ("kimi-k2", "context_length", 131_072),
    } <= got


@pytest.mark.parametrize(
    "text,model,active",
    [
        ("DeepSeek-R1 has 671B parameters, of which 37 billion are used for each token.",
         "deepseek-r1", 37),
        ("Scout has 109B parameters but uses just 17 billion for any given token.",
         "llama-4-scout", 17),
        ("Qwen3-30B-A3B has 30B parameters, but only about 3 billion of them do any work.",
         "qwen3-30b-a3b", 3),
        ("gpt-oss-120b has 117B parameters and uses about 5.1 billion of them for each token.",
         "gpt-oss-120b", 5.1),
    ],
)  # fmt: skip
def test_a_count_used_for_each_token_is_the_active_count(kit, make_article, text, model, active):
    assert (model, "active_parameters", round(active * 10**9)) in claims(kit, make_article, text)


def test_all_of_the_parameters_used_and_tokens_used_are_not_active_counts(kit, make_article):
    text = "Llama 3.1 405B is dense: all 405 billion parameters are used for each token."
    assert ("llama-3.1-405b", "parameters", 405 * 10**9) in claims(kit, make_article, text)
    text = "Qwen3 saw 36 trillion tokens, twice the 18 trillion used for Qwen2.5."
    got = claims(kit, make_article, text)
    assert not any(attribute == "active_parameters" for _, attribute, _ in got)


def test_the_larger_of_two_counts_before_active_is_the_total(kit, make_article):
    got = claims(kit, make_article, "gpt-oss-20b has 21 billion, 3.6 billion active.")
    assert ("gpt-oss-20b", "parameters", 21 * 10**9) in got
    assert ("gpt-oss-20b", "active_parameters", 3_600_000_000) in got
    assert ("gpt-oss-20b", "active_parameters", 21 * 10**9) not in got


def test_a_count_per_token_or_firing_is_the_active_count(kit, make_article):
    got = claims(
        kit,
        make_article,
        "Mixtral 8x7B stores 47B parameters but computes with roughly 13 billion per token.",
    )
    assert ("mixtral-8x7b", "active_parameters", 13_000_000_000) in got
    got = claims(kit, make_article, "Maverick: all 400B resident, only 17B fire per token.")
    assert ("llama-4-maverick", "active_parameters", 17_000_000_000) in got
    got = claims(
        kit,
        make_article,
        "Qwen3-235B-A22B activates 22 billion of its 235 billion parameters for each token.",
    )
    assert ("qwen3-235b-a22b", "active_parameters", 235_000_000_000) not in got


def test_a_rank_word_before_an_unregistered_name_is_no_reference(kit, make_article):
    """Found by `make bench`: 'the smaller Corvid-2 model' fell back to the main pair and
    then looked up the sizes of a model without an id (KeyError)."""
    text = (
        "OpenAI released gpt-oss-120b and gpt-oss-20b. "
        "The smaller Corvid-2 model has 7B parameters."
    )
    got = claims(kit, make_article, text)
    assert (None, "parameters", 7_000_000_000) in got
    assert ("gpt-oss-20b", "parameters", 7_000_000_000) not in got


def test_experts_per_token_said_before_the_expert_count(kit, make_article):
    got = claims(
        kit,
        make_article,
        "Unlike gpt-oss-20b, gpt-oss-120b routes each token to four of its 128 experts.",
    )
    assert (
        "gpt-oss-120b",
        "architecture",
        (("experts", 128), ("experts_per_token", 4), ("type", "moe")),
    ) in got
    table = (
        "| Model | Design |\n|---|---|\n| DeepSeek-V3 | MoE, 256 routed experts, 8 per token |\n"
    )
    got = claims(kit, make_article, table)
    assert (
        "deepseek-v3",
        "architecture",
        (("experts", 256), ("experts_per_token", 8), ("type", "moe")),
    ) in got


def test_apache_alone_is_the_licence_but_not_apache_spark(kit, make_article):
    assert claims(kit, make_article, "Codestral is Apache, like Mistral 7B.") == {
        ("codestral", "license", "apache-2.0")
    }
    assert claims(kit, make_article, "Our pipeline runs on Apache Spark with Llama 3 70B.") == set()


def test_present_tense_release_verbs_name_the_maker(kit, make_article):
    got = claims(kit, make_article, "Databricks ships DBRX. Microsoft adds Phi-4-mini.")
    assert {("dbrx", "developer", "databricks"), ("phi-4-mini", "developer", "microsoft")} <= got


def test_a_model_named_inside_a_description_set_off_by_commas_is_not_the_subject(kit, make_article):
    got = claims(
        kit,
        make_article,
        "Behemoth, the Llama 4 teacher model, is rumoured to have about two trillion parameters.",
    )
    assert got == {("llama-4-behemoth", "parameters", 2_000_000_000_000)}


def test_a_description_right_after_a_compared_model_is_of_that_model(kit, make_article):
    got = claims(
        kit,
        make_article,
        "Gemma 3 27B placed ahead of larger systems such as DeepSeek-V3, a 671-billion-parameter"
        " model released in January 2025.",
    )
    assert ("deepseek-v3", "parameters", 671_000_000_000) in got
    assert ("deepseek-v3", "release_date", "2025-01") in got
    assert not any(model == "gemma-3-27b" for model, _, _ in got)


def test_a_name_introduced_as_our_own_model(kit, make_article):
    got = claims(
        kit,
        make_article,
        "GPT-5 answers chat. On every plan, Quill-Mini, our own 3-billion-parameter model, writes"
        " the suggestions.",
    )
    assert got == {(None, "parameters", 3_000_000_000)}


def test_windows_in_millions_and_plain_numbers_of_tokens(kit, make_article):
    got = claims(
        kit,
        make_article,
        "Llama 4 Maverick has 1M ctx. Claude 3 Opus takes 200,000 tokens. Phi-4 is 14B, 16K"
        " context.",
    )
    assert got == {
        ("llama-4-maverick", "context_length", 1_000_000),
        ("claude-3-opus", "context_length", 200_000),
        ("phi-4", "parameters", 14_000_000_000),
        ("phi-4", "context_length", 16_000),
    }
    assert claims(kit, make_article, "Llama 3 70B processes 2,000 tokens per second.") == set()


def test_a_count_of_training_tokens_with_both_words(kit, make_article):
    got = claims(kit, make_article, "Qwen3-235B-A22B saw 18 trillion training tokens.")
    assert got == {("qwen3-235b-a22b", "training_tokens", 18_000_000_000_000)}


def test_a_kind_of_models_counted_in_a_sentence_naming_none(kit, make_article):
    text = "Phi-4 is fine. The March table covers seven open-weight models that our teams run."
    assert ("phi-4", "license", "open-weights") not in claims(kit, make_article, text)
    text = "Grok-1 is big. It is one of the few very large mixture-of-experts models."
    assert ("grok-1", "architecture", (("type", "moe"),)) in claims(kit, make_article, text)


def test_a_sentence_about_it_keeps_the_model_referred_to(kit, make_article):
    text = (
        "Grok-1 came out of xAI. It has 314B parameters and 8 experts, so it is basically a"
        " giant Mixtral. It was trained in 2023."
    )
    got = claims(kit, make_article, text)
    assert ("grok-1", "parameters", 314_000_000_000) in got
    assert not any(model == "mixtral" for model, *_ in got)
    text = "Qwen3 is out. Its largest dense model, Qwen3 32B, has 32.8B parameters."
    assert ("qwen3-32b", "parameters", 32_800_000_000) in claims(kit, make_article, text)


def test_a_part_of_its_total_and_a_size_said_with_is(kit, make_article):
    text = (
        "gpt-oss-120b activates about 5.1B of its 117B parameters per token. Qwen3-30B-A3B is"
        " fast: only 3B of its 30B parameters are active. DeepSeek-V3 is 671B with 37B active."
        " The deal is 2B dollars."
    )
    assert claims(kit, make_article, text) == {
        ("gpt-oss-120b", "active_parameters", 5_100_000_000),
        ("gpt-oss-120b", "parameters", 117_000_000_000),
        ("qwen3-30b-a3b", "active_parameters", 3_000_000_000),
        ("qwen3-30b-a3b", "parameters", 30_000_000_000),
        ("deepseek-v3", "parameters", 671_000_000_000),
        ("deepseek-v3", "active_parameters", 37_000_000_000),
    }


def test_a_window_that_grew_or_is_given_after_a_colon(kit, make_article):
    text = (
        "Anthropic pushed Claude 2.1 to 200K. Llama 3 moved to 128K as well. Gemini 1.5 Pro"
        " went to two million. GPT-4 and Llama 3.3 both take 128K. Command R+: 128K."
        " Its sales went to 300K."
    )
    assert claims(kit, make_article, text) == {
        ("claude-2.1", "context_length", 200_000),
        ("llama-3", "context_length", 128_000),
        ("gemini-1.5-pro", "context_length", 2_000_000),
        ("gpt-4", "context_length", 128_000),
        ("llama-3.3", "context_length", 128_000),
        ("command-r-plus", "context_length", 128_000),
    }


def test_a_model_in_a_clause_about_the_one_referred_to_is_not_the_new_subject(kit, make_article):
    text = (
        "GPT-3.5 Turbo made chatbots cheap. Estimates put it at 20 billion parameters, a fraction"
        " of the 175-billion-parameter GPT-3 it descended from. It was text-only."
    )
    assert claims(kit, make_article, text) == {
        ("gpt-3.5-turbo", "parameters", 20_000_000_000),
        (None, "parameters", 175_000_000_000),  # GPT-3 is not in the registry
        ("gpt-3.5-turbo", "modality", ("text-only",)),
    }


def test_a_short_name_read_when_its_maker_was_named_just_before(kit, make_article):
    text = (
        "DeepSeek-R2 is coming in August. DeepSeek hasn't commented. For reference, R1 was"
        " released under the MIT licence and has 671B parameters."
    )
    got = claims(kit, make_article, text)
    assert ("deepseek-r1", "parameters", 671_000_000_000) in got
    assert ("deepseek-r1", "license", "mit") in got
    assert not any(model is None and attribute == "parameters" for model, attribute, _ in got)
    far = "DeepSeek ships. It is big. So it goes. Really. R1 has 671B parameters."
    assert ("deepseek-r1", "parameters", 671_000_000_000) not in claims(kit, make_article, far)


def test_above_compares_only_right_before_a_name(kit, make_article):
    text = (
        "Among the names above only gpt-oss, Qwen3 and Mistral 7B carry OSI-approved licences"
        " (Apache 2.0, Apache 2.0 and MIT respectively)."
    )
    got = claims(kit, make_article, text)
    assert got == {
        ("gpt-oss", "license", "apache-2.0"),
        ("qwen3", "license", "apache-2.0"),
        ("mistral-7b", "license", "mit"),
    }


def test_a_sentence_ends_before_spaces_left_by_an_unwrapped_list_item(kit, make_article):
    text = (
        "4. **DeepSeek-V3** (DeepSeek): 671B total, 256 experts with 8\n   routed per token."
        " DeepSeek Model License (commercial use permitted).\n"
        "   The R1 reasoning model reuses the same backbone.\n"
    )
    got = claims(kit, make_article, text)
    assert ("deepseek-v3", "license", "deepseek-model") in got
    assert not any(model == "deepseek-r1" for model, *_ in got)


def test_a_model_named_after_a_group_keeps_its_own_values(kit, make_article):
    text = (
        "Gemma 3 comes in 1B, 4B, 12B and 27B sizes.\n\n## Models\n\nThe three larger models"
        " accept images as well as text; the 1B model is text-only and has a 32K-token window."
    )
    got = claims(kit, make_article, text)
    assert {m for m, a, v in got if a == "modality" and v == ("input:image",)} == {
        "gemma-3-4b",
        "gemma-3-12b",
        "gemma-3-27b",
    }
    assert {m for m, a, _ in got if a == "context_length"} == {"gemma-3-1b"}
    assert {m for m, a, v in got if a == "modality" and v == ("text-only",)} == {"gemma-3-1b"}


def test_none_of_and_neither_deny_what_the_group_does(kit, make_article):
    text = (
        "Gemma 3 comes in four sizes. None of the four generates images. Llama 4 Scout and"
        " Llama 4 Maverick launched. Neither model is open source."
    )
    found = kit.extractor.extract(make_article(text))
    got = {(c.model_id, c.attribute.value, c.qualifiers.negated) for c in found}
    assert got == {
        ("gemma-3", "modality", True),
        ("llama-4-scout", "license", True),
        ("llama-4-maverick", "license", True),
    }


def test_an_infobox_table_of_one_models_facts(kit, make_article):
    text = (
        "| Gemma 3 | |\n|---|---|\n| Developer | Google DeepMind |\n| Initial release | 12 March"
        " 2025 |\n| Predecessor | Gemma 2 |\n| Sizes | 1B, 4B, 27B |\n| Context window | 128K"
        " tokens |\n| Licence | Gemma Terms of Use |\n| Website | gemma.example.com |\n"
    )
    assert claims(kit, make_article, text) == {
        ("gemma-3", "developer", "google"),
        ("gemma-3", "release_date", "2025-03-12"),
        ("gemma-3", "parameters", 1_000_000_000),
        ("gemma-3", "parameters", 4_000_000_000),
        ("gemma-3", "parameters", 27_000_000_000),
        ("gemma-3", "context_length", 128_000),
        ("gemma-3", "license", "gemma"),
    }


def test_a_table_cell_of_prose_is_read_for_the_rows_model(kit, make_article):
    text = (
        "| Model ID | Model | Notes |\n|---|---|---|\n| `mixtral-8x7b` | Mixtral 8x7B (Mistral AI)"
        " | 56B parameters, 32K context |\n| `llama-3-70b` | Llama 3 70B (Meta) | 8K context,"
        " released July 2024 |\n"
    )
    assert claims(kit, make_article, text) == {
        ("mixtral-8x7b", "developer", "mistral"),
        ("mixtral-8x7b", "parameters", 56_000_000_000),
        ("mixtral-8x7b", "context_length", 32_000),
        ("llama-3-70b", "developer", "meta"),
        ("llama-3-70b", "context_length", 8_000),
        ("llama-3-70b", "release_date", "2024-07"),
    }


def test_a_count_given_for_the_model_named_right_after_it(kit, make_article):
    text = (
        "Gemma 3 is out in four sizes. Training data: 14T tokens for the 27B, 12T for the 12B."
        " Google used 4T tokens for the 4B and 2T tokens for the 1B."
    )
    got = {c for c in claims(kit, make_article, text) if c[1] != "parameters"}
    assert got == {
        ("gemma-3-27b", "training_tokens", 14_000_000_000_000),
        ("gemma-3-12b", "training_tokens", 12_000_000_000_000),
        ("gemma-3-4b", "training_tokens", 4_000_000_000_000),
        ("gemma-3-1b", "training_tokens", 2_000_000_000_000),
    }


def test_windows_said_with_more_verbs_and_after_a_description(kit, make_article):
    text = (
        "Claude 2 had 200K back in 2023. Meanwhile Llama 4 Maverick, Scout's bigger sibling,"
        " offers a mere 1M. Claude 3.7 Sonnet came out in February, stays at 200K. Llama 3 8B's"
        " 8K window is small."
    )
    got = {c for c in claims(kit, make_article, text) if c[1] == "context_length"}
    assert got == {
        ("claude-2", "context_length", 200_000),
        ("llama-4-maverick", "context_length", 1_000_000),
        ("claude-3.7-sonnet", "context_length", 200_000),
        ("llama-3-8b", "context_length", 8_000),
    }


def test_a_range_of_sizes_without_a_size_noun(kit, make_article):
    text = "The Qwen2.5 line runs from 0.5B to 72B. Prices run from 2B to 5B dollars."
    assert claims(kit, make_article, text) == {
        ("qwen2.5", "parameters", 500_000_000),
        ("qwen2.5", "parameters", 72_000_000_000),
    }


def test_could_of_an_ability_is_no_hedge(kit, make_article):
    text = (
        "GPT-4 had an 8,192-token window and could read images. Llama 4 Behemoth could top two"
        " trillion parameters."
    )
    found = kit.extractor.extract(make_article(text))
    got = {(c.model_id, c.attribute.value, c.qualifiers.hedged) for c in found}
    assert got == {
        ("gpt-4", "context_length", False),
        ("gpt-4", "modality", False),
        ("llama-4-behemoth", "parameters", True),
    }


def test_llama_written_with_its_original_capitals_is_the_first_llama(kit, make_article):
    text = (
        "Meta announced LLaMA on February 24, 2023, with a context of just 2,048 tokens. Llama 2"
        " has 4,096 tokens, double what the first LLaMA had. The Llama line grew."
    )
    assert claims(kit, make_article, text) == {
        ("llama-1", "developer", "meta"),
        ("llama-1", "release_date", "2023-02-24"),
        ("llama-1", "context_length", 2_048),
        ("llama-2", "context_length", 4_096),
    }


def test_a_lower_case_name_with_a_size_and_unregistered_names_counted_apart(kit, make_article):
    text = "someone keeps posting kestrel-70b. 70b dense, 256k ctx, apache, came out monday."
    found = kit.extractor.extract(make_article(text))
    assert {(c.model, c.attribute.value) for c in found} >= {
        ("kestrel-70b", "parameters"),
        ("kestrel-70b", "context_length"),
        ("kestrel-70b", "license"),
    }
    text = (
        "Orion-9 13B is old. Corvid-2 is ours. Corvid-2 has 8K. Corvid-2 reads text. Halcyon-12B"
        " is another.\n\n## Dates\n\nIt was released in March 2024."
    )
    found = kit.extractor.extract(make_article(text))
    assert {c.model for c in found if c.attribute.value == "release_date"} == {"Corvid-2"}


def test_a_fragment_of_fields_after_a_question_naming_the_model(kit, make_article):
    text = "what about mistral large 2? 123b, 32k ctx, really good at tool calls"
    assert claims(kit, make_article, text) == {
        ("mistral-large-2", "parameters", 123_000_000_000),
        ("mistral-large-2", "context_length", 32_000),
    }


def test_inputs_as_well_as_images_speech_replies_and_a_bracketed_note(kit, make_article):
    text = (
        "Gemini 2.5 Flash takes audio and video as well as images, can reply in speech. Local"
        " models: Phi-4-mini, Qwen3-8B, Gemma 3 12B (vision)."
    )
    found = kit.extractor.extract(make_article(text))
    assert sorted((c.model_id, tuple(c.value)) for c in found) == [
        ("gemini-2.5-flash", ("input:audio", "input:image", "input:video")),
        ("gemini-2.5-flash", ("output:audio",)),
        ("gemma-3-12b", ("input:image",)),
    ]


def test_vision_naming_a_part_or_a_topic_is_no_input(kit, make_article):
    text = (
        "Gemma 3 27B uses a SigLIP vision encoder. Reviewers praised its vision quality. Llama"
        " 3.2 11B Vision adds vision support."
    )
    found = kit.extractor.extract(make_article(text))
    assert {(c.model_id, c.attribute.value) for c in found} == {
        ("llama-3.2-11b-vision", "modality")
    }


def test_a_table_exported_as_semicolon_delimited_lines(kit, make_article):
    text = (
        "```\nrow;model;developer;params_total;context_window;licence;release;status\n"
        '1;GPT-4o;OpenAI;n.d.;128K;"Proprietary; API only";2023-05-13;shortlisted\n'
        "2;Llama 4 Maverick;Meta;400B;10M;Llama 4 Community License;2025-04-05;pilot\n```\n"
    )
    assert claims(kit, make_article, text) == {
        ("gpt-4o", "developer", "openai"),
        ("gpt-4o", "context_length", 128_000),
        ("gpt-4o", "license", "proprietary"),
        ("gpt-4o", "release_date", "2023-05-13"),
        ("llama-4-maverick", "developer", "meta"),
        ("llama-4-maverick", "parameters", 400_000_000_000),
        ("llama-4-maverick", "context_length", 10_000_000),
        ("llama-4-maverick", "license", "llama-4-community"),
        ("llama-4-maverick", "release_date", "2025-04-05"),
    }


def test_multiple_choice_options_are_no_claims(kit, make_article):
    text = (
        "**Question 12.** Gemma 2 9B is distributed under...\n(a) Apache 2.0 (b) MIT (c) the"
        " Gemma Terms of Use\n\nAnswer: Gemma 2 9B ships under the Gemma Terms of Use."
    )
    assert claims(kit, make_article, text) == {("gemma-2-9b", "license", "gemma")}


@pytest.mark.parametrize(
    ("text", "values"),
    [
        (
            "GPT-4o can accept text, audio and image inputs and generate text, audio and image"
            " outputs.",
            ("input:audio", "input:image", "output:audio", "output:image"),
        ),
        ("GPT-4o can output audio and images.", ("output:audio", "output:image")),
        ("Gemini 2.0 Flash can produce images and speech.", ("output:audio", "output:image")),
        ("GPT-4o takes text and images and replies in speech.", ("input:image", "output:audio")),
        ("GPT-4o can answer with speech.", ("output:audio",)),
        (
            "Gemini 1.5 Pro can take in video, audio and images.",
            ("input:audio", "input:image", "input:video"),
        ),
    ],
)
def test_what_a_model_puts_out_is_an_output_modality(kit, make_article, text, values):
    got = claims(kit, make_article, text)
    assert {v for _, a, v in got if a == "modality"} == {values}


def test_permissive_names_no_use_and_commercial_purposes_do(kit, make_article):
    text = "Phi-4 ships under the MIT licence, which is about as permissive as it gets."
    assert licences(kit, make_article, text) == {("phi-4", "mit", False)}
    text = "Mixtral 8x22B may be used without restriction, including for commercial purposes."
    assert licences(kit, make_article, text) == {("mixtral-8x22b", "commercial-use", False)}


def test_open_sourced_and_cannot_be_used_commercially(kit, make_article):
    text = "Grok-2 got open-sourced last week."
    assert licences(kit, make_article, text) == {("grok-2", "open-source", False)}
    text = "Command R is a fine model, but it can't be used commercially."
    assert licences(kit, make_article, text) == {("command-r", "non-commercial", False)}
    article = make_article("xAI open-sourced Grok-1 in March 2024.")
    found = {(c.attribute.value, c.value) for c in kit.extractor.extract(article)}
    assert ("release_date", "2024-03") in found  # open-sourcing it still dates it


def test_a_licence_that_bars_commercial_use_is_non_commercial(kit, make_article):
    text = (
        "Codestral 22B is released under the Mistral Non-Production License, which bars"
        " commercial use. Command R+ is released under CC-BY-NC."
    )
    assert licences(kit, make_article, text) == {
        ("codestral-22b", "mistral-mnpl", False),
        ("codestral-22b", "non-commercial", False),
        ("command-r-plus", "cc-by-nc-4.0", False),
    }


def test_a_predecessor_named_in_apposition_is_the_subject_not_a_comparison(kit, make_article):
    text = (
        "Mistral Small 3.1 reads 128K tokens. Its predecessor, Mistral Small 3, launched with a"
        " 32,000-token window and handled only text. It is quicker than its predecessor."
    )
    got = claims(kit, make_article, text)
    assert ("mistral-small-3", "context_length", 32_000) in got
    assert ("mistral-small-3", "modality", ("text-only",)) in got


def test_a_model_inside_a_relative_clause_does_not_take_the_main_clause_value(kit, make_article):
    text = (
        "DeepSeek's R1 is a reasoning model. By contrast, OpenAI's o1, which R1 is said to"
        " rival, is proprietary. DeepSeek-R1, which is built on DeepSeek-V3, has 671B"
        " parameters."
    )
    got = {(m, a, v) for m, a, v in claims(kit, make_article, text) if a != "developer"}
    assert got == {("o1", "license", "proprietary"), ("deepseek-r1", "parameters", 671 * 10**9)}


def test_an_opening_comparison_ends_at_its_comma_and_an_example_licence_is_no_claim(
    kit, make_article
):
    text = (
        "Like its predecessors, Gemma 3 ships under Google's own Gemma terms rather than a"
        " standard open-source license like Apache 2.0."
    )  # "rather than ... open-source" denies that description (a negated claim)
    assert licences(kit, make_article, text) == {
        ("gemma-3", "gemma", False),
        ("gemma-3", "open-source", True),
    }


def test_a_model_in_brackets_after_a_value_is_an_aside(kit, make_article):
    text = "Gemma 3 is out. The new models take up to 128K tokens (the 1B tops out at 32K)."
    got = claims(kit, make_article, text)
    assert ("gemma-3", "context_length", 128_000) in got
    assert ("gemma-3-1b", "context_length", 128_000) not in got
    assert ("gemma-3-1b", "context_length", 32_000) in got


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Grok-2 remains closed.", {("grok-2", "proprietary", False)}),
        (
            "Both GPT-4o and Claude 3 Opus are closed models.",
            {("gpt-4o", "proprietary", False), ("claude-3-opus", "proprietary", False)},
        ),
        ("GPT-4o is closed-weight.", {("gpt-4o", "proprietary", False)}),
        ("Llama 3 is out. The gap between the big closed models and the rest is small.", set()),
        (
            "OpenAI's flagship GPT-5, launched two days after gpt-oss, remains closed.",
            {("gpt-5", "proprietary", False)},
        ),
    ],
)
def test_closed_said_of_a_model_is_proprietary(kit, make_article, text, expected):
    assert licences(kit, make_article, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "GPT-4o is available only through paid subscriptions and its API.",
            {("gpt-4o", "proprietary", False)},
        ),
        (
            "Gemma 3 is out. You can download the weights today.",
            {("gemma-3", "open-weights", False)},
        ),
        ("You can't download the weights of GPT-4o.", {("gpt-4o", "open-weights", True)}),
    ],
)
def test_licences_described_by_how_a_model_is_reached(kit, make_article, text, expected):
    assert licences(kit, make_article, text) == expected


def test_a_licence_described_twice_in_one_sentence_is_one_claim(kit, make_article):
    article = make_article("Grok-2 is proprietary and available only through xAI's API.")
    found = [c for c in kit.extractor.extract(article) if c.attribute.value == "license"]
    assert [(c.model_id, c.value) for c in found] == [("grok-2", "proprietary")]


def test_moe_naming_a_part_or_technique_is_no_architecture_claim(kit, make_article):
    for text in [
        "gpt-oss-120b is out. The MoE weights ship quantized to MXFP4.",
        "Mixtral 8x7B runs here. The fused-MoE kernel needs a recent GPU.",
    ]:
        got = claims(kit, make_article, text)
        assert not any(attribute == "architecture" for _, attribute, _ in got), text
    text = "DeepSeek-V3 is big. Each MoE layer holds 256 routed experts."
    assert any(a == "architecture" for _, a, _ in claims(kit, make_article, text))


def test_unlike_the_makers_flagship_is_a_comparison(kit, make_article):
    text = (
        "OpenAI released gpt-oss-120b and gpt-oss-20b. The models work only with text, "
        "unlike OpenAI's flagship GPT-4o."
    )
    got = claims(kit, make_article, text)
    assert ("gpt-oss", "modality", ("text-only",)) in got
    assert ("gpt-4o", "modality", ("text-only",)) not in got


def test_a_relative_clause_after_a_compared_model_is_about_it(kit, make_article):
    text = "Gemini 1.5 is proprietary, unlike Gemma 2, which Google publishes as open source."
    got = claims(kit, make_article, text)
    assert ("gemma-2", "developer", "google") in got
    assert ("gemma-2", "license", "open-source") in got
    assert ("gemini-1.5", "developer", "google") not in got


def test_apache_written_as_forum_posts_write_it(kit, make_article):
    text = "gpt-oss-120b is apache2 and runs fine. Mistral 7B is under Apache 2."
    assert licences(kit, make_article, text) == {
        ("gpt-oss-120b", "apache-2.0", False),
        ("mistral-7b", "apache-2.0", False),
    }


def test_a_description_by_rank_set_off_after_the_name_leaves_it_the_subject(kit, make_article):
    text = (
        "Meta released Llama 4 Scout and Llama 4 Maverick. Maverick, the larger of the two "
        "Llama 4 models, has 400 billion parameters."
    )
    got = claims(kit, make_article, text)
    assert ("llama-4-maverick", "parameters", 400 * 10**9) in got
    assert ("llama-4", "parameters", 400 * 10**9) not in got


def test_a_size_written_before_a_name_is_that_models_even_after_its(kit, make_article):
    text = "Gemma 3 is here. Its sibling, the 3.8-billion-parameter Phi-4-mini, arrived too."
    got = claims(kit, make_article, text)
    assert ("phi-4-mini", "parameters", 3_800_000_000) in got
    assert ("gemma-3", "parameters", 3_800_000_000) not in got


@pytest.mark.parametrize(
    "opening",
    ["SAN FRANCISCO (Aug 5) - ", "SAN FRANCISCO, Aug 5 (Newswire) - "],
)
def test_a_weekday_under_a_dateline_of_that_day_is_that_day(kit, make_article, opening):
    text = (
        opening + "OpenAI on Tuesday released two open-weight models, gpt-oss-120b and gpt-oss-20b."
    )
    article = make_article(text, published=dt.date(2025, 8, 5))
    dates = {
        (c.model_id, c.value, c.text)
        for c in kit.extractor.extract(article)
        if c.attribute.value == "release_date"
    }
    assert dates == {
        ("gpt-oss-120b", "2025-08-05", "on Tuesday"),
        ("gpt-oss-20b", "2025-08-05", "on Tuesday"),
    }  # and the dateline's own date is no claim
    got = claims(kit, lambda _: article, "")
    assert ("gpt-oss-120b", "developer", "openai") in got  # the names set off after "models,"
    article = make_article(text.replace(opening, ""), published=dt.date(2025, 8, 5))
    dates = {c.value for c in kit.extractor.extract(article) if c.attribute.value == "release_date"}
    assert dates == {"2025-07-29"}  # no dateline: the Tuesday before


def test_members_named_beside_their_family_are_the_group_referred_back_to(kit, make_article):
    text = (
        "Meta has delayed Llama 4 Behemoth. The two Llama 4 models already out, Scout and "
        "Maverick, share a design. Each uses 17 billion active parameters. Their training "
        "data runs to August 2024."
    )
    got = claims(kit, make_article, text)
    for model in ("llama-4-scout", "llama-4-maverick"):
        assert (model, "active_parameters", 17 * 10**9) in got
        assert (model, "knowledge_cutoff", "2024-08") in got
    assert not any(m == "llama-4" for m, a, _ in got if a != "developer")
    text = "Three models in the API: gpt-5, gpt-5-mini and gpt-5-nano. All three read 400K tokens."
    got = claims(kit, make_article, text)
    for model in ("gpt-5", "gpt-5-mini", "gpt-5-nano"):  # GPT-5 is a model as well
        assert (model, "context_length", 400_000) in got


def test_a_year_right_after_a_model_compared_by_since_is_its_release(kit, make_article):
    text = "OpenAI released gpt-oss, its first open-weight release since GPT-2 in 2019."
    got = claims(kit, make_article, text)
    assert (None, "release_date", "2019") in got  # GPT-2: not in the registry
    assert not any(a == "release_date" and v == "2019" for m, a, v in got if m == "gpt-oss")
    text = "Grok-1 came out in March twenty twenty-four."
    assert ("grok-1", "release_date", "2024-03") in claims(kit, make_article, text)


def test_all_but_one_member_and_the_other_members(kit, make_article):
    text = "Google's Gemma 3 came in four sizes. All but the smallest offer a 128K window."
    got = claims(kit, make_article, text)
    for model in ("gemma-3-4b", "gemma-3-12b", "gemma-3-27b"):
        assert (model, "context_length", 128_000) in got
    assert not any(m in ("gemma-3-1b", "gemma-3") for m, a, _ in got if a == "context_length")
    text = "Gemma 3 is out. Every Gemma 3 model except the largest reads images."
    got = {m for m, a, _ in claims(kit, make_article, text) if a == "modality"}
    assert got == {"gemma-3-1b", "gemma-3-4b", "gemma-3-12b"}
    text = "Gemma 3 1B reads 32K tokens, and the other three accept a 128K-token context window."
    got = {(m, v) for m, a, v in claims(kit, make_article, text) if a == "context_length"}
    assert got == {
        ("gemma-3-1b", 32_000),
        ("gemma-3-4b", 128_000),
        ("gemma-3-12b", 128_000),
        ("gemma-3-27b", 128_000),
    }
    text = "Gemma 3 1B reads 32K tokens; the other two apps use bigger models."
    got = {(m, v) for m, a, v in claims(kit, make_article, text) if a == "context_length"}
    assert got == {("gemma-3-1b", 32_000)}  # three others, not two: no group


def test_respectively_after_an_earlier_value_maps_the_last_run(kit, make_article):
    text = (
        "Gemma 3 27B was trained on 14 trillion tokens, and Gemma 3 12B, 4B and 1B on 12, 4 "
        "and 2 trillion tokens respectively."
    )
    got = {(m, v) for m, a, v in claims(kit, make_article, text) if a == "training_tokens"}
    assert got == {
        ("gemma-3-27b", 14 * 10**12),
        ("gemma-3-12b", 12 * 10**12),
        ("gemma-3-4b", 4 * 10**12),
        ("gemma-3-1b", 2 * 10**12),
    }


@pytest.mark.parametrize(
    "text",
    [
        "Hanbit Labs said on Thursday that the weights of its Hanbit-2 32B would be released.",
        "Meta released Llama 4 and told investors last week that demand was strong.",
    ],
)
def test_the_day_someone_spoke_is_no_release_date(kit, make_article, text):
    article = make_article(text, published=dt.date(2025, 2, 1))
    assert not any(c.attribute.value == "release_date" for c in kit.extractor.extract(article))


def test_its_before_a_name_is_the_makers_named_before(kit, make_article):
    text = "Meta itself lost ground to DeepSeek's rise. Its Llama 3.3 is free to download."
    assert ("llama-3.3", "developer", "meta") in claims(kit, make_article, text)
    text = "Mistral AI brought its Mistral Small 3 to the show."
    assert ("mistral-small-3", "developer", "mistral") in claims(kit, make_article, text)
    for text in [
        "Meta wrote about it. Parallax Labs says its Horizon-1 reads 128K tokens.",
        "Mistral AI released Mixtral 8x22B, the newest member of its Mixtral family.",
    ]:
        got = {(m, v) for m, a, v in claims(kit, make_article, text) if a == "developer"}
        assert ("mixtral", "mistral") not in got and not any(m is None for m, _ in got), text


@pytest.mark.parametrize(
    "text",
    [
        "Alibaba's Qwen3 family ranges from 0.6B to 235B: six dense models plus two MoE.",
        "Qwen3 is out. The family spans dense and mixture-of-experts models.",
        "The Qwen3 series comprises two mixture-of-experts (MoE) models and six dense models.",
    ],
)
def test_a_line_up_of_designs_says_no_design_of_the_family(kit, make_article, text):
    assert not any(a == "architecture" for _, a, _ in claims(kit, make_article, text))


def test_designs_said_of_models_still_count(kit, make_article):
    text = "Phi-4 is a plain dense transformer, while Mixtral 8x7B is a mixture of experts."
    got = claims(kit, make_article, text)
    assert ("phi-4", "architecture", (("type", "dense"),)) in got
    assert ("mixtral-8x7b", "architecture", (("type", "moe"),)) in got


def test_a_value_in_a_plural_description_before_a_list_is_each_ones(kit, make_article):
    text = "OpenAI released two open-weight language models, gpt-oss-120b and gpt-oss-20b."
    assert licences(kit, make_article, text) == {
        ("gpt-oss-120b", "open-weights", False),
        ("gpt-oss-20b", "open-weights", False),
    }
    text = "Meta released two natively multimodal models, Llama 4 Scout and Llama 4 Maverick."
    got = {m for m, a, _ in claims(kit, make_article, text) if a == "modality"}
    assert got == {"llama-4-scout", "llama-4-maverick"}


def test_values_given_for_the_model_named_after_them(kit, make_article):
    text = "Knowledge cutoffs are December 2023 for Llama 3.1 8B and October 2023 for Phi-3.5-MoE."
    got = {(m, v) for m, a, v in claims(kit, make_article, text) if a == "knowledge_cutoff"}
    assert got == {("llama-3.1-8b", "2023-12"), ("phi-3.5-moe", "2023-10")}
    text = (
        "Both were trained on far more data: about 40 trillion tokens for Llama 4 Scout and "
        "around 30 trillion for Maverick."
    )
    got = {(m, v) for m, a, v in claims(kit, make_article, text) if a == "training_tokens"}
    assert got == {("llama-4-scout", 40 * 10**12), ("llama-4-maverick", 30 * 10**12)}


def test_a_model_named_twice_in_apposition_gives_one_claim_per_value(kit, make_article):
    text = (
        "OpenAI released two models. The small one, gpt-oss-20b, is twenty-one billion total "
        "and three point six billion active."
    )
    found = [
        (c.model_id, c.attribute.value, c.value)
        for c in kit.extractor.extract(make_article(text))
        if c.attribute.value != "developer"
    ]
    assert sorted(found) == [
        ("gpt-oss-20b", "active_parameters", 3_600_000_000),
        ("gpt-oss-20b", "parameters", 21_000_000_000),
    ]


def test_sizes_listed_before_their_family_name_are_its_members(kit, make_article):
    text = "The 4B, 12B and 27B Gemma 3 models all accept images; the 1B is text-only."
    got = {(m, tuple(v)) for m, a, v in claims(kit, make_article, text) if a == "modality"}
    assert got == {
        ("gemma-3-4b", ("input:image",)),
        ("gemma-3-12b", ("input:image",)),
        ("gemma-3-27b", ("input:image",)),
        ("gemma-3-1b", ("text-only",)),
    }


def test_as_does_and_so_is_share_the_clause_before(kit, make_article):
    text = "GPT-5 remains closed, as does Gemini 2.5 Pro."
    assert licences(kit, make_article, text) == {
        ("gpt-5", "proprietary", False),
        ("gemini-2.5-pro", "proprietary", False),
    }
    text = "Grok-1 is Apache 2.0, as are Qwen2.5-7B and Mistral 7B."
    assert {m for m, *_ in licences(kit, make_article, text)} == {
        "grok-1",
        "qwen2.5-7b",
        "mistral-7b",
    }
    text = "GPT-5 is closed, and so, for now, is Grok-2."
    assert ("grok-2", "proprietary", False) in licences(kit, make_article, text)
    text = "Grok-2 is still closed."
    assert licences(kit, make_article, text) == {("grok-2", "proprietary", False)}
    text = "GPT-5 reads 400K tokens, as Gemini 2.5 Pro does not."
    assert not any(m == "gemini-2.5-pro" for m, *_ in claims(kit, make_article, text))


@pytest.mark.parametrize(
    "text",
    [
        "Mixtral 8x7B is popular. We shard the experts across a node for the MoE layers.",
        "Mixtral 8x7B is popular. A mixture-of-experts (MoE) model replaces the feed-forward "
        "block with several experts.",
        "Mixtral 8x7B is popular. Caption: a researcher walks through the mixture-of-experts "
        "design.",
    ],
)
def test_a_design_in_a_sentence_not_about_the_model_is_no_claim(kit, make_article, text):
    assert not any(a == "architecture" for _, a, _ in claims(kit, make_article, text))


@pytest.mark.parametrize(
    "text",
    [
        "Mixtral 8x7B is popular. It is a mixture of experts.",
        "Mixtral 8x7B is popular. 8 experts, two active per token.",
        "Mixtral 8x7B is popular. The 46.7-billion-parameter model is a mixture of experts.",
        "Mixtral 8x7B is popular. Its model card lists 13B active parameters across 8 experts.",
    ],
)
def test_a_design_said_of_the_model_in_view_still_counts(kit, make_article, text):
    got = {m for m, a, _ in claims(kit, make_article, text) if a == "architecture"}
    assert got == {"mixtral-8x7b"}


@pytest.mark.parametrize(
    "text",
    [
        "Qwen3 is out. Alibaba released its first openly downloadable Qwen models in August 2023.",
        "Qwen3 is out. A year ago, the most capable open model came from Abu Dhabi.",
    ],
)
def test_a_release_date_not_of_the_model_in_view(kit, make_article, text):
    article = make_article(text, published=dt.date(2025, 6, 1))
    assert not any(c.attribute.value == "release_date" for c in kit.extractor.extract(article))


@pytest.mark.parametrize(
    "text",
    [
        "Qwen3 is out. It came out in April.",
        "Qwen3 is out. Released in April, and still good.",
        "Qwen3 is out. A hundred and twenty-eight K of context, came out in April.",
        "Qwen3 is out. Alibaba gives the release date as April 29.",
    ],
)
def test_a_release_date_of_the_model_in_view(kit, make_article, text):
    article = make_article(text, published=dt.date(2025, 6, 1))
    dates = {
        c.model_id for c in kit.extractor.extract(article) if c.attribute.value == "release_date"
    }
    assert dates == {"qwen3"}


@pytest.mark.parametrize(
    "text",
    [
        "Llama 3 is out. For most of this month, the open-weights conversation was about Meta.",
        "Llama 3 is out. The open-weights frontier is crowded, cheap and moving fast.",
        "Llama 3 is out. More open-weight releases came than we could benchmark.",
    ],
)
def test_a_licence_word_describing_a_field_is_no_claim(kit, make_article, text):
    assert not licences(kit, make_article, text)


@pytest.mark.parametrize(
    "text",
    [
        "Gemma 3 is out. Ask questions about photos, read charts, or pull text out of screenshots.",
        "Gemma 3 is out. The big change is vision.",
        "Gemma 3 is out. We spoke over video; the interview has been edited.",
    ],
)
def test_abilities_in_a_sentence_not_about_the_model_are_no_claim(kit, make_article, text):
    assert not any(a == "modality" for _, a, _ in claims(kit, make_article, text))


@pytest.mark.parametrize(
    "text",
    [
        "Gemma 3 is out. It reads images.",
        "Gemma 3 is out. So: image input, at minimum.",
        "Gemma 3 is out. For now the models accept images as well as text.",
        "Gemma 3 is out.\n\n- Apache-2.0, image input\n",
    ],
)
def test_abilities_said_of_the_model_in_view_still_count(kit, make_article, text):
    assert {m for m, a, _ in claims(kit, make_article, text) if a == "modality"} == {"gemma-3"}


def test_whose_size_model_is_the_member_of_that_size(kit, make_article):
    text = (
        "That is a change from Qwen2.5, whose 3B model came under a research-only licence "
        "and whose 72B model used the Qwen License."
    )
    got = licences(kit, make_article, text)
    assert ("qwen2.5-3b", "non-commercial", False) in got
    assert ("qwen2.5-72b", "qwen", False) in got
    assert ("qwen2.5", "qwen", False) not in got


def test_a_description_set_off_after_a_model_built_on_is_that_models(kit, make_article):
    text = (
        "R1 is built on DeepSeek-V3, a 671-billion-parameter mixture-of-experts model "
        "released on December 26."
    )
    got = claims(kit, make_article, text)
    assert ("deepseek-v3", "parameters", 671 * 10**9) in got
    assert any(m == "deepseek-v3" and a == "release_date" for m, a, _ in got)
    assert not any(m == "deepseek-r1" and a != "developer" for m, a, _ in got)


def test_its_in_a_phrase_of_place_and_a_report_date_name_nothing(kit, make_article):
    text = (
        "Meta has pushed back Llama 4 Behemoth, the largest model in its Llama 4 family, "
        "according to a report yesterday."
    )
    article = make_article(text, published=dt.date(2025, 5, 16))
    got = {(c.model_id, c.attribute.value) for c in kit.extractor.extract(article)}
    assert ("llama-4", "developer") not in got
    assert not any(a == "release_date" for _, a in got)


def test_a_known_line_in_lower_case_with_an_unregistered_version_is_its_own_model(
    kit, make_article
):
    text = "Phi-4 is out. The team started with phi-1, a narrow model with 1.3 billion parameters."
    got = claims(kit, make_article, text)
    assert (None, "parameters", 1_300_000_000) in got
    assert ("phi-4", "parameters", 1_300_000_000) not in got


def test_published_dates_a_release(kit, make_article):
    article = make_article("Meta on Tuesday published Llama 3.1.", published=dt.date(2024, 7, 26))
    got = {(c.model_id, c.value) for c in kit.extractor.extract(article)}
    assert ("llama-3.1", "2024-07-23") in got


def test_its_plural_description_before_a_list_is_the_makers_but_its_successor_is_not(
    kit, make_article
):
    text = "Meta has kept its latest models, Llama 4 Scout and Llama 4 Maverick, open."
    got = {m for m, a, _ in claims(kit, make_article, text) if a == "developer"}
    assert got == {"llama-4-scout", "llama-4-maverick"}
    text = "xAI open-sourced Grok-1. Its successor, Grok-1.5, arrived in late March."
    got = {m for m, a, _ in claims(kit, make_article, text) if a == "developer"}
    assert "grok-1.5" not in got


def test_the_first_generation_of_a_line(kit, make_article):
    text = (
        "Gemma 3 is out today. The first Gemma models came out on 21 February 2024 in two "
        "sizes, 2B and 7B. Llama 3.2 was the first Llama that could see images, and Llama 4 "
        "is the first Llama generation built on mixture of experts."
    )
    got = claims(kit, make_article, text)
    assert ("gemma-1", "release_date", "2024-02-21") in got
    assert {("gemma-1", "parameters", 2 * 10**9), ("gemma-1", "parameters", 7 * 10**9)} <= got
    assert {(m, a) for m, a, _ in got if a in ("modality", "architecture")} == {
        ("llama-3.2", "modality"),
        ("llama-4", "architecture"),
    }
    assert not any(m == "llama-1" for m, _, _ in got)


def test_a_known_line_with_a_version_the_registry_lacks_is_an_unknown_model(kit, make_article):
    text = (
        "xAI released Grok-2 in August 2024. Its Grok 4, launched in July, has not been "
        "released as open weights."
    )
    found = kit.extractor.extract(make_article(text, published=dt.date(2025, 8, 1)))
    grok4 = {
        (c.attribute.value, str(c.value), c.qualifiers.negated)
        for c in found
        if c.model == "Grok 4"
    }
    assert grok4 == {
        ("developer", "xai", False),  # "Its Grok 4" after xAI
        ("release_date", "2025-07", False),
        ("license", "open-weights", True),
    }
    assert all(c.model_id is None for c in found if c.model == "Grok 4")


def test_made_public_and_generally_available_since_date_a_release(kit, make_article):
    text = (
        "Phi-3 was made public on 23 April 2024. Google's Gemini 2.0 Flash, generally "
        "available since February 5, takes text and images."
    )
    found = kit.extractor.extract(make_article(text, published=dt.date(2025, 6, 1)))
    got = {(c.model_id, c.attribute.value, str(c.value)) for c in found}
    assert ("phi-3", "release_date", "2024-04-23") in got
    assert ("gemini-2.0-flash", "release_date", "2025-02-05") in got
    assert not any(a == "knowledge_cutoff" for _, a, _ in got)


def test_a_spec_list_in_a_piece_about_two_members_is_their_familys(kit, make_article):
    text = (
        "# OpenAI releases gpt-oss-120b and gpt-oss-20b\n\n"
        "OpenAI released two open-weight models today, gpt-oss-120b and gpt-oss-20b.\n\n"
        "## The specs\n\n"
        "- **Developer:** OpenAI\n"
        "- **Models:** gpt-oss-120b, gpt-oss-20b\n"
        "- **Total parameters:** 117B / 21B\n"
        "- **Active parameters per token:** 5.1B / 3.6B\n"
        "- **Context length:** 128K tokens\n"
        "- **Input / output:** text in, text out\n\n"
        "Both use alternating dense and locally banded sparse attention layers.\n"
    )
    got = claims(kit, make_article, text)
    assert ("gpt-oss", "developer", "openai") in got
    assert {
        ("gpt-oss-120b", "parameters", 117 * 10**9),
        ("gpt-oss-20b", "parameters", 21 * 10**9),
        ("gpt-oss-120b", "active_parameters", 5_100_000_000),
        ("gpt-oss-20b", "active_parameters", 3_600_000_000),
        ("gpt-oss", "context_length", 128_000),
    } <= got
    assert any(m == "gpt-oss" and a == "modality" for m, a, _ in got)
    assert not any(a == "architecture" for _, a, _ in got)  # dense attention is no design


def test_two_licence_values_after_coordinated_models_are_each_ones(kit, make_article):
    text = (
        "Llama 4 Scout and Maverick come under the Llama 4 Community License rather than a "
        "licence approved by the Open Source Initiative."
    )
    assert licences(kit, make_article, text) == {
        ("llama-4-scout", "llama-4-community", False),
        ("llama-4-maverick", "llama-4-community", False),
        ("llama-4-scout", "open-source", True),
        ("llama-4-maverick", "open-source", True),
    }


def test_weights_posted_or_not_published(kit, make_article):
    text = (
        "xAI posted the weights of its Grok 2 model on Hugging Face. GPT-4.1, Claude Sonnet 4 "
        "and Gemini 2.5 Flash were tested too, but their weights are not published."
    )
    assert licences(kit, make_article, text) == {
        ("grok-2", "open-weights", False),
        ("gpt-4.1", "open-weights", True),
        ("claude-sonnet-4", "open-weights", True),
        ("gemini-2.5-flash", "open-weights", True),
    }


def test_a_model_named_after_a_preposition_and_described_is_what_comes_next(kit, make_article):
    text = (
        "Anthropic released Claude Opus 4.1 last month.\n\n"
        "Lakeview has built a coding assistant on gpt-oss-20b, the open-weight model OpenAI "
        "released in August. The model has 21 billion parameters. It carries an Apache 2.0 "
        "license. According to Priya Raman, the model runs on one laptop."
    )
    got = claims(kit, make_article, text)
    assert ("gpt-oss-20b", "parameters", 21 * 10**9) in got
    assert ("gpt-oss-20b", "license", "apache-2.0") in got
    assert not any(
        m is None or m.startswith("claude")
        for m, a, _ in got
        if a != "developer" and a != "release_date"
    )


def test_a_size_in_words_with_parameter_names_the_member(kit, make_article):
    text = (
        "Google's Gemma 3 family is out. The 27-billion-parameter version of Gemma 3, which "
        "arrived in March, reads about 128,000 tokens. Phi-4-mini is the 3.8-billion-parameter "
        "model."
    )
    got = claims(kit, make_article, text)
    assert {
        ("gemma-3-27b", "parameters", 27 * 10**9),
        ("gemma-3-27b", "release_date", "2024-03"),  # published 2024-04-20 in make_article
        ("gemma-3-27b", "context_length", 128_000),
        ("phi-4-mini", "parameters", 3_800_000_000),
    } <= got
    assert not any(m == "gemma-3" and a != "developer" for m, a, _ in got)


def test_a_history_told_by_dated_headings(kit, make_article):
    text = (
        "# A short history of Phi\n\n"
        "## December 2023: the second generation\n\n"
        "Phi-2, published on December 12, has 2.7 billion parameters.\n\n"
        "## April 2024: the third\n\n"
        "Before the release, Microsoft said little. Phi-3-mini had 3.8 billion parameters.\n\n"
        "## August 2024: Phi-3.5 arrives\n\n"
        "Phi-3.5-MoE has 16 experts.\n"
    )
    found = kit.extractor.extract(make_article(text, published=dt.date(2025, 6, 1)))
    dates = {(c.model_id, str(c.value)) for c in found if c.attribute.value == "release_date"}
    # the heading's month is the release of the model its section opens with, and its year
    # is the year of the section's dates; a section opening without a model gives none, and a
    # heading naming its own model dates that one ("Phi-3.5 arrives")
    assert dates == {("phi-2", "2023-12"), ("phi-2", "2023-12-12"), ("phi-3.5", "2024-08")}


def test_a_table_legend_makes_dashes_dense(kit, make_article):
    table = (
        "| Model | Total params | Active | Max context |\n"
        "|---|---|---|---|\n"
        "| Phi-4 | 14B | — | 16K |\n"
        "| Qwen3-30B-A3B | 30B | 3B | 128K |\n"
    )
    legend = "\nA dash under Active means a dense model.\n"
    found = claims(kit, make_article, table + legend)
    assert ("phi-4", "architecture", (("type", "dense"),)) in found
    assert not any(m == "qwen3-30b-a3b" and a == "architecture" for m, a, _ in found)
    assert not any(a == "architecture" for _, a, _ in claims(kit, make_article, table))


def test_a_name_qualifying_another_noun_is_no_subject(kit, make_article):
    text = (
        "Moonshot released Kimi K2 in July, and it is essentially the DeepSeek-V3 recipe "
        "scaled up. Many called it a GPT-4 killer."
    )
    got = claims(kit, make_article, text)
    assert ("kimi-k2", "release_date", "2023-07") in got  # published 2024-04-20
    assert not any(m in ("deepseek-v3", "gpt-4") for m, _, _ in got)


def test_training_data_output_only_and_unnamed_plurals_are_no_claims(kit, make_article):
    text = (
        "Meta says Llama 4 Scout was pretrained on about 40 trillion tokens of text, images "
        "and video, on sequences of 256,000 tokens. Scout and Maverick produce only text. "
        "GPT-4o is quick. Corvane runs three open-weight models on its own servers, and the "
        "Apache-licensed models went through review fastest."
    )
    got = claims(kit, make_article, text)
    assert got == {("llama-4-scout", "training_tokens", 40 * 10**12)} | {
        c for c in got if c[1] == "developer"
    }
    kept = (
        "Amazon Nova Pro processes up to 300,000 tokens of text, images and video in one "
        "request. Mixtral 8x22B and Llama 3 accept and produce text only."
    )
    got = claims(kit, make_article, kept)
    assert (None, "modality", ("input:image", "input:video")) in got
    assert ("llama-3", "modality", ("text-only",)) in got


def test_a_sibling_added_alongside_keeps_its_own_abilities(kit, make_article):
    text = (
        "In February, Microsoft added Phi-4-mini, a 3.8-billion-parameter model with a 128K "
        "window, alongside a multimodal sibling that handles speech and images."
    )
    found = kit.extractor.extract(make_article(text, published=dt.date(2025, 6, 1)))
    got = {(c.model_id, c.attribute.value, str(c.value)) for c in found}
    assert ("phi-4-mini", "release_date", "2025-02") in got
    assert not any(a == "modality" for _, a, _ in got)


def test_a_million_tokens_in_words(kit, make_article):
    text = (
        "GPT-4.1 reads up to a million tokens at once. Gemini 2.5 Pro can take in a million "
        "tokens too. Llama 3 has a million users."
    )
    got = claims(kit, make_article, text)
    assert {(m, a, v) for m, a, v in got if a == "context_length"} == {
        ("gpt-4.1", "context_length", 1_000_000),
        ("gemini-2.5-pro", "context_length", 1_000_000),
    }


def test_both_after_two_members_named_one_by_one(kit, make_article):
    text = (
        "OpenAI released gpt-oss-120b and gpt-oss-20b today. Pricing starts at zero. "
        "gpt-oss-120b has 117 billion parameters. gpt-oss-20b is a scaled-down version with "
        "21 billion. Both handle a context of 131,072 tokens."
    )
    got = claims(kit, make_article, text)
    assert {
        ("gpt-oss-120b", "context_length", 131_072),
        ("gpt-oss-20b", "context_length", 131_072),
    } <= got
    # two models of different families named one by one are no pair
    text = "Phi-4 has 14 billion parameters. Qwen3-8B has 8 billion. Both read 32K tokens."
    assert not any(
        a == "context_length" and m == "phi-4" for m, a, _ in claims(kit, make_article, text)
    )
