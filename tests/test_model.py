"""The bundled attribution model: it loads only when it is ours, and reads real sentences."""
from __future__ import annotations

import json
import shutil
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from service.pipeline.claims import segment
from service.pipeline.document import Document
from service.pipeline.model.article import FIRST_WORD_ID, UNKNOWN_WORD, Vocabulary, tokenize
from service.pipeline.text.tokens import TOKEN, code_points, token_bounds
from service.pipeline.model import DEFAULT_MODEL_PATH, MODEL_PATH_SETTING, AttributionModel, ModelLoadError
from service.pipeline.model.attribution_model import LEARNED
from service.pipeline.resources import file_sha256

REPO_DIR = Path(__file__).resolve().parent.parent
SEEDS = REPO_DIR / "data" / "seeds"


@pytest.fixture(scope="module")
def model() -> AttributionModel:
    return AttributionModel.load()


@pytest.fixture
def artefact_copy(tmp_path: Path) -> Path:
    """A copy of the bundled artefact and its manifest, free to tamper with."""
    copy = tmp_path / "attribution.npz"
    shutil.copy(DEFAULT_MODEL_PATH, copy)
    shutil.copy(DEFAULT_MODEL_PATH.with_suffix(".json"), copy.with_suffix(".json"))
    return copy


def predict_sentence(model: AttributionModel, sentence: str):
    claims = segment(Document.of(sentence)).claims
    assert len(claims) == 1, claims
    (prediction,) = model.predict(sentence, claims)
    return prediction


def test_bundled_model_loads_with_a_version(model: AttributionModel) -> None:
    assert model.version.startswith("polnear-linear-")


def test_setting_names_the_artefact(monkeypatch: pytest.MonkeyPatch, model: AttributionModel, tmp_path: Path) -> None:
    strict = AttributionModel.load().set_learned({"claim_threshold_": 0.999})
    strict.save(tmp_path / "strict.npz", "strict", {})
    monkeypatch.setenv(MODEL_PATH_SETTING, str(tmp_path / "strict.npz"))
    chosen = AttributionModel.load()
    assert chosen.version.startswith("strict+") and model.version.startswith("polnear-linear-")
    sentence = "Russia launched 49 drones to attack Ukraine overnight, the Ukrainian military said on Monday."
    assert predict_sentence(model, sentence).cue is not None and predict_sentence(chosen, sentence).cue is None


def test_saving_the_bundled_model_gives_the_same_bytes(model: AttributionModel, tmp_path: Path) -> None:
    manifest = AttributionModel.load().save(tmp_path / "again.npz", "polnear-linear-2", {})
    assert manifest["sha256"] == file_sha256(DEFAULT_MODEL_PATH)
    assert manifest["model_version"] == model.version


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
    claims = segment(Document.of(text)).claims
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
    missing = tmp_path / "nowhere.npz"
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


def test_artefact_fields_refuse_another_format(artefact_copy: Path) -> None:
    manifest_file = artefact_copy.with_suffix(".json")
    manifest = json.loads(manifest_file.read_text(encoding="utf-8"))
    manifest["artefact_format"] = 1
    manifest_file.write_text(json.dumps(manifest), encoding="utf-8")
    with pytest.raises(ModelLoadError, match="artefact format 1"):
        AttributionModel.load(artefact_copy)


def test_artefact_holds_only_plain_arrays() -> None:
    with np.load(DEFAULT_MODEL_PATH, allow_pickle=False) as arrays:
        assert sorted(arrays.files) == sorted(LEARNED)
        assert all(arrays[name].dtype != object for name in arrays.files)


def test_an_artefact_that_needs_pickle_is_refused(artefact_copy: Path) -> None:
    with np.load(artefact_copy, allow_pickle=False) as arrays:
        learned = {name: arrays[name] for name in arrays.files}
    np.savez(artefact_copy, **{**learned, "words_": np.array(learned["words_"].tolist(), dtype=object)})
    manifest_file = artefact_copy.with_suffix(".json")
    manifest = json.loads(manifest_file.read_text(encoding="utf-8"))
    manifest_file.write_text(json.dumps({**manifest, "sha256": file_sha256(artefact_copy)}), encoding="utf-8")
    with pytest.raises(ModelLoadError, match="plain arrays"):
        AttributionModel.load(artefact_copy)


