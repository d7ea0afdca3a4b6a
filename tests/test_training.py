"""Training pieces: reading PolNeAR, the dev metrics' definitions, and a tiny rebuild."""
from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from service.pipeline.claims import segment
from service.pipeline.document import Document as Article
from service.pipeline.model.article import tokenize
from service.pipeline.model.features import (
    CuePhrases,
    claim_features,
    cue_candidates,
    cue_extents,
    cue_features,
    source_candidates,
    source_features,
)
from service.pipeline.model import AttributionModel, Hyperparameters
from service.pipeline.records import Span
from training.__main__ import main as train_main
from training.evaluate import SegmentedDocument, baseline_reader, score
from training.fit import claim_design_matrix, claim_labels_of, cross_fit_folds, design_matrix, fit_attributes
from training.heldout import collection_folder, dealt
from training.labelled import TRAIN_DIR, load_folder
from training.polnear import Document, GoldAttribution, load_split, parse_annotations

# Lines from PolNeAR dev breitbart_2016-09-12 (offsets shifted), plus a discontinuous cue.
STANDOFF = "\n".join(
    [
        "T1\tSource 0 7\tsources",
        "T2\tCue 8 12\tsaid",
        "T3\tContent 14 40\tthe protocol called for it",
        "T4\tAttribution 8 12\tsaid",
        "E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1",
        "T5\tCue 50 54;60 62\tsaid in",
        "T6\tContent 70 80\tsomething",
        "E2\tCue:T5 Content:T6",
    ]
)


def test_parse_annotations_ties_cue_source_and_content_per_relation() -> None:
    first, second = parse_annotations(STANDOFF)
    assert first == GoldAttribution(cue=((8, 12),), sources=((0, 7),), content=((14, 40),))
    assert second.cue == ((50, 54), (60, 62)) and second.sources == () and second.content == ((70, 80),)
    assert second.cue_start == 50


def test_only_train_and_dev_exist() -> None:
    with pytest.raises(ValueError, match="only"):
        load_split("test")


def test_dev_split_reads_articles_with_attributions() -> None:
    documents = load_split("dev", limit=2)
    assert len(documents) == 2
    assert all(document.text and document.attributions for document in documents)


def _document(text: str, *attributions: tuple[str, str | None]) -> SegmentedDocument:
    """An article whose gold attributions are given as (cue text, source text) found in it."""
    gold = []
    for cue, source in attributions:
        cue_start = text.index(cue)
        sources = ((text.index(source), text.index(source) + len(source)),) if source else ()
        gold.append(GoldAttribution(((cue_start, cue_start + len(cue)),), sources))
    return SegmentedDocument(Document("example", text, tuple(gold)), segment(Article.of(text)).claims)


ARTICLE = _document(
    "The head of the agency said the plan failed. The storm hit the coast overnight. Officials believe it will rain.",
    ("said", "The head of the agency"),
    ("believe", "Officials"),
)


def _reader(readings):
    return lambda text, claims: readings


def test_attribution_counts_claims_by_where_the_cue_starts() -> None:
    text = ARTICLE.document.text
    said = Span(text.index("said"), text.index("said") + 4, "said")
    wrong = Span(text.index("hit"), text.index("hit") + 3, "hit")
    scores = score([ARTICLE], _reader([(said, None), (wrong, None), (None, None)]))
    tally = scores.attribution
    assert (tally.true_positives, tally.false_positives, tally.false_negatives) == (1, 1, 1)
    assert tally.f1 == pytest.approx(0.5)


def test_strict_source_needs_most_of_the_predicted_span_inside_gold() -> None:
    text = ARTICLE.document.text
    said = Span(text.index("said"), text.index("said") + 4, "said")
    believe = Span(text.index("believe"), text.index("believe") + 7, "believe")
    tight = Span(text.index("the agency"), text.index("the agency") + 10, "the agency")
    loose_end = text.index("it will rain")
    loose = Span(text.index("Officials"), loose_end, text[text.index("Officials") : loose_end])
    scores = score([ARTICLE], _reader([(said, tight), (None, None), (believe, loose)]))
    assert scores.source_lenient.true_positives == 2
    assert scores.source_strict.true_positives == 1
    assert scores.source_strict.false_positives == 1 and scores.source_strict.false_negatives == 1


