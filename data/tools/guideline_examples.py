"""Synthetic training sentences written to ``ANNOTATION.md``, for the patterns the news corpus has too few of.

The seed corpus has a dozen ``met`` and fifteen ``member_of`` examples. This module composes
sentences from the guideline's own constructions ("X, Minister of the Y, met Z", "a delegation of
the Y", "Tory leader X", "X of the Y", plans and signings that are not meetings) over pools of
invented and common public names, and annotates them as it writes them, so every offset is exact.
Deterministic for a seed::

    python data/tools/guideline_examples.py -o data/guideline_examples.jsonl
"""
from __future__ import annotations

import argparse
import json
import random
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

GIVEN_CN = ["Zhao", "Qian", "Sun", "Zhou", "Wu", "Zheng", "Feng", "Chen", "Han", "Yang", "Zhu", "Qin", "He",
            "Lü", "Shi", "Kong", "Cao", "Yan", "Hua", "Jin", "Wei", "Tao", "Jiang", "Xie", "Shen", "Luo", "Deng"]
NAME_CN = ["Wenqing", "Jianping", "Xiaodong", "Lihua", "Weimin", "Haoran", "Ping", "Yuming", "Guoqiang", "Jun",
           "Xuefeng", "Meilin", "Zhiwei", "Hongbo", "Yan", "Dawei", "Lei", "Shuang", "Kaixin", "Bo"]
FIRST_ES = ["Carlos", "María Fernanda", "Ricardo", "Ana Beatriz", "Luis Alberto", "Rosa Elena", "Héctor",
            "Gabriela", "Jorge", "Camila", "Andrés", "Lucía", "Fernando", "Valentina", "Óscar", "Marisol",
            "Eduardo", "Patricia", "Rafael", "Daniela", "Tomás", "Isabel", "Julio César", "Adriana"]
LAST_ES = ["Mendoza", "Salazar", "Paredes", "Quintero", "Ramírez", "Ortiz", "Villalobos", "Castañeda",
           "Herrera", "Ibáñez", "Zambrano", "Fuentes", "Montoya", "Arrieta", "Bustamante", "Cárdenas",
           "Echeverría", "Gallardo", "Núñez", "Peñaloza", "Sandoval", "Urdaneta", "Vargas Llosa", "Rojas"]
FIRST_EN = ["Michael", "Sarah", "David", "Helen", "Peter", "Margaret", "Alan", "Tessa", "Gordon", "Patricia",
            "Stephen", "Ruth", "Charles", "Harriet", "Kenneth", "Oliver", "Joan", "Nick", "Clare", "Robin"]
LAST_EN = ["Turner", "Whitfield", "Morgan", "Carter", "Lloyd", "Hughes", "Ashworth", "Pemberton", "Fraser",
           "Kendall", "Maitland", "Douglas", "Harrington", "Bellamy", "Oakes", "Prentice", "Rowe", "Sutton"]
FIRST_OTHER = ["Kwame", "Amina", "Nguyen Van", "Tran Thi", "Thongsing", "Sergei", "Olga", "Thabo", "Nomvula",
               "Ahmed", "Fatima", "Ivan"]
LAST_OTHER = ["Asante", "Diallo", "Minh", "Lan", "Phomvihane", "Lavrentiev", "Petrova", "Mokoena",
              "Dlamini", "Haddad", "Benali", "Kuznetsov"]

