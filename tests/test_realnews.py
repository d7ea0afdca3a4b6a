"""Attribution on real-news sentences, one table per error class of issue 11, in both directions.

Each sentence is written for these tests in the style of news copy (none is copied from the labelled
articles). "Refused" rows are sentences docs/guidelines.md says are not attributed (actions and decisions,
a verb of saying with no content, a person who is only the topic); "found" rows must keep their cue, and
the typing rows check the source type the guidelines give.
"""
from __future__ import annotations

import pytest

from service import score_article
from service.pipeline.attribution.decide import governs_no_content
from service.pipeline.attribution.words import verb_classes
from service.pipeline.governed import governs_nothing
from service.pipeline.gate import AttributionGate, attribution_kind, gate_features, shape_refusal
from service.pipeline.attribution import attribute
from service.pipeline.claims import segment
from service.pipeline.document import Document
from service.pipeline import appositions
from service.pipeline.engine import Engine
from service.pipeline.model import AttributionModel

MODEL = AttributionModel.load()
ENGINE = Engine.load()


def refusals(text: str) -> list[tuple[str | None, str | None]]:
    """For each claim of ``text`` with a cue of its own, why ``governs_no_content`` refuses it and why the gate's
    shape test (``shape_refusal``) does (None: it does not)."""
    document = Document.of(text)
    claims = segment(document).claims
    predictions = MODEL.predict(text, claims)
    return [
        (governs_no_content(document.quotations, claim, attribution), shape_refusal(text, claim, attribution))
        for claim, attribution in zip(claims, attribute(document, claims, predictions))
        if attribution is not None and attribution.cue is not None and not attribution.inherited
    ]


def reasons_refused(text: str) -> list[str | None]:
    """The first reason each cue of ``text`` is refused: ``governs_no_content``'s, else the shape test's."""
    return [reason or shape for reason, shape in refusals(text)]


def last_cue_features(text: str, cue: str) -> set[str]:
    """The gate's features of the last claim's attribution, whose cue must be ``cue``."""
    document = Document.of(text)
    claims = segment(document).claims
    predictions = MODEL.predict(text, claims)
    attribution = attribute(document, claims, predictions)[-1]
    assert attribution is not None and attribution.cue is not None and attribution.cue.text == cue, attribution
    return set(gate_features(document.quotations, claims[-1], predictions[-1], attribution))


def assert_refused_and_twin_kept(refused: str, reason: str, kept: str) -> None:
    """``refused``'s one cue is refused for ``reason`` and leaves its claim unattributed; ``kept``, its twin with
    content, keeps its cue and its attribution."""
    assert reasons_refused(refused) == [reason]
    assert reasons_refused(kept) == [None]
    assert only_claim(refused)["attribution"] is None, refused
    assert only_claim(kept)["attribution"] is not None, kept


def only_claim(text: str) -> dict:
    """The claim covering the last sentence of ``text`` (earlier sentences are context)."""
    claims = score_article(text)["claims"]
    assert claims, f"no claim in {text!r}"
    return claims[-1]


# PolNeAR marks these as cues; the gate's threshold keeps PolNeAR dev from falling further (training/gate.py),
# so some still pass: known gaps, kept as strict expected failures so a fix shows.
ACTIONS = [
    "The city council voted 7-2 on Tuesday to close the Elm Street library branch.",
    "A federal judge ordered the company to pay $2 million in back wages.",  # refused by shape (a decision)
    "Lawmakers agreed to extend the filing deadline by a month.",  # refused by shape (governed.governs_nothing)
    "The school board decided to postpone the vote until after the holidays.",
    "Parents pushed the district to add a crossing guard at the busy intersection.",  # refused since the verb classes
    "The governor signed the bill into law on Friday afternoon.",
    "The state reported 40 new cases on Friday.",  # a reporting verb with a number for object: refused at threshold 0.18
]

NO_CONTENT = [
    "A spokeswoman for the hospital did not respond to a request for comment.",
    "The company declined to comment on the lawsuit.",
    "Representatives for the singer did not immediately return messages on Sunday.",
    "The mayor's office did not immediately reply to several requests for comment.",
    "A lawyer for the landlord declined to comment.",
]

TOPIC_ONLY = [
    "The governor is seeking a deal with the teachers' union before the strike vote.",
    "The mayor has spent months courting developers for the waterfront site.",
]


# A saying that is an aside in the writer's sentence, the writer's own voice, or one only possible or to come.
ASIDES = [
    "The council, which announced the closure in March, has since reopened two of the branches.",  # the aside test
    "It should be noted that the bridge was inspected last year.",
    "I argue in my new book that the suburbs will decide the next election.",
    "We know that the bridge was built to last fifty years, and it is now sixty.",
    "The senator will announce on Monday whether she will run again.",
    "The union might say that the contract protects its members.",  # a saying only supposed (a modal before it)
]


@pytest.mark.parametrize("sentence", ACTIONS + NO_CONTENT + TOPIC_ONLY + ASIDES)
def test_refused_sentences_get_no_attribution(sentence):
    claim = only_claim(sentence)
    assert claim["attribution"] is None, claim["attribution"]


# Cues that govern no content by their shape, refused before the gate (attribution/decide.py, governs_no_content),
# each beside a sentence of the same words that does report something; SHAPES below, the gate's own shape test.
GOVERNS_NOTHING = [
    # (refused sentence, reason, a sentence that keeps its cue)
    ("The senator declined an invitation to testify before the panel.", "refusal",
     "The senator said she would testify before the panel."),
    # a claim's own "citing" gives a reason for an action, not a saying
    ("The county withdrew from the regional compact last year, citing the cost of the new bus lines.", "reason_given",
     "The county withdrew from the regional compact last year, saying the new bus lines cost too much."),
    # ... but "citing X as Y" names X in answer: a saying
    ("The mayor left the panel early, citing a long-planned trip abroad.", "reason_given",
     "Asked for a favourite book, the mayor answered at once, citing “Middlemarch” as the novel he rereads most."),
    ("The transit board is expected to vote on the fare increase next week.", "forecast_without_source",
     "Analysts expect the transit board to raise fares next week."),
    ("The mayor called on the state to send more snowplows.", "phrasal_action",
     "The mayor said the state should send more snowplows."),
    # a question's clause after the particle is what the teller speaks about: content
    ("Groberg spoke about the expectations of Bernie Sanders supporters.", "phrasal_action",
     "Groberg spoke about what he perceives as the unrealistic expectations of Bernie Sanders supporters."),
    ("Democratic lawmakers spoke about the bill at a town hall.", "phrasal_action",
     "They spoke about how they believed future generations would frown on this bill."),
    ("It is only fair to say that the old bridge served the town well.", "infinitive",
     "The mayor went on to say that the old bridge served the town well."),
    ("Residents were trying to argue that the old bridge served the town well.", "infinitive",
     "Two engineers came forward to argue that the old bridge served the town well."),
    ("It is only fair to point out that the engineers had warned the council.", "infinitive",
     "The engineers were quick to point out that they had warned the council."),
    ("The coach's claims that the referee was biased drew a fine from the league.", "noun",
     "The coach claimed that the referee was biased."),
    ("The council met the strikers’ demand that the depot be reopened on Monday.", "noun",
     "The strikers demanded that the depot be reopened on Monday."),
    # a relative "that" with a plural verb after the cue word makes it a plural noun
    ("Bush also won narrower victories in coastal states that have moved firmly into the Democratic column.", "noun",
     "The governor states that the coastal towns have moved firmly into the Democratic column."),
    # an apostrophe and "s" inside a name is no possessive: "D’Souza told" keeps its cue
    ("The councillor's warning that the depot would close went unheard.", "noun",
     "Councillor D’Souza warned that the depot would close."),
    ("I believe that the county will need a second high school within ten years.", "writer_voice",
     "The superintendent believes that the county will need a second high school."),
    # a related-link headline run into the sentence after a glued name ("RoeSenators"), ended by "MORE", is page text
    ("Former aide Jane Roe Jane Mary RoeSenators clash over budget as deadline nears Governor says the plan will work "
     "MORE said on Friday that the plan would fail.", "related_link",
     "Former aide Jane Roe said on Friday that the plan would fail."),
    ("The vote was led by Senator Tom McCabe Thomas Lee McCabeGovernor warns the plan will fail MORE on Tuesday.",
     "related_link", "Senator Tom McCabe says the plan will work, and MORE of the budget should go to roads."),
    # a capitalised cue word beside another capitalised word is a word of a name
    ("SPRINGFIELD (AP) — Hope Alvarez, the county's longest-serving clerk, is retiring after 30 years.", "name_part",
     "SPRINGFIELD (AP) — County officials hope the new clerk will start in March."),
    ("Most landlords would say that the new inspection fee is a tax on tenants.", "supposed_saying",
     "Most landlords say that the new inspection fee is a tax on tenants."),
    ("The developers will probably argue that the tower fits the skyline.", "supposed_saying",
     "The developers argued that the tower fits the skyline."),
    ("Any engineer would have told you that the culvert was too small.", "supposed_saying",
     "The county engineer told the board that the culvert was too small."),
    # a capitalised modal after a capitalised word is a name's last word, not a modal
    ("Some owners may say that the new inspection fee is a tax on tenants.", "supposed_saying",
     "Former prime minister Theresa May said that the new inspection fee is a tax on tenants."),
    # people show by their deeds; a poll or a record shows its finding
    ("With each episode, the Republicans show how ill-equipped they are to lead our nation.", "shown_by_deed",
     "Public polls show Trump leading slightly in Indiana."),
    ("But Republicans have shown that there is a space between total destruction of the political process and "
     "old-fashioned congressional combat where Democrats have an opportunity to slow down the rapid fire activity of "
     "the White House.", "shown_by_deed",
     "Polls there show Trump is trailing Ted Cruz just ahead of Tuesday's vote."),
]


