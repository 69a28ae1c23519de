"""Date candidate spans -> (date, precision), relative dates resolved against publication.

Only spans the date patterns found reach dateparser (never whole text), and always with
``languages=["en"]``: elsewhere "8B" and "128K" parse as dates and each miss costs ~35 ms.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

from dateparser.date import DateDataParser

from pipeline.extract.numbers import word_number
from pipeline.schema import Precision

_PERIODS = {"day": Precision.day, "week": Precision.day, "month": Precision.month}
_ORDINAL = re.compile(r"(\d)(st|nd|rd|th)\b")
_YEAR = re.compile(r"\b(19|20)\d\d\b")


@dataclass(frozen=True)
class ParsedDate:
    value: dt.date | None  # None: relative or year-less, and no publication date to resolve it
    precision: Precision
    relative: bool


_MONTHS = {
    name: i
    for i, names in enumerate(
        [
            ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"),
            ("may",), ("june", "jun"), ("july", "jul"), ("august", "aug"),
            ("september", "sep", "sept"), ("october", "oct"), ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}  # fmt: skip
# a month's name or abbreviation, for patterns over raw text ("## December 2023: ...")
MONTH_NAMES = r"(?:" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_MONTH = r"([A-Za-z]+)\.?"
_FORMS = [
    (re.compile(rf"^{_MONTH},?\s+((?:19|20)\d\d)$"), "my"),
    (re.compile(rf"^{_MONTH}\s+(\d{{1,2}}),?\s+((?:19|20)\d\d)$"), "mdy"),
    (re.compile(rf"^(\d{{1,2}})\s+{_MONTH},?\s+((?:19|20)\d\d)$"), "dmy"),
    (re.compile(r"^((?:19|20)\d\d)-(\d\d)-(\d\d)$"), "iso"),
    (re.compile(r"^((?:19|20)\d\d)-(\d\d)$"), "isom"),
    (re.compile(r"^((?:19|20)\d\d)$"), "y"),
]


def _absolute(text: str) -> tuple[dt.date, Precision] | None:
    """The common absolute shapes ('April 2024', 'April 18, 2024', '18 April 2024',
    '2024-04-18', '2024') read directly; anything else goes to dateparser. Same results,
    without dateparser's ~2 ms per call."""
    for pattern, form in _FORMS:
        match = pattern.match(text)
        if not match:
            continue
        try:
            if form == "my":
                month = _MONTHS.get(match.group(1).lower())
                return (dt.date(int(match.group(2)), month, 1), Precision.month) if month else None
            if form in ("mdy", "dmy"):
                name, day = (1, 2) if form == "mdy" else (2, 1)
                month = _MONTHS.get(match.group(name).lower())
                year = int(match.group(3))
                if not month:
                    return None
                return dt.date(year, month, int(match.group(day))), Precision.day
            if form == "iso":
                year, month, day = (int(g) for g in match.groups())
                return dt.date(year, month, day), Precision.day
            if form == "isom":
                return dt.date(int(match.group(1)), int(match.group(2)), 1), Precision.month
            return dt.date(int(match.group(1)), 1, 1), Precision.year
        except ValueError:  # "February 30, 2024": not a date
            return None
    return None


_MONTH_YY = re.compile(r"^(?:(\d{1,2})\s*-\s*)?([A-Za-z]{3,4})-(\d\d)$")
_MONTH_OF_YEAR = re.compile(r"^([A-Za-z]+)\s+(last|this|next)\s+year$", re.I)  # " of " is gone
_YEAR_STEP = {"last": -1, "this": 0, "next": 1}


def _month_of_year(text: str, published: dt.date | None) -> ParsedDate | None:
    """'6-Aug-25', 'Apr-25' (day optional, two-digit year); 'April of last year', 'May this
    year' (against the publication year; unresolved without one). None for other shapes."""
    if match := _MONTH_YY.match(text):
        month = _MONTHS.get(match.group(2).lower())
        if not month:
            return None
        day, year = match.group(1), 2000 + int(match.group(3))
        try:
            if day:
                return ParsedDate(dt.date(year, month, int(day)), Precision.day, relative=False)
            return ParsedDate(dt.date(year, month, 1), Precision.month, relative=False)
        except ValueError:
            return None
    if match := _MONTH_OF_YEAR.match(text):
        month = _MONTHS.get(match.group(1).lower())
        if not month:
            return None
        if published is None:
            return ParsedDate(None, Precision.month, relative=True)
        year = published.year + _YEAR_STEP[match.group(2).lower()]
        return ParsedDate(dt.date(year, month, 1), Precision.month, relative=True)
    return None


