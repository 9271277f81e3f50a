"""Fuzzing ``dignitary extract``: random JSONL lines and random Unicode never stop a run; every good
record comes out, every bad one is in the errors file with its line."""
import json
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dignitary.cli import main

_CHARS = st.characters(blacklist_categories=("Cs",))  # everything but surrogates: controls, all scripts
_TEXT = st.one_of(
    st.text(_CHARS, max_size=80),
    st.text(st.sampled_from("Liu met Ma Xi Maduro Beijing Caracas . , ’ ( ) \n\t"), max_size=200),
    st.builds(lambda c, n: c * n, st.sampled_from(["a", "Z", "é", "中", "1", "\u0301", "Ab"]),
              st.integers(200, 3000)),  # one long token
    st.builds(lambda parts: " ".join(parts), st.lists(st.sampled_from(
        ["Лю", "встретился", "马辉", "مادورو", "Nicolás", "🙂", "\x00", "\x1b[31m", "\u202e", "𝔘"]), max_size=30)),
)


@st.composite
def _line(draw, n):
    """``(raw line, expected)``: expected is the output id, ``"error"`` or ``None`` (blank line)."""
    kind = draw(st.sampled_from(["good", "good", "good", "int_id", "blank", "bad_json", "no_text", "text_type",
                                 "surrogate", "nan", "not_object", "bad_utf8", "dup", "bool_id"]))
    text = draw(_TEXT)
    ascii_only = draw(st.booleans())
    if kind in ("good", "int_id"):
        doc_id = f"g{n}" if kind == "good" else n
        extra = draw(st.dictionaries(st.text(_CHARS, max_size=5).filter(lambda k: k not in ("id", "text")),
                                     st.one_of(st.integers(), st.text(_CHARS, max_size=5), st.none()), max_size=2))
        return json.dumps({**extra, "id": doc_id, "text": text}, ensure_ascii=ascii_only).encode(), str(doc_id)
    if kind == "blank":
        return draw(st.sampled_from([b"", b"   ", b"\t"])), None
    bad = {
        "bad_json": lambda: json.dumps({"id": f"b{n}", "text": text})[:-1].encode(),
        "no_text": lambda: json.dumps({"id": f"b{n}"}).encode(),
        "text_type": lambda: json.dumps({"id": f"b{n}", "text": draw(st.sampled_from([1, None, [], {}]))}).encode(),
        "surrogate": lambda: json.dumps({"id": f"b{n}", "text": text}).encode()[:-2] + b'\\udc80"}',
        "nan": lambda: json.dumps({"id": f"b{n}", "text": text, "x": float("nan")}).encode(),
        "not_object": lambda: json.dumps([text]).encode(),
        "bad_utf8": lambda: json.dumps({"id": f"b{n}", "text": text}).encode()[:-2] + b'\xff\xfe"}',
        "dup": lambda: json.dumps({"id": "g0", "text": text}).encode(),
        "bool_id": lambda: json.dumps({"id": True, "text": text}).encode(),
    }[kind]()
    return bad, "error"


@pytest.fixture(scope="module")
def model_dir(tiny_model_dir):
    """The shared tiny model of conftest.py (a sharpened tagger that emits mentions)."""
    return tiny_model_dir


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                  HealthCheck.too_slow, HealthCheck.data_too_large])
@given(data=st.data())
def test_random_records_never_stop_a_run(model_dir, data):
    first = json.dumps({"id": "g0", "text": data.draw(_TEXT)}).encode()
    lines = [(first, "g0")] + [data.draw(_line(n)) for n in range(1, data.draw(st.integers(1, 12)))]
    with tempfile.TemporaryDirectory() as tmp:
        inp, out = Path(tmp) / "in.jsonl", Path(tmp) / "out.jsonl"
        inp.write_bytes(b"".join(raw + b"\n" for raw, _ in lines))
        code = main(["extract", str(inp), "-o", str(out), "--model", str(model_dir), "--no-progress",
                     "--batch-size", str(data.draw(st.integers(1, 5)))])
        expected_ids = [e for _, e in lines if e not in (None, "error")]
        expected_errors = [n for n, (_, e) in enumerate(lines, 1) if e == "error"]
        assert code == (2 if expected_errors else 0)
        records = [json.loads(line) for line in out.read_bytes().split(b"\n")[:-1]]  # not str.splitlines: U+0085
        assert [r["id"] for r in records] == expected_ids
        errors_file = Path(f"{out}.errors.jsonl")
        errors = [json.loads(x) for x in errors_file.read_text().splitlines()] if errors_file.exists() else []
        assert [(e["source"], e["line"]) for e in errors] == [(str(inp), n) for n in expected_errors]
        for r in records:
            for e in r["entities"]:
                assert r["text"][e["start"]:e["end"]] == e["text"]
