"""Rich rendering of CLI results. Article text is printed as text, never as markup."""

from __future__ import annotations

from typing import Any

from rich.console import Console
from rich.table import Table
from rich.text import Text

from pipeline.schema import ArticleResult, RunSummary

console = Console(highlight=False)
STATUS_STYLE = {"supported": "green", "contradicted": "bold red", "unverifiable": "yellow"}


def _value(value: Any) -> str:
    if isinstance(value, list):
        return ", ".join(_value(v) for v in value)
    if isinstance(value, dict):
        return ", ".join(f"{k}={v}" for k, v in value.items())
    return str(value)


def print_summary(summary: RunSummary, flags: list[dict[str, Any]]) -> None:
    console.print(
        f"run {summary.run_id}: {summary.articles_seen} seen, "
        f"{summary.articles_processed} processed, {summary.articles_skipped} skipped "
        f"(unchanged or not articles), {len(summary.articles_failed)} failed; "
        f"{summary.claims} claims, [bold red]{summary.contradicted} contradicted[/]"
    )
    for failure in summary.articles_failed:
        console.print(Text(f"  failed: {failure.error}", style="yellow"))
    if flags:
        print_flags(flags, title="Flagged claims in this run")
    elif summary.articles_processed == 0:
        console.print("No new articles; `claimwatch flags` lists every stored flag.")


def print_flags(records: list[dict[str, Any]], title: str = "Flagged claims") -> None:
    table = Table(title=title, show_lines=False)
    for column in ("id", "article", "model", "attribute", "claimed", "registry", "hint"):
        table.add_column(column, overflow="fold")
    for r in records:
        verdict = r["verdict"]
        table.add_row(
            Text(r["id"][:10]),
            Text(r["article"]["path"].rsplit("/", 1)[-1]),
            Text(r["model"]),
            Text(r["attribute"]),
            Text(r["text"]),
            Text(_value(verdict["expected"])),
            Text(verdict["hint"] or ""),
        )
    console.print(table)


def print_article(result: ArticleResult) -> None:
    article = result.article
    console.print(Text(f"{article.path} — {article.title or '(untitled)'}", style="bold"))
    table = Table(show_lines=False)
    for column in ("model", "attribute", "claimed", "status", "registry / explanation"):
        table.add_column(column, overflow="fold")
    for checked in result.checked:
        c, v = checked.claim, checked.verdict
        status = v.status.value + (f" ({v.reason.value})" if v.reason else "")
        table.add_row(
            Text(c.model),
            Text(c.attribute.value),
            Text(c.text),
            Text(status, style=STATUS_STYLE[v.status.value]),
            Text(v.explanation),
        )
    console.print(table)


def print_runs(rows: list[dict[str, Any]]) -> None:
    table = Table(title="Runs")
    columns = ("id", "started_at", "ended_at", "status", "articles_seen", "articles_processed",
               "articles_skipped", "articles_failed", "claims", "contradicted")  # fmt: skip
    for column in columns:
        table.add_column(column)
    for row in rows:
        table.add_row(*(Text(str(row[c] if row[c] is not None else "")) for c in columns))
    console.print(table)


def print_registry(records: list[dict[str, Any]]) -> None:
    table = Table(title=f"Registry: {len(records)} models")
    for column in ("id", "name", "family", "facts"):
        table.add_column(column, overflow="fold")
    for r in records:
        facts = [k for k, v in r.items() if isinstance(v, dict) and "source" in v]
        table.add_row(Text(r["id"]), Text(r["name"]), Text(r["family"]), Text(", ".join(facts)))
    console.print(table)


def print_registry_entries(records: list[dict[str, Any]]) -> None:
    for r in records:
        console.print(Text(f"{r['name']} ({r['id']}, family {r['family']})", style="bold"))
        console.print(Text("aliases: " + ", ".join(r["aliases"])))
        for key, fact in r.items():
            if isinstance(fact, dict) and "source" in fact:
                note = f" — {fact['note']}" if fact.get("note") else ""
                line = f"  {key}: {_value(fact['value'])} [{fact['status']}] {fact['source']}{note}"
                console.print(Text(line))
