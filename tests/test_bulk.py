"""credence bulk: a small archive through an in-process Dask cluster (rows, errors, resumption,
equality with score_article), both with the workers reading the inputs and writing the parts
(a local cluster) and with the texts and rows shipped (a cluster at --scheduler)."""
from __future__ import annotations

import gc
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pyarrow.dataset as ds
import pytest
from distributed import Client

from service import score_article
from service.bulk import open_client, score_archive
from service.bulk.inputs import Item, Stored, iter_items
from service.bulk.prepare import Unscorable, article_text
from service.bulk.rows import CLAIMS_SCHEMA, error_rows
from service.bulk.run import MIN_PARTITION, PARTITION_BYTES, partitions
from service.bulk.store import OutputStore, write_part
from service.extract import extract_article
from service.cli import main

from .conftest import SEEDS_DIR

REPO_DIR = Path(__file__).resolve().parents[1]
DEV_TEXT_DIR = REPO_DIR / "data" / "polnear" / "dev" / "text"
SEED_PATHS = sorted(SEEDS_DIR.glob("*.txt"))
PAGES_DIR = REPO_DIR / "data" / "html-pages" / "pages"
GERMAN = (
    "Die Bundesregierung hat am Mittwoch neue Regeln für den Ausbau der Windenergie beschlossen. "
    "Nach Angaben des Ministeriums sollen die Genehmigungsverfahren deutlich schneller werden."
)


@pytest.fixture(scope="module")
def dask_client():
    with open_client(workers=1, in_process=True) as client:
        yield client
    # Collect the cluster's cyclic garbage now, not inside a later test (its weakref callbacks
    # would run there, e.g. where test_hardening times an asynchronous deadline).
    gc.collect()


@pytest.fixture()
def archive(tmp_path) -> list[str]:
    """A folder of files (good, not UTF-8, empty, web pages), a JSON Lines file and a CSV file."""
    folder = tmp_path / "files"
    (folder / "seeds").mkdir(parents=True)
    for path in SEED_PATHS[:2]:
        (folder / "seeds" / path.name).write_bytes(path.read_bytes())
    (folder / "latin1.txt").write_bytes("Le ministre a déclaré".encode("latin-1"))
    (folder / "blank.txt").write_text("  \n\n ", encoding="utf-8")
    (folder / "bbc.html").write_bytes((PAGES_DIR / "bbc-1" / "source.html").read_bytes())
    (folder / "heise.html").write_bytes((PAGES_DIR / "heise" / "source.html").read_bytes())
    (folder / "notes.md").write_text("not an article", encoding="utf-8")
    records = tmp_path / "records.jsonl"
    lines = [
        json.dumps({"id": "rec-1", "text": SEED_PATHS[2].read_text(encoding="utf-8"), "outlet": "Seed", "year": 2024}),
        json.dumps({"text": "No id here, the minister said."}),
        "{not json",
        json.dumps({"id": "rec-2", "text": "A second record, officials said.", "title": "Second"}),
        json.dumps({"id": "rec-1", "text": "A repeated id is scored once, the agency said."}),
        json.dumps({"id": 7, "html": "<p>A page in a record.</p>"}),
        json.dumps({"id": "german", "text": GERMAN}),
        json.dumps({"id": "lone", "text": "The minister said the \ud800 plan works."}),
        "",
    ]
    records.write_text("\n".join(lines), encoding="utf-8")
    table = tmp_path / "table.csv"
    table.write_bytes(
        b'id,text,outlet\ncsv-1,"The mayor said the bridge will reopen in May, according to a city statement.",Daily\n'
        b"csv-2,,Daily\ncsv-3,Le ministre a d\xe9clar\xe9,Matin\n"
    )
    return [str(folder), str(records), str(table)]


def _rows(out_dir: Path, name: str) -> list[dict]:
    return ds.dataset(out_dir / name, format="parquet").to_table().to_pylist()


SHARING = pytest.mark.parametrize("shared_files", [True, False], ids=["workers-read-and-write", "shipped"])


