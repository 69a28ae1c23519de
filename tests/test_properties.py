"""Property-based tests (hypothesis) of the normalisers and of extraction on arbitrary text."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from pipeline.extract.dates import _absolute, _parser, parse_date, relative_fast
from pipeline.extract.numbers import parse_count_text, parse_moe_shape
from pipeline.registry.index import MAX_VARIANTS, alias_key, alias_variants
from pipeline.runner import Toolkit
from pipeline.schema import Article, Precision
from pipeline.units import format_partial_date, human_count, parse_count, parse_partial_date

SUFFIXES = {"K": 10**3, "M": 10**6, "B": 10**9, "T": 10**12}
WORDS = {"thousand": 10**3, "million": 10**6, "billion": 10**9, "trillion": 10**12}
MONTHS = [dt.date(2000, m, 1).strftime("%B") for m in range(1, 13)]

counts = st.integers(min_value=0, max_value=10**16)
decimals = st.decimals(min_value=0, max_value=999, places=2, allow_nan=False).map(
    lambda d: d.normalize() if d != d.to_integral_value() else d.quantize(Decimal(1))
)
dates = st.dates(min_value=dt.date(1000, 1, 1), max_value=dt.date(9999, 12, 31))
precisions = st.sampled_from(list(Precision))


def truncate(day: dt.date, precision: Precision) -> dt.date:
    if precision is Precision.year:
        return day.replace(month=1, day=1)
    if precision is Precision.month:
        return day.replace(day=1)
    return day


# pipeline/units.py ---------------------------------------------------------------------


@given(counts)
def test_parse_count_reads_plain_and_grouped_integers(n: int):
    assert parse_count(str(n)) == n
    assert parse_count(f"{n:,}") == n


@given(decimals, st.sampled_from(sorted({**SUFFIXES, **WORDS})), st.sampled_from(["", " "]))
def test_parse_count_applies_the_scale(number: Decimal, scale: str, gap: str):
    factor = {**SUFFIXES, **WORDS}[scale]
    assert parse_count(f"{number}{gap}{scale}") == int(number * factor)
    assert parse_count(f"{number}{gap}{scale.lower()}") == int(number * factor)


@given(st.text())
def test_parse_count_never_raises_and_is_never_negative(text: str):
    value = parse_count(text)
    assert value is None or value >= 0


@given(counts)
@example(999_999_999_999)  # rounds up to '1000B'
@example(131_072)
def test_human_count_round_trips_within_its_rounding(n: int):
    shown = human_count(n)
    back = parse_count(shown)
    assert back is not None
    scale = SUFFIXES.get(shown[-1], 1)
    # two decimals at most: the value read back is off by at most half a hundredth of a scale
    assert abs(back - n) <= scale // 200
    if n < 10**6:
        assert back == n  # below a million the count is shown exactly ('131,072')
    assert parse_count(human_count(back)) == back


@given(decimals.filter(lambda d: d >= 1), st.sampled_from(sorted(SUFFIXES)))
def test_human_count_shows_exact_scaled_values_unchanged(number: Decimal, suffix: str):
    n = int(number * SUFFIXES[suffix])
    if n >= 10**6 or number == number.to_integral_value():
        assert parse_count(human_count(n)) == n


@given(dates, precisions)
def test_partial_dates_round_trip(day: dt.date, precision: Precision):
    text = format_partial_date(day, precision)
    assert parse_partial_date(text) == (truncate(day, precision), precision)
    assert parse_partial_date(f" {text} ") == (truncate(day, precision), precision)


@given(st.text())
def test_parse_partial_date_never_raises(text: str):
    parsed = parse_partial_date(text)
    if parsed is not None:
        day, precision = parsed
        assert parse_partial_date(format_partial_date(day, precision)) == parsed


# pipeline/extract/numbers.py -----------------------------------------------------------


@given(decimals, st.sampled_from(sorted(SUFFIXES)), st.sampled_from(["", "+"]))
def test_parse_count_text_reads_suffixed_counts(number: Decimal, suffix: str, plus: str):
    expected = int(number * SUFFIXES[suffix])
    assert parse_count_text(f"{number}{suffix}{plus}") == expected
    assert parse_count_text(f"{number} {suffix.lower()}") == expected


@given(counts, st.sampled_from(sorted(WORDS)))
def test_parse_count_text_agrees_with_parse_count(n: int, word: str):
    assert parse_count_text(f"{n:,}") == parse_count(f"{n:,}") == n
    assert parse_count_text(f"{n:,} {word}") == parse_count(f"{n:,} {word}") == n * WORDS[word]


@given(st.integers(min_value=0, max_value=99), st.sampled_from(sorted(WORDS)))
def test_parse_count_text_reads_number_words(n: int, word: str):
    units = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
    teens = ["ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen"]
    teens += ["seventeen", "eighteen", "nineteen"]
    tens = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
    spelled = units[n] if n < 10 else teens[n - 10] if n < 20 else tens[n // 10]
    if n >= 20 and n % 10:
        spelled += f"-{units[n % 10]}"
    assert parse_count_text(f"{spelled} {word}") == n * WORDS[word]


COUNT_ALPHABET = st.sampled_from([*"0123456789.,+-xX× KkMBbTtE", "billion", "one"])


@given(st.lists(COUNT_ALPHABET, max_size=12).map("".join))
def test_parse_count_text_never_raises_on_count_like_text(text: str):
    value = parse_count_text(text)
    assert value is None or value >= 0


@pytest.mark.parametrize("text", ["nan", "NaN billion", "inf", "Infinity", "1E1000000", "1E5"])
def test_parse_count_text_rejects_decimal_specials(text: str):
    """'nan', 'inf' and exponents are not counts (to_decimal once accepted them: int() raised,
    and '1E1000000' overflowed)."""
    assert parse_count_text(text) is None


@given(
    st.integers(min_value=1, max_value=999),
    decimals.filter(lambda d: d > 0),
    st.sampled_from(["B", "M", "T"]),
    st.sampled_from(["x", "X", "×"]),
)
def test_parse_moe_shape_reads_both_shapes(experts: int, size: Decimal, scale: str, times: str):
    amount = int(size * SUFFIXES[scale])
    shape = parse_moe_shape(f"{experts}{times}{size}{scale}")
    assert shape == {"experts": experts, "expert_size": amount}
    assert parse_moe_shape(f"{size}{scale}{times}{experts}E") == {
        "experts": experts,
        "active": amount,
    }


@given(st.text())
def test_parse_moe_shape_never_raises(text: str):
    shape = parse_moe_shape(text)
    assert shape is None or shape["experts"] >= 0


# pipeline/extract/dates.py (dateparser is slow: few examples) --------------------------

SLOW = settings(max_examples=50, deadline=None)
recent = st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2035, 12, 31))


@SLOW
@given(recent, st.sampled_from(["{m} {d}, {y}", "{d} {m} {y}", "{m} {d}th, {y}", "{y}-{mm}-{dd}"]))
def test_parse_date_reads_full_dates(day: dt.date, shape: str):
    text = shape.format(
        m=MONTHS[day.month - 1], d=day.day, y=day.year, mm=f"{day.month:02d}", dd=f"{day.day:02d}"
    )
    parsed = parse_date(text, relative=False, published=None)
    assert parsed is not None and parsed.value == day and parsed.precision is Precision.day
    assert parsed.relative is False


@SLOW
@given(recent, st.sampled_from(["{m} {y}", "{m} of {y}", "in {m} {y}"]))
def test_parse_date_keeps_month_precision(day: dt.date, shape: str):
    text = shape.format(m=MONTHS[day.month - 1], y=day.year)
    parsed = parse_date(text, relative=False, published=None)
    assert parsed is not None and parsed.precision is Precision.month
    assert parsed.value == day.replace(day=1)


@SLOW
@given(
    recent,
    st.sampled_from(["{m} {y}", "{m} {d}, {y}", "{d} {m} {y}", "{y}-{mm}-{dd}", "{y}-{mm}", "{y}"]),
    st.sampled_from([str.title, lambda m: m[:3], lambda m: m[:3] + "."]),
)
def test_the_fast_date_path_agrees_with_dateparser(day: dt.date, shape: str, spell: Any):
    """The shapes read without dateparser give what dateparser gives."""
    text = shape.format(
        m=spell(MONTHS[day.month - 1]),
        d=day.day,
        y=day.year,
        mm=f"{day.month:02d}",
        dd=f"{day.day:02d}",
    )
    fast = _absolute(text)
    data = _parser(None).get_date_data(text)
    assert fast is not None and data.date_obj is not None
    precision = {"day": Precision.day, "month": Precision.month}.get(
        data.period or "", Precision.year
    )
    assert fast[1] is precision
    expected = data.date_obj.date()
    assert (
        fast[0]
        == {
            Precision.day: expected,
            Precision.month: expected.replace(day=1),
            Precision.year: dt.date(expected.year, 1, 1),
        }[precision]
    )


@SLOW
@given(st.sampled_from(["last week", "yesterday", "last month", "April 3"]), recent)
def test_parse_date_leaves_unresolvable_dates_open(text: str, published: dt.date):
    unresolved = parse_date(text, relative=text != "April 3", published=None)
    assert unresolved is not None and unresolved.value is None and unresolved.relative
    resolved = parse_date(text, relative=text != "April 3", published=published)
    assert resolved is not None and resolved.value is not None
    assert resolved.value <= published


@SLOW
@given(st.text(max_size=40), st.booleans(), st.none() | recent)
def test_parse_date_never_raises(text: str, relative: bool, published: dt.date | None):
    parsed = parse_date(text, relative=relative, published=published)
    assert parsed is None or parsed.precision in set(Precision)


# pipeline/registry/index.py ------------------------------------------------------------

alias_text = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=30)
ALIAS_PIECES = st.sampled_from(
    ["Llama", "Qwen", "GPT", "3", "3.1", "70B", "-", " ", "_", "o", "Mini"]
)
aliases = alias_text | st.lists(ALIAS_PIECES, min_size=1, max_size=8).map("".join)


@given(aliases)
def test_alias_key_is_idempotent_and_has_no_separators(text: str):
    key = alias_key(text)
    assert alias_key(key) == key
    assert not any(c.isspace() or c in "-_" for c in key)


@given(aliases.filter(alias_key))
def test_every_alias_variant_has_the_alias_key(alias: str):
    variants = alias_variants(alias)
    assert len(variants) <= MAX_VARIANTS + 1
    assert len(set(variants)) == len(variants)
    assert alias.strip() in variants
    for variant in variants:
        assert variant and variant == variant.strip()
        assert alias_key(variant) == alias_key(alias)


@pytest.mark.parametrize("alias", ["", " ", "-", " _ "])
def test_alias_variants_of_a_blank_alias_is_empty(alias: str):
    """A blank alias has no spellings (it once raised a bare ValueError)."""
    assert alias_variants(alias) == []


@settings(max_examples=200, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_every_registry_pattern_resolves(kit: Toolkit, data: st.DataObject):
    spelling, ident = data.draw(st.sampled_from(kit.registry.model_patterns()))
    resolved = kit.registry.resolve(spelling)
    assert resolved is not None
    assert resolved == ident or kit.registry.name_of(ident) == kit.registry.name_of(resolved)


# extraction on arbitrary text ----------------------------------------------------------

FRAGMENTS = [
    "Llama 3",
    "Llama 4 Scout",
    "Mixtral 8x7B",
    "Qwen2.5-72B",
    "GPT-4o",
    "Meta",
    "Mistral AI",
    "70B",
    "8 billion parameters",
    "128K-token context window",
    "a context of 1 million tokens",
    "trained on over 15 trillion tokens",
    "released on April 18, 2024",
    "launched last Thursday",
    "in July 2023",
    "knowledge cutoff of December 2023",
    "Apache 2.0",
    "mixture-of-experts with 16 experts",
    "17B active parameters",
    "reportedly",
    "up to",
    "about",
    "respectively",
    "natively multimodal",
    "**Parameters:**",
    "Context: 32K",
    "# ",
    "1. ",
    ". ",
    ", ",
    ":",
    "\n",
    "\n\n",
    "  ",
    "(",
    ")",
]
article_texts = st.lists(
    st.sampled_from(FRAGMENTS) | st.text(max_size=12), min_size=1, max_size=40
).map(" ".join)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(article_texts, st.none() | recent)
def test_extraction_never_raises_and_spans_match_the_text(
    kit: Toolkit, text: str, published: dt.date | None
):
    article = Article.build(path="p.md", text=text, published=published)
    for claim in kit.extractor.extract(article):
        assert 0 <= claim.start <= claim.end <= len(text)
        assert claim.text == text[claim.start : claim.end]
        assert claim.article_id == article.id
        assert claim.sentence in text


@settings(max_examples=150, deadline=None)
@given(
    st.dates(min_value=dt.date(2015, 1, 1), max_value=dt.date(2030, 12, 31)),
    st.one_of(
        st.sampled_from(["today", "yesterday", "last week", "last month", "Today", "Last week"]),
        st.sampled_from(["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]),
        st.sampled_from(["Sunday"]),
        st.builds(lambda m: m, st.sampled_from(MONTHS)),
        st.builds(
            lambda m, d: f"{m} {d}", st.sampled_from(MONTHS), st.integers(min_value=1, max_value=28)
        ),
    ),
)
@example(dt.date(2024, 4, 16), "Tuesday")  # the same weekday: a week back
@example(dt.date(2024, 4, 16), "April 16")  # the same day: that day
@example(dt.date(2024, 4, 16), "April 20")  # after it: the year before
def test_the_fast_relative_path_agrees_with_dateparser(base: dt.date, text: str):
    """Relative and year-less shapes read without dateparser give what dateparser gives."""
    fast = relative_fast(text, base)
    data = _parser(base).get_date_data(text)
    assert fast is not None and data.date_obj is not None
    precision = {"day": Precision.day, "week": Precision.day, "month": Precision.month}[
        data.period or "day"
    ]
    expected = data.date_obj.date()
    if precision is Precision.month:
        expected = expected.replace(day=1)
    assert fast == (expected, precision)
