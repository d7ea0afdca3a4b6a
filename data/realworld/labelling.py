"""Tools for hand-labelling articles by docs/guidelines.md (version 2) into the format of docs/labels-format.md.

The labeller never runs credence on an article before labelling it. The steps:
  split TEXT_DIR ID OUT_DIR     candidate sentence spans -> OUT_DIR/ID.sents.json (a plain splitter, not credence's;
                                edit the file by hand where it is wrong: it is a list of [start, end])
  show TEXT_DIR ID OUT_DIR      the sentences, numbered, with their offsets, to read and label
  compile TEXT_DIR OUT_DIR      every OUT_DIR/ID.labels.jsonl -> OUT_DIR/gold.jsonl and OUT_DIR/articles.tsv,
                                asserting that every quoted span is found where the labeller says it is

A labels file has one JSON object per line. The first: {"rating": "high|mixed|low", "why": "one line",
"outlet": str, "kind": str, "collection": str (default "allsides")}. Then exactly one line per sentence, in order:
  {"s": 3, "c": false, "n": "headline"}             not a claim (n: why: headline, byline, caption, furniture, question,
                                                    verification note on the previous claim, ...)
  {"s": 4, "r": "key"}                              a claim with no attribution; r is its role: key, background, opinion
  {"s": 5, "r": "key", "a": {"k": "report", "cue": "said", "src": "the sheriff", "t": "person", "named": false},
   "h": [["reportedly", "distancing"]], "v": [["could not be verified", "unverified"]], "n": "optional why"}
Attribution keys: k report|belief; cue (the cue's words, null when inherited); alt (other defensible cue spans);
src (the source's words, null for none); t the source type; named; inh (true: inherited, src is then found in an
earlier sentence, the nearest occurrence before this one); via [[words, type], ...] nearest first.
A span's words are searched in the sentence; "words@2" takes the second occurrence (of the string, also inside
other words: the compiler refuses a span that starts or ends mid-word, so "he" is never found in "the"). Hedges (writer's only) carry a
category: distancing, speculation, vague attribution. Notes carry a kind: unverified, caution, confirmed.
"""
import hashlib
import json
import os
import re
import sys

ABBREVIATIONS = {
    "mr", "mrs", "ms", "dr", "st", "sen", "rep", "gov", "gen", "lt", "col", "sgt", "capt", "adm", "prof", "rev",
    "jr", "sr", "inc", "corp", "co", "ltd", "vs", "v", "no", "jan", "feb", "mar", "apr", "aug", "sept", "sep", "oct",
    "nov", "dec", "u.s", "u.k", "u.n", "d.c", "a.m", "p.m", "e.g", "i.e", "ft", "mt", "ave", "calif", "fla", "ariz",
    "mass", "wash", "pa", "va", "n.y", "ga", "ill", "mich", "minn", "tenn", "tex", "colo", "conn", "okla", "ore",
}
BREAK = re.compile(r"[.!?]+[\"'”’)\]]*(?=\s+[\"'“‘(\[]?[A-Z0-9])")


def read_text(text_dir, article_id):
    with open(os.path.join(text_dir, f"{article_id}.txt"), encoding="utf-8", newline="") as handle:
        return handle.read().strip()


def split_sentences(text):
    spans = []
    for line in re.finditer(r"[^\n]+", text):
        start = line.start()
        for stop in BREAK.finditer(line.group()):
            word = re.search(r"([\w.]+)[.!?]*$", line.group()[: stop.start() + 1].rstrip("\"'”’)]"))
            token = word.group(1).rstrip(".").lower() if word else ""
            if token in ABBREVIATIONS or re.fullmatch(r"[A-Za-z]", token):
                continue
            end = line.start() + stop.end()
            spans.append([start, end])
            start = end
            while start < line.end() and text[start].isspace():
                start += 1
        if text[start:line.end()].strip():
            end = line.end()
            while text[end - 1].isspace():
                end -= 1
            spans.append([start, end])
    return spans


def find(text, words, lo, hi, backwards=False):
    """The offsets of words (with an optional @k occurrence) inside text[lo:hi]; asserts it is there."""
    occurrence = 1
    if re.search(r"@\d+$", words):
        words, occurrence = words.rsplit("@", 1)
        occurrence = int(occurrence)
    hits = [m.start() for m in re.finditer(re.escape(words), text[lo:hi])]
    assert len(hits) >= occurrence, f"{words!r} not found {occurrence} time(s) in {text[lo:hi][:120]!r}"
    start = lo + (hits[-occurrence] if backwards else hits[occurrence - 1])
    end = start + len(words)
    # a span never starts or ends inside a word ("he" must not be found in "the")
    assert not (words[:1].isalnum() and start > 0 and text[start - 1].isalnum()), f"{words!r} starts mid-word"
    assert not (words[-1:].isalnum() and end < len(text) and text[end].isalnum()), f"{words!r} ends mid-word"
    return [start, end]