@SHARING
def test_one_row_per_input_and_an_error_row_for_each_broken_one(archive, dask_client, tmp_path, shared_files):
    out_dir = tmp_path / "out"
    summary = score_archive(archive, out_dir, dask_client, partition_size=3, progress=False, shared_files=shared_files)

    articles = {row["id"]: row for row in _rows(out_dir, "articles.parquet")}
    errors = {key: row["error"] for key, row in articles.items() if row["error"]}
    assert errors == {
        "latin1.txt": "not UTF-8 text (invalid continuation byte at byte 15)",
        "blank.txt": "empty text",
        "heise.html": "credence scores English news; this text looks like German (de)",
        "german": "credence scores English news; this text looks like German (de)",
        "records.jsonl:2": "record 2 has no id",
        "records.jsonl:3": "line 3 is not a JSON object: Expecting property name enclosed in double quotes: line 1 column 2 (char 1)",
        "7": "no article text found in the page (fewer than 10 words)",
        "csv-2": "the record needs one of text or html",
        "table.csv:3": "row 3 is not UTF-8 text",
    }
    scored = {f"seeds/{path.name}" for path in SEED_PATHS[:2]} | {"bbc.html", "rec-1", "rec-2", "lone", "csv-1"}
    assert set(articles) == scored | set(errors)
    assert (summary.scored, summary.failed, summary.skipped, summary.duplicates) == (7, 9, 0, 1)

    assert articles["rec-1"]["input"] == archive[1]
    assert json.loads(articles["rec-1"]["metadata"]) == {"outlet": "Seed", "year": 2024}
    assert json.loads(articles["csv-1"]["metadata"]) == {"outlet": "Daily"}
    assert articles["seeds/" + SEED_PATHS[0].name]["metadata"] is None
    assert all(articles[key]["score"] is None and articles[key]["rating"] is None for key in errors)

    claims = _rows(out_dir, "claims.parquet")
    for key in scored:
        mine = [claim["index"] for claim in claims if claim["id"] == key]
        assert mine == list(range(articles[key]["claim_count"]))
    # Parquet holds UTF-8 only: the lone surrogate is stored as U+FFFD, offsets unchanged.
    (lone,) = [claim for claim in claims if claim["id"] == "lone"]
    assert lone["text"] == "The minister said the \ufffd plan works."
    assert lone["end"] - lone["start"] == len(lone["text"])


@SHARING
def test_rows_equal_score_article(archive, dask_client, tmp_path, shared_files):
    out_dir = tmp_path / "out"
    score_archive(archive, out_dir, dask_client, partition_size=2, progress=False, shared_files=shared_files)
    articles = {row["id"]: row for row in _rows(out_dir, "articles.parquet")}
    claims = _rows(out_dir, "claims.parquet")
    texts = {f"seeds/{path.name}": path.read_text(encoding="utf-8") for path in SEED_PATHS[:2]}
    texts["rec-1"] = SEED_PATHS[2].read_text(encoding="utf-8")
    texts["bbc.html"] = extract_article((PAGES_DIR / "bbc-1" / "source.html").read_bytes()).text

    for key, text in texts.items():
        body = score_article(text)
        row = articles[key]
        assert (row["score"], row["rating"], row["claim_count"]) == (
            body["article"]["score"], body["article"]["rating"], body["article"]["claim_count"],
        )
        assert {share: row[share] for share in body["article"]["summary"]} == body["article"]["summary"]
        assert (row["model_version"], row["rules_version"]) == (body["model"]["version"], body["model"]["rules_version"])
        mine = sorted((claim for claim in claims if claim["id"] == key), key=lambda claim: claim["index"])
        assert len(mine) == len(body["claims"])
        for stored, claim in zip(mine, body["claims"]):
            attribution = claim["attribution"] or {}
            assert (stored["text"], stored["start"], stored["end"], stored["score"]) == (
                claim["text"], claim["start"], claim["end"], claim["score"],
            )
            assert stored["source"] == (attribution.get("source") or {}).get("text")
            assert stored["cue"] == (attribution.get("cue") or {}).get("text")
            assert stored["source_type"] == attribution.get("source_type")
            assert stored["hedges"] == [
                {"text": h["text"], "category": h["category"], "speaker": h["speaker"]} for h in claim["hedges"]
            ]
            assert stored["verification"] == [{"text": n["text"], "kind": n["kind"]} for n in claim["verification"]]
            assert (stored["model_probability"], stored["role"]) == (claim["model_probability"], claim["role"])