def test_gold_cue_outside_every_claim_is_a_miss() -> None:
    document = _document("Officials Said\n\nThe plan failed badly, he said.", ("Said", "Officials"), ("said", "he"))
    scores = score([document], baseline_reader)
    assert scores.attribution.true_positives == 1
    assert scores.attribution.false_negatives == 1
    assert scores.source_lenient.false_negatives == 2


def test_smoke_rebuild_is_deterministic_and_loadable(tmp_path: Path) -> None:
    manifests = []
    for run in ("first", "second"):
        output = tmp_path / run / "attribution.npz"
        manifests.append(train_main(["--limit", "4", "--output", str(output)]))
        assert json.loads(output.with_suffix(".json").read_text())["sha256"] == manifests[-1]["sha256"]
        card = (tmp_path / run / "MODEL_CARD.md").read_text()
        assert "Newell" in card and manifests[-1]["sha256"] in card and "ms per" not in card
    assert manifests[0]["sha256"] == manifests[1]["sha256"]
    assert manifests[0]["dev_metrics"] == manifests[1]["dev_metrics"]
    model = AttributionModel.load(tmp_path / "first" / "attribution.npz")
    assert model.version == manifests[0]["model_version"]


def test_exported_arrays_give_the_estimators_probabilities() -> None:
    """Serving scores with plain arrays; on dev sentences they must agree with scikit-learn."""
    fitted = fit_attributes(load_split("train", limit=12), Hyperparameters())
    model = AttributionModel(Hyperparameters(), "exported").set_learned(fitted.learned)
    cue_rows, source_rows, claim_rows = [], [], []
    for document in load_split("dev", limit=6):
        tokens = tokenize(document.text, segment(Article.of(document.text)).claims, model.vocabulary_)
        positions = cue_candidates(tokens, fitted.learned["is_cue_word_"])
        cue_rows.append(cue_features(tokens, positions))
        claim_rows.append(claim_features(tokens, model.vocabulary_, positions, model.cue_probabilities(cue_rows[-1])))
        first, last = cue_extents(tokens, positions, CuePhrases.build(model.vocabulary_, fitted.learned["cue_phrases_"]))
        candidates = source_candidates(tokens, first, last)
        source_rows.append(source_features(tokens, candidates, tokens.word_ids[positions], first))
    for name, rows, ours in (
        ("cue", np.concatenate(cue_rows), model.cue_probabilities),
        ("source", np.concatenate(source_rows), model.source_probabilities),
    ):
        assert len(rows) > 50
        theirs = fitted.classifiers[name].predict_proba(design_matrix(rows))[:, 1]
        assert np.max(np.abs(ours(rows) - theirs)) < 1e-9
    ours = np.concatenate([model.claim_probabilities(rows) for rows in claim_rows])
    design = claim_design_matrix(np.concatenate([r.columns for r in claim_rows]), np.concatenate([r.dense for r in claim_rows]))
    theirs = fitted.classifiers["claim"].predict_proba(design)[:, 1]
    assert len(ours) > 50
    assert np.max(np.abs(ours - theirs)) < 1e-9


def test_cross_fit_folds_are_seeded_and_balanced() -> None:
    folds = cross_fit_folds(23, 5)
    assert np.array_equal(folds, cross_fit_folds(23, 5))
    assert sorted(np.bincount(folds).tolist()) == [4, 4, 5, 5, 5]
    assert not np.array_equal(folds, np.arange(23) % 5)  # shuffled, not the name order
    assert set(cross_fit_folds(3, 5).tolist()) == {0, 1, 2}


def test_claim_labels_are_where_gold_cues_start() -> None:
    document = ARTICLE.document
    assert claim_labels_of(document, ARTICLE.claims).tolist() == [True, False, True]


