"""Values as a reviewer reads them: '128K tokens', 'April 18, 2024', 'text and image in'."""

from __future__ import annotations

import datetime as dt
from typing import Any

from pipeline.schema import COUNT_ATTRIBUTES, Attribute, Claim, Precision
from pipeline.units import human_count

UNITS = {
    Attribute.parameters: "parameters",
    Attribute.active_parameters: "active parameters",
    Attribute.context_length: "tokens of context",
    Attribute.training_tokens: "training tokens",
}
BOUND_WORDS = {
    "over": "over",
    "at_least": "at least",
    "up_to": "up to",
    "about": "about",
    "under": "under",
}


def describe_value(attribute: Attribute, value: Any) -> str:
    """A registry or claimed value in words."""
    if value is None:
        return "unknown"
    if attribute in COUNT_ATTRIBUTES and isinstance(value, int):
        return human_count(value)
    if hasattr(value, "iso"):
        return _date_words(value.date, value.precision)
    if hasattr(value, "input"):
        return f"{' + '.join(value.input)} in, {' + '.join(value.output)} out"
    if hasattr(value, "type"):
        return _architecture_words(value.model_dump(exclude_none=True))
    if isinstance(value, dict):
        return _architecture_words(value)
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    return str(value)


def _architecture_words(value: dict[str, Any]) -> str:
    if value.get("type") != "moe":
        return str(value.get("type", "?"))
    text = "mixture of experts"
    if value.get("experts"):
        text += f", {value['experts']} experts"
    if value.get("experts_per_token"):
        text += f", {value['experts_per_token']} per token"
    return text


def _date_words(date: dt.date, precision: Precision) -> str:
    if precision is Precision.year:
        return str(date.year)
    if precision is Precision.month:
        return date.strftime("%B %Y")
    return f"{date.strftime('%B')} {date.day}, {date.year}"


def describe_claim(claim: Claim) -> str:
    """The claim's value with its qualifiers: 'over 15T training tokens', 'not multimodal'."""
    value: Any = claim.value
    if claim.attribute in (Attribute.release_date, Attribute.knowledge_cutoff) and value:
        date = dt.date.fromisoformat(
            (str(value) + "-01-01")[:10] if len(str(value)) == 4 else (str(value) + "-01")[:10]
        )
        words = _date_words(date, claim.precision or Precision.day)
    else:
        words = describe_value(claim.attribute, value)
    unit = UNITS.get(claim.attribute)
    if unit:
        words = f"{words} {unit}"
    if claim.qualifiers.bound:
        words = f"{BOUND_WORDS[claim.qualifiers.bound.value]} {words}"
    if claim.qualifiers.negated:
        words = f"not {words}"
    return words
