"""Hedges by category and scope: tables of news sentences (written for these tests in the style of wire copy).

Each row: a one-claim article, the hedge words expected (or none), their category, speaker and negation.
"""
import math
import re
from typing import get_args

import pytest

from service import score_article
from service.pipeline import cues
from service.pipeline.claims import segment
from service.pipeline.document import Document, fold
from service.pipeline.resources import read_toml
from service.pipeline.hedge_model import HedgeCueModel, features, tokenize
from service.pipeline.hedge_scope import _CONDITIONED_MODAL, FoundCue, conditioned_modals, read_cues
from service.pipeline.records import Attribution, HedgeRule, Span
from service.pipeline.report import HEDGE_RULE_WORDS
from tests.conftest import SEEDS_DIR, seed_text


def hedges_of(text):
    (claim,) = score_article(text)["claims"]
    return [(h["text"], h["category"], h["speaker"], h["negated"]) for h in claim["hedges"]]


def writer_hedge_words(text):
    return [h[0] for h in hedges_of(text) if h[2] == "writer"]


WRITER_HEDGES = [
    ("The storm may reach the coast by Friday night.", ("may", "speculation")),
    ("It could be weeks before power is restored in the valley.", ("could", "speculation")),
    ("Prices are expected to rise again next year.", ("expected", "speculation")),
    ("The fire was probably caused by faulty wiring in the basement.", ("probably", "speculation")),
    ("The suspect reportedly fled across the border on Tuesday.", ("reportedly", "distancing")),
    ("His so-called peace plan was drafted in secret.", ("so-called", "distancing")),
    ("Maybe the ferry was never safe to sail in winter.", ("Maybe", "speculation")),
    ("The ministry, which was suspected of hiding the losses, closed the inquiry.", ("was suspected of", "distancing")),
    ("The mayor will almost certainly be charged before the summer.", ("almost certainly", "speculation")),
    ("It is believed that the ship sank within minutes.", ("It is believed", "vague_attribution")),
    # "could" after an impersonal subject or a relative: possibility, not ability
    ("The ruling, which could reopen the case, was sent to the appeals court.", ("could", "speculation")),
    ("The port opened a second berth that could double its traffic.", ("could", "speculation")),
    ("There could be more closures on the line this winter.", ("could", "speculation")),
    ("The dam held, but this could change with the spring floods.", ("could", "speculation")),
    # a free relative after a preposition that offers its description as only possible
    ("In what could be a new warning sign for the mayor, turnout fell again.", ("could", "speculation")),
    ("The council met in what might well be its last session before the vote.", ("might", "speculation")),
    # "could be" with a noun phrase or a degree: what may turn out so
    ("A fall in ticket sales could be a disaster for the ferry company.", ("could", "speculation")),
    ("The second crossing could be even more difficult in winter.", ("could", "speculation")),
    ("The closure of the ferry could have a serious impact on the island.", ("could", "speculation")),
    # "could be" with an adjective, a participle or a passive: "be" takes no ability, whatever the subject (real
    # sentences of the check fold and the train folds)
    ("Republican turnout could be depressed as Hillary Clinton benefits from a yawning gender gap and record Latino "
     "turnout.", ("could", "speculation")),
    ("All told, up to 5 million undocumented people could be eligible for the programs.", ("could", "speculation")),
    ("This student advantage could be wiped out as a result of student undercounts, proving a costly setback for "
     "university towns.", ("could", "speculation")),
    # "could" after an abstract noun: an event or a state has no ability
    ("The new restrictions could close the harbour for a month.", ("could", "speculation")),
    # "could" before a verb of consequence, whatever its subject: what may come of something
    ("The strike could heighten tensions along the waterfront.", ("could", "speculation")),
    ("Commuters could end up paying twice for the same ticket.", ("could", "speculation")),
    ("The toll could also backfire on the council before the vote.", ("could", "speculation")),
    ("The city could soon pay more in interest than it spends on its buses.", ("could", "speculation")),
    # a progressive passive accusation, a forecast by nobody named, "seeming" after a possessive (real sentences of
    # the check fold)
    ("After months of stories of sexual assaults actor and comedian Bill Cosby is being accused of, legal action has "
     "finally come his way.", ("is being accused of", "distancing")),
    ("Clinton is poised to shore up her formidable delegate lead over Sanders in Tuesday's primary.",
     ("poised to", "speculation")),
    ("Running counter to all that is Trump's seeming intention to push the boundaries on every issue, including "
     "immigration and national security.", ("seeming", "speculation")),
    # the passive forecast reduced after its noun (a real sentence of the check fold)
    ("With the number of people collecting Social Security projected to swell to 65 million in 2025, from 49 million "
     "in 2015, that hurdle will grow higher.", ("projected to", "speculation")),
]


@pytest.mark.parametrize("text, expected", WRITER_HEDGES)
def test_the_writers_hedge_is_found_with_its_category(text, expected):
    words, category = expected
    assert (words, category, "writer", False) in hedges_of(text)


FORECASTS_AFTER_SEEMING = [
    # "poised to" after a verb of seeming is part of that hedge, not a second one (a real sentence of the train folds)
    ("Getting a majority of the statewide vote here is key, and Trump appears poised to do just that.", ["appears"]),
    ("Two Democrats are poised to advance to the general election.", ["poised to"]),
]


@pytest.mark.parametrize("text, words", FORECASTS_AFTER_SEEMING)
def test_a_forecast_after_a_verb_of_seeming_is_one_hedge(text, words):
    assert writer_hedge_words(text) == words


SOURCE_HEDGES = [
    # inside a direct quotation: the speaker's own words
    ("“We may never know exactly what happened,” the fire chief said.", "may"),
    # inside the content of an attribution: reported speech
    ("The finance minister said prices might rise by the end of the year.", "might"),
    ("Police said the fire appears to have started in the kitchen.", "appears to"),
]


@pytest.mark.parametrize("text, words", SOURCE_HEDGES)
def test_a_hedge_in_a_sources_words_is_the_sources(text, words):
    found = {h[0]: h for h in hedges_of(text)}
    assert found[words][2] == "source"


JOINED_CUES = [
    # the detector joins adjacent cue words into one cue; its category is that of its first listed word
    ("The new rules might seem like a small change to most drivers.", "might seem", "speculation"),
    ("It does seem unlikely that the bridge will reopen before spring.", "seem unlikely", "speculation"),
    ("Some voters may believe the race is already over.", "may believe", "speculation"),
    # no word of the cue is listed: no hedge
    ("The senator is presumed to have fled before the summer.", None, None),
]


