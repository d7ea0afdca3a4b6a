"""Draw the hand-labelled sample from the AllSides development set, stratified over kinds and sites.

Deterministic (sha256 order, no random-number library). Prints one line per article: id, kind, site, fold.
Folds 0-3 are for training and cross-validation; fold 4 is the test fold, never used for tuning.
`--addition K` draws further articles, 30 each, from what the sample and the earlier additions left, the same
way (round 5: K = 1-3; round 6: K = 4-7; round 7: K = 8-10, the last one 17 once the other kinds ran out):
additions 1 and 6 enlarge the test fold (fold 4) to 50 and then 80 articles, the others go round-robin to the
training folds 0-3.
`--polnear LABELLED_DIR` draws round 28's check fold instead: from PolNeAR train (``data/polnear/metadata.tsv``),
4 articles of each of its 7 outlets, 150 to 1,000 words, in the same sha256 order, skipping every article already
labelled under LABELLED_DIR (an outlet with fewer left gives what it has); printed as batch (0-3, one article of each
outlet per batch) and id.
Usage: python data/realworld/select.py METADATA_TSV [--addition K | --polnear LABELLED_DIR]
"""
import csv
import glob
import hashlib
import os
import re
import sys
from collections import defaultdict

TOTAL = 100
FOLDS = 5
# Small kinds are over-sampled so that each is present; the rest is shared by the large kinds.
SMALL_KIND_QUOTA = {"wire": 8, "blog": 4, "tabloid": 4, "business": 3, "local": 3, "newsletter": 2,
                    "science": 2, "aggregator": 1, "factcheck": 1}


def order(article_id):
    return hashlib.sha256(f"label:{article_id}".encode()).hexdigest()


ADDITION_TOTAL = 30
TEST_ADDITIONS = {1, 6}
ADDITION_SMALL_KIND_QUOTA = {"wire": 3, "blog": 2, "tabloid": 2, "business": 1, "local": 1, "newsletter": 1}


def draw(rows, total=TOTAL, small_kind_quota=SMALL_KIND_QUOTA, folds=FOLDS):
    by_kind = defaultdict(list)
    for row in rows:
        by_kind[row["kind"]].append(row)
    large = sorted(k for k in by_kind if k not in small_kind_quota and k not in SMALL_KIND_QUOTA)
    left = total - sum(min(q, len(by_kind.get(k, []))) for k, q in small_kind_quota.items())
    quota = {kind: small_kind_quota.get(kind, 0) for kind in SMALL_KIND_QUOTA} | dict(small_kind_quota)
    for i, kind in enumerate(large):
        quota[kind] = left // len(large) + (1 if i < left % len(large) else 0)
    chosen = []
    for kind in sorted(by_kind):
        # one article per site first (most sites), then a second per site, ... in hash order
        by_site = defaultdict(list)
        for row in sorted(by_kind[kind], key=lambda r: order(r["id"])):
            by_site[row["site"]].append(row)
        picked, rank = [], 0
        while len(picked) < min(quota[kind], len(by_kind[kind])):
            layer = [rows_[rank] for rows_ in by_site.values() if len(rows_) > rank]
            picked.extend(sorted(layer, key=lambda r: order(r["id"]))[: quota[kind] - len(picked)])
            rank += 1
        chosen.extend(picked)
    # folds: round-robin over the kinds so that every fold mixes them
    chosen.sort(key=lambda r: (r["kind"], order(r["id"])))
    return [(row, i % folds) for i, row in enumerate(chosen)]


def draw_addition(rows, number):
    """Addition NUMBER: the same stratified draw over the articles not yet drawn."""
    taken = {row["id"] for row, _ in draw(rows)}
    for _ in range(number):
        rest = [row for row in rows if row["id"] not in taken]
        drawn = draw(rest, ADDITION_TOTAL, ADDITION_SMALL_KIND_QUOTA, FOLDS - 1)
        taken |= {row["id"] for row, _ in drawn}
    return [(row, FOLDS - 1 if number in TEST_ADDITIONS else fold) for row, fold in drawn]


POLNEAR_PER_OUTLET = 4
POLNEAR_WORDS = (150, 1000)


def draw_polnear(metadata_path, labelled_dir):
    """Round 28's check fold: unlabelled PolNeAR train articles, the same number from every outlet that has them left."""
    labelled = {row["id"] for tsv in glob.glob(os.path.join(labelled_dir, "*", "articles*.tsv"))
                for row in csv.DictReader(open(tsv, encoding="utf-8"), delimiter="\t", quoting=csv.QUOTE_NONE)}
    text_dir = os.path.join(os.path.dirname(metadata_path), "train", "text")
    by_outlet = {}
    with open(metadata_path, encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE):
            if row["compartment"] != "train" or row["filename"] in labelled:
                continue
            with open(os.path.join(text_dir, row["filename"] + ".txt"), encoding="utf-8") as text:
                words = len(re.findall(r"\w+", text.read()))
            if POLNEAR_WORDS[0] <= words <= POLNEAR_WORDS[1]:
                by_outlet.setdefault(row["publisher"], []).append(row["filename"])
    chosen = {outlet: sorted(ids, key=order)[:POLNEAR_PER_OUTLET] for outlet, ids in by_outlet.items()}
    return [(batch, chosen[outlet][batch]) for batch in range(POLNEAR_PER_OUTLET) for outlet in sorted(chosen)
            if batch < len(chosen[outlet])]


def main(path, addition=0):
    with open(path, encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))
    for row, fold in (draw_addition(rows, addition) if addition else draw(rows)):
        print(row["id"], row["kind"], row["site"], fold, sep="\t")


if __name__ == "__main__":
    if sys.argv[2:3] == ["--polnear"]:
        for batch, article_id in draw_polnear(sys.argv[1], sys.argv[3]):
            print(batch, article_id, sep="\t")
    else:
        main(sys.argv[1], int(sys.argv[3]) if sys.argv[2:3] == ["--addition"] else 0)
