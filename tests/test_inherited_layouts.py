"""Inherited attribution, one table per layout of real news in which a claim with no cue of its own goes on saying
what an earlier (or later) claim attributes (docs/guidelines.md, "Inherited"), in both directions: the rows that
inherit and the rows that must not. Every sentence is written for these tests in the style of news copy."""
from __future__ import annotations

import pytest

from service import score_article
from service.pipeline.coreference import _POLL_METHOD, _states_poll_method
from service.pipeline.document import Document
from service.pipeline.lead_ins import lead_in
from service.pipeline.records import Claim


def attributions(text: str) -> list[dict | None]:
    return [claim["attribution"] for claim in score_article(text)["claims"]]


ROUNDUP = (
    "From the Right\n"
    "Conservatives are split over the new budget deal.\n"
    "“The deal spends money the country does not have. It will be paid for by our grandchildren.\n"
    "“Worse, it was written behind closed doors.”\n"
    "{credit}\n"
    "Lawmakers will vote on the bill next week."
)


@pytest.mark.parametrize(
    "credit, writer_type",
    [
        ("Jane Holloway, National Review", "person"),
        ("Marcus T. Bell and Ana Ruiz, The Dispatch", "person"),
        ("Tom Keller, Washington Examiner", "person"),
    ],
)
def test_the_excerpt_above_a_credit_line_is_the_writers(credit, writer_type):
    found = attributions(ROUNDUP.format(credit=credit))
    excerpt = found[1:4]
    assert all(a is not None and a["inherited"] and a["source"] is None for a in excerpt), excerpt
    assert all((a["source_type"], a["named"]) == (writer_type, True) for a in excerpt)
    assert found[0] is None and found[-1] is None  # the writer's summary above, the news after the credit line


@pytest.mark.parametrize(
    "text",
    [
        # a sentence that names someone, not a credit line
        ROUNDUP.format(credit="Jane Holloway, a teacher in Ohio, signed the letter."),
        # a heading, no writer
        ROUNDUP.format(credit="From the Left"),
        # the paragraph above the line is no quotation
        "Conservatives are split over the new budget deal.\nThe deal spends money the country does not have.\n"
        "Jane Holloway, National Review\nLawmakers will vote on the bill next week.",
    ],
)
def test_no_credit_line_no_writer(text):
    # the excerpt of several quoted sentences is someone's all the same (``lead_ins._quoted_paragraph``): no one named
    assert not any(a is not None and a["inherited"] and a["named"] for a in attributions(text))


def test_a_credit_line_leaves_an_excerpt_attributed_on_its_own_alone():
    text = (
        "Some argue that “the deal spends money the country does not have.\n"
        "“It will be paid for by our grandchildren.”\n"
        "Jane Holloway, National Review"
    )
    found = attributions(text)
    assert found[0]["source"]["text"] == "Some" and not found[0]["inherited"]
    assert found[1]["inherited"] and found[1]["source"]["text"] == "Some"


@pytest.mark.parametrize(
    "credit, writer, writer_type",
    [
        ("Jane Holloway, National Review", "Jane Holloway", "person"),
        ("Tom Keller, Washington Examiner", "Tom Keller", "person"),
        ("The Ohio Farm Bureau", "The Ohio Farm Bureau", "organization"),
    ],
)
def test_a_credit_after_the_excerpt_on_its_line_names_its_writer(credit, writer, writer_type):
    text = ROUNDUP.replace("\n{credit}", " — {credit}").format(credit=credit)
    found = attributions(text)
    *excerpt, signed = found[1:4]
    assert (signed["source"]["text"], signed["cue"]["text"], signed["inherited"]) == (writer, "—", False), signed
    assert signed["source_type"] == writer_type
    assert all(a is not None and a["inherited"] and a["source"] is None for a in excerpt), excerpt
    assert found[0] is None and found[-1] is None


def test_a_dash_after_a_quotation_that_names_no_one_credits_no_one():
    found = attributions(ROUNDUP.replace("\n{credit}", " — and then some"))
    assert not any(a is not None and a["inherited"] and a["named"] for a in found), found


BLOCK_QUOTE = (
    "The lawyer Dana Whitlock wrote on her blog on Monday:\n"
    "{block}\n"
    "The appeal will be heard in May."
)


@pytest.mark.parametrize(
    "block",
    [
        # scare quotes inside the excerpt do not make it a quotation of someone else
        "The judge treated the contract as “void” and ignored the record. That is not how the law works.",
        # a sentence of the excerpt that names someone is still the lawyer's, not that person's
        "The judge ignored the record. Sen. Tom Hale raised the point in March. Nobody listened.",
    ],
)
def test_a_block_quote_after_a_lead_in_is_the_writer_s_it_names(block):
    found = attributions(BLOCK_QUOTE.format(block=block))
    excerpt, after = found[1:-1], found[-1]
    assert all(a is not None and a["inherited"] and a["source"]["text"] == "Dana Whitlock" for a in excerpt), excerpt
    assert after is None


def test_a_cue_of_its_own_in_a_block_quote_stays():
    # the block's two sentences before the news after it (the lead-in line is no claim: ``lead_ins.lead_in_lines``)
    found = attributions(BLOCK_QUOTE.format(block="The judge ignored the record. The clerk said the file was lost."))[-3:-1]
    assert found[0]["inherited"] and found[0]["source"]["text"] == "Dana Whitlock"
    assert not found[1]["inherited"] and found[1]["source"]["text"] == "The clerk"


@pytest.mark.parametrize(
    "block, own",
    [
        # a verb of the excerpt's own content is no source it quotes: the sentence is the lawyer's
        ("The judge ignored the record. The clerk's own log shows the file was sent in March.", False),
        ("The judge ignored the record. The ruling recognizes that the contract was never signed.", False),
        ("The judge ignored the record. Court filings indicate the hearing lasted ten minutes.", False),
        # a verb of saying, "according to" or a quotation it tags names someone the excerpt quotes
        ("The judge ignored the record. The clerk told the court the file was lost.", True),
        ("The judge ignored the record. The file was lost, according to the clerk.", True),
        ("The judge ignored the record. The clerk replied: “We never had the file.”", True),
    ],
)
def test_a_cue_in_a_block_quote_stays_only_when_it_names_a_source_the_excerpt_quotes(block, own):
    found = attributions(BLOCK_QUOTE.format(block=block))[-3:-1]
    assert found[0]["inherited"] and found[0]["source"]["text"] == "Dana Whitlock"
    assert (not found[1]["inherited"]) is own, found[1]
    assert own or found[1]["source"]["text"] == "Dana Whitlock"


@pytest.mark.parametrize(
    "lead_in, source",
    [
        # a lead-in with an attribution of its own (continue_quotations) and one only the lead-in rules read (lead_ins)
        ("The court's spokeswoman wrote on Monday:", "The court's spokeswoman"),
        ("A spokeswoman for the court spoke to the Courier:", "A spokeswoman for the court"),
    ],
)
def test_a_verb_of_content_in_the_block_after_either_lead_in_is_the_lead_in_s(lead_in, source):
    text = f"{lead_in}\nThe judge ignored the record. The clerk's own log shows the file was sent in March.\nThe appeal is in May."
    block = [a for a in attributions(text) if a is not None and a["inherited"]]
    assert [a["source"]["text"] for a in block] == [source, source], block


RUN_ON = (
    "“We will rebuild the bridge before winter,” the mayor said on Monday.\n"
    "“The river took it in one night. The county has the money.\n"
    "{then}\n"
    "Work on the site is set to start in May."
)


@pytest.mark.parametrize(
    "then, inherits",
    [
        # the quotation's closing mark stands only at the end of its last paragraph
        ("Crews can start as soon as the water falls. Nobody will wait for Washington.”", True),
        ("Crews can start as soon as the water falls.”", True),
        # no mark closes it: the writer's paragraph after a quotation left open
        ("Crews can start as soon as the water falls.", False),
        # the next mark opens another quotation
        ("Crews can start as soon as the water falls, a “rapid” plan by any measure.", False),
        # the mark that closes stands a paragraph further on: the writer's paragraph between carries no one over
        ("Crews can start as soon as the water falls.\nNobody will wait for Washington.”", False),
    ],
)
def test_a_quotation_with_marks_only_at_its_start_and_end_goes_on_over_its_paragraphs(then, inherits):
    found = by_text(RUN_ON.format(then=then))
    after = [a for text, a in found.items() if text.startswith(("Crews", "Nobody"))]
    assert after and all((a is not None and a["inherited"] and a["source"]["text"] == "the mayor") is inherits
                         for a in after), found


