"""Extraction: Article -> [Claim], with spaCy rules and dateparser.

spaCy objects stay inside this package: ``Extractor.extract`` returns pydantic Claims with
character offsets and the sentence, which is all that checking and review need.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools
import re
from collections.abc import Iterator, Mapping, Sequence
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from pipeline.extract.asserted import FACET_ATTRIBUTES, asserted, defines_term
from pipeline.extract.claims import (
    Draft,
    coordinated_share,
    draft_counts,
    draft_dates,
    hedge_scope,
    main_model,
    named_in,
    oblique,
    release_of_referent,
    respectively,
    shared_by_as,
    tokens_between,
)
from pipeline.extract.claims import subjects as sentence_subjects
from pipeline.extract.dates import (
    MONTH_NAMES,
    ParsedDate,
    absolute_date,
    anaphoric_date,
    dateline,
    dateline_day,
    month_in_year,
    parse_date,
)
from pipeline.extract.facets import (
    draft_architectures,
    draft_developers,
    draft_licences,
    draft_modalities,
)
from pipeline.extract.hits import Hit, Sentence, sentences
from pipeline.extract.names import (
    with_defined_terms,
    with_footnote_marks,
    with_introduced_names,
)
from pipeline.extract.nlp import build_nlp, unwrap, word_count
from pipeline.extract.numbers import moe_details, parse_count_text, parse_moe_shape
from pipeline.extract.shortnames import (
    ShortNames,
    with_former_and_latter,
    with_org_references,
    with_short_names,
)
from pipeline.extract.subjects import Sizes, family_hit, with_subjects
from pipeline.extract.tables import (
    delimited_blocks,
    delimited_drafts,
    flat_blocks,
    flat_drafts,
    layout,
    licence_key,
    markdown_drafts,
    prose_cells,
    table_blocks,
)
from pipeline.schema import Article, Attribute, Bound, Claim, Precision, Qualifiers

__all__ = ["Extractor", "word_count"]

DRAFTERS = (
    draft_counts,
    draft_dates,
    draft_developers,
    draft_modalities,
    draft_licences,
    draft_architectures,
)


class Extractor:
    """Holds the rule pipeline; build once per process and reuse."""

    def __init__(
        self,
        models: Sequence[tuple[str, str]],
        organisations: Sequence[tuple[str, str]] = (),
        licences: Sequence[tuple[str, str]] = (),
        sizes: Sizes | None = None,
        trained: str | None = None,
        short_names: ShortNames | None = None,
        families: Mapping[str, tuple[str, str]] | None = None,
        makers: Mapping[str, str] | None = None,
        exact_models: Sequence[tuple[str, str]] = (),
    ) -> None:
        self.nlp: Language = build_nlp(models, organisations, licences, trained, exact_models)
        self.sizes: Sizes = sizes or {}
        self.short_names: ShortNames = short_names or {}
        self.families: Mapping[str, tuple[str, str]] = families or {}
        self.makers: Mapping[str, str] = makers or {}
        self.licence_names = licence_names_of(licences)

    def extract(self, article: Article) -> list[Claim]:
        return self.extract_many([article])[0]

    def extract_many(self, articles: Sequence[Article], batch_size: int = 16) -> list[list[Claim]]:
        texts = [unwrap(a.text) for a in articles]
        docs = self.nlp.pipe(texts, batch_size=batch_size)
        return [
            list(
                claims_of(
                    article,
                    self._sentences(doc, text),
                    self.sizes,
                    self.families,
                    self.licence_names,
                )
            )
            for article, text, doc in zip(articles, texts, docs, strict=True)
        ]

    def _sentences(self, doc: Doc, text: str) -> list[Sentence]:
        """The doc's sentences, with the mentions the rules after the rulers add: members by
        short name, unregistered names introduced as models, 'the former' / 'the latter',
        'the company', footnote marks, defined terms."""
        named = with_short_names(sentences(doc, text), self.short_names, self.families, self.makers)
        named = with_defined_terms(with_footnote_marks(with_introduced_names(named)))
        return with_org_references(with_former_and_latter(named))


LICENCE_WORDS = re.compile(r"\s*\b(license|licence|terms of use|terms)\s*$", re.I)


def licence_names_of(licences: Sequence[tuple[str, str]]) -> dict[str, str]:
    """'Gemma Terms of Use' / 'Gemma license' -> {'gemma': 'gemma'}: the names a table cell
    may give a licence by (a name shared by two licences is left out)."""
    names: dict[str, set[str]] = {}
    for alias, ident in licences:
        for name in (alias, LICENCE_WORDS.sub("", alias)):
            if name.strip():
                names.setdefault(licence_key(name), set()).add(ident)
    return {name: next(iter(ids)) for name, ids in names.items() if len(ids) == 1}


def claims_of(
    article: Article,
    sents: list[Sentence],
    sizes: Sizes,
    families: Mapping[str, tuple[str, str]] | None = None,
    licence_names: Mapping[str, str] | None = None,
) -> Iterator[Claim]:
    """Every claim of an article, in text order, without duplicates."""
    main = main_model(sents)
    licence_names = licence_names or {}
    seen: set[str] = set()
    dating = Dating.of(sents, article.published)
    tables = [(block, layout(block, article.text)) for block in table_blocks(sents)]
    tabular = {id(s) for block, _ in tables for s in block}
    pairs = [
        (d_sentence(block, d), d)
        for block, table in tables
        for d in markdown_drafts(table, article.text, licence_names)
    ]
    pairs += [  # "| Mixtral 8x7B | 56B parameters, 32K context |": a cell of prose
        (cell, d)
        for _, table in tables
        for cell, model in prose_cells(table, article.text)
        for drafter in DRAFTERS
        for d in drafter(cell, model)
    ]
    for fields in delimited_blocks(sents, article.text):  # "1;GPT-4o;OpenAI;n.d.;128K;..."
        lines = [cells[0].sentence for cells in fields]
        tabular.update(id(line) for line in lines)
        pairs += [
            (d_sentence(lines, d), d) for d in delimited_drafts(fields, article.text, licence_names)
        ]
    for columns, rows in flat_blocks(sents):
        tabular.update(id(r) for r in rows)
        pairs += [
            (row, d) for row in rows for d in flat_drafts(columns, row, article.text, licence_names)
        ]
    rated = rated_quotes(article.text)
    pairs += dated_sections(sents)
    for sentence, context in with_subjects(sents, main, sizes, families):
        if any(first <= sentence.start_char < last for first, last in rated):
            continue  # '> "Llama 4 has ten trillion parameters"' + '**Rating: False**'
        if id(sentence) in tabular or sentence.text.rstrip(" *_\n\t\"'”)").endswith("?"):
            continue  # a question asserts nothing: "May it get a successor with open weights?"
        if len(OPTION_MARKS.findall(sentence.text)) >= 2:
            continue  # "(a) Apache 2.0 (b) MIT (c) the Gemma Terms of Use": choices, not facts
        drafts = [d for drafter in DRAFTERS for d in drafter(sentence, context.subject)]
        drafts = slashed(sentence, drafts, context.together)
        drafts = for_each_of(context.group, respectively(sentence, drafts, context.group), sentence)
        drafts = shared_by_as(sentence, coordinated_share(sentence, drafts))
        drafts = sizes_of_family(sentence, drafts, families or {})
        drafts = [
            d
            for d in drafts
            if asserted(sentence, d.value_hit.start)
            and release_of_referent(sentence, d)
            and not _asked(sentence, d)
            and not _weekday_then_date(sentence, d)
        ]
        drafts = _once_per_sentence(drafts)
        if defines_term(sentence):  # "**Dense model.** Every parameter takes part ..."
            drafts = [d for d in drafts if d.attribute not in FACET_ATTRIBUTES]
        pairs += [(sentence, _mark_inferred(sentence, d)) for d in drafts]
    said: set[tuple[str, str, int, int]] = set()
    for sentence, draft in sorted(pairs, key=lambda p: p[1].value_hit.start_char):
        draft = dataclasses.replace(draft, hedged=hedge_scope(sentence, draft))
        claim = _claim(article, sentence, draft, dating)
        if claim is None or claim.id in seen:
            continue
        key = (claim.model_id or "", claim.attribute.value, claim.start, claim.end)
        if claim.model_id and key in said:
            continue  # "The small one, gpt-oss-20b, is 21B": one model, named twice
        seen.add(claim.id)
        said.add(key)
        yield claim


OPTION_MARKS = re.compile(r"(?:^|\s)\([a-e]\)\s")
RATING_LINE = re.compile(
    r"^[\s*_#>]*(?:(?:our\s+)?(?:rating|verdict|ruling)\s*[:：]|(?:false|true|misleading|"
    r"mostly\s+false|mostly\s+true|partly\s+false|partly\s+true|half\s+true|unproven|"
    r"inaccurate|incorrect|correct)[.!]?[\s*_]*$)",
    re.I,
)
CLAIM_LINE = re.compile(r"^[\s*_]*(?:the\s+)?claims?\s*[:：]", re.I)


def dated_sections(sents: list[Sentence]) -> list[tuple[Sentence, Draft]]:
    """'## June 2023: the original' over 'The original phi-1 was ...': in a history told by
    dated headings, a heading's month (or day) is the release of the model its section opens
    with. A heading naming a model of its own, or a section opening without one, gives none."""
    found = []
    for i, heading in enumerate(sents[:-1]):
        if not heading.heading or heading.of("MODEL") or not _MONTH_HEADING.match(heading.text):
            continue
        dates = heading.of("DATE")
        body = sents[i + 1]
        if not dates or body.heading:
            continue
        opening = [m for m in sentence_subjects(body) if not oblique(body, m)][:1]
        if not opening:
            continue
        date = dates[0]
        found.append(
            (
                heading,
                Draft(
                    attribute="release_date",
                    value_hit=date,
                    model=opening[0],
                    end_char=date.end_char,
                    inferred=True,
                ),
            )
        )
    return found


def rated_quotes(text: str) -> list[tuple[int, int]]:
    """Character ranges of claims a fact-check quotes in order to rate them: a quoted block
    ('> "..."') or a 'Claim:' line followed by a rating ('**Rating: False**', 'Verdict:
    misleading'). The writer does not assert them; the rating's own text does."""
    ranges: list[tuple[int, int]] = []
    lines = text.split("\n")
    offsets = [0]
    for line in lines:
        offsets.append(offsets[-1] + len(line) + 1)
    i = 0
    while i < len(lines):
        quoted = lines[i].lstrip().startswith(">") or CLAIM_LINE.match(lines[i])
        if not quoted:
            i += 1
            continue
        end = i + 1
        while end < len(lines) and lines[end].lstrip().startswith(">"):
            end += 1
        after = next((j for j in range(end, min(end + 3, len(lines))) if lines[j].strip()), None)
        if after is not None and RATING_LINE.match(lines[after]):
            ranges.append((offsets[i], offsets[end]))
        i = end
    return ranges


QUESTION_END = re.compile(r"^[^.!?]*\?")
WEEKDAY_THEN_DATE = re.compile(
    r"^\s*,\s*(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}\b|\d{1,2}\s+[A-Z][a-z]{2,8})"
)


def _once_per_sentence(drafts: list[Draft]) -> list[Draft]:
    """A licence described twice in one sentence is one claim: 'It is proprietary and
    available only through its API', 'Both are closed models, available only through ...'.
    Here, after 'respectively' and groups have given each value its model: in the drafter
    every value still has the nearest model, and 'Apache 2.0, Apache 2.0 and MIT
    respectively' would lose one."""
    seen: set[tuple[str, str]] = set()
    kept = []
    for draft in drafts:
        if draft.attribute == "license" and draft.facet and draft.model is not None:
            key = (draft.model.ident or draft.model.text, draft.facet)
            if key in seen:
                continue
            seen.add(key)
        kept.append(draft)
    return kept


def _asked(sentence: Sentence, draft: Draft) -> bool:
    """A value in a question the sentence goes on to answer ('Can Gemma 3 1B read images?
    No.'): the question asserts nothing."""
    rest = sentence.text[draft.value_hit.end_char - sentence.start_char :]
    return bool(QUESTION_END.match(rest))


def _weekday_then_date(sentence: Sentence, draft: Draft) -> bool:
    """'on Saturday, April 5': the date given right after the weekday is the one meant."""
    hit = draft.value_hit
    if hit.kind != "RELDATE" or not hit.text.lower().startswith("on "):
        return False
    return bool(WEEKDAY_THEN_DATE.match(sentence.text[hit.end_char - sentence.start_char :]))


def sizes_of_family(
    sentence: Sentence, drafts: list[Draft], families: Mapping[str, tuple[str, str]]
) -> list[Draft]:
    """Several sizes said of a member the sentence does not name ('six dense ones (0.6B,
    1.7B, 4B)' under a heading, the article being mostly about one member) are the sizes of
    its family."""
    sized = [d for d in drafts if d.attribute == "parameters" and d.model is not None]
    models = {d.model.ident for d in sized if d.model is not None}
    if len(sized) < 2 or len(models) != 1:
        return drafts
    model = sized[0].model
    assert model is not None
    family = None if model in sentence.hits else family_hit(model, families)
    if family is None:
        return drafts
    return [dataclasses.replace(d, model=family) if d in sized else d for d in drafts]


def slashed(sentence: Sentence, drafts: list[Draft], together: tuple[Hit, ...]) -> list[Draft]:
    """'**Models:** gpt-oss-120b, gpt-oss-20b' then '**Total parameters:** 117B / 21B': values
    of a key-value line parted by slashes go, in order, to the models last named together
    (as many values as models)."""
    if sentence.label is None or len(together) < 2 or "/" not in sentence.tokens:
        return drafts
    if any(m.start >= (sentence.colon or sentence.start) for m in sentence.of("MODEL")):
        return drafts
    counts = [d for d in drafts if d.attribute == sentence.label]
    if len(counts) != len(together):
        return drafts
    ordered = sorted(counts, key=lambda d: d.value_hit.start)
    for left, right in itertools.pairwise(ordered):
        between = tokens_between(sentence, left.value_hit.end, right.value_hit.start)
        if [t for t in between if t.strip()] != ["/"]:
            return drafts
    given = {id(d): m for d, m in zip(ordered, together, strict=True)}
    return [dataclasses.replace(d, model=given[id(d)]) if id(d) in given else d for d in drafts]


def for_each_of(group: tuple[Hit, ...], drafts: list[Draft], sentence: Sentence) -> list[Draft]:
    """'Both models support 128K': one claim per model of the group referred to; a value
    the sentence gives a model it names itself stays that model's ('The three larger models
    read images; the 1B model is text-only')."""
    spread = {d.model.ident or d.model.text for d in drafts if d.model in group and d.model}
    if not group or len(spread) > 1:  # already spread over the group ("respectively")
        return drafts
    own = [h for h in sentence.of("MODEL") if h.start >= group[-1].end]
    # "Gemma 3 1B reads 32K, and the other three ...": a value before the group stays with
    # the model named before it
    first = [h for h in sentence.of("MODEL") if h.end <= group[0].start and h not in group]
    return [
        dataclasses.replace(d, model=m)
        for d in drafts
        for m in (
            (d.model,)
            if (d.model in own and d.model.start <= d.value_hit.start)
            or (d.model in first and d.value_hit.end <= group[0].start)
            else group
        )
    ]


def _mark_inferred(sentence: Sentence, draft: Draft) -> Draft:
    """A prose sentence that does not name the model its claim is about ('It reads 128K
    tokens'): the model was carried over from context. A key-value line under a heading
    ('**Context:** 128K') is structure, not inference."""
    model = draft.model
    named = named_in(sentence, model)
    if named or sentence.label is not None:
        return draft
    return dataclasses.replace(draft, inferred=True)


def d_sentence(block: list[Sentence], draft: Draft) -> Sentence:
    """The table row a draft's value lies in."""
    at = draft.value_hit.start_char
    return next((s for s in block if s.start_char <= at < s.end_char), block[0])


# "## 2023", "### 2024: the MoE year", "## December 2023: the second generation",
# "## 12 March 2024 — ..."
_YEAR_HEADING = re.compile(
    rf"^[#\s*]*(?:(?:\d{{1,2}}\s+)?{MONTH_NAMES}\s+(?:\d{{1,2}},?\s+)?)?((?:19|20)\d\d)\b", re.I
)
_MONTH_HEADING = re.compile(rf"^[#\s*]*(?:\d{{1,2}}\s+)?{MONTH_NAMES}\s", re.I)


def _section_years(sents: list[Sentence]) -> dict[int, int]:
    """The year a section's heading opens with ('## 2023', '### 2024: the MoE year', '##
    December 2023: the second generation'), for each sentence under it (by start): a
    timeline's 'February 24' is of that year."""
    years: dict[int, int] = {}
    year = None
    for sentence in sents:
        if sentence.heading:
            match = _YEAR_HEADING.match(sentence.text)
            year = int(match.group(1)) if match else None
        elif year is not None:
            years[sentence.start_char] = year
    return years


def _dates_named(
    sents: list[Sentence], published: dt.date | None, years: Mapping[int, int]
) -> list[tuple[int, ParsedDate]]:
    """The dates the article names, in text order: what 'that July' and 'the same month'
    refer back to. A month without a year is of its section's year, else of the year named
    last ('in November', after 'in July 2023'); 'last July' is of the publication's. Empty
    when nothing refers back."""
    hits = [(s, h) for s in sents for h in s.of("DATE", "RELDATE")]
    if not any(h.ident == "date-anaphoric" for _, h in hits):
        return []
    anchors: list[tuple[int, ParsedDate]] = []
    for sentence, hit in hits:
        if hit.ident == "date-anaphoric":
            continue
        year = years.get(sentence.start_char)
        if hit.kind == "RELDATE" or hit.text.lower().startswith(("last ", "this ", "next ")):
            parsed = parse_date(hit.text, relative=True, published=published)
        elif year is not None:
            parsed = absolute_date(hit.text) or month_in_year(hit.text, year)
        else:
            parsed = absolute_date(hit.text) or _in_year_named(hit.text, anchors)
        if parsed is not None and parsed.value is not None:
            anchors.append((hit.start_char, parsed))
    return anchors


def _in_year_named(text: str, anchors: list[tuple[int, ParsedDate]]) -> ParsedDate | None:
    last = anchors[-1][1].value if anchors else None
    return month_in_year(text, last.year) if last is not None else None


@dataclasses.dataclass(frozen=True)
class Dating:
    """What an article's date spans are read against: its publication date, the year each
    section's heading opens with (by sentence start), and the dates it names in text order
    (what 'that July' refers back to)."""

    published: dt.date | None
    years: Mapping[int, int]
    anchors: Sequence[tuple[int, ParsedDate]]
    dateline: tuple[int, int] | None = None  # the opening dateline's characters

    @classmethod
    def of(cls, sents: list[Sentence], published: dt.date | None) -> Dating:
        years = _section_years(sents)
        opening = next((s for s in sents if not s.heading), None)
        end = dateline(opening.text, published) if opening is not None else None
        span = (opening.start_char, opening.start_char + end) if opening and end else None
        return cls(published, years, _dates_named(sents, published, years), span)

    def in_dateline(self, draft: Draft) -> bool:
        at = draft.value_hit.start_char
        return self.dateline is not None and self.dateline[0] <= at < self.dateline[1]

    def read(self, sentence: Sentence, draft: Draft) -> ParsedDate | None:
        hit = draft.value_hit
        if hit.ident == "date-anaphoric":  # "that July": of the date named before it
            before = [parsed for at, parsed in self.anchors if at < hit.start_char]
            return anaphoric_date(hit.text, before[-1] if before else None)
        if self.dateline and self.published is not None and hit.kind == "RELDATE":
            day = dateline_day(hit.text, self.published)  # "SAN FRANCISCO (Aug 5) - ... on
            if day is not None:  # Tuesday released": the dateline's Tuesday
                return day
        year = self.years.get(sentence.start_char)
        if hit.kind == "DATE" and year is not None and absolute_date(hit.text) is None:
            # under '## 2023', 'February 24' is of 2023, not of the publication's year
            found = month_in_year(hit.text, year)
            if found is not None:
                return found
        return parse_date(
            hit.text,
            relative=hit.kind == "RELDATE",
            published=self.published,
            ahead=draft.hedged,  # "is likely to arrive in April": the April to come
        )


def _claim(article: Article, sentence: Sentence, draft: Draft, dating: Dating) -> Claim | None:
    if dating.in_dateline(draft):
        return None  # "SAN FRANCISCO (Aug 5) -": when the story was filed
    value, precision, relative = _normalise(sentence, draft, dating)
    if value is None and not relative:
        return None
    mention = draft.model.text if draft.model else None
    if mention is None:
        return None
    start, end = draft.value_hit.start_char, draft.end_char
    if start < 0:  # a synthetic hit (key-value answer): the span after the colon
        start, end = _answer_span(article, sentence)
    model_id = draft.model.ident if draft.model else None
    return Claim(
        id=Claim.make_id(article.id, draft.attribute, start, end, _id_mention(draft, mention)),
        article_id=article.id,
        model=mention,
        model_id=model_id or None,
        attribute=Attribute(draft.attribute),
        value=value,
        precision=precision,
        text=article.text[start:end],
        start=start,
        end=end,
        sentence=article.text[sentence.start_char : sentence.end_char].strip(),
        qualifiers=Qualifiers(
            bound=Bound(draft.bound) if draft.bound else None,
            hedged=draft.hedged,
            negated=draft.negated,
            relative_date=relative,
            scope=draft.scope,
            range=draft.range,
            inferred=draft.inferred,
        ),
    )


def _id_mention(draft: Draft, mention: str) -> str:
    """One phrase may stand for several members ('the three larger sizes'): their claims
    differ by model."""
    model = draft.model
    return f"{mention}|{model.ident}" if model is not None and model.synthetic else mention


def _answer_span(article: Article, sentence: Sentence) -> tuple[int, int]:
    text = sentence.text
    colon = text.find(":")
    start = sentence.start_char + colon + 1
    while start < sentence.end_char and article.text[start] in " *_\t":
        start += 1
    end = sentence.start_char + len(text.rstrip())
    return start, max(end, start)


def _normalise(
    sentence: Sentence, draft: Draft, dating: Dating
) -> tuple[Any, Precision | None, bool]:
    attribute = draft.attribute
    hit = draft.value_hit
    if draft.value is not None:
        return draft.value, None, False
    if attribute in ("release_date", "knowledge_cutoff"):
        parsed = dating.read(sentence, draft)
        if parsed is None:
            return None, None, False
        iso = parsed.value.isoformat() if parsed.value else None
        if iso and parsed.precision is not Precision.day:
            iso = iso[:7] if parsed.precision is Precision.month else iso[:4]
        return iso, parsed.precision, parsed.relative
    if attribute == "architecture":
        return _architecture(sentence, draft), None, False
    if draft.facet is not None:
        return draft.facet, None, False
    return parse_count_text(hit.text), None, False


def _architecture(sentence: Sentence, draft: Draft) -> dict[str, Any]:
    """{type} plus, for a mixture of experts, the expert counts the sentence gives."""
    value: dict[str, Any] = {"type": draft.facet}
    if draft.facet != "moe":
        return value
    # from the value on, or from the model named before it: "the larger model routes each
    # token to four of its 128 experts" (not from another model's numbers earlier on)
    named = [
        m.end_char for m in sentence.of("MODEL") if 0 <= m.end_char <= draft.value_hit.start_char
    ]
    start = named[-1] if named else draft.value_hit.start_char
    value.update(moe_details(sentence.text[max(start - sentence.start_char, 0) :]))
    names = sentence.of("MODEL")
    for hit in sentence.of("MOESHAPE"):
        if any(m.start <= hit.start and hit.end <= m.end for m in names):
            continue  # "Mixtral 8x7B": the name is no claim about its experts
        shape = parse_moe_shape(hit.text)
        if shape:
            value.setdefault("experts", shape["experts"])
    return value