def test_claim_rows_pick_the_two_best_candidates_per_claim() -> None:
    model = AttributionModel.load()
    text = "The storm hit the coast. Officials said on Tuesday that he told reporters it was over, aides added."
    claims = segment(Article.of(text)).claims
    tokens = tokenize(text, claims, model.vocabulary_)
    positions = cue_candidates(tokens, model.is_cue_word_)
    probabilities = np.linspace(0.1, 0.9, len(positions))
    rows = claim_features(tokens, model.vocabulary_, positions, probabilities)
    in_second = positions[tokens.claim_of[positions] == 1]
    assert len(in_second) >= 3  # said, told, added
    assert rows.claims.tolist()[-1] == 1
    assert rows.best[-1] == in_second[-1] and rows.second[-1] == in_second[-2]
    assert rows.columns.shape[0] == rows.dense.shape[0] == len(rows.claims)
    assert set(rows.claims.tolist()) == set(tokens.claim_of[positions].tolist())


SPEAKER_JUDGED = [
    # (sentence, content span as (first word, last word) or None, what training.evaluate_hedges counts)
    ("Fuel prices may rise again next winter, the energy minister said on Tuesday.",
     ("Fuel", "winter"), "source inside"),
    ("The storm will probably reach the northern coast by Friday evening.", None, "writer outside"),
    ("The ferry company said the crossing would likely resume after the weekend.",
     ("the crossing", "weekend"), "source inside"),
]


@pytest.mark.parametrize("sentence, content, expected", SPEAKER_JUDGED)
def test_polnear_speaker_measure_counts_each_hedge_by_its_speaker_and_the_gold_content(sentence, content, expected) -> None:
    from service.pipeline.engine import Engine
    from service.pipeline.hedge_model import HedgeCueModel
    from service.pipeline.scoring import load_weights
    from training.evaluate_hedges import measure_speakers

    spans = () if content is None else ((sentence.index(content[0]), sentence.index(content[1]) + len(content[1])),)
    document = Document("table", sentence, (GoldAttribution((), (), spans),))
    engine = Engine(AttributionModel.load(), load_weights(), HedgeCueModel.load())
    counts = measure_speakers(engine, [document])
    assert {key: n for key, n in counts.items() if " " in key and n} == {expected: 1}


def test_spread_of_identical_articles_is_their_own_figure() -> None:
    from collections import Counter

    from training.evaluate_hedges import spread

    article = Counter(predicted=4, right=3, gold=5, found=3)
    assert spread([article] * 10, 20, draws=50) == {
        "precision_5_50_95": [0.75, 0.75, 0.75], "recall_5_50_95": [0.6, 0.6, 0.6],
        "share_precision_below_0.85": 1.0, "share_recall_below_0.75": 1.0}


def test_hedge_evaluation_scores_another_folder_with_the_shipped_pipeline(tmp_path: Path, capsys) -> None:
    import hashlib

    from training.evaluate_hedges import main as evaluate_hedges

    text = "The storm will probably reach the northern coast by Friday evening. The ferry may resume on Monday."
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    (tmp_path / "articles.tsv").write_text(
        "id\tpath\tsha256\tkind\toutlet\trating\n"
        f"a\ta.txt\t{hashlib.sha256(text.encode()).hexdigest()}\tnews\tOutlet\thigh\n", encoding="utf-8")
    probably, second = text.index("probably"), text.index("The ferry")
    sentences = [{"start": 0, "end": second - 1, "claim": True, "attribution": None,
                  "hedges": [[probably, probably + len("probably"), "speculation"]]},
                 {"start": second, "end": len(text), "claim": True, "attribution": None, "hedges": []}]
    (tmp_path / "gold.jsonl").write_text(json.dumps({"id": "a", "sentences": sentences}) + "\n", encoding="utf-8")
    assert evaluate_hedges(["--folder", str(tmp_path)]) == 0
    line = next(line for line in capsys.readouterr().out.splitlines() if line.startswith("writer hedges:"))
    measured = json.loads(line.removeprefix("writer hedges:"))
    assert (measured["held_out"], measured["per_fold"].keys()) == (False, {tmp_path.name})
    assert {key: measured[key] for key in ("predicted", "right", "gold", "found")} == {
        "predicted": 2, "right": 1, "gold": 1, "found": 1}


