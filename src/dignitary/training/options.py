"""The ``dignitary train`` flags, generated from the fields of ``TrainConfig``.

Each field is one flag (``--field-name``, or the ``flags`` in its metadata); booleans get
``--x/--no-x``, lists take several values, dicts a JSON object. ``--config FILE.json`` reads
values from a file; flags given on the command line override them.
"""
from __future__ import annotations

import argparse
import json
import typing
from collections.abc import Collection, Mapping
from dataclasses import MISSING, Field, fields
from pathlib import Path
from typing import Any

from ..errors import DignitaryError
from .config import TrainConfig

CONFIG_FLAG = "--config"


def flags_of(f: Field) -> tuple[str, ...]:
    """The command-line names of a ``TrainConfig`` field (``--batch-size`` for ``batch_size``)."""
    return tuple(f.metadata.get("flags", ("--" + f.name.replace("_", "-"),)))


def _json_object(value: str) -> dict[str, Any]:
    try:
        parsed = json.loads(value)
    except json.JSONDecodeError as exc:
        raise argparse.ArgumentTypeError(f"not JSON: {exc}") from None
    if not isinstance(parsed, dict):
        raise argparse.ArgumentTypeError("must be a JSON object")
    return parsed


def _argument(f: Field, hint: Any, default: Any) -> dict[str, Any]:
    """``add_argument`` keywords for one field of type ``hint``."""
    has_default = default is not MISSING
    shown = f" (default: {default})" if has_default and default not in (None, [], {}) else ""
    kwargs: dict[str, Any] = {"dest": f.name, "default": argparse.SUPPRESS,
                              "help": f.metadata.get("help", "") + ("" if has_default else " (required)") + shown}
    if "choices" in f.metadata:
        kwargs["choices"] = f.metadata["choices"]
    origin = typing.get_origin(hint)
    args = [a for a in typing.get_args(hint) if a is not type(None)]
    if hint is bool:
        kwargs["action"] = argparse.BooleanOptionalAction
        return kwargs
    if "choices" not in f.metadata:
        kwargs["metavar"] = flags_of(f)[-1].lstrip("-").replace("-", "_").upper()
    if origin is list:
        kwargs.update(nargs="+", type=args[0] if args else str)
    elif origin is dict:
        kwargs.update(type=_json_object, metavar="JSON")
    else:  # X, or X | None
        kwargs["type"] = args[0] if args else hint
    return kwargs


def add_config_flags(parser: argparse.ArgumentParser, exclude: Collection[str] = (),
                     defaults: Mapping[str, Any] | None = None) -> None:
    """Add a flag for every ``TrainConfig`` field not in ``exclude`` (and ``--config``) to ``parser``.

    ``defaults`` replaces field defaults for this parser (shown in the help and used by
    ``config_from_args``); a flag not given on the command line leaves the attribute unset.
    """
    defaults = dict(defaults or {})
    parser.add_argument(CONFIG_FLAG, dest="config_file", metavar="FILE.json",
                        help="training options from a JSON file (keys: TrainConfig fields); flags override them")
    hints = typing.get_type_hints(TrainConfig)
    for f in fields(TrainConfig):
        if f.name in exclude:
            continue
        default = defaults.get(f.name, _field_default(f))
        parser.add_argument(*flags_of(f), **_argument(f, hints[f.name], default))
        for off in f.metadata.get("off_flags", ()):
            parser.add_argument(off, dest=f.name, action="store_false", default=argparse.SUPPRESS,
                                help=f"same as --no-{f.name.replace('_', '-')}")
    parser.set_defaults(config_defaults=defaults)


def _field_default(f: Field) -> Any:
    if f.default is not MISSING:
        return f.default
    if f.default_factory is not MISSING:
        return f.default_factory()
    return MISSING


def read_config_file(path: str | Path) -> dict[str, Any]:
    """The ``TrainConfig`` values in a JSON file; an unknown key is an error."""
    try:
        values = json.loads(Path(path).read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise DignitaryError(f"{path}: not JSON: {exc}") from None
    if not isinstance(values, dict):
        raise DignitaryError(f"{path}: must hold a JSON object of training options")
    known = {f.name for f in fields(TrainConfig)}
    unknown = sorted(set(values) - known)
    if unknown:
        raise DignitaryError(f"{path}: unknown training options {unknown}; known: {sorted(known)}")
    return values


def config_values(args: argparse.Namespace) -> dict[str, Any]:
    """Parser defaults, then the ``--config`` file, then the flags given: the values for ``TrainConfig``."""
    values: dict[str, Any] = dict(getattr(args, "config_defaults", {}))
    if getattr(args, "config_file", None):
        values.update(read_config_file(args.config_file))
    given = vars(args)
    values.update({f.name: given[f.name] for f in fields(TrainConfig) if f.name in given})
    return values


def config_from_args(args: argparse.Namespace, **fixed: Any) -> TrainConfig:
    """The ``TrainConfig`` of parsed ``args`` (see ``config_values``), with ``fixed`` values on top."""
    values = {**config_values(args), **fixed}
    missing = [f for f in fields(TrainConfig) if _field_default(f) is MISSING and f.name not in values]
    if missing:
        names = ", ".join(flags_of(f)[-1] for f in missing)
        raise DignitaryError(f"missing training options: {names} (give them as flags or in {CONFIG_FLAG})")
    return TrainConfig(**values)