@lru_cache(maxsize=64)
def _parser(base: dt.date | None) -> DateDataParser:
    settings: dict[str, object] = {"PREFER_DAY_OF_MONTH": "first", "PREFER_DATES_FROM": "past"}
    if base is not None:
        settings["RELATIVE_BASE"] = dt.datetime(base.year, base.month, base.day)
    return DateDataParser(languages=["en"], settings=settings)


_LEAD_WORDS = re.compile(
    r"^(?i:(?:on|in|during|since|late|early|until|by|last)\s+|mid-?\s*"
    r"|(?:end|beginning|start|middle)\s+(?:of\s+)?)(?=[A-Z0-9])"
)


def _clean(text: str) -> str:
    """'on March 4th', 'the end of March', 'mid-April', 'March twenty twenty-three' ->
    'March 4', 'March', 'April', 'March 2023'."""
    text = _SPOKEN_YEAR.sub(_spoken_year, text)
    return _LEAD_WORDS.sub("", _ORDINAL.sub(r"\1", text.replace(" of ", " ")).strip())


_TENS = ["ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen"]
_TENS += ["eighteen", "nineteen", "twenty"]
_UNITS = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
_SPOKEN_YEAR = re.compile(
    rf"\btwenty[\s-]+({'|'.join(_TENS)})(?:[\s-]+({'|'.join(_UNITS)}))?\b", re.IGNORECASE
)


def _spoken_year(match: re.Match[str]) -> str:
    """'twenty twenty-three' -> '2023', 'twenty nineteen' -> '2019'."""
    tens = _TENS.index(match.group(1).lower()) + 10
    units = _UNITS.index(match.group(2).lower()) + 1 if match.group(2) else 0
    return str(2000 + tens + units if tens == 20 else 2000 + tens)


_HOLIDAYS = {"christmas": (12, 25), "christmas day": (12, 25), "christmas eve": (12, 24)}
_HOLIDAYS |= {"boxing day": (12, 26), "new year's day": (1, 1), "new year's eve": (12, 31)}
_HOLIDAY = re.compile(
    r"^(?:on\s+)?(?:the\s+day\s+(after|before)\s+)?(christmas(?:\s+(?:day|eve))?|boxing\s+day"
    r"|new\s+year['’]s\s+(?:day|eve))(?:,?\s+((?:19|20)\d\d)|\s+(last|this)\s+year)?$",
    re.I,
)


def holiday(text: str, published: dt.date | None, ahead: bool = False) -> ParsedDate | None:
    """'Christmas Day', 'Boxing Day 2024', 'the day after Christmas': a day; without a year,
    the latest one on or before publication (with ``ahead``, the next one)."""
    match = _HOLIDAY.match(" ".join(text.split()))
    if match is None:
        return None
    name = re.sub(r"\s+", " ", match.group(2).lower()).replace("’", "'")
    month, day = _HOLIDAYS[name]
    shift = dt.timedelta(days={"after": 1, "before": -1}.get((match.group(1) or "").lower(), 0))

    def of(year: int) -> dt.date:
        return dt.date(year, month, day) + shift

    if match.group(3):
        return ParsedDate(of(int(match.group(3))), Precision.day, relative=False)
    if published is None:
        return ParsedDate(None, Precision.day, relative=True)
    if match.group(4):  # "Christmas last year"
        year = published.year - (match.group(4).lower() == "last")
        return ParsedDate(of(year), Precision.day, relative=True)
    value = of(published.year)
    if value > published and not ahead:
        value = of(published.year - 1)
    elif value < published and ahead:
        value = of(published.year + 1)
    return ParsedDate(value, Precision.day, relative=True)


