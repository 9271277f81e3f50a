"""int8 dynamic quantization of the linear layers for CPU inference."""
from __future__ import annotations

import torch
from torch import nn


def quantize_int8(model: nn.Module) -> nn.Module:
    """Quantize every ``nn.Linear`` to int8 weights with dynamic activation scales."""
    model = model.float().eval()
    quantize = torch.ao.quantization.quantize_dynamic
    return quantize(model, {nn.Linear}, dtype=torch.qint8)
