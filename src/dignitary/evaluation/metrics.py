"""Strict P/R/F1 for entities (span + label) and relations (both typed spans + label).

Symmetric relations (``met``) are compared unordered. ``boundary`` variants ignore entity labels.
Token-level seqeval (strict IOB2) is reported beside them.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Iterable, Iterator

from ..document import Document, Entity, Relation
from ..schema import Schema
from ..text.scripts import CJK_CLASS

_WORD = re.compile(f"[{CJK_CLASS}]|[^\\W{CJK_CLASS}]+|[^\\w\\s]")  # a CJK character is a word of its own


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, float]:
        return {"precision": self.precision, "recall": self.recall, "f1": self.f1,
                "tp": self.tp, "fp": self.fp, "fn": self.fn, "support": self.tp + self.fn}


@dataclass
class ScoreTable:
    """Per-label counts with micro and macro averages."""

    per_label: dict[str, Counts] = field(default_factory=dict)

    def add(self, label: str, gold: set, pred: set) -> None:
        c = self.per_label.setdefault(label, Counts())
        c.tp += len(gold & pred)
        c.fp += len(pred - gold)
        c.fn += len(gold - pred)

    @property
    def micro(self) -> Counts:
        total = Counts()
        for c in self.per_label.values():
            total.tp, total.fp, total.fn = total.tp + c.tp, total.fp + c.fp, total.fn + c.fn
        return total

    def macro_f1(self) -> float:
        return sum(c.f1 for c in self.per_label.values()) / len(self.per_label) if self.per_label else 0.0

    def as_dict(self) -> dict[str, Any]:
        micro = self.micro.as_dict()
        return {"micro": micro, "macro_f1": self.macro_f1(),
                "per_label": {k: v.as_dict() for k, v in sorted(self.per_label.items())}}


def _entity_keys(doc: Document) -> dict[str, set]:
    out: dict[str, set] = {}
    for e in doc.entities:
        out.setdefault(e.label, set()).add((doc.id, *entity_key(e)))
    return out


def _add_boundaries(table: ScoreTable, gold: Document, pred: Document) -> None:
    """Spans matched regardless of label: hits and misses under the gold label, false alarms
    under the predicted one."""
    gold_spans = {e.span for e in gold.entities}
    pred_spans = {e.span for e in pred.entities}
    for e in gold.entities:
        table.add(e.label, {e.span}, pred_spans & {e.span})
    for e in pred.entities:
        if e.span not in gold_spans:
            table.per_label.setdefault(e.label, Counts()).fp += 1


def entity_key(e: Entity) -> tuple[int, int, str]:
    """What the strict metric matches a mention by: its span and label."""
    return (e.start, e.end, e.label)


def relation_mentions(doc: Document, schema: Schema) -> Iterator[tuple[Relation, Entity, Entity]]:
    """Each relation of ``doc`` whose mentions exist, with its head and tail as the metric compares
    them: those of a symmetric label (``met``) in span order, so either direction matches."""
    ents = doc.entity_map()
    for r in doc.relations:
        if r.head not in ents or r.tail not in ents:
            continue
        h, t = ents[r.head], ents[r.tail]
        if r.label in schema.relation_labels and schema.is_symmetric(r.label):
            h, t = sorted([h, t], key=entity_key)
        yield r, h, t


def _relation_keys(doc: Document, schema: Schema, with_label: bool) -> dict[str, set]:
    out: dict[str, set] = {}
    for r, h, t in relation_mentions(doc, schema):
        hk = (h.start, h.end, h.label if with_label else None)
        tk = (t.start, t.end, t.label if with_label else None)
        out.setdefault(r.label, set()).add((doc.id, hk, tk, r.label))
    return out


@dataclass
class EvaluationReport:
    """All scores of one evaluation, as nested dicts or Markdown."""

    entities: ScoreTable
    entities_boundary: ScoreTable
    relations: ScoreTable
    relations_boundary: ScoreTable
    seqeval: dict[str, Any]
    documents: int

    def as_dict(self) -> dict[str, Any]:
        return {
            "documents": self.documents,
            "entities": self.entities.as_dict(),
            "entities_boundary": self.entities_boundary.as_dict(),
            "relations": self.relations.as_dict(),
            "relations_boundary": self.relations_boundary.as_dict(),
            "seqeval_strict_iob2": self.seqeval,
        }

    def summary(self) -> dict[str, float]:
        return {"entity_f1": self.entities.micro.f1, "relation_f1": self.relations.micro.f1}

    def to_markdown(self) -> str:
        lines = [f"Documents: {self.documents}", ""]
        for title, table in (("Entities (strict)", self.entities), ("Entities (boundary only)", self.entities_boundary),
                             ("Relations (strict)", self.relations),
                             ("Relations (boundary only)", self.relations_boundary)):
            lines += [f"### {title}", "", "| label | P | R | F1 | support |", "|---|---|---|---|---|"]
            for label, c in sorted(table.per_label.items()):
                lines.append(f"| {label} | {c.precision:.4f} | {c.recall:.4f} | {c.f1:.4f} | {c.tp + c.fn} |")
            m = table.micro
            lines.append(f"| **micro** | {m.precision:.4f} | {m.recall:.4f} | {m.f1:.4f} | {m.tp + m.fn} |")
            lines.append(f"| **macro** | | | {table.macro_f1():.4f} | |")
            lines.append("")
        s = self.seqeval
        lines += ["### Token level (seqeval, strict IOB2)", "",
                  f"P {s['precision']:.4f} · R {s['recall']:.4f} · F1 {s['f1']:.4f}", ""]
        return "\n".join(lines)


def evaluate_documents(gold: Iterable[Document], predicted: Iterable[Document], schema: Schema) -> EvaluationReport:
    """Compare predicted documents with gold ones, matched by ``id``."""
    gold_by_id = {d.id: d for d in gold}
    pred_by_id = {d.id: d for d in predicted}
    missing = set(gold_by_id) - set(pred_by_id)
    if missing:
        raise ValueError(f"no prediction for documents {sorted(missing)[:5]}")
    tables = {name: ScoreTable() for name in ("ent", "ent_b", "rel", "rel_b")}
    for label in schema.entity_labels:
        tables["ent"].per_label.setdefault(label, Counts())
        tables["ent_b"].per_label.setdefault(label, Counts())
    for label in schema.relation_labels:
        tables["rel"].per_label.setdefault(label, Counts())
        tables["rel_b"].per_label.setdefault(label, Counts())
    y_true, y_pred = [], []
    keys = {"ent": _entity_keys, "rel": lambda d: _relation_keys(d, schema, True),
            "rel_b": lambda d: _relation_keys(d, schema, False)}
    for doc_id, g in gold_by_id.items():
        p = pred_by_id[doc_id]
        for name, fn in keys.items():
            gk, pk = fn(g), fn(p)
            for label in set(gk) | set(pk):
                tables[name].add(label, gk.get(label, set()), pk.get(label, set()))
        _add_boundaries(tables["ent_b"], g, p)
        y_true.append(word_bio_tags(g))
        y_pred.append(word_bio_tags(p))
    from seqeval.metrics import f1_score, precision_score, recall_score
    from seqeval.scheme import IOB2

    kwargs = {"mode": "strict", "scheme": IOB2, "zero_division": 0}
    seq = {"precision": precision_score(y_true, y_pred, **kwargs), "recall": recall_score(y_true, y_pred, **kwargs),
           "f1": f1_score(y_true, y_pred, **kwargs)}
    return EvaluationReport(tables["ent"], tables["ent_b"], tables["rel"], tables["rel_b"], seq, len(gold_by_id))


def word_bio_tags(doc: Document) -> list[str]:
    """IOB2 tags over the words (``\\w+`` or single symbols) of the text."""
    spans = sorted((e.start, e.end, e.label) for e in doc.entities)
    tags: list[str] = []
    k = 0
    for m in _WORD.finditer(doc.text):
        while k < len(spans) and spans[k][1] <= m.start():
            k += 1
        if k < len(spans) and spans[k][0] < m.end() and m.start() < spans[k][1]:
            s, _, label = spans[k]
            prev_inside = tags and tags[-1] != "O" and tags[-1][2:] == label and s < m.start()
            tags.append(("I-" if prev_inside else "B-") + label)
        else:
            tags.append("O")
    return tags
