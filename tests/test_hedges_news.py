"""Hedge words that hedge nothing in news, and the same words where they do: tables of sentences written for these
tests in the style of news copy (round 6 of the writer-hedge error analysis, issue 13).

Each row: a one-claim article and the writer's hedge words expected (None: no writer hedge).
"""
import pytest

from service.pipeline import cues
from service.pipeline.document import Document
from service.pipeline.hedge_model import HedgeCueModel, features, tokenize
from tests.test_hedges import hedges_of, writer_hedge_words

TERMS_AND_AGENTS = [
    # a polling term, an instruction, a named accuser: nobody's doubt about the claim
    ("Just 16 percent of likely U.S. voters think the tariffs will help.", None),
    ("The poll of likely Republican primary voters puts the governor ahead.", None),
    ("When I was a cadet, I was told to salute every officer on the base.", None),
    ("The coach was accused of abuse by two former players.", None),
    # the same words hedging a claim
    ("The governor will likely win the primary in March.", "likely"),
    ("We were told that the ferry would not sail until Monday.", "We were told"),
    ("The coach is accused of abusing two former players.", "is accused of"),
]


@pytest.mark.parametrize("text, words", TERMS_AND_AGENTS)
def test_a_term_an_instruction_or_a_named_accuser_is_no_hedge(text, words):
    assert writer_hedge_words(text) == ([words] if words else [])


FIGURES_OF_SPEECH = [
    # the writer asserts the surprise, or corrects the reader: no doubt about the claim
    ("It might come as a surprise to learn that the port handles half the country's grain.", None),
    ("It may even be shocking to discover that the fund has been empty since March.", None),
    ("You might have thought the dispute over the dam was settled years ago.", None),
    ("You might be forgiven for thinking the dispute over the dam was settled.", None),
    ("Being that this is his own backyard, one might think the senator would fill the stadium with supporters.", None),
    ("With rates this low, one might expect buyers to flood the market.", None),
    # the same modals hedging a claim
    ("The new toll might surprise drivers who use the bridge every day.", "might"),
    ("You might find the museum closed on Mondays until the spring.", "might"),
    ("One might need to wait until March for the new toll to take effect.", "might"),
]


@pytest.mark.parametrize("text, words", FIGURES_OF_SPEECH)
def test_a_figure_of_speech_to_the_reader_is_no_hedge(text, words):
    assert writer_hedge_words(text) == ([words] if words else [])



def refused(text):
    """What the lexicon's "not" patterns take in ``text``: a hedge word there is dropped, the detector's too."""
    folded = Document.of(text).folded
    matches = cues._HEDGES.matches(folded, 0, len(folded))
    return [folded[m.start():m.end()] for m in matches if m.lastgroup == cues._SKIP]


SAYING_SUGGESTED = [
    # someone's act of saying, whether or not the attribution stage takes it: in the perfect, in a relative clause,
    # or with its agent; a modal straight after it is in what was suggested
    ("One analyst has suggested a link between the levy and the fall in investment.", ["suggested"]),
    ("Some of the mayor's rivals have suggested could hurt him in the suburbs.", ["suggested could"]),
    ("A researcher who suggested that the towers harm children was later dismissed.", ["suggested"]),
    ("If you expect teenagers to fix it, as was suggested by a recent survey, think again.", ["suggested by"]),
    # a document's finding: an attribution (guidelines: "the study shows"), not the writer's doubt
    ("The campaign wrote in a memo Friday that suggested the mayor would lose.", ["memo friday that suggested"]),
    ("Opinion polls suggest voters will punish the party in May.", ["polls suggest"]),
    # evidence that points somewhere, an agentless passive: the hedge stays
    ("It is one more piece of evidence that suggests the river is rising.", []),
    ("Orders fell for a third month in a row, a trend that suggests a slowdown is near.", []),
    ("The figures suggested a slowdown was near.", []),
    ("It has been suggested that the ferry left port without a permit.", []),
]


@pytest.mark.parametrize("text, words", SAYING_SUGGESTED)
def test_suggested_as_someones_saying_is_no_hedge(text, words):
    assert refused(text) == words


def speakers_of(text):
    return {h[0]: h[2] for h in hedges_of(text)}


INVERTED_TELLERS = [
    # a claim that closes with the verb and then its teller: what comes before is the teller's
    ("The bridge will probably reopen in May, says the mayor.", "probably", "source"),
    ("The levy will likely be scrapped before the election, writes Ms Okafor.", "likely", "source"),
    # no teller after the verb, or none at all: the writer's hedge
    ("The tower is probably the tallest in the region, said to be worth millions.", "probably", "writer"),
    ("The bridge will probably reopen in May, the latest schedule shows.", "probably", "source"),
    ("The bridge will probably reopen in May, weather permitting.", "probably", "writer"),
]


