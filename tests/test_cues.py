"""Hedge and verification-note detection on real sentences (seeds, PolNeAR dev), as tables.

Sentences marked (seed NNN) are quoted from data/seeds; (dev) from the PolNeAR dev
split. Each table holds positives, near-misses that must stay silent, and the scope rules
of service/pipeline/cues.py.
"""
from __future__ import annotations

import operator
import re
from pathlib import Path
from typing import get_args

import pytest

from service.pipeline.claims import segment
from service.pipeline.document import Document
from service.pipeline.resources import read_toml
from service.pipeline.text.lexicon import FirstWordLexicon, word_trie
from service.pipeline.cues import find_hedges, find_verification_notes
from service.pipeline.hedge_model import HedgeCueModel
from service.pipeline import report
from service.pipeline.records import Attribution, NoteRule, Span, Via

SEEDS = Path(__file__).resolve().parents[1] / "data" / "seeds"


DETECTOR = HedgeCueModel.load()


def hedge_texts(text: str) -> list[list[str]]:
    """Per claim, the writer's hedge spans' texts, after checking each span against the text (no attribution
    known: a hedge in a quotation is the source's and is left out)."""
    document = Document.of(text)
    claims = segment(document).claims
    found = []
    for hedges in find_hedges(document, claims, [None] * len(claims), DETECTOR):
        for hedge in hedges:
            assert text[hedge.span.start : hedge.span.end] == hedge.span.text
        found.append([hedge.span.text for hedge in hedges if hedge.speaker == "writer"])
    return found


def note_texts(text: str) -> list[tuple[str, str]]:
    """(span text, kind) of every note, once each, with no attribution known."""
    claims = segment(Document.of(text)).claims
    notes = {note for governed in find_verification_notes(Document.of(text), claims, [None] * len(claims)) for note in governed}
    for note in notes:
        assert text[note.span.start : note.span.end] == note.span.text
    return sorted((note.span.text, note.kind) for note in notes)


@pytest.mark.parametrize(
    "text, expected_spans",
    [
        # (seed 000)
        (
            "In a startling development that highlights the growing complications in Russia’s military alliances, "
            "North Korean troops have reportedly opened fire on their Russian counterparts.",
            ["reportedly"],
        ),
        # (seed 001)
        ("Together, they were reportedly digging trenches and setting up defensive positions in the forest.", ["reportedly"]),
        # (seed 003)
        (
            "The friendly fire incident allegedly occurred due to the “language barrier” between Moscow and "
            "Pyongyang’s troops, as the more than 11,000 North Korean soldiers in Russia struggle to adapt.",
            ["allegedly"],
        ),
        # (seed 002)
        ("Of the 49 drones, the air force shot down 27 and lost track of 19, likely due to electronic warfare.", ["likely"]),
        ("Dozens of North Korean soldiers were reported killed.", ["reported killed"]),
        (
            "Reports are now emerging of how difficult Putin’s military chiefs have found it to integrate the North "
            "Korean soldiers.",
            ["Reports are now emerging"],
        ),
        # (seed 000) "apparent" before a noun hedges the noun
        ("Taking advantage of this apparent discord, Ukraine has launched a targeted campaign.", ["apparent"]),
        # (seed 001) an agentless estimate
        ("Russian casualties across the broader war are estimated in the tens of thousands.", ["are estimated"]),
        # (dev)
        ("Scott was shot and killed by a police officer after he allegedly brandished a pistol.", ["allegedly"]),
        ("The 29 New Yorkers wounded by a bomb and the two officers shot by the alleged terrorist were bystanders.", ["alleged"]),
        ("Although North Korea is not thought to be capable of delivering warheads, it is considered a threat.", ["is not thought to", "it is considered"]),
        # (dev) guidelines v2: a modal is speculation
        ("The losses mean Trump may not have paid federal income taxes for nearly two decades.", ["may"]),
        ("It is believed that the minister resigned on Friday.", ["It is believed"]),
        ("The envoy is understood to have left Kyiv on Tuesday.", ["is understood to"]),
        ("Melania seems to have vanished from the campaign trail.", ["seems to"]),
        # a capital that lower-cases to two characters must not shift the offsets
        ("İstanbul officials reportedly closed the bridge.", ["reportedly"]),
        # several hedges, each its own tight span
        ("A ruling is unlikely before the end of the year and possibly not until after Obama leaves office.", ["unlikely", "possibly"]),
    ],
)
def test_hedges_found(text, expected_spans):
    assert [span for claim in hedge_texts(text) for span in claim] == expected_spans


