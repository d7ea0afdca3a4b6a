"""Claim roles: what a claim does for the story, so the rating weighs the claims that carry it.

Roles (docs/guidelines.md, "The article rating"):

- ``key``: carries the story: an event, a number, an accusation, what someone did or said.
- ``background``: context that needs no source (dates, geography, well-known facts, what
  the article is about). It neither raises nor lowers the rating.
- ``opinion``: the writer's own judgement or analysis, in the writer's voice.

A small linear model reads each claim (``role_features``): its words outside quotations
(inside ones are the source's), first- and second-person words, numbers, dates and years,
whether and how it is attributed and hedged, its position in the article and its length,
and two shares over the whole article (claims with first-person words, attributed claims),
which tell a column from a report. It was trained on the project's hand-labelled
real-world train folds (``python -m training.roles``, measured by cross-validation over
them); the artefact is plain numpy arrays (``resources/roles/roles.npz``, loaded with
``allow_pickle=False``) checked against its JSON manifest, so serving imports no
scikit-learn.

Then one transparent rule: a claim attributed by a cue of its own to an identified source
(named, or an organisation or document) is ``key``: its content is the source's, never
the writer's opinion, and news about what a named source says carries the story.
"""
from __future__ import annotations

import json
import re
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from .document import quoted_stretches
from .resources import file_sha256, manifest_path, resource_path
from .records import ROLES, ClaimFindings, ClaimRole

ROLE_MODEL_DIR = resource_path("roles")
ROLE_MODEL_FILE = ROLE_MODEL_DIR / "roles.npz"
ROLE_FEATURE_SCHEMA = 1
"""Bumped whenever ``role_features`` changes what it emits: a model built for other features is refused."""
IDENTIFIED_TYPES = frozenset({"organization", "document"})
"""Source types that identify the source even unnamed ("the ministry", "court records"): docs/guidelines.md."""

_WORD = re.compile(r"[^\W_]+(?:['\u2019][^\W\d_]+)?", re.UNICODE)
_FIRST_PERSON = frozenset({"i", "me", "my", "mine", "myself", "we", "us", "our", "ours", "ourselves"})
_SECOND_PERSON = frozenset({"you", "your", "yours", "yourself", "yourselves"})
_CALENDAR = frozenset(
    "january february march april june july august september october november december "
    "monday tuesday wednesday thursday friday saturday sunday".split()
)
_YEAR = re.compile(r"\b(?:1[89]|20)\d\d\b")
_POSITIONS = 3
"""Claims 0, 1, 2 get a feature of their own; later ones share one (the lead is special)."""
_QUARTERS = 4
_LENGTH_BUCKET_WORDS = 10
_LENGTH_BUCKETS = 4


class RoleModelError(ValueError):
    """The role model's files are missing, altered or built for other features."""


def _outside_quotations(text: str, findings: ClaimFindings) -> str:
    """The claim's text with every direct quotation blanked: what the writer says in their own voice."""
    claim = findings.claim
    pieces, cursor = [], claim.start
    for start, end in quoted_stretches(text, claim):
        pieces.append(text[cursor:start])
        cursor = end
    pieces.append(text[cursor:claim.end])
    return " ".join(pieces)


def _claim_words(text: str, findings: ClaimFindings) -> tuple[list[str], list[str]]:
    """(words in the writer's voice, all words), lower-cased."""
    return (
        [w.lower() for w in _WORD.findall(_outside_quotations(text, findings))],
        [w.lower() for w in _WORD.findall(findings.claim.text)],
    )


