"""The wheels as a pip user gets them: built, checked like an index would, installed offline into a fresh
virtual environment outside the checkout, then the README's install block and Python snippets run as written.

Slow (a fresh venv with torch: minutes), so marked ``wheel``: ``make test-wheel`` runs it, ``make test`` does not.
"""
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from dignitary import __version__

from tests.helpers import REPO

pytestmark = pytest.mark.wheel

README = (REPO / "README.md").read_text(encoding="utf-8")
MARKER = "<!-- run as written by tests/packaging/test_wheel.py"


def run(command: list[str], **kwargs) -> subprocess.CompletedProcess:
    result = subprocess.run(command, capture_output=True, text=True, **kwargs)
    assert result.returncode == 0, f"{command} failed:\n{result.stdout[-4000:]}\n{result.stderr[-4000:]}"
    return result


def readme_blocks(language: str) -> list[str]:
    return re.findall(rf"```{language}\n(.*?)```", README, flags=re.S)


@pytest.fixture(scope="module")
def dist(tmp_path_factory) -> Path:
    """``make dist``: sdist and wheel of the library, the model package wheel, ``twine check``."""
    out = tmp_path_factory.mktemp("dist")
    run([sys.executable, "-m", "build", "--no-isolation", "--outdir", str(out), str(REPO)])
    run([sys.executable, "-m", "dignitary", "package", str(REPO / "models" / "default"), str(out),
         "--license-file", str(REPO / "LICENSE"), "--no-build-isolation"],
        env={**os.environ, "PYTHONPATH": str(REPO / "src")})
    return out


@pytest.fixture(scope="module")
def wheelhouse(dist, tmp_path_factory) -> Path:
    """Wheels of every dependency (pip's cache makes this quick after the first run; PyPI otherwise)."""
    house = tmp_path_factory.mktemp("wheelhouse")
    run([sys.executable, "-m", "pip", "wheel", "-q", "-w", str(house),
         f"{dist / f'dignitary-{__version__}-py3-none-any.whl'}[spacy,datasets]", "torch==2.13.0"])
    return house


def offline_env(wheelhouse: Path, bin_dir: Path) -> dict[str, str]:
    """No index, no network (a dead proxy), no Hub, nothing of the checkout on the path."""
    env = {k: v for k, v in os.environ.items()
           if k not in ("PYTHONPATH", "VIRTUAL_ENV", "DIGNITARY_MODEL", "PIP_EXTRA_INDEX_URL", "PIP_INDEX_URL")}
    env.update(PATH=f"{bin_dir}{os.pathsep}{env.get('PATH', '')}", PIP_NO_INDEX="1", PIP_FIND_LINKS=str(wheelhouse),
               HTTP_PROXY="http://127.0.0.1:9", HTTPS_PROXY="http://127.0.0.1:9", HF_HUB_OFFLINE="1",
               PIP_CONFIG_FILE=os.devnull)
    return env


@pytest.fixture(scope="module")
def user(dist, wheelhouse, tmp_path_factory):
    """A folder outside the checkout where the README's install block ran as written."""
    home = tmp_path_factory.mktemp("user")
    assert REPO not in home.resolve().parents
    shutil.copytree(dist, home / "dist")
    bin_dir = tmp_path_factory.mktemp("bin")
    (bin_dir / "python3").symlink_to(getattr(sys, "_base_executable", sys.executable))  # python3 without the venv
    env = offline_env(wheelhouse, bin_dir)
    block = README.split(MARKER, 1)[1].split("```bash\n", 1)[1].split("```", 1)[0]
    result = subprocess.run(["bash", "-e", "-c", block], cwd=home, env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-4000:]
    return home, env, result


def test_the_wheels_pass_twine_check(dist):
    files = sorted(dist.iterdir())
    assert [f.name for f in files] == [f"dignitary-{__version__}-py3-none-any.whl", f"dignitary-{__version__}.tar.gz",
                                       f"dignitary_model_default-{__version__}-py3-none-any.whl"]
    out = run([sys.executable, "-m", "twine", "check", "--strict", *map(str, files)]).stdout
    assert out.count("PASSED") == 3


def test_readme_install_block_extracts_offline(user):
    home, _, result = user
    assert f"dignitary {__version__}" in result.stdout
    assert "found as package" in result.stdout and "compatible" in result.stdout
    assert "entities   PER, TITLE, ORG, GPE" in result.stdout
    (doc,) = [json.loads(line) for line in (home / "out.jsonl").read_text().splitlines()]
    assert {"PER", "TITLE", "ORG"} <= {e["label"] for e in doc["entities"]}
    names = {e["id"]: e["text"] for e in doc["entities"]}
    assert ("Liu Haixing", "met", "Remigio Ceballos") in {(names[r["head"]], r["label"], names[r["tail"]])
                                                          for r in doc["relations"]}
    venv_python = home / "dignitary-env" / "bin" / "python"
    location = run([str(venv_python), "-c", "import dignitary; print(dignitary.__file__)"], cwd=home, env=user[1])
    assert str(home / "dignitary-env") in location.stdout  # the installed library, not the checkout


@pytest.mark.parametrize("index", range(len(readme_blocks("python"))))
def test_readme_python_snippets_run(user, index):
    home, env, _ = user
    script = home / f"snippet_{index}.py"
    script.write_text(readme_blocks("python")[index], encoding="utf-8")
    result = run([str(home / "dignitary-env" / "bin" / "python"), str(script)], cwd=home, env=env)
    assert "PER" in result.stdout


def test_spacy_finds_the_component_through_its_entry_point(user):
    """No import of dignitary: spaCy loads the factory from the spacy_factories entry point."""
    home, env, _ = user
    code = ("import spacy, sys; nlp = spacy.blank('en'); nlp.add_pipe('dignitary'); "
            "doc = nlp(sys.argv[1]); "
            "print(sorted({e.label_ for e in doc.ents}), "
            "[(r.head.text, r.label, r.tail.text) for r in doc._.relations])")
    text = ("Liu Haixing, Minister of the International Department of the CPC Central Committee, met "
            "Remigio Ceballos, the Venezuelan Ambassador to China.")
    result = run([str(home / "dignitary-env" / "bin" / "python"), "-c", code, text], cwd=home, env=env)
    assert "'ORG', 'PER', 'TITLE'" in result.stdout and "('Liu Haixing', 'met', 'Remigio Ceballos')" in result.stdout


def test_without_the_model_package_the_error_says_what_to_install(user):
    home, env, _ = user
    venv = home / "dignitary-env" / "bin"
    run([str(venv / "pip"), "uninstall", "-y", "-q", "dignitary-model-default"], cwd=home, env=env)
    result = subprocess.run([str(venv / "dignitary"), "extract", "a.txt", "-o", "again.jsonl"], cwd=home, env=env,
                            capture_output=True, text=True)
    assert result.returncode == 1
    assert "pip install dignitary-model-default" in result.stderr
    info = subprocess.run([str(venv / "dignitary"), "info"], cwd=home, env=env, capture_output=True, text=True)
    assert info.returncode == 1
    assert f"dignitary {__version__}" in info.stdout and "pip install dignitary-model-default" in info.stdout
