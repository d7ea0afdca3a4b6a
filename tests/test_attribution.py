"""Attribution rules on real sentences from the seeds and the PolNeAR dev split.

Rule tests build the model's output by hand (``model``), so they do not depend on the
trained model; the end-to-end tests at the bottom run the real model on the seeds.
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import get_args

import pytest

from service import score_article
from service.pipeline.attribution import LOOKBACK_CLAIMS, attribute, candidates
from service.pipeline.attribution.cues import _CUE, CueIndex, Cues
from service.pipeline.claims import segment
from service.pipeline.document import Document
from service.pipeline.resources import read_entries
from service.pipeline.report import FOUND_WORDS, INHERITANCE_WORDS, STEP_WORDS, explain_steps
from service.pipeline.records import Claim, ClaimPrediction, Inheritance, SourceFound, Span, Step, StepRule
from tests.conftest import seed_text

NO_CUE = ClaimPrediction(0.1, None, None)


def span_of(text: str, part: str, within: tuple[int, int]) -> Span:
    start = text.index(part, *within)
    return Span(start, start + len(part), part)


def model(text: str, readings: dict[int, tuple[str, str | None]]):
    """Segment ``text`` and fake the model: claim index -> (cue text, source text or None)."""
    claims = segment(Document.of(text)).claims
    predictions = []
    for claim in claims:
        if claim.index not in readings:
            predictions.append(NO_CUE)
            continue
        cue, source = readings[claim.index]
        within = (claim.start, claim.end)
        predictions.append(ClaimPrediction(0.9, span_of(text, cue, within), source and span_of(text, source, within)))
    return claims, attribute(Document.of(text), claims, predictions)


def rules_only(text: str):
    return model(text, {})


def assert_span(text: str, span: Span | None, expected: str | None) -> None:
    if expected is None:
        assert span is None
        return
    assert span is not None and span.text == expected
    assert text[span.start : span.end] == expected


SINGLE_SENTENCES = [
    # sentence, (source, type, named, described, cue)
    (
        "Russia launched 49 drones to attack Ukraine overnight, the Ukrainian military said on Monday.",
        ("the Ukrainian military", "organization", True, False, "said"),
    ),
    (
        "A Monday skirmish along the frontlines in the Kursk Oblast saw a group of North Korean troops target"
        " and fire at the Chechen Akhmat unit, killing eight of their allies, according to Ukraine’s military"
        " intelligence agency (GUR).",
        ("Ukraine’s military intelligence agency (GUR)", "organization", True, False, "according to"),
    ),
    (
        "North Korean troops stationed alongside Moscow's own forces were dressed to look like Russian recruits"
        " from the eastern Siberian region of Buryatia, Rustem Umerov told South Korean broadcaster KBS.",
        ("Rustem Umerov", "person", True, False, "told"),
    ),
    (
        "A US official said this Just A significant number of North Korean troops were killed, but no further"
        " details were provided.",
        ("A US official", "anonymous", False, True, "said"),
    ),
    (
        "The Pentagon said on Monday that 10,000 North Korean soldiers were in Kursk.",
        ("The Pentagon", "organization", True, False, "said"),
    ),
    (
        "Ukrainian military officials report that around 8,000 North Korean soldiers are now stationed in the area.",
        ("Ukrainian military officials", "anonymous", False, True, "report"),
    ),
    (
        "Andriy Kovalenko, the head of the counter-disinformation department at Ukraine's National Security and"
        " Defense Council, said on Monday that North Korea's first troops in Kursk had “already come under fire.”",
        ("Andriy Kovalenko", "person", True, False, "said"),
    ),
    (
        "“We expect further engagements in the coming weeks,” said Umerov.",
        ("Umerov", "person", True, False, "said"),
    ),
    (
        "Kyiv says they have now joined Putin’s troops seeking to recapture a swathe of the Kursk region.",
        ("Kyiv", "organization", True, False, "says"),
    ),
    # PolNeAR dev
    (
        "Clinton had told police officials that she didn’t want the escort at all, but the NYPD overruled that"
        " request, the source added.",
        ("the source", "anonymous", False, False, "added"),
    ),
    (
        "“We were there under legitimate pretenses,” Figueroa told USA Today.",
        ("Figueroa", "person", True, False, "told"),
    ),
    (
        "Richard Revesz, director of the Institute for Policy Integrity at New York University’s law school,"
        " said the suing states were exaggerating the regulatory reach of the EPA.",
        ("Richard Revesz", "person", True, False, "said"),
    ),
    (
        "As it stands, America’s prison system accounts for 25 percent of the world’s inmates, 40 percent of whom"
        " are black, according to the Federal Bureau of Prisons.",
        ("the Federal Bureau of Prisons", "organization", True, False, "according to"),
    ),
    (
        "As a reality TV boss on “The Apprentice,” Donald Trump repeatedly demeaned women with sexist language,"
        " according to show insiders.",
        ("show insiders", "anonymous", False, True, "according to"),
    ),
    (
        "Clinton beats Trump by 46 percent to 42 percent, according to the poll.",
        ("the poll", "document", True, False, "according to"),
    ),
    # A reporting clause set between commas in the middle of its content.
    (
        "The United States, the review states, would use nuclear arms only in extreme circumstances.",
        ("the review", "document", True, False, "states"),
    ),
    (
        "The agency dropped the warning from its fact sheets, The Post reported, and staff were told to stop.",
        ("The Post", "media", True, False, "reported"),
    ),
    # A clause without "that" after the cue: a subject pronoun, or a finite auxiliary a few words on.
    (
        "Governor Lisa Hart insisted the budget would balance by June.",
        ("Lisa Hart", "person", True, False, "insisted"),
    ),
    (
        "The company acknowledged its crews had missed the warning signs.",
        ("The company", "organization", False, False, "acknowledged"),
    ),
    # A verb of speculating reports a source's view as "believes" does.
    (
        "Mila Sohoni, a law professor at the University of San Diego, speculates that the order was meant as a warning.",
        ("Mila Sohoni", "person", True, False, "speculates"),
    ),
    # "so" or "this" standing for the content at the end of the sentence.
    ("Governor Lisa Hart denied this.", ("Lisa Hart", "person", True, False, "denied")),
]


@pytest.mark.parametrize("text, expected", SINGLE_SENTENCES)
def test_rules_find_and_type_the_source(text, expected):
    source, source_type, named, described, cue = expected
    (attribution,) = rules_only(text)[1]
    assert attribution is not None
    assert_span(text, attribution.source, source)
    assert (attribution.source_type, attribution.named, attribution.described) == (source_type, named, described)
    assert_span(text, attribution.cue, cue)
    assert attribution.inherited is False and attribution.via == ()
    assert explain_steps(attribution.steps)


@pytest.mark.parametrize(
    "text, source",
    [
        # PolNeAR's New York Times texts close quotations with two apostrophes.
        ("''We will win in November,'' he said.", "he"),
        ("''It is over,'' said Mr. Burman.", "Mr. Burman"),
        ("Eight were killed, according to Sen. John Smith.", "John Smith"),  # the name without its title
        # The source starts after the last subordinating word before the cue.
        ("Turnout fell sharply because as the commission said in its report voters stayed home.", "the commission"),
        ("Prices rose when the storm hit, but as the ministry said that the figures were right, nobody worried.", "the ministry"),
        # "citing" what names no teller adds no hop to the chain.
        ("McConnell said the sanctions should stay, citing the release of political prisoners.", "McConnell"),
    ],
)
def test_rule_source_span(text, source):
    (attribution,) = rules_only(text)[1]
    assert_span(text, attribution.source, source)
    assert attribution.via == ()


# The rule cues as a plain alternation of the lexicon, longest first: what the cue finder's trie and its
# whole-text scan must find claim by claim.
PLAIN_CUES = re.compile(
    r"(?<![\w'’-])(?:[Aa]ccording to|[Cc]iting|"
    + "|".join(re.escape(verb) for verb in sorted(read_entries("source_cue_verbs.txt"), key=len, reverse=True))
    + r")(?![\w'’-])"
)


@pytest.mark.parametrize("seed", ["000", "001", "002", "003", "004"])
def test_rule_candidates_are_the_same_whether_built_lazily_or_all_at_once(seed):
    text = seed_text(seed)
    for claim in segment(Document.of(text)).claims:
        found = candidates(text, claim)
        assert [c.cue.text for c in found] == [m.group(0) for m in PLAIN_CUES.finditer(text, claim.start, claim.end)]
        lazy = Cues(text, claim)
        assert [lazy[i] for i in reversed(range(len(lazy)))][::-1] == list(found)


@pytest.mark.parametrize("text", [
    "Said the mayor: it said so. According to him, SAID she, well-said, \u2019said and said\u2019s, citing them.",
    "according to X", "said", " said", "Citing Y, it told us ſaid K said-", "x\nclaimed\u201c told tells1 said_",
])
def test_the_cue_index_finds_what_a_scan_of_the_whole_text_finds(text):
    """``CueIndex`` matches only at tokens hashed as a cue's first word: the cues of a claim over the whole text are
    those ``_CUE`` finds in it."""
    whole = Claim(0, 0, len(text), text, 0, False)
    index = CueIndex(text, Document.of(text).tokens)
    assert [(cue.start, cue.end) for cue, _ in index.of(whole)] == [match.span() for match in _CUE.finditer(text)]


@pytest.mark.parametrize(
    "text",
    [
        # No reporting cue, or one the rules cannot read without guessing.
        "The soldier detailed a concerning pattern of preferential treatment.",
        "Reports are now emerging of how difficult Putin’s military chiefs have found it to integrate them.",
        "Dozens of North Korean soldiers were reported killed.",
        "Putin is seeking to seize as much territory in eastern Ukraine ahead of January 20, having said he could end the war.",
        # Between commas, but no teller: an adjunct or an item of a list.
        "The county's voting laws were, like those in many other states, a relic of another century.",
        "The subpoena covers emails, including transcripts of investor calls, memos and research.",
        # A cue word right before an auxiliary is a noun, the subject of its verb: no clause follows it.
        "Many states do require a photo ID at the polls.",
        "Some fears are growing among farmers about the new tariffs.",
        "The union denied this at the time of the strike.",  # "this" is an object, not the sentence's content
    ],
)
def test_rules_refuse_without_a_clear_cue(text):
    assert rules_only(text)[1] == (None,)


@pytest.mark.parametrize(
    "text, reading, expected",
    [
        # The model's span is cut short: the complete noun phrase next to the cue wins.
        (
            "North Korean troops were dressed to look like Russian recruits, Rustem Umerov told South Korean broadcaster KBS.",
            ("told", "Rustem"),
            ("Rustem Umerov", "person"),
        ),
        (
            "A US official said this Just A significant number of North Korean troops were killed.",
            ("said", "A US"),
            ("A US official", "anonymous"),
        ),
        # A tail of the rule's phrase stays, completed to its bracket.
        (
            "The U.S.-based think tank Institute for the Study of War (ISW) said on Tuesday that Russia was likely trying.",
            ("said", "Institute for the Study of War (ISW"),
            ("Institute for the Study of War (ISW)", "organization"),
        ),
        # The possessive owner joins the model's span.
        (
            "Eight allies were killed, according to Ukraine’s military intelligence agency (GUR).",
            ("according to", "military intelligence agency (GUR)"),
            ("Ukraine’s military intelligence agency (GUR)", "organization"),
        ),
        # An apposition inside the model's span is cut.
        (
            "Andriy Kovalenko, the head of the counter-disinformation department, said on Monday that they came.",
            ("said", "Andriy Kovalenko, the head of the counter-disinformation department"),
            ("Andriy Kovalenko", "person"),
        ),
        # The source of "according to" is after it, whatever the model says.
        (
            "North Korean troops are reportedly being hit with heavy losses, according to military experts.",
            ("according to", "North Korean troops"),
            ("military experts", "anonymous"),
        ),
        # Two phrases run together in garbled text: refuse rather than guess.
        (
            "This was announced by an unnamed Ukrainian official The New York Times An article published Tuesday said the deployments were limited.",
            ("said", "official The New York Times An article published"),
            (None, "unknown"),
        ),
        # A passive cue's subject is the content, not the source.
        ("Dozens of North Korean soldiers were reported killed.", ("reported", "Dozens of North Korean soldiers"), (None, "unknown")),
        # PolNeAR dev: the rule's phrase before the cue carries auxiliaries, adverbs or an
        # adjunct; the model's span, a head of it, is the source.
        ("Trump further described the plan as a disaster.", ("described", "Trump"), ("Trump", "person")),
        ("Lawmakers have not said whether they will vote.", ("said", "Lawmakers"), ("Lawmakers", "anonymous")),
        ("Gingrich cynically dismissed the report.", ("dismissed", "Gingrich cynically"), ("Gingrich", "person")),
        (
            "The Clinton campaign did not immediately respond to requests for comment.",
            ("respond", "The Clinton campaign did not immediately"),
            ("The Clinton campaign", "organization"),
        ),
        # "and" ends no source: the subject of a coordination is the model's.
        ("Sanders exhorted the crowd and said the fight was not over.", ("said", "Sanders"), ("Sanders", "person")),
        # The rule reads "Tuesday" after "said" as an inverted source; the model's span stands apart and stays.
        (
            "Senate Majority Leader Mitch McConnell, R-Ky., said Tuesday the vote would wait.",
            ("said Tuesday", "Senate Majority Leader Mitch McConnell"),
            ("Mitch McConnell", "person"),
        ),
        # A progressive cue is not passive; a passive one takes its "by" agent.
        ("Donald Trump is warning voters that a Clinton victory would hurt them.", ("warning", "Donald Trump"), ("Donald Trump", "person")),
        (
            "The registration issue was first reported by The Washington Post.",
            ("first reported", "The registration issue"),
            ("The Washington Post", "media"),
        ),
        # A pronoun's clitic is the verb's.
        ("She’ll present the plan on Monday.", ("present", "She’ll"), ("She", "unknown")),
        # A "source" of auxiliaries or adverbs names nobody.
        ("As many experts have pointed out, the plan costs more.", ("pointed out", "have"), (None, "unknown")),
    ],
)
def test_model_spans_made_right_and_tight(text, reading, expected):
    (attribution,) = model(text, {0: reading})[1]
    source, source_type = expected
    assert attribution is not None
    assert_span(text, attribution.source, source)
    assert attribution.source_type == source_type
    assert_span(text, attribution.cue, reading[0])


@pytest.mark.parametrize(
    "text, reading",
    [
        ("North Korean troops have reportedly opened fire on their Russian counterparts.", ("reportedly", "North Korean troops")),
        ("North Korean troops allegedly opened fire on their Russian counterparts.", ("allegedly", "North Korean troops")),
    ],
)
def test_model_cues_made_of_hedge_adverbs_are_not_used(text, reading):
    (attribution,) = model(text, {0: reading})[1]
    assert attribution is None


@pytest.mark.parametrize(
    "text, reading, cue",
    [
        ("Voters had questions about the plan on Tuesday.", ("about", "Voters"), "about"),
        ("WALLACE: Let me ask you about the economy first.", (":", "WALLACE"), ":"),
        ("The ISW has also detailed how the units were deployed.", ("has", "The ISW"), "detailed"),
        # A colon gives way to the reporting verb right before it; a speaker label's colon has none and stays.
        ("She added: “We will not be silenced by anyone.”", (":", "She"), "added"),
        ("The mayor said: “The roads will reopen on Monday.”", (":", "The mayor"), "said"),
        ("SMITH: We will reopen the roads on Monday.", (":", "SMITH"), ":"),
        # An adverb gives way to a rule-lexicon verb, or one whose first WordNet sense is of communication, after it;
        # before any other verb it stays (the gate refuses a cue with no verb).
        ("The county has flatly denied the charges against its sheriff.", ("flatly", "The county"), "denied"),
        ("In her ruling, the judge sharply rebuked the agency for the delay.", ("sharply", "the judge"), "rebuked"),
        ("The county quickly repaved the road.", ("quickly", "The county"), "quickly"),
    ],
)
def test_a_function_word_or_adverb_model_cue_moves_to_the_verb_after_it_or_stays(text, reading, cue):
    """The model's claim decision stands; its cue is moved to a reporting verb when one follows."""
    (attribution,) = model(text, {0: reading})[1]
    assert_span(text, attribution.cue, cue)
    assert_span(text, attribution.source, reading[1])


