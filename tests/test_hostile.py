"""A hostile folder: every kind of bad file beside good articles.

``claimwatch run`` (the real CLI in a subprocess, Prefect's temporary server, SQLite) must exit
0, process every good article, report every bad file by path with its reason, and store nothing
of a bad file. The fast test reads each bad file alone and checks its reason; the slow one runs
the whole folder.

"Unreadable" here means what makes reading fail for root too (chmod 000 does not): a FIFO
(opening it would wait for a writer forever; it is refused as not a regular file), a broken
symlink (ENOENT) and a symlink loop (ELOOP).
"""

from __future__ import annotations

import json
import os
import random
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from pipeline.ingest import MAX_CHARS, discover, read_articles_from
from pipeline.runner import Toolkit
from tests.conftest import ARTICLES

GOOD_FIXTURES = ["news-llama3-launch.md", "press-release-mistral.md", "news-relative-dates.txt"]
LATIN = "press-release-mistral.md"  # written in cp1252 as well: non-UTF-8 text that is fine


def _random_bytes(size: int, low: int = 0) -> bytes:
    rng = random.Random(8)
    return bytes(rng.randrange(low, 256) for _ in range(size))


def _bytes(content: bytes) -> Callable[[Path], None]:
    return lambda path: path.write_bytes(content)


def _text(content: str) -> Callable[[Path], None]:
    return lambda path: path.write_text(content, encoding="utf-8")


def _big(path: Path) -> None:
    """A 50 MB article-like text file (10x the size limit), written in 1 MB blocks."""
    block = ("Llama 3 has 8B parameters and an 8K context window. " * 21_000)[: 1 << 20]
    with path.open("w", encoding="utf-8") as handle:
        for _ in range(50):
            handle.write(block)


SENTENCE = "Llama 3 has 8B parameters. "
FRONT = "---\n{}\n---\n" + SENTENCE