@pytest.mark.parametrize(
    "text, expected_spans",
    [
        # "only" restricts, it does not hedge (dev)
        ("Only five countries in NATO spend more than the alliance's recommended 2 percent on defense.", []),
        # "May" the name, "may" the modal (dev)
        ("British Prime Minister Theresa May said this week that the country would formally declare its intention.", []),
        # (dev) guidelines v2: a vague source given ("some experts") is an anonymous attribution, not a hedge
        ("Some experts said the wording of Trump's policy was too ambiguous to determine who could participate.", []),
        ("The deadline fell on May 5, and nobody filed.", []),
        # "likely" as a plain adjective (dev)
        ("Among likely voters in a four-way race, 46 percent would choose Clinton and 44 percent would back Trump.", []),
        ("It’s an extremely unlikely scenario; Clinton’s team says she’ll continue her march toward Election Day.", []),
        ("He is the likely nominee of the party.", []),
        # "supposed to" is obligation, "apparent" after a copula is "evident" (dev)
        ("Clinton’s van was supposed to be escorted by an NYPD protective detail, another source said.", []),
        ("It is apparent that Clinton wanted to shield her dealings from the U.S. public.", []),
        # the verb "allege" is a source's cue
        ("Prosecutors alleged that the payments were bribes.", []),
        # "appeared" meaning "showed up" (dev)
        ("Dean, a medical doctor, then appeared on MSNBC on Tuesday.", []),
        # "so-called" after an article names a thing known by its term (data/realworld/README.md; cues.jsonl marks it)
        ("But in recent months, the so-called school choice movement has faced more pushback.", []),
    ],
)
def test_non_hedges_are_not_flagged(text, expected_spans):
    assert [span for claim in hedge_texts(text) for span in claim] == expected_spans


@pytest.mark.parametrize(
    "text, expected_spans",
    [
        # The source's own hedges inside a direct quotation are not the writer's (seed 002).
        (
            "“North Korean forces are reportedly facing expected struggles with high casualties, likely disrupting "
            "coordination,” said the Institute for The Study of War.",
            [[]],
        ),
        # (seed 003) "so-called" in the GUR's words
        (
            "“Because of this problem, North Korean soldiers opened ‘friendly fire’ on the vehicles of the so-called "
            "Akhmat battalion,” the agency added.",
            [[]],
        ),
        # outside the quotation it counts, inside it does not
        ('The rebels reportedly said: "We will likely withdraw."', [["reportedly"]]),
        # a sentence that opens inside a quotation begun in the one before
        ("“We are ready. The enemy is likely to attack soon,” he said.", [[], []]),
        # wire copy writes quotations with two apostrophes (dev)
        ("''Perhaps they can help a white visitor understand the pain,'' Mr. Obama said.", [[]]),
        # a hedge governs the claim it stands in, not its neighbours
        ("Troops reportedly crossed the river. The bridge was destroyed on Monday.", [["reportedly"], []]),
    ],
)
def test_hedge_scope(text, expected_spans):
    assert hedge_texts(text) == expected_spans


@pytest.mark.parametrize(
    "text, expected_spans",
    [
        # (seed 003)
        (
            "The GUR’s assessment could not be immediately verified by independent reports.",
            [("could not be immediately verified", "unverified")],
        ),
        # (seed 002)
        (
            "Ukraine, the US, Britain and other allies are fighting an information war against Russia so briefings "
            "from their military intelligence agencies need to be treated with caution.",
            [("need to be treated with caution", "caution")],
        ),
        # (seed 004)
        (
            "Umerov said there had been clashes, but that Ukraine could not yet verify how many casualties North Korea "
            "had suffered.",
            [("could not yet verify", "unverified")],
        ),
        ("The claims have not been independently confirmed.", [("have not been independently confirmed", "unverified")]),
        ("Such reports should be treated with caution.", [("should be treated with caution", "caution")]),
        # negation: "could not be confirmed by" is unverified, never confirmed
        ("The figures could not be confirmed by Reuters.", [("could not be confirmed", "unverified")]),
        ("The video was independently verified by the BBC.", [("independently verified by", "confirmed")]),
        ("The death toll was confirmed by the regional governor.", [("confirmed by", "confirmed")]),
        # the check itself (guidelines.md)
        ("CNN has verified the video, which shows the convoy.", [("verified the video", "confirmed")]),
        ("The paper obtained the letters and confirmed their authenticity with two aides.", [("confirmed their authenticity", "confirmed")]),
        # a day between the check and who made it
        ("Her plans were confirmed Sunday by two senior aides.", [("confirmed Sunday by", "confirmed")]),
        ("Trump also claimed Clinton had helped Machado get U.S. citizenship, but offered no proof.", [("offered no proof", "unverified")]),
        ("The account remains unconfirmed.", [("remains unconfirmed", "unverified")]),
    ],
)
def test_verification_notes_found(text, expected_spans):
    assert note_texts(text) == expected_spans


