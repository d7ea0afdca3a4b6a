"""Agreement between two labellings of the same articles (a blind re-label against the main labels).

    python data/realworld/agreement.py GOLD_A.jsonl ARTICLES_A.tsv GOLD_B.jsonl ARTICLES_B.tsv

Sentences of B are mapped to the sentence of A they overlap most (the two labellers may cut sentences
differently). Prints per-decision agreement and Cohen's kappa where the decision is a class.
"""
import csv
import json
import sys
from collections import Counter


def overlap(a, b):
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def kappa(pairs):
    if not pairs:
        return float("nan")
    n = len(pairs)
    observed = sum(a == b for a, b in pairs) / n
    left, right = Counter(a for a, _ in pairs), Counter(b for _, b in pairs)
    expected = sum(left[k] * right[k] for k in left) / (n * n)
    return (observed - expected) / (1 - expected) if expected < 1 else 1.0


def read(gold_path, articles_path):
    golds = {g["id"]: g for g in map(json.loads, open(gold_path, encoding="utf-8"))}
    with open(articles_path, encoding="utf-8") as handle:
        ratings = {row["id"]: row["rating"] for row in csv.DictReader(handle, delimiter="\t")}
    return golds, ratings


def span_f1(a_spans, b_spans):
    matched_b = sum(any(overlap(b, a) for a in a_spans) for b in b_spans)
    matched_a = sum(any(overlap(a, b) for b in b_spans) for a in a_spans)
    p = matched_b / len(b_spans) if b_spans else 1.0
    r = matched_a / len(a_spans) if a_spans else 1.0
    return p, r, len(a_spans), len(b_spans)


def main(gold_a, articles_a, gold_b, articles_b):
    golds_a, ratings_a = read(gold_a, articles_a)
    golds_b, ratings_b = read(gold_b, articles_b)
    ids = sorted(set(golds_a) & set(golds_b))
    claim, attributed, kind, role, cue, source, stype, named, inherited = ([] for _ in range(9))
    hedges_a, hedges_b, notes_a, notes_b = [], [], [], []
    for article_id in ids:
        a_sents, b_sents = golds_a[article_id]["sentences"], golds_b[article_id]["sentences"]
        for a in a_sents:
            span = (a["start"], a["end"])
            b = max(b_sents, key=lambda s: overlap(span, (s["start"], s["end"])))
            claim.append((a["claim"], b["claim"]))
            if a["claim"] and b["claim"]:
                role.append((a.get("role"), b.get("role")))
            aa, ba = a["attribution"], b["attribution"]
            attributed.append((aa is not None, ba is not None))
            if aa and ba:
                kind.append((aa["kind"], ba["kind"]))
                inherited.append((aa["inherited"], ba["inherited"]))
                if aa["cue"] and ba["cue"]:
                    cue.append(overlap(aa["cue"], ba["cue"]) > 0)
                if aa["source"] and ba["source"]:
                    same = overlap(aa["source"], ba["source"]) * 2 >= ba["source"][1] - ba["source"][0]
                    source.append(same)
                    if same:
                        stype.append((aa["source_type"], ba["source_type"]))
                        named.append((aa["named"], ba["named"]))
        hedges_a += [(article_id, h[0], h[1]) for s in a_sents for h in s["hedges"]]
        hedges_b += [(article_id, h[0], h[1]) for s in b_sents for h in s["hedges"]]
        notes_a += [(article_id, v[0], v[1]) for s in a_sents for v in s["verification"]]
        notes_b += [(article_id, v[0], v[1]) for s in b_sents for v in s["verification"]]

    def agree(pairs):
        return sum(a == b for a, b in pairs) / len(pairs) if pairs else float("nan")

    def spans(a_list, b_list):
        matched_b = sum(any(x[0] == y[0] and overlap(x[1:], y[1:]) for x in a_list) for y in b_list)
        matched_a = sum(any(x[0] == y[0] and overlap(x[1:], y[1:]) for y in b_list) for x in a_list)
        return (f"A {len(a_list)}, B {len(b_list)}; B found in A {matched_b}/{len(b_list)}, "
                f"A found in B {matched_a}/{len(a_list)}")

    print(f"articles {len(ids)}, sentences of A {len(claim)}")
    print(f"claim or not: agreement {agree(claim):.3f}, kappa {kappa(claim):.3f}")
    print(f"role (both claims): agreement {agree(role):.3f}, kappa {kappa(role):.3f} over {len(role)}")
    print(f"attributed or not: agreement {agree(attributed):.3f}, kappa {kappa(attributed):.3f}")
    print(f"kind (both attributed): agreement {agree(kind):.3f} over {len(kind)}")
    print(f"inherited (both attributed): agreement {agree(inherited):.3f}")
    print(f"cue overlaps (both have a cue): {sum(cue)}/{len(cue)}")
    print(f"source same span (both have one): {sum(source)}/{len(source)}")
    print(f"source type (same source): agreement {agree(stype):.3f}, kappa {kappa(stype):.3f} over {len(stype)}")
    print(f"named (same source): agreement {agree(named):.3f}")
    print(f"hedges: {spans(hedges_a, hedges_b)}")
    print(f"verification notes: {spans(notes_a, notes_b)}")
    ratings = [(ratings_a[i], ratings_b[i]) for i in ids]
    print(f"rating: agreement {agree(ratings):.3f} ({sum(a == b for a, b in ratings)}/{len(ratings)}), "
          f"pairs {sorted(Counter(ratings).items())}")


if __name__ == "__main__":
    main(*sys.argv[1:5])