@pytest.mark.parametrize(
    "line, inherits",
    [
        # a line ending in a colon leads the quotation in, though it names no source the rules read
        ("Below the list stood only this remarkable disclaimer about its methods:", True),
        ("But here is his text:", True),
        # a line of the writer's with no colon leads nothing in
        ("The group offered no evidence for its claims.", False),
    ],
)
def test_a_quotation_after_a_colon_line_naming_no_source_is_someone_s_all_the_same(line, inherits):
    # one quoted sentence: a paragraph of several is someone's after any line (``lead_ins._quoted_paragraph``)
    text = (f"The list named two hundred websites.\n{line}\n“Please note that our criteria are behavioral, whether "
            "they knew or not.”\nThe list was taken down in May.")
    quoted = [a for claim, a in by_text(text).items() if claim.startswith(("“Please", "It does"))]
    assert quoted and all((a is not None and a["inherited"] and a["source"] is None) is inherits for a in quoted), quoted


@pytest.mark.parametrize(
    "opener, inherits",
    [
        # a quotation opened after a colon or a comma goes on over the next sentences: someone's, though the words
        # before it name no speaker the rules read
        ("Before the candidate appears, the cleric is shown lecturing: “Muslims of the West, take heed of the lessons "
         "of history. There are ominous clouds gathering on your horizon. Tomorrow it will be a land of camps.”", 2),
        ("When I heard about the vote, I thought of the old children's host telling viewers that, when they saw "
         "something scary on the news, “look for the helpers. You will always find people who are helping.”", 1),
        ("One memo, dated Jan. 9, 2017, begins: “The college consistently represented that all graduates obtained "
         "jobs. These representations were false and misleading.”", 1),
        # the speaker named where the quotation closes is its source: nothing is someone's
        ("Before the candidate appears, the cleric is shown lecturing: “Muslims of the West, take heed of the lessons "
         "of history. There are ominous clouds gathering on your horizon,” the narrator adds.", 0),
    ],
)
def test_a_quotation_led_in_by_words_naming_no_speaker_goes_on_as_someone_s(opener, inherits):
    found = attributions(f"The video runs for nearly an hour.\n{opener}\nThe group posted the video on Friday.")
    someone_s = [a for a in found if a is not None and a["inherited"] and a["source"] is None]
    assert len(someone_s) == inherits and found[0] is None and found[1] is None and found[-1] is None, found


OVER_A_SKIPPED_LINE = (
    "“The river took the bridge in one night,” says Maria Okafor, who has farmed the valley for 40 years.\n"
    "{skipped}\n"
    "{then}\n"
    "The flood waters fell by the end of April."
)


@pytest.mark.parametrize(
    "skipped",
    [
        # a photo caption the page set inside the quotation
        "Maria Okafor on the bank where the old bridge stood",
        # a subhead
        "A valley cut in two",
    ],
)
def test_a_quotation_goes_on_over_a_skipped_line(skipped):
    found = attributions(OVER_A_SKIPPED_LINE.format(skipped=skipped, then="“We drive an hour to reach the town. The school bus stopped coming.”"))
    quoted = found[1:3]
    assert all(a is not None and a["inherited"] and a["source"]["text"] == "Maria Okafor" for a in quoted), found
    assert found[3] is None  # the writer's news after the quotation


def test_a_quotation_goes_on_over_a_skipped_line_after_a_long_description_of_its_speaker():
    # the quotation opens the claim before its cue, however long the description after the name
    text = OVER_A_SKIPPED_LINE.format(skipped="Maria Okafor on the bank where the old bridge stood",
                                      then="“We drive an hour to reach the town. The school bus stopped coming.”").replace(
        "who has farmed the valley for 40 years", "a fierce and stubborn elder who has farmed the valley and its hills for 40 years")
    found = attributions(text)
    assert all(a is not None and a["inherited"] and a["source"]["text"] == "Maria Okafor" for a in found[1:3]), found
    assert found[3] is None


@pytest.mark.parametrize(
    "layout",
    [
        # a quotation running on over paragraphs whose speaker is named by one word in apposition ("her father, Tom,")
        "“The pills were in her bag, and she had taken six of them,” her father, Tom, said in a statement on Monday.\n"
        "“The nurses did all they could to wake her. They tried for an hour, but it was an uphill battle.\n"
        "“She was slipping away from us.”\n",
    ],
)
def test_a_quotation_whose_speaker_is_named_in_apposition_goes_on_with_the_name(layout):
    found = attributions(layout + "The hospital opened a new children’s ward in May.")
    assert found[0] is not None and found[0]["source"]["text"] == "Tom" and found[0]["cue"]["text"] == "said", found
    assert all(a is not None and a["inherited"] and a["source"]["text"] == "Tom" for a in found[1:4]), found
    assert found[4] is None  # the writer's news after the quotation


@pytest.mark.parametrize(
    "then",
    [
        # the writer goes on after the skipped line: no quotation, nothing inherited
        "The valley lost its only crossing in the March floods.",
        # a quotation after two skipped lines is too far from the speaker
        "A valley cut in two\nMaps of the flooded roads\n“We drive an hour to reach the town.”",
    ],
)
def test_no_quotation_or_too_far_after_a_skipped_line_inherits_nothing(then):
    found = attributions(OVER_A_SKIPPED_LINE.format(skipped="Maria Okafor on the bank where the old bridge stood", then=then))
    assert found[0] is not None and not found[0]["inherited"]
    assert not any(a is not None and a["inherited"] for a in found), found


BULLETS = (
    "In a radio interview on Friday, the governor said:\n"
    "· Schools will reopen in August.\n"
    "· Restaurants may seat half their usual guests. Inspectors are already short of staff.\n"
    "· Bars will stay closed until further notice.\n"
    "{after}"
)


def test_each_item_of_a_bulleted_list_after_a_lead_in_opens_with_the_speaker_s_point():
    found = attributions(BULLETS.format(after="Case numbers rose again on Friday."))
    items = [found[0], found[1], found[3]]  # the lead-in line, which says nothing of its own, is no claim
    assert all(a is not None and a["inherited"] and a["source"]["text"] == "the governor" for a in items), found
    assert found[2] is None  # the writer's comment after the point, in its item
    assert found[4] is None  # the story goes on after the list


def test_a_list_that_lost_its_bullets_after_a_lead_in_is_the_speaker_s():
    """Each point a line of its own with no closing punctuation, as a page's list reads once its marks are gone."""
    text = (
        "In a radio interview on Friday, the governor also said:\n\n"
        "Schools will reopen in August with smaller classes\n\n"
        "She is confident the legislature will pass the relief bill\n\n"
        "Case numbers rose again on Friday."
    )
    found = attributions(text)
    assert all(a is not None and a["inherited"] and a["source"]["text"] == "the governor" for a in found[:2]), found
    assert found[2] is None  # the story goes on after the list


def test_a_bulleted_list_with_no_lead_in_is_the_writer_s():
    text = "The case numbers rose again on Friday.\n· Schools will reopen in August.\n· Bars will stay closed."
    assert attributions(text) == [None, None, None]


@pytest.mark.parametrize(
    "post",
    [
        # the signature a sentence of its own after the post's last sentence
        "Water is still rising on Fifth Avenue. Stay off the bridge tonight. — Riverside Alerts (@RiversideAlerts) May 2, 2024",
        # after a link, which is no claim
        "Water is still rising on Fifth Avenue. Stay off the bridge tonight. https://t.co/x1Y2z3 — Riverside Alerts "
        "(@RiversideAlerts) May 2, 2024",
    ],
)
def test_an_embedded_post_signs_its_sentences_however_they_are_split(post):
    text = f"Crews worked through the night on Main Street.\n{post}\nThe bridge reopened on Friday."
    claims = score_article(text)["claims"]
    found = {claim["text"]: claim["attribution"] for claim in claims}
    last = next(attribution for text, attribution in found.items() if text.startswith("Stay off the bridge tonight."))
    assert not last["inherited"] and last["cue"]["text"] == "—" and last["source"]["text"] == "Riverside Alerts"
    first = found["Water is still rising on Fifth Avenue."]
    assert first["inherited"] and first["source"] == last["source"]
    assert found["Crews worked through the night on Main Street."] is None and found["The bridge reopened on Friday."] is None


@pytest.mark.parametrize(
    "before, earlier",
    [
        # the account signed an earlier post: its sentences carry that signature, as a quotation named before it does
        ("Crews closed the bridge. — Riverside Alerts (@RiversideAlerts) May 1, 2024\nThe river kept rising.", True),
        # the account not named before: the post's own signature
        ("Crews closed the bridge on Thursday.\nThe river kept rising.", False),
    ],
)
def test_a_post_takes_the_accounts_earlier_mention(before, earlier):
    text = f"{before}\nWater is still rising on Fifth Avenue. Stay off the bridge tonight. — Riverside Alerts (@RiversideAlerts) May 2, 2024"
    found = {claim["text"]: claim["attribution"] for claim in score_article(text)["claims"]}
    first = found["Water is still rising on Fifth Avenue."]
    signature = text.rindex("Riverside Alerts")
    assert first["inherited"] and first["source"]["text"].startswith("Riverside Alerts")
    assert (first["source"]["start"] < text.index("Water")) is earlier
    assert (first["source"]["start"] == signature) is not earlier


