"""Load and fault: the service under gunicorn keeps answering while a worker is killed.

    .venv/bin/python -m bench.load_fault [--clients N] [--seconds S] [--kill-after S]

Starts ``gunicorn -c python:service.gunicorn_conf "service:create_app()"`` with 2 workers
on a free port of 127.0.0.1 and a fresh API key, then:

1. load: ``--clients`` threads, each over its own keep-alive ``http.client`` connection,
   send a mix of real and hostile requests (seed articles as JSON and text/plain, a
   small batch, health, malformed JSON, a wrong key, an oversized declared body) until
   ``--seconds`` have passed or ``--max-requests`` were sent. At ``--kill-after`` seconds
   one worker gets SIGKILL; gunicorn must start a replacement. A request whose
   connection fails is counted, then sent once more on a new connection: "recovered"
   says whether the service answered it then.
2. pathological inputs, one at a time: 200,000 quotation marks, 10,000 repetitions of
   one sentence, 100,000 newlines after one claim, 8 MB of nested brackets; the status
   and seconds of each (a request past the worker time limit shows up as a connection
   failure: gunicorn killed the worker).
3. the logs: access lines written, tracebacks, and whether the API key appears anywhere.

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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--seconds", type=float, default=20.0)
    parser.add_argument("--kill-after", type=float, default=7.0)
    parser.add_argument("--max-requests", type=int, default=20_000, help="per client")
    args = parser.parse_args()

    port = free_port()
    key = secrets.token_urlsafe(32)
    logs = Path(tempfile.mkdtemp(prefix="credence-load-fault-"))
    environment = {**os.environ, "CREDENCE_WORKERS": "2", "CREDENCE_BIND": f"{HOST}:{port}", "CREDENCE_API_KEYS": key}
    with open(logs / "stdout.log", "wb") as out, open(logs / "stderr.log", "wb") as err:
        server = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "-c", "python:service.gunicorn_conf", "service:create_app()"],
            cwd=REPO, env=environment, stdout=out, stderr=err,
        )
    try:
        wait_for_health(port, 90)
        before = worker_pids(server.pid)
        rss_before = {pid: rss_mib(pid) for pid in before}

        tally = Tally()
        mix = request_mix(key)
        started = time.monotonic()
        deadline = started + args.seconds
        clients = [
            threading.Thread(target=client_loop, args=(port, mix, deadline, args.max_requests, tally, index * 3))
            for index in range(args.clients)
        ]
        for client in clients:
            client.start()
        time.sleep(args.kill_after)
        killed = before[0]
        os.kill(killed, signal.SIGKILL)
        after, replaced_in = wait_for_replacement(server.pid, killed, len(before), 60)
        for client in clients:
            client.join()
        wall = time.monotonic() - started
        rss_after = {pid: rss_mib(pid) for pid in worker_pids(server.pid)}

        slow = pathological(port, key)
        after_pathological = worker_pids(server.pid)
        rss_final = {pid: rss_mib(pid) for pid in after_pathological}
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=30)

    stdout = (logs / "stdout.log").read_text(encoding="utf-8", errors="replace")
    stderr = (logs / "stderr.log").read_text(encoding="utf-8", errors="replace")
    access_lines = [json.loads(line) for line in stdout.splitlines() if line.startswith("{")]
    answered = sum(tally.statuses.values())
    latencies = sorted(tally.latencies)

    print(f"load: {args.clients} clients for {wall:.1f} s against 2 workers on {HOST}:{port}")
    print(f"  requests answered: {answered} ({answered / wall:.1f}/s); statuses: {dict(sorted(tally.statuses.items()))}")
    print(f"  5xx: {sum(n for s, n in tally.statuses.items() if s >= 500)}; unexpected statuses: {dict(tally.unexpected) or 'none'}")
    print(f"  latency p50 {latencies[len(latencies) // 2] * 1000:.1f} ms, p99 {latencies[int(len(latencies) * 0.99)] * 1000:.1f} ms")
    print(f"  connection failures: {dict(tally.connection_failures) or 'none'}; "
          f"recovered on a new connection: {tally.recovered}; lost: {tally.unrecovered}")
    print(f"fault: SIGKILL worker {killed} at {args.kill_after:.1f} s; workers before {before}, after {after}; "
          f"replaced in {replaced_in:.2f} s")
    print(f"memory (RSS MiB): before {fmt(rss_before)}; after load {fmt(rss_after)}; after pathological {fmt(rss_final)}")
    print("pathological inputs (one at a time):")
    for name, status, seconds, size in slow:
        print(f"  {name:42s} {size / 1e6:6.2f} MB  -> {status} in {seconds:.2f} s")
    print(f"  workers after: {after_pathological}")
    print(f"logs: {len(access_lines)} JSON access lines; tracebacks: {stderr.count('Traceback')}; "
          f"worker timeouts: {stderr.count('WORKER TIMEOUT')}; "
          f"API key in logs: {'YES' if key in stdout or key in stderr else 'no'}; "
          f"Authorization in logs: {'YES' if 'Bearer' in stdout or 'Bearer' in stderr else 'no'} ({logs})")


def fmt(rss: dict[int, float]) -> str:
    return ", ".join(f"{pid}: {mib:.0f}" for pid, mib in rss.items())


if __name__ == "__main__":
    main()