def test_hedge_evaluation_refuses_the_test_fold_as_another_folder(capsys) -> None:
    from training.evaluate_hedges import main as evaluate_hedges
    from training.labelled import TEST_DIR

    with pytest.raises(SystemExit):
        evaluate_hedges(["--folder", str(TEST_DIR)])
    assert "never the test fold" in capsys.readouterr().err


@pytest.mark.parametrize("folder", ["train", "test"])
def test_heldout_refuses_the_train_folds_and_the_test_fold_as_a_folder_to_add(folder: str, capsys) -> None:
    from training.heldout import main as heldout
    from training.labelled import REALWORLD_DIR

    with pytest.raises(SystemExit):
        heldout(["--add", str(REALWORLD_DIR / folder)])
    assert "never the test fold" in capsys.readouterr().err


def test_missed_cues_refuses_the_test_fold_as_a_folder(capsys) -> None:
    from training.labelled import TEST_DIR
    from training.missed_cues import main as missed_cues

    with pytest.raises(SystemExit):
        missed_cues(["--folder", str(TEST_DIR)])
    assert "never the test fold" in capsys.readouterr().err


def test_each_ablated_scope_rule_is_stood_in_for_by_a_function_of_its_parameters() -> None:
    import inspect

    from training.evaluate_hedges import SCOPE_RULES

    for name, (module, attribute, stand_in) in SCOPE_RULES.items():
        rule = getattr(module, attribute)
        if callable(rule):
            assert list(inspect.signature(stand_in).parameters) == list(inspect.signature(rule).parameters), name
        else:
            assert type(stand_in) is type(rule), name


def test_collection_folder_keeps_one_collection_with_readable_texts(tmp_path: Path) -> None:
    rows = [line.split("\t") for table in TRAIN_DIR.glob("articles*.tsv")
            for line in table.read_text(encoding="utf-8").splitlines()[1:]]
    kept = load_folder(collection_folder("polnear-train", tmp_path))  # texts found and their SHA-256 checked
    assert sorted(a.id for a in kept) == sorted(row[0] for row in rows if row[1] == "polnear-train")
    assert {a.fold for a in kept} == {"fold0", "fold1", "fold2", "fold3"}


def test_dealt_deals_a_folder_round_robin_in_table_order(tmp_path: Path) -> None:
    folder = collection_folder("polnear-train", tmp_path)
    articles = load_folder(folder)
    assert [(a.id, a.fold) for a in dealt(folder)] == [(a.id, f"fold{i % 4}") for i, a in enumerate(articles)]


def test_heldout_scores_each_fold_with_the_gate_roles_and_bands_fitted_without_it(monkeypatch) -> None:
    """The shipped role model and band edges were fitted on the train folds, so the held-out rating must not use them."""
    import training.heldout as heldout

    class Engine:
        def __init__(self, model, weights, hedge_detector, roles, gate):
            self.model, self.weights, self.hedge_detector, self.roles, self.gate = model, weights, hedge_detector, roles, gate

        @classmethod
        def load(cls):
            return cls(None, "shipped", None, "shipped", "shipped")

        def analyse(self, text):
            return None

    monkeypatch.setattr(heldout, "Engine", Engine)
    monkeypatch.setattr(heldout, "score_body", lambda engine, article, analysed: engine)
    monkeypatch.setattr(heldout, "fold_gates", lambda threshold, articles: {f: f"without {f}" for f in heldout.FOLDS})
    monkeypatch.setattr(heldout, "fold_roles_and_weights", lambda articles: (
        {f: f"without {f}" for f in heldout.FOLDS}, {f: f"without {f}" for f in heldout.FOLDS}))
    score = heldout.held_out_scorer()
    for article in load_folder(TRAIN_DIR)[::40]:
        engine = score(article.text)
        without = f"without {article.fold.removeprefix('fold')}"
        assert (engine.gate, engine.roles, engine.weights) == (without, without, without)