def _submitted(client, monkeypatch) -> list[str]:
    """The names of the functions ``client`` is asked to run."""
    names: list[str] = []
    submit = client.submit

    def recording(function, *args, **kwargs):
        names.append(function.__name__)
        return submit(function, *args, **kwargs)

    monkeypatch.setattr(client, "submit", recording)
    return names


@pytest.mark.parametrize("shared_files", [None, True])
def test_workers_read_and_write_on_a_local_cluster_and_elsewhere_only_when_told(
    dask_client, tmp_path, monkeypatch, shared_files
):
    """A local cluster's workers see the files; a cluster reached by its address gets the texts,
    unless the workers are said to share the files (--shared-files)."""
    paths = [str(path) for path in SEED_PATHS[:2]]
    local = _submitted(dask_client, monkeypatch)
    score_archive(paths, tmp_path / "local", dask_client, progress=False, shared_files=shared_files)
    assert set(local) == {"score_into_part"}
    with Client(dask_client.scheduler.address) as remote:
        names = _submitted(remote, monkeypatch)
        summary = score_archive(paths, tmp_path / "remote", remote, progress=False, shared_files=shared_files)
    assert set(names) == {"score_into_part" if shared_files else "score_partition"}
    assert summary.scored == 2
    assert _rows(tmp_path / "remote", "articles.parquet") == _rows(tmp_path / "local", "articles.parquet")


def _content(item: Item) -> bytes | str:
    return item.content.read() if isinstance(item.content, Stored) else item.content


def test_items_read_by_reference_are_the_items_read_by_the_client(archive):
    """Workers that read the inputs themselves get the same contents as the client would send."""
    shipped, referenced = list(iter_items(archive)), list(iter_items(archive, by_reference=True))
    assert [(item.id, item.kind, item.metadata, item.error) for item in referenced] == [
        (item.id, item.kind, item.metadata, item.error) for item in shipped
    ]
    assert [_content(item) for item in referenced] == [item.content for item in shipped]
    files = [item.size for item in referenced if isinstance(item.content, Stored) and item.content.field is None]
    assert files == [len(item.content) for item in shipped if isinstance(item.content, bytes)]
    kinds = {type(item.content).__name__ for item in referenced if not item.error}
    assert kinds == {"Stored", "str"}  # files and JSON Lines by reference; CSV records carry their text


def test_a_file_gone_before_its_worker_reads_it_is_an_error_row(tmp_path):
    path = tmp_path / "gone.txt"
    path.write_text("The mayor said the bridge will reopen in May, according to a city statement.", encoding="utf-8")
    (item,) = iter_items([str(path)], by_reference=True)
    assert article_text(item, 100_000).startswith("The mayor said")
    path.unlink()
    with pytest.raises(Unscorable, match="^cannot read the file: No such file or directory$"):
        article_text(item, 100_000)


def test_error_rows_written_over_a_failed_attempt_leave_no_claims_of_it(tmp_path):
    """A worker that wrote a part's claims and then failed: the client's error rows take the
    part's name, and the claims written before the failure go."""
    store = OutputStore(tmp_path)
    name = store.next_part()
    item = Item("a1", "archive", "text", "The minister said the plan works.")
    claims_path = tmp_path / "claims.parquet" / name
    write_part(tmp_path, name, error_rows([item], "x").articles, CLAIMS_SCHEMA.empty_table())
    claims_path.write_bytes(b"claims of the failed attempt")
    write_part(tmp_path, name, error_rows([item], "the worker failed").articles, CLAIMS_SCHEMA.empty_table())
    assert not claims_path.exists()
    assert [row["error"] for row in _rows(tmp_path, "articles.parquet")] == ["the worker failed"]
    assert store.next_part() != name


def _part_count(out_dir: Path) -> int:
    folder = out_dir / "articles.parquet"
    return sum(1 for _ in folder.glob("part-*.parquet")) if folder.is_dir() else 0


