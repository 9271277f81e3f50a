"""The errors behind the scores: every strict-metric miss and false alarm, sorted into kinds.

Entity errors (each gold or predicted mention the strict metric does not match):

- ``label``: the same span under another label;
- ``boundary``: an overlapping span with the same label;
- ``boundary+label``: an overlapping span with another label;
- ``missed``: a gold mention no prediction overlaps;
- ``spurious``: a predicted mention that overlaps no gold one.

A gold mention and the predictions that overlap it make one error (kinded by the prediction that
overlaps it most; the others are listed under ``also``), not a miss and false alarms; so the errors
with a gold mention are the metric's false negatives, and the distinct predictions they and the
``spurious`` errors hold are its false positives.
Relation errors are ``missed`` or ``spurious`` and say whether their two mentions were both
found exactly (``entities_found``): if not, the relation fails with its mentions. Relations are
matched as in ``metrics`` (symmetric labels unordered).
"""
from __future__ import annotations

import heapq
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from ..document import Document, Entity
from ..schema import Schema
from .metrics import entity_key, relation_mentions

ENTITY_KINDS = ("label", "boundary", "boundary+label", "missed", "spurious")
CONTEXT_CHARS = 40
MAX_SPAN_CHARS = 200  # longer mentions and contexts are shown by their two ends


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
        out: dict[str, Any] = {"id": self.doc_id, "category": self.category, "kind": self.kind,
                               "gold": self.gold, "predicted": self.predicted, "context": self.context}
        if self.entities_found is not None:
            out["entities_found"] = self.entities_found
        return out


def _clip(text: str, start: int, end: int) -> str:
    """``text[start:end]``, its middle cut out past ``MAX_SPAN_CHARS`` (an error row stays short)."""
    if end - start <= MAX_SPAN_CHARS:
        return text[start:end]
    half = MAX_SPAN_CHARS // 2
    return f"{text[start:start + half]} … {text[end - half:end]}"


def _mention(doc: Document, e: Entity) -> dict[str, Any]:
    return {"start": e.start, "end": e.end, "label": e.label, "text": _clip(doc.text, e.start, e.end)}


def _context(text: str, start: int, end: int) -> str:
    """The text around ``[start, end)`` on one line, the span in brackets."""
    left, right = text[max(0, start - CONTEXT_CHARS):start], text[end:end + CONTEXT_CHARS]
    return " ".join(f"{left}[{_clip(text, start, end)}]{right}".split())


def _overlapping(gold: list[Entity], predicted: list[Entity]) -> list[list[Entity]]:
    """For each gold mention (both lists sorted by span), the predictions that overlap it: a sweep
    keeping the predictions that may still overlap (a heap by end), linear for non-nested spans."""
    found: list[list[Entity]] = []
    active: list[tuple[int, int, Entity]] = []  # (end, index, prediction)
    k = 0
    for g in gold:
        while k < len(predicted) and predicted[k].start < g.end:
            heapq.heappush(active, (predicted[k].end, k, predicted[k]))
            k += 1
        while active and active[0][0] <= g.start:  # ended before this gold mention: before every later one
            heapq.heappop(active)
        found.append(sorted((p for _, _, p in active if p.overlaps(g)), key=lambda p: p.span))
    return found


def entity_errors(gold: Document, predicted: Document) -> Iterator[EvaluationError]:
    """The entity errors of one document (``predicted`` has the same text as ``gold``): one per gold
    mention the strict metric misses, kinded by the prediction that overlaps it most (``also``: the
    other overlapping predictions), then one per prediction that overlaps no missed gold mention."""
    gold_keys = {entity_key(e): e for e in gold.entities}
    pred_keys = {entity_key(e): e for e in predicted.entities}
    missed = [gold_keys[k] for k in sorted(set(gold_keys) - set(pred_keys))]
    wrong = [pred_keys[k] for k in sorted(set(pred_keys) - set(gold_keys))]
    explained: set[tuple[int, int, str]] = set()
    for g, partners in zip(missed, _overlapping(missed, wrong)):
        if not partners:
            yield EvaluationError(gold.id, "missed", "entity", _mention(gold, g), None,
                                  _context(gold.text, g.start, g.end))
            continue
        best = max(partners, key=lambda p: (min(p.end, g.end) - max(p.start, g.start), p.label == g.label))
        kind = "label" if best.span == g.span else "boundary" if best.label == g.label else "boundary+label"
        explained.update(entity_key(p) for p in partners)
        predicted_mention = _mention(predicted, best)
        also = [_mention(predicted, p) for p in partners if p is not best]
        if also:
            predicted_mention["also"] = also
        yield EvaluationError(gold.id, kind, "entity", _mention(gold, g), predicted_mention,
                              _context(gold.text, min(g.start, best.start), max(g.end, best.end)))
    for p in wrong:
        if entity_key(p) not in explained:
            yield EvaluationError(gold.id, "spurious", "entity", None, _mention(predicted, p),
                                  _context(gold.text, p.start, p.end))


def _relations(doc: Document, schema: Schema) -> dict[tuple, dict[str, Any]]:
    """Each relation of ``doc`` under the metric's key (``metrics.relation_mentions``), as a dict
    with both mentions."""
    return {(*entity_key(h), *entity_key(t), r.label): {"label": r.label, "head": _mention(doc, h),
                                                          "tail": _mention(doc, t)}
            for r, h, t in relation_mentions(doc, schema)}


def relation_errors(gold: Document, predicted: Document, schema: Schema) -> Iterator[EvaluationError]:
    """The missed and spurious relations of one document."""
    gold_rels, pred_rels = _relations(gold, schema), _relations(predicted, schema)
    gold_spans = {entity_key(e) for e in gold.entities}
    pred_spans = {entity_key(e) for e in predicted.entities}
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
