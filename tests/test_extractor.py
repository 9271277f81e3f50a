"""The Python API names a record the model cannot take, or hands it to ``on_error`` and goes on."""
import pytest

from dignitary.errors import DataError
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
