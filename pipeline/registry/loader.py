"""Load registry folders into one validated, read-only Registry, or fail whole.

Every problem is collected with its file, entry and field before anything is returned,
so a registry that fails validation is never half-loaded.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from pipeline.errors import RegistryError, RegistryProblem
from pipeline.registry.index import Registry, alias_key
from pipeline.registry.model import RegistryFile

BUNDLED = Path(__file__).parent / "data"
ENV_VAR = "CLAIMWATCH_REGISTRY"
SECTIONS = ("organisations", "licences", "families", "models")


@dataclass(frozen=True)
class Located:
    """An entry and the file it came from."""

    entry: Any
    path: Path


def registry_dirs(extra: Sequence[Path] = ()) -> list[Path]:
    """The bundled folder, then $CLAIMWATCH_REGISTRY folders, then ``extra`` (later wins)."""
    env = [Path(p) for p in os.environ.get(ENV_VAR, "").split(os.pathsep) if p]
    return [BUNDLED, *env, *extra]


def load_registry(dirs: Sequence[Path] | None = None) -> Registry:
    """Load and validate ``dirs`` (default: the bundled registry plus the environment's)."""
    folders = list(dirs) if dirs is not None else registry_dirs()
    problems: list[RegistryProblem] = []
    layers = [_load_folder(folder, problems) for folder in folders]
    merged = _merge(layers)
    if not problems:
        problems.extend(check_references(merged))
    if problems:
        raise RegistryError(problems)
    return Registry.build(
        organisations=[x.entry for x in merged["organisations"].values()],
        licences=[x.entry for x in merged["licences"].values()],
        families=[x.entry for x in merged["families"].values()],
        models=[x.entry for x in merged["models"].values()],
        version=_version(folders),
    )


def _files(folder: Path) -> list[Path]:
    if folder.is_file():
        return [folder]
    return sorted(p for p in folder.glob("*.yaml") if not p.name.startswith("."))


def _load_folder(folder: Path, problems: list[RegistryProblem]) -> dict[str, dict[str, Located]]:
    layer: dict[str, dict[str, Located]] = {s: {} for s in SECTIONS}
    if not folder.exists():
        problems.append(RegistryProblem(str(folder), None, None, "registry folder not found"))
        return layer
    for path in _files(folder):
        parsed = _parse_file(path, problems)
        if parsed is None:
            continue
        for section in SECTIONS:
            for entry in getattr(parsed, section):
                seen = layer[section].get(entry.id)
                if seen is not None:
                    message = f"duplicate {section[:-1]} id, also in {seen.path.name}"
                    problems.append(RegistryProblem(str(path), entry.id, "id", message))
                layer[section][entry.id] = Located(entry, path)
    return layer


MERGE_TAG = "tag:yaml.org,2002:merge"


class _UniqueKeyLoader(yaml.CSafeLoader if yaml.__with_libyaml__ else yaml.SafeLoader):  # type: ignore[misc]
    """PyYAML's safe loader (libyaml's parser when present: ten times as fast on the bundled
    registry), except that a key repeated in one mapping is an error: plain YAML keeps the
    last value, so a fact pasted twice would silently override the first."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        seen: set[Hashable] = set()
        for key_node, _ in node.value:
            if key_node.tag == MERGE_TAG:  # "<<: *base" then "name: X" overrides: allowed
                continue
            key = self.construct_object(key_node, deep=deep)
            if not isinstance(key, Hashable):
                continue  # PyYAML's own error follows
            if key in seen:
                raise yaml.constructor.ConstructorError(
                    "while reading a mapping",
                    node.start_mark,
                    f"duplicate key {key!r}",
                    key_node.start_mark,
                )
            seen.add(key)
        return super().construct_mapping(node, deep=deep)


def _parse_file(path: Path, problems: list[RegistryProblem]) -> RegistryFile | None:
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_UniqueKeyLoader)
    except yaml.MarkedYAMLError as exc:
        line = exc.problem_mark.line + 1 if exc.problem_mark else None
        problems.append(RegistryProblem(str(path), None, None, f"YAML error: {exc.problem}", line))
        return None
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        problems.append(RegistryProblem(str(path), None, None, f"cannot read: {exc}"))
        return None
    if data is None:
        return RegistryFile()
    if not isinstance(data, dict):
        problems.append(RegistryProblem(str(path), None, None, "top level must be a mapping"))
        return None
    try:
        return RegistryFile.model_validate(data)
    except ValidationError as exc:
        problems.extend(_validation_problems(path, data, exc))
        return None


def _validation_problems(
    path: Path, data: dict[str, Any], exc: ValidationError
) -> Iterable[RegistryProblem]:
    for error in exc.errors():
        loc = list(error["loc"])
        entry = None
        if len(loc) >= 2 and isinstance(loc[1], int):
            items = data.get(str(loc[0])) or []
            raw = items[loc[1]] if loc[1] < len(items) else None
            entry = str(raw.get("id")) if isinstance(raw, dict) else f"{loc[0]}[{loc[1]}]"
            loc = loc[2:]
        field = ".".join(str(part) for part in loc if not str(part).startswith("function-"))
        yield RegistryProblem(str(path), entry, field or None, error["msg"])


def _merge(layers: list[dict[str, dict[str, Located]]]) -> dict[str, dict[str, Located]]:
    merged: dict[str, dict[str, Located]] = {s: {} for s in SECTIONS}
    for layer in layers:
        for section in SECTIONS:
            merged[section].update(layer[section])
    return merged


def check_references(merged: dict[str, dict[str, Located]]) -> list[RegistryProblem]:
    """Cross-entry checks: references resolve, aliases unique, counts consistent."""
    problems: list[RegistryProblem] = []
    orgs, licences = merged["organisations"], merged["licences"]
    families, models = merged["families"], merged["models"]

    def need(table: dict[str, Located], ref: str | None, item: Located, field: str) -> None:
        if ref is not None and ref not in table:
            message = f"unknown {field} {ref!r}"
            problems.append(RegistryProblem(str(item.path), item.entry.id, field, message))

    for item in families.values():
        need(orgs, item.entry.developer, item, "developer")
        need(families, item.entry.follows, item, "follows")
    for item in models.values():
        need(families, item.entry.family, item, "family")
        need(orgs, item.entry.developer, item, "developer")
        licence = item.entry.facts.license
        need(licences, licence.value if licence else None, item, "facts.license")
        for other in item.entry.confusable_with:
            need(models, other, item, "confusable_with")
        problems.extend(_check_model_facts(item))
    problems.extend(_check_aliases([*families.values(), *models.values()]))
    problems.extend(_check_aliases(list(orgs.values())))
    return problems


def _check_model_facts(item: Located) -> list[RegistryProblem]:
    facts, where = item.entry.facts, (str(item.path), item.entry.id)
    problems = []
    total, active = facts.parameters, facts.active_parameters
    if total and active and active.value > total.value:
        message = "active parameters exceed total parameters"
        problems.append(RegistryProblem(*where, "facts.active_parameters", message))
    arch = facts.architecture.value if facts.architecture else None
    if arch and arch.experts and arch.experts_per_token and arch.experts_per_token > arch.experts:
        message = "experts_per_token exceeds experts"
        problems.append(RegistryProblem(*where, "facts.architecture", message))
    return problems


def _check_aliases(items: list[Located]) -> list[RegistryProblem]:
    owner: dict[str, Located] = {}
    problems = []
    for item in items:
        for alias in [item.entry.name, *item.entry.aliases]:
            key = alias_key(alias)
            first = owner.setdefault(key, item)
            if first.entry.id != item.entry.id and not _member_of(item, first):
                message = f"alias {alias!r} is also used by {first.entry.id} ({first.path.name})"
                problems.append(RegistryProblem(str(item.path), item.entry.id, "aliases", message))
    return problems


def _member_of(a: Located, b: Located) -> bool:
    """A model may share its family's name (a family of one): the model wins."""
    return (
        getattr(a.entry, "family", None) == b.entry.id
        or getattr(b.entry, "family", None) == a.entry.id
    )


def _version(folders: Sequence[Path]) -> str:
    digest = hashlib.sha256()
    for folder in folders:
        for path in _files(folder) if folder.exists() else []:
            digest.update(path.name.encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:12]
