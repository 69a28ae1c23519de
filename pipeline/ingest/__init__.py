"""Files -> Articles: Markdown/text with YAML front matter, HTML, JSON and JSON Lines.

``discover`` lists the article files under the given paths (hidden files and unknown
extensions are skipped and counted). ``read_articles_from`` reads one file into the articles
it holds plus a FileFailure for each part that cannot be read; it never raises ArticleError:
a file that cannot be read at all is one failure naming the file. A JSON array or a JSONL
file may hold several articles; each good element is an article and each bad one a failure
(see ``records``). ``read_article`` is for files that hold exactly one article: it raises
ArticleError for any problem, including a file that holds several articles (E043).

Every reader first applies the same checks (``files``): a regular, readable file, at most
CLAIMWATCH_MAX_BYTES bytes (default MAX_BYTES, 5 MB), no NUL bytes, and a text encoding that
is UTF-8 or confidently detected; and each article's text must be at most MAX_CHARS
characters (what the extractor takes in one piece), else that article is a failure (E047).
Everything under a folder that is not a directory is discovered, so a FIFO, a broken symlink
or a symlink loop named like an article is reported, not silently left out.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.errors import ArticleError, Errors
from pipeline.ingest.files import (
    MAX_BYTES,
    MAX_BYTES_ENV,
    MAX_CHARS,
    check_length,
    decode,
    max_bytes,
    read_bytes,
)
from pipeline.ingest.html import declared_charset, parse_html
from pipeline.ingest.markdown import parse_markdown
from pipeline.ingest.records import parse_json, parse_jsonl
from pipeline.schema import Article, FileFailure

__all__ = [
    "MAX_BYTES",
    "MAX_BYTES_ENV",
    "MAX_CHARS",
    "SUFFIXES",
    "Discovery",
    "discover",
    "max_bytes",
    "parse_markdown",
    "read_article",
    "read_articles_from",
]

Read = tuple[list[Article], list[FileFailure]]


Reader = Callable[[str, str], Read]


def _markdown(text: str, path: str) -> Read:
    return [parse_markdown(text, path=path)], []


def _html(text: str, path: str) -> Read:
    return [parse_html(text, path=path)], []


def _json(text: str, path: str) -> Read:
    return parse_json(text, path=path)


def _jsonl(text: str, path: str) -> Read:
    return parse_jsonl(text, path=path)


HTML_SUFFIXES = frozenset({".html", ".htm"})
READERS: dict[str, Reader] = {
    ".md": _markdown,
    ".markdown": _markdown,
    ".txt": _markdown,
    ".html": _html,
    ".htm": _html,
    ".json": _json,
    ".jsonl": _jsonl,
}
SUFFIXES = frozenset(READERS)


@dataclass
class Discovery:
    files: list[Path] = field(default_factory=list)
    skipped: list[Path] = field(default_factory=list)
    missing: list[Path] = field(default_factory=list)


def discover(paths: Sequence[Path]) -> Discovery:
    """Article files under ``paths``, in a stable order; others skipped and counted."""
    found = Discovery()
    for root in paths:
        if not root.exists() and not root.is_symlink():
            found.missing.append(root)
            continue
        candidates = [root] if not root.is_dir() else sorted(_walk(root))
        for path in candidates:
            wanted = path.suffix.lower() in SUFFIXES and not path.name.startswith(".")
            (found.files if wanted else found.skipped).append(path)
    return found


def _walk(root: Path) -> Iterable[Path]:
    for path in root.rglob("*"):
        relative = path.relative_to(root).parts
        if any(part.startswith(".") for part in relative[:-1]):
            continue
        if not path.is_dir():  # files, FIFOs, broken symlinks and loops: reading reports them
            yield path


def read_articles_from(path: Path) -> Read:
    """The articles in one file and a FileFailure for each unreadable part; never raises."""
    try:
        return _read(path)
    except ArticleError as exc:
        return [], [FileFailure(path=str(path), error=str(exc))]


def read_article(path: Path) -> Article:
    """The one article in ``path``; ArticleError names the file and the problem."""
    articles, failures = _read(path)
    if failures:
        raise ArticleError(failures[0].error)
    if len(articles) != 1:
        raise ArticleError(Errors.E043.format(path=path, count=len(articles)))
    return articles[0]


def _read(path: Path) -> Read:
    suffix = path.suffix.lower()
    if suffix not in READERS:
        raise ArticleError(Errors.E005.format(path=path, suffix=path.suffix))
    raw = read_bytes(path)
    declared = declared_charset(raw) if suffix in HTML_SUFFIXES else None
    articles, failures = READERS[suffix](decode(raw, path, declared), str(path))
    fitting = []
    for article in articles:
        try:
            fitting.append(check_length(article))
        except ArticleError as exc:
            failures.append(FileFailure(path=article.path, error=str(exc)))
    return fitting, failures
