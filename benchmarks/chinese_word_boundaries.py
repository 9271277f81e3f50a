"""Would a Chinese word segmenter make better mention boundaries? A measurement, not a feature.

dignitary lets a mention start or end at any CJK character. This script limits the boundaries next
to CJK characters to jieba's word boundaries (at decoding only; the model is unchanged) and scores
``data/dev_zh.jsonl`` both ways::

    pip install jieba
    python benchmarks/chinese_word_boundaries.py --model models/default

The README reports the result (the guideline's spans split words, so the limit costs entity F1).
"""
from __future__ import annotations

import argparse
import logging

import dignitary.models.inputs as inputs
from dignitary.evaluation.metrics import evaluate_documents
from dignitary.extractor import Extractor
from dignitary.standoff import load_documents
from dignitary.text.scripts import is_cjk


def jieba_word_starts(hmm: bool):
    """``inputs.word_starts`` that also ends every CJK word where jieba ends it."""
    import jieba

    jieba.setLogLevel(logging.WARNING)
    plain = inputs.word_starts

    def word_starts(text: str, offsets: list[tuple[int, int]]) -> list[bool]:
        starts = plain(text, offsets)
        if not any(is_cjk(c) for c in text):
            return starts
        bounds = {i for _, s, e in jieba.tokenize(text, HMM=hmm) for i in (s, e)}
        return [start and not (is_cjk(text[s]) and (s == 0 or is_cjk(text[s - 1])) and s not in bounds)
                for (s, _), start in zip(offsets, starts)]

    return word_starts


def score(model: str, gold_path: str) -> tuple[float, float]:
    extractor = Extractor.from_pretrained(model, device="cpu")
    gold = load_documents(gold_path, extractor.schema)
    report = evaluate_documents(gold, list(extractor.pipe(gold)), extractor.schema)
    return report.entities.micro.f1, report.relations.micro.f1


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", default="models/default")
    parser.add_argument("--gold", default="data/dev_zh.jsonl")
    args = parser.parse_args()
    plain = inputs.word_starts
    print("per character    entity %.3f  relation %.3f" % score(args.model, args.gold))
    for hmm in (False, True):
        inputs.word_starts = jieba_word_starts(hmm)
        print(f"jieba (HMM {hmm!s:5}) entity %.3f  relation %.3f" % score(args.model, args.gold))
        inputs.word_starts = plain


if __name__ == "__main__":
    main()
