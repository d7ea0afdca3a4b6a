"""Plain texts of the English news pages of ../shared/datasets/html-pages, for hand-labelling (round 9).

Reads each page's `expected.html` (the article Readability extracts, not credence's extraction, so the labels do
not depend on credence) and writes its text: one paragraph per block element, blank lines between, spaces
collapsed, as the AllSides texts are. Prints one line per article: id, outlet, kind, sha256, fold: the pages go round-robin to
the training folds 0-3 in order of kind and then of `select.py`'s sha256 order, so every fold mixes kinds.
Usage: python data/realworld/readability_texts.py PAGES_DIR OUT_TEXT_DIR
"""
import hashlib
import os
import re
import sys

import lxml.html

# The pages that are news or news-like articles in English (reviews, features, explainers included); the rest of
# the 130 are documentation, fiction, tests of the extractor or not English. Page folder -> (outlet, kind).
NEWS_PAGES = {
    "aclu": ("ACLU", "blog"),
    "ars-1": ("Ars Technica", "digital"),
    "article-author-tag": ("Atlas Obscura", "magazine"),
    "bbc-1": ("BBC News", "broadcaster"),
    "breitbart": ("Breitbart", "partisan"),
    "bug-1255978": ("The Independent", "digital"),
    "buzzfeed-1": ("BuzzFeed News", "digital"),
    "citylab-1": ("CityLab", "magazine"),
    "cnet": ("CNET", "digital"),
    "cnn": ("CNNMoney", "broadcaster"),
    "engadget": ("Engadget", "digital"),
    "guardian-1": ("The Guardian", "broadsheet"),
    "herald-sun-1": ("Herald Sun", "tabloid"),
    "medicalnewstoday": ("Medical News Today", "science"),
    "msn": ("MSN", "aggregator"),
    "nytimes-1": ("The New York Times", "broadsheet"),
    "nytimes-2": ("The New York Times", "broadsheet"),
    "nytimes-3": ("The New York Times", "broadsheet"),
    "nytimes-4": ("The New York Times", "broadsheet"),
    "quanta-1": ("Quanta Magazine", "science"),
    "salon-1": ("Salon", "magazine"),
    "schema-org-context-object": ("NBC News", "broadcaster"),
    "seattletimes-1": ("The Seattle Times", "local"),
    "telegraph": ("The Telegraph", "broadsheet"),
    "theverge": ("The Verge", "digital"),
    "tmz-1": ("TMZ", "tabloid"),
    "wapo-1": ("The Washington Post", "broadsheet"),
    "wapo-2": ("The Washington Post", "broadsheet"),
    "webmd-1": ("WebMD", "science"),
    "webmd-2": ("WebMD", "science"),
    "wikia": ("Fandom", "blog"),
    "wordpress": ("WP Tavern", "blog"),
    "yahoo-3": ("Yahoo", "aggregator"),
}
BLOCKS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "figcaption", "pre", "dt", "dd", "td", "th"}


def order(article_id):
    """select.py's order: sha256, no random-number library."""
    return hashlib.sha256(f"label:{article_id}".encode()).hexdigest()


def paragraphs(html):
    root = lxml.html.fromstring(html)
    for bad in root.xpath("//script|//style|//noscript"):
        bad.drop_tree()
    found = []
    for element in root.iter():
        if not isinstance(element.tag, str) or element.tag not in BLOCKS:
            continue
        if any(isinstance(a.tag, str) and a.tag in BLOCKS for a in element.iterancestors()):
            continue  # a block inside a block is read with its parent
        text = re.sub(r"\s+", " ", element.text_content()).strip()
        if text:
            found.append(text)
    return found


def main(pages_dir, out_dir):
    os.makedirs(out_dir, exist_ok=True)
    pages = sorted(NEWS_PAGES.items(), key=lambda item: (item[1][1], order("rd-" + item[0])))
    for fold, (page, (outlet, kind)) in enumerate(pages):
        with open(os.path.join(pages_dir, page, "expected.html"), encoding="utf-8") as handle:
            text = "\n\n".join(paragraphs(handle.read())) + "\n"
        article_id = "rd-" + page
        with open(os.path.join(out_dir, f"{article_id}.txt"), "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
        print(article_id, outlet, kind, hashlib.sha256(text.strip().encode()).hexdigest(), fold % 4, sep="\t")


if __name__ == "__main__":
    main(*sys.argv[1:3])
