"""Reading the PolNeAR attribution corpus (brat standoff) kept under ``data/polnear``.

Each article is ``SPLIT/text/NAME.txt`` with one or more ``SPLIT/attributions/NAME_ANNOTATOR.ann``
files. A few articles were annotated twice; we read the annotator that sorts first so every
article counts once and the choice is reproducible.

Only the train and dev splits exist here. The test split is held out by the project and
is deliberately not read, looked for or fetched.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent.parent / "data" / "polnear"
SPLITS = ("train", "dev")


@dataclass(frozen=True, slots=True)
class GoldAttribution:
    """One annotated attribution relation.

    Spans are ``(start, end)`` character offsets; a discontinuous annotation keeps all its
    pieces. ``cue`` may be empty in the rare relation annotated without one.
    """

    cue: tuple[tuple[int, int], ...]
    sources: tuple[tuple[int, int], ...]
    content: tuple[tuple[int, int], ...] = ()

    @property
    def cue_start(self) -> int | None:
        return min(start for start, _ in self.cue) if self.cue else None


@dataclass(frozen=True, slots=True)
class Document:
    name: str
    text: str
    attributions: tuple[GoldAttribution, ...]


def load_split(split: str, data_dir: Path = DATA_DIR, limit: int | None = None) -> list[Document]:
    """Every article of ``split`` in name order (the first ``limit`` of them when given)."""
    if split not in SPLITS:
        raise ValueError(f"unknown PolNeAR split {split!r}: only {SPLITS} are available here")
    text_dir = data_dir / split / "text"
    annotation_dir = data_dir / split / "attributions"
    if not text_dir.is_dir():
        raise FileNotFoundError(f"PolNeAR {split} texts not found at {text_dir}")
    documents = []
    for text_path in sorted(text_dir.glob("*.txt"))[:limit]:
        annotations = sorted(annotation_dir.glob(f"{text_path.stem}_*.ann"))
        if not annotations:
            continue
        text = text_path.read_text(encoding="utf-8")
        documents.append(Document(text_path.stem, text, parse_annotations(annotations[0].read_text(encoding="utf-8"))))
    return documents


def parse_annotations(standoff: str) -> tuple[GoldAttribution, ...]:
    """Attribution relations of one brat ``.ann`` file, in file order."""
    spans: dict[str, tuple[tuple[int, int], ...]] = {}
    relations: list[list[str]] = []
    for line in standoff.splitlines():
        fields = line.split("\t")
        if line.startswith("T") and len(fields) >= 2:
            _label, _, offsets = fields[1].partition(" ")
            spans[fields[0]] = tuple(
                (int(start), int(end)) for start, end in (piece.split() for piece in offsets.split(";"))
            )
        elif line.startswith("E") and len(fields) >= 2:
            relations.append(fields[1].split())
    attributions = []
    for arguments in relations:
        cue: tuple[tuple[int, int], ...] = ()
        sources: list[tuple[int, int]] = []
        content: list[tuple[int, int]] = []
        for argument in arguments:
            role, _, span_id = argument.partition(":")
            if role.startswith("Cue"):
                cue += spans.get(span_id, ())
            elif role.startswith("Source"):
                sources.extend(spans.get(span_id, ()))
            elif role.startswith("Content"):
                content.extend(spans.get(span_id, ()))
        attributions.append(GoldAttribution(tuple(sorted(cue)), tuple(sorted(sources)), tuple(sorted(content))))
    return tuple(attributions)
