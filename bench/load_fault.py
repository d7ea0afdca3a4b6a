"""Load and fault: the service under gunicorn keeps answering while clients misbehave and a worker is killed.

    .venv/bin/python -m bench.load_fault [--clients N] [--seconds S] [--held N] [--kill-after S] [--timeout S]

Starts ``gunicorn -c python:service.gunicorn_conf "service:create_app()"`` (as ``credence
serve`` and the Dockerfile do) with 2 workers on a free port of 127.0.0.1 and a fresh API
key, then runs, one after the other:

1. baseline: ``--clients`` threads, each over its own keep-alive ``http.client`` connection,
   send a mix of real and hostile requests (seed articles as JSON and text/plain, a small
   batch, health, malformed JSON, a wrong key, wrong types) for ``--seconds``.
2. idle and slow clients: the same load while ``--held`` connections (48) are held open,
   half sending nothing, half sending their headers one byte every 0.5 s; each is reopened
   when the server closes it. Target (issue 14): p99 of the normal clients within 2x of the
   baseline, 0 failures.
3. fault: the same load; at ``--kill-after`` seconds one worker gets SIGKILL and gunicorn
   must start a replacement. A request whose connection fails is counted, then sent once
   more on a new connection: "lost" counts those the service did not answer then either.
   Target: 0 lost.
4. pathological inputs, one at a time (bench.worst_cases has the full set and the time
   ratios): status and seconds of each; with the in-app deadline (``--timeout``, passed as
   CREDENCE_TIMEOUT) a slow one is a 503, not a killed worker.
5. memory: resident size of each worker after everything. Target: <= 150 MB.
6. the logs: access lines written, tracebacks, and whether the API key appears anywhere.

Prints numbers; not a test. Only 127.0.0.1 is contacted; every loop is bounded.
"""
from __future__ import annotations

import argparse
import http.client
import json
import os
import secrets
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from bench.corpus import percentile

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO / "data" / "seeds"
HOST = "127.0.0.1"
FALLBACK_ARTICLE = (
    "Russia launched 49 drones to attack Ukraine overnight, the Ukrainian military said on Monday.\n\n"
    "Of the 49 drones, the air force shot down 27, likely due to electronic warfare.\n\n"
    "Three drones remained in the Ukrainian air space as of Monday morning, it added.\n"
)


@dataclass
class Tally:
    """What the clients saw, merged under a lock."""

    lock: threading.Lock = field(default_factory=threading.Lock)
    statuses: Counter = field(default_factory=Counter)
    connection_failures: Counter = field(default_factory=Counter)
    recovered: int = 0
    unrecovered: int = 0
    latencies: list = field(default_factory=list)
    unexpected: Counter = field(default_factory=Counter)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return probe.getsockname()[1]


def articles() -> list[str]:
    texts = [path.read_text(encoding="utf-8") for path in sorted(SEEDS.glob("*.txt"))]
    return texts or [FALLBACK_ARTICLE]


def request_mix(key: str) -> list[tuple[str, str, bytes, dict, set[int]]]:
    """(name, method+path, body, headers, acceptable statuses): real work and hostile input."""
    auth = {"Authorization": f"Bearer {key}"}
    as_json = {**auth, "Content-Type": "application/json"}
    texts = articles()
    mix = [(f"score seed {i}", "POST /v1/score", json.dumps({"text": t}).encode(), as_json, {200})
           for i, t in enumerate(texts)]
    mix += [
        ("score text/plain", "POST /v1/score?format=text", texts[0].encode(),
         {**auth, "Content-Type": "text/plain; charset=utf-8"}, {200}),
        ("batch of 5", "POST /v1/score/batch",
         json.dumps({"articles": [{"id": str(i), "text": texts[i % len(texts)]} for i in range(5)]}).encode(),
         as_json, {200}),
        ("health", "GET /v1/health", b"", {}, {200}),
        ("malformed JSON", "POST /v1/score", b'{"text": "unterminated', as_json, {400}),
        ("wrong key", "POST /v1/score", b'{"text": "He said so."}',
         {"Authorization": "Bearer not-the-key-0123456789", "Content-Type": "application/json"}, {401}),
        ("wrong types", "POST /v1/score", b'{"text": ["a", 1, null]}', as_json, {422}),
    ]
    return mix


