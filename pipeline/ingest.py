"""Files -> Articles. Markdown and text with optional YAML front matter.

``discover`` lists the article files under the given paths (hidden files and unknown
extensions are skipped and counted); ``read_article`` turns one file into an Article or
raises ArticleError with a message naming the file and what is wrong.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import frontmatter
import yaml

from pipeline.errors import ArticleError, Errors
from pipeline.schema import Article

SUFFIXES = frozenset({".md", ".markdown", ".txt"})
MAX_BYTES = 5 * 1024 * 1024
DATE_KEYS = ("published", "date")


@dataclass
class Discovery:
    files: list[Path] = field(default_factory=list)
    skipped: list[Path] = field(default_factory=list)
    missing: list[Path] = field(default_factory=list)


def discover(paths: Sequence[Path]) -> Discovery:
    """Article files under ``paths``, in a stable order; others skipped and counted."""
    found = Discovery()
    for root in paths:
        if not root.exists():
            found.missing.append(root)
            continue
        candidates = [root] if root.is_file() else sorted(_walk(root))
        for path in candidates:
            wanted = path.suffix.lower() in SUFFIXES and not path.name.startswith(".")
            (found.files if wanted else found.skipped).append(path)
    return found


def _walk(root: Path) -> Iterable[Path]:
    for path in root.rglob("*"):
        relative = path.relative_to(root).parts
        if any(part.startswith(".") for part in relative[:-1]):
            continue
        if path.is_file() or (path.is_symlink() and not path.exists()):
            yield path


def read_article(path: Path) -> Article:
    """Read one article file; ArticleError names the file and the problem."""
    if path.suffix.lower() not in SUFFIXES:
        raise ArticleError(Errors.E005.format(path=path, suffix=path.suffix))
    raw = _read_bytes(path)
    if b"\x00" in raw:
        raise ArticleError(Errors.E008.format(path=path))
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ArticleError(Errors.E002.format(path=path)) from exc
    return parse_markdown(text, path=str(path))


def _read_bytes(path: Path) -> bytes:
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise ArticleError(Errors.E006.format(path=path, limit=MAX_BYTES, size=size))
        return path.read_bytes()
    except OSError as exc:
        raise ArticleError(Errors.E001.format(path=path, detail=exc.strerror or exc)) from exc


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
