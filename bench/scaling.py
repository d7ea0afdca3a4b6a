"""How the cost of one article grows with its length: it must grow linearly.

    .venv/bin/python -m bench.scaling [--repeats N]

Articles of 1, 10, 100 and 200 kB are built from whole PolNeAR dev paragraphs (real
text, never a repeated sentence). Each is analysed and rendered ``--repeats`` times and
the fastest run is kept, the least disturbed by other work on a shared machine. The
per-kB cost at 200 kB over the per-kB cost at 10 kB is the linearity ratio: about 1 when
cost is linear, flagged above 1.5 (some stage is quadratic in the article's length).
A 200 kB article (the API's largest) must score in under 0.5 s.
"""
from __future__ import annotations

import argparse
import time

from bench.corpus import article_of_size, dev_paragraphs, verdict
from service.pipeline.engine import Engine
from service.pipeline.report import render

SIZES_KB = (1, 10, 100, 200)
LINEARITY_FLAG = 1.5
LARGEST_ARTICLE_BUDGET_SECONDS = 0.5


def fastest_run(engine: Engine, text: str, repeats: int) -> float:
    runs = []
    for _ in range(repeats):
        started = time.perf_counter()
        render(engine.analyse(text), engine.model_version)
        runs.append(time.perf_counter() - started)
    return min(runs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=5, help="runs per size; the fastest is kept (default 5)")
    repeats = parser.parse_args().repeats
    engine = Engine.load()
    paragraphs = dev_paragraphs()
    articles = {size_kb: article_of_size(size_kb * 1000, paragraphs) for size_kb in SIZES_KB}
    fastest_run(engine, articles[SIZES_KB[0]], 1)  # warm-up

    seconds = {size_kb: fastest_run(engine, text, repeats) for size_kb, text in articles.items()}
    print(f"one article, analyse + render, fastest of {repeats}:")
    print(f"  {'size':>7}  {'claims':>6}  {'time':>9}  {'per kB':>9}")
    for size_kb, text in articles.items():
        claims = len(engine.analyse(text).claims)
        print(f"  {size_kb:>4} kB  {claims:>6}  {seconds[size_kb] * 1000:6.1f} ms  {seconds[size_kb] * 1000 / size_kb:6.3f} ms")
    ratio = (seconds[200] / 200) / (seconds[10] / 10)
    flag = "FLAG: grows faster than linear" if ratio > LINEARITY_FLAG else "linear"
    print(f"per-kB cost at 200 kB / at 10 kB: {ratio:.2f} ({flag}; flagged above {LINEARITY_FLAG})")
    print(f"200 kB article: {seconds[200]:.3f} s (target < {LARGEST_ARTICLE_BUDGET_SECONDS} s:"
          f" {verdict(seconds[200] < LARGEST_ARTICLE_BUDGET_SECONDS)})")


if __name__ == "__main__":
    main()
