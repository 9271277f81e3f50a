"""``dignitary info``: library and model versions, model card, schema and labels, backend, device, threads."""
from __future__ import annotations

import importlib.util
import platform
from importlib.metadata import PackageNotFoundError, version
from typing import Any

from . import __version__
from .errors import DignitaryError
from .models.card import card_summary
from .models.registry import check_compatibility, locate_model, read_meta


def _version(dist: str) -> str | None:
    try:
        return version(dist)
    except PackageNotFoundError:
        return None


def collect_info(model: str | None = None, device: str = "auto", backend: str = "torch",
                 threads: int | None = None) -> dict[str, Any]:
    """Everything ``dignitary info`` prints, as a dict (the weights are not loaded)."""
    import torch

    from .device import resolve_device

    if threads:
        torch.set_num_threads(threads)
    info: dict[str, Any] = {
        "dignitary": __version__,
        "python": platform.python_version(),
        "libraries": {d: _version(d) for d in ("torch", "transformers", "tokenizers", "onnxruntime", "spacy",
                                                 "datasets")},
        "runtime": {
            "backend": backend,
            "onnxruntime_available": importlib.util.find_spec("onnxruntime") is not None,
            "device": str(resolve_device(device)),
            "cuda_available": torch.cuda.is_available(),
            "threads": torch.get_num_threads(),
        },
    }
    try:
        location = locate_model(model)
    except DignitaryError as exc:  # still show the library; the message says what to install
        return {**info, "model": {"error": str(exc)}, "schema": {}}
    meta = read_meta(location.path)
    schema = meta.get("schema", {})
    package = meta.get("package") or {}
    warning = check_compatibility(meta)
    return {
        **info,
        "model": {
            "path": str(location.path.resolve()),
            "found_as": location.source,
            "package": package.get("name") or location.package,
            "version": package.get("version") or location.package_version,
            "dignitary_version": package.get("dignitary_version"),
            "compatible": warning is None,
            "warning": warning,
            "format_version": meta.get("format_version"),
            "relation_threshold": meta.get("heads", {}).get("relation_threshold"),
            "card": card_summary(location.path),
        },
        "schema": {
            "name": schema.get("name"),
            "entities": schema.get("entities", []),
            "relations": schema.get("relations", {}),
        },
    }


def format_info(info: dict[str, Any]) -> str:
    """``collect_info``'s dict as readable text."""
    model, runtime = info["model"], info["runtime"]
    libs = ", ".join(f"{k} {v}" for k, v in info["libraries"].items() if v)
    lines = [f"dignitary {info['dignitary']} (Python {info['python']}; {libs})"]
    runtime_lines = [
        f"backend    {runtime['backend']} (onnxruntime "
        f"{'available' if runtime['onnxruntime_available'] else 'not installed'})",
        f"device     {runtime['device']} (CUDA {'available' if runtime['cuda_available'] else 'not available'})",
        f"threads    {runtime['threads']}",
    ]
    if "error" in model:
        return "\n".join([*lines, f"model      missing: {model['error']}", *runtime_lines])
    card = model["card"]
    lines.append(f"model      {model['package'] or 'directory'} {model['version'] or ''}".rstrip()
                 + f" at {model['path']} (found as {model['found_as']})")
    if model["dignitary_version"]:
        state = "compatible" if model["compatible"] else "INCOMPATIBLE"
        lines.append(f"           built for dignitary {model['dignitary_version']}: {state}")
    if model["warning"]:
        lines.append(f"           warning: {model['warning']}")
    if card:
        lines.append(f"card       {card.get('title') or ''}")
        if card.get("summary"):
            lines.append(f"           {card['summary']}")
        for key in ("license", "language", "base_model"):
            if card.get(key):
                lines.append(f"           {key}: {card[key]}")
        for r in card.get("results", []):
            lines.append(f"           {r['task']} ({r['split']}): {r['metric']} {r['value']}")
    schema = info["schema"]
    lines.append(f"schema     {schema['name']}")
    lines.append(f"entities   {', '.join(schema['entities'])}")
    for label, spec in schema["relations"].items():
        sym = " (symmetric)" if spec.get("symmetric") else ""
        lines.append(f"relation   {label}: {'/'.join(spec['head'])} -> {'/'.join(spec['tail'])}{sym}")
    lines.append(f"threshold  {model['relation_threshold']}")
    return "\n".join([*lines, *runtime_lines])