# (name, abbreviation or None, short form used as a modifier: "PSUV vice president")
ORGS = [
    ("International Department of the CPC Central Committee", "IDCPC", None),
    ("Communist Party of Cuba", "PCC", None),
    ("Central Committee of the Communist Party of Vietnam", None, None),
    ("Sandinista National Liberation Front", "FSLN", "Sandinista"),
    ("Movement for Socialism", "MAS", "MAS"),
    ("Party of the Democratic Revolution", "PRD", "PRD"),
    ("Workers' Party", "PT", "PT"),
    ("Socialist Party of Chile", None, None),
    ("Broad Front", None, "Broad Front"),
    ("Chinese People's Association for Friendship with Foreign Countries", "CPAFFC", None),
    ("Chinese People's Institute of Foreign Affairs", "CPIFA", None),
    ("National People's Congress", "NPC", None),
    ("Standing Committee of the National People's Congress", None, None),
    ("African National Congress", "ANC", "ANC"),
    ("Lao People's Revolutionary Party", "LPRP", None),
    ("Communist Party of China", "CPC", "CPC"),
    ("Foreign Affairs Commission of the National Assembly", None, None),
    ("China Development Bank", None, None),
    ("Xinhua News Agency", None, None),
    ("United Nations Development Programme", "UNDP", None),
    ("Scottish National Party", "SNP", "SNP"),
    ("Confederation of British Industry", "CBI", None),
    ("Federation of Small Businesses", None, None),
    ("National Union of Teachers", None, None),
    ("Shanghai Municipal Committee of the CPC", None, None),
    ("Latin American Parliament", "Parlatino", None),
]
PARTY_NICKNAMES = ["Tory", "Labour", "Lib Dem", "Conservative", "Green", "Plaid Cymru", "SNP", "Sandinista"]
# (country, adjective)
GPES = [("China", "Chinese"), ("Venezuela", "Venezuelan"), ("Cuba", "Cuban"), ("Brazil", "Brazilian"),
        ("Mexico", "Mexican"), ("Colombia", "Colombian"), ("Nicaragua", "Nicaraguan"), ("Bolivia", "Bolivian"),
        ("Argentina", "Argentine"), ("Chile", "Chilean"), ("Peru", "Peruvian"), ("Vietnam", "Vietnamese"),
        ("Laos", "Lao"), ("Russia", "Russian"), ("South Africa", "South African"), ("Britain", "British"),
        ("France", "French"), ("Uruguay", "Uruguayan"), ("Ecuador", "Ecuadorian"), ("Honduras", "Honduran"),
        ("Panama", "Panamanian"), ("Ghana", "Ghanaian"), ("Kenya", "Kenyan")]
CITIES = ["Beijing", "Caracas", "Havana", "Shanghai", "Brasília", "Mexico City", "Managua", "La Paz", "Hanoi",
          "London", "Santiago", "Lima", "Guangzhou", "Montevideo", "Quito", "Vientiane", "Pretoria", "Edinburgh"]
ORG_TITLES = ["Minister", "Vice-minister", "Deputy Minister", "Director", "Deputy Director", "Secretary General",
              "General Secretary", "President", "Vice President", "Chairman", "Chairwoman", "member", "Head",
              "Deputy Secretary", "Director General", "Secretary of International Relations",
              "Vice President for International Affairs", "Secretary for International Affairs", "spokesperson",
              "First Secretary", "Vice Chairman", "executive director", "Co-chair",
              "Director General of Asian Affairs", "Deputy Director General of European Affairs"]
STATE_TITLES = ["President", "Vice President", "Foreign Minister", "Defence Minister", "Prime Minister",
                "Minister of Labor", "Minister of Trade", "Minister for Foreign Affairs", "Ambassador",
                "Minister of Economy and Finance", "Deputy Foreign Minister", "Vice-President", "interim President",
                "Minister for Communication and Information", "Interior Minister", "former President"]
LONG_AMBASSADOR = "Ambassador Extraordinary and Plenipotentiary"
NICK_TITLES = ["leader", "MP", "spokesman", "spokeswoman", "chairman", "deputy leader", "peer", "candidate"]
PLAIN_TITLES = ["Chancellor", "Home Secretary", "Foreign Secretary", "Senator", "Governor", "Professor",
                "General", "Ambassador", "Deputy", "Mayor", "Commissioner", "Judge"]
HONORIFICS = ["Mr", "Mrs", "Ms", "Dr", "Lord", "Baroness", "Sir"]
DATES = ["on Monday", "on Tuesday", "on Wednesday", "on Thursday", "on Friday", "on March 3", "on April 18",
         "on June 9", "on September 21", "on October 15", "on November 26", "last week", "this morning"]
TOPICS = ["bilateral cooperation", "trade and investment", "party-to-party exchanges", "the situation in the region",
          "cooperation in agriculture", "energy projects", "education and culture", "the coming elections"]
MEET_PAST = ["met with", "met", "held talks with", "received", "had a meeting with", "held a meeting with",
             "spoke by phone with", "had a phone conversation with", "met here today with", "met separately with"]
