"""Claim segmentation: raw scraped text -> sentences that assert something.

Works line by line over the text as posted (offsets are never shifted), in one linear
pass per line:

1. A short line matching a page-furniture pattern (``resources/lexicons/furniture.toml``) is
   dropped whole: "Exit mobile version", "Sign up to read this article", photo credits. A
   line of any length that opens like a caption or a video player ("FILE - In this photo ...",
   "Hide caption ...", entries marked ``whole_line``) is dropped whole too: captions are long.
   So are the lines of an archive's abstract, between its labels ("ABSTRACT." ... "FULL TEXT.").
2. The line is split into sentences at terminal punctuation (optionally followed by
   closing quotes) that is followed by whitespace (or, after a word, glued to a capitalised
   word: "Martin.His") and not by a lower-case word, unless
   the word before the full stop is a known abbreviation ("U.S.", "Gen.", "Sept.") or an
   initial, or a quoted question or exclamation is followed by a speaker tag of at most four
   words that ends the sentence ("“Why now?” Clinton asked."), or the punctuation is an
   ellipsis glued to a word ("it was awesome… It was") or a dot of a spaced one (". . ."), or
   a post's signature follows ("That fits. — Ben (@BenHowe) June 3, 2017"). "Nov.08" never
   splits: no whitespace follows the stop.
3. A line that is one sentence with no terminal punctuation is a headline or label
   (unless it stands below the first claim and is as long as a sentence: the scraper cut
   its end, or it is an item of a list a lead-in of what someone said opens: "President
   Obama also said:"), as is a single title-cased line above the first claim, and a short first
   line of the text with no article above the story, punctuated or not ("Polls suggest Kasich
   has best chance of beating Clinton."), or of at most ten words with its articles, and the
   line below an archive's "Title;" (its subtitle), and a short line in capitals ("GOING BROKE
   FOR RUBIO."). Markup tags ("<tweet tweet-id=...><tweet/>") are no words. A trailing
   unpunctuated fragment of a longer line is kept as a claim only when it is long enough to
   be a sentence (captions end in credits like "Khorne group/e2w news").
4. A sentence repeated word for word right after itself (a scraped subtitle) is scored once,
   and so is a passage printed twice (``REPEATED_BLOCK_MIN`` repeated claims in a row); a
   sentence repeated further on (a pull quote, a post embedded then quoted) stands again.

A sentence that opens inside a quotation begun earlier (the document's quotations say
so) is marked ``opens_inside_quote`` (it inherits its speaker).
"""
from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import replace
from itertools import groupby

from .attribution.words import CLAUSE_WORDS, COPULAS, LEAD_IN_VERBS
from .document import Document, Line
from .resources import compile_alternation, read_entries, read_toml
from .records import Claim, Segment, Segmentation
from .source_lexicons import ARTICLES

FURNITURE_MAX_CHARS = 160
"""Furniture patterns only apply to short lines: chrome is short, story text is not."""

MIN_CLAIM_WORDS = 3
MIN_QUOTED_CLAIM_WORDS = 2
"""Inside a quotation two words assert something the speaker goes on saying ("It’s translucent.", "He knows."); one
is an exclamation ("Wow.", "Period."). So do two words a personal pronoun opens ("It's prudent.")."""
MIN_TRAILING_FRAGMENT_WORDS = 6
MIN_CUT_SENTENCE_WORDS = 16
"""An unpunctuated body line this long is a sentence the scraper cut, not a heading."""
HEADLINE_MIN_WORDS = 4
HEADLINE_MAX_WORDS = 12
"""A first line of the text this short that is one sentence with no article, above more text, is a headline,
punctuated or not (a lead-in's colon aside, "In her letter, Vera Holm wrote:"): headlines drop their articles
("Polls suggest Kasich has best chance of beating Clinton."), a story's lead sentence is longer and keeps them."""
HEADLINE_CAPITALISED_SHARE = 0.8
HEADLINE_BARE_MAX_WORDS = 10
HEADLINE_STORY_MIN_LINES = 3
"""A first line this short, set by a blank line above a story (at least ``HEADLINE_STORY_MIN_LINES`` lines below it),
is a headline even with its articles ("Party unity is a two-way street."), unless it is quoted (a pull quote opening
the story): no train article opens its story with an unquoted sentence this short on a line of its own (the shortest
is 11 words)."""

