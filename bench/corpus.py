"""The fixed benchmark corpus, and the small measuring helpers every bench script shares.

The corpus is the PolNeAR dev split plus the five seed articles, read in file-name order
so that every run, on every machine, times the same texts. Never the test split: it is
kept aside for evaluation.
"""
from __future__ import annotations

import re
import statistics
from dataclasses import dataclass
from pathlib import Path

REPO_DIR = Path(__file__).resolve().parents[1]
DEV_TEXT_DIR = REPO_DIR / "data" / "polnear" / "dev" / "text"
SEEDS_DIR = REPO_DIR / "data" / "seeds"

_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")


@dataclass(frozen=True)
class Article:
    name: str
    text: str

    @property
    def size_bytes(self) -> int:
        return len(self.text.encode("utf-8"))


def _read_all(directory: Path) -> list[Article]:
    return [Article(path.name, path.read_text(encoding="utf-8")) for path in sorted(directory.glob("*.txt"))]


def dev_articles() -> list[Article]:
    return _read_all(DEV_TEXT_DIR)


def corpus() -> list[Article]:
    """PolNeAR dev then the seeds: the texts every throughput figure is measured on."""
    return dev_articles() + _read_all(SEEDS_DIR)


def total_bytes(articles: list[Article]) -> int:
    return sum(article.size_bytes for article in articles)


def typical_articles(low_bytes: int = 4_000, high_bytes: int = 6_000) -> list[Article]:
    """Real articles of about 5 kB: what a typical request carries."""
    return [article for article in corpus() if low_bytes <= article.size_bytes <= high_bytes]


def dev_paragraphs() -> list[str]:
    """Every non-blank paragraph of the dev split, in corpus order, each stripped."""
    return [
        paragraph.strip()
        for article in dev_articles()
        for paragraph in _PARAGRAPH_BREAK.split(article.text)
        if paragraph.strip()
    ]


def article_of_size(target_bytes: int, paragraphs: list[str]) -> str:
    """Whole dev paragraphs joined by blank lines until the text reaches ``target_bytes``.

    Paragraphs are taken in corpus order and never repeated, so a long article is long
    real text rather than one sentence many times (which the segmenter would drop as
    duplicates). The result is cut at the target so every size is exact.
    """
    pieces: list[str] = []
    size = 0
    for paragraph in paragraphs:
        if size >= target_bytes:
            break
        pieces.append(paragraph)
        size += len(paragraph.encode("utf-8")) + 2
    else:
        if size < target_bytes:
            raise SystemExit(f"the dev split has fewer than {target_bytes} bytes of paragraphs")
    text = "\n\n".join(pieces).encode("utf-8")[:target_bytes]
    return text.decode("utf-8", errors="ignore")


def resident_memory_kib(pid: int | str = "self") -> dict[str, int]:
    """VmRSS (resident now) and VmHWM (resident at its peak) of a process, in KiB."""
    found = {}
    with open(f"/proc/{pid}/status", encoding="ascii") as status:
        for line in status:
            key, _, value = line.partition(":")
            if key in ("VmRSS", "VmHWM"):
                found[key] = int(value.split()[0])
    return found


def megabytes(kib: int) -> float:
    """/proc reports KiB; targets are in MB (10**6 bytes)."""
    return kib * 1024 / 1e6


def median(values: list[float]) -> float:
    return statistics.median(values)


def percentile(sorted_values: list[float], share: float) -> float:
    """The value below which ``share`` of the (sorted) values fall, nearest rank."""
    if not sorted_values:
        return float("nan")
    rank = max(0, min(len(sorted_values) - 1, round(share * len(sorted_values)) - 1))
    return sorted_values[rank]


def verdict(ok: bool) -> str:
    return "ok" if ok else "MISSED"