@pytest.mark.parametrize(
    "text, expected_spans",
    [
        # "confirm" in the appointment sense
        ("Kavanaugh was confirmed by the Senate on Saturday.", []),
        ("Hillary Clinton, if elected, would need a Senate majority to confirm Supreme Court justices.", []),
        # a source confirming is attribution, not a check by the writer (dev)
        ("The New York state attorney general is confirming that the Trump Foundation is not registered.", []),
        # an unanswered query that is not a request for comment (dev)
        (
            "Ohio removed voters from the lists because they did not respond to queries seeking to confirm their "
            "address.",
            [],
        ),
        # no answer to a request for comment checks nothing (real-news labels never mark it)
        ("The Trump campaign did not immediately respond to requests for comment.", []),
        ("Through a spokesman, he declined to comment.", []),
        # an adjective describes what the claim is about; what there is no evidence of is the claim's content
        ("He vouched for an unverified dossier at the hearing.", []),
        ("The inspector's report cited no evidence that the aide intervened.", []),
        # a weasel source: counted as a hedge, not as a note
        ("Unconfirmed reports say the convoy was hit.", []),
        ("He posted the video from his verified Twitter account.", []),
    ],
)
def test_non_notes_are_not_flagged(text, expected_spans):
    assert note_texts(text) == expected_spans


def attribution(text: str, source: str, *, inherited: bool = False, via: str | None = None) -> Attribution:
    """A hand-made attribution whose source (and intermediary) are the first occurrences in ``text``."""

    def span(words: str) -> Span:
        start = text.index(words)
        return Span(start, start + len(words), words)

    return Attribution(
        source=span(source),
        source_type="organization",
        named=True,
        cue=None,
        inherited=inherited,
        via=(Via(span(via), "organization"),) if via else (),
        described=False,
        direct_quote=False,
        steps=(),
    )


def governed_by_note(text: str, sources: dict[int, dict], note_words: str) -> tuple[int, ...]:
    """The claims listing the note whose span is ``note_words``, checking every copy is the same note."""
    claims = segment(Document.of(text)).claims
    attributions = [attribution(text, **sources[i]) if i in sources else None for i in range(len(claims))]
    notes = find_verification_notes(Document.of(text), claims, attributions)
    listed = tuple(i for i, governing in enumerate(notes) for note in governing if note.span.text == note_words)
    for i in listed:
        (note,) = (n for n in notes[i] if n.span.text == note_words)
        assert note.governs == listed
    return listed


def test_a_note_governs_the_claims_of_the_source_its_subject_names():
    text = (SEEDS / "003_520d78e309baefcc.txt").read_text(encoding="utf-8")
    sources = {
        0: {"source": "Kyiv officials"},
        1: {"source": "Ukraine’s military intelligence agency (GUR)"},
        3: {"source": "the GUR"},
        4: {"source": "the agency"},
        5: {"source": "the agency", "inherited": True},
        7: {"source": "Ukrainian President Volodymyr Zelensky"},
        8: {"source": "the GUR"},
    }
    # claims 1, 3, 4, 5 come from the GUR; 0 from "Kyiv officials"; 8 stands after the note
    assert governed_by_note(text, sources, "could not be immediately verified") == (1, 3, 4, 5, 6)


def test_the_note_span_stays_where_the_note_stands():
    text = (SEEDS / "003_520d78e309baefcc.txt").read_text(encoding="utf-8")
    claims = segment(Document.of(text)).claims
    attributions = [None] * len(claims)
    attributions[1] = attribution(text, "Ukraine’s military intelligence agency (GUR)")
    notes = find_verification_notes(Document.of(text), claims, attributions)
    (note,) = notes[1]
    assert note.claim_index == 6 and note.kind == "unverified"
    assert claims[6].start <= note.span.start < note.span.end <= claims[6].end
    assert not claims[1].start <= note.span.start < claims[1].end


def test_a_caution_governs_the_claims_of_the_intelligence_agencies():
    text = (SEEDS / "002_16cd6b9b04172e31.txt").read_text(encoding="utf-8")
    sources = {
        0: {"source": "military experts"},
        2: {"source": "Western officials"},
        3: {"source": "Kyiv"},
        5: {"source": "the Institute for The Study of War"},
        6: {"source": "Ukraine’s Main Military Intelligence Directorate (GUR)", "via": "The Washington-based think tank"},
        7: {"source": "the GUR", "via": "The ISW"},
        8: {"source": "The Kyiv intelligence chiefs", "via": "the ISW"},
        10: {"source": "The ISW"},
    }
    assert governed_by_note(text, sources, "need to be treated with caution") == (6, 7, 8, 11)