# A mark, then either more marks and closing quotes before white space, or (a stop glued to the next sentence
# by a page pasted without its spaces, "Martin.His brother", "the night.”Before dawn", "in 2016.“We", "guilty?""He")
# a word before the mark, a closing quote or none, and a capitalised word after it, opening a quotation or not. The two branches share the first mark so
# that the pattern opens with one character class, and ``re`` skips ahead to the next mark (branches that open
# with a class each are tried at every character).
_BOUNDARY = re.compile(
    r"[.!?\u2026](?:[.!?\u2026]*[\"'\u201d\u2019)\]]*(?=\s|$)|(?<=\w{2}[.!?])[\"\u201d]?(?=[\"\u201c]?[A-Z][a-z]))"
)
_TERMINAL_PUNCTUATION = frozenset(".!?\u2026:;")
_CLOSERS = "\"'\u201d\u2019)]"
_WORD = re.compile(r"\w++(?:['\u2019.-]\w++)*+")
"""A word, with inner apostrophes, stops and hyphens ("U.S.", "well-known"). Possessive (``++``, ``*+``): no run
is ever given back (nothing follows it in the pattern), so the matches are those of ``+`` and ``*``, and ``re``
keeps no backtracking state."""
_AFTER_DASH = re.compile(r"[-\u2013\u2014]")
"""A hyphen or dash inside the word before a stop: a title after it is the title ("then-Sen.", "general—Brig.")."""
_MARKUP = re.compile(r"</?[A-Za-z][^<>]*>")
"""A tag of a page's or a corpus's markup ("<tweet tweet-id=\"7216\"><tweet/>", "</tweet>"): no words of the story."""
DATELINE = re.compile(
    r"[A-Z][A-Z.'’-]+(?:\s+[A-Z][A-Z.'’-]+){0,3}(?:,\s+[A-Z][a-z]*\.?(?:\s+[A-Z][a-z]*\.?)?(?:\s+\d{1,2})?)*"
    r"\s*(?:\([A-Za-z.& ]{1,20}\)\s*)?[-–—―]+\s"
)
"""A dateline opening the story: its place in capitals, maybe a state or date and the agency, then a dash
("TALLAHASSEE — ", "ROME - ", "FORT PIERCE, Fla. - ", "NEW YORK, Nov. 19 (UPI) — "). The lines above the first one
that opens with it are a headline and deck; a caption below a story that opened so is not its opening."""
_LAST_TOKEN = re.compile(r"(\S++)$")
"""The word before a stop. Possessive: a run that does not reach the end fails at once, not once per length."""
_BEYOND_TYPOGRAPHIC = re.compile(r"[^\x00-\x7f\xa0\u2013\u2014\u2018\u2019\u201c\u201d\u2026]")
"""A character beyond ASCII and the marks news copy is full of (no-break space, dashes, curly quotes,
ellipsis), which folding leaves as they are."""
_CLOSING_QUOTES = "\"\u201d"
_OPENING_QUOTES = "\"\u201c"
# A speaker tag after a quotation: at most four words, then the sentence ends
# ("“Why now?” Clinton asked."). Words and spaces cannot overlap: no backtracking blow-up. A tag never opens with a
# quotation mark: that is the next speaker's turn ("“Did you see it?” “Yes, yes.”", "“... training.” “I know,” Lee
# answered."), a sentence of its own.
_SPEAKER_TAG = re.compile(r"\s+(?![\"\u201c])(?:[^\s.!?;]+\s+){0,3}[^\s.!?;\"\u201c\u201d]+[.!?]+(?=\s|$)")
_DASHES = "\u2015\u2014\u2013-"
"""Dashes that open a signature after a quotation ("...” ― Oscar P. Quintero", "— Jane Roe (@janeroe)")."""
# The signature an embedded post ends with: a dash, the account's name and handle, and the date (and the embed's
# "Report" link where the page kept it, or the closing tag of a corpus's markup, PolNeAR's "</tweet>"). The name is
# the source; its handle, like a party tag, is no part of it.
POST_SIGNATURE = re.compile(
    r"(?P<cue>[—–])\s*(?P<source>[^—–\n]{0,60}?\w\.?)\W*\(@\w{1,30}\)\s*(?:[A-Z][a-z]+\.?\s+\d{1,2},\s+\d{4})?"
    r"(?:\s+Report)?\s*(?:</\w+>\.?\s*)?$"
)


def post_signature(text: str, start: int, end: int) -> re.Match[str] | None:
    """``POST_SIGNATURE`` in the line ``text[start:end]``, or None: searched only in a line that holds the handle's
    "(@", which every signature has and few lines do (the search tries the name's lazy run after every dash)."""
    return POST_SIGNATURE.search(text, start, end) if text.find("(@", start, end) >= 0 else None


