"""One comparator per attribute: does a claimed value agree with a registry value?

Counts and dates are compared as intervals: the claim's interval comes from how it was
written (rounding, bounds), the registry's from its own bound and estimate status. Where
the line falls is a named constant per attribute below, documented in docs/checking.md.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from typing import Any

from pipeline.registry.model import Architecture, FactStatus, Licence, Modality, PartialDate
from pipeline.schema import Attribute, Bound, Claim, Precision
from pipeline.units import decimals_of, to_decimal

# Relative tolerance of an unqualified count, per attribute ("70B" agrees with 70.6B).
ROUNDING = {
    Attribute.parameters: 0.05,
    Attribute.active_parameters: 0.05,
    Attribute.context_length: 0.02,
    Attribute.training_tokens: 0.05,
}
OVER_MARGIN = 0.25  # "over 15T" agrees up to 15T * 1.25 ("a little over"), not 40T
ABOUT_MARGIN = 0.10  # "about 70B": within 10%
ESTIMATE_MARGIN = 0.25  # a registry estimate is taken as +-25%
RELATIVE_DATE_SLACK = dt.timedelta(days=7)  # "this week", "last Thursday" resolved


@dataclass(frozen=True)
class Outcome:
    agrees: bool
    distance: float  # 0 = exact; grows with how far off (log10 ratio, years, ...)
    note: str = ""


def _claim_interval(value: int, text: str, bound: Bound | None, tol: float) -> tuple[float, float]:
    rounding = max(tol, _half_unit(text))
    if bound in (Bound.over, Bound.at_least):
        return value * (1 - tol / 2), value * (1 + OVER_MARGIN)
    if bound is Bound.under:
        return value * (1 - OVER_MARGIN), value * (1 + tol / 2)
    if bound is Bound.about:
        return value * (1 - max(ABOUT_MARGIN, rounding)), value * (1 + max(ABOUT_MARGIN, rounding))
    return value * (1 - rounding), value * (1 + rounding)


_NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")
_KILO = re.compile(r"(?:\d|\b[A-Z]+\s)K\b")  # "128K", spoken "eight k"
_MEGA = re.compile(r"(?:\d|\b[A-Z]+\s)M\b")


@lru_cache(maxsize=65536)
def _half_unit(text: str) -> float:
    """Half the last written digit, relative to the number: '70B' -> 0.5/70, '1.8T' -> 0.05/1.8."""
    match = _NUMBER.search(text)
    written = to_decimal(match.group(0)) if match else None
    if not written:
        return 0.0
    return float(Decimal(10) ** -decimals_of(match.group(0) if match else "") / 2 / written)


def _registry_interval(value: int, bound: Any, status: FactStatus) -> tuple[float, float]:
    if status is FactStatus.estimate:
        return value * (1 - ESTIMATE_MARGIN), value * (1 + ESTIMATE_MARGIN)
    if bound in (Bound.over, Bound.at_least):
        return value, value * (1 + OVER_MARGIN)
    if bound is Bound.about:
        return value * (1 - ABOUT_MARGIN), value * (1 + ABOUT_MARGIN)
    if bound is Bound.up_to:
        return value * 0.5, value
    return value, value


@lru_cache(maxsize=65536)
def binary_readings(value: int, text: str) -> tuple[int, ...]:
    """'128K' may mean 128,000 or 131,072; '1M' 1,000,000 or 1,048,576."""
    upper = text.upper()
    readings = [value]
    if _KILO.search(upper) or "THOUSAND" in upper:
        readings.append(round(value * 1.024))
    if _MEGA.search(upper) or "MILLION" in upper:
        readings.append(round(value * 1.048576))
    return tuple(readings)


def _round_readings(value: int) -> tuple[int, ...]:
    """A registry context written round (128,000 from '128K'; 1,000,000 from '1M') may be
    meant in binary units, as an article's '131,072 tokens' is."""
    if value % 1_000_000 == 0:
        return value, round(value * 1.048576)
    if value % 1_000 == 0:
        return value, round(value * 1.024)
    return (value,)


