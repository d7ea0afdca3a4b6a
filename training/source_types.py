"""Source typing on the real-world train folds: type and ``named`` accuracy, and every wrong one listed.

    python -m training.source_types [--subset IDS_FILE] [--list]

For each gold claim with a source, the service claims overlapping it whose source (or ``refers_to``) lies at
least half inside the gold source span are the ones judged, as in ``../shared/tools/realworld_eval.py``; the
first of them is compared with the gold type and ``named``. ``--subset`` also prints the figures for the
articles whose ids the file lists (one a line: the articles added in a round, say); ``--list`` prints one line
per wrong type or ``named`` with the gold source, the service source, its ``refers_to`` and the service's reason.
Only the train folds are read: the test fold is never looked at here.
"""
from __future__ import annotations

import argparse
import collections
from pathlib import Path

from service import score_article

from .gate import overlap
from .labelled import TRAIN_DIR, load_folder


def _inside(pred: tuple[int, int], gold: tuple[int, int]) -> bool:
    """At least half of the predicted span lies inside the gold span."""
    return pred[1] > pred[0] and overlap(pred, gold) * 2 >= pred[1] - pred[0]


def _span(record: dict | None) -> tuple[int, int] | None:
    return (record["start"], record["end"]) if record else None


def judged_sources(sentences: tuple[dict, ...], body: dict):
    """(gold attribution, service attribution) for each gold source the service found right."""
    for sentence in sentences:
        gold = sentence["attribution"]
        if not sentence["claim"] or not gold or not gold["source"]:
            continue
        gold_span = tuple(gold["source"])
        for claim in body["claims"]:
            found = claim.get("attribution")
            if not found or claim["end"] <= sentence["start"] or claim["start"] >= sentence["end"]:
                continue
            predicted = [p for p in (_span(found.get("source")), _span(found.get("refers_to"))) if p]
            if any(_inside(p, gold_span) for p in predicted):
                yield gold, found
                break


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--subset", type=Path, help="a file of article ids, one a line")
    parser.add_argument("--list", action="store_true", help="print every wrong type or named")
    args = parser.parse_args(argv)
    subset = set(args.subset.read_text().split()) if args.subset else set()
    counts = {"all": collections.Counter(), "subset": collections.Counter()}
    confusions: collections.Counter[str] = collections.Counter()
    for article in load_folder(TRAIN_DIR):
        body = score_article(article.text, explain=args.list)
        for gold, found in judged_sources(article.sentences, body):
            type_right = found.get("source_type") == gold["source_type"]
            named_right = found.get("named") == gold["named"]
            for name in ("all", "subset") if article.id in subset else ("all",):
                counts[name].update(typed=1, type_right=type_right, named_right=named_right)
            if not type_right:
                confusions[f"{gold['source_type']}->{found.get('source_type')}"] += 1
            if args.list and not (type_right and named_right):
                start, end = gold["source"]
                refers = (found.get("refers_to") or {}).get("text")
                print(f"{article.id[:6]} gold {gold['source_type']}/{'named' if gold['named'] else 'unnamed'} "
                      f"{article.text[start:end]!r} | service {found.get('source_type')}/"
                      f"{'named' if found.get('named') else 'unnamed'} {found['source']['text']!r}"
                      f"{f' -> {refers!r}' if refers else ''} | {found.get('explanation', '')}")
    for name, count in counts.items():
        if count["typed"]:
            print(f"{name}: source type {count['type_right'] / count['typed']:.3f} ({count['type_right']}/{count['typed']}), "
                  f"named {count['named_right'] / count['typed']:.3f} ({count['named_right']}/{count['typed']})")
    print("confusions (gold->service): " + ", ".join(f"{k} {v}" for k, v in confusions.most_common()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