@pytest.mark.parametrize(
    "text, reading, expected",
    [
        # The tag right after a closing quotation is the claim's cue; a cue after it goes on from it.
        ("“We are proud of the work,” said Kellyanne Conway, adding that she had known him for a decade.",
         ("adding", "Kellyanne Conway"), ("said", "Kellyanne Conway", ())),
        ("“Our goal is to give the best answers,” the company said in a statement, according to Reuters.",
         ("according to", "Reuters"), ("said", "the company", ("Reuters",))),
        ("“It was a long night”, the mayor told reporters, according to a pool report.",
         ("according to", "a pool report"), ("told", "the mayor", ("a pool report",))),
        # A quoted word is no quotation a clause tags: the model's cue stands.
        ("As for the “false” reports of spying, Keith Alexander said the agency had collected nothing.",
         ("said", "Keith Alexander"), ("said", "Keith Alexander", ())),
        ("Critics called the plan “reckless” and the mayor later conceded it would fail, according to the minutes.",
         ("according to", "the minutes"), ("according to", "the minutes", None)),
    ],
)
def test_the_tag_of_a_quotation_is_the_cue_before_a_later_model_cue(text, reading, expected):
    (attribution,) = model(text, {0: reading})[1]
    cue, source, via = expected
    assert_span(text, attribution.cue, cue)
    assert_span(text, attribution.source, source)
    if via is not None:
        assert tuple(hop.span.text for hop in attribution.via) == via


