"""Synthetic sentences in the styles of Western newswire, government releases and business news.

The project's decisions for cases ``ANNOTATION.md`` is silent on (``docs/annotation-decisions.md``)
written as training sentences over invented names: cabinet offices with a state or department
before them ("US Secretary of State X", "British Foreign Secretary X", "State Department
spokesman X"), peers and honorifics ("Lord X of Y", "Sir X", "Dr X"), clerical, military and royal
ranks, firms named after people, capitalised wire datelines, bracketed abbreviations and
expansions, dotted acronyms ("U.S.") and business roles ("X, chief executive of Y"). Annotated as
written, so every offset is exact; deterministic for a seed::

    python data/tools/newswire_examples.py -o data/newswire_examples.jsonl
"""
from __future__ import annotations

import random
from typing import Callable

from guideline_examples import (  # beside this script in data/tools/
    DATES,
    FIRST_EN,
    FIRST_OTHER,
    LAST_EN,
    LAST_OTHER,
    MEET_PAST,
    TOPICS,
    Builder,
    generate_with,
    write_generated,
)

FIRST = FIRST_EN + FIRST_OTHER + ["James", "Laura", "Richard", "Anne", "Thomas", "Catherine", "Mark", "Julia",
                                  "Pierre", "Angela", "Hans", "Giulia", "Yusuf", "Mariam", "Kenji", "Ingrid"]
LAST = LAST_EN + LAST_OTHER + ["Whitaker", "Brennan", "Lindqvist", "Moreau", "Schreiber", "Albrecht", "Costa",
                               "Okafor", "Haverford", "Delacroix", "Sorensen", "Abernethy", "Quayle", "Rahimi"]
# (state name, adjective, short form used before an office) — short forms include dotted acronyms.
STATES = [("United States", "American", "US"), ("United States", "American", "U.S."), ("Britain", "British", "UK"),
          ("United Kingdom", "British", "U.K."), ("France", "French", "French"), ("Germany", "German", "German"),
          ("Italy", "Italian", "Italian"), ("Australia", "Australian", "Australian"),
          ("Canada", "Canadian", "Canadian"),
          ("Iraq", "Iraqi", "Iraqi"), ("Jordan", "Jordanian", "Jordanian"), ("Turkey", "Turkish", "Turkish"),
          ("Japan", "Japanese", "Japanese"), ("Spain", "Spanish", "Spanish"), ("Syria", "Syrian", "Syrian"),
          ("Netherlands", "Dutch", "Dutch"), ("Saudi Arabia", "Saudi", "Saudi")]
# Cabinet-style offices: the portfolio stays inside the TITLE.
CABINET = ["Secretary of State", "Secretary of Defense", "Defense Secretary", "Defence Secretary",
           "Foreign Secretary", "Home Secretary", "Treasury Secretary", "Secretary of the Treasury",
           "Chancellor of the Exchequer", "Foreign Minister", "Finance Minister", "Attorney General",
           "Prime Minister", "Deputy Prime Minister", "Chancellor", "Interior Minister", "Trade Secretary",
           "Minister for the Middle East", "Minister of State for Africa", "Energy Secretary", "Health Secretary",
           "Shadow Chancellor", "Minister for Foreign Affairs", "Secretary-General"]
# Departments named before a role: "State Department spokesman X" (ORG + TITLE).
DEPARTMENTS = ["State Department", "Foreign Office", "Home Office", "Pentagon", "Treasury", "Ministry of Defence",
               "Foreign and Commonwealth Office", "Department of Homeland Security", "White House", "Downing Street",
               "European Commission", "Department for International Development", "Kremlin"]
DEPARTMENT_ROLES = ["spokesman", "spokeswoman", "minister", "official", "press secretary", "adviser", "envoy",
                    "director", "under-secretary"]
# (name, abbreviation) for bracketed abbreviations and expansions
BODIES = [("Islamic State of Iraq and the Levant", "ISIL"), ("North Atlantic Treaty Organization", "NATO"),
          ("Organisation for Security and Co-operation in Europe", "OSCE"), ("Monetary Policy Committee", "MPC"),
          ("International Monetary Fund", "IMF"), ("Department for International Development", "DFID"),
          ("Syrian Democratic Forces", "SDF"), ("Financial Services Authority", "FSA"),
          ("World Trade Organization", "WTO"), ("Office for National Statistics", "ONS"),
          ("Combined Joint Task Force", "CJTF"), ("European Central Bank", "ECB"),
          ("Confederation of British Industry", "CBI"), ("Organisation of the Petroleum Exporting Countries", "Opec")]