_INITIALISM = re.compile(r"(?:[A-Za-z]\.){2,}$")
_QUOTED_SENTENCE = re.compile(r"[\"\u201c][A-Z]")
"""A quotation that opens a sentence: a double quotation mark and a capital."""
# A lone capital ("J.", "(J."), not the last letter of an acronym ("CBS. And ..." ends a sentence) nor of a number
# and its unit ("in 4K. Everyone ...").
_INITIAL = re.compile(r"(?<![A-Za-z0-9])[A-Z]\.$")
# "The query asked, “How much ...?”": the sentence reports a question put, and asserts that; not a transcript's
# speaker label before the question ("Reporter: “You don't think peace is possible?”": the turn only asks).
_QUESTION_REPORTED = re.compile(r"\w[,:]\s*[\"\u201c]")
_AUXILIARY = "|".join(COPULAS + CLAUSE_WORDS["modals"] + CLAUSE_WORDS["perfect_auxiliaries"])
_TAG_QUESTION = re.compile(
    rf",\s*(?:{'|'.join(CLAUSE_WORDS['question_tags'])}|(?:(?:{_AUXILIARY})(?:n['’]t)?|{'|'.join(CLAUSE_WORDS['negated_auxiliaries'])})"
    rf"\s+(?:{'|'.join(CLAUSE_WORDS['tag_pronouns'])}))\?[\"'\u201d\u2019)\]]*$",
    re.IGNORECASE,
)
"""A question tag that ends a statement ("..., right?", "..., doesn't it?"): the sentence asserts the statement."""
SPEAKER_LABEL = re.compile(read_toml("speaker_labels.toml")["label"])
"""A transcript's speaker label opening a claim ("CW: ...", "Jane Roe: “...”"; ``coreference.speaker_labels``)."""
_QUOTE_OPENING = ("\"", "\u201c")

_FURNITURE_LEXICON = read_toml("furniture.toml")
_FURNITURE_ENTRIES = _FURNITURE_LEXICON["furniture"]
_CAPTION_CREDIT = re.compile(_FURNITURE_LEXICON["caption_credit"], re.IGNORECASE)
_FURNITURE = compile_alternation(tuple(entry["pattern"] for entry in _FURNITURE_ENTRIES))

def _furniture_tables(entries: list[dict]) -> tuple[dict[str, tuple[tuple[str, ...], tuple[tuple[str, re.Pattern[str]], ...]]],
                                                   tuple[tuple[str, re.Pattern[str]], ...]]:
    at_start: dict[str, list[tuple[str, re.Pattern[str]]]] = {}
    anywhere = []
    for entry in entries:
        compiled = re.compile(entry["pattern"], re.IGNORECASE)
        for prefix in entry.get("starts_with", ()):
            at_start.setdefault(prefix[0], []).append((prefix, compiled))
        if "contains" in entry:
            anywhere.append((entry["contains"], compiled))
        elif "starts_with" not in entry:
            raise ValueError(f"a furniture entry must declare starts_with or contains: {entry['pattern']!r}")
    return {first: (tuple(prefix for prefix, _ in entries), tuple(entries)) for first, entries in at_start.items()}, tuple(anywhere)


_SUMMARY_OPENS = frozenset(_FURNITURE_LEXICON["summary_block"]["opens"])
_SUMMARY_CLOSES = frozenset(_FURNITURE_LEXICON["summary_block"]["closes"])
_FURNITURE_TABLES = _furniture_tables(_FURNITURE_ENTRIES)
_WHOLE_LINE_TABLES = _furniture_tables([entry for entry in _FURNITURE_ENTRIES if entry.get("whole_line")])
"""The same patterns one by one, each behind the literal it declares it needs: ``re``
scans a case-insensitive alternation several times slower than it scans each pattern
alone, and a substring test on the folded text is far cheaper than either. Patterns
anchored at the start are looked up by the folded text's first character. These answer
"is it furniture?"; the alternation runs only on a hit, to name the match exactly as
before. ``_WHOLE_LINE_TABLES`` holds the entries that apply to a line of any length. Each first character also
keys the tuple of its prefixes: one ``str.startswith`` of them all turns away a text no prefix opens (most do not)."""
_ABBREVIATIONS = frozenset(entry.lower() for entry in read_entries("abbreviations.txt"))
_ENDING_NAMES = frozenset(entry.lower() for entry in read_entries("abbreviations_ending_names.txt"))
_SENTENCE_OPENERS = frozenset(read_entries("sentence_openers.txt"))
_NEXT_WORD = re.compile(r"[A-Z][a-z]*+(?=[\s,'\u2019])")
"""A capitalised word, whole (not an initial: "A." or "J. R." go on a name)."""
_BEFORE_NUMBERS = frozenset(entry.lower() for entry in read_entries("abbreviations_before_numbers.txt"))

# Words that stay lower-case in a title-cased headline.
_TITLE_SMALL_WORDS = frozenset(
    "a an and as at but by for from in into nor of on or over the to up via vs with".split()
)


