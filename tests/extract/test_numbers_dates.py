"""The count and date normalisers."""

from __future__ import annotations

import datetime as dt

import pytest

from pipeline.extract.dates import ParsedDate, anaphoric_date, parse_date
from pipeline.extract.numbers import moe_details, parse_count_text, parse_moe_shape
from pipeline.schema import Precision
from pipeline.units import human_count, parse_count


@pytest.mark.parametrize(
    "text,value",
    [
        ("70B", 70_000_000_000),
        ("70 billion", 70_000_000_000),
        ("seventy billion", 70_000_000_000),
        ("five point one billion", 5_100_000_000),
        ("two point six B", 2_600_000_000),
        ("1.8 trillion", 1_800_000_000_000),
        ("4,096", 4096),
        ("128K", 128_000),
        ("128k", 128_000),
        ("1-million", 1_000_000),
        ("15T", 15_000_000_000_000),
        ("15 T", 15_000_000_000_000),
        ("twenty-five billion", 25_000_000_000),
        ("3.8B", 3_800_000_000),
        ("half a billion", 500_000_000),
        ("a hundred and nine billion", 109_000_000_000),
        ("fifteen and a half trillion", 15_500_000_000_000),
        ("a million", 1_000_000),
        ("14 and a half trillion", 14_500_000_000_000),
    ],
)
def test_counts(text: str, value: int):
    assert parse_count_text(text) == value


@pytest.mark.parametrize("text", ["3.1", "4,09", "banana", ""])
def test_not_counts(text: str):
    assert parse_count(text) is None or text == "3.1"


@pytest.mark.parametrize(
    "text,shape",
    [
        ("8x7B", {"experts": 8, "expert_size": 7_000_000_000}),
        ("17Bx16E", {"experts": 16, "active": 17_000_000_000}),
    ],
)
def test_moe_shapes(text: str, shape: dict[str, int]):
    assert parse_moe_shape(text) == shape


@pytest.mark.parametrize(
    "text,details",
    [
        ("16 experts, 2 active per token", {"experts": 16, "experts_per_token": 2}),
        ("with two of its eight experts active", {"experts": 8, "experts_per_token": 2}),
        ("routing each token to 4 of 128 experts", {"experts": 128, "experts_per_token": 4}),
        (
            "drawn from 64 experts with 8 picked for each token",
            {"experts": 64, "experts_per_token": 8},
        ),
        ("128 experts, of which 8 are active", {"experts": 128, "experts_per_token": 8}),
        ("8 experts active per token", {"experts_per_token": 8}),
        ("sixteen experts and it picked four", {"experts": 16, "experts_per_token": 4}),
        (
            "a hundred and twenty-eight experts and picks four",
            {"experts": 128, "experts_per_token": 4},
        ),
        # a count of active parameters is no choice of experts
        ("thirty-six active, sixteen experts", {"experts": 16}),
        ("routes each token through 17 billion active parameters of 16 experts", {"experts": 16}),
        (
            "using 16 experts and picking two for each token",
            {"experts": 16, "experts_per_token": 2},
        ),
        (
            "divided into 256 experts, eight of which are switched on for each token",
            {"experts": 256, "experts_per_token": 8},
        ),
        ("has 32 experts per layer and also uses four", {"experts": 32, "experts_per_token": 4}),
        (
            "128 experts, and a router picks four of them per token",
            {"experts": 128, "experts_per_token": 4},
        ),
        ("32 experts, four of which fire for each token", {"experts": 32, "experts_per_token": 4}),
    ],
)
def test_expert_counts_in_prose(text: str, details: dict[str, int]):
    assert moe_details(text) == details


@pytest.mark.parametrize("value", [70_000_000_000, 128_000, 1_800_000_000_000, 8_030_000_000])
def test_human_count_round_trips(value: int):
    assert parse_count(human_count(value)) == value


PUBLISHED = dt.date(2024, 4, 20)  # a Saturday


