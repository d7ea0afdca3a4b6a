"""The store under several gunicorn workers, and a process killed in the middle of a write.

Real processes: gunicorn on 127.0.0.1 (a free port) and a child Python process; every
wait is bounded.
"""
from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import textwrap
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from sqlalchemy import create_engine, func, select

from service.store.tables import article_bodies, article_sources, articles

REPO = Path(__file__).resolve().parents[1]
CLIENTS = 8
POSTS_PER_CLIENT = 10
SHARED = {"text": "Every client posts this one too, officials said on Monday.", "outlet": "Shared"}


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def post(port: int, document: dict) -> int:
    request = urllib.request.Request(
        f"http://127.0.0.1:{port}/v1/articles", json.dumps(document).encode(), {"Content-Type": "application/json"}
    )
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def counts(database_url: str) -> tuple[int, int, int]:
    engine = create_engine(database_url)
    with engine.connect() as connection:
        found = tuple(connection.scalar(select(func.count()).select_from(table)) for table in (articles, article_bodies, article_sources))
    engine.dispose()
    return found


def start_gunicorn(database_url: str, port: int, data_dir: Path) -> subprocess.Popen:
    environment = {
        **os.environ,
        "CREDENCE_DATABASE_URL": database_url,
        "CREDENCE_DATA_DIR": str(data_dir),
        "CREDENCE_BIND": f"127.0.0.1:{port}",
        "CREDENCE_WORKERS": "3",
    }
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "-c", "python:service.gunicorn_conf", "service:create_app()"],
        cwd=REPO, env=environment, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/v1/health", timeout=2):
                return server
        except OSError:
            if server.poll() is not None:
                raise AssertionError(server.stderr.read().decode(errors="replace"))
            time.sleep(0.2)
    server.kill()
    raise AssertionError("gunicorn did not answer /v1/health within 60 s")


def test_parallel_clients_on_several_workers_lose_nothing(database_url, tmp_path):
    port = free_port()
    server = start_gunicorn(database_url, port, tmp_path)
    try:
        def client(number: int) -> list[int]:
            statuses = [post(port, SHARED)]
            for post_number in range(POSTS_PER_CLIENT):
                text = f"Client {number} reports item {post_number}: the ministry said {number * 100 + post_number} drones fell."
                statuses.append(post(port, {"text": text, "outlet": f"Client {number}", "story": "load"}))
            return statuses

        with ThreadPoolExecutor(CLIENTS) as pool:
            statuses = [status for result in pool.map(client, range(CLIENTS)) for status in result]
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=30)
    assert statuses.count(201) == CLIENTS * POSTS_PER_CLIENT + 1, statuses
    assert statuses.count(200) == CLIENTS - 1, statuses
    stored, bodies, _ = counts(database_url)
    assert stored == bodies == CLIENTS * POSTS_PER_CLIENT + 1


KILLED_WRITER = textwrap.dedent('''
    import sys, time
    from pathlib import Path
    from sqlalchemy import event
    from service import score_article
    from service.store.database import connect, migrate

    database_url, marker = sys.argv[1], Path(sys.argv[2])
    from service.store import ArticleStore
    engine = connect(database_url, 10)
    migrate(engine)

    @event.listens_for(engine, "before_cursor_execute")
    def stall(connection, cursor, statement, parameters, context, executemany):
        if statement.lstrip().upper().startswith("INSERT INTO ARTICLE_SOURCES"):
            marker.write_text("writing")
            time.sleep(120)

    text = "The depot burned overnight, the governor said. Officials added that two people were hurt."
    ArticleStore(engine).add(text, {"outlet": "Killed"}, score_article(text))
''')


def test_a_writer_killed_mid_article_leaves_no_half_written_article(database_url, tmp_path):
    marker = tmp_path / "writing"
    child = subprocess.Popen([sys.executable, "-c", KILLED_WRITER, database_url, str(marker)], cwd=REPO)
    try:
        deadline = time.monotonic() + 60
        while not marker.exists():
            assert child.poll() is None and time.monotonic() < deadline, "the writer never reached its sources"
            time.sleep(0.05)
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=30)
    assert counts(database_url) == (0, 0, 0)

    # The lock died with the writer: the next write goes through, whole.
    from service import create_app

    client = create_app({"CREDENCE_DATABASE_URL": database_url}).test_client()
    response = client.post("/v1/articles", json={"text": "The depot burned overnight, the governor said.", "outlet": "After"})
    assert response.status_code == 201
    stored, bodies, sources = counts(database_url)
    assert stored == bodies == 1 and sources >= 1
