"""Plain records that flow one way through the pipeline.

text -> Segmentation (claims with offsets) -> ClaimPrediction (model) -> Attribution,
Hedge, VerificationNote (findings) -> ScoredClaim -> ArticleResult.

Every record is frozen: no stage mutates another's output. All ``start``/``end`` values
are character offsets into the text exactly as posted, ``end`` exclusive.
"""
from __future__ import annotations

from dataclasses import MISSING, dataclass, fields
from operator import attrgetter
from typing import Literal, TypeVar

_Record = TypeVar("_Record", bound=type)


def record(cls: _Record) -> _Record:
    """A frozen, slotted dataclass whose ``__init__`` sets each slot through its descriptor.

    The dataclass ``__init__`` of a frozen class calls ``object.__setattr__`` once per field,
    which looks the field up by name each time; a pipeline pass builds several hundred records
    an article, and this one, with the same signature, defaults and result, costs about half as
    much (3% of the pipeline)."""
    cls = dataclass(frozen=True, slots=True)(cls)
    names = [field.name for field in fields(cls)]
    namespace = {f"_set_{name}": getattr(cls, name).__set__ for name in names}
    namespace |= {f"_default_{field.name}": field.default for field in fields(cls) if field.default is not MISSING}
    parameters = ", ".join(name if f"_default_{name}" not in namespace else f"{name}=_default_{name}" for name in names)
    body = "".join(f"\n    _set_{name}(self, {name})" for name in names)
    exec(f"def __init__(self, {parameters}):{body}", namespace)  # noqa: S102 - built from the field names only
    init = namespace["__init__"]
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    init.__doc__ = cls.__init__.__doc__
    cls.__init__ = init
    cls._field_values = attrgetter(*names)
    cls._field_positions = {name: position for position, name in enumerate(names)}
    return cls


def replace(original: _Record, /, **changes: object) -> _Record:
    """``dataclasses.replace`` for a record: a copy with ``changes``. The stages replace a few dozen
    records an article, and this, which reads the fields in one ``attrgetter`` call and passes them by
    position, costs half as much as the general one (which checks every field's kind)."""
    values = list(original._field_values(original))
    positions = original._field_positions
    for name, value in changes.items():
        if name not in positions:
            raise TypeError(f"{type(original).__name__} has no field {name!r}")
        values[positions[name]] = value
    return type(original)(*values)

SourceType = Literal["person", "organization", "media", "social_media", "document", "anonymous", "unknown"]
SOURCE_TYPES: tuple[str, ...] = ("person", "organization", "media", "social_media", "document", "anonymous", "unknown")
NAMED_SOURCE_TYPES = frozenset({"person", "organization", "media", "social_media", "document"})

AttributionKind = Literal["report", "belief"]
ATTRIBUTION_KINDS: tuple[str, ...] = ("report", "belief")

VerificationKind = Literal["unverified", "caution", "confirmed"]
VERIFICATION_KINDS: tuple[str, ...] = ("unverified", "caution", "confirmed")

SegmentKind = Literal["claim", "headline", "furniture", "credit", "duplicate", "fragment", "question", "note", "lead_in"]
Rating = Literal["high", "mixed", "low", "unrated"]

Role = Literal["background", "key", "opinion"]
ROLES: tuple[str, ...] = ("background", "key", "opinion")
"""Claim roles (docs/guidelines.md); this order is the role model's class order."""


@record
class Span:
    """A piece of the posted text: ``text == article[start:end]``."""

    start: int
    end: int
    text: str


@record
class Segment:
    """A sentence or line the segmenter looked at, and what it decided it is.

    Only segments of kind ``claim`` are scored; the others are kept so the decision
    can be explained ("dropped as page furniture: matches 'Sign up to read'").
    """

    start: int
    end: int
    text: str
    kind: SegmentKind
    reason: str


@record
class Claim:
    """A sentence that asserts something.

    ``paragraph`` numbers the line block the claim stands in (claims in one paragraph
    share a number), so later stages can keep look-backs local. ``opens_inside_quote``
    is true when the sentence begins inside a quotation opened by an earlier sentence
    of the same paragraph: the classic quote continuation that inherits its speaker.
    """

    index: int
    start: int
    end: int
    text: str
    paragraph: int
    opens_inside_quote: bool


