"""The real-news attribution gate: a second look at every cue the attribution stage kept.

PolNeAR, which the cue model learned from, marks actions read as stances ("voted",
"ordered", "pushed"), sayings with no content ("declined to comment") and beliefs of a
sentence's topic as attributions; docs/guidelines.md does not, and real readers do not.
The gate is a logistic model over hashed features of the cue in its sentence: what the
cue word is, what governs or follows it (a that-clause, a quotation, a colon, "to" plus
an action, "comment"; whether the next word opens a clause or a noun-phrase object; whether
it is a view held, "raised concerns that"), what precedes it (a negation, a quote just
closed, a modal, a subordinator or relative pronoun that makes it an aside, a determiner
that makes it a noun), the source the claim will name (the rules' find as
``appositions.refined_own`` refines it), its type and whether it is the writer's own "I" or
"we", and the cue model's own probability. The word classes are data
(``resources/lexicons/gate_words.toml`` and ``clause_words.toml``). It was trained on the
project's real-world train folds and PolNeAR train (``training/gate.py``), its threshold
chosen on the claim-level held-out measure (``training.heldout --threshold``; README); it
is applied after ``attribute_candidates``, judging a claim's next candidate cue only when
it refuses the one before.

The model is plain numpy arrays (``resources/gate/gate.npz``, loaded with
``allow_pickle=False``) with a JSON manifest; serving imports no scikit-learn.
"""
from __future__ import annotations

import json
import re
import zlib
from bisect import bisect_right
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

from .resources import file_sha256, read_entries, read_toml, resource_path
from .records import Attribution, AttributionKind, Claim, ClaimPrediction, Span, Step, replace
from .appositions import Refinements, refined_own
from .attribution import Candidates
from .attribution.decide import governs_no_content
from .attribution.words import QUOTE_MARK, QUOTE_MARKS, verb_classes
from .document import Quotations
from .governed import STANCE_NOUNS, content_features, governs_nothing

GATE_DIR = resource_path("gate")
_WORD = re.compile(r"\S(?:(?<=[\w'’-])[\w'’-]*+)?")
r"""A run of word characters, apostrophes and hyphens, or one other mark (a quotation mark among them): spelled to
open with one character class, so that ``re`` skips white space at once (``[\w'’-]+|[^\w\s]``, whose branches
open with a class each, is tried at every character); possessive (``*+``), as nothing after the run could take
part of it back."""
_WORDS = {name: frozenset(words) for name, words in read_toml("gate_words.toml").items()}
_NEGATIONS = _WORDS["negations"]
_NOUN_MARKERS = _WORDS["object_openers"] | _WORDS["determiners"]
_WRITER_VOICE = _WORDS["writer_voice"]
_WRITER_VOICE_ALONE = _WORDS["writer_voice_alone"]
_OPENS = {**dict.fromkeys(_WORDS["object_openers"], "object"),
          **dict.fromkeys(_WORDS["subject_pronouns"] | _WORDS["content_openers"], "clause"),
          **dict.fromkeys([*QUOTE_MARKS, ":"], "clause")}
"""What the word after a cue opens: a "clause" (content), an "object" (an action's); any other word "other"."""
_CLAUSE_WORDS = read_toml("clause_words.toml")
_ASIDE_OPENERS = frozenset(_CLAUSE_WORDS["subordinators"] + _CLAUSE_WORDS["relatives"])
_MODALS = frozenset(_CLAUSE_WORDS["modals"])
_GUIDELINE_CUES = frozenset(read_entries("gate_guideline_cues.txt"))
_BELIEF = re.compile("|".join(sorted(_WORDS["belief_stems"])), re.IGNORECASE)
"""Nouns of a view held: a cue whose object is one ("raised concerns that", "expressed the hope that") states it."""
_STATED_STANCE_CLASSES = (("communication",), 4)
"""The WordNet classes (``verb_classes``' reading) of a verb whose object is a view held, with its content after
("raised concerns that", "voiced the fear that"): the noun carries the saying, the verb is light (WordNet's first
sense of "raise" is motion), so it reads as a verb of communication."""


