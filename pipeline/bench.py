"""``make bench``: how fast claimwatch is, measured on one generated corpus in one run.

``python -m pipeline.bench --articles N [--out FILE] [--profile K]`` builds N articles from
fixtures/articles (numbers, years, publication dates and model names varied, paragraphs
shuffled, so every text and content hash differs) in a temporary folder and reports, on the
same texts: a bare ``spacy.blank("en")`` tokenizer pass, the rule-extraction pass alone,
``claimwatch run`` end to end as a subprocess (with Prefect's fixed start-up cost measured
by a run over an empty folder), the unchanged re-run, re-checking 100k stored claims, and
peak memory. docs/benchmarks.md records the numbers and where the time goes.
"""

from __future__ import annotations

import argparse
import cProfile
import datetime as dt
import importlib
import io
import json
import os
import pstats
import random
import re
import resource
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

import spacy

from pipeline.check import check_claims
from pipeline.extract import word_count
from pipeline.ingest import discover
from pipeline.registry import Registry
from pipeline.runner import pipeline_version, read_articles, toolkit
from pipeline.schema import Article, ArticleResult, CheckedClaim, Claim, content_id
from pipeline.store import Store

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "articles"
RECHECK_CLAIMS = 100_000
SAVE_BATCH = 50  # articles per store transaction, as the flow writes them
MB = 1024  # ru_maxrss is in KiB on Linux
PREFECT_STARTUP = "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS"

# targets of issue 8, as (metric, comparison, limit)
TARGETS: dict[str, tuple[str, float]] = {
    "e2e_vs_tokenizer": (">=", 0.05),
    "rerun_vs_first_run": ("<=", 0.25),
    "recheck_seconds": ("<", 10.0),
    "run_peak_rss_mb": ("<", 1536.0),
}

# corpus variation ----------------------------------------------------------------------

_FRONT = re.compile(r"\A---\n.*?\n---\n", re.S)
_PUBLISHED = re.compile(r"^(published|date):\s*\"?(\d{4}-\d{2}-\d{2})\"?", re.M)
_COUNT = re.compile(
    r"(?<![\w.,])(\d{1,3})(?=(?:\.\d+)?\s*(?:[KMBT]\b|thousand|million|billion|trillion|"
    r"tokens|parameters|experts))"
)
_YEAR = re.compile(r"\b(20[12]\d)\b")


