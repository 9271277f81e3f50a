"""Model packages: dignitary-model-NAME wheels built from a model directory."""
import json
import shutil
import sys
import zipfile

import pytest

from dignitary import __version__
from dignitary.cli import main
from dignitary.errors import DignitaryError
from dignitary.models.package import compatible_range, write_package_source

from tests.helpers import REPO


def test_compatible_range_is_the_minor_series():
    assert compatible_range("0.1.0") == ">=0.1.0,<0.2.0"
    assert compatible_range("1.12.3") == ">=1.12.0,<1.13.0"


def test_package_source_carries_the_model_and_its_version_range(tmp_path, tiny_model_dir):
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # Python 3.10
        import tomli as tomllib

    model = tmp_path / "tiny"
    shutil.copytree(tiny_model_dir, model)
    (model / "encoder.onnx").write_bytes(b"export made on first use")
    src = write_package_source(model, tmp_path / "src", "tiny", "2.0.0", REPO / "LICENSE")
    project = tomllib.loads((src / "pyproject.toml").read_text())["project"]
    assert project["name"] == "dignitary-model-tiny" and project["version"] == "2.0.0"
    assert project["dependencies"] == [f"dignitary{compatible_range(__version__)}"]
    assert project["entry-points"]["dignitary_models"] == {"tiny": "dignitary_model_tiny"}
    packed = src / "dignitary_model_tiny" / "model"
    assert not (packed / "encoder.onnx").exists()
    assert (packed / "model.safetensors").read_bytes() == (model / "model.safetensors").read_bytes()
    meta = json.loads((packed / "dignitary.json").read_text())
    assert meta["package"] == {"name": "dignitary-model-tiny", "version": "2.0.0",
                               "dignitary_version": compatible_range(__version__)}
    assert "package" not in json.loads((model / "dignitary.json").read_text())  # the source stays as it was


def test_not_a_model_directory(tmp_path):
    with pytest.raises(DignitaryError, match="not a dignitary model"):
        write_package_source(tmp_path, tmp_path / "src", "empty", "0.1.0")
    with pytest.raises(DignitaryError, match="lower-case"):
        write_package_source(tmp_path, tmp_path / "src", "Bad-Name", "0.1.0")


def test_dignitary_package_builds_the_wheel(tmp_path, tiny_model_dir, capsys):
    model = tmp_path / "tiny"
    shutil.copytree(tiny_model_dir, model)
    assert main(["package", str(model), str(tmp_path / "dist"), "--license-file", str(REPO / "LICENSE"),
                 "--no-build-isolation"]) == 0
    wheel = tmp_path / "dist" / f"dignitary_model_tiny-{__version__}-py3-none-any.whl"
    assert f"wrote {wheel}" in capsys.readouterr().out
    with zipfile.ZipFile(wheel) as zf:
        names = set(zf.namelist())
        info = f"dignitary_model_tiny-{__version__}.dist-info"
        entry_points = zf.read(f"{info}/entry_points.txt").decode()
        metadata = zf.read(f"{info}/METADATA").decode()
    assert {"dignitary_model_tiny/__init__.py", "dignitary_model_tiny/model/dignitary.json",
            "dignitary_model_tiny/model/model.safetensors", "dignitary_model_tiny/model/tokenizer.json"} <= names
    assert "[dignitary_models]\ntiny = dignitary_model_tiny" in entry_points
    from packaging.requirements import Requirement

    requires = [Requirement(line.split(": ", 1)[1]) for line in metadata.splitlines()
                if line.startswith("Requires-Dist:")]
    assert [(r.name, r.specifier) for r in requires] == [("dignitary", Requirement(
        f"dignitary{compatible_range(__version__)}").specifier)]
    assert "License-Expression: Apache-2.0" in metadata
