"""Synthetic training sentences in Spanish and Portuguese, written to ``ANNOTATION.md`` and the Spanish
and Portuguese sections of ``docs/annotation-decisions.md``.

One grammar for both languages over the word tables of :mod:`romance_words`:
appositions ("X, ministra de Asuntos Exteriores de Cuba, se reunió con Y"), a title before the name
("el canciller Y"), a state adjective after the title ("el presidente chileno, X": ``GPE`` chileno,
title_at), "el presidente de Chile, X", an organization's office ("X, secretario general del Partido
Y (PY)"), ``member_of`` ("X, del Frente Amplio"; "su homólogo cubano, X"), meetings with several
sides, delegations led by a person or named only by a body, "X y Y sostuvieron conversaciones",
"En una conversación telefónica con Y, X ...", plans and letters that are not meetings, rosters,
and a plural title shared by two people. Articles and contractions stay outside every span.
Names and organizations are invented or not in the dev sets; offsets are written as the text is.
"""

from __future__ import annotations

import random

from guideline_examples import LANGUAGE_SENTENCE_MIX, Builder, sentence_mix  # beside this script in data/tools/
from romance_words import WORDS, Org, Person, RomanceWords

__all__ = ["WORDS", "make_document"]


def _person(rng: random.Random, words: RomanceWords, b: Builder) -> Person:
    """A person the document has not named yet."""
    for _ in range(20):
        if rng.random() < 0.2:
            person = rng.choice(words.others)
        else:
            feminine = rng.random() < 0.45
            first = rng.choice(words.women if feminine else words.men)
            person = Person(f"{first} {rng.choice(words.surnames)}", feminine)
        if person.full not in b.text:
            break
    return person


def _org(b: Builder, rng: random.Random, words: RomanceWords, org: Org, bracket: float = 0.4) -> str:
    """``del Partido X (PX)``: the contraction outside, the abbreviation its own mention; returns the name's id."""
    b.add(words.of(org.feminine) + " ")
    ident = b.ent(org.name, "ORG")
    if org.abbreviation and rng.random() < bracket:
        b.add(" (")
        b.ent(org.abbreviation, "ORG")
        b.add(")")
    return ident