# Cues that are no saying by their shape, refused by the gate whatever it scores (governed.governs_nothing), each
# beside a sentence of the same kind that reports something.
SHAPES = [
    # (refused sentence, reason, a sentence that keeps its cue)
    ("The city rolled out a plan to fix the roads.", "particle", "The city announced a plan to fix the roads."),
    ("Both unions agreed to extend the contract by a year.", "agreeing",
     "Both unions said they would extend the contract by a year."),
    ("No injuries were reported after the fire at the warehouse.", "agentless_passive",
     "The fire department reported that no one was injured at the warehouse."),
    ("We were told that the road would reopen on Friday.", "agentless_passive",
     "We were told by the highway agency that the road would reopen on Friday."),
    ("It was reported that the road would reopen on Friday.", "agentless_passive",
     "The highway agency reported that the road would reopen on Friday."),
    ("We’re told that the bridge will reopen in the spring.", "agentless_passive",
     "We were told by the highway agency that the bridge will reopen in the spring."),
    ("I am told the bridge will reopen in the spring.", "agentless_passive",
     "The inspector told me the bridge will reopen in the spring."),
    # a participle of naming gives a thing its name, no content; a finite naming verb names its object first
    ("Protesters filled a square dubbed “Freedom Plaza” by the organisers.", "naming",
     "The union dubbed the offer “an insult” and walked out of the talks."),
    ("Called the Harbor Line, the ferry service will carry 4,000 riders a day.", "naming",
     "The mayor called the ferry service “a lifeline for the islands.”"),
    ("The reservoir, also known as Lake Bell, supplies half of the city’s water.", "naming",
     "The inspector, who is known to the family, said the reservoir supplies half of the city’s water."),
    # a cue in an adjunct clause of a main clause with its own verb is an aside; the main clause's cue is kept
    ("Although the mayor said the bridge was safe, engineers closed it to traffic on Monday.", "adjunct_clause",
     "Although engineers closed the bridge to traffic on Monday, the mayor said it was safe."),
    ("The utility raised rates in March, though its chief executive said the increase would be temporary.",
     "adjunct_clause",
     "Though the utility raised rates in March, its chief executive said the increase would be temporary."),
    ("The council delayed the vote after the mayor complained that the plan was rushed.", "adjunct_clause",
     "After the council delayed the vote, the mayor complained that the plan was rushed."),
    # a cue word right after a preposition is a noun, a topic; a gerund there is a verb
    ("The hearing opened amid an uproar over reports that the agency had spied on reporters.", "noun",
     "The agency reported that it had spied on reporters."),
    ("Despite complaints that the bus route is too slow, the council kept it for another year.", "noun",
     "Riders complained that the bus route is too slow."),
    # a verb of finding or showing with a reflexive, a verdict or a particle after it finds or shows nothing
    ("The newspaper has again found itself in a dispute over its coverage of the strike.", "nothing_found",
     "The newspaper found that the strike had cost the port two million dollars."),
    ("Two of the defendants were found guilty of fraud on Friday.", "nothing_found",
     "The jury found that the defendants had committed fraud."),
    # defending an object is an action; the saying that goes with it keeps its cue
    ("The mayor defended the move at a news conference on Tuesday.", "acting",
     "The mayor defended the move, saying the bridge was unsafe."),
    # a writer's idiom made of a verb of saying says nothing: "all told" (in all), "say," (for example)
    ("All told, the county spent $4 million on the new bridge.", "writer_idiom",
     "Officials told reporters that the county spent $4 million on the new bridge."),
    ("A few neighbourhoods — say, the east side or the harbour — would lose their bus routes.", "writer_idiom",
     "A few residents say the east side and the harbour would lose their bus routes."),
    # a gerund right after an adjunct subordinator is an aside when the main clause has its own verb
    ("The jurors deliberated for two days before announcing that they had reached a verdict.", "adjunct_clause",
     "After two days of deliberation, the jurors announced that they had reached a verdict."),
    # a saying in a relative clause whose pronoun is the subject of the verb after the cue is an aside
    ("The council rejected the plan, which the developer said was affordable.", "relative_aside",
     "The developer said the plan was affordable."),
    ("The council has a new plan, which the developer said last month it would fund alone.", "relative_aside",
     "The developer said last month it would fund the plan alone."),
    # a participle opening an aside after the subject, closed before the main verb, is a reduced relative
    ("The levy, announced on Monday, would double the tax on empty homes.", "subject_aside",
     "The council announced on Monday that the levy would double the tax on empty homes."),
    # a saying recalled in a relative clause after the writer's main clause is background; said now, it is content
    ("The vote marked a reversal for the senator, who previously said she would oppose the bill.",
     "background_relative", "The senator said on Monday that she would oppose the bill."),
    # a yes-no question or a request asserts none of its content; a saying does
    ("The judge asked the witness whether she had seen the car that night.", "asking",
     "The witness told the judge that she had seen the car that night."),
    # a verb of refusing with a request in its object refuses; with a charge it says no
    ("A federal judge on Tuesday denied the state's request to move the trial to another county.", "refusing",
     "The governor on Tuesday denied the charge that the state had moved the trial to another county."),
    # a saying in a relative clause that defines a thing picks the thing out; the thing's own saying is content
    ("Voters in November approved a ballot measure that says the county may not raise the school levy.",
     "defining_relative", "The ballot measure approved in November says the county may not raise the school levy."),
    # a verb of seeming with a "to"-infinitive is a hedge; with a that-clause it is left to the gate
    ("Even as he won the state, the senator seemed to overstay his welcome with the voters.", "seeming",
     "Even as he won the state, the senator said he had overstayed his welcome with the voters."),
    # a negated saying says nothing; its twin says it
    ("The sheriff did not say why the suspect had fled the county.", "negated",
     "The sheriff said the suspect had fled the county."),
    # a time clause opening the claim, before the main clause, is its background; a writer's credit "as" keeps its cue,
    # and so does a "when" after the main clause
    ("When Francis said Mr. Trump ''is not Christian'' in answering a reporter's question on his return flight from "
     "Mexico, the Latin American pope not only served up red meat for global headline writers, but again "
     "demonstrated his knack for sticking his nose into putatively secular affairs.", "adjunct_clause",
     "As The Hill reported, Donald Trump was also accused of breaking debate rules."),
    ("But when Clinton said she would debate on the day Sanders had proposed, he looked like the dog that caught the "
     "car.", "adjunct_clause",
     "Obama also made the “no complete strategy” comment last August, when he said the administration had to consult "
     "with Congress and foreign partners who would be called on to join an anti-IS coalition before formulating a "
     "plan to “degrade and ultimately destroy” IS."),
]


