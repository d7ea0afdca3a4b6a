"""The trained hedge-cue detector: which words mark a statement as uncertain.

A linear model over the words around a candidate (the word, its neighbours, their pairs and its lexicon
category; for a modal, the classes of its subject and of the verb after it), learned from the Szeged uncertainty corpus by ``training/hedges.py``. Only words that were ever
part of a cue are candidates, so an article costs a few dozen dictionary look-ups, not one per word.

The model is data: ``hedges.npz`` (feature names, weights, candidate words; read with allow_pickle=False)
and ``hedges.json`` (its manifest: SHA-256 of the arrays, training data, cross-validated metrics). Serving
needs numpy and the standard library only; ``fit`` imports scikit-learn when training calls it.
"""
from __future__ import annotations

import json
import math
import re
from bisect import bisect_left, bisect_right
from collections import Counter
from itertools import repeat
from pathlib import Path
from typing import Iterable, Sequence

from .records import record
from .resources import file_sha256, manifest_path, read_toml
from .text.lexicon import WordStarts

WORD = re.compile(r"\S(?:(?<=\w)\w*+(?:[-'’]\w++)*+)?")
r"""A token: a word (with inner hyphens and apostrophes) or one punctuation mark. ``\w+(?:[-'’]\w+)*|[^\w\s]``
spelled to open with one character class, so that ``re`` skips white space at once (branches that open with a
class each are tried at every character); possessive (``*+``, ``++``), as nothing after a run could take part
of it back."""

DEFAULT_PATH = Path(__file__).resolve().parent / "resources" / "model" / "hedges.npz"
MIN_CUE_COUNT = 2
MIN_CUE_RATE = 0.1
_ZEROS = repeat(0.0)
"""The default of every weight look-up: a feature the model does not know weighs nothing."""


@record
class CueToken:
    """A candidate word and the probability that it is a cue (a record: built once per candidate, and a frozen
    dataclass's ``__init__`` costs twice as much)."""

    start: int
    end: int
    probability: float


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int, str]]:
    """(start, end, lower-cased word) for every token of ``text[start:end]``."""
    return [(m.start(), m.end(), m.group().lower()) for m in WORD.finditer(text, start, len(text) if end is None else end)]


def _shape(word: str) -> str:
    if word[:1].isdigit():
        return "digit"
    if word[:1].isupper():
        return "upper"
    return "lower" if word[:1].isalpha() else "punct"


def features(text: str, tokens: Sequence[tuple[int, int, str]], i: int, categories: dict[str, str]) -> list[str]:
    """The features of token ``i`` of ``tokens`` (one sentence or claim): what a reader would look at to tell
    "may" the modal from May the month."""
    count = len(tokens)
    start, end, w = tokens[i]
    prev = tokens[i - 1][2] if i >= 1 else "<s>"
    prev2 = tokens[i - 2][2] if i >= 2 else "<s>"
    nxt = tokens[i + 1][2] if i + 1 < count else "</s>"
    nxt2 = tokens[i + 2][2] if i + 2 < count else "</s>"
    shape = _shape(text[start:end])
    next_shape = _shape(text[tokens[i + 1][0]:tokens[i + 1][1]] if i + 1 < count else "")
    return [
        "bias", f"w={w}", f"p={prev}", f"n={nxt}", f"p2={prev2}", f"n2={nxt2}",
        f"pw={prev}|{w}", f"wn={w}|{nxt}", f"wnn={w}|{nxt}|{nxt2}", f"ppw={prev2}|{prev}|{w}",
        f"shape={shape}", f"nshape={next_shape}", f"w_shape={w}|{shape}|{next_shape}",
        f"cat={categories.get(w, '-')}", f"suffix={w[-3:]}",
        *(_modal_features(w, prev, prev2, nxt, nxt2) if w in MODALS else ()),
    ]


_CLASSES = read_toml("hedge_model_classes.toml")
MODALS = frozenset(_CLASSES["modals"])
PERSONS = frozenset(_CLASSES["persons"])
IMPERSONAL = frozenset(_CLASSES["impersonal"])
_CLAUSE_WORDS = frozenset(_CLASSES["clause_words"])
_NEGATIONS = frozenset(_CLASSES["negations"])
MODAL_ADVERBS = frozenset(_CLASSES["adverbs"])
"""The subject persons, impersonal subjects and adverbs around a modal, which hedge_scope reads too."""


