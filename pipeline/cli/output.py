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
    columns = (
        "id",
        "started_at",
        "ended_at",
        "status",
        "articles_seen",
        "articles_processed",
        "articles_skipped",
        "articles_failed",
        "claims",
        "contradicted",
    )
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


def report_json(report: Any) -> dict[str, Any]:
    def score(s: Any) -> dict[str, Any]:
        return {
            "precision": round(s.precision, 4),
            "recall": round(s.recall, 4),
            "f1": round(s.f1, 4),
            "tp": s.tp,
            "fp": s.fp,
            "fn": s.fn,
        }

    return {
        "claims": score(report.claims),
        "by_attribute": {k: score(v) for k, v in sorted(report.by_attribute.items())},
        "flags": score(report.flags),
        "flags_inferred": score(report.flags_inferred),
        "verdict_agreement": report.verdicts_agree / report.verdicts_matched
        if report.verdicts_matched
        else None,
    }


def print_report(
    report: Any, verbose: bool = False, title: str = "Extraction against gold"
) -> None:
    data = report_json(report)
    table = Table(title=title)
    for column in ("scope", "precision", "recall", "F1", "tp", "fp", "fn"):
        table.add_column(column)
    rows = [("all claims", data["claims"]), *data["by_attribute"].items()]
    rows.append(("flags (contradicted)", data["flags"]))
    for name, s in rows:
        table.add_row(
            name,
            f"{s['precision']:.3f}",
            f"{s['recall']:.3f}",
            f"{s['f1']:.3f}",
            str(s["tp"]),
            str(s["fp"]),
            str(s["fn"]),
        )
    console.print(table)
    inferred = data["flags_inferred"]
    if inferred["tp"] + inferred["fp"]:
        console.print(
            f"flags whose sentence does not name the model (attributed from context): "
            f"{inferred['tp'] + inferred['fp']}, of which right {inferred['tp']} "
            f"(precision {inferred['precision']:.3f})"
        )
    if data["verdict_agreement"] is not None:
        console.print(
            f"verdicts agree with gold on {data['verdict_agreement']:.1%} of matched claims"
        )
    for failure in report.failures:
        console.print(Text(f"failed: {failure}", style="yellow"))
    if not verbose:
        return
    for name, item in report.missed:
        value = f"{item['attribute']}={item.get('value')!r} ({item.get('text')!r})"
        console.print(Text(f"MISSED   {name}: {item.get('mention')} {value}"))
    for name, rec in report.spurious:
        value = f"{rec['attribute']}={rec['value']!r} ({rec['text']!r})"
        console.print(
            Text(f"SPURIOUS {name}: {rec['model']} {value} in: {rec['sentence'][:100]!r}")
        )
    for name, item, status in report.wrong_verdicts:
        value = f"{item['attribute']}={item.get('value')!r}"
        verdicts = f"gold {item.get('verdict')} got {status}"
        console.print(Text(f"VERDICT  {name}: {item.get('mention')} {value} {verdicts}"))
