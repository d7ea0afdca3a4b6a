"""Inherited attribution, one table per layout of real news in which a claim with no cue of its own goes on saying
what an earlier (or later) claim attributes (docs/guidelines.md, "Inherited"), in both directions: the rows that
inherit and the rows that must not. Every sentence is written for these tests in the style of news copy."""
from __future__ import annotations

import pytest

from service import score_article


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
    assert not any(a is not None and a["inherited"] and a["source"] is None for a in attributions(text))


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
    "text, inherits",
    [
        ("A study by the University of Leeds found that rents rose 20 percent last year.\n"
         "In Manchester, rents rose 31 percent.", True),
        ("A study by the University of Leeds found that rents rose 20 percent last year. In Manchester, they rose 31 percent.",
         True),
        # no figure: the writer's own sentence
        ("A study by the University of Leeds found that rents rose 20 percent last year.\n"
         "The mayor has promised to build more homes.", False),
        # a person's figure is no report's finding
        ("Jane Roe, the council's housing chief, said that rents rose 20 percent last year.\n"
         "In Manchester, rents rose 31 percent.", False),
        # a paragraph between: the finding no longer goes on
        ("A study by the University of Leeds found that rents rose 20 percent last year.\n"
         "The mayor has promised to build more homes.\nIn Manchester, 4,000 homes were built.", False),
    ],
)
def test_a_further_figure_of_a_report_is_its_finding(text, inherits):
    last = attributions(text)[-1]
    assert (last is not None and last["inherited"] and last["source_type"] == "document") is inherits, last


@pytest.mark.parametrize(
    "text, source, refers_to",
    [
        # the quotation goes on after "he said": its source is "he", standing for the name given before
        ("Mayor Tom Reyes visited the shelter on Sunday.\n“We will reopen the school by March,” he said. “Every "
         "family will have a classroom.”", "he", "Mayor Tom Reyes"),
        ("The agency said the road would stay closed.\n“Repairs will take weeks,” the agency added. “Crews are "
         "already on site.”", "the agency", "The agency"),
        # a source that names itself is taken as it is, with nothing to refer to
        ("“We will reopen the school by March,” said Tom Reyes, the mayor. “Every family will have a classroom.”",
         "Tom Reyes", None),
    ],
)
def test_an_inherited_source_is_the_words_of_the_claim_it_continues(text, source, refers_to):
    said, continued = attributions(text)[-2:]
    assert continued["inherited"] and not said["inherited"]
    assert continued["source"] == said["source"] and continued["source"]["text"] == source
    assert (continued["refers_to"] or {}).get("text") == refers_to