@pytest.mark.parametrize("refused, reason, kept", GOVERNS_NOTHING + SHAPES)
def test_a_cue_that_governs_nothing_is_refused_and_its_twin_kept(refused, reason, kept):
    assert_refused_and_twin_kept(refused, reason, kept)


# The shape test on the words alone, for the shapes the cue model rarely proposes in a sentence of its own:
# (words before the cue, the cue, words after it, reason or None).
SHAPE_WORDS = [
    ("pompeo", "did", "not meet kim on his visit .", "auxiliary"),
    ("and the fcc", "hasn't", "said that it has found any violations .", "auxiliary"),
    ("the unspoken mission", "statement", "of the nra is to sell guns .", "no_verb"),
    ("he has made warming prevention ,", "opposition to", "the oil industry , his cause .", "no_verb"),
    ("the bureau's", "announcement", "friday that it had opened a review", None),
    ("freeman martin", ":", "“ one thing everybody wants to know", None),
    ("the mayor", "said", "the pool would reopen .", None),
    ("", "according to", "police , the road is closed .", None),
    ("the council", "agreed to", "a new budget .", None),
    ("the shooting was first", "reported", "by local television .", None),
    ("after the hosts", "pointed out", "that the mayor had lied , the senator still endorsed him .", "adjunct_clause"),
    ("the deal collapsed a week after the ministry", "announced", "that it would cut the subsidy .", "adjunct_clause"),
    ("this , after the mayor", "insisted", "that the plan was sound .", None),  # no main verb but the cue's
    ("the board has been fighting the mayor since she", "announced", "her run for governor .", "adjunct_clause"),
    ("the levy will not pass until the council", "agrees", "that the schools need it .", "adjunct_clause"),
    ("a review of the filings since 2019", "shows", "that the firm rarely traded .", None),  # "since" a date
    # a claim that opens with "as" and a cue with content of its own: the clause tells when
    ("as president obama", "announces", "that he is ready for the fight against legal guns , he is set to release "
     "a series of executive orders .", "adjunct_clause"),
    ("as the white house", "hints at", "what some of his plans might include , texas governor greg abbott is not "
     "having any of it .", "adjunct_clause"),
    ("as axios", "reported", ", the u . s . is the most expensive nation in which to give birth .", None),
    ("as bp chief economist spencer dale", "explains", "in an analysis that accompanies the report , this is "
     "evidence that the shift is under way .", None),
    ("country after country", "flouts", "the treaty , and the council has done nothing .", None),
    # a dash typed as hyphens closes the adjunct clause before it as "—" does
    ("in may 2013 - four months after the mayor left office - the city", "told", "the paper that no records existed .", None),
    ("the aides expressed relief after the vote --", "saying", "that the plan would pass .", None),
    ("in may 2013 — four months after the mayor left office — the city", "told", "the paper that no records existed .", None),
    ("“ they would resign if this went on , ”", "said", "the coach .", None),
    ("as the mayor", "said", ", the bridge is safe .", None),
    ("the bill now rests with the house , where republicans", "say", "they will take up their own version .", None),
    # a negated saying says nothing (past an adverb too); a negated belief is a belief; "not only" negates nothing
    ("the agency has not", "said", "whether the plant will close .", "negated"),
    ("the mayor did not immediately", "explain", "how the fund would be spent .", "negated"),
    ("the company isn’t", "disputing", "the audit results .", "negated"),
    ("the figures don't necessarily", "tell", "where the mayor stands on the levy .", "negated"),
    ("it isn't that the council no longer", "says", "it wants a new stadium .", "negated"),
    ("no one", "said", "the plan would fail .", None),
    ("the governor never", "mentioned", "that the bridge had failed an inspection .", "negated"),
    ("most economists don’t", "think", "that the rate cut will help .", None),
    ("several senators don't", "see", "that happening this year .", None),
    ("the mayor not only", "said", "that the plan would fail , she voted against it .", None),
    ("not", "according to", "the new survey of voters .", None),
    ("the mayor defended the budget by", "saying", "that the reserves were untouched .", None),
    ("a bias toward", "stories", "that confirm what they believe .", "noun"),
    ("the mayor", "showed", "up at the hearing an hour late .", "nothing_found"),
    ("if", "found", "not guilty , he would be sent to a hospital .", "nothing_found"),
    ("the agency", "has shown", "itself unable to keep up .", "nothing_found"),
    ("the poll", "showed", "no change in support for the levy .", None),
    ("the audit", "found", "the fund short by $2 million .", None),
    ("(", "say", ", the council might still change its mind . )", "writer_idiom"),
    ("it is worth", "noting", "that the mayor spoke first .", "writer_idiom"),
    ("the claim hardly holds water ; it's like", "arguing", "that night is day .", "writer_idiom"),
    ("the mayor", "noted", "that it is worth the cost .", None),
    ("“ we will win , ” they", "say", ", adding that the polls are wrong .", None),
    ("but i would", "say", ", the plan is sound .", None),
    # a poll's share as the teller gives the poll's finding; a pollster or a count of people says it
    ("with 62 %", "saying", "they would back the levy .", "poll_share"),
    ("only 40 percent of renters", "believe", "that the rents will fall .", "poll_share"),
    ("a similar share of the other side", "says", "the plan is fair .", "poll_share"),
    ("58 percent of the 18- to 29-year-olds polled", "say", "they will vote .", "poll_share"),
    ("an almost equal number ( 41 percent )", "say", "the levy is too high .", "poll_share"),
    ("more than three-quarters of those surveyed", "described", "the economy as weak .", "poll_share"),
    ("two in three", "said", "they are less likely to vote republican in november .", "poll_share"),
    ("meanwhile , just one voter in five", "thinks", "obamacare will increase the quality of their health care .",
     "poll_share"),
    ("the top three most important issues facing the latino community , respondents", "said",
     ", are immigration policy , the economy and health care .", "poll_share"),
    ("one of the two officials in the room", "said", "the talks had failed .", None),
    ("a number of analysts", "say", "that the rents will fall .", None),
    ("the poll found 40 percent support , the pollster", "said", "on monday .", None),
    ("in 2010 she", "said", "of the levy : “ it is too high . ”", None),  # a year opening the claim is no "two in three"
    # a title's point ends no clause: the adjunct clause reads back past "Mrs." to the main clause's verb
    ("he attacked mr . clinton's personal life after mrs . clinton", "accused", "him of sexism .", "adjunct_clause"),
    ("after mrs . clinton", "accused", "him of sexism , he attacked mr . clinton's personal life .", "adjunct_clause"),
    ("this , after mrs . clinton", "accused", "him of sexism .", None),
    # a relative clause with no pronoun: a noun, a pronoun teller and the cue with a gap after it
    ("the council debated the memos she", "wrote", "while serving as city attorney .", "contact_relative"),
    ("a choice he", "explained", "on his campaign page .", "contact_relative"),
    ("the losses they", "say", "would sink the pension fund .", "contact_relative"),
    ("in the interview she", "said", "the budget would close two libraries .", None),
    ("in the interview she", "said", "on friday that the budget would close two libraries .", None),
    ("the memos she", "wrote", ": “ the fund is short . ”", None),
    ("the mayor", "defended", "the move at a news conference .", "acting"),
    ("fans", "defended", "the company on the grounds that its prices were fair .", None),
    ("the mayor", "defended", "the plan as “ the only way out . ”", None),
    # a participle of naming that opens the claim or has the name right after it names a thing
    ("the county opened a shelter", "named", "after a local firefighter .", "naming"),
    ("the campaign released a memo", "titled", "“ the path to 270 ” .", "naming"),
    ("the paper ran a column", "headlined", "“ why the levy matters ” on monday .", "naming"),
    ("a north korean defector sometimes", "referred to", "as “ enemy zero ” .", "naming"),
    ("", "called", "the harbor line , the ferry will carry 4,000 riders .", "naming"),
    ("the mayor", "called", "the budget “ a betrayal ” .", None),
    ("the judge", "referred to", "the earlier ruling as “ settled law . ”", None),
    # ... or that follows the object of the claim's verb names that object
    ("the station aired a weekly segment", "called", "mayor watch on sunday nights .", "naming"),
    ("the study relied on data from a little-known “ institute ”", "called", "civic metrics .", "naming"),
    ("the man who sued the city", "called", "the ruling a victory .", None),
    ("the union said the city", "called", "the offer final .", None),
    ("the head of the agency", "called", "the plan a mistake .", None),
]