NOT_MEETINGS = ["is expected to meet", "will meet", "hopes to meet", "plans to hold talks with",
                "signed an agreement with", "posed for photographs with", "sent a letter to",
                "congratulated", "thanked", "invited", "criticised", "praised"]


@dataclass
class Builder:
    """Writes a document piece by piece and records every entity and relation as it goes."""

    text: str = ""
    entities: list[dict] = field(default_factory=list)
    relations: list[dict] = field(default_factory=list)

    def add(self, piece: str) -> None:
        self.text += piece

    def ent(self, piece: str, label: str) -> str:
        ident = f"T{len(self.entities) + 1}"
        self.entities.append({"id": ident, "start": len(self.text), "end": len(self.text) + len(piece),
                              "label": label})
        self.text += piece
        return ident

    def position(self, person: str, title: str, where: str) -> None:
        """``has_title`` from the person and ``title_at`` to the body or place that holds the title."""
        self.rel(person, title, "has_title")
        self.rel(title, where, "title_at")

    def record(self, ident: str) -> dict:
        """The finished document as an ``ANNOTATION.md`` record (trailing space trimmed)."""
        self.text = self.text.rstrip()
        return {"id": ident, "text": self.text, "entities": self.entities, "relations": self.relations}

    def rel(self, head: str, tail: str, label: str) -> None:
        if label == "met":  # symmetric: the first mention is the head
            starts = {e["id"]: e["start"] for e in self.entities}
            head, tail = sorted((head, tail), key=starts.__getitem__)
        item = {"head": head, "tail": tail, "label": label}
        if item not in self.relations:
            self.relations.append(item)


@dataclass
class Person:
    """A person of the current document: full name, the form used on later mentions."""

    full: str
    short: str
    british: bool = False


def new_person(rng: random.Random) -> Person:
    kind = rng.random()
    if kind < 0.35:
        surname = rng.choice(GIVEN_CN)
        return Person(f"{surname} {rng.choice(NAME_CN)}", surname)
    if kind < 0.7:
        last = rng.choice(LAST_ES)
        return Person(f"{rng.choice(FIRST_ES)} {last}", last.split()[0])
    if kind < 0.88:
        last = rng.choice(LAST_EN)
        return Person(f"{rng.choice(FIRST_EN)} {last}", last, british=True)
    last = rng.choice(LAST_OTHER)
    return Person(f"{rng.choice(FIRST_OTHER)} {last}", last)


def org_mention(b: Builder, rng: random.Random, org: tuple, with_abbreviation: bool | None = None) -> str:
    """``the NAME`` (and maybe `` (ABBR)``); returns the name's id, the one relations link."""
    name, abbreviation, _ = org
    b.add("the ")
    ident = b.ent(name, "ORG")
    if abbreviation and (with_abbreviation if with_abbreviation is not None else rng.random() < 0.4):
        b.add(" (")
        b.ent(abbreviation, "ORG")
        b.add(")")
    return ident


