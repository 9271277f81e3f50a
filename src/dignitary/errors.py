"""Errors raised on bad input; each names where the problem is."""
from __future__ import annotations


class DignitaryError(Exception):
    """Base class of all dignitary errors."""


class DataError(DignitaryError, ValueError):
    """A record that breaks the format or the schema.

    ``source`` is the file (or ``<stdin>``), ``line`` the 1-based line or record number.
    """

    def __init__(self, reason: str, source: str | None = None, line: int | None = None):
        self.reason = reason
        self.source = source
        self.line = line
        super().__init__(self.location_prefix() + reason)

    def __reduce__(self):  # rebuilt with its parts, not its message, when sent between processes
        return DataError, (self.reason, self.source, self.line)

    def location_prefix(self) -> str:
        if self.source is None and self.line is None:
            return ""
        where = self.source or "<input>"
        if self.line is not None:
            where += f":{self.line}"
        return where + ": "

    def at(self, source: str | None, line: int | None) -> "DataError":
        """A copy of this error located at ``source:line`` (keeps inner details)."""
        return DataError(self.reason, source if source is not None else self.source,
                         line if line is not None else self.line)


class SchemaError(DignitaryError, ValueError):
    """A schema file that cannot be used."""
