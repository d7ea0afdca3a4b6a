"""Claim segmentation: real scraped lines in, claims and skipped segments out."""
from __future__ import annotations

import re

import pytest

from service.pipeline.claims import FURNITURE_MAX_CHARS, segment
from service.pipeline.document import Document, fold
from service.pipeline.resources import read_toml

from .conftest import seed_text


@pytest.mark.parametrize(
    "text, expected_claims",
    [
        (
            "Russia launched 49 drones to attack Ukraine overnight, the Ukrainian military said on Monday. "
            "Three drones remained in the Ukrainian air space as of Monday morning, it added.",
            [
                "Russia launched 49 drones to attack Ukraine overnight, the Ukrainian military said on Monday.",
                "Three drones remained in the Ukrainian air space as of Monday morning, it added.",
            ],
        ),
        (
            "In late October, U.S. Defense Secretary Lloyd Austin said the U.S. had not yet detected troops. "
            "Gen. Smith agreed.",
            [
                "In late October, U.S. Defense Secretary Lloyd Austin said the U.S. had not yet detected troops.",
                "Gen. Smith agreed.",
            ],
        ),
        (
            "“We expect further engagements in the coming weeks,” said Umerov. Pyongyang has supplied Moscow with rockets.",
            ["“We expect further engagements in the coming weeks,” said Umerov.", "Pyongyang has supplied Moscow with rockets."],
        ),
        (
            "“Is this the end?” he asked reporters on Tuesday. Nobody answered him at all.",
            ["“Is this the end?” he asked reporters on Tuesday.", "Nobody answered him at all."],
        ),
        ("Written by Kathrine Frich\n\nNov.08 - 2024 9:59 AM CET\n\nThe troops fired in the wrong direction.",
         ["The troops fired in the wrong direction."]),
        ("Footage shows troops on the frontline in Russia’s Kursk region. Khorne group/e2w news",
         ["Footage shows troops on the frontline in Russia’s Kursk region."]),
        # "no." ends a sentence but before a number ("No. 2"): it abbreviates "number" only there
        ("Asked whether she would run again, the mayor said no. But she kept her campaign office open.",
         ["Asked whether she would run again, the mayor said no.", "But she kept her campaign office open."]),
        ("The council voted no. “No. We will not pay,” the chair said.",
         ["The council voted no.", "“No.", "We will not pay,” the chair said."]),
        ("The bill ranked No. 2 on the list of priorities this year.",
         ["The bill ranked No. 2 on the list of priorities this year."]),
        # a quotation right after a closed one is the next turn, not a speaker tag: the answer is a claim of its own,
        # the question none
        ("“Is that the bridge over there?” “Yes, yes, yes.”", ["“Yes, yes, yes.”"]),
        # a question tag after a comma ends a statement, which the sentence still asserts; a question is none
        ("“Hillary Clinton is a joke,” he said. “She’s a liar when you think, right?”",
         ["“Hillary Clinton is a joke,” he said.", "“She’s a liar when you think, right?”"]),
        ("“The nickname kind of flows off the lips, doesn’t it? It hits her where she is weakest,” he wrote.",
         ["“The nickname kind of flows off the lips, doesn’t it?", "It hits her where she is weakest,” he wrote."]),
        ("“He’s not a victim. I have been bullied, OK?” she said.", ["“He’s not a victim.", "I have been bullied, OK?” she said."]),
        ("“It’s like, is he OK?” she asked. Nobody answered her.", ["“It’s like, is he OK?” she asked.", "Nobody answered her."]),
        ("“It comes down to the training,” Craig said. “It’s about the training.” “I know,” Lee answered.",
         ["“It comes down to the training,” Craig said.", "“It’s about the training.”", "“I know,” Lee answered."]),
        ('"We were told nothing at all." "Nobody was," she said.',
         ['"We were told nothing at all."', '"Nobody was," she said.']),
        # an initialism before a quotation that opens with a capital ends its sentence; before a quoted phrase, not
        ("“It is over,” Lee said at a rally in Albany, N.Y. “We will win this state.”",
         ["“It is over,” Lee said at a rally in Albany, N.Y.", "“We will win this state.”"]),
        ('The senator spoke after a vote in Washington, D.C. "I get that. We lost."',
         ["The senator spoke after a vote in Washington, D.C.", '"I get that.', 'We lost."']),
        ("Officials defended the U.S. “maximum pressure” campaign on Monday.",
         ["Officials defended the U.S. “maximum pressure” campaign on Monday."]),
        ("Exports to the U.S. Army rose by a third last year.", ["Exports to the U.S. Army rose by a third last year."]),
        # plural titles, a title after a hyphen or a bracket, a case name's "v." go on the name; a unit after a number
        # is no initial
        ("Two Republicans, Sens. Ann Hale and Tom Vance, voted against the bill.",
         ["Two Republicans, Sens. Ann Hale and Tom Vance, voted against the bill."]),
        ("The colonel will join a one-star general—Brig. Gen. Rita Kim—at the base.",
         ["The colonel will join a one-star general—Brig. Gen. Rita Kim—at the base."]),
        ("She trailed then-Sen. Tom Vance by ten points in the spring.",
         ["She trailed then-Sen. Tom Vance by ten points in the spring."]),
        ("The firm [Mr. Vance and his partners] understood the terms.",
         ["The firm [Mr. Vance and his partners] understood the terms."]),
        ("The ruling in Tinker v. Des Moines protects student speech at school.",
         ["The ruling in Tinker v. Des Moines protects student speech at school."]),
        ("The new console plays its games in 4K. Everyone else should wait for the sale.",
         ["The new console plays its games in 4K.", "Everyone else should wait for the sale."]),
        # a short tag after the quotation still ends with it; words that end in a title's stop are no tag
        ('Both leaders vowed to block the "midnight rule." But Sen. Lee has promised a vote on it.',
         ['Both leaders vowed to block the "midnight rule."', "But Sen. Lee has promised a vote on it."]),
        ("“We will not fold,” said Gov. Ann Hale of Ohio on Friday.",
         ["“We will not fold,” said Gov. Ann Hale of Ohio on Friday."]),
        ("“Who pays for it?” Ohio Gov. Ann Hale asked the panel.", ["“Who pays for it?” Ohio Gov. Ann Hale asked the panel."]),
        ("“We will rebuild the whole block,” the mayor said firmly. The crowd cheered.",
         ["“We will rebuild the whole block,” the mayor said firmly.", "The crowd cheered."]),
        # an ellipsis glued to a word leaves words out of one excerpt; after a stop, or closing a quotation, it ends
        ("Local polls missed his lead in the spring… It is clear, however, that the race has tightened.",
         ["Local polls missed his lead in the spring… It is clear, however, that the race has tightened."]),
        ("The vote was set for March. … The fight over the rules went on for weeks.",
         ["The vote was set for March.", "The fight over the rules went on for weeks."]),
        ("The memo said the agency had acted “in good faith…” That claim is now in dispute.",
         ["The memo said the agency had acted “in good faith…”", "That claim is now in dispute."]),
        # a spaced ellipsis goes on to its last dot: the words after it decide, as after one mark
        ("The letter called him a “powerful and shadowy . . . spymaster at the head of the agency.”",
         ["The letter called him a “powerful and shadowy . . . spymaster at the head of the agency.”"]),
        ("The vote was set for March. . . . The fight over the rules went on for weeks.",
         ["The vote was set for March. . . .", "The fight over the rules went on for weeks."]),
        # a post's last sentence goes on into its signature; a dash that signs nothing ends no sentence either way
        ("The turnout was huge today. Thank you, Ohio! — Jane Roe (@janeroe) May 2, 2020",
         ["The turnout was huge today.", "Thank you, Ohio! — Jane Roe (@janeroe) May 2, 2020"]),
        ("The bill passed the House. — It now goes to the Senate, where its fate is unclear.",
         ["The bill passed the House.", "— It now goes to the Senate, where its fate is unclear."]),
    ],
)
def test_sentences(text, expected_claims):
    claims = segment(Document.of(text)).claims
    assert [claim.text for claim in claims] == expected_claims
    assert all(text[claim.start:claim.end] == claim.text for claim in claims)