LEAD_IN = (
    "The county closed the shelter on Friday.\n"
    "{lead_in}\n"
    "The kitchen had no permit for donated food. Inspectors found meat stored at the wrong temperature.\n"
    "The shelter will reopen next week."
)


@pytest.mark.parametrize(
    "lead_in, source",
    [
        # a verb of speaking with an object, which the gate reads as an action: the block is the source's words
        ("A spokeswoman for the health department spoke to the Tribune:", "A spokeswoman for the health department"),
        # a verb of saying whose object is no content; the conjunction that opens the line is no part of the source
        ("And Marcus Hale, a volunteer, echoed the frustration of the crowd:", "Marcus Hale"),
        # an attributed lead-in, as before
        ("In an interview on Friday, the county's health director said:", "the county's health director"),
        # a news outlet's lead-in, whose verb may communicate without being one of saying
        ("The Tribune, on the other hand, offers a dash of cold water:", "The Tribune"),
        # two words: a lead-in however short, no fragment
        ("Hale writes:", "Hale"),
        # inverted, the verb first: the name after it is the source
        ("Stated Hale:", "Hale"),
        ("Added Sen. Doug Hale:", "Sen. Doug Hale"),
    ],
)
def test_the_paragraph_after_a_lead_in_inherits_its_source(lead_in, source):
    found = attributions(LEAD_IN.format(lead_in=lead_in))
    block = found[1:3]  # the lead-in line, which says nothing of its own, is no claim
    assert all(a is not None and a["inherited"] and a["source"]["text"] == source for a in block), found
    assert len(found) == 4 and found[0] is None and found[-1] is None  # the writer's news before and after


@pytest.mark.parametrize(
    "lead_in, claim, hands_on",
    [
        # only a source, its verb and whom or when it was said to: the block after is what it says
        ("Doug Hale added:", False, True),
        ("As the city's audit notes:", False, True),
        ("The night nurse told reporters on Friday:", False, True),
        ("And Marcus Hale, a volunteer, echoed the frustration of the crowd:", False, True),
        # a pronoun for its source, its own attribution's
        ("In an interview last July, he said:", False, True),
        ("She told the county board, to loud applause:", False, True),
        # content of its own after the verb, opened by "that" or a subject
        ("The mayor said that the shelter was safe:", True, True),
        ("The report also says it is too late to act:", True, True),
        ("The mayor said the shelter had passed every inspection since it opened in the spring of last year:", True,
         True),
        # a quotation before the verb is the line's own claim
        ("“We will not close,” the manager said, adding:", True, True),
        # the writer's label or signpost over what follows: no claim; it hands on a source only if it names one
        ("And here is what the audit found:", False, True),
        ("In other reaction:", False, False),
        ("Here are the inspectors' main findings:", False, False),
        # a line of the writer's that says something before its colon
        ("The inspectors' findings were damning for a shelter that had served the county for a decade:", True, False),
    ],
)
def test_a_lead_in_line_that_says_nothing_of_its_own_is_no_claim(lead_in, claim, hands_on):
    body = score_article(LEAD_IN.format(lead_in=lead_in), explain=True)
    line = LEAD_IN.format(lead_in=lead_in).splitlines()[1]
    assert any(found["text"] == line for found in body["claims"]) is claim
    assert any(skipped["text"] == line and skipped["kind"] == "lead_in" for skipped in body["skipped"]) is not claim
    block = [found["attribution"] for found in body["claims"] if found["text"].startswith(("The kitchen", "Inspectors"))]
    assert all((a is not None and a["inherited"]) is hands_on for a in block), block


def test_explanations_point_to_claims_by_their_numbers_once_a_lead_in_is_taken_out():
    text = ("The county closed the shelter on Friday.\nDoug Hale added:\nThe kitchen had no permit for donated food.\n"
            "The shelter will reopen next week, the manager said. “We will do better.”")
    claims = score_article(text, explain=True)["claims"]
    assert [claim["index"] for claim in claims] == [0, 1, 2, 3]
    assert "from a line that is no claim" in claims[1]["attribution"]["explanation"]
    assert "the quotation in claim 2," in claims[3]["attribution"]["explanation"]


@pytest.mark.parametrize(
    "lead_in",
    [
        # a colon line with no verb of saying: the writer's own list follows
        "Here are the numbers from the last month:",
        # a verb, but of doing: the writer tells what happened
        "The volunteers met the inspectors in the parking lot:",
        # a verb of saying with no source to give: "it" is resolved to nobody
        "Here is what it claims, in short:",
    ],
)
def test_a_colon_line_that_names_no_one_saying_hands_nothing_on(lead_in):
    found = attributions(LEAD_IN.format(lead_in=lead_in))
    assert not any(a is not None and a["inherited"] for a in found), found


@pytest.mark.parametrize(
    "line, source, cue",
    [
        ("A spokeswoman for the health department spoke to the Tribune:", "A spokeswoman for the health department", "spoke"),
        ("The transport department also responded to the Courier about the cost of the new bridge:",
         "The transport department", "responded"),
        # inverted after a comma: the source follows its verb
        ("The senator has retreated to friendly ground, writes The Ledger's Ana Ruiz:", "The Ledger's Ana Ruiz", "writes"),
        ("The latest state poll shows:", "The latest state poll", "shows"),
        # a news outlet introduces its report with any verb that may communicate
        ("Politico sounds a hopeful note on the budget talks:", "Politico", "sounds"),
        ("The Tribune, on the other hand, offers a dash of cold water:", "The Tribune", "offers"),
        # but not with a verb of doing, and no other source with a verb that is not of saying
        ("The New York Times has dispatched a reporter to Iowa:", None, None),
        ("The mayor offers a dash of cold water:", None, None),
        # not a lead-in: no colon at the end, no verb of saying, no typed source before or after the verb
        ("The mayor said the plan is dead.", None, None),
        ("Here are the numbers from the last month:", None, None),
        ("He told reporters:", None, None),
        ("The mayor was asked:", None, None),
    ],
)
def test_a_lead_in_is_read_for_its_source_and_verb(line, source, cue):
    reading = lead_in(line, Claim(0, 0, len(line), line, 0, False))
    assert (reading and reading.source.text, reading and reading.cue.text) == (source, cue)


REACTION = (
    "Protesters marched through the city for a third night.\n"
    "{line}\n"
    "{after}\n"
    "Police made no arrests on Wednesday."
)
REACTION_QUOTE = "“These are peaceful people. They have every right to be heard.”"


@pytest.mark.parametrize(
    "line, source",
    [
        ("The governor reacted to the protests on Thursday.", "The governor"),
        ("The American Civil Liberties Union weighed in on the arrests, calling for calm.",
         "The American Civil Liberties Union"),
        # a verb that hands the quotation on as a statement given out, with or without a colon
        ("The mayor's office issued a statement apologizing to the marchers for the delays.", "The mayor's office"),
        ("In response to the arrests, Governor Ann Mills released the following statement:", "Governor Ann Mills"),
    ],
)
def test_a_quotation_after_a_line_naming_its_speaker_reacting_is_the_speaker_s(line, source):
    found = attributions(REACTION.format(line=line, after=REACTION_QUOTE))
    assert all(a is not None and a["inherited"] and a["source"]["text"] == source for a in found[2:4]), found
    assert found[1] is None and found[-1] is None  # the line itself is no attribution; the news after is the writer's


@pytest.mark.parametrize(
    "line, after",
    [
        # the next paragraph is the writer's, with no quotation
        ("The governor reacted to the protests on Thursday.", "The curfew was lifted at dawn. Shops opened again."),
        # a line with no verb of saying or reacting names no speaker (of a quotation of one sentence: one of several
        # opening its paragraph is someone's all the same, ``lead_ins._quoted_paragraph``)
        ("The governor toured the damaged streets on Thursday.", "“These are peaceful people.”"),
        # a statement given out before the writer's own paragraph hands nothing on
        ("The mayor's office issued a statement on Thursday.", "The curfew was lifted at dawn. Shops opened again."),
    ],
)
def test_a_line_with_no_colon_hands_on_nothing_but_a_quotation_it_leads_into(line, after):
    found = attributions(REACTION.format(line=line, after=after))
    assert not any(a is not None and a["inherited"] for a in found), found


OPENED_QUOTATION = (
    "The council voted to close the old bridge on Monday.\n"
    "{opener} “The bridge is no longer safe. Trucks have been banned from it since spring. We cannot wait another year.”\n"
    "Repairs are expected to cost $4 million."
)


