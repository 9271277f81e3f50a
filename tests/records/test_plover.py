"""PLOVER export: CONSULT events with actors, date, location and evidence text."""
from dignitary.records import build_records
from dignitary.records.plover import plover_events

from tests.records.annotate import annotate


def test_consult_events_one_per_pair_of_a_meeting():
    text = "QUITO, March 4, 2025 - Ana Ruiz met with Li Wei and Omar Diaz in Quito on Monday."
    doc = annotate("q", text, [("Ana Ruiz", "PER"), ("Li Wei", "PER"), ("Omar Diaz", "PER"), ("Quito", "GPE")],
                   [(1, 2, "met"), (1, 3, "met")])
    phone = annotate("p", "LIMA, May 2, 2025 - Li Wei held a phone call with Hugo Paz.",
                     [("Li Wei", "PER"), ("Hugo Paz", "PER")])
    recs = build_records([doc, phone])
    events = plover_events(recs, {"q": doc.text, "p": phone.text})
    assert [e["event_type"] for e in events] == ["CONSULT"] * 4
    trio = [e for e in events if e["event_id"] == recs.meetings[0].event_id]
    assert {(e["actor"], e["recipient"]) for e in trio} == {("Ana Ruiz", "Li Wei"), ("Ana Ruiz", "Omar Diaz"),
                                                            ("Li Wei", "Omar Diaz")}
    assert all(e["mode"] == "multilateral" and e["date"] == "2025-03-03" and e["location"] == {"name": "Quito"}
               for e in trio)
    assert trio[0]["text"] == text and trio[0]["source"] == ["q"]  # the evidence sentence
    call = [e for e in events if e["source"] == ["p"]][0]
    assert (call["mode"], call["actor"], call["recipient"], call["location"]) == ("phone", "Li Wei", "Hugo Paz", None)