@pytest.mark.parametrize(
    "line, kind",
    [
        ("Exit mobile version", "furniture"),
        ("Sign up to read this article", "furniture"),
        ("Leave a Reply", "furniture"),
        ("Trending Now", "furniture"),
        ("Related Stories", "furniture"),
        ("Photo: Sfc Keith J. Gardner / Wikimedia Commons", "furniture"),
        ("KIM WON JIN/AFP via Getty Images", "furniture"),
        ("Your email address will not be published. Required fields are marked *", "furniture"),
        ("This is a developing story. Updates will be provided as more information becomes available.", "furniture"),
        ("North Korean troops open fire on Russian allies", "headline"),
        ("Putin Faces New Setback as Military Partnership Shows Fatal Flaws.", "headline"),
        # an archive's "Title; subtitle" above the story
        ("Shelter closes its doors after a long fight;", "headline"),
        ("Contributing: Jane Roe and John Doe.", "furniture"),
        ("A version of this article appears in print on Page A22.", "furniture"),
        ("9:45 p.m. EDT", "furniture"),
        ("War", "fragment"),
    ],
)
def test_furniture_and_headlines_are_not_claims(line, kind):
    result = segment(Document.of(line + "\n"))
    assert result.claims == ()
    assert [segment_.kind for segment_ in result.skipped] == [kind]


@pytest.mark.parametrize(
    "text, short, kept",
    [
        ("Mayor Ann Cole said of the talks: “We are making progress. We’re talking.”", "We’re talking.”", True),
        ("“The bridge will open in May,” said Tom Vance. “Really sad.”", "“Really sad.”", True),
        ('"The old plant is closed for good," the manager said. "That\'s gone."', '"That\'s gone."', True),
        ("“They never asked us. Shame.”", "Shame.”", True),
        # inside a quotation, two words are the speaker's too; one is an exclamation
        ("“The fillets are pure white. It’s translucent. And it flakes.”", "It’s translucent.", True),
        ("“The fillets are pure white. Wow. And it flakes beautifully.”", "Wow.", False),
        ("The council voted to close the plant. Really sad.", "Really sad.", False),
        ("The council met on Monday night. Nothing else.", "Nothing else.", False),
        # a personal pronoun and a verb make a clause, quoted or not; a lead-in or a head between dashes does not
        ("The measure passed with 61 votes. It failed.", "It failed.", True),
        ("Many Americans say the fear is in the air. It's palpable.", "It's palpable.", True),
        ("The senator was asked whether he had read the bill. He didn’t.", "He didn’t.", True),
        ("The council met on Monday night. Too late.", "Too late.", False),
        ("The mayor spoke for an hour. She continued:", "She continued:", False),
    ],
)
def test_a_short_sentence_is_a_claim_only_when_quoted_or_a_pronoun_clause(text, short, kept):
    claims = [claim.text for claim in segment(Document.of(text + "\n")).claims]
    assert (short in claims) is kept, claims