def describe(b: Builder, rng: random.Random, words: RomanceWords, person: Person, style: str | None = None) -> str:
    """Write a person with one of the guideline's descriptions; returns the ``PER`` id."""
    style = style or rng.choice(
        [
            "state_apposition",
            "org_apposition",
            "org_apposition",
            "adjective",
            "title_of_state",
            "title_before",
            "ambassador",
            "member_of",
            "bare",
            "bare",
        ]
    )
    article = words.article(person.feminine)
    if style == "state_apposition":  # X, ministra de Asuntos Exteriores de Cuba,
        p = b.ent(person.full, "PER")
        b.add(", ")
        t = b.ent(rng.choice(words.state_titles).of(person), "TITLE")
        place = rng.choice(words.places)
        b.add(f" {words.of_place(place)} ")
        b.position(p, t, b.ent(place.name, "GPE"))
        b.add(",")
        return p
    if style == "org_apposition":  # X, secretario general del Partido Y (PY),
        p = b.ent(person.full, "PER")
        b.add(", ")
        org = rng.choice(words.orgs)
        t = b.ent(words.office_in(org, rng).of(person), "TITLE")
        b.add(" ")
        b.position(p, t, _org(b, rng, words, org))
        b.add(",")
        return p
    if style == "adjective":  # el canciller peruano, X,
        title = rng.choice(words.state_titles[:4] + words.name_titles)
        b.add(article + " ")
        t = b.ent(title.of(person), "TITLE")
        b.add(" ")
        place = rng.choice(words.places)
        g = b.ent(place.feminine if person.feminine else place.masculine, "GPE")
        b.add(", ")
        p = b.ent(person.full, "PER")
        b.position(p, t, g)
        b.add(",")
        return p
    if style == "title_of_state":  # el presidente de Chile, X,
        b.add(article + " ")
        t = b.ent(rng.choice(words.state_titles).of(person), "TITLE")
        place = rng.choice(words.places)
        b.add(f" {words.of_place(place)} ")
        g = b.ent(place.name, "GPE")
        b.add(", ")
        p = b.ent(person.full, "PER")
        b.position(p, t, g)
        b.add(",")
        return p
    if style == "title_before":  # el canciller X
        b.add(article + " ")
        t = b.ent(rng.choice(words.name_titles).of(person), "TITLE")
        b.add(" ")
        p = b.ent(person.full, "PER")
        b.rel(p, t, "has_title")
        return p
    if style == "ambassador":  # X, embajador de Perú en China, (title_at the sending state)
        p = b.ent(person.full, "PER")
        b.add(", ")
        t = b.ent(words.ambassador.of(person), "TITLE")
        sending, receiving = rng.sample(words.places, 2)
        b.add(f" {words.of_place(sending)} ")
        g = b.ent(sending.name, "GPE")
        b.add(" en " if words.language == "es" else (f" n{receiving.article} " if receiving.article else " em "))
        b.ent(receiving.name, "GPE")
        b.position(p, t, g)
        b.add(",")
        return p
    if style == "member_of":  # X, del Frente Amplio,
        p = b.ent(person.full, "PER")
        b.add(", ")
        b.rel(p, _org(b, rng, words, rng.choice(words.orgs), bracket=0.0), "member_of")
        b.add(",")
        return p
    if style == "counterpart":  # su homólogo cubano, X, (member_of the state adjective; no TITLE)
        b.add(words.counterpart[person.feminine] + " ")
        place = rng.choice(words.places)
        g = b.ent(place.feminine if person.feminine else place.masculine, "GPE")
        b.add(", ")
        p = b.ent(person.full, "PER")
        b.rel(p, g, "member_of")
        b.add(",")
        return p
    return b.ent(person.full, "PER")


_ARTICLE_FIRST = ("title_before", "adjective", "title_of_state")


def _object_styles(verb: str, styles: list[str]) -> list[str]:
    """The styles that may follow ``verb``: none that opens with an article after "a" ("recibió a el")."""
    return [s for s in styles if s not in _ARTICLE_FIRST] if verb.endswith(" a") else styles


def _meet_verb_text(b: Builder, rng: random.Random, words: RomanceWords, verb: str) -> bool:
    """Write a meeting verb, sometimes with its date before "con" ("se reunió el martes con");
    whether it wrote a date."""
    head, _, with_word = verb.rpartition(" ")
    if with_word in ("con", "com") and rng.random() < 0.3:
        b.add(f" {head} {rng.choice(words.dates)} {with_word} ")
        return True
    b.add(f" {verb} ")
    return False


def _end(b: Builder, rng: random.Random, words: RomanceWords, dated: bool = False) -> None:
    if b.text.endswith(","):
        b.text = b.text[:-1]
    if not dated and rng.random() < 0.5:
        b.add(" " + rng.choice(words.dates))
    b.add(".")


