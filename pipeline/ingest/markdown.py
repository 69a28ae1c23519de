"""Markdown and plain text with optional YAML front matter (title, url, published/date)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import frontmatter
import yaml

from pipeline.errors import ArticleError, Errors
from pipeline.schema import Article

DATE_KEYS = ("published", "date")


def parse_markdown(text: str, *, path: str) -> Article:
    """Split YAML front matter (title, url, published/date) from the body."""
    meta, body = _split(text, path)
    if not body.strip():
        raise ArticleError(Errors.E003.format(path=path))
    published = _published(meta, path)
    title = _text_field(meta, "title", path) or _heading_title(body)
    return Article.build(
        path=path,
        text=body,
        title=title,
        url=_text_field(meta, "url", path),
        published=published,
    )


def _split(text: str, path: str) -> tuple[dict[str, Any], str]:
    """Front matter and body as python-frontmatter splits them (both stripped), except that
    front matter which is not a mapping of keys (a list, a bare string) is E004, not ignored."""
    handler = frontmatter.detect_format(text, frontmatter.handlers)
    if handler is None:
        return {}, text.strip()
    try:
        head, body = handler.split(text.strip())
    except ValueError:  # no closing delimiter: the whole file is the body
        return {}, text.strip()
    try:
        meta = handler.load(head)
    except (yaml.YAMLError, ValueError) as exc:
        raise ArticleError(Errors.E004.format(path=path, detail=_first_line(exc))) from exc
    if meta is not None and not isinstance(meta, dict):
        detail = f"expected a mapping of keys, got {type(meta).__name__}"
        raise ArticleError(Errors.E004.format(path=path, detail=detail))
    return dict(meta or {}), body.strip()


def _published(meta: dict[str, Any], path: str) -> dt.date | None:
    for key in DATE_KEYS:
        value = meta.get(key)
        if value is None:
            continue
        if isinstance(value, dt.datetime):
            return value.date()
        if isinstance(value, dt.date):
            return value
        try:
            return dt.date.fromisoformat(str(value).strip()[:10])
        except ValueError as exc:
            detail = f"{value!r} is not a YYYY-MM-DD date"
            raise ArticleError(Errors.E007.format(path=path, field=key, detail=detail)) from exc
    return None


def _text_field(meta: dict[str, Any], key: str, path: str) -> str | None:
    value = meta.get(key)
    if value is None:
        return None
    if not isinstance(value, str | int | float):
        detail = f"expected text, got {type(value).__name__}"
        raise ArticleError(Errors.E007.format(path=path, field=key, detail=detail))
    return str(value).strip() or None


def _heading_title(body: str) -> str | None:
    for line in body.splitlines():
        if line.startswith("# "):
            return line[2:].strip() or None
        if line.strip():
            return None
    return None


def _first_line(exc: Exception) -> str:
    return str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
