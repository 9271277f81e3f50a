"""The report's timelines on hand-made records: only dated rows, in date order; a tenure whose last
report has no year (``XXXX-06-09`` sorts after every year) is drawn from its first date."""
import re

from dignitary.records.model import Event, Participant, RecordSet, Tenure
from dignitary.records.report import meetings_timeline_svg, tenures_svg


def _event(eid: str, date: str | None) -> Event:
    return Event(eid, [Participant("Ana Ruiz", "PER"), Participant("Li Wei", "PER")], date, None, "", None)


def test_meetings_timeline_keeps_dated_events_in_date_order():
    records = RecordSet()
    records.events += [_event("E1", "2025-03"), _event("E2", None), _event("E3", "XXXX-06-09"),
                       _event("E4", "2024-05-02")]
    svg = meetings_timeline_svg(records)
    assert re.findall(r">(E\d) ", svg) == ["E4", "E1"]
    assert svg.count("<circle") == 1 and svg.count("<rect") == 1  # a day is a dot, a month a bar
    assert meetings_timeline_svg(RecordSet()) == '<p class="timeline empty">no dated meetings</p>'


def test_tenure_with_a_yearless_last_date():
    records = RecordSet()
    records.tenures += [
        Tenure("e1", "Ana Ruiz", "President", "", "Ecuador", "2025-03-04", "XXXX-06-09", ["a", "b"], False),
        Tenure("e2", "Li Wei", "Minister", "", "", "2024-05-02", "2025-01-10", ["c", "d"], True),
        Tenure("e3", "Omar Diaz", "Mayor", "", "", None, None, ["e"], False),
    ]
    svg = tenures_svg(records)
    assert svg.count("<rect") == 2 and "Omar Diaz" not in svg
    assert "Ana Ruiz: President, Ecuador: 2025-03-04 to XXXX-06-09" in svg
    widths = [float(w) for w in re.findall(r'<rect x="[\d.]+" y="\d+" width="([\d.]+)"', svg)]
    assert widths[0] == 6.0 and widths[1] > 6.0  # Ana Ruiz: a dot at the first date; Li Wei: a bar
