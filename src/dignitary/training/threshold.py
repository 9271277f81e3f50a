"""Choose the relation score threshold on dev (model selection, never training on dev)."""
from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import numpy as np
import torch

from ..document import Document
from ..evaluation.metrics import evaluate_documents
from ..models.component import JointComponent
from ..models.metadata import META_FILE
from ..models.pretrained import load_pretrained

CANDIDATES = tuple(np.round(np.arange(0.2, 0.901, 0.05), 2))  # 0.2 ... 0.9


def sweep_thresholds(predictions: list[Document], docs: list[Document], schema,
                     candidates=CANDIDATES) -> dict[float, float]:
    """Relation micro F1 on the gold ``docs`` for each threshold, from one low-threshold
    prediction pass (``predictions``: the predicted documents, in the same order)."""
    scores = {}
    for threshold in candidates:
        kept = [replace(p, relations=[r for r in p.relations if r.score >= threshold]) for p in predictions]
        report = evaluate_documents(docs, kept, schema)
        scores[float(threshold)] = report.relations.micro.f1
    return scores


def tune_relation_threshold(model_dir: str | Path, dev_docs: list[Document], device: torch.device | str = "cpu",
                            autocast_dtype: torch.dtype | None = None) -> dict:
    """Store the dev-best threshold in ``model_dir/dignitary.json``; return the sweep."""
    model_dir = Path(model_dir)
    model, tokenizer, _ = load_pretrained(model_dir)
    model.to(device)
    component = JointComponent.from_model(model, tokenizer, device, autocast_dtype,
                                          relation_threshold=min(CANDIDATES))
    predictions = component.predict(dev_docs)
    sweep = sweep_thresholds(predictions, dev_docs, model.schema)
    top = max(sweep.values())
    # among thresholds within half a point of the best, the one nearest 0.5 (dev sets are small)
    best = min((t for t, f in sweep.items() if f >= top - 0.005), key=lambda t: abs(t - 0.5))
    set_relation_threshold(model_dir, best, sweep={str(k): v for k, v in sweep.items()})
    return {"threshold": best, "sweep": sweep}


def set_relation_threshold(model_dir: str | Path, threshold: float, **notes) -> None:
    """Write ``threshold`` (and any ``notes``, e.g. the sweep it came from) into ``model_dir/dignitary.json``."""
    path = Path(model_dir) / META_FILE
    meta = json.loads(path.read_text(encoding="utf-8"))
    meta["heads"]["relation_threshold"] = threshold
    for key, value in notes.items():
        meta[f"threshold_{key}"] = value
    path.write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")
