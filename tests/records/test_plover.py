"""PLOVER export: CONSULT records with every participant as a source actor, date range, location
and evidence text."""
from dignitary.records import build_records
from dignitary.records.plover import date_range, plover_events

from tests.records.annotate import annotate


def test_consult_record_per_meeting():
    text = "QUITO, March 4, 2025 - President Ana Ruiz met with Li Wei and Omar Diaz in Quito on Monday."
    doc = annotate("q", text, [("President", "TITLE"), ("Ana Ruiz", "PER"), ("Li Wei", "PER"), ("Omar Diaz", "PER"),
                               ("Quito", "GPE")], [(2, 1, "has_title"), (2, 3, "met"), (2, 4, "met")])
    phone = annotate("p", "Li Wei held a phone call with Hugo Paz.",
                     [("Li Wei", "PER"), ("Hugo Paz", "PER")])
    recs = build_records([doc, phone])
    trio, call = plover_events(recs, {"q": doc.text, "p": phone.text})
    assert trio["event"] == ["CONSULT"] and trio["id"] == "dignitary-" + recs.meetings[0].event_id
    assert [a["actor_text"] for a in trio["source"]] == ["Ana Ruiz", "Li Wei", "Omar Diaz"]
    assert trio["source"][0]["office"] == "President" and trio["source"][0]["identifier_id"]
    assert "recipient" not in trio  # no host/visitor distinction: all participants are sources
    assert (trio["date"], trio["enddate"], trio["event_loc"], trio["mode"]) == \
        ("2025-03-03", "2025-03-03", {"name": "Quito"}, None)
    assert trio["event_text"] == [text] and trio["documents"] == ["q"]
    assert call["mode"] == ["phone"] and call["event_loc"] is None


def test_date_range_follows_precision():
    assert date_range("2024-02") == ("2024-02-01", "2024-02-29")
    assert date_range("2025") == ("2025-01-01", "2025-12-31")
    assert date_range("XXXX-11-26") == (None, None) and date_range(None) == (None, None)