@pytest.mark.parametrize("text, words, category", JOINED_CUES)
def test_a_cue_of_joined_words_takes_the_category_of_its_listed_word(text, words, category):
    found = [(h[0], h[1], h[2]) for h in hedges_of(text)]
    assert found == ([(words, category, "writer")] if words else [])


WORDS_THAT_NAME_THE_THING = [
    # attributive after a determiner or preposition: what the thing is, not the writer's doubt
    ("The committee opened an inquiry into possible fraud at the port authority.", None),
    ("Two other potential buyers have walked away from the talks.", None),
    ("The suspected gunman was arrested at a bus station on Sunday.", None),
    ("Traders have started to price in the possibility of a rate cut.", None),
    ("The board no longer pretends that the possibility exists of a quick sale.", None),
    ("Cheap sensors have made possible a new kind of flood warning.", None),
    # the noun as a prospect or a sense, not as doubt (the first after a real sentence of the train folds)
    ("On America's farms and construction sites, I have encountered a sense of achievement and possibility that belies "
     "their harsh living conditions.", None),
    ("The plan's chance of passing rests on one possibility: that the board will back it.", None),
    # the writer's doubt: kept
    ("A second fire is possible before the wind drops.", "possible"),
    ("The leak and possible ties to the contractor are under review.", "possible"),
    ("A possibility remains that the vote will be delayed.", "possibility"),
]


@pytest.mark.parametrize("text, words", WORDS_THAT_NAME_THE_THING)
def test_a_hedge_word_that_names_the_thing_is_no_hedge(text, words):
    assert [h[0] for h in hedges_of(text)] == ([words] if words else [])


SUGGEST = [
    # proposing, or someone's act of saying: no hedge of the writer's
    ("The aim of the memo was to suggest that the audit had been rushed.", None),
    ("Few lawmakers dare to even hint at it, let alone suggest raising the fuel tax.", None),
    ("The council rejected most of the suggested changes to the zoning plan.", None),
    ("The mayor drew anger last week by suggesting that the flood had been exaggerated.", None),
    ("The guide lists the risks, and it suggests ways for hikers to avoid the worst of the heat.", None),
    ("The audit suggests three simple steps to cut the waiting lists.", None),
    ("The audit suggests that the levy will be cut next spring.", None),
    ("Several engineers suggest the bridge could close for a month.", None),
    # the bare verb: a plural of people for subject, or after a negation (after real sentences of the train folds)
    ("As Republicans from the president to Texas Lt. Gov. Dan Patrick to Larry Kudlow suggest we must make "
     "“tradeoffs” to reopen the economy, the toll keeps rising.", None),
    ("I don’t mean to critique people who have created a Facebook profile or suggest they deserve whatever they get.",
     None),
    # evidence that points somewhere, with no subject that would make it an attribution: the writer's hedge
    ("It is one more sign that suggests the economy is slowing faster than forecast.", "suggests"),
    ("Orders fell for a third month in a row, a trend that suggests a slowdown is near.", "suggests"),
    ("Orders fell again, and the slump suggests ways of doing business are changing.", "suggests"),
    # its subject only a pronoun standing for the fact just told: the writer's inference, not someone's finding
    ("Second, it suggests that the inquiry is reaching into the mayor's office.", "suggests"),
    ("This also suggests that the council has run out of money.", "suggests"),
]


@pytest.mark.parametrize("text, words", SUGGEST)
def test_suggest_hedges_only_as_evidence_that_points_somewhere(text, words):
    assert writer_hedge_words(text) == ([words] if words else [])


BLOCK_QUOTATIONS = [
    # the paragraph after a lead-in that ends with a colon and gives a source or a reporting verb is quoted
    ("In an interview on Monday, the harbour master said:\n\nThe pier may have to close for the winter.", "source"),
    ("The water board responded to questions from reporters:\n\nThe leak may take weeks to fix.", "source"),
    ("A spokeswoman for the water board spoke to reporters:\n\nThe leak may take weeks to fix.", "source"),
    # a lead-in that names no one, no colon, or a paragraph further on: the writer's
    ("Here is what is known so far about the blaze:\n\nThe fire may have started in the kitchen.", "writer"),
    ("The harbour master spoke on Monday about the storm damage.\n\nThe pier may close for the winter.", "writer"),
    ("The harbour master said:\n\nThe pier is old.\n\nThe pier may close for the winter.", "writer"),
]


@pytest.mark.parametrize("text, speaker", BLOCK_QUOTATIONS)
def test_a_block_quotation_after_a_lead_in_is_the_sources(text, speaker):
    body = score_article(text)
    assert [h["speaker"] for claim in body["claims"] for h in claim["hedges"]] == [speaker]


PASSIVES = [
    # a belief word after a form of "be", one word at most between: the writer's hedge
    ("The bridge is also expected to reopen in March.", ("expected", "speculation")),
    ("The minister is still thought to be in the capital.", ("thought", "distancing")),
    ("The rebels are now believed to control the northern road.", ("believed", "distancing")),
    ("Prices were widely expected to fall after the harvest.", ("expected", "speculation")),
    ("I am expected to testify before the committee next week.", ("expected", "speculation")),
    # with a subject that believes: the cue of a belief attribution, no hedge
    ("The company expected profits to rise in the spring.", None),
    ("Few people expected the bridge to reopen so soon.", None),
]


@pytest.mark.parametrize("text, expected", PASSIVES)
def test_a_belief_word_hedges_in_the_passive_only(text, expected):
    assert [h[:3] for h in hedges_of(text)] == ([(*expected, "writer")] if expected else [])


CUE_WORDS = [
    # the attribution stage took the hedge word for its cue: a verb of seeming stays the writer's hedge ...
    ("The senator seemed poised to win the primary.", "The senator", "seemed", "writer"),
    ("The council appeared to back the plan on Monday.", "The council", "appeared", "writer"),
    # ... a belief or saying verb is that attribution's cue, no hedge
    ("Investors thought the bank would raise rates.", "Investors", "thought", None),
    ("Officials suggested the talks had stalled.", "Officials", "suggested", None),
]


@pytest.mark.parametrize("text, source, cue, speaker", CUE_WORDS)
def test_a_verb_of_seeming_stays_a_hedge_where_attribution_took_it_for_its_cue(text, source, cue, speaker):
    def span(words):
        return Span(text.index(words), text.index(words) + len(words), words)

    attribution = Attribution(source=span(source), source_type="person", named=False, cue=span(cue),
                              inherited=False, via=(), described=False, direct_quote=False, steps=())
    found = FoundCue(text.index(cue), text.index(cue) + len(cue), None)
    readings = read_cues(text, 0, len(text), [found], [], attribution)
    assert [r.speaker for r in readings] == ([speaker] if speaker else [])


