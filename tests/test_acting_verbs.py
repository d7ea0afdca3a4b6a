"""Acting, expressing, posting, deciding and knowing verbs (governed.governs_nothing, word lists in gate_words.toml),
both ways.

docs/guidelines.md v2: actions and decisions are no attribution. A verb that acts with words on an object only
("urged residents to", "criticized the plan") is refused, and so is a verb of deciding whatever follows; the
same verbs keep their cue when content goes with them (a that-clause, a quotation, a colon, "as" and a
judgement). So does a verb of expressing, presenting or publishing ("voiced his anger", "introduced legislation",
"published its analysis"). A verb of knowing or finding out ("knew that", "discovered that") gives its content as the writer's fact:
refused whatever follows, where a belief ("believed that") keeps its cue. Each sentence is written for these tests in the style of news copy.
"""
from __future__ import annotations

import pytest

from service.pipeline.governed import governs_nothing

from .test_realnews import assert_refused_and_twin_kept, only_claim

SENTENCES = [
    # (refused sentence, reason, a sentence of the same verb or kind that keeps its cue)
    ("The mayor urged residents to stay off the roads until the plows had passed.", "acting",
     "The mayor urged that residents stay off the roads until the plows had passed."),
    ("The union condemned the layoffs in a statement on Friday.", "acting",
     "The union condemned the layoffs: “This is a betrayal of every worker in the plant.”"),
    ("The senator dismissed the report in a speech on Tuesday.", "acting", "The senator dismissed the report as partisan."),
    ("The House voted to extend the program by two years.", "decision",
     "The House speaker said the chamber would extend the program by two years."),
    ("County voters approved a ballot measure that raises the sales tax by half a cent.", "decision",
     "County officials said that the ballot measure would raise the sales tax by half a cent."),
    ("The judge ordered that the ballots be counted again by hand.", "decision",
     "The judge wrote that the ballots must be counted again by hand."),
    ("But current Gov. Rick Scott (R) reversed that change in 2011 and mandated a waiting period before felons could "
     "even apply for clemency.", "decision",
     "But current Gov. Rick Scott (R) said in 2011 that felons must wait before they could even apply for clemency."),
    ("This week, YouTube decided American conservative “shock jock” commentator Steven Crowder broke the rules of "
     "their Partner Program.", "decision",
     "This week, YouTube said American conservative “shock jock” commentator Steven Crowder broke the rules of "
     "their Partner Program."),
    ("The company threatened legal action against the newspaper.", "acting",
     "The company threatened that it would sue the newspaper."),
    ("The airline apologized to passengers for the delays.", "acting",
     "The airline apologized that the delays had ruined holiday plans."),
    ("The senator criticized the zoning plan in a speech on Tuesday.", "acting",
     "The senator criticized the zoning plan: “It is a giveaway to developers.”"),
    # verbs of expressing, presenting and publishing: an action on an object only, a report with content
    ("The governor voiced his anger at the ruling in a post on Friday.", "expressing",
     "The governor voiced concern that the ruling would close three rural clinics."),
    ("Several council members expressed relief after the vote on the stadium lease.", "expressing",
     "Several council members expressed relief that the stadium lease had finally been signed."),
    ("The senator introduced legislation on the pipeline in the spring session.", "expressing",
     "The senator introduced the bill on Tuesday: “Without it, the pipeline will be built in a year.”"),
    ("The union rejected the contract at a meeting on Sunday night.", "expressing",
     "The union rejected the contract as an insult to the nurses who worked through the pandemic."),
    ("The mayor praised the firefighters during a ceremony at City Hall.", "expressing",
     "The mayor praised the plan as the best chance the downtown has had in decades."),
    ("The chief executive mentioned the merger only briefly on the call with analysts.", "expressing",
     "The chief executive mentioned that the merger could close before the end of the year."),
    ("The minister denounced the strike in a televised address.", "expressing",
     "The minister denounced the strike as an attack on the country's economy."),
    # verbs of emphasis, discussion, mockery and challenge (round 34): an object only is an action
    ("The candidate stressed his executive experience during a town hall in Des Moines.", "expressing",
     "The candidate stressed that his executive experience set him apart from the field."),
    ("The senator discussed the pipeline bill on a Sunday morning talk show.", "expressing",
     "The senator discussed the pipeline bill: “It will put thousands of people to work.”"),
    ("The council member questioned the decision at a hearing on Monday.", "expressing",
     "The council member questioned whether the decision was legal."),
    ("The comedian mocked the governor's retweet in a late-night monologue.", "expressing",
     "The comedian mocked the governor: “He hides from voters every chance he gets.”"),
    ("The challenger challenged the mayor to a debate before the primary.", "expressing",
     "The challenger challenged the mayor: “Crime has not fallen in a single ward of this city.”"),
    ("The governor also addressed the controversy when he introduced the speaker.", "expressing",
     "The governor also addressed the controversy: “Every donation has been returned.”"),
    ("Democrats have lambasted the retailer for its resistance to a higher minimum wage.", "expressing",
     "Democrats have lambasted the retailer as the worst employer in the state."),
    ("The Senate confirmed three of the president's judicial nominees on Tuesday.", "expressing",
     "The agency confirmed that two workers had died in the blast at the plant."),
    ("The governor confirmed the critique over and over in interviews last week.", "expressing",
     "The governor confirmed in interviews last week that the budget would be cut."),
    # verbs of posting (round 34): a thing sent, opened by a determiner or a possessive, is an action
    ("The senator tweeted an image of her opponent beside a pile of cash on Saturday.", "posting",
     "The senator tweeted that her opponent had taken money from the oil industry."),
    ("Three council members tweeted their approval of the budget deal.", "posting",
     "Three council members tweeted that the budget deal was a good one for the city."),
    ("The comedian, who has starred in two network sitcoms, posted the clip to YouTube on Thursday.", "posting",
     "The comedian, who has starred in two network sitcoms, posted on YouTube on Thursday that the clip was edited."),
    # verbs of knowing and finding out: the writer gives the content as a fact; a belief or a saying keeps its cue
    ("The coach knew that his players were tired after the long flight.", "knowing",
     "The coach believed that his players were tired after the long flight."),
    ("Inspectors discovered that the pumps were wired backwards.", "knowing",
     "Inspectors said that the pumps were wired backwards."),
    ("Shoppers noticed that prices rose before every holiday weekend.", "knowing",
     "Shoppers complained that prices rose before every holiday weekend."),
    ("The governor understands that the budget cannot pass without the rural votes.", "knowing",
     "The governor argues that the budget cannot pass without the rural votes."),
]