def test_serving_never_imports_scikit_learn_scipy_or_joblib() -> None:
    probe = (
        "import sys, service\n"
        "service.score_article('The storm hit the coast, officials said. The minister said so.')\n"
        "print(sorted(name for name in sys.modules if name.split('.')[0] in ('sklearn', 'scipy', 'joblib')))\n"
    )
    finished = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True, cwd=REPO_DIR)
    assert finished.stdout.strip() == "[]"


TRICKY_TEXTS = [
    "Kiev's mayor said: \u201cdon't\u201d -- it's a 'test' o'clock ''a'' b'' 'c \u2019tis rock\u2019n\u2019roll.",
    "The minister said \ud800 it was \udfff fine\udc80.",
    "\u0130stanbul \ufb03ce \u00dfe \u0301\u0301a \U0001f600x_y 3.5% \u00bd \u0663\u0664 \u00b2 \x00\u200bzero\u200d width\u00a0nbsp",
    "\u2028line\u2029para\x85next\x1c\x1d\x1e\x1f\u3000ideographic \u1680ogham",
    "",
    "   ",
    "'",
    "a'",
    "'a",
]


@pytest.mark.parametrize("text", TRICKY_TEXTS)
def test_token_bounds_are_the_token_pattern(text: str) -> None:
    lowered = text.lower()
    if len(lowered) != len(text):
        lowered = "".join(char.lower() if len(char.lower()) == 1 else char for char in text)
    starts, ends = token_bounds(code_points(lowered))
    assert list(zip(starts.tolist(), ends.tolist())) == [match.span() for match in TOKEN.finditer(lowered)]


@settings(max_examples=300, deadline=None, derandomize=True)
@given(st.text(st.characters(codec=None, exclude_categories=()), max_size=60) | st.text("ab '\u2019.\n", max_size=30))
def test_token_bounds_are_the_token_pattern_on_any_text(text: str) -> None:
    starts, ends = token_bounds(code_points(text))
    assert list(zip(starts.tolist(), ends.tolist())) == [match.span() for match in TOKEN.finditer(text)]


def test_word_ids_are_the_vocabulary_s(model: AttributionModel) -> None:
    text = (SEEDS / "004_947385f47217d880.txt").read_text(encoding="utf-8") + " Zzyzx-unknownword qwertyuiop don't"
    tokens = tokenize(text, segment(Document.of(text)).claims, model.vocabulary_)
    index = {word: number for number, word in enumerate(model.vocabulary_.words, start=FIRST_WORD_ID)}
    expected = [index.get(tokens.word(position), UNKNOWN_WORD) for position in range(len(tokens))]
    assert tokens.word_ids.tolist() == expected
    assert UNKNOWN_WORD in expected


def test_vocabulary_words_must_be_single_tokens() -> None:
    with pytest.raises(ValueError, match="one token"):
        Vocabulary(["said", "according to"])


def test_tokenize_is_linear_in_trailing_and_leading_whitespace(model: AttributionModel) -> None:
    # A trailing whitespace run once made the tokeniser rescan it from each of its positions.
    for text in ("He said so." + "\n" * 400_000, " " * 400_000 + "He said so.", "He said so." + " \t" * 200_000 + "x"):
        started = time.perf_counter()
        tokens = tokenize(text, segment(Document.of(text)).claims, model.vocabulary_)
        assert time.perf_counter() - started < 2.0
        assert [tokens.word(position) for position in range(3)] == ["he", "said", "so"]


def test_lone_surrogates_keep_offsets(model: AttributionModel) -> None:
    text = "The minister said \ud800 it was fine, officials said."
    claims = segment(Document.of(text)).claims
    tokens = tokenize(text, claims, model.vocabulary_)
    assert [text[start:end] for start, end in zip(tokens.starts.tolist(), tokens.ends.tolist())][3] == "\ud800"
    for prediction in model.predict(text, claims):
        for span in (prediction.cue, prediction.source):
            assert span is None or text[span.start : span.end] == span.text
