"""The command line: ``credence score FILE...`` and ``credence serve``.

``credence score`` prints the same JSON body as ``POST /v1/score`` (one file), or
``{"results": [{"file": ..., ...}]}`` for several; ``--explain`` prints each claim with
its score and its reasons in plain words instead. ``-`` reads standard input.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path
from typing import NoReturn, Sequence

from .pipeline.model import ModelLoadError


def _read(name: str) -> str:
    data = sys.stdin.buffer.read() if name == "-" else Path(name).read_bytes()
    return data.decode("utf-8")


def _score(args: argparse.Namespace) -> int:
    from .config import load_config
    from .engines import load_engine
    from .pipeline.report import render, render_text

    scorer = load_engine(args.model or load_config()["CREDENCE_MODEL_PATH"])
    bodies = []
    for name in args.files:
        try:
            text = _read(name)
        except (OSError, UnicodeDecodeError) as error:
            print(f"credence: cannot read {name}: {error}", file=sys.stderr)
            return 2
        result = scorer.analyse(text)
        if args.explain:
            sys.stdout.write((f"== {name}\n" if len(args.files) > 1 else "") + render_text(result))
        else:
            bodies.append({"file": name, **render(result, scorer.model_version)})
    if not args.explain:
        if len(bodies) == 1:
            del bodies[0]["file"]
            document = bodies[0]
        else:
            document = {"results": bodies}
        json.dump(document, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    return 0


def _serve(args: argparse.Namespace) -> NoReturn:
    """Run the service under gunicorn with the same settings as the Dockerfile."""
    command = [
        sys.executable, "-m", "gunicorn",
        "-c", "python:service.gunicorn_conf",
        "--bind", f"{args.host}:{args.port}",
        "--workers", str(args.workers),
        "service:create_app()",
    ]
    os.execv(sys.executable, command)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="credence", description="Score how well news articles source their claims.")
    commands = parser.add_subparsers(dest="command", required=True)

    score = commands.add_parser("score", help="score article files (or - for stdin) and print JSON")
    score.add_argument("files", nargs="+", metavar="FILE")
    score.add_argument("--explain", action="store_true", help="print each claim's score and reasons in words")
    score.add_argument("--model", help="model file (default: CREDENCE_MODEL_PATH, else the one shipped with credence)")
    score.set_defaults(run=_score)

    serve = commands.add_parser("serve", help="run the HTTP service under gunicorn")
    serve.add_argument("--host", default=os.environ.get("CREDENCE_HOST", "127.0.0.1"))
    serve.add_argument("--port", type=int, default=int(os.environ.get("CREDENCE_PORT", "8000")))
    serve.add_argument("--workers", type=int, default=int(os.environ.get("CREDENCE_WORKERS", "2")))
    serve.set_defaults(run=_serve)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.run(args)
    except ModelLoadError as error:
        print(f"credence: {error}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
