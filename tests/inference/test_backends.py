"""The backend is chosen once at load time; a combination no backend runs is an error, never a switch."""
import pytest

from dignitary.errors import DignitaryError
from dignitary.extractor import Extractor
from dignitary.inference.backends import choose_backend


@pytest.mark.parametrize(("backend", "dtype", "device", "expected"), [
    ("auto", "int8", "auto", "onnx"),
    ("auto", "int8", "cpu", "onnx"),
    ("auto", "auto", "auto", "torch"),
    ("auto", "bf16", "cuda", "torch"),
    ("onnx", "fp32", "cpu", "onnx"),
    ("torch", "fp32", "cpu", "torch"),
])
def test_backend_choice(backend, dtype, device, expected):
    assert choose_backend(backend, dtype, device) == expected


@pytest.mark.parametrize(("backend", "dtype", "device", "message"), [
    ("torch", "int8", "cpu", "torch backend has no int8"),
    ("auto", "int8", "cuda", "CPU only"),
    ("onnx", "int8", "cuda", "CPU only"),
    ("onnx", "fp32", "cuda:0", "onnx backend runs on the CPU only"),
    ("onnx", "bf16", "cpu", "fp32 or int8"),
    ("tensorrt", "auto", "cpu", "unknown backend"),
])
def test_unsupported_combinations_are_errors(backend, dtype, device, message):
    with pytest.raises(DignitaryError, match=message):
        choose_backend(backend, dtype, device)


def test_extractor_refuses_torch_int8_and_loads_without_touching_torch_threads(tiny_model_dir):
    import torch

    with pytest.raises(DignitaryError, match="no int8"):
        Extractor.from_pretrained(tiny_model_dir, backend="torch", dtype="int8")
    threads = torch.get_num_threads()
    extractor = Extractor.from_pretrained(tiny_model_dir, device="cpu", threads=max(threads - 1, 1) + 7)
    assert extractor.backend == "torch" and torch.get_num_threads() == threads
    assert Extractor.from_pretrained(tiny_model_dir, dtype="int8").backend == "onnx"


def test_a_model_that_names_a_cpu_dtype_runs_it_when_asked_for_auto(tmp_path, tiny_model_dir):
    """The fast tier's ``dignitary.json`` says int8: ``auto`` then serves it with ONNX Runtime int8,
    while an explicit dtype or backend still wins; ``dignitary calibrate --cpu-dtype`` writes it."""
    import shutil

    from dignitary.cli import main
    from dignitary.extractor import Extractor
    from dignitary.models.metadata import load_model_meta, preferred_cpu_dtype

    model = tmp_path / "fast"
    shutil.copytree(tiny_model_dir, model)
    assert Extractor.from_pretrained(model, device="cpu").backend == "torch"
    assert main(["calibrate", "--model", str(model), "--cpu-dtype", "int8"]) == 0
    assert preferred_cpu_dtype(load_model_meta(model).raw) == "int8"
    fast = Extractor.from_pretrained(model)
    assert fast.backend == "onnx" and fast.component.encoder.int8
    assert Extractor.from_pretrained(model, dtype="fp32").backend == "torch"
    assert Extractor.from_pretrained(model, backend="torch").backend == "torch"
