"""Pydantic records shared by every stage: Article -> Claim -> Verdict.

These are the only types that cross stage and Prefect task boundaries. The field names
follow the fixed vocabulary of docs/design.md (attributes, verdict statuses, the
``check --json`` record).
"""

from __future__ import annotations

import datetime as dt
import hashlib
from enum import StrEnum
from typing import Any

from pydantic import BaseModel, ConfigDict, Field


class Attribute(StrEnum):
    release_date = "release_date"
    developer = "developer"
    parameters = "parameters"
    active_parameters = "active_parameters"
    architecture = "architecture"
    context_length = "context_length"
    training_tokens = "training_tokens"
    knowledge_cutoff = "knowledge_cutoff"
    license = "license"
    modality = "modality"


DATE_ATTRIBUTES = frozenset({Attribute.release_date, Attribute.knowledge_cutoff})
COUNT_ATTRIBUTES = frozenset(
    {
        Attribute.parameters,
        Attribute.active_parameters,
        Attribute.context_length,
        Attribute.training_tokens,
    }
)


class Precision(StrEnum):
    day = "day"
    month = "month"
    year = "year"


class Status(StrEnum):
    supported = "supported"
    contradicted = "contradicted"
    unverifiable = "unverifiable"


class Reason(StrEnum):
    """Why a claim is unverifiable (the codes of docs/design.md)."""

    unknown_model = "unknown_model"
    no_reference = "no_reference"
    ambiguous_model = "ambiguous_model"
    hedged = "hedged"
    unresolved_date = "unresolved_date"


class Bound(StrEnum):
    """How a journalist qualified a number: 'over 15T', 'up to 128K', 'about 70B'."""

    over = "over"
    at_least = "at_least"
    up_to = "up_to"
    about = "about"
    under = "under"


class Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


def content_id(*parts: object, length: int = 16) -> str:
    """A stable id derived from content: the same parts always give the same id."""
    digest = hashlib.sha256("\x1f".join(str(p) for p in parts).encode("utf-8"))
    return digest.hexdigest()[:length]


class Article(Frozen):
    id: str
    path: str
    title: str | None = None
    url: str | None = None
    published: dt.date | None = None
    text: str
    content_hash: str

    @classmethod
    def build(
        cls,
        *,
        path: str,
        text: str,
        title: str | None = None,
        url: str | None = None,
        published: dt.date | None = None,
    ) -> Article:
        """Make an Article whose id and hash derive from its text and metadata."""
        digest = content_id(text, title, url, published, length=64)
        return cls(
            id=digest[:16],
            path=path,
            title=title,
            url=url,
            published=published,
            text=text,
            content_hash=digest,
        )

    def ref(self) -> dict[str, Any]:
        """The short article record used in JSON output."""
        published = self.published.isoformat() if self.published else None
        return {
            "id": self.id,
            "path": self.path,
            "title": self.title,
            "url": self.url,
            "published": published,
        }


class Qualifiers(Frozen):
    bound: Bound | None = None
    range: tuple[int, int] | None = None
    hedged: bool = False
    negated: bool = False
    relative_date: bool = False
    scope: str | None = None  # "total" / "active" when the text says so
    inferred: bool = False  # the sentence does not name the model: carried over from context


Value = int | str | list[str] | dict[str, Any]


class Claim(Frozen):
    """One factual statement about one model, as the article makes it."""

    id: str
    article_id: str
    model: str
    model_id: str | None
    attribute: Attribute
    value: Value | None
    precision: Precision | None = None
    text: str
    start: int
    end: int
    sentence: str
    qualifiers: Qualifiers = Field(default_factory=Qualifiers)

    @staticmethod
    def make_id(article_id: str, attribute: str, start: int, end: int, model: str) -> str:
        return content_id(article_id, attribute, start, end, model)


class Verdict(Frozen):
    claim_id: str
    status: Status
    reason: Reason | None = None
    expected: list[Any] = Field(default_factory=list)
    source: str | None = None
    explanation: str = ""
    hint: str | None = None
    severity: float = 0.0
    registry_version: str = ""


class CheckedClaim(Frozen):
    claim: Claim
    verdict: Verdict

    def record(self) -> dict[str, Any]:
        """The claim record of ``check --json`` (docs/design.md)."""
        c = self.claim
        verdict = self.verdict.model_dump(mode="json", exclude={"claim_id"})
        return {
            "id": c.id,
            "model": c.model,
            "model_id": c.model_id,
            "attribute": c.attribute.value,
            "value": c.value,
            "precision": c.precision.value if c.precision else None,
            "text": c.text,
            "start": c.start,
            "end": c.end,
            "sentence": c.sentence,
            "qualifiers": c.qualifiers.model_dump(mode="json"),
            "verdict": verdict,
        }


class ArticleResult(Frozen):
    article: Article
    checked: list[CheckedClaim]

    def record(self) -> dict[str, Any]:
        return {
            "article": self.article.ref(),
            "claims": [c.record() for c in self.checked],
        }


class FileFailure(Frozen):
    path: str
    error: str


class RunSummary(Frozen):
    run_id: str
    articles_seen: int
    articles_processed: int
    articles_skipped: int
    articles_failed: list[FileFailure]
    claims: int
    contradicted: int
