"""Reproduce the sentence selection of data/cues/cues.jsonl (without its labels).

Prints one JSON line per selected sentence: {"id", "doc", "start", "end", "text", "pool"}.
Sentences are the claims of service.pipeline.claims.segment over each document, so the
offsets are those the service sees. See README.md for what the pools are and why.

    .venv/bin/python data/cues/select_sentences.py > /tmp/candidates.jsonl
"""
from __future__ import annotations

import json
import random
import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

from service.pipeline.claims import segment  # noqa: E402
from service.pipeline.document import Document  # noqa: E402

SHARED = REPO.parent / "shared"
SEEDS = SHARED / "seeds"
DEV = SHARED / "datasets" / "polnear" / "dev" / "text"
SAMPLE_SEED = 20241208
NEAR_MISS_SAMPLE = 100
RANDOM_SAMPLE = 100

# Deliberately wider than the lexicons: stems of hedge and verification wording and
# their look-alikes, written before the lexicons were tuned.
CUE_WORDS = re.compile(
    r"reportedly|alleged|purport|so-called|apparent|supposed|rumou?r|unconfirm|unverif|verif|confirm|caution"
    r"|skeptic|sceptic|comment|believed|thought to|said to be|understood|appear|seem|likely|probabl|possibl"
    r"|perhaps|evidence|some (?:experts|people|observers|analysts|critics)|many people|critics say|experts say"
    r"|it is said|doubt|speculat|ostensibl|presumabl",
    re.IGNORECASE,
)
NEAR_MISSES = re.compile(r"\bonly\b|\bmay\b|\bmight\b|\bclaim", re.IGNORECASE)


def sentences(folder: Path, label: str):
    for path in sorted(folder.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        for claim in segment(Document.of(text)).claims:
            yield {"doc": f"{label}/{path.name}", "start": claim.start, "end": claim.end, "text": claim.text}


def main() -> None:
    rng = random.Random(SAMPLE_SEED)
    chosen = [dict(s, pool="seed") for s in sentences(SEEDS, "seeds")]
    cue, near, rest = [], [], []
    for sentence in sentences(DEV, "polnear/dev"):
        pool = cue if CUE_WORDS.search(sentence["text"]) else near if NEAR_MISSES.search(sentence["text"]) else rest
        pool.append(sentence)
    chosen += [dict(s, pool="cue-word") for s in cue]
    chosen += [dict(s, pool="near-miss") for s in rng.sample(near, NEAR_MISS_SAMPLE)]
    chosen += [dict(s, pool="random") for s in rng.sample(rest, RANDOM_SAMPLE)]
    chosen.sort(key=lambda s: (s["doc"], s["start"]))
    for number, sentence in enumerate(chosen):
        print(json.dumps({"id": f"s{number:04d}", **sentence}, ensure_ascii=False))


if __name__ == "__main__":
    main()
