"""The wheels as a pip user gets them: built, checked like an index would, installed offline into a fresh
virtual environment outside the checkout, then the README's install block, Python snippets and command line run as
written (the commands of NOT_RUN aside: training and the pseudo-labelling of the whole pool).

Slow (a fresh venv with torch: minutes), so marked ``wheel``: ``make test-wheel`` runs it, ``make test`` does not.
"""
import json
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import Callable

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
    """Wheels of every dependency (pip's cache makes this quick after the first run; PyPI otherwise): those of the
    README's install block, the onnx extra its command line needs, and setuptools, which ``dignitary package``
    builds the model package with."""
    house = tmp_path_factory.mktemp("wheelhouse")
    run([sys.executable, "-m", "pip", "wheel", "-q", "-w", str(house),
         f"{dist / f'dignitary-{__version__}-py3-none-any.whl'}[spacy,datasets,onnx]", "torch==2.13.0",
         "setuptools>=77"])
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


CLI_HEADING = "## Command line"
NOT_RUN_NOTE = "not run by the wheel test"
# README commands (by how they start) the test does not run, and why; the README says so beside each
NOT_RUN = {
    "dignitary train --train": "trains for up to 30 epochs; tests/training trains tiny encoders through the same path",
    "dignitary pseudo-label": "runs the default model over the whole pool (746 articles): too slow for a test",
    "dignitary average": "needs two trained runs; tests/training/test_soup.py averages tiny models the same way",
    "dignitary train --init-model": "fine-tunes the 12-layer model for 2 epochs; tests/training/test_options.py "
                                    "fine-tunes a tiny model through the same command",
    "dignitary train --teacher": "distils a student for up to 30 epochs from pseudo-labels of the whole pool",
}
FAST_MODEL = REPO / "models" / "fast"


def cli_commands() -> list[tuple[str, str]]:
    """The README's "Command line" block as (command, comment) pairs, continued lines joined."""
    block = README.split(CLI_HEADING, 1)[1].split("```bash\n", 1)[1].split("```", 1)[0]
    pairs = []
    for line in block.replace("\\\n", " ").splitlines():
        command, _, comment = line.partition(" #")
        if command.strip():
            pairs.append((" ".join(command.split()), comment.strip()))
    return pairs


def not_run(command: str) -> str | None:
    return next((why for start, why in NOT_RUN.items() if command.startswith(start)), None)


def test_the_readme_says_which_commands_the_wheel_test_does_not_run():
    commands = cli_commands()
    for start in NOT_RUN:
        assert sum(command.startswith(start) for command, _ in commands) == 1, f"{start!r}: not one README command"
    for command, comment in commands:
        assert (not_run(command) is not None) == (NOT_RUN_NOTE in comment), command


def seed_paragraphs(min_words: int = 20) -> list[str]:
    """The paragraphs of the seed texts (sorted) of at least ``min_words`` words."""
    return [p.strip() for path in sorted((REPO / "seeds").glob("*.txt"))
            for p in path.read_text(encoding="utf-8").split("\n\n") if len(p.split()) >= min_words]


def write_texts(path: Path, texts: dict[str, str]) -> None:
    path.write_text("".join(json.dumps({"id": i, "text": t}) + "\n" for i, t in texts.items()), encoding="utf-8")


def jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


@pytest.fixture(scope="module")
def checkout(user, tmp_path_factory) -> tuple[Path, dict[str, str], Path]:
    """A folder laid out like a source checkout, code aside (``data``, ``seeds``, ``models``, ``LICENSE`` and
    ``../shared`` link to the repository's), holding the inputs the README's commands name: ``news.jsonl`` and
    ``big.jsonl`` (paragraphs of the seed texts: big.jsonl repeats the four of news.jsonl and adds four) and
    ``runs/my-model`` (a copy of the shipped model, as ``train`` would write one). The venv of the install block
    gets the onnx extra; the onnx backend's exports go to a cache of the test's own."""
    shared = REPO.parent / "shared"
    if not shared.is_dir():
        pytest.skip(f"{shared} does not exist")
    home, env, _ = user
    root = tmp_path_factory.mktemp("cli")
    (root / "shared").symlink_to(shared)
    work = root / "dignitary"
    work.mkdir()
    for name in ("data", "seeds", "models", "LICENSE"):
        (work / name).symlink_to(REPO / name)
    paragraphs = seed_paragraphs()
    news = {f"news-{i}": text for i, text in enumerate(paragraphs[:4])}
    write_texts(work / "news.jsonl", news)
    write_texts(work / "big.jsonl", {**news, **{f"big-{i}": text for i, text in enumerate(paragraphs[4:8])}})
    shutil.copytree(REPO / "models" / "default", work / "runs" / "my-model")
    env = {**env, "DIGNITARY_CACHE": str(root / "cache")}
    pip = [str(home / "dignitary-env" / "bin" / "pip"), "install", "-q"]
    run([*pip, f"dist/dignitary-{__version__}-py3-none-any.whl[onnx]",
         f"dist/dignitary_model_default-{__version__}-py3-none-any.whl"], cwd=home, env=env)
    if (FAST_MODEL / "dignitary.json").is_file():  # built by `make fast`; a pip user installs its package
        run([str(home / "dignitary-env" / "bin" / "dignitary"), "package", str(FAST_MODEL), str(home / "dist"),
             "--license-file", str(REPO / "LICENSE")], cwd=home, env=env)
        run([*pip, f"dist/dignitary_model_fast-{__version__}-py3-none-any.whl"], cwd=home, env=env)
    return work, env, home / "dignitary-env"