def send(connection: http.client.HTTPConnection, method_path: str, body: bytes, headers: dict) -> tuple[int, bytes]:
    method, path = method_path.split(" ", 1)
    connection.request(method, path, body=body or None, headers=headers)
    response = connection.getresponse()
    return response.status, response.read()


def client_loop(port: int, mix: list, deadline: float, budget: int, tally: Tally, offset: int) -> None:
    connection = http.client.HTTPConnection(HOST, port, timeout=60)
    for number in range(budget):
        if time.monotonic() >= deadline:
            break
        name, method_path, body, headers, acceptable = mix[(offset + number) % len(mix)]
        started = time.perf_counter()
        try:
            status, _ = send(connection, method_path, body, headers)
        except (OSError, http.client.HTTPException) as error:
            connection.close()
            connection = http.client.HTTPConnection(HOST, port, timeout=60)
            with tally.lock:
                tally.connection_failures[type(error).__name__] += 1
            try:
                status, _ = send(connection, method_path, body, headers)
            except (OSError, http.client.HTTPException):
                connection.close()
                connection = http.client.HTTPConnection(HOST, port, timeout=60)
                with tally.lock:
                    tally.unrecovered += 1
                continue
            with tally.lock:
                tally.recovered += 1
        elapsed = time.perf_counter() - started
        with tally.lock:
            tally.statuses[status] += 1
            tally.latencies.append(elapsed)
            if status not in acceptable:
                tally.unexpected[f"{name}: {status}"] += 1
    connection.close()


def worker_pids(master: int) -> list[int]:
    children = Path(f"/proc/{master}/task/{master}/children").read_text().split()
    return sorted(int(pid) for pid in children)


