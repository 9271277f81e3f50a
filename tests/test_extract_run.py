"""The one extract loop with a stand-in engine: batches, model errors located, resume, interruption."""
import json

from dignitary.document import Document, Entity
from dignitary.errors import DataError
from dignitary.extract_run import ExtractJob, run_extract

from tests.helpers import write_lines


class FakeEngine:
    """Tags the first word of each text as a PER; refuses texts holding "BOOM"; can be interrupted."""

    def __init__(self, interrupt_at_batch: int | None = None):
        self.batches: list[list[str]] = []
        self.interrupt_at_batch = interrupt_at_batch

    def annotate(self, batches):
        for docs in batches:
            if len(self.batches) == self.interrupt_at_batch:
                raise KeyboardInterrupt
            self.batches.append([d.id for d in docs])
            yield [DataError(f"document {d.id!r}: BOOM") if "BOOM" in d.text else
                   Document(d.id, d.text, [Entity(0, d.text.index(" "), "PER", "T1", 0.5)], [], dict(d.meta))
                   for d in docs]


def _read(path):
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def _inputs(tmp_path, n=7):
    return write_lines(tmp_path / "in.jsonl", [{"id": f"d{i}", "text": "BOOM here" if i == 3 else f"Liu met Ma {i}."}
                                               for i in range(n)] + ["{bad"])


def test_the_engine_sees_batches_and_its_errors_are_located(tmp_path):
    inp, out = _inputs(tmp_path), tmp_path / "out.jsonl"
    engine = FakeEngine()
    summary = run_extract(ExtractJob([str(inp)], str(out), batch_size=3, progress=False), lambda: engine)
    assert engine.batches == [["d0", "d1", "d2"], ["d3", "d4", "d5"], ["d6"]]
    records = _read(out)
    assert [r["id"] for r in records] == ["d0", "d1", "d2", "d4", "d5", "d6"]
    assert records[0]["entities"] == [{"id": "T1", "start": 0, "end": 3, "label": "PER", "text": "Liu", "score": 0.5}]
    errors = _read(tmp_path / "out.jsonl.errors.jsonl")
    assert [(e["line"], e["error"]) for e in errors] == [(4, "document 'd3': BOOM"), (8, errors[1]["error"])]
    assert "invalid JSON" in errors[1]["error"]
    assert (summary.documents, summary.errors, summary.skipped, summary.interrupted) == (6, 2, 0, False)


def test_an_interrupted_run_keeps_whole_batches_and_resume_completes_it(tmp_path):
    inp, out = _inputs(tmp_path), tmp_path / "out.jsonl"
    summary = run_extract(ExtractJob([str(inp)], str(out), batch_size=2, progress=False),
                          lambda: FakeEngine(interrupt_at_batch=2))
    assert summary.interrupted and [r["id"] for r in _read(out)] == ["d0", "d1", "d2"]  # d3: an error
    engine = FakeEngine()
    summary = run_extract(ExtractJob([str(inp)], str(out), resume=True, batch_size=2, progress=False), lambda: engine)
    assert engine.batches == [["d3", "d4"], ["d5", "d6"]] and summary.skipped == 3  # a model error is retried
    assert [r["id"] for r in _read(out)] == ["d0", "d1", "d2", "d4", "d5", "d6"]


def test_output_keeps_the_input_field_names(tmp_path):
    inp = write_lines(tmp_path / "in.jsonl", [{"key": "a", "body": "Liu met Ma.", "n": 1}])
    out = tmp_path / "out.jsonl"
    run_extract(ExtractJob([str(inp)], str(out), id_field="key", text_field="body", progress=False), FakeEngine)
    [record] = _read(out)
    assert (record["key"], record["body"], record["n"], "id" in record) == ("a", "Liu met Ma.", 1, False)


def test_batches_in_flight_are_bounded_and_come_back_in_input_order():
    from dignitary.extract_run import in_input_order

    sent, unfinished, most = [], set(), 0

    def submit(docs):
        nonlocal most
        sent.append(docs[0])
        unfinished.add(docs[0])
        most = max(most, len(unfinished))
        return docs[0]

    def collect(ticket):
        unfinished.discard(ticket)
        return [f"done {ticket}"]

    results = list(in_input_order(([f"b{i}"] for i in range(7)), submit, collect, in_flight=3))
    assert results == [[f"done b{i}"] for i in range(7)] and sent == [f"b{i}" for i in range(7)]
    assert most == 3