_LOWERED_IN_CONTEXT = ("\u03a3", "\u0130")
"""The characters ``str.lower`` lower-cases otherwise in a text than in a word alone: "Σ" (final "ς" by what follows
it) and "İ" (two characters). Every other character lower-cases one for one into a character of the same class for
``_WORD`` (tests/test_text.py checks every code point)."""


def lowered_words(text: str) -> list[str]:
    """The words of ``text``, each lower-cased. Unless it holds one of ``_LOWERED_IN_CONTEXT``, the text is
    lower-cased first, in one call: lower-casing then moves no word boundary, so the words are the same."""
    if text.isascii() or not any(map(text.__contains__, _LOWERED_IN_CONTEXT)):
        return _WORD.findall(text.lower())
    return [word.lower() for word in _WORD.findall(text)]


# Bucket edges (a value's bucket: how many of them it reaches, ``bisect_right``).
_POSITION_EDGES = (0.15, 0.4, 0.7, 0.9)
"""Where the cue stands in its claim, as a share of the claim's length."""
_TOKENS_AFTER_EDGES = (2, 4, 8, 16)
_CLAIM_LENGTH_EDGES = (8, 16, 30, 50)
"""Words in the claim, the cue's own left out."""
_PROBABILITY_EDGES = (0.2, 0.4, 0.6, 0.8, 0.9)


def around_cue(text: str, claim: Claim, cue: Span) -> tuple[list[str], list[str]]:
    """The claim's lower-cased words before and after the cue: read once per cue for both the shape test
    (``shape_refusal``) and the features (``gate_features``)."""
    return lowered_words(text[claim.start : cue.start]), lowered_words(text[cue.end : claim.end])


