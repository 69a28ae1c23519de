"""JSON and JSON Lines: one article object, an array of them, or one object per line.

An object holds the text under ``text``, ``content`` or ``body`` (the first present key wins),
and optionally ``title``, ``url`` and ``published`` or ``date`` (an ISO date or datetime; a
datetime keeps its date). Other keys are ignored. In an array or a JSONL file each element is
read on its own: a good element is an article, a bad one a FileFailure naming the element, and
the rest of the file still counts. Paths point back to the element: ``file.json#2`` (the 2nd
element, 1-based) and ``file.jsonl:3`` (line 3). A single object keeps the file's path.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from pipeline.errors import ArticleError, Errors
from pipeline.schema import Article, FileFailure

TEXT_KEYS = ("text", "content", "body")
DATE_KEYS = ("published", "date")
Read = tuple[list[Article], list[FileFailure]]


def parse_json(text: str, *, path: str) -> Read:
    """A single object (one article) or an array of objects (one article each)."""
    data = _load(text, path=path, where="the file")
    if isinstance(data, list):
        items = [(f"{path}#{i}", f"element {i}", item) for i, item in enumerate(data, 1)]
        return _collect(items, path)
    return [record_article(data, path=path, where="the top level")], []


def parse_jsonl(text: str, *, path: str) -> Read:
    """One object per non-blank line; each line is read on its own."""
    lines = [(n, line) for n, line in enumerate(text.splitlines(), 1) if line.strip()]
    items = [(f"{path}:{n}", f"line {n}", line) for n, line in lines]
    return _collect(items, path, parse_lines=True)


def _collect(items: list[tuple[str, str, Any]], path: str, parse_lines: bool = False) -> Read:
    if not items:
        raise ArticleError(Errors.E003.format(path=path))
    articles, failures = [], []
    for where_path, where, item in items:
        try:
            data = _load(item, path=path, where=where) if parse_lines else item
            articles.append(record_article(data, path=where_path, where=where, file=path))
        except ArticleError as exc:
            failures.append(FileFailure(path=where_path, error=str(exc)))
    return articles, failures


def _load(text: str, *, path: str, where: str) -> Any:
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        detail = f"{exc.msg} at line {exc.lineno} column {exc.colno}"
        raise ArticleError(Errors.E009.format(path=path, where=where, detail=detail)) from exc
    except RecursionError as exc:
        detail = "nested too deeply"
        raise ArticleError(Errors.E009.format(path=path, where=where, detail=detail)) from exc
    except ValueError as exc:  # e.g. an integer of more than 4300 digits
        raise ArticleError(Errors.E009.format(path=path, where=where, detail=exc)) from exc


def record_article(data: Any, *, path: str, where: str, file: str | None = None) -> Article:
    """One article object; ArticleError names the file and the element."""
    file = file or path
    if not isinstance(data, dict):
        kind = "an array" if isinstance(data, list) else type(data).__name__
        raise ArticleError(Errors.E040.format(path=file, where=where, kind=kind))
    key, body = next(((k, data[k]) for k in TEXT_KEYS if data.get(k) is not None), ("", None))
    if not isinstance(body, str) or not body.strip():
        keys = ", ".join(TEXT_KEYS)
        raise ArticleError(Errors.E041.format(path=file, where=where, keys=keys))
    return Article.build(
        path=path,
        text=_storable(body, key, file, where),
        title=_text(data, "title", file, where),
        url=_text(data, "url", file, where),
        published=_published(data, file, where),
    )


def _text(data: dict[str, Any], key: str, file: str, where: str) -> str | None:
    value = data.get(key)
    if value is None:
        return None
    if not isinstance(value, str):
        detail = f"expected a string, got {type(value).__name__}"
        raise ArticleError(Errors.E042.format(path=file, where=where, field=key, detail=detail))
    return _storable(value, key, file, where).strip() or None


def _storable(value: str, key: str, file: str, where: str) -> str:
    """``value`` unless a JSON escape put in what no text file holds: a NUL character
    ("\\u0000", which PostgreSQL cannot store) or half of a surrogate pair ("\\ud800")."""
    detail = None
    if "\x00" in value:
        detail = "contains a NUL character (\\u0000)"
    elif not value.isascii():
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            detail = "contains a lone surrogate escape (\\ud800-\\udfff), not text"
    if detail:
        raise ArticleError(Errors.E042.format(path=file, where=where, field=key, detail=detail))
    return value


def _published(data: dict[str, Any], file: str, where: str) -> dt.date | None:
    key = next((k for k in DATE_KEYS if data.get(k) is not None), None)
    if key is None:
        return None
    value = data[key]
    published = iso_date(value) if isinstance(value, str) else None
    if published is None:
        detail = f"{value!r} is not an ISO date or datetime"
        raise ArticleError(Errors.E042.format(path=file, where=where, field=key, detail=detail))
    return published


def iso_date(value: str) -> dt.date | None:
    """The date of an ISO date ("2024-04-20") or datetime ("2024-04-20T08:00:00Z"), else None."""
    value = value.strip()
    try:
        if len(value) == len("YYYY-MM-DD"):
            return dt.date.fromisoformat(value)
        return dt.datetime.fromisoformat(value).date()
    except ValueError:
        return None
