"""Review commands: flags, show, review, serve, export, registry proposals.

Thin over pipeline.review; registered on the main app by ``register``.
"""

from __future__ import annotations

import getpass
import json
import sys
from enum import StrEnum
from typing import Annotated

import click
import typer
from rich.console import Console

from pipeline.errors import ReviewError, ReviewErrors
from pipeline.review import exports
from pipeline.review.queue import Decision, State
from pipeline.review.service import FLAGGED, Filters, Review, export_record
from pipeline.review.terminal import Session, queue_table, show_item
from pipeline.store import Store, default_url

console = Console(highlight=False)

DbOption = Annotated[
    str | None,
    typer.Option("--db", help=f"Database URL (default: $CLAIMWATCH_DB or {default_url()})."),
]
JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")]
ReviewerOption = Annotated[
    str | None, typer.Option("--reviewer", help="Who decides (default: your user name).")
]


class ExportFormat(StrEnum):
    jsonl = "jsonl"
    csv = "csv"
    claimreview = "claimreview"
    regressions = "regressions"


def _reviewer(name: str | None) -> str:
    if name:
        return name
    try:
        return getpass.getuser()
    except Exception:  # no user name in this environment (containers)
        return "reviewer"


def _read_key() -> str:
    """One key from the terminal; from piped input, one character (scripts and tests)."""
    if sys.stdin.isatty():
        return click.getchar()
    return sys.stdin.read(1)


def _read_note() -> str:
    if sys.stdin.isatty():
        return str(click.prompt("note", default="", show_default=False))
    return sys.stdin.readline().rstrip("\n")


def _fail(exc: ReviewError) -> None:
    typer.echo(str(exc), err=True)
    raise typer.Exit(1)


def flags(
    status: Annotated[
        State | None, typer.Option("--status", help="open (undecided or skipped) or decided.")
    ] = None,
    model: Annotated[str | None, typer.Option("--model", help="Registry id or name.")] = None,
    attribute: Annotated[str | None, typer.Option("--attribute", help="An attribute.")] = None,
    article: Annotated[str | None, typer.Option("--article", help="Article id or path.")] = None,
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """Claims the registry contradicts, worst first; identical claims grouped in the table."""
    items = Review(Store(db)).queue(Filters(status, model, attribute, article))
    if as_json:
        records = [export_record(c) for i in items for c in i.claims]
        typer.echo(json.dumps(records, ensure_ascii=False))
    else:
        console.print(queue_table(items))


def show(
    claim_id: Annotated[str, typer.Argument(help="Claim id (or a unique prefix).")],
    db: DbOption = None,
) -> None:
    """One flagged claim: the sentence with the claim marked, registry value, source, hint."""
    review = Review(Store(db))
    try:
        show_item(console, review, review.item(claim_id))
    except ReviewError as exc:
        _fail(exc)


def review(
    claim_id: Annotated[
        str | None, typer.Argument(help="Claim id; without it, walk the queue interactively.")
    ] = None,
    decision: Annotated[
        Decision | None, typer.Option("--decision", help="The decision for CLAIM_ID.")
    ] = None,
    note: Annotated[str | None, typer.Option("--note", help="Why.")] = None,
    reviewer: ReviewerOption = None,
    model: Annotated[str | None, typer.Option("--model", help="Only this model.")] = None,
    attribute: Annotated[str | None, typer.Option("--attribute", help="Only this one.")] = None,
    db: DbOption = None,
) -> None:
    """Decide one claim (its whole group), or walk the open queue one key per decision."""
    service, who = Review(Store(db)), _reviewer(reviewer)
    if claim_id is None:
        session = Session(service, who, _read_key, console, Filters(None, model, attribute))
        made = session.run(_read_note)
        console.print(f"{made} decision(s) recorded.")
        return
    if decision is None:
        typer.echo("--decision is required with a claim id", err=True)
        raise typer.Exit(2)
    try:
        _, item = service.decide(claim_id, decision, who, note)
    except ReviewError as exc:
        _fail(exc)
    console.print(f"{decision.value}: {len(item.claims)} claim(s) of group {item.lead['id']}")


def serve(
    host: Annotated[str, typer.Option("--host", help="Interface to bind.")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", help="Port.")] = 8765,
    db: DbOption = None,
    reviewer: ReviewerOption = None,
) -> None:
    """The web review page (token printed at start; set CLAIMWATCH_TOKEN to fix it)."""
    import uvicorn

    from pipeline.review.web import create_app, resolve_token

    token = resolve_token()
    app = create_app(Review(Store(db)), token, _reviewer(reviewer), host)
    shown = "localhost" if host in ("0.0.0.0", "::") else host
    console.print(f"claimwatch review: http://{shown}:{port}/?token={token}")
    console.print("Open that address once; the token then stays in a cookie for this browser.")
    uvicorn.run(app, host=host, port=port, log_level="warning")


def export(
    fmt: Annotated[
        ExportFormat, typer.Option("--format", help="Output format.")
    ] = ExportFormat.jsonl,
    db: DbOption = None,
) -> None:
    """Export claims, verdicts and decisions: jsonl, csv, claimreview (JSON-LD of confirmed
    errors) or regressions (false alarms as extractor test cases)."""
    service = Review(Store(db))
    if fmt == ExportFormat.jsonl:
        sys.stdout.writelines(exports.jsonl(service.records()))
    elif fmt == ExportFormat.csv:
        sys.stdout.write(exports.to_csv(service.records()))
    elif fmt == ExportFormat.claimreview:
        sys.stdout.write(exports.claim_reviews(service.records(FLAGGED)))
    elif fmt == ExportFormat.regressions:
        sys.stdout.writelines(exports.regression_cases(service.records()))
    else:  # pragma: no cover - the enum is exhaustive
        typer.echo(ReviewErrors.E035.format(fmt=fmt, choices=list(ExportFormat)), err=True)
        raise typer.Exit(2)


def proposals(db: DbOption = None) -> None:
    """Registry changes proposed by registry_outdated decisions, as YAML patches."""
    sys.stdout.write(exports.proposals_yaml(Review(Store(db)).records(FLAGGED)))


def register(app: typer.Typer, registry_app: typer.Typer) -> None:
    """Add the review commands to the claimwatch app and its registry group."""
    for command in (flags, show, review, serve, export):
        app.command()(command)
    registry_app.command("proposals")(proposals)