def _modal_features(w: str, prev: str, prev2: str, nxt: str, nxt2: str) -> tuple[str, ...]:
    """Classes, not words, around a modal: "prices could rise" is possibility, "she could not sleep" and "so
    they could" ability or purpose; the classes carry what one context teaches to the words it never saw."""
    subject = ("person" if prev in PERSONS else "impersonal" if prev in IMPERSONAL else "who" if prev == "who"
               else "clause" if prev in _CLAUSE_WORDS else "word" if prev[:1].isalpha() else "edge")
    if prev2 in _CLAUSE_WORDS and subject != "clause":
        subject += "+clause"
    after = nxt2 if nxt in MODAL_ADVERBS else nxt
    verb = ("negated" if nxt in _NEGATIONS or nxt2 in _NEGATIONS and nxt in MODAL_ADVERBS else "perfect" if after == "have"
            else "be" if after == "be" else "verb" if after[:1].isalpha() else "edge")
    return f"m={w}|{subject}", f"m={w}|{verb}", f"m={w}|{subject}|{verb}", f"m=modal|{subject}|{verb}"


_CONTEXT_CHARS = 24
"""How far around a candidate its neighbours are looked for: two words either side nearly always fit; where
they do not, the window grows."""
_QUICK_STEPS = 4
"""Growth steps a window takes by tokenising itself again; past them its growth is counted on the claim's
tokens (``_far_window``), so a long run of spaces or one long word costs linear time, not quadratic."""
_JOINERS = "-'’"


def candidate_windows(text: str, folded: str, spans: Sequence[tuple[int, int]], finder: WordStarts,
                      candidates: frozenset[str] | None = None, words: frozenset[str] = frozenset(),
                      words_in_spans: dict[int, set[str]] | None = None):
    """For each candidate word inside one of ``spans`` (claims, in text order): the span's index, the tokens of
    a window around the word within that span, and the word's index among them.

    One search runs over the whole text; only the two tokens either side of a candidate feed its features, so
    tokenising a small window around it gives the same features as tokenising its whole claim. The finder may
    also search for ``words`` (``candidates``: the candidates among its words; None, all): those that stand in a
    span as whole words go into ``words_in_spans``, under the span's index. The finder's longest
    match at a place is then a candidate only where the candidates' longest is (a longer word would have made
    that one part of a longer token, which is no candidate either), so the candidates found are the same.
    """
    if not spans:
        return
    starts = [start for start, _ in spans]
    span_tokens: dict[int, list[tuple[int, int, str]]] = {}
    for match in finder.finditer(folded, spans[0][0], spans[-1][1]):
        s, e = match.span(1)
        position = bisect_right(starts, s) - 1
        start, end = spans[position]
        if e > end:
            continue  # between claims, or across a claim's end
        word = match.group(1)
        if word in words and (e == end or not (folded[e].isalnum() or folded[e] == "_")):
            words_in_spans.setdefault(position, set()).add(word)
        if candidates is not None and word not in candidates:
            continue
        if (s > start and _joins(text[s - 1], text, s - 2)) or (e < end and _joins(text[e], text, e + 1)):
            continue  # part of a longer token ("may-be", "Mayor")
        lo, hi = max(start, s - _CONTEXT_CHARS), min(end, e + _CONTEXT_CHARS)
        for _ in range(_QUICK_STEPS):
            before = tokenize(text, lo, s)
            after = tokenize(text, e, hi)
            if (len(before) > 2 or lo == start) and (len(after) > 2 or hi == end):
                break
            lo, hi = max(start, lo - _CONTEXT_CHARS), min(end, hi + _CONTEXT_CHARS)
        else:
            if position not in span_tokens:
                span_tokens[position] = tokenize(text, start, end)
            lo, hi = _far_window(text, span_tokens[position], (s, e), (lo, hi), (start, end))
            before = tokenize(text, lo, s)
            after = tokenize(text, e, hi)
        if lo > start:
            before = before[1:]  # the first and last tokens may be cut by the window's edges
        if hi < end:
            after = after[:-1]
        yield position, [*before, (s, e, match.group(1)), *after], len(before)


