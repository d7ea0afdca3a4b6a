"""The attribution model: features (``features``) and the estimator (``attribution_model``)."""
from .attribution_model import (
    DEFAULT_MODEL_PATH,
    MODEL_PATH_SETTING,
    AttributionModel,
    Hyperparameters,
    ModelLoadError,
)
from ..resources import manifest_path

__all__ = ["DEFAULT_MODEL_PATH", "MODEL_PATH_SETTING", "AttributionModel", "Hyperparameters", "ModelLoadError", "manifest_path"]
