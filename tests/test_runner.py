"""The runner's batch wiring: one failing article never takes the batch down."""

from __future__ import annotations

import pytest

from pipeline import runner
from pipeline.runner import Toolkit, process_safely
from pipeline.schema import Article


def test_an_article_that_breaks_extraction_is_reported_and_the_rest_go_on(
    kit: Toolkit, monkeypatch: pytest.MonkeyPatch
):
    good = Article.build(path="good.md", text="Llama 3 has a 8K context window.")
    bad = Article.build(path="bad.md", text="This one breaks the extractor.")
    real = runner.process

    def flaky(articles, kit):  # type: ignore[no-untyped-def]
        if any(a.path == "bad.md" for a in articles):
            raise RuntimeError("extractor bug")
        return real(articles, kit)

    monkeypatch.setattr(runner, "process", flaky)
    results, failures = process_safely([good, bad], kit)
    assert [r.article.path for r in results] == ["good.md"]
    assert [f.path for f in failures] == ["bad.md"]
    assert "E021" in failures[0].error and "extractor bug" in failures[0].error