def describe(b: Builder, rng: random.Random, person: Person, style: str | None = None) -> str:
    """Write a person with one of the guideline's descriptions; returns the ``PER`` id."""
    style = style or rng.choice(["of_org", "of_org", "adj_state", "adj_before", "title_before", "org_modifier",
                                 "of_state", "ambassador", "member_of", "member_title",
                                 "bare", "bare", "nickname", "honorific"])
    if style == "of_org":  # Liu Haixing, Minister of the International Department ...,
        p = b.ent(person.full, "PER")
        b.add(", ")
        t = b.ent(rng.choice(ORG_TITLES), "TITLE")
        b.add(" of ")
        b.position(p, t, org_mention(b, rng, rng.choice(ORGS)))
        b.add(",")
        return p
    if style == "adj_state":  # Remigio Ceballos, the Venezuelan Ambassador to China,
        p = b.ent(person.full, "PER")
        b.add(", " + rng.choice(["the ", ""]))
        (_, adj), (country2, _) = rng.sample(GPES, 2)
        g = b.ent(adj, "GPE")
        b.add(" ")
        title = rng.choice(STATE_TITLES + [LONG_AMBASSADOR])
        t = b.ent(title, "TITLE")
        if title.startswith("Ambassador"):
            b.add(" to ")
            b.ent(country2, "GPE")
        b.position(p, t, g)
        b.add(",")
        return p
    if style == "adj_before":  # Cuban Foreign Minister Ana Beatriz Paredes
        g = b.ent(rng.choice(GPES)[1], "GPE")
        b.add(" ")
        t = b.ent(rng.choice(STATE_TITLES), "TITLE")
        b.add(" ")
        p = b.ent(person.full, "PER")
        b.position(p, t, g)
        return p
    if style == "title_before":  # President Mendoza; "Comrade" is a form of address, not a title
        title = rng.choice(PLAIN_TITLES + ["President", "Vice President", "Comrade"])
        if title == "Comrade":
            b.add(title + " ")
            return b.ent(person.full if rng.random() < 0.6 else person.short, "PER")
        t = b.ent(title, "TITLE")
        b.add(" ")
        p = b.ent(person.full if rng.random() < 0.6 else person.short, "PER")
        b.rel(p, t, "has_title")
        return p
    if style == "org_modifier":  # PSUV vice president Diosdado ... / Tory leader Michael Howard
        short = rng.choice([o[2] for o in ORGS if o[2]] + PARTY_NICKNAMES)
        o = b.ent(short, "ORG")
        b.add(" ")
        t = b.ent(rng.choice(NICK_TITLES + ["vice president", "secretary general", "president"]), "TITLE")
        b.add(" ")
        p = b.ent(person.full, "PER")
        b.position(p, t, o)
        return p
    if style == "of_state":  # Jorge Salazar, President of Colombia,
        p = b.ent(person.full, "PER")
        b.add(", ")
        title = rng.choice(["President", "Foreign Minister", "Vice President", "Prime Minister", "Mayor",
                            "Governor", "Minister of Defence", "Ambassador", LONG_AMBASSADOR])
        t = b.ent(title, "TITLE")
        b.add(" of ")
        (country, _), (country2, _) = rng.sample(GPES, 2)
        g = b.ent(rng.choice(CITIES) if title in ("Mayor", "Governor") else country, "GPE")
        if title.startswith("Ambassador") and rng.random() < 0.6:  # the sending state is the one after "of"
            b.add(" to ")
            b.ent(country2, "GPE")
        b.position(p, t, g)
        b.add(",")
        return p
    if style == "ambassador":  # Zhou Ping, China's ambassador to Peru,
        p = b.ent(person.full, "PER")
        b.add(", ")
        (country, _), (country2, _) = rng.sample(GPES, 2)
        g = b.ent(country, "GPE")
        b.add("'s ")
        t = b.ent(rng.choice(["ambassador", "Ambassador", "envoy", "consul general"]), "TITLE")
        b.add(" to ")
        b.ent(country2, "GPE")
        b.position(p, t, g)
        b.add(",")
        return p
    if style == "member_of":  # Simon Hart of the Countryside Alliance / Gastón Saavedra from the Socialist Party
        p = b.ent(person.full, "PER")
        link = rng.choice([" of ", " from ", ", of ", ", who represents ", ", who chairs "])
        b.add(link)
        b.rel(p, org_mention(b, rng, rng.choice(ORGS)), "member_of")
        if link.startswith(","):
            b.add(",")
        return p
    if style == "member_title":  # Zhao Lei, a member of the Central Committee of ...,
        p = b.ent(person.full, "PER")
        b.add(", a ")
        t = b.ent("member", "TITLE")
        b.add(" of ")
        b.position(p, t, org_mention(b, rng, rng.choice(ORGS)))
        b.add(",")
        return p
    if style == "nickname":  # Tory Neil Hamilton
        o = b.ent(rng.choice(PARTY_NICKNAMES), "ORG")
        b.add(" ")
        p = b.ent(person.full, "PER")
        b.rel(p, o, "member_of")
        return p
    if style == "honorific":  # Mr Blair: the honorific stays outside the span
        b.add(rng.choice(HONORIFICS) + " ")
        return b.ent(person.short, "PER")
    return b.ent(person.full, "PER")