def test_a_gerund_aside_gives_way_to_the_main_clauses_cue():
    text = "After announcing his retirement from the council, the mayor said the budget was in good shape."
    assert reasons_refused(text)[0] == "adjunct_clause"
    assert only_claim(text)["attribution"]["cue"]["text"] == "said"


@pytest.mark.parametrize("before, cue, after, reason", SHAPE_WORDS)
def test_the_shape_test_reads_auxiliaries_nouns_and_labels(before, cue, after, reason):
    assert governs_nothing(cue.split(), before.split(), after.split()) == reason


# Whether a cue stands inside a quotation is the Document's quotation model's reading, for the writer-voice
# refusal and the gate alike: a claim may open inside a quotation begun in the sentence before, and a cue after
# the mark that closes it stands outside, though the claim holds one mark (counting marks read it as inside).
INSIDE_QUOTATION = [
    # (text, the last claim's cue, whether it stands inside a quotation, why governs_no_content refuses it)
    ("The plan is costly. I believe that the council should reject it.", "believe", False, "writer_voice"),
    ("I believe that the council will approve the budget before the recess.", "believe", False, "writer_voice"),
    ("“The plan is costly. I believe that the council should reject it,” the treasurer told the board.",
     "told", False, None),
]


@pytest.mark.parametrize("text, cue, inside, reason", INSIDE_QUOTATION)
def test_a_cue_inside_a_quotation_is_read_by_the_quotation_model(text, cue, inside, reason):
    document = Document.of(text)
    claims = segment(document).claims
    predictions = MODEL.predict(text, claims)
    attribution = attribute(document, claims, predictions)[-1]
    assert attribution is not None and attribution.cue is not None and attribution.cue.text == cue, attribution
    features = gate_features(document.quotations, claims[-1], predictions[-1], attribution)
    assert f"inside_quote={inside}" in features
    assert governs_no_content(document.quotations, claims[-1], attribution) == reason


def test_the_writer_voice_rule_leaves_a_quoted_speakers_i_alone():
    attribution = only_claim("“I believe the county will need a second high school,” the superintendent said.")["attribution"]
    assert attribution is not None and attribution["source"]["text"] == "the superintendent"


FOUND = [
    # (text, cue, source, source_type, kind)
    ("The sheriff said the suspect fled on foot toward the river.", "said", "The sheriff", "person", "report"),
    ("Prosecutors said the defendant wired the money to an account in Cyprus.", "said", "Prosecutors", "anonymous", "report"),
    ("According to court records, the company missed three loan payments in 2023.", "According to", "court records", "document", "report"),
    ("“We are not going anywhere,” the union president told reporters on Friday.", "told", "the union president", "person", "report"),
    ("Investigators believe the fire started in a storage room behind the kitchen.", "believe", "Investigators", "anonymous", "belief"),
    ("Many said the new schedule left them without a bus on weekends.", "said", "Many", "anonymous", "report"),
    ("Several residents said the water had smelled of chlorine for weeks.", "said", "Several residents", "anonymous", "report"),
    ("Researchers at the university said the drought had cut wheat yields by a fifth.", "said", "Researchers at the university", "anonymous", "report"),
    # a saying coordinated with an act the gate refuses takes the act's teller
    ("Press secretary Dana Lee condemned the attack and said the city was ready to help.", "said", "Dana Lee",
     "person", "report"),
]


@pytest.mark.parametrize("text, cue, source, source_type, kind", FOUND)
def test_reporting_sentences_keep_their_cue_source_and_type(text, cue, source, source_type, kind):
    attribution = only_claim(text)["attribution"]
    assert attribution is not None, text
    assert attribution["cue"]["text"] == cue
    assert attribution["source"]["text"] == source
    assert attribution["source_type"] == source_type
    assert attribution["kind"] == kind


@pytest.mark.parametrize(
    "text, source, named_as",
    [
        ("Sheriff Dana Whitlock arrived at the scene shortly after midnight. "
         "The sheriff said two deputies had been treated for smoke inhalation.", "The sheriff", "Sheriff Dana Whitlock"),
        ("Mayor Tom Hale opened the budget hearing at 7 p.m. on Monday. "
         "He said the city would close the gap without raising property taxes.", "He", "Mayor Tom Hale"),
        # refused: the earlier name is an organisation, or no earlier name has the role as its title
        ("The Red Cross opened a shelter at the high school. "
         "He said about 40 families had spent the night there.", "He", None),
        ("Coach Maria Ortiz watched from the sideline. "
         "The sheriff said the stadium would stay closed on Saturday.", "The sheriff", None),
        # an institution or a place in capitals is no one "he" or "she" stands for: its head is an organisation's noun
        ("Protesters gathered outside Nashua Community College on Monday. "
         "He said the fees would rise next fall.", "He", None),
        ("Students at Yale Law School greeted Mark Fields on Monday. "
         "He said the court had erred in the case.", "He", "Mark Fields"),
        ("The rally at the Democratic National Convention ran late on Wednesday. "
         "She said the delegates would vote in the morning.", "She", None),
        ("Senator Frank Church spoke on the floor on Monday. "
         "He said the budget was too high.", "He", "Senator Frank Church"),
    ],
)
def test_pronouns_and_roles_resolve_to_a_person_named_earlier(text, source, named_as):
    attribution = only_claim(text)["attribution"]
    assert attribution["source"]["text"] == source
    if named_as is None:
        assert attribution["refers_to"] is None and attribution["named"] is False
    else:
        assert attribution["refers_to"]["text"] == named_as
        assert attribution["source_type"] == "person" and attribution["named"] is True