def _far_window(text: str, tokens: Sequence[tuple[int, int, str]], word: tuple[int, int],
                window: tuple[int, int], span: tuple[int, int]) -> tuple[int, int]:
    """Where the window of ``candidate_windows`` stops growing, found without tokenising it again at each
    step: the number of tokens ``tokenize`` gives for a side is counted on the span's own ``tokens``
    (those wholly inside the side, plus the one cut by the window's edge: its remainder is one token, two
    when the edge falls on a joiner, "-" of "well-known").
    """
    (s, e), (lo, hi), (start, end) = word, window, span
    token_starts, token_ends = [token[0] for token in tokens], [token[1] for token in tokens]

    def before_count(lo: int) -> int:
        first = bisect_left(token_starts, lo)
        whole = bisect_right(token_ends, s) - first
        cut = first > 0 and token_ends[first - 1] > lo
        return whole + (1 + (text[lo] in _JOINERS) if cut else 0)

    def after_count(hi: int) -> int:
        first, beyond = bisect_left(token_starts, e), bisect_right(token_ends, hi)
        cut = beyond < len(tokens) and token_starts[beyond] < hi
        return beyond - first + (1 + (text[hi - 1] in _JOINERS) if cut else 0)

    while not ((lo == start or before_count(lo) > 2) and (hi == end or after_count(hi) > 2)):
        lo, hi = max(start, lo - _CONTEXT_CHARS), min(end, hi + _CONTEXT_CHARS)
    return lo, hi


def _joins(char: str, text: str, beyond: int) -> bool:
    """Whether ``char`` next to a candidate makes it part of a longer token."""
    if char.isalnum() or char == "_":
        return True
    return char in "-'’" and 0 <= beyond < len(text) and (text[beyond].isalnum() or text[beyond] == "_")


