"""The review in a terminal: rendering of items and the interactive one-key session.

Article text is always printed as rich ``Text`` (never parsed as markup).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from rich.console import Console
from rich.table import Table
from rich.text import Text

from pipeline.errors import ReviewError
from pipeline.review.pages import plain
from pipeline.review.queue import KEYS, ReviewItem, State, split_sentence
from pipeline.review.service import Filters, Review

HELP = "[c]onfirmed  [f]alse alarm  [r]egistry outdated  [s]kip  [n]ote  [u]ndo  [q]uit"


def queue_table(items: list[ReviewItem]) -> Table:
    table = Table(title=f"Review queue: {len(items)} item(s), worst first")
    for column in ("id", "severity", "model", "attribute", "claimed", "registry", "seen", "state"):
        table.add_column(column, overflow="fold")
    for item in items:
        lead, decision = item.lead, item.decision
        state = item.state.value + (f" ({decision['decision']})" if decision else "")
        table.add_row(
            Text(lead["id"][:10]),
            Text(f"{item.severity:.2f}"),
            Text(lead["model"]),
            Text(lead["attribute"]),
            Text(lead["text"]),
            Text(plain(lead["verdict"]["expected"])),
            Text(str(len(item.claims))),
            Text(state),
        )
    return table


def highlighted(text: str | None, record: dict[str, Any]) -> Text:
    before, claim, after = split_sentence(text, record)
    line = Text(before)
    line.append(claim, style="bold reverse")
    line.append(after)
    return line


def show_item(console: Console, review: Review, item: ReviewItem) -> None:
    """One item: the sentence with the claim marked, claimed vs registry value, evidence."""
    lead, verdict = item.lead, item.lead["verdict"]
    texts = review.article_texts(item.claims)
    title = f"{lead['model']} · {lead['attribute']} · {lead['id']} ({item.state.value})"
    console.print(Text(title, style="bold"))
    console.print(highlighted(texts.get(lead["article"]["id"]), lead))
    console.print(Text(f"claimed:  {plain(lead['value'])}  ({lead['text']})"))
    console.print(Text(f"registry: {plain(verdict['expected'])}  source: {verdict['source']}"))
    console.print(Text(f"why:      {verdict['explanation']}"))
    if verdict["hint"]:
        console.print(Text(f"hint:     {verdict['hint']}", style="cyan"))
    console.print(Text(f"seen in {len(item.claims)} place(s), first:"))
    for claim in item.claims:
        article = claim["article"]
        where = f"  {article['published'] or '----------'}  {article['path']}  [{claim['id']}]"
        console.print(Text(where))
    for row in review.history(item):
        note = f" — {row['note']}" if row["note"] else ""
        line = f"  #{row['id']} {row['decided_at']} {row['reviewer']}: {row['decision']}{note}"
        console.print(Text(line, style="dim"))


class Session:
    """Walks the open queue one item at a time; one key per decision; undo goes back."""

    def __init__(
        self,
        review: Review,
        reviewer: str,
        read_key: Callable[[], str],
        console: Console,
        filters: Filters = Filters(),  # noqa: B008
    ) -> None:
        self.review, self.reviewer, self.read_key = review, reviewer, read_key
        self.console, self.filters = console, filters
        self.batches: list[str] = []
        self.passed: set[str] = set()
        self.note: str | None = None

    def next_item(self) -> ReviewItem | None:
        f = self.filters
        for item in self.review.queue(Filters(State.open, f.model, f.attribute, f.article)):
            if item.key not in self.passed:
                return item
        return None

    def run(self, prompt_note: Callable[[], str]) -> int:
        """Review until the queue is done or the reviewer quits; return decisions made."""
        item = self.next_item()
        while item is not None:
            show_item(self.console, self.review, item)
            self.console.print(Text(HELP, style="dim"))
            key = self.read_key().lower()
            if key in ("", "q", "\x03", "\x04"):
                break
            if key == "n":
                self.note = prompt_note()
                continue
            item = self.handle(key, item)
        if item is None:
            self.console.print("Queue clear.")
        return len(self.batches)

    def handle(self, key: str, item: ReviewItem) -> ReviewItem | None:
        if key == "u":
            return self.undo(item)
        if key not in KEYS:
            self.console.print(Text(f"unknown key {key!r}", style="yellow"))
            return item
        batch, _ = self.review.decide(item.lead["id"], KEYS[key], self.reviewer, self.note)
        self.batches.append(batch)
        self.passed.add(item.key)
        self.note = None
        self.console.print(Text(f"→ {KEYS[key].value}", style="green"))
        return self.next_item()

    def undo(self, item: ReviewItem) -> ReviewItem | None:
        if not self.batches:
            self.console.print(Text("nothing to undo in this session", style="yellow"))
            return item
        try:
            claim_id = self.review.undo(self.reviewer, self.batches.pop())
        except ReviewError as exc:
            self.console.print(Text(str(exc), style="yellow"))
            return item
        back = self.review.item(claim_id)
        self.passed.discard(back.key)
        self.console.print(Text("↶ undone", style="green"))
        return back