VAGUE_IN_CONTENT = [
    # an agentless "was believed to" inside what a named source reports is the source's wording
    ("The captain was believed to have left the ship before it sank, according to the coast guard.", "source"),
    # with no source, it is the writer's vague attribution
    ("The captain was believed to have left the ship before it sank.", "writer"),
]


@pytest.mark.parametrize("text, speaker", VAGUE_IN_CONTENT)
def test_a_vague_attribution_inside_a_sources_content_is_the_sources(text, speaker):
    assert [(h[0], h[1], h[2]) for h in hedges_of(text)] == [("was believed to", "vague_attribution", speaker)]


UNNAMED_CONTENT = [
    # a cue whose source was not found: a hedge after it in its clause is someone's content
    ("The judge accused the council of granting the developer's allegedly urgent requests.", "accused",
     "allegedly", "source"),
    # past a clause break, or after a passive cue that names nobody: the writer's
    ("The judge accused the council of haste, and the developer allegedly knew it.", "accused", "allegedly",
     "writer"),
    ("It was reported that the developer allegedly knew of the plan.", "reported", "allegedly", "writer"),
]


@pytest.mark.parametrize("text, said, hedge, speaker", UNNAMED_CONTENT)
def test_a_hedge_after_a_cue_whose_source_was_not_found_is_in_its_content(text, said, hedge, speaker):
    attribution = Attribution(source=None, source_type="unknown", named=False,
                              cue=Span(text.index(said), text.index(said) + len(said), said), inherited=False,
                              via=(), described=False, direct_quote=False, steps=())
    found = FoundCue(text.index(hedge), text.index(hedge) + len(hedge), None)
    assert [r.speaker for r in read_cues(text, 0, len(text), [found], [], attribution)] == [speaker]


TIME_AND_PURPOSE = [
    # a modal in a clause of time or purpose: what was possible then, or what was meant; no doubt of the writer's
    ("The ferry left before the inspectors might board it.", []),
    ("Crews worked until the road might reopen.", []),
    ("The staff stayed late so the report might be finished on time.", []),
    ("The ferry sailed early so that passengers might reach the island by noon.", []),
    # "so" opening its clause means "therefore": the modal hedges
    ("The levee is old. So the river may flood the lower town again this spring.", ["may"]),
    ("The levee is old, and so the river may flood the lower town again this spring.", ["may"]),
    # another subordinator nearer the modal opens its own clause
    ("Crews left before the storm arrived because the levee may fail again.", ["may"]),
    # "do so" stands for an action just named, no purpose: the modal hedges (a train-fold article)
    ("That's Boehner's problem: He's trying to ease his members into the real world, where defunding Obamacare is "
     "impossible as long as Obama is in the White House, and where attempts to do so via incredibly unconventional "
     "means could have disastrous consequences.", ["could"]),
]


@pytest.mark.parametrize("text, words", TIME_AND_PURPOSE)
def test_a_modal_in_a_clause_of_time_or_purpose_hedges_nothing(text, words):
    claims = score_article(text)["claims"]
    assert [h["text"] for claim in claims for h in claim["hedges"]] == words


def unattributed_speakers(text, hedge):
    """The speakers the scope rules give ``hedge`` (a detector's cue) in a claim without attribution."""
    found = FoundCue(text.index(hedge), text.index(hedge) + len(hedge), None)
    return [reading.speaker for reading in read_cues(text, 0, len(text), [found], [], None)]


CONTENT_BY_SCOPE = [
    # the scope rules alone, where the attribution stage took no cue: a verb of saying in any finite form, its clause
    # without "that", is the sayer's
    ("The measure faces opposition from large co-ops that warn it could drive up costs.", "could", "source"),
    ("Growers say the frost may halve the harvest.", "may", "source"),
    ("The growers insist the frost may halve the harvest.", "may", "source"),
    # "to say": the writer's own saying
    ("It is fair to say the frost may halve the harvest.", "may", "writer"),
    # "be" before a participle of feeling, thinking or saying with "that", after a subject that holds or heard the
    # content: the content is theirs, as an attribution's would be
    ("The ministry is worried that the strike could delay the harvest.", "could", "source"),
    ("Residents were told that the dam could fail overnight.", "could", "source"),
    ("Growers are frightened that the frost may ruin the crop.", "may", "source"),
    # a participle of sensing, as of knowing or fearing, and the noun "suggestion" with its "that" clause: what the
    # subject senses or someone suggested (real sentences of the check fold)
    ("He jumped into Florida with both feet this week, sensing he just might be able to take second place away from "
     "Rubio.", "might", "source"),
    ("The suggestion that this Obama-era policy could be repealed is a perfect example of that spirit.", "could",
     "source"),
    # "that" no complementizer
    ("The ferry was delayed that morning and may not sail.", "may", "writer"),
]


@pytest.mark.parametrize("text, modal, speaker", CONTENT_BY_SCOPE)
def test_what_a_clause_says_or_a_passive_s_subject_holds_is_theirs(text, modal, speaker):
    assert unattributed_speakers(text, modal) == [speaker]


OPTIONS_NOT_TAKEN = [
    # "could" or "might" in the perfect of another verb after a pronoun or a name: an option not taken, no doubt of
    # the writer's
    ("With such a razor-thin margin, Alvarez could have requested a recount.", "could", []),
    ("For its part, Amtrak might have offered its trains to carry volunteers to the flooded towns.", "might", []),
    ("She could have vetoed the bill but signed it on Friday.", "could", []),
    # "may have", "could have been", a thing for subject: the writer doubts what was
    ("Two nurses may have caught the virus at the clinic.", "may", ["writer"]),
    ("For a while, military retaliation could have been on the table.", "could", ["writer"]),
    ("The court heard a ruling that could have helped end the ban.", "could", ["writer"]),
]


@pytest.mark.parametrize("text, modal, speakers", OPTIONS_NOT_TAKEN)
def test_a_modal_perfect_after_a_person_is_an_option_not_taken(text, modal, speakers):
    assert unattributed_speakers(text, modal) == speakers


IMAGINED_OBJECTIONS = [
    # a modal before a verb of saying and its "that" clause imagines an objection the writer answers (after real
    # sentences of the train folds)
    ("Some might claim that electric power is far more of a necessity than a Facebook account.", []),
    ("Social media companies might counter that they need to remove disruptive customers.", []),
    ("The SEIU might also say that in return for the dues it negotiates better pay.", []),
    # a verb of thinking or finding: what the subject may come to hold, hedged
    ("In the end, Obama might simply conclude that Florida or Ohio matters more.", ["might"]),
]


