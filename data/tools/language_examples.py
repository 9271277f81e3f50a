"""Synthetic training documents in Spanish, Portuguese or Chinese, the guideline-example generator of
each language (:mod:`romance_examples` for ``es``/``pt``, :mod:`chinese_examples` for ``zh``).

Deterministic for a language and a seed::

    python data/tools/language_examples.py --language es -o data/guideline_examples_es.jsonl
    python data/tools/language_examples.py --language pt -o data/guideline_examples_pt.jsonl
    python data/tools/language_examples.py --language zh -o data/guideline_examples_zh.jsonl
"""

from __future__ import annotations

import argparse
import random
from functools import partial

import chinese_examples  # beside this script in data/tools/
import romance_examples
from guideline_examples import generate_with, write_generated

LANGUAGES = ("es", "pt", "zh")
DOCUMENTS = 48
SENTENCES = 6


def make_document(language: str, rng: random.Random, ident: str, sentences: int) -> dict:
    if language == "zh":
        return chinese_examples.make_document(rng, ident, sentences)
    return romance_examples.make_document(rng, ident, sentences, romance_examples.WORDS[language])


def generate(language: str, documents: int = DOCUMENTS, sentences: int = SENTENCES, seed: int = 0) -> list[dict]:
    """``documents`` documents in ``language`` (ids ``guideline-es-000`` ...), the same for the same seed."""
    return generate_with(partial(make_document, language), f"guideline-{language}", documents, sentences, seed)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(add_help=False)
    parser.add_argument("--language", choices=LANGUAGES, required=True)
    args, rest = parser.parse_known_args(argv)
    return write_generated(partial(generate, args.language), __doc__.splitlines()[0], DOCUMENTS, rest, SENTENCES)


if __name__ == "__main__":
    raise SystemExit(main())