def end_sentence(b: Builder, rng: random.Random) -> None:
    if b.text.endswith(","):
        b.text = b.text[:-1]
    b.add(rng.choice([".", ".", ".", f" to discuss {rng.choice(TOPICS)}."]))


def meeting(b: Builder, rng: random.Random) -> None:
    """A meeting that happened: ``met`` between the two named sides."""
    a, c = new_person(rng), new_person(rng)
    form = rng.random()
    if form < 0.12:  # A and B held talks
        pa = describe(b, rng, a)
        b.add(" and ")
        pc = describe(b, rng, c)
        b.add(" " + rng.choice(["held talks", "met", "held a meeting", "met in " + rng.choice(CITIES)]))
        b.add(" " + rng.choice(DATES))
        b.rel(pa, pc, "met")
        end_sentence(b, rng)
        return
    if form < 0.2:  # headline
        pa = b.ent(a.full, "PER")
        b.add(" " + rng.choice(["Meets with", "Meets", "Holds Talks with", "Receives"]) + " ")
        pc = b.ent(c.full, "PER")
        b.rel(pa, pc, "met")
        b.add("\n")
        return
    if form < 0.3:  # In a phone call with B, A said ...
        b.add(rng.choice(["In a phone call with ", "During a meeting with ", "In talks with "]))
        pc = describe(b, rng, c, rng.choice(["of_org", "adj_state", "bare", "ambassador"]))
        if not b.text.endswith(","):
            b.add(",")
        b.add(" ")
        pa = b.ent(a.full, "PER")
        b.add(f" said that {rng.choice(TOPICS)} had made great progress.")
        b.rel(pa, pc, "met")
        return
    pa = describe(b, rng, a)
    b.add(" " + rng.choice(MEET_PAST) + " ")
    if form < 0.42:  # a delegation led by a named person: met links that person
        b.add("a delegation of ")
        if rng.random() < 0.5:
            org_mention(b, rng, rng.choice(ORGS))
        else:
            b.ent(rng.choice(GPES)[1], "GPE")
            b.add(" parliamentarians")
        b.add(" led by ")
        pc = describe(b, rng, c, rng.choice(["of_org", "bare", "member_title"]))
        b.rel(pa, pc, "met")
    elif form < 0.52:  # a delegation named only by an organization: met links the ORG
        b.add("a delegation of ")
        b.rel(pa, org_mention(b, rng, rng.choice(ORGS)), "met")
    elif form < 0.57:  # a delegation named only by a country adjective: no met
        b.add("a ")
        b.ent(rng.choice(GPES)[1], "GPE")
        b.add(" delegation")
    elif form < 0.65:  # two people met at once
        pc = describe(b, rng, c, rng.choice(["bare", "adj_before", "title_before"]))
        b.add(" and ")
        pd = describe(b, rng, new_person(rng), rng.choice(["bare", "adj_before", "title_before"]))
        b.rel(pa, pc, "met")
        b.rel(pa, pd, "met")
    else:
        pc = describe(b, rng, c)
        b.rel(pa, pc, "met")
    if rng.random() < 0.5:
        b.add(" in ")
        b.ent(rng.choice(CITIES), "GPE")
    b.add(" " + rng.choice(DATES))
    end_sentence(b, rng)


def non_meeting(b: Builder, rng: random.Random) -> None:
    """Plans, signings, letters, pronouns and unnamed titles: no ``met``."""
    a, c = new_person(rng), new_person(rng)
    form = rng.random()
    if form < 0.25:  # He met with B / The Chinese ambassador met with B
        if rng.random() < 0.5:
            b.add(rng.choice(["He", "She", "They"]))
        else:
            b.add("The ")
            g = b.ent(rng.choice(GPES)[1], "GPE")
            b.add(" ")
            t = b.ent(rng.choice(["ambassador", "foreign minister", "president", "Ambassador"]), "TITLE")
            b.rel(t, g, "title_at")
        b.add(" " + rng.choice(MEET_PAST) + " ")
        describe(b, rng, c)
    else:
        describe(b, rng, a)
        b.add(" " + rng.choice(NOT_MEETINGS) + " ")
        describe(b, rng, c)
        if rng.random() < 0.3:
            b.add(" in ")
            b.ent(rng.choice(CITIES), "GPE")
        b.add(" " + rng.choice(["next month", "later this year", "on Friday", "soon", "in a statement", ""]).rstrip())
    end_sentence(b, rng)


