"""The bundled attribution model: it loads only when it is ours, and reads real sentences."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from service.pipeline.claims import segment
from service.pipeline.model import DEFAULT_MODEL_PATH, MODEL_PATH_SETTING, AttributionModel, ModelLoadError

SEEDS = Path(__file__).resolve().parent.parent.parent / "shared" / "seeds"


@pytest.fixture(scope="module")
def model() -> AttributionModel:
    return AttributionModel.load()


@pytest.fixture
def artefact_copy(tmp_path: Path) -> Path:
    """A copy of the bundled artefact and its manifest, free to tamper with."""
    copy = tmp_path / "attribution.joblib"
    shutil.copy(DEFAULT_MODEL_PATH, copy)
    shutil.copy(DEFAULT_MODEL_PATH.with_suffix(".json"), copy.with_suffix(".json"))
    return copy


def predict_sentence(model: AttributionModel, sentence: str):
    claims = segment(sentence).claims
    assert len(claims) == 1, claims
    (prediction,) = model.predict(sentence, claims)
    return prediction


def test_bundled_model_loads_with_a_version(model: AttributionModel) -> None:
    assert model.version.startswith("polnear-linear-")


def test_setting_names_the_artefact(monkeypatch: pytest.MonkeyPatch, artefact_copy: Path) -> None:
    monkeypatch.setenv(MODEL_PATH_SETTING, str(artefact_copy))
    assert AttributionModel.load().version == AttributionModel.load(DEFAULT_MODEL_PATH).version


@pytest.mark.parametrize(
    ("sentence", "cue", "source"),
    [
        # seeds/004 (Kyiv Independent style wire copy)
        ("Russia launched 49 drones to attack Ukraine overnight, the Ukrainian military said on Monday.", "said", "the Ukrainian military"),
        ("According to the head of Kiev's military intelligence, his support makes North Korea Russia's most dangerous ally.", "According to", "the head of Kiev's military intelligence"),
        # seeds/002
        ("Western officials reported that the North Korean troops were so poorly trained that they were delayed from being sent to engage in the fighting.", "reported", "Western officials"),
        ("Kyiv says they have now joined Putin’s troops seeking to recapture a swathe of the Kursk region of Russia.", "says", "Kyiv"),
        # PolNeAR dev (breitbart_2016-09-12)
        ("Clinton had told police officials that she didn’t want the escort at all, but the NYPD overruled that request, the source added.", "added", "the source"),
        ("“We will defend ourselves, including against these North Koreans,” Zelensky said.", "said", "Zelensky"),
    ],
)
def test_finds_a_tight_cue_and_source(model: AttributionModel, sentence: str, cue: str, source: str) -> None:
    prediction = predict_sentence(model, sentence)
    assert prediction.probability >= 0.5
    assert prediction.cue is not None and prediction.cue.text == cue
    assert prediction.source is not None and prediction.source.text == source
    for span in (prediction.cue, prediction.source):
        assert sentence[span.start : span.end] == span.text


@pytest.mark.parametrize(
    "sentence",
    [
        "The storm damaged hundreds of homes along the coast on Tuesday.",
        "Dozens of North Korean soldiers were killed near the border.",
        # seeds/000
        "The incident came to light through testimony from a captured Russian soldier who deserted his unit following the friendly fire incident.",
    ],
)
def test_unattributed_sentence_gets_low_probability_and_no_cue(model: AttributionModel, sentence: str) -> None:
    prediction = predict_sentence(model, sentence)
    assert prediction.probability < 0.2
    assert prediction.cue is None and prediction.source is None


def test_one_prediction_per_claim_with_offsets_into_the_article(model: AttributionModel) -> None:
    text = (SEEDS / "004_947385f47217d880.txt").read_text(encoding="utf-8")
    claims = segment(text).claims
    predictions = model.predict(text, claims)
    assert len(predictions) == len(claims) > 10
    attributed = [p for p in predictions if p.cue is not None]
    assert len(attributed) >= len(claims) // 2
    for claim, prediction in zip(claims, predictions):
        assert 0.0 <= prediction.probability <= 1.0
        if prediction.cue is not None:
            assert claim.start <= prediction.cue.start < prediction.cue.end <= claim.end
            assert text[prediction.cue.start : prediction.cue.end] == prediction.cue.text
        if prediction.source is not None:
            assert claim.start <= prediction.source.start < prediction.source.end <= claim.end


def test_no_claims_no_predictions(model: AttributionModel) -> None:
    assert model.predict("", ()) == ()
    assert model.predict("Nothing to see.", ()) == ()


def test_missing_artefact_is_refused_naming_path_and_setting(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere.joblib"
    with pytest.raises(ModelLoadError, match="not found") as raised:
        AttributionModel.load(missing)
    assert str(missing) in str(raised.value) and MODEL_PATH_SETTING in str(raised.value)


def test_tampered_artefact_is_refused(artefact_copy: Path) -> None:
    with artefact_copy.open("ab") as handle:
        handle.write(b"\0")
    with pytest.raises(ModelLoadError, match="SHA-256"):
        AttributionModel.load(artefact_copy)


def test_missing_manifest_is_refused(artefact_copy: Path) -> None:
    artefact_copy.with_suffix(".json").unlink()
    with pytest.raises(ModelLoadError, match="manifest"):
        AttributionModel.load(artefact_copy)


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("sklearn_version", "0.24.2", "scikit-learn 0.24.2"),
        ("feature_schema_version", -1, "feature schema -1"),
    ],
)
def test_incompatible_build_is_refused(artefact_copy: Path, field: str, value: object, message: str) -> None:
    manifest_file = artefact_copy.with_suffix(".json")
    manifest = json.loads(manifest_file.read_text(encoding="utf-8"))
    manifest[field] = value
    manifest_file.write_text(json.dumps(manifest), encoding="utf-8")
    with pytest.raises(ModelLoadError, match=message):
        AttributionModel.load(artefact_copy)
