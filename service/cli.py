"""The command line: ``credence score FILE...`` and ``credence serve``.

``credence score`` prints the same JSON body as ``POST /v1/score`` (one file), or
``{"results": [{"file": ..., ...}]}`` for several; ``--jsonl`` prints one result per line
as each file is scored; ``--explain`` prints a block per claim with its reasons in words;
``--format html`` writes the viewer's page. ``-`` reads standard input. ``.html``/``.htm``
files (and a page on standard input) are read as web pages: their article is scored.

A file that cannot be read or scored (missing, not UTF-8, not English, a page with no
article) is an error record in the output, the other files are still scored, and the exit
status is 1 at the end. A closed pipe (``credence score *.txt | head``) ends quietly.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Iterator, Sequence

from .pipeline.model import ModelLoadError

HTML_SUFFIXES = (".html", ".htm", ".xhtml")
EXIT_FAILED_FILES = 1
EXIT_USAGE = 2


def _credence_version() -> str:
    try:
        return version("credence")
    except PackageNotFoundError:  # run from a source tree that was never installed
        return "unknown"


def _is_page(name: str, data: bytes) -> bool:
    if name != "-":
        return name.lower().endswith(HTML_SUFFIXES)
    head = data[:512].lstrip().lower()
    return head.startswith((b"<!doctype html", b"<html"))


def _article(name: str, max_chars: int):
    """The article in one file; raises OSError, UnicodeDecodeError or intake.Refused."""
    from .intake import read_article

    data = sys.stdin.buffer.read() if name == "-" else Path(name).read_bytes()
    if _is_page(name, data):
        return read_article(html=data, max_chars=max_chars)
    return read_article(text=data.decode("utf-8"))


def _results(args: argparse.Namespace, scorer, max_chars: int) -> Iterator[tuple[str, object, dict]]:
    """(file, (article, result), body) per file as it is scored; for a failed file, (file, None, error record).

    The page (--format html) shows each term's reason, so its body is built with explain on."""
    from .intake import Refused, score_body

    progress = _Progress(len(args.files))
    for number, name in enumerate(args.files, start=1):
        progress.show(number, name)
        try:
            article = _article(name, max_chars)
        except (OSError, UnicodeDecodeError, Refused) as error:
            reason = error.strerror if isinstance(error, OSError) and error.strerror else str(error)
            yield name, None, {"file": name, "error": {"message": f"cannot score {name}: {reason}"}}
            continue
        result = scorer.analyse(article.text)
        body = score_body(scorer, article, result, explain=args.format == "html")
        yield name, (article, result), {"file": name, **body}
    progress.done()


class _Progress:
    """"[3/40] file" on standard error, only for several files and only on a terminal."""

    def __init__(self, total: int) -> None:
        self.total = total
        self.shown = total > 1 and sys.stderr.isatty()

    def show(self, number: int, name: str) -> None:
        if self.shown:
            sys.stderr.write(f"\r\033[K[{number}/{self.total}] {name}")
            sys.stderr.flush()

    def done(self) -> None:
        if self.shown:
            sys.stderr.write("\r\033[K")
            sys.stderr.flush()