def meeting(b: Builder, rng: random.Random, words: RomanceWords) -> None:
    """A meeting that happened: ``met`` between the named sides."""
    a, c = _person(rng, words, b), _person(rng, words, b)
    while c.full == a.full:
        c = _person(rng, words, b)
    form = rng.random()
    if form < 0.12:  # X y Y sostuvieron conversaciones
        pa = describe(b, rng, words, a, rng.choice(["bare", "state_apposition", "org_apposition"]))
        b.add(f" {words.and_word} ")
        pc = describe(b, rng, words, c, rng.choice(["bare", "title_before"]))
        b.add(" " + rng.choice(words.meet_together))
        b.rel(pa, pc, "met")
        _end(b, rng, words)
        return
    if form < 0.22:  # En una conversación telefónica con Y, X afirmó que ...
        b.add(rng.choice(words.in_call) + " ")
        pc = describe(b, rng, words, c, rng.choice(["state_apposition", "org_apposition", "bare", "title_before"]))
        if not b.text.endswith(","):
            b.add(",")
        b.add(" ")
        pa = b.ent(a.full, "PER")
        b.add(f" {rng.choice(words.said)} {rng.choice(words.topics)}.")
        b.rel(pa, pc, "met")
        return
    pa = describe(b, rng, words, a)
    dated = False
    if form < 0.34:  # a delegation led by a named person: met links that person
        b.add(f" {words.receive} {words.delegation} ")
        _org(b, rng, words, rng.choice(words.orgs))
        b.add(f" {words.led_by} ")
        pc = describe(b, rng, words, c, rng.choice(["bare", "org_apposition", "state_apposition"]))
        b.rel(pa, pc, "met")
    elif form < 0.44:  # a delegation named only by a body: met links the ORG
        b.add(f" {words.receive} {words.delegation} ")
        b.rel(pa, _org(b, rng, words, rng.choice(words.orgs)), "met")
    elif form < 0.5:  # a delegation named only by a state adjective: no met
        b.add(f" {words.receive} {words.delegation} ")
        place = rng.choice(words.places)
        b.ent(place.feminine, "GPE")
    elif form < 0.65:  # several people met at once: "con X, el canciller Y y Z"
        verb = rng.choice([v for v in words.meet if not v.endswith(" a")])
        dated = _meet_verb_text(b, rng, words, verb)
        count = rng.randint(2, 3)
        for k in range(count):
            if k:
                b.add(f" {words.and_word} " if k == count - 1 else ", ")
            other = c if k == 0 else _person(rng, words, b)
            b.rel(pa, describe(b, rng, words, other, rng.choice(_object_styles(verb, ["bare", "title_before"]))), "met")
    else:
        verb = rng.choice(words.meet)
        dated = _meet_verb_text(b, rng, words, verb)
        styles = _object_styles(
            verb, ["bare", "title_before", "state_apposition", "org_apposition", "adjective", "counterpart"]
        )
        b.rel(pa, describe(b, rng, words, c, rng.choice(styles)), "met")
    if rng.random() < 0.4:
        b.add(" en " if words.language == "es" else " em ")
        b.ent(rng.choice(words.cities), "GPE")
    _end(b, rng, words, dated)


def non_meeting(b: Builder, rng: random.Random, words: RomanceWords) -> None:
    """Plans, agreements, letters: no ``met``."""
    describe(b, rng, words, _person(rng, words, b))
    verb = rng.choice(words.not_meetings)
    b.add(" " + verb + " ")
    describe(
        b,
        rng,
        words,
        _person(rng, words, b),
        rng.choice(_object_styles(verb, ["bare", "state_apposition", "org_apposition", "title_before"])),
    )
    _end(b, rng, words)


def statement(b: Builder, rng: random.Random, words: RomanceWords) -> None:
    """A person described and quoted; the places of the quote get no ``title_at``."""
    describe(b, rng, words, _person(rng, words, b))
    b.add(f" {rng.choice(words.say_verbs)} que ")
    for k, place in enumerate(rng.sample(words.places, 2)):
        if k:
            b.add(f" {words.and_word} ")
        if words.language == "pt" and place.article:  # "o Peru e a Bolívia"
            b.add(place.article + " ")
        b.ent(place.name, "GPE")
    b.add(f" {words.continue_verb} {rng.choice(words.topics)}.")