@record
class Segmentation:
    claims: tuple[Claim, ...]
    skipped: tuple[Segment, ...]


@record
class ClaimPrediction:
    """The trained model's reading of one claim.

    ``probability`` is the model's probability that the claim attributes its content
    to a source; ``cue`` and ``source`` are its best spans (absolute offsets), or None.
    """

    probability: float
    cue: Span | None
    source: Span | None


@record
class Via:
    """An intermediary in a second-hand chain ("according to L'Independent")."""

    span: Span
    source_type: SourceType


StepRule = Literal[
    "model_cue", "model_cue_hedge", "model_cue_function_verb", "model_cue_adverb_verb", "model_cue_function_kept",
    "model_cue_function_no_teller", "model_cue_after_tag", "rule_cue", "no_model_cue", "cites_for", "rule_source",
    "according_relays", "according_relays_it", "outlet_relays", "cited", "inner_teller", "outer_teller", "carrier_relay",
    "earlier_carrier", "source_found", "refers_back", "surname_of", "refers_back_to_nothing", "typed", "no_source", "via",
    "inherited", "named_earlier", "nearer_mention", "named_only_after", "one_person", "goes_on_quoting", "goes_on_reporting", "poll_finding", "lead_in_block", "lead_in_quotation",
    "post_signature", "post_markup", "post_sentence", "speaker_label", "evidence_adjunct", "polls_figure", "closing_per",
    "figure_in_poll", "speaker_turn", "credited_excerpt", "audience_of_cue", "apposed_name",
    "only_relays", "head_only",
    "sourceless_cue", "adjunct_not_source", "refused_cue", "preferred_cue", "subject_of_content", "content_not_source",
    "opening_word", "adjunct_only", "affiliated_name", "subject_before_aside", "origin_refined", "relative_clause_head",
    "modifier_not_source", "relative_is_relay", "named_before_pronoun", "participles_subject", "named_before_quotation",
    "led_in_by_no_one_named", "quoted_paragraph", "opened_by_no_one_named", "quotation_tag",
]
"""The decisions attribution takes: the rules of ``service/pipeline/attribution/``, then the
refinements after it (``coreference.py``, ``appositions.py``)."""
SourceFound = Literal[
    "after_cue", "after_cue_inverted", "after_by", "before_cue", "quoted_account", "inside_clause",
    "before_apposition", "by_model", "subject_of", "in_chain", "nowhere",
]
"""Where a cue's source was found."""
Inheritance = Literal["continues_quotation", "whole_quotation_after", "opens_quotation_closed_later"]
"""Why a claim with no cue of its own takes an earlier or later claim's attribution."""


class Step(tuple):
    """One decision of attribution: the rule that took it, then what it saw (``detail``: span texts, a
    probability, a claim index), in the order ``report.STEP_WORDS[rule]`` takes them. Decisions return
    steps, not words.

    One flat tuple, ``Step("refers_back", "it", "the agency", 3)``, not a frozen dataclass like the other
    records nor a rule with a tuple of named pairs: a claim takes several steps, and in a long article they
    were the most objects it held (at 160 kB of "..., it added." claims, 7 steps and 4 detail tuples a claim)."""

    __slots__ = ()

    def __new__(cls, rule: StepRule, *detail: object) -> "Step":
        return tuple.__new__(cls, (rule, *detail))

    def __getnewargs__(self) -> tuple[object, ...]:
        return tuple(self)

    @property
    def rule(self) -> StepRule:
        return self[0]

    @property
    def detail(self) -> tuple[object, ...]:
        return self[1:]

    def __repr__(self) -> str:
        return f"Step{tuple.__repr__(self)}"


