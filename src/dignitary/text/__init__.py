"""Text utilities: sentence segmentation and character/subword alignment."""
from .sentences import split_sentences

__all__ = ["split_sentences"]