@pytest.mark.parametrize(
    "line",
    [
        "FILE - In this May 2 photo, the governor speaks to reporters in the state capitol. The governor said on "
        "Tuesday that she would sign the budget bill. She vetoed a similar bill last year after a long fight.",
        "FILE PHOTO: A worker walks past solar panels at a plant outside the city, on June 4, 2021.",
        "Hide caption A volunteer hands out water bottles at the shelter on the edge of town.",
        "Media playback is unsupported on your device Media caption The mayor speaks after the flood",
        "JUST WATCHED Inside the flooded town Replay More Videos ...",
        "MUST WATCH Inside the flooded town 02:14",
        "(Photo: Dana Reyes, Lakeside Herald)",
        "Read the rest of the story here.",
        "See photos from the debate below:",
        "Like the page:",
        "Melissa Joskow / Media Matters.",
        "(RELATED: Senator Calls For New Hearing On Water Rights)",
        "REUTERS/Ana Lopes/File Photo",
        "(Mark Tiller/Lakeside Herald via AP)",
        "Get the Weekly Digest stories you care about delivered to your inbox.",
        "By signing up, you agree to our Privacy Policy",
        "You may opt out at any time.",
        "Sign up to receive our best stories each morning.",
        "Sign Up You will receive emails with news and offers from the Daily Ledger.",
        "You agree to receive occasional updates and special offers for the Daily Ledger's products.",
        "Update at 4:15 p.m. ET:",
        "Thank you for subscribing.",
        "Visit Metro Daily's homepage for more stories.",
        "Read or Share this story: https://example.com/story/2020/01/01/flood/",
        "Join the conversation below.",
        "Pat Moreno contributed reporting.",
        "Reyes reported from Fresno, Calif.",
        "This report has been updated with comment from the county.",
        "This article is republished from The Campus Review under a Creative Commons license.",
        "Originally published June 3.",
        "Contact Dana Reyes: 555-201-3344, dreyes@example.com or on Twitter @dreyes.",
        "Email: dreyes@example.com Twitter: @dreyes",
        "Watch the full interview below:",
        "Editor’s Note: This story was changed after publication to correct a date.",
        "More: Ferry fares rise again? Council may need to rethink the subsidy",
        "More:Harbour dredging resumes as river levels fall",
        "Read the full transcript of the interview",
        "Slideshow (4 Images)",
        "ADVERTISEMENT Thanks for watching!",
        "\"(CROSSTALK.)",
        "(LAUGHTER)",
    ],
)
def test_captions_credits_and_sign_up_boxes_are_furniture(line):
    result = segment(Document.of(line + "\n"))
    assert result.claims == ()
    assert result.skipped[0].kind == "furniture"


@pytest.mark.parametrize(
    "line",
    [
        "The governor filed a photo of the damaged levee with her report to the legislature.",
        "Officials said the file photo had been altered before it was posted online.",
        "The company said customers who signed up before May would keep their old price.",
        "Reporters who covered the trial said the verdict was read out shortly after noon.",
        "The senator reported from her own polling that support for the bill had fallen.",
        "Investigators said the emails were delivered to the wrong inbox at the agency.",
        "Residents can watch the hearing live, the clerk said, and comment below the stream.",
        "The governor said the related costs would be paid by the state, not by the towns.",
        "Contact tracing began on Monday in three counties, the health department said.",
        "Thousands of voters sign up to receive mail ballots each year, the clerk said.",
        "The update at 9:30 a.m. showed the river still rising near the bridge, officials said.",
        "More than 40 ferries were cancelled on Monday, the port authority said.",
        "Moreover: the harbour will stay closed until the dredging is finished.",
        "It was an either/or choice for the council.",
    ],
)
def test_claims_that_share_words_with_furniture_are_kept(line):
    claims = segment(Document.of(line + "\n")).claims
    assert [claim.text for claim in claims] == [line]


@pytest.mark.parametrize(
    "line",
    [
        "The mayor tours the flooded district on Monday. (Photo: Dana Reyes, Lakeside Herald)",
        "Senator Ana Ruiz speaks at a rally in Fresno. She is seeking a third term. (Mark Tiller/Getty Images)",
        "Rescue workers search the rubble after the quake. Credit Lena Park/Agence France-Presse",
        "The new bridge, seen from the east bank. [Tom Hale/Reuters]",
        "A worker checks the pipeline valve near the border. (March 22) AP",
        "The harbour master, the man with the dredging plan. Photo by Sam Lee/Harbour Daily",
    ],
)
def test_a_line_that_ends_in_a_photo_credit_is_a_caption_all_of_it(line):
    result = segment(Document.of(line + "\n\nThe council approved the harbour budget on Tuesday.\n"))
    assert [claim.text for claim in result.claims] == ["The council approved the harbour budget on Tuesday."]
    assert {segment.kind for segment in result.skipped} == {"furniture"}


