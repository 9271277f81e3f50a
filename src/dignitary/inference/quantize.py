"""int8 dynamic quantization of the linear layers for CPU inference."""
from __future__ import annotations

import warnings

import torch
from torch import nn


def quantize_int8(model: nn.Module) -> nn.Module:
    """Quantize every ``nn.Linear`` to int8 weights with dynamic activation scales."""
    model = model.float().eval()
    with warnings.catch_warnings():  # eager-mode dynamic quantization is deprecated upstream but still the
        warnings.simplefilter("ignore")  # fastest int8 path on CPU for this torch
        return torch.ao.quantization.quantize_dynamic(model, {nn.Linear}, dtype=torch.qint8)
