"""From mentions to records: positions, meetings, events, tenures, entity resolution, exports and reports."""
from .builder import build_records
from .model import Event, Meeting, Participant, Position, RecordSet, ResolvedEntity, Tenure

__all__ = ["Event", "Meeting", "Participant", "Position", "RecordSet", "ResolvedEntity", "Tenure", "build_records"]
