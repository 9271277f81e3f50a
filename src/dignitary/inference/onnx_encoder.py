"""The ONNX Runtime backend: both graphs (encoder + tagger, relation head) in ONNX Runtime sessions
on the CPU; numpy in, numpy out, no torch."""
from __future__ import annotations

import os
from pathlib import Path

import numpy as np

from ..cpus import default_threads
from ..errors import DignitaryError
from ..models.inputs import EncoderBatch, MentionBatch, PairBatch
from .encoder import log_softmax, pad_states, sigmoid
from .onnx_cache import RELATIONS_FILE, onnx_file


class OnnxEncoder:
    """``Encoder`` over the ONNX export of a model directory (exported into the cache if missing).

    ``threads``: the sessions' intra-op threads (default ``$OMP_NUM_THREADS``, else a container's
    CPU quota where it allows fewer CPUs than the process's affinity, else ONNX Runtime's choice,
    one per physical core).
    """

    name = "onnx"

    def __init__(self, model_dir: str | Path, threads: int | None = None, int8: bool = False):
        try:
            import onnxruntime as ort
        except ImportError as exc:  # pragma: no cover - depends on the extra
            raise DignitaryError("the onnx backend needs `pip install dignitary[onnx]`") from exc
        path = onnx_file(model_dir, int8)
        self.int8 = int8
        # dynamic int8 scales each call's activations by their range: one window per call keeps a
        # window's scores its own, whatever documents or batch size it comes with
        self.max_rows = 1 if int8 else None
        options = ort.SessionOptions()
        options.intra_op_num_threads = threads or int(os.environ.get("OMP_NUM_THREADS", 0)) or default_threads() or 0
        options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
        # no busy-waiting threads after each call: the Python work between calls uses the same cores
        options.add_session_config_entry("session.intra_op.allow_spinning", "0")
        providers = ["CPUExecutionProvider"]
        self.session = ort.InferenceSession(str(path), options, providers=providers)
        self.relations = ort.InferenceSession(str(path.parent / RELATIONS_FILE), options, providers=providers)
        self.inputs = {i.name for i in self.session.get_inputs()}

    def encode(self, batch: EncoderBatch) -> tuple[np.ndarray, np.ndarray]:
        feeds = {"input_ids": batch.input_ids, "attention_mask": batch.attention_mask}
        if "casing_ids" in self.inputs:
            feeds["casing_ids"] = batch.casing_ids
        tag_logits, hidden = self.session.run(["tag_logits", "hidden"], feeds)
        return log_softmax(tag_logits), hidden

    def relation_probs(self, states: list[np.ndarray], mentions: MentionBatch, pairs: PairBatch) -> np.ndarray:
        feeds = {"hidden": pad_states(states), "mention_row": mentions.row, "mention_start": mentions.start,
                 "mention_end": mentions.end, "mention_label": mentions.label, "pair_head": pairs.head,
                 "pair_tail": pairs.tail, "pair_allowed": pairs.allowed, "pair_features": pairs.features}
        (logits,) = self.relations.run(["relation_logits"], feeds)
        return sigmoid(logits)