@pytest.mark.parametrize("text, words, speaker", INVERTED_TELLERS)
def test_a_hedge_before_a_closing_verb_and_its_teller_is_the_tellers(text, words, speaker):
    assert speakers_of(text)[words] == speaker


DESCRIBED_NOT_DOUBTED = [
    # the times described, a document's claim about itself, the evident, an idiom of time: no doubt about the claim
    ("Small ports struggle to plan in an uncertain world of shifting tariffs.", None),
    ("Savers moved into gold during uncertain times last spring.", None),
    ("The lawsuit cited a memo that purported to show the mayor's approval.", None),
    ("The damage to the harbour was plain and, after the second storm, painfully apparent.", None),
    ("It seems like only yesterday that the old bridge was opened to traffic.", None),
    # round 35: "unlikely" after a coordination or a possessive and another adjective names a surprising thing (real
    # sentences of the train and check folds), not after a verb of seeming
    ("On Wednesday, nearly four years after launching his first unlikely presidential campaign, Senator Bernie Sanders "
     "unveiled a new plan.", None),
    ("Still, Kasich had planned to continue his bid as the lone and unlikely alternative to Trump.", None),
    # the same words hedging a claim
    ("That looks unlikely after the vote.", "unlikely"),
    ("Whether the port will reopen this year is uncertain.", "uncertain"),
    ("The purported memo was never produced in court.", "purported"),
    ("The apparent cause of the fire was a faulty heater.", "apparent"),
    ("It seems the old bridge will be closed to traffic by June.", "It seems"),
    # "Maybe, maybe not": one doubt, counted once
    ("Maybe, maybe not.", "Maybe"),
]


@pytest.mark.parametrize("text, words", DESCRIBED_NOT_DOUBTED)
def test_what_describes_the_times_or_a_document_is_no_hedge(text, words):
    assert writer_hedge_words(text) == ([words] if words else [])


NO_TELLER_INSIDE = [
    # an agentless hedge whose expletive "it" or writer the attribution stage took for a source: still a hedge
    ("It’s estimated that a fifth of the wetland has been drained since 1990.", "It’s estimated"),
    ("Staff can park in the north lot and, I am also told, in the old depot.", "I am also told"),
    # a vague attribution around a source the attribution stage found: the source's, counted once
    ("The senator raised concerns that the levy would hurt farmers.", None),
]


@pytest.mark.parametrize("text, words", NO_TELLER_INSIDE)
def test_an_expletive_or_the_writer_taken_for_a_source_leaves_the_hedge(text, words):
    assert writer_hedge_words(text) == ([words] if words else [])


MISSING_WORDING = [
    # speculation and distancing the lexicon lacked: an adverb of evidence, a contracted modal perfect, an agentless
    # forecast, evidence that points somewhere, a report nobody is said to give
    ("The agency is evidently unable to count the damage from the floods.", "evidently"),
    ("The old levee might’ve held in a drier year.", "might’ve"),
    ("The shortfall is already projected to top $2 billion next year.", "is already projected to"),
    ("The minister widely expected to lead the talks fell ill on Monday.", "widely expected to"),
    ("The verdict hints that other courts could follow.", "hints that"),
    ("Troops detained two men reported to be smugglers near the border.", "reported to be"),
    ("The hearing took place amid an international uproar over reports last week that the NSA monitored the "
     "cellphone of German Chancellor Angela Merkel for a decade.", "reports"),
    ("This year's celebrations were dampened by reports of a possible attempt to attack the parade.", "reports"),
    # the same words where they hedge nothing of the writer's: a named forecaster, the perfect of reporting,
    # the modal perfect of ability left to the detector
    ("The shortfall was projected by the treasury to top $2 billion.", None),
    ("The station has reported to the regulator twice this year.", None),
    ("They could’ve filed the appeal in March.", None),
    ("The hearing took place amid an uproar over reports by The Guardian that the NSA monitored her phone.", None),
]


@pytest.mark.parametrize("text, words", MISSING_WORDING)
def test_wording_the_lexicon_lacked_is_a_hedge(text, words):
    assert writer_hedge_words(text) == ([words] if words else [])


AGENTLESS_NOTES = [
    # a view nobody is said to hold: a vague attribution
    ("It's commonly noted that the old lighthouse leans to the west.", "It's commonly noted"),
    ("Long waits have also been highlighted as a problem at the border crossing.", "been highlighted as"),
    # the same verbs with someone who notes or highlights
    ("The inspector noted that the old lighthouse leans to the west.", None),
    ("The report highlighted long waits as a problem at the border crossing.", None),
]