def gate_features(quotations: Quotations, claim: Claim, prediction: ClaimPrediction, attribution: Attribution,
                  around: tuple[list[str], list[str]] | None = None, refined: Attribution | None = None) -> list[str]:
    """The gate's features of one attribution with a cue of its own, as strings to hash; whether the cue stands
    inside a quotation is the Document's quotation model's reading (a claim may open inside one). ``around``:
    the cue's ``around_cue`` words, ``refined`` its ``refined_own``, when the caller has them already."""
    text = quotations.text
    attribution = refined or refined_own(text, claim, attribution)
    cue = attribution.cue
    assert cue is not None
    head, cue_named, cue_shape, verb_features, belief, guideline = _cue_reading(cue.text)
    lower_before, lower_after = around or around_cue(text, claim, cue)
    stance_stated = not STANCE_NOUNS.isdisjoint(lower_after[:2])
    if stance_stated and "that" in lower_after[1:4]:  # a light verb: "raised concerns that" says worriedly that
        verb_features = _class_features(_STATED_STANCE_CLASSES)
    verb_class = verb_features[0]
    if lower_after:
        next1, next2 = lower_after[0], " ".join(lower_after[:2])
    else:
        next1 = next2 = "<end>"
    if lower_before:
        prev1, prev2 = lower_before[-1], " ".join(lower_before[-2:])
    else:
        prev1 = prev2 = "<start>"
    features = [
        *cue_named,
        f"next1={next1}",
        f"next2={next2}",
        f"prev1={prev1}",
        f"prev2={prev2}",
        f"head+next1={head}|{next1}",
        f"prev1+head={prev1}|{head}",
        *cue_shape,
        *verb_features,
    ]
    source = attribution.source
    teller_first = source is not None and claim.start <= source.start < cue.start
    if not teller_first:
        before_teller = lower_before
    else:  # the words before the teller (none when it opens the claim, as most do)
        before_teller = lowered_words(text[claim.start : source.start]) if source.start > claim.start else []
    features += content_features(lower_before, lower_after, before_teller, teller_first, head, verb_class)
    last_four, first_three = lower_before[-4:], lower_after[:3]
    if "that" in lower_after[:4]:
        features.append("that_after")
    if stance_stated:
        features.append("stance_object")
    if not QUOTE_MARKS.isdisjoint(first_three):
        features.append("quote_after")
    if ":" in lower_after[:2]:
        features.append("colon_after")
    if not QUOTE_MARKS.isdisjoint(lower_before[-3:]):
        features.append("quote_before")
    if not _NEGATIONS.isdisjoint(last_four):
        features.append("negated")
    opens = _OPENS.get(next1, "other")
    features += [_OPENS_FEATURES[opens], f"head+opens={head}|{opens}"]
    if prev1 in _NOUN_MARKERS or prev1.endswith(("'s", "’s")):
        features.append("after_determiner")  # a noun: "his claims", "the promise", "McCabe's claims"
    if not _ASIDE_OPENERS.isdisjoint(last_four):
        features.append("in_subordinate")
    if not _MODALS.isdisjoint(lower_before[-3:]):
        features.append("modal_before")
    if "comment" in lower_after[:8] or "comment" in lower_before[-3:]:
        features.append("comment_near")
    if next1 == "to":
        features.append(f"to_after={head}")
    if belief:
        features.append("belief_word")
    if guideline:
        features.append("guideline_cue")
    position = (cue.start - claim.start) / max(1, claim.end - claim.start)
    features += [
        _INSIDE_QUOTE[quotations.open_at(cue.start)],
        _OPENS_INSIDE[claim.opens_inside_quote],
        _CLAIM_QUOTE[QUOTE_MARK.search(claim.text) is not None],
        _POSITION[bisect_right(_POSITION_EDGES, position)],
        _TOKENS_AFTER[bisect_right(_TOKENS_AFTER_EDGES, len(lower_after))],
        _CLAIM_LENGTH[bisect_right(_CLAIM_LENGTH_EDGES, len(lower_before) + len(lower_after))],
    ]
    if source is None:
        features.append("source=none")
    else:
        source_words = source.text.split()
        first = source_words[0].lower() if source_words else ""
        features += [
            _WRITER_VOICE_FEATURE[first in _WRITER_VOICE and (len(source_words) == 1 or first not in _WRITER_VOICE_ALONE)],
            f"source_type={attribution.source_type}",
            _SOURCE_NAMED[attribution.named],
            f"source_first={first}",
            _SOURCE_AFTER_CUE[source.start >= cue.end],
            _SOURCE_WORDS[min(len(source_words), 5)],
            f"type+head={attribution.source_type}|{head}",
        ]
        if source.start >= cue.end and source.start - cue.end <= 2:
            features.append("source_right_after")
    if attribution.refers_to is not None:
        features.append("refers_to")
    if attribution.via:
        features.append("via")
    features += [_DIRECT_QUOTE[attribution.direct_quote], _PROBABILITY[bisect_right(_PROBABILITY_EDGES, prediction.probability)]]
    return features


def _flag(name: str) -> tuple[str, str]:
    """The feature strings of a yes/no reading, indexed by it (False, True): made once, not per cue."""
    return f"{name}=False", f"{name}=True"


def _buckets(name: str, edges: Sequence[float]) -> tuple[str, ...]:
    """The feature strings of a bucketed value, indexed by its bucket (``bisect_right`` over ``edges``)."""
    return tuple(f"{name}={bucket}" for bucket in range(len(edges) + 1))


_INSIDE_QUOTE, _OPENS_INSIDE, _CLAIM_QUOTE = _flag("inside_quote"), _flag("opens_inside"), _flag("claim_quote")
_WRITER_VOICE_FEATURE, _SOURCE_NAMED, _SOURCE_AFTER_CUE = _flag("writer_voice"), _flag("source_named"), _flag("source_after_cue")
_DIRECT_QUOTE = _flag("direct_quote")
_POSITION, _TOKENS_AFTER = _buckets("position", _POSITION_EDGES), _buckets("tokens_after", _TOKENS_AFTER_EDGES)
_CLAIM_LENGTH, _PROBABILITY = _buckets("claim_len", _CLAIM_LENGTH_EDGES), _buckets("prob", _PROBABILITY_EDGES)
_SOURCE_WORDS = tuple(f"source_words={count}" for count in range(6))
_OPENS_FEATURES = {opens: f"opens={opens}" for opens in ("object", "clause", "other")}


