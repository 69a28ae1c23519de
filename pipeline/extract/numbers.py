"""Count spans as written -> integers: '70B', '70 billion', 'seventy billion', '4,096'."""

from __future__ import annotations

import re
from decimal import Decimal

from pipeline.units import SCALES, to_decimal

_UNITS = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "a": 1,
    "an": 1,
}
_TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
_SPLIT = re.compile(r"[\s\-]+")
_SUFFIXED = re.compile(r"^(\d+(?:\.\d+)?)\s*([KkMBbTt]|bn|tn|mn)\+?$")
_MOE_EXPERTS_FIRST = re.compile(r"^(\d+)[xX×](\d+(?:\.\d+)?)([BMT])$")
_MOE_SIZE_FIRST = re.compile(r"^(\d+(?:\.\d+)?)([BMT])[xX×](\d+)E$")


_DIGIT_WORDS = {"zero": 0, "oh": 0, **{w: n for w, n in _UNITS.items() if n < 10}}


def word_number(words: list[str]) -> Decimal | None:
    """'seventy', 'one hundred', 'twenty-five', 'five point one' -> a number; None if not
    number words."""
    if "point" in words:  # "five point one": the digits after 'point' one by one
        at = words.index("point")
        whole, digits = word_number(words[:at]), words[at + 1 :]
        if whole is None or not digits or any(d not in _DIGIT_WORDS for d in digits):
            return None
        return whole + Decimal("0." + "".join(str(_DIGIT_WORDS[d]) for d in digits))
    total = 0
    for word in words:
        if word == "and":
            continue
        if word in _UNITS:
            total += _UNITS[word]
        elif word in _TENS:
            total += _TENS[word]
        elif word == "hundred" and total:
            total *= 100
        else:
            return None
    return Decimal(total) if words else None


DECIMAL_COMMA = re.compile(r"\d+,\d{1,2}")


def parse_count_text(text: str) -> int | None:
    """The integer a count span means, or None when it is not a count."""
    text = text.strip().rstrip("+")
    suffixed = _SUFFIXED.match(text.replace(" ", ""))
    if suffixed:
        return int(Decimal(suffixed.group(1)) * SCALES[suffixed.group(2).lower()])
    words = [w for w in _SPLIT.split(text.lower()) if w]
    if not words:
        return None
    scale = 1
    if words[-1] in SCALES:
        scale = SCALES[words[-1]]
        words = words[:-1]
    if len(words) == 1 and scale > 1 and DECIMAL_COMMA.fullmatch(words[0]):
        words = [words[0].replace(",", ".")]  # "2,6 billions": a decimal comma
    if len(words) == 1 and (number := to_decimal(words[0])) is not None:
        return int(number * scale)
    if words in (["a"], ["an"]) and scale > 1:  # "a trillion parameters"
        return scale
    if words == ["half", "a"] and scale > 1:  # "half a billion parameters"
        return scale // 2
    if words[-3:] == ["and", "a", "half"] and scale > 1:  # "fifteen and a half trillion"
        whole = word_number(words[:-3]) if not words[0].isdigit() else to_decimal(words[0])
        return int((whole + Decimal("0.5")) * scale) if whole is not None else None
    number = word_number(words)
    return int(number * scale) if number is not None else None


def parse_moe_shape(text: str) -> dict[str, int] | None:
    """'8x7B' -> experts 8 of 7B; '17Bx16E' -> 16 experts with 17B active."""
    match = _MOE_EXPERTS_FIRST.match(text)
    if match:
        expert_size = int(Decimal(match.group(2)) * SCALES[match.group(3).lower()])
        return {"experts": int(match.group(1)), "expert_size": expert_size}
    match = _MOE_SIZE_FIRST.match(text)
    if match:
        active = int(Decimal(match.group(1)) * SCALES[match.group(2).lower()])
        return {"experts": int(match.group(3)), "active": active}
    return None


def scale_of(text: str) -> int:
    """The scale a count was written at ('70B' -> 10**9, '4,096' -> 1)."""
    match = _SUFFIXED.match(text.replace(" ", "").rstrip("+"))
    if match:
        return SCALES[match.group(2).lower()]
    last = _SPLIT.split(text.lower().strip())[-1]
    return SCALES.get(last, 1)