@pytest.mark.parametrize(
    "text, sources, note_words, governed",
    [
        # a subject that names no source refers back to the claim before
        (
            "Troops crossed the river, the ministry said. This could not be independently verified.",
            {0: {"source": "the ministry"}},
            "could not be independently verified",
            (0, 1),
        ),
        # the subject is the checker, not the source: only its own claim
        (
            "The ministry said troops crossed the river. Reuters could not independently verify the report.",
            {0: {"source": "The ministry"}},
            "could not independently verify",
            (1,),
        ),
        # a subject naming a source nobody cited governs only its own claim
        (
            "The ministry said troops crossed the river. The Kremlin's figures could not be verified.",
            {0: {"source": "The ministry"}},
            "could not be verified",
            (1,),
        ),
    ],
)
def test_governing_rule(text, sources, note_words, governed):
    assert governed_by_note(text, sources, note_words) == governed


NOTE_RULES = [
    ("Troops crossed the river, the ministry said. This could not be independently verified.",
     {0: {"source": "the ministry"}}, "could not be independently verified", "subject_refers_back", "This",
     "names no source, so it refers back"),
    ("The ministry said troops crossed the river. Reuters could not independently verify the report.",
     {0: {"source": "The ministry"}}, "could not independently verify", "own_claim", "", "governs the claim it stands"),
    ("The ministry said troops crossed the river. The Kremlin's figures could not be verified.",
     {0: {"source": "The ministry"}}, "could not be verified", "subject_unmatched", "The Kremlin's figures",
     "no earlier source matches"),
    ("The GUR said troops crossed the river. The GUR's assessment could not be verified.",
     {0: {"source": "The GUR"}}, "could not be verified", "subject_matches", "The GUR's assessment",
     "matches the sources of claims 0"),
]


@pytest.mark.parametrize("text, sources, note_words, rule, subject, words", NOTE_RULES)
def test_a_note_records_the_rule_that_chose_its_claims_and_the_report_words_it(
        text, sources, note_words, rule, subject, words):
    claims = segment(Document.of(text)).claims
    attributions = [attribution(text, **sources[i]) if i in sources else None for i in range(len(claims))]
    notes = find_verification_notes(Document.of(text), claims, attributions)
    (note,) = {n for governing in notes for n in governing if n.span.text == note_words}
    assert (note.rule, note.subject) == (rule, subject)
    explained = report.explain_note(note)
    assert explained.startswith(repr(note_words)) and words in explained
    assert set(report.NOTE_RULE_WORDS) == set(get_args(NoteRule))


def test_look_back_is_bounded():
    claims = " ".join(f"Claim number {n} was made." for n in range(12))
    text = f"The GUR said troops crossed the river. {claims} The GUR's assessment could not be verified."
    sources = {0: {"source": "The GUR"}}
    assert governed_by_note(text, sources, "could not be verified") == (13,)


# --- the first-word lexicon finds what the plain alternation finds ---------------------


def _lexicon_groups(name: str) -> list[tuple[str, list[dict]]]:
    """The data of a lexicon file as named groups, its "not" patterns first (as cues.py reads it)."""
    data = read_toml(name)
    if name == "hedges.toml":
        return [("skip", data["not_hedges"]["patterns"]), *((k, v["patterns"]) for k, v in data["categories"].items())]
    return [("skip", data["not_notes"]["patterns"]), *((f"note{i}", n["patterns"]) for i, n in enumerate(data["notes"]))]


def _plain_alternation(groups: list[tuple[str, list[dict]]]) -> re.Pattern[str]:
    """The oracle: every pattern of every group in one leftmost-first alternation."""
    parts = []
    for name, entries in groups:
        patterns = sorted((entry["pattern"] for entry in entries), key=len, reverse=True)
        parts.append(f"(?P<{name}>{'|'.join(f'(?:{p})' for p in patterns)})")
    return re.compile(rf"(?<!\w)(?:{'|'.join(parts)})\b")


def _corpus() -> list[str]:
    texts = [path.read_text(encoding="utf-8") for path in sorted(SEEDS.glob("*.txt"))]
    dev = Path(__file__).resolve().parents[1] / "data" / "polnear" / "dev" / "text"
    texts += [path.read_text(encoding="utf-8") for path in sorted(dev.glob("*.txt"))]
    texts.append(
        "It is believed that the likely nominee, who is not thought to be the alleged leader, could not be "
        "confirmed by the Senate; the claims have not been independently verified. Reports suggest it is "
        "unlikely. They did not respond to requests for comment and he couldn\u2019t confirm it. "
        "So-called experts said the heir apparent was supposedly rumoured to be confirmed as the head."
    )
    return texts


