"""Files -> Articles: every format, stable ids, clear errors naming the file (or element)."""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path

import pytest

from pipeline.errors import ArticleError
from pipeline.ingest import MAX_BYTES_ENV, discover, read_article, read_articles_from
from pipeline.runner import read_articles


@pytest.fixture(autouse=True)
def _default_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(MAX_BYTES_ENV, raising=False)


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
        ("soup.md", b"Llama " + bytes(range(0x80, 0x100)) * 3, "not valid UTF-8"),
        ("soup.html", b"<p>" + bytes(range(0x80, 0x100)) * 3, "not valid UTF-8"),
        ("badfm.md", "---\ntitle: [unclosed\n---\nBody\n", "malformed front matter"),
        ("baddate.md", "---\npublished: someday\n---\nBody\n", "bad published"),
        ("notes.pdf", "x", "unsupported file type"),
        ("script.html", "<html><body><script>var a = 1;</script></body></html>", "no main text"),
        ("bad.json", '{"text": "x",}', "not valid JSON"),
        ("list.json", '["just a string"]', "element 1 is not an article object"),
        ("notext.json", '{"title": "T", "body": "  "}', "has no text"),
        ("baddate.json", '{"text": "x", "published": "April 2024"}', "bad published"),
        ("badtitle.json", '{"text": "x", "title": ["a"]}', "bad title"),
        ("empty.json", "[]", "is empty"),
        ("empty.jsonl", "\n\n", "is empty"),
        ("two.jsonl", '{"text": "a"}\n{"text": "b"}\n', "holds 2 articles"),
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


PAGE = """<!doctype html>
<html><head>
<meta charset="utf-8">
<title>Llama 4 arrives | Example News</title>
<meta property="og:title" content="Llama 4 arrives">
<link rel="canonical" href="https://example.com/news/llama-4">
<meta property="article:published_time" content="2025-04-07T09:30:00+00:00">
</head><body>
<nav><a href="/">Home</a> | <a href="/models">Models</a> | <a href="/about">About us</a></nav>
<article>
<h1>Llama 4 arrives</h1>
<p>Meta released Llama 4 Scout on April 5, 2025, with a 10M token context window.</p>
<p>Llama 4 Maverick has 17B active parameters and 128 experts.</p>
</article>
<footer>Copyright 2023 Example News. Subscribe to our newsletter.</footer>
</body></html>
"""


@pytest.mark.parametrize("name", ["page.html", "PAGE.HTM"])
def test_html_gives_main_text_and_head_metadata(tmp_path: Path, name: str):
    article = read_article(write(tmp_path, name, PAGE))
    assert (article.title, article.url, article.published) == (
        "Llama 4 arrives",
        "https://example.com/news/llama-4",
        dt.date(2025, 4, 7),
    )
    assert "with a 10M token context window." in article.text
    assert "128 experts" in article.text
    assert "Home" not in article.text and "Copyright" not in article.text
    assert article.path == str(tmp_path / name)


@pytest.mark.parametrize(
    "head,url,published",
    [
        (
            '<meta property="og:url" content="https://example.com/og">',
            "https://example.com/og",
            None,
        ),
        (
            '<script type="application/ld+json">{"@context": "https://schema.org", '
            '"@type": "NewsArticle", "datePublished": "2024-04-20T08:00:00Z"}</script>',
            None,
            dt.date(2024, 4, 20),
        ),
        ("", None, None),
    ],
)
def test_html_url_and_date_come_from_markup_never_from_the_body(
    tmp_path: Path, head: str, url: str | None, published: dt.date | None
):
    page = (
        f"<html><head><title>T</title>{head}</head><body><article>"
        "<p>Meta released Llama 3 on April 18, 2024, with 8B and 70B sizes.</p>"
        "<p>It was trained on 15 trillion tokens of public data.</p></article></body></html>"
    )
    article = read_article(write(tmp_path, "p.html", page))
    assert (article.url, article.published) == (url, published)


def test_html_text_is_what_claim_offsets_refer_to(tmp_path: Path):
    article = read_article(write(tmp_path, "p.html", PAGE))
    start = article.text.index("10M token")
    assert article.text[start : start + 9] == "10M token"


@pytest.mark.parametrize("key", ["text", "content", "body"])
def test_json_object_is_one_article(tmp_path: Path, key: str):
    record = {key: "Llama 3 has 8B parameters.", "title": "T", "url": "https://e.com/a"}
    record["published"] = "2024-04-20T10:00:00Z"
    path = write(tmp_path, "a.json", json.dumps(record))
    article = read_article(path)
    assert (article.text, article.title, article.url, article.published) == (
        "Llama 3 has 8B parameters.",
        "T",
        "https://e.com/a",
        dt.date(2024, 4, 20),
    )
    assert article.path == str(path)


def test_json_array_gives_one_article_per_element_each_with_its_own_path(tmp_path: Path):
    records = [{"text": "First article.", "date": "2024-01-02"}, {"content": "Second article."}]
    path = write(tmp_path, "many.json", json.dumps(records))
    articles, failures = read_articles_from(path)
    assert failures == []
    assert [(a.path, a.text, a.published) for a in articles] == [
        (f"{path}#1", "First article.", dt.date(2024, 1, 2)),
        (f"{path}#2", "Second article.", None),
    ]


