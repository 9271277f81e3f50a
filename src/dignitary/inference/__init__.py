"""The inference core."""
from .predictor import Prediction, Predictor, annotate

__all__ = ["Prediction", "Predictor", "annotate"]
