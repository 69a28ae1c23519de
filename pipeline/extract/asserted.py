"""Which parts of a sentence the writer does not assert: a value quoted to be retracted ("Last
week we wrote that Phi-4 has a 32K window"), a myth set up to be knocked down ("Myth: ..."),
a supposition ("If Behemoth ships as an open-weight model, ...", "Imagine if Anthropic
announced ..."), and a term being defined ("**Dense model.** Every parameter takes part").

docs/gold.md settles that such values are no claims, like any value the article denies. The
scopes are token ranges of the sentence; a value inside one yields no claim. Nothing here
drops a hedge: "is expected to have 128K" is still a (hedged) claim.
"""

from __future__ import annotations

from pipeline.extract.hits import Sentence

WRITERS = frozenset({"we", "i"})
# "we wrote", "I had said", "we previously reported": the writer's own earlier statement
SAID = frozenset(
    {"wrote", "written", "said", "stated", "reported", "claimed", "listed", "misstated"}
)  # fmt: skip
BETWEEN_WRITER_AND_VERB = frozenset(
    {"had", "have", "also", "previously", "originally", "mistakenly", "wrongly", "earlier",
     "incorrectly", "erroneously", "once", "then"}
)  # fmt: skip
EARLIER = frozenset({"earlier", "previous", "original", "prior"})
VERSION = frozenset({"version", "edition", "draft", "story", "article", "post", "issue"})
MISTAKE_ADVERBS = frozenset({"incorrectly", "wrongly", "mistakenly", "erroneously"})
SUPPOSE = frozenset({"imagine", "suppose", "supposing", "hypothetically", "pretend"})
# a clause that ends a retraction: "; in fact", ", but", ", not"
ENDS = frozenset({";", "but", "however", "actually", "—", "–"})
GATE = frozenset({"if", "myth", "version", "until", "soon"})
# "until its weights are public", "as soon as weights are public": a condition still to be met
AWAITED_OPENERS = frozenset({"its", "their", "the", "it", "they", "weights", "meta", "we"})
NOT_CONDITIONS = frozenset({"even", "as", "only"})  # "even if", "as if" (assert the rest)


def unasserted(sentence: Sentence) -> tuple[tuple[int, int], ...]:
    """Token ranges (absolute offsets, end exclusive) of the sentence the writer does not
    assert. Cached on the sentence: the claims of one sentence ask for it several times."""
    cached = sentence.extras.get("unasserted")
    if cached is None:
        cached = sentence.extras["unasserted"] = tuple(_scopes(sentence))
    return cached


def asserted(sentence: Sentence, start: int) -> bool:
    """Is the token at ``start`` (absolute offset) outside every unasserted scope?"""
    return not any(first <= start < last for first, last in unasserted(sentence))


def _scopes(sentence: Sentence) -> list[tuple[int, int]]:
    words = [t.lower() for t in sentence.tokens]
    if not any(w in GATE or w in WRITERS or w in SUPPOSE or w in MISTAKE_ADVERBS for w in words):
        return []
    base, n = sentence.start, len(words)
    content = [i for i, w in enumerate(words) if w.strip() and w not in {"*", "**", "#", "-", ">"}]
    scopes = []
    if content and words[content[0]] == "myth":  # "**Myth: Meta has released Behemoth.**"
        scopes.append((base, base + n))
    models = {h.start - base for h in sentence.of("MODEL")}
    for i, word in enumerate(words):
        if _retracts(words, i, models) or (word in MISTAKE_ADVERBS and _said_next(words, i)):
            scopes.append((base + i, base + _clause_end(words, i + 1)))
        elif word in SUPPOSE:
            scopes.append((base + i, base + n))
        elif word == "if" and (i == 0 or words[i - 1] not in NOT_CONDITIONS):
            scopes.append(_condition(words, i, base, content))
        elif _awaited(words, i):
            scopes.append((base + i, base + _clause_end(words, i + 1)))
    return scopes