@pytest.mark.parametrize(
    "opener, source",
    [
        # a verb whose object names the words: the quotation opened after its colon or comma is the subject's
        ("Within hours, Mayor Ellen Park issued a statement,", "Mayor Ellen Park"),
        ("Asked about the delay, the county engineer made the point plainly:", "the county engineer"),
        ("The inspection report, filed in March, begins:", "The inspection report"),
        # a verb of speaking with an object, as a lead-in line has
        ("State Senator Raj Patel spoke to the Gazette:", "State Senator Raj Patel"),
        # any verb of communication, as WordNet knows its verbs, whatever the source's type
        ("Engineer Tom Reyes vividly evokes the old crossing in his report:", "Engineer Tom Reyes"),
        ("The council's own memo summarizes the problem:", "The council's own memo"),
    ],
)
def test_the_sentences_that_go_on_in_a_quotation_led_in_by_no_cue_are_its_speaker_s(opener, source):
    found = attributions(OPENED_QUOTATION.format(opener=opener))
    assert all(a is not None and a["inherited"] and a["source"]["text"] == source for a in found[2:4]), found
    assert found[-1] is None  # the writer's news after the quotation closed


def test_a_quotation_led_in_by_no_cue_goes_on_into_the_next_paragraph():
    text = OPENED_QUOTATION.format(opener="Within hours, Mayor Ellen Park issued a statement,").replace(
        "another year.”", "another year.\n“The council will vote again in May.”")
    found = attributions(text)
    assert all(a is not None and a["inherited"] and a["source"]["text"] == "Mayor Ellen Park" for a in found[2:5]), found
    assert found[-1] is None


@pytest.mark.parametrize(
    "opener",
    [
        # no verb that hands words on: the quotation is the writer's sign or a name, no speaker's
        "Commuters drove past a hand-painted sign:",
        # a verb of doing whose object is no words
        "The engineers closed the lanes on Friday,",
    ],
)
def test_a_quotation_opened_after_words_naming_no_speaker_inherits_no_source(opener):
    # the sentences after the first are someone's all the same (the labels give a sign's words to the sign)
    found = attributions(OPENED_QUOTATION.format(opener=opener))
    assert not any(a is not None and a["inherited"] and (a["source"] is not None or a["named"]) for a in found), found


RESUMED = (
    "Visitors crowd the steps every morning, and a guide, Maria Lopez, greets them.\n"
    "“The view is the whole point,” said Kelly, who leads tours of the memorial.\n"
    "{between}\n"
    "“That house was built by a general.”\n"
    "The memorial closes at ten."
)


@pytest.mark.parametrize(
    "between, inherits",
    [
        # one sentence of the writer's, quoting and naming no one: the speaker takes up the quotation again
        ("He pointed across the river.", True),
        ("The tour lasts an hour and costs nothing.", True),
        ("Kelly pointed across the river.", True),
        # the writer's sentence names another person, in full or by the surname of one named before: the quotation
        # may be theirs
        ("Maria Lopez, a guide for twenty years, disagrees.", False),
        ("Lopez pointed across the river.", False),
        # the writer's sentence quotes words of its own
        ("The guides call it “the best seat in town.”", False),
    ],
)
def test_a_quotation_resumed_across_one_writer_s_sentence_is_the_speaker_s(between, inherits):
    found = attributions(RESUMED.format(between=between))
    resumed = found[-2]
    assert (resumed is not None and resumed["inherited"] and resumed["source"]["text"] == "Kelly") == inherits, found
    assert found[0] is None and found[-1] is None


def test_a_block_quote_opens_even_when_its_first_sentence_has_a_cue_of_its_own():
    text = ("The county's audit states:\nThe clerk said the files were lost in a flood. No copy of the contracts was "
            "kept.\nThe audit was released on Monday.")
    found = attributions(text)  # the lead-in line, which says nothing of its own, is no claim
    assert not found[0]["inherited"] and found[0]["source"]["text"] == "The clerk"
    assert found[1]["inherited"] and found[1]["source"]["text"] == "The county's audit"
    assert found[2] is None


def by_text(text: str) -> dict[str, dict | None]:
    return {claim["text"]: claim["attribution"] for claim in score_article(text)["claims"]}


TRANSCRIPT = (
    "Prosecutors released the messages the two men exchanged in March.\n"
    "{first}\n"
    "{second}\n"
    "The trial opens in June."
)


@pytest.mark.parametrize(
    "first, second, turns",
    [
        # an informant and a named official, turns that recur
        ("CI: I can get you the contract by Friday. Nobody has to know.",
         "Haskell: Fine, do it. CI: Then it is done.",
         {"CI: I can get you the contract by Friday.": ("CI", False), "Nobody has to know.": ("CI", True),
          "Haskell: Fine, do it.": ("Haskell", False), "CI: Then it is done.": ("CI", False)}),
        # a host named in full, then by surname: two turns of one speaker
        ("NORA VALE: The bill passed the House tonight. It now goes to the Senate.",
         "REP. DAN ORTIZ: We expect a vote within the month. VALE: Thank you, congressman.",
         {"NORA VALE: The bill passed the House tonight.": ("NORA VALE", False),
          "It now goes to the Senate.": ("NORA VALE", True),
          "REP. DAN ORTIZ: We expect a vote within the month.": ("REP. DAN ORTIZ", False),
          "VALE: Thank you, congressman.": ("VALE", False)}),
        # answers to questions (a question is no claim)
        ("Q: Did you see the invoice before it was paid? A: I saw it the week after.",
         "Q: Who signed it? A: The deputy did.",
         {"A: I saw it the week after.": ("A", False), "A: The deputy did.": ("A", False)}),
        # a single turn that opens a quotation, the speaker's full name
        ("Dana Whitfield: “We never asked for the money.”",
         "Investigators have not said whether they believe her.",
         {"Dana Whitfield: “We never asked for the money.”": ("Dana Whitfield", False)}),
    ],
)
def test_a_transcript_label_is_the_turn_s_source_and_its_colon_the_cue(first, second, turns):
    found = by_text(TRANSCRIPT.format(first=first, second=second))
    for claim, (source, inherited) in turns.items():
        attribution = found[claim]
        assert attribution is not None and attribution["source"]["text"] == source, (claim, attribution)
        assert attribution["inherited"] is inherited and attribution["source_type"] == "person"
        assert inherited or attribution["cue"]["text"] == ":"
    assert found["Prosecutors released the messages the two men exchanged in March."] is None
    assert found["The trial opens in June."] is None


@pytest.mark.parametrize(
    "line",
    [
        "UPDATE: The council approved the budget on Tuesday night.",  # a story's own head
        "Why it matters: The county has not raised taxes since 2009.",
        "The big picture: Three other counties face the same shortfall.",  # a heading opens with a function word
        "Flooding: Water reached the second floor of the library",  # a headline, no sentence end
        "Background: The county borrowed heavily after the storm.",
        "Said Mayor Ellis: “We will balance it.”",  # an inverted tag: the verb is the cue
        "Marlowe: The county can still borrow.",  # one unquoted label the article names nowhere else: no transcript
    ],
)
def test_a_heading_with_a_colon_is_no_speaker(line):
    found = by_text(f"The county budget is due next month.\n{line}\nThe vote is set for June.")
    assert not any(a is not None and a["cue"] is not None and a["cue"]["text"] == ":" for a in found.values()), found



REPORTED_THEN_QUOTED = "The power went out across the county on Sunday night.\n{reported}\n{quoted}\nCrews restored power to most homes by Tuesday."


@pytest.mark.parametrize(
    "reported, quoted, source",
    [
        # the next paragraph quotes the spokeswoman whose words the paragraph before reported
        ("Press secretary Dana Lee said the governor had been briefed on the outage.",
         "“The governor has been briefed and we are in touch with the utility. Crews are working through the night.”",
         "Dana Lee"),
        # the quotation opens the paragraph and the writer finishes its sentence
        ("According to the fire marshal, the blaze began in a transformer behind the plant.",
         "“A loud bang” was heard minutes before the lines went down.", "the fire marshal"),
    ],
)
def test_a_quotation_that_opens_the_paragraph_after_reported_speech_is_the_same_speaker_s(reported, quoted, source):
    found = attributions(REPORTED_THEN_QUOTED.format(reported=reported, quoted=quoted))
    assert found[1] is not None and not found[1]["inherited"]
    quotation = found[2:-1]
    assert quotation and all(a is not None and a["inherited"] and a["source"]["text"] == source for a in quotation), found
    assert found[0] is None and found[-1] is None