class HedgeCueModel:
    """A binary per-token classifier: is this word (part of) an uncertainty cue?

    Learned attributes: ``weights_`` (feature -> weight, those of at least ``min_weight``), ``candidates_``
    (words ever inside a cue),
    ``threshold_`` (chosen by cross-validation), ``categories_`` (lexicon word -> category, a feature).
    """

    def __init__(self, categories: dict[str, str] | None = None, C: float = 1.0, min_weight: float = 0.05):
        self.categories = dict(categories or {})
        self.C = C
        self.min_weight = min_weight

    def fit(self, examples: Iterable[tuple[str, Sequence[tuple[int, int]]]], sample_weight=None,
            threshold: float = 0.5) -> "HedgeCueModel":
        """``examples``: (sentence, cue spans). Trains a logistic regression over candidate tokens."""
        from sklearn.feature_extraction import DictVectorizer
        from sklearn.linear_model import LogisticRegression

        examples = list(examples)
        seen: Counter[str] = Counter()
        cue: Counter[str] = Counter()
        for text, spans in examples:
            for s, e, w in tokenize(text):
                seen[w] += 1
                cue[w] += _inside((s, e), spans)
        # a candidate is a word that is a cue often enough to be worth a look: "may" yes, "the" (inside a few
        # long cues) no; every word of the category list is one too
        self.candidates_ = frozenset(
            w for w, n in cue.items() if n >= MIN_CUE_COUNT and n >= MIN_CUE_RATE * seen[w]) | frozenset(self.categories)
        self.categories_ = dict(self.categories)
        rows, labels, weights = [], [], []
        for n, (text, spans) in enumerate(examples):
            tokens = tokenize(text)
            for i, (s, e, w) in enumerate(tokens):
                if w in self.candidates_:
                    rows.append(dict.fromkeys(features(text, tokens, i, self.categories_), 1))
                    labels.append(_inside((s, e), spans))
                    weights.append(1.0 if sample_weight is None else sample_weight[n])
        vectorizer = DictVectorizer()
        matrix = vectorizer.fit_transform(rows).tocsr()
        matrix.indices, matrix.indptr = matrix.indices.astype("int32"), matrix.indptr.astype("int32")
        classifier = LogisticRegression(C=self.C, max_iter=2000, solver="liblinear", random_state=0)
        classifier.fit(matrix, labels, sample_weight=weights)
        names = vectorizer.get_feature_names_out()
        # weights below min_weight are dropped: 640,000 features become about 15,000, so the model loads in
        # milliseconds (the cross-validated figures are those of the pruned model)
        self.weights_ = {name: float(c) for name, c in zip(names, classifier.coef_[0]) if abs(c) >= self.min_weight}
        self.bias_ = float(classifier.intercept_[0])
        self.threshold_ = threshold
        return self

    def token_probabilities(self, text: str, spans: Sequence[tuple[int, int]] | None = None,
                            folded: str | None = None, words: frozenset[str] = frozenset(),
                            words_in_spans: dict[int, set[str]] | None = None) -> list[list[CueToken]]:
        """For each span of ``text`` (a claim; the whole text by default), every candidate word in it with the
        probability that it is a cue.

        ``folded`` is the text lower-cased with its offsets kept (the Document's); candidates are looked for
        there, so the search is case-sensitive and fast. ``words`` (lower case) are searched for in the same
        scan: those that stand in a span as whole words go into ``words_in_spans``, under the span's index."""
        spans = [(0, len(text))] if spans is None else spans
        if folded is None:
            folded = text.lower() if len(text.lower()) == len(text) else text
        get = self.weights_.get
        found: list[list[CueToken]] = [[] for _ in spans]
        windows = candidate_windows(text, folded, spans, self.finder(words), self.candidates_ if words else None,
                                    words, words_in_spans)
        for position, tokens, i in windows:
            z = self.bias_ + sum(map(get, features(text, tokens, i, self.categories_), _ZEROS))
            found[position].append(CueToken(tokens[i][0], tokens[i][1], 1.0 / (1.0 + math.exp(-z))))
        return found

    def predict(self, text: str, spans: Sequence[tuple[int, int]] | None = None, folded: str | None = None,
                words: frozenset[str] = frozenset(), words_in_spans: dict[int, set[str]] | None = None
                ) -> list[list[tuple[int, int]]]:
        """For each span, its cue spans: adjacent cue tokens (only spaces between them) make one. ``words`` and
        ``words_in_spans``: as ``token_probabilities``."""
        result = []
        for cues in self.token_probabilities(text, spans, folded, words, words_in_spans):
            merged: list[list[int]] = []
            for cue in cues:
                if cue.probability < self.threshold_:
                    continue
                if merged and not text[merged[-1][1]:cue.start].strip():
                    merged[-1][1] = cue.end
                else:
                    merged.append([cue.start, cue.end])
            result.append([(s, e) for s, e in merged])
        return result

    def finder(self, words: frozenset[str] = frozenset()) -> WordStarts:
        """One search for every candidate word and ``words`` together (a trie of them) in lower-cased text, from
        word starts only; built once per set of words."""
        if getattr(self, "_finders_for", None) is not self.candidates_:
            self._finders: dict[frozenset[str], WordStarts] = {}
            self._finders_for = self.candidates_
        if words not in self._finders:
            self._finders[words] = WordStarts(sorted(self.candidates_ | words))
        return self._finders[words]

    def save(self, path: Path, manifest: dict) -> dict:
        import numpy as np

        names = sorted(self.weights_)
        arrays = {
            "feature_names": np.array(names, dtype=str),
            "weights": np.array([self.weights_[n] for n in names], dtype=np.float64),
            "bias": np.array([self.bias_]), "threshold": np.array([self.threshold_]),
            "candidates": np.array(sorted(self.candidates_), dtype=str),
            "category_words": np.array(sorted(self.categories_), dtype=str),
            "category_names": np.array([self.categories_[w] for w in sorted(self.categories_)], dtype=str),
        }
        with open(path, "wb") as handle:
            np.savez_compressed(handle, **arrays)
        manifest = {**manifest, "sha256": file_sha256(Path(path))}
        manifest_path(Path(path)).write_text(json.dumps(manifest, indent=2, sort_keys=True) + "\n")
        return manifest

    @classmethod
    def load(cls, path: Path = DEFAULT_PATH) -> "HedgeCueModel":
        """The saved model; refuses a file whose SHA-256 differs from its manifest's."""
        import numpy as np

        manifest = json.loads(manifest_path(Path(path)).read_text())
        if file_sha256(Path(path)) != manifest["sha256"]:
            raise ValueError(f"{path}: SHA-256 does not match its manifest")
        with np.load(path, allow_pickle=False) as arrays:
            model = cls(dict(zip(arrays["category_words"].tolist(), arrays["category_names"].tolist())))
            model.categories_ = model.categories
            model.weights_ = dict(zip(arrays["feature_names"].tolist(), arrays["weights"].tolist()))
            model.bias_ = float(arrays["bias"][0])
            model.threshold_ = float(arrays["threshold"][0])
            model.candidates_ = frozenset(arrays["candidates"].tolist())
        model.manifest_ = manifest
        return model


def _inside(token: tuple[int, int], spans: Sequence[tuple[int, int]]) -> bool:
    return any(s <= token[0] and token[1] <= e for s, e in spans)