def test_a_killed_run_resumes_where_it_stopped(dask_client, tmp_path):
    out_dir = tmp_path / "out"
    command = [
        sys.executable, "-m", "service.cli", "bulk", str(DEV_TEXT_DIR), "--out", str(out_dir),
        "--in-process", "--workers", "1", "--partition-size", "4", "--quiet",
    ]
    run = subprocess.Popen(command, cwd=REPO_DIR, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    while _part_count(out_dir) < 2 and run.poll() is None and time.monotonic() < deadline:
        time.sleep(0.01)
    os.kill(run.pid, signal.SIGKILL)
    run.communicate()
    assert run.returncode == -signal.SIGKILL, "the run finished before it could be killed half-way"

    written = [row["id"] for row in _rows(out_dir, "articles.parquet")]
    total = len(list(DEV_TEXT_DIR.glob("*.txt")))
    assert 0 < len(written) < total

    summary = score_archive([str(DEV_TEXT_DIR)], out_dir, dask_client, partition_size=16, progress=False)
    assert summary.skipped == len(written)
    assert summary.scored + summary.failed == total - len(written)

    articles = _rows(out_dir, "articles.parquet")
    assert sorted(row["id"] for row in articles) == sorted(path.name for path in DEV_TEXT_DIR.glob("*.txt"))
    claims = [(row["id"], row["index"]) for row in _rows(out_dir, "claims.parquet")]
    assert len(claims) == len(set(claims)) == sum(row["claim_count"] for row in articles)


def test_an_unfinished_part_is_cleared_before_resuming(tmp_path):
    """A claims part whose articles part never appeared, and a half-written temporary file, go."""
    OutputStore(tmp_path)
    orphan = tmp_path / "claims.parquet" / "part-000000.parquet"
    orphan.write_bytes(b"claims of a partition that was never committed")
    leftover = tmp_path / "articles.parquet" / ".part-000000.parquet.tmp"
    leftover.write_bytes(b"half a part")

    store = OutputStore(tmp_path)
    assert not orphan.exists() and not leftover.exists()
    assert store.done_ids() == set()


def _partition_sizes(sizes: list[int], threads: int, most: int | None = None) -> list[list[int]]:
    """The inputs' sizes, partitioned as a run of ``threads`` worker threads would."""
    items = [Item(f"a{number}", "archive", "text", "x" * size) for number, size in enumerate(sizes)]
    read = iter(items)
    taken = [0]

    def counted():
        for item in read:
            taken[0] += 1
            yield item

    # articles_left is asked when a partition opens, once its first item is read
    made = list(partitions(counted(), lambda: len(items) - taken[0] + 1, threads, most))
    assert [item for partition in made for item in partition] == items
    return [[len(item.content) for item in partition] for partition in made]


@pytest.mark.parametrize("article_chars, threads", [(5_000, 2), (5_000, 8), (40_000, 2), (700, 2)])
def test_partitions_hold_about_a_megabyte_and_shrink_near_the_end(article_chars, threads):
    made = _partition_sizes([article_chars] * 2_000, threads)
    for partition in made:
        assert sum(partition) - article_chars < PARTITION_BYTES
    counts = [len(partition) for partition in made]
    assert counts == sorted(counts, reverse=True)
    assert counts[-2] <= MIN_PARTITION and counts[-1] <= MIN_PARTITION
    left = 2_000
    for count in counts:  # no partition takes more than its share of what is left
        assert count <= max(MIN_PARTITION, left // (2 * threads))
        left -= count


def test_a_partition_size_caps_the_articles_per_task_and_a_long_article_is_a_task_alone():
    assert {len(partition) for partition in _partition_sizes([100] * 50, 2, most=3)[:-1]} == {3}
    assert _partition_sizes([300, 2 * PARTITION_BYTES, 300] + [100] * 40, 1)[:2] == [[300, 2 * PARTITION_BYTES], [300] + [100] * 19]


def test_cli_refuses_a_missing_input(tmp_path, capsys):
    assert main(["bulk", str(tmp_path / "nowhere"), "--out", str(tmp_path / "out")]) == 2
    assert "nowhere: no such file or directory" in capsys.readouterr().err
    assert not (tmp_path / "out").exists()
