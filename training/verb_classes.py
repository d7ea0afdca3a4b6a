"""Derive the verb classes the attribution gate reads (``resources/lexicons/wordnet_verb_classes.txt`` and
``wordnet_verb_forms.txt``) from Princeton WordNet 3.0.

    apt-get install wordnet-base             # Debian's WordNet 3.0 database, in /usr/share/wordnet
    python -m training.verb_classes [WORDNET_DIR]

A cue word the real-world folds never saw is judged by its class: a verb whose senses are mostly of
communication ("argue", "reply", "vow") governs content more often than one of social life, motion or possession
("vote", "pass", "accept"). For each one-word verb lemma: the lexicographer files (verb.communication, verb.social,
...) of its first three senses, in sense order (WordNet's, roughly by frequency), and the share of all its senses
that are of communication, in quarters. Irregular forms ("told", "wrote") come from ``verb.exc``. Deterministic:
file order, no randomness. Provenance and licence: data/README.md.
"""
from __future__ import annotations

import re
import sys
from pathlib import Path

from service.pipeline.resources import lexicon_path

DEFAULT_DIR = Path("/usr/share/wordnet")
SENSES_READ = 3
ONE_WORD = re.compile(r"[a-z]+")
LICENSE = "WordNet30_License.txt"
HEADER = f"""\
# Derived from Princeton WordNet 3.0 (Debian package wordnet-base 1:3.0), (c) 2006 Princeton University, under the
# WordNet 3.0 License ({LICENSE} beside this file); see data/README.md. Written by training/verb_classes.py.
"""


VERB_FILES = {
    "29": "body", "30": "change", "31": "cognition", "32": "communication", "33": "competition", "34": "consumption",
    "35": "contact", "36": "creation", "37": "emotion", "38": "motion", "39": "perception", "40": "possession",
    "41": "social", "42": "stative", "43": "weather",
}
"""The verb lexicographer files by number (WordNet's lexnames(5WN); Debian's package ships no lexnames file)."""


def lexicographer_files(wordnet: Path) -> dict[str, str]:
    """The lexicographer file ("communication", without "verb.") of each verb synset, by its offset."""
    files = {}
    for line in (wordnet / "data.verb").read_text(encoding="latin-1").splitlines():
        if not line.startswith(" "):
            offset, number = line.split(" ", 2)[:2]
            files[offset] = VERB_FILES[number]
    return files


def verb_classes(wordnet: Path) -> list[str]:
    """``lemma classes share``: the distinct files of its first senses and its quarters of communication."""
    files = lexicographer_files(wordnet)
    lines = []
    for line in (wordnet / "index.verb").read_text(encoding="latin-1").splitlines():
        if line.startswith(" "):
            continue
        fields = line.split()
        lemma, pointers = fields[0], int(fields[3])
        if not ONE_WORD.fullmatch(lemma):
            continue
        senses = [files[offset] for offset in fields[4 + pointers + 2 :]]
        first = list(dict.fromkeys(senses[:SENSES_READ]))
        share = round(4 * senses.count("communication") / len(senses))
        lines.append(f"{lemma} {','.join(first)} {share}")
    return lines


def irregular_forms(wordnet: Path, lemmas: set[str]) -> list[str]:
    """``form lemma`` for each one-word irregular form of a listed lemma (its first lemma when several)."""
    forms = {}
    for line in (wordnet / "verb.exc").read_text(encoding="latin-1").splitlines():
        form, lemma = line.split()[:2]
        if ONE_WORD.fullmatch(form) and lemma in lemmas:
            forms.setdefault(form, lemma)
    return [f"{form} {lemma}" for form, lemma in forms.items()]


def main(argv: list[str] | None = None) -> None:
    args = sys.argv[1:] if argv is None else argv
    wordnet = Path(args[0]) if args else DEFAULT_DIR
    classes = verb_classes(wordnet)
    forms = irregular_forms(wordnet, {line.split()[0] for line in classes})
    lexicon_path("wordnet_verb_classes.txt").write_text(
        HEADER + "# One-word verb lemmas: lemma, lexicographer files of its first senses, quarters of communication.\n"
        + "\n".join(classes) + "\n", encoding="utf-8")
    lexicon_path("wordnet_verb_forms.txt").write_text(
        HEADER + "# Irregular forms of the lemmas in wordnet_verb_classes.txt (verb.exc): form, lemma.\n"
        + "\n".join(forms) + "\n", encoding="utf-8")
    print(f"{len(classes)} verb lemmas, {len(forms)} irregular forms")


if __name__ == "__main__":
    main()
