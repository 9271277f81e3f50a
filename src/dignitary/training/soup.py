"""Average the weights of models fine-tuned from one base encoder (a "model soup", Wortsman et
al. 2022, uniform or weighted).

Two runs of the same recipe on different data or seeds often land in one basin of the loss when
they start from the same pretrained weights, and their average can keep much of what each run
learned (e.g. one run's English and another's Chinese); measure it, since it can also trade one
score for another (the default model's card has such a case). The models must share the encoder
architecture, the tokenizer, the schema and the head settings; every floating-point tensor is
averaged in float32 and stored in the first model's dtype (fp16 stays fp16); integer tensors must
be equal. The relation threshold is the first model's until ``dignitary calibrate`` chooses one.
"""
from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

import torch
from safetensors.torch import load_file, save_file

from ..errors import DignitaryError
from ..models.metadata import META_FILE, load_model_meta
from ..models.pretrained import HEADS_FILE

WEIGHT_FILES = ("model.safetensors", HEADS_FILE)  # the encoder's (Hugging Face) and the heads'
SHARED_FILES = ("config.json", "tokenizer.json", "tokenizer_config.json", "special_tokens_map.json",
                "sentencepiece.bpe.model", "vocab.txt")
# head settings that change no weight: they may differ between the ingredients
RUNTIME_SETTINGS = frozenset({"relation_threshold", "max_tokens", "dropout"})


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else ""


def _weight_settings(meta: dict) -> dict:
    """A model's head settings that shape its weights (``RUNTIME_SETTINGS`` left out)."""
    return {k: v for k, v in meta["heads"].items() if k not in RUNTIME_SETTINGS}


def _check_compatible(model_dirs: list[Path], metas: list[dict]) -> None:
    first, first_meta = model_dirs[0], metas[0]
    for other, meta in zip(model_dirs[1:], metas[1:]):
        if meta["schema"] != first_meta["schema"]:
            raise DignitaryError(f"{other}: another schema than {first}; only models of one schema average")
        heads, first_heads = _weight_settings(meta), _weight_settings(first_meta)
        if heads != first_heads:
            diff = sorted(k for k in heads.keys() | first_heads.keys() if heads.get(k) != first_heads.get(k))
            raise DignitaryError(f"{other}: head settings differ from {first}: {', '.join(diff)}")
        for name in SHARED_FILES:
            if _digest(other / name) != _digest(first / name):
                raise DignitaryError(f"{other}: {name} differs from {first}'s; models must share encoder "
                                     "architecture and tokenizer")


def _average_tensors(paths: list[Path], weights: list[float]) -> dict[str, torch.Tensor]:
    states = [load_file(str(p)) for p in paths]
    keys = states[0].keys()
    for path, state in zip(paths[1:], states[1:]):
        if state.keys() != keys:
            missing = sorted(keys ^ state.keys())[:5]
            raise DignitaryError(f"{path}: other tensors than {paths[0]} ({', '.join(missing)} ...)")
    averaged = {}
    for key in keys:
        tensors = [s[key] for s in states]
        for path, tensor in zip(paths[1:], tensors[1:]):
            if tensor.shape != tensors[0].shape:
                raise DignitaryError(f"{path}: {key} has shape {tuple(tensor.shape)}, "
                                     f"{paths[0]} {tuple(tensors[0].shape)}")
        if tensors[0].is_floating_point():
            total = sum(w * t.float() for w, t in zip(weights, tensors))
            averaged[key] = total.to(tensors[0].dtype).contiguous()  # type: ignore[union-attr]
        else:
            if any(not torch.equal(t, tensors[0]) for t in tensors[1:]):
                raise DignitaryError(f"{key}: integer tensors differ between the models; they cannot be averaged")
            averaged[key] = tensors[0]
    return averaged


def average_models(model_dirs: list[str | Path], output: str | Path, weights: list[float] | None = None) -> Path:
    """Write the (weighted) average of ``model_dirs`` to ``output`` and return it.

    ``weights`` default to uniform and are normalised to sum to one. ``dignitary.json`` of the
    soup is the first model's, with ``training`` replaced by ``soup``: each ingredient's path,
    weight, training options and dev scores.
    """
    dirs = [Path(d) for d in model_dirs]
    if len(dirs) < 2:
        raise DignitaryError("averaging needs at least two models")
    weights = [1.0] * len(dirs) if weights is None else [float(w) for w in weights]
    if len(weights) != len(dirs):
        raise DignitaryError(f"{len(weights)} weights for {len(dirs)} models")
    if any(w < 0 for w in weights) or sum(weights) <= 0:
        raise DignitaryError("weights must be non-negative and not all zero")
    weights = [w / sum(weights) for w in weights]
    metas = [load_model_meta(d).raw for d in dirs]
    _check_compatible(dirs, metas)
    target = Path(output)
    if target.resolve() in {d.resolve() for d in dirs}:
        raise DignitaryError(f"{target}: the output must not be one of the averaged models")
    target.mkdir(parents=True, exist_ok=True)
    for name in SHARED_FILES:
        if (dirs[0] / name).is_file():
            shutil.copyfile(dirs[0] / name, target / name)
    for name in WEIGHT_FILES:
        averaged = _average_tensors([d / name for d in dirs], weights)
        save_file(averaged, str(target / name), metadata={"format": "pt"})
    meta = dict(metas[0])
    for key in ("training", "dev_scores", "threshold_sweep"):
        meta.pop(key, None)
    meta["soup"] = [{"model": str(d), "weight": round(w, 6), "training": m.get("training"),
                     "dev_scores": m.get("dev_scores")} for d, w, m in zip(dirs, weights, metas)]
    (target / META_FILE).write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")
    return target
