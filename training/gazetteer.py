"""Derive the organisation gazetteer ``resources/lexicons/wordnet_organization_names.txt`` and the head-noun lists
``wordnet_{person,group,communication}_nouns.txt`` from WordNet.

    python -m training.gazetteer [NOUNS_TSV]   # default ../shared/datasets/wordnet-nouns/nouns.tsv

Head nouns: one-word lower-case lemmas of three letters or more whose first sense is in the supersense, so that a
source head the hand lexicons lack is typed by its usual sense ("sheriff" a person, "coalition" a group, "memo" a
communication, which a source is only as a document).

A bare name the source lexicons lack is read as a person's; WordNet knows many names of organisations
("Interpol", "Knesset", "Federal Reserve Bank", "NIH"). Kept: capitalised lemmas whose first noun sense is in
supersense noun.group (the capitalised noun.location lemmas are none: OEWN lists places as instances, which the
dataset leaves out). Left out: groups that never speak as one (dynasties, royal houses, religions, movements,
styles, periods), and single words (acronyms too) not defined as a body that acts (an agency, a
party, a court): "Song", "Windsor", "Education" are names or words before they are organisations. Deterministic:
sorted, no randomness. Provenance and licence: data/README.md.
"""
from __future__ import annotations

import csv
import re
import sys
from pathlib import Path

from service.pipeline.resources import lexicon_path

DEFAULT_NOUNS = Path(__file__).resolve().parents[2] / "shared" / "datasets" / "wordnet-nouns" / "nouns.tsv"
OUTPUT = "wordnet_organization_names.txt"
NOT_ONE_VOICE = re.compile(
    r"dynasty|royal|famil|relig|sect\b|doctrine|movement|style|culture|period|\bera\b|empire|tribe|people (?:of|who)"
    r"|language|art\b|school of|faith|belief|ethnic|inhabitants|nation of|federation of states|ecumenical|church",
    re.IGNORECASE,
)
BODY = re.compile(
    r"agenc|organi[sz]ation|party|department|bureau|court|council|legislat|parliament|assembly|administration"
    r"|service|force|police|army|navy|intelligence|committee|commission|office|institut|alliance|union|bank"
    r"|association|guerrilla|terrorist|militant|militia|group of|company|corporation",
    re.IGNORECASE,
)
HEADER = """\
# Derived from Open English WordNet (commit d94538a), CC BY 4.0, itself derived from Princeton WordNet 3.1 under the
# WordNet License (WNDB_License.txt beside this file); see data/README.md. Names of organisations: capitalised noun
# lemmas whose first sense is in supersense noun.group, filtered by training/gazetteer.py (which writes this file).
# A bare source name found here is an organisation, not a person (service/pipeline/sources.py). Exact names, one a line.
"""


HEAD_SUPERSENSES = ("person", "group", "communication")
HEAD_HEADER = """\
# Derived from Open English WordNet (commit d94538a), CC BY 4.0, itself derived from Princeton WordNet 3.1 under the
# WordNet License (WNDB_License.txt beside this file); see data/README.md. One-word lower-case noun lemmas whose first
# sense is in supersense noun.{supersense}: a source head the hand lexicons lack is typed by it (service/pipeline/sources.py).
"""
ONE_LOWER_CASE_WORD = re.compile(r"[a-z]{3,}")


# A communication is a source only as something written or put on record ("a memo", "the transcript", "a formal
# public statement"), and legislation acts rather than tells ("the law allows", "the bill calls for"): the
# communication list keeps lemmas whose first sense is defined so, and leaves out the rest ("question", "word").
ON_RECORD = re.compile(r"writ|document|record|article|publish|publication|statement|declar|announce|report|letter|transcri|caption|heading|\btext")
LEGISLATION = re.compile(r"statute|legislat")


COMMUNICATION_NOTE = "# Only first senses defined as written or on record, and no legislation (training/gazetteer.py).\n"


def head_nouns(rows, supersense: str) -> list[str]:
    """One-word lower-case lemmas whose first sense is in ``noun.<supersense>`` (a communication: on record)."""
    return sorted({
        row["lemma"] for row in rows
        if row["sense_rank"] == "1" and row["supersense"] == f"noun.{supersense}" and ONE_LOWER_CASE_WORD.fullmatch(row["lemma"])
        and (supersense != "communication" or (ON_RECORD.search(row["definition"]) and not LEGISLATION.search(row["definition"])))
    })


def organisation_names(rows) -> list[str]:
    names = set()
    for row in rows:
        lemma, definition = row["lemma"], row["definition"]
        if row["sense_rank"] != "1" or row["supersense"] != "noun.group" or not lemma[:1].isupper():
            continue
        if NOT_ONE_VOICE.search(definition) or lemma.endswith("ism"):
            continue
        if " " not in lemma and not BODY.search(definition):
            continue
        names.add(lemma)
    return sorted(names)


def main(argv: list[str] | None = None) -> None:
    argv = sys.argv[1:] if argv is None else argv
    source = Path(argv[0]) if argv else DEFAULT_NOUNS
    with source.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))
    names = organisation_names(rows)
    lexicon_path(OUTPUT).write_text(HEADER + "".join(f"{name}\n" for name in names), encoding="utf-8")
    print(f"wrote {len(names)} names to {lexicon_path(OUTPUT)}")
    for supersense in HEAD_SUPERSENSES:
        nouns = head_nouns(rows, supersense)
        path = lexicon_path(f"wordnet_{supersense}_nouns.txt")
        header = HEAD_HEADER.format(supersense=supersense) + (COMMUNICATION_NOTE if supersense == "communication" else "")
        path.write_text(header + "".join(f"{noun}\n" for noun in nouns), encoding="utf-8")
        print(f"wrote {len(nouns)} nouns to {path}")


if __name__ == "__main__":
    main()
