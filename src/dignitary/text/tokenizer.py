"""The subword tokenizer, read with the ``tokenizers`` library alone (no torch, no transformers).

A model directory holds ``tokenizer.json`` (the fast tokenizer) and ``tokenizer_config.json``
(which tokens open, close and pad a window). A Hugging Face fast tokenizer object (training, tests)
is wrapped with ``SubwordTokenizer.from_hf``; both give the same ids and offsets.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import DignitaryError
from .alignment import TokenizedText, trim_offsets

TOKENIZER_FILE = "tokenizer.json"
TOKENIZER_CONFIG_FILE = "tokenizer_config.json"


@dataclass
class SubwordTokenizer:
    """A ``tokenizers.Tokenizer`` with the ids of the tokens around a window."""

    backend: Any  # tokenizers.Tokenizer
    start_id: int
    end_id: int
    pad_id: int

    @classmethod
    def from_dir(cls, path: str | Path) -> "SubwordTokenizer":
        """The tokenizer of a model directory (``tokenizer.json`` + ``tokenizer_config.json``)."""
        from tokenizers import Tokenizer

        path = Path(path)
        if not (path / TOKENIZER_FILE).is_file():
            raise DignitaryError(f"{path}: dignitary needs a fast tokenizer ({TOKENIZER_FILE})")
        backend = Tokenizer.from_file(str(path / TOKENIZER_FILE))
        backend.no_truncation()
        backend.no_padding()
        config_path = path / TOKENIZER_CONFIG_FILE
        config = json.loads(config_path.read_text(encoding="utf-8")) if config_path.is_file() else {}

        def token_id(*keys: str) -> int | None:
            for key in keys:
                token = config.get(key)
                if isinstance(token, dict):  # an AddedToken written out in full
                    token = token.get("content")
                if token is not None and backend.token_to_id(token) is not None:
                    return backend.token_to_id(token)
            return None

        start, end = token_id("cls_token", "bos_token"), token_id("sep_token", "eos_token")
        if start is None or end is None:
            raise ValueError("tokenizer has neither CLS/SEP nor BOS/EOS tokens")
        pad = token_id("pad_token")
        return cls(backend, start, end, pad if pad is not None else 0)

    @classmethod
    def from_hf(cls, tokenizer) -> "SubwordTokenizer":
        """Wrap a Hugging Face fast tokenizer (its ``backend_tokenizer``)."""
        if isinstance(tokenizer, SubwordTokenizer):
            return tokenizer
        start = tokenizer.cls_token_id if tokenizer.cls_token_id is not None else tokenizer.bos_token_id
        end = tokenizer.sep_token_id if tokenizer.sep_token_id is not None else tokenizer.eos_token_id
        if start is None or end is None:
            raise ValueError("tokenizer has neither CLS/SEP nor BOS/EOS tokens")
        backend = tokenizer.backend_tokenizer
        backend.no_truncation()
        backend.no_padding()
        pad = tokenizer.pad_token_id if tokenizer.pad_token_id is not None else 0
        return cls(backend, start, end, pad)

    def encode_spans(self, text: str, spans: list[tuple[int, int]]) -> list[TokenizedText]:
        """Each ``text[start:end]`` tokenized (one batched call), offsets into ``text``, no special tokens."""
        pieces = [text[s:e] for s, e in spans]
        encodings = self.backend.encode_batch(pieces, add_special_tokens=False) if pieces else []
        return [trim_offsets(piece, start, enc.ids, enc.offsets)
                for piece, (start, _), enc in zip(pieces, spans, encodings)]