def _vary_count(match: re.Match[str], rng: random.Random) -> str:
    number = int(match.group(1))
    if rng.random() < 0.6:
        return match.group(1)
    return str(max(1, number + rng.choice((-2, -1, 1, 2)) * max(1, number // 8)))


def _vary_year(match: re.Match[str], rng: random.Random) -> str:
    return str(int(match.group(1)) + rng.choice((0, 0, 0, -1, 1)))


def _swap_names(body: str, names: Sequence[str], rng: random.Random) -> str:
    """Replace one registry family name the text uses with another."""
    present = [n for n in names if re.search(rf"\b{re.escape(n)}\b", body)]
    if not present or rng.random() < 0.3:
        return body
    old, new = rng.choice(present), rng.choice(names)
    return re.sub(rf"\b{re.escape(old)}\b", new, body)


def _shift_published(head: str, rng: random.Random) -> str:
    def shift(match: re.Match[str]) -> str:
        day = dt.date.fromisoformat(match.group(2)) + dt.timedelta(days=rng.randint(-60, 60))
        return f"{match.group(1)}: {day.isoformat()}"

    return _PUBLISHED.sub(shift, head)


def vary(raw: str, names: Sequence[str], rng: random.Random) -> str:
    """One variant of a fixture file: front matter kept (date shifted), body varied."""
    front = _FRONT.match(raw)
    head, body = (front.group(0), raw[front.end() :]) if front else ("", raw)
    paragraphs = body.strip().split("\n\n")
    rest = paragraphs[1:]
    rng.shuffle(rest)
    body = "\n\n".join([paragraphs[0], *rest]) + "\n"
    body = _COUNT.sub(lambda m: _vary_count(m, rng), body)
    body = _YEAR.sub(lambda m: _vary_year(m, rng), body)
    return _shift_published(head, rng) + _swap_names(body, names, rng)


def build_corpus(n: int, folder: Path, names: Sequence[str], seed: int = 0) -> list[Path]:
    """Write n distinct article files varied from the fixtures into ``folder``."""
    sources = sorted(p for p in FIXTURES.iterdir() if p.is_file())
    rng, seen, paths = random.Random(seed), set(), []
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        source = sources[i % len(sources)]
        text = vary(source.read_text(encoding="utf-8"), names, rng)
        if text in seen:  # a rare variant equal to an earlier one: make it differ
            text += f"\nUpdated edition {i}.\n"
        seen.add(text)
        path = folder / f"{i:05d}-{source.name}"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


# measurements --------------------------------------------------------------------------


def timed(action: Callable[[], object]) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def tokenizer_pass(texts: Sequence[str]) -> float:
    nlp = spacy.blank("en")
    return timed(lambda: sum(len(doc) for doc in nlp.pipe(texts, batch_size=64)))


def tree_rss_mb(root: int) -> float:
    """Resident memory of a process and all its descendants now, from /proc (Linux)."""
    parents: dict[int, int] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        parents[int(stat.parent.name)] = int(fields[1])
    tree, grew = {root}, True
    while grew:
        more = {pid for pid, ppid in parents.items() if ppid in tree} - tree
        tree, grew = tree | more, bool(more)
    return sum(_rss_mb(pid) for pid in tree)


def _rss_mb(pid: int) -> float:
    try:
        pages = int(Path(f"/proc/{pid}/statm").read_text().split()[1])
    except (OSError, IndexError, ValueError):
        return 0.0
    return pages * os.sysconf("SC_PAGE_SIZE") / 1024**2


def sample_tree(pid: int, done: threading.Event, peak: list[float]) -> None:
    """Record the highest tree_rss_mb(pid) seen until ``done`` is set (every 0.25 s)."""
    while not done.wait(0.25):
        peak[0] = max(peak[0], tree_rss_mb(pid))


def run_cli(folder: Path, db_url: str, workdir: Path) -> tuple[float, float, dict[str, Any]]:
    """Time ``claimwatch run FOLDER --json``: (seconds, peak MB of its process tree, summary).

    The peak is the larger of the biggest single process (wait4's ru_maxrss) and the sum
    over the process tree (Prefect's server is a child process) sampled every 0.25 s."""
    env = {k: v for k, v in os.environ.items() if k != "CLAIMWATCH_REGISTRY"}
    env.setdefault(PREFECT_STARTUP, "120")  # the default 20 s fails on a busy shared machine
    command = [sys.executable, "-m", "pipeline.cli.main", "run", str(folder)]
    command += ["--db", db_url, "--json"]
    out, err = workdir / "run.out", workdir / "run.err"
    with out.open("wb") as stdout, err.open("wb") as stderr:
        start = time.perf_counter()
        child = subprocess.Popen(command, stdout=stdout, stderr=stderr, cwd=workdir, env=env)
        done, peak = threading.Event(), [0.0]
        sampler = threading.Thread(target=sample_tree, args=(child.pid, done, peak))
        sampler.start()
        _, status, usage = os.wait4(child.pid, 0)
        seconds = time.perf_counter() - start
        done.set()
        sampler.join()
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode != 0:
        tail = err.read_text(encoding="utf-8", errors="replace")[-2000:]
        raise RuntimeError(f"claimwatch run exited {child.returncode}:\n{tail}")
    summary = json.loads(out.read_text(encoding="utf-8").strip().splitlines()[-1])
    return seconds, max(usage.ru_maxrss / MB, peak[0]), summary


def clone_results(results: Sequence[ArticleResult], wanted: int) -> Iterator[ArticleResult]:
    """Copies of ``results`` under new ids until ``wanted`` claims have been yielded."""
    left, copy = wanted, 0
    while left > 0 and any(r.checked for r in results):
        for result in results:
            if left <= 0:
                return
            yield _copy(result, copy, left)
            left -= min(left, len(result.checked))
        copy += 1


def _copy(result: ArticleResult, copy: int, limit: int) -> ArticleResult:
    article_id = content_id(result.article.id, copy)
    article = result.article.model_copy(
        update={"id": article_id, "content_hash": content_id(article_id, length=64)}
    )
    checked = []
    for item in result.checked[:limit]:
        claim_id = content_id(item.claim.id, copy)
        claim = item.claim.model_copy(update={"id": claim_id, "article_id": article_id})
        verdict = item.verdict.model_copy(update={"claim_id": claim_id})
        checked.append(CheckedClaim(claim=claim, verdict=verdict))
    return ArticleResult(article=article, checked=checked)


def fill_store(store: Store, results: Sequence[ArticleResult], wanted: int) -> int:
    """Store copies of ``results`` until the store holds ``wanted`` claims."""
    batch: list[ArticleResult] = []
    version = pipeline_version()
    for result in clone_results(results, wanted):
        batch.append(result)
        if len(batch) == SAVE_BATCH:
            store.save_results(batch, "bench", version)
            batch = []
    store.save_results(batch, "bench", version)
    return store.count("claims")


def recheck_function() -> Callable[[Store, Registry], object] | None:
    """``pipeline.recheck.recheck`` once it exists."""
    try:
        module = importlib.import_module("pipeline.recheck")
    except ModuleNotFoundError:
        return None
    found: Callable[[Store, Registry], object] | None = getattr(module, "recheck", None)
    return found


def check_stored(store: Store, registry: Registry) -> tuple[float, float, int]:
    """Fallback for recheck: (load seconds, check seconds, claims) over the stored claims."""
    groups: dict[str, tuple[dt.date | None, list[Claim]]] = {}
    start = time.perf_counter()
    for record in store.claim_records():
        published = record["article"]["published"]
        day = dt.date.fromisoformat(published) if published else None
        fields = {k: record[k] for k in Claim.model_fields if k in record}
        claim = Claim(**fields, article_id=record["article"]["id"])
        groups.setdefault(claim.article_id, (day, []))[1].append(claim)
    loaded = time.perf_counter()
    count = sum(len(check_claims(claims, registry, day)) for day, claims in groups.values())
    return loaded - start, time.perf_counter() - loaded, count


def measure_recheck(results: Sequence[ArticleResult], wanted: int, db: Path) -> dict[str, Any]:
    store, registry = Store(f"sqlite:///{db}"), toolkit(()).registry
    fill_seconds = timed(lambda: fill_store(store, results, wanted))
    stored = store.count("claims")
    report: dict[str, Any] = {"recheck_claims": stored, "recheck_fill_seconds": fill_seconds}
    recheck, why = recheck_function(), "pipeline.recheck missing"
    if recheck is not None:
        try:
            report["recheck_seconds"] = timed(lambda: recheck(store, registry))
            report["recheck_measured"] = "pipeline.recheck.recheck(store, registry)"
            return report
        except Exception as exc:  # a recheck bug must not lose the other measurements
            why = f"pipeline.recheck.recheck failed: {type(exc).__name__}: {exc}"
    load, check, _ = check_stored(store, registry)
    report["recheck_seconds"] = load + check
    report["recheck_load_seconds"], report["recheck_check_seconds"] = load, check
    report["recheck_measured"] = (
        f"fallback ({why}): load claims from the store + check_claims; "
        "writing verdicts not included"
    )
    return report


# the run -------------------------------------------------------------------------------


def in_process(articles: Sequence[Article]) -> tuple[dict[str, Any], list[ArticleResult]]:
    """Tokenizer baseline, toolkit build and extraction pass in this process."""
    texts = [a.text for a in articles]
    report: dict[str, Any] = {"tokenizer_seconds": tokenizer_pass(texts)}
    kit = toolkit(())
    start = time.perf_counter()
    claims = kit.extractor.extract_many(articles)
    report["extraction_seconds"] = time.perf_counter() - start
    report["extraction_claims"] = sum(len(c) for c in claims)
    report["extraction_peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / MB
    start = time.perf_counter()
    results = []
    for article, found in zip(articles, claims, strict=True):
        verdicts = check_claims(found, kit.registry, article.published)
        checked = [CheckedClaim(claim=c, verdict=v) for c, v in zip(found, verdicts, strict=True)]
        results.append(ArticleResult(article=article, checked=checked))
    report["check_seconds"] = time.perf_counter() - start
    return report, results


def end_to_end(corpus: Path, work: Path) -> dict[str, Any]:
    empty = work / "empty"
    empty.mkdir()
    fixed, fixed_rss, _ = progress_run("empty", run_cli(empty, f"sqlite:///{work / 'e.db'}", work))
    url = f"sqlite:///{work / 'run.db'}"
    first, first_rss, summary = progress_run("first", run_cli(corpus, url, work))
    rerun, rerun_rss, resummary = progress_run("rerun", run_cli(corpus, url, work))
    return {
        # not 0 when the pipeline version (code or patterns) changed between the two runs
        "rerun_articles_processed": resummary["articles_processed"],
        "fixed_cost_seconds": fixed,
        "first_run_seconds": first,
        "rerun_seconds": rerun,
        "run_claims": summary["claims"],
        "run_articles_processed": summary["articles_processed"],
        "run_articles_failed": len(summary["articles_failed"]),
        "run_peak_rss_mb": max(fixed_rss, first_rss, rerun_rss),
    }


def run_bench(n: int, work: Path, recheck_claims: int = RECHECK_CLAIMS) -> dict[str, Any]:
    build = timed(lambda: toolkit(()))
    names = sorted({f.name for f in toolkit(()).registry.families.values()}, key=len)
    corpus = work / "corpus"
    build_corpus(n, corpus, names)
    articles, failures = read_articles(discover([corpus]).files)
    words = sum(word_count(a.text) for a in articles)
    report: dict[str, Any] = {"articles": len(articles), "unreadable": len(failures)}
    report["words"], report["toolkit_build_seconds"] = words, build
    measured, results = in_process(articles)
    report |= progress(measured)
    report |= progress(end_to_end(corpus, work))
    report |= progress(measure_recheck(results, recheck_claims, work / "recheck.db"))
    report["bench_peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / MB
    return derive(report)


def progress(stage: dict[str, Any]) -> dict[str, Any]:
    """Show a finished stage's raw numbers on stderr as soon as it is measured."""
    print(json.dumps(stage, default=str), file=sys.stderr, flush=True)
    return stage


def progress_run(name: str, run: tuple[float, float, dict[str, Any]]) -> Any:
    progress({f"{name}_run_seconds": run[0], "peak_mb": run[1], "summary": run[2]})
    return run


def derive(report: dict[str, Any]) -> dict[str, Any]:
    """Throughputs, ratios and target verdicts from the raw timings."""
    words = report["words"]
    report["tokenizer_wps"] = words / report["tokenizer_seconds"]
    report["extraction_wps"] = words / report["extraction_seconds"]
    report["e2e_wps"] = words / report["first_run_seconds"]
    steady = report["first_run_seconds"] - report["fixed_cost_seconds"]
    report["e2e_wps_without_fixed_cost"] = words / steady if steady > 0 else None
    report["e2e_vs_tokenizer"] = report["e2e_wps"] / report["tokenizer_wps"]
    report["extraction_vs_tokenizer"] = report["extraction_wps"] / report["tokenizer_wps"]
    report["rerun_vs_first_run"] = report["rerun_seconds"] / report["first_run_seconds"]
    report["targets"] = {name: _met(report[name], *rule) for name, rule in TARGETS.items()}
    return report


def _met(value: float, comparison: str, limit: float) -> str:
    ok = {">=": value >= limit, "<=": value <= limit, "<": value < limit}[comparison]
    return f"{'met' if ok else 'NOT met'} ({comparison} {limit:g})"


# output --------------------------------------------------------------------------------

ROWS: tuple[tuple[str, str, str], ...] = (
    ("articles", "articles in the corpus", "{:,}"),
    ("words", "words (whitespace-separated)", "{:,}"),
    ("tokenizer_wps", "bare spacy.blank('en') tokenizer, words/s", "{:,.0f}"),
    ("toolkit_build_seconds", "registry + rule pipeline build, s", "{:.2f}"),
    ("extraction_wps", "rule extraction (extract_many), words/s", "{:,.0f}"),
    ("extraction_vs_tokenizer", "extraction / tokenizer", "{:.1%}"),
    ("extraction_claims", "claims extracted", "{:,}"),
    ("check_seconds", "checking those claims in process, s", "{:.2f}"),
    ("fixed_cost_seconds", "claimwatch run over an empty folder, s", "{:.1f}"),
    ("first_run_seconds", "claimwatch run, first run, s", "{:.1f}"),
    ("e2e_wps", "end to end, words/s", "{:,.0f}"),
    ("e2e_wps_without_fixed_cost", "end to end minus the empty-run cost, words/s", "{:,.0f}"),
    ("e2e_vs_tokenizer", "end to end / tokenizer", "{:.1%}"),
    ("rerun_seconds", "claimwatch run, unchanged re-run, s", "{:.1f}"),
    ("rerun_vs_first_run", "re-run / first run", "{:.1%}"),
    ("rerun_articles_processed", "articles the re-run processed again (want 0)", "{:,}"),
    ("recheck_claims", "stored claims re-checked", "{:,}"),
    ("recheck_seconds", "re-check of the stored claims, s", "{:.2f}"),
    ("run_peak_rss_mb", "peak memory of claimwatch run (process tree), MB", "{:,.0f}"),
    ("extraction_peak_rss_mb", "peak RSS of this process after extraction, MB", "{:,.0f}"),
    ("bench_peak_rss_mb", "peak RSS of this process at the end, MB", "{:,.0f}"),
)


def table(report: dict[str, Any]) -> str:
    lines = []
    for key, label, fmt in ROWS:
        value = report.get(key)
        shown = "n/a" if value is None else fmt.format(value)
        target = report["targets"].get(key, "")
        lines.append(f"{label:<52} {shown:>12}  {target}")
    lines.append(f"recheck measured with: {report['recheck_measured']}")
    return "\n".join(lines)


def profile_extraction(n: int, top: int) -> str:
    """cProfile of the extraction pass over n corpus articles: the top functions."""
    with tempfile.TemporaryDirectory() as tmp:
        names = sorted({f.name for f in toolkit(()).registry.families.values()}, key=len)
        articles, _ = read_articles(build_corpus(n, Path(tmp), names))
    extractor = toolkit(()).extractor
    profiler = cProfile.Profile()
    profiler.runcall(extractor.extract_many, articles)
    stream = io.StringIO()
    stats = pstats.Stats(profiler, stream=stream).strip_dirs()
    stats.sort_stats("cumulative").print_stats(top)
    stats.sort_stats("tottime").print_stats(top)
    return stream.getvalue()


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m pipeline.bench", description=__doc__)
    parser.add_argument("--articles", type=int, default=500, help="corpus size (default 500)")
    parser.add_argument("--out", type=Path, help="also write the report as JSON to this file")
    parser.add_argument("--recheck-claims", type=int, default=RECHECK_CLAIMS)
    parser.add_argument("--profile", type=int, metavar="TOP", help="profile extraction instead")
    args = parser.parse_args(argv)
    if args.profile:
        print(profile_extraction(args.articles, args.profile))
        return
    with tempfile.TemporaryDirectory(prefix="claimwatch-bench-") as tmp:
        report = run_bench(args.articles, Path(tmp), args.recheck_claims)
    report["machine"] = machine()
    print(table(report))
    if args.out:
        args.out.write_text(json.dumps(report, indent=2, default=str) + "\n", encoding="utf-8")


def machine() -> dict[str, Any]:
    cpuinfo = Path("/proc/cpuinfo")
    model = ""
    if cpuinfo.exists():
        lines = cpuinfo.read_text(encoding="utf-8").splitlines()
        model = next((ln.split(":", 1)[1].strip() for ln in lines if "model name" in ln), "")
    pages = os.sysconf("SC_PHYS_PAGES") * os.sysconf("SC_PAGE_SIZE")
    return {
        "cpus": os.cpu_count(),
        "cpu_model": model,
        "ram_gb": round(pages / 1024**3, 1),
        "python": sys.version.split()[0],
        "spacy": spacy.__version__,
    }


if __name__ == "__main__":
    main()