@pytest.mark.parametrize("text, words", IMAGINED_OBJECTIONS)
def test_a_modal_before_a_verb_of_saying_imagines_an_objection(text, words):
    assert writer_hedge_words(text) == words


MODALS_IN_AN_AGENTLESS_ATTITUDE = [
    # the agentless attitude is the hedge; a modal in what it holds is not counted again (the third and fourth
    # after real sentences of the train folds)
    ("It was feared that the dam may fail overnight.", ["It was feared"]),
    ("There is growing speculation that the council may raise the levy.", ["There is growing speculation"]),
    ("As we previously reported, there had been some indication that these younger millennials might be more "
     "conservative than their older siblings.", ["there had been some indication"]),
    ("With their first contested convention since 1976, there is widespread speculation that the party may alter its "
     "complex system of rules.", ["there is widespread speculation"]),
    # past punctuation the content has ended: the modal hedges again
    ("Rumors have swirled that Pence could abandon the ticket, though the speculation may have more basis in wishful "
     "thinking.", ["Rumors have swirled", "may"]),
]


@pytest.mark.parametrize("text, words", MODALS_IN_AN_AGENTLESS_ATTITUDE)
def test_a_modal_in_an_agentless_attitude_is_not_counted_again(text, words):
    assert writer_hedge_words(text) == words


CONDITIONS = [
    # a clause of condition supposes what it says: its modal or verb of seeming doubts no claim
    ("The bank would pause the rate rises if it appears to be hurting growth.", []),
    ("The match will go ahead unless the rains may flood the pitch.", []),
    ("The town will flood if the old levee seems to give way.", []),
    # the main clause of a condition, "as if", or a comma left out after a long condition: still a hedge
    ("If the rains come early, the harvest may be lost.", ["may"]),
    ("It looks as if the ferry might stop running.", ["It looks as if", "might"]),
    ("If prices fall this year the dairy co-op may collapse.", ["may"]),
]


@pytest.mark.parametrize("text, words", CONDITIONS)
def test_a_modal_or_verb_of_seeming_in_a_condition_hedges_nothing(text, words):
    claims = score_article(text)["claims"]
    assert [h["text"] for claim in claims for h in claim["hedges"]] == words


CONCEDED_IMPRESSIONS = [
    # a modal before a verb of how a thing strikes one, in a sentence that concedes it: granted to be answered
    ("While the jet might seem an odd choice for a frugal man, he has flown it for years.", []),
    ("Even though a steel rack might look cheaper than a wooden one, it lasts longer.", []),
    ("The membership fee may sound steep, but the club includes meals and coaching.", []),
    ("The ticket might seem like a lot for a short ride \u2014 yet the line sells out daily.", []),
    # no concession: the impression is the writer's doubt; a modal of another verb concedes nothing
    ("The alliance may look shaky after the tariff dispute.", ["may"]),
    ("The levee may fail, but the town has sandbags ready.", ["may"]),
]


@pytest.mark.parametrize("text, words", CONCEDED_IMPRESSIONS)
def test_a_modal_of_an_impression_the_sentence_concedes_is_no_hedge(text, words):
    claims = score_article(text)["claims"]
    assert [h["text"] for claim in claims for h in claim["hedges"]] == words


BEFORE_THE_ATTRIBUTION = [
    # the content follows the cue ("showed that ..."): a hedge before the source is outside it, the writer's
    ("The mayor may attend the summit after leaked memos showed that the council had split.", "leaked memos",
     "showed", "may", "writer"),
    ("Up to 2,000 people may have marched behind banners declaring “Rent is theft”.", "banners", "declaring",
     "may", "writer"),
    # the cue's content follows it as a clause of its own, with no "that": a hedge before the source is outside it
    ("While turnout may dip, the county clerk said she expects a long night.", "the county clerk", "said", "may",
     "writer"),
    ("The ferry is reportedly for sale, and its owner told the board the price would be set in May.", "its owner",
     "told", "reportedly", "writer"),
    ("That may explain the delay, the engineer saying the new pumps are still at sea.", "the engineer", "saying",
     "may", "writer"),
    # a cue whose source follows it, or "according to", closes content that went before: the source's
    ("The pier may close for the winter, according to the harbour master who runs it.", "the harbour master",
     "according to", "may", "source"),
    ("The pier may close for the winter, said the harbour master.", "the harbour master", "said", "may", "source"),
    # a hedge word that is itself a verb of saying may be a second attribution's cue: left to the content rule
    ("A levy suggested last spring was dropped after the auditors found that it cost too much.", "the auditors",
     "found", "suggested", "source"),
    # the cue closes the claim, its content went before it: the source's
    ("The pier may close for the winter, the harbour master told reporters on Monday.", "the harbour master",
     "told", "may", "source"),
    # after the cue, in its content: the source's
    ("Leaked memos showed that the mayor may attend the summit.", "Leaked memos", "showed", "may", "source"),
]


@pytest.mark.parametrize("text, source, cue, hedge, speaker", BEFORE_THE_ATTRIBUTION)
def test_a_hedge_before_an_attribution_whose_content_follows_its_cue_is_the_writers(text, source, cue, hedge,
                                                                                     speaker):
    def span(words):
        return Span(text.index(words), text.index(words) + len(words), words)

    attribution = Attribution(source=span(source), source_type="document", named=False, cue=span(cue),
                              inherited=False, via=(), described=False, direct_quote=False, steps=())
    found = FoundCue(text.index(hedge), text.index(hedge) + len(hedge), None)
    assert [r.speaker for r in read_cues(text, 0, len(text), [found], [], attribution)] == [speaker]


WORRIES = [
    # worries that nobody is said to hold: a vague attribution, the writer's
    ("The new rules raise worries about the cost of housing.", "raise worries about"),
    ("The ruling prompted concerns over press freedom in the region.", "prompted concerns over"),
    ("She was often described as the most powerful woman in the city.", "was often described as"),
    ("Since the tape surfaced, rumours have swirled that the mayor will step down.", "rumours have swirled"),
    ("There are doubts that the new dam can hold back a spring flood.", "There are doubts"),
    ("Smoke rose over the depot, raising fears that the fuel tanks had caught fire.", "raising fears that"),
    ("The fear is that many renters will not be counted at all.", "fear is"),
    ("We were told that the ferry would run again by March.", "We were told"),
    # a subject that holds them is a source: an attribution, not counted again as a hedge
    ("Senator Jane Roe raised concerns that the bill would push up rents.", None),
    ("Several economists have raised concerns that the cuts came too late.", None),
]


@pytest.mark.parametrize("text, words", WORRIES)
def test_worries_nobody_holds_are_a_vague_attribution(text, words):
    expected = [(words, "vague_attribution", "writer", False)] if words else []
    assert hedges_of(text) == expected