FIRMS_OF_PEOPLE = ["Goldman Sachs", "Morgan Stanley", "JP Morgan", "Marks & Spencer", "Rolls-Royce", "Lloyds",
                   "Merrill Lynch", "Ernst & Young", "Sainsbury's", "Deloitte", "Barclays", "Ford", "Boeing",
                   "Pemberton Lloyd", "Ashworth & Sutton", "Kendall Fraser", "Whitaker Brennan", "Moreau Frères"]
BUSINESS_ROLES = ["chief executive", "chairman", "chief economist", "finance director", "analyst", "managing director",
                  "president", "chief operating officer", "head of research", "senior economist"]
WIRE_CITIES = ["WASHINGTON", "LONDON", "PARIS", "BRUSSELS", "BAGHDAD", "AMMAN", "CANBERRA", "BERLIN", "MOSCOW",
               "NEW YORK", "GENEVA", "TOKYO", "ANKARA"]
AGENCIES = ["Reuters", "AP", "AFP", "Bloomberg", "dpa"]
WIRE_DATES = ["May 3", "Jan 12", "March 9", "Oct. 21", "June 30", "Dec 2", "Aug. 14"]
PEER_PLACES = ["Wimbledon", "St Johns", "Hampstead", "Richmond", "Kensington", "Tonypandy", "Blackburn"]
HONORIFICS = ["Sir", "Dr", "Mr", "Mrs", "Ms", "Dame", "the Rt Hon", "Rt Hon", "His Excellency", "HE"]
RANKS = ["General", "Lt. Gen.", "Maj. Gen.", "Brig. Gen.", "Colonel", "Col.", "Admiral", "Air Marshal", "Lt Gen",
         "Major"]
CLERICAL = ["Pope", "Cardinal", "Archbishop", "Bishop", "Imam", "Ayatollah", "Rabbi", "King", "Queen", "Prince",
            "Crown Prince", "Emir"]
CITIES = ["London", "Canterbury", "Baghdad", "Mosul", "Amman", "Geneva", "Leeds", "Paris", "Washington", "Brussels",
          "Ankara", "Canberra", "Sydney", "Glasgow"]
ARMED_GROUPS = ["Daesh", "ISIL", "al-Qaeda", "Taliban", "al-Shabab", "Boko Haram"]


# Invented one-word firms and brands (some shaped like surnames) and invented towns: the model must
# tell a company, a place and a person apart from the context, not from a memorised name.
BRANDS = ["Norvatel", "Brixia", "Kestrel", "Aldana", "Fintrex", "Verano", "Halcyon", "Mercator", "Lumenta",
          "Castell", "Rivolta", "Sorrel", "Dunmore", "Galvani", "Ostrander", "Pellucid", "Tavira", "Quenby",
          "Marchetti", "Holbeck", "Brandt & Vogel", "Ferrante", "Oakridge Capital", "Vantor Steel", "Celeste Foods"]
BRAND_KINDS = ["airline", "dairy group", "steel producer", "retailer", "bank", "carmaker", "fund manager", "insurer",
               "fast-food chain", "sugar group", "mobile phone operator", "brewer"]
TOWNS = ["Qaryat al-Nur", "Jisr Amin", "Tel Zahra", "Tal Hamra", "Ras Amin", "Dayr Khalil", "Umm Saqr", "Bani Zaid",
         "Kafr Tal", "Hawija al-Sharqi", "Ain Dara", "Mahin"]
TOWN_KINDS = ["town", "village", "city", "province", "district"]
ARMED_VARIANTS = ["ISIL", "Daesh", "Da'esh", "Da’esh", "al-Qaida", "al-Qaeda", "Islamic State", "IS", "Hezbollah",
                  "al-Nusra Front", "Taliban", "Boko Haram", "al-Shabab"]
BLOCS = ["EU", "Nato", "NATO", "European Union", "UN", "United Nations", "Arab League", "African Union", "G7",
         "Opec", "Security Council"]


def full_name(rng: random.Random) -> tuple[str, str]:
    last = rng.choice(LAST)
    return f"{rng.choice(FIRST)} {last}", last


