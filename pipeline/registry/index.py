"""The loaded registry: id -> entry and alias -> id indexes, read-only after build."""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

from pipeline.registry.model import Family, Licence, Model, Organisation
from pipeline.schema import Attribute

_SEPARATORS = re.compile(r"[\s\-_]+")
_LETTERS_THEN_DIGIT = re.compile(r"(?<=[A-Za-z]{3})(?=\d)")
_GLUABLE = re.compile(r"[A-Za-z]{3}$")
MAX_VARIANTS = 32


def alias_key(text: str) -> str:
    """The form aliases are compared in: lowercase, without spaces, hyphens, underscores."""
    return _SEPARATORS.sub("", text).lower()


def _atoms(alias: str) -> list[tuple[str, bool]]:
    """Split an alias into atoms; the flag says the atom may be glued to the previous one."""
    pieces = [
        piece
        for part in _SEPARATORS.split(alias.strip())
        for piece in _LETTERS_THEN_DIGIT.split(part)
        if piece
    ]
    if not pieces:
        return []
    glue = [False] + [
        bool(_GLUABLE.search(a) and b[0].isdigit()) for a, b in itertools.pairwise(pieces)
    ]
    return list(zip(pieces, glue, strict=True))


def alias_variants(alias: str) -> list[str]:
    """Spellings of one alias as writers vary them: 'Llama 3 70B' -> 'Llama-3-70B', ...

    Separators vary between space and hyphen; a word followed by a version number may also
    be written glued ('Llama3', 'Qwen2.5').
    """
    atoms = _atoms(alias)
    if not atoms:
        return []
    gaps = [(" ", "-", "") if glue else (" ", "-") for _, glue in atoms[1:]]
    variants = {alias.strip()}
    for joiners in itertools.islice(itertools.product(*gaps), MAX_VARIANTS):
        text = atoms[0][0]
        for (atom, _), joiner in zip(atoms[1:], joiners, strict=True):
            text += joiner + atom
        variants.add(text)
    return sorted(variants)


@dataclass(frozen=True)
class Registry:
    """A validated registry. Build it with ``pipeline.registry.load_registry``."""

    organisations: MappingProxyType[str, Organisation]
    licences: MappingProxyType[str, Licence]
    families: MappingProxyType[str, Family]
    models: MappingProxyType[str, Model]
    version: str
    _aliases: MappingProxyType[str, str] = field(repr=False)
    _org_aliases: MappingProxyType[str, str] = field(repr=False)
    _licence_aliases: MappingProxyType[str, str] = field(repr=False)
    _members: MappingProxyType[str, tuple[str, ...]] = field(repr=False)

    @classmethod
    def build(
        cls,
        *,
        organisations: Iterable[Organisation],
        licences: Iterable[Licence],
        families: Iterable[Family],
        models: Iterable[Model],
        version: str,
    ) -> Registry:
        orgs = {o.id: o for o in organisations}
        lics = {x.id: x for x in licences}
        fams = {f.id: f for f in families}
        mods = {m.id: m for m in models}
        members: dict[str, list[str]] = {f: [] for f in fams}
        for model in mods.values():
            members.setdefault(model.family, []).append(model.id)
        return cls(
            organisations=MappingProxyType(orgs),
            licences=MappingProxyType(lics),
            families=MappingProxyType(fams),
            models=MappingProxyType(mods),
            version=version,
            _aliases=MappingProxyType(_alias_index([*fams.values(), *mods.values()])),
            _org_aliases=MappingProxyType(_alias_index(orgs.values())),
            _licence_aliases=MappingProxyType(_alias_index(lics.values())),
            _members=MappingProxyType({k: tuple(v) for k, v in members.items()}),
        )

    # lookups ---------------------------------------------------------------------------
    def resolve(self, name: str) -> str | None:
        """Model or family id for a name as written, or None."""
        return self._aliases.get(alias_key(name))

    def resolve_org(self, name: str) -> str | None:
        return self._org_aliases.get(alias_key(name))

    def resolve_licence(self, name: str) -> str | None:
        return self._licence_aliases.get(alias_key(name))

    def name_of(self, entry_id: str) -> str:
        entry = self.models.get(entry_id) or self.families.get(entry_id)
        return entry.name if entry else entry_id

    def is_family(self, entry_id: str) -> bool:
        return entry_id in self.families and entry_id not in self.models

    def members(self, entry_id: str) -> list[Model]:
        """The models a mention of ``entry_id`` may mean: itself, or a family's members."""
        if entry_id in self.models:
            return [self.models[entry_id]]
        return [self.models[m] for m in self._members.get(entry_id, ())]

    def line_of(self, entry_id: str) -> str | None:
        family_id = self.models[entry_id].family if entry_id in self.models else entry_id
        family = self.families.get(family_id)
        return family.line if family else None

    def line_models(self, line: str) -> list[Model]:
        return [m for m in self.models.values() if self.families[m.family].line == line]

    def developer_of(self, entry_id: str) -> str | None:
        entry = self.models.get(entry_id) or self.families.get(entry_id)
        return entry.developer if entry else None

    # patterns for extraction (plain data: extraction never imports the registry) --------
    def model_patterns(self) -> list[tuple[str, str]]:
        """(spelling, id) for every alias variant of every family and model."""
        return _patterns([*self.families.values(), *self.models.values()])

    def size_index(self) -> dict[str, list[tuple[int, str]]]:
        """(parameters, model id) of each family's members, keyed by family and model ids.

        Lets extraction resolve "the 405B model" to the family member of that size.
        """
        index: dict[str, list[tuple[int, str]]] = {}
        for family_id in self.families:
            sized = [
                (m.facts.parameters.value, m.id)
                for m in self.members(family_id)
                if m.facts.parameters is not None
            ]
            index[family_id] = sized
            for _, model_id in sized:
                index[model_id] = sized
        return index

    def short_names(self) -> dict[tuple[str, ...], list[tuple[str, str]]]:
        """(family id, model id) by the words left of a member's name once its family's
        name is taken away: "Opus" of Claude 3 Opus, "Large 2" of Mistral Large 2.

        Only names with a capitalised word and no size ("70B") qualify; extraction reads
        them as the member only where the article has already named its family.
        """
        index: dict[tuple[str, ...], list[tuple[str, str]]] = {}
        for family_id, family in self.families.items():
            family_words = family.name.replace("-", " ").split()
            for model in self.members(family_id):
                for name in (model.name, *model.aliases):
                    for short in _short_forms(name, family_words):
                        entry = (family_id, model.id)
                        if entry not in index.setdefault(short, []):
                            index[short].append(entry)
        for short, entries in list(index.items()):
            families = [f for f, _ in entries]
            kept = [e for e in entries if families.count(e[0]) == 1]  # one member per family
            if kept:
                index[short] = kept
            else:
                del index[short]
        return index

    def makers(self) -> dict[str, str]:
        """Developer id of every family."""
        return {f.id: f.developer for f in self.families.values() if f.developer}

    def family_index(self) -> dict[str, tuple[str, str]]:
        """(family id, family name) of every model id and family id."""
        index = {f.id: (f.id, f.name) for f in self.families.values()}
        index.update({m.id: (m.family, self.families[m.family].name) for m in self.models.values()})
        return index

    def exact_model_patterns(self) -> list[tuple[str, str]]:
        """(name, family id) for names matched only as written ('LLaMA')."""
        return [(alias, f.id) for f in self.families.values() for alias in f.exact_aliases]

    def organisation_patterns(self) -> list[tuple[str, str]]:
        return _patterns(self.organisations.values())

    def licence_patterns(self) -> list[tuple[str, str]]:
        return _patterns(self.licences.values())

    # output ----------------------------------------------------------------------------
    def model_record(self, model: Model) -> dict[str, Any]:
        """The ``registry list --json`` record of one model."""
        record: dict[str, Any] = {
            "id": model.id,
            "name": model.name,
            "family": model.family,
            "aliases": list(model.aliases),
            Attribute.developer.value: {
                "value": model.developer,
                "source": model.card,
                "status": "disclosed",
                "note": None,
            },
        }
        for attribute, fact in model.facts.items():
            record[attribute.value] = {
                "value": plain_value(fact.value),
                "source": fact.source,
                "status": fact.status.value,
                "note": fact.note,
            }
        return record


