"""Hostile document ids in the report: one page per document, inside the folder, never hidden."""
from pathlib import Path

from dignitary.records import build_records
from dignitary.records.report import write_reports

from tests.records.annotate import annotate


def test_every_id_gets_its_own_visible_page_inside_the_report(tmp_path):
    ids = ["a/b", "a_b", ".hidden", "../../evil", "x" * 300, "/abs/path"]
    docs = [annotate(i, "President Ana Ruiz met Li Wei.", [("President", "TITLE"), ("Ana Ruiz", "PER"),
                                                           ("Li Wei", "PER")], [(2, 1, "has_title"), (2, 3, "met")])
            for i in ids]
    write_reports(docs, build_records(docs), tmp_path / "report")
    pages = sorted((tmp_path / "report" / "docs").iterdir())
    assert len(pages) == len(ids)  # a/b and a_b no longer share a page
    assert all(not p.name.startswith(".") and len(p.name) < 130 for p in pages)
    assert all(p.resolve().parent == (tmp_path / "report" / "docs").resolve() for p in pages)
    assert not list(Path(tmp_path).glob("evil*")) and (tmp_path / "report" / "index.html").exists()
    index = (tmp_path / "report" / "index.html").read_text(encoding="utf-8")
    assert all(f"docs/{p.name}" in index for p in pages)
