"""Find a model: a directory, ``$DIGNITARY_MODEL``, the source checkout's ``models/`` or an installed model package.

Model packages (``dignitary-model-NAME``, built by ``dignitary package``) register the entry point
``NAME`` in the group ``dignitary_models``; its module has ``MODEL_DIR``. Each packaged model's
``dignitary.json`` carries ``package.dignitary_version``, the library versions it was built for.
"""
from __future__ import annotations

import json
import os
import warnings
from dataclasses import dataclass
from importlib.metadata import entry_points
from pathlib import Path

from packaging.specifiers import InvalidSpecifier, SpecifierSet
from packaging.version import Version

from .. import __version__
from ..errors import DignitaryError

ENTRY_POINT_GROUP = "dignitary_models"
DEFAULT_MODEL = "default"
MODEL_ENV = "DIGNITARY_MODEL"
CHECKOUT_MODELS = Path(__file__).resolve().parents[3] / "models"


@dataclass(frozen=True)
class ModelLocation:
    """Where a model was found: its directory and how (``path``, ``env``, ``checkout`` or ``package``)."""

    path: Path
    source: str
    package: str | None = None
    package_version: str | None = None


def package_name(name: str) -> str:
    """The distribution that ships the model ``name``: ``dignitary-model-NAME``."""
    return f"dignitary-model-{name}"


def installed_models() -> dict[str, ModelLocation]:
    """Models provided by installed packages, by entry point name."""
    found = {}
    for ep in entry_points(group=ENTRY_POINT_GROUP):
        module = ep.load()
        dist = getattr(ep, "dist", None)
        found[ep.name] = ModelLocation(Path(module.MODEL_DIR), "package", dist.name if dist else None,
                                       dist.version if dist else None)
    return found


def _checkout_model(name: str) -> Path | None:
    path = CHECKOUT_MODELS / name
    return path if (path / "dignitary.json").is_file() else None


def locate_model(spec: str | os.PathLike | None = None) -> ModelLocation:
    """Resolve a model path or name; ``None`` means ``$DIGNITARY_MODEL``, else the default model.

    A name is looked up in the source checkout's ``models/`` (when running from one) and then among
    installed model packages; a missing model raises an error that says what to install.
    """
    source = "path"
    if spec is None:
        spec = os.environ.get(MODEL_ENV) or None
        source = "env" if spec else source
    if spec is not None and Path(spec).is_dir():
        return ModelLocation(Path(spec), source)
    name = DEFAULT_MODEL if spec is None else str(spec)
    is_name = "/" not in name and os.sep not in name and not name.startswith(".")
    if is_name:
        checkout = _checkout_model(name)
        if checkout is not None:
            return ModelLocation(checkout, "checkout")
        packaged = installed_models().get(name)
        if packaged is not None:
            return packaged
        raise DignitaryError(
            f"no model named {name!r}: it is not a directory and no installed package provides it. "
            f"Install the model package with `pip install {package_name(name)}` (a wheel built by "
            f"`dignitary package models/{name} dist/`), pass --model DIR, or set ${MODEL_ENV}")
    raise DignitaryError(f"model directory {name} does not exist")


def read_meta(path: Path) -> dict:
    """A model directory's ``dignitary.json`` (empty when missing)."""
    meta_path = Path(path) / "dignitary.json"
    return json.loads(meta_path.read_text(encoding="utf-8")) if meta_path.is_file() else {}


def check_compatibility(meta: dict, library_version: str = __version__) -> str | None:
    """A warning message when the model was packaged for other library versions, else ``None``."""
    package = meta.get("package") or {}
    wanted = package.get("dignitary_version")
    if not wanted:
        return None
    try:
        compatible = Version(library_version) in SpecifierSet(wanted)
    except InvalidSpecifier:
        return f"model package {package.get('name')} has an invalid dignitary_version {wanted!r}"
    if compatible:
        return None
    return (f"model {package.get('name')} {package.get('version')} was built for dignitary {wanted}, "
            f"but dignitary {library_version} is installed: install a matching library "
            f"(`pip install \"dignitary{wanted}\"`) or a model package built for dignitary {library_version} "
            f"(`dignitary package` with this library)")


def warn_if_incompatible(meta: dict) -> None:
    message = check_compatibility(meta)
    if message:
        warnings.warn(message, stacklevel=3)
