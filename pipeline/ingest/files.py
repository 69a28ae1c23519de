"""Bytes from disk and text from bytes: the size limit, binary files, encodings.

Decoding order: a UTF-16/32 byte-order mark, then UTF-8, then (for HTML) the charset the page
declares, then charset-normalizer when it is confident. Its candidates come ranked by mess
ratio ("chaos") and language coherence; on short texts the top few are often near-ties that
read the accented letters differently (cp1250 gives "modčle" where cp1252 gives "modèle").
So: the best candidate must have a mess ratio of at most MAX_CHAOS; the candidates as clean as
it and within COHERENCE_MARGIN of its coherence are tied; the reading is confident when the tied
candidates agree on the text, or when one of them is a PREFERRED encoding (cp1252, the web's
default for undeclared legacy text and a superset of Latin-1's printable characters, then
cp1251). Anything else is E002: a wrong guess would corrupt names and numbers in the text.
"""

from __future__ import annotations

import codecs
import os
import stat
from pathlib import Path

from charset_normalizer import from_bytes

from pipeline.errors import ArticleError, Errors
from pipeline.schema import Article

MAX_BYTES = 5 * 1024 * 1024
MAX_CHARS = 1_000_000  # spaCy's nlp.max_length: a longer text would fail the whole batch
MAX_BYTES_ENV = "CLAIMWATCH_MAX_BYTES"
MAX_CHAOS = 0.1
COHERENCE_MARGIN = 0.1
PREFERRED = ("cp1252", "cp1251")
NOT_DETECTED = frozenset({"ascii", "utf_8"})  # UTF-8 was tried first; ASCII is a subset of it
BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def max_bytes() -> int:
    """The size limit in effect: CLAIMWATCH_MAX_BYTES if set, else MAX_BYTES (5 MB)."""
    value = os.environ.get(MAX_BYTES_ENV, "").strip()
    if not value:
        return MAX_BYTES
    if not value.isdigit() or int(value) <= 0:
        raise ArticleError(Errors.E046.format(name=MAX_BYTES_ENV, value=value))
    return int(value)


def read_bytes(path: Path) -> bytes:
    """The file's bytes; E001 for anything unreadable, E006 over the size limit.

    The file is opened non-blocking and checked through its descriptor, so a FIFO (or a file
    swapped for one after discovery) is refused instead of blocking the run forever.
    """
    limit = max_bytes()
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
        try:
            _check_regular(path, os.fstat(fd), limit)
        except ArticleError:
            os.close(fd)
            raise
        with os.fdopen(fd, "rb") as handle:
            raw = handle.read(limit + 1)
    except OSError as exc:
        raise ArticleError(Errors.E001.format(path=path, detail=exc.strerror or exc)) from exc
    if len(raw) > limit:  # the file grew after fstat
        raise ArticleError(Errors.E006.format(path=path, limit=limit, size=f"over {limit}"))
    return raw


def _check_regular(path: Path, info: os.stat_result, limit: int) -> None:
    if not stat.S_ISREG(info.st_mode):
        kind = "a directory" if stat.S_ISDIR(info.st_mode) else "not a regular file"
        raise ArticleError(Errors.E001.format(path=path, detail=kind))
    if info.st_size > limit:
        raise ArticleError(Errors.E006.format(path=path, limit=limit, size=info.st_size))


def check_length(article: Article) -> Article:
    """``article`` if the extractor can take its text whole; E047 past MAX_CHARS characters."""
    length = len(article.text)
    if length > MAX_CHARS:
        raise ArticleError(Errors.E047.format(path=article.path, length=length, limit=MAX_CHARS))
    return article


def decode(raw: bytes, path: Path, declared: str | None = None) -> str:
    """Text of ``raw``; E008 for NUL bytes (outside UTF-16/32), E002 when no encoding fits."""
    bom = next((encoding for mark, encoding in BOMS if raw.startswith(mark)), None)
    if bom is None and b"\x00" in raw:
        raise ArticleError(Errors.E008.format(path=path))
    candidates = [bom] if bom else ["utf-8-sig", declared]
    for encoding in candidates:
        text = _strict(raw, encoding) if encoding else None
        if text is not None:
            return text
    text = None if bom else _detected(raw)
    if text is None:
        raise ArticleError(Errors.E002.format(path=path))
    return text


def _strict(raw: bytes, encoding: str) -> str | None:
    try:
        return raw.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None


def _detected(raw: bytes) -> str | None:
    """charset-normalizer's reading when confident (see the module docstring), else None."""
    matches = [m for m in from_bytes(raw) if m.encoding not in NOT_DETECTED]
    if not matches or matches[0].chaos > MAX_CHAOS:
        return None
    best = matches[0]
    top = [
        m
        for m in matches
        if m.chaos == best.chaos and m.coherence >= best.coherence - COHERENCE_MARGIN
    ]
    if len({str(m) for m in top}) == 1:
        return str(best)
    for encoding in PREFERRED:
        for match in top:
            if encoding in match.could_be_from_charset:
                return str(match)
    return None
