"""The Python API names a record the model cannot take, or hands it to ``on_error`` and goes on."""
import pytest

from dignitary.errors import DataError, DignitaryError
from dignitary.extractor import Extractor


@pytest.fixture(scope="module")
def extractor(tiny_model_dir):
    return Extractor.from_pretrained(tiny_model_dir, device="cpu")


def test_lone_surrogate_is_a_data_error_naming_the_record(extractor):
    with pytest.raises(DataError, match=r"record #1 \('1'\): text holds a lone surrogate '\\ud800' at character 4"):
        extractor(["Liu met Ma.", "bad \ud800"])


def test_on_error_keeps_every_other_document(extractor):
    failed = []
    items = ["Liu met Ma.", "bad \ud800", {"id": "x", "text": None}, {"id": "y", "text": "Ma said."}]
    docs = list(extractor.pipe(items, batch_size=2, on_error=lambda item, exc: failed.append(exc.reason)))
    assert [d.id for d in docs] == ["0", "y"]
    assert len(failed) == 2 and "lone surrogate" in failed[0] and "must be a string" in failed[1]


def test_batch_size_must_be_positive(extractor):
    with pytest.raises(ValueError, match="at least 1"):
        list(extractor.pipe(["a"], batch_size=-1))


def test_worker_processes_give_the_same_documents_and_errors(extractor):
    items = [f"Liu Haixing met Ma Hui in Beijing {i} times." for i in range(9)] + ["bad \ud800", {"id": "n"}]
    one, many = [], []
    expected = list(extractor.pipe(items, batch_size=2, on_error=lambda item, exc: one.append(exc.reason)))
    got = list(extractor.pipe(items, batch_size=2, n_process=2, on_error=lambda item, exc: many.append(exc.reason)))
    assert [d.to_dict() for d in got] == [d.to_dict() for d in expected] and len(got) == 9
    assert many == one and len(one) == 2


def test_worker_processes_need_a_loaded_model(extractor):
    built = Extractor(extractor.component)  # from a component: nothing says how to load it elsewhere
    with pytest.raises(DignitaryError, match="from_pretrained"):
        list(built.pipe(["Liu met Ma."], n_process=2))
    with pytest.raises(ValueError, match="n_process must be at least 1"):
        list(extractor.pipe(["a"], n_process=0))