def parse_date(
    text: str, *, relative: bool, published: dt.date | None, ahead: bool = False
) -> ParsedDate | None:
    """Normalise one candidate span; None when dateparser cannot read it. A year-less date
    resolves to the latest one before publication, or with ``ahead`` (a hedged, future
    statement: "expected in April") to the next one."""
    if (feast := holiday(text, published, ahead)) is not None:
        return feast
    cleaned = _clean(text)
    if (month_year := _month_of_year(cleaned, published)) is not None:
        return month_year
    if (ago := _YEARS_AGO.match(cleaned)) is not None:
        return _years_ago(ago.group(1), bool(ago.group(2)), published)
    yearless = not relative and not _YEAR.search(cleaned)
    if not relative and not yearless and (fast := _absolute(cleaned)) is not None:
        return ParsedDate(value=fast[0], precision=fast[1], relative=False)
    unresolved = (relative or yearless) and published is None
    if published is not None and (quick := relative_fast(cleaned, published)) is not None:
        value: dt.date | None = quick[0]
        precision = quick[1]
    else:
        data = _parser(published).get_date_data(cleaned)
        if data.date_obj is None:
            return None
        precision = _PERIODS.get(data.period or "day", Precision.year)
        if data.period == "year":
            precision = Precision.year
        value = None if unresolved else data.date_obj.date()
    if ahead and yearless and value is not None and published is not None:
        value = _ahead(value, precision, published)
    if ahead and cleaned.lower() in _WEEKDAYS and value is not None and published is not None:
        value += dt.timedelta(days=7)  # "is expected on Thursday": the Thursday to come
    return ParsedDate(value=value, precision=precision, relative=relative or yearless)


_DATELINE = re.compile(
    r"^\W*[A-Z][A-Z .'-]{2,}(?:,\s*[A-Z][A-Za-z.]+)*\s*(?:\(|,\s*)"
    r"([A-Z][a-z]{2,8})\.?\s+(\d{1,2})\b"
)


def dateline(text: str, published: dt.date | None) -> int | None:
    """Where a wire dateline naming the publication day ends, when the text opens with one
    ('SAN FRANCISCO (Aug 5) -', 'SAN FRANCISCO, Aug 5 (Newswire) -'). Its date is the
    story's, no claim; and a bare weekday that is that day's ('OpenAI on Tuesday released
    ...') means that day, not a week before."""
    match = _DATELINE.match(text)
    if match is None or published is None:
        return None
    month = _MONTHS.get(match.group(1).lower())
    same = (month, int(match.group(2))) == (published.month, published.day)
    return match.end() if same else None


def dateline_day(text: str, published: dt.date) -> ParsedDate | None:
    """The publication day, for a weekday that names it under a dateline."""
    if _WEEKDAYS.get(_clean(text).lower()) != published.weekday():
        return None
    return ParsedDate(value=published, precision=Precision.day, relative=True)


def _years_ago(count: str, today: bool, published: dt.date | None) -> ParsedDate | None:
    """'two years ago' (that year), 'three years ago today' (that day)."""
    number = _count(count)
    if number is None:
        return None
    precision = Precision.day if today else Precision.year
    if published is None:
        return ParsedDate(None, precision, relative=True)
    year = published.year - number
    try:
        value = published.replace(year=year) if today else dt.date(year, 1, 1)
    except ValueError:  # February 29th
        value = published.replace(year=year, day=28)
    return ParsedDate(value, precision, relative=True)


def _ahead(value: dt.date, precision: Precision, published: dt.date) -> dt.date:
    """The same month (and day) in the year after, when it lies before publication."""
    before = (
        (value.year, value.month) < (published.year, published.month)
        if precision is Precision.month
        else value < published
    )
    if not before:
        return value
    try:
        return value.replace(year=value.year + 1)
    except ValueError:  # February 29th
        return value.replace(year=value.year + 1, day=28)


_ANAPHORIC = re.compile(r"^(?:that|the same)\s+(\w+)$", re.I)


_SAME_DAY = re.compile(r"^the\s+(same|next|following)\s+day$", re.I)
_YEARS_AGO = re.compile(r"^(\w+)\s+years?\s+ago(\s+today)?$", re.I)
_OFFSET = re.compile(r"^(\w+)\s+(day|week|month)s?\s+(later|earlier)$", re.I)
_DAYS = {"day": 1, "week": 7}


def anaphoric_date(text: str, anchor: ParsedDate | None) -> ParsedDate | None:
    """'that July', 'the same month', 'that year', 'ten days later': the month or year of
    the date the text named last (the anchor), or that date moved; unresolved without one.
    None for other shapes, and for days counted from a date without a day."""
    if offset := _OFFSET.match(text.strip()):
        count = _count(offset.group(1))
        if count is None:
            return None
        sign = -1 if offset.group(3).lower() == "earlier" else 1
        return _moved(anchor, sign * count, offset.group(2).lower())
    if day := _SAME_DAY.match(text.strip()):  # "The same day", "the next day"
        return _moved(anchor, 0 if day.group(1).lower() == "same" else 1, "day")
    match = _ANAPHORIC.match(text.strip())
    if not match:
        return None
    word = match.group(1).lower()
    if anchor is None or anchor.value is None:
        precision = Precision.year if word == "year" else Precision.month
        return ParsedDate(None, precision, relative=True)
    year = anchor.value.year
    if word == "year":
        return ParsedDate(dt.date(year, 1, 1), Precision.year, relative=False)
    if word == "month":
        if anchor.precision is Precision.year:
            return None  # "in 2023 ... that month": which month?
        return ParsedDate(dt.date(year, anchor.value.month, 1), Precision.month, relative=False)
    month = _MONTHS.get(word)
    return ParsedDate(dt.date(year, month, 1), Precision.month, relative=False) if month else None


