"""Instructions, not seconds: the worst-case families and the normal article under valgrind, this tree and another revision.

    .venv/bin/python -m bench.instructions [--against main] [--kb 20] [--only NAME ...] [--corpus]

On a machine shared by several developers, CPU time of one run moves by more than a speed commit
gains (load 8-10: ±10% run to run). Callgrind counts the instructions the interpreter executes,
which the other processes do not change: the same tree measured twice differs by 0.3% at most
(``PYTHONHASHSEED=0``; what remains are addresses). For each side (``git archive`` of the revision,
and this tree's working files) one child interpreter runs under valgrind: it loads the engine
uncounted, scores every text once to warm the caches, then scores each text once more inside
``functools.reduce``, the C function whose calls alone are counted (``--toggle-collect``) and dumped
(``--dump-after``), one count per text. Printed: each text's instructions on each side, the change,
and each side's ratio to its own normal article. It needs valgrind and takes minutes (valgrind runs
some 50 times slower); instructions leave out what caches and memory cost, so a gain here is a gain
in work, not yet in seconds. ``--corpus`` counts, instead of the families (unless ``--only`` names some), a warm
pass over the whole fixed corpus of ``bench.throughput`` (89 articles): the work a speed commit is judged by when
no single text carries it.
"""
from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from bench.corpus import REPO_DIR
from bench.worst_cases import FAMILIES

NORMAL = "normal article"
CORPUS = "whole corpus (89 articles, one pass)"
CHILD = """
import functools, sys
sys.path.insert(0, sys.argv[1])
from bench.corpus import article_of_size, corpus, dev_paragraphs
from bench.worst_cases import FAMILIES
from service.pipeline.engine import Engine
from service.pipeline.report import render
size, names = int(sys.argv[2]) * 1000, sys.argv[3:]
batches = [[a.text for a in corpus()] if name == "{corpus}" else
           [article_of_size(size, dev_paragraphs()) if name == "{normal}" else FAMILIES[name][1](size)]
           for name in names]
engine = Engine.load()
for batch in batches:
    for text in batch:
        render(engine.analyse(text), engine.model_version)
for batch in batches:
    functools.reduce(lambda _, text: render(engine.analyse(text), engine.model_version), batch, None)
""".format(normal=NORMAL, corpus=CORPUS)


def count(tree: Path, kb: int, names: list[str], folder: Path) -> list[int]:
    """The instructions of one warm analyse + render of each text (of every corpus text for ``CORPUS``), in order,
    in ``tree``."""
    output = folder / "callgrind.out"
    subprocess.run(
        ["valgrind", "--tool=callgrind", f"--callgrind-out-file={output}", "--collect-atstart=no",
         "--toggle-collect=functools_reduce", "--dump-after=functools_reduce",
         sys.executable, "-c", CHILD, str(tree), str(kb), *names],
        check=True, capture_output=True, cwd=tree, env={**os.environ, "PYTHONHASHSEED": "0"},
    )
    dumps = sorted(folder.glob("callgrind.out.*"), key=lambda path: int(path.suffix[1:]))
    counts = [int(next(line for line in path.read_text().splitlines() if line.startswith(("summary:", "totals:"))).split()[1])
              for path in dumps]
    for path in folder.glob("callgrind.out*"):
        path.unlink()
    if len(counts) != len(names):
        raise RuntimeError(f"{len(counts)} dumps for {len(names)} texts")
    return counts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--against", default="main", help="the revision to compare with (default main)")
    parser.add_argument("--kb", type=int, default=20, help="size of every text (default 20 kB)")
    parser.add_argument("--only", nargs="+", help="the families whose name or stage contains one of these")
    parser.add_argument("--corpus", action="store_true",
                        help="count one warm pass over the whole corpus instead of the families (unless --only)")
    arguments = parser.parse_args()
    if shutil.which("valgrind") is None:
        raise SystemExit("bench.instructions needs valgrind")
    wanted = arguments.only or ([] if arguments.corpus else [""])
    names = [NORMAL] + [name for name, (stage, _) in FAMILIES.items()
                        if any(part in name or part in stage for part in wanted)]
    names += [CORPUS] if arguments.corpus else []
    with tempfile.TemporaryDirectory() as folder:
        other = Path(folder) / "other"
        other.mkdir()
        archive = subprocess.run(["git", "-C", str(REPO_DIR), "archive", arguments.against], check=True,
                                 capture_output=True).stdout
        subprocess.run(["tar", "-x", "-C", str(other)], input=archive, check=True)
        before = count(other, arguments.kb, names, Path(folder))
        after = count(REPO_DIR, arguments.kb, names, Path(folder))
    print(f"instructions of one warm analyse + render at {arguments.kb} kB (callgrind, PYTHONHASHSEED=0)")
    print(f"{'':<62} {arguments.against[:12]:>14} {'ratio':>6} {'this tree':>14} {'ratio':>6} {'change':>7}")
    for name, old, new in zip(names, before, after):
        print(f"{name[:62]:<62} {old:>14,} {old / before[0]:5.2f}x {new:>14,} {new / after[0]:5.2f}x {100 * (new / old - 1):+6.1f}%")


if __name__ == "__main__":
    main()
