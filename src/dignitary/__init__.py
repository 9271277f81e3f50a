"""dignitary: who holds which office where, and who met whom, from news text."""
from __future__ import annotations

__version__ = "0.1.0"

from .document import Document, Entity, Relation  # noqa: E402
from .errors import DataError, DignitaryError, SchemaError  # noqa: E402
from .schema import RelationType, Schema  # noqa: E402


def __getattr__(name: str):
    # heavy imports (torch, transformers) only when the model API is used
    if name == "Extractor":
        from .extractor import Extractor

        return Extractor
    raise AttributeError(name)


__all__ = ["DataError", "DignitaryError", "Document", "Entity", "Extractor", "Relation", "RelationType", "Schema",
           "SchemaError", "__version__"]