def segment(document: Document) -> Segmentation:
    """Split the document into claims and the segments that were skipped, with reasons."""
    text, folded = document.text, document.folded
    claims: list[Claim] = []
    skipped: list[Segment] = []
    first_copy: dict[str, int] = {}  # a claim's key -> the index of the claim it first stood in
    repeats: list[int] = []  # the claims that repeat an earlier one further back
    at_start = _FURNITURE_TABLES[0]
    spoken_list = False  # the line before leads in what someone said, or is an item of such a list
    titled = False  # the line before is the title of a "Title; subtitle" headline
    summary = _summary_lines(folded, document.lines)
    for number, ((line_start, line_end, paragraph), literals) in enumerate(
            zip(document.lines, _literals_by_line(folded, document.lines))):
        line_text = text[line_start:line_end]
        if number in summary:
            skipped.append(Segment(line_start, line_end, line_text, "furniture",
                                   "an archive's abstract between its labels: a summary of the story, not the story"))
            continue
        line_tables = at_start, literals
        tables = line_tables if len(line_text) <= FURNITURE_MAX_CHARS else _WHOLE_LINE_TABLES
        if match := _furniture(line_text, folded[line_start:line_end], tables):
            skipped.append(
                Segment(line_start, line_end, line_text, "furniture", f"page furniture: matches {match.group(0)!r}")
            )
            continue
        if _in_capitals(line_text):
            skipped.append(Segment(line_start, line_end, line_text, "headline",
                                   "a short line in capitals: a section head"))
            titled = line_text.endswith(";")
            continue
        sentences = _split_sentences(text, line_start, line_end)
        sentence_count = len(sentences)
        if credit := _caption_credit(text, sentences):
            skipped.extend(Segment(start, end, text[start:end], "furniture",
                                   f"a photo caption: its line ends in the credit {credit!r}")
                           for start, end in sentences)
            continue
        heading = None if claims else _heading_above_story(document, number, sentence_count)
        signature = post_signature(text, line_start, line_end)
        listed, subtitle = spoken_list, titled
        spoken_list = titled = False
        lines_below = _lines_set_below(document, number)
        for position, (start, end) in enumerate(sentences):
            sentence = text[start:end]
            words = _WORD.findall(_MARKUP.sub(" ", sentence) if "<" in sentence else sentence)
            opens_inside_quote = document.quotations.open_at(start)
            kind, reason = _classify(sentence, folded[start:end], words, position, sentence_count, not claims,
                                     line_tables, opens_inside_quote, signature is not None and start < signature.start("cue"),
                                     listed, not claims and not skipped and _story_below(text, line_start, line_end),
                                     subtitle, lines_below, heading)
            spoken_list = kind == "claim" and (_leads_in_speech(sentence, words) or listed and sentence_count == 1)
            titled = kind == "headline" and sentence.endswith(";")
            if kind == "claim":
                key = _sentence_key(sentence, words, folded, start, end)
                earlier = first_copy.setdefault(key, len(claims))
                if earlier == len(claims) - 1:
                    kind, reason = "duplicate", "repeats the sentence right before it word for word"
                else:
                    if earlier != len(claims):
                        repeats.append(len(claims))
                    claims.append(Claim(len(claims), start, end, sentence, paragraph, opens_inside_quote))
                    continue
            skipped.append(Segment(start, end, sentence, kind, reason))
    if block := _repeated_blocks(repeats):
        skipped.extend(Segment(claim.start, claim.end, claim.text, "duplicate",
                               "repeats, with the sentences around it, an earlier passage word for word")
                       for claim in claims if claim.index in block)
        skipped.sort(key=lambda segment: segment.start)
        claims = [replace(claim, index=index) for index, claim in enumerate(c for c in claims if c.index not in block)]
    bio = _author_bio_start(claims)
    if bio is not None:
        skipped.extend(Segment(claim.start, claim.end, claim.text, "furniture",
                               "the author's bio at the article's end: who wrote it, not what it reports")
                       for claim in claims[bio:])
        skipped.sort(key=lambda segment: segment.start)
        claims = claims[:bio]
    return Segmentation(tuple(claims), tuple(skipped))


REPEATED_BLOCK_MIN = 3
"""How many claims in a row that each repeat an earlier one make a passage the page printed twice. A sentence repeated
on its own, or two together, stands again on purpose (a pull quote, a post embedded then quoted, an epigraph taken up
at the end): the labels make both copies claims (21 of 22 such repeats on the train folds); the 7-sentence repeat
there is a block the page printed twice, labelled no claim."""


def _repeated_blocks(repeats: Sequence[int]) -> frozenset[int]:
    """The claims of every run of at least ``REPEATED_BLOCK_MIN`` consecutive claims in ``repeats`` (ascending): in
    a run, an index less its position is the same."""
    runs = ([index for _, index in run] for _, run in groupby(enumerate(repeats), key=lambda pair: pair[1] - pair[0]))
    return frozenset(index for run in runs if len(run) >= REPEATED_BLOCK_MIN for index in run)


