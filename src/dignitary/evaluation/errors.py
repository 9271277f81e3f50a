"""The errors behind the scores: every strict-metric miss and false alarm, sorted into kinds.

Entity errors (each gold or predicted mention the strict metric does not match):

- ``label``: the same span under another label;
- ``boundary``: an overlapping span with the same label;
- ``boundary+label``: an overlapping span with another label;
- ``missed``: a gold mention no prediction overlaps;
- ``spurious``: a predicted mention that overlaps no gold one.

A gold and a predicted mention that overlap make one error, not a miss and a false alarm.
Relation errors are ``missed`` or ``spurious`` and say whether their two mentions were both
found exactly (``entities_found``): if not, the relation fails with its mentions. Relations are
matched as in ``metrics`` (symmetric labels unordered).
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from ..document import Document, Entity
from ..schema import Schema

ENTITY_KINDS = ("label", "boundary", "boundary+label", "missed", "spurious")
CONTEXT_CHARS = 40


@dataclass(frozen=True)
class EvaluationError:
    """One error of one document: ``gold`` and/or ``predicted`` mention (or relation) as a dict."""

    doc_id: str
    kind: str
    category: str  # "entity" or "relation"
    gold: dict[str, Any] | None
    predicted: dict[str, Any] | None
    context: str
    entities_found: bool | None = None

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"id": self.doc_id, "category": self.category, "kind": self.kind, "gold": self.gold,
               "predicted": self.predicted, "context": self.context}
        if self.entities_found is not None:
            out["entities_found"] = self.entities_found
        return out


def _mention(doc: Document, e: Entity) -> dict[str, Any]:
    return {"start": e.start, "end": e.end, "label": e.label, "text": doc.text[e.start:e.end]}


def _context(text: str, start: int, end: int) -> str:
    """The text around ``[start, end)`` on one line, the span in brackets."""
    left, right = text[max(0, start - CONTEXT_CHARS):start], text[end:end + CONTEXT_CHARS]
    return " ".join(f"{left}[{text[start:end]}]{right}".split())


def entity_errors(gold: Document, predicted: Document) -> Iterator[EvaluationError]:
    """The entity errors of one document (``predicted`` has the same text as ``gold``)."""
    exact = {(e.start, e.end, e.label) for e in gold.entities} & {(e.start, e.end, e.label) for e in predicted.entities}
    missed = sorted((e for e in gold.entities if (e.start, e.end, e.label) not in exact), key=lambda e: e.span)
    wrong = sorted((e for e in predicted.entities if (e.start, e.end, e.label) not in exact), key=lambda e: e.span)
    paired: set[int] = set()
    j = 0  # both lists sorted by start: a sweep pairs each gold mention with the predictions it overlaps
    for g in missed:
        while j < len(wrong) and wrong[j].end <= g.start:
            j += 1
        partners = []
        k = j
        while k < len(wrong) and wrong[k].start < g.end:
            if wrong[k].overlaps(g):
                partners.append(k)
            k += 1
        if not partners:
            yield EvaluationError(gold.id, "missed", "entity", _mention(gold, g), None,
                                  _context(gold.text, g.start, g.end))
            continue
        for k in partners:
            p = wrong[k]
            kind = ("label" if p.span == g.span else "boundary" if p.label == g.label else "boundary+label")
            paired.add(k)
            yield EvaluationError(gold.id, kind, "entity", _mention(gold, g), _mention(predicted, p),
                                  _context(gold.text, min(g.start, p.start), max(g.end, p.end)))
    for k, p in enumerate(wrong):
        if k not in paired:
            yield EvaluationError(gold.id, "spurious", "entity", None, _mention(predicted, p),
                                  _context(gold.text, p.start, p.end))


def _relations(doc: Document, schema: Schema) -> dict[tuple, dict[str, Any]]:
    """Each relation of ``doc`` under its strict key, as a dict with both mentions."""
    ents = doc.entity_map()
    out = {}
    for r in doc.relations:
        if r.head not in ents or r.tail not in ents:
            continue
        h, t = ents[r.head], ents[r.tail]
        if r.label in schema.relation_labels and schema.is_symmetric(r.label) and (t.start, t.end) < (h.start, h.end):
            h, t = t, h
        out[(h.start, h.end, h.label, t.start, t.end, t.label, r.label)] = {
            "label": r.label, "head": _mention(doc, h), "tail": _mention(doc, t)}
    return out


def relation_errors(gold: Document, predicted: Document, schema: Schema) -> Iterator[EvaluationError]:
    """The missed and spurious relations of one document."""
    gold_rels, pred_rels = _relations(gold, schema), _relations(predicted, schema)
    gold_spans = {(e.start, e.end, e.label) for e in gold.entities}
    pred_spans = {(e.start, e.end, e.label) for e in predicted.entities}
    for kind, rels, other, spans in (("missed", gold_rels, pred_rels, pred_spans),
                                     ("spurious", pred_rels, gold_rels, gold_spans)):
        for key in sorted(set(rels) - set(other)):
            rel = rels[key]
            found = key[:3] in spans and key[3:6] in spans
            start = min(rel["head"]["start"], rel["tail"]["start"])
            end = max(rel["head"]["end"], rel["tail"]["end"])
            yield EvaluationError(gold.id, kind, "relation", rel if kind == "missed" else None,
                                  rel if kind == "spurious" else None, _context(gold.text, start, end), found)


def find_errors(gold: Iterable[Document], predicted: Iterable[Document], schema: Schema) -> list[EvaluationError]:
    """Every entity and relation error, documents in gold order (predictions matched by ``id``)."""
    pred_by_id = {d.id: d for d in predicted}
    errors: list[EvaluationError] = []
    for g in gold:
        p = pred_by_id[g.id]
        errors += entity_errors(g, p)
        errors += relation_errors(g, p, schema)
    return errors


def errors_markdown(errors: list[EvaluationError], labels: Iterable[str] = ()) -> str:
    """Counts of entity errors by kind and label (``labels`` and any other label met), and of
    relation errors by kind."""
    entity = Counter((e.kind, (e.gold or e.predicted or {}).get("label", "")) for e in errors if e.category == "entity")
    labels = sorted(set(labels) | {label for _, label in entity})
    lines = ["### Entity errors by kind (rows) and gold label, or predicted label when nothing was missed", "",
             "| kind | " + " | ".join(labels) + " | all |", "|---" * (len(labels) + 2) + "|"]
    for kind in ENTITY_KINDS:
        counts = [entity[(kind, label)] for label in labels]
        lines.append(f"| {kind} | " + " | ".join(map(str, counts)) + f" | {sum(counts)} |")
    relation = Counter((e.kind, bool(e.entities_found)) for e in errors if e.category == "relation")
    lines += ["", "### Relation errors", "", "| kind | both mentions right | a mention wrong |", "|---|---|---|"]
    for kind in ("missed", "spurious"):
        lines.append(f"| {kind} | {relation[(kind, True)]} | {relation[(kind, False)]} |")
    return "\n".join(lines) + "\n"
