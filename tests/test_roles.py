"""The claim-role model: plain arrays checked against their manifest, the same probabilities
as the estimator it was exported from, and no scikit-learn when serving; and
``model.rules_version``, which must change whenever weights, lexicons, the role model or
the rules do."""
from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
import sys

import numpy as np
import pytest

from service.pipeline.resources import manifest_path
from service.pipeline.document import Document
from service.pipeline.roles import (DENSE_FEATURES, HASH_BUCKETS, ROLE_FEATURE_SCHEMA, ROLE_MODEL_FILE, RoleModel, RoleModelError,
                                    role_inputs)
from service.pipeline.rules_version import PIPELINE_DIR, rules_digest, rules_version
from service.pipeline.records import ROLES, Claim, ClaimFindings, ClaimPrediction


def test_the_shipped_role_model_loads_as_plain_arrays():
    with np.load(ROLE_MODEL_FILE, allow_pickle=False) as arrays:
        assert tuple(arrays["classes"]) == ROLES
        assert tuple(arrays["features"]) == DENSE_FEATURES
        assert arrays["coef"].shape == (len(ROLES), len(DENSE_FEATURES) + HASH_BUCKETS)
    assert RoleModel.load().version == json.loads(manifest_path(ROLE_MODEL_FILE).read_text())["version"]


def test_an_altered_role_model_is_refused(tmp_path):
    copy = tmp_path / "roles.npz"
    shutil.copy(ROLE_MODEL_FILE, copy)
    shutil.copy(manifest_path(ROLE_MODEL_FILE), manifest_path(copy))
    copy.write_bytes(copy.read_bytes() + b"\0")
    with pytest.raises(RoleModelError, match="SHA-256"):
        RoleModel.load(copy)


def _findings(text: str) -> list[ClaimFindings]:
    """Each line of ``text`` as an unattributed claim with no hedge, a paragraph of its own."""
    claims, start = [], 0
    for index, sentence in enumerate(text.split("\n")):
        claims.append(ClaimFindings(Claim(index, start, start + len(sentence), sentence, index, False),
                                    ClaimPrediction(0.0, None, None), None, (), ()))
        start += len(sentence) + 1
    return claims


def test_exported_arrays_give_the_estimators_probabilities(tmp_path):
    from training.roles import export, fit, matrix

    texts = ["The council voted 7-2 on Monday.\nI think the vote was a disgrace.",
             "Officials said the bridge opened in 1932.\nWe should be ashamed of ourselves.",
             "The river floods every spring.\nThe mayor resigned on Friday."]
    inputs = [role_inputs(Document.of(text), _findings(text)) for text in texts]
    labels = ["key", "opinion", "background", "opinion", "background", "key"]
    estimator = fit(inputs, labels, 1.0, "balanced")
    path = tmp_path / "roles.npz"
    path.write_bytes(export(estimator))
    manifest_path(path).write_text(json.dumps({"sha256": hashlib.sha256(path.read_bytes()).hexdigest(),
                                               "feature_schema": ROLE_FEATURE_SCHEMA, "version": "test"}))
    unseen = role_inputs(Document.of("You must read this, my friends!\nThe plant closed in 2019."),
                         _findings("You must read this, my friends!\nThe plant closed in 2019."))
    expected = estimator.predict_proba(matrix([unseen]))
    assert np.allclose(RoleModel.load(path).probabilities(unseen), expected, atol=1e-9)


@pytest.mark.parametrize(
    "sentence, feature",
    [("I believe the plan is a disaster.", "claim_first_person"),
     ("You should call your senator today.", "claim_second_person"),
     ("The city must stop wasting money.", "claim_obligation"),
     ("Frankly, the proposal is absurd.", "claim_stance"),
     ("Frankly, the proposal is absurd.", "claim_evaluative"),
     ("They put together an ambitious agenda of events in the Nation’s Capital this week before the weekend march.",
      "claim_subjective"),
     ("At Selma, John Lewis walked with amazing courage into mounted police blocking the way.", "claim_subjective"),
     ("The vote is set for Tuesday.", "claim_calendar"),
     ("The dam was finished in 1936.", "year"),
     ("Is this really what voters wanted?", "question")],
)
def test_the_writers_words_light_their_feature(sentence, feature):
    inputs = role_inputs(Document.of(sentence), _findings(sentence))
    assert inputs.dense[0, DENSE_FEATURES.index(feature)] > 0


@pytest.mark.parametrize(
    "sentence, feature",
    [('She said: "I believe the plan is a disaster."', "claim_first_person"),
     ('He wrote that "you must act now."', "claim_obligation"),
     ('The report called the plan "absurd and dangerous."', "claim_evaluative")],
)
def test_words_inside_a_quotation_are_the_sources_not_the_writers(sentence, feature):
    inputs = role_inputs(Document.of(sentence), _findings(sentence))
    assert inputs.dense[0, DENSE_FEATURES.index(feature)] == 0
    assert inputs.dense[0, DENSE_FEATURES.index("quoted")] > 0


