"""Claim roles: what a claim does for the story, so the rating weighs the claims that carry it.

Roles (docs/guidelines.md, "The article rating"):

- ``key``: carries the story: an event, a number, an accusation, what someone did or said.
- ``background``: context that needs no source (dates, geography, well-known facts, what
  the article is about). It neither raises nor lowers the rating.
- ``opinion``: the writer's own judgement or analysis, in the writer's voice.

A small linear model reads each claim (``RoleInputs``) from the Document's one tokenisation
(``Document.tokens``, hashed in its case folding), with every token inside one of the
Document's quotations set aside (those words are the source's):

- its words and word pairs in the writer's voice, hashed into ``HASH_BUCKETS`` columns;
- a fixed set of named features: counts of the word classes in ``lexicons/roles.toml``
  (first and second person, "should", stance adverbs, judging words, subjective adjectives, months), numbers and
  years, how much of it is quoted, whether and how it is attributed and hedged, a closing
  question mark, its position and length;
- the same word classes but the subjective adjectives over the whole article (per claim), its attributed and quoted
  shares, and words that name commentary: a column in the writer's voice reads as one
  even where a sentence alone would not.

It was trained on the project's hand-labelled real-world train folds (``python -m
training.roles``, measured by cross-validation over them); the artefact is plain numpy
arrays (``resources/roles/roles.npz``, loaded with ``allow_pickle=False``) checked against
its JSON manifest, so serving imports no scikit-learn.

Then one transparent rule: a claim attributed by a cue of its own to an identified source
(named, or an organisation or document) is ``key``: its content is the source's, never
the writer's opinion, and news about what a named source says carries the story.
"""
from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import chain
from pathlib import Path

import numpy as np

from .document import Document
from .resources import file_sha256, manifest_path, read_toml, resource_path
from .records import ROLES, SOURCE_TYPES, ClaimFindings, ClaimRole
from .text.tokens import SHAPE_DIGIT, HashSet, word_hashes

ROLE_MODEL_DIR = resource_path("roles")
ROLE_MODEL_FILE = ROLE_MODEL_DIR / "roles.npz"
ROLE_FEATURE_SCHEMA = 3
"""Bumped whenever the features change: a model built for other features is refused."""
IDENTIFIED_TYPES = frozenset({"organization", "document"})
"""Source types that identify the source even unnamed ("the ministry", "court records"): docs/guidelines.md."""

HASH_BUCKETS = 1 << 14
"""Columns the writer's words and word pairs are hashed into (collisions are rare and harmless)."""
_PAIR_KEY = np.uint64(0x9E3779B97F4A7C15)
_QUOTE_TOKENS = ('"', "\u201c", "\u201d")
_LEXICON = read_toml("roles.toml")
WORD_CLASSES = ("first_person", "second_person", "obligation", "stance", "evaluative", "subjective", "calendar")
"""Counted per claim and, but for ``subjective``, per article; ``commentary`` only per article."""
ARTICLE_WORD_CLASSES = tuple(name for name in WORD_CLASSES if name != "subjective")
"""A subjective adjective marks the claim that holds it; over a whole article (a feature's or a scene report's
colour) it is no sign of commentary, and a short article's share of them runs far above the train folds' range."""
_POSITIONS = 3
"""Claims 0, 1, 2 get a feature of their own; later ones share one (the lead is special)."""
_QUARTERS = 4
_LENGTH_BUCKET_TOKENS = 12
_LENGTH_BUCKETS = 4
_COUNT_CAP = 3.0
"""A word class's count in a claim stops mattering after this many."""

DENSE_FEATURES: tuple[str, ...] = (
    "bias",
    *(f"claim_{name}" for name in WORD_CLASSES),
    *(f"article_{name}" for name in (*ARTICLE_WORD_CLASSES, "commentary")),
    "article_attributed", "article_quoted",
    "number", "year", "quoted", "mostly_quoted", "opens_inside_quote", "hedged", "question", "exclamation",
    "attributed", "named", "inherited", "cue", *(f"source_type={kind}" for kind in SOURCE_TYPES),
    "previous_attributed", "next_attributed", "previous_quoted", "next_quoted",
    *(f"position={n}" for n in range(_POSITIONS + 1)),
    *(f"quarter={n}" for n in range(_QUARTERS)),
    *(f"length={n}" for n in range(_LENGTH_BUCKETS + 1)),
)
"""The named features, in the order of ``RoleInputs.dense``'s columns."""
_COLUMN = {name: column for column, name in enumerate(DENSE_FEATURES)}
_CLAIM_CLASS_COLUMNS = [_COLUMN[f"claim_{name}"] for name in WORD_CLASSES]
_ARTICLE_CLASS_COLUMNS = [_COLUMN[f"article_{name}"] for name in ARTICLE_WORD_CLASSES]
_ARTICLE_CLASS_MARKS = [WORD_CLASSES.index(name) for name in ARTICLE_WORD_CLASSES]
_CLAIM_FLAG_COLUMNS = [_COLUMN[name] for name in ("opens_inside_quote", "question", "exclamation", "hedged")]
"""The columns of ``_claim_flags``, in its order."""
_ATTRIBUTION_FLAG_COLUMNS = [_COLUMN[name] for name in ("attributed", "named", "inherited", "cue")]
_SOURCE_TYPE_COLUMN = {kind: _COLUMN[f"source_type={kind}"] for kind in SOURCE_TYPES}