@lru_cache(maxsize=4096)
def _cue_reading(cue: str) -> tuple[str, tuple[str, ...], tuple[str, ...], tuple[str, ...], bool, bool]:
    """What ``gate_features`` reads in the cue's own words: its head word, the features of the cue alone in three
    parts (its words; its length and capital; the WordNet classes of its last verb, ``_verb_class``, the first of
    them its class), and whether the head states a belief and is a guideline cue; cached per cue text ("said", "told"
    come back claim after claim)."""
    cue_words = _cue_words(cue)
    head = cue_words[-1]
    named = (f"cue={' '.join(cue_words)}", f"head={head}", f"head_suffix={head[-2:]}")
    shape = (f"cue_words={min(len(cue_words), 4)}", f"cue_cap={cue[:1].isupper()}")
    return head, named, shape, _verb_class(cue_words), _BELIEF.match(head) is not None, head in _GUIDELINE_CUES


@lru_cache(maxsize=4096)
def _cue_words(cue: str) -> tuple[str, ...]:
    """The cue's lower-cased words, "<empty>" for none; cached per cue text."""
    return tuple(lowered_words(cue)) or ("<empty>",)


def _verb_class(cue_words: Sequence[str]) -> tuple[str, ...]:
    """The word class of the cue's last word WordNet knows as a verb, which a cue word the folds never saw still
    has (``_class_features``); "none" for a cue with no verb ("about", "Friday")."""
    classes = next(filter(None, map(verb_classes, reversed(cue_words))), None)
    return ("verb_class=none",) if classes is None else _class_features(classes)


def _class_features(classes: tuple[Sequence[str], int]) -> tuple[str, ...]:
    """A verb's WordNet classes as features: its first sense's file ("communication", "social", "motion") first, the
    files of its first senses and the quarters of its senses that are of communication."""
    files, communication = classes
    return (f"verb_class={files[0]}", *(f"verb_sense={name}" for name in files), f"verb_communication={communication}")


def hash_features(features: Sequence[str], dimension: int) -> np.ndarray:
    """Stable indices (crc32, not Python's salted hash) of ``features`` in ``dimension`` slots; a lone
    surrogate in posted text hashes as its code unit."""
    return np.fromiter(map(_slots(dimension).__getitem__, features), dtype=np.int64, count=len(features))


SLOT_CACHE = 65536
"""How many features' slots are remembered: a hostile text can make a new feature in every claim."""


@lru_cache(maxsize=None)
def _slots(dimension: int) -> "_Slots":
    return _Slots(dimension)


class _Slots(dict):
    """The slot of each feature in ``dimension`` slots, looked up by the feature string: a plain dict read
    (``map(slots.__getitem__, ...)`` stays in C), about half what an ``lru_cache`` call costs. Emptied when it
    holds ``SLOT_CACHE`` features, which bounds its memory."""

    def __init__(self, dimension: int) -> None:
        super().__init__()
        self.dimension = dimension

    def __missing__(self, feature: str) -> int:
        if len(self) >= SLOT_CACHE:
            self.clear()
        slot = self[feature] = zlib.crc32(feature.encode("utf-8", "surrogatepass")) % self.dimension
        return slot


