"""Registry faults through the CLI: exit 2, the error names file and line or entry, and
nothing is loaded (``validate`` says no "ok", ``check`` prints no claim, ``run`` stores nothing).

Each bad folder is an overlay on the bundled registry, as a user's own registry would be.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from pipeline.cli.main import app
from tests.conftest import ARTICLES

runner = CliRunner()

# A new model in the bundled Llama 3 family; the cases below break it one way each.
GOOD = """\
models:
  - id: llama-3-9b
    name: Llama 3 9B
    family: llama-3
    developer: meta
    aliases: [Llama-3-9B-Test]
    card: https://example.org/llama-3-9b
    last_checked: 2026-11-27
    facts:
      parameters:
        value: 9B
        source: https://example.org/llama-3-9b
      context_length:
        value: 8K
        source: https://example.org/llama-3-9b
"""

TWIN = """\
  - id: llama-3-9b-twin
    name: Llama 3 9B Twin
    family: llama-3
    developer: meta
    aliases: [Llama-3-9B-Test]
    card: https://example.org/llama-3-9b
    last_checked: 2026-11-27
"""

# (case, old text in GOOD, new text, what the error must say)
FAULTS = [
    (
        "malformed-yaml",
        "aliases: [Llama-3-9B-Test]",
        "aliases: [Llama-3-9B-Test",
        "bad.yaml:7: YAML error",
    ),
    (
        "duplicate-key",
        "      context_length:\n",
        "      parameters:\n",
        "bad.yaml:13: YAML error: duplicate key 'parameters'",
    ),
    (
        "wrong-type-date",
        "last_checked: 2026-11-27",
        "last_checked: last week",
        "bad.yaml [llama-3-9b] last_checked: Input should be a valid date",
    ),
    (
        "wrong-type-count",
        "value: 9B",
        "value: [9B]",
        "bad.yaml [llama-3-9b] facts.parameters.value",
    ),
    (
        "alias-of-a-bundled-model",
        "aliases: [Llama-3-9B-Test]",
        "aliases: [Llama 3 8B]",
        "bad.yaml [llama-3-9b] aliases: alias 'Llama 3 8B' is also used by llama-3-8b (meta.yaml)",
    ),
    (
        "alias-twice-in-one-file",
        "",
        TWIN,
        "bad.yaml [llama-3-9b-twin] aliases: alias 'Llama-3-9B-Test' is also used by llama-3-9b",
    ),
]


def bad_folder(tmp_path: Path, old: str, new: str) -> Path:
    text = GOOD + new if not old else GOOD.replace(old, new, 1)
    assert old in GOOD and text != GOOD
    folder = tmp_path / "registry"
    folder.mkdir()
    (folder / "bad.yaml").write_text(text, encoding="utf-8")
    return folder


def test_the_good_overlay_is_valid(tmp_path: Path):
    folder = tmp_path / "registry"
    folder.mkdir()
    (folder / "good.yaml").write_text(GOOD, encoding="utf-8")
    result = runner.invoke(app, ["registry", "validate", str(folder)])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("ok: ")


@pytest.mark.parametrize("case,old,new,expected", FAULTS, ids=[f[0] for f in FAULTS])
def test_validate_names_the_fault_and_exits_2(
    tmp_path: Path, case: str, old: str, new: str, expected: str
):
    result = runner.invoke(app, ["registry", "validate", str(bad_folder(tmp_path, old, new))])
    assert result.exit_code == 2
    assert "E010 registry is invalid" in result.stderr
    assert expected in result.stderr, result.stderr
    assert str(tmp_path / "registry" / "bad.yaml") in result.stderr
    assert "ok:" not in result.stdout


@pytest.mark.parametrize("case,old,new,expected", FAULTS, ids=[f[0] for f in FAULTS])
def test_check_with_a_bad_registry_prints_no_claim_and_exits_2(
    tmp_path: Path, case: str, old: str, new: str, expected: str
):
    folder = bad_folder(tmp_path, old, new)
    article = ARTICLES / "news-llama3-launch.md"
    result = runner.invoke(app, ["check", str(article), "--json", "--registry", str(folder)])
    assert result.exit_code == 2
    assert result.stdout == ""
    assert expected in result.stderr, result.stderr


def test_run_with_a_bad_registry_stores_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    old, new = FAULTS[0][1], FAULTS[0][2]
    folder = bad_folder(tmp_path, old, new)
    db = tmp_path / "cw.db"
    monkeypatch.setenv("CLAIMWATCH_DB", f"sqlite:///{db}")
    result = runner.invoke(app, ["run", str(ARTICLES), "--json", "--registry", str(folder)])
    assert result.exit_code == 2
    assert result.stdout == "" and "bad.yaml:7: YAML error" in result.stderr
    assert not db.exists()  # failed before Prefect and before the store was opened