# What a README command (found by a part of it) leaves behind, where that is cheap to see:
FILES = {  # files it writes, relative to the working folder
    "dignitary package": [f"dist/dignitary_model_default-{__version__}-py3-none-any.whl"],
    "--tables tables/": ["tables/positions.csv", "tables/meetings.csv"],
    "export onnx": ["onnx/encoder.onnx", "onnx/encoder.int8.onnx", "onnx/relations.onnx"],
    "--json report.json": ["report.json", "report.md"],
    "dignitary records": ["records/meetings.jsonl", "records/positions.jsonl", "records/report/index.html"],
    "dignitary convert": ["test.jsonl"],
    "--errors errors.jsonl": ["errors.jsonl"],
}
DOCUMENTS = {  # the inputs whose documents out.jsonl then holds, each once
    "--tables tables/": ["seeds", "news.jsonl"],
    "--resume": ["seeds", "big.jsonl"],  # big.jsonl repeats the documents of news.jsonl
    "--dtype int8 --threads 2": ["big.jsonl"],
    "--workers 2": ["big.jsonl"],
    "--backend onnx": ["big.jsonl"],
}
STDOUT: dict[str, Callable[[str], bool]] = {  # what its standard output says
    "dignitary --version": lambda out: __version__ in out,
    "info --json": lambda out: json.loads(out)["model"]["found_as"] == "package",
    "calibrate": lambda out: 0 < json.loads(out)["threshold"] < 1,
}


def test_every_check_of_a_command_finds_its_command():
    run_commands = [command for command, _ in cli_commands() if not_run(command) is None]
    for part in [*FILES, *DOCUMENTS, *STDOUT]:
        assert sum(part in command for command in run_commands) == 1, part


def documents_of(work: Path, inputs: list[str]) -> set[str]:
    """The ids of the documents of the JSONL inputs, and as many more for the text files of a folder."""
    ids = set()
    for name in inputs:
        path = work / name
        ids |= ({d["id"] for d in jsonl(path)} if path.is_file() else {str(p) for p in path.glob("*.txt")})
    return ids


def check_command(command: str, work: Path, stdout: str) -> None:
    for part, files in FILES.items():
        if part in command:
            assert all((work / f).stat().st_size > 0 for f in files), f"{command}: {files}"
    for part, inputs in DOCUMENTS.items():
        if part in command:
            docs = jsonl(work / "out.jsonl")
            assert len(docs) == len({d["id"] for d in docs}) == len(documents_of(work, inputs)), command
            assert any(d["entities"] for d in docs), command
    for part, says in STDOUT.items():
        if part in command:
            assert says(stdout), f"{command}:\n{stdout[-2000:]}"


def test_readme_command_line_runs(checkout):
    """Every command of the README's command line block, in order, as written, in the venv of the install block
    (activated), from a folder laid out like a checkout; those of NOT_RUN aside, and the fast tier's unless built."""
    work, env, venv = checkout
    fast_built = (FAST_MODEL / "dignitary.json").is_file()
    for command, _ in cli_commands():
        if not_run(command) is not None or ("--model fast" in command and not fast_built):
            continue
        started = time.monotonic()
        result = subprocess.run(["bash", "-e", "-c", f". {venv}/bin/activate\n{command}"], cwd=work, env=env,
                                capture_output=True, text=True)
        print(f"{time.monotonic() - started:6.1f}s  {command}")  # shown by pytest -rP, or on a failure
        assert result.returncode == 0, f"{command} failed:\n{result.stdout[-4000:]}\n{result.stderr[-4000:]}"
        check_command(command, work, result.stdout)


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
