"""The inference core: the predictor and the encoders it runs a model through."""
from .predictor import Predictor

__all__ = ["Predictor"]