@pytest.mark.parametrize(
    "line, claims",
    [
        # An embedded post's sign-off names a person, not a picture: the post is someone's words, signed.
        ("The river has never been this high in my lifetime. — Dana Reyes (@dreyes)",
         ["The river has never been this high in my lifetime. — Dana Reyes (@dreyes)"]),
        # A body sentence that mentions a photo or an agency ends in punctuation: no credit.
        ("The mayor tours the flooded district. The photo was taken by an AP reporter on Monday.",
         ["The mayor tours the flooded district.", "The photo was taken by an AP reporter on Monday."]),
        # A related-story link is furniture of its own, not a credit: the sentence before it stays.
        ("The council approved the budget on Tuesday. (RELATED: Mayor Calls For New Levy)",
         ["The council approved the budget on Tuesday."]),
    ],
)
def test_a_line_without_a_photo_credit_keeps_its_sentences(line, claims):
    assert [claim.text for claim in segment(Document.of(line + "\n")).claims] == claims


STORY = ("The county board voted on Tuesday to close the Elm Street shelter. Its director, Ana Ruiz, said the vote "
         "came as a shock.\n\n")


@pytest.mark.parametrize(
    "ending, bio",
    [
        # the writer's bio closing the article: who wrote it, not what it reports
        ("Jane Roe is a professor of public policy at Smith College. She is the author of two books on housing.", True),
        ("Jane Roe covers local government. Since joining the paper, she has covered courts and schools.", True),
        ("John Q. Doe, a member of the Board of Contributors, is a senior fellow at the Policy Institute.", True),
        # a person of the story, named before: the story goes on
        ("Ruiz is a social worker who has run the shelter since 2009.", False),
        ("Ana Ruiz is a social worker who has run the shelter since 2009.", False),
        # the writer's own last word, not a name
        ("Now is the time to find the families another roof.", False),
        # a person of the story introduced near its end: the story goes on after the paragraph
        ("Jane Roe is a nurse at the clinic next door.\n“We took in six families.”\nThe shelter reopens next week.", False),
    ],
)
def test_an_author_bio_that_ends_the_article_is_no_claim(ending, bio):
    text = STORY + ending
    segmentation = segment(Document.of(text))
    assert [claim.text for claim in segmentation.claims][:2] == [
        "The county board voted on Tuesday to close the Elm Street shelter.",
        "Its director, Ana Ruiz, said the vote came as a shock.",
    ]
    assert (len(segmentation.claims) == 2) is bio
    assert any("bio" in segment.reason for segment in segmentation.skipped) is bio


def test_quote_continuation_is_marked():
    text = (
        "“Because of this problem, North Korean soldiers opened ‘friendly fire’ on the vehicles,” "
        "the agency added. “As a result, they killed eight Kadyrovite soldiers.”\n"
        "The soldier detailed a pattern, noting: “They give all the warm clothing to Koreans. "
        "During the assault, the Koreans started firing at us.”"
    )
    flags = [(c.text[:12], c.opens_inside_quote) for c in segment(Document.of(text)).claims]
    assert flags == [
        ("“Because of ", False),
        ("“As a result", False),
        ("The soldier ", False),
        ("During the a", True),
    ]


def test_repeated_subtitle_scored_once():
    text = "Troops are “disguised” as Russian soldiers.\n\nTroops are “disguised” as Russian soldiers.\n"
    result = segment(Document.of(text))
    assert len(result.claims) == 1
    assert [s.kind for s in result.skipped] == ["duplicate"]


def test_a_sentence_repeated_further_on_stands_again_but_a_passage_printed_twice_does_not():
    pull_quote = "“We will not close the clinic,” the mayor said."
    story = [
        pull_quote,
        "The council voted on Tuesday to cut the health budget by a fifth.",
        "Three clinics in the north of the city are to close by June.",
        "Residents packed the hall to object to the plan.",
    ]
    text = "\n\n".join([*story, pull_quote, "The vote was seven to four.", *story[1:]]) + "\n"
    result = segment(Document.of(text))
    assert [claim.text for claim in result.claims] == [*story, pull_quote, "The vote was seven to four."]
    assert [claim.index for claim in result.claims] == list(range(len(story) + 2))
    assert [segment.text for segment in result.skipped if segment.kind == "duplicate"] == story[1:]


@pytest.mark.parametrize(
    "first, again, duplicate",
    [
        ("The mayor’s office said the bridge — closed since May — reopens Friday.",
         "THE MAYOR’S OFFICE SAID THE BRIDGE — CLOSED SINCE MAY — REOPENS FRIDAY.", True),
        ("Residents of Zürich voted on the plan in “a quiet election”…", "residents of zürich voted on the plan in “a quiet election”…", True),
        ("The İstanbul office said the ferry\u00a0service resumes today.", "The istanbul office said the ferry service resumes today.", True),
        ("The mayor’s office said the bridge reopens on Friday.", "The mayor’s office said the bridge reopened on Friday.", False),
        ("Residents of Zürich voted on the plan.", "Residents of Zurich voted on the plan.", False),
    ],
)
def test_a_repeat_differing_only_in_case_is_a_duplicate_whatever_its_characters(first, again, duplicate):
    result = segment(Document.of(f"{first}\n\n{again}\n"))
    assert [s.kind for s in result.skipped] == (["duplicate"] if duplicate else [])


