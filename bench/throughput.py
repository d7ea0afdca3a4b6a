"""In-process throughput of the whole pipeline over the fixed corpus.

    .venv/bin/python -m bench.throughput [--repeats N]

One pass = ``Engine.analyse(text)`` then ``report.render`` for every corpus article
(segmentation to article rating to the JSON body). Each repeat times one regex
tokenisation pass (``re.findall(r"\\w+|[^\\w\\s]", text)``) over the same texts right
before the pipeline pass, so the ratio pipeline / tokenisation compares two numbers taken
under the same machine load; the median ratio is reported. Every time is CPU time of this
process (``CLOCK``), which other processes on a busy machine inflate far less than wall
time. The target is 25x (issue 11): about 0.7 MB/s per core.

Stage shares come from as many further passes, observed through the engine's own stage
blocks (``service.pipeline.timing``, the same ones /metrics reports), timed in CPU time;
"engine glue" is what ``analyse`` spends outside every stage.
"""
from __future__ import annotations

import argparse
import importlib
import re
import time
from collections import defaultdict
from types import ModuleType
from typing import Callable

from bench.corpus import Article, corpus, median, total_bytes, verdict
from service.pipeline import engine as engine_module
from service.pipeline.engine import Engine
from service.pipeline.report import render

TOKENISATION = re.compile(r"\w+|[^\w\s]")
CLOCK = time.process_time
"""CPU time of this process: on a shared machine, wall time counts the other processes' turns too."""
TARGET_RATIO_TO_TOKENISATION = 25.0

def tokenisation_pass(texts: list[str]) -> float:
    started = CLOCK()
    for text in texts:
        TOKENISATION.findall(text)
    return CLOCK() - started


def pipeline_pass(engine: Engine, texts: list[str], render_body: Callable = render) -> float:
    started = CLOCK()
    for text in texts:
        render_body(engine.analyse(text), engine.model_version)
    return CLOCK() - started


def stage_shares(engine: Engine, texts: list[str], passes: int, module: ModuleType = engine_module,
                 render_body: Callable = render) -> tuple[dict[str, float], float]:
    """Seconds per stage, in the order the engine runs them, summed over ``passes`` passes (then
    "render" and "engine glue"), and their total (``module``: the engine's module, another
    revision's for ``bench.compare``; its package's ``timing`` is the one observed)."""
    timing = importlib.import_module(f"{module.__package__}.timing")
    spent: dict[str, float] = defaultdict(float)
    analysed = rendered = 0.0

    def add(stage: str, seconds: float) -> None:
        spent[stage] += seconds

    started = CLOCK()
    with timing.observing(add, CLOCK):
        for text in texts * passes:
            analysed_at = CLOCK()
            result = engine.analyse(text)
            rendered_at = CLOCK()
            analysed += rendered_at - analysed_at
            render_body(result, engine.model_version)
            rendered += CLOCK() - rendered_at
    total = CLOCK() - started
    spent["engine glue"] = analysed - sum(spent.values())
    spent["render"] = rendered
    return dict(spent), total


def measure(articles: list[Article], repeats: int) -> None:
    texts = [article.text for article in articles]
    size = total_bytes(articles)
    engine = Engine.load()
    pipeline_pass(engine, texts)  # warm-up: first-call caches, lazy imports
    tokenisation_times, pipeline_times, ratios = [], [], []
    for _ in range(repeats):
        tokenisation_seconds = tokenisation_pass(texts)
        pipeline_seconds = pipeline_pass(engine, texts)
        tokenisation_times.append(tokenisation_seconds)
        pipeline_times.append(pipeline_seconds)
        ratios.append(pipeline_seconds / tokenisation_seconds)
    pipeline_seconds = median(pipeline_times)
    tokenisation_seconds = median(tokenisation_times)
    ratio = median(ratios)

    print(f"corpus: {len(texts)} articles (PolNeAR dev + seeds), {size / 1000:.1f} kB; {repeats} repeats, medians")
    print(f"pipeline (analyse + render): {size / 1000 / pipeline_seconds:8.1f} kB/s"
          f"   {pipeline_seconds * 1000 / len(texts):7.2f} ms/article   {pipeline_seconds:.3f} s/pass")
    print(f"regex tokenisation pass:     {size / 1000 / tokenisation_seconds:8.1f} kB/s"
          f"   {tokenisation_seconds * 1000 / len(texts):7.2f} ms/article   {tokenisation_seconds:.3f} s/pass")
    print(f"pipeline / tokenisation: {ratio:.1f}x (per-repeat range {min(ratios):.1f}-{max(ratios):.1f}x;"
          f" target <= {TARGET_RATIO_TO_TOKENISATION:.0f}x: {verdict(ratio <= TARGET_RATIO_TO_TOKENISATION)})")

    spent, total = stage_shares(engine, texts, repeats)
    print(f"stage shares ({repeats} timed passes, {total:.3f} s):")
    for stage, seconds in spent.items():
        print(f"  {stage:<18} {100 * seconds / total:5.1f}%  {seconds * 1000 / len(texts) / repeats:7.3f} ms/article")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=5, help="timed passes over the corpus (default 5)")
    measure(corpus(), parser.parse_args().repeats)


if __name__ == "__main__":
    main()
