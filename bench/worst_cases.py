"""Worst cases per stage: time against a normal article of the same size, and answer size.

    .venv/bin/python -m bench.worst_cases [--sizes 20 40 80 160] [--budget 60] [--only NAME_OR_STAGE ...]

Each family below builds, for a target size, a text made to hit one stage where it is
weakest (the attacks of issue 14 and more found by construction: repeated verification
phrases in one sentence, hedges in many quotations, long "..., it added." chains, ...). For
20, 40, 80 and 160 kB it prints the time of ``analyse`` + ``render`` (CPU time of this
process, so that the other processes of a shared machine move the figures less than
wall time would) as a ratio to a normal article of the same size (whole PolNeAR dev paragraphs, bench.corpus.article_of_size), and
the response bytes per input byte (default body, and with explain=true). Target: <= 3x at
every size (issue 14). A size whose run would take longer than ``--budget`` seconds
or answer more than ``--max-response-mb`` (both extrapolated quadratically from the last
size) is skipped and marked so.

For each family over the target, the functions whose own time grows faster than the input
are then named: the family is profiled (cProfile, after a warm-up run) at two sizes, and
each of the service's functions with a real share of the time (callees included) is listed
with its growth factor when the input doubles (2 = linear, 4 = quadratic): the outermost
superlinear function names the path, the innermost the loop. Prints numbers; not a test.
"""
from __future__ import annotations

import argparse
import cProfile
import json
import os
import pstats
import time
from typing import Callable

from bench.corpus import article_of_size, dev_paragraphs, verdict
from service.config import load_config
from service.engines import load_engine
from service.pipeline.engine import Engine
from service.pipeline.report import render
from service.pipeline.timing import observing

TARGET_RATIO = 3.0


