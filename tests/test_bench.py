"""The benchmark (``make bench``): its corpus, its claim copies, and a smoke run at N=3."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from pipeline.bench import ROWS, TARGETS, build_corpus, clone_results, main
from pipeline.runner import Toolkit, process, read_articles


@pytest.mark.parametrize("n", [45])
def test_corpus_articles_all_differ_and_read(tmp_path: Path, kit: Toolkit, n: int):
    names = [f.name for f in kit.registry.families.values()]
    paths = build_corpus(n, tmp_path, names)
    articles, failures = read_articles(paths)
    assert failures == [] and len(articles) == n
    assert len({a.content_hash for a in articles}) == n
    assert len({a.text for a in articles}) == n


@pytest.mark.parametrize("wanted", [1, 37, 500])
def test_clone_results_yields_exactly_the_claims_wanted_under_new_ids(
    tmp_path: Path, kit: Toolkit, wanted: int
):
    articles, _ = read_articles(build_corpus(2, tmp_path, []))
    results = process(articles, kit)
    copies = list(clone_results(results, wanted))
    claim_ids = [c.claim.id for r in copies for c in r.checked]
    assert len(claim_ids) == len(set(claim_ids)) == wanted
    assert len({r.article.id for r in copies}) == len(copies)
    assert all(c.claim.article_id == r.article.id for r in copies for c in r.checked)


@pytest.mark.slow
def test_bench_at_three_articles_prints_every_metric(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
):
    out = tmp_path / "bench.json"
    main(["--articles", "3", "--recheck-claims", "200", "--out", str(out)])
    printed = capsys.readouterr().out
    report = json.loads(out.read_text(encoding="utf-8"))
    for key, label, _ in ROWS:
        line = next(ln for ln in printed.splitlines() if ln.startswith(label))
        # at N=3 the first run may beat the empty-folder run: only that one can be n/a
        assert key == "e2e_wps_without_fixed_cost" or re.search(r"\d", line[len(label) :])
        assert key in report
    assert report["articles"] == 3 and report["recheck_claims"] == 200
    assert report["run_articles_processed"] == 3 and report["run_claims"] > 0
    assert set(report["targets"]) == set(TARGETS)
    assert "recheck measured with:" in printed


def test_extraction_survives_varied_copies_of_every_article(kit: Toolkit):
    """The bench corpus found a crash no fixture showed (a rank word before an unregistered
    name): vary every article of every gold set, with other models' names swapped in, and
    extract them all without an error."""
    import random

    from pipeline.bench import vary
    from pipeline.schema import Article

    names = sorted(m.name for m in kit.registry.models.values())
    rng = random.Random(7)
    sources = sorted(Path("fixtures").glob("*/articles/*.md")) + sorted(
        Path("fixtures/articles").glob("*.md")
    )
    texts = [vary(p.read_text(encoding="utf-8"), names, rng) for p in sources for _ in range(2)]
    articles = [Article.build(path=f"v{i}.md", text=t, title=None) for i, t in enumerate(texts)]
    extracted = kit.extractor.extract_many(articles)
    assert len(extracted) == len(articles) > 200