def test_a_function_word_model_cue_hands_over_to_the_reporting_verb_after_it():
    text = "The newspaper has also detailed foundation spending that personally benefited Trump."
    (attribution,) = model(text, {0: ("has", "The newspaper")})[1]
    assert_span(text, attribution.cue, "detailed")
    assert_span(text, attribution.source, "The newspaper")
    assert attribution.source_type == "media"


@pytest.mark.parametrize(
    "text, reading",
    [
        ("Putin is seeking to seize as much territory in eastern Ukraine as he can.", ("is seeking", "Putin")),
        ("Clinton criticized the plan as a giveaway to the wealthy.", ("criticized", "Clinton")),
    ],
)
def test_model_cues_of_reported_states_are_attributions(text, reading):
    """PolNeAR's broad notion: a source's stated wants and views tell whose view it is."""
    (attribution,) = model(text, {0: reading})[1]
    assert_span(text, attribution.cue, reading[0])
    assert_span(text, attribution.source, reading[1])
    assert attribution.source_type == "person"


def test_model_cue_with_a_pronoun_source_keeps_its_cue_and_points_at_the_antecedent():
    text = (
        "Russia launched 49 drones to attack Ukraine overnight, the Ukrainian military said on Monday.\n"
        "Of the 49 drones, the air force shot down 27 and lost track of 19, likely due to electronic warfare.\n"
        "Three drones remained in the Ukrainian air space as of Monday morning, it added.\n"
    )
    _, result = model(text, {0: ("said", "the Ukrainian"), 2: ("added", "it")})
    first, second, third = result
    assert second is None
    assert_span(text, third.source, "it")
    assert third.refers_to == first.source and first.refers_to is None
    assert (third.source_type, third.named, third.inherited) == ("organization", True, False)
    assert_span(text, third.cue, "added")
    assert Step("refers_back", "it", "the Ukrainian military", 0) in third.steps
    assert "'it' refers back to 'the Ukrainian military' (claim 0)" in explain_steps(third.steps)


