"""The shipped model: it loads offline, extracts from the seeds, and keeps its dev quality."""
import json

import pytest

from dignitary.evaluation import evaluate_documents
from dignitary.extractor import Extractor, default_model_path
from dignitary.jsonl import read_jsonl

from tests.helpers import GUIDELINE_SENTENCE, REPO, check_guideline_sentence

pytestmark = pytest.mark.shipped_model


@pytest.fixture(scope="module")
def extractor():
    return Extractor.from_pretrained(device="cpu")


@pytest.fixture(scope="module")
def dev():
    return read_jsonl(REPO / "data" / "dev.jsonl")


@pytest.fixture(scope="module")
def dev_report(extractor, dev):
    return evaluate_documents(dev, list(extractor.pipe(dev)), extractor.schema)


def test_default_model_is_the_shipped_one():
    assert default_model_path() == REPO / "models" / "default"
    meta = json.loads((default_model_path() / "dignitary.json").read_text())
    assert meta["schema"]["entities"] == ["PER", "TITLE", "ORG", "GPE"]


def test_dev_quality_does_not_regress(dev_report):
    # floors a little under the scores in models/default/README.md (fp32, CPU)
    assert dev_report.entities.micro.f1 >= 0.95
    assert dev_report.relations.micro.f1 >= 0.83


def test_int8_keeps_entity_quality(dev, dev_report):
    int8 = Extractor.from_pretrained(device="cpu", dtype="int8")
    report = evaluate_documents(dev, list(int8.pipe(dev)), int8.schema)
    assert report.entities.micro.f1 >= dev_report.entities.micro.f1 - 0.01


def test_extracts_the_guideline_example(extractor):
    check_guideline_sentence(extractor)
    doc = extractor(GUIDELINE_SENTENCE)
    rels = {(doc.mention_text(doc.entity(r.head)), r.label, doc.mention_text(doc.entity(r.tail)))
            for r in doc.relations}
    assert ("Remigio Ceballos", "has_title", "Ambassador") in rels


REFERENCE = REPO / "tests" / "shipped_models" / "seeds.expected.jsonl"


@pytest.fixture(scope="module")
def seed_run(tmp_path_factory):
    """``dignitary extract seeds`` as ``make run`` runs it: the output file and the tables folder."""
    from dignitary.cli import main

    tmp_path = tmp_path_factory.mktemp("seeds")
    out = tmp_path / "seeds.jsonl"
    assert main(["extract", str(REPO / "seeds"), "-o", str(out), "--tables", str(tmp_path), "--no-progress",
                 "--device", "cpu"]) == 0
    return out, tmp_path


def test_seed_extraction_matches_the_reference(seed_run):
    """The shipped model's output on the seeds is the reference's: the same entities and relations,
    scores equal to the printed precision. A change of model or of inference code that changes any
    of them fails here; after an intended change, rewrite the reference with
    ``dignitary extract seeds -o tests/shipped_models/seeds.expected.jsonl --no-progress --device cpu``
    (and ``cmp`` the two files for a byte-identical check on one machine)."""
    out, _ = seed_run
    got = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    want = [json.loads(line) for line in REFERENCE.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in got] == [r["id"] for r in want]
    for g, w in zip(got, want):
        assert g["text"] == w["text"]
        assert [(e["id"], e["start"], e["end"], e["label"]) for e in g["entities"]] == \
            [(e["id"], e["start"], e["end"], e["label"]) for e in w["entities"]], g["id"]
        assert [(r["head"], r["tail"], r["label"]) for r in g["relations"]] == \
            [(r["head"], r["tail"], r["label"]) for r in w["relations"]], g["id"]
        scores = [x["score"] for x in g["entities"] + g["relations"]]
        assert scores == pytest.approx([x["score"] for x in w["entities"] + w["relations"]], abs=2e-3)


def test_make_run_style_extraction_of_seeds(seed_run):
    out, tmp_path = seed_run
    records = [json.loads(line) for line in out.read_text().splitlines()]
    assert len(records) == len(list((REPO / "seeds").glob("*.txt")))
    assert all(r["entities"] for r in records)
    import csv

    with open(tmp_path / "positions.csv", encoding="utf-8", newline="") as handle:
        positions = {(r["person"], r["title"], r["organization"], r["place"]) for r in csv.DictReader(handle)}
    assert ("Liu Haixing", "Minister", "International Department of the CPC Central Committee", "") in positions
    assert ("Remigio Ceballos", "Ambassador", "", "Venezuelan") in positions
    with open(tmp_path / "meetings.csv", encoding="utf-8", newline="") as handle:
        meetings = {(r["participants"], r["date"]) for r in csv.DictReader(handle)}
    assert ("Liu Haixing; Remigio Ceballos", "XXXX-11-26") in meetings


def test_seed_meetings_listed_once_with_positions(extractor):
    from dignitary.records import build_records

    texts = [{"id": p.stem, "text": p.read_text(encoding="utf-8")} for p in sorted((REPO / "seeds").glob("*.txt"))]
    records = build_records(list(extractor.pipe(texts)))
    pairs = [frozenset(p.name for p in m.participants) for m in records.meetings]
    assert len(pairs) == len(set(pairs))  # each meeting once per document
    by_pair = {frozenset(p.name for p in m.participants): m for m in records.meetings}
    m = by_pair[frozenset({"Liu Haixing", "Remigio Ceballos"})]
    sides = {p.name: p.positions for p in m.participants}
    assert "Minister, International Department of the CPC Central Committee" in sides["Liu Haixing"]
    assert "Ambassador, Venezuelan" in sides["Remigio Ceballos"]
    assert m.date == "XXXX-11-26" and "November 26" in m.date_text  # the seed never gives the year
    assert frozenset({"Ma Hui", "Alberto Anaya"}) in by_pair
    assert frozenset({"Ma Hui", "Donald Ramotar"}) in by_pair


def test_readme_quick_start_runs(extractor, monkeypatch, capsys):
    import re

    code = re.search(r"## Python quick start\s+```python\n(.*?)```", (REPO / "README.md").read_text(), re.S).group(1)
    monkeypatch.setattr(Extractor, "from_pretrained", classmethod(lambda cls, *a, **k: extractor))
    namespace: dict = {}
    exec(compile(code, "README.md", "exec"), namespace)  # noqa: S102 - the project's own README
    assert "Liu Haixing" in capsys.readouterr().out
    assert [d.id for d in namespace["docs"]] == ["0"] and "lone surrogate" in namespace["failed"][0].reason