class RoleModelError(ValueError):
    """The role model's files are missing, altered or built for other features."""


def _class_table() -> tuple[HashSet, np.ndarray]:
    """(a ``HashSet``, a bit per class in its order) of every word ``lexicons/roles.toml`` names and the
    quotation marks: one ``HashSet.find`` then tells every token's classes."""
    bits: dict[int, int] = {}
    for bit, name in enumerate((*_CLASSES, "quote")):
        words = _QUOTE_TOKENS if name == "quote" else _LEXICON[name]
        for value in word_hashes(words).tolist():
            bits[value] = bits.get(value, 0) | 1 << bit
    table = HashSet(np.array(sorted(bits), dtype=np.uint64))
    return table, np.array([bits[value] for value in table.hashes.tolist()], dtype=np.int64)


_CLASSES = (*WORD_CLASSES, "commentary")
_TABLE, _TABLE_BITS = _class_table()
_QUOTE_BIT = 1 << len(_CLASSES)
_WORD_CLASS_BITS = (1 << len(WORD_CLASSES)) - 1
_CLASS_MARKS = (np.arange(1 << len(WORD_CLASSES))[:, None] >> np.arange(len(WORD_CLASSES))) & 1
"""Row ``bits``: a 1 in the column of each word class ``bits`` holds, so one gather marks every token's classes."""


def _token_classes(hashes: np.ndarray) -> np.ndarray:
    """Each token's class bits (0 when it is in no class)."""
    classes = np.zeros(len(hashes), dtype=np.int64)
    found, slots = _TABLE.find(hashes)
    classes[found] = _TABLE_BITS[slots]
    return classes


@dataclass(frozen=True)
class RoleInputs:
    """What the model reads of an article's claims: ``dense`` (claims x ``DENSE_FEATURES``)
    and the hashed words as (claim, bucket) pairs, one per occurrence."""

    dense: np.ndarray
    word_claims: np.ndarray
    word_buckets: np.ndarray