@dataclass(frozen=True, slots=True)
class AttributionGate:
    """Weights of the hashed logistic model, its bias, threshold and the margin by which a later candidate must
    outscore an accepted one to take its place (see ``manifest.json``)."""

    weights: np.ndarray
    bias: float
    probability_weight: float
    threshold: float
    margin: float
    version: str

    @classmethod
    def load(cls, directory: Path | None = None) -> "AttributionGate":
        directory = directory or GATE_DIR
        manifest = json.loads((directory / "manifest.json").read_text(encoding="utf-8"))
        if file_sha256(directory / manifest["arrays"]) != manifest["sha256"]:
            raise ValueError(f"{directory / manifest['arrays']}: SHA-256 does not match its manifest")
        with np.load(directory / manifest["arrays"], allow_pickle=False) as arrays:
            weights = np.asarray(arrays["weights"], dtype=np.float64)
        if weights.shape != (manifest["dimension"],):
            raise ValueError(f"gate weights have shape {weights.shape}, the manifest says {manifest['dimension']}")
        return cls(weights, float(manifest["bias"]), float(manifest["probability_weight"]),
                   float(manifest["threshold"]), float(manifest["margin"]), str(manifest["version"]))

    def score(self, features: Sequence[str], probability: float) -> float:
        """Probability that the cue governs content the article presents as the source's."""
        return float(self.scores([features], [probability])[0])

    def scores(self, features: Sequence[Sequence[str]], probabilities: Sequence[float]) -> np.ndarray:
        """``score`` of many cues at once: one gather and one sum per cue over the article's hashed features."""
        if not features:
            return np.empty(0)
        lengths = np.fromiter(map(len, features), dtype=np.int64, count=len(features))
        slots = hash_features([feature for cue_features in features for feature in cue_features], len(self.weights))
        sums = np.add.reduceat(self.weights[slots], np.cumsum(lengths) - lengths)
        logits = (self.bias + self.probability_weight * np.asarray(probabilities, dtype=np.float64)) + sums
        return 1.0 / (1.0 + np.exp(-logits))

    def apply(
        self,
        quotations: Quotations,
        claims: Sequence[Claim],
        predictions: Sequence[ClaimPrediction],
        candidates: Sequence[Candidates],
        refinements: Refinements | None = None,
    ) -> tuple[Attribution | None, ...]:
        """Per claim, the first of its candidate attributions (``attribution.attribute_candidates``) whose cue the
        gate accepts, or None when it refuses them all; the quotations inherited from a refused one go with it.
        A claim's next candidate is made and judged only when the one before it is refused, all claims' at once
        per round; then a later candidate the gate scores ``margin`` above the accepted one takes its place
        (``_prefer``). Each kept one is marked a report or a belief (by its cue word; inherited ones by their
        origin). ``refinements``: where the sources of the cues it scores are refined, for ``refine_sources`` to
        find those it kept."""
        refine = Refinements(quotations.text) if refinements is None else refinements
        chosen: list[Attribution | None] = [judged.first for judged in candidates]
        later: dict[int, Iterator[Attribution]] = {}
        refused: set[tuple[int, int]] = set()
        kinds: dict[tuple[int, int], str] = {}
        kept: dict[int, float] = {}
        pending = [number for number, attribution in enumerate(chosen) if _own(attribution)]
        rank = 0
        while pending:
            scores = self._scores(quotations, [claims[n] for n in pending], [predictions[n] for n in pending],
                                  [chosen[n] for n in pending], refine)
            retry = []
            for number, score in zip(pending, scores):
                attribution = chosen[number]
                if score is not None and score >= self.threshold:
                    chosen[number] = attribution = _with_kind(attribution, attribution_kind(attribution.cue.text))
                    kinds[_key(attribution)] = attribution.kind
                    if score + self.margin < 1.0:  # only then can a later candidate score the margin above it
                        kept[number] = score
                    continue
                refused.add(_key(attribution))
                if not rank:
                    later[number] = candidates[number].later()
                after = next(later[number], None)
                chosen[number] = None
                if after is not None:
                    chosen[number] = replace(after, steps=(Step("refused_cue", attribution.cue.text), *after.steps))
                    retry.append(number)
            pending = retry
            rank += 1
        self._prefer(quotations, claims, predictions, candidates, chosen, kept, later, kinds, refine)
        return tuple(_follow(attribution, refused, kinds) for attribution in chosen)

    def _prefer(
        self, quotations: Quotations, claims: Sequence[Claim], predictions: Sequence[ClaimPrediction],
        candidates: Sequence[Candidates], chosen: list[Attribution | None], kept: dict[int, float],
        later: dict[int, Iterator[Attribution]], kinds: dict[tuple[int, int], str], refine: Refinements,
    ) -> None:
        """Replace in ``chosen`` an accepted cue (its score in ``kept``) by the claim's best later candidate the gate
        scores ``margin`` above it: the first cue is often a side verb of a sentence whose saying comes after it
        ("X expressed relief at the ruling, saying ..."), which the gate accepts, but less surely than the saying.
        The candidates after an accepted first are made here (``later`` holds those after a refused one)."""
        rivals = [(number, rival) for number in kept
                  for rival in (later[number] if number in later else candidates[number].later())]
        scores = self._scores(quotations, [claims[n] for n, _ in rivals], [predictions[n] for n, _ in rivals],
                              [rival for _, rival in rivals], refine)
        best: dict[int, tuple[float, Attribution]] = {}
        for (number, rival), score in zip(rivals, scores):
            if score is not None and score >= max(self.threshold, kept[number] + self.margin) and (number not in best or score > best[number][0]):
                best[number] = (score, rival)
        for number, (_, rival) in best.items():
            first = chosen[number]
            chosen[number] = rival = _with_kind(replace(rival, steps=(Step("preferred_cue", first.cue.text), *rival.steps)),
                                                attribution_kind(rival.cue.text))
            kinds[_key(rival)] = rival.kind

    def _scores(
        self, quotations: Quotations, claims: Sequence[Claim], predictions: Sequence[ClaimPrediction],
        attributions: Sequence[Attribution], refine: Refinements,
    ) -> list[float | None]:
        """The gate's score of each attribution's own cue, None when refused for what it governs
        (``governs_no_content``) or by its shape (``shape_refusal``)."""
        text = quotations.text
        judged, around = [], []
        for number, (claim, attribution) in enumerate(zip(claims, attributions)):
            if governs_no_content(quotations, claim, attribution) is not None:
                continue
            words = around_cue(text, claim, attribution.cue)
            if shape_refusal(text, claim, attribution, words) is None:
                judged.append(number)
                around.append(words)
        scores = self.scores([gate_features(quotations, claims[n], predictions[n], attributions[n], words,
                                            refine(claims[n], attributions[n]))
                              for n, words in zip(judged, around)],
                             [predictions[n].probability for n in judged])
        result: list[float | None] = [None] * len(attributions)
        for number, score in zip(judged, scores.tolist()):
            result[number] = score
        return result