def _repeat(unit: str, size: int, head: str = "", tail: str = "") -> str:
    count = max(1, (size - len(head.encode()) - len(tail.encode())) // len(unit.encode()))
    return head + unit * count + tail


def _numbered(template: str, size: int, head: str = "") -> str:
    pieces, total, number = [head], len(head.encode()), 0
    while total < size:
        piece = template.format(n=number)
        pieces.append(piece)
        total += len(piece.encode())
        number += 1
    return "".join(pieces)


def _name(number: int) -> str:
    """A distinct capitalised word per number ("Bac", "Bad", ...): names the pipeline cannot have cached."""
    letters = "bcdfghjklmnprstvz"
    word = ""
    while True:
        number, digit = divmod(number, len(letters))
        word += letters[digit] + "aeiou"[digit % 5]
        if number == 0:
            return word.capitalize()


# name -> (stage it aims at, builder: size in bytes -> text)
FAMILIES: dict[str, tuple[str, Callable[[int], str]]] = {
    "'is unverified' repeated in one sentence": (
        "verification notes", lambda size: _repeat("The claim is unverified and ", size, tail="the minister said.")),
    "'could not be verified' repeated in one sentence": (
        "verification notes", lambda size: _repeat("it could not be independently verified, ", size, tail="officials said.")),
    "quoted 'reportedly', no sentence break": (
        "hedges", lambda size: _repeat('"reportedly" ', size, tail="he said.")),
    "quotations with 'reportedly' in one paragraph": (
        "hedges", lambda size: _repeat("\u201cThey reportedly fired,\u201d he said, ", size, tail=".")),
    "quotations with 'reportedly', one per sentence": (
        "hedges", lambda size: _repeat('"It reportedly happened," he said. ', size)),
    "hedge words in one sentence": (
        "hedges", lambda size: _repeat("reportedly allegedly likely ", size, tail="happened.")),
    "'..., it added.' chain (distinct claims)": (
        "attribution", lambda size: _numbered("Drone {n} hit building {n}, it added. ", size,
                                              head="The Ukrainian military said drones hit Kyiv. ")),
    "'The video ..., it added.' chain (each inherits every earlier teller)": (
        "attribution", lambda size: _numbered("The video {n} showed a strike, it added. ", size,
                                              head="The Ukrainian military said drones hit Kyiv. ")),
    "'..., he said.' chain (distinct claims)": (
        "attribution", lambda size: _numbered("Troop {n} moved to sector {n}, he said. ", size,
                                              head="President Zelensky said the war goes on. ")),
    "distinct named sources, one claim each": (
        "attribution", lambda size: _numbered("Official {n} said troop {n} moved. ", size)),
    "'according to X, citing Y, citing ...' chain": (
        "attribution", lambda size: "Drones hit Kyiv, according to "
        + ", citing ".join(f"outlet{n} news" for n in range(max(1, size // 20))) + "."),
    "'officials said' repeated in one sentence": (
        "attribution", lambda size: _repeat("officials said ", size, tail=".")),
    "many cues in every claim": (
        "attribution gate", lambda size: _numbered("Officials {n} said the mayor told police the army said troop {n} moved. ", size)),
    "a person named, then 'the sheriff said', then 'he said'": (
        "people", lambda size: "".join(
            f"Sheriff Dana {_name(n)} arrived at post {n}. The sheriff said road {n} was shut. He said it would reopen. "
            for n in range(max(1, size // 100)))),
    "one long sentence of names, then 'he said' claims": (
        "people", lambda size: _repeat("Dana Whitlock met Sam Ortega and ", size // 2, tail="they left. ")
        + _repeat("He said so. ", size // 2)),
    "an embedded post per paragraph": (
        "people", lambda size: _numbered("Road {n} is shut. Stay home \u2014 Jane Roe (@janeroe{n}) May 2, 2020\n\n", size)),
    "a quotation going on over every paragraph": (
        "people", lambda size: _numbered("\u201cRoad {n} is shut,\u201d he said.\n\n\u201cAnd road {n} too.\n\n", size)),
    "a name in apposition in every claim": (
        "appositions", lambda size: _numbered("The senator's lawyer, Jane {n} Roe, said troop {n} moved. ", size)),
    "a long teller before 'told reporters'": (
        "appositions", lambda size: _repeat("the man, ", size, tail="told reporters the road was shut.")),
    "a long aside between a subject and its cue": (
        "appositions", lambda size: _repeat("and many other people in the area ", size, head="Officials in the region, ",
                                            tail=", it said the road was shut.")),
    "'X, citing Y, said' in every claim": (
        "appositions", lambda size: _numbered("The newspaper, citing police spokesman {n}, said troop {n} moved. ", size)),
    "one long attributed claim": (
        "roles", lambda size: _repeat("troops moved and ", size, head="Officials said that ", tail="stopped.")),
    "a hedge across a long run of spaces": (
        "hedge detector", lambda size: _repeat(" ", size, head="It may", tail=" happen, he said.")),
    "a hedge before one long hyphenated word": (
        "hedge detector", lambda size: _repeat("well-", size, head="It may be ", tail="known, he said.")),
    "a sourcing note after every claim": (
        "sourcing notes", lambda size: _numbered("Troop {n} moved. The claim could not be independently verified. ", size)),
    "a page-furniture line between claims": (
        "claims, furniture", lambda size: _numbered("Related stories\nTroop {n} moved, officials said.\nAdvertisement\n", size)),
    "long lines made of furniture words": (
        "claims, furniture", lambda size: _repeat("sign up here " * 13 + "\n", size)),
    "one line per claim": (
        "segmentation", lambda size: _repeat("Officials said.\n", size)),
    "no punctuation at all": (
        "segmentation", lambda size: _repeat("word ", size)),
    "an unclosed quotation": (
        "segmentation", lambda size: '"' + _repeat("He said it went well and ", size)),
}


def run_once(engine: Engine, text: str, explain: bool = False) -> tuple[float, int]:
    started = time.process_time()
    body = render(engine.analyse(text), engine.model_version, explain=explain)
    seconds = time.process_time() - started
    return seconds, len(json.dumps(body, ensure_ascii=False).encode())


def best_of(engine: Engine, text: str, repeats: int) -> float:
    return min(run_once(engine, text)[0] for _ in range(repeats))


def cumulative_times(engine: Engine, text: str) -> dict[str, float]:
    """Time in each of the service's own functions, callees included, over one analyse + render."""
    render(engine.analyse(text), engine.model_version)  # warm: per-process tables and caches filled
    profiler = cProfile.Profile(time.process_time)
    profiler.runcall(lambda: render(engine.analyse(text), engine.model_version))
    return {
        f"{path.split('/service/', 1)[1]}:{line} {name}": entry[3]
        for (path, line, name), entry in pstats.Stats(profiler).stats.items()
        if "/service/" in path
    }


def stage_times(engine: Engine, text: str) -> dict[str, float]:
    """CPU seconds of each stage (``render`` included) in the faster of two warm runs, without a profiler, whose
    per-call cost would hide a stage that grows only because the article's objects no longer fit the caches."""
    runs = []
    for _ in range(2):
        times: dict[str, float] = {}
        with observing(lambda name, seconds: times.__setitem__(name, times.get(name, 0.0) + seconds), time.process_time):
            result = engine.analyse(text)
        started = time.process_time()
        render(result, engine.model_version)
        times["render"] = time.process_time() - started
        runs.append(times)
    return min(runs, key=lambda times: sum(times.values()))


def stage_growth(engine: Engine, build: Callable[[int], str], size: int, share: float = 0.05) -> list[tuple[str, float, float]]:
    """(stage, growth of its time when the input doubles, share of the whole at 2 x size) for the stages with at
    least ``share`` of the time, in pipeline order."""
    small, large = stage_times(engine, build(size)), stage_times(engine, build(2 * size))
    return _growth(small, large, sum(large.values()), share)


def superlinear_functions(engine: Engine, build: Callable[[int], str], size: int, share: float = 0.05) -> list[tuple[str, float, float]]:
    """(function, growth of its time when the input doubles, share of the whole at 2 x size)
    for the service's functions with at least ``share`` of the time, largest share first."""
    small, large = cumulative_times(engine, build(size)), cumulative_times(engine, build(2 * size))
    return sorted(_growth(small, large, max(large.values()), share), key=lambda item: -item[2])


def _growth(small: dict[str, float], large: dict[str, float], whole: float, share: float) -> list[tuple[str, float, float]]:
    """(name, large / small time, share of ``whole`` at the large size) for the names with at least ``share``."""
    return [(name, seconds / small[name], seconds / whole) for name, seconds in large.items()
            if seconds >= share * whole and small.get(name, 0) > 0]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[20, 40, 80, 160], help="kB")
    parser.add_argument("--budget", type=float, default=60.0, help="skip a run expected to take longer (seconds)")
    parser.add_argument("--max-response-mb", type=float, default=200.0, help="skip a run expected to answer more (MB)")
    parser.add_argument("--only", nargs="+", help="run the families whose name or stage contains one of these")
    args = parser.parse_args()

    engine = load_engine(load_config()["CREDENCE_MODEL_PATH"])
    paragraphs = dev_paragraphs()
    normal = {}
    print(f"load average {os.getloadavg()[0]:.2f}; times are CPU seconds of this process")
    print("normal article (PolNeAR dev paragraphs): seconds, response bytes per input byte (default / explain)")
    for kb in args.sizes:
        text = article_of_size(kb * 1000, paragraphs)
        seconds = best_of(engine, text, 3)
        normal[kb] = seconds
        size = len(text.encode())
        print(f"  {kb:4d} kB  {seconds:7.3f} s  {run_once(engine, text)[1] / size:5.1f} / {run_once(engine, text, explain=True)[1] / size:5.1f}")

    missed = []
    families = {
        name: (stage, build) for name, (stage, build) in FAMILIES.items()
        if not args.only or any(part in name or part in stage for part in args.only)
    }
    print(f"\nworst cases: time ratio to the normal article of the same size (target <= {TARGET_RATIO:g}x), "
          "response bytes per input byte (default / explain)")
    for name, (stage, build) in families.items():
        print(f"  [{stage}] {name}")
        worst_ratio, last_seconds, last_bytes = 0.0, 0.0, 0
        for kb in args.sizes:
            # Extrapolated quadratically from the last size, so a blow-up is seen without risking the machine.
            if last_seconds * 4 > args.budget or last_bytes * 4 > args.max_response_mb * 1e6:
                last_seconds, last_bytes = last_seconds * 4, last_bytes * 4
                print(f"    {kb:4d} kB  skipped: about {last_seconds:.0f} s and {last_bytes / 1e6:.0f} MB expected "
                      f"(budget {args.budget:g} s, {args.max_response_mb:g} MB)")
                worst_ratio = float("inf")
                continue
            text = build(kb * 1000)
            size = len(text.encode())
            seconds, plain_bytes = run_once(engine, text)
            _, explained_bytes = run_once(engine, text, explain=True)
            if seconds < 1:
                seconds = min(seconds, best_of(engine, text, 2))
            last_seconds, last_bytes = seconds, explained_bytes
            if kb == args.sizes[0]:
                first_seconds = seconds
            ratio = seconds / normal[kb]
            worst_ratio = max(worst_ratio, ratio)
            print(f"    {kb:4d} kB  {seconds:8.3f} s  {ratio:8.1f}x  {plain_bytes / size:6.1f} / {explained_bytes / size:6.1f}")
        print(f"    worst ratio {worst_ratio:.1f}x: {verdict(worst_ratio <= TARGET_RATIO)}")
        if worst_ratio > TARGET_RATIO:
            missed.append((name, stage, build, first_seconds))

    if missed:
        print("\nwhere the time goes in each family over the target: the service's functions with >= 5% of the time "
              "(callees included), its growth when the input doubles (2 = linear, 4 = quadratic)")
        for name, stage, build, first_seconds in missed:
            base = args.sizes[0] * 1000 // (2 if first_seconds > 2 else 1)
            print(f"  [{stage}] {name} ({base // 1000} -> {2 * base // 1000} kB)")
            print("    per stage, CPU time without a profiler:")
            _print_growth(stage_growth(engine, build, base))
            print("    per function, cProfile (callees included):")
            _print_growth(superlinear_functions(engine, build, base))


def _print_growth(rows: list[tuple[str, float, float]]) -> None:
    for name, growth, share in rows:
        flag = "  SUPERLINEAR" if growth > 2.6 else ""
        print(f"    {growth:5.1f}x  {100 * share:5.1f}%  {name}{flag}")

if __name__ == "__main__":
    main()
