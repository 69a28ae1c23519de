"""Files -> Articles: front matter, stable ids, clear errors naming the file."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from pipeline.errors import ArticleError
from pipeline.ingest import discover, read_article


def write(tmp_path: Path, name: str, content: str | bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(content.encode() if isinstance(content, str) else content)
    return path


@pytest.mark.parametrize("key", ["published", "date"])
def test_front_matter_gives_title_url_and_date(tmp_path: Path, key: str):
    text = f"---\ntitle: A title\nurl: https://example.com/a\n{key}: 2024-04-20\n---\nBody text.\n"
    article = read_article(write(tmp_path, "a.md", text))
    assert (article.title, article.url, article.published) == (
        "A title",
        "https://example.com/a",
        dt.date(2024, 4, 20),
    )
    assert article.text == "Body text."


def test_plain_text_has_no_metadata_and_a_stable_id(tmp_path: Path):
    first = read_article(write(tmp_path, "a.txt", "Llama 3 has 8B parameters."))
    second = read_article(write(tmp_path, "b.txt", "Llama 3 has 8B parameters."))
    assert first.published is None and first.title is None
    assert first.id == second.id


@pytest.mark.parametrize(
    "name,content,message",
    [
        ("empty.md", "", "is empty"),
        ("blank.md", "---\ntitle: x\n---\n  \n", "is empty"),
        ("binary.md", b"\x00\x01\x02abc", "binary"),
        ("latin.md", "caf\xe9".encode("latin-1"), "not valid UTF-8"),
        ("badfm.md", "---\ntitle: [unclosed\n---\nBody\n", "malformed front matter"),
        ("baddate.md", "---\npublished: someday\n---\nBody\n", "bad published"),
        ("notes.pdf", "x", "unsupported file type"),
    ],
)
def test_bad_files_raise_an_error_naming_the_file(
    tmp_path: Path, name: str, content: str | bytes, message: str
):
    path = write(tmp_path, name, content)
    with pytest.raises(ArticleError) as info:
        read_article(path)
    assert name in str(info.value) and message in str(info.value)


def test_discover_skips_hidden_files_and_unknown_extensions(tmp_path: Path):
    write(tmp_path, "a.md", "x")
    write(tmp_path, ".hidden.md", "x")
    write(tmp_path, "data.csv", "x")
    (tmp_path / ".git").mkdir()
    write(tmp_path / ".git", "b.md", "x")
    found = discover([tmp_path, tmp_path / "missing"])
    assert [p.name for p in found.files] == ["a.md"]
    assert sorted(p.name for p in found.skipped) == [".hidden.md", "data.csv"]
    assert found.missing == [tmp_path / "missing"]