@pytest.mark.parametrize(
    "text, named_as",
    [
        # the name opens the claim, but inside the quotation an earlier claim opened: the speaker's words, no subject
        ("Former Rep. Chris Shays (R-Conn.) was pro John Kasich while the Ohio governor was in the running, he said "
         "Wednesday morning on MSNBC’s “Morning Joe.”\n“Hillary is my next choice. Not hard to figure out. Donald "
         "Trump lost me a long time ago,” he said.", "Chris Shays"),
    ],
)
def test_a_name_inside_a_quotation_is_no_antecedent_of_he_or_she(text, named_as):
    attribution = only_claim(text)["attribution"]
    assert attribution["refers_to"] is not None and attribution["refers_to"]["text"] == named_as


@pytest.mark.parametrize(
    "text, source",
    [
        ("A study published in the journal Pediatrics found that screen time fell by a third.", "A study"),
        ("The report found that wait times at the clinic doubled in two years.", "The report"),
    ],
)
def test_documents_are_typed_as_documents(text, source):
    attribution = only_claim(text)["attribution"]
    assert attribution is not None
    assert attribution["source"]["text"].startswith(source)
    assert attribution["source_type"] == "document"


@pytest.mark.parametrize(
    "cue, kind",
    [("said", "report"), ("told reporters", "report"), ("believes", "belief"), ("expects", "belief"), ("fear", "belief")],
)
def test_kind_follows_the_cue_word(cue, kind):
    assert attribution_kind(cue) == kind


# The WordNet class of a cue's verb lets the gate judge a cue word the folds never saw: what it does, not what it is.
VERB_CLASSES = [
    # (word as written in a cue, its first sense's file, or None for no verb WordNet knows)
    ("told", "communication"),  # an irregular form (verb.exc)
    ("urged", "communication"),
    ("replies", "communication"),  # "-ies" to "-y"
    ("voted", "social"),
    ("accepting", "cognition"),
    ("friday", None),
    ("about", None),
]


@pytest.mark.parametrize("word, first", VERB_CLASSES)
def test_a_cue_word_has_the_wordnet_class_of_its_verb(word, first):
    classes = verb_classes(word)
    assert (classes[0][0] if classes else None) == first


@pytest.mark.parametrize(
    "text, cue, verb_class",
    [
        ("The mayor said Friday that the pool would reopen in June.", "said Friday", "communication"),
        ("The council voted against the new parking fees on Tuesday.", "voted against", "social"),
        # a light verb before a view held and its content: the noun says it ("raise" is first a verb of motion)
        ("Two senators raised concerns that the deal would leave farmers worse off.", "raised", "communication"),
    ],
)
def test_the_gate_reads_the_class_of_the_cues_last_verb(text, cue, verb_class):
    assert f"verb_class={verb_class}" in last_cue_features(text, cue)


def test_the_gate_loads_plain_arrays_and_scores_a_probability():
    gate = AttributionGate.load()
    assert gate.weights.ndim == 1 and 0.0 < gate.threshold < 1.0
    assert 0.0 < gate.score(["head=said", "that_after"], 0.9) < 1.0
    assert gate.score(["head=said", "that_after"], 0.9) > gate.score(["head=voted", "to_after=voted"], 0.9)


STORY = "The county opened two new polling places on Tuesday after long lines in the spring primary."


@pytest.mark.parametrize(
    "line",
    [
        "The Associated Press contributed to this report.",
        "This story originally appeared on Grist.",
        "Reprinted from Statehouse News with permission from the publisher.",
        "Correction: An earlier version of this story misstated the date of the hearing.",
        "Have a news tip? Send it to tips@example.org.",
        "Follow @jdoe on Twitter for more coverage.",
        "Write to Jane Doe at jane.doe@example.com.",
        "Jane Doe is a staff writer for the Riverside Ledger.",
        "The views expressed in this piece are those of the author.",
        "Please consider supporting our journalism with a donation today.",
        "Image caption Volunteers stack sandbags along the levee on Sunday.",
        "Update, June 3: Adds the county's response to the audit.",
        "Embed Mayor Hale explains the new parking rules 1:12 autoplay Copy this code to your website or blog",
        "Facebook Twitter Pinterest Volunteers stack sandbags along the levee on Sunday.",
        "Why does it matter to voters in the county?",
        "Reporter: “Do you think the levee will hold?”",  # a transcript's turn that only asks
    ],
)
def test_page_furniture_and_questions_are_not_claims(line):
    claims = score_article(f"{STORY}\n{line}")["claims"]
    assert [claim["text"] for claim in claims] == [STORY]


@pytest.mark.parametrize(
    "sentence",
    [
        "Two reporters contributed to the investigation that led to the indictment.",
        "The clerk said the office would send tips on mail ballots to every household.",
        "The query asked, “How much did the county spend on the audit?”",
        "The county clerk asked: “How much did the audit cost?”",
        "Doe, a former staff writer for the Ledger, now runs the county's press office.",
        "The update adds two polling places to the county's list.",
        "Facebook, Twitter and Pinterest said they would label the ads.",
    ],
)
def test_story_sentences_like_furniture_stay_claims(sentence):
    claims = score_article(f"{STORY}\n{sentence}")["claims"]
    assert [claim["text"] for claim in claims] == [STORY, sentence]


@pytest.mark.parametrize(
    "phrase, source_type, named",
    [
        ("Many", "anonymous", False),
        ("Several", "anonymous", False),
        ("Some of them", "anonymous", False),
        ("At least five Republicans", "anonymous", False),  # a count opening the sentence is no part of a name
        ("More than a dozen Democrats", "anonymous", False),
        ("Prosecutors", "anonymous", False),
        ("advocates for the homeless", "anonymous", False),
        ("a lawyer for the family", "anonymous", False),
        ("his lawyer", "person", False),
        ("the sheriff", "person", False),
        ("Baker", "person", True),  # a capitalised singular stays a name, though "baker" is a WordNet person noun
        ("the jury", "organization", False),
        ("court records", "document", False),
        ("several studies", "document", False),
        ("A study published in The Lancet", "document", True),
        ("Federal Election Commission records", "document", True),
        ("the latest Gallup poll", "document", True),
        ("The council's resolution", "document", True),
        ("the inquiry", "document", True),
        ("the new law", "document", True),
        ("Steven Law", "person", True),  # a surname, capitalised: no law
    ],
)
def test_source_typing_of_quantifiers_roles_groups_and_documents(phrase, source_type, named):
    from service.pipeline.sources import classify_source
    from service.pipeline.records import Span

    reading = classify_source(phrase, Span(0, len(phrase), phrase))
    assert (reading.source_type, reading.named) == (source_type, named), reading.explanation


def test_a_quotation_running_into_the_next_paragraph_keeps_its_speaker():
    text = (
        "“We rebuilt the clinic once and we will rebuild it again,” said Ana Ruiz, the clinic's director.\n"
        "“The families who depend on us have nowhere else to go.”\n"
        "The clinic reopened in a temporary building on Monday."
    )
    claims = score_article(text)["claims"]
    continued, writer = claims[1]["attribution"], claims[2]["attribution"]
    assert continued["inherited"] is True and continued["source"]["text"] == "Ana Ruiz"
    assert writer is None