@pytest.mark.parametrize("refused, reason, kept", SENTENCES)
def test_an_action_is_refused_and_its_twin_with_content_kept(refused, reason, kept):
    assert_refused_and_twin_kept(refused, reason, kept)


# The shape test on the words alone: (words before the cue, the cue, words after it, reason or None).
WORDS = [
    ("the senator", "criticized", "the zoning plan in a speech on tuesday .", "acting"),
    ("the committee", "requested", "documents from the agency about the contract .", "acting"),
    ("the agency", "issued", "a warning about the flooding on friday .", "acting"),
    ("the mayor", "has talked", "about the budget with reporters .", "acting"),
    ("the senator", "dismissed", "the report as partisan .", None),
    # "emphasize" is no expressing verb: the labels keep its object as what was said ("the council emphasized the
    # need to inform law enforcement"), where "stress" and "underscore" with an object only are refused
    ("the council", "emphasized", "the need to inform law enforcement when a member is expelled .", None),
    ("the candidate", "stressed", "his executive experience and climate change plan .", "expressing"),
    ("the union", "condemned", "the layoffs : “ this is a betrayal", None),
    ("the coach", "criticized", "the referees , saying “ we had no chance . ”", "acting"),
    ("the coach", "criticized", "“ the worst refereeing i have seen . ”", None),
    ("the union", "dismissed", "claims that the plant would close .", None),
    ("the airline", "apologized", ".", None),
    ("the party", "unveiled", "a bill on the shutdown last week .", "expressing"),
    ("the think tank", "published", "its analysis of the tax plan on monday .", "expressing"),
    ("the think tank", "published", "its verdict : “ the plan will add $ 2 trillion . ”", None),
    ("the company", "responded", "by cutting prices at all of its stores .", "expressing"),
    ("the company", "responded", "that prices would stay where they are .", None),
    # a verb that says as it goes on, with a noun phrase object at once, is an action
    ("the campaign hastily", "added", "a stop in the county on monday .", "continuing"),
    ("the company", "continued", "aggressive promotion of the drug .", "continuing"),
    ("her lawyer", "added", "in a tweet , “ we are thrilled . ”", None),
    ("“ we will appeal , ”", "added", "the mayor .", None),
    ("the mayor", "added", "that the bridge would reopen .", None),
    ("he", "continued", ", “ the plan is sound . ”", None),
    # a verb of crying out tells of an outcry, a slogan; a quotation fronted before it is a claim
    # a "that" with a verb right after it opens a relative clause of the object, no content
    ("two senators", "introduced", "a bill that would raise the levy .", "expressing"),
    ("the paper", "apologized for", "a cartoon that mocked the mayor .", "acting"),
    ("the mayor", "dismissed", "the idea that she would resign .", None),
    ("the paper", "published", "an article that contained this line : “ the mayor lied . ”", None),
    ("the crowd", "chanted", "“ no more cuts ! ”", "outcry"),
    ("students marched through the square ,", "chanting", ", “ not my president . ”", "outcry"),
    ("a congressman", "yelled", "“ you lie ! ” during the speech .", "outcry"),
    ("so here we are ,", "shouting", "across a cultural divide .", "outcry"),
    ("“ he got away with murder , ” the widow", "shouted", ", looking toward the courthouse .", None),
    ("“ close the plant ! ”", "chanted", "the strikers .", None),
    ("the governor", "commented", "on the report in an interview .", "expressing"),
    ("the governor", "commented", ".", None),
    ("the mayor", "realized", "the bridge would not open in time .", "knowing"),
    ("the team", "has learned", "that the stadium lease will not be renewed .", "knowing"),
    ("the mayor", "thought", "the bridge would not open in time .", None),
    # a phrasal cue is judged by its verb, not by its particle or preposition
    ("the senator", "lashed out at", "the governor after the vote on the budget .", "acting"),
    ("the senator", "lashed out at", "the governor : “ he has abandoned the rural counties . ”", None),
    ("the airline", "apologized for", "the delays at the airport on sunday .", "acting"),
    ("the term", "refers to", "the part of the budget spent on roads .", "acting"),
    ("in this instance , the mayor", "was referring to", "the governor's remarks about the bridge .", "acting"),
    ("the mayor", "referred to", "the audit in saying that the fund was short .", None),
    ("the driver is", "referred to", "in the filing as “ the witness . ”", None),
    ("the airline", "apologized for", "the delays , saying “ we let our passengers down . ”", "acting"),
    ("the airline", "apologized for", "“ a failure of our own systems . ”", None),
    ("the senators", "decried", "the lack of details in the plan .", "acting"),
    ("the senators", "decried", "the plan as a giveaway to the oil industry .", None),
    ("the mayor", "accepted", "donations from the developer before the vote .", "acting"),
    ("the mayor", "accepted", "that the bridge would not open in time .", None),
    ("the two lawyers", "outlined", "a plan to review the cases every year .", "expressing"),
    ("the two lawyers", "outlined", "their plan : “ every case is reviewed each year . ”", None),
    ("the senator", "has invoked", "these studies in every debate .", "expressing"),
    ("the report", "referenced", "only the data from 2013 onward .", "expressing"),
    # a verb of saying that a particle makes an action
    ("the president", "called", "off the summit with the premier .", "phrasal_action"),
    ("the senator", "called", "into a radio show on monday morning .", "phrasal_action"),
    ("the singer", "called", "at the concert for a minute of silence .", "phrasal_action"),
    ("the president", "called", "the summit “ a waste of everyone's time . ”", None),
    ("the senator", "called", "on congress to pass the bill .", None),
    ("sen. jane roe , d-ohio ,", "speaks", "at the firefighters' conference in washington .", "phrasal_action"),
    ("the governor", "spoke", "of a “ long winter ” for the farm towns .", None),
    # a past participle that is an adjective of the noun after it says nothing
    ("the rally followed the previously", "announced", "closure of the plant .", "modifier"),
    ("the only formally", "declared", "candidate , a former mayor , wants a new tax .", "modifier"),
    ("a self-", "described", "moderate from ohio won the seat .", "modifier"),
    ("the mayor", "announced", "plans to close the plant .", None),
    ("lawyers for the family", "said", ".", None),
    ("the assembly", "said", "the plan would pass .", None),
    # what a saying says in place of content, then a topic
    ("the senator", "said", "nothing about the audit in public .", "nothing_said"),
    ("the mayor", "said", "no to the stadium deal .", "nothing_said"),
    ("but the vote also", "says", "a lot about the party's base .", "nothing_said"),
    ("the report", "said", "nothing in the contract would stop the sale .", None),
    ("the witness", "said", "no .", None),
    ("the mayor", "said", "no decision had been made .", None),
    # a verb of seeming with a "to"-infinitive after it is the writer's hedge, not a saying
    ("even as he won , the senator", "seemed to", "overstay his welcome .", "seeming"),
    ("the points", "appear", "to trace a loop around two centres .", "seeming"),
    ("often , it", "appeared", "that the senator could not answer the charge .", None),
    # ... and so is one with a complement right after it: an adjective, or a clause with no "that"
    ("some of the mayor's advantages already", "appear", "virtually unbeatable .", "seeming"),
    ("the council", "appears", "reluctant to pass another budget .", "seeming"),
    ("it", "seems", "the voters are not listening to the council .", "seeming"),
    ("the senator", "seemed", ", at first , to agree .", None),
    ("the senator", "appeared", "on a morning show to defend the plan .", None),
    # a restrictive relative clause that picks a person out by a deed on an object
    ("the candidate, the nurse who", "accused", "the hospital of negligence in 2019 , lost the race .", "restrictive_relative"),
    ("a freshman lawmaker who previously", "warned of", "the cost of the bridge , voted for it .", "restrictive_relative"),
    ("a former aide who has", "told", "reporters about the memo won the primary .", "restrictive_relative"),
    # ... or by a saying, whatever follows (the 387's cues)
    ("a close friend of mr . mcconnell’s who", "has said", "he will not decide whether to support witnesses until after "
     "the question period has closed .", "restrictive_relative"),
    ("the romanian hacker who first", "revealed", "that hillary clinton used a private email address .",
     "restrictive_relative"),
    ("senator lamar alexander , who", "has said", "he will not decide .", None),
    ("the program helps parents who", "said", "they could not find child care .", None),
    # a saying in a relative clause that defines a thing right before it picks the thing out; a finding stays
    ("voters approved a ballot measure that", "says", "the county may not raise the levy .", "defining_relative"),
    ("the mayor posted her message under a headline that", "said", ", “ the bridge is safe . ”", "defining_relative"),
    ("a woman with a placard that", "read", "“ no new taxes ” was cheered .", "defining_relative"),
    ("it is a book that", "argues", "that the war was lost at home .", "defining_relative"),
    ("the council cited a 2019 audit that", "found", "the fund short by $2 million .", None),
    ("the union pointed to a memo that", "showed", "that the plant would close .", None),
    ("the mayor , who", "told", "reporters about the memo , lost the vote .", "subject_aside"),
    ("the chief of staff called the senator , who", "told", "him the bill would fail .", None),
    ("who", "accused", "the hospital of negligence ?", None),
    # a saying recalled in a relative clause after the writer's main clause is background to it
    ("the vote was a reversal for the senator , who previously", "said", "she would oppose the bill .",
     "background_relative"),
    ("the delay angered the unions , which had", "warned", "that the plant would close .", "background_relative"),
    ("the council called the contractor , who", "said", "the plan was affordable .", None),
    ("the senator , who has long", "argued", "that the plant would close , voted no .", None),
    # a colon inside the claim after a clause of the writer's with no word of saying
    ("the second lesson of the flood is", ":", "never build below the levee .", "writers_colon"),
    ("the plan offered a quick way of beating the deadline", ":", "“ we file first and fix it later . ”", "writers_colon"),
    ("cw", ":", "yeah , that works for me .", None),
    ("rep . jane roe", ":", "“ we will not vote for it . ”", None),
    ("the mayor explained the delay to the council", ":", "“ the steel came late . ”", None),
    ("the times gave the mayor a warm endorsement", ":", "", None),
    # a teller's saying as a free relative clause in a noun phrase of the writer's sentence
    ("the fire spread in what firefighters", "said", "was the worst blaze in a decade .", "relative_teller"),
    ("contrary to what the mayor", "wrote", ", the bridge will not open in may .", "relative_teller"),
    ("the council rejected what the developer is", "calling", "“ affordable ” homes .", "relative_teller"),
    ("that's what the mayor", "wrote", "in her letter to the council .", None),
    ("the gap between what the mayor", "says", "her plan would cost and what it will cost is wide .", None),
    # a saying in a relative clause whose pronoun is the subject of the verb right after the cue: an aside
    ("the council rejected the plan , which the developer", "said", "was affordable .", "relative_aside"),
    ("the board cut the route , which riders have repeatedly", "said", "usually ran late .", "relative_aside"),
    ("the driver was a man who police", "say", "had been drinking .", "relative_aside"),
    ("the mayor backed a levy that critics", "say", "would double the tax .", "relative_aside"),
    ("the board had another plan , which mr . moran", "said", "would have hired more drivers .", "relative_aside"),
    # ... and a "which" a teller stands after is a thing of the writer's noun phrase whatever follows the cue
    ("the board had another plan , which mr . moran", "said", "he would fund .", "relative_aside"),
    ("the council rejected the plan , which the developer", "said", "last year it would fund .", "relative_aside"),
    ("he contradicted a 2007 statement in which he", "claimed", "iran did not represent a threat .", "relative_aside"),
    ("it lands in the midst of a chaotic campaign in which gop nominee donald trump has", "said",
     "that a muslim federal judge would not treat him fairly .", "relative_aside"),
    ("to which the mayor", "said", ", “ the bridge is safe . ”", None),
    ("the board cut the route , which left little", "doubt", "that riders were angry .", None),
    ("the council called the developer , who", "said", "the plan was affordable .", None),
    ("the mayor backed a levy , which", "doubles", "the tax .", None),
    # a verb of asking with a yes-no question or a request asserts none of it; a wh-question is left to the gate
    ("the judge", "asked", "if the witness had seen the car .", "asking"),
    ("the host also", "asked", "the senator on “ meet the press ” sunday whether the bill would pass .", "asking"),
    ("the clerk hung up when", "asked", "whether the mayor had called .", "asking"),
    ("the host", "asked", "why the bill had stalled .", None),
    ("the senator", "questioned", "whether the bill would pass .", None),
    ("the mayor", "asked", "the council to decide whether the levy should pass .", "asking"),
    ("the senator", "asked", "that the vote be held in public .", "asking"),
    # a verb of refusing with a request in its object, or a person and a thing, refuses; "denied the charge" says no
    ("the board", "denied", "a public-records request from the paper .", "refusing"),
    ("a judge on friday", "denied", "the u . s . attorney’s motion to delay the trial .", "refusing"),
    ("the county", "denied", "an attempt by residents ( and two unions ) to stop the vote .", "refusing"),
    ("the party", "denied", "him the nomination .", "refusing"),
    ("the mayor", "denied", "the charge .", None),
    ("the mayor", "denied", "him any favours , a spokesman said .", "refusing"),
    ("the mayor", "denied", "that she had seen the request .", None),
    ("the mayor", "denied", "any bias , and the request was dropped .", None),
    # a verb of telling whose object is a story with nothing after it that gives what it holds says nothing
    ("the new memoir", "tells", "this story for the first time .", "narrating"),
    ("the coach , in a filing in a second case ,", "tells", "a different story .", "narrating"),
    ("the widow", "told", "the story of how the mine flooded .", None),
    ("the widow", "told", "the same story : “ the mine flooded at night . ”", None),
    ("the widow", "told", "reporters the mine had flooded .", None),
    # a verb of writing that makes a thing, with nothing after it that says what the thing holds, is an action
    ("the two students", "wrote", "the programs behind the model in 1961 .", "writing"),
    ("later , he", "wrote", "the first of his many books on chess .", "writing"),
    ("on her page , the mayor", "posted", "a photo of herself and her dog .", "writing"),
    ("the mayor", "wrote", "an essay last week arguing that the bridge is unsafe .", None),
    ("the mayor", "wrote", "this week that the bridge is unsafe .", None),
    ("“ the bridge is unsafe , ”", "wrote", "the city's engineer .", None),
    ("the mayor", "wrote", "in a letter to the council .", None),
    # a plea of guilty or not guilty is an act in court, in the cue or after it
    ("in 2009 , the company", "pleaded guilty", "in federal court to a felony charge .", "nothing_found"),
    ("the driver", "pleaded", "not guilty on monday .", "nothing_found"),
    ("the study", "found", "that guilty pleas rose .", None),
    # a verb of feeling or liking with no clause after it tells what the teller feels, no saying (the 387's cues)
    ("trump already", "enjoys", "a disturbing level of support for his assault on the news media .", "feeling"),
    ("immigrants", "feel", "discriminated against more often in europe .", "feeling"),
    ("many", "feel", "the government overstepped its boundaries in throwing out seemingly good food .", None),
    ("doctors", "fear", "an inadequate supply of ppe makes them vulnerable to the coronavirus infection .", None),
    ("some rnc leaders", "worry", "it would be a messy affair .", None),
    # a verb that names a state, with an object or a question after it, says nothing (the 387's cues)
    ("disconsolate republican operatives", "spent", "much of the weekend in dismay , over the death of the bill .", "state"),
    ("the pii-free data that was sent to facebook", "included", "information about which news articles i was reading .",
     "state"),
    ("inside the department of justice , officials", "weighed", "whether to attempt to remove the president .", "state"),
    ("“ it was a campaign about inclusion , ”", "meade continued", ".", None),
    ("about 22 percent of the state’s workforce ,", "according to", "the national employment law project .", None),
    ("news of the unusual expansion of powers raised", "concerns", "among critics , including the aclu , that gathering "
     "intelligence on civilians is wrong .", None),
    ("the senator", "maintained", "that he had done nothing wrong .", None),
    # a verb of demanding with "for": what is demanded, no content (the 387's cues)
    ("two lawmakers", "have called for", "the drug enforcement administration to stop conducting covert surveillance "
     "on civilians .", "demanding"),
    ("mr . trump", "has called for", "spending $ 1 trillion on infrastructure , but congress has not taken it up .",
     "demanding"),
    ("with a straight face , nancy pelosi even", "called for", "prosecuting him : “ jeff sessions lied under oath . ”",
     None),
    # a participle in the object has the content after it, the object's own: the verb acts on the thing; a gerund
    # after a preposition is the verb's own saying
    ("the nonpartisan government accountability office", "released", "a report last month demonstrating that the "
     "federal health exchange enrolled 11 of the watchdog's 12 fake consumers .", "expressing"),
    ("after the paris attacks , trump", "released", "a new radio ad calling it \" dangerous \" that obama \" has no "
     "strategy to defeat isis . \"", "expressing"),
    ("the rnc , in its daily media summary monday ,", "emailed", "a news article reporting that \" clinton is ' showing "
     "flashes of frustration ' as she struggles to put bernie sanders away . \"", "posting"),
    ("zucker", "responded", "by saying that the network doesn’t pay for candidates to attend the debates .", None),
    ("pence , who is running for reelection this year ,", "praised", "cruz for showing \" the courage of his "
     "convictions . \"", None),
    # a verb of wanting takes no clause: what follows its object is the object's complement; a hope is a belief
    ("the white house", "wants", "7 million people enrolled in the exchanges by march , 2.7 million of them young "
     "adults .", "feeling"),
    ("republicans", "want", "the package replaced with a less arbitrary slate of cuts .", "feeling"),
    ("republicans", "hope", "the package will be replaced with a less arbitrary slate of cuts .", None),
    # attacking someone is an action; "as" and a judgement after the object make it a report
    ("early in his campaign , trump", "attacked", "romney , calling him , among other things , “ a failed candidate . ”",
     "acting"),
    ("tuttle’s article also", "attacked", "christie by accusing him of endorsing trump .", "acting"),
    ("the senator", "attacked", "the zoning plan as a giveaway to developers .", None),
    # a reflexive object with a complement after it: the teller names itself, nothing is said
    ("where the senator", "labeled", "himself a “ uniter , ” the governor did not .", "self_description"),
    ("dozens of towns have", "declared", "themselves “ free zones ” since 2019 .", "self_description"),
    ("both candidates have", "concerned", "themselves more with the budget .", "self_description"),
    ("in 1973 , the senator", "described", "himself as “ a moderate . ”", None),
    ("the city", "believed", "itself to be under attack .", None),
    ("“ we have nothing to fear , ” he", "said of", "himself and his party .", None),
    ("the senator", "told", "himself that the vote would pass .", None),
    # "no" or "little" and a bearing after a verb of showing: a bearing shown, no finding
    ("the driver", "showed", "no reaction as the judge read the sentence .", "nothing_found"),
    ("the ministry", "has shown", "no sign of giving in to the strikers .", "nothing_found"),
    ("the networks have", "shown", "little stomach for long investigations .", "nothing_found"),
    ("the survey", "showed", "little interest in the levy among renters .", "nothing_found"),
    ("the survey", "showed", "little support for the levy among renters .", None),
    ("the hosts have", "found", "no shame in repeating the claim .", "nothing_found"),
    # "according to" after a passive participle or an "-ly" adverb says how, not who
    # a passive's agent comes before any infinitive; a "by" inside the infinitive's words names none
    ("some aides are", "said", "to be urging the mayor to play by the rules .", "agentless_passive"),
    ("the plan was", "described", "by the mayor as “ a turning point . ”", None),
    ("the senator was", "accused", "by two aides of lying to the board .", None),
    ("seats are assigned", "according to", "the order in which tickets were sold .", "manner"),
    ("turnout varied widely", "according to", "the weather in each county .", "manner"),
    ("the mayor said", "according to", "a transcript of the meeting .", None),
    ("but", "according to", "two officials , the plan is dead .", None),
    # a relative clause after a comma that describes the claim's subject, closed before the main verb
    ("the contractor , who flatly", "denies", "he paid anyone , filed an appeal on monday .", "subject_aside"),
    ("the plan , which was initially", "reported", "by a local paper , was dropped in may .", "subject_aside"),
    ("the policy ,", "announced", "wednesday , would end the old rule .", "subject_aside"),
    ("but the news –", "first reported", "by a local paper – suggests the plan is dead .", "subject_aside"),
    ("the mayor , a democrat ,", "announced", "monday , after the vote , that she would run .", None),
    ("“ absolutely not ” ,", "said", "the mayor , who has since resigned .", None),
    ("the plan ,", "said", "the minister , would cost too much .", None),
    ("the mayor called the contractor , who", "denied", "he paid anyone , and then hung up .", None),
    ("the contractor , who", "denies", "that he paid anyone .", None),
    # a verb's base form after a singular determiner is a noun: no singular subject takes a base form
    ("specifically , a false", "claim", "that the towers spread the virus gained ground .", "singular_noun"),
    ("one big", "fear", "is that the plant will close .", "singular_noun"),
    ("in this", "view", ", the plan was never affordable .", "singular_noun"),
    ("polls this week", "show", "the mayor ahead .", None),
    ("most voters in nearly every county", "agree", "that the levy is too high .", None),
    ("a few analysts", "say", "the plan will fail .", None),
    ("a statement", "read", ": “ the mayor is resting . ”", None),
    ("a spokesman", "said", "the plan was dead .", None),
    # a noun or adjective cue with content after it, inside a clause the writer's verb governs
    ("what strikes me is the mayor's bold", "assertion", "that the bridge will open in may .", "noun_in_clause"),
    ("the council has urged towns to draft", "proposals", "that require a vote .", "noun_in_clause"),
    ("state police", "announcement", "friday that it had opened an inquiry .", None),
    ("the mayor took offense at", "suggestions", "that she knew .", "noun"),
]