def test_every_step_and_place_the_rules_can_name_has_words_in_the_report():
    assert set(STEP_WORDS) == set(get_args(StepRule))
    taken = {rule for path in (Path(__file__).parents[1] / "service").rglob("*.py") for rule in re.findall(r'\bStep\("(\w+)"', path.read_text())}
    assert taken and taken <= set(get_args(StepRule)), taken - set(get_args(StepRule))
    assert set(FOUND_WORDS) == set(get_args(SourceFound))
    assert set(INHERITANCE_WORDS) == set(get_args(Inheritance))


SEED_003 = (
    "“When using the DPRK troops on the battlefield, the language barrier remains problematic to control and"
    " coordinate actions,” the GUR said in a statement.\n"
    "“Because of this problem, North Korean soldiers opened ‘friendly fire’ on the vehicles of the so-called"
    " Akhmat battalion,” the agency added. “As a result, they killed eight Kadyrovite soldiers.”\n"
    "The GUR’s assessment could not be immediately verified by independent reports.\n"
)


def test_generic_source_and_quote_continuation_take_the_agency():
    claims, (said, added, continued, note) = rules_only(SEED_003)
    assert_span(SEED_003, said.source, "the GUR")
    assert said.direct_quote is True
    # "the agency added": own cue, its source words resolved to the earlier mention, not inherited.
    assert_span(SEED_003, added.source, "the agency")
    assert added.refers_to == said.source and added.inherited is False
    assert_span(SEED_003, added.cue, "added")
    # The quotation that continues: no cue of its own, inherits.
    assert continued.cue is None and continued.inherited is True and continued.direct_quote is True
    # its source is the words of the claim it continues, resolved as they were ("the agency" is the GUR)
    assert continued.source == added.source and continued.refers_to == said.source
    assert continued.source_type == "organization"
    assert "carries over" in explain_steps(continued.steps)
    assert note is None


def test_quote_opened_and_attributed_at_its_close_is_inherited_forward():
    text = "“We will defend ourselves. We will not stop,” Zelensky said.\n"
    claims, (opening, closing) = rules_only(text)
    assert closing.inherited is False and closing.source.text == "Zelensky"
    assert opening.inherited is True and opening.cue is None and opening.source == closing.source


def test_back_reference_does_not_reach_past_the_look_back():
    filler = "".join(f"Filler sentence number {n} has no source at all.\n" for n in range(LOOKBACK_CLAIMS + 1))
    text = "The Pentagon said on Monday that troops were in Kursk.\n" + filler + "More troops were coming, it added.\n"
    attributions = rules_only(text)[1]
    last = attributions[-1]
    assert_span(text, last.source, "it")
    assert last.source_type == "unknown"