@pytest.mark.parametrize(
    "reported, quoted",
    [
        # the writer's sentence before the quotation: no speaker to carry over
        ("The governor was briefed on the outage on Monday.", "“We are in touch with the utility.”"),
        # the writer's paragraphs between the reported speech and the quotation: more than a few claims back
        ("Press secretary Dana Lee said the governor had been briefed.\nThe utility has 40 crews in the county.\n"
         "Most of them came from two neighbouring states.\nSchools will stay closed on Monday.",
         "“We are in touch with the utility.”"),
        # the sentence before names no person, or names one only after its subject
        ("The state utility board met in an emergency session on Monday.", "“We are in touch with the utility.”"),
        ("The outage hit hardest in the district of Mayor Tom Reyes.", "“We are in touch with the utility.”"),
        # the person quoted last, but the writer's sentence since names someone else
        ("“The lines came down in minutes,” said Dana Lee.\nThe county's manager, Tom Reyes, toured the substations.",
         "“We are in touch with the utility.”"),
        # the speaker named after the quotation
        ("“The lines came down in minutes,” said Dana Lee.\nWinds reached 70 miles an hour. Two substations flooded.",
         "“We are in touch with the utility.” ― Tom Reyes"),
    ],
)
def test_a_quotation_after_the_writer_s_own_paragraph_inherits_nothing(reported, quoted):
    found = attributions(REPORTED_THEN_QUOTED.format(reported=reported, quoted=quoted))
    assert not any(a is not None and a["inherited"] for a in found), found


def test_a_quotation_a_colon_line_leads_in_after_someone_quoted_is_not_theirs():
    reported = "“The lines came down in minutes,” said Dana Lee.\nBy Monday night, the tone was different:"
    found = attributions(REPORTED_THEN_QUOTED.format(reported=reported, quoted="“We are in touch with the utility.”"))
    inherited = [a for a in found if a is not None and a["inherited"]]
    assert len(inherited) == 1 and inherited[0]["source"] is None, found  # someone's, led in by the line: not Lee's


@pytest.mark.parametrize(
    "reported, quoted, source",
    [
        # a quotation no sentence attributes, after a sentence or two of the writer's: the person quoted last
        ("Press secretary Dana Lee said the governor had been briefed.\nThe utility has 40 crews in the county.",
         "“We are in touch with the utility. Crews are working through the night.”", "Dana Lee"),
        ("“The lines came down in minutes,” said Dana Lee, a utility spokeswoman.\nWinds reached 70 miles an hour. "
         "Two substations flooded.", "“We had never seen water that high.”", "Dana Lee"),
        # the sentence right before opens with the name of the person the quotation then gives words to
        ("Tom Reyes is the mayor of a town of 3,000 at the edge of the county.",
         "“We lost power for two days. Nobody called us.”", "Tom Reyes"),
    ],
)
def test_a_quotation_no_sentence_attributes_is_the_person_just_quoted_or_named(reported, quoted, source):
    claims = score_article(REPORTED_THEN_QUOTED.format(reported=reported, quoted=quoted))["claims"]
    quotation = [claim["attribution"] for claim in claims if claim["text"] in quoted]
    assert quotation and all(a is not None and a["inherited"] and a["source"]["text"] == source for a in quotation), claims
    assert claims[0]["attribution"] is None and claims[-1]["attribution"] is None


def test_a_quotation_that_names_its_own_speaker_after_reported_speech_keeps_it():
    text = REPORTED_THEN_QUOTED.format(
        reported="Press secretary Dana Lee said the governor had been briefed on the outage.",
        quoted="“We have 40 crews out tonight,” said Tom Reyes, a utility manager.")
    found = attributions(text)
    assert not found[2]["inherited"] and found[2]["source"]["text"] == "Tom Reyes"


@pytest.mark.parametrize(
    "reported, quoted, inherits",
    [
        # a paragraph of several quoted sentences no cue attributes: a statement, an interview's answer, someone's
        ("Lee was speaking in an interview on a Sunday radio program.",
         "“I think the stakes are so high. The county cannot wait for the state. And the crews know it.”", True),
        ("At the mayor's direction, a statement apologizing to residents went out on Monday.",
         "“On behalf of everyone at the county, we offer a deep apology. These delays do not reflect our values.”",
         True),
        # one quoted sentence may be the writer's phrase held at a distance: nobody's
        ("Lee was speaking in an interview on a Sunday radio program.",
         "“The county cannot wait for the state.”", False),
        # quoted sentences after the writer's, in its paragraph: the quotation does not open it
        ("Lee was speaking in an interview on a Sunday radio program.",
         "The radio program was short. “The county cannot wait for the state. And the crews know it.”", False),
    ],
)
def test_a_paragraph_of_quoted_sentences_no_cue_attributes_is_someone_s(reported, quoted, inherits):
    claims = score_article(REPORTED_THEN_QUOTED.format(reported=reported, quoted=quoted))["claims"]
    quotation = [claim["attribution"] for claim in claims if claim["text"].startswith(("“", "The county", "And the"))]
    assert quotation and all((a is not None and a["inherited"]) is inherits for a in quotation), claims
    assert all(a is None or a["source"] is None for a in quotation), claims


@pytest.mark.parametrize(
    "reported, source",
    [
        ("Lee was speaking in an interview on a Sunday radio program.", None),
        ("Tom Reyes is the mayor of a town of 3,000 at the edge of the county.", "Tom Reyes"),
    ],
)
def test_a_quotation_no_cue_attributes_goes_on_into_the_next_paragraph(reported, source):
    quoted = ("“I think the stakes are so high. The county cannot wait for the state.”\n"
              "“So it does happen here, and it will happen again.”")
    claims = score_article(REPORTED_THEN_QUOTED.format(reported=reported, quoted=quoted))["claims"]
    quotation = [claim["attribution"] for claim in claims if claim["text"].startswith(("“", "The county", "So it"))]
    assert len(quotation) == 3 and all(a is not None and a["inherited"] for a in quotation), claims
    assert all((a["source"] or {}).get("text") == source for a in quotation), quotation



SURVEY = (
    "A new statewide survey by the Marlow Institute found that 58 percent of voters back the road bond.\n"
    "“People are tired of potholes,” said Ana Ruiz, who directs the institute.\n"
    "{findings}\n"
    "The vote is on Nov. 3."
)


@pytest.mark.parametrize(
    "findings",
    [
        "Twenty-nine percent oppose the measure. Opposition among renters fell from 41 percent to 33 percent since May.",
        "About 7 in 10 Republicans back it, too. Just a third of renters have heard of the bond.",
    ],
)
def test_a_share_with_no_teller_a_few_claims_after_a_poll_is_its_finding_also_after_another_voice(findings):
    found = attributions(SURVEY.format(findings=findings))
    assert not found[0]["inherited"] and found[1]["source"]["text"] == "Ana Ruiz"
    shares = found[2:-1]
    assert all(a is not None and a["inherited"] and a["source"]["text"] == "A new statewide survey" for a in shares), found
    assert found[-1] is None


@pytest.mark.parametrize(
    "text",
    [
        # the poll's method is the writer's
        SURVEY.format(findings="The margin of error is 3.5 percentage points."),
        # a document that is no poll: a share of roads is the writer's figure
        "A county audit found that the roads need $40 million of repairs.\n"
        "Sixty percent of the county's roads were paved before 1980.\nThe vote is on Nov. 3.",
        # no poll at all
        "The county's roads are in poor shape.\nSixty percent of them were paved before 1980.\nThe vote is on Nov. 3.",
    ],
)
def test_a_share_that_is_no_poll_s_finding_inherits_nothing(text):
    found = attributions(text)
    assert not any(a is not None and a["inherited"] for a in found), found


AUDIT = ("The county's roads are in poor shape.\n"
         "The state auditor said the county spent $2 million on repairs it never made. {then}\nThe vote is on Nov. 3.")


@pytest.mark.parametrize(
    "then",
    [
        "Additionally, the county paid two contractors twice for the same work.",
        "For example, a bridge on Route 9 was billed three times.",
        "In addition, the roads office kept no records of its inspections.",
        "Specifically, the office paid for paving that was never laid on six roads.",
        # the group a breakdown is for
        "Among the rural roads, the waste was even greater.",
    ],
)
def test_a_further_point_opened_by_a_connective_goes_on_reporting_the_source(then):
    found = attributions(AUDIT.format(then=then))
    assert not found[1]["inherited"] and found[1]["source"]["text"] == "The state auditor"
    assert found[2] is not None and found[2]["inherited"] and found[2]["source"]["text"] == "The state auditor", found
    assert found[0] is None and found[-1] is None


def _signals(claim: dict) -> set[str]:
    return {part["signal"] for part in claim["contributions"]}


