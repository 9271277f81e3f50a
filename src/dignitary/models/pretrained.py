"""Save and load a joint model as a directory: an ordinary Hugging Face encoder + heads + schema.

Layout: ``config.json``/``model.safetensors``/tokenizer files (loadable with ``AutoModel`` and
``AutoTokenizer``), ``dignitary_heads.safetensors`` and ``dignitary.json``. No pickle.
"""
from __future__ import annotations

import json
from pathlib import Path

import torch
from safetensors.torch import load_file, save_file
from transformers import AutoModel, AutoTokenizer
from transformers.utils import logging as hf_logging

from ..errors import DignitaryError
from .joint import JointModel
from .metadata import FORMAT_VERSION, META_FILE, load_model_meta

HEADS_FILE = "dignitary_heads.safetensors"
hf_logging.disable_progress_bar()


def load_encoder(path: str | Path, dtype: torch.dtype = torch.float32):
    """A base encoder and its fast tokenizer from a local directory (never the Hub)."""
    path = Path(path)
    if not (path / "config.json").is_file():
        raise DignitaryError(f"{path}: not a model directory (no config.json)")
    tokenizer = AutoTokenizer.from_pretrained(str(path), local_files_only=True)
    if not getattr(tokenizer, "is_fast", False):
        raise DignitaryError(f"{path}: dignitary needs a fast tokenizer (with offset mapping)")
    verbosity = hf_logging.get_verbosity()
    hf_logging.set_verbosity_error()
    try:
        encoder = AutoModel.from_pretrained(str(path), local_files_only=True, dtype=dtype)
    finally:
        hf_logging.set_verbosity(verbosity)
    return encoder, tokenizer


def save_pretrained(model: JointModel, tokenizer, path: str | Path, half: bool = False,
                    extra: dict | None = None) -> None:
    """Write the model directory; ``half`` stores the weights in fp16."""
    path = Path(path)
    path.mkdir(parents=True, exist_ok=True)
    encoder_state = {k: (v.half() if half and v.is_floating_point() else v).contiguous()
                     for k, v in model.encoder.state_dict().items()}
    # torch types an unknown Module attribute as Tensor | Module; the encoder is a Hugging Face model
    model.encoder.save_pretrained(str(path), state_dict=encoder_state)  # type: ignore[operator]
    tokenizer.save_pretrained(str(path))
    heads = {k: (v.half() if half and v.is_floating_point() else v).detach().cpu().contiguous()
             for k, v in model.state_dict().items() if not k.startswith("encoder.")}
    save_file(heads, str(path / HEADS_FILE))
    meta = {"format_version": FORMAT_VERSION, "schema": model.schema.to_dict(), "heads": model.config.to_dict()}
    if extra:
        meta.update(extra)
    (path / META_FILE).write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")


def load_pretrained(path: str | Path, dtype: torch.dtype = torch.float32) -> tuple[JointModel, object, dict]:
    """The joint model, its tokenizer and the metadata stored in ``dignitary.json``."""
    path = Path(path)
    meta = load_model_meta(path)
    encoder, tokenizer = load_encoder(path, dtype=dtype)
    model = JointModel(encoder, meta.schema, meta.heads)
    heads = {k: v.to(dtype) if v.is_floating_point() else v for k, v in load_file(str(path / HEADS_FILE)).items()}
    missing, unexpected = model.load_state_dict(heads, strict=False)
    missing = [k for k in missing if not k.startswith("encoder.")]
    if missing or unexpected:
        raise DignitaryError(f"{path}: heads do not match the model (missing {missing}, unexpected {unexpected})")
    model.eval()
    return model, tokenizer, meta.raw