def compare_count(
    claim: Claim, expected: int, bound: Any = None, status: FactStatus = FactStatus.disclosed
) -> Outcome:
    assert isinstance(claim.value, int)
    tol = ROUNDING.get(claim.attribute, 0.05)
    readings = binary_readings(claim.value, claim.text)
    references: tuple[int, ...] = (expected,)
    if claim.attribute is Attribute.context_length:
        references = _round_readings(expected)  # a vendor's "128K" may be 131,072 as well
    else:
        readings = readings[:1]
    said = [_claim_interval(r, claim.text, claim.qualifiers.bound, tol) for r in readings]
    for reference in references:
        low_r, high_r = _registry_interval(reference, bound, status)
        if any(low_c <= high_r and low_r <= high_c for low_c, high_c in said):
            return Outcome(True, 0.0)
    ratio = max(claim.value, 1) / max(expected, 1)
    return Outcome(False, abs(math.log10(ratio)))


def compare_date(claim: Claim, expected: PartialDate) -> Outcome:
    assert isinstance(claim.value, str) and claim.precision is not None
    claimed = dt.date.fromisoformat(_pad(claim.value))
    order = [Precision.day, Precision.month, Precision.year]
    precision = max(claim.precision, expected.precision, key=order.index)
    same = _same_at(claimed, expected.date, precision)
    if not same and claim.qualifiers.relative_date and precision is Precision.day:
        same = abs(claimed - expected.date) <= RELATIVE_DATE_SLACK
    days = abs((claimed - expected.date).days)
    return Outcome(same, 0.0 if same else days / 365)


def _pad(iso: str) -> str:
    return iso if len(iso) == 10 else (iso + "-01-01")[:10] if len(iso) == 4 else iso + "-01"


def _same_at(a: dt.date, b: dt.date, precision: Precision) -> bool:
    if precision is Precision.year:
        return a.year == b.year
    if precision is Precision.month:
        return (a.year, a.month) == (b.year, b.month)
    return a == b


def compare_developer(claim: Claim, expected: str) -> Outcome:
    return Outcome(claim.value == expected, 0.0 if claim.value == expected else 1.0)


DESCRIPTIONS = {
    "open-source": lambda lic: lic.osi_open_source,
    "open-weights": lambda lic: lic.open_weights,
    "non-commercial": lambda lic: lic.commercial_use == "prohibited",
    "commercial-use": lambda lic: lic.commercial_use in ("allowed", "restricted"),
    "proprietary": lambda lic: not lic.open_weights,
}


def compare_license(claim: Claim, expected: Licence) -> Outcome:
    value = str(claim.value)
    test = DESCRIPTIONS.get(value)
    holds = bool(test(expected)) if test else value == expected.id
    if claim.qualifiers.negated:
        holds = not holds
    note = ""
    if value == "open-source" and not holds and expected.open_weights:
        note = "open weights, but not an OSI open-source licence"
    return Outcome(holds, 0.0 if holds else 0.5, note)


NON_TEXT = frozenset({"image", "audio", "video"})


def compare_modality(claim: Claim, expected: Modality) -> Outcome:
    inputs: set[str] = set(expected.input)
    outputs: set[str] = set(expected.output)
    assertions = claim.value if isinstance(claim.value, list) else []
    holds = all(_modality_holds(str(a), inputs, outputs) for a in assertions)
    if claim.qualifiers.negated:
        holds = not holds
    return Outcome(holds, 0.0 if holds else 0.5)


def _modality_holds(assertion: str, inputs: set[str], outputs: set[str]) -> bool:
    if assertion == "multimodal":
        return bool((inputs | outputs) & NON_TEXT)
    if assertion == "text-only":
        return not ((inputs | outputs) & NON_TEXT)
    side, _, kind = assertion.partition(":")
    return kind in (inputs if side == "input" else outputs)


def compare_architecture(claim: Claim, expected: Architecture) -> Outcome:
    value = claim.value if isinstance(claim.value, dict) else {}
    for key in ("type", "experts", "experts_per_token"):
        want = getattr(expected, key)
        if value.get(key) is not None and want is not None and value[key] != want:
            return Outcome(False, 0.5)
    return Outcome(True, 0.0)