@pytest.mark.parametrize(
    "text, index, quoting",
    [
        # a further point and a poll's further finding, in the writer's words: no direct quotation of the source
        (AUDIT.format(then="For example, a bridge on Route 9 was billed three times."), 2, False),
        ("Road repairs top the county's list.\nA new Marlow Institute poll found that voters are split on the levy. "
         "Seventeen percent remain undecided.\nThe vote is on Nov. 3.", 2, False),
        # a quotation going on is one
        ("Turnout was the highest in a decade.\n“We beat them on the ground, fair and square,” said Jane Roe, a "
         "Democratic consultant. “The result is final and everyone knows it.”\nThe count ends on Friday.", 2, True),
    ],
)
def test_only_a_claim_that_goes_on_in_the_source_s_words_is_credited_as_a_direct_quotation(text, index, quoting):
    claim = score_article(text)["claims"][index]
    assert claim["attribution"] is not None and claim["attribution"]["inherited"], claim
    assert ("direct_quote" in _signals(claim)) is quoting


POLL_THEN = "Road repairs top the county's list.\n{poll}{sep}{then}\nThe vote is on Nov. 3."
POLL_FOUND = "A new Marlow Institute poll found that 58 percent of voters back the road bond."


@pytest.mark.parametrize(
    "poll, sep, then",
    [
        # a figure right after a document's claim in its paragraph
        (POLL_FOUND, " ", "The poll has a margin of error of 3 percentage points."),
        (POLL_FOUND, " ", "The poll reached 996 likely voters and 284 renters; those samples carry margins of error of 3 "
                          "and 6 points."),
        # the paragraph after a poll's lead-in
        ("The Marlow Institute poll also found that:", "\n", "The poll has a margin of error of 3 percentage points."),
    ],
)
def test_the_poll_s_method_is_no_further_finding(poll, sep, then):
    found = attributions(POLL_THEN.format(poll=poll, sep=sep, then=then))
    assert found[1] is not None and not found[1]["inherited"]
    assert found[2] is None, found


ADJUNCT_POLL = ("NEW YORK, Dec. 14 (UPI) — In hypothetical match-ups, Hillary Clinton would beat Donald Trump.\n"
                "In an NBC News/Wall Street Journal poll released Monday, 50 percent of respondents chose Clinton while "
                "40 percent chose Trump.\n{then}\nThe poll surveyed 1,000 adults between Dec. 6-9 with a margin of error "
                "between +/- 3.1 and 4.9.")


@pytest.mark.parametrize(
    "then",
    [
        "In a closer match-up, 48 percent chose Clinton while 45 percent chose Cruz.",
        "Among Republicans, 27 percent would vote for Trump, followed closely by Cruz with 22 percent.",
    ],
)
def test_a_further_finding_of_a_poll_named_in_an_opening_adjunct_is_its_own(then):
    found = attributions(ADJUNCT_POLL.format(then=then))
    assert found[1] is not None and found[1]["source_type"] == "document"
    assert found[2] is not None and found[2]["inherited"] and "Journal poll" in found[2]["source"]["text"], found
    assert found[3] is None, found


@pytest.mark.parametrize(
    "then",
    [
        # a share of an election's count: its result or its rules, the writer's
        "If no candidate scores that majority, candidates need at least 20 percent of the statewide vote to win delegates.",
        "In 2012, Johnson received only 0.99% and Stein 0.36% of the popular vote.",
        # one held in a body: the writer's stakes
        "If the mayor keeps this up, it might cost her party the majority in the county council.",
    ],
)
def test_a_share_of_the_vote_after_a_poll_is_no_finding(then):
    found = attributions(POLL_THEN.format(poll=POLL_FOUND, sep="\n", then=then))
    assert found[1] is not None and not found[1]["inherited"]
    assert found[2] is None, found


def test_a_share_word_heading_polls_is_no_share_of_the_people_asked():
    text = (POLL_THEN.format(poll=POLL_FOUND, sep="\n", then="Her margin in most national polls is in the "
            "high-single-digits, according to most polling averages."))
    found = attributions(text)
    assert found[2] is not None and not found[2]["inherited"] and found[2]["source"]["text"] == "most polling averages"


@pytest.mark.parametrize(
    "sentence, source",
    [
        ("A University of New Hampshire poll out this week shows Clinton with an 8-point lead over Trump.",
         "A University of New Hampshire poll"),
        ("A national poll released Sunday by The Washington Post and ABC News shows Trump maintaining his lead.",
         "A national poll"),
    ],
)
def test_when_a_poll_came_out_is_no_part_of_its_source(sentence, source):
    found = attributions(f"Road repairs top the county's list.\n{sentence}")
    assert found[1] is not None and found[1]["source"]["text"] == source, found


def test_a_breakdown_by_group_after_a_poll_is_its_finding():
    poll = "A new Marlow Institute poll found that most voters back the road bond."
    found = attributions(POLL_THEN.format(poll=poll, sep=" ", then="Among renters, support for the bond is far weaker."))
    assert found[2] is not None and found[2]["inherited"] and found[2]["source"]["text"] == "A new Marlow Institute poll"


def test_a_quoted_share_after_a_poll_stays_the_speaker_s():
    found = attributions(SURVEY.format(findings="“Sixty percent of our roads are older than I am,” Ruiz added."))
    assert not found[2]["inherited"] and found[2]["source"]["text"] == "Ruiz"


QUOTED_ON = "Turnout was the highest in a decade.\n{speaker}{sep}{then}\nThe count ends on Friday."
QUOTED = "“We beat them on the ground, fair and square,” said Jane Roe, a Democratic consultant."


@pytest.mark.parametrize(
    "then",
    [
        "Her rivals had “a huge advantage in money and in the field.”",
        "Unless the courts step in, “the result is final and everyone knows it.”",
    ],
)
def test_a_mostly_quoted_claim_after_a_quotation_in_its_paragraph_goes_on_quoting(then):
    found = attributions(QUOTED_ON.format(speaker=QUOTED, sep=" ", then=then))
    assert not found[1]["inherited"] and found[1]["source"]["text"] == "Jane Roe"
    assert found[2] is not None and found[2]["inherited"] and found[2]["source"]["text"] == "Jane Roe", found
    assert found[0] is None and found[-1] is None


@pytest.mark.parametrize(
    "speaker, sep, then",
    [
        # a scare quote in the writer's sentence
        (QUOTED, " ", "The county has used “ballot drop boxes” since the 2016 primary election."),
        # the speaker's words reported, not quoted, before it
        ("Jane Roe, a Democratic consultant, said her party won on the ground.", " ",
         "Her rivals had “a huge advantage in money and in the field.”"),
        # in the next paragraph
        (QUOTED, "\n", "Her rivals had “a huge advantage in money and in the field.”"),
    ],
)
def test_a_claim_mostly_the_writer_s_or_out_of_the_quotation_s_paragraph_inherits_nothing(speaker, sep, then):
    found = attributions(QUOTED_ON.format(speaker=speaker, sep=sep, then=then))
    assert not any(a is not None and a["inherited"] for a in found), found


@pytest.mark.parametrize(
    "closing, inherits",
    [
        # the quotation after the speaker's goes on over sentences: all of them are hers, also when her name in
        # apposition is one word ("her mother, Anne,")
        ("They fought an uphill battle.”", [True]),
        ("They fought an uphill battle. Nobody could have done more.”", [True, True]),
        # a sentence of the writer's after the quotation has closed is not
        ("They fought an uphill battle.”\nThe hospital has not commented on the case.", [True, False]),
    ],
)
def test_every_sentence_of_a_quotation_after_the_speaker_s_goes_on_quoting(closing, inherits):
    text = ("The girl was taken to hospital on Monday.\n"
            "“She had taken eight tablets and nothing could save her,” her mother, Anne, said in a statement.\n"
            f"“As she got worse, the staff did all they could. {closing}")
    found = attributions(text)
    assert found[1] is not None and not found[1]["inherited"]
    assert found[2] is not None and found[2]["inherited"]
    assert [bool(a is not None and a["inherited"]) for a in found[3:]] == inherits, found


WALDMAN = (
    "The American Prospect's Paul Waldman argues that the president has worn the country out. \"Everything about him "
    "is exhausting,\" Waldman writes.\n\nWaldman details \"the unceasing parade of horrors,\" citing the usual litany "
    "of complaints. It's just so exhausting for poor Waldman. He writes: \"Most of us have had enough. I can't take "
    "it.\"\n\nWhat is exhausting is the noise."
)
STRATEGY = (
    "Obama said the strategy was not complete. \"We are taking a lot of them off the battlefield,\" he added.\n\n"
    "{between} \"I don't want to put the cart before the horse,\" he said then. \"We don't have a strategy yet.\""
)