def roster(b: Builder, rng: random.Random, words: RomanceWords) -> None:
    """Attendees, each title first and its holder after a comma ("la alcaldesa de Lima, X; ...")."""
    b.add(rng.choice(words.roster_openings) + " ")
    count = rng.randint(2, 4)
    for k in range(count):
        if k:
            b.add(f"; {words.and_word} " if k == count - 1 else "; ")
        person = _person(rng, words, b)
        b.add(words.article(person.feminine) + " ")
        if rng.random() < 0.5:
            t = b.ent(rng.choice(words.state_titles).of(person), "TITLE")
            place = rng.choice(words.places)
            b.add(f" {words.of_place(place)} ")
            where = b.ent(place.name, "GPE")
        else:
            org = rng.choice(words.orgs)
            t = b.ent(words.office_in(org, rng).of(person), "TITLE")
            b.add(" ")
            where = _org(b, rng, words, org, bracket=0.0)
        b.rel(t, where, "title_at")
        b.add(", ")
        b.rel(b.ent(person.full, "PER"), t, "has_title")
    b.add(".")


def shared_title(b: Builder, rng: random.Random, words: RomanceWords) -> None:
    """ "los diputados X y Y": one plural title, a ``has_title`` from each holder."""
    b.add(("Los " if words.language == "es" else "Os "))
    t = b.ent(rng.choice(words.plural_titles), "TITLE")
    b.add(" ")
    p1 = b.ent(_person(rng, words, b).full, "PER")
    b.add(f" {words.and_word} ")
    p2 = b.ent(_person(rng, words, b).full, "PER")
    b.rel(p1, t, "has_title")
    b.rel(p2, t, "has_title")
    b.add(f" {rng.choice(words.also_attended)}.")


def members(b: Builder, rng: random.Random, words: RomanceWords) -> None:
    """``member_of`` with no title between: activists of a body ("las activistas del Frente Amplio X y Y",
    decision es 25), members of a government ("altos integrantes del Gobierno cubano, entre ellos la
    vicepresidenta X": has_title and member_of the state), and "X, del Partido Y, y Z, del Partido W"."""
    form = rng.random()
    if form < 0.35:
        first, second = _person(rng, words, b), None
        b.add(words.activists[first.feminine] + " ")
        o = _org(b, rng, words, rng.choice(words.orgs), bracket=0.0)
        b.add(" ")
        p1 = b.ent(first.full, "PER")
        b.add(f" {words.and_word} ")
        second = _person(rng, words, b)
        p2 = b.ent(second.full, "PER")
        b.rel(p1, o, "member_of")
        b.rel(p2, o, "member_of")
        b.add(f" {rng.choice(words.also_attended)}.")
        return
    if form < 0.65:
        opening, _, rest = words.government_members.partition("{adj}")
        b.add(opening)
        place = rng.choice(words.places)
        g = b.ent(place.masculine, "GPE")
        b.add(rest + " ")
        count = rng.randint(1, 2)
        for k in range(count):
            if k:
                b.add(f" {words.and_word} ")
            person = _person(rng, words, b)
            b.add(words.article(person.feminine) + " ")
            t = b.ent(rng.choice(words.name_titles[:2] + words.state_titles[:4]).of(person), "TITLE")
            b.add(" ")
            p = b.ent(person.full, "PER")
            b.rel(p, t, "has_title")
            b.rel(p, g, "member_of")
        b.add(".")
        return
    sides = []
    for k in range(2):
        if k:
            b.add(f" {words.and_word} ")
        sides.append(describe(b, rng, words, _person(rng, words, b), "member_of"))
    b.add(" firmaron un comunicado conjunto" if words.language == "es" else " assinaram um comunicado conjunto")
    _end(b, rng, words)


SENTENCES = sentence_mix(globals(), LANGUAGE_SENTENCE_MIX)


def make_document(rng: random.Random, ident: str, sentences: int, words: RomanceWords) -> dict:
    b = Builder()
    makers, weights = zip(*SENTENCES)
    for i in range(sentences):
        if i:
            b.add(" ")
        start = len(b.text)
        rng.choices(makers, weights)[0](b, rng, words)
        b.text = b.text[:start] + b.text[start].upper() + b.text[start + 1 :]  # same length: offsets hold
    return b.record(ident)