def state_office(b: Builder, rng: random.Random) -> str:
    """"US Secretary of State John Kerry" or "the British Foreign Secretary, Boris Johnson,"."""
    _, adjective, short = rng.choice(STATES)
    name, _ = full_name(rng)
    if rng.random() < 0.6:
        g = b.ent(short if rng.random() < 0.6 else adjective, "GPE")
        b.add(" ")
        t = b.ent(rng.choice(CABINET), "TITLE")
        b.add(" ")
        if rng.random() < 0.2:
            b.add(rng.choice(["Sir ", "Dr ", "Dame "]))
        p = b.ent(name, "PER")
    else:
        p = b.ent(name, "PER")
        b.add(rng.choice([", the ", ", "]))
        g = b.ent(rng.choice([adjective, short]), "GPE")
        b.add(" ")
        t = b.ent(rng.choice(CABINET), "TITLE")
        b.add(",")
    b.position(p, t, g)
    return p


def department_role(b: Builder, rng: random.Random) -> str:
    """"State Department spokesman John Kirby" / "a Treasury spokeswoman" (no holder named)."""
    if rng.random() < 0.3:
        b.add(rng.choice(["A ", "a ", "One "]))
        o = b.ent(rng.choice(DEPARTMENTS), "ORG")
        b.add(" ")
        b.rel(b.ent(rng.choice(["spokesman", "spokeswoman", "official", "spokesperson"]), "TITLE"),
              o, "title_at")
        return ""
    return role_and_name(b, rng, b.ent(rng.choice(DEPARTMENTS), "ORG"), DEPARTMENT_ROLES)


def role_and_name(b: Builder, rng: random.Random, body: str, roles: list[str]) -> str:
    """`` ROLE NAME`` after the body that holds the role: "State Department spokesman John Kirby"."""
    b.add(" ")
    t = b.ent(rng.choice(roles), "TITLE")
    b.add(" ")
    p = b.ent(full_name(rng)[0], "PER")
    b.position(p, t, body)
    return p


def peer(b: Builder, rng: random.Random) -> str:
    """"Lord Ahmad of Wimbledon, the Foreign Office minister," — the honorific stays outside."""
    _, last = full_name(rng)
    b.add(rng.choice(["Lord ", "Baroness ", "Lady ", "Baron "]))
    p = b.ent(f"{last} of {rng.choice(PEER_PLACES)}" if rng.random() < 0.5 else last, "PER")
    if rng.random() < 0.7:
        b.add(", the ")
        o = b.ent(rng.choice(DEPARTMENTS), "ORG")
        b.add(" ")
        t = b.ent(rng.choice(["minister", "Minister", "spokesman"]), "TITLE")
        b.position(p, t, o)
        b.add(",")
    return p


def honorific(b: Builder, rng: random.Random) -> str:
    """"Sir Michael Turner" / "Dr Liam Fox": the honorific is not annotated."""
    b.add(rng.choice(HONORIFICS) + " ")
    name, last = full_name(rng)
    return b.ent(name if rng.random() < 0.6 else last, "PER")


def rank(b: Builder, rng: random.Random) -> str:
    """Military, clerical and royal ranks are TITLEs: "Lt. Gen. X, commander of the Y,"."""
    if rng.random() < 0.5:
        t = b.ent(rng.choice(RANKS), "TITLE")
        b.add(" ")
        p = b.ent(full_name(rng)[0], "PER")
        b.rel(p, t, "has_title")
        if rng.random() < 0.5:
            b.add(", ")
            c = b.ent(rng.choice(["commander", "Commander", "head"]), "TITLE")
            b.add(" of the ")
            name, abbreviation = rng.choice(BODIES)
            b.position(p, c, b.ent(name, "ORG"))
            b.add(",")
        return p
    title = rng.choice(CLERICAL)
    if rng.random() < 0.4 and title in ("Archbishop", "Bishop", "Imam"):
        t = b.ent(title, "TITLE")
        b.add(" of ")
        b.rel(t, b.ent(rng.choice(CITIES), "GPE"), "title_at")
        b.add(" ")
        p = b.ent(full_name(rng)[0], "PER")
        b.rel(p, t, "has_title")
        return p
    t = b.ent(title, "TITLE")
    b.add(" ")
    p = b.ent(rng.choice(FIRST), "PER")
    b.rel(p, t, "has_title")
    return p


