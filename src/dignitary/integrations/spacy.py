"""The spaCy pipeline component ``dignitary``: ``nlp.add_pipe("dignitary")`` after ``pip install dignitary[spacy]``.

spaCy finds the factory through the ``spacy_factories`` entry point. The component sets
``doc.ents`` (the mentions that do not overlap), keeps every mention with its score in
``doc.spans["dignitary"]`` and exposes the relations as ``doc._.relations``: a list of
``SpanRelation(head, tail, label, score)``. The relations are stored in ``doc.user_data`` as token
offsets, so annotated docs pickle and serialize with ``DocBin`` like any other.
"""
from __future__ import annotations

from typing import Iterable, Iterator, NamedTuple, Optional

from spacy.language import Language
from spacy.tokens import Doc, Span, SpanGroup
from spacy.util import filter_spans, minibatch

from ..document import Document
from ..extractor import Extractor

SPAN_KEY = "dignitary"
RELATIONS_KEY = "dignitary.relations"


class SpanRelation(NamedTuple):
    """A relation between two mentions of a spaCy ``Doc``."""

    head: Span
    tail: Span
    label: str
    score: Optional[float]


def get_relations(doc: Doc) -> list[SpanRelation]:
    """``doc._.relations``: the relations the component stored on ``doc``."""
    return [SpanRelation(doc[hs:he], doc[ts:te], label, score)
            for hs, he, ts, te, label, score in doc.user_data.get(RELATIONS_KEY, [])]


if not Doc.has_extension("relations"):
    Doc.set_extension("relations", getter=get_relations)


class DignitaryComponent:
    """Runs a dignitary ``Extractor`` over spaCy docs, batch by batch."""

    def __init__(self, nlp: Language, name: str, extractor: Extractor, batch_size: int = 32,
                 overwrite_ents: bool = True):
        self.name = name
        self.extractor = extractor
        self.batch_size = batch_size
        self.overwrite_ents = overwrite_ents

    @property
    def labels(self) -> tuple[str, ...]:
        return tuple(self.extractor.schema.entity_labels)

    def __call__(self, doc: Doc) -> Doc:
        self.set_annotations([doc], self.extractor.predict([Document("0", doc.text)]))
        return doc

    def pipe(self, stream: Iterable[Doc], batch_size: int | None = None) -> Iterator[Doc]:
        for batch in minibatch(stream, size=batch_size or self.batch_size):
            predictions = self.extractor.predict([Document(str(i), d.text) for i, d in enumerate(batch)])
            yield from self.set_annotations(batch, predictions)

    def set_annotations(self, docs: list[Doc], predictions: list[Document]) -> list[Doc]:
        """Write entities, spans and relations of each predicted document onto its doc."""
        for doc, result in zip(docs, predictions):
            self._annotate(doc, result)
        return docs

    def _annotate(self, doc: Doc, annotated: Document) -> None:
        spans, scores, by_id = [], [], {}
        for ent in annotated.entities:
            span = doc.char_span(ent.start, ent.end, label=ent.label, alignment_mode="expand")
            if span is None:
                continue
            spans.append(span)
            scores.append(ent.score)
            by_id[ent.id] = span
        group = SpanGroup(doc, name=SPAN_KEY, spans=spans)
        group.attrs["scores"] = scores
        doc.spans[SPAN_KEY] = group
        if self.overwrite_ents:
            doc.ents = filter_spans(spans)
        else:
            taken = {i for e in doc.ents for i in range(e.start, e.end)}
            free = [s for s in filter_spans(spans) if not taken.intersection(range(s.start, s.end))]
            doc.ents = sorted([*doc.ents, *free], key=lambda s: s.start)
        doc.user_data[RELATIONS_KEY] = [
            (by_id[r.head].start, by_id[r.head].end, by_id[r.tail].start, by_id[r.tail].end, r.label, r.score)
            for r in annotated.relations if r.head in by_id and r.tail in by_id]


@Language.factory(
    "dignitary",
    assigns=["doc.ents", "doc.spans", "doc._.relations"],
    default_config={"model": None, "device": "auto", "dtype": "auto", "backend": "auto", "threads": None,
                    "batch_size": 32, "overwrite_ents": True},
)
def make_dignitary(nlp: Language, name: str, model: Optional[str], device: str, dtype: str, backend: str,
                   threads: Optional[int], batch_size: int, overwrite_ents: bool) -> DignitaryComponent:
    """The ``dignitary`` pipe; ``model`` is a model directory or an installed model's name (default model if null)."""
    extractor = Extractor.from_pretrained(model, device=device, dtype=dtype, backend=backend,
                                          batch_size=batch_size, threads=threads)
    return DignitaryComponent(nlp, name, extractor, batch_size=batch_size, overwrite_ents=overwrite_ents)