@pytest.mark.parametrize(
    "text, expected",
    [
        # source, source type, [(via, via type), ...] nearest to the article first
        (
            "Russian troops captured the village of Shevchenko in Ukraine’s eastern Donetsk province, the TASS state"
            " news agency reported on Monday, citing Denis Pushilin, the Moscow-installed head of the region.",
            ("Denis Pushilin", "person", [("the TASS state news agency", "media")]),
        ),
        (
            "The ISW stressed: that the GUR had claimed that the “language barrier also hinders effective combat"
            " coordination between Russian and North Korean forces”.",
            ("the GUR", "organization", [("The ISW", "organization")]),
        ),
        (
            "The Kyiv intelligence chiefs also reported that a “contingent in Kursk lost 200 personnel as of"
            " December 14,” according to the ISW.",
            ("The Kyiv intelligence chiefs", "anonymous", [("the ISW", "organization")]),
        ),
        # PolNeAR dev
        (
            "Bloomberg reports that the Republican nominee has either won or tied among the group of voters making"
            " $100,000 or more, according to the Roper Center for Public Opinion Research.",
            ("Bloomberg", "media", [("the Roper Center for Public Opinion Research", "organization")]),
        ),
    ],
)
def test_second_hand_chains(text, expected):
    source, source_type, via = expected
    (attribution,) = rules_only(text)[1]
    assert_span(text, attribution.source, source)
    assert attribution.source_type == source_type
    assert [(v.span.text, v.source_type) for v in attribution.via] == via
    for hop in attribution.via:
        assert text[hop.span.start : hop.span.end] == hop.span.text
    assert "second-hand" in explain_steps(attribution.steps)


_MCCONNELL = ("Earlier this month, McConnell had cautioned Trump that declaring an emergency could divide Senate"
              " Republicans, the Washington Post reported.")
_TRUMP_CAMPAIGN = ("The Trump campaign said the candidate will be attending events in Kansas and Florida on Saturday,"
                   " CNN reported.")


@pytest.mark.parametrize(
    "text, reading, source, outlet",
    [
        # the model reads the outlet's closing cue: it relays the teller of the clause before it (AllSides held out)
        (_MCCONNELL, ("reported", "the Washington Post"), "McConnell", "the Washington Post"),
        ("Trump said the commission will look into a \"repeal of the Obama administration's 'Rethink School"
         " Discipline' policies,\" The New York Times reported.", ("reported", "The New York Times"), "Trump",
         "The New York Times"),
        ("Details: The autopsy found Brooks' manner of death was homicide, CBS News reports.", ("reports", "CBS News"),
         "The autopsy", "CBS News"),
        (_TRUMP_CAMPAIGN, ("reported", "CNN"), "The Trump campaign", "CNN"),  # PolNeAR
        # no outlet: the closing teller is the source ("officials" types as no media)
        ("The state election board said the ballots will be counted by Friday, officials reported.",
         ("reported", "officials"), "officials", None),
        # the model reads the speaker's own cue: the outlet closing the claim still relays it
        (_MCCONNELL, ("cautioned", "McConnell"), "McConnell", "the Washington Post"),
        (_TRUMP_CAMPAIGN, ("said", "The Trump campaign"), "The Trump campaign", "CNN"),
        ("Trump welcomed the news that Kasich would quit, saying the Ohio Republican was \"doing the right thing,\""
         " suggesting he might consider Kasich as vice presidential contender, CNN reported.", ("saying", "Trump"),
         "Trump", "CNN"),
    ],
)
def test_an_outlets_closing_report_relays_the_teller_before_it(text, reading, source, outlet):
    (attribution,) = model(text, {0: reading})[1]
    assert attribution.cue.text == reading[0]
    assert_span(text, attribution.source, source)
    assert [hop.span.text for hop in attribution.via] == ([outlet] if outlet else [])


@pytest.mark.parametrize(
    "text, source",
    [
        # a noun read as a verb before the comma that sets off the speaker's clause tells nothing
        ("Cost estimates, he added, were “based on a prototype detention facility.”", "he"),
        ("Speaking to donors on a Sunday night call, the former vice president said he would choose from a group of"
         " six people.", "the former vice president"),
        # a label before the colon names no teller ("What they're saying:")
        ("What they're saying: Howard told CNN that Brooks did not seem to present any kind of threat to anyone.",
         "Howard"),
        # the statement is its author's own words: no one passed it on
        ("The union said in a statement that it backed the mayor. “We stand with her,” the statement reads.",
         "the statement"),
        # the outer teller given back the claim is its source, not also its own intermediary
        ("Officials have said that Johnson, before he was killed in a standoff, said he “wanted to hurt people.”",
         "Officials"),
    ],
)
def test_no_chain_where_nobody_relays(text, source):
    attribution = score_article(text)["claims"][-1]["attribution"]
    assert attribution["source"]["text"] == source
    assert attribution["via"] == []


@pytest.mark.parametrize("opening", ["", "On Tuesday, "])
def test_a_surname_the_lexicons_read_as_a_noun_names_the_person_named_before(opening):
    """'Hicks' opening a sentence reads as a plural noun ('hicks'); after 'Ashley Hicks' it is her surname."""
    text = (f"Ashley Hicks, whose husband died in Afghanistan, posted the photo on Monday. {opening}Hicks said the"
            " picture honoured him.")
    attribution = score_article(text)["claims"][-1]["attribution"]
    assert (attribution["source"]["text"], attribution["source_type"], attribution["named"]) == ("Hicks", "person", True)