def business(b: Builder, rng: random.Random) -> str:
    """"Jamie Dimon, chief executive of JP Morgan," / "Goldman Sachs analyst X" — firms are ORGs."""
    firm = rng.choice(FIRMS_OF_PEOPLE)
    if rng.random() < 0.5:
        p = b.ent(full_name(rng)[0], "PER")
        b.add(", " + rng.choice(["", "the "]))
        t = b.ent(rng.choice(BUSINESS_ROLES), "TITLE")
        b.add(rng.choice([" of ", " at "]))
        o = b.ent(firm, "ORG")
        b.add(",")
        b.position(p, t, o)
        return p
    return role_and_name(b, rng, b.ent(firm, "ORG"), BUSINESS_ROLES)


def person(b: Builder, rng: random.Random) -> str:
    return rng.choice([state_office, state_office, department_role, peer, honorific, rank, business])(b, rng)


def named_person(b: Builder, rng: random.Random) -> str:
    ident = ""
    while not ident:
        ident = person(b, rng)
        if not ident:
            b.add(" and ")
    return ident


def end(b: Builder) -> None:
    if b.text.endswith(","):
        b.text = b.text[:-1]
    b.add(".")


def dateline(b: Builder, rng: random.Random) -> None:
    """A wire story's opening: "WASHINGTON, May 3 (Reuters) - X met Y"."""
    b.ent(rng.choice(WIRE_CITIES), "GPE")
    if rng.random() < 0.6:
        b.add(", " + rng.choice(WIRE_DATES))
    b.add(" (")
    b.ent(rng.choice(AGENCIES), "ORG")
    b.add(rng.choice([") - ", ") — ", ") -- "]))
    meeting(b, rng)


def meeting(b: Builder, rng: random.Random) -> None:
    a = named_person(b, rng)
    b.add(" " + rng.choice(MEET_PAST) + " ")
    c = named_person(b, rng)
    b.rel(a, c, "met")
    if rng.random() < 0.5:
        b.add(" in ")
        b.ent(rng.choice(CITIES), "GPE")
    b.add(" " + rng.choice(DATES))
    if rng.random() < 0.3:
        b.add(f" to discuss {rng.choice(TOPICS)}")
    end(b)


def statement(b: Builder, rng: random.Random) -> None:
    person(b, rng)
    b.add(" " + rng.choice(["said", "told reporters", "said in a statement", "added"]))
    if rng.random() < 0.5:
        b.add(" that the fight against ")
        b.ent(rng.choice(ARMED_GROUPS), "ORG")
        b.add(" would continue")
    end(b)


def brackets(b: Builder, rng: random.Random) -> None:
    """A name and its abbreviation in brackets, either way round: two mentions."""
    name, abbreviation = rng.choice(BODIES)
    opening, verb = rng.choice([("Officials from the ", "met in "), ("Members of the ", "gathered in "),
                                ("A report by the ", "was published in "), ("The ", "held talks in ")])
    b.add(opening)
    if rng.random() < 0.6:
        b.ent(name, "ORG")
        b.add(" (")
        b.ent(abbreviation, "ORG")
    else:
        b.ent(abbreviation, "ORG")
        b.add(" (")
        b.ent(name, "ORG")
    b.add(") " + verb)
    b.ent(rng.choice(CITIES), "GPE")
    b.add(" " + rng.choice(DATES))
    end(b)


def generic_roles(b: Builder, rng: random.Random) -> None:
    """Plural and generic roles are not annotated; a sentence-initial dotted acronym is one GPE."""
    _, _, short = rng.choice([s for s in STATES if "." in s[2]] + STATES[:3])
    b.ent(short, "GPE")
    b.add(" " + rng.choice(["officials", "analysts", "economists", "diplomats", "lawmakers"]) + " said ")
    b.ent(rng.choice(FIRMS_OF_PEOPLE), "ORG")
    b.add(rng.choice([" had cut jobs", " would report its results", " shares fell"]) + " " + rng.choice(DATES))
    end(b)


