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

from pipeline.schema import Precision

_PERIODS = {"day": Precision.day, "week": Precision.day, "month": Precision.month}
_ORDINAL = re.compile(r"(\d)(st|nd|rd|th)\b")
_YEAR = re.compile(r"\b(19|20)\d\d\b")


@dataclass(frozen=True)
class ParsedDate:
    value: dt.date | None  # None: relative or year-less, and no publication date to resolve it
    precision: Precision
    relative: bool


@lru_cache(maxsize=64)
def _parser(base: dt.date | None) -> DateDataParser:
    settings: dict[str, object] = {"PREFER_DAY_OF_MONTH": "first", "PREFER_DATES_FROM": "past"}
    if base is not None:
        settings["RELATIVE_BASE"] = dt.datetime(base.year, base.month, base.day)
    return DateDataParser(languages=["en"], settings=settings)


def parse_date(text: str, *, relative: bool, published: dt.date | None) -> ParsedDate | None:
    """Normalise one candidate span; None when dateparser cannot read it."""
    cleaned = _ORDINAL.sub(r"\1", text.replace(" of ", " ")).strip()
    cleaned = re.sub(
        r"^(?i:on|in|during|since|late|early|mid-?|until|by|last)\s+(?=[A-Z0-9])", "", cleaned
    )
    yearless = not relative and not _YEAR.search(cleaned)
    unresolved = (relative or yearless) and published is None
    data = _parser(published).get_date_data(cleaned)
    if data.date_obj is None:
        return None
    precision = _PERIODS.get(data.period or "day", Precision.year)
    if data.period == "year":
        precision = Precision.year
    value = None if unresolved else data.date_obj.date()
    return ParsedDate(value=value, precision=precision, relative=relative or yearless)
