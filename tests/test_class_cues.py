"""Cue candidates from the verb class the gate knows (attribution/cues.py ``class_cues``), as a table of
sentences: a communication or cognition verb the rule lexicon lacks, right before content, is a candidate, and so is a belief
verb before a clause, and one alone in a reporting clause after a quotation or between commas; a rule-lexicon verb, a
noun, a verb of another class or one with no content after it is not."""
from __future__ import annotations

import pytest

from service.pipeline.attribution.cues import class_cues
from service.pipeline.claims import segment
from service.pipeline.document import Document


def cue_words(text: str) -> list[str]:
    document = Document.of(text)
    return [cue.text for claim in segment(document).claims for cue, _ in class_cues(text, claim)]


@pytest.mark.parametrize("text, expected", [
    ("The mayor complains that the river authority ignored every warning.", ["complains"]),
    ("Several pollsters caution that the sample of voters was small.", ["caution"]),
    ("Others contend, “The bridge will never open on time.”", ["contend"]),
    ("The union remarked: the wage offer came far too late.", ["remarked"]),
    ("The minister said that the border would stay closed.", []),  # the rule lexicon finds "said"
    ("The statement that the plant was safe came a week later.", []),  # a noun
    ("The council walked that route with the residents.", []),  # not a verb of communication or cognition
    # a verb of cognition before content states the teller's view: "theorizes that", "hypothesized that"
    ("One hydrologist theorizes that the aquifer is draining faster than the models show.", ["theorizes"]),
    ("The engineers hypothesized that the cracks began at the weld.", ["hypothesized"]),
    ("Kelly theorizes that the aquifer is draining faster than the models show.", ["theorizes"]),  # a name, no adverb
    # ... only right after its teller: many of its words are nouns too, and "that" must open a clause
    ("One of the many reasons that the mayor resigned is the audit.", []),
    ("The crews boarded trains that ran along the old tracks.", []),
    ("The court overruled that request, the clerk said.", []),
    ("The senator complains often about the schedule.", []),  # no content right after it
    # a reporting clause of a name or pronoun and the verb alone, after a quotation or between commas
    ("“The levee will hold through the spring,” Moreno remarked.", ["remarked"]),
    ("The tax, she grumbled, will drive the bakeries out of town.", ["grumbled"]),
    ("The district, they contend, drew its lines to favor incumbents.", ["contend"]),
    ("The mayor met growers, the Farm Bureau, and Valley Networks.", []),  # a name, no verb after it
    ("The delay, he said, was the contractor's fault.", []),  # the rule lexicon finds "said"
    # belief verbs before a clause, with or without "that" (docs/guidelines.md, "belief")
    ("Some county officials think the levee will not hold.", ["think"]),
    ("Few economists believe they can stop the slide.", ["believe"]),
    ("The growers feared that the frost had killed the buds.", ["feared"]),
    ("Two in three residents still feel the town is on the wrong path.", ["feel"]),
    ("Most growers hope so.", ["hope"]),  # "so" stands for the clause
    ("Most growers hope so much rain falls in May.", []),
    ("The council thought about the plan for a week.", []),  # no clause after it
    ("Farmers hope for rain before the harvest.", []),  # an object, no clause
    ("Investors doubt the figures from the ministry.", []),  # an object, no clause
])
def test_class_cues(text, expected):
    assert cue_words(text) == expected