def compile_article(text, sents, lines, article_id):
    head, rows = lines[0], lines[1:]
    assert head.get("rating") in ("high", "mixed", "low"), f"{article_id}: first line needs a rating"
    assert [r["s"] for r in rows] == list(range(len(sents))), f"{article_id}: one line per sentence, in order"
    sentences = []
    for row, (start, end) in zip(rows, sents):
        claim = row.get("c", True)
        out = {"start": start, "end": end, "claim": claim, "attribution": None, "hedges": [], "verification": []}
        if claim:
            assert row.get("r") in ("key", "background", "opinion"), f"{article_id} s{row['s']}: role"
            out["role"] = row["r"]
        a = row.get("a")
        if a:
            assert a["k"] in ("report", "belief") and a["t"] in (
                "person", "organization", "media", "social_media", "document", "anonymous", "unknown")
            inherited = bool(a.get("inh"))
            source = None
            if a.get("src"):
                source = find(text, a["src"], 0, start, backwards=True) if inherited else find(text, a["src"], start, end)
            out["attribution"] = {
                "kind": a["k"],
                "cue": find(text, a["cue"], start, end) if a.get("cue") else None,
                "alt_cues": [find(text, w, start, end) for w in a.get("alt", [])],
                "source": source, "source_type": a["t"], "named": bool(a.get("named")), "inherited": inherited,
                "via": [find(text, w, start, end) + [t] for w, t in a.get("via", [])],
            }
        for words, category in row.get("h", []):
            assert category in ("distancing", "speculation", "vague attribution"), category
            out["hedges"].append(find(text, words, start, end) + [category])
        for words, kind in row.get("v", []):
            assert kind in ("unverified", "caution", "confirmed"), kind
            out["verification"].append(find(text, words, start, end) + [kind])
        if row.get("n"):
            out["note"] = row["n"]
        sentences.append(out)
    return {"id": article_id, "sentences": sentences}, head


def main(argv):
    command, text_dir = argv[0], argv[1]
    if command in ("split", "show"):
        article_id, out_dir = argv[2], argv[3]
        text = read_text(text_dir, article_id)
        path = os.path.join(out_dir, f"{article_id}.sents.json")
        if command == "split":
            with open(path, "w", encoding="utf-8") as handle:
                json.dump(split_sentences(text), handle)
        with open(path, encoding="utf-8") as handle:
            sents = json.load(handle)
        for i, (start, end) in enumerate(sents):
            print(f"S{i} [{start}:{end}] {text[start:end]}")
        return
    out_dir = argv[2]
    golds, rows = [], []
    for name in sorted(os.listdir(out_dir)):
        if not name.endswith(".labels.jsonl"):
            continue
        article_id = name.split(".")[0]
        text = read_text(text_dir, article_id)
        with open(os.path.join(out_dir, f"{article_id}.sents.json"), encoding="utf-8") as handle:
            sents = json.load(handle)
        with open(os.path.join(out_dir, name), encoding="utf-8") as handle:
            lines = [json.loads(line) for line in handle if line.strip()]
        gold, head = compile_article(text, sents, lines, article_id)
        golds.append(gold)
        digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
        rows.append([article_id, head.get("collection", "allsides"), "local", "-", f"text/{article_id}.txt", "raw | strip", digest,
                     head.get("outlet", ""), head.get("kind", ""), head["rating"], head.get("why", "")])
    with open(os.path.join(out_dir, "gold.jsonl"), "w", encoding="utf-8") as handle:
        for gold in golds:
            handle.write(json.dumps(gold) + "\n")
    with open(os.path.join(out_dir, "articles.tsv"), "w", encoding="utf-8") as handle:
        handle.write("\t".join(["id", "collection", "repo", "commit", "path", "extract", "sha256", "outlet", "kind",
                                "rating", "why"]) + "\n")
        for row in rows:
            handle.write("\t".join(row) + "\n")
    print(f"compiled {len(golds)} articles")


if __name__ == "__main__":
    main(sys.argv[1:])
