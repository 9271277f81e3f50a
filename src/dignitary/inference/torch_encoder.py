"""The torch backend: a ``JointModel`` on a device, with optional autocast."""
from __future__ import annotations

from typing import Any

import numpy as np
import torch

from ..models.inputs import EncoderBatch, MentionBatch, PairBatch
from ..models.joint import JointModel


class TorchEncoder:
    """``Encoder`` over a ``JointModel`` (the model is put in eval mode for each call)."""

    name = "torch"
    max_rows: int | None = None  # a window's outputs do not depend on the others in its batch

    def __init__(self, model: JointModel, device: torch.device | str = "cpu",
                 autocast_dtype: torch.dtype | None = None):
        self.model = model
        self.device = torch.device(device)
        self.autocast_dtype = autocast_dtype

    def _autocast(self):
        if self.autocast_dtype is None:
            return torch.autocast(self.device.type, enabled=False)
        return torch.autocast(self.device.type, dtype=self.autocast_dtype)

    @torch.inference_mode()
    def encode(self, batch: EncoderBatch) -> tuple[np.ndarray, torch.Tensor]:
        self.model.eval()
        batch = batch.to(self.device)
        with self._autocast():
            tag_logits, hidden = self.model.encode(batch.input_ids, batch.attention_mask, batch.casing_ids)
        return torch.log_softmax(tag_logits.float(), dim=-1).cpu().numpy(), hidden

    @torch.inference_mode()
    def relation_probs(self, states: list[Any], mentions: MentionBatch, pairs: PairBatch) -> np.ndarray:
        self.model.eval()
        width = max(s.size(0) for s in states)
        hidden = states[0].new_zeros((len(states), width, states[0].size(-1)))
        for row, s in enumerate(states):
            hidden[row, : s.size(0)] = s
        with self._autocast():
            logits = self.model.relation_logits(hidden, mentions.to(self.device), pairs.to(self.device))
        return torch.sigmoid(logits.float()).cpu().numpy()