def _own(attribution: Attribution | None) -> bool:
    """Whether an attribution is the claim's by a cue of its own, which the gate judges."""
    return attribution is not None and attribution.cue is not None and not attribution.inherited


def _key(attribution: Attribution) -> tuple[int, int]:
    """Where an attribution's teller stands, which the quotations inherited from it carry as their source."""
    teller = attribution.teller
    return (teller.start, teller.end) if teller is not None else (-1, -1)


def shape_refusal(text: str, claim: Claim, attribution: Attribution,
                  around: tuple[list[str], list[str]] | None = None) -> str | None:
    """Why the cue's shape makes it no saying (``governed.governs_nothing``), or None; ``around`` as in
    ``gate_features``."""
    cue = attribution.cue
    assert cue is not None
    return governs_nothing(_cue_words(cue.text), *(around or around_cue(text, claim, cue)))


@lru_cache(maxsize=4096)
def attribution_kind(cue: str) -> AttributionKind:
    """A belief when the cue word states a belief, expectation or intention; else a report (cached per cue
    text: "said", "told" come back claim after claim)."""
    words = cue.split()
    return "belief" if words and _BELIEF.match(words[-1]) else "report"


def _follow(
    attribution: Attribution | None, refused: set[tuple[int, int]], kinds: dict[tuple[int, int], str]
) -> Attribution | None:
    """An inherited attribution goes with the one it was inherited from."""
    if attribution is None or not attribution.inherited or attribution.source is None:
        return attribution
    key = (attribution.source.start, attribution.source.end)
    if key in refused and key not in kinds:
        return None
    return _with_kind(attribution, kinds.get(key, attribution.kind))


def _with_kind(attribution: Attribution, kind: str) -> Attribution:
    """``attribution`` of ``kind``: itself, not a copy, when it is of that kind already (most are reports, the
    default)."""
    return attribution if attribution.kind == kind else replace(attribution, kind=kind)