@pytest.mark.parametrize("name", ["hedges.toml", "verification.toml"])
def test_the_first_word_lexicon_matches_as_the_plain_alternation(name):
    groups = _lexicon_groups(name)
    lexicon, oracle = FirstWordLexicon(groups), _plain_alternation(groups)

    def both(folded: str, start: int, end: int) -> tuple[list, list]:
        fast = [(m.start(), m.end(), m.lastgroup) for m in lexicon.matches(folded, start, end)]
        return fast, [(m.start(), m.end(), m.lastgroup) for m in oracle.finditer(folded, start, end)]

    found = 0
    for text in _corpus():
        for folded in (text.lower(), text.upper().lower()):
            fast, plain = both(folded, 0, len(folded))
            assert fast == plain
            found += len(plain)
            for claim in segment(Document.of(text)).claims:
                assert operator.eq(*both(folded, claim.start, claim.end))
            # spans that begin and end inside words
            for start in range(0, len(folded), 97):
                assert operator.eq(*both(folded, start, min(len(folded), start + 301)))
    assert found > 20


NOTE_SENTENCES = [
    "The figures could not be independently verified.",
    "The claim has not yet been confirmed by anyone outside the ministry.",
    "The report was not independently corroborated.",
    "The death toll has yet to be confirmed.",
    "The account remains unverified, and another remained unsubstantiated.",
    "Reuters could not immediately verify the footage.",
    "Officials were unable to independently confirm the report.",
    "The ministry declined to confirm the figure and would neither confirm nor deny the visit.",
    "There was no independent confirmation of the strike, which he announced without verification.",
    "She repeated the charge without offering any evidence, and he offered no proof.",
    "Such briefings need to be treated with caution and taken with a grain of salt.",
    "Readers should treat them with extreme scepticism.",
    "The video was independently verified by two officials.",
    "The images were authenticated by the BBC, which has been able to independently confirm the report.",
    "CNN has verified the video and confirmed its authenticity; the claim was corroborated on Monday by aides.",
    "He produced no evidence that it happened, and spoke without any proof of it.",
]


def test_every_match_of_a_note_pattern_holds_one_of_the_needed_strings():
    """cues.py searches a claim for notes only when it holds one of ``note_needs`` (verification.toml)."""
    data = read_toml("verification.toml")
    needs = data["note_needs"]
    texts = [text.lower() for text in [*_corpus(), *NOTE_SENTENCES]]
    for entry in (entry for note in data["notes"] for entry in note["patterns"]):
        pattern = re.compile(rf"(?<!\w)(?:{entry['pattern']})\b")
        matches = [match.group() for text in texts for match in pattern.finditer(text)]
        assert matches, entry["pattern"]  # each pattern is exercised
        for matched in matches:
            assert any(needed in matched for needed in needs), (entry["pattern"], matched)


def test_a_note_is_found_in_a_claim_with_a_needed_string_and_none_in_a_claim_without():
    text = "The figures could not be verified. The minister spoke on Monday. He declined to verify them."
    document = Document.of(text)
    claims = segment(document).claims
    notes = find_verification_notes(document, claims, [None] * len(claims))
    assert [[note.span.text for note in claim_notes] for claim_notes in notes] == [
        ["could not be verified"], [], ["declined to verify"]
    ]


@pytest.mark.parametrize(
    "entry",
    [
        {"first": [], "pattern": "likely"},
        {"first": ["so called"], "pattern": "so[- ]called"},
        {"first": ["Likely"], "pattern": "likely"},
        {"first": ["likely"], "pattern": "Likely"},
    ],
)
def test_a_pattern_must_declare_its_lower_case_first_words(entry):
    with pytest.raises(ValueError, match="lexicon pattern"):
        FirstWordLexicon([("group", [entry])])


def test_the_word_trie_matches_as_the_plain_word_alternation():
    words = sorted({word.lower() for text in _corpus()[:3] for word in re.findall(r"\w+", text)})
    words = words[::7] + ["a", "an", "and", "said", "say", "says", "sa"]
    trie = re.compile(rf"\b(?:{word_trie(words)})\b")
    plain = re.compile(rf"\b(?:{'|'.join(map(re.escape, words))})\b")
    for text in _corpus():
        folded = text.lower()
        assert [m.span() for m in trie.finditer(folded)] == [m.span() for m in plain.finditer(folded)]