def test_offsets_survive_crlf_and_odd_spacing():
    text = "  Headline words here\r\n\r\n   The agency said the troops had left.   \r\nIt added more.\r\n"
    claims = segment(Document.of(text)).claims
    assert [c.text for c in claims] == ["The agency said the troops had left.", "It added more."]
    assert all(text[c.start:c.end] == c.text for c in claims)


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004"])
def test_seed_page_furniture_is_never_a_claim(prefix):
    text = seed_text(prefix)
    claims = segment(Document.of(text)).claims
    furniture = ("Exit mobile version", "Sign up", "Leave a Reply", "Trending", "Related Stories", "Photo:",
                 "Getty Images", "Already a member", "Download the app", "Your email address", "Written by")
    assert claims, "every seed has claims"
    for claim in claims:
        assert text[claim.start:claim.end] == claim.text
        assert not any(marker.lower() in claim.text.lower() for marker in furniture), claim.text


@pytest.mark.parametrize(
    "text, expected_claims",
    [
        ("“How many times do we have to see this in our country?” Clinton said. The crowd cheered loudly.",
         ["“How many times do we have to see this in our country?” Clinton said.", "The crowd cheered loudly."]),
        ("“He is a bully. Not a worthy representative for the most powerful nation.” ― Oscar P. Quintero",
         ["“He is a bully.", "Not a worthy representative for the most powerful nation.” ― Oscar P. Quintero"]),
        ("He asked: “Do you think her health matters?” Forty-three, yes; forty-four, no.",
         ["He asked: “Do you think her health matters?”", "Forty-three, yes; forty-four, no."]),
        # after a quoted full stop the next words are a sentence of their own, however short
        ("The lawyer asked whether the juror backed “looting stores.” The juror said no.",
         ["The lawyer asked whether the juror backed “looting stores.”", "The juror said no."]),
        ("“The voters will not be ready for that.” Lee was too young.",
         ["“The voters will not be ready for that.”", "Lee was too young."]),
    ],
)
def test_speaker_tag_after_a_quotation_stays_with_it(text, expected_claims):
    assert [claim.text for claim in segment(Document.of(text)).claims] == expected_claims


