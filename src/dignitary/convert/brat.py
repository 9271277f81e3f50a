"""BRAT standoff: a folder of ``NAME.txt`` with ``NAME.ann`` (``T`` entity and ``R`` relation lines)."""
from __future__ import annotations

from pathlib import Path

from ..document import Document, Entity, Relation
from ..errors import DataError
from ..filenames import safe_relative_path


def read_brat(folder: str | Path) -> list[Document]:
    folder = Path(folder)
    if not folder.is_dir():
        raise DataError("BRAT input must be a folder of .txt/.ann files", str(folder))
    docs = []
    for txt in sorted(folder.rglob("*.txt")):
        ann = txt.with_suffix(".ann")
        text = txt.read_text(encoding="utf-8")
        doc_id = str(txt.relative_to(folder).with_suffix(""))
        entities, relations = (_parse_ann(ann, text) if ann.is_file() else ([], []))
        docs.append(Document(doc_id, text, entities, relations))
    return docs


def _parse_ann(path: Path, text: str) -> tuple[list[Entity], list[Relation]]:
    entities, relations = [], []
    for line_no, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        kind = fields[0][:1]
        try:
            if kind == "T":
                label, *offsets = fields[1].split(" ")
                if len(offsets) != 2 or ";" in fields[1]:
                    raise DataError(f"discontinuous or malformed span {fields[1]!r} is not supported")
                start, end = int(offsets[0]), int(offsets[1])
                if len(fields) > 2 and text[start:end] != fields[2]:
                    raise DataError(f"entity {fields[0]} text {fields[2]!r} does not match {text[start:end]!r}")
                entities.append(Entity(start, end, label, fields[0]))
            elif kind == "R":
                label, arg1, arg2 = fields[1].split(" ")
                relations.append(Relation(arg1.split(":", 1)[1], arg2.split(":", 1)[1], label))
        except DataError as exc:
            raise exc.at(str(path), line_no) from None
        except (IndexError, ValueError) as exc:
            raise DataError(f"malformed BRAT line {line!r}", str(path), line_no) from exc
    return entities, relations


def write_brat(docs: list[Document], folder: str | Path) -> None:
    """``ID.txt`` and ``ID.ann`` per document, inside ``folder`` whatever the id (see
    ``dignitary.filenames``); two documents that would share a file are an error."""
    folder = Path(folder)
    used: dict[str, str] = {}
    for doc in docs:
        name = safe_relative_path(doc.id)
        if name.lower() in used:
            raise DataError(f"documents {used[name.lower()]!r} and {doc.id!r} would both be written to {name}.txt")
        used[name.lower()] = doc.id
    for doc in docs:
        base = folder / safe_relative_path(doc.id)
        base.parent.mkdir(parents=True, exist_ok=True)
        Path(f"{base}.txt").write_text(doc.text, encoding="utf-8")
        lines = [f"{e.id}\t{e.label} {e.start} {e.end}\t{doc.text[e.start:e.end]}" for e in doc.entities]
        lines += [f"R{i}\t{r.label} Arg1:{r.head} Arg2:{r.tail}" for i, r in enumerate(doc.relations, 1)]
        Path(f"{base}.ann").write_text("\n".join(lines) + ("\n" if lines else ""), encoding="utf-8")
