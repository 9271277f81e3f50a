"""Converters under hostile ids and text the old writers got wrong."""
import pytest

from dignitary.cli import main
from dignitary.convert import read_documents, write_documents
from dignitary.document import Document, Entity
from dignitary.errors import DataError
from dignitary.filenames import MAX_STEM, safe_relative_path, safe_stem

from tests.helpers import REPO


def test_brat_ids_never_leave_the_folder_nor_share_a_file(tmp_path):
    out = tmp_path / "deep" / "brat"
    ids = ["../../evil", str(tmp_path / "abs"), "news.2024", "news.2025", ".hidden", "a/b", "a_b", "x" * 300,
           "2024/report"]
    docs = [Document(i, f"Text of {n}.", [Entity(0, 4, "ORG", "T1")]) for n, i in enumerate(ids)]
    write_documents(docs, out, "brat")
    written = sorted(p for p in tmp_path.rglob("*") if p.is_file())
    assert all(out in p.parents for p in written)  # nothing outside the output folder
    assert len(written) == 2 * len(ids)
    assert not any(part.startswith(".") for p in written for part in p.relative_to(out).parts)
    back = {d.text: d for d in read_documents(out, "brat")}
    assert len(back) == len(ids) and back["Text of 8."].id == "2024/report"  # plain nested ids kept


def test_brat_refuses_two_documents_for_one_file(tmp_path):
    docs = [Document("Same", "a"), Document("same", "b")]  # one file on case-insensitive systems
    with pytest.raises(DataError, match="would both be written"):
        write_documents(docs, tmp_path / "brat", "brat")


def test_safe_names_are_distinct_and_bounded():
    ids = ["a/b", "a_b", "..", ".", "", "x" * 500, "x" * 501, "é-ok.1"]
    stems = [safe_stem(i) for i in ids]
    assert len(set(stems)) == len(ids) and all(0 < len(s) <= MAX_STEM + 13 for s in stems)
    assert safe_stem("é-ok.1") == "é-ok.1" and safe_relative_path("../x") != "../x"


def test_spert_takes_entities_inside_words(tmp_path, capsys):
    out = tmp_path / "dev.json"
    assert main(["convert", str(REPO / "data" / "dev.jsonl"), str(out), "--to", "spert"]) == 0
    back = read_documents(out, "spert")
    gold = read_documents(REPO / "data" / "dev.jsonl", "jsonl")
    assert [sorted(d.mention_text(e) for e in d.entities) for d in back] == \
        [sorted(d.mention_text(e) for e in d.entities) for d in gold]
    assert [len(d.relations) for d in back] == [len(d.relations) for d in gold]


def test_conll_output_says_relations_are_dropped(tmp_path, capsys):
    assert main(["convert", str(REPO / "data" / "dev.jsonl"), str(tmp_path / "dev.conll")]) == 0
    assert "0 relations (83 dropped" in capsys.readouterr().out


@pytest.mark.parametrize("lines,line_no", [("Liu\tB-PER\nMa\tI-ORG\n", 2), ("Liu\tO\nMa\tI-PER\n", 2),
                                           ("Liu\tI-PER\n", 1)])
def test_conll_reader_rejects_an_i_tag_that_continues_nothing(tmp_path, lines, line_no):
    path = tmp_path / "bad.conll"
    path.write_text(lines)
    with pytest.raises(DataError, match=rf"bad\.conll:{line_no}: tag 'I-\w+' follows"):
        read_documents(path, "conll")
