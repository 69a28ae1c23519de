"""Golden tests over the fixture articles: the gold is well formed, the checker gives the
expected verdict for every annotated claim, and extraction does not fall below its measured
scores (docs/extraction.md records them).

``fixtures/gold`` is the development set the rules were written against; ``fixtures/holdout*``
were annotated by people who had not seen the extractor, each kept out of rule writing until
its first measurement (its first contact is the honest estimate on unseen writing)."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.evaluate import check_gold, evaluate, load_gold
from pipeline.registry import Registry
from pipeline.runner import Toolkit
from pipeline.schema import Attribute, Reason, Status
from tests.conftest import FIXTURES, GOLD

HOLDOUT = FIXTURES / "holdout" / "gold"
HOLDOUT2 = FIXTURES / "holdout2" / "gold"
HOLDOUT3 = FIXTURES / "holdout3" / "gold"
HOLDOUT4 = FIXTURES / "holdout4" / "gold"
HOLDOUT5 = FIXTURES / "holdout5" / "gold"
HOLDOUT6 = FIXTURES / "holdout6" / "gold"
HOLDOUT7 = FIXTURES / "holdout7" / "gold"
HOLDOUT8 = FIXTURES / "holdout8" / "gold"
HOLDOUT9 = FIXTURES / "holdout9" / "gold"
HOLDOUT10 = FIXTURES / "holdout10" / "gold"
HOLDOUT11 = FIXTURES / "holdout11" / "gold"
HOLDOUT12 = FIXTURES / "holdout12" / "gold"
HOLDOUT13 = FIXTURES / "holdout13" / "gold"
HOLDOUT14 = FIXTURES / "holdout14" / "gold"
HOLDOUT15 = FIXTURES / "holdout15" / "gold"
HOLDOUT16 = FIXTURES / "holdout16" / "gold"
HOLDOUT17 = FIXTURES / "holdout17" / "gold"
HOLDOUT18 = FIXTURES / "holdout18" / "gold"
HOLDOUT19 = FIXTURES / "holdout19" / "gold"
HOLDOUT20 = FIXTURES / "holdout20" / "gold"
HOLDOUT21 = FIXTURES / "holdout21" / "gold"
HOLDOUT22 = FIXTURES / "holdout22" / "gold"
HOLDOUT23 = FIXTURES / "holdout23" / "gold"
HOLDOUT24 = FIXTURES / "holdout24" / "gold"
HOLDOUT25 = FIXTURES / "holdout25" / "gold"
HOLDOUT26 = FIXTURES / "holdout26" / "gold"
HOLDOUT27 = FIXTURES / "holdout27" / "gold"
HOLDOUT28 = FIXTURES / "holdout28" / "gold"
# A set written but not yet measured goes here: keep it unseen (no eval, no rules) until a
# session measures it, or its first score stops meaning anything. Only its form and verdicts
# are checked.
# holdout27/28: written at the end of the seventh session (2026-12-02) for the next one to measure
# first (ordinary news: a wire launch story, hands-on review, pricing piece, local paper,
# newsletter, correction notices; a side-project blog, Q&A explainer, engineering blog with a
# spec table, forum thread, podcast transcript, listicle).
UNMEASURED: list[Path] = [HOLDOUT27, HOLDOUT28]
HELD_OUT = [
    *(HOLDOUT, HOLDOUT2, HOLDOUT3, HOLDOUT4, HOLDOUT5, HOLDOUT6, HOLDOUT7, HOLDOUT8),
    *(HOLDOUT9, HOLDOUT10, HOLDOUT11, HOLDOUT12, HOLDOUT13, HOLDOUT14, HOLDOUT15, HOLDOUT16),
    *(HOLDOUT17, HOLDOUT18, HOLDOUT19, HOLDOUT20, HOLDOUT21, HOLDOUT22),
    *(HOLDOUT23, HOLDOUT24, HOLDOUT25, HOLDOUT26),
]
SET_NAMES = ["gold", *(f"holdout{n}" for n in ("", *range(2, 29)))]
DOCS = load_gold(GOLD)
ALL_DOCS = DOCS + [pair for gold in [*HELD_OUT, *UNMEASURED] for pair in load_gold(gold)]

# Claims a careful reader judges differently from the checker, kept visible here.
KNOWN = {
    # "up from 4K for the version launched in March": true of the earlier version; the checker
    # judges at the publication date (16K since 2023-11-06) and says when 4K stopped being true.
    ("b-news-devday-gpt4-turbo.md", "gpt-3.5-turbo", "context_length"),
}


@pytest.mark.parametrize("path,doc", ALL_DOCS, ids=[p.name for p, _ in ALL_DOCS])
def test_gold_files_are_well_formed(registry: Registry, path: Path, doc: dict):
    text = " ".join(path.read_text(encoding="utf-8").split())
    assert doc["claims"], path
    for item in doc["claims"]:
        Attribute(item["attribute"])
        Status(item["verdict"])
        assert item.get("reason") is None or Reason(item["reason"])
        model = item.get("model")
        assert model is None or model in registry.models or model in registry.families, model
        assert " ".join(str(item.get("text") or "").split()) in text, item


def test_at_least_forty_articles_and_four_hundred_claims():
    assert len(DOCS) >= 40
    assert sum(len(doc["claims"]) for _, doc in DOCS) >= 400


@pytest.mark.parametrize("gold", [GOLD, *HELD_OUT, *UNMEASURED], ids=SET_NAMES)
def test_the_checker_gives_every_gold_claim_its_expected_verdict(registry: Registry, gold: Path):
    wrong = [
        (name, item["model"], item["attribute"], verdict.status.value, verdict.explanation)
        for name, item, verdict in check_gold(gold, registry)
        if (name, item["model"], item["attribute"]) not in KNOWN
    ]
    assert wrong == []


def test_extraction_stays_above_its_measured_scores(kit: Toolkit):
    """Measured 2026-11-30: P 0.935, R 0.869, F1 0.901; flags R 0.867."""
    report = evaluate(GOLD, kit)
    assert report.claims.precision >= 0.93
    assert report.claims.recall >= 0.86
    assert report.flags.recall >= 0.85
    assert report.verdicts_agree / report.verdicts_matched >= 0.98


# Floors of each held-out set (precision, recall, verdict agreement), with how it was measured:
# its first contact, and its score once used for writing rules (docs/extraction.md).
HELD_OUT_FLOORS = [
    # Measured 2026-11-30 on first contact: P 0.859, R 0.704, F1 0.773 (well below the development
    # set: the gap is the rules' overfit to it). Its misses were then used for rules: P 0.943, R
    # 0.829, F1 0.882 — no longer a held-out measure.
    pytest.param(HOLDOUT, 0.93, 0.82, 0.98, id="holdout"),
    # Measured 2026-11-30 on first contact, after the rules learned from the first set: P 0.767, R
    # 0.617, F1 0.684, flags P 0.105. Then used for rules: P 0.879, R 0.710.
    pytest.param(HOLDOUT2, 0.87, 0.70, 0.98, id="holdout2"),
    # Measured 2026-11-30 on first contact: P 0.769, R 0.640, F1 0.698, flags P 0.222. Then used for
    # rules: P 0.838, R 0.739, F1 0.785.
    pytest.param(HOLDOUT3, 0.83, 0.73, 0.97, id="holdout3"),
    # Measured 2026-11-30 on first contact, after the rules learned from the first three sets: P
    # 0.780, R 0.505, F1 0.613, flags P 0.091. Then used for rules (2026-12-01): P 0.825, R 0.672,
    # F1 0.741.
    pytest.param(HOLDOUT4, 0.82, 0.66, 0.97, id="holdout4"),
    # Measured 2026-12-01 on first contact (podcast transcript, changelog, correction-heavy fact-
    # check, analyst note, live blog, long feature): P 0.687, R 0.475, F1 0.562, flags P 0.450 R
    # 0.500. Then used for rules: P 0.842, R 0.707, F1 0.769.
    pytest.param(HOLDOUT5, 0.83, 0.70, 0.96, id="holdout5"),
    # Measured 2026-12-01 on first contact (regional paper, HTML scrape, provider FAQ, thread,
    # preprint with a results table, non-native trade news): P 0.810, R 0.618, F1 0.701, flags P
    # 0.625 R 0.676. Then used for rules (once holdout7 and holdout8 were being written): P 0.900, R
    # 0.786, F1 0.839.
    pytest.param(HOLDOUT6, 0.89, 0.78, 0.99, id="holdout6"),
    # Measured 2026-12-01 on first contact, after the rules learned from holdout4-6 (encyclopedia
    # entry, retirement email, licence analysis, comment thread, earnings call, talk recap): P
    # 0.767, R 0.646, F1 0.702, flags P 0.429 R 0.636. Then used for rules (same session): P 0.779,
    # R 0.677, F1 0.724.
    # Used for rules in the third session (2026-12-01): P 0.851, R 0.788, F1 0.818.
    pytest.param(HOLDOUT7, 0.84, 0.77, 0.97, id="holdout7"),
    # Measured 2026-12-01 on first contact (myths vs facts, press kit, translated press release,
    # chat log, leaderboard with footnotes, book chapter): P 0.706, R 0.500, F1 0.585, flags P 0.333
    # R 0.536. Then used for rules (same session): P 0.851, R 0.722, F1 0.781.
    # Used for rules in the third session (2026-12-01): P 0.882, R 0.778, F1 0.827.
    pytest.param(HOLDOUT8, 0.87, 0.76, 0.98, id="holdout8"),
    # Measured on first contact at the start of the next session (2026-12-01), before any rule
    # change (student blog on MoE, corrections column, researcher interview, product-tier knowledge
    # base, city RFP memo, quarterly newsletter): P 0.749, R 0.691, F1 0.719, flags P 0.588 R 0.769.
    # Then used for rules (same session): P 0.861, R 0.814, F1 0.836.
    # Used for rules in the third session (2026-12-01): P 0.869, R 0.846, F1 0.857.
    pytest.param(HOLDOUT9, 0.85, 0.83, 0.98, id="holdout9"),
    # Measured on first contact at the start of the next session (2026-12-01), before any rule
    # change (glossary, migration guide, radio script, spec-sheet table, investor notes, wire
    # flash): P 0.753, R 0.554, F1 0.639, flags P 0.485 R 0.571. Then used for rules (same session):
    # P 0.839, R 0.732, F1 0.782.
    # Used for rules in the third session (2026-12-01): P 0.846, R 0.773, F1 0.808.
    pytest.param(HOLDOUT10, 0.83, 0.76, 0.98, id="holdout10"),
    # Measured on first contact mid-session (2026-12-01, after that session's rules for tables,
    # footnotes, pairs, story dates and fenced blocks): slide deck, AMA, textbook sidebar, legal
    # exhibit, product review, weekly digest. P 0.733, R 0.635, F1 0.680, flags P 0.588 R 0.769.
    # Then used for rules (same session): P 0.849, R 0.772, F1 0.809.
    # Used for rules in the third session (2026-12-01): P 0.878, R 0.803, F1 0.839.
    pytest.param(HOLDOUT11, 0.86, 0.79, 0.97, id="holdout11"),
    # Measured on first contact mid-session, as the eleventh (blog with a YAML manifest, translated
    # interview, opinion column, five-year timeline, committee minutes, podcast show notes): P
    # 0.844, R 0.643, F1 0.730, flags P 0.560 R 0.538. Then used for rules (same session): P 0.861,
    # R 0.736, F1 0.794.
    # Used for rules in the third session (2026-12-01): P 0.861, R 0.762, F1 0.808.
    pytest.param(HOLDOUT12, 0.85, 0.75, 0.97, id="holdout12"),
    # Measured on first contact at the end of the 2026-12-01 second session, after all its rules
    # (buying guide, compliance checklist, support e-mail thread, explainer, paper appendix, launch
    # blog): P 0.833, R 0.745, F1 0.786, flags P 0.583 R 0.808.
    # Used for rules in the third session (2026-12-01): P 0.859, R 0.779, F1 0.817.
    pytest.param(HOLDOUT13, 0.84, 0.76, 0.98, id="holdout13"),
    # Measured as the thirteenth (TV transcript, README, obituary, rumour roundup, hobbyist
    # comparison, market brief): P 0.820, R 0.771, F1 0.795, flags P 0.808 R 0.808.
    # Used for rules in the third session (2026-12-01): P 0.880, R 0.843, F1 0.862.
    pytest.param(HOLDOUT14, 0.86, 0.83, 0.97, id="holdout14"),
    # Written at the start of the third session (2026-12-01) by annotators who had not seen the
    # extractor, measured once at its end after all its rules (panel transcript, procurement CSV,
    # app review, investor letter, this-week-in-history column, nested forum quotes): P 0.836, R
    # 0.665, F1 0.741, flags P 0.526 R 0.741. The session's starting code scored F1 0.732.
    pytest.param(HOLDOUT15, 0.82, 0.65, 0.98, id="holdout15"),
    # The same, as the sixteenth (lecture notes, social thread, photo captions, letter to the
    # editor with an editor's note, quiz with an answer key, migration guide): P 0.766, R 0.714, F1
    # 0.739, flags P 0.476 R 0.741. The session's starting code scored F1 0.729.
    pytest.param(HOLDOUT16, 0.75, 0.70, 0.98, id="holdout16"),
    # Written at the start of the fourth session (2026-12-01) by annotators who had not seen the
    # extractor, in the forms of ordinary news (wire story, consumer tech write-up, business
    # analysis, hosting blog with a table, vendor launch post, newsletter with a correction);
    # measured once at the session's end after all its rules: P 0.826, R 0.754, F1 0.788, flags
    # P 0.759 R 0.846. The session's starting code scored F1 0.767.
    pytest.param(HOLDOUT17, 0.80, 0.73, 0.98, id="holdout17"),
    # The same, as the eighteenth (magazine feature, comment thread, encyclopedia article, buying
    # guide, local business story, fine-tuning tutorial): P 0.757, R 0.727, F1 0.742, flags P
    # 0.460 R 0.821. The session's starting code scored F1 0.736. Two rules from it afterwards
    # (a question answered in its block; 'on Saturday, April 5'): P 0.764, F1 0.745.
    pytest.param(HOLDOUT18, 0.74, 0.70, 0.98, id="holdout18"),
    # Written at the start of the fifth session (2026-12-02) and measured once near its end, after
    # all its rules: ordinary news (launch report, aggregator rewrite, markets story, hands-on
    # review, correction follow-up, regional paper): P 0.742, R 0.621, F1 0.676, flags P 0.489 R
    # 0.710. The session's starting code scored F1 0.639.
    # Used for rules in the sixth session (2026-12-02): P 0.820, R 0.709, F1 0.760.
    pytest.param(HOLDOUT19, 0.79, 0.68, 0.98, id="holdout19"),
    # The same, as the twentieth (vendor spec table, podcast, thread, essay, release notes,
    # student explainer): P 0.860, R 0.747, F1 0.799, flags P 0.568 R 0.833; starting code 0.796.
    # Used for rules in the sixth session (2026-12-02): P 0.908, R 0.801, F1 0.851.
    pytest.param(HOLDOUT20, 0.88, 0.78, 0.98, id="holdout20"),
    # Written at the start of the sixth session (2026-12-02) by annotators who had not seen the
    # extractor and measured once near its end, after all its rules: ordinary news (wire story,
    # newsletter roundup, researcher interview, buyer's guide with a table, markets analysis with
    # rumours, an opinion column with mistakes and no publication date): P 0.809, R 0.693, F1
    # 0.747, flags P 0.367 R 1.000. The session's starting code scored F1 0.731.
    pytest.param(HOLDOUT21, 0.78, 0.66, 0.97, id="holdout21"),
    # The same, as the twenty-second (live blog, cloud provider FAQ, magazine group test with a
    # table, conference talk recap, non-native news story, year-in-review timeline): P 0.816, R
    # 0.697, F1 0.752, flags P 0.143 R 0.750; starting code 0.741.
    pytest.param(HOLDOUT22, 0.79, 0.67, 0.98, id="holdout22"),
    # Written at the end of the sixth session (2026-12-02) by annotators who had not seen the
    # extractor and measured first thing in the seventh, before any rule change: general-audience
    # feature, launch article with a spec box, trade-press case study, social-media fact-check,
    # an explainer across Llama generations, a brief roundup with errors: P 0.775, R 0.733, F1
    # 0.753, flags P 0.222 R 0.600. The trained pipeline scored the same.
    pytest.param(HOLDOUT23, 0.74, 0.70, 0.97, id="holdout23"),
    # The same, as the twenty-fourth (laptop benchmark blog, press release, Q&A explainer, policy
    # story, panel transcript, a model family's history): P 0.846, R 0.693, F1 0.762, flags P
    # 0.148 R 0.571.
    pytest.param(HOLDOUT24, 0.81, 0.66, 0.98, id="holdout24"),
    # Written at the start of the seventh session (2026-12-02) by annotators who had not seen
    # the extractor, measured once at its end after all its rules: a conference live thread,
    # business story with analyst quotes, undated forum PSA, hardware review with tables,
    # university IT notice, investor podcast notes: P 0.884, R 0.775, F1 0.826, flags P 0.640 R
    # 0.842. The session's starting code scored F1 0.822; the trained pipeline the same as rules.
    pytest.param(HOLDOUT25, 0.85, 0.74, 0.98, id="holdout25"),
    # The same, as the twenty-sixth (month-by-month year in review, nested comment thread,
    # migration diary with config, advice column, NGO report with footnotes, magazine profile):
    # P 0.870, R 0.704, F1 0.778, flags P 0.611 R 0.868; starting code 0.774.
    pytest.param(HOLDOUT26, 0.84, 0.67, 0.98, id="holdout26"),
]


@pytest.mark.parametrize("gold,precision,recall,verdicts", HELD_OUT_FLOORS)
def test_extraction_on_a_held_out_set_stays_above_its_floor(
    kit: Toolkit, gold: Path, precision: float, recall: float, verdicts: float
):
    report = evaluate(gold, kit)
    assert report.claims.precision >= precision
    assert report.claims.recall >= recall
    assert report.verdicts_agree / report.verdicts_matched >= verdicts