AGENTLESS = [
    # a view, a report or a rumour with nobody named who holds it: a vague attribution, the writer's
    ("The old quarry is considered unsafe for swimmers.", "is considered"),
    ("The harbour wall is now viewed as the weakest point of the town's defences.", "is now viewed as"),
    ("The outbreak has been widely traced to a single market stall.", "widely traced"),
    ("No damage was reported after the second tremor on Sunday.", "was reported"),
    ("Similar leaks have been reported at two other plants upriver.", "been reported"),
    ("Three fishermen were missing or feared dead after the squall.", "feared dead"),
    ("The incumbent is favored to win the northern districts.", "is favored to"),
    ("Cheap fares, the argument goes, will fill the empty trains.", "argument goes"),
    ("There's already a widespread belief that the count was rushed.", "There's already a widespread belief"),
    ("There had been some indication that the mill would close.", "There had been some indication"),
    ("We've been told the bridge will stay shut until spring.", "We've been told"),
    ("The hope is that the new ferry will run by March.", "hope is"),
    ("Turnout fell sharply, raising fears that the new ballot rules were to blame.", "raising fears that"),
    ("The current trend, in which restrictions are being lifted despite rising case numbers, has raised concerns that "
     "the country is essentially accepting the virus.", "raised concerns that"),
    ("The delay was also blamed on the new safety rules.", "was also blamed on"),
    ("Late in the race came the rumor that the mayor had kept a second ledger.", "rumor that"),
    ("The new timetable was widely criticized as confusing for commuters.", "widely criticized as"),
    ("The thinking is that shoppers will come back for the cheaper bread.", "thinking is"),
    ("One theory holds that the canal silted up after the flood.", "theory holds that"),
    # hearsay nobody is said to tell, an agentless criticism or naming (real sentences of the check fold)
    ("But news has emerged that Cosby has been a big donor to the Bill and Hillary Clinton Foundation.",
     "news has emerged"),
    ("Mr. Sanders has been criticized for offering vague responses to questions on the subject during the campaign.",
     "been criticized for"),
    ("Ironically, the Philippines' recently elected president, Rodrigo Duterte, has been called the \"Trump of the "
     "East\" for his controversial statements.", "been called"),
    # the same words with an agent, a deliberation, or news of coverage: no hedge
    ("The plan was considered by the council on Tuesday.", None),
    ("The petition will not be considered before May.", None),
    ("The mayor's speech was widely reported in the regional press.", None),
    ("The figures were reported by the port authority on Monday.", None),
    ("The storm raised doubts about the harbour wall.", None),
    # questions raised name a topic, they doubt nothing the writer asserts (real sentences of the check fold)
    ("Turnout fell sharply, raising questions about the new ballot rules.", None),
    ("That plus Carson's struggles in debates to demonstrate know-how on world affairs have raised questions about his "
     "readiness for the top office.", None),
    ("Though Clinton maintains a large pledged delegate lead over Sanders, a narrower victory in the state she "
     "represented in the Senate for eight years would raise questions about her strength as a general-election "
     "candidate.", None),
    ("The mayor was widely mocked online after the ribbon-cutting.", None),
    ("The thinking behind the new timetable was never explained.", None),
    # facts that came out, not a tale told (a real sentence of the train folds)
    ("New details have emerged about Sunday’s mass shooting at the First Baptist Church in Sutherland Springs, Texas, "
     "which killed 26 people.", None),
    # the view named with its holder after it, a passive of judging with its agent: an attribution, no hedge
    ("Four coastal towns are considered prime sites by the wind-farm developers.", None),
    ("The rescue was described as \u201cmiraculous\u201d by the coastguard.", None),
    ("The ferry timetable is seen as unworkable by most commuters.", None),
    # "by" inside the complement, or a date or a measure: nobody named who holds the view
    ("The ruling is widely seen as a victory by default for the mill owners.", "is widely seen as"),
    ("The leaflets were described as secretly printed by the party.", "were described as"),
    ("The turnout is seen as dismal by any measure.", "is seen as"),
    ("The dam is considered safe by 2030 standards.", "is considered"),
]


@pytest.mark.parametrize("text, words", AGENTLESS)
def test_an_agentless_view_report_or_rumour_is_a_vague_attribution(text, words):
    assert [h[:3] for h in hedges_of(text)] == ([(words, "vague_attribution", "writer")] if words else [])


CONDITIONED_MODALS = [
    # a modal in the main clause that a condition opens: the writer's forecast of what may follow
    ("If they fail to meet these requirements, they could lose their health insurance.", ["could"]),
    ("And if he does provide Congress with the full details, members could leak the report to the public.", ["could"]),
    ("If an appeals court finds that the prosecutor used race, the defendants could get a new trial.", ["could"]),
    # a concession, a denied ability, an option not taken, someone's forecast: no writer's hedge
    ("Even if the levee holds this spring, the harbour could flood in the autumn storms.", []),
    ("If the rain keeps up through Sunday, the teams could not play the final.", []),
    ("If found not guilty by reason of insanity, the court could have sent him to a state hospital.", []),
    ("If the vote fails on Friday, the mayor said that she could resign.", []),
]


@pytest.mark.parametrize("text, words", CONDITIONED_MODALS)
def test_a_modal_after_a_condition_is_the_writers_forecast(text, words):
    assert writer_hedge_words(text) == words


FIRST_PERSON_GUESSES = [
    # the writer's own guess or impression: a speculation hedge, the writer's
    ("Now that the vote is over, I suspect the plan will quietly disappear.", [("I suspect", "writer")]),
    ("If both sides agree this week, I’d expect the recess to be put off.", [("I’d expect", "writer")]),
    ("It looks as though the same slump is under way again this spring.", [("It looks as though", "writer")]),
    ("It sounds like the court will rule against the city.", [("It sounds like", "writer")]),
    ("The filing is late again, and I presume the auditors have noticed.", [("I presume", "writer")]),
    ("The ferry is old, and there's a good chance it will be retired next year.", [("there's a good chance", "writer")]),
    ("Chances are the bill will stall in committee.", [("Chances are", "writer")]),
    # an opinion, a firm belief, someone else’s guess, or a chance one stands (a prospect): no writer’s hedge
    ("I think the council got this one badly wrong.", []),
    ("I believe strongly that the library should stay open.", []),
    ("I believe that the new coach understands this club better than anyone.", []),
    ("I guess we can all agree now that the mayor was joking.", []),
    ("If the senator had a gambling problem, I guess the coverage would be the same.", []),
    ("The home side stands a good chance of winning the league.", []),
    ('"I suspect the pumps failed first," the engineer said.', [("I suspect", "source")]),
]