@record
class Attribution:
    """Who says a claim, how, and how we know.

    ``source`` is the words in the text naming who says it: for "he said" that is "he".
    ``refers_to`` is the earlier mention such a pronoun or name-less description ("it",
    "the agency") was resolved to, whose type the source takes; None when the source
    names itself. ``described`` qualifies anonymous sources: "a senior US defence
    official" is described, a bare "sources" is not. ``direct_quote`` is true when the
    attributed content is a direct quotation. ``steps`` are the decisions that found it, in
    order (``report.py`` puts them into words).
    ``kind`` is "belief" when the cue states the source's belief or expectation ("believes",
    "expects"), else "report" (docs/guidelines.md).
    """

    source: Span | None
    source_type: SourceType
    named: bool
    cue: Span | None
    inherited: bool
    via: tuple[Via, ...]
    described: bool
    direct_quote: bool
    steps: tuple[Step, ...]
    refers_to: Span | None = None
    kind: AttributionKind = "report"

    @property
    def teller(self) -> Span | None:
        """The mention that names the source: the resolved referent, else the source."""
        return self.refers_to or self.source


NoteRule = Literal["own_claim", "subject_matches", "subject_refers_back", "subject_unmatched"]
"""Why a verification note governs the claims it does (service/pipeline/cues.py); report.py says it in words."""
HedgeCategory = Literal["distancing", "speculation", "vague_attribution"]
HedgeSpeaker = Literal["writer", "source"]
HedgeRule = Literal["quotation", "attribution_content", "reported_content", "adjacent_to_cue", "writer_voice"]
"""Why a hedge's speaker is who it is (service/pipeline/hedge_scope.py); report.py says it in words."""


@record
class Hedge:
    """A word or phrase that marks a claim as uncertain ("reportedly", "may", "it is believed").

    ``speaker`` is ``writer`` when the article hedges its own claim, ``source`` when the hedge stands in a
    quotation or in what a source is reported to say; ``negated`` when a negation governs it ("not likely");
    ``rule`` says why the speaker is who it is.
    """

    span: Span
    category: HedgeCategory
    speaker: HedgeSpeaker
    negated: bool
    rule: HedgeRule


@record
class VerificationNote:
    """A note on whether a claim was checked ("could not be independently verified").

    ``claim_index`` is the claim the note stands in (None when it stands outside any
    claim); ``governs`` lists every claim index the note applies to.
    """

    span: Span
    kind: VerificationKind
    claim_index: int | None
    governs: tuple[int, ...]
    entry: int
    """Its entry in ``verification.toml``, whose ``explanation`` says what the wording means."""
    rule: NoteRule
    subject: str = ""
    """What a passive note is about, read before it ("The GUR's assessment"); empty when it governs its own claim."""


@record
class ClaimFindings:
    """Everything the detectors found for one claim, before scoring."""

    claim: Claim
    prediction: ClaimPrediction
    attribution: Attribution | None
    hedges: tuple[Hedge, ...]
    verification: tuple[VerificationNote, ...]


@record
class Contribution:
    """One term of a claim score: ``points`` added for ``signal``, and why in words."""

    signal: str
    points: float
    reason: str


@record
class ClaimRole:
    """What a claim does for the story (``roles.py``): its role, the probability the
    role model gave it, and how it was decided in words."""

    role: Role
    probability: float
    reason: str


@record
class ScoredClaim:
    """A claim's score, the terms it sums (``scoring.claim_terms``, made once when it is scored: a body writes
    them, and ``scoring.contributions`` their reasons) and its role."""

    findings: ClaimFindings
    score: float
    terms: tuple[tuple, ...]
    role: ClaimRole = ClaimRole("key", 1.0, "key: not classified")


@record
class SourceTally:
    text: str
    source_type: SourceType
    claim_count: int


@record
class ArticleSummary:
    attributed_share: float
    named_share: float
    anonymous_share: float
    hedged_share: float
    unverified_share: float


@record
class ArticleResult:
    score: float | None
    rating: Rating
    claims: tuple[ScoredClaim, ...]
    summary: ArticleSummary
    sources: tuple[SourceTally, ...]
    skipped: tuple[Segment, ...]
    reasons: tuple[str, ...] = ()
    """The rating in plain words (``aggregate.py``)."""
    contributions: tuple[Contribution, ...] = ()
    """The article score's terms (``aggregate.py``); they add up to the score before clamping."""
