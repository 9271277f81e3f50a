"""Every ``dignitary`` command in the README is one the CLI accepts; the Python snippets run.

tests/packaging/test_wheel.py runs the install block and the snippets in a fresh venv from the wheels.
"""
import contextlib
import io
import re
import shlex

import pytest

from dignitary.cli import build_parser

from tests.helpers import REPO

README = (REPO / "README.md").read_text(encoding="utf-8")


def readme_commands() -> list[list[str]]:
    commands = []
    for block in re.findall(r"```bash\n(.*?)```", README, flags=re.S):
        for line in block.replace("\\\n", " ").splitlines():
            for part in re.split(r"&&|\|", line):
                argv = shlex.split(part, comments=True)
                if argv and argv[0] == "dignitary":
                    commands.append(argv[1:])
    return commands


def test_the_readme_shows_the_new_commands():
    names = {argv[0] for argv in readme_commands()}
    assert {"extract", "info", "package", "--version", "train", "records", "export", "convert"} <= names


@pytest.mark.parametrize("argv", readme_commands(), ids=lambda a: " ".join(a)[:60])
def test_readme_command_parses(argv):
    parser = build_parser()
    try:
        with contextlib.redirect_stdout(io.StringIO()):
            args = parser.parse_args(argv)
    except SystemExit as stop:
        assert stop.code == 0, f"dignitary {' '.join(argv)} is rejected by the CLI"
        return
    assert callable(args.func)


@pytest.mark.shipped_model
@pytest.mark.parametrize("index", range(len(re.findall(r"```python\n", README))))
def test_readme_python_snippet_runs(index, tmp_path, monkeypatch, capsys):
    pytest.importorskip("spacy")
    pytest.importorskip("datasets")
    import dignitary.integrations.spacy  # noqa: F401  (registered by its entry point once installed)

    monkeypatch.chdir(tmp_path)
    snippet = re.findall(r"```python\n(.*?)```", README, flags=re.S)[index]
    exec(compile(snippet, f"README.md python block {index}", "exec"), {"__name__": "__main__"})
    assert "PER" in capsys.readouterr().out