@pytest.mark.parametrize(
    "text, expected_claims",
    [
        # An acronym ends a sentence; its last capital is no initial.
        ("The grant went to the NAACP. Board members met on Friday to discuss it.",
         ["The grant went to the NAACP.", "Board members met on Friday to discuss it."]),
        ("He filed the complaint with the FEC. And the regulator has not answered yet.",
         ["He filed the complaint with the FEC.", "And the regulator has not answered yet."]),
        # A lone initial, bare or after a bracket, does not.
        ("The memo was signed by Laura K. Denton on behalf of the board.",
         ["The memo was signed by Laura K. Denton on behalf of the board."]),
        ("The author (J. Ortega) wrote the report for the council in March.",
         ["The author (J. Ortega) wrote the report for the council in March."]),
        # Nor does an initialism before a capitalised word.
        ("The U.N. Security Council met in emergency session on Sunday night.",
         ["The U.N. Security Council met in emergency session on Sunday night."]),
        # Unless that word opens sentences and never goes on a name: the stop of the initialism, initial or
        # abbreviation that ends a name or a list ends the sentence too.
        ("Prices rose fastest in Canada and the U.S. But wages kept pace in both countries.",
         ["Prices rose fastest in Canada and the U.S.", "But wages kept pace in both countries."]),
        ("The rally drew a large crowd in Washington, D.C. He spoke for about an hour.",
         ["The rally drew a large crowd in Washington, D.C.", "He spoke for about an hour."]),
        ("The console is far quieter than the older Xbox One S. That model ran hot under load.",
         ["The console is far quieter than the older Xbox One S.", "That model ran hot under load."]),
        ("The list named cousins, neighbours, old classmates, etc. This data was then sold on.",
         ["The list named cousins, neighbours, old classmates, etc.", "This data was then sold on."]),
        ("The paper is owned by Arthur Sulzberger Jr. A family trust holds the voting shares.",
         ["The paper is owned by Arthur Sulzberger Jr.", "A family trust holds the voting shares."]),
        ("The cards were printed by Acme Games, Inc. “We sold out in a week,” its owner said.",
         ["The cards were printed by Acme Games, Inc.", "“We sold out in a week,” its owner said."]),
        ("Shares of Acme Inc. Chief Executive Jane Roe rose after the deal was announced.",
         ["Shares of Acme Inc. Chief Executive Jane Roe rose after the deal was announced."]),
        ("The barbecue was hosted by Rep. Robert C. “Bobby” Scott in his back yard.",
         ["The barbecue was hosted by Rep. Robert C. “Bobby” Scott in his back yard."]),
        ("The order was signed by Judge Anne B. Thornton on Tuesday in Boston.",
         ["The order was signed by Judge Anne B. Thornton on Tuesday in Boston."]),
        ("The letter went to the U.S. House committee that oversees the agency.",
         ["The letter went to the U.S. House committee that oversees the agency."]),
        ("Critics asked whether the case of Trump vs. The Times would ever reach a jury.",
         ["Critics asked whether the case of Trump vs. The Times would ever reach a jury."]),
        # A page pasted without its spaces: the stop glued to a capitalised word ends the sentence.
        ("The council approved the levy on Monday.Residents had opposed it for months.",
         ["The council approved the levy on Monday.", "Residents had opposed it for months."]),
        ("The verdict came after two days of talks.However, the jury asked to see the video again.",
         ["The verdict came after two days of talks.", "However, the jury asked to see the video again."]),
        # A closing quote glued to a capitalised word ends the sentence after it; a straight quote that opens the next
        # quotation (the line's quotes before it are paired) starts the next sentence.
        ("“We worked through the night.”Crews had restored power by dawn, officials said.",
         ["“We worked through the night.”", "Crews had restored power by dawn, officials said."]),
        ('"We worked through the night."Crews had restored power by dawn, officials said.',
         ['"We worked through the night."', "Crews had restored power by dawn, officials said."]),
        ('The roads were closed, officials said."We are asking people to stay home," the mayor added.',
         ["The roads were closed, officials said.", '"We are asking people to stay home," the mayor added.']),
        # So does a stop before a quotation glued to it, closed or not, after a word or a year.
        ('She asked: "How could they let him go?""He walked free," her brother said.',
         ['She asked: "How could they let him go?"', '"He walked free," her brother said.']),
        ("The party has no clear favourite for 2028.“We will know by spring,” an aide said.",
         ["The party has no clear favourite for 2028.", "“We will know by spring,” an aide said."]),
        # An abbreviation, a number, a domain or an initialism glued the same way does not.
        ("The decision by Gen.Morales came late in the evening of the second day.",
         ["The decision by Gen.Morales came late in the evening of the second day."]),
        ("The fund paid out 4.5 million dollars to the families by the end of the year.",
         ["The fund paid out 4.5 million dollars to the families by the end of the year."]),
        ("The petition was posted on change.org and drew many signatures within a week.",
         ["The petition was posted on change.org and drew many signatures within a week."]),
        ("The loan was made by a U.S.Treasury program that ended in the spring of 2020.",
         ["The loan was made by a U.S.Treasury program that ended in the spring of 2020."]),
    ],
)
def test_acronyms_and_stops_glued_to_a_capital_end_sentences_initials_do_not(text, expected_claims):
    assert [claim.text for claim in segment(Document.of(text)).claims] == expected_claims


def test_long_unpunctuated_body_line_is_a_cut_sentence_not_a_headline():
    text = (
        "Short Heading Here\n"
        "The committee met on Tuesday to discuss the budget.\n"
        "PolitiFact claimed “Trump exaggerates” the level of black youth unemployment through a “misleading use of statistics,” a\n"
        "Another Section Heading\n"
    )
    result = segment(Document.of(text))
    assert [c.text[:10] for c in result.claims] == ["The commit", "PolitiFact"]
    assert [s.kind for s in result.skipped] == ["headline", "headline"]


@pytest.mark.parametrize(
    "first, lede, kind",
    [
        # PolNeAR's headlines, punctuated as sentences, above the story
        ("Carson: Cruz taking 'Benghazi' approach to Iowa controversy.",
         "The \"dirty tricks\" that Ben Carson accused Ted Cruz's campaign of perpetrating on caucus night are not on the "
         "same level as Hillary Clinton's reaction to the Benghazi attacks, the candidate said Friday.", "headline"),
        ("Republicans building firewall between Congress and Trump.",
         "Establishment Republicans and their big-money allies are rushing to build a multistate defense system to "
         "protect Senate and House candidates.", "headline"),
        ("Obama's Gitmo plan leaves everyone unhappy.",
         "Virtually no one is impressed with President Barack Obama’s latest plan to close Guantanamo Bay.", "headline"),
        # a lead sentence is longer, or keeps its articles
        ("Maryland just became the sixth state to raise the minimum wage to $15 an hour.",
         "The measure passed over the governor's veto.", "claim"),
        ("There’s a reason New Jersey is colloquially known as The Soprano State.",
         "Its politicians have been indicted at a steady clip.", "claim"),
    ],
)
def test_a_short_first_line_above_the_story_is_a_headline(first, lede, kind):
    result = segment(Document.of(first + "\n\n" + lede + "\n"))
    assert [c.text for c in result.claims][-1] == lede
    assert (first in [c.text for c in result.claims]) == (kind == "claim")
    assert [s.kind for s in result.skipped] == (["headline"] if kind == "headline" else [])


