"""Pydantic models of the reference registry (the YAML files in ``data/``).

Every model forbids unknown fields, so a typo in a YAML key is an error, not a silent
skip. Values are normalised on load: counts become ints ("70.6B" -> 70_600_000_000),
dates keep their precision ("2024-04" is a month). See docs/registry.md.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import Annotated, Any, Generic, Literal, TypeVar

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, model_validator

from pipeline.schema import Attribute, Bound, Precision
from pipeline.units import parse_count, parse_partial_date

T = TypeVar("T")


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class FactStatus(StrEnum):
    disclosed = "disclosed"
    estimate = "estimate"


def _check_url(value: str) -> str:
    if not value.startswith(("https://", "http://")):
        raise ValueError(f"source must be an http(s) URL, got {value!r}")
    return value


Url = Annotated[str, AfterValidator(_check_url)]


def _check_name(value: str) -> str:
    if not value.strip(" -_"):
        raise ValueError("a name or alias cannot be blank")
    return value


Name = Annotated[str, AfterValidator(_check_name)]


def _to_count(value: Any) -> int:
    if isinstance(value, bool):
        raise ValueError("a count cannot be true/false")
    if isinstance(value, int):
        return value
    parsed = parse_count(str(value))
    if parsed is None:
        raise ValueError(f"not a count: {value!r} (use an integer or e.g. 70.6B, 128K, 15T)")
    return parsed


Count = Annotated[int, BeforeValidator(_to_count)]


class PartialDate(Strict):
    """A date known to a day, a month or a year."""

    date: dt.date
    precision: Precision

    def iso(self) -> str:
        if self.precision is Precision.year:
            return f"{self.date.year:04d}"
        if self.precision is Precision.month:
            return f"{self.date.year:04d}-{self.date.month:02d}"
        return self.date.isoformat()


def _to_partial_date(value: Any) -> Any:
    if isinstance(value, PartialDate | dict):
        return value
    if isinstance(value, dt.date):
        return {"date": value, "precision": Precision.day}
    parsed = parse_partial_date(str(value))
    if parsed is None:
        raise ValueError(f"not a date: {value!r} (use YYYY-MM-DD, YYYY-MM or YYYY)")
    return {"date": parsed[0], "precision": parsed[1]}


DateValue = Annotated[PartialDate, BeforeValidator(_to_partial_date)]


class Architecture(Strict):
    type: Literal["dense", "moe"]
    experts: int | None = None
    experts_per_token: int | None = None
    shared_experts: int | None = None


Modal = Literal["text", "image", "audio", "video", "code"]


class Modality(Strict):
    input: list[Modal]
    output: list[Modal]


class Earlier(Strict, Generic[T]):
    """A value that was true until ``until`` (exclusive), then replaced."""

    value: T
    until: dt.date
    source: Url
    note: str | None = None


class Fact(Strict, Generic[T]):
    """One sourced fact: its value, the primary source, disclosed or estimate, history."""

    value: T
    source: Url
    status: FactStatus = FactStatus.disclosed
    bound: Bound | None = None
    note: str | None = None
    history: list[Earlier[T]] = Field(default_factory=list)

    @model_validator(mode="after")
    def _check(self) -> Fact[T]:
        if self.status is FactStatus.estimate and not self.note:
            raise ValueError("an estimate needs a note saying where it comes from")
        untils = [e.until for e in self.history]
        if untils != sorted(untils):
            raise ValueError("history must be ordered oldest first")
        return self

    def value_at(self, when: dt.date | None) -> tuple[Any, str, dt.date | None]:
        """The value true on ``when`` (today's value if None): value, source, changed on."""
        if when is not None:
            for earlier in self.history:
                if when < earlier.until:
                    return earlier.value, earlier.source, earlier.until
        changed = self.history[-1].until if self.history else None
        return self.value, self.source, changed


class Facts(Strict):
    release_date: Fact[DateValue] | None = None
    parameters: Fact[Count] | None = None
    active_parameters: Fact[Count] | None = None
    architecture: Fact[Architecture] | None = None
    context_length: Fact[Count] | None = None
    training_tokens: Fact[Count] | None = None
    knowledge_cutoff: Fact[DateValue] | None = None
    license: Fact[str] | None = None
    modality: Fact[Modality] | None = None

    def get(self, attribute: Attribute) -> Fact[Any] | None:
        fact: Fact[Any] | None = getattr(self, attribute.value, None)
        return fact

    def items(self) -> list[tuple[Attribute, Fact[Any]]]:
        pairs = ((Attribute(k), getattr(self, k)) for k in Facts.model_fields)
        return [(a, f) for a, f in pairs if f is not None]


class Organisation(Strict):
    id: str
    name: str
    aliases: list[Name] = Field(default_factory=list)
    source: Url


class Licence(Strict):
    id: str
    name: str
    aliases: list[Name] = Field(default_factory=list)
    spdx: str | None = None
    open_weights: bool
    osi_open_source: bool
    commercial_use: Literal["allowed", "restricted", "prohibited"]
    source: Url | None = None  # the licence text; None only for the generic "proprietary"


class Family(Strict):
    id: str
    name: str
    line: str
    developer: str
    aliases: list[Name] = Field(default_factory=list)
    # names matched in articles only as written, case and all ('LLaMA' is the original
    # LLaMA, 'Llama' the whole line): never used to look a name up
    exact_aliases: list[Name] = Field(default_factory=list)
    follows: str | None = None  # the family this one succeeded, for hints
    source: Url


class Model(Strict):
    id: str
    name: str
    family: str
    developer: str
    aliases: list[Name] = Field(default_factory=list)
    card: Url
    last_checked: dt.date
    facts: Facts = Field(default_factory=Facts)
    # models a writer may mean by this model's name ("GPT-4" for GPT-4 Turbo): a claim that
    # fits one of them but not this model is ambiguous, not contradicted
    confusable_with: list[str] = Field(default_factory=list)


class RegistryFile(Strict):
    organisations: list[Organisation] = Field(default_factory=list)
    licences: list[Licence] = Field(default_factory=list)
    families: list[Family] = Field(default_factory=list)
    models: list[Model] = Field(default_factory=list)
