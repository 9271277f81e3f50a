"""Converters between dignitary JSONL and other annotation formats."""
from __future__ import annotations

from pathlib import Path
from typing import Callable

from ..document import Document
from ..jsonl import read_jsonl, write_jsonl
from .brat import read_brat, write_brat
from .conll import read_conll, write_conll
from .doccano import read_doccano, write_doccano
from .labelstudio import read_labelstudio, write_labelstudio
from .spert import read_spert, write_spert

READERS: dict[str, Callable[[Path], list[Document]]] = {
    "jsonl": lambda p: read_jsonl(p),
    "brat": read_brat,
    "spert": read_spert,
    "conll": read_conll,
    "doccano": read_doccano,
    "labelstudio": read_labelstudio,
}
WRITERS: dict[str, Callable[[list[Document], Path], object]] = {
    "jsonl": write_jsonl,
    "brat": write_brat,
    "spert": write_spert,
    "conll": write_conll,
    "doccano": write_doccano,
    "labelstudio": write_labelstudio,
}
FORMATS = tuple(READERS)
ENTITY_ONLY_FORMATS = ("conll",)  # relations are not written


def guess_format(path: str | Path) -> str:
    path = Path(path)
    if path.is_dir():
        return "brat"
    suffix = path.suffix.lower()
    if suffix == ".jsonl":
        return "jsonl"
    if suffix in (".conll", ".bio", ".tsv"):
        return "conll"
    raise ValueError(f"{path}: cannot guess the format; pass --from/--to ({', '.join(FORMATS)})")


def read_documents(path: str | Path, fmt: str | None = None) -> list[Document]:
    fmt = fmt or guess_format(path)
    return READERS[fmt](Path(path))


def write_documents(docs: list[Document], path: str | Path, fmt: str | None = None) -> None:
    fmt = fmt or guess_format(path)
    WRITERS[fmt](docs, Path(path))