BIO_MAX_SENTENCES = 5
"""How many sentences an author's bio that ends an article runs to, at most (with a print-edition line after)."""
_BIO_OPENING = re.compile(
    r"(?:\*\s*(?P<starred>[A-Z][\w'’-]+)|(?P<name>(?:[A-Z][\w'’-]*\.?\s+){1,3}[A-Z][\w'’-]+))(?:,?\s+Jr\.)?"
    r"(?:,[^,]{1,120},)?"
    r"\s+(?:(?:is|was|has\s+been|serves\s+as)\s+(?:a|an|the|[A-Z])\b|(?:covers|writes|has\s+covered|has\s+written)\s)"
)
"""The opening of an author's bio: a name of two words or more (or a starred surname, "* Roe is ..."), maybe an
apposition, then what the writer is or covers ("Jane Roe is a professor of law at ...", "John Doe, a member of the
Board of Contributors, is ...", "Jane Roe covers the White House.")."""


def _author_bio_start(claims: Sequence[Claim]) -> int | None:
    """The index of the claim that opens the author's bio ending the article (docs/guidelines.md: author bios are
    no claims): it opens its paragraph with ``_BIO_OPENING``, at most ``BIO_MAX_SENTENCES`` claims from the end, the
    article ends with its paragraph but for one line with no quotation (a credit: "Jane Roe contributed."), and its
    name's last word occurs in no earlier claim (the writer is not in the story); None when there is none."""
    for index in range(max(1, len(claims) - BIO_MAX_SENTENCES), len(claims)):
        claim = claims[index]
        if claims[index - 1].paragraph == claim.paragraph or (opening := _BIO_OPENING.match(claim.text)) is None:
            continue
        later = [after.text for after in claims[index + 1 :] if after.paragraph != claim.paragraph]
        if len(later) > 1 or any(mark in line for line in later for mark in _OPENING_QUOTES + _CLOSING_QUOTES):
            continue
        name = opening.group("name") or opening.group("starred")
        surname = re.compile(rf"\b{re.escape(name.split()[-1])}\b")
        if not any(surname.search(earlier.text) for earlier in claims[:index]):
            return index
    return None


def _summary_lines(folded: str, lines: Sequence[Line]) -> frozenset[int]:
    """The numbers of the lines between a summary block's opening label and its closing one ("ABSTRACT." ...
    "FULL TEXT."): an archive's abstract of the story, not the story. A block no label closes is left as it is."""
    if not any(label in folded for label in _SUMMARY_OPENS):
        return frozenset()  # no opening label anywhere (nearly every text): no line to read
    inside, opened = set(), None
    for number, line in enumerate(lines):
        label = folded[line.start:line.end].strip().rstrip(".:").strip()
        if label in _SUMMARY_OPENS:
            opened = number
        elif label in _SUMMARY_CLOSES and opened is not None:
            inside.update(range(opened + 1, number))
            opened = None
    return frozenset(inside)


def _caption_credit(text: str, sentences: list[tuple[int, int]]) -> str | None:
    """The photo credit that ends a line of several sentences, or None: such a line is a caption (the picture's
    description, "Elon Musk. (Photo: Jane Roe)"), not the story, however its sentences read (docs/guidelines.md:
    page furniture is not a claim). A credit is short and unpunctuated and names a picture or an agency."""
    if len(sentences) < 2:
        return None
    start, end = sentences[-1]
    tail = text[start:end]
    if tail.rstrip(_CLOSERS)[-1:] in _TERMINAL_PUNCTUATION or len(tail.split()) >= MIN_CUT_SENTENCE_WORDS:
        return None
    return tail if _CAPTION_CREDIT.search(tail) else None


def _sentence_key(sentence: str, words: list[str], folded: str, start: int, end: int) -> str:
    """A sentence's key: its folded text's words, space-joined. In ASCII and the typographic marks, folding
    changes no character but an ASCII capital, so it moves no word boundary: the sentence's own words are
    folded instead of scanning the folded text again."""
    if sentence.isascii() or _BEYOND_TYPOGRAPHIC.search(sentence) is None:
        return " ".join(words).lower()
    return " ".join(_WORD.findall(folded, start, end))