REPORT = "The county reported 14 new cases on Monday."
COLUMN = "I am tired of leaders who refuse to lead, and we deserve better."


@pytest.mark.parametrize("text, role", [(REPORT, "key"), (COLUMN, "opinion")])
def test_the_shipped_model_tells_a_column_sentence_from_a_report(text, role):
    assert [found.role for found in RoleModel.load().predict(Document.of(text), _findings(text))] == [role]


def test_in_one_article_the_column_sentence_reads_as_opinion_more_than_the_report():
    """The article's own word classes count too (a column's facts are often the writer's case), so an unattributed
    report beside a rant sits near the edge; the model must still rank the rant far above it."""
    text = f"{REPORT}\n{COLUMN}"
    report, column = RoleModel.load().predict(Document.of(text), _findings(text))
    assert column.role == "opinion"
    # p(opinion), or at most 1 - p(the role chosen) when another role was chosen
    report_opinion = report.probability if report.role == "opinion" else 1 - report.probability
    assert column.probability - report_opinion > 0.3


def test_serving_imports_no_scikit_learn():
    code = ("import sys; from service import score_article; score_article('The ministry said 12 people died. "
            "I think it is a disgrace.'); print(sorted(m for m in ('sklearn', 'scipy') if m in sys.modules))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


def _digest(root) -> str:
    """The rules digest computed here, independently of the module: relative path and bytes of each file."""
    files = [p for p in root.rglob("*") if p.is_file() and "__pycache__" not in p.parts
             and (p.suffix == ".py" or "resources" in p.relative_to(root).parts)
             and p.relative_to(root).parts[:2] != ("resources", "model")]
    digest = hashlib.sha256()
    for path in sorted(files, key=lambda p: p.relative_to(root).as_posix()):
        name, content = path.relative_to(root).as_posix().encode(), path.read_bytes()
        digest.update(len(name).to_bytes(4, "big") + name + len(content).to_bytes(8, "big") + content)
    return "rules-" + digest.hexdigest()[:12]


@pytest.fixture()
def pipeline_copy(tmp_path):
    copy = tmp_path / "pipeline"
    shutil.copytree(PIPELINE_DIR, copy, ignore=shutil.ignore_patterns("__pycache__"))
    return copy


def test_rules_version_hashes_the_rules_and_is_reported():
    from service import score_article

    assert rules_version() == _digest(PIPELINE_DIR)
    assert score_article("The ministry said 12 people died.")["model"]["rules_version"] == rules_version()


@pytest.mark.parametrize(
    "path, change",
    [("resources/lexicons/weights.toml", lambda s: s.replace("points = 50.0", "points = 51.0", 1)),
     ("resources/lexicons/source_anonymous_heads.txt", lambda s: s + "\nwhistleblowers\n"),
     ("resources/lexicons/hedges.toml", lambda s: s + "\n# a comment is a change too\n"),
     ("aggregate.py", lambda s: s.replace("DOUBT_NOTES", "DOUBT_NOTE_KINDS")),
     ("resources/roles/roles.npz", None)],
)
def test_rules_version_changes_with_any_weight_lexicon_model_or_rule(pipeline_copy, path, change):
    before = rules_digest(pipeline_copy)
    target = pipeline_copy / path
    if change is None:
        target.write_bytes(target.read_bytes() + b"\0")
    else:
        target.write_text(change(target.read_text(encoding="utf-8")), encoding="utf-8")
    assert rules_digest(pipeline_copy) != before


def test_rules_version_ignores_the_attribution_model(pipeline_copy):
    before = rules_digest(pipeline_copy)
    (pipeline_copy / "resources" / "model" / "attribution.json").write_text("{}")
    assert rules_digest(pipeline_copy) == before


def test_the_role_measure_reads_the_roles_as_serving_does():
    """training.roles scores the role model with the roles serving gives (``decide_each``): the rule for a claim an
    identified source is cited for by its own cue, and the model's most probable role for the rest."""
    from service.pipeline.engine import Engine, find
    from training.roles import ReadArticle, measure
    text = ("The ministry said on Tuesday that 40 people were killed in the strike. "
            "Frankly, this government has failed its people.")
    engine = Engine.load()
    document = Document.of(text)
    findings, _ = find(document, engine.model, engine.hedge_detector, engine.gate)
    probabilities = np.array([[0.1, 0.2, 0.7]] * len(findings))  # every claim "opinion" by the model
    read = [ReadArticle(None, findings, None, ["key", "opinion"])]
    assert measure(read, [probabilities], rules=True)["accuracy"] == 1.0
    assert measure(read, [probabilities], rules=False)["accuracy"] == 0.5