def test_jsonl_bad_line_is_a_failure_and_the_good_lines_still_count(tmp_path: Path):
    lines = ['{"text": "One."}', "", "{not json", '{"title": "no text"}', "[1]", '{"body": "Two."}']
    path = write(tmp_path, "feed.jsonl", "\n".join(lines) + "\n")
    articles, failures = read_articles_from(path)
    assert [(a.path, a.text) for a in articles] == [(f"{path}:1", "One."), (f"{path}:6", "Two.")]
    assert [f.path for f in failures] == [f"{path}:3", f"{path}:4", f"{path}:5"]
    assert "line 3 is not valid JSON" in failures[0].error
    assert "line 4 has no text" in failures[1].error
    assert "line 5 is not an article object (got an array)" in failures[2].error
    assert all(str(path) in f.error for f in failures)


def test_same_content_gives_same_id_whatever_the_file_or_format(tmp_path: Path):
    text = "Llama 3 has 8B parameters."
    from_txt = read_article(write(tmp_path, "a.txt", text))
    (from_jsonl,), _ = read_articles_from(write(tmp_path, "b.jsonl", json.dumps({"text": text})))
    assert from_txt.id == from_jsonl.id and from_txt.path != from_jsonl.path


@pytest.mark.parametrize(
    "name,encoding,text",
    [
        ("latin.md", "latin-1", "Le modèle Llama 3 a été publié en avril; naïve café à Zürich."),
        ("smart.txt", "cp1252", "Meta’s “Llama 3” — released in April — has 8B parameters."),
        ("bom16.txt", "utf-16", "Llama 3 has 8B parameters."),
        ("sjis.txt", "shift_jis", "ラマ4は長いコンテキストを持っています。"),
        ("cyr.txt", "cp1251", "Модель Llama 3 была выпущена в апреле и имеет 8 млрд параметров."),
        ("gbk.txt", "gbk", "美国的模型有八十亿个参数，于四月发布。"),
    ],
)
def test_non_utf8_text_is_decoded_when_detected_confidently(
    tmp_path: Path, name: str, encoding: str, text: str
):
    assert read_article(write(tmp_path, name, text.encode(encoding))).text == text


def test_html_declared_charset_is_honoured(tmp_path: Path):
    page = PAGE.replace('charset="utf-8"', 'charset="iso-8859-1"').replace("Meta", "Métà")
    article = read_article(write(tmp_path, "p.html", page.encode("latin-1")))
    assert "Métà released Llama 4 Scout" in article.text


def test_file_over_the_size_limit_is_an_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv(MAX_BYTES_ENV, "10")
    small, big = write(tmp_path, "small.md", "0123456789"), write(tmp_path, "big.md", "x" * 11)
    assert read_article(small).text == "0123456789"
    with pytest.raises(ArticleError, match=r"E006 .*big.md is larger than the 10 byte limit \(11"):
        read_article(big)


@pytest.mark.parametrize("value", ["ten", "0", "-5", "1.5"])
def test_bad_size_limit_setting_is_a_clear_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, value: str
):
    monkeypatch.setenv(MAX_BYTES_ENV, value)
    with pytest.raises(ArticleError, match=f"E046 {MAX_BYTES_ENV} must be a positive"):
        read_article(write(tmp_path, "a.md", "x"))


def test_symlink_loop_is_discovered_and_reported_not_raised(tmp_path: Path):
    (tmp_path / "loop.md").symlink_to(tmp_path / "loop.md")
    found = discover([tmp_path])
    assert found.files == [tmp_path / "loop.md"]
    articles, failures = read_articles_from(tmp_path / "loop.md")
    assert articles == []
    assert [f.path for f in failures] == [str(tmp_path / "loop.md")]
    assert "E001 cannot read" in failures[0].error and "symbolic links" in failures[0].error


def test_directory_named_like_an_article_is_a_clear_error(tmp_path: Path):
    (tmp_path / "folder.md").mkdir()
    with pytest.raises(ArticleError, match=r"E001 cannot read .*folder.md: a directory"):
        read_article(tmp_path / "folder.md")


@pytest.mark.skipif(
    hasattr(os, "geteuid") and os.geteuid() == 0,
    reason="running as root: chmod 000 does not stop root from reading the file",
)
def test_unreadable_file_is_a_clear_error(tmp_path: Path):
    path = write(tmp_path, "secret.md", "text")
    path.chmod(0)
    try:
        articles, failures = read_articles_from(path)
    finally:
        path.chmod(0o644)
    assert articles == [] and "E001 cannot read" in failures[0].error
    assert "Permission denied" in failures[0].error


def test_discover_lists_every_article_format(tmp_path: Path):
    names = ["a.md", "b.markdown", "c.txt", "d.html", "e.htm", "f.json", "g.jsonl", "h.JSON"]
    for name in [*names, "i.csv", "j.xml"]:
        write(tmp_path, name, "x")
    found = discover([tmp_path])
    assert [p.name for p in found.files] == names
    assert [p.name for p in found.skipped] == ["i.csv", "j.xml"]


def test_runner_reads_every_article_of_every_file_and_records_failures(tmp_path: Path):
    many = write(tmp_path, "many.json", json.dumps([{"text": "One."}, {"text": 5}]))
    single = write(tmp_path, "a.md", "Two.")
    articles, failures = read_articles([many, single, tmp_path / "missing.md"])
    assert [a.text for a in articles] == ["One.", "Two."]
    assert [f.path for f in failures] == [f"{many}#2", str(tmp_path / "missing.md")]