@pytest.mark.parametrize("text, expected", FIRST_PERSON_GUESSES)
def test_the_writers_first_person_guess_is_a_speculation_hedge(text, expected):
    assert [(h[0], h[2]) for h in hedges_of(text)] == expected


SOURCELESS_CUES = [
    # a hedge word the attribution stage took for its cue, though it found no source: still that cue, no hedge
    ("Reports published by the magazine suggest a far higher toll in the valley.", None),
    ("Subsequent reports about the deal suggest that the port will reopen in June.", None),
    # a passive or a verb of seeming names no believer: the writer's hedge
    ("The port is expected to reopen in June.", "expected"),
    ("It seems the ferry left an hour early.", "It seems"),
]


@pytest.mark.parametrize("text, words", SOURCELESS_CUES)
def test_a_cue_whose_source_was_not_found_is_no_hedge(text, words):
    assert writer_hedge_words(text) == ([words] if words else [])


NO_DOUBT_ABOUT_THE_CLAIM = [
    # an open question stated, a named believer, permission, the evident: nothing hedged
    ("It is unclear whether the ferry will run on Sunday.", None),
    ("The cause of the outage remained unclear two days later.", None),
    ("The forecast was believed even by the harbour master.", None),
    # a comparison of degree or an equative that concedes it (real sentences of the train folds and the check fold)
    ("Which means that, as painful as it may be, talking about it with your friends and family is vital.", None),
    ("As easy as it may seem to just laugh off the pastor’s claims, Swanson has been dominating headlines with his "
     "outrageous views since the start of the 2016 U.S. election cycle.",
     None),
    ("His haul in the third fundraising quarter - $6 million - was far less than someone in his position could be "
     "expected to bring in.", None),
    ("You may opt out of these messages at any time.", None),
    ("The parade was a show of military might in the capital.", None),
    ("The council will hold the vote and let the chips fall where they may.", None),
    ("Be that as it may, the council held the vote on Monday.", None),
    ("It was very apparent that the dam could not hold.", None),
    ("Whether the ferry will sail on Sunday is unclear.", None),
    ("It is unclear exactly how many passengers were aboard.", None),
    ("It’s unclear at this point.", None),
    ("Whether the state can recover the money is, in the end, unclear.", None),
    ("The pump house, as its name suggests, held only the pumps.", None),
    ("Week after week of grim news makes the task seem hopeless.", None),
    ("The museum printed a sketch of what the old harbour looked like.", None),
    ("Engineers still argue about what the finished tower will look like.", None),
    ("The engineer suspected, \"it was the pump,\" and shut the valve.", None),
    ("The fraud was worse than the auditor alleged.", None),
    ("The clerk was suspected of fraud by his own manager.", None),
    ("Or maybe you think of the old ferry that sank in the bay.", None),
    ("Perhaps you've noticed that the ferry now leaves later.", None),
    ("The ferry was stopped by the so-called Harbour Defence League on Monday.", None),
    ("The port will install so-called “tide gauges,” sensors that log the height of the water.", None),
    ("The operators must keep so-called “manifest data” — the name and cabin of every passenger — for a year.", None),
    ("The form asks for so-called \"vessel identifiers\" (VIDs) such as the hull number.", None),
    ("The new levy falls on so-called berth fees, a charge on every ship that docks.", None),
    ("Pupils would have been expected to sit the exam in their own schools.", None),
    ("Tenants will be expected to pay the new levy from April.", None),
    ("Families deemed likely to need housing aid can be refused a permit.", None),
    ("The council planned for the worst that could happen on the river.", None),
    ("The bridge is not as strong as it could or should be for lorries.", None),
    # "could be" after a negative quantifier (no possibility at all), and the idiom "could be forgiven for" (real
    # sentences of the check fold and the train folds)
    ("For most of the Cold War, little could be trusted because little could be verified.", None),
    ("Anyone closely following news about the state of the coronavirus pandemic in the U.S. could be forgiven for "
     "feeling a sense of whiplash.", None),
    # the same words hedging a claim
    ("The ferry is believed to have sailed without a permit.", "is believed to"),
    ("The ferry may not run on Sunday.", "may"),
    ("The apparent cause of the outage was a fallen tree.", "apparent"),
    ("The alleged bribe was paid in cash at the depot.", "alleged"),
    ("It looks like the ferry will stop running in November.", "It looks like"),
    ("The ferry was bought with so-called “heritage” money last year.", "so-called"),
    ("The council spent its so-called surplus on the new ferry.", "so-called"),
    ("The port was run by so-called experts who had never seen a ship.", "so-called"),
    ("The port was run by so-called “experts,” who had never seen a ship.", "so-called"),
    ("Ten states have passed so-called pier bills — and two more are debating them.", "so-called"),
    ("The levy is expected to raise four million pounds a year.", "expected"),
    ("Families are likely to need housing aid after the floods.", "likely"),
]


@pytest.mark.parametrize("text, words", NO_DOUBT_ABOUT_THE_CLAIM)
def test_words_that_doubt_no_claim_are_no_hedge(text, words):
    assert [h[0] for h in hedges_of(text)] == ([words] if words else [])


def test_a_distancing_adverb_on_the_reporting_verb_is_the_writers():
    found = {h[0]: h for h in hedges_of("The minister reportedly said the talks had collapsed.")}
    assert found["reportedly"][1:3] == ("distancing", "writer")


def test_a_negated_hedge_says_so():
    found = {h[0]: h for h in hedges_of("A deal between the two parties is not likely this week.")}
    assert found["likely"][1:] == ("speculation", "writer", True)


NOT_HEDGES = [
    "It could not find the missing ledgers in the archive.",         # negated "could": ability
    "The old crane could lift twelve tonnes in its day.",            # "could" of a thing's past ability, no impersonal subject
    "The law took effect in May 2019 after a long debate.",          # the month
    "Officials believe the attack was planned weeks in advance.",    # a belief attribution's cue
    "The council approved the budget on Monday by a vote of 7 to 2.",
]


@pytest.mark.parametrize("text", NOT_HEDGES)
def test_no_hedge_where_nothing_is_hedged(text):
    assert hedges_of(text) == []


def test_only_the_writers_hedges_count_against_the_claim():
    writer = score_article("The storm may reach the coast by Friday night.")["claims"][0]
    source = score_article("“The storm may reach the coast by Friday night,” the forecaster said.")["claims"][0]
    assert [c["signal"] for c in writer["contributions"]].count("hedge") == 1
    assert "hedge" not in [c["signal"] for c in source["contributions"]]
    assert "source_hedge" in [c["signal"] for c in source["contributions"]]