@pytest.mark.parametrize(
    "text, source, source_type, named, via",
    [
        ("The senator’s lawyer, Jane Roe, said the charges would be dismissed.", "Jane Roe", "person", True, []),
        ("The drought will get worse before it gets better, writes Helen Marsh of the University of Leeds.",
         "Helen Marsh", "person", True, []),
        ("Nothing has changed since the flood, the mayor’s chief of staff, Luis Ortega, told reporters.",
         "Luis Ortega", "person", True, []),
        ("The newspaper, citing a police spokesman, said three officers had been suspended.",
         "a police spokesman", "anonymous", False, ["The newspaper"]),
        # ... also when "citing" or "quoting" follows the cue, and the one quoted "as saying" (the relay is the via)
        ("The suspect was named as Dan Ross, the Dover Ledger reported, citing police.",
         "police", "organization", False, ["the Dover Ledger"]),
        ("The talks had stalled for weeks, the Herald reported, quoting a senior official.",
         "a senior official", "anonymous", False, ["the Herald"]),
        ("The Herald quoted another unnamed official as saying the talks had stalled.",
         "another unnamed official", "anonymous", False, ["The Herald"]),
        # refused: what is cited after the cue is a reason, not a teller
        ("“Growth is slow,” Senator Ada Vance said, citing weak exports.", "Ada Vance", "person", True, []),
        # a party tag after a name is no part of the source, on either side of the cue
        ("Rep. Dana Whitfield (D-Ore.) said the hearing would resume in March.", "Dana Whitfield", "person", True, []),
        ("Sen. Tom Hale (R., Neb.) said the vote would slip.", "Tom Hale", "person", True, []),
        ("“We have the votes,” said Sen. Maria Ortiz (I-Vt.).", "Maria Ortiz", "person", True, []),
        # a bare party letter and its state ("(D) of Nevada"), before or after the cue
        ("Senate majority leader Ada Quint (D) of Nevada says the bill could reach the floor in June.",
         "Ada Quint", "person", True, []),
        ("“The system is broken,” said committee chairman Rob Vance (R) of Virginia, whose panel oversees it.",
         "Rob Vance", "person", True, []),
        # a verb coordinated with the clause's first one shares its subject; a clause with its own subject keeps it
        ("The governor toured the flooded district and said the state would pay for repairs.",
         "The governor", "person", False, []),
        ("The plant closed in June, and workers said they had not been warned.", "workers", "anonymous", False, []),
        # ... also when no cue before it has a source: the subject of the clause ("and"/"but" says, warned)
        ("Mayor Dana Holt doesn't trust the figures but says the audit will go ahead.", "Dana Holt", "person", True, []),
        ("Farmers in the valley lost half their crop and warned that prices would rise.",
         "Farmers", "anonymous", False, []),
        # refused: a capitalised word is no verb that ends the subject ("May" in a name)
        ("Prime Minister Theresa May said the country would leave by March and suggested that it would quit the market.",
         "Theresa May", "person", True, []),
        # "according to" a report: the report is the source, its head noun no speaker of its own
        ("Rents rose by a fifth last year, according to the report.", "the report", "document", True, []),
        ("Rents rose by a fifth last year, according to a new report.", "a new report", "document", True, []),
        # ... its head when the whole phrase reads as a clause (a verb, a modal), the agent of "reporting by"
        ("The mayor can earn a bonus of $40,000, according to a contract she signed in May 2021.",
         "a contract", "document", True, []),
        ("Fevers are common, according to the state health department – and they can last a week.",
         "the state health department", "organization", False, []),
        ("Rents rose by a fifth last year, according to reporting by The Dover Ledger on Tuesday.",
         "The Dover Ledger", "organization", True, []),
        # a time adjunct is no source, before or after the cue
        ("City police tweeted around 10 p.m. that the bridge had been closed to traffic.",
         "City police", "organization", True, []),
        ("Appeals are rare, but in March the state Supreme Court said that the maps were unlawful.",
         "the state Supreme Court", "organization", True, []),
        # refused: no name in apposition, an affiliation on a description, the audience kept out of the source
        ("The Environmental Protection Agency (EPA) said the permit would be reviewed.",
         "The Environmental Protection Agency (EPA)", "organization", True, []),
        ("The senator’s lawyer said the charges would be dismissed.", "The senator’s lawyer", "person", False, []),
        ("Researchers at the University of Leeds said the drought would get worse.",
         "Researchers at the University of Leeds", "anonymous", False, []),
        ("“We will appeal,” the company’s general counsel told reporters.",
         "the company’s general counsel", "person", False, []),
        # the name between commas, whatever stands on its other side; the one told is never the teller
        ("“The pool will reopen in May,” the council’s treasurer, Ines Marlow, told the Gazette.",
         "Ines Marlow", "person", True, []),
        ("“We expect delays,” Owen Pratt, 61, a retired engineer from Dover, said.", "Owen Pratt", "person", True, []),
        ("Another inspector, Luke Harlan, a former fire chief, testified that the wiring was faulty.",
         "Luke Harlan", "person", True, []),
        ("Thousands of voters in Ohio, the state’s election chief, Rosa Quint, said, had received the wrong ballots.",
         "Rosa Quint", "person", True, []),
        # ... with a title, an affiliation or a party tag beside it, and an institution's name after an unnamed one
        ("Another veteran lawmaker, Sen. Ada Lind, R-Ore., announced Monday that she would oppose the bill.",
         "Ada Lind", "person", True, []),
        ("The panel's senior Democrat, Rep. Tom Ekberg of Maine, said the program works.", "Tom Ekberg", "person", True, []),
        ("Another council member, former deputy mayor Rosa Quint, accused the board of delay.",
         "Rosa Quint", "person", True, []),
        ("In a statement, the industry's main trade group, the Harbor Shipping Association, said its members agree.",
         "the Harbor Shipping Association", "organization", True, []),
        # refused: a relative clause between commas names no one
        ("The county's lawyer, who asked not to be named, said the suit would fail.",
         "The county's lawyer", "person", False, []),
        # a wire dateline, a conjunction or a sentence adverb that opens the clause is no part of the source; an
        # adjunct that names no one gives way to the clause's subject
        ("WASHINGTON (AP) — Senator Ada Lind said Monday that the bill would pass.", "Ada Lind", "person", True, []),
        ("And a projection from the Harbor Policy Institute shows the deficit rising.",
         "a projection", "document", True, []),
        ("In an interview later with the Herald, Rosa Quint declined to endorse him, saying only that she would wait.",
         "Rosa Quint", "person", True, []),
        # refused: a bracketed acronym is no dateline, a report in its own right stays
        ("The Harbor Shipping Association (HSA) said the strike was over.",
         "The Harbor Shipping Association (HSA)", "organization", True, []),
        ("The reforms were rushed, according to fundraising reports.", "fundraising reports", "document", False, []),
        # a role in capitals after a name is its apposition, not a second name
        ("Mira Solano, Greenfield Parks Director, said the trail would close.", "Mira Solano", "person", True, []),
        # a relative clause, a participle phrase or a verb after the head is no part of the span
        ("A resident who lost her car in the flood said the warning came too late.", "A resident", "anonymous", False, []),
        ("Two officials who spoke on condition of anonymity said a deal was close.",
         "Two officials", "anonymous", False, []),
        ("Rents will keep rising, according to a survey released by the housing board.",
         "a survey", "document", True, []),
        ("The Herald published an editorial demanding that the mayor resign.", "The Herald", "media", True, []),
        # a participle cue with no source of its own: the subject of the clause it goes on from
        ("On Friday, Governor Lena Park vetoed the bill, saying it would raise taxes.", "Lena Park", "person", True, []),
        ("But Tom Brandt, who ran the depot for a decade, was unmoved, noting that the trucks still ran late.",
         "Tom Brandt", "person", True, []),
        # an adjunct is no source: who says it stands after it
        ("In contrast, a faculty council voted to cancel the talk, saying the speaker had misled the public.",
         "a faculty council", "organization", False, []),
        # a description beside a name: the name, before it or after an inverted cue
        ("Brian Walsh, a strategist at a lobbying firm, said the senator had misread the mood.",
         "Brian Walsh", "person", True, []),
        ("“We are ready,” said its president, Ana Flores.", "Ana Flores", "person", True, []),
        # the same in mid-paragraph, where the claim does not open the text; refused: no name opens the clause
        ("The vote was close. Brian Walsh, a strategist at a lobbying firm said the senator had misread the mood.",
         "Brian Walsh", "person", True, []),
        ("The vote was close. In New Hampshire, a strategist at a lobbying firm said the senator had misread it.",
         "a strategist", "anonymous", False, []),
        # the subject before an aside set off by commas or dashes, whatever the rules found in the aside
        ("Mr Ives - who will chair the inquiry - said the hearings would be public.", "Mr Ives", "person", True, []),
        ("Senator Mia Holt -- while not under oath, it is worth noting -- has insisted that she never saw the memo.",
         "Mia Holt", "person", True, []),
        ("The fees were set in May. Cole, speaking at the state university’s Dover, Del., campus, said they would rise.",
         "Cole", "person", True, []),
        ("However, nurse Owen Pratt, who started a campaign called \"MasksNow\", argued the wards were short of gear.",
         "Owen Pratt", "person", True, []),
        ("Rents doubled. These tenants — more than 300 of them — say the landlord ignored the leaks.",
         "These tenants", "anonymous", False, []),
        # refused: a sentence adverb opening the sentence is no subject (the head, as without the aside: the
        # phrase after it identifies the document)
        ("Overall, figures from several agencies — including the census bureau — show that rents rose.",
         "figures", "document", True, []),
        # a name's phrase ends where a time, an adverb or a verb follows it
        ("Mayor Dana Holt later Thursday told reporters the bridge would reopen.", "Dana Holt", "person", True, []),
        ("The Transport Department less than a week ago said the repairs were done.",
         "The Transport Department", "organization", True, []),
        ("Democratic lawmakers said the bill would fail.", "Democratic lawmakers", "anonymous", False, []),
        # the one told after a participle: the subject of the clause it goes on from
        ("Mayor Dana Holt returned the compliment on Sunday, telling Reuters that the two had been friends for years.",
         "Dana Holt", "person", True, []),
        # a cue the gate kept with no source beside it: the surname before a party tag, the name after a quotation
        ("Whitfield, D-Ore., said the hearing would resume in March.", "Whitfield", "person", True, []),
        ("“Bring a coat, it gets cold up there,” joked Sen. Ada Finch.", "Ada Finch", "person", True, []),
        # ... also with a clause after the name, and the head before a relative clause that ends at the cue
        ("“It is over, folks,” proclaimed county delegate Ada Finch while the committee debated the rules.",
         "Ada Finch", "person", True, []),
        ("“Blackmail, plainly,” one lawyer who was at the hearing told me.", "one lawyer", "anonymous", False, []),
        ("“The council has lost its way,” Rep. Dana Cole, D-Ore., complained in a statement.",
         "Dana Cole", "person", True, []),
        # a title or a description before a name is no part of the source: the name alone
        ("“We needed the heat,” said former state party chairman Owen Garrick after the rally.",
         "Owen Garrick", "person", True, []),
        ("The watchdog group Clean Rivers Alliance said the permit was illegal.",
         "Clean Rivers Alliance", "organization", True, []),
        # a prepositional phrase after a common noun is no part of it; "of" and "for" stay with the head
        ("A new study by two economists at Ohio State found that rents rose.", "A new study", "document", True, []),
        ("A spokesman for the port authority in Bayonne said the terminal would reopen.",
         "A spokesman for the port authority", "anonymous", False, []),
        # a name with an affiliation after it: the name, whichever words of the affiliation the model marked
        ("Greta Lindqvist of the Center for Water Policy and Planning called the plan reckless.",
         "Greta Lindqvist", "person", True, []),
        ("“The backlog is enormous,” Paul Ferrante with the Midvale Legal Aid Clinic said.",
         "Paul Ferrante", "person", True, []),
        # refused: an institution's own name keeps its "of"
        ("The University of Leeds said the drought would get worse.", "The University of Leeds", "organization", True, []),
        # whatever follows a participle cue is what is said: who says it is the clause's subject
        ("Hours later, Norway gave a far more negative reading, saying Sweden had broken the spirit of the accord.",
         "Norway", "organization", True, []),
        ("The company went to court on Friday, arguing the state lacked jurisdiction.",
         "The company", "organization", False, []),
        # a pronoun after the cue is the content's subject: who says it is the subject before the cue
        ("Ortiz, the union’s treasurer, said she, too, doubted that the fund would last.", "Ortiz", "person", True, []),
        ("Kessler, a nurse at the clinic, said she, too, had seen the shortage.", "Kessler", "person", True, []),
        # refused: a pronoun before the cue is the source itself
        ("“We will not move,” he said, adding that they would return.", "he", "person", False, []),
        # reports in the plural need no determiner to be the source: "reports say", "Recent reports indicated"
        ("Recent reports indicated a payout of about $40 million for the outgoing chief.",
         "Recent reports", "document", False, []),
        ("Dozens of homes were flooded, local reports say, and the roads are closed.",
         "local reports", "document", False, []),
        ("Another local report stated that the plant had failed two inspections.",
         "Another local report", "document", True, []),
        # refused: "reports" after a name is its cue, and the name the source
        ("“The deal is off,” Dana Cole reports.", "Dana Cole", "person", True, []),
        # a capitalised adjunct opening the sentence is no part of the pronoun after it
        ("Mayor Dana Holt toured the bridge. On Sunday she described the repairs as finished.",
         "she", "person", True, []),
        # the source found stands in what only modifies the clause's subject: the subject, in the cue's clause piece
        ("Some firms with offices in Hong Kong have warned that the new rules would hurt trade.",
         "Some firms", "organization", False, []),
        ("On Monday, several firms with offices in Hong Kong warned that costs would rise.",
         "several firms", "organization", False, []),
        ("A study of farm incomes published by the Institute noted that prices had fallen.",
         "A study of farm incomes", "document", True, []),
        # a subordinator or focusing adverb opening the clause is no part of its subject, a name too
        ("As Ruth Okafor, the council's longest-serving member, wrote, “The budget will not balance.”", "Ruth Okafor",
         "person", True, []),
        ("Even Walmart, long criticized by unions, said it would raise wages.", "Walmart", "organization",
         True, []),
        # a preposition left at the phrase's end once its object (a time) is cut goes too
        ("A Marist poll from earlier this month found the mayor leading by five points.", "A Marist poll", "document",
         True, []),
        # a verb contracted onto a pronoun is no part of it ("She's warned", "They've said")
        ("Mayor Ruth Okafor spoke on Monday. She's warned the council that the budget will not balance.",
         "She", "person", True, []),
        ("The two unions met on Friday. They've said that the strike will go on.", "They", "anonymous", False, []),
        # refused: a name that opens with a preposition keeps it
        ("In Focus Foundation said the trail would reopen in May.", "In Focus Foundation", "organization", True, []),
        # refused: a name that is only the object of the clause before
        ("Neighbours complained for months about Joe Biden, the White House said.",
         "the White House", "organization", True, []),
    ],
)
def test_source_spans_follow_the_guidelines(text, source, source_type, named, via):
    attribution = score_article(text, explain=True)["claims"][-1]["attribution"]
    assert attribution["explanation"]  # every rule that moved the source has its step in words
    assert attribution["source"]["text"] == source
    assert (attribution["source_type"], attribution["named"]) == (source_type, named)
    assert [hop["text"] for hop in attribution["via"]] == via