def role_inputs(document: Document, claims: Sequence[ClaimFindings]) -> RoleInputs:
    """Each claim's features (see the module docstring), from the Document's tokens."""
    count = len(claims)
    words = document.tokens
    codes, starts, ends, hashes = words.codes, words.starts, words.ends, words.hashes
    claim_starts = np.fromiter((f.claim.start for f in claims), dtype=np.int64, count=count)
    claim_ends = np.fromiter((f.claim.end for f in claims), dtype=np.int64, count=count)
    first = starts.searchsorted(claim_starts)
    last = np.maximum(ends.searchsorted(claim_ends, side="right"), first)
    tokens = (last - first).astype(np.float64)
    claim_of = claim_starts.searchsorted(starts, side="right") - 1
    claim_of[(claim_of < 0) | (ends > claim_ends[claim_of])] = -1

    # tokens inside a direct quotation (the Document's quotations) are the source's words, not the writer's
    if document.quotations.outer:
        bounds = starts.searchsorted(np.array([(q.start, q.end) for q in document.quotations.outer], dtype=np.int64))
        change = np.bincount(bounds[:, 0], minlength=len(starts) + 1) - np.bincount(bounds[:, 1], minlength=len(starts) + 1)
        quoted = change[:-1].cumsum() > 0
    else:
        quoted = np.zeros(len(starts), dtype=bool)
    classes = _token_classes(hashes)
    in_claim = claim_of >= 0
    own = in_claim & ~quoted & (classes & _QUOTE_BIT == 0)

    digits = own & (words.shapes == SHAPE_DIGIT)  # a digit's shape is the same in the text and folded
    year = digits & (ends - starts == 4) & ((codes[starts] == ord("1")) | (codes[starts] == ord("2")))
    # per token: one column per word class (in the writer's voice), then quoted, own, digit, year;
    # summed over each claim's tokens from one running total
    marks = np.empty((len(starts) + 1, len(WORD_CLASSES) + 4), dtype=np.int64)
    marks[0] = 0
    marks[1:, : len(WORD_CLASSES)] = _CLASS_MARKS[(classes & _WORD_CLASS_BITS) * own]
    for column, flags in enumerate((in_claim & quoted, own, digits, year), start=len(WORD_CLASSES)):
        marks[1:, column] = flags
    marks.cumsum(axis=0, out=marks)
    sums = (marks[last] - marks[first]).astype(np.float64)
    word_counts = sums[:, : len(WORD_CLASSES)]
    quoted_tokens, own_tokens, digit_tokens, year_tokens = sums[:, len(WORD_CLASSES):].T

    dense = np.zeros((count, len(DENSE_FEATURES)))
    column = _COLUMN.__getitem__
    dense[:, column("bias")] = 1.0
    dense[:, _CLAIM_CLASS_COLUMNS] = np.minimum(word_counts, _COUNT_CAP) / _COUNT_CAP
    article_own_tokens = max(float(marks[-1, len(WORD_CLASSES) + 1]), 1.0)
    dense[:, _ARTICLE_CLASS_COLUMNS] = 100.0 * marks[-1, _ARTICLE_CLASS_MARKS] / article_own_tokens
    dense[:, column("article_commentary")] = bool((classes & 1 << _CLASSES.index("commentary")).any())
    dense[:, column("quoted")] = quoted_tokens / np.maximum(tokens, 1.0)
    dense[:, column("mostly_quoted")] = quoted_tokens > own_tokens
    dense[:, column("article_quoted")] = quoted_tokens.sum() / max(float(tokens.sum()), 1.0)
    dense[:, column("number")] = digit_tokens > 0
    dense[:, column("year")] = year_tokens > 0
    order = np.arange(count)
    dense[order, column("position=0") + np.minimum(order, _POSITIONS)] = 1.0
    dense[order, column("quarter=0") + _QUARTERS * order // count] = 1.0
    dense[order, column("length=0") + np.minimum(tokens.astype(np.int64) // _LENGTH_BUCKET_TOKENS, _LENGTH_BUCKETS)] = 1.0
    dense[:, _CLAIM_FLAG_COLUMNS] = _flag_rows(map(_claim_flags, claims), count, len(_CLAIM_FLAG_COLUMNS))
    attributed = [(index, f.attribution) for index, f in enumerate(claims) if f.attribution is not None]
    dense[:, column("article_attributed")] = len(attributed) / max(count, 1)
    if attributed:
        rows = np.array([index for index, _ in attributed])
        dense[rows, [_SOURCE_TYPE_COLUMN[a.source_type] for _, a in attributed]] = 1.0
        dense[rows[:, None], _ATTRIBUTION_FLAG_COLUMNS] = _flag_rows(
            ((True, a.named, a.inherited, a.cue is not None) for _, a in attributed), len(rows), len(_ATTRIBUTION_FLAG_COLUMNS))
    # a claim between two a source speaks is most often that source's too
    for here, there, step in (("previous", slice(1, None), slice(None, -1)), ("next", slice(None, -1), slice(1, None))):
        dense[there, column(f"{here}_attributed")] = dense[step, column("attributed")]
        dense[there, column(f"{here}_quoted")] = dense[step, column("mostly_quoted")]

    # the writer's words and adjacent pairs of them, hashed
    positions = own.nonzero()[0]
    paired = positions[:-1][(positions[1:] - positions[:-1] == 1) & (claim_of[positions[:-1]] == claim_of[positions[1:]])]
    keys = np.concatenate([hashes[positions], (hashes[paired] * _PAIR_KEY) ^ hashes[paired + 1]])
    owners = np.concatenate([claim_of[positions], claim_of[paired]])
    return RoleInputs(dense, owners, (keys % np.uint64(HASH_BUCKETS)).astype(np.int64))


def _flag_rows(rows: Iterable[tuple[bool, ...]], count: int, width: int) -> np.ndarray:
    """``count`` rows of ``width`` yes/no features as one array, read flat (``np.fromiter``): numpy converts a list
    of tuples element by element, at about twice the cost."""
    return np.fromiter(chain.from_iterable(rows), dtype=bool, count=count * width).reshape(count, width)


def _claim_flags(findings: ClaimFindings) -> tuple[bool, bool, bool, bool]:
    """A claim's yes/no features, in the order of ``_CLAIM_FLAG_COLUMNS``: set in one assignment for all claims."""
    claim = findings.claim
    text = claim.text.rstrip()
    return claim.opens_inside_quote, text.endswith("?"), "!" in text, any(h.speaker == "writer" for h in findings.hedges)


def identified_source(findings: ClaimFindings) -> bool:
    """The claim names who says so: a named source, or an organisation or document (docs/guidelines.md). An
    inherited attribution with no source span counts too: a signed roundup's excerpt, whose writer the credit line
    below it names ("Jane Roe, Vox"; coreference.credited_excerpts), is that writer's on record."""
    attribution = findings.attribution
    return attribution is not None and (attribution.source is not None or attribution.inherited) and (
        attribution.named or attribution.source_type in IDENTIFIED_TYPES
    )


class RoleModel:
    """A multinomial logistic model: weights for the named features and for the word buckets."""

    def __init__(self, classes: Sequence[str], features: Sequence[str], coef: np.ndarray, intercept: np.ndarray,
                 version: str) -> None:
        if (tuple(classes) != ROLES or tuple(features) != DENSE_FEATURES
                or coef.shape != (len(classes), len(features) + HASH_BUCKETS) or intercept.shape != (len(classes),)):
            raise RoleModelError("role model arrays do not fit its classes and features")
        self.classes = tuple(classes)
        self.dense_coef = np.ascontiguousarray(coef[:, : len(features)].T)
        self.bucket_coef = np.ascontiguousarray(coef[:, len(features):])
        self.intercept = intercept
        self.version = version

    @classmethod
    def load(cls, path: Path = ROLE_MODEL_FILE) -> "RoleModel":
        """Load the arrays, refusing a file that does not match the manifest written beside it."""
        try:
            manifest = json.loads(manifest_path(path).read_text(encoding="utf-8"))
            if manifest["sha256"] != file_sha256(path):
                raise RoleModelError(f"{path} does not match the SHA-256 in its manifest")
            if manifest["feature_schema"] != ROLE_FEATURE_SCHEMA:
                raise RoleModelError(f"{path} was built for role features v{manifest['feature_schema']}, "
                                     f"this code makes v{ROLE_FEATURE_SCHEMA}")
            with np.load(path, allow_pickle=False) as arrays:
                return cls([str(c) for c in arrays["classes"]], [str(f) for f in arrays["features"]],
                           arrays["coef"], arrays["intercept"], manifest["version"])
        except (OSError, KeyError, ValueError) as error:
            if isinstance(error, RoleModelError):
                raise
            raise RoleModelError(f"cannot load the role model {path}: {error}") from None

    def probabilities(self, inputs: RoleInputs) -> np.ndarray:
        """One row of class probabilities (in ``ROLES`` order) per claim."""
        logits = inputs.dense @ self.dense_coef + self.intercept
        for column, weights in enumerate(self.bucket_coef):
            logits[:, column] += np.bincount(inputs.word_claims, weights[inputs.word_buckets], minlength=len(logits))
        logits -= logits.max(axis=1, keepdims=True)
        exp = np.exp(logits)
        return exp / exp.sum(axis=1, keepdims=True)

    def predict(self, document: Document, claims: Sequence[ClaimFindings]) -> tuple[ClaimRole, ...]:
        """Each claim's role: the model's most probable class, then the rule in the module docstring."""
        if not claims:
            return ()
        return decide_each(claims, self.probabilities(role_inputs(document, claims)))


def decide_each(claims: Sequence[ClaimFindings], probabilities: np.ndarray) -> tuple[ClaimRole, ...]:
    """Each claim's role from its row of ``probabilities``: one ``argmax`` over all rows, then ``decide``. Serving
    and the training scripts share it, so a change to ``decide`` reaches them all."""
    return tuple(map(decide, claims, probabilities.tolist(), probabilities.argmax(axis=1).tolist()))


_KEY = ROLES.index("key")


def decide(findings: ClaimFindings, probabilities: Sequence[float], best: int) -> ClaimRole:
    """The role of one claim from the model's probabilities (``ROLES`` order), the most probable (the first of equal
    ones: ``argmax`` of all claims at once) and the rule."""
    if identified_source(findings) and findings.attribution.cue is not None:
        return ClaimRole("key", round(float(probabilities[_KEY]), 4),
                         "key: attributed to an identified source by a cue of its own")
    probability = float(probabilities[best])
    return ClaimRole(ROLES[best], round(probability, 4), f"{ROLES[best]}: role model p={probability:.2f}")
