"""credence bulk on a local Dask cluster: articles per second with 1 and 2 workers beside the
plain in-process loop, the cost per input, start-up overhead, memory per worker, identical scores.

    .venv/bin/python -m bench.bulk [--articles 2000] [--workers 1 2] [--repeats 3] [--partition-size N] [--shipped]

The archive is PolNeAR train and dev, the AllSides train folds (data/realworld/train; never
the test fold) and the five seeds, repeated until it holds ``--articles`` texts, written once
as a JSON Lines file (ids ``copy/name``). Each configuration runs in a fresh interpreter
(``--probe``), so each pays its own imports:

- ``loop``: ``score_article`` on every text, one after the other, in one process: what a user
  would otherwise write, and the baseline of the targets;
- ``loop+check``: the same after the language check every bulk input goes through
  (``service.intake.read_article``): the same work as a worker does;
- ``workers=N``: ``credence bulk``'s code on a local cluster of N worker processes. Start-up
  is the time from a fresh interpreter to a cluster whose workers hold the model (import
  service.bulk, start the cluster, load the engine and score the warm-up article on every
  worker); the rate is that of ``score_archive`` alone (reading, scoring, writing the parts).
  Memory is each worker's VmRSS and VmHWM after the run. The workers read the texts and write
  the parts themselves, as on any local cluster; with ``--shipped``, each worker count also runs
  as on a ``--scheduler`` cluster (``N shipped``: the client sends the texts and writes the rows).

Each probe also reports CPU time: the loop's process, or every worker process and the client
(which runs the scheduler too) for a cluster. CPU per input is what a shared machine cannot
inflate much, so the per-input overhead of bulk is measured on it; articles per second needs
free cores. The configurations alternate, ``--repeats`` rounds; the load average is printed
before and after every probe and the whole run, and each ratio says over how many rounds it
was taken (best against best, and median against median). Then the first worker run's Parquet
rows are compared with ``score_article``'s bodies, article by article and claim by claim.
Targets: 2 workers >= 1.7x the plain loop; 1 worker >= 0.95x; start-up <= 5 s; <= 300 MB per
worker; identical scores.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from itertools import cycle, islice
from pathlib import Path

from bench.corpus import REPO_DIR, SEEDS_DIR, median, megabytes, resident_memory_kib, verdict

SPEED_TARGET = 1.7
ONE_WORKER_TARGET = 0.95
START_UP_TARGET_SECONDS = 5.0
WORKER_MEMORY_TARGET_MB = 300
TEXT_DIRS = (
    REPO_DIR / "data" / "polnear" / "train" / "text",
    REPO_DIR / "data" / "polnear" / "dev" / "text",
    REPO_DIR / "data" / "realworld" / "train" / "text",
    SEEDS_DIR,
)
LOOPS = ("loop", "loop+check")
SHIPPED = "shipped"


def write_archive(path: Path, count: int) -> None:
    """``count`` records: the corpus texts in order, repeated as often as needed, each id unique."""
    texts = [text_path for folder in TEXT_DIRS for text_path in sorted(folder.glob("*.txt"))]
    with path.open("w", encoding="utf-8") as archive:
        for number, text_path in enumerate(islice(cycle(texts), count)):
            record = {"id": f"{number // len(texts)}/{text_path.name}", "text": text_path.read_text(encoding="utf-8")}
            archive.write(json.dumps(record, ensure_ascii=False) + "\n")


def _worker_state() -> dict:
    return {"cpu_s": time.process_time(), **resident_memory_kib()}


def probe_loop(archive: Path, same_work: bool) -> dict:
    """``score_article`` on every text; with ``same_work``, after the language check bulk makes too."""
    from service import score_article
    from service.intake import read_article
    from service.language import load_detector

    records = [json.loads(line) for line in archive.open(encoding="utf-8")]
    score_article("Warm-up: the model is loaded before the clock starts, officials said.")
    load_detector()
    read_article(text=records[0]["text"])
    started, cpu = time.perf_counter(), time.process_time()
    for record in records:
        score_article(read_article(text=record["text"]).text if same_work else record["text"])
    return {"articles": len(records), "score_s": time.perf_counter() - started, "cpu_s": time.process_time() - cpu}


def probe_workers(archive: Path, out_dir: Path, workers: int, shipped: bool, partition_size: int | None) -> dict:
    started = time.perf_counter()
    from service.bulk import open_client, score_archive
    from service.bulk.run import LoadEngine

    imported = time.perf_counter()
    with open_client(workers=workers) as client:
        clustered = time.perf_counter()
        client.register_plugin(LoadEngine(None), name="credence-load-engine")
        ready = time.perf_counter()
        before, client_cpu = client.run(_worker_state), time.process_time()
        summary = score_archive(
            [str(archive)], out_dir, client, partition_size=partition_size, progress=False, shared_files=not shipped
        )
        client_cpu = time.process_time() - client_cpu
        after = client.run(_worker_state)
    return {
        "import_s": imported - started, "cluster_s": clustered - imported, "engine_s": ready - clustered,
        "score_s": summary.seconds, "articles": summary.scored + summary.failed, "failed": summary.failed,
        "cpu_s": sum(after[name]["cpu_s"] - before[name]["cpu_s"] for name in after), "client_cpu_s": client_cpu,
        "memory": list(after.values()),
    }


def run_probe(*arguments: str) -> dict:
    load = os.getloadavg()[0]
    finished = subprocess.run(
        [sys.executable, "-m", "bench.bulk", "--probe", *arguments], cwd=REPO_DIR, capture_output=True, text=True
    )
    if finished.returncode != 0:
        raise SystemExit(f"probe {arguments} failed:\n{finished.stderr}")
    run = json.loads(finished.stdout.strip().splitlines()[-1])
    run.update(load_before=load, load_after=os.getloadavg()[0], rate=run["articles"] / run["score_s"])
    run["cpu_ms"] = 1000 * run["cpu_s"] / run["articles"]
    if "memory" in run:
        run["start_up"] = run["import_s"] + run["cluster_s"] + run["engine_s"]
        run["peak_mb"] = max(megabytes(memory["VmHWM"]) for memory in run["memory"])
        run["rss_mb"] = max(megabytes(memory["VmRSS"]) for memory in run["memory"])
    return run


def mismatches(archive: Path, out_dir: Path) -> tuple[int, int]:
    """(articles compared, articles whose rows differ from score_article's body in any value)."""
    import pyarrow.dataset as ds

    from service import score_article

    articles = {row["id"]: row for row in ds.dataset(out_dir / "articles.parquet").to_table().to_pylist()}
    claims: dict[str, list] = {}
    for row in ds.dataset(out_dir / "claims.parquet").to_table(columns=["id", "index", "score", "source", "cue"]).to_pylist():
        claims.setdefault(row["id"], []).append(row)
    differ = compared = 0
    for line in archive.open(encoding="utf-8"):
        record = json.loads(line)
        body = score_article(record["text"])
        row = articles[record["id"]]
        expected = [
            (claim["index"], claim["score"], ((claim["attribution"] or {}).get("source") or {}).get("text"),
             ((claim["attribution"] or {}).get("cue") or {}).get("text"))
            for claim in body["claims"]
        ]
        stored = sorted((c["index"], c["score"], c["source"], c["cue"]) for c in claims.get(record["id"], []))
        same = (row["score"], row["rating"], row["claim_count"]) == (
            body["article"]["score"], body["article"]["rating"], body["article"]["claim_count"]
        ) and all(row[share] == value for share, value in body["article"]["summary"].items()) and stored == expected
        compared += 1
        differ += not same
    return compared, differ


def _ratios(runs: dict[str, list[dict]], kind: str, base: str) -> tuple[float, float, int]:
    """``kind``'s rate over ``base``'s: best against best, median against median, and the rounds."""
    rates, base_rates = [run["rate"] for run in runs[kind]], [run["rate"] for run in runs[base]]
    return max(rates) / max(base_rates), median(rates) / median(base_rates), min(len(rates), len(base_rates))


def _loads(runs: list[dict]) -> str:
    return f"load {min(run['load_before'] for run in runs):.1f}-{max(run['load_after'] for run in runs):.1f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2000, help="archive size (default 2000)")
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2], help="worker counts to run (default 1 2)")
    parser.add_argument("--partition-size", type=int, help="at most N articles per task (default: credence bulk's)")
    parser.add_argument("--repeats", type=int, default=3, help="rounds, each running every configuration (default 3)")
    parser.add_argument("--shipped", action="store_true", help="also run each worker count as on a --scheduler cluster")
    parser.add_argument("--probe", nargs="+", help=argparse.SUPPRESS)
    arguments = parser.parse_args()
    if arguments.probe:
        kind, archive, *rest = arguments.probe
        if kind in LOOPS:
            report = probe_loop(Path(archive), same_work=kind == "loop+check")
        else:
            report = probe_workers(Path(archive), Path(rest[0]), int(rest[1]), rest[2] == SHIPPED, arguments.partition_size)
        print(json.dumps(report))
        return

    load_at_start = os.getloadavg()
    partitioning = ["--partition-size", str(arguments.partition_size)] if arguments.partition_size else []
    with tempfile.TemporaryDirectory(prefix="credence-bench-bulk-") as scratch:
        archive = Path(scratch) / "archive.jsonl"
        write_archive(archive, arguments.articles)
        print(f"archive: {arguments.articles} articles, {archive.stat().st_size / 1e6:.1f} MB of JSON Lines;"
              f" partitions: {arguments.partition_size or 'by bytes (credence bulk default)'};"
              f" {arguments.repeats} rounds, each configuration once per round;"
              f" load average at start {load_at_start[0]:.2f} {load_at_start[1]:.2f} {load_at_start[2]:.2f} (1, 5, 15 min)")
        modes = ("", f" {SHIPPED}") if arguments.shipped else ("",)
        runs: dict[str, list[dict]] = {kind: [] for kind in (*LOOPS, *(f"{n}{mode}" for n in arguments.workers for mode in modes))}
        first_out: dict[str, Path] = {}  # the first run's output of each mode, compared with score_article
        for round_number in range(arguments.repeats):
            for kind in runs:
                if kind in LOOPS:
                    run = run_probe(kind, str(archive))
                else:
                    out_dir = Path(scratch) / f"out-{kind.replace(' ', '-')}-{round_number}"
                    count, _, mode = kind.partition(" ")
                    first_out.setdefault(mode or "shared", out_dir)
                    run = run_probe("workers", str(archive), str(out_dir), count, mode or "shared", *partitioning)
                runs[kind].append(run)
                print(f"  round {round_number + 1} {_label(kind):<44} {run['rate']:6.1f} articles/s ({run['score_s']:.1f} s),"
                      f" CPU {run['cpu_ms']:.2f} ms/input{_details(run)}"
                      f"   load {run['load_before']:.2f} -> {run['load_after']:.2f}")
        load_at_end = os.getloadavg()
        print(f"load average at the end {load_at_end[0]:.2f} {load_at_end[1]:.2f} {load_at_end[2]:.2f} (1, 5, 15 min)")
        loop_cpu = median([run["cpu_ms"] for run in runs["loop"]])
        print(f"per configuration, best and median of {arguments.repeats} rounds (noise on a shared machine only slows a run):")
        for kind, kind_runs in runs.items():
            rates = [run["rate"] for run in kind_runs]
            cpu = median([run["cpu_ms"] for run in kind_runs])
            line = (f"  {_label(kind):<44} best {max(rates):6.1f}, median {median(rates):6.1f} articles/s;"
                    f" CPU {cpu:.2f} ms/input (median), {cpu / loop_cpu:.3f}x the plain loop's")
            if kind not in LOOPS:
                line += f" ({cpu - loop_cpu:+.2f} ms/input; client {median([r['client_cpu_s'] for r in kind_runs]) * 1000 / kind_runs[0]['articles']:.2f} ms/input)"
                for base in LOOPS:
                    best, middle, rounds = _ratios(runs, kind, base)
                    line += f"\n      rate vs {_label(base)}: {best:.2f}x best/best, {middle:.2f}x median/median ({rounds} rounds)"
            print(line + f"   {_loads(kind_runs)}")
        print("targets:")
        for kind, target in (("2", SPEED_TARGET), ("1", ONE_WORKER_TARGET)):
            if kind in runs:
                best, middle, rounds = _ratios(runs, kind, "loop")
                print(f"  {_label(kind)} >= {target}x the plain loop: {best:.2f}x best/best, {middle:.2f}x median/median"
                      f" over {rounds} rounds {verdict(best >= target)}   {_loads(runs[kind] + runs['loop'])}")
        clusters = [run for kind in runs if kind not in LOOPS for run in runs[kind]]
        if clusters:
            start_up = min(run["start_up"] for run in clusters)
            peak = max(run["peak_mb"] for run in clusters)
            print(f"  start-up <= {START_UP_TARGET_SECONDS:.0f} s: best {start_up:.2f} s {verdict(start_up <= START_UP_TARGET_SECONDS)};"
                  f" <= {WORKER_MEMORY_TARGET_MB} MB per worker: peak {peak:.0f} MB {verdict(peak <= WORKER_MEMORY_TARGET_MB)}")
            for mode, out_dir in first_out.items():
                compared, differ = mismatches(archive, out_dir)
                print(f"  identical to score_article ({mode}): {compared - differ}/{compared} {verdict(differ == 0)}")


def _label(kind: str) -> str:
    if kind == "loop":
        return "plain loop (score_article, one process)"
    if kind == "loop+check":
        return "same-work loop (language check + score_article)"
    count, _, mode = kind.partition(" ")
    how = "texts and rows shipped" if mode else "local cluster"
    return f"{count} worker{'s' if count != '1' else ''} (credence bulk, {how})"


def _details(run: dict) -> str:
    if "start_up" not in run:
        return ""
    return (f" + client {1000 * run['client_cpu_s'] / run['articles']:.2f}; start-up {run['start_up']:.2f} s"
            f" (import {run['import_s']:.2f} + cluster {run['cluster_s']:.2f} + model on workers {run['engine_s']:.2f});"
            f" per worker VmRSS {run['rss_mb']:.0f} MB, peak {run['peak_mb']:.0f} MB; {run['failed']} failed")


if __name__ == "__main__":
    main()