def test_an_as_clause_reporting_is_an_outer_teller():
    text = ("As Mashable reports, the company announced that it would charge a minimum of $100 to take passengers from"
            " the area.")
    (attribution,) = rules_only(text)[1]
    assert_span(text, attribution.source, "the company")
    assert [hop.span.text for hop in attribution.via] == ["Mashable"]


def test_think_tank_chain_resolves_the_generic_teller():
    text = (
        "“North Korean forces are reportedly facing expected struggles,” said the Institute for The Study of War.\n"
        "The Washington-based think tank added that Ukraine’s Main Military Intelligence Directorate (GUR) reported"
        " on December 14 that North Korean forces “recently fired at Chechen vehicles”.\n"
    )
    first, second = rules_only(text)[1]
    assert_span(text, first.source, "the Institute for The Study of War")
    assert_span(text, second.source, "Ukraine’s Main Military Intelligence Directorate (GUR)")
    assert second.via[0].span == first.source and second.via[0].source_type == "organization"


SEED_001 = (
    "A Russian soldier captured by Ukrainian forces says he escaped his unit after North Korean soldiers fired on"
    " Russian positions.\n"
    "The soldier’s account, shared in a video released by Ukrainian military intelligence, brings attention to"
    " challenges faced by Russian forces using foreign troops, according to L'Independent.\n"
    "In the video, shared by the pro-Ukrainian X account “Victoria,” the soldier describes how his unit was working"
    " alongside around ten North Korean soldiers.\n"
)


def test_video_chain_through_an_outlet_and_an_account():
    says, according, describes = rules_only(SEED_001)[1]
    assert_span(SEED_001, says.source, "A Russian soldier captured by Ukrainian forces")
    assert (says.source_type, says.described) == ("anonymous", True)
    assert_span(SEED_001, according.source, "L'Independent")
    assert according.source_type == "media" and according.via == ()
    # The soldier speaks in the video; the X account shared it; the article had it from L'Independent.
    assert_span(SEED_001, describes.source, "the soldier")
    assert describes.refers_to == says.source
    assert [(v.span.text, v.source_type) for v in describes.via] == [
        ("L'Independent", "media"),
        ("the pro-Ukrainian X account “Victoria,”", "social_media"),
    ]


def test_one_attribution_per_claim_and_lengths_must_match():
    claims, result = rules_only(SEED_003)
    assert len(result) == len(claims)
    with pytest.raises(ValueError):
        attribute(Document.of(SEED_003), claims, ())


# End to end with the trained model on the seed articles.

SEED_EXPECTATIONS = [
    # seed, claim starts with, (teller: the source or what it refers to, type, named, described, inherited, via)
    ("003", "A Monday skirmish", ("Ukraine’s military intelligence agency (GUR)", "organization", True, False, False, [])),
    ("003", "“When using the DPRK", ("the GUR", "organization", True, False, False, [])),
    ("003", "“Because of this problem", ("the GUR", "organization", True, False, False, [])),
    ("003", "“As a result", ("the GUR", "organization", True, False, True, [])),
    ("003", "“And we will continue", ("Zelensky", "person", True, False, True, [])),
    ("002", "“North Korean forces", ("the Institute for The Study of War", "organization", True, False, False, [])),
    ("002", "The Washington-based", ("Ukraine’s Main Military Intelligence Directorate (GUR)", "organization", True, False, False, ["the Institute for The Study of War"])),
    ("002", "Russian troops captured", ("Denis Pushilin", "person", True, False, False, ["the TASS state news agency"])),
    ("002", "Three drones remained", ("the Ukrainian military", "organization", True, False, False, [])),
    ("002", "Western officials", ("Western officials", "anonymous", False, True, False, [])),
    ("004", "North Korean troops stationed", ("Rustem Umerov", "person", True, False, False, [])),
    ("004", "A US official", ("A US official", "anonymous", False, True, False, [])),
    ("004", "Pyongyang's troops joined", ("the official", "anonymous", False, False, False, [])),
    ("004", "The Pentagon said", ("The Pentagon", "organization", True, False, False, [])),
    ("004", "He said up to", ("Umerov", "person", True, False, False, [])),
    ("001", "The soldier’s account", ("L'Independent", "media", True, False, False, [])),
    ("001", "In the video", ("A Russian soldier captured by Ukrainian forces", "anonymous", False, True, False, ["L'Independent", "the pro-Ukrainian X account “Victoria,”"])),
    ("001", "Ukrainian military officials report", ("Ukrainian military officials", "anonymous", False, True, False, [])),
]


@pytest.fixture(scope="module")
def trained_model():
    from service.pipeline.model import AttributionModel, ModelLoadError

    try:
        return AttributionModel.load()
    except (ModelLoadError, FileNotFoundError) as error:
        pytest.skip(f"no trained model: {error}")


@pytest.mark.parametrize("seed, opening, expected", SEED_EXPECTATIONS)
def test_seeds_end_to_end(trained_model, seed, opening, expected):
    text = seed_text(seed)
    claims = segment(Document.of(text)).claims
    result = attribute(Document.of(text), claims, trained_model.predict(text, claims))
    (index,) = [c.index for c in claims if c.text.startswith(opening)]
    attribution = result[index]
    teller, source_type, named, described, inherited, via = expected
    assert attribution is not None
    assert_span(text, attribution.teller, teller)
    if not inherited:
        assert claims[index].start <= attribution.source.start < attribution.source.end <= claims[index].end
    assert (attribution.source_type, attribution.named, attribution.described) == (source_type, named, described)
    assert attribution.inherited is inherited and (attribution.cue is None) is inherited
    assert [v.span.text for v in attribution.via] == via


