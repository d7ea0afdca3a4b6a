"""HTML input: extraction quality, the HTML path's time per page beside the text path, the language check's cost.

    .venv/bin/python -m bench.extraction [DIR] [--repeats N]

DIR holds one folder per page with ``source.html`` (the page) and ``expected.html`` (the
article it should yield), as Readability's test pages do; the default is the project's
``data/html-pages/pages``. Quality: the 4-word shingles (lower-cased ``\\w+`` words) of
expected.html's text against those of ``document.text``, precision and recall per page,
averaged over pages (a page with no extracted text counts as recall 0 and is left out of
precision). Time per page, median and p95 over pages (each page's own median of N runs):
the HTML path (extract, language check, analyse, JSON body) beside the text path (the same
for ``document.text`` sent as text). The language check is timed alone on each article.
"""
from __future__ import annotations

import argparse
import re
import statistics
import time
from pathlib import Path
from typing import Callable

import lxml.html

from bench.corpus import REPO_DIR, median, percentile
from service.config import load_config
from service.engines import load_engine
from service.extract import NoArticleText, extract_article
from service.intake import Refused, read_article, score_body
from service.language import NotEnglish, check_english, load_detector

DEFAULT_PAGES = REPO_DIR / "data" / "html-pages" / "pages"
SHINGLE_WORDS = 4
_WORD = re.compile(r"\w+")


def shingles(text: str) -> set[tuple[str, ...]]:
    words = _WORD.findall(text.lower())
    return {tuple(words[i : i + SHINGLE_WORDS]) for i in range(len(words) - SHINGLE_WORDS + 1)}


def expected_text(path: Path) -> str:
    """expected.html's text, its elements' texts joined by spaces so no two words run together."""
    return " ".join(lxml.html.fromstring(path.read_text(encoding="utf-8")).itertext())


def page_folders(directory: Path) -> list[Path]:
    folders = sorted(p for p in directory.iterdir() if (p / "source.html").is_file() and (p / "expected.html").is_file())
    if not folders:
        raise SystemExit(f"no page folders (source.html + expected.html) in {directory}")
    return folders


def timed(run: Callable[[], object], repeats: int) -> float:
    times = []
    for _ in range(repeats):
        started = time.perf_counter()
        run()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def score_page(engine, **source) -> None:
    """What POST /v1/score does for one input; a refusal (no article, not English) ends it, as there."""
    try:
        article = read_article(max_chars=None, **source)
    except Refused:
        return
    score_body(engine, article, engine.analyse(article.text))


def check_english_quietly(text: str) -> None:
    try:
        check_english(text)
    except NotEnglish:
        pass


def ms(seconds: float) -> str:
    return f"{seconds * 1e3:.2f} ms"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("directory", nargs="?", type=Path, default=DEFAULT_PAGES)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()

    engine = load_engine(load_config()["CREDENCE_MODEL_PATH"])
    started = time.perf_counter()
    load_detector()
    detector_load = time.perf_counter() - started

    precisions, recalls, empty, refused = [], [], [], []
    html_times, text_times, language_times = [], [], []
    for folder in page_folders(args.directory):
        page = (folder / "source.html").read_bytes()
        expected = shingles(expected_text(folder / "expected.html"))
        try:
            document = extract_article(page)
        except NoArticleText:
            empty.append(folder.name)
            recalls.append(0.0)
            continue
        found = shingles(document.text)
        common = len(found & expected)
        if found:
            precisions.append(common / len(found))
        recalls.append(common / len(expected) if expected else 0.0)
        try:
            check_english(document.text)
        except NotEnglish as error:
            refused.append(f"{folder.name}: {error.language.name}")
        language_times.append(timed(lambda: check_english_quietly(document.text), args.repeats))
        html_times.append(timed(lambda: score_page(engine, html=page), args.repeats))
        text_times.append(timed(lambda: score_page(engine, text=document.text), args.repeats))

    pages = len(recalls)
    print(f"pages: {pages} in {args.directory}; no article text: {len(empty)} {empty}")
    print(f"extraction, {SHINGLE_WORDS}-word shingles of expected.html's text vs document.text, mean per page:")
    print(f"  precision {statistics.fmean(precisions):.3f} (over {len(precisions)} pages with text)")
    print(f"  recall    {statistics.fmean(recalls):.3f} (over {pages} pages)")
    html_times.sort(), text_times.sort(), language_times.sort()
    print("time per page (extract + language + analyse + body; text: the same from document.text):")
    print(f"  html path  median {ms(median(html_times))}  p95 {ms(percentile(html_times, 0.95))}")
    print(f"  text path  median {ms(median(text_times))}  p95 {ms(percentile(text_times, 0.95))}")
    print(f"  html / text (medians) {median(html_times) / median(text_times):.2f}x")
    print(f"language check per article: median {ms(median(language_times))}  p95 {ms(percentile(language_times, 0.95))}"
          f"  (model load once: {ms(detector_load)})")
    print(f"refused as not English: {len(refused)} {refused}")


if __name__ == "__main__":
    main()
