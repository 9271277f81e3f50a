"""Build a model package (``dignitary-model-NAME``) wheel from a model directory, as ``spacy package`` does.

The model directory stays the source of truth: its files are copied into a generated Python
package ``dignitary_model_NAME`` (``MODEL_DIR`` points at them, ``load()`` returns an
``Extractor``), registered under the ``dignitary_models`` entry point group, and built into a
wheel with setuptools through ``pip wheel``. The packed ``dignitary.json`` gains a ``package``
entry: name, version and the dignitary versions the model works with.
"""
from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from packaging.version import Version

from .. import __version__
from ..errors import DignitaryError
from .pretrained import META_FILE
from .registry import ENTRY_POINT_GROUP, package_name

SKIPPED_SUFFIXES = (".onnx",)  # exports made on first use, not part of the model

INIT_TEMPLATE = '''"""The dignitary model {name!r}, installed as a package."""
from pathlib import Path

__version__ = {version!r}
MODEL_DIR = Path(__file__).parent / "model"


def load(**kwargs):
    """An ``Extractor`` for this model; ``kwargs`` go to ``Extractor.from_pretrained``."""
    from dignitary import Extractor

    return Extractor.from_pretrained(MODEL_DIR, **kwargs)
'''


def compatible_range(version: str = __version__) -> str:
    """Library versions a model built now works with: the same minor series (``>=0.1.0,<0.2.0``)."""
    v = Version(version)
    return f">={v.major}.{v.minor}.0,<{v.major}.{v.minor + 1}.0"


def model_files(model_dir: Path) -> list[Path]:
    """The files that make up a model directory (no sub-folders, hidden files or ONNX exports)."""
    files = sorted(p for p in model_dir.iterdir()
                   if p.is_file() and not p.name.startswith(".") and not p.name.endswith(SKIPPED_SUFFIXES))
    if not any(p.name == META_FILE for p in files):
        raise DignitaryError(f"{model_dir}: not a dignitary model (no {META_FILE})")
    return files


def pyproject(name: str, version: str, dist: str, module: str, license_file: str | None) -> str:
    """The generated package's ``pyproject.toml``."""
    lines = [
        "[build-system]",
        'requires = ["setuptools>=77"]',
        'build-backend = "setuptools.build_meta"',
        "",
        "[project]",
        f'name = "{dist}"',
        f'version = "{version}"',
        f'description = "The dignitary model {name!r}: entities and relations of officials and meetings in news."',
        'readme = "README.md"',
        'requires-python = ">=3.10"',
        'license = "Apache-2.0"',
        *([f'license-files = ["{license_file}"]'] if license_file else []),
        f'dependencies = ["dignitary{compatible_range()}"]',
        "classifiers = [",
        '    "Programming Language :: Python :: 3",',
        '    "Topic :: Scientific/Engineering :: Artificial Intelligence",',
        '    "Topic :: Text Processing :: Linguistic",',
        "]",
        "",
        f"[project.entry-points.{ENTRY_POINT_GROUP}]",
        f'{name} = "{module}"',
        "",
        "[tool.setuptools]",
        f'packages = ["{module}"]',
        "",
        "[tool.setuptools.package-data]",
        f'{module} = ["model/*"]',
        "",
    ]
    return "\n".join(lines)


def write_package_source(model_dir: Path, target: Path, name: str, version: str,
                         license_file: Path | None = None) -> Path:
    """Lay out the model package's source tree in ``target`` and return it."""
    if not re.fullmatch(r"[a-z][a-z0-9_]*", name):
        raise DignitaryError(f"model name {name!r}: use lower-case letters, digits and _")
    dist, module = package_name(name), f"dignitary_model_{name}"
    data = target / module / "model"
    data.mkdir(parents=True)
    for path in model_files(model_dir):
        shutil.copy2(path, data / path.name)
    meta = json.loads((data / META_FILE).read_text(encoding="utf-8"))
    meta["package"] = {"name": dist, "version": version, "dignitary_version": compatible_range()}
    (data / META_FILE).write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")
    (target / module / "__init__.py").write_text(INIT_TEMPLATE.format(name=name, version=version), encoding="utf-8")
    card = model_dir / "README.md"
    (target / "README.md").write_text(card.read_text(encoding="utf-8") if card.is_file() else f"# {dist}\n",
                                      encoding="utf-8")
    if license_file is not None:
        shutil.copy2(license_file, target / license_file.name)
    (target / "pyproject.toml").write_text(
        pyproject(name, version, dist, module, license_file.name if license_file else None), encoding="utf-8")
    return target


def build_model_package(model_dir: str | Path, out_dir: str | Path, name: str | None = None,
                        version: str = __version__, license_file: str | Path | None = None,
                        build_isolation: bool = True) -> Path:
    """Build the wheel of ``dignitary-model-NAME`` into ``out_dir`` and return its path."""
    model_dir, out_dir = Path(model_dir), Path(out_dir)
    if not model_dir.is_dir():
        raise DignitaryError(f"model directory {model_dir} does not exist")
    name = name or model_dir.resolve().name
    out_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="dignitary-package-") as tmp:
        src = write_package_source(model_dir, Path(tmp) / "src", name, version,
                                   Path(license_file) if license_file else None)
        command = [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(out_dir.resolve()), str(src)]
        if not build_isolation:
            command.insert(4, "--no-build-isolation")
        result = subprocess.run(command, capture_output=True, text=True)
        if result.returncode != 0:
            raise DignitaryError(f"building the model package failed:\n{result.stdout}{result.stderr}")
    module = f"dignitary_model_{name}"
    wheels = sorted(out_dir.glob(f"{module}-{version}-*.whl"))
    if not wheels:
        raise DignitaryError(f"no wheel for {module} {version} in {out_dir}")
    return wheels[-1]