@pytest.mark.parametrize(
    "text, reading, expected_source",
    [
        ("Troops fired on Russian positions on Monday, the pro-Ukrainian X account “Victoria” posted.",
         ("posted", None), "the pro-Ukrainian X account “Victoria”"),
        ("Troops fired on Russian positions on Monday, the X account 'Victoria' posted.",
         ("posted", "Victoria'"), "the X account 'Victoria'"),
        ("The pro-Russian Telegram channel “Rybar” said troops had crossed the river.",
         ("said", "“Rybar”"), "The pro-Russian Telegram channel “Rybar”"),
    ],
)
def test_a_quoted_account_name_is_the_source_with_its_account(text, reading, expected_source):
    (attribution,) = model(text, {0: reading})[1]
    assert_span(text, attribution.source, expected_source)
    assert (attribution.source_type, attribution.named) == ("social_media", True)


@pytest.mark.parametrize(
    "text, reading, expected",
    [
        ("Troops fired on Russian positions, according to L'Independent, citing the X account 'Victoria'.",
         ("citing", "Troops fired on Russian positions"),
         ("the X account 'Victoria'", "social_media", [("L'Independent", "media")])),
        ("According to L'Independent, citing the X account “Victoria”, troops fired on Russian positions.",
         ("According to", "L'Independent"),
         ("the X account “Victoria”", "social_media", [("L'Independent", "media")])),
        ("Troops fired on Russian positions, according to Reuters, citing the release of prisoners.",
         ("according to", "Reuters"), ("Reuters", "media", [])),
    ],
)
def test_according_to_an_outlet_citing_an_account(text, reading, expected):
    """The outlet relays what the account posted: the account is the source, the outlet a hop."""
    (attribution,) = model(text, {0: reading})[1]
    source, source_type, via = expected
    assert_span(text, attribution.source, source)
    assert attribution.source_type == source_type
    assert [(hop.span.text, hop.source_type) for hop in attribution.via] == via


def test_according_to_with_no_source_of_its_own_does_not_break_the_chain():
    """PolNeAR train: 'according to' whose object is no source ('preliminary exit polling')."""
    text = (
        "More than 6 in 10 New York Democratic voters said that Wall Street does more to hurt the economy"
        " than help, according to preliminary exit polling reported by CNN and The New York Times."
    )
    (attribution,) = model(text, {0: ("according to", None)})[1]
    assert attribution is not None
    assert_span(text, attribution.cue, "according to")


def test_a_determiner_alone_is_never_a_source():
    """Seed 003: the model read the noun 'fire' as a cue, and 'The' before it as its source."""
    text = "The friendly fire incident allegedly occurred due to the “language barrier” between the troops."
    (attribution,) = model(text, {0: ("fire", "The")})[1]
    assert attribution is None or attribution.source is None


@pytest.mark.parametrize(
    "text, reading",
    [
        ("The incident occurs against the backdrop of significant North Korean military support for Russia.",
         ("against", "The incident")),
        ("The arrangement reportedly includes:", (":", "The arrangement reportedly includes")),
        # A colon the model reads as a cue is a speaker label's only when its source opens the claim right before it
        # (or follows the inverted verb that opens it: "Continued Hale:"); after a clause it is the writer's
        # punctuation, no cue.
        ("Trump gestured as if to stop the ruckus, then leaned in and boomed: “Let’s defeat her in November.”",
         (":", "Trump")),
        ("After his talk, a question came from a member of the audience: “Did you change the initial condition just "
         "slightly?”", (":", "a member of the audience")),
        ("One of the founders, 16-year-old Jamie Margolin, described the origin of the name to Mother Jones: “It’s "
         "zero hour to act on climate change.”", (":", "One of the founders")),
    ],
)
def test_a_function_word_model_cue_with_no_teller_beside_it_is_not_used(text, reading):
    (attribution,) = model(text, {0: reading})[1]
    assert attribution is None


@pytest.mark.parametrize(
    "text, readings, claim, expected",
    [
        # A cue inside a quotation is the quoted speaker's own word (docs/guidelines.md, "Not attribution").
        ("“They told us to dig all night,” the soldier said.", {0: ("told", "They")}, 0, ("the soldier", "said", False)),
        # ... and the sentence that opens the quotation takes the speaker named where it closes.
        (
            "“It is very hard for me to say the effort failed. In fact, it worked,” the senator said.",
            {0: ("say", "me"), 1: ("said", "the senator")},
            0,
            ("the senator", None, True),
        ),
        # A quotation opened right after the speaker's first one, and closed with no tag, is theirs too.
        (
            "“It was a long night,” the mayor said. “We cleared every street. By dawn the snow was gone.”",
            {0: ("said", "the mayor")},
            1,
            ("the mayor", None, True),
        ),
        # A quotation that goes on into the next paragraph, which opens with a mark again, keeps its speaker.
        (
            "The governor spoke on Monday. “The roads will be rebuilt by spring,” she said.\n"
            "“We will not wait for the federal money.\n“It is our duty to act now,” she added.",
            {1: ("said", "she"), 3: ("added", "she")},
            2,
            ("she", None, True),
        ),
        # A quotation opened by a curly mark and closed by a straight one (copy that mixes the styles) is closed:
        # the tag after it is the claim's own cue, and the sentence before takes that speaker.
        (
            "“We will not give up. We will win in the end,\" the mayor told reporters.",
            {1: ("told", "the mayor")},
            1,
            ("the mayor", "told", False),
        ),
        (
            "“We will not give up. We will win in the end,\" the mayor told reporters.",
            {1: ("told", "the mayor")},
            0,
            ("the mayor", None, True),
        ),
    ],
)
def test_quotations_decide_whose_words_a_cue_is(text, readings, claim, expected):
    attribution = model(text, readings)[1][claim]
    assert attribution is not None
    source, cue, inherited = expected
    assert_span(text, attribution.source, source)
    assert_span(text, attribution.cue, cue)
    assert attribution.inherited is inherited