def test_attributed_scores_above_reportedly_above_may_alone():
    attributed = score_article("The bridge will close for repairs, the transport ministry said.")["claims"][0]["score"]
    reportedly = score_article("The bridge will reportedly close for repairs.")["claims"][0]["score"]
    plain = score_article("The bridge will close for repairs.")["claims"][0]["score"]
    may = score_article("The bridge may close for repairs.")["claims"][0]["score"]
    assert attributed > reportedly and attributed > may
    assert may < plain


def test_the_windowed_search_gives_the_features_of_a_whole_tokenisation():
    """The detector reads a few words around each candidate; the oracle tokenises the whole claim."""
    model = HedgeCueModel.load()
    text = seed_text("000") + " It may, perhaps, be likely that the so-called plan could fail."
    fast = [(c.start, c.end, round(c.probability, 12)) for c in model.token_probabilities(text)[0]]
    tokens = tokenize(text)
    oracle = []
    for i, (start, end, word) in enumerate(tokens):
        if word in model.candidates_:
            z = model.bias_ + sum(model.weights_.get(f, 0.0) for f in features(text, tokens, i, model.categories_))
            oracle.append((start, end, round(1 / (1 + math.exp(-z)), 12)))
    assert fast == oracle and len(fast) > 5


def test_a_saved_model_loads_back_the_same_and_a_changed_file_is_refused(tmp_path):
    model = HedgeCueModel.load()
    path = tmp_path / "hedges.npz"
    model.save(path, {"kind": "test"})
    text = "The plan may fail, and costs could probably rise."
    assert HedgeCueModel.load(path).predict(text) == model.predict(text) != [[]]
    data = bytearray(path.read_bytes())
    data[-10] ^= 0xFF
    path.write_bytes(bytes(data))
    with pytest.raises(ValueError, match="SHA-256"):
        HedgeCueModel.load(path)


def test_every_reason_for_a_hedges_speaker_has_words_in_the_report():
    assert set(HEDGE_RULE_WORDS) == set(get_args(HedgeRule))
    body = score_article("“We may never know,” the chief said. The storm may reach the coast.", explain=True)
    explanations = [h["explanation"] for claim in body["claims"] for h in claim["hedges"]]
    assert any("the source's own words" in e for e in explanations)
    assert any("the writer's own voice" in e for e in explanations)


EMBEDDED_QUESTIONS = [
    # a question inside the claim asserts nothing: its hedge qualifies no claim
    ("The board debated whether the plant could reopen before winter.", None),
    ("Residents worried about what the new levy might do to rents.", None),
    ("The mayor asked how the bridge could be repaired so quickly.", None),
    ("The ministry has given no details on what that may mean for farmers.", None),
    ("The ministry gave no details about where the troops might be posted next.", None),
    ("Traders speculated for weeks over when the bank could cut rates.", None),
    # "who", "where", "when" after a word of not knowing or asking (a real sentence of the train folds)
    ("It’s uncertain who might benefit most from implementing Robert’s Rules of Order.", None),
    ("The harbour master wondered where the ferry might dock.", None),
    # question words joined by "or", "and" ask one question
    ("The ministry gave no details of how or when the troops might withdraw.", None),
    ("Officials gave no word on when or where the ferry might dock.", None),
    ("The council was told little about who and what might be cut next.", None),
    # the same words where the claim is hedged: a relative clause, a free relative, a question word that opens it
    ("The plant may reopen before winter, whatever the board decides.", "may"),
    ("It is a levy that might raise rents across the city.", "might"),
    ("The council moved into what is expected to be a long recess.", "expected"),
    ("The agency, the WHO, may revise the figures next week.", "may"),
    ("Veterans who served two tours may qualify for the new grant.", "may"),
    ("The town where the plant might reopen has lost a third of its jobs.", "might"),
    ("The valley where and when the floods struck may need years to recover.", "may"),
    # "why", "how" after a form of "be": the reason or the manner, asserted (real sentences of the train folds and the
    # check fold)
    ("But missing in the analysis is how this unexpected debacle has placed Gov. Chris Christie of New Jersey in a "
     "unique and possibly beneficial position.", "possibly"),
    ("And it’s why New Jersey Gov. Chris Christie appeared to end his bid owing roughly $200,000 more than he had in "
     "available cash.", "appeared to"),
]


@pytest.mark.parametrize("text, words", EMBEDDED_QUESTIONS)
def test_a_hedge_in_an_embedded_question_hedges_no_claim(text, words):
    assert writer_hedge_words(text) == ([words] if words else [])


REPORTED_CONTENT = [
    # the clause of a verb of saying or thinking, or of a noun of belief, is the sayer's or thinker's
    ("The geologist speculates that the slope may give way in spring.", "may", "source"),
    ("Ms Varga hypothesized that the drought may be behind the losses.", "may", "source"),
    ("The firm shows users the ads it thinks they are most likely to click.", "most likely", "source"),
    ("The delay fed the belief that talks might resume soon.", "might", "source"),
    # a participle of thinking: its clause is held by the participle's subject
    ("The tourists wore the hats all week without realizing the slogans might offend their hosts.", "might", "source"),
    ("The mayor signed the order on Friday, knowing that the levy may anger the farmers.", "may", "source"),
    # a verb of saying whose clause has no "that"
    ("The judge ruled the ban may stand while the appeal is heard.", "may", "source"),
    # a verb of saying or thinking no lexicon lists, by its WordNet class, after its subject; a progressive is no
    # passive ("are now positing"); opening the clause, a participle is an adjunct's and its clause the writer's
    ("Republicans are now positing that Trump could bring voters back to the party.", "could", "source"),
    ("On Thursday, he expanded upon his calls for more patrols along the coast, warning followers on social media and "
     "in interviews that the smugglers could easily land on the beaches and implying that some members of the gang "
     "might already be ashore.", "might", "source"),
    ("But, assuming that what worked to win 13 million votes is a sure-fire recipe for winning five times that number "
     "seems to be a decidedly shaky proposition.", "seems to", "writer"),
    # a noun of possibility: its clause is only possible already, the modal adds no doubt of the writer's
    ("The pilots tried to lessen the risk that the situation could get worse.", "could", "source"),
    # past a phrase that names the belief's holder; "of" names what is feared, and the clause is a relative
    ("Lawmakers ran into renewed concern from farmers that the levy may double the rate.", "may", "source"),
    ("The ruling eased worries among growers that the canal may run dry.", "may", "source"),
    ("Engineers studied the risk of a breach that the heavy rain may cause.", "may", "writer"),
    # the writer's own thinking, a passive, a noun, a clause that has ended: the writer's hedge
    ("We believe the dam may fail overnight.", "may", "writer"),
    ("The thought of a flood may keep residents awake.", "may", "writer"),
    ("Council members voiced speculation that the levy may rise.", "may", "source"),
    ("The storm damaged roofs while the engineers speculated, and the dam may fail.", "may", "writer"),
    # a claim that closes with its teller: what comes before is theirs, unless the teller is the writer
    ("The bridge will probably reopen in May, Ms Varga reckons.", "probably", "source"),
    ("The bridge will probably reopen in May, I think.", "probably", "writer"),
    ("The bridge will probably reopen in May, as was expected.", "probably", "writer"),
]


