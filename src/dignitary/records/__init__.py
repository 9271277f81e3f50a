"""From mentions to records: positions, meetings, entity resolution, tables and reports."""
from .builder import build_records
from .model import Meeting, Participant, Position, RecordSet, ResolvedEntity

__all__ = ["Meeting", "Participant", "Position", "RecordSet", "ResolvedEntity", "build_records"]