@pytest.mark.parametrize(
    "text,relative,value,precision",
    [
        ("April 18, 2024", False, dt.date(2024, 4, 18), Precision.day),
        ("18 April 2024", False, dt.date(2024, 4, 18), Precision.day),
        ("April 2024", False, dt.date(2024, 4, 1), Precision.month),
        ("March 4th", False, dt.date(2024, 3, 4), Precision.day),
        ("last Thursday", True, dt.date(2024, 4, 18), Precision.day),
        ("two days ago", True, dt.date(2024, 4, 18), Precision.day),
        ("today", True, dt.date(2024, 4, 20), Precision.day),
        ("April of last year", True, dt.date(2023, 4, 1), Precision.month),
        ("in May last year", True, dt.date(2023, 5, 1), Precision.month),
        ("March this year", True, dt.date(2024, 3, 1), Precision.month),
        ("Aug-25", False, dt.date(2025, 8, 1), Precision.month),
        ("6-Aug-25", False, dt.date(2025, 8, 6), Precision.day),
    ],
)
def test_dates_resolve_against_publication(
    text: str, relative: bool, value: dt.date, precision: Precision
):
    parsed = parse_date(text, relative=relative, published=PUBLISHED)
    assert parsed is not None
    assert (parsed.value, parsed.precision) == (value, precision)


@pytest.mark.parametrize(
    "text,relative",
    [("last Thursday", True), ("March 4th", False), ("April of last year", True)],
)
def test_relative_dates_without_publication_stay_unresolved(text: str, relative: bool):
    parsed = parse_date(text, relative=relative, published=None)
    assert parsed is not None and parsed.value is None and parsed.relative


def test_a_hedged_year_less_date_looks_ahead():
    published = dt.date(2025, 3, 20)
    past = parse_date("in April", relative=False, published=published)
    ahead = parse_date("in April", relative=False, published=published, ahead=True)
    assert past is not None and past.value == dt.date(2024, 4, 1)
    assert ahead is not None and ahead.value == dt.date(2025, 4, 1)
    this_month = parse_date("in March", relative=False, published=published, ahead=True)
    assert this_month is not None and this_month.value == dt.date(2025, 3, 1)


@pytest.mark.parametrize(
    "text,expected",
    [
        ("that July", ("2023-07", Precision.month)),
        ("That September", ("2023-09", Precision.month)),
        ("the same month", ("2023-03", Precision.month)),
        ("that month", ("2023-03", Precision.month)),
        ("that year", ("2023", Precision.year)),
        ("the same week", None),  # not a shape this reads
        ("Ten days later", ("2023-03-24", Precision.day)),
        ("a day earlier", ("2023-03-13", Precision.day)),
        ("two months later", ("2023-05", Precision.month)),
    ],
)
def test_a_date_given_by_the_date_named_before(text, expected):
    anchor = ParsedDate(dt.date(2023, 3, 14), Precision.day, relative=False)
    parsed = anaphoric_date(text, anchor)
    if expected is None:
        assert parsed is None
        return
    assert parsed is not None and parsed.value is not None
    assert (parsed.value.isoformat()[: len(expected[0])], parsed.precision) == expected


def test_a_date_referring_back_to_nothing_is_unresolved():
    parsed = anaphoric_date("that July", None)
    assert parsed is not None and parsed.value is None and parsed.relative


def test_that_month_after_a_bare_year_says_no_month():
    assert (
        anaphoric_date("that month", ParsedDate(dt.date(2023, 1, 1), Precision.year, False)) is None
    )


def test_release_dates_told_as_a_story_take_the_year_told_before(kit, make_article):
    text = (
        "Meta released Llama 2 in July 2023. Falcon 180B appeared that September, and in "
        "November Mixtral 8x7B followed. Yi-34B was released the same month."
    )
    got = release_dates(kit, make_article, text, dt.date(2025, 6, 1))
    assert {
        ("llama-2", "2023-07"),
        ("falcon-180b", "2023-09"),
        ("yi-34b", "2023-11"),  # the November after July 2023
    } <= got