def role_features(text: str, claims: Sequence[ClaimFindings]) -> list[dict[str, float]]:
    """Each claim's features as name -> value (mostly 1.0 indicators), for the role model."""
    words = [_claim_words(text, findings) for findings in claims]
    count = len(claims)
    first_person_share = sum(bool(_FIRST_PERSON.intersection(own)) for own, _ in words) / max(count, 1)
    attributed_share = sum(findings.attribution is not None for findings in claims) / max(count, 1)
    rows = []
    for position, (findings, (own, every)) in enumerate(zip(claims, words)):
        row = {"bias": 1.0, "article_first_person": first_person_share, "article_attributed": attributed_share}
        row.update((f"w={word}", 1.0) for word in own)
        row.update((f"b={a}_{b}", 1.0) for a, b in zip(own, own[1:]))
        distinct = set(every)
        for name, present in (
            ("first_person", bool(_FIRST_PERSON.intersection(own))),
            ("second_person", bool(_SECOND_PERSON.intersection(own))),
            ("number", any(word[0].isdigit() for word in every)),
            ("date", bool(_CALENDAR.intersection(distinct))),
            ("year", bool(_YEAR.search(findings.claim.text))),
            ("quotation", len(own) < len(every)),
            ("opens_inside_quote", findings.claim.opens_inside_quote),
            ("hedged", any(hedge.speaker == "writer" for hedge in findings.hedges)),
            ("question", findings.claim.text.rstrip().endswith("?")),
            ("exclamation", "!" in findings.claim.text),
        ):
            if present:
                row[name] = 1.0
        attribution = findings.attribution
        if attribution is None:
            row["unattributed"] = 1.0
        else:
            row["attributed"] = 1.0
            row[f"source_type={attribution.source_type}"] = 1.0
            if attribution.named:
                row["named"] = 1.0
            if attribution.inherited:
                row["inherited"] = 1.0
            if attribution.cue is not None:
                row[f"cue={attribution.cue.text.lower()}"] = 1.0
        row[f"position={min(position, _POSITIONS)}"] = 1.0
        row[f"quarter={_QUARTERS * position // max(count, 1)}"] = 1.0
        row[f"length={min(len(every) // _LENGTH_BUCKET_WORDS, _LENGTH_BUCKETS)}"] = 1.0
        rows.append(row)
    return rows


def identified_source(findings: ClaimFindings) -> bool:
    """The claim names who says so: a named source, or an organisation or document (docs/guidelines.md)."""
    attribution = findings.attribution
    return attribution is not None and attribution.source is not None and (
        attribution.named or attribution.source_type in IDENTIFIED_TYPES
    )


class RoleModel:
    """A multinomial logistic model over named features, as plain arrays."""

    def __init__(self, classes: Sequence[str], features: Sequence[str], coef: np.ndarray, intercept: np.ndarray,
                 version: str) -> None:
        if tuple(classes) != ROLES or coef.shape != (len(classes), len(features)) or intercept.shape != (len(classes),):
            raise RoleModelError("role model arrays do not fit its classes and features")
        self.classes = tuple(classes)
        self.index = {name: column for column, name in enumerate(features)}
        self.coef_t = np.ascontiguousarray(coef.T)
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

    def probabilities(self, rows: Sequence[dict[str, float]]) -> np.ndarray:
        """One row of class probabilities (in ``ROLES`` order) per feature row."""
        index = self.index
        columns, values, starts = [], [], []
        for row in rows:
            starts.append(len(columns))
            for name, value in row.items():
                column = index.get(name)
                if column is not None:
                    columns.append(column)
                    values.append(value)
        logits = np.tile(self.intercept, (len(rows), 1))
        if columns:
            # every known feature's weights times its value, summed per row in one pass (rows are in order)
            terms = self.coef_t[columns] * np.asarray(values)[:, None]
            sums = np.add.reduceat(terms, np.minimum(starts, len(columns) - 1), axis=0)
            present = np.diff([*starts, len(columns)]) > 0
            logits[present] += sums[present]
        logits -= logits.max(axis=1, keepdims=True)
        exp = np.exp(logits)
        return exp / exp.sum(axis=1, keepdims=True)

    def predict(self, text: str, claims: Sequence[ClaimFindings]) -> tuple[ClaimRole, ...]:
        """Each claim's role: the model's most probable class, then the rule in the module docstring."""
        if not claims:
            return ()
        probabilities = self.probabilities(role_features(text, claims))
        return tuple(decide(findings, row) for findings, row in zip(claims, probabilities))


def decide(findings: ClaimFindings, probabilities: Sequence[float]) -> ClaimRole:
    """The role of one claim from the model's probabilities (``ROLES`` order) and the rule."""
    if identified_source(findings) and findings.attribution.cue is not None:
        return ClaimRole("key", round(float(probabilities[ROLES.index("key")]), 4),
                         "key: attributed to an identified source by a cue of its own")
    best = int(np.argmax(probabilities))
    probability = float(probabilities[best])
    return ClaimRole(ROLES[best], round(probability, 4), f"{ROLES[best]}: role model p={probability:.2f}")
