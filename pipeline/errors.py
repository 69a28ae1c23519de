"""Every error and outcome message of claimwatch, each with a code (like spaCy's errors.py).

Messages are looked up here so that the CLI, the store and the docs say the same thing.
"""

from __future__ import annotations

from dataclasses import dataclass


class Errors:
    E001 = "E001 cannot read {path}: {detail}"
    E002 = "E002 {path} is not valid UTF-8 text and its encoding cannot be detected with confidence"
    E003 = "E003 {path} is empty"
    E004 = "E004 {path} has malformed front matter: {detail}"
    E005 = "E005 {path}: unsupported file type {suffix!r}"
    E006 = "E006 {path} is larger than the {limit} byte limit ({size} bytes)"
    E007 = "E007 {path}: bad {field} in front matter: {detail}"
    E008 = "E008 {path} looks binary (NUL bytes), not an article"
    E009 = "E009 {path}: {where} is not valid JSON: {detail}"
    E010 = "E010 registry is invalid ({count} problem(s)):\n{problems}"
    E020 = "E020 no such path: {path}"
    E021 = "E021 processing failed: {detail}"
    E040 = "E040 {path}: {where} is not an article object (got {kind})"
    E041 = "E041 {path}: {where} has no text (a non-empty string in one of: {keys})"
    E042 = "E042 {path}: {where} has a bad {field}: {detail}"
    E043 = "E043 {path} holds {count} articles, not one; read it with read_articles_from"
    E044 = "E044 {path}: no main text found in the HTML page"
    E046 = "E046 {name} must be a positive whole number of bytes, got {value!r}"
    E047 = "E047 {path} has {length} characters of text, more than the {limit} character limit"
    E050 = "E050 gold set {path} is invalid ({count} problem(s)):\n{problems}"


@dataclass(frozen=True)
class RegistryProblem:
    """One registry problem: which file, which entry, which field, what is wrong."""

    file: str
    entry: str | None
    field: str | None
    message: str
    line: int | None = None

    def __str__(self) -> str:
        where = self.file + (f":{self.line}" if self.line else "")
        if self.entry:
            where += f" [{self.entry}]"
        if self.field:
            where += f" {self.field}"
        return f"{where}: {self.message}"


class ClaimwatchError(Exception):
    """Base of the errors claimwatch reports to its user."""


class ArticleError(ClaimwatchError):
    """An article file that cannot be read; the run records it and goes on."""


class RegistryError(ClaimwatchError):
    def __init__(self, problems: list[RegistryProblem]) -> None:
        self.problems = problems
        lines = "\n".join(f"  - {p}" for p in problems)
        super().__init__(Errors.E010.format(count=len(problems), problems=lines))


class GoldError(ClaimwatchError):
    """A gold folder that cannot be scored: missing, empty, or with malformed files.

    Every problem is collected first, so one run names them all; nothing is scored from a
    half-read gold set (its precision and recall would be silently wrong).
    """

    def __init__(self, path: str, problems: list[str]) -> None:
        self.problems = problems
        lines = "\n".join(f"  - {p}" for p in problems)
        super().__init__(Errors.E050.format(path=path, count=len(problems), problems=lines))


class ReviewErrors:
    E030 = "E030 no stored claim with id {claim_id!r}"
    E031 = "E031 id prefix {claim_id!r} fits several claims: {candidates}; give more characters"
    E032 = "E032 claim {claim_id} is {status}, not flagged: only contradicted claims are reviewed"
    E033 = "E033 nothing to undo"
    E034 = "E034 unknown decision {decision!r}: use one of {choices}"
    E035 = "E035 unsupported export format {fmt!r}: use one of {choices}"


class ReviewError(ClaimwatchError):
    """A review request that cannot be carried out (unknown claim, nothing to undo, ...)."""
