"""Records against record gold, by the rules of ../shared/RECORDS.md (the same figures as
``score_records.py``): meeting pairs, pairs with their date, place accuracy, positions, and
cross-document event links."""
from __future__ import annotations

import json
import re
import unicodedata
from collections import defaultdict
from itertools import combinations
from pathlib import Path

from ..errors import DignitaryError


def gold_norm(name: str | None) -> str | None:
    """Case, accents, a leading "the" and spacing ignored."""
    if name is None:
        return None
    s = unicodedata.normalize("NFKD", str(name))
    s = "".join(c for c in s if not unicodedata.combining(c)).casefold().replace("’", "'")
    s = re.sub(r"^the\s+", "", s.strip())
    return re.sub(r"\s+", " ", s)


def _read(path: Path, required: bool) -> list[dict]:
    if not path.exists():
        if required:
            raise DignitaryError(f"{path}: no such file")
        return []
    rows = []
    with open(path, encoding="utf-8") as handle:
        for n, line in enumerate(handle, 1):
            if line.strip():
                try:
                    rows.append(json.loads(line))
                except json.JSONDecodeError as exc:
                    raise DignitaryError(f"{path}:{n}: not JSON ({exc.msg})") from None
    return rows


def _prf(tp: int, n_pred: int, n_gold: int) -> dict:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(2 * p * r / (p + r) if p + r else 0.0, 4),
            "tp": tp, "pred": n_pred, "gold": n_gold}


def date_matches(gold: str | None, pred: str | None) -> bool:
    """A gold ``null`` accepts anything; a gold ``XXXX-`` year accepts any year."""
    if gold is None:
        return True
    if not pred:
        return False
    pred = str(pred)
    if gold.startswith("XXXX"):
        return pred[4:] == gold[4:] and len(pred) == len(gold)
    return pred == gold


def _field(row: dict, key: str, where: str):
    if key not in row:
        raise DignitaryError(f"{where}: no '{key}'")
    return row[key]


def score_records(gold_path: str | Path, out_dir: str | Path) -> dict:
    """The scores of ``OUT/meetings.jsonl`` and ``OUT/positions.jsonl`` against ``GOLD``."""
    gold_path, out_dir = Path(gold_path), Path(out_dir)
    gold = {}
    for n, g in enumerate(_read(gold_path, True), 1):
        _field(g, "entities", f"{gold_path}:{n}")
        gold[_field(g, "id", f"{gold_path}:{n}")] = g
    meetings: dict[str, list[dict]] = defaultdict(list)
    for n, m in enumerate(_read(out_dir / "meetings.jsonl", False), 1):
        where = f"{out_dir / 'meetings.jsonl'}:{n}"
        if not all(isinstance(p, dict) and "name" in p for p in _field(m, "participants", where)):
            raise DignitaryError(f"{where}: every participant needs a 'name'")
        meetings[_field(m, "doc_id", where)].append(m)
    positions: dict[str, list[dict]] = defaultdict(list)
    for n, p in enumerate(_read(out_dir / "positions.jsonl", False), 1):
        _field(p, "person", f"{out_dir / 'positions.jsonl'}:{n}")
        positions[_field(p, "doc_id", f"{out_dir / 'positions.jsonl'}:{n}")].append(p)
    c: dict[str, int] = defaultdict(int)
    place_hits = place_total = 0
    gold_events: list[tuple[str, tuple, str]] = []  # (document, participant pair, gold event)
    pred_events: dict[tuple[str, tuple], set[str | None]] = {}  # (document, pair): predicted event ids
    for did, g in gold.items():
        lookup = {gold_norm(name): eid for eid, e in g["entities"].items() for name in e["names"]}

        def ent(name, lookup=lookup):  # bound now: ent is only called in this iteration
            return lookup.get(gold_norm(name), "?" + (gold_norm(name) or ""))

        gold_pairs = {}
        for m in g.get("meetings", []):
            for pair in combinations(sorted(set(m["participants"])), 2):
                gold_pairs[pair] = m
        pred_pairs: dict[tuple, dict] = {}
        for m in meetings.get(did, []):
            for pair in combinations(sorted({ent(p["name"]) for p in m["participants"]}), 2):
                pred_pairs.setdefault(pair, m)
                pred_events.setdefault((did, pair), set()).add(m.get("event_id"))
        hits = set(gold_pairs) & set(pred_pairs)
        c["pair_tp"] += len(hits)
        c["pair_pred"] += len(pred_pairs)
        c["pair_gold"] += len(gold_pairs)
        c["date_tp"] += sum(date_matches(gold_pairs[k].get("date"), pred_pairs[k].get("date")) for k in hits)
        for k in hits:
            if gold_pairs[k].get("place"):
                place_total += 1
                place_hits += (ent(pred_pairs[k].get("place") or "") == ent(gold_pairs[k]["place"])
                               or gold_norm(pred_pairs[k].get("place")) == gold_norm(gold_pairs[k]["place"]))
        gold_events += [(did, k, m["event"]) for k, m in gold_pairs.items() if m.get("event")]
        gp = {(p["person"], gold_norm(p.get("title")), p.get("at")) for p in g.get("positions", [])}
        pp = set()
        for p in positions.get(did, []):
            for w in [w for w in (p.get("organization"), p.get("place")) if w] or [None]:
                pp.add((ent(p["person"]), gold_norm(p.get("title")), ent(w) if w else None))
        c["pos_tp"] += len(gp & pp)
        c["pos_pred"] += len(pp)
        c["pos_gold"] += len(gp)
    link_gold = link_pred = link_tp = 0
    for (d1, k1, e1), (d2, k2, e2) in combinations(gold_events, 2):
        if d1 == d2 or (d1, k1) not in pred_events or (d2, k2) not in pred_events:
            continue
        same_gold = e1 == e2
        same_pred = bool(pred_events[(d1, k1)] & pred_events[(d2, k2)] - {None})
        link_gold += same_gold
        link_pred += same_pred
        link_tp += same_gold and same_pred
    return {
        "meeting_pairs": _prf(c["pair_tp"], c["pair_pred"], c["pair_gold"]),
        "meeting_pairs_with_date": _prf(c["date_tp"], c["pair_pred"], c["pair_gold"]),
        "meeting_place_accuracy": round(place_hits / place_total, 4) if place_total else None,
        "positions": _prf(c["pos_tp"], c["pos_pred"], c["pos_gold"]),
        "cross_document_events": _prf(link_tp, link_pred, link_gold),
    }


def format_scores(result: dict) -> str:
    """The text ``score_records.py`` prints."""
    lines = [f"{k:26} {v if not isinstance(v, dict) else ' '.join(f'{a}={b}' for a, b in v.items())}"
             for k, v in result.items()]
    mp, pos = result["meeting_pairs"]["f1"], result["positions"]["f1"]
    lines.append(f"meeting pair F1 {mp:.3f}, with date {result['meeting_pairs_with_date']['f1']:.3f}, "
                 f"position F1 {pos:.3f}")
    return "\n".join(lines)