@pytest.mark.parametrize(
    "text",
    [
        "The council's chair, Ruth Okafor, said the vote would be held in June.",
        "A spokesman for the port, who asked not to be named, said the cranes were idle.",
        "Shares fell sharply on Tuesday, analysts at the bank told clients.",
    ],
)
def test_the_gate_and_the_apposition_stage_refine_a_kept_source_once(text, monkeypatch):
    refined: list[tuple[int, int]] = []
    read = appositions.refined_own

    def counted(text, claim, attribution):
        refined.append((id(claim), id(attribution)))
        return read(text, claim, attribution)

    monkeypatch.setattr(appositions, "refined_own", counted)
    kept = ENGINE.analyse(text).claims[-1].findings.attribution
    assert kept is not None and kept.source is not None
    assert len(refined) == len(set(refined))


def test_a_quotation_closed_by_an_institution_named_before_it_takes_that_earlier_mention():
    # data/realworld/README.md, "Quote first, speaker named after": where the name appeared earlier, that mention
    text = ("The Harbor Authority closed the east bridge on Monday after a barge struck it.\n\n"
            "“Drivers should avoid the area. Crews will work through the night,” the Harbor Authority said.")
    opening, closing = score_article(text)["claims"][1:]
    assert opening["attribution"]["inherited"] is True
    assert (opening["attribution"]["source"]["start"], opening["attribution"]["source"]["text"]) == (0, "The Harbor Authority")
    assert closing["attribution"]["source"]["start"] > opening["end"]


