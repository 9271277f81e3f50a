"""The spaCy component: doc.ents, doc.spans["dignitary"], doc._.relations, batched through nlp.pipe."""
import pickle
import sys

if sys.version_info >= (3, 11):
    import tomllib
else:  # Python 3.10
    import tomli as tomllib

import pytest

spacy = pytest.importorskip("spacy")

from dignitary.extractor import Extractor  # noqa: E402
from dignitary.integrations.spacy import SPAN_KEY, make_dignitary  # noqa: E402

from tests.helpers import REPO  # noqa: E402

TEXTS = ["Liu Haixing, minister of the International Department, met Ma Hui in Beijing.",
         "Xi Jinping met Nicolas Maduro, president of Venezuela, in Caracas.",
         "The news agency said nothing.",
         "Vice president Ma Hui met the ambassador of China and the secretary general of the party."]


def test_the_factory_is_declared_as_a_spacy_entry_point():
    declared = tomllib.loads((REPO / "pyproject.toml").read_text())["project"]["entry-points"]["spacy_factories"]
    module, attr = declared["dignitary"].split(":")
    assert (module, attr) == (make_dignitary.__module__, make_dignitary.__name__)
    assert spacy.language.Language.has_factory("dignitary")


@pytest.fixture(scope="module")
def nlp(tiny_model_dir):
    nlp = spacy.blank("en")
    nlp.add_pipe("dignitary", config={"model": str(tiny_model_dir), "device": "cpu", "batch_size": 3})
    return nlp


def _expected(extractor, text):
    doc = extractor(text)
    spans = {e.id: (e.start, e.end, e.label) for e in doc.entities}
    return doc, spans


def test_mentions_entities_and_relations_match_the_extractor(nlp, tiny_model_dir):
    extractor = Extractor.from_pretrained(tiny_model_dir, device="cpu")
    n_relations = 0
    for text in TEXTS:
        doc = nlp(text)
        expected, spans = _expected(extractor, text)
        group = doc.spans[SPAN_KEY]
        assert [(s.start_char, s.end_char, s.label_) for s in group] == list(spans.values())
        assert group.attrs["scores"] == [e.score for e in expected.entities]
        assert {(e.start_char, e.end_char, e.label_) for e in doc.ents} <= set(spans.values())
        assert all(a.end <= b.start for a, b in zip(doc.ents, doc.ents[1:]))
        got = [((r.head.start_char, r.head.end_char), (r.tail.start_char, r.tail.end_char), r.label, r.score)
               for r in doc._.relations]
        assert got == [(spans[r.head][:2], spans[r.tail][:2], r.label, r.score) for r in expected.relations]
        n_relations += len(got)
    assert sum(len(nlp(t).spans[SPAN_KEY]) for t in TEXTS) > 0 and n_relations > 0


def test_pipe_batches_give_the_same_docs(nlp):
    one_by_one = [nlp(t) for t in TEXTS]
    batched = list(nlp.pipe(TEXTS * 2, batch_size=3))
    for a, b in zip(one_by_one * 2, batched):
        assert [(e.start, e.end, e.label_) for e in a.ents] == [(e.start, e.end, e.label_) for e in b.ents]
        assert [(r.head.start, r.tail.start, r.label) for r in a._.relations] == \
            [(r.head.start, r.tail.start, r.label) for r in b._.relations]


def test_annotated_docs_pickle_and_serialize(nlp):
    from spacy.tokens import DocBin

    docs = list(nlp.pipe(TEXTS))
    restored = [pickle.loads(pickle.dumps(d)) for d in docs]
    binned = list(DocBin(store_user_data=True, docs=docs).get_docs(nlp.vocab))
    for doc, again, binned_doc in zip(docs, restored, binned):
        rels = [(r.head.start, r.head.end, r.tail.start, r.tail.end, r.label) for r in doc._.relations]
        for other in (again, binned_doc):
            assert [(r.head.start, r.head.end, r.tail.start, r.tail.end, r.label) for r in other._.relations] == rels


def test_existing_entities_kept_when_asked(tiny_model_dir):
    from spacy.tokens import Span

    nlp = spacy.blank("en")
    nlp.add_pipe("dignitary", config={"model": str(tiny_model_dir), "device": "cpu", "overwrite_ents": False})
    doc = nlp.make_doc(TEXTS[0])
    doc.ents = [Span(doc, 0, 2, label="CUSTOM")]
    doc = nlp.get_pipe("dignitary")(doc)
    assert doc.ents[0].label_ == "CUSTOM" and (doc.ents[0].start, doc.ents[0].end) == (0, 2)
    assert all(e.start >= 2 for e in doc.ents[1:])


@pytest.mark.shipped_model
def test_shipped_model_in_a_blank_pipeline():
    nlp = spacy.blank("en")
    nlp.add_pipe("dignitary", config={"device": "cpu"})
    doc = nlp("Liu Haixing, Minister of the International Department of the CPC Central Committee, met "
              "Remigio Ceballos, the Venezuelan Ambassador to China.")
    ents = {(e.text, e.label_) for e in doc.ents}
    assert {("Liu Haixing", "PER"), ("Minister", "TITLE"), ("Remigio Ceballos", "PER"), ("Ambassador", "TITLE"),
            ("International Department of the CPC Central Committee", "ORG")} <= ents
    rels = {(r.head.text, r.label, r.tail.text) for r in doc._.relations}
    assert ("Liu Haixing", "met", "Remigio Ceballos") in rels
    assert ("Liu Haixing", "has_title", "Minister") in rels
    assert all(0.0 <= r.score <= 1.0 for r in doc._.relations)


def test_a_saved_pipeline_loads_with_the_component(nlp, tmp_path):
    nlp.to_disk(tmp_path / "pipeline")
    loaded = spacy.load(tmp_path / "pipeline")
    assert loaded.pipe_names == ["dignitary"]
    for text in TEXTS:
        a, b = nlp(text), loaded(text)
        assert [(e.start, e.end, e.label_) for e in a.ents] == [(e.start, e.end, e.label_) for e in b.ents]