def _score(args: argparse.Namespace) -> int:
    from .config import load_config
    from .engines import load_engine
    from .pipeline.report import render_text

    if args.format == "html" and len(args.files) != 1:
        print("credence: --format html writes one page: give exactly one FILE", file=sys.stderr)
        return EXIT_USAGE
    settings = load_config()
    scorer = load_engine(args.model or settings["CREDENCE_MODEL_PATH"])
    failed = False
    collected = []
    for name, scored, record in _results(args, scorer, settings["CREDENCE_MAX_TEXT_CHARS"]):
        failed |= scored is None
        if args.format == "jsonl":
            sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
            sys.stdout.flush()
        elif scored is None and args.format != "json":
            print(f"credence: {record['error']['message']}", file=sys.stderr)
        elif args.format == "text":
            sys.stdout.write((f"== {name}\n" if len(args.files) > 1 else "") + render_text(scored[1]))
        elif args.format == "html":
            from .viewer import render_page

            page = render_page({k: v for k, v in record.items() if k != "file"}, scored[0].text, scorer.weights)
            sys.stdout.write(page)
        else:
            collected.append(record)
    if args.format == "json":
        if len(collected) == 1:
            only = collected[0]
            if "error" in only:
                print(f"credence: {only['error']['message']}", file=sys.stderr)
                return EXIT_FAILED_FILES
            del only["file"]
            document = only
        else:
            document = {"results": collected}
        json.dump(document, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    return EXIT_FAILED_FILES if failed else 0


def _serve(args: argparse.Namespace) -> int:
    """Run the service under gunicorn with the same settings as the Dockerfile.

    ``--host``, ``--port`` and ``--workers`` override CREDENCE_BIND and CREDENCE_WORKERS
    (each option alone: ``--port 9000`` keeps the configured host). The settings are
    checked here first, so an unusable one is one line naming it, not a traceback.
    """
    from .config import ConfigError, load_config

    try:
        settings = load_config()
        host, _, port = settings["CREDENCE_BIND"].rpartition(":")
        overrides = {
            "CREDENCE_BIND": f"{args.host or host}:{args.port or port}",
            "CREDENCE_WORKERS": str(args.workers or settings["CREDENCE_WORKERS"]),
        }
        load_config(overrides=overrides)
    except ConfigError as error:
        print(f"credence: {error}", file=sys.stderr)
        return 2
    os.environ.update(overrides)
    command = [sys.executable, "-m", "gunicorn", "-c", "python:service.gunicorn_conf", "service:create_app()"]
    os.execv(sys.executable, command)


def _bulk(args: argparse.Namespace) -> int:
    """``credence bulk``: score an archive on Dask into Parquet (service.bulk; the ``bulk`` extra)."""
    try:
        from .bulk import InputError, open_client, score_archive
        from .bulk.inputs import check_inputs
    except ImportError as error:
        print(f"credence: bulk needs the bulk extra (pip install 'credence[bulk]'): {error}", file=sys.stderr)
        return 2
    try:
        check_inputs(args.inputs)
    except InputError as error:
        print(f"credence: {error}", file=sys.stderr)
        return 2
    with open_client(args.scheduler, args.workers, args.in_process) as client:
        try:
            summary = score_archive(
                args.inputs, args.out, client, model_path=args.model,
                partition_size=args.partition_size, progress=not args.quiet,
                shared_files=True if args.shared_files else None,
            )
        except KeyboardInterrupt:
            print(f"credence: interrupted; the parts written in {args.out} stay, run again to resume", file=sys.stderr)
            return 130
    print(summary)
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="credence", description="Score how well news articles source their claims.")
    parser.add_argument("--version", action="version", version=f"credence {_credence_version()}")
    commands = parser.add_subparsers(dest="command", required=True)

    score = commands.add_parser("score", help="score article files (or - for stdin) and print JSON")
    score.add_argument("files", nargs="+", metavar="FILE", help=".txt (UTF-8) or .html/.htm web pages; - reads stdin")
    score.add_argument(
        "--format", choices=("json", "jsonl", "text", "html"), default="json",
        help="json (default): the API's body, {\"results\": [...]} for several files; jsonl: one result per line, "
        "as each file is scored; text: a block per claim with its reasons; html: the viewer's page (one file)",
    )
    score.add_argument("--jsonl", dest="format", action="store_const", const="jsonl", help="same as --format jsonl")
    score.add_argument("--explain", dest="format", action="store_const", const="text", help="same as --format text")
    score.add_argument("--model", help="model file (default: CREDENCE_MODEL_PATH, else the one shipped with credence)")
    score.set_defaults(run=_score)

    serve = commands.add_parser("serve", help="run the HTTP service under gunicorn")
    serve.add_argument("--host", help="listen on this host (default: the host of CREDENCE_BIND)")
    serve.add_argument("--port", help="listen on this port (default: the port of CREDENCE_BIND)")
    serve.add_argument("--workers", help="worker processes (default: CREDENCE_WORKERS)")
    serve.set_defaults(run=_serve)

    bulk = commands.add_parser("bulk", help="score an archive on Dask into DIR/articles.parquet and DIR/claims.parquet")
    bulk.add_argument("inputs", nargs="+", metavar="INPUT", help="directories of .txt/.html files, .jsonl or .csv files")
    bulk.add_argument("--out", required=True, metavar="DIR", help="output directory (resumes what is already there)")
    bulk.add_argument("--scheduler", metavar="ADDRESS", help="an existing Dask scheduler (default: a local cluster)")
    bulk.add_argument("--workers", type=int, metavar="N", help="local worker processes (default: one per core)")
    bulk.add_argument("--in-process", action="store_true", help="local workers as threads of this process (debugging)")
    bulk.add_argument(
        "--partition-size", type=int, metavar="N", help="at most N articles per task (default: about 1 MB of input per task)"
    )
    bulk.add_argument(
        "--shared-files", action="store_true",
        help="the --scheduler cluster's workers see INPUT and DIR at the same paths (a shared filesystem): they read"
        " the texts and write the parts themselves, as on a local cluster (default there: the client ships them)",
    )
    bulk.add_argument("--model", help="model file (default: each worker's CREDENCE_MODEL_PATH, else the shipped one)")
    bulk.add_argument("--quiet", action="store_true", help="no progress bar")
    bulk.set_defaults(run=_bulk)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.run(args)
    except ModelLoadError as error:
        print(f"credence: {error}", file=sys.stderr)
        return EXIT_USAGE
    except BrokenPipeError:
        # The reader went away (``| head``): stop quietly. Point stdout at devnull so the
        # interpreter's final flush does not raise again (Python docs, "Note on SIGPIPE").
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_FAILED_FILES


if __name__ == "__main__":
    sys.exit(main())
