"""HTML pages: main text and metadata extracted with trafilatura.

trafilatura drops navigation, footers and comments and keeps the article body; Article.text is
that extracted text, so claim offsets refer to it. Metadata comes from the page head: title
(og:title, <title>, headline), URL (og:url, canonical link) and publication date
(article:published_time, JSON-LD datePublished, other meta tags; via htmldate). The date search
is restricted to markup: trafilatura's default "extensive" search would otherwise take a date
written in the body text (often a model's release date) as the publication date.
"""

from __future__ import annotations

import datetime as dt
import re

import trafilatura
from trafilatura.settings import Document

from pipeline.errors import ArticleError, Errors
from pipeline.schema import Article

DATE_SEARCH = {"extensive_search": False, "original_date": True}
CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)


def declared_charset(raw: bytes) -> str | None:
    """The charset a page declares in a <meta> tag near its top, if any."""
    found = CHARSET.search(raw[:4096])
    return found.group(1).decode("ascii") if found else None


def parse_html(html: str, *, path: str) -> Article:
    """An Article from the page's main text, title, URL and publication date."""
    document = trafilatura.bare_extraction(
        html,
        with_metadata=True,
        include_comments=False,
        date_extraction_params=DATE_SEARCH,
    )
    if not isinstance(document, Document) or not (document.text or "").strip():
        raise ArticleError(Errors.E044.format(path=path))
    return Article.build(
        path=path,
        text=document.text or "",
        title=document.title or None,
        url=document.url or None,
        published=_date(document.date),
    )


def _date(value: str | None) -> dt.date | None:
    """htmldate gives YYYY-MM-DD; anything else is treated as no date."""
    try:
        return dt.date.fromisoformat(value) if value else None
    except ValueError:
        return None