# (name, how to make it, path reported -> error code); several paths for a JSON array / JSONL
BAD: list[tuple[str, Callable[[Path], None], dict[str, str]]] = [
    ("empty.md", _bytes(b""), {"": "E003"}),
    ("blank.txt", _text("  \n\n\t \n"), {"": "E003"}),
    ("random.md", _bytes(_random_bytes(4096)), {"": "E008"}),
    ("high-bytes.md", _bytes(_random_bytes(3000, low=0x80)), {"": "E002"}),
    ("nul.txt", _bytes(b"Llama 3 has 8B\x00 parameters."), {"": "E008"}),
    ("huge.md", _big, {"": "E006"}),
    ("long.md", _text(SENTENCE * (MAX_CHARS // len(SENTENCE) + 10)), {"": "E047"}),
    ("tags.html", _text("<html><body><div></p></table><script>x()</script>"), {"": "E044"}),
    ("truncated.json", _text('{"text": "Llama 3 has 8B'), {"": "E009"}),
    ("deep.json", _text("[" * 100_000 + "]" * 100_000), {"": "E009"}),
    ("string.json", _text('"Llama 3 has 8B parameters."'), {"": "E040"}),
    ("numbers.json", _text("[1, 2]"), {"#1": "E040", "#2": "E040"}),
    ("no-text.json", _text('{"title": "Llama 3", "body": ""}'), {"": "E041"}),
    ("nul-escape.json", _text('{"text": "Llama 3\\u0000 has 8B."}'), {"": "E042"}),
    ("surrogate.json", _text('{"text": "Llama 3 \\ud800 has 8B."}'), {"": "E042"}),
    ("lines.jsonl", _text('{"text": 5}\n\n{oops\n'), {":1": "E041", ":3": "E009"}),
    ("unclosed-front-matter.md", _text(FRONT.format("title: [unclosed")), {"": "E004"}),
    ("list-front-matter.md", _text(FRONT.format("- a\n- b")), {"": "E004"}),
    ("tagged-front-matter.md", _text(FRONT.format("x: !!python/name:os.system")), {"": "E004"}),
    ("bad-date.md", _text(FRONT.format("published: someday")), {"": "E007"}),
    ("loop.md", lambda path: path.symlink_to(path), {"": "E001"}),
    ("broken.md", lambda path: path.symlink_to(path.parent / "nowhere.md"), {"": "E001"}),
    ("pipe.md", lambda path: os.mkfifo(path), {"": "E001"}),
]
SKIPPED = {".hidden.md": SENTENCE, "notes.csv": "a,b\n", "README": SENTENCE, "x.png": "\x89PNG"}


def build_folder(root: Path) -> tuple[list[str], dict[str, str]]:
    """The hostile folder; returns (good article paths, bad path -> error code)."""
    good = []
    for name in GOOD_FIXTURES:
        (root / name).write_bytes((ARTICLES / name).read_bytes())
        good.append(str(root / name))
    latin = (ARTICLES / LATIN).read_text(encoding="utf-8").replace("Mistral", "Mistràl")
    (root / "cp1252.md").write_bytes(latin.encode("cp1252"))
    (root / "folder.md").mkdir()  # a directory named like an article is walked, not read
    (root / "folder.md" / "inside.md").write_text(SENTENCE, encoding="utf-8")
    mixed = json.dumps([{"text": SENTENCE, "title": "Good element"}, 7])
    (root / "mixed.json").write_text(mixed, encoding="utf-8")
    good += [str(root / "cp1252.md"), str(root / "folder.md" / "inside.md"), f"{root}/mixed.json#1"]
    bad = {f"{root}/mixed.json#2": "E040"}
    for name, make, codes in BAD:
        make(root / name)
        bad |= {f"{root / name}{suffix}": code for suffix, code in codes.items()}
    for name, content in SKIPPED.items():
        (root / name).write_text(content, encoding="utf-8")
    (root / ".git").mkdir()  # hidden folders are not walked at all
    (root / ".git" / "HEAD.md").write_text(SENTENCE, encoding="utf-8")
    return good, bad


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[str], dict[str, str]]:
    root = tmp_path_factory.mktemp("hostile")
    good, bad = build_folder(root)
    return root, good, bad


@pytest.mark.parametrize("name,make,codes", BAD, ids=[b[0] for b in BAD])
def test_each_bad_file_is_a_failure_with_its_reason(hostile, name: str, make, codes):
    root, _, _ = hostile
    articles, failures = read_articles_from(root / name)
    assert articles == []
    expected = {f"{root / name}{suffix}": code for suffix, code in codes.items()}
    assert {f.path: f.error[:4] for f in failures} == expected, failures
    if name == "huge.md":
        assert f"({50 << 20} bytes)" in failures[0].error
    assert all(str(root / name) in f.error for f in failures)


def test_the_folder_is_discovered_whole(hostile):
    root, good, bad = hostile
    found = discover([root])
    files = {str(p) for p in found.files}
    assert files == {p.split("#")[0].rsplit(":", 1)[0] for p in [*good, *bad]}
    assert sorted(p.name for p in found.skipped) == sorted(SKIPPED)


def test_the_character_limit_fits_the_extractor(kit: Toolkit):
    assert kit.extractor.nlp.max_length >= MAX_CHARS


def stored(db: Path, query: str) -> list[tuple]:
    with sqlite3.connect(db) as conn:
        return conn.execute(query).fetchall()


@pytest.mark.slow
def test_run_over_the_hostile_folder(hostile, tmp_path: Path):
    root, good, bad = hostile
    db = tmp_path / "cw.db"
    env = {**os.environ, "CLAIMWATCH_DB": f"sqlite:///{db}"}
    env.pop("PREFECT_API_URL", None)  # Prefect's temporary server, as a user runs it
    command = [sys.executable, "-m", "pipeline.cli.main", "run", str(root), "--json"]
    done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-3000:]
    summary = json.loads(done.stdout)
    reported = {f["path"]: f["error"] for f in summary["articles_failed"]}
    assert {path: error[:4] for path, error in reported.items()} == bad
    for path, error in reported.items():
        assert path.split("#")[0].rsplit(":", 1)[0] in error  # the message names the file
    assert summary["articles_processed"] == len(good)
    assert summary["articles_skipped"] == len(SKIPPED)
    assert summary["claims"] > 0
    assert {p for (p,) in stored(db, "SELECT path FROM articles")} == set(good)
    orphans = "SELECT count(*) FROM claims WHERE article_id NOT IN (SELECT id FROM articles)"
    assert stored(db, orphans) == [(0,)]
    assert stored(db, "SELECT count(*) FROM claims") == [(summary["claims"],)]
    assert stored(db, "SELECT count(*) FROM verdicts") == [(summary["claims"],)]
    recorded = stored(db, f"SELECT path FROM failures WHERE run_id = '{summary['run_id']}'")
    assert {p for (p,) in recorded} == set(bad)