def test_a_timeline_entry_under_a_year_heading_is_a_release_of_that_year(kit, make_article):
    text = (
        "# Five years of open models\n\n## 2023\n\n"
        "- **February 24.** Meta puts out the original LLaMA under a research licence.\n"
        "- **July 18.** Llama 2, trained on 2 trillion tokens.\n\n"
        "## 2024\n\n"
        "- **April 18.** Llama 3, trained on over 15 trillion tokens.\n"
    )
    got = {
        (c.model_id, c.value, c.qualifiers.relative_date)
        for c in kit.extractor.extract(make_article(text, published=dt.date(2025, 12, 1)))
        if c.attribute.value == "release_date"
    }
    assert ("llama-2", "2023-07-18", False) in got
    assert ("llama-3", "2024-04-18", False) in got
    assert any(model == "llama-1" and value == "2023-02-24" for model, value, _ in got)


def test_days_counted_from_a_month_say_no_day():
    anchor = ParsedDate(dt.date(2024, 3, 1), Precision.month, relative=False)
    assert anaphoric_date("ten days later", anchor) is None


def test_months_with_mid_end_and_a_date_in_brackets_after_a_name(kit, make_article):
    text = (
        "OpenAI released GPT-4.1 in mid-April. Qwen3 arrived at the end of March. "
        "We also tried DeepSeek-V3 (December 2024)."
    )
    got = release_dates(kit, make_article, text, dt.date(2025, 6, 1))
    assert got == {("gpt-4.1", "2025-04"), ("qwen3", "2025-03"), ("deepseek-v3", "2024-12")}


def test_months_written_in_lower_case_in_casual_writing(kit, make_article):
    text = "qwen2.5 7b came out in september. Mistral 7B is fine. We march in april."
    got = release_dates(kit, make_article, text, dt.date(2025, 6, 1))
    assert got == {("qwen2.5-7b", "2024-09")}
    text = "Llama 3 70B is good, and you may find it in may builds."
    assert release_dates(kit, make_article, text, dt.date(2025, 6, 1)) == set()


def test_an_expected_release_is_hedged_and_looks_ahead(kit, make_article):
    text = (
        "Llama 4 is expected next month. GPT-5 is widely expected on Thursday. Corvid-8B was"
        " uploaded on Monday. Claude 3.7 Sonnet was released by Anthropic in February 2025."
    )
    found = kit.extractor.extract(make_article(text, published=dt.date(2025, 8, 3)))
    got = {(c.model, c.value, c.qualifiers.hedged) for c in found if c.attribute == "release_date"}
    assert got == {
        ("Llama 4", "2025-09", True),
        ("GPT-5", "2025-08-07", True),  # a Sunday's coming Thursday
        ("Corvid-8B", "2025-07-28", False),
        ("Claude 3.7 Sonnet", "2025-02", False),
    }


def release_dates(kit, make_article, text: str, published: dt.date) -> set[tuple[str, str]]:
    """(model id, release date) of every release-date claim extracted from ``text``."""
    found = kit.extractor.extract(make_article(text, published=published))
    return {(c.model_id, c.value) for c in found if c.attribute.value == "release_date"}


def test_a_date_with_a_clock_time_is_when_a_message_was_sent(kit, make_article):
    text = (
        "**Date:** Wed, 19 Mar 2025 10:42 +0000\n\nDeepSeek-R1 is good.\n\nDate: Tue, 18 Mar"
        " 2025 at 17:05\n\nMixtral 8x22B is fine. Mixtral 8x22B was released on 17 April 2024."
    )
    got = release_dates(kit, make_article, text, dt.date(2025, 3, 20))
    assert got == {("mixtral-8x22b", "2024-04-17")}


