"""Every benchmark, one after the other, each in its own fresh interpreter.

    .venv/bin/python -m bench.run_all

Separate processes keep one benchmark's warm caches and memory out of the next one's
figures. Stops at the first benchmark that fails and exits with its status.
"""
from __future__ import annotations

import subprocess
import sys

from bench.corpus import REPO_DIR

BENCHMARKS = ("bench.throughput", "bench.scaling", "bench.startup", "bench.http_load")


def main() -> None:
    for module in BENCHMARKS:
        print(f"== {module}", flush=True)
        finished = subprocess.run([sys.executable, "-m", module], cwd=REPO_DIR, check=False)
        if finished.returncode != 0:
            sys.exit(finished.returncode)
        print(flush=True)


if __name__ == "__main__":
    main()