def _split_sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentence spans within one stripped line, in order, covering all its words.

    A boundary ends in punctuation, so a span up to it needs no stripping at its end, and
    it is never empty; only the text after the last boundary may be.
    """
    spans = []
    sentence_start = start
    quotes, counted_to = 0, start  # straight quotes on the line before ``counted_to``, counted once
    for boundary in _BOUNDARY.finditer(text, start, end):
        boundary_end = boundary.end()
        if boundary_end == end:  # nothing follows on the line
            break
        if text[boundary_end - 1] == '"' and not text[boundary_end].isspace():
            quotes, counted_to = quotes + text.count('"', counted_to, boundary_end - 1), boundary_end - 1
            if quotes % 2 == 0:  # 'said."He is': the line's quotes before it are paired, so it opens the next quotation
                boundary_end -= 1
        # The boundary is followed by white space (or glued to a capital), and the line by something else.
        following = boundary_end
        while text[following].isspace():
            following += 1
        if _is_sentence_end(text, boundary, following, end):
            while text[sentence_start].isspace():
                sentence_start += 1
            spans.append((sentence_start, boundary_end))
            sentence_start = boundary_end
    while sentence_start < end and text[sentence_start].isspace():
        sentence_start += 1
    if sentence_start < end:
        spans.append((sentence_start, end))
    return spans


def _is_sentence_end(text: str, boundary: re.Match[str], following: int, line_end: int) -> bool:
    """Whether ``boundary``, followed on its line by ``text[following]`` after white space, ends a sentence."""
    next_char = text[following]
    if next_char.islower() or next_char in ",;:)" or next_char == "." and boundary.group(0) == ".":
        return False  # a lower-case word goes on the sentence, and so does a spaced ellipsis (". . .") to its last dot
    punctuation = boundary.group(0)
    if next_char in _DASHES and POST_SIGNATURE.match(text, following, line_end):
        return False  # a post's last sentence goes on into its signature ("That fits. — Ben (@BenHowe) June 3, 2017")
    if punctuation == "\u2026" and boundary.start() and text[boundary.start() - 1].isalnum() and next_char.isalpha():
        # an ellipsis glued to a word marks words left out ("it was awesome… It was the whole gamut"): the excerpt
        # goes on as one sentence; a stop or a space before it, or a quotation after it, ends the sentence
        return False
    # a tag follows a quoted question or exclamation ("“Why now?” Clinton asked."); after a quoted full stop only a
    # signature after a dash does ("...” ― Oscar P. Quintero"): else the stop ends it ("“... property.” Reed said no.")
    if punctuation[-1] in _CLOSING_QUOTES and (tag := _SPEAKER_TAG.match(text, boundary.end(), line_end)) and (
            punctuation.rstrip(_CLOSERS) != "." or tag.group().lstrip()[:1] in _DASHES):
        # words that open a sentence up to a title's stop ("“..." But Sen. Lee ...") are no tag: the tag goes on to
        # name the speaker ("“...,” Sen. Lee said.", "“...” Massachusetts Sen. Lee told me.")
        if tag.group().split()[-1].rstrip(".").lower() not in _ABBREVIATIONS or not _opens_sentence(text, following):
            return False
    if punctuation != ".":
        return True
    previous = _LAST_TOKEN.search(text, max(0, boundary.start() - 24), boundary.start())
    if previous is None:
        return True
    word = previous.group(1)
    lowered = word.lower().lstrip("([\"'\u201c\u2018")
    if lowered in _ABBREVIATIONS or _AFTER_DASH.split(lowered)[-1] in _ABBREVIATIONS:
        return False
    if lowered in _BEFORE_NUMBERS:
        return not next_char.isdigit()
    # "U.S." / "U.N." / "J." / "Inc." before a capitalised word are abbreviations, not ends, unless that word opens
    # sentences ("the U.S. But ...", "the Xbox One S. That ..."); before a quotation that opens with a capital they
    # end their sentence ("at a rally in Albany, N.Y. “We will win.”"): a quoted phrase inside the sentence
    # opens in lower case ("the U.S. “maximum pressure” campaign").
    if lowered in _ENDING_NAMES or _INITIALISM.search(word + "."):
        return _QUOTED_SENTENCE.match(text, following, line_end) is not None or _opens_sentence(text, following)
    # a single initial goes on a name, also before a nickname in quotation marks (Robert C. “Bobby” Scott)
    return not _INITIAL.search(word + ".") or _opens_sentence(text, following)


def _opens_sentence(text: str, following: int) -> bool:
    """Whether the word at ``following`` is one that opens sentences and never goes on a name ("But", "The")."""
    word = _NEXT_WORD.match(text, following)
    return word is not None and word.group().lower() in _SENTENCE_OPENERS


_NO_PREFIXES: tuple[tuple[str, ...], tuple] = ((), ())


def _furniture(line: str, folded: str, tables=_FURNITURE_TABLES) -> re.Match[str] | None:
    """The furniture match in ``line`` (the alternation's, leftmost), or None; ``folded``
    is the line case-folded (``document.fold``); ``tables``: the entries to try."""
    at_start, anywhere = tables
    prefixes, entries = at_start.get(folded[:1], _NO_PREFIXES)
    if folded.startswith(prefixes):
        for prefix, pattern in entries:
            if folded.startswith(prefix) and pattern.search(line):
                return _FURNITURE.search(line)
    for literal, pattern in anywhere:
        if literal in folded and pattern.search(line):
            return _FURNITURE.search(line)
    return None


def _literals_by_line(folded: str, lines: Sequence[Line]) -> list[list[tuple[str, re.Pattern[str]]]]:
    """Per line, the entries of ``_FURNITURE_TABLES`` found by a literal (in their order) whose literal stands in
    it: one search of the folded text per literal, so a line or sentence tests only those few, not every entry's
    (most lines hold none; a text of many short lines paid every test on each)."""
    starts = [line.start for line in lines]
    found: list[list[tuple[str, re.Pattern[str]]]] = [[] for _ in lines]
    for entry in _FURNITURE_TABLES[1]:
        literal = entry[0]
        at = folded.find(literal)
        while at >= 0:
            number = bisect_right(starts, at) - 1
            if number >= 0 and at + len(literal) <= lines[number].end:
                found[number].append(entry)
                at = folded.find(literal, lines[number].end)  # once per line
            else:
                at = folded.find(literal, at + 1)
    return found


def _labelled_quotation(sentence: str) -> bool:
    """Whether ``sentence`` is a speaker label and a quotation: the label's turn, no question reported."""
    label = SPEAKER_LABEL.match(sentence)
    return label is not None and sentence.startswith(_QUOTE_OPENING, label.end())


def _classify(
    sentence: str, folded: str, words: list[str], position: int, sentence_count: int, before_first_claim: bool,
    tables=_FURNITURE_TABLES, inside_quote: bool = False, posted: bool = False, listed: bool = False,
    first_line: bool = False, subtitle: bool = False, lines_below: int = 0, heading: str | None = None,
) -> tuple[str, str]:
    """The segment kind of one sentence (``folded``: it case-folded; ``words``: its words) and why; ``tables``:
    the furniture entries its line may hold (``_literals_by_line``); ``inside_quote``: it opens inside a quotation;
    ``posted``: it is the text of an embedded post, its line signed by the account (``POST_SIGNATURE``), whose words
    assert something however short or unpunctuated ("That fits. — Ben (@BenHowe) June 3, 2017"); ``listed``: it is a line
    of a list led in by what someone said (``_leads_in_speech``), whose items are that speaker's points however
    unpunctuated ("President Obama also said:" then "The UK must stay in the EU to have influence"); ``first_line``:
    nothing stands before it, claim or skipped line, and more text follows (``_story_below``); ``subtitle``: the line above is the title
    of a "Title; subtitle" headline ("Millennials don't get socialism;"); ``lines_below``: how many lines of the text
    follow the sentence's, below a blank line (``_lines_set_below``); ``heading``: why its line, above the story, is
    a headline (``_heading_above_story``), or None.

    A sentence that is its entire line (``sentence_count`` 1) was already found free of
    furniture by the line check: the same text is not searched twice.
    """
    if not words or len(words) < MIN_CLAIM_WORDS and not _spoken(sentence) and not (
            (inside_quote or posted or _pronoun_clause(sentence, words) or _leads_in_speech(sentence, words))
            and len(words) >= MIN_QUOTED_CLAIM_WORDS):
        return "fragment", f"too short to assert something ({len(words)} words)"
    if sentence_count > 1 and len(sentence) <= FURNITURE_MAX_CHARS and (match := _furniture(sentence, folded, tables)):
        return "furniture", f"page furniture: matches {match.group(0)!r}"
    if heading is not None:
        return "headline", heading
    # Terminal punctuation, then closing quotes or brackets only (a sentence ends in no space).
    final = sentence.rstrip(_CLOSERS)[-1:]
    punctuated = final in _TERMINAL_PUNCTUATION
    if final == "?" and not _TAG_QUESTION.search(sentence) and (
            not _QUESTION_REPORTED.search(sentence) or _labelled_quotation(sentence)):
        return "question", "only a question, quoted or not: it asserts nothing (docs/guidelines.md)"
    if sentence_count == 1 and not posted:
        if not punctuated and (before_first_claim or len(words) < MIN_CUT_SENTENCE_WORDS) and not listed:
            return "headline", "a line with no closing punctuation: headline or label"
        if before_first_claim and _is_title_cased(words):
            return "headline", "a title-cased line: headline"
        if before_first_claim and final == ";":
            return "headline", "a line ending in a semicolon above the story: a headline ('Title; subtitle')"
        if before_first_claim and subtitle:
            return "headline", "the line below a headline's title that ends in a semicolon: its subtitle"
        if first_line and final not in ":;" and (
                len(words) <= HEADLINE_BARE_MAX_WORDS and lines_below >= HEADLINE_STORY_MIN_LINES and not _spoken(sentence)
                or len(words) <= HEADLINE_MAX_WORDS and ARTICLES.isdisjoint(map(str.lower, words))):
            return "headline", "a short first line above the story: headline"
    elif not punctuated and position == sentence_count - 1 and len(words) < MIN_TRAILING_FRAGMENT_WORDS:
        return "credit", "a short unpunctuated tail after the last sentence: caption credit"
    return "claim", "a sentence of body text"


LEAD_IN_VERB_REACH = 4
"""How many of a lead-in's last words may hold its verb ("Obama also said:", "the minister told reporters:")."""


def _lines_set_below(document: Document, number: int) -> int:
    """How many lines follow line ``number`` when a blank line sets it apart from them, as a headline is set above
    its story; 0 when the next line follows at once."""
    lines = document.lines
    if number + 1 == len(lines) or document.text.count("\n", lines[number].end, lines[number + 1].start) < 2:
        return 0
    return len(lines) - number - 1


def _story_below(text: str, line_start: int, line_end: int) -> bool:
    """Whether more text follows the line that does not repeat it (a scraped subtitle printed twice is a claim)."""
    below = text[line_end:].lstrip()
    return bool(below) and not below.startswith(text[line_start:line_end].strip())


_LEAD_IN_PREPOSITIONS = frozenset(CLAUSE_WORDS["lead_in_prepositions"])
"""The preposition opening a lead-in line with no verb ("From Bloomberg:"), capitalised as the line opens it."""


def _leads_in_speech(sentence: str, words: list[str]) -> bool:
    """Whether ``sentence`` ends with a colon right after a verb of saying: a lead-in handing what follows to a
    speaker (``lead_ins``), whose unpunctuated lines are then the speaker's points, not headings; of two words it is
    no fragment ("Hewitt writes:", "Stated Stone:"), nor one that says where the block is taken from ("From
    Bloomberg:", ``lead_in_prepositions``): the labels give its source to the block after it."""
    return sentence.rstrip().endswith(":") and (
        words[0] in _LEAD_IN_PREPOSITIONS or any(word.lower() in LEAD_IN_VERBS for word in words[-LEAD_IN_VERB_REACH:]))


_SUBJECT_PRONOUNS = frozenset(CLAUSE_WORDS["subject_pronouns"])
_CONTRACTION = re.compile(r"['\u2019]")


def _pronoun_clause(sentence: str, words: list[str]) -> bool:
    """Whether ``sentence`` (its ``words``) opens with a personal pronoun, contracted or not ("It's", "They"), and
    ends in a stop: with a second word they make a clause that asserts ("It's prudent.", "He didn’t."), however
    short; not a lead-in ("She continued:") nor a head set between dashes ("– ‘We’re alive’ –.")."""
    return (sentence.startswith(words[0]) and sentence[-1:] in ".!"
            and _CONTRACTION.split(words[0], 1)[0].lower() in _SUBJECT_PRONOUNS)


def _spoken(sentence: str) -> bool:
    """Whether a sentence opens or closes with a quotation mark: a short one is still someone's words that assert
    something ("“That’s gone.”", "Really sad.”", "“We’re talking."), which the quotation's speaker goes on saying."""
    return sentence[:1] in _OPENING_QUOTES or sentence[-1:] in _CLOSING_QUOTES


def _heading_above_story(document: Document, number: int, sentence_count: int) -> str | None:
    """Why line ``number``, above the first claim, is a headline whatever its sentences read, or None: the line
    below opens the story with its dateline ("TALLAHASSEE — ..."), or it is a title-cased line of several sentences
    ("Barack Obama Just Nominated A Muslim To Be A Federal Judge. That’s A First.")."""
    lines, text = document.lines, document.text
    start, end = lines[number].start, lines[number].end
    if number + 1 < len(lines) and DATELINE.match(text, lines[number + 1].start) and not DATELINE.match(text, start):
        return "a line above the dateline that opens the story: headline or deck"
    if sentence_count > 1 and _is_title_cased(_WORD.findall(text, start, end)):
        return "a title-cased line of several sentences above the story: headline"
    return None


def _in_capitals(line: str) -> bool:
    """Whether ``line`` is a short unquoted line of two words or more, every one in capitals: a section head ("GOING
    BROKE FOR RUBIO.", "THE COMMON THREAD:", "(END VIDEO CLIP.)"), not the story (docs/guidelines.md)."""
    if not line.isupper():
        return False  # a lower-case letter anywhere (most lines): no need to read its words
    words = [word for word in _WORD.findall(line) if not word.isdigit()]
    return (2 <= len(words) <= HEADLINE_BARE_MAX_WORDS and all(word.isupper() for word in words)
            and not _spoken(line))


def _is_title_cased(words: list[str]) -> bool:
    content = [w for w in words[1:] if w.lower() not in _TITLE_SMALL_WORDS and w[0].isalpha()]
    if len(words) < HEADLINE_MIN_WORDS or not content:
        return False
    capitalised = sum(1 for w in content if w[0].isupper())
    return capitalised / len(content) >= HEADLINE_CAPITALISED_SHARE