def statement(b: Builder, rng: random.Random) -> None:
    """A person described and quoted; places elsewhere in the sentence get no ``title_at``."""
    a = new_person(rng)
    if rng.random() < 0.3:
        b.add("According to ")
        describe(b, rng, a)
        if not b.text.endswith(","):
            b.add(",")
        b.add(" ")
        b.ent(rng.choice(GPES)[0], "GPE")
        b.add(f" is ready to deepen {rng.choice(TOPICS)}.")
        return
    describe(b, rng, a)
    b.add(" " + rng.choice(["said", "stressed", "noted", "told reporters", "added"]) + " that ")
    (g1, _), (g2, _) = rng.sample(GPES, 2)
    b.ent(g1, "GPE")
    b.add(" and ")
    b.ent(g2, "GPE")
    b.add(f" would continue to strengthen {rng.choice(TOPICS)}.")


ROSTER_TITLES = ["deputy", "youth secretary", "Minister of Labor", "Vice President for International Affairs",
                 "Secretary of International Relations", "mayor", "governor", "ambassador", "Deputy Foreign Minister",
                 "spokesperson", "Director General", "Head of Protocol", "member", "party secretary", "adviser"]


def roster(b: Builder, rng: random.Random) -> None:
    """A list of attendees in one of three forms: each title right before its holder ("...,
    youth secretary Ana Ortiz, ..."), each holder followed by an apposition ("Ana Ortiz, Minister
    of Labor; ..."), or each title first and its holder after a comma ("the Minister of Labor,
    Ana Ortiz; the mayor of Lima, Luis Rojas; ...")."""
    b.add(rng.choice(["The delegation included ", "Also present were ", "Attending the event were ",
                      "The delegation was made up of "]))
    count = rng.randint(3, 5)
    form = rng.choices(["before", "after", "title_first"], [0.45, 0.3, 0.25])[0]
    for k in range(count):
        if k:
            last = k == count - 1
            if form == "before":
                b.add(" and " if last else ", ")
            else:
                b.add("; and " if last else "; ")
        if form == "before":
            t = b.ent(rng.choice(ROSTER_TITLES), "TITLE")
            b.add(" ")
            b.rel(b.ent(new_person(rng).full, "PER"), t, "has_title")
        elif form == "after":
            p = b.ent(new_person(rng).full, "PER")
            b.add(", ")
            t = b.ent(rng.choice(ROSTER_TITLES + ORG_TITLES), "TITLE")
            b.rel(p, t, "has_title")
            if rng.random() < 0.5:
                b.add(" of ")
                b.rel(t, org_mention(b, rng, rng.choice(ORGS), with_abbreviation=False), "title_at")
        else:
            b.add("the ")
            t = b.ent(rng.choice(ROSTER_TITLES + ORG_TITLES), "TITLE")
            if rng.random() < 0.7:
                b.add(" of ")
                if rng.random() < 0.6:
                    where = org_mention(b, rng, rng.choice(ORGS), with_abbreviation=False)
                else:
                    where = b.ent(rng.choice(GPES)[0], "GPE")
                b.rel(t, where, "title_at")
            b.add(", ")
            b.rel(b.ent(new_person(rng).full, "PER"), t, "has_title")
    b.add(".")


def relative(b: Builder, rng: random.Random) -> None:
    """A holder's relative: kinship is not a title and the relative does not hold the office."""
    opening = rng.choice(["The ", "Also present was the "])
    b.add(opening)
    g = b.ent(rng.choice(GPES)[1], "GPE")
    b.add(" ")
    t = b.ent(rng.choice(["president", "President", "foreign minister", "ambassador", "prime minister"]), "TITLE")
    b.rel(t, g, "title_at")
    b.add(rng.choice(["’s ", "'s "]) + rng.choice(["son", "daughter", "wife", "husband", "brother", "nephew"]) + ", ")
    b.ent(new_person(rng).full, "PER")
    if opening == "The ":
        b.add(", " + rng.choice(["also attended the meeting", "was present at some of the talks",
                                 "travelled with the delegation"]))
    b.add(".")