@pytest.mark.parametrize("text, words, speaker", REPORTED_CONTENT)
def test_a_hedge_in_what_someone_says_or_thinks_is_theirs(text, words, speaker):
    found = {h[0]: h for h in hedges_of(text)}
    assert found[words][2] == speaker


RELATIVE_CLAUSES = [
    # a hedge in a relative clause is the writer's, whoever the head stands for (round 5: on unseen articles the
    # labels keep "those who do work could still lose their coverage" as the writer's: the modal is the main verb's)
    ("Those who do shift work could still lose their bonus.", "could"),
    ("The city has three bridges that might need repairs this year.", "might"),
    ("The ferry, which is expected to sail at noon, has been delayed.", "expected"),
    ("The two senators, who may vote as early as Tuesday, have not seen the text.", "may"),
    # a restrictive "who" clause on a plural of people names a class by what its members may do: no hedge
    ("Health officials will test those who might have been exposed.", None),
    ("The campaign spent August calling voters who might back the levy.", None),
    ("Anyone who could help the inquiry is asked to call the station.", None),
    ("The ministry is tracing travellers who may have sat near the patient.", None),
    # an indefinite "whoever ... may" names nobody and hedges nothing (hedges.toml [not_hedges])
    ("The police will find the vandals, whoever they may be.", None),
    # so does a quantifier's free relative: what was within reach, or any there is
    ("The crew did everything it could to save the ferry.", None),
    ("Doctors did all they could to stabilise the patient.", None),
    ("The engineers listed everything that might go wrong with the lock.", None),
    ("Anything could happen in the last week of the race.", "could"),
    ("Officials asked what could be done about the flooding.", None),
]


@pytest.mark.parametrize("text, words", RELATIVE_CLAUSES)
def test_a_hedge_in_a_relative_clause_is_the_writers(text, words):
    assert writer_hedge_words(text) == ([words] if words else [])


OPENING_MODALS = [
    # a modal that opens the sentence makes a wish; after its subject it hedges
    ("May their courage inspire a new generation of nurses.", None),
    ("Their courage may inspire a new generation of nurses.", "may"),
    ("“May the new bridge serve the town well,” the bishop said at the opening.", None),
]


@pytest.mark.parametrize("text, words", OPENING_MODALS)
def test_a_modal_that_opens_its_sentence_is_no_hedge(text, words):
    assert [h[0] for h in hedges_of(text)] == ([words] if words else [])


CAUSED_AND_PRESCRIBED = [
    # a causative says what was made to look so; a prescription names nobody who sees it so
    ("The filter makes faces appear to smile in every photograph.", None),
    ("The survey is small, so it should not be seen as the final word.", None),
    # the same words hedging a claim
    ("The faces appear to smile in every photograph.", "appear to"),
    ("The survey was widely seen as the final word.", "was widely seen as"),
]


@pytest.mark.parametrize("text, words", CAUSED_AND_PRESCRIBED)
def test_a_causative_or_a_prescription_is_no_hedge(text, words):
    assert [h[0] for h in hedges_of(text)] == ([words] if words else [])


def _news_texts() -> list[str]:
    folders = [SEEDS_DIR, SEEDS_DIR.parent / "polnear" / "dev" / "text"]
    return [path.read_text(encoding="utf-8") for folder in folders for path in sorted(folder.glob("*.txt"))]


def test_every_match_of_a_hedge_pattern_holds_one_of_its_needed_words():
    lexicon = read_toml("hedges.toml")
    entries = [e for group in lexicon["categories"].values() for e in group["patterns"]]
    entries += lexicon["not_hedges"]["patterns"]
    texts = [text.lower() for text in _news_texts()]
    matched = 0
    for entry in entries:
        pattern = re.compile(rf"(?<!\w)(?:{entry['pattern']})\b")
        needed = re.compile(rf"\b(?:{'|'.join(map(re.escape, entry['needs']))})\b")
        for text in texts:
            for match in pattern.finditer(text):
                matched += 1
                assert needed.search(text, match.start(), match.end()), (entry["pattern"], match.group())
    assert matched > 100


def test_each_claim_is_searched_with_a_lexicon_that_finds_what_the_whole_lexicon_finds():
    detector = HedgeCueModel.load()
    common_only = 0
    for text in _news_texts() + ["So-called experts were apparently quoted, “apparently” so.",
                                 "It is said the ferry may be late, the pilot said."]:
        document = Document.of(text)
        claims = segment(document).claims
        spans = [(claim.start, claim.end) for claim in claims]
        needed: dict[int, set[str]] = {}
        gated = detector.predict(text, spans, document.folded, cues._HEDGE_NEEDS, needed)
        assert gated == detector.predict(text, spans, document.folded)  # the detector's cues do not change
        for position, claim in enumerate(claims):
            def found(lexicon):
                return [(m.start(), m.end(), m.lastgroup) for m in lexicon.matches(document.folded, *spans[position])]
            lexicon = cues._lexicon_for(needed.get(position))
            assert (found(lexicon) if lexicon is not None else []) == found(cues._HEDGES), claim.text
            common_only += lexicon is cues._HEDGES_OF_COMMON_WORDS
    assert common_only > 100


@pytest.mark.parametrize(
    "text",
    ["If they fail to meet these rules, they could lose their insurance.",
     "IF THEY FAIL TO MEET THESE RULES, THEY COULD LOSE IT.",
     "\u0131f they fail to meet the rules, they could lose it.",  # dotless i, which "i" matches case-insensitively
     "\u0130F they fail to meet the rules, they could lose it.",
     "UNLE\u017fS they pay the fee, they might lose it.",  # long s
     "The specific rules differ, and they could lose it."],
)
def test_a_conditioned_modal_is_searched_for_only_where_a_condition_word_stands(text: str) -> None:
    """``conditioned_modals`` searches a claim only when its folded text holds a condition word: whatever spelling
    of one the pattern matches case-insensitively, the search finds what it finds without that test."""
    expected = [match.span("modal") for match in _CONDITIONED_MODAL.finditer(text)]
    assert conditioned_modals(text, fold(text), 0, len(text)) == expected
    assert expected or "specific" in text
