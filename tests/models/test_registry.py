"""Finding models: directories, $DIGNITARY_MODEL, the checkout's models/, installed model packages."""
import json
import shutil
import sys
import warnings
from importlib.metadata import EntryPoint

import pytest

from dignitary.errors import DignitaryError
from dignitary.models import registry
from dignitary.models.registry import check_compatibility, locate_model

from tests.helpers import REPO


def test_default_model_is_the_checkouts_in_a_source_checkout(monkeypatch):
    monkeypatch.delenv("DIGNITARY_MODEL", raising=False)
    found = locate_model(None)
    assert (found.path, found.source) == (REPO / "models" / "default", "checkout")


def test_a_directory_and_the_environment_variable(monkeypatch, tiny_model_dir):
    assert locate_model(tiny_model_dir).path == tiny_model_dir
    monkeypatch.setenv("DIGNITARY_MODEL", str(tiny_model_dir))
    assert (locate_model(None).path, locate_model(None).source) == (tiny_model_dir, "env")


def test_a_missing_model_says_what_to_install(monkeypatch, tmp_path):
    monkeypatch.setattr(registry, "CHECKOUT_MODELS", tmp_path)  # as in an installed library: no models/
    monkeypatch.setattr(registry, "entry_points", lambda group: [])
    monkeypatch.delenv("DIGNITARY_MODEL", raising=False)
    with pytest.raises(DignitaryError, match=r"pip install dignitary-model-default"):
        locate_model(None)
    with pytest.raises(DignitaryError, match="model directory runs/nothing does not exist"):
        locate_model("runs/nothing")


def test_an_installed_model_package_is_found_by_name(monkeypatch, tmp_path, tiny_model_dir):
    package = tmp_path / "site" / "dignitary_model_tiny"
    shutil.copytree(tiny_model_dir, package / "model")
    (package / "__init__.py").write_text("from pathlib import Path\nMODEL_DIR = Path(__file__).parent / 'model'\n")
    monkeypatch.syspath_prepend(str(tmp_path / "site"))
    ep = EntryPoint("tiny", "dignitary_model_tiny", registry.ENTRY_POINT_GROUP)
    monkeypatch.setattr(registry, "entry_points", lambda group: [ep] if group == registry.ENTRY_POINT_GROUP else [])
    monkeypatch.setattr(registry, "CHECKOUT_MODELS", tmp_path / "none")
    found = locate_model("tiny")
    assert (found.path, found.source) == (package / "model", "package")
    sys.modules.pop("dignitary_model_tiny", None)


def test_version_check_between_library_and_model():
    meta = {"package": {"name": "dignitary-model-default", "version": "0.1.0", "dignitary_version": ">=0.1.0,<0.2.0"}}
    assert check_compatibility(meta, "0.1.3") is None
    message = check_compatibility(meta, "0.2.0")
    assert "dignitary-model-default 0.1.0 was built for dignitary >=0.1.0,<0.2.0" in message
    assert 'pip install "dignitary>=0.1.0,<0.2.0"' in message
    assert check_compatibility({}, "9.0") is None  # a plain model directory: nothing to check


def test_loading_an_incompatible_model_warns(tmp_path, tiny_model_dir):
    from dignitary.extractor import Extractor

    model = tmp_path / "old"
    shutil.copytree(tiny_model_dir, model)
    meta = json.loads((model / "dignitary.json").read_text())
    meta["package"] = {"name": "dignitary-model-old", "version": "0.0.1", "dignitary_version": ">=0.0.1,<0.1.0"}
    (model / "dignitary.json").write_text(json.dumps(meta))
    with pytest.warns(UserWarning, match="dignitary-model-old 0.0.1 was built for dignitary >=0.0.1,<0.1.0"):
        Extractor.from_pretrained(model, device="cpu")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        Extractor.from_pretrained(tiny_model_dir, device="cpu")
