"""One real meeting across documents: same participants, compatible dates; never a false merge."""
from dignitary.records.events import assign_events
from dignitary.records.model import Meeting, Participant


def _m(doc, date, place="", people=("P1", "P2")):
    return Meeting(doc, [Participant(p, "PER", entity=p) for p in people], date, None, place)


def test_compatible_reports_share_an_event():
    a, b = _m("a", "2025-06"), _m("b", "2025-06-09")
    events = assign_events([a, b])
    assert len(events) == 1 and a.event_id == b.event_id == "EV1"
    assert events[0].date == "2025-06-09" and events[0].documents == ["a", "b"]


def test_different_dates_places_participants_or_no_date_stay_apart():
    for other in (_m("b", "2023-09-13"), _m("b", "2025-06-10", place="Lima"), _m("b", None),
                  _m("b", "2025"), _m("b", "2025-06-09", people=("P1", "P3"))):
        a = _m("a", "2025-06-09", place="Quito")
        assign_events([a, other])
        assert a.event_id != other.event_id, other


def test_a_month_does_not_chain_two_different_days():
    a, b, c = _m("a", "2025-06"), _m("b", "2025-06-09"), _m("c", "2025-06-20")
    assign_events([a, b, c])
    assert b.event_id != c.event_id
    assert a.event_id in (b.event_id, c.event_id)


def test_two_reports_in_one_document_are_two_events():
    a, b = _m("a", "2025-06-09"), _m("a", "2025-06-09")
    assign_events([a, b])
    assert a.event_id != b.event_id


def test_a_day_without_its_year_matches_that_day():
    a, b, c = _m("a", "XXXX-11-26"), _m("b", "2024-11-26"), _m("c", "XXXX-11")
    assign_events([a, b, c])
    assert a.event_id == b.event_id != c.event_id
    assert [e.date for e in assign_events([a, b])] == ["2024-11-26"]
