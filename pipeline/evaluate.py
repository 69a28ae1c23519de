"""Score extraction and flags against gold annotations (docs/gold.md).

A predicted claim matches a gold claim when the attribute and the model agree and the
values are the same after normalisation (counts within 2.5%, which covers 128K read as
131,072; dates at the coarser of the two precisions; sets as sets). Matching is one to one.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from pipeline.check import check_claim
from pipeline.errors import GoldError
from pipeline.registry import Registry, alias_key
from pipeline.runner import Toolkit, process, read_articles
from pipeline.schema import (
    COUNT_ATTRIBUTES,
    DATE_ATTRIBUTES,
    Attribute,
    CheckedClaim,
    Claim,
    Precision,
    Qualifiers,
    Verdict,
)
from pipeline.units import parse_count, parse_partial_date

COUNT_SLACK = 0.025


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Report:
    claims: Score = field(default_factory=Score)
    by_attribute: dict[str, Score] = field(default_factory=lambda: defaultdict(Score))
    flags: Score = field(default_factory=Score)
    flags_inferred: Score = field(default_factory=Score)  # tp/fp of flags on inferred models
    verdicts_agree: int = 0
    verdicts_matched: int = 0
    missed: list[tuple[str, dict[str, Any]]] = field(default_factory=list)
    spurious: list[tuple[str, dict[str, Any]]] = field(default_factory=list)
    wrong_verdicts: list[tuple[str, dict[str, Any], str]] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)


def load_gold(gold_dir: Path) -> list[tuple[Path, dict[str, Any]]]:
    """(article path, gold document) pairs; articles live in ../articles beside gold/.

    Raises GoldError naming every file and claim that is wrong, before anything is scored.
    """
    if not gold_dir.is_dir():
        raise GoldError(str(gold_dir), ["not a folder"])
    files = sorted(gold_dir.glob("*.yaml"))
    if not files:
        raise GoldError(str(gold_dir), ["no gold files (*.yaml) in it"])
    pairs, problems = [], []
    for path in files:
        try:
            doc = yaml.safe_load(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
            problems.append(f"{path.name}: cannot read: {' '.join(str(exc).split())}")
            continue
        found = _gold_problems(doc)
        problems += [f"{path.name}: {problem}" for problem in found]
        if not found:
            pairs.append((gold_dir.parent / "articles" / str(doc["article"]), doc))
    if problems:
        raise GoldError(str(gold_dir), problems)
    return pairs


def _gold_problems(doc: object) -> list[str]:
    """What is wrong with one parsed gold file (docs/gold.md), or nothing."""
    if not isinstance(doc, dict):
        return [f"not a mapping with 'article' and 'claims' (got {type(doc).__name__})"]
    problems = []
    if not isinstance(doc.get("article"), str) or not doc["article"]:
        problems.append("no 'article' (the article's file name in ../articles)")
    claims = doc.get("claims")
    if claims is not None and not isinstance(claims, list):
        return [*problems, "'claims' is not a list"]
    names = ", ".join(a.value for a in Attribute)
    for i, item in enumerate(claims or []):
        if not isinstance(item, dict):
            problems.append(f"claim {i + 1} is not a mapping")
        elif item.get("attribute") not in {a.value for a in Attribute}:
            problems.append(
                f"claim {i + 1}: attribute {item.get('attribute')!r} is not one of {names}"
            )
    return problems


def evaluate(gold_dir: Path, kit: Toolkit) -> Report:
    report = Report()
    for article_path, doc in load_gold(gold_dir):
        articles, failures = read_articles([article_path])
        report.failures += [f.error for f in failures]
        if not articles:
            continue
        predicted = process(articles, kit)[0].checked
        score_article(
            article_path.name, doc.get("claims") or [], predicted, report, same_model(kit.registry)
        )
    return report


def score_article(
    name: str,
    gold: list[dict[str, Any]],
    predicted: Sequence[CheckedClaim],
    report: Report,
    equal: Callable[[str, str | None], bool] | None = None,
) -> None:
    unmatched = list(predicted)
    for item in gold:
        match = next((p for p in unmatched if same_claim(item, p, equal)), None)
        attribute = str(item["attribute"])
        gold_flag = item.get("verdict") == "contradicted"
        if match is None:
            _count(report, attribute, "fn")
            report.missed.append((name, item))
            report.flags.fn += gold_flag
            continue
        unmatched.remove(match)
        _count(report, attribute, "tp")
        status = match.verdict.status.value
        report.verdicts_matched += 1
        report.verdicts_agree += status == item.get("verdict")
        if status != item.get("verdict"):
            report.wrong_verdicts.append((name, item, status))
        predicted_flag = status == "contradicted"
        report.flags.tp += gold_flag and predicted_flag
        report.flags.fn += gold_flag and not predicted_flag
        report.flags.fp += predicted_flag and not gold_flag
        if predicted_flag and match.claim.qualifiers.inferred:
            report.flags_inferred.tp += gold_flag
            report.flags_inferred.fp += not gold_flag
    for extra in unmatched:
        _count(report, extra.claim.attribute.value, "fp")
        report.spurious.append((name, extra.record()))
        report.flags.fp += extra.verdict.status.value == "contradicted"
        if extra.verdict.status.value == "contradicted" and extra.claim.qualifiers.inferred:
            report.flags_inferred.fp += 1


def _count(report: Report, attribute: str, kind: str) -> None:
    for score in (report.claims, report.by_attribute[attribute]):
        setattr(score, kind, getattr(score, kind) + 1)


def same_model(registry: Registry) -> Callable[[str, str | None], bool]:
    """Ids naming the same model: equal, or a family with one model and that model
    ("Mistral NeMo" may be annotated as the family or as its only model; both are judged
    the same way)."""

    def sole(entry: str | None) -> str | None:
        if entry is None:
            return None
        members = registry.members(entry)
        return members[0].id if len(members) == 1 else entry

    return lambda gold, predicted: gold == predicted or sole(gold) == sole(predicted)


def same_claim(
    gold: dict[str, Any],
    predicted: CheckedClaim,
    equal: Callable[[str, str | None], bool] | None = None,
) -> bool:
    claim = predicted.claim
    if claim.attribute.value != gold["attribute"]:
        return False
    if gold.get("model") is not None:
        same = equal(gold["model"], claim.model_id) if equal else claim.model_id == gold["model"]
        if not same:
            return False
    elif claim.model_id is not None and alias_key(claim.model) != alias_key(
        str(gold.get("mention", ""))
    ):
        return False
    if claim.attribute is Attribute.license:
        return _licence_meaning(gold.get("value"), bool(gold.get("negated"))) == _licence_meaning(
            claim.value, claim.qualifiers.negated
        )
    return same_value(claim.attribute, gold.get("value"), claim.value, claim.precision)


# A denied licence description that means another one: "bars commercial use" is the same claim
# as "non-commercial", "its weights have not been released" the same as "proprietary" (the
# checker judges both forms alike; annotators write either).
_DENIED_MEANS = {
    "commercial-use": "non-commercial",
    "non-commercial": "commercial-use",
    "open-weights": "proprietary",
    "proprietary": "open-weights",
}


def _licence_meaning(value: Any, negated: bool) -> tuple[str, bool]:
    """A licence claim as what it asserts: (value, negated), a denied description turned
    into the one it means."""
    text = str(value)
    if negated and text in _DENIED_MEANS:
        return _DENIED_MEANS[text], False
    return text, negated


def same_value(attribute: Attribute, gold: Any, value: Any, precision: Any) -> bool:
    if gold is None or value is None:
        return gold is None and value is None
    if attribute in COUNT_ATTRIBUTES:
        expected = gold if isinstance(gold, int) else parse_count(str(gold))
        return expected is not None and abs(value - expected) <= COUNT_SLACK * max(expected, 1)
    if attribute in (Attribute.release_date, Attribute.knowledge_cutoff):
        return _same_date(str(gold), str(value))
    if attribute is Attribute.modality:
        return set(map(str, gold if isinstance(gold, list) else [gold])) == set(map(str, value))
    if attribute is Attribute.architecture:
        return (
            isinstance(gold, dict)
            and isinstance(value, dict)
            and all(value.get(k) == v for k, v in gold.items() if v is not None)
            and all(gold.get(k) == v for k, v in value.items())
        )
    return str(gold) == str(value)


def _same_date(gold: str, value: str) -> bool:
    a, b = parse_partial_date(gold), parse_partial_date(value)
    if a is None or b is None:
        return gold == value
    order = ["day", "month", "year"]
    coarse = max(a[1].value, b[1].value, key=order.index)
    width = {"day": 10, "month": 7, "year": 4}[coarse]
    return _iso(a[0])[:width] == _iso(b[0])[:width]


def _iso(date: dt.date) -> str:
    return date.isoformat()


def gold_claim(item: dict[str, Any], article_id: str, index: int) -> Claim:
    """A Claim built from a gold annotation, to judge the checker apart from extraction."""
    attribute = Attribute(item["attribute"])
    value, precision = _gold_value(attribute, item.get("value"))
    qualifiers = Qualifiers(
        bound=item.get("bound"),
        hedged=bool(item.get("hedged")),
        negated=bool(item.get("negated")),
        relative_date=attribute in DATE_ATTRIBUTES
        and (item.get("value") is None or bool(RELATIVE_TEXT.search(str(item.get("text") or "")))),
    )
    text = str(item.get("text") or "")
    return Claim(
        id=f"gold-{index}",
        article_id=article_id,
        model=str(item.get("mention") or ""),
        model_id=item.get("model"),
        attribute=attribute,
        value=value,
        precision=precision,
        text=text,
        start=0,
        end=len(text),
        sentence=text,
        qualifiers=qualifiers,
    )


# A gold date written relative to publication ("ten weeks ago", "last Tuesday"): resolved by
# the annotator, but as loose as the extractor's relative dates (RELATIVE_DATE_SLACK).
RELATIVE_TEXT = re.compile(
    r"\b(ago|yesterday|today|tonight|last (week|month|monday|tuesday|wednesday|thursday|friday"
    r"|saturday|sunday)|this (week|month)|next (week|month))\b",
    re.I,
)


def _gold_value(attribute: Attribute, value: Any) -> tuple[Any, Precision | None]:
    if value is None:
        return None, None
    if attribute in COUNT_ATTRIBUTES:
        return (value if isinstance(value, int) else parse_count(str(value))), None
    if attribute in DATE_ATTRIBUTES:
        parsed = parse_partial_date(str(value))
        return str(value), parsed[1] if parsed else None
    return value, None


def check_gold(gold_dir: Path, registry: Registry) -> list[tuple[str, dict[str, Any], Verdict]]:
    """Judge every gold claim as annotated; return those whose verdict differs from gold."""
    wrong = []
    for article_path, doc in load_gold(gold_dir):
        articles, _ = read_articles([article_path])
        published = articles[0].published if articles else None
        for i, item in enumerate(doc.get("claims") or []):
            verdict = check_claim(gold_claim(item, article_path.name, i), registry, published)
            expected = (item.get("verdict"), item.get("reason"))
            got = (verdict.status.value, verdict.reason.value if verdict.reason else None)
            if got != expected:
                wrong.append((article_path.name, item, verdict))
    return wrong
