"""The command line: streaming JSON Lines, bad files, closed pipes, --version, --explain blocks, pages."""
from __future__ import annotations

import json
import re
import subprocess
import sys

import pytest

from service import score_article
from service.cli import main

from .test_api import ARTICLE
from .test_html_input import GERMAN, page

LONG_CLAIM = (
    "The regional water authority said on Tuesday that the reservoir serving more than two million residents had "
    "fallen to its lowest level in four decades after the driest summer on record."
)


@pytest.fixture()
def files(tmp_path):
    made = {}
    for name, text in {"a.txt": ARTICLE, "b.txt": LONG_CLAIM, "german.txt": GERMAN}.items():
        made[name] = tmp_path / name
        made[name].write_text(text, encoding="utf-8")
    made["page.html"] = tmp_path / "page.html"
    made["page.html"].write_bytes(page("ars-1"))
    made["missing.txt"] = tmp_path / "missing.txt"
    return made


def test_jsonl_scores_the_good_files_and_records_the_bad_ones(files, capsys):
    names = [str(files[n]) for n in ("a.txt", "missing.txt", "german.txt", "b.txt")]
    assert main(["score", "--jsonl", *names]) == 1
    captured = capsys.readouterr()
    records = [json.loads(line) for line in captured.out.splitlines()]
    assert [r["file"] for r in records] == names
    assert {k: v for k, v in records[0].items() if k != "file"} == score_article(ARTICLE)
    assert "No such file" in records[1]["error"]["message"]
    assert "looks like German (de)" in records[2]["error"]["message"]
    assert records[3]["article"]["claim_count"] == 1
    assert captured.err == ""  # no progress when standard error is not a terminal


def test_json_for_several_files_keeps_going_past_a_bad_one(files, capsys):
    assert main(["score", str(files["missing.txt"]), str(files["a.txt"])]) == 1
    results = json.loads(capsys.readouterr().out)["results"]
    assert "error" in results[0] and results[1]["article"]["claim_count"] == 3


def test_one_bad_file_is_an_error_on_stderr(files, capsys):
    assert main(["score", str(files["missing.txt"])]) == 1
    captured = capsys.readouterr()
    assert captured.out == "" and "cannot score" in captured.err and "Traceback" not in captured.err


def test_a_closed_pipe_ends_quietly(files):
    """``credence score *.txt | head``: the reader leaves after the first line."""
    names = [str(files["a.txt"])] * 30
    process = subprocess.Popen(
        [sys.executable, "-m", "service.cli", "score", "--jsonl", *names],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )
    process.stdout.readline()
    process.stdout.close()
    stderr = process.stderr.read().decode()
    assert process.wait(timeout=120) != 0
    assert "Traceback" not in stderr and "BrokenPipe" not in stderr


def test_version(capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["--version"])
    assert exit_.value.code == 0
    assert capsys.readouterr().out.strip() == "credence 1.0.0"


def test_explain_is_a_block_per_claim(files, capsys):
    assert main(["score", "--explain", str(files["b.txt"])]) == 0
    out = capsys.readouterr().out
    header, block = out.rstrip("\n").split("\n\n")
    assert header.split("\n")[0].endswith(", 1 claim")
    lines = block.splitlines()
    first_reason = next(i for i, line in enumerate(lines) if re.match(r"\s+(source:|[+-]\d)", line))
    number, score, role, *claim_words = " ".join(lines[:first_reason]).split()
    assert number == "#1" and float(score) == round(score_article(LONG_CLAIM)["claims"][0]["score"], 1)
    assert role == score_article(LONG_CLAIM)["claims"][0]["role"]
    assert " ".join(claim_words) == LONG_CLAIM and first_reason > 1  # wrapped, in full
    assert max(len(line) for line in lines) <= 88
    source_lines = [line.strip() for line in lines if line.strip().startswith("source:")]
    assert source_lines == ["source: The regional water authority"]
    assert out.count("regional water authority") == 2  # in the claim, and named once below it
    terms = [line.split() for line in lines if line.strip()[:1] in "+-"]
    body = score_article(LONG_CLAIM)
    assert [float(term[0]) for term in terms] == [round(t["points"], 1) for t in body["claims"][0]["contributions"]]


def test_an_html_file_is_scored_on_its_article(files, capsys):
    assert main(["score", str(files["page.html"])]) == 0
    body = json.loads(capsys.readouterr().out)
    assert body["document"]["author"] == "Dan Goodin" and body["article"]["claim_count"] > 10


def test_format_html_writes_the_viewer_page(files, capsys):
    assert main(["score", "--format", "html", str(files["a.txt"])]) == 0
    html = capsys.readouterr().out
    assert html.startswith("<!doctype html>") and html.count("data-claim-index=") == 3
    assert main(["score", "--format", "html", str(files["a.txt"]), str(files["b.txt"])]) == 2


def test_progress_shows_on_a_terminal_only(files, monkeypatch, capsys):
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True, raising=False)
    assert main(["score", "--jsonl", str(files["a.txt"]), str(files["b.txt"])]) == 0
    err = capsys.readouterr().err
    assert "[1/2]" in err and "[2/2]" in err


def test_the_help_names_every_format(capsys):
    with pytest.raises(SystemExit):
        main(["score", "--help"])
    help_text = " ".join(capsys.readouterr().out.split())
    assert all(word in help_text for word in ("--jsonl", "--explain", "--format {json,jsonl,text,html}"))


def test_a_page_on_standard_input_is_read_as_html():
    finished = subprocess.run(
        [sys.executable, "-m", "service.cli", "score", "-"], input=page("ars-1"), capture_output=True, timeout=120,
    )
    assert finished.returncode == 0, finished.stderr.decode()
    assert json.loads(finished.stdout)["document"]["author"] == "Dan Goodin"
