"""The golden outputs: the exact JSON body (explanations on) and the text rendering of every text in a fixed
corpus, so that a restructuring can prove it changed nothing, byte for byte.

The corpus: the seeds, the PolNeAR dev split and ``ODD_INPUTS`` (line endings, surrogates, case-folding
traps, invisible marks, nested quotes). ``python -m tests.golden --write`` regenerates ``data/golden/`` after a
deliberate change of behaviour; that refresh goes in a commit of its own that says what changed.
"""
from __future__ import annotations

import gzip
import json
import sys
from pathlib import Path

REPO_DIR = Path(__file__).resolve().parents[1]
GOLDEN_DIR = REPO_DIR / "data" / "golden"
TEXT_DIRS = {"seeds": REPO_DIR / "data" / "seeds", "dev": REPO_DIR / "data" / "polnear" / "dev" / "text"}

ODD_INPUTS = {
    "crlf": "The ministry said on Monday that 12 people died.\r\nOfficials reportedly fear more.\r\n\r\n"
            "“We are searching,” a rescuer told Reuters.\r\n",
    "lone_surrogates": "The agency said \ud800 the strike hit a depot.\udfff It added that \udc00 no one was hurt.",
    "dotted_i_and_sigma": "İstanbul police said the suspect fled. ΣΟΦΙΑ, the mayor, said the city was calm. "
                          "The İİİ report found 40 faults.",
    "zero_width_and_bidi": "The\u200b minister\u200d said\u2060 prices would rise.\u202e Critics reportedly "
                           "disagree.\u202c The figures could not be independently verified.\u200f",
    "nested_quotes": "“He told me, ‘They said “go” and we went,’ and then left,” the soldier said. "
                     "“It was chaos.” The video was shared by the X account “Victoria”, according to "
                     "L'Independent, citing the account.",
    "empty_lines": "\n\n\nThe governor said the budget is balanced.\n\n\n\n\nHe added that taxes would not rise.\n\n\n",
    "headline_only": "Breaking News\n\nPhoto: AP",
    "unterminated_quote": "“This never ends, the spokesman said. Officials allegedly knew.",
}


def texts() -> dict[str, str]:
    """Every golden input by name (``seeds/000_...txt``, ``dev/...``, ``odd/crlf``), in a fixed order."""
    found = {}
    for corpus, directory in TEXT_DIRS.items():
        for path in sorted(directory.glob("*.txt")):
            found[f"{corpus}/{path.name}"] = path.read_bytes().decode("utf-8")
    for name, text in ODD_INPUTS.items():
        found[f"odd/{name}"] = text
    return found


def outputs() -> dict[str, str]:
    """Each name -> its JSON body (explanations on) and text rendering, as one string."""
    from service.config import load_config
    from service.engines import load_engine
    from service.pipeline.report import render, render_text

    engine = load_engine(load_config()["CREDENCE_MODEL_PATH"])
    rendered = {}
    for name, text in texts().items():
        result = engine.analyse(text)
        rendered_body = render(result, engine.model_version, explain=True)
        # The rules digest changes with any edit of the pipeline's code or data, output-neutral refactors
        # included (tests/test_roles.py checks it); the golden outputs compare what a score says.
        del rendered_body["model"]["rules_version"]
        body = json.dumps(rendered_body, ensure_ascii=False, sort_keys=True, indent=1)
        rendered[name] = body + "\n" + render_text(result)
    return rendered


def golden_path(corpus: str) -> Path:
    return GOLDEN_DIR / f"{corpus}.jsonl.gz"


def write() -> None:
    by_corpus: dict[str, list[str]] = {}
    for name, output in outputs().items():
        by_corpus.setdefault(name.split("/", 1)[0], []).append(json.dumps({"name": name, "output": output}))
    GOLDEN_DIR.mkdir(parents=True, exist_ok=True)
    for corpus, lines in by_corpus.items():
        # mtime=0: the same outputs give the same bytes, so an unchanged refresh is no change in git
        with open(golden_path(corpus), "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as handle:
            handle.write(("\n".join(lines) + "\n").encode("utf-8", "surrogatepass"))


def read() -> dict[str, str]:
    stored = {}
    for path in sorted(GOLDEN_DIR.glob("*.jsonl.gz")):
        for line in gzip.decompress(path.read_bytes()).decode("utf-8", "surrogatepass").splitlines():
            record = json.loads(line)
            stored[record["name"]] = record["output"]
    return stored


if __name__ == "__main__":
    if sys.argv[1:] != ["--write"]:
        sys.exit("usage: python -m tests.golden --write")
    write()