@pytest.mark.parametrize(
    "text, index, before",
    [
        # the name the pronoun stands for, nearest it, though in a sentence no one is quoted in
        (WALDMAN, 4, "for poor "),
        (WALDMAN, 5, "for poor "),
        (STRATEGY.format(between="Obama also made the comment last August, when he said Congress had to vote first."), 3, "\n\n"),
        (STRATEGY.format(between="Obama also made the comment last August, when he said Congress had to vote first."), 4, "\n\n"),
        # no mention of the person between: the first
        (STRATEGY.format(between="The Obama administration had to consult with Congress first."), 4, ""),
        (STRATEGY.format(between="Congress called the plan “a gift from Obama” last August."), 4, ""),
        (STRATEGY.format(between="Congress debated Obama’s plan last August."), 4, ""),
        (STRATEGY.format(between="Congress debated Obama White House plans last August."), 4, ""),
        # the name inside a longer word is no mention of him
        (STRATEGY.format(between="Congress debated Obama-era plans last August."), 4, ""),
        (STRATEGY.format(between="Congress debated Obamacare last August."), 4, ""),
    ],
)
def test_a_source_carried_on_or_referred_to_is_its_nearest_mention(text, index, before):
    found = attributions(text)[index]
    mention = found["refers_to"] or found["source"]
    assert text[: mention["start"]].endswith(before) and text[mention["start"] : mention["end"]].endswith(
        ("Waldman", "Obama")), found
    if not before:
        assert mention["start"] == 0


@pytest.mark.parametrize(
    "before, speaker",
    [
        ("Tad Devine is a senior adviser to the campaign. But Devine said the senator would stay in the race.", "Devine"),
        ("Sarah McBride is an activist from Delaware. When Sarah McBride took the stage Thursday, the hall went quiet.",
         "Sarah McBride"),
    ],
)
def test_the_speaker_s_earlier_mention_leaves_out_the_word_that_opens_its_sentence(before, speaker):
    text = f"{before}\n\n“We are going to the convention. We will keep fighting,” {speaker.split()[-1]} said."
    opening = attributions(text)[2]
    assert opening["inherited"] and opening["source"]["text"] == speaker, opening


@pytest.mark.parametrize(
    "lead, name",
    [
        # a verb the model does not read as a cue, which only the lead-in rule reads
        ("17-year-old Jared Potts echoed:", "Jared Potts"),
        ("First-time voter Maria Lopez echoed:", "Maria Lopez"),
        ("Iowa native Dale Hutchins echoed:", "Dale Hutchins"),
    ],
)
def test_a_lead_in_line_hands_on_the_name_its_source_phrase_ends_in(lead, name):
    text = f"{lead}\n\n“He speaks his mind. Donald Trump is a self-made person.”"
    block = [claim["attribution"] for claim in score_article(text)["claims"] if claim["text"].startswith("“He")]
    assert block and block[0]["inherited"] and block[0]["source"]["text"] == name and block[0]["source_type"] == "person"


@pytest.mark.parametrize(
    "before, speaker",
    [
        # the surname alone of a person named in full before: the subject who speaks next
        ("Roe touted her record as a co-sponsor of the bill.", "Roe"),
        ("Roe has not changed her position since the primary.", "Roe"),
        # another subject with her, or a colon that leads in someone named after it: not hers
        ("Roe and her staff spent the week in Ohio.", None),
        ("Roe lost the vote, though one colleague still stands by her: Senator Lee.", None),
    ],
)
def test_a_quotation_after_a_sentence_a_known_surname_opens_is_that_person_s(before, speaker):
    text = (
        "Senator Jane Roe spoke to union members in Toledo on Monday about the labor bill and the future of the plant.\n\n"
        "The union has not endorsed a candidate yet.\n\n"
        f"{before}\n\n“We need to find ways to support workers. Labor organizing should be protected.”"
    )
    quoted = [claim["attribution"] for claim in score_article(text)["claims"] if claim["text"].startswith("“We")][0]
    assert (quoted["source"]["text"] if quoted and quoted["source"] else None) == speaker, quoted


@pytest.mark.parametrize(
    "text, states",
    [("The poll has a MARGIN OF ERROR of 3 points.", True), ("The SAMPLING Error is 3 points.", True),
     ("The \u017fampling error is 3 points.", True),  # a long s, which "s" matches case-insensitively
     ("The error margin is wide.", False), ("The margins of error-prone polls", False)],
)
def test_a_poll_method_is_searched_for_only_where_its_last_word_stands(text: str, states: bool) -> None:
    """``_states_poll_method`` searches a claim only when its folded text holds a method's last word ("error"):
    whatever spelling the pattern matches case-insensitively, it finds what the search alone finds."""
    claim = Claim(index=0, start=0, end=len(text), text=text, paragraph=0, opens_inside_quote=False)
    assert _states_poll_method(Document.of(text), claim) == (_POLL_METHOD.search(text) is not None) == states


@pytest.mark.parametrize(
    "post, account, sentences",
    [
        # PolNeAR's markup of an embedded tweet (huff-post_2015-12-02_democrats-call-for-action-while-), closed by its tag
        ('<tweet pic="" author="HillaryClinton" timestamp="1449075600" tweet_id="672149874046083072">I refuse to accept '
         "this as normal. We must take action to stop gun violence now. -H https://t.co/SkKglwQycb</tweet>.",
         "HillaryClinton", 2),
        # the other layout, closed as if by an empty tag (west-journal_2016-03-01_one-sentence-from-trump-just-set)
        ('<tweet tweet-author="@realDonaldTrump" tweet-date="February 28, 2016">“@ilduce2016: “It is better to live one '
         "day as a lion than 100 years as a sheep.” – @realDonaldTrump #MakeAmericaGreatAgain“<tweet/>.",
         "@realDonaldTrump", 1),
    ],
)
def test_a_post_in_markup_is_its_accounts(post, account, sentences):
    text = f"Candidates reacted to the shooting on Wednesday.\n{post}\nThe police gave no motive on Thursday."
    found = attributions(text)
    assert found[0] is None and found[-1] is None  # the writer's sentences around the post
    own, *rest = found[1:1 + sentences]
    assert (own["source"]["text"], own["source_type"], own["named"], own["inherited"]) == (account, "social_media", True, False)
    assert all(a["inherited"] and a["source"]["text"] == account for a in rest)


@pytest.mark.parametrize(
    "text, source",
    [
        # an agency's, an outlet's further amounts, in the writer's words, right after its cue in the paragraph
        ("The SEIU, with almost 2 million members, is one of the largest political players in terms of political "
         "donations, according to the Center for Responsive Politics. So far, SEIU’s PACs and committees have spent "
         "$10 million on the 2016 election cycle opposing Republicans and supporting Democrats.",
         "the Center for Responsive Politics"),
        ("The White House says the president’s plan would cut spending by $1.22 trillion over 10 years, compared with "
         "$1.2 trillion in cuts from the Republicans’ initial offer. Of that, $800 billion is cuts to programs, and $122 "
         "billion comes from adopting a new measure of inflation that slows the growth of government benefits.",
         "The White House"),
        ("As the International Business Times noted, Clinton raised more than $1.1 million from the securities and "
         "investment industry for her 2000 Senate campaign. Over her career as a senator and her 2008 presidential bid, "
         "Clinton raised $12.7 million from the securities and investment industry and $2.4 million from commercial "
         "banks.", "the International Business Times"),
    ],
)
def test_an_institution_s_further_amount_in_its_paragraph_is_its_finding(text, source):
    found = attributions(text)
    assert found[-1] is not None and found[-1]["inherited"] and found[-1]["source"]["text"] == source, found


@pytest.mark.parametrize(
    "text",
    [
        # unnamed officials' further amounts are the writer's as often as theirs
        "About $900 million so far is obligated for Hurricane Maria relief, according to a congressional aide. FEMA "
        "will get an additional $7 billion Oct. 1 when the new fiscal year starts.",
    ],
)
def test_unnamed_officials_further_amounts_inherit_nothing(text):
    assert attributions(text)[-1] is None


@pytest.mark.parametrize(
    "text, closing_source",
    [
        # the speaker named for the first time where the quotation closes: the sentences before it have no source
        ("\"A US climate retreat will no doubt leave a big hole on the international climate regime ... It will also "
         "be a major geopolitical and reputational blow for the US,\" Li Shuo, climate analyst for Greenpeace China "
         "told CNN.", "Li Shuo"),
        ("“Notwithstanding some sort of major, major geophysical event, it would be almost certain that the [next] "
         "decade will be warmer than the previous. It’s almost certain that we would break one annual record during "
         "the process,” said Deke Arndt, climate monitoring chief for NOAA’s National Centers for Environmental "
         "Information.", "Deke Arndt"),
    ],
)
def test_a_quotation_whose_speaker_is_named_only_where_it_closes_has_no_source_before(text, closing_source):
    found = attributions(text)
    assert found[-1]["source"]["text"] == closing_source and not found[-1]["inherited"]
    assert found[0]["inherited"] and found[0]["source"] is None and found[0]["source_type"] == "person", found


