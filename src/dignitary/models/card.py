"""The model card (``README.md`` with Hugging Face Hub metadata) of a model directory, summarized."""
from __future__ import annotations

from pathlib import Path
from typing import Any

CARD_FILE = "README.md"
CARD_FIELDS = ("license", "language", "base_model", "library_name", "pipeline_tag", "tags", "datasets")


def card_summary(model_dir: str | Path) -> dict[str, Any]:
    """Title, first paragraph, metadata fields and reported results of the card (empty if there is none)."""
    from huggingface_hub import ModelCard

    path = Path(model_dir) / CARD_FILE
    if not path.is_file():
        return {}
    card = ModelCard.load(path)
    data = card.data.to_dict()
    blocks = [b.strip() for b in card.text.strip().split("\n\n") if b.strip()]
    title = blocks[0].lstrip("# ").strip() if blocks and blocks[0].startswith("#") else None
    body = [b for b in blocks if not b.startswith(("#", "|", "```"))]
    results = [{"task": r.task_name or r.task_type, "dataset": r.dataset_name, "split": r.dataset_split,
                "metric": r.metric_type, "value": r.metric_value}
               for r in (card.data.eval_results or [])]
    return {"title": title, "summary": " ".join(body[0].split()) if body else None,
            **{k: data[k] for k in CARD_FIELDS if k in data}, "results": results}
