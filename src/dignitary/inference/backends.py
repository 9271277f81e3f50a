"""The backend of a loaded model, chosen once, at load time.

``auto`` is ONNX Runtime for ``dtype="int8"`` (only it runs int8 weights) and torch otherwise.
A combination no backend runs is an error, never a silent switch: ``torch`` with ``int8``,
``int8`` off the CPU, ``onnx`` off the CPU (the ONNX backend uses ONNX Runtime's CPU provider),
``onnx`` with a half-precision dtype.
"""
from __future__ import annotations

from ..errors import DignitaryError

BACKENDS = ("auto", "torch", "onnx")
ONNX_DTYPES = ("auto", "fp32", "float32", "int8")


def choose_backend(backend: str, dtype: str, device: str) -> str:
    """``torch`` or ``onnx`` for the requested ``backend``, ``dtype`` and ``device`` names."""
    if backend not in BACKENDS:
        raise DignitaryError(f"unknown backend {backend!r}; choose from {BACKENDS}")
    if dtype == "int8" and device not in ("auto", "cpu"):
        raise DignitaryError("int8 runs on the CPU only (ONNX Runtime): use device='cpu'")
    if backend == "auto":
        return "onnx" if dtype == "int8" else "torch"
    if backend == "torch" and dtype == "int8":
        raise DignitaryError("the torch backend has no int8: use backend='onnx' (or 'auto') for dtype='int8'")
    if backend == "onnx":
        if device not in ("auto", "cpu"):
            raise DignitaryError(f"the onnx backend runs on the CPU only, not {device!r}: use device='cpu' "
                                 "or backend='torch'")
        if dtype not in ONNX_DTYPES:
            raise DignitaryError(f"the onnx backend runs fp32 or int8, not {dtype!r}")
    return backend