@pytest.mark.parametrize("text, words", AGENTLESS_NOTES)
def test_a_view_noted_or_highlighted_by_nobody_is_a_vague_attribution(text, words):
    assert writer_hedge_words(text) == ([words] if words else [])


HEARSAY_AND_PRAISE = [
    # hearsay without its teller and praise or a view held by nobody named, also after its noun: vague attributions
    ("We're told the night ferry will not sail until the storm passes.", "We're told"),
    ("The town has long been heralded as a haven for painters.", "been heralded as"),
    ("The council closed the library, a move seen as a blow to the mayor.", "seen as"),
    ("The island, regarded as the safest in the chain, reopened its port.", "regarded as"),
    # the same words where nobody's view is reported: the active perfect, a comparison, a gerund, an instruction
    ("The port has seen as much traffic this spring as in all of last year.", None),
    ("The mayor is wary of being seen as soft on crime.", None),
    ("We're told to leave our bags at the gate.", None),
]


@pytest.mark.parametrize("text, words", HEARSAY_AND_PRAISE)
def test_hearsay_and_praise_by_nobody_named_are_vague_attributions(text, words):
    assert writer_hedge_words(text) == ([words] if words else [])


WHAT_CAN_BE_DONE = [
    # feasibility: what can be done, not doubt that the claim is true
    ("It is possible to renew a passport online in ten minutes.", None),
    ("The agency wants safety rules that are possible to enforce.", None),
    ("The council will do everything possible to reopen the bridge by June.", None),
    ("The other is a committed Stop Trump movement that would mobilize every possible resource to block Trump.", None),
    ("Crews searched each possible route out of the flooded valley.", None),
    # the same word hedging a claim, also before a verb of saying
    ("It is possible that the levy did more harm than good.", "possible"),
    ("It is possible to argue that the levy did more harm than good.", "possible"),
]


@pytest.mark.parametrize("text, words", WHAT_CAN_BE_DONE)
def test_what_can_be_done_is_no_hedge(text, words):
    assert writer_hedge_words(text) == ([words] if words else [])


SOME_BELIEVE = [
    # a verb of thinking after "some", "many": those believers' clause, also where the detector joined the verb to
    # the modal it governs
    ("The mayor will not release the files, which some believe may hold the contracts.", "may", "source"),
    ("Many expect the council may delay the vote again.", "may", "source"),
    # the noun "thought" after a determiner, and the modal with nobody's belief around it: the writer's
    ("The thought of another flood may keep the valley's farmers awake.", "may", "writer"),
    ("The files may hold the contracts, which the mayor will not release.", "may", "writer"),
]


@pytest.mark.parametrize("text, words, speaker", SOME_BELIEVE)
def test_a_hedge_in_what_some_believe_is_theirs(text, words, speaker):
    assert speakers_of(text)[words] == speaker


MODAL_CLASSES = [
    # (sentence, the modal's subject and what follows it, as the detector's class features read them)
    ("Higher tariffs could push grocery prices up by the spring.", "word|verb"),
    ("It could take months to clear the debris from the harbour.", "impersonal|verb"),
    ("The plant could have been closed years ago.", "word|perfect"),
    ("Flood defences could well be tested this winter.", "word|be"),
    ("She could not sleep after the crash.", "person|negated"),
    ("They could barely see the road through the smoke.", "person|verb"),
    ("She saved for years so she could buy the farm.", "person+clause|verb"),
    ("Nobody knew if it could hold.", "impersonal+clause|verb"),
    ("The firm hired guards who could speak Arabic.", "who|verb"),
]


@pytest.mark.parametrize("text, classes", MODAL_CLASSES)
def test_a_modal_is_read_by_its_subject_and_the_verb_after_it(text, classes):
    tokens = tokenize(text)
    (i,) = [n for n, token in enumerate(tokens) if token[2] == "could"]
    assert f"m=could|{classes}" in features(text, tokens, i, {})


COULD_PAIRS = [
    # (possibility, ability or purpose): the detector trusts the first "could" more than the second
    ("A weaker currency could make imports more expensive.", "We could hear the sirens from the station."),
    ("The merger could leave shoppers with fewer choices.", "I could not believe how quickly the water rose."),
    ("It could take months to clear the harbour.", "She saved for years so she could buy the farm."),
    ("The new levy could cost households hundreds of dollars.", "As a child he could swim across the lake."),
]