@pytest.mark.parametrize(
    "text, source",
    [
        ("In the latest Marist poll, voters in the state favored the governor 52 percent to 41 percent.",
         "the latest Marist poll"),
        ("In a Quinnipiac University survey last week, the senator's lead shrank to four points.",
         "a Quinnipiac University survey"),
        ("In a 2019 study spanning 30 countries, estimates of sea-level rise nearly doubled.", "a 2019 study"),
        ("In the RealClearPolitics average, the two candidates are tied at 44 percent.",
         "the RealClearPolitics average"),
    ],
)
def test_an_opening_adjunct_naming_a_poll_or_study_is_the_claims_attribution(text, source):
    (claim,) = score_article(text)["claims"]
    attribution = claim["attribution"]
    assert attribution is not None and (attribution["cue"]["text"], attribution["source"]["text"]) == ("In", source)
    assert (attribution["source_type"], attribution["inherited"]) == ("document", False)


@pytest.mark.parametrize(
    "text, cue",
    [
        ("In addition to the state poll, two national surveys show the race tightening.", None),  # another's object
        ("In a study published in May, researchers found that the drug cut deaths by a third.", "found"),  # own cue
        ("In the report, the agency said the dam was safe.", "said"),  # a report says things through a cue
        ("In this survey, 60 percent of voters under 30 oppose the plan.", None),  # points back to a poll named before
        ("In the wake of the poll, the campaign replaced its manager.", None),
    ],
)
def test_an_opening_adjunct_that_names_no_poll_of_its_own_is_no_attribution(text, cue):
    """``cue`` None: whatever else the claim's attribution is, "In" is not its cue."""
    (claim,) = score_article(text)["claims"]
    found = claim["attribution"] and claim["attribution"]["cue"]
    assert (found and found["text"]) == cue if cue else (found and found["text"]) != "In"


@pytest.mark.parametrize(
    "text, source",
    [
        ("A Quinnipiac survey from mid-April put him at 48 percent.", "A Quinnipiac survey from mid-April"),
        ("The RealClearPolitics average puts the governor at 46 percent of the primary vote.",
         "The RealClearPolitics average"),
        # a poll of its own after another poll's finding: its own, not the earlier poll's
        ("A Marist poll released Monday found 52 percent of voters back the plan. A Siena survey put support at 44"
         " percent.", "A Siena survey"),
    ],
)
def test_a_poll_that_puts_someone_at_a_figure_is_the_claims_source(text, source):
    attribution = score_article(text)["claims"][-1]["attribution"]
    assert attribution is not None and attribution["cue"]["text"] in ("put", "puts"), attribution
    assert attribution["source"]["text"] == source
    assert (attribution["source_type"], attribution["inherited"]) == ("document", False)


@pytest.mark.parametrize(
    "text",
    [
        "The senator put the bill at the top of the agenda at 9 a.m.",  # no poll puts anyone anywhere
        "Organizers put the crowd at 5,000 people.",  # a count, not a poll's
    ],
)
def test_put_at_a_figure_by_no_poll_is_no_attribution(text):
    attribution = score_article(text)["claims"][-1]["attribution"]
    assert attribution is None or attribution["cue"] is None or attribution["cue"]["text"] not in ("put", "puts")


@pytest.mark.parametrize(
    "text, expected",
    [
        ("In March, Cruz had 38 percent support in a Fox poll.", "a Fox poll"),
        ("Kasich was at 25 percent support in the most recent Fox poll, up eight points from March.",
         "the most recent Fox poll"),
        ("Cruz rose three points in the CBS survey to 29 points.", "the CBS survey"),
        # a poll's share carried on from an earlier poll gives way to the poll the claim names
        ("A Monmouth poll found Trump at 41 percent. Kasich was at 25 percent support in the latest Fox poll.",
         "the latest Fox poll"),
        # refused: no poll named ("the polls"), a poll pointed back to, no figure the poll gives
        ("Trump leads by 5 points in the polls.", None),
        ("A Monmouth poll found Trump at 41 percent. Clinton was at 40 percent in that survey.", None),
        ("Supporters were fearful to express their support in a telephone poll.", None),
    ],
)
def test_a_figure_given_in_a_poll_has_the_poll_as_source(text, expected):
    attribution = score_article(text)["claims"][-1]["attribution"]
    found = attribution and attribution["cue"] and attribution["cue"]["text"] == "in" and attribution["source"]["text"]
    assert (found or None) == expected
    if expected:
        assert (attribution["source_type"], attribution["inherited"]) == ("document", False)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The virus spreads mainly through coughing and sneezing, per the CDC.", ("the CDC", "organization")),
        ("Reporters in the room were told to leave, per a pool report.", ("a pool report", "document")),
        ("The talks collapsed on Friday, per Axios.", ("Axios", "media")),
        # refused: the unit of a rate, "per" inside the claim, a clause after the adjunct
        ("The fee is $20, per person.", None),
        ("Prices rose 3 percent per year in the city.", None),
        ("The plant closed, per the company's plan, and 200 jobs went.", None),
    ],
)
def test_a_closing_per_names_who_says_so(text, expected):
    attribution = score_article(text)["claims"][-1]["attribution"]
    found = attribution and attribution["cue"] and attribution["cue"]["text"] == "per" and (
        attribution["source"]["text"], attribution["source_type"])
    assert (found or None) == expected
