"""The service under gunicorn, loaded over loopback: requests/s, p50 and p99 latency, errors.

    .venv/bin/python -m bench.http_load [--clients N] [--seconds S] [--max-requests N]

Starts ``gunicorn -c python:service.gunicorn_conf`` with 2 workers on a free port of
127.0.0.1, waits for ``/v1/health``, then runs two bounded scenarios from separate client
processes (closed loop: each client sends its next request when the last one answered,
over one ``http.client`` connection that it keeps and reopens only when the server
closes it):

- single: ``POST /v1/score`` with one real ~5 kB article (PolNeAR dev or seed, 4-6 kB);
- batch: ``POST /v1/score/batch`` with 10 such articles.

Each scenario stops after ``--seconds`` or ``--max-requests``, whichever comes first;
then the server is stopped. Only 127.0.0.1 is ever contacted. Targets for single:
>= 150 requests/s, p99 <= 100 ms, no errors. The workers' resident memory after the load
is read from /proc (target 150 MB each; pages shared with the preloading master count in
each worker's figure).
"""
from __future__ import annotations

import argparse
import http.client
import json
import multiprocessing
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from bench.corpus import REPO_DIR, megabytes, percentile, resident_memory_kib, typical_articles, verdict

HOST = "127.0.0.1"
WORKERS = 2
BATCH_ARTICLES = 10
START_TIMEOUT_SECONDS = 60
REQUEST_TIMEOUT_SECONDS = 30
TARGET_REQUESTS_PER_SECOND = 150
TARGET_P99_MS = 100
WORKER_RSS_TARGET_MB = 150


@dataclass(frozen=True)
class Scenario:
    name: str
    path: str
    bodies: list[bytes]
    articles_per_request: int


@dataclass(frozen=True)
class ClientRun:
    started: float
    finished: float
    latencies: list[float]
    errors: int
    first_error: str | None


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return probe.getsockname()[1]


def start_server(port: int, log_path: Path) -> subprocess.Popen:
    command = [
        sys.executable, "-m", "gunicorn", "-c", "python:service.gunicorn_conf",
        "--bind", f"{HOST}:{port}", "--workers", str(WORKERS), "service:create_app()",
    ]
    with log_path.open("wb") as log:
        server = subprocess.Popen(command, cwd=REPO_DIR, stdout=log, stderr=subprocess.STDOUT)
    deadline = time.monotonic() + START_TIMEOUT_SECONDS
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(f"gunicorn exited with {server.returncode}:\n{log_path.read_text()}")
        try:
            connection = http.client.HTTPConnection(HOST, port, timeout=2)
            connection.request("GET", "/v1/health")
            if connection.getresponse().status == 200:
                return server
        except OSError:
            time.sleep(0.2)
    stop_server(server)
    raise SystemExit(f"gunicorn did not answer /v1/health within {START_TIMEOUT_SECONDS} s:\n{log_path.read_text()}")


def stop_server(server: subprocess.Popen) -> None:
    """SIGTERM to the master (it stops its workers), SIGKILL if it lingers."""
    server.send_signal(signal.SIGTERM)
    try:
        server.wait(timeout=15)
    except subprocess.TimeoutExpired:
        server.kill()
        server.wait()


def worker_pids(master_pid: int) -> list[int]:
    children = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", encoding="ascii", errors="replace") as stat:
                fields = stat.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == master_pid:
            children.append(int(entry))
    return sorted(children)


def run_client(port: int, path: str, bodies: list[bytes], offset: int, max_requests: int, deadline: float) -> ClientRun:
    """One closed-loop client: send until ``max_requests`` or the (monotonic) deadline."""
    connection = http.client.HTTPConnection(HOST, port, timeout=REQUEST_TIMEOUT_SECONDS)
    headers = {"Content-Type": "application/json"}
    latencies: list[float] = []
    errors = 0
    first_error = None
    started = time.perf_counter()
    for sent in range(max_requests):
        if time.monotonic() >= deadline:
            break
        body = bodies[(offset + sent) % len(bodies)]
        request_started = time.perf_counter()
        try:
            connection.request("POST", path, body=body, headers=headers)
            response = connection.getresponse()
            payload = response.read()
            failed = response.status != 200
            problem = f"HTTP {response.status}: {payload[:200]!r}" if failed else None
        except (OSError, http.client.HTTPException) as error:
            connection.close()
            failed, problem = True, repr(error)
        latencies.append(time.perf_counter() - request_started)
        if failed:
            errors += 1
            first_error = first_error or problem
    connection.close()
    return ClientRun(started, time.perf_counter(), latencies, errors, first_error)