@pytest.mark.parametrize("possible, able", COULD_PAIRS)
def test_could_of_possibility_weighs_more_than_could_of_ability(possible, able):
    model = HedgeCueModel.load()

    def could(text):
        (probability,) = [t.probability for t in model.token_probabilities(text)[0] if text[t.start:t.end] == "could"]
        return probability

    assert could(possible) > could(able) + 0.1


NO_CLAIM_DOUBTED = [
    # round 10 (issue 13, articles no rule saw): a question's modal, a free relative, a comparison of manner or
    # degree, need, a kind of thing counted, the evident, a document's finding: nobody's doubt about the claim
    ("The question of who may replace the judge will dominate the session.", None),
    ("The fees will eat up whatever savings the new rules may bring.", None),
    ("The sign is drawn in capital letters, as one might do on a poster.", None),
    ("The mayor spoke less about crime than a typical candidate might have.", None),
    ("The council's website could use some updating.", None),
    ("Two possible sites for the new stadium were rejected on Monday.", None),
    ("The flaw is certainly apparent to every engineer who reads the report.", None),
    ("This was not the only finding that suggests the river is rising.", None),
    # the same words hedging a claim: a relative clause, a clause of its own, a number, a possibility, a verdict
    ("Two judges, who may replace him, were named on Monday.", "may"),
    ("Whatever happens next, prices may rise again in the spring.", "may"),
    ("The mayor spoke about crime, and a typical candidate might have done the same.", "might"),
    ("More than 200 others may have been exposed to the virus.", "may"),
    ("Hackers may use the stolen data to open new accounts.", "may"),
    ("It is possible that two sites were rejected on Monday.", "possible"),
    ("The flaw is apparently known to every engineer.", "apparently"),
]


@pytest.mark.parametrize("text, words", NO_CLAIM_DOUBTED)
def test_a_modal_or_adjective_that_doubts_no_claim_is_no_hedge(text, words):
    assert writer_hedge_words(text) == ([words] if words else [])


QUANTIFIED_HEADS = [
    # round 35: a modal in a relative clause on a noun that "all the", "any" or "every" ranges over says what any
    # there is may do, not that the claim may be so; "more likely than not" compares nothing, it rates the claim
    ("Authorities are monitoring social media for any information that might help resolve the standoff.", None),
    ("Of all the arguments that could be made against the bill, the senator settled on its cost.", None),
    ("Every student who may be affected will get a letter from the district.", None),
    ("Black voters were three times more likely than white voters to wait an hour.", None),
    # the same words hedging a claim
    ("Any of these steps could backfire.", "could"),
    ("Furthermore, the first-time candidate is more likely than not to lose the general election.", "likely"),
]


@pytest.mark.parametrize("text, words", QUANTIFIED_HEADS)
def test_a_modal_ranging_over_any_there_is_is_no_hedge(text, words):
    assert writer_hedge_words(text) == ([words] if words else [])


CONTENT_CLOSED_OR_OPENED = [
    # the content of someone whose teller closes the claim after a quotation, in the plural present; whose
    # "according to" closes it with no source found; or whose view an adjunct gives: theirs
    ("It seems the levy is “not a tax on farmers,” the authors argue.", "It seems", "source"),
    ("The rumour may have started in a radio interview, according to reporting from the local paper.", "may", "source"),
    ("In their view, the council may lose the vote.", "may", "source"),
    ("Staff are trying to help, which, in their eyes, may require working unpaid.", "may", "source"),
    # no teller after the quotation, a relative clause instead of a cue, the writer's view, a view whose clause has
    # ended: the writer's
    ("It seems the levy is “not a tax on farmers” at all.", "It seems", "writer"),
    ("The rumour may have started in a radio interview with the mayor, who later denied it.", "may", "writer"),
    ("In my view, the council may lose the vote.", "may", "writer"),
    ("In their view the plan is sound, but the council may lose the vote.", "may", "writer"),
]


@pytest.mark.parametrize("text, words, speaker", CONTENT_CLOSED_OR_OPENED)
def test_a_hedge_in_content_its_teller_closes_or_a_view_opens_is_theirs(text, words, speaker):
    assert speakers_of(text)[words] == speaker


