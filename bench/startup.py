"""Cold start and resident memory of one worker process.

    .venv/bin/python -m bench.startup [--repeats N]

Cold start is measured in fresh interpreters (nothing imported, nothing cached), each
started as ``python -m bench.startup --probe KIND``:

- ``engine``: import the pipeline and ``Engine.load()`` (the model and the weights);
- ``app``: import the service and ``create_app()`` (Flask, the schemas and the engine).

Each probe reports its own import and load time; the whole process's wall time, the
interpreter's start-up included, is timed from outside. Medians of ``--repeats`` runs;
the target for ``create_app()`` is 1.5 s.

Memory: one fresh process builds the app and posts every corpus article to
``POST /v1/score`` through Flask's test client, as a gunicorn worker would serve them,
then reads its own VmRSS (resident now) and VmHWM (peak) from /proc/self/status. The
target is 150 MB.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time

from bench.corpus import REPO_DIR, corpus, median, megabytes, resident_memory_kib, verdict

COLD_START_TARGET_SECONDS = 1.5
WORKER_RSS_TARGET_MB = 150
PROBES = ("engine", "app", "worker-memory")


def probe(kind: str) -> dict:
    """Run in a fresh interpreter: time what ``kind`` loads, report it as a dict."""
    started = time.perf_counter()
    if kind == "engine":
        from service.pipeline.engine import Engine

        imported = time.perf_counter()
        Engine.load()
    else:
        from service import create_app

        imported = time.perf_counter()
        app = create_app()
    loaded = time.perf_counter()
    report = {"import_s": imported - started, "load_s": loaded - imported, "total_s": loaded - started}
    if kind == "worker-memory":
        report["rss_after_start_kib"] = resident_memory_kib()["VmRSS"]
        client = app.test_client()
        for article in corpus():
            response = client.post("/v1/score", json={"text": article.text})
            if response.status_code != 200:
                raise SystemExit(f"{article.name}: HTTP {response.status_code}")
        report.update(resident_memory_kib())
    return report


def run_probe(kind: str) -> tuple[dict, float]:
    """The probe's own report and the wall time of its whole process."""
    started = time.perf_counter()
    finished = subprocess.run(
        [sys.executable, "-m", "bench.startup", "--probe", kind],
        cwd=REPO_DIR, capture_output=True, text=True, check=False,
    )
    wall = time.perf_counter() - started
    if finished.returncode != 0:
        raise SystemExit(f"probe {kind} failed:\n{finished.stderr}")
    return json.loads(finished.stdout.strip().splitlines()[-1]), wall


def cold_start(kind: str, label: str, repeats: int) -> float:
    runs = [run_probe(kind) for _ in range(repeats)]
    imports = median([report["import_s"] for report, _ in runs])
    loads = median([report["load_s"] for report, _ in runs])
    totals = median([report["total_s"] for report, _ in runs])
    walls = median([wall for _, wall in runs])
    print(f"  {label:<32} import {imports:5.3f} s + load {loads:5.3f} s = {totals:5.3f} s"
          f"   (whole process {walls:5.3f} s)")
    return totals


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=5, help="fresh processes per measure (default 5)")
    parser.add_argument("--probe", choices=PROBES, help=argparse.SUPPRESS)
    arguments = parser.parse_args()
    if arguments.probe:
        print(json.dumps(probe(arguments.probe)))
        return

    print(f"cold start, fresh interpreter, median of {arguments.repeats}:")
    cold_start("engine", "Engine.load()", arguments.repeats)
    app_seconds = cold_start("app", "create_app()", arguments.repeats)
    print(f"  create_app() target <= {COLD_START_TARGET_SECONDS} s: {verdict(app_seconds <= COLD_START_TARGET_SECONDS)}")

    memory, _ = run_probe("worker-memory")
    rss_mb = megabytes(memory["VmRSS"])
    print(f"worker memory (create_app, then POST /v1/score for each of {len(corpus())} corpus articles):")
    print(f"  after start-up {megabytes(memory['rss_after_start_kib']):.1f} MB; after scoring VmRSS {rss_mb:.1f} MB,"
          f" peak VmHWM {megabytes(memory['VmHWM']):.1f} MB (target <= {WORKER_RSS_TARGET_MB} MB:"
          f" {verdict(rss_mb <= WORKER_RSS_TARGET_MB)})")


if __name__ == "__main__":
    main()
