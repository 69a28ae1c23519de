"""What the web pages show, as plain dicts for the templates (no HTML is built here)."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from pipeline.review.queue import KEYS, ReviewItem, segments, split_sentence
from pipeline.review.service import FLAGGED, Review


def plain(value: Any) -> str:
    """A value for people: lists joined without repeats, objects as key=value."""
    if isinstance(value, list):
        return ", ".join(dict.fromkeys(plain(v) for v in value))
    if isinstance(value, dict):
        return ", ".join(f"{k}={plain(v)}" for k, v in value.items())
    return "" if value is None else str(value)


def http_url(url: Any) -> str | None:
    """The URL if it is http(s), else None: a stored source never becomes a javascript: link."""
    if not isinstance(url, str):
        return None
    return url if urlsplit(url).scheme in ("http", "https") else None


def item_json(item: ReviewItem) -> dict[str, Any]:
    decision = item.decision
    return {
        "id": item.lead["id"],
        "group": item.key,
        "model": item.lead["model"],
        "model_id": item.lead["model_id"],
        "attribute": item.lead["attribute"],
        "value": item.lead["value"],
        "severity": item.severity,
        "state": item.state.value,
        "decision": decision["decision"] if decision else None,
        "claims": item.claim_ids(),
    }


def queue_context(
    review: Review, items: list[ReviewItem], filters: dict[str, str]
) -> dict[str, Any]:
    everything = review.queue()
    return {
        "items": items,
        "filters": filters,
        "models": sorted({i.lead["model_id"] or i.lead["model"] for i in everything}),
        "attributes": sorted({i.lead["attribute"] for i in everything}),
        "articles": sorted(
            {(c["article"]["id"], c["article"]["path"]) for i in everything for c in i.claims},
            key=lambda a: a[1],
        ),
        "open_count": sum(1 for i in everything if i.state.value == "open"),
        "total": len(everything),
    }


def appearances(review: Review, item: ReviewItem) -> list[dict[str, Any]]:
    """Every place the claim was made, first first, with the sentence cut around the claim."""
    texts = review.article_texts(item.claims)
    shown = []
    for claim in item.claims:
        before, marked, after = split_sentence(texts.get(claim["article"]["id"]), claim)
        shown.append({"claim": claim, "before": before, "marked": marked, "after": after})
    return shown


def item_context(review: Review, item: ReviewItem) -> dict[str, Any]:
    return {
        "item": item,
        "lead": item.lead,
        "verdict": item.lead["verdict"],
        "appearances": appearances(review, item),
        "history": review.history(item),
        "keys": KEYS,
    }


def article_context(review: Review, article_id: str) -> dict[str, Any] | None:
    article = review.article(article_id)
    if article is None:
        return None
    records = review.records(article_id=article_id)
    return {
        "article": article,
        "records": records,
        "segments": segments(article["text"], records),
        "flagged": sum(1 for r in records if r["verdict"]["status"] == FLAGGED),
    }


def model_context(review: Review, model_key: str) -> dict[str, Any]:
    records = review.records(model_key=model_key)
    by_article: dict[str, list[dict[str, Any]]] = {}
    for record in sorted(records, key=lambda r: (r["article"]["path"], r["start"])):
        by_article.setdefault(record["article"]["id"], []).append(record)
    return {"model_key": model_key, "records": records, "by_article": by_article}