SAID_BY_SOMEONE = [
    # a verb of saying or thinking with a person for subject, which the attribution stage did not take: that person's
    # saying, not the writer's doubt (a pronoun, "some", a name after a subordinator)
    ("For example, he listed accomplishments in office, accomplishments he suggests his opponents don't want you to "
     "know.", []),
    ("The loss in Iowa won't necessarily derail the governor's campaign, as some have speculated.", []),
    ("After Walsh suggested that the mayor had simply misspoken about the budget, the mayor contradicted him.", []),
    # a name in "-ly" is no adverb to pass over
    ("The vote was delayed after Kelly suggested that the bill needed more work.", []),
    # a noun that names a person for subject
    ("Turnout fell after the state's Republican governor suggested he would not back the bill.", []),
    ("The talks stalled after the company's chief executive suggested that the plant could close.", []),
    # a thing for subject, a name inside a phrase after a preposition, or "It" opening its clause: the writer's
    # inference stays a hedge
    ("But Mueller's latest move suggests the inquiry will continue for a very long time.", ["suggests"]),
    ("A close look at Mr. Trump's two airplanes and three helicopters, however, suggests that their value rests "
     "chiefly in their marketing potential.", ["suggests"]),
    ("The loss of a seat held by the party of the Governor of Virginia suggests the swing has begun.", ["suggests"]),
    ("The governor's veto suggests the party has split.", ["suggests"]),
    ("The selection of Ms. Collins was revealing: It suggested that Mr. McConnell was keenly focused on giving her "
     "every opportunity.", ["suggested"]),
]


@pytest.mark.parametrize("text, words", SAID_BY_SOMEONE)
def test_a_verb_of_saying_with_a_person_for_subject_is_no_hedge(text, words):
    assert writer_hedge_words(text) == words


COMMENTS_ON_WHAT_WAS_SAID = [
    # a relative clause opened after a comma or a dash by "which" or "where", past the cue and its source and closing
    # the claim: the writer's comment on what was said
    ("On Wednesday, Pompeo declared that Hong Kong was “no longer autonomous from China,” which could open the door for "
     "revoking the island’s special trade status.", "could", "writer"),
    ("Trump said Obama was the founder of ISIS on Wednesday, and he repeated the charge on a radio show Thursday — "
     "where he seemed to differ with Pence’s reading of his remarks.", "seemed to", "writer"),
    ("Rutgers confirmed that Clinton is to be paid a sum of $25,000, which she reportedly intends to donate to "
     "charity.", "reportedly", "writer"),
    # so is an appositive noun phrase there that sums up what was said (real sentences of the train folds)
    ("Victims of domestic violence and unaccompanied minors who came to the U.S. from Central America would be "
     "considered a distinct group for purposes of asylum, Sanders said, a policy that could make it easier for them "
     "to remain in the U.S.", "could", "writer"),
    ("President Donald Trump vowed on Thursday to declare a national emergency in an attempt to fund his U.S.-Mexico "
     "border wall without congressional approval, a step likely to plunge him into a battle with Congress over "
     "constitutional powers.", "likely", "writer"),
    # one that a comma closes describes a noun of the content, whose sentence goes on: the source's
    ("Democrats hope the seat, which was considered safely in the GOP’s hands, could now be in play.", "was considered",
     "source"),
    ("Police said the fire, which may have started in the kitchen, spread to two houses.", "may", "source"),
    ("Police said the fire, a blaze that may have started in the kitchen, spread to two houses.", "may", "source"),
    # round 35: a participial clause the hedge opens straight after the cue and its source reads the act of saying
    # (the first a real sentence of the check fold); after the content it goes on with what was said
    ("“It reminds me of Pete Wilson in California on Proposition 226,” Henry said, likely referring to Trump's first "
     "TV ad.", "likely", "writer"),
    ("The plan is dead, the senator said, apparently referring to the tax bill.", "apparently", "writer"),
    ("The mayor said the bridge would reopen, possibly delaying the vote.", "possibly", "source"),
    # the participle first, the hedge further in its clause (real sentences of the train and check folds); not a
    # participle of saying, nor a gerund that opens the content after a cue that opens the claim
    ("“I don’t remember all the details,” she added, echoing details of the alleged assault that came to light in "
     "Reade’s interviews last week.", "alleged", "writer"),
    ("\"He’ll appoint an attorney general who will send very clear messages,\" Christie added, referencing a job he's "
     "widely believed to want.", "widely believed", "writer"),
    ("“The wall will be built,” Trump said, adding that Mexico may pay for it.", "may", "source"),
    ("As Jonathan Chait points out, replacing the shutdown threat with a default threat is actually much crazier and "
     "more potentially disastrous.", "potentially", "source"),
    ("Though that transition was relatively seamless, he said, replacing Clinton would be much more acrimonious and "
     "could lead to intense lobbying by loyalists.", "could", "source"),
]


@pytest.mark.parametrize("text, words, speaker", COMMENTS_ON_WHAT_WAS_SAID)
def test_a_relative_clause_that_comments_on_what_was_said_is_the_writers(text, words, speaker):
    assert speakers_of(text)[words] == speaker
