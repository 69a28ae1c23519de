"""Tables -> drafts: Markdown tables (models in rows or in columns) and spec sheets whose
table was flattened into lines of text ("Gemma 2 9B 9B 8K 8T Jun 2024 Gemma").

A column (or row) label names the attribute, as key-value labels do (patterns/labels.yaml);
each cell's hits give the value, and the model is the row's (or column's) model cell.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from pipeline.extract.claims import Draft, _bound_before, _hedged
from pipeline.extract.hits import Hit, Sentence, label_of, token_offsets
from pipeline.extract.numbers import moe_details

SEPARATOR = re.compile(r"^\s*\|?\s*:?-{2,}")
EMPTY = re.compile(r"^\W*$|not disclosed|n/?a|unknown|undisclosed", re.I)
MODALITY_WORDS = {
    "text": "text",
    "image": "image",
    "images": "image",
    "audio": "audio",
    "video": "video",
    "speech": "audio",
    "vision": "image",
}
_WORD = r"(?:text|image|images|audio|video|speech)"
_MODALITY_RUN = re.compile(rf"\s*({_WORD}(?:\s*(?:,|\+|and)\s*{_WORD})*)", re.I)
COUNT_ATTRIBUTES = ("parameters", "active_parameters", "context_length", "training_tokens")
LicenceNames = Mapping[str, str]  # a licence's name without "License" ("gemma") -> licence id
EMPTY_NAMES: LicenceNames = {}


@dataclass(frozen=True)
class Cell:
    sentence: Sentence
    start: int  # char offsets in the article
    end: int

    def hits(self, *kinds: str) -> list[Hit]:
        return [
            h
            for h in self.sentence.of(*kinds)
            if h.start_char >= self.start and h.end_char <= self.end
        ]

    def text(self, article_text: str) -> str:
        return article_text[self.start : self.end].strip(" *_\t")


def markdown_cells(sentence: Sentence) -> list[Cell]:
    """The cells of one Markdown table row, by the '|' positions in its text."""
    text = sentence.text.rstrip()
    pipes = [m.start() for m in re.finditer(r"\|", text)]
    bounds = list(itertools.pairwise(pipes))
    if not text.lstrip().startswith("|") and pipes:
        bounds.insert(0, (-1, pipes[0]))
    base = sentence.start_char
    return [Cell(sentence, base + a + 1, base + b) for a, b in bounds]


def is_table_row(sentence: Sentence) -> bool:
    return sentence.text.lstrip().startswith("|") and sentence.text.count("|") >= 2


def table_blocks(sents: list[Sentence]) -> Iterator[list[Sentence]]:
    """Runs of consecutive Markdown table rows (header, separator, body)."""
    block: list[Sentence] = []
    for sentence in sents:
        if is_table_row(sentence):
            block.append(sentence)
            continue
        if len(block) >= 3:
            yield block
        block = []
    if len(block) >= 3:
        yield block


@dataclass(frozen=True)
class Layout:
    """How a Markdown table is read: its header cells and their labels, the body rows' cells,
    and where its models are (across the top, in one column, or one model in an infobox)."""

    columns: list[Cell]
    labels: list[str | None]
    rows: list[list[Cell]]
    across: list[Hit | None]  # models heading the columns after the first, if any names one
    infobox: Hit | None  # '| Gemma 3 | |' over label rows
    at: int  # the column naming each row's model


def layout(block: list[Sentence], text: str) -> Layout:
    header, *body = block
    rows = [markdown_cells(r) for r in body if not SEPARATOR.match(r.text)]
    columns = markdown_cells(header)
    across = [_model_of(c, text) for c in columns[1:]]
    if not any(m is not None and m.ident for m in across):
        across = []
    labels = [label_of(c.text(text)) for c in columns]
    infobox = None if across else _infobox_subject(columns, rows, text)
    return Layout(columns, labels, rows, across, infobox, _model_column(labels, rows))


DASH_LEGEND = re.compile(
    r"\b(?:an?\s+)?(?:dash|hyphen|[—–])\s+(?:under|in)\s+(?:the\s+)?[\"“*_]*([\w ]{2,30}?)"
    r"[\"”*_]*\s+(?:column\s+)?(?:means|marks|indicates|denotes|stands\s+for)\s+(?:an?\s+)?"
    r"dense\b",
    re.I,
)
DASH = re.compile(r"^\s*[—–-]{1,2}\s*$")


def dense_dash_column(text: str) -> str | None:
    """'A dash under Active means a dense model': the column whose dashes say 'dense'."""
    match = DASH_LEGEND.search(text)
    return match.group(1).strip().lower() if match else None


def _dense_dashes(table: Layout, text: str) -> Iterator[Draft]:
    column = dense_dash_column(text)
    if column is None:
        return
    at = next(
        (i for i, c in enumerate(table.columns) if c.text(text).strip(" *_").lower() == column),
        None,
    )
    if at is None:
        return
    for cells, model in _row_models(table, text):
        if len(cells) > at and DASH.match(cells[at].text(text)):
            cell = cells[at]
            hit = Hit("CELL", "architecture", -1, -1, cell.start, cell.end, cell.text(text))
            yield Draft(
                attribute="architecture",
                value_hit=hit,
                model=model,
                end_char=cell.end,
                value={"type": "dense"},
            )


def markdown_drafts(
    table: Layout, text: str, licences: LicenceNames = EMPTY_NAMES
) -> Iterator[Draft]:
    yield from _dense_dashes(table, text)
    if table.across:  # models across the top
        for cells in table.rows:
            attribute = label_of(cells[0].text(text)) if cells else None
            for model, cell in zip(table.across, cells[1:], strict=False):
                if model is not None:
                    yield from cell_drafts(attribute, [cell], model, text, licences)
        return
    if table.infobox is not None:
        yield from _infobox_drafts(table.rows, table.infobox, text, licences)
        return
    for cells, model in _row_models(table, text):
        yield from _row_drafts(table.labels, table.columns, cells, model, text, licences)


def _row_models(table: Layout, text: str) -> Iterator[tuple[list[Cell], Hit]]:
    for cells in table.rows:
        model = _model_of(cells[table.at], text) if len(cells) > table.at else None
        if model is not None:
            yield cells, model


def prose_cells(table: Layout, text: str) -> Iterator[tuple[Sentence, Hit]]:
    """Cells of free text under a column with no attribute label ('| Notes |' holding '56B
    parameters, 32K context'), each as a sentence of its own with the row's model."""
    if table.across or table.infobox is not None:
        return
    for cells, model in _row_models(table, text):
        for i, (label, cell) in enumerate(zip(table.labels, cells, strict=False)):
            prose = i != table.at and label is None and len(cell.text(text).split()) >= 2
            maker = i == table.at and bool(cell.hits("ORG"))  # "| Llama 3 70B (Meta) |"
            part = cell_sentence(cell) if prose or maker else None
            if part is not None and (maker or not part.of("MODEL")):
                yield part, model


def cell_sentence(cell: Cell) -> Sentence | None:
    """The part of a table row inside one cell, as a sentence."""
    row = cell.sentence
    offsets = token_offsets(row)
    inside = [i for i, o in enumerate(offsets) if cell.start <= row.start_char + o < cell.end]
    inside = [i for i in inside if row.tokens[i].strip()]
    if not inside:
        return None
    first, last = inside[0], inside[-1] + 1
    begin = row.start_char + offsets[first]
    finish = row.start_char + offsets[last - 1] + len(row.tokens[last - 1])
    start, end = row.start + first, row.start + last
    return Sentence(
        start=start,
        end=end,
        start_char=begin,
        end_char=finish,
        text=row.text[begin - row.start_char : finish - row.start_char],
        tokens=row.tokens[first:last],
        hits=tuple(h for h in row.hits if start <= h.start and h.end <= end),
    )


def _infobox_subject(columns: list[Cell], rows: list[list[Cell]], text: str) -> Hit | None:
    """'| Gemma 3 | |' over '| Developer | Google DeepMind |' rows: an infobox, a table of one
    model's facts with the labels down its first column."""
    if len(columns) != 2 or columns[1].text(text) or not rows:
        return None
    named = columns[0].hits("MODEL")
    labelled = sum(1 for cells in rows if cells and label_of(cells[0].text(text)))
    return named[0] if named and labelled * 2 >= len(rows) else None


def _infobox_drafts(
    rows: list[list[Cell]], model: Hit, text: str, licences: LicenceNames
) -> Iterator[Draft]:
    for cells in rows:
        if len(cells) < 2:
            continue
        label = label_of(cells[0].text(text))
        if label == "modality":
            yield from _modality_draft([(cells[0].text(text).lower(), cells[1])], model, text)
        elif label in COUNT_ATTRIBUTES:  # "| Sizes | 1B, 4B, 12B, 27B |": one claim each
            for count in cells[1].hits("COUNT"):
                part = Cell(cells[1].sentence, count.start_char, count.end_char)
                yield from cell_drafts(label, [part], model, text, licences)
        else:
            yield from cell_drafts(label, [cells[1]], model, text, licences)


def _model_column(labels: list[str | None], rows: list[list[Cell]]) -> int:
    """Which column names the row's model: the one headed 'Model' ('| Rank | Model | Org |',
    '| Plan | Model | Context |'), else the first whose cells name registered models, else
    the first."""
    if "subject" in labels:
        return labels.index("subject")
    width = max((len(cells) for cells in rows), default=0)
    for at in range(width):
        named = sum(1 for cells in rows if len(cells) > at and cells[at].hits("MODEL"))
        if named and named * 2 >= len(rows):
            return at
    return 0


def _row_drafts(
    labels: list[str | None],
    columns: list[Cell],
    cells: list[Cell],
    model: Hit,
    text: str,
    licences: LicenceNames = EMPTY_NAMES,
) -> Iterator[Draft]:
    modality_cells = []
    for label, column, cell in zip(labels, columns, cells, strict=False):
        if label == "modality":
            modality_cells.append((column.text(text).lower(), cell))
        elif label not in (None, "subject"):
            yield from cell_drafts(label, [cell], model, text, licences)
    if modality_cells:
        yield from _modality_draft(modality_cells, model, text)


def _model_of(cell: Cell, text: str) -> Hit | None:
    """The model a cell names; an unregistered name becomes a mention without an id."""
    models = cell.hits("MODEL")
    if models:
        return models[0]
    name = cell.text(text)
    if not name or EMPTY.match(name) or label_of(name):
        return None
    return Hit("MODEL", "", -1, -1, cell.start, cell.end, name, synthetic=True)


def cell_drafts(
    attribute: str | None,
    cells: list[Cell],
    model: Hit,
    text: str,
    licences: LicenceNames = EMPTY_NAMES,
) -> Iterator[Draft]:
    """Drafts for one attribute from the cells holding its value."""
    if attribute is None or attribute == "subject":
        return
    for cell in cells:
        if EMPTY.match(cell.text(text)):
            continue
        draft = _cell_draft(attribute, cell, model, text, licences)
        if draft is not None:
            yield draft


def _cell_draft(
    attribute: str, cell: Cell, model: Hit, text: str, licences: LicenceNames = EMPTY_NAMES
) -> Draft | None:
    sentence = cell.sentence
    hedged = _hedged(sentence)
    if attribute == "architecture":
        return _architecture_draft(cell, attribute, model, text)
    hit = _value_hit(attribute, cell) or _licence_by_name(attribute, cell, text, licences)
    if hit is None:
        return None
    bound = _bound_before(sentence, hit) if hit.kind == "COUNT" else None
    facet = None
    if hit.kind in ("FACET", "LICENCE", "ORG"):
        facet = hit.ident.split(":", 1)[1] if hit.kind == "FACET" else hit.ident
    return Draft(
        attribute=attribute,
        value_hit=hit,
        model=model,
        end_char=hit.end_char,
        bound=bound,
        hedged=hedged,
        facet=facet,
    )


def _value_hit(attribute: str, cell: Cell) -> Hit | None:
    if attribute in COUNT_ATTRIBUTES:
        found = cell.hits("COUNT")
    elif attribute in ("release_date", "knowledge_cutoff"):
        found = cell.hits("DATE", "RELDATE")
    else:
        return _facet_hit(attribute, cell)
    return found[0] if found else None


def _licence_by_name(attribute: str, cell: Cell, text: str, licences: LicenceNames) -> Hit | None:
    """A licence cell naming the licence without the word 'License' ('Gemma', 'Llama 3.1
    Community', 'Qwen'): a synthetic LICENCE hit over the cell."""
    if attribute != "license" or not licences:
        return None
    words = cell.text(text).strip(" *_|\t\n.")
    key = licence_key(words)
    ident = licences.get(key) or licences.get(licence_key(words + " license"))
    if ident is None:
        return None
    start = text.find(words, cell.start, cell.end)
    start = cell.start if start < 0 else start
    return Hit("LICENCE", ident, -1, -1, start, start + len(words), words, synthetic=True)


def licence_key(name: str) -> str:
    return re.sub(r"\s+", " ", name.replace("licence", "license").lower()).strip()


def _facet_hit(attribute: str, cell: Cell) -> Hit | None:
    if attribute == "developer":
        orgs = cell.hits("ORG")
        return orgs[0] if orgs else None
    if attribute == "license":
        named = cell.hits("LICENCE")
        described = [
            h
            for h in cell.hits("FACET")
            if h.ident.startswith("license:") and not h.ident.endswith("-denied")
        ]
        found = named or described
        return found[0] if found else None
    return None


def _architecture_draft(cell: Cell, attribute: str, model: Hit, text: str) -> Draft | None:
    words = cell.text(text)
    lowered = words.lower()
    value: dict[str, Any] = {}
    if "moe" in lowered or "mixture" in lowered:
        value["type"] = "moe"
    elif "dense" in lowered:
        value["type"] = "dense"
    details = moe_details(words)
    if bare := re.fullmatch(r"(\d+)", lowered):
        details.setdefault("experts", int(bare.group(1)))
    if details.get("experts"):
        value.update(type="moe", **details)
    elif "experts_per_token" in details:
        value["experts_per_token"] = details["experts_per_token"]
    if not value:
        return None
    hit = Hit("CELL", "architecture", -1, -1, cell.start, cell.end, words)
    return Draft(
        attribute=attribute,
        value_hit=hit,
        model=model,
        end_char=cell.end,
        hedged=_hedged(cell.sentence),
        value=value,
    )


def _modality_draft(cells: list[tuple[str, Cell]], model: Hit, text: str) -> Iterator[Draft]:
    """Input and output columns together make one modality claim."""
    inputs: set[str] = set()
    outputs: set[str] = set()
    for label, cell in cells:
        found = {
            MODALITY_WORDS[w]
            for w in re.findall(r"[a-z]+", cell.text(text).lower())
            if w in MODALITY_WORDS
        }
        (outputs if "output" in label else inputs).update(found)
    if not inputs and not outputs:
        return
    assertions = [f"input:{m}" for m in sorted(inputs - {"text"})]
    assertions += [f"output:{m}" for m in sorted(outputs - {"text"})]
    first, last = cells[0][1], cells[-1][1]
    hit = Hit("CELL", "modality", -1, -1, first.start, last.end, text[first.start : last.end])
    yield Draft(
        attribute="modality",
        value_hit=hit,
        model=model,
        end_char=last.end,
        value=assertions or ["text-only"],
    )


DELIMITERS = (";", "\t")


def delimited_blocks(sents: list[Sentence], text: str) -> Iterator[list[list[Cell]]]:
    """Tables exported as delimited lines ('row;model;developer;params_total;...' over
    '1;GPT-4o;OpenAI;n.d.;...'): a header line whose fields include a model column and
    attribute labels, then the lines with as many fields. Yields the rows' cells, header
    first."""
    i = 0
    while i < len(sents):
        header = sents[i]
        delimiter = next((d for d in DELIMITERS if header.text.count(d) >= 2), None)
        columns = delimited_cells(header, delimiter) if delimiter else []
        labels = [label_of(c.text(text)) for c in columns]
        if "subject" not in labels or sum(1 for x in labels if x) < 3:
            i += 1
            continue
        rows = [columns]
        j = i + 1
        while j < len(sents):
            cells = delimited_cells(sents[j], delimiter) if delimiter else []
            if len(cells) != len(columns):
                break
            rows.append(cells)
            j += 1
        if len(rows) > 1:
            yield rows
        i = max(j, i + 1)


def delimited_cells(sentence: Sentence, delimiter: str | None) -> list[Cell]:
    """The fields of one delimited line, a delimiter inside double quotes not counting."""
    line = sentence.text.rstrip("\n")
    if delimiter is None or delimiter not in line:
        return []
    cuts, quoted = [-1], False
    for at, char in enumerate(line):
        if char == '"':
            quoted = not quoted
        elif char == delimiter and not quoted:
            cuts.append(at)
    cuts.append(len(line))
    base = sentence.start_char
    return [Cell(sentence, base + a + 1, base + b) for a, b in itertools.pairwise(cuts)]


def delimited_drafts(
    rows: list[list[Cell]], text: str, licences: LicenceNames = EMPTY_NAMES
) -> Iterator[Draft]:
    columns, *body = rows
    labels = [label_of(c.text(text)) for c in columns]
    at = labels.index("subject")
    for cells in body:
        model = _model_of(cells[at], text)
        if model is not None:
            yield from _row_drafts(labels, columns, cells, model, text, licences)


def flat_header(sentence: Sentence) -> list[str] | None:
    """'Model Parameters Context Training tokens Released Licence' -> its column labels."""
    words = sentence.text.split()
    if not words or label_of(words[0]) != "subject" or sentence.of("MODEL", "COUNT", "DATE"):
        return None
    columns: list[str] = []
    i = 1
    while i < len(words):
        for width in (3, 2, 1):
            label = " ".join(words[i : i + width])
            if len(label.split()) == width and label_of(label) not in (None, "subject"):
                columns.append(label.lower())
                i += width
                break
        else:
            return None
    return columns if len(columns) >= 2 else None


def flat_blocks(sents: list[Sentence]) -> Iterator[tuple[list[str], list[Sentence]]]:
    """A flattened header line and the rows after it that start with a model name."""
    for i, sentence in enumerate(sents):
        columns = flat_header(sentence)
        if columns is None:
            continue
        rows = []
        for row in sents[i + 1 :]:
            models = row.of("MODEL")
            if not models or models[0].start != row.start:
                break
            rows.append(row)
        if rows:
            yield columns, rows


def flat_drafts(
    columns: list[str], row: Sentence, text: str, licences: LicenceNames = EMPTY_NAMES
) -> Iterator[Draft]:
    """Values in a flattened row are taken in column order, each from the next fitting hit."""
    model = row.of("MODEL")[0]
    cursor = model.end_char
    modality: list[tuple[str, Cell]] = []
    for label in columns:
        attribute = label_of(label)
        if attribute == "modality":
            cell = _modality_words(row, cursor, text)
            if cell is not None:
                modality.append((label, cell))
                cursor = cell.end
            continue
        hit = _next_fitting(attribute, row, cursor)
        if hit is None and attribute == "license" and licences:
            rest = Cell(row, cursor, row.end_char)  # "... Feb 2024 Gemma": the licence's name
            draft = _cell_draft("license", rest, model, text, licences)
            if draft is not None:
                yield draft
            continue
        if hit is None:
            continue
        cursor = hit.end_char
        draft = _cell_draft(str(attribute), Cell(row, hit.start_char, hit.end_char), model, text)
        if draft is not None:
            yield draft
    if modality:
        yield from _modality_draft(modality, model, text)


def _next_fitting(attribute: str | None, row: Sentence, cursor: int) -> Hit | None:
    kinds = {
        "release_date": ("DATE",), "knowledge_cutoff": ("DATE",), "developer": ("ORG",),
        "license": ("LICENCE", "FACET"), "architecture": ("FACET",),
    }.get(str(attribute), ("COUNT",))  # fmt: skip
    after = [h for h in row.of(*kinds) if h.start_char >= cursor]
    return after[0] if after else None


def _modality_words(row: Sentence, cursor: int, text: str) -> Cell | None:
    """The run of modality words ('Text, image') starting at the cursor."""
    match = _MODALITY_RUN.match(text, cursor, row.end_char)
    if not match:
        return None
    return Cell(row, match.start(1), match.end(1))
