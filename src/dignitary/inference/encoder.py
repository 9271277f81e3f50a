"""The one interface the predictor runs a model through, whatever executes it (torch, ONNX Runtime).

Inputs are numpy arrays (``EncoderBatch``, ``MentionBatch``, ``PairBatch``); outputs are numpy
arrays, except the encoder states, which stay in the backend's own array type between the two calls
(torch tensors on the model's device, numpy for ONNX Runtime) and are only sliced by the caller.
"""
from __future__ import annotations

from typing import Any, Protocol

import numpy as np

from ..models.inputs import EncoderBatch, MentionBatch, PairBatch


class Encoder(Protocol):
    """A joint model's two forward passes."""

    name: str  # "torch" or "onnx"
    # the most windows one ``encode`` call may take (None: any): 1 where a call's outputs depend on
    # the other windows in it, as dynamic int8's activation scales do
    max_rows: int | None

    def encode(self, batch: EncoderBatch) -> tuple[np.ndarray, Any]:
        """Tag log-probabilities ``(B, T, n_tags)`` (float32 numpy) and the encoder states ``(B, T, d)``."""
        ...

    def relation_probs(self, states: list[Any], mentions: MentionBatch, pairs: PairBatch) -> np.ndarray:
        """Relation probabilities ``(P, R)`` of the pairs, given each chunk row's states ``(T_r, d)``."""
        ...


def log_softmax(logits: np.ndarray) -> np.ndarray:
    """``log_softmax`` over the last axis, in float32."""
    logits = logits.astype(np.float32, copy=False)
    shifted = logits - logits.max(axis=-1, keepdims=True)
    return shifted - np.log(np.exp(shifted).sum(axis=-1, keepdims=True))


def sigmoid(logits: np.ndarray) -> np.ndarray:
    """The logistic function, in float32."""
    logits = logits.astype(np.float32, copy=False)
    with np.errstate(over="ignore"):  # exp(1e4) of a forbidden label: inf, and 1 / inf is the 0 wanted
        return 1.0 / (1.0 + np.exp(-logits))


def pad_states(states: list[np.ndarray]) -> np.ndarray:
    """Rows of different lengths stacked into one zero-padded array ``(B, T, d)``."""
    width = max(s.shape[0] for s in states)
    out = np.zeros((len(states), width, states[0].shape[-1]), dtype=states[0].dtype)
    for row, s in enumerate(states):
        out[row, : s.shape[0]] = s
    return out