_WORDS = r"(?:hundred|and|[a-z]+ty|one|two|three|four|five|six|seven|eight|nine)"
_NUM = rf"(\d+|(?:[a-z]+(?:[ -]{_WORDS})*))"
_KIND = r"(?:routed\s+|smaller\s+|large\s+|small\s+|feed-?forward\s+)?"
_EXPERTS = re.compile(rf"\b{_NUM}\s+{_KIND}(?:experts?|expert\s+networks)\b", re.I)
_EACH_TOKEN = r"(?:per|for\s+each|for\s+every|each|every)\s+token"
_CHOSEN = (
    r"(?:active|activated|routed|used|chosen|selected|picked|run|switched\s+on|turned\s+on"
    r"|fire|fires|firing)"
)
_PER_TOKEN = [
    re.compile(
        rf"\b{_NUM}\s+(?:of\s+them\s+|experts\s+|routed\s+experts\s+)?(?:are\s+|is\s+)?"
        rf"{_CHOSEN}\b(?!\s+experts)[^.;]{{0,24}}?\b{_EACH_TOKEN}",
        re.I,
    ),
    re.compile(rf"\b{_NUM}\s+of\s+(?:which|them|these)\s+(?:are\s+|is\s+)?{_CHOSEN}\b", re.I),
    re.compile(
        rf"\bof\s+(?:which|them|these)\s+{_NUM}\s+(?:experts\s+)?(?:are\s+|is\s+)?{_CHOSEN}\b",
        re.I,
    ),
    re.compile(
        rf"\b(?:visits|uses|reaches|goes\s+to|is\s+sent\s+to)\s+(?:only\s+|just\s+)?{_NUM}"
        rf"\s+of\s+them\b",
        re.I,
    ),
    re.compile(rf"\b{_NUM}\s+(?:experts\s+)?per\s+token\b", re.I),
    re.compile(
        rf"\b(?:activates?|picks|selects|chooses)\s+{_NUM}\s+(?:\w+\s+)?(?:experts\s+)?"
        rf"{_EACH_TOKEN}",
        re.I,
    ),
    re.compile(
        rf"\b(?:routes|sends)\s+(?:each|every)\s+token\s+(?:to|through)\s+{_NUM}\b"
        r"(?!\s+(?:thousand|million|billion|trillion)\b)",  # "through 17 billion active"
        re.I,
    ),
    re.compile(rf"\b(?:selects|picks|picked|chooses|activates|uses)\s+{_NUM}\s+of\s+them\b", re.I),
    re.compile(  # "using 16 experts and picking two for each token"
        rf"\b(?:picking|choosing|selecting|activating|using)\s+{_NUM}\s+(?:of\s+them\s+)?"
        rf"(?:for\s+|per\s+)(?:each\s+|every\s+)?token\b",
        re.I,
    ),
    re.compile(  # "sixteen experts and it picked four", "128 experts and picks four"
        rf"\bexperts(?:\s+per\s+layer)?,?\s+and\s+(?:it\s+|they\s+)?(?:also\s+)?"
        rf"(?:picks|picked|chooses|chose|selects|selected"
        rf"|uses|used|activates|activated)\s+{_NUM}\b(?!\s+(?:thousand|million|billion|trillion)\b)",
        re.I,
    ),
    re.compile(rf"\b{_NUM}\s+of\s+(?:its\s+|their\s+|the\s+)?{_NUM}\s+{_KIND}experts\b", re.I),
    re.compile(rf"\btop[- ]{_NUM}\b", re.I),
    re.compile(rf"\b{_NUM}\s+active\b", re.I),
]


def _trailing_number(text: str) -> int | None:
    """The number the words end with: 'hold three hundred eighty-four' -> 384."""
    words = text.split()
    for i in range(len(words)):
        if (found := _number(" ".join(words[i:]))) is not None:
            return found
    return None


def _number(text: str) -> int | None:
    if text.isdigit():
        return int(text)
    value = word_number([w for w in _SPLIT.split(text.lower()) if w])
    return int(value) if value is not None else None


_PART_OF = re.compile(r"\bof\s+(?:its\s+|their\s+|the\s+)?$", re.I)
_ACTIVE_AFTER = ("per token", "active", "are active")


def moe_details(text: str) -> dict[str, int]:
    """'128 experts, 8 active per token' -> {'experts': 128, 'experts_per_token': 8}."""
    details: dict[str, int] = {}
    for match in _EXPERTS.finditer(text):
        experts = _trailing_number(match.group(1))
        after = text[match.end() : match.end() + 12].lower().lstrip()
        whole = _PART_OF.search(text[: match.start()])  # "two of its eight experts active"
        if experts and experts > 1 and (whole or not after.startswith(_ACTIVE_AFTER)):
            details["experts"] = experts
            break
    for pattern in _PER_TOKEN:
        for found in pattern.finditer(text):
            active = _trailing_number(found.group(1))
            if active and active >= details.get("experts", active + 1):
                continue  # "thirty-six active, sixteen experts": a count, not a choice
            if active:
                details["experts_per_token"] = active
                return details
    return details
