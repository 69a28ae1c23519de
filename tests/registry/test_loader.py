"""Registry faults are errors naming file, entry and field; nothing is half-loaded."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.errors import RegistryError
from pipeline.registry import BUNDLED, alias_variants, load_registry

GOOD = """
organisations:
  - {id: acme, name: Acme, source: "https://acme.example/"}
licences:
  - {id: acme-licence, name: Acme Licence, open_weights: true, osi_open_source: false,
     commercial_use: allowed, source: "https://acme.example/licence"}
families:
  - {id: rocket, name: Rocket, line: rocket, developer: acme, aliases: [Rocket LM],
     source: "https://acme.example/rocket"}
models:
  - id: rocket-7b
    name: Rocket 7B
    family: rocket
    developer: acme
    aliases: [Rocket-7B-Chat]
    card: https://acme.example/rocket-7b
    last_checked: 2026-11-27
    facts:
      parameters: {value: 7B, source: "https://acme.example/rocket-7b"}
      active_parameters: {value: 2B, source: "https://acme.example/rocket-7b"}
      license: {value: acme-licence, source: "https://acme.example/rocket-7b"}
"""


def write(tmp_path: Path, text: str, name: str = "acme.yaml", folder_name: str = "reg") -> Path:
    folder = tmp_path / folder_name
    folder.mkdir(exist_ok=True)
    (folder / name).write_text(text, encoding="utf-8")
    return folder


def problems(folder: Path) -> list[str]:
    with pytest.raises(RegistryError) as info:
        load_registry([folder])
    return [str(p) for p in info.value.problems]


def test_a_good_folder_loads(tmp_path: Path):
    registry = load_registry([write(tmp_path, GOOD)])
    assert registry.resolve("rocket 7b chat") == "rocket-7b"
    assert registry.models["rocket-7b"].facts.parameters.value == 7_000_000_000


@pytest.mark.parametrize(
    "old,new,expected",
    [
        (
            "last_checked: 2026-11-27",
            "last_checked: 2026-11-27\n    colour: red",
            "[rocket-7b] colour: Extra inputs",
        ),
        ("{value: 7B,", "{value: seven,", "[rocket-7b] facts.parameters.value"),
        ("{value: 2B,", "{value: 9B,", "active parameters exceed total"),
        ("family: rocket\n", "family: rockets\n", "unknown family 'rockets'"),
        ("{value: acme-licence,", "{value: nope,", "unknown facts.license 'nope'"),
        (
            'source: "https://acme.example/rocket-7b"}\n      active',
            'source: "ftp://x"}\n      active',
            "http(s) URL",
        ),
    ],
)
def test_a_bad_entry_is_named_with_file_entry_and_field(
    tmp_path: Path, old: str, new: str, expected: str
):
    assert old in GOOD
    found = problems(write(tmp_path, GOOD.replace(old, new, 1)))
    assert any(expected in p and "acme.yaml" in p for p in found), found


def test_a_yaml_syntax_error_names_the_line(tmp_path: Path):
    found = problems(write(tmp_path, GOOD + "\n  - id: [unclosed\n"))
    assert any("acme.yaml:" in p and "YAML error" in p for p in found), found


def test_the_same_alias_on_two_models_is_an_error(tmp_path: Path):
    twin = (
        GOOD.split("models:")[1].replace("rocket-7b", "rocket-8b").replace("Rocket 7B", "Rocket 8B")
    )
    found = problems(write(tmp_path, GOOD + twin))
    assert any("alias 'Rocket-7B-Chat' is also used by rocket-7b" in p for p in found), found


def test_a_broken_overlay_stops_the_whole_load(tmp_path: Path):
    folder = write(tmp_path, "models: [{id: x}]\n", name="broken.yaml")
    with pytest.raises(RegistryError):
        load_registry([BUNDLED, folder])


def test_an_overlay_replaces_entries_by_id(tmp_path: Path):
    overlay = GOOD.replace("{value: 7B,", "{value: 7.2B,")
    registry = load_registry(
        [write(tmp_path, GOOD), write(tmp_path, overlay, folder_name="overlay")]
    )
    assert registry.models["rocket-7b"].facts.parameters.value == 7_200_000_000


@pytest.mark.parametrize(
    "alias,variant",
    [
        ("Llama 3 70B", "Llama-3-70B"),
        ("Llama 3 70B", "Llama3 70B"),
        ("Qwen2.5-72B", "Qwen 2.5 72B"),
    ],
)
def test_alias_variants_cover_spacing(alias: str, variant: str):
    assert variant in alias_variants(alias)