@pytest.mark.parametrize("before, cue, after, reason", WORDS)
def test_the_shape_test_reads_what_an_acting_verb_governs(before, cue, after, reason):
    assert governs_nothing(cue.split(), before.split(), after.split()) == reason


# A refused acting verb leaves the claim to the saying that goes with it: its next cue, judged in turn, whose teller
# is the acting verb's subject (decide._goes_on_from), not a noun after the participle.
ACTING_THEN_SAYING = [
    # (text, the cue kept, its source)
    ("The coach criticized the referees, telling reporters that the second goal was offside.", "telling", "The coach"),
    ("The mayor urged residents to stay indoors, warning that the storm would bring winds of 70 mph.", "warning",
     "The mayor"),
    ("The minister criticised the plan, saying that it would raise rents across the city.", "saying", "The minister"),
    ("The union condemned the layoffs, saying the company had broken its promises to the town.", "saying", "The union"),
    ("Residents criticized the plan at the meeting, arguing that the new road would split the neighborhood.", "arguing",
     "Residents"),
    ("The senator dismissed the report, telling reporters that it was written by political opponents.", "telling",
     "The senator"),
]


@pytest.mark.parametrize("text, cue, source", ACTING_THEN_SAYING)
def test_an_acting_verb_leaves_the_claim_to_its_saying(text, cue, source):
    attribution = only_claim(text)["attribution"]
    assert (attribution["cue"]["text"], attribution["source"]["text"]) == (cue, source)