def test_an_embedded_post_is_attributed_to_its_signature():
    text = (
        "Crews worked through the night on Main Street.\n"
        "Water is still rising on Fifth Avenue. Stay off the bridge tonight. — Riverside Alerts (@RiversideAlerts) May 2, 2024\n"
        "The bridge reopened on Friday."
    )
    attributions = [claim["attribution"] for claim in score_article(text)["claims"]]
    signed = next(a for a in attributions if a is not None and not a["inherited"])
    # the account's name is the source; its handle, like a party tag, is no part of it
    assert signed["source"]["text"] == "Riverside Alerts" and signed["cue"]["text"] == "—"
    assert (signed["source_type"], signed["named"]) == ("social_media", True)
    # the post's last sentence runs on into the signature it ends in; the sentence before it inherits
    signs = [a for a in attributions if a is not None and not a["inherited"]]
    post = [a for a in attributions if a is not None and a["inherited"]]
    assert len(signs) == 1 and len(post) == 1 and all(a["source"] == signed["source"] for a in signs + post)
    assert attributions[0] is None and attributions[-1] is None  # the story before and after the post


_ALERTS = "Riverside Alerts"


@pytest.mark.parametrize(
    "post, sources",
    [
        # an unnamed subject inside the post ("They keep telling us") is the post's sentence, the account's
        ("They keep telling us the levee will hold. It will not. — Riverside Alerts (@RiversideAlerts) May 2, 2024",
         [_ALERTS, _ALERTS]),
        # the embed's "Report" link after the date is still the signature
        ("Stay off the bridge tonight. — Riverside Alerts (@RiversideAlerts) May 2, 2024 Report", [_ALERTS]),
        # so is a corpus's closing tag around the embed (PolNeAR's "<tweet ...>...</tweet>.")
        ('<tweet id="1" author="@RiversideAlerts">Stay off the bridge tonight. — Riverside Alerts (@RiversideAlerts)'
         ' May 2, 2024</tweet>.', [_ALERTS]),
        # a mark between the name and its handle is no part of the name
        ("Stay off the bridge tonight. — Riverside Alerts 🌊 (@RiversideAlerts) May 2, 2024", [_ALERTS]),
        ("Stay off the bridge tonight. — Riverside Alerts Inc. (@RiversideAlerts) May 2, 2024",
         ["Riverside Alerts Inc."]),
        # a post's words are a claim however short or unpunctuated: the account asserts them
        ("Not again. — Riverside Alerts (@RiversideAlerts) May 2, 2024", [_ALERTS]),
        ("Shame pic.twitter.com/V1DjfPMuxt — Riverside Alerts (@RiversideAlerts) May 2, 2024", [_ALERTS]),
        # refused: a named speaker quoted inside the post keeps the words
        ("Mayor Dana Holt said the bridge is safe. Stay off it anyway. — Riverside Alerts (@RiversideAlerts) May 2, 2024",
         ["Dana Holt", _ALERTS]),
    ],
)
def test_the_sentences_of_an_embedded_post_are_its_accounts(post, sources):
    claims = score_article("The river rose again overnight.\n" + post, explain=True)["claims"]
    assert claims[0]["attribution"] is None
    assert all(claim["attribution"]["explanation"] for claim in claims[1:])
    assert [claim["attribution"]["source"]["text"] for claim in claims[1:]] == sources


def test_the_exported_gate_scores_as_the_fitted_model_does(tmp_path):
    from training.gate import Example, design, fit, write

    said = ("head=said", "that_after", "guideline_cue")
    acted = ("head=voted", "to_after=voted", "next1=to")
    examples = [
        Example(features, probability, right, fold, (), ("article", claim)) for claim, (features, probability, right, fold)
        in enumerate([(said, 0.9, True, 0), (said, 0.7, True, 1), (acted, 0.8, False, 0),
                      (acted, 0.6, False, 1), (acted, 0.9, True, -1), (said, 0.5, True, -1)])
    ]
    model = fit(examples, polnear_weight=1.0, c=1.0)
    write(model, {"threshold": 0.5, "margin": 0.2}, {"realworld": 4, "polnear": 2}, "a test", tmp_path)
    gate = AttributionGate.load(tmp_path)
    expected = model.predict_proba(design(examples, "realworld"))[:, 1]
    assert [gate.score(e.features, e.probability) for e in examples] == pytest.approx(expected, abs=1e-5)
    assert gate.score(said, 0.8) > gate.score(acted, 0.8)
    arrays = tmp_path / "gate.npz"
    arrays.write_bytes(arrays.read_bytes()[:-1] + bytes([arrays.read_bytes()[-1] ^ 0xFF]))
    with pytest.raises(ValueError, match="SHA-256"):
        AttributionGate.load(tmp_path)


# What a cue governs (service/pipeline/governed.py), read from the words around it and fed to the gate: content after
# the cue or after its addressee, content fronted before its teller, an object only, an action's "to"-infinitive, an
# aside in the writer's sentence.
GOVERNED = [
    # (text, the last claim's cue, features it must have)
    ("The mayor said that the pool would reopen in June.", "said", {"content=wh", "fronted=none"}),
    ("The mayor told reporters the pool would reopen in June.", "told", {"content=np_then_aux", "content=np_then_aux|3"}),
    ("The bridge is no longer safe for lorries, the engineer said.", "said", {"content=end", "fronted=clause"}),
    ("The company reported a loss of $3 million for the quarter.", "reported", {"content=np_only"}),
    ("The senator urged Congress to pass the bill before the recess.", "urged", {"content=np_then_to|1"}),
    ("The mayor said in response to the ruling that the city would appeal.", "said", {"content=np_then_that"}),
    ("The council, which announced the closure in March, has since reopened two branches.", "announced",
     {"aside=relative", "aside=relative|closed=True", "fronted=short"}),
    # where the teller stands: a subordinate clause opening the claim, a relative clause, a free relative
    ("Although the mayor said the pool would reopen, the council has closed it for good.", "said",
     {"aside=leading", "aside=leading|closed=True", "teller_after=subordinator"}),
    ("The repair, which the engineer said would take a month, has already run for a year.", "said",
     {"teller_after=relative", "aside=relative"}),
    ("The pool reopened on Monday in what the mayor called a triumph for the town.", "called", {"teller_after=wh"}),
    ("The engineer said the repair would take a month.", "said", {"teller_after=start"}),
    ("On Monday, the engineer said the repair would take a month.", "said", {"teller_after=mark"}),
]


@pytest.mark.parametrize("text, cue, expected", GOVERNED)
def test_the_gate_reads_what_the_cue_governs(text, cue, expected):
    features = last_cue_features(text, cue)
    assert expected <= features, sorted(f for f in features if f.startswith(("content=", "fronted=", "aside=", "teller_")))
