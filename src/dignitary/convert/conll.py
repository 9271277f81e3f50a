"""CoNLL column format: one ``token<TAB>tag`` (IOB2) line per token, blank lines between sentences,
``# id = ...`` before each document. Entities only: relations do not exist in this format."""
from __future__ import annotations

import re
from pathlib import Path

from ..document import Document, Entity
from ..errors import DataError
from ..text.sentences import split_sentences

_WORD = re.compile(r"\w+|[^\w\s]")


def read_conll(path: str | Path) -> list[Document]:
    path = Path(path)
    docs: list[Document] = []
    doc_id: str | None = None
    text_parts: list[str] = []
    entities: list[Entity] = []
    pos = 0
    current: tuple[int, int, str] | None = None  # open entity: start, end, label
    sentence_open = False

    def close_entity():
        nonlocal current
        if current is not None:
            entities.append(Entity(current[0], current[1], current[2], f"T{len(entities) + 1}"))
            current = None

    def flush():
        nonlocal text_parts, entities, pos, sentence_open
        close_entity()
        if doc_id is not None or text_parts:
            docs.append(Document(doc_id or f"{path.stem}-{len(docs)}", "".join(text_parts), entities))
        text_parts, entities, pos, sentence_open = [], [], 0, False

    for line_no, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if raw.startswith("# id = "):
            flush()
            doc_id = raw[len("# id = "):].strip()
            continue
        if not raw.strip():
            close_entity()
            if sentence_open:
                text_parts.append("\n")
                pos += 1
                sentence_open = False
            continue
        fields = raw.split("\t")
        if len(fields) < 2:
            raise DataError(f"expected 'token<TAB>tag', got {raw!r}", str(path), line_no)
        token, tag = fields[0], fields[-1]
        if tag != "O" and not re.fullmatch(r"[BI]-.+", tag):
            raise DataError(f"tag {tag!r} is not IOB2", str(path), line_no)
        if tag.startswith("I-") and (current is None or current[2] != tag[2:]):
            follows = f"B-/I-{current[2]}" if current is not None else "O or a sentence start"
            raise DataError(f"tag {tag!r} follows {follows}: an I- tag must continue an entity of its label (IOB2)",
                            str(path), line_no)
        if sentence_open:
            text_parts.append(" ")
            pos += 1
        start = pos
        text_parts.append(token)
        pos += len(token)
        sentence_open = True
        if tag == "O" or tag.startswith("B-") or current is None or current[2] != tag[2:]:
            close_entity()
            if tag != "O":
                current = (start, pos, tag[2:])
        else:
            current = (current[0], pos, current[2])
    flush()
    return docs


def write_conll(docs: list[Document], path: str | Path) -> None:
    """Tokens are words and symbols; every entity boundary must fall between tokens."""
    lines = []
    for doc in docs:
        lines.append(f"# id = {doc.id}")
        spans = sorted(doc.entities, key=lambda e: e.start)
        for s, e in split_sentences(doc.text):
            for m in _WORD.finditer(doc.text, s, e):
                tag = "O"
                for ent in spans:
                    if ent.start <= m.start() and m.end() <= ent.end:
                        tag = ("B-" if m.start() == ent.start else "I-") + ent.label
                        break
                    if ent.start < m.end() and m.start() < ent.end:
                        raise DataError(f"document {doc.id}: entity {ent.id} splits the token {m.group()!r}")
                lines.append(f"{m.group()}\t{tag}")
            lines.append("")
    Path(path).write_text("\n".join(lines) + "\n", encoding="utf-8")