def company_news(b: Builder, rng: random.Random) -> None:
    """One-word firms in business contexts: "Shares in Brixia fell", "Kestrel, the Italian dairy group,"."""
    firm = rng.choice(BRANDS + FIRMS_OF_PEOPLE)
    form = rng.random()
    if form < 0.3:
        b.add(rng.choice(["Shares in ", "Profits at ", "Sales at ", "Investors in "]))
        b.ent(firm, "ORG")
        b.add(rng.choice([" fell sharply", " rose 4%", " beat forecasts", " slumped after the announcement"]))
    elif form < 0.6:
        b.ent(firm, "ORG")
        b.add(", the ")
        if rng.random() < 0.5:
            b.ent(rng.choice(STATES)[1], "GPE")
            b.add(" ")
        b.add(rng.choice(BRAND_KINDS) + ", " + rng.choice(["said it would cut 500 jobs", "has been sold",
                                                             "reported a loss", "denied the claims"]))
    elif form < 0.8:
        o = b.ent(firm, "ORG")
        b.add(rng.choice(["'s ", "’s "]))
        t = b.ent(rng.choice(BUSINESS_ROLES), "TITLE")
        b.add(" ")
        p = b.ent(full_name(rng)[0], "PER")
        b.position(p, t, o)
        b.add(rng.choice([" said the deal was good for shareholders", " resigned", " told reporters"]))
    else:
        b.add("The ")
        b.add(rng.choice(BRAND_KINDS) + " ")
        b.ent(firm, "ORG")
        b.add(rng.choice([" is in talks with ", " has agreed to buy ", " lost a court case against "]))
        b.ent(rng.choice(BRANDS + FIRMS_OF_PEOPLE), "ORG")
    end(b)


def conflict_news(b: Builder, rng: random.Random) -> None:
    """Armed groups, blocs and small towns: "ISIL fighters were driven out of the town of X"."""
    form = rng.random()
    if form < 0.35:
        b.add(rng.choice(["Fighters of ", "Forces loyal to ", "Air strikes against "]))
        b.ent(rng.choice(ARMED_VARIANTS), "ORG")
        b.add(rng.choice([" were driven out of ", " targeted positions near ", " took control of "]))
        if rng.random() < 0.5:
            b.add("the " + rng.choice(TOWN_KINDS) + " of ")
        b.ent(rng.choice(TOWNS), "GPE")
    elif form < 0.6:
        b.ent(rng.choice(ARMED_VARIANTS), "ORG")
        b.add(rng.choice([" militants", " fighters", " has lost territory", " claimed the attack"]))
        b.add(" in ")
        b.ent(rng.choice(TOWNS), "GPE")
        if rng.random() < 0.5:
            b.add(", ")
            b.ent(rng.choice(STATES)[0], "GPE")
    elif form < 0.8:
        b.add("The ")
        b.ent(rng.choice(BLOCS), "ORG")
        b.add(rng.choice([" called for a ceasefire in ", " imposed sanctions on ", " sent aid to "]))
        b.ent(rng.choice(TOWNS + [s[0] for s in STATES]), "GPE")
    else:
        b.ent(rng.choice(BLOCS), "ORG")
        b.add(" " + rng.choice(["foreign ministers", "officials", "diplomats", "leaders"]) + " condemned ")
        b.ent(rng.choice(ARMED_VARIANTS), "ORG")
    end(b)


SENTENCES: list[tuple[Callable[[Builder, random.Random], None], float]] = [
    (meeting, 0.3), (statement, 0.2), (brackets, 0.1), (generic_roles, 0.1), (company_news, 0.15),
    (conflict_news, 0.15),
]
DATELINE_SHARE = 0.4  # of documents that open with a wire dateline


def make_document(rng: random.Random, ident: str, sentences: int) -> dict:
    b = Builder()
    makers, weights = zip(*SENTENCES)
    for i in range(sentences):
        if i:
            b.add(" " if rng.random() < 0.7 else "\n")
        if i == 0 and rng.random() < DATELINE_SHARE:
            dateline(b, rng)
        else:
            rng.choices(makers, weights)[0](b, rng)
    return b.record(ident)


def generate(documents: int = 40, sentences: int = 8, seed: int = 0) -> list[dict]:
    """``documents`` synthetic documents of ``sentences`` sentences each, the same for the same seed."""
    return generate_with(make_document, "newswire", documents, sentences, seed)


def main(argv: list[str] | None = None) -> int:
    return write_generated(generate, __doc__.splitlines()[0], 40, argv)


if __name__ == "__main__":
    raise SystemExit(main())
