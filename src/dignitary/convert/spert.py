"""SpERT JSON (as used for CoNLL04): a list of ``{tokens, entities, relations}`` sentences.

Tokens are joined with single spaces into the document text; the token list is kept in
``meta['tokens']`` so that writing back gives the identical JSON.
"""
from __future__ import annotations

import json
import re
from bisect import bisect_left, bisect_right
from pathlib import Path

from ..document import Document, Entity, Relation
from ..errors import DataError
from ..jsonl import read_json_list


def read_spert(path: str | Path, id_prefix: str | None = None) -> list[Document]:
    path = Path(path)
    records = read_json_list(path, "SpERT JSON (sentences)")
    prefix = id_prefix if id_prefix is not None else path.stem
    docs = []
    for n, rec in enumerate(records):
        try:
            docs.append(_from_record(rec, f"{prefix}-{n}"))
        except (KeyError, TypeError, IndexError) as exc:
            raise DataError(f"sentence #{n}: malformed SpERT record ({exc!r})", str(path), n + 1) from exc
    return docs


def _from_record(rec: dict, doc_id: str) -> Document:
    tokens = rec["tokens"]
    starts, pos = [], 0
    for tok in tokens:
        starts.append(pos)
        pos += len(tok) + 1
    text = " ".join(tokens)
    entities = []
    for i, e in enumerate(rec["entities"]):
        s, t = e["start"], e["end"]
        if not 0 <= s < t <= len(tokens):
            raise IndexError(f"entity #{i} token span [{s}, {t}) outside {len(tokens)} tokens")
        entities.append(Entity(starts[s], starts[t - 1] + len(tokens[t - 1]), e["type"], f"T{i + 1}"))
    relations = [Relation(f"T{r['head'] + 1}", f"T{r['tail'] + 1}", r["type"]) for r in rec["relations"]]
    meta = {k: v for k, v in rec.items() if k not in ("entities", "relations")}
    return Document(doc_id, text, entities, relations, meta)


def _tokens(doc: Document) -> tuple[list[str], dict[int, int], dict[int, int]]:
    """Tokens with the token index at each start and after each end character offset: from
    ``meta['tokens']``, else whitespace-separated words cut at entity boundaries
    ("Venezuela’s" → "Venezuela", "’s" when "Venezuela" is an entity)."""
    starts, ends = {}, {}
    if doc.meta.get("tokens"):
        tokens, pos = doc.meta["tokens"], 0
        for i, tok in enumerate(tokens):
            pos = doc.text.index(tok, pos)
            starts[pos] = i
            ends[pos + len(tok)] = i + 1
            pos += len(tok)
        return tokens, starts, ends
    cuts = sorted({e.start for e in doc.entities} | {e.end for e in doc.entities})
    tokens = []
    for word in re.finditer(r"\S+", doc.text):
        inside = cuts[bisect_right(cuts, word.start()):bisect_left(cuts, word.end())]
        bounds = [word.start(), *inside, word.end()]
        for a, b in zip(bounds, bounds[1:]):
            starts[a] = len(tokens)
            ends[b] = len(tokens) + 1
            tokens.append(doc.text[a:b])
    return tokens, starts, ends


def to_spert_record(doc: Document) -> dict:
    """One SpERT sentence; tokens from ``meta['tokens']`` or whitespace splitting (see ``_tokens``)."""
    tokens, starts, ends = _tokens(doc)
    index = {}
    entities = []
    for k, e in enumerate(doc.entities):
        if e.start not in starts or e.end not in ends:
            raise DataError(f"document {doc.id}: entity {e.id} does not fall on token boundaries")
        index[e.id] = k
        entities.append({"type": e.label, "start": starts[e.start], "end": ends[e.end]})
    relations = [{"type": r.label, "head": index[r.head], "tail": index[r.tail]} for r in doc.relations]
    out = {"tokens": tokens, "entities": entities, "relations": relations}
    out.update({k: v for k, v in doc.meta.items() if k != "tokens"})
    return out


def write_spert(docs: list[Document], path: str | Path) -> None:
    Path(path).write_text(json.dumps([to_spert_record(d) for d in docs], ensure_ascii=False), encoding="utf-8")