@pytest.mark.parametrize(
    "text, source",
    [
        # the speaker's own cue just before the quotation tells them by a role the article resolved to the name at
        # the close: the role is the nearest mention
        ("Sen. Harry Reid said the party would win the seat.\n\n"
         "\"I don't think it matters,\" the minority leader said flatly.\n\n"
         "\"You have one who has been plotting to be president for months. That is Trump,\" Reid said.",
         "the minority leader"),
        ("Following the release of a new video, Trump called upon Mayor Bill de Blasio to restart surveillance of "
         "mosques.\n\n\"There's hatred like nobody has ever seen,\" the Republican presidential candidate said.\n\n"
         "\"I think we ought to start it up again. And use your head,\" he went on.",
         "the Republican presidential candidate"),
        # the speaker's own cue names them, and a quotation in that sentence names them again: the source, not the
        # quoted name
        ("Trump called the judge a \"hater of Donald Trump\" who had \"railroaded\" him in the case.\n\n"
         "\"I think Judge Curiel should be ashamed of himself. He is a disgrace,\" Trump said.", "Trump"),
    ],
)
def test_a_quotation_named_where_it_closes_takes_the_speaker_s_own_cue_before_it(text, source):
    found = attributions(text)
    opening = next(a for a in found if a is not None and a["inherited"])
    assert opening["source"]["text"] == source and opening["source"]["start"] < text.rindex("\n"), found


@pytest.mark.parametrize(
    "text, noun",
    [
        # a document named where its quotation closes by a bare definite noun: the same noun mentioned before
        ("The Cruz campaign sent supporters a fundraising email on Friday.\n\n"
         "\"Friend, let me be blunt. I can beat Hillary Clinton,\" the email read.", "email"),
        ("The association condemned the resolution in an emailed statement on Wednesday.\n\n"
         "\"This is a reckless assault on a law-abiding organization. It will not stand,\" the statement said.",
         "statement"),
    ],
)
def test_a_quotation_a_definite_noun_closes_takes_the_noun_s_earlier_mention(text, noun):
    opening = attributions(text)[1]
    assert opening["inherited"] and opening["source"]["text"] == noun, opening
    assert opening["source"]["start"] < text.index("\n"), opening


def test_a_long_quotation_is_the_speaker_s_its_close_names_not_the_one_quoted_before():
    # a string of short sentences (a rally's, an interview's) runs past four claims before the close names its
    # speaker, first named there: no source before it, and not the person quoted in the paragraph before
    found = attributions("\"The talks went well,\" said Ana Ruiz, the county manager.\n\n\"We lost the bakery. We lost "
                         "the gym. We lost the library. We lost the pool. We lost the park. We will rebuild all of "
                         "it,\" said Mayor Tom Reyes.")
    quotation, close = found[1:-1], found[-1]
    assert len(quotation) == 5 and close["source"]["text"] == "Tom Reyes", found
    assert all(a["inherited"] and a["source"] is None and (a["source_type"], a["named"]) == ("person", True)
               for a in quotation), quotation


@pytest.mark.parametrize(
    "text, source, referent",
    [
        # a quotation named where it closes takes the speaker's role from the cue before it, and with it the name
        # that role was resolved to there (docs/guidelines.md: a role names a person through refers_to)
        ("Sen. Harry Reid said the party would win the seat.\n\n"
         "\"I don't think it matters,\" the minority leader said flatly.\n\n"
         "\"You have one who has been plotting to be president for months. That is Trump,\" Reid said.",
         "the minority leader", "Harry Reid"),
        ("Following the release of a new video, Trump called upon Mayor Bill de Blasio to restart surveillance of "
         "mosques.\n\n\"There's hatred like nobody has ever seen,\" the Republican presidential candidate said.\n\n"
         "\"I think we ought to start it up again. And use your head,\" he went on.",
         "the Republican presidential candidate", "Trump"),
    ],
)
def test_an_inherited_earlier_mention_keeps_what_it_refers_to(text, source, referent):
    found = attributions(text)
    opening = next(a for a in found if a is not None and a["inherited"])
    told = next(a for a in found if a is not None and not a["inherited"] and a["source"]["text"] == source)
    assert opening["source"] == told["source"] and opening["refers_to"] == told["refers_to"], found
    assert opening["refers_to"]["text"] == referent and opening["named"], found


@pytest.mark.parametrize(
    "text, asked",
    [
        (
            "“Mexico!” the audience screamed back.\n\nHannity asked Trump how high the wall would be.\n\n“I think the "
            "height could be 35 to 45 feet. That’s a good height. Anywhere in that neighborhood. Could be higher,” he "
            "told Hannity, to cheers from the crowd at the Austin, Texas, event where Trump spoke.",
            "Trump",
        ),
        (
            "The report prompted a rare public reprimand from the chair of Clinton’s campaign.\n\nLast month, The "
            "Huffington Post’s Scott Conroy asked Sanders\xa0whether questions about his health and age were fair game "
            "in the campaign.\n\n“Sure it is. I would not have run if I was not blessed, and I’m very, very thankful — "
            "I cannot remember the last day I took off because of illness,” he said.",
            "Sanders",
        ),
        (
            "Based upon an interview he gave to Fox News on the Wednesday after the Nevada caucus, it’s an open "
            "question.\n\nEarhardt then asked Rubio which states specifically he could win.\n\n“Well, we feel great in "
            "every one of those states. We’re going to pick up delegates in all of them,” he said, adding that he "
            "doesn’t want to offer specific predictions.",
            "Rubio",
        ),
    ],
)
def test_the_answer_after_a_question_put_to_someone_is_theirs(text, asked):
    # the "he" closing the answer stands for the one asked, not the asker; the answer's sentences go on with them
    answer = [a for a in attributions(text) if a is not None and (a["inherited"] or a["source"]["text"] == "he")]
    assert answer and all(asked in (a.get("refers_to") or a["source"] or {}).get("text", "") for a in answer), answer


@pytest.mark.parametrize(
    "lead_in, source",
    [
        ("From Bloomberg:", "Bloomberg"),
        ("From the website:", "the website"),
    ],
)
def test_the_block_after_a_line_saying_where_it_is_from_is_that_source_s(lead_in, source):
    text = (
        "Missouri Democrat Jason Kander has launched a group to fight voter suppression.\n\n"
        f"{lead_in}\n\n"
        "For all his prowess at appealing to Republican voters, Donald Trump has struggled mightily to win over rich "
        "Republican donors. After savaging major party funders as corrupt insiders during the primaries, Trump is "
        "finding them reluctant to open their wallets.\n\n"
        "Barber sees voter suppression as a moral issue."
    )
    body = score_article(text)
    found = [claim["attribution"] for claim in body["claims"]]
    assert [(a or {}).get("source", {}) and a["source"]["text"] for a in found[1:3]] == [source, source], found
    assert all(a["inherited"] for a in found[1:3]) and found[0] is None
    assert not (found[-1] or {}).get("inherited")  # the next paragraph is the writer's again
    assert lead_in not in [claim["text"] for claim in body["claims"]]  # the line itself is no claim


def test_a_roundup_side_heading_with_a_colon_hands_on_nothing():
    text = ("Lawmakers reached a budget deal on Sunday.\n\nFrom the Right:\n\n"
            "Conservatives are split over the deal. The deal spends money the country does not have.")
    assert all(claim["attribution"] is None for claim in score_article(text)["claims"])


@pytest.mark.parametrize(
    "text, poll",
    [
        ("A Wall Street Journal/NBC News/Marist poll from earlier this month found Obama leading Romney in the state 49 "
         "percent to 44 percent. In the latest Gallup poll, registered Hispanic voters favored the president over Romney "
         "66 percent to 26 percent.", "Gallup poll"),
        ("New polls released Sunday showed Clinton taking a lead in the presidential race. According to a Washington "
         "Post-ABC News survey, 51 percent of respondents said they would vote for Clinton, versus 39 percent for "
         "Trump.", "Washington Post-ABC News survey"),
        ("Mrs. Clinton has support from 52 percent of Democratic primary voters, while Mr. Sanders has backing from 33 "
         "percent, the poll found. In an early-October CBS News poll, she led Mr. Sanders 56 percent to 32 percent.",
         "CBS News poll"),
    ],
)
def test_a_poll_s_figures_in_a_sentence_naming_another_poll_are_that_poll_s(text, poll):
    # the sentence names the poll its figures come from: the source is that poll, not the one named before it
    found = attributions(text)[-1]
    assert found is not None and found["source"]["text"] == poll, found


def test_a_poll_named_for_comparison_leaves_the_finding_with_the_poll_before():
    text = ("Republicans have been unconvinced by the arguments of Democrats, according to a poll from The Associated "
            "Press-NORC Center for Public Affairs Research. A slim majority of Republicans think Trump has done nothing "
            "wrong in his interactions with Ukraine’s president, though that share has declined slightly from an "
            "AP-NORC poll in October — 64% then compared with 54% now.")
    found = attributions(text)[-1]
    assert found is not None and "AP-NORC" not in found["source"]["text"], found