@pytest.mark.parametrize(
    "first, headline",
    [
        # ten words or fewer above a story: a headline even with its articles
        ("How Donald Trump scrambles the general election map.", True),
        ("Despite a pandemic, Trump hasn't slowed his attacks on immigrants.", True),
        # a quotation opening the story is the speaker's words
        ("“We will not close the clinic,” the mayor said.", False),
    ],
)
def test_a_first_line_of_ten_words_above_a_story_is_a_headline(first, headline):
    story = ["At the height of the ongoing pandemic, the administration continues to restrict immigration.",
             "In the latest example, it used the health agency to pass new restrictions at the border.",
             "Advocates say the rules leave families with no way to ask for asylum."]
    claims = [c.text for c in segment(Document.of("\n\n".join([first, *story]) + "\n")).claims]
    assert claims == (story if headline else [first, *story])
    # with no blank line under it, or a single sentence below it, the line is no headline above a story
    assert [c.text for c in segment(Document.of("\n".join([first, *story]) + "\n")).claims] == [first, *story]
    assert [c.text for c in segment(Document.of(f"{first}\n\n{story[0]}\n")).claims] == [first, story[0]]


@pytest.mark.parametrize(
    "title, subtitle",
    [
        ("Sanders lays off more than 200 campaign staffers; ",
         "Win or not, candidate says, campaign aims to transform country."),
        ("Trump tries new 'chapter' in campaign;",
         "As nominee shifts his focus to unify party, many in GOP reaffirm their opposition."),
    ],
)
def test_the_line_below_a_title_ending_in_a_semicolon_is_its_subtitle(title, subtitle):
    lede = ("The results of Tuesday's five Democratic presidential primaries will almost certainly force Sen. Bernie "
            "Sanders to acknowledge a hard reality -- it's time for Plan B.")
    result = segment(Document.of(f"{title}\n{subtitle}\n\n{lede}\n"))
    assert [c.text for c in result.claims] == [lede]
    assert [s.kind for s in result.skipped] == ["headline", "headline"]


@pytest.mark.parametrize(
    "head, kept",
    [
        ("THE COMMON THREAD:", False),
        ("COUNTRIES LED BY WOMEN HAVE FARED BETTER AGAINST CORONAVIRUS. WHY?", False),
        ("(END VIDEO CLIP.)", False),
        # a sentence with a word in capitals, or a shouted quotation, is no head
        ("The FBI and the NSA both declined to comment on the report.", True),
        ("“WE WILL NOT BACK DOWN!”", True),
    ],
)
def test_a_short_line_in_capitals_is_a_section_head(head, kept):
    body = ["The council voted on Tuesday to cut the health budget by a fifth.",
            "Three clinics in the north of the city are to close by June."]
    claims = [c.text for c in segment(Document.of("\n\n".join([body[0], head, body[1]]) + "\n")).claims]
    assert claims == ([body[0], head, body[1]] if kept else body)


@pytest.mark.parametrize(
    "first, headline",
    [
        # a headline set in title case, of several sentences
        ("$150K Pearl Oscar Dress ... STOLEN!!!!", True),
        # a lede of several sentences in sentence case
        ("Bear with me. No Republican president in my lifetime has united his opponents this way.", False),
    ],
)
def test_a_title_cased_first_line_of_several_sentences_is_a_headline(first, headline):
    story = ["A photographer and Navy veteran is fighting back after a photo of hers was used without credit.",
             "The picture was shared thousands of times before the agency noticed."]
    claims = [c.text for c in segment(Document.of("\n\n".join([first, *story]) + "\n")).claims]
    assert (claims == story) is headline, claims


@pytest.mark.parametrize(
    "first, second, headline",
    [
        # a caption and a headline above the story's dateline
        ("ElBaradei is a Nobel peace Laureate and a former director of the U.N. nuclear watchdog. Egypt: ElBaradei "
         "nod put on hold",
         "CAIRO — Egypt's new president moved to assert his authority and regain control of the streets Saturday.",
         True),
        # a story that opens with its dateline, a caption below it
        ("WASHINGTON (Reuters) - U.S. Vice President Mike Pence on Sunday denied that he is preparing for a "
         "presidential election run in 2020.",
         "FILE PHOTO - U.S. President Donald Trump and Vice President Mike Pence attend a National Day of Prayer event.",
         False),
    ],
)
def test_the_lines_above_the_dateline_that_opens_the_story_are_its_headline(first, second, headline):
    later = "Pence was responding to a New York Times report that some Republicans were moving to form a campaign."
    claims = [c.text for c in segment(Document.of(f"{first}\n\n{second}\n\n{later}\n")).claims]
    assert claims == ([second, later] if headline else [first, later]), claims


@pytest.mark.parametrize("closed", [True, False])
def test_an_archive_abstract_between_its_labels_is_no_claim(closed):
    abstract = ("The assault on Paris has thrust national security to the heart of the presidential race, forcing "
                "candidates to address voters' worries.")
    story = "Hillary Clinton used a speech in New York on Thursday to lay out her plan to defeat the Islamic State."
    text = f"ABSTRACT.\n\n{abstract}\n\n" + ("FULL TEXT.\n\n" if closed else "") + story + "\n"
    claims = [c.text for c in segment(Document.of(text)).claims]
    assert claims == ([story] if closed else [abstract, story])


def test_markup_left_in_the_text_is_no_words():
    text = ("To anyone who has been following the race, Trump’s response comes as no surprise.\n\n"
            '<tweet tweet-id="667366217527767040"><tweet/>.\n\n'
            "As Obama covered predictable ground, Trump noted that the president was out of step.\n")
    result = segment(Document.of(text))
    assert [c.text[:5] for c in result.claims] == ["To an", "As Ob"]
    assert [s.kind for s in result.skipped] == ["fragment"]