def _retracts(words: list[str], i: int, models: set[int]) -> bool:
    """'we wrote that', 'I had said Mixtral 8x22B has', 'an earlier version of this story
    said'; not 'as we reported' nor 'when we wrote our first memo'."""
    if words[i] in WRITERS:
        j = i + 1
        while j < len(words) and (words[j] in BETWEEN_WRITER_AND_VERB or not words[j].strip()):
            j += 1
        if j + 1 >= len(words) or words[j] not in SAID or (i and words[i - 1] in {"as", "when"}):
            return False
        return words[j + 1] == "that" or j + 1 in models
    # "An earlier version of this article said ..."
    return words[i] == "version" and i >= 1 and words[i - 1] in EARLIER


def _said_next(words: list[str], i: int) -> bool:
    """'was incorrectly reported', 'wrongly stated'."""
    rest = [w for w in words[i + 1 : i + 3] if w.strip()]
    return bool(rest) and rest[0] in SAID


def _clause_end(words: list[str], start: int) -> int:
    for j in range(start, len(words)):
        if words[j] in ENDS or (words[j] == "," and j + 1 < len(words) and words[j + 1] == "not"):
            return j
    return len(words)


def _awaited(words: list[str], i: int) -> bool:
    """'until its weights are public', 'as soon as weights are public' (not 'until March')."""
    after = next((w for w in words[i + 1 :] if w.strip()), "")
    if words[i] == "until":
        return after in AWAITED_OPENERS
    return words[i] == "soon" and words[i - 1 : i] == ["as"] and after == "as"


def _condition(words: list[str], i: int, base: int, content: list[int]) -> tuple[int, int]:
    """An 'if' clause runs to its comma ('If you need images, ...'); a sentence opening with
    one whose main clause says what 'would' happen supposes it all ('If true, that would be
    the first open-weights model since GPT-2'). Without a comma its end is unknown, and
    nothing is supposed ('if you need image input you have to go up to Llama 3.2 11B Vision').
    """
    end = next((j for j in range(i + 1, len(words)) if _clause_ends(words, i, j)), None)
    if end is None:  # where the clause ends is unknown: suppose nothing
        return (base + i, base + i)
    opens = bool(content) and content[0] == i
    if opens and words[end] == "," and any(w in HYPOTHETICAL for w in words[end:]):
        return (base + i, base + len(words))
    return (base + i, base + end)


HYPOTHETICAL = frozenset({"would", "could", "might"})
SUBJECTS = frozenset({"you", "we", "they", "i", "he", "she", "it", "then"})


def _clause_ends(words: list[str], start: int, j: int) -> bool:
    """At a comma, or where the main clause's subject opens without one ('if you need image
    input you have to go up to ...'); the condition's own subject comes right after 'if'."""
    return words[j] in {",", ";", ":"} or (j > start + 2 and words[j] in SUBJECTS)


FACET_ATTRIBUTES = frozenset({"license", "architecture", "modality"})


def defines_term(sentence: Sentence) -> bool:
    """A glossary entry: the sentence opens with a bold term that is itself a licence,
    architecture or modality phrase ('**Mixture of experts (MoE).** The network is split
    ...', '**Non-commercial licence.** Weights you may study but not build on') and names no
    model. What it says is what the term means, not a fact about any model."""
    tokens = sentence.tokens
    first = next((i for i, t in enumerate(tokens) if t.strip()), None)
    if first is None or tokens[first] not in {"*", "**"} or sentence.of("MODEL"):
        return False
    close = next(
        (i for i in range(first + 2, min(len(tokens), first + 12)) if tokens[i] in {"*", "**"}),
        None,
    )
    if close is None or tokens[close - 1] not in {".", ":"}:
        return False
    end = sentence.start + close
    return any(h.kind == "FACET" and h.start < end for h in sentence.hits)