def group_members(b: Builder, rng: random.Random) -> None:
    """Members of a government or delegation named with titles, and a title shared by two people."""
    if rng.random() < 0.5:
        b.add(rng.choice(["They were accompanied by senior members of the ",
                          "The delegation included members of the "]))
        g = b.ent(rng.choice(GPES)[1], "GPE")
        b.add(rng.choice([" government, including ", " delegation, such as "]))
        people = []
        for k in range(2):
            t = b.ent(rng.choice(["Vice President", "Defence Minister", "Foreign Minister", "Minister of Trade"]),
                      "TITLE")
            b.add(" ")
            p = b.ent(new_person(rng).full, "PER")
            b.rel(p, t, "has_title")
            people.append(p)
            if k == 0:
                b.add(" and ")
        for p in people:
            b.rel(p, g, "member_of")
        b.add(".")
        return
    g = b.ent(rng.choice(GPES)[1], "GPE")
    b.add(" ")
    t = b.ent(rng.choice(["deputies", "ministers", "senators", "diplomats"]), "TITLE")
    b.rel(t, g, "title_at")
    b.add(" ")
    p1 = b.ent(new_person(rng).full, "PER")
    b.add(" and ")
    p2 = b.ent(new_person(rng).full, "PER")
    b.rel(p1, t, "has_title")
    b.rel(p2, t, "has_title")
    b.add(f" also attended the {rng.choice(['ceremony', 'forum', 'event'])}.")


# how often each kind of sentence is drawn by the Spanish, Portuguese and Chinese generators, which
# name their sentence makers alike (romance_examples.py, chinese_examples.py)
LANGUAGE_SENTENCE_MIX = {"meeting": 0.42, "non_meeting": 0.13, "statement": 0.13, "roster": 0.12,
                         "shared_title": 0.06, "members": 0.14}


def sentence_mix(makers: dict[str, Callable], mix: dict[str, float]) -> list[tuple[Callable, float]]:
    """``(maker, weight)`` pairs: the function of each sentence kind of ``mix`` found in ``makers``."""
    return [(makers[name], weight) for name, weight in mix.items()]


SENTENCES: list[tuple[Callable[[Builder, random.Random], None], float]] = [
    (meeting, 0.4), (non_meeting, 0.2), (statement, 0.2), (group_members, 0.1), (roster, 0.12),
    (relative, 0.05),
]


def make_document(rng: random.Random, ident: str, sentences: int) -> dict:
    b = Builder()
    makers, weights = zip(*SENTENCES)
    for i in range(sentences):
        if i and not b.text.endswith("\n"):
            b.add(" ")
        rng.choices(makers, weights)[0](b, rng)
    return b.record(ident)


def generate(documents: int = 24, sentences: int = 8, seed: int = 0) -> list[dict]:
    """``documents`` synthetic documents of ``sentences`` sentences each, the same for the same seed."""
    return generate_with(make_document, "guideline", documents, sentences, seed)


def generate_with(make: Callable[[random.Random, str, int], dict], prefix: str, documents: int, sentences: int,
                  seed: int) -> list[dict]:
    """``documents`` documents written by ``make`` from one seeded random stream, ids ``PREFIX-000``..."""
    rng = random.Random(seed)
    return [make(rng, f"{prefix}-{i:03d}", sentences) for i in range(documents)]


def write_generated(generate_fn: Callable[[int, int, int], list[dict]], description: str, documents: int,
                    argv: list[str] | None = None, sentences: int = 8) -> int:
    """The command line of a generator: ``-o FILE`` plus its document count, sentences and seed."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("-o", "--output", required=True)
    parser.add_argument("--documents", type=int, default=documents)
    parser.add_argument("--sentences", type=int, default=sentences)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    with Path(args.output).open("w", encoding="utf-8") as f:
        for record in generate_fn(args.documents, args.sentences, args.seed):
            f.write(json.dumps(record, ensure_ascii=False) + "\n")
    return 0


def main(argv: list[str] | None = None) -> int:
    return write_generated(generate, __doc__.splitlines()[0], 24, argv)


if __name__ == "__main__":
    raise SystemExit(main())
