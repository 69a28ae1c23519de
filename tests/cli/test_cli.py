"""The command line: every command has help; check and run print the records of the design."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import click
import pytest
from typer.main import get_command
from typer.testing import CliRunner

from pipeline.cli.main import app
from tests.conftest import ARTICLES, GOLD, ROOT, SEED

runner = CliRunner()


def command_paths(group: click.Group, prefix: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    paths = []
    for name, command in group.commands.items():
        paths.append((*prefix, name))
        if isinstance(command, click.Group):
            paths += command_paths(command, (*prefix, name))
    return paths


COMMANDS = command_paths(get_command(app))  # type: ignore[arg-type]


@pytest.mark.parametrize("path", COMMANDS, ids=" ".join)
def test_every_command_has_help(path: tuple[str, ...]):
    result = runner.invoke(app, [*path, "--help"])
    assert result.exit_code == 0 and "Usage" in result.output


def check_json(path: Path) -> dict:
    result = runner.invoke(app, ["check", str(path), "--json"])
    assert result.exit_code == 0, result.output
    (line,) = result.output.strip().splitlines()
    return json.loads(line)


def by_attribute(record: dict) -> dict[str, list[dict]]:
    found: dict[str, list[dict]] = {}
    for claim in record["claims"]:
        found.setdefault(claim["attribute"], []).append(claim)
    return found


@pytest.mark.parametrize(
    "path", [SEED, ARTICLES / "factsheet-llama4-wrong.md"], ids=["seed", "own-fixture"]
)
def test_check_flags_llama_4_given_llama_3_facts(path: Path):
    if not path.exists():
        pytest.skip(f"{path} is not here (the seed lives in ../shared)")
    claims = by_attribute(check_json(path))
    for attribute in (
        "release_date",
        "parameters",
        "context_length",
        "training_tokens",
        "modality",
    ):
        statuses = {c["verdict"]["status"] for c in claims[attribute]}
        assert "contradicted" in statuses, attribute
        for claim in claims[attribute]:
            if claim["verdict"]["status"] == "contradicted":
                assert claim["verdict"]["expected"] and claim["verdict"]["source"].startswith(
                    "https://"
                )
    assert {c["verdict"]["status"] for c in claims["developer"]} == {"supported"}
    hints = " ".join(c["verdict"]["hint"] or "" for a in claims.values() for c in a)
    assert "Llama 3 " in hints or "Llama 3." in hints
    context_hints = " ".join(c["verdict"]["hint"] or "" for c in claims["context_length"])
    assert "Llama 3.1" in context_hints


def test_check_record_has_the_design_fields():
    record = check_json(ARTICLES / "news-llama3-launch.md")
    assert set(record["article"]) == {"id", "path", "title", "url", "published"}
    claim = record["claims"][0]
    assert set(claim) == {
        "id",
        "model",
        "model_id",
        "attribute",
        "value",
        "precision",
        "text",
        "start",
        "end",
        "sentence",
        "qualifiers",
        "verdict",
    }
    text = (ARTICLES / "news-llama3-launch.md").read_text(encoding="utf-8")
    assert claim["text"] in text


def test_registry_list_json_lists_models_with_sourced_facts():
    result = runner.invoke(app, ["registry", "list", "--json"])
    models = json.loads(result.output)
    assert len(models) >= 100
    scout = next(m for m in models if m["id"] == "llama-4-scout")
    assert scout["context_length"]["value"] == 10_000_000
    assert scout["context_length"]["source"].startswith("https://")


def test_registry_validate_fails_with_exit_2_on_a_bad_folder(tmp_path: Path):
    (tmp_path / "bad.yaml").write_text("models:\n  - id: x\n    name: X\n")
    result = runner.invoke(app, ["registry", "validate", str(tmp_path)])
    assert result.exit_code == 2
    assert "bad.yaml" in result.output and "[x]" in result.output


def test_eval_prints_scores():
    result = runner.invoke(app, ["eval", str(GOLD), "--json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert 0 < report["claims"]["f1"] <= 1 and "parameters" in report["by_attribute"]


@pytest.mark.slow
def test_run_twice_from_the_shell_keeps_the_same_claims(tmp_path: Path):
    """The real entry point, with Prefect's temporary server, as the Quickstart runs it."""
    env = {**os.environ, "CLAIMWATCH_DB": f"sqlite:///{tmp_path / 'cw.db'}"}
    folder = tmp_path / "fixtures"
    shutil.copytree(ROOT / "fixtures", folder)
    command = [sys.executable, "-m", "pipeline.cli.main", "run", str(folder), "--json"]
    outputs = []
    for _ in range(2):
        done = subprocess.run(
            command, env=env, cwd=tmp_path, capture_output=True, text=True, timeout=300
        )
        assert done.returncode == 0, done.stderr[-2000:]
        outputs.append(json.loads(done.stdout.strip().splitlines()[-1]))
        flags = subprocess.run(
            [sys.executable, "-m", "pipeline.cli.main", "export", "--format", "jsonl"],
            env=env,
            cwd=tmp_path,
            capture_output=True,
            text=True,
            timeout=120,
        )
        outputs[-1]["stored"] = len(flags.stdout.strip().splitlines())
    first, second = outputs
    rechecked = subprocess.run(
        [sys.executable, "-m", "pipeline.cli.main", "recheck", "--json"],
        env=env,
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert rechecked.returncode == 0, rechecked.stderr[-2000:]
    summary = json.loads(rechecked.stdout.strip().splitlines()[-1])
    assert (summary["claims"], summary["changed"]) == (first["claims"], 0)
    assert first["claims"] > 0 and first["contradicted"] > 0 and second["claims"] == 0
    assert first["stored"] == second["stored"] == first["claims"]
    assert set(first) >= {
        "run_id",
        "articles_seen",
        "articles_processed",
        "articles_skipped",
        "articles_failed",
        "claims",
        "contradicted",
    }


def test_eval_of_a_folder_without_gold_fails_with_exit_2(tmp_path: Path):
    result = runner.invoke(app, ["eval", str(tmp_path / "gold")])
    assert result.exit_code == 2
    assert "E050" in result.output and "not a folder" in result.output