def absolute_date(text: str) -> ParsedDate | None:
    """A date with its year, read without dateparser ('March 2023', '2024-07-23'); None
    for anything else."""
    found = _absolute(_clean(text))
    if found is None and (feast := holiday(text, None)) is not None and not feast.relative:
        return feast  # "Boxing Day 2024"
    return ParsedDate(found[0], found[1], relative=False) if found else None


_YEARLESS_DAY = re.compile(r"^([A-Za-z]+)\.?(?:\s+(\d{1,2}))?[,.]?$")


def month_in_year(text: str, year: int) -> ParsedDate | None:
    """'in November', 'March 4' in a given year; None for other shapes."""
    match = _YEARLESS_DAY.match(_clean(text))
    month = _MONTHS.get(match.group(1).lower()) if match else None
    if match is None or month is None:
        return None
    try:
        if match.group(2):
            return ParsedDate(dt.date(year, month, int(match.group(2))), Precision.day, False)
        return ParsedDate(dt.date(year, month, 1), Precision.month, relative=False)
    except ValueError:
        return None


def _count(word: str) -> int | None:
    """'ten', 'a', '3' -> 10, 1, 3; None for other words."""
    if word.isdigit():
        return int(word)
    if word.lower() in ("a", "an"):
        return 1
    number = word_number([word.lower()])
    return int(number) if number is not None else None


def _moved(anchor: ParsedDate | None, n: int, unit: str) -> ParsedDate | None:
    """The anchor moved by ``n`` days, weeks or months (negative: earlier)."""
    if anchor is None or anchor.value is None:
        return ParsedDate(None, Precision.day if unit in _DAYS else Precision.month, True)
    if unit in _DAYS:
        if anchor.precision is not Precision.day:
            return None  # "ten days later" than "March": which day?
        moved = anchor.value + dt.timedelta(days=n * _DAYS[unit])
        return ParsedDate(moved, Precision.day, relative=False)
    if anchor.precision is Precision.year:
        return None
    months = anchor.value.year * 12 + anchor.value.month - 1 + n
    return ParsedDate(dt.date(months // 12, months % 12 + 1, 1), Precision.month, False)


_WEEKDAYS = {
    name: i
    for i, name in enumerate(
        ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
    )
}


def relative_fast(text: str, base: dt.date) -> tuple[dt.date, Precision] | None:
    """What dateparser (past preferred, relative to ``base``) gives for the commonest
    relative and year-less shapes, read directly: 'today', 'yesterday', 'last week', 'last
    month', a weekday (the latest before ``base``), 'March 4' and 'March' (the latest on or
    before ``base``). None for anything else (dateparser reads it). Property-tested against
    dateparser."""
    lowered = text.strip().lower()
    if lowered == "today":
        return base, Precision.day
    if lowered == "yesterday":
        return base - dt.timedelta(days=1), Precision.day
    if lowered == "last week":
        return base - dt.timedelta(days=7), Precision.day
    if lowered == "last month":
        last = base.replace(day=1) - dt.timedelta(days=1)
        return last.replace(day=1), Precision.month
    if lowered in _WEEKDAYS:
        back = (base.weekday() - _WEEKDAYS[lowered]) % 7 or 7
        return base - dt.timedelta(days=back), Precision.day
    match = _YEARLESS_DAY.match(text.strip())
    month = _MONTHS.get(match.group(1).lower()) if match else None
    if match is None or month is None:
        return None
    if not match.group(2):
        year = base.year if month <= base.month else base.year - 1
        return dt.date(year, month, 1), Precision.month
    try:
        day = dt.date(base.year, month, int(match.group(2)))
        return (day if day <= base else day.replace(year=base.year - 1)), Precision.day
    except ValueError:  # "February 30", or February 29 in another year: dateparser decides
        return None
