"""The per-language word tables shipped as package data: ``records/languages/<code>.toml``."""
from __future__ import annotations

import sys
from importlib import resources
from importlib.resources.abc import Traversable
from typing import Any

if sys.version_info >= (3, 11):
    import tomllib
else:  # Python 3.10
    import tomli as tomllib


def _folder() -> Traversable:
    return resources.files("dignitary.records") / "languages"


def table_languages() -> list[str]:
    """The codes of the languages that have a table file (``en``, ``es``, ...), sorted."""
    return sorted(entry.name.removesuffix(".toml") for entry in _folder().iterdir() if entry.name.endswith(".toml"))


def language_table(language: str) -> dict[str, Any]:
    """The parsed table file of ``language`` (a code such as ``en``)."""
    return tomllib.loads((_folder() / f"{language}.toml").read_text(encoding="utf-8"))


def holiday_table(language: str) -> dict[str, Any] | None:
    """The holiday section of ``language`` in ``records/holidays.toml`` (None if it has none)."""
    tables = tomllib.loads((resources.files("dignitary.records") / "holidays.toml").read_text(encoding="utf-8"))
    return tables.get(language)
