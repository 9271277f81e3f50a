"""int8 weights for the exported encoder graph (ONNX Runtime dynamic quantization).

int8 lives in ONNX Runtime rather than ``torch.ao`` dynamic quantization: on the shipped e5 model
the latter cost 11 points of dev entity F1 (7 per-channel), ONNX Runtime's int8 0.2. Weights get a
scale per output column (per channel), which lets the fused attention blocks' input projections
run in int8 too (``QAttention``): with one scale per matrix those cost the shipped model a point of
dev entity F1, per column 0.6 while lifting its Spanish and Portuguese dev sets 2 points, and the
fast tier's int8 encoder runs about 1.14x faster than with fp32 attention blocks
(``benchmarks/int8_schemes.py``).
Dynamic quantization scales the activations per tensor, that is over a whole call: the int8
encoder takes one window per call (``OnnxEncoder.max_rows``), so a window's scores do not depend
on the others.
"""
from __future__ import annotations

from pathlib import Path

ONNX_INT8_FILE = Path("encoder.int8.onnx")


def quantize_int8(encoder_graph: Path, per_column: bool = True, attention: bool = True,
                  target: Path | None = None) -> Path:
    """Write ``encoder.int8.onnx`` beside ``encoder_graph`` (or to ``target``) and return its path:
    int8 weights for every MatMul and, with ``attention``, every fused attention block, with a scale
    per output column (``per_column``) or per matrix; dynamic int8 activations. The defaults are
    what the onnx backend serves; ``benchmarks/int8_schemes.py`` compares the others."""
    import onnx
    from onnxruntime.quantization import QuantType, quantize_dynamic

    quantized = target or encoder_graph.parent / ONNX_INT8_FILE
    # no reduce_range (7-bit weights, advised for CPUs without VNNI): it cost the shipped model
    # 0.4 points of dev entity F1 per column, 7 per matrix
    quantize_dynamic(str(encoder_graph), str(quantized),
                     op_types_to_quantize=["MatMul", "Attention"] if attention else ["MatMul"],
                     per_channel=per_column, weight_type=QuantType.QInt8,
                     extra_options={"DefaultTensorType": onnx.TensorProto.FLOAT})
    return quantized
