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
    try:
        post = frontmatter.loads(text)
    except (yaml.YAMLError, ValueError) as exc:
        raise ArticleError(Errors.E004.format(path=path, detail=_first_line(exc))) from exc
    meta: dict[str, Any] = dict(post.metadata)
    body = post.content
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