SHORT_NAME_STOPWORDS = frozenset(
    {"moe", "vision", "instruct", "chat", "base", "it", "a", "api", "experimental", "preview"}
)
SIZE_WORD = re.compile(r"[\d.]+[BMKT]|\d+x\d+B?", re.IGNORECASE)


def _short_forms(name: str, family_words: list[str]) -> list[tuple[str, ...]]:
    """'Claude 3 Opus' in family 'Claude 3' -> [('Opus',)]; 'Mistral Large 2' in family
    'Mistral Large' -> [('Large', '2')] (the vendor word dropped, the line word kept)."""
    words = [w for w in name.replace("-", " ").split() if not SIZE_WORD.fullmatch(w)]
    forms = []
    rest = [w for w in words if w not in family_words]
    if rest and rest != words:
        forms.append(tuple(rest))
    if len(words) >= 2 and family_words and words[0] == family_words[0]:
        forms.append(tuple(words[1:]))
    return [
        f
        for f in forms
        if 1 <= len(f) <= 2
        and tuple(words[-len(f) :]) == f  # a suffix: "Opus", not the vendor in "Meta Llama 3"
        and any(w[0].isupper() and w.isalnum() and len(w) > 1 for w in f)
        and any(c.isalpha() for w in f for c in w)
        and not any(w.lower() in SHORT_NAME_STOPWORDS for w in f)
    ]


def plain_value(value: Any) -> Any:
    """A registry value as JSON: counts as ints, dates as ISO strings, objects as dicts."""
    if hasattr(value, "iso"):
        return value.iso()
    if hasattr(value, "model_dump"):
        return value.model_dump(mode="json", exclude_none=True)
    return value


def _alias_index(entries: Iterable[Organisation | Licence | Family | Model]) -> dict[str, str]:
    index: dict[str, str] = {}
    for entry in entries:
        for alias in [entry.name, entry.id, *entry.aliases]:
            key = alias_key(alias)
            # a model shares its family's name only in a family of one: the model wins
            if key not in index or isinstance(entry, Model):
                index[key] = entry.id
    return index


def _patterns(entries: Iterable[Organisation | Licence | Family | Model]) -> list[tuple[str, str]]:
    pairs: list[tuple[str, str]] = []
    for entry in entries:
        for alias in dict.fromkeys([entry.name, *entry.aliases]):
            pairs.extend((variant, entry.id) for variant in alias_variants(alias))
    return pairs
