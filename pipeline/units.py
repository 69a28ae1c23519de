"""Normalisers shared by the registry and extraction: counts and partial dates.

Plain functions over strings, no spaCy and no registry: both stages call them so that
"70.6B" means the same number in a YAML file and in an article.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal, InvalidOperation

from pipeline.schema import Precision

SCALES: dict[str, int] = {
    "k": 10**3,
    "thousand": 10**3,
    "m": 10**6,
    "mn": 10**6,
    "million": 10**6,
    "b": 10**9,
    "bn": 10**9,
    "billion": 10**9,
    "t": 10**12,
    "tn": 10**12,
    "trillion": 10**12,
    # plurals, as non-native writing has them ("405 billions parameters")
    "thousands": 10**3,
    "millions": 10**6,
    "billions": 10**9,
    "trillions": 10**12,
}

_COUNT = re.compile(r"^\s*(?P<num>\d[\d,]*(?:\.\d+)?)\s*-?\s*(?P<scale>[a-z]+)?\s*$", re.I)


def to_decimal(number: str) -> Decimal | None:
    """'4,096' -> 4096, '1.8' -> 1.8; None when the commas are not thousands separators."""
    if "," in number and not re.fullmatch(r"\d{1,3}(,\d{3})+(\.\d+)?", number):
        return None
    if not re.fullmatch(r"\d[\d,]*(\.\d+)?|\.\d+", number):
        return None  # no exponents ("1E1000000"), signs or specials: text writes counts plainly
    try:
        value = Decimal(number.replace(",", ""))
    except InvalidOperation:
        return None
    return value if value.is_finite() else None


def parse_count(text: str) -> int | None:
    """'70B' -> 70_000_000_000, '128K' -> 128_000, '4,096' -> 4096, '1.8 trillion'."""
    match = _COUNT.match(text)
    if not match:
        return None
    number = to_decimal(match["num"])
    scale_word = (match["scale"] or "").lower()
    if number is None or (scale_word and scale_word not in SCALES):
        return None
    return int(number * SCALES.get(scale_word, 1))


def decimals_of(text: str) -> int:
    """How many digits after the point a number was written with ('1.76T' -> 2)."""
    match = re.search(r"\d\.(\d+)", text)
    return len(match.group(1)) if match else 0


_ISO = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$")


def parse_partial_date(text: str) -> tuple[dt.date, Precision] | None:
    """'2024-04-18' -> day, '2024-04' -> month, '2024' -> year; None if not ISO-like."""
    match = _ISO.match(text.strip())
    if not match:
        return None
    year, month, day = (int(g) if g else None for g in match.groups())
    assert year is not None
    try:
        if day is not None and month is not None:
            return dt.date(year, month, day), Precision.day
        if month is not None:
            return dt.date(year, month, 1), Precision.month
        return dt.date(year, 1, 1), Precision.year
    except ValueError:
        return None


def format_partial_date(date: dt.date, precision: Precision) -> str:
    if precision is Precision.year:
        return f"{date.year:04d}"
    if precision is Precision.month:
        return f"{date.year:04d}-{date.month:02d}"
    return date.isoformat()


def human_count(value: int) -> str:
    """70_000_000_000 -> '70B', 131_072 -> '131,072', 128_000 -> '128K'."""
    for suffix, scale in (("T", 10**12), ("B", 10**9), ("M", 10**6), ("K", 10**3)):
        if value >= scale:
            scaled = Decimal(value) / scale
            if scaled == scaled.to_integral_value() or value >= 10**6:
                text = f"{scaled:.2f}".rstrip("0").rstrip(".")
                return f"{text}{suffix}"
            return f"{value:,}"
    return str(value)
