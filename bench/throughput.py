"""In-process throughput of the whole pipeline over the fixed corpus.

    .venv/bin/python -m bench.throughput [--repeats N]

One pass = ``Engine.analyse(text)`` then ``report.render`` for every corpus article
(segmentation to article rating to the JSON body). Each repeat times one regex
tokenisation pass (``re.findall(r"\\w+|[^\\w\\s]", text)``) over the same texts right
before the pipeline pass, so the ratio pipeline / tokenisation compares two numbers taken
under the same machine load; the median ratio is reported. Every time is CPU time of this
process (``CLOCK``), which other processes on a busy machine inflate far less than wall
time. The target is 25x (issue 11): about 0.7 MB/s per core.

Stage shares come from as many further passes, which wrap the very functions
``Engine.analyse`` calls (module names in ``service.pipeline.engine``, ``Document.of``, and
the attribution model's, the gate's and the role model's methods) with timers and then call ``analyse`` itself, so the stages are timed
exactly as the engine runs them; "engine glue" is what ``analyse`` spends outside every
stage.
"""
from __future__ import annotations

import argparse
import re
import time
from collections import defaultdict
from contextlib import contextmanager
from types import ModuleType
from typing import Callable, Iterator

from bench.corpus import Article, corpus, median, total_bytes, verdict
from service.pipeline import engine as engine_module
from service.pipeline.engine import Engine
from service.pipeline.report import render

TOKENISATION = re.compile(r"\w+|[^\w\s]")
CLOCK = time.process_time
"""CPU time of this process: on a shared machine, wall time counts the other processes' turns too."""
TARGET_RATIO_TO_TOKENISATION = 25.0

STAGES_IN_ENGINE = {
    "segment": "segment",
    "attribute": "attribute",
    "people": ("refine_sources", "resolve_people", "embedded_posts", "continue_quotations"),
    "hedges": "find_hedges",
    "verification": "find_verification_notes",
    "sourcing notes": "fold_sourcing_notes",
    "score": "score_claim",
    "aggregate": "aggregate",
}
"""Stage name -> the name(s) ``engine.py`` calls it by."""
METHODS_TIMED = {"document": ("Document", "of"), "model": ("model", "predict"), "gate": ("gate", "apply"),
                 "roles": ("roles", "predict")}
"""Stage name -> (the engine's attribute, or for "document" ``engine.py``'s name, and the method called on it)."""
STAGE_ORDER = ("document", "segment", "model", "attribute", "gate", "people", "hedges", "verification",
               "sourcing notes", "roles", "score", "aggregate", "render")


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


def _timed(function: Callable, stage: str, spent: dict[str, float]) -> Callable:
    def timed(*args, **kwargs):
        started = CLOCK()
        try:
            return function(*args, **kwargs)
        finally:
            spent[stage] += CLOCK() - started

    return timed


class _TimedMethod:
    """Stands in for ``target`` (a model, or the Document class) with ``method`` timed; the rest passes through."""

    def __init__(self, target: object, method: str, stage: str, spent: dict[str, float]) -> None:
        self._target = target
        setattr(self, method, _timed(getattr(target, method), stage, spent))

    def __getattr__(self, name: str) -> object:
        return getattr(self._target, name)


@contextmanager
def stage_timers(engine: Engine, spent: dict[str, float], module: ModuleType = engine_module) -> Iterator[None]:
    """Wrap every stage ``Engine.analyse`` calls with a timer adding into ``spent`` (``module``:
    the engine's module, another revision's for ``bench.compare``)."""
    names = {name: stage for stage, named in STAGES_IN_ENGINE.items()
             for name in ((named,) if isinstance(named, str) else named)}
    originals = {name: getattr(module, name) for name in names}
    for name, stage in names.items():
        setattr(module, name, _timed(originals[name], stage, spent))
    document_name, document_method = METHODS_TIMED["document"]
    originals[document_name] = getattr(module, document_name)
    setattr(module, document_name, _TimedMethod(originals[document_name], document_method, "document", spent))
    models = {attribute: getattr(engine, attribute) for stage, (attribute, _) in METHODS_TIMED.items() if stage != "document"}
    for stage, (attribute, method) in METHODS_TIMED.items():
        if stage != "document":
            setattr(engine, attribute, _TimedMethod(models[attribute], method, stage, spent))
    try:
        yield
    finally:
        for attribute, model in models.items():
            setattr(engine, attribute, model)
        for name, function in originals.items():
            setattr(module, name, function)


def stage_shares(engine: Engine, texts: list[str], passes: int, module: ModuleType = engine_module,
                 render_body: Callable = render) -> tuple[dict[str, float], float]:
    """Seconds per stage summed over ``passes`` passes (plus "engine glue"), and their total."""
    spent: dict[str, float] = defaultdict(float)
    started = CLOCK()
    with stage_timers(engine, spent, module):
        for text in texts * passes:
            analysed_at = CLOCK()
            result = engine.analyse(text)
            spent["analyse"] += CLOCK() - analysed_at
            rendered_at = CLOCK()
            render_body(result, engine.model_version)
            spent["render"] += CLOCK() - rendered_at
    total = CLOCK() - started
    inside_analyse = sum(spent[stage] for stage in STAGE_ORDER if stage != "render")
    spent["engine glue"] = spent.pop("analyse") - inside_analyse
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
    for stage in (*STAGE_ORDER, "engine glue"):
        seconds = spent.get(stage, 0.0)
        print(f"  {stage:<14} {100 * seconds / total:5.1f}%  {seconds * 1000 / len(texts) / repeats:7.3f} ms/article")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=5, help="timed passes over the corpus (default 5)")
    measure(corpus(), parser.parse_args().repeats)


if __name__ == "__main__":
    main()