def test_data_that_stops_at_a_date_is_a_cutoff_even_beside_a_release(kit, make_article):
    text = (
        "Cutoffs differ inside one release: Llama 3 8B stops at March 2023. Phi-4 came out in"
        " December 2024 and its training data stops in June 2024."
    )
    found = kit.extractor.extract(make_article(text, published=dt.date(2025, 6, 1)))
    got = {(c.model_id, c.attribute.value, c.value) for c in found}
    assert got == {
        ("llama-3-8b", "knowledge_cutoff", "2023-03"),
        ("phi-4", "release_date", "2024-12"),
        ("phi-4", "knowledge_cutoff", "2024-06"),
    }


def test_years_ago_today_the_same_day_and_a_month_of_last_year(kit, make_article):
    text = (
        "Three years ago today, Meta released Llama 2. The same day, Mistral AI released Mistral"
        " NeMo. The next day, Mistral Large 2 was released. Two years ago, Phi-3 launched. Qwen3"
        " came out at the end of April last year."
    )
    got = release_dates(kit, make_article, text, dt.date(2026, 7, 18))
    assert got == {
        ("llama-2", "2023-07-18"),
        ("mistral-nemo", "2023-07-18"),
        ("mistral-large-2", "2023-07-19"),
        ("phi-3", "2024"),
        ("qwen3", "2025-04"),
    }


def test_a_month_ago_and_a_lower_case_month_and_day(kit, make_article):
    text = (
        "Mistral 7B is fast. It came out a month ago. Phi-4 came out a year ago. OpenAI's"
        " gpt-oss-20b dropped last week (aug 5)."
    )
    got = release_dates(kit, make_article, text, dt.date(2025, 8, 12))
    assert got == {("mistral-7b", "2025-07"), ("phi-4", "2024"), ("gpt-oss-20b", "2025-08-05")}


def test_a_month_after_a_description_set_off_by_commas_is_the_release(kit, make_article):
    text = (
        "Mistral AI released Mistral Small 3, a 24B model, in January. Meta released Llama 3,"
        " its new model, and its shares rose in March."
    )
    got = release_dates(kit, make_article, text, dt.date(2025, 4, 20))
    assert got == {("mistral-small-3", "2025-01")}


@pytest.mark.parametrize(
    ("text", "windows"),
    [
        ("Qwen2.5-72B reads up to 128K tokens and can generate up to 8K tokens.", {128_000}),
        ("GPT-4o mini has a 128K context window and a 16K output limit.", {128_000}),
        ("Claude 3.7 Sonnet supports up to 128K output tokens.", set()),
        ("GPT-4.1 can produce a maximum of 32,768 output tokens.", set()),
        ("Gemini 1.5 Pro's max output is 8,192 tokens.", set()),
        ("Mistral 7B can generate text with a 32K context window.", {32_000}),
        ("We ran Qwen2.5-72B greedily, with a maximum of 1,024 new tokens.", set()),
        ("Gemma 3 27B fits at Q4 with room for about 20K tokens of cache.", set()),
    ],
)
def test_an_output_limit_is_not_a_context_window(kit, make_article, text, windows):
    found = kit.extractor.extract(make_article(text))
    assert {c.value for c in found if c.attribute.value == "context_length"} == windows


def test_business_paper_scales_glued_on(kit, make_article):
    text = (
        "Investors wiped $600bn off Nvidia. DeepSeek-V3, a mixture-of-experts model with 671bn"
        " parameters, activates only 37bn parameters for each token and was trained on 14.8tn"
        " tokens."
    )
    found = kit.extractor.extract(make_article(text))
    got = {(c.model_id, c.attribute.value, c.value) for c in found if isinstance(c.value, int)}
    assert ("deepseek-v3", "parameters", 671_000_000_000) in got
    assert ("deepseek-v3", "active_parameters", 37_000_000_000) in got
    assert ("deepseek-v3", "training_tokens", 14_800_000_000_000) in got
    assert not any(c.value == 600_000_000_000 for c in found)


def test_a_window_after_its_and_a_misspelt_parameters(kit, make_article):
    text = "Phi-4 is a small model. It's 16K. Llama 3.1 8B has 8 billion paramaters."
    found = kit.extractor.extract(make_article(text))
    got = {(c.model_id, c.attribute.value, c.value) for c in found}
    assert got == {
        ("phi-4", "context_length", 16_000),
        ("llama-3.1-8b", "parameters", 8_000_000_000),
    }