def run_scenario(port: int, scenario: Scenario, clients: int, seconds: float, max_requests: int) -> None:
    deadline = time.monotonic() + seconds
    per_client = max(1, max_requests // clients)
    jobs = [(port, scenario.path, scenario.bodies, client, per_client, deadline) for client in range(clients)]
    with multiprocessing.get_context("spawn").Pool(clients) as pool:
        runs: list[ClientRun] = pool.starmap(run_client, jobs)
    latencies = sorted(latency for run in runs for latency in run.latencies)
    elapsed = max(run.finished for run in runs) - min(run.started for run in runs)
    errors = sum(run.errors for run in runs)
    rate = len(latencies) / elapsed
    p50_ms = percentile(latencies, 0.50) * 1000
    p99_ms = percentile(latencies, 0.99) * 1000
    print(f"  {scenario.name:<22} {len(latencies):>6} requests in {elapsed:5.1f} s: {rate:7.1f} req/s"
          f" ({rate * scenario.articles_per_request:7.1f} articles/s)  p50 {p50_ms:6.1f} ms  p99 {p99_ms:6.1f} ms"
          f"  errors {errors}")
    if errors:
        print(f"    first error: {next(run.first_error for run in runs if run.first_error)}")
    if scenario.articles_per_request == 1:
        met = rate >= TARGET_REQUESTS_PER_SECOND and p99_ms <= TARGET_P99_MS and errors == 0
        print(f"    target >= {TARGET_REQUESTS_PER_SECOND} req/s, p99 <= {TARGET_P99_MS} ms, no errors: {verdict(met)}")


def scenarios() -> list[Scenario]:
    articles = typical_articles()
    singles = [json.dumps({"text": article.text}).encode() for article in articles]
    batches = [
        json.dumps({
            "articles": [
                {"id": articles[(first + shift) % len(articles)].name, "text": articles[(first + shift) % len(articles)].text}
                for shift in range(BATCH_ARTICLES)
            ]
        }).encode()
        for first in range(len(articles))
    ]
    mean_kb = sum(article.size_bytes for article in articles) / len(articles) / 1000
    return [
        Scenario(f"single ({mean_kb:.1f} kB)", "/v1/score", singles, 1),
        Scenario(f"batch ({BATCH_ARTICLES} x {mean_kb:.1f} kB)", "/v1/score/batch", batches, BATCH_ARTICLES),
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=4, help="concurrent client processes (default 4)")
    parser.add_argument("--seconds", type=float, default=15.0, help="longest run of one scenario (default 15)")
    parser.add_argument("--max-requests", type=int, default=5000, help="most requests of one scenario (default 5000)")
    arguments = parser.parse_args()
    port = free_port()
    with tempfile.TemporaryDirectory(prefix="credence-bench-") as scratch:
        server = start_server(port, Path(scratch) / "gunicorn.log")
        try:
            print(f"gunicorn, {WORKERS} workers on {HOST}:{port}; {arguments.clients} client processes,"
                  f" each scenario bounded by {arguments.seconds:.0f} s or {arguments.max_requests} requests")
            for scenario in scenarios():
                run_client(port, scenario.path, scenario.bodies, 0, 2 * WORKERS, time.monotonic() + 10)  # warm-up
                run_scenario(port, scenario, arguments.clients, arguments.seconds, arguments.max_requests)
            sizes = [megabytes(resident_memory_kib(pid)["VmRSS"]) for pid in worker_pids(server.pid)]
            print(f"  worker VmRSS after the load: {', '.join(f'{size:.1f}' for size in sizes)} MB"
                  f" (target <= {WORKER_RSS_TARGET_MB} MB each: {verdict(max(sizes) <= WORKER_RSS_TARGET_MB)})")
        finally:
            stop_server(server)


if __name__ == "__main__":
    main()
