"""The int8 schemes benchmark (benchmarks/int8_schemes.py): one cache per scheme, each quantized its own way."""
import importlib.util
import sys

import pytest

from tests.helpers import REPO


@pytest.fixture(scope="module")
def int8_schemes():
    sys.path.insert(0, str(REPO / "benchmarks"))  # for its report_io and whole_process imports
    spec = importlib.util.spec_from_file_location("int8_schemes", REPO / "benchmarks" / "int8_schemes.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_each_scheme_gets_its_own_cache_quantized_its_own_way(tmp_path, tiny_model_dir, int8_schemes, monkeypatch):
    import onnx
    from onnx import numpy_helper

    from dignitary.inference.onnx_cache import cache_folder

    monkeypatch.delenv("DIGNITARY_CACHE", raising=False)
    caches = int8_schemes.quantized_caches(str(tiny_model_dir), tmp_path, list(int8_schemes.SCHEMES))
    assert len(set(caches.values())) == 4
    for name, cache in caches.items():
        monkeypatch.setenv("DIGNITARY_CACHE", str(cache))
        graph = onnx.load(str(cache_folder(tiny_model_dir) / "encoder.int8.onnx")).graph
        per_column, attention = int8_schemes.SCHEMES[name]
        ops = [node.op_type for node in graph.node]
        assert ("QAttention" in ops) == attention and ("Attention" in ops) == (not attention)
        weights = {t.name: numpy_helper.to_array(t) for t in graph.initializer}
        matmul = next(n for n in graph.node if n.op_type == "MatMulInteger" and n.input[1] in weights)
        assert weights[matmul.input[3]].size == (weights[matmul.input[1]].shape[1] if per_column else 1)
