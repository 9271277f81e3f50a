"""Safe file names for document ids: never outside the target folder, never hidden, never too long,
and two different ids never share a file."""
from __future__ import annotations

import hashlib
import re

MAX_STEM = 100
_UNSAFE = re.compile(r"[^\w.\-]")  # letters, digits, underscore, dot and hyphen are kept


def safe_stem(doc_id: str) -> str:
    """One path component for ``doc_id``: the id itself when it is a plain, visible file name, else
    a cleaned, shortened form with a hash of the id (so cleaned ids cannot collide)."""
    stem = _UNSAFE.sub("_", doc_id)
    if stem.startswith("."):
        stem = "_" + stem[1:]
    if stem == doc_id and 0 < len(stem) <= MAX_STEM:
        return stem
    digest = hashlib.sha1(doc_id.encode("utf-8", "surrogatepass")).hexdigest()[:12]
    return f"{stem[:MAX_STEM]}-{digest}"


def safe_relative_path(doc_id: str) -> str:
    """``doc_id`` as a relative path: ``/`` keeps making subfolders (BRAT ids such as
    ``2024/news``), each component made safe by ``safe_stem`` (``..``, empty and absolute parts
    included)."""
    parts = doc_id.split("/")
    if all(part == safe_stem(part) for part in parts):
        return doc_id
    return safe_stem(doc_id)