def rss_mib(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def wait_for_health(port: int, limit_seconds: float) -> None:
    deadline = time.monotonic() + limit_seconds
    while time.monotonic() < deadline:
        try:
            connection = http.client.HTTPConnection(HOST, port, timeout=2)
            if send(connection, "GET /v1/health", b"", {})[0] == 200:
                return
        except OSError:
            time.sleep(0.3)
    raise SystemExit(f"the service did not answer /v1/health within {limit_seconds} s")


def wait_for_replacement(master: int, killed: int, workers: int, limit_seconds: float) -> tuple[list[int], float]:
    started = time.monotonic()
    while time.monotonic() - started < limit_seconds:
        pids = worker_pids(master)
        if len(pids) == workers and killed not in pids:
            return pids, time.monotonic() - started
        time.sleep(0.05)
    return worker_pids(master), float("nan")


def pathological(port: int, key: str) -> list[tuple[str, int | str, float, int]]:
    """(input, status or failure, seconds, body bytes) for each pathological input, one at a time."""
    auth = {"Authorization": f"Bearer {key}", "Content-Type": "application/json"}
    inputs = [
        ("200,000 quotation marks", json.dumps({"text": '"' * 200_000}).encode()),
        ("10,000 x one sentence", json.dumps({"text": '"Yes," he said. ' * 10_000}).encode()),
        ("200,000 zero-width spaces and RTL marks", json.dumps({"text": "\u200b\u200f" * 100_000}).encode()),
        ("claim + 100,000 newlines", json.dumps({"text": "He said so." + "\n" * 100_000}).encode()),
        ("8 MB of nested brackets", b"[" * 4_000_000 + b"]" * 4_000_000),
        ("8 MB of spaces", json.dumps({"text": " " * 8_000_000}).encode()),
        ("80 kB: 'is unverified' repeated in one sentence (quadratic)",
         json.dumps({"text": "The claim is unverified and " * 2_850 + "the minister said."}).encode()),
    ]
    results = []
    for name, body in inputs:
        connection = http.client.HTTPConnection(HOST, port, timeout=120)
        started = time.perf_counter()
        try:
            status, _ = send(connection, "POST /v1/score", body, auth)
        except (OSError, http.client.HTTPException) as error:
            status = f"connection failed ({type(error).__name__})"
        results.append((name, status, time.perf_counter() - started, len(body)))
        connection.close()
    return results


def hold_connections(port: int, count: int, stop: threading.Event, reopened: Counter) -> list[threading.Thread]:
    """``count`` connections held open until ``stop``: even ones idle, odd ones sending their
    headers one byte every 0.5 s; each reopened when the server closes it."""

    def hold(slow: bool) -> None:
        kind = "slow" if slow else "idle"
        while not stop.is_set():
            try:
                with socket.create_connection((HOST, port), timeout=0.5) as connection:
                    pending = b"GET /v1/health HTTP/1.1\r\nHost: x\r\nX-Padding: " + b"a" * 4000
                    while not stop.is_set():
                        if slow and pending:
                            connection.sendall(pending[:1])
                            pending = pending[1:]
                        try:  # waits 0.5 s: the pace of the slow ones
                            if connection.recv(1) == b"":
                                break  # closed by the server
                        except TimeoutError:
                            pass
            except OSError:
                pass
            if not stop.is_set():
                with reopened_lock:
                    reopened[kind] += 1

    reopened_lock = threading.Lock()
    threads = [threading.Thread(target=hold, args=(index % 2 == 1,), daemon=True) for index in range(count)]
    for thread in threads:
        thread.start()
    return threads


def summary(tally: Tally, wall: float) -> dict:
    latencies = sorted(tally.latencies)
    return {
        "answered": sum(tally.statuses.values()),
        "per_second": sum(tally.statuses.values()) / wall,
        "p50_ms": percentile(latencies, 0.50) * 1000,
        "p99_ms": percentile(latencies, 0.99) * 1000,
        "fivexx": sum(n for s, n in tally.statuses.items() if s >= 500),
        "unexpected": dict(tally.unexpected),
        "connection_failures": sum(tally.connection_failures.values()),
        "lost": tally.unrecovered,
        "statuses": dict(sorted(tally.statuses.items())),
    }


def print_summary(title: str, numbers: dict) -> None:
    print(f"{title}: {numbers['answered']} answered ({numbers['per_second']:.1f}/s), "
          f"p50 {numbers['p50_ms']:.1f} ms, p99 {numbers['p99_ms']:.1f} ms; statuses {numbers['statuses']}; "
          f"5xx {numbers['fivexx']}; unexpected {numbers['unexpected'] or 'none'}; "
          f"connection failures {numbers['connection_failures']}, lost {numbers['lost']}")


def load_phase(port: int, mix: list, args, during=None) -> dict:
    """One load run of ``args.seconds``; ``during(started)`` runs in this thread meanwhile."""
    tally = Tally()
    started = time.monotonic()
    threads = [
        threading.Thread(target=client_loop, args=(port, mix, started + args.seconds, args.max_requests, tally, index * 3))
        for index in range(args.clients)
    ]
    for thread in threads:
        thread.start()
    if during is not None:
        during(started)
    for thread in threads:
        thread.join()
    return summary(tally, time.monotonic() - started)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--seconds", type=float, default=15.0, help="each load phase")
    parser.add_argument("--held", type=int, default=48, help="idle or slow connections held in phase 2")
    parser.add_argument("--kill-after", type=float, default=5.0)
    parser.add_argument("--timeout", type=float, default=10.0, help="CREDENCE_TIMEOUT for the server")
    parser.add_argument("--max-requests", type=int, default=20_000, help="per client and phase")
    parser.add_argument("--gunicorn-args", default="",
                        help='extra gunicorn options, to compare serving models (e.g. "--worker-class sync")')
    args = parser.parse_args()

    port = free_port()
    key = secrets.token_urlsafe(32)
    logs = Path(tempfile.mkdtemp(prefix="credence-load-fault-"))
    environment = {**os.environ, "CREDENCE_WORKERS": "2", "CREDENCE_BIND": f"{HOST}:{port}", "CREDENCE_API_KEYS": key,
                   "CREDENCE_TIMEOUT": str(args.timeout), "GUNICORN_CMD_ARGS": args.gunicorn_args}
    with open(logs / "stdout.log", "wb") as out, open(logs / "stderr.log", "wb") as err:
        server = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "-c", "python:service.gunicorn_conf", "service:create_app()"],
            cwd=REPO, env=environment, stdout=out, stderr=err,
        )
    try:
        wait_for_health(port, 90)
        before = worker_pids(server.pid)
        rss_before = {pid: rss_mib(pid) for pid in before}
        mix = request_mix(key)

        baseline = load_phase(port, mix, args)

        stop, reopened = threading.Event(), Counter()
        holders = hold_connections(port, args.held, stop, reopened)
        time.sleep(1.0)
        held = load_phase(port, mix, args)
        stop.set()
        for holder in holders:
            holder.join(timeout=5)

        fault = {}

        def kill_one(started: float) -> None:
            time.sleep(max(0.0, started + args.kill_after - time.monotonic()))
            fault["killed"] = worker_pids(server.pid)[0]
            os.kill(fault["killed"], signal.SIGKILL)
            fault["after"], fault["replaced_in"] = wait_for_replacement(server.pid, fault["killed"], len(before), 60)

        killed = load_phase(port, mix, args, during=kill_one)
        rss_after = {pid: rss_mib(pid) for pid in worker_pids(server.pid)}

        slow = pathological(port, key)
        after_pathological = worker_pids(server.pid)
        rss_final = {pid: rss_mib(pid) for pid in after_pathological}
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=60)

    stdout = (logs / "stdout.log").read_text(encoding="utf-8", errors="replace")
    stderr = (logs / "stderr.log").read_text(encoding="utf-8", errors="replace")
    access_lines = [json.loads(line) for line in stdout.splitlines() if line.startswith("{")]

    print(f"{args.clients} clients, {args.seconds:g} s per phase, 2 workers on {HOST}:{port}, CREDENCE_TIMEOUT={args.timeout:g}"
          f"{', gunicorn ' + args.gunicorn_args if args.gunicorn_args else ''}")
    print_summary("1. baseline", baseline)
    print_summary(f"2. with {args.held} idle/slow connections held", held)
    ratio = held["p99_ms"] / baseline["p99_ms"]
    ok = ratio <= 2 and held["connection_failures"] == 0 and not held["unexpected"] and held["fivexx"] == 0
    print(f"   p99 ratio to baseline {ratio:.2f}x (target <= 2), failures {held['connection_failures']} (target 0): "
          f"{'ok' if ok else 'MISSED'}; held connections closed by the server and reopened: {dict(reopened) or 'none'}")
    print_summary(f"3. SIGKILL worker {fault.get('killed')} at {args.kill_after:g} s", killed)
    print(f"   workers before {before}, after {fault.get('after')}; replaced in {fault.get('replaced_in', float('nan')):.2f} s; "
          f"failed then answered on a new connection {killed['connection_failures'] - killed['lost']}, "
          f"lost {killed['lost']} (target 0): {'ok' if killed['lost'] == 0 else 'MISSED'}")
    print("4. pathological inputs (one at a time):")
    for name, status, seconds, size in slow:
        print(f"   {name:48s} {size / 1e6:6.2f} MB  -> {status} in {seconds:.2f} s")
    print(f"   workers after: {after_pathological}")
    largest = max(rss_final.values())
    print(f"5. memory (RSS MiB): start {fmt(rss_before)}; after load {fmt(rss_after)}; after everything {fmt(rss_final)}; "
          f"largest {largest * 1.048576:.0f} MB (target <= 150): {'ok' if largest * 1.048576 <= 150 else 'MISSED'}")
    print(f"6. logs: {len(access_lines)} JSON access lines; tracebacks: {stderr.count('Traceback')}; "
          f"worker timeouts: {stderr.count('WORKER TIMEOUT')}; stopped at the deadline: {stderr.count('stopped at its deadline')}; "
          f"API key in logs: {'YES' if key in stdout or key in stderr else 'no'}; "
          f"Authorization in logs: {'YES' if 'Bearer' in stdout or 'Bearer' in stderr else 'no'} ({logs})")


def fmt(rss: dict[int, float]) -> str:
    return ", ".join(f"{pid}: {mib:.0f}" for pid, mib in rss.items())


if __name__ == "__main__":
    main()
