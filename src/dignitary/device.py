"""Device and precision choices shared by training and inference."""
from __future__ import annotations

import torch

DTYPES = {"fp32": torch.float32, "float32": torch.float32, "bf16": torch.bfloat16, "bfloat16": torch.bfloat16,
          "fp16": torch.float16, "float16": torch.float16}


def resolve_device(name: str = "auto") -> torch.device:
    """``auto`` picks CUDA, then MPS, then CPU."""
    if name == "auto":
        if torch.cuda.is_available():
            return torch.device("cuda")
        if getattr(torch.backends, "mps", None) is not None and torch.backends.mps.is_available():
            return torch.device("mps")
        return torch.device("cpu")
    try:
        device = torch.device(name)
    except RuntimeError:
        raise ValueError(f"unknown device {name!r}; choose auto, cpu, cuda, cuda:N or mps") from None
    if device.type == "cuda" and not torch.cuda.is_available():
        raise ValueError("device 'cuda' requested but CUDA is not available")
    if device.type == "mps" and not (getattr(torch.backends, "mps", None) and torch.backends.mps.is_available()):
        raise ValueError("device 'mps' requested but MPS is not available")
    if device.type not in ("cpu", "cuda", "mps"):
        raise ValueError(f"unknown device {name!r}; choose auto, cpu, cuda, cuda:N or mps")
    return device


def set_torch_threads(threads: int | None) -> None:
    """Size torch's (process-wide) CPU thread pool; ``None`` leaves it as it is. Loading a model
    never does this: the CLI, the Ray workers and the benchmarks call it explicitly."""
    if threads:
        torch.set_num_threads(threads)


def resolve_dtype(name: str | None, device: torch.device) -> torch.dtype | None:
    """The autocast dtype for ``name`` (``auto``: bf16 on CUDA when supported, else none)."""
    if name in (None, "auto"):
        if device.type == "cuda":
            return torch.bfloat16 if torch.cuda.is_bf16_supported() else torch.float16
        return None
    if name in ("fp32", "float32", "int8"):
        return None
    if name not in DTYPES:
        raise ValueError(f"unknown dtype {name!r}; choose fp32, bf16, fp16 or int8")
    return DTYPES[name]