def test_a_size_predicated_with_its_design_and_a_window_a_model_holds(kit, make_article):
    text = (
        "Llama 4 Maverick is a 400B mixture of experts. Grok-1, a 314B MoE, is open. Maverick"
        " holds one million. A 70B dense model would need 140GB."
    )
    found = kit.extractor.extract(make_article(text))
    got = {(c.model_id, c.attribute.value, c.value) for c in found if isinstance(c.value, int)}
    assert got == {
        ("llama-4-maverick", "parameters", 400_000_000_000),
        ("grok-1", "parameters", 314_000_000_000),
        ("llama-4-maverick", "context_length", 1_000_000),
    }


def test_a_launch_in_the_present_tense_is_a_release(kit, make_article):
    text = (
        "Today we are excited to announce Phi-4-mini. Today, Google is launching Gemma 3. We're"
        " introducing Llama 3.3 70B today."
    )
    got = release_dates(kit, make_article, text, dt.date(2025, 2, 26))
    assert got == {
        ("phi-4-mini", "2025-02-26"),
        ("gemma-3", "2025-02-26"),
        ("llama-3.3-70b", "2025-02-26"),
    }


@pytest.mark.parametrize(
    "text,published,value,relative",
    [
        ("Christmas Day", dt.date(2025, 2, 1), dt.date(2024, 12, 25), True),
        ("on Christmas Day", dt.date(2025, 12, 30), dt.date(2025, 12, 25), True),
        ("the day after Christmas", dt.date(2025, 2, 1), dt.date(2024, 12, 26), True),
        ("Boxing Day 2024", None, dt.date(2024, 12, 26), False),
        ("New Year's Eve", dt.date(2025, 2, 1), dt.date(2024, 12, 31), True),
        ("the day after Christmas last year", dt.date(2025, 8, 12), dt.date(2024, 12, 26), True),
        ("Christmas Eve", None, None, True),
    ],
)
def test_holidays_are_days(text, published, value, relative):
    parsed = parse_date(text, relative=False, published=published)
    assert parsed == ParsedDate(value, Precision.day, relative)


def test_a_holiday_expected_is_the_next_one():
    parsed = parse_date(
        "on Christmas Day", relative=False, published=dt.date(2025, 3, 1), ahead=True
    )
    assert parsed is not None and parsed.value == dt.date(2025, 12, 25)


@pytest.mark.parametrize(
    "text,value",
    [
        ("March twenty twenty-three", dt.date(2023, 3, 1)),
        ("June twenty\ntwenty-four", dt.date(2024, 6, 1)),
        ("July twenty nineteen", dt.date(2019, 7, 1)),
        ("December of twenty twenty", dt.date(2020, 12, 1)),
    ],
)
def test_years_said_in_words(text, value):
    parsed = parse_date(text, relative=False, published=dt.date(2025, 8, 1))
    assert parsed == ParsedDate(value, Precision.month, False)


def test_a_spoken_turn_wrapped_over_lines_keeps_its_numbers_whole(kit, make_article):
    text = (
        "**REINER:** We have one customer on it. DBRX was early — March 2024, a hundred and\n"
        "thirty-two billion total, sixteen experts and it picked four.\n\n"
        "**OKAFOR:** Behemoth was meant to have two trillion parameters with two\n"
        "hundred and eighty-eight billion active.\n"
    )
    found = kit.extractor.extract(make_article(text))
    got = {(c.model_id, c.attribute.value, str(c.value)) for c in found}
    assert got == {
        ("dbrx", "parameters", "132000000000"),
        ("dbrx", "architecture", str({"type": "moe", "experts": 16, "experts_per_token": 4})),
        ("llama-4-behemoth", "parameters", "2000000000000"),
        ("llama-4-behemoth", "active_parameters", "288000000000"),
    }