def test_a_short_text_of_one_line_is_a_claim():
    assert [c.text for c in segment(Document.of("Cruz tops Trump in North Dakota delegate race.\n")).claims] == [
        "Cruz tops Trump in North Dakota delegate race."]


@pytest.mark.parametrize(
    "lead_in, listed",
    [
        # the speaker's points, set as a list whose bullets the page lost: claims, however unpunctuated
        ("In a wide-ranging interview, the mayor also said:", True),
        ("The minister told reporters:", True),
        # a writer's signpost or a heading over a list: its lines stay headings
        ("Here are the bill's highlights:", False),
        ("Related:", False),
    ],
)
def test_unpunctuated_lines_after_a_lead_in_of_what_someone_said_are_claims(lead_in, listed):
    items = ["The harbour must be dredged before the spring floods", "He is confident the council will pass the budget"]
    text = "The council met on Tuesday to discuss the budget.\n\n" + lead_in + "\n\n" + "\n\n".join(items) + "\n"
    claims = [claim.text for claim in segment(Document.of(text)).claims]
    assert (claims[-2:] == items) is listed


# The shortcuts segmentation takes must give exactly what the plain way gives.

_EVERY_CHARACTER = "".join(chr(code) for code in range(0x110000) if not 0xD800 <= code < 0xE000)


def _declared_literals() -> set[str]:
    """What the furniture entries declare a match needs (furniture.toml)."""
    literals = set()
    for entry in read_toml("furniture.toml")["furniture"]:
        literals |= {*entry.get("starts_with", ()), *([entry["contains"]] if "contains" in entry else [])}
    return literals


def test_folding_maps_whatever_matches_a_literal_character_to_it():
    literals = _declared_literals()
    assert all(literal == fold(literal) for literal in literals)
    for character in sorted(set("".join(literals))):
        matching = re.compile(re.escape(character), re.IGNORECASE).findall(_EVERY_CHARACTER)
        for other in matching:
            assert fold(other) == character, (character, other)
            assert fold(f"x{other}y") == f"x{character}y"


def test_folding_keeps_offsets_and_word_classes():
    """Segmentation reads a sentence's words off the folded text at the sentence's offsets."""
    word = re.compile(r"\w")
    folded = fold(_EVERY_CHARACTER)
    assert len(folded) == len(_EVERY_CHARACTER)
    assert [c for c, f in zip(_EVERY_CHARACTER, folded) if bool(word.match(c)) != bool(word.match(f))] == []
    assert len(fold("ΑΣ:Β İstanbul ſign \u212a")) == len("ΑΣ:Β İstanbul ſign \u212a")


def _furniture_samples() -> list[str]:
    samples = []
    for prefix in ("000", "001", "002", "003", "004"):
        text = seed_text(prefix)
        samples += [line.strip() for line in text.splitlines() if line.strip()]
        samples += [claim.text for claim in segment(Document.of(text)).claims]
    samples += [
        "Exit mobile version", "ſign up to read", "SIGN İN HERE", "Already a member?", "Trending now on X",
        "Related Articles", "READ MORE", "read news from 2000 sources", "7 days free", "Share this:", "Tap here",
        "subscribe now", "Our weekly NEWSLETTER", "Advertisement", "Close", "Photos: AP", "source :", "\u212aIM/AFP",
        "x via Getty Images", "copyright 2024", "© 2024", "All Rights Reserved", "Written by X", "By John Smith",
        "by john smith", "Posted on Monday", "Updated: 9 am", "We use cookies. Accept?", "Our Picks", "Start reading",
        "Download the app", "One app. One membership.", "Premium titles", "Top stories on Yahoo", "Leave a Reply",
        "Required fields are marked *", "Trusted global sources", "Get all your news in one place",
        "This is a developing story", "Updates will be provided as they come", "Your email address will not be published",
        "FILE - In this photo from last spring, the mayor waves to supporters outside city hall in the rain. " * 3,
    ]
    samples += [f"{entry['pattern']} and then {entry['pattern']}" for entry in read_toml("furniture.toml")["furniture"]]
    return samples + [sample.upper() for sample in samples] + [sample.title() for sample in samples]


def test_furniture_is_what_the_plain_alternation_finds():
    entries = read_toml("furniture.toml")["furniture"]
    oracle = re.compile("|".join(f"(?:{e['pattern']})" for e in entries), re.IGNORECASE)
    whole_line = re.compile("|".join(f"(?:{e['pattern']})" for e in entries if e.get("whole_line")), re.IGNORECASE)
    reasons = []
    for sample in _furniture_samples():
        result = segment(Document.of(sample))
        for found in (*result.claims, *result.skipped):
            kind = getattr(found, "kind", "claim")
            if len(found.text) <= FURNITURE_MAX_CHARS:
                match = oracle.search(found.text)
            else:
                match = whole_line.search(found.text) and oracle.search(found.text)
            if kind == "furniture":
                assert match is not None and found.reason == f"page furniture: matches {match.group(0)!r}", found
                reasons.append(found.reason)
            else:
                assert match is None or kind == "fragment", found
    assert len(reasons) > 100
