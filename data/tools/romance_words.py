"""The word tables of the Spanish and Portuguese guideline examples (:mod:`romance_examples`): names,
bodies, states, titles in both genders, and the phrases of meetings, plans and rosters.

Names and bodies are invented or absent from the dev sets (a test checks); articles and
contractions are kept apart from the names so that spans never hold them.
"""

from __future__ import annotations

import random
from dataclasses import dataclass


@dataclass(frozen=True)
class Person:
    full: str
    feminine: bool


@dataclass(frozen=True)
class Org:
    """A body, its bracketed abbreviation, whether its article is feminine, and whether it is a party."""

    name: str
    abbreviation: str | None
    feminine: bool
    party: bool = True


@dataclass(frozen=True)
class Place:
    """A state: its name, the article Portuguese writes before it ("o Peru"; "" for "Cuba"), and its
    masculine and feminine adjectives."""

    name: str
    article: str
    masculine: str
    feminine: str


@dataclass(frozen=True)
class Title:
    masculine: str
    feminine: str

    def of(self, person: Person) -> str:
        return self.feminine if person.feminine else self.masculine


@dataclass(frozen=True)
class RomanceWords:
    """What the grammar needs of one language."""

    language: str
    men: list[str]
    women: list[str]
    surnames: list[str]
    others: list[Person]  # names from elsewhere: "Huang Mingyu", "Thandiwe Okonkwo"
    orgs: list[Org]
    places: list[Place]
    cities: list[str]
    state_titles: list[Title]  # held for a state: "ministro de Asuntos Exteriores de Cuba"
    party_titles: list[Title]  # held in a party: "secretario general del Partido X"
    body_titles: list[Title]  # held in another body: "directora general de la Comisión X"
    name_titles: list[Title]  # before a name: "el canciller X"
    ambassador: Title
    articles: tuple[str, str]  # masculine, feminine: el/la, o/a
    of_articles: tuple[str, str]  # del/de la, do/da
    and_word: str
    meet: list[str]  # X <meet> Y
    meet_together: list[str]  # X and Y <meet_together>
    in_call: list[str]  # "En una conversación telefónica con" Y, X ...
    said: list[str]  # "X afirmó que se avanzó en" + topic (with its article)
    say_verbs: list[str]  # "X afirmó que" + clause
    receive: str
    not_meetings: list[str]
    delegation: str  # "una delegación"
    led_by: str
    counterpart: tuple[str, str]  # "su homólogo", "su homóloga"
    dates: list[str]
    topics: list[str]
    continue_verb: str  # "{A} y {B} seguirán fortaleciendo"
    roster_openings: list[str]
    plural_titles: list[str]
    also_attended: list[str]
    activists: tuple[str, str]  # "Las activistas" (not a title: member_of the body), "Los activistas"
    government_members: str  # "altos integrantes del Gobierno {adj}, entre ellos" (member_of the state)

    def office_in(self, org: Org, rng: random.Random) -> Title:
        return rng.choice(self.party_titles if org.party else self.body_titles)

    def article(self, feminine: bool) -> str:
        return self.articles[feminine]

    def of(self, feminine: bool) -> str:
        return self.of_articles[feminine]

    def of_place(self, place: Place) -> str:
        """ "de Cuba" / Portuguese "do Peru", "da Bolívia"."""
        if self.language == "pt" and place.article:
            return self.of(place.article == "a")
        return "de"


_MEN_ES = [
    "Joaquín",
    "Ernesto",
    "Gustavo",
    "Rodrigo",
    "Mauricio",
    "Alfonso",
    "Sebastián",
    "Leonardo",
    "Ignacio",
    "Emilio",
    "Gonzalo",
    "Hernán",
    "Agustín",
    "Marcelo",
]
_WOMEN_ES = [
    "Verónica",
    "Paola",
    "Ximena",
    "Lorena",
    "Beatriz",
    "Claudia",
    "Inés",
    "Mercedes",
    "Yolanda",
    "Carolina",
    "Silvina",
    "Milagros",
    "Graciela",
    "Noemí",
]
_SURNAMES_ES = [
    "Arriagada",
    "Benavides",
    "Cifuentes",
    "Del Valle",
    "Espinoza",
    "Figueroa",
    "Galindo",
    "Irigoyen",
    "Jaramillo",
    "Lescano",
    "Maldonado",
    "Olmedo",
    "Pizarro",
    "Quiroga",
    "Saavedra",
    "Tapia",
    "Valdivia",
    "Zúñiga",
]
_MEN_PT = [
    "Anderson",
    "Cláudio",
    "Edson",
    "Fábio",
    "Gilberto",
    "Henrique",
    "Jairo",
    "Leandro",
    "Mauro",
    "Otávio",
    "Reinaldo",
    "Sérgio",
    "Valdir",
    "Wellington",
]
_WOMEN_PT = [
    "Aline",
    "Bruna",
    "Cristiane",
    "Débora",
    "Eliane",
    "Fabiana",
    "Gisele",
    "Jussara",
    "Luciana",
    "Márcia",
    "Patrícia",
    "Rosângela",
    "Simone",
    "Tatiane",
]
_SURNAMES_PT = [
    "Albuquerque",
    "Bezerra",
    "Cavalcanti",
    "Dantas",
    "Esteves",
    "Figueiredo",
    "Guimarães",
    "Leitão",
    "Magalhães",
    "Nogueira",
    "Pacheco",
    "Queiroz",
    "Rezende",
    "Siqueira",
    "Teixeira",
    "Vasconcelos",
]
_OTHERS = [
    Person("Huang Mingyu", False),
    Person("Zhou Lanfang", True),
    Person("Pham Van Thanh", False),
    Person("Thandiwe Okonkwo", True),
    Person("Feng Jiayi", True),
    Person("Tang Wenbo", False),
    Person("Kwesi Mensah", False),
    Person("Souphanh Keomany", False),
]

SPANISH = RomanceWords(
    language="es",
    men=_MEN_ES,
    women=_WOMEN_ES,
    surnames=_SURNAMES_ES,
    others=_OTHERS,
    orgs=[
        Org("Partido Comunista de Cuba", "PCC", False),
        Org("Frente Amplio", None, False),
        Org("Movimiento al Socialismo", "MAS", False),
        Org("Partido de la Revolución Democrática", "PRD", False),
        Org("Frente Sandinista de Liberación Nacional", "FSLN", False),
        Org("Asociación del Pueblo Chino para la Amistad con el Extranjero", None, True, party=False),
        Org("Asamblea Popular Nacional", "APN", True, party=False),
        Org("Parlamento Latinoamericano", "Parlatino", False, party=False),
        Org("Partido Popular Revolucionario Lao", "PPRL", False),
        Org("Congreso Nacional Africano", "CNA", False),
        Org("Comisión de Relaciones Exteriores de la Asamblea Nacional", None, True, party=False),
        Org("Banco de Desarrollo de América Latina", None, False, party=False),
        Org("Partido Socialista de Chile", None, False),
        Org("Comité Central del Partido Comunista de Vietnam", None, False),
    ],
    places=[
        Place("Cuba", "", "cubano", "cubana"),
        Place("Perú", "", "peruano", "peruana"),
        Place("Bolivia", "", "boliviano", "boliviana"),
        Place("Uruguay", "", "uruguayo", "uruguaya"),
        Place("Ecuador", "", "ecuatoriano", "ecuatoriana"),
        Place("Panamá", "", "panameño", "panameña"),
        Place("Chile", "", "chileno", "chilena"),
        Place("Argentina", "", "argentino", "argentina"),
        Place("Colombia", "", "colombiano", "colombiana"),
        Place("México", "", "mexicano", "mexicana"),
        Place("Vietnam", "", "vietnamita", "vietnamita"),
        Place("Sudáfrica", "", "sudafricano", "sudafricana"),
        Place("China", "", "chino", "china"),
        Place("Venezuela", "", "venezolano", "venezolana"),
    ],
    cities=[
        "Lima",
        "La Habana",
        "Quito",
        "Montevideo",
        "La Paz",
        "Hanói",
        "Santiago",
        "Bogotá",
        "Guangzhou",
        "Ciudad de Panamá",
        "Cantón",
        "Maracaibo",
    ],
    state_titles=[
        Title("presidente", "presidenta"),
        Title("ministro de Asuntos Exteriores", "ministra de Asuntos Exteriores"),
        Title("vicepresidente", "vicepresidenta"),
        Title("ministro de Defensa", "ministra de Defensa"),
        Title("ministro de Economía y Finanzas", "ministra de Economía y Finanzas"),
        Title("viceministro de Relaciones Exteriores", "viceministra de Relaciones Exteriores"),
        Title("ministro del Trabajo", "ministra del Trabajo"),
        Title("vicecanciller", "vicecanciller"),
        Title("expresidente", "expresidenta"),
        Title("primer ministro", "primera ministra"),
    ],
    party_titles=[
        Title("secretario general", "secretaria general"),
        Title("presidente", "presidenta"),
        Title("vicepresidente de Asuntos Internacionales", "vicepresidenta de Asuntos Internacionales"),
        Title("miembro", "miembro"),
        Title("portavoz", "portavoz"),
        Title("secretario de Relaciones Internacionales", "secretaria de Relaciones Internacionales"),
    ],
    body_titles=[
        Title("presidente", "presidenta"),
        Title("vicepresidente", "vicepresidenta"),
        Title("director general", "directora general"),
        Title("miembro", "miembro"),
        Title("secretario general", "secretaria general"),
        Title("portavoz", "portavoz"),
    ],
    name_titles=[
        Title("canciller", "canciller"),
        Title("presidente", "presidenta"),
        Title("diputado", "diputada"),
        Title("vicepresidente", "vicepresidenta"),
        Title("general", "general"),
        Title("gobernador", "gobernadora"),
        Title("alcalde", "alcaldesa"),
    ],
    ambassador=Title("embajador", "embajadora"),
    articles=("el", "la"),
    of_articles=("del", "de la"),
    and_word="y",
    meet=[
        "se reunió con",
        "sostuvo una reunión con",
        "mantuvo un encuentro con",
        "se reunió por separado con",
        "sostuvo una conversación telefónica con",
        "sostuvo una videoconferencia con",
        "habló por teléfono con",
        "recibió a",
    ],
    meet_together=[
        "sostuvieron conversaciones",
        "se reunieron",
        "sostuvieron una reunión de trabajo",
        "mantuvieron una conversación telefónica",
    ],
    in_call=["En una conversación telefónica con", "Durante una reunión con", "En una videoconferencia con"],
    said=["afirmó que se avanzó en", "destacó los avances en", "valoró", "señaló los logros en"],
    say_verbs=["afirmó", "señaló", "destacó", "subrayó"],
    receive="recibió a",
    not_meetings=[
        "se reunirá con",
        "espera reunirse con",
        "tiene previsto reunirse con",
        "firmó un acuerdo con",
        "envió una carta a",
        "felicitó a",
        "agradeció a",
        "posó para las fotos con",
    ],
    delegation="una delegación",
    led_by="encabezada por",
    counterpart=("su homólogo", "su homóloga"),
    dates=[
        "el lunes",
        "el martes",
        "este miércoles",
        "el jueves pasado",
        "el 26 de noviembre",
        "el 3 de marzo",
        "el 18 de abril de 2024",
        "ayer",
        "la semana pasada",
    ],
    topics=[
        "la cooperación bilateral",
        "el comercio y la inversión",
        "los intercambios entre partidos",
        "la cooperación agrícola",
        "los proyectos de energía",
        "la educación y la cultura",
    ],
    continue_verb="seguirán fortaleciendo",
    roster_openings=["En el encuentro estuvieron presentes", "Participaron también", "Asistieron a la reunión"],
    plural_titles=["diputados", "ministros", "senadores", "embajadores"],
    also_attended=["también asistieron a la ceremonia", "participaron en el foro", "estuvieron presentes en el acto"],
    activists=("Las activistas", "Los activistas"),
    government_members="Asistieron altos integrantes del Gobierno {adj}, entre ellos",
)

PORTUGUESE = RomanceWords(
    language="pt",
    men=_MEN_PT,
    women=_WOMEN_PT,
    surnames=_SURNAMES_PT,
    others=_OTHERS,
    orgs=[
        Org("Partido Comunista de Cuba", "PCC", False),
        Org("Frente Ampla", None, True),
        Org("Movimento ao Socialismo", "MAS", False),
        Org("Partido da Revolução Democrática", "PRD", False),
        Org("Frente Sandinista de Libertação Nacional", "FSLN", True),
        Org("Associação do Povo Chinês para a Amizade com os Países Estrangeiros", None, True, party=False),
        Org("Assembleia Popular Nacional", "APN", True, party=False),
        Org("Parlamento Latino-Americano", "Parlatino", False, party=False),
        Org("Partido Popular Revolucionário do Laos", "PPRL", False),
        Org("Congresso Nacional Africano", "CNA", False),
        Org("Comissão de Relações Exteriores da Assembleia Nacional", None, True, party=False),
        Org("Banco de Desenvolvimento da América Latina", None, False, party=False),
        Org("Partido Socialista do Chile", None, False),
        Org("Comitê Central do Partido Comunista do Vietnã", None, False),
    ],
    places=[
        Place("Cuba", "", "cubano", "cubana"),
        Place("Peru", "o", "peruano", "peruana"),
        Place("Bolívia", "a", "boliviano", "boliviana"),
        Place("Uruguai", "o", "uruguaio", "uruguaia"),
        Place("Equador", "o", "equatoriano", "equatoriana"),
        Place("Panamá", "o", "panamenho", "panamenha"),
        Place("Chile", "o", "chileno", "chilena"),
        Place("Argentina", "a", "argentino", "argentina"),
        Place("Colômbia", "a", "colombiano", "colombiana"),
        Place("México", "o", "mexicano", "mexicana"),
        Place("Vietnã", "o", "vietnamita", "vietnamita"),
        Place("Angola", "", "angolano", "angolana"),
        Place("China", "a", "chinês", "chinesa"),
        Place("Venezuela", "a", "venezuelano", "venezuelana"),
    ],
    cities=[
        "Lima",
        "Havana",
        "Quito",
        "Montevidéu",
        "La Paz",
        "Hanói",
        "Santiago",
        "Bogotá",
        "Cantão",
        "Luanda",
        "Recife",
        "Xangai",
    ],
    state_titles=[
        Title("presidente", "presidente"),
        Title("ministro das Relações Exteriores", "ministra das Relações Exteriores"),
        Title("vice-presidente", "vice-presidente"),
        Title("ministro da Defesa", "ministra da Defesa"),
        Title("ministro da Economia e Finanças", "ministra da Economia e Finanças"),
        Title("vice-ministro das Relações Exteriores", "vice-ministra das Relações Exteriores"),
        Title("ministro do Trabalho", "ministra do Trabalho"),
        Title("vice-chanceler", "vice-chanceler"),
        Title("ex-presidente", "ex-presidente"),
        Title("primeiro-ministro", "primeira-ministra"),
    ],
    party_titles=[
        Title("secretário-geral", "secretária-geral"),
        Title("presidente", "presidente"),
        Title("vice-presidente de Assuntos Internacionais", "vice-presidente de Assuntos Internacionais"),
        Title("membro", "membro"),
        Title("porta-voz", "porta-voz"),
        Title("secretário de Relações Internacionais", "secretária de Relações Internacionais"),
    ],
    body_titles=[
        Title("presidente", "presidente"),
        Title("vice-presidente", "vice-presidente"),
        Title("diretor-geral", "diretora-geral"),
        Title("membro", "membro"),
        Title("secretário-geral", "secretária-geral"),
        Title("porta-voz", "porta-voz"),
    ],
    name_titles=[
        Title("chanceler", "chanceler"),
        Title("presidente", "presidente"),
        Title("deputado", "deputada"),
        Title("vice-presidente", "vice-presidente"),
        Title("general", "general"),
        Title("governador", "governadora"),
        Title("prefeito", "prefeita"),
    ],
    ambassador=Title("embaixador", "embaixadora"),
    articles=("o", "a"),
    of_articles=("do", "da"),
    and_word="e",
    meet=[
        "reuniu-se com",
        "teve uma reunião com",
        "encontrou-se com",
        "reuniu-se separadamente com",
        "teve um telefonema com",
        "teve uma videoconferência com",
        "conversou por telefone com",
        "recebeu",
    ],
    meet_together=[
        "tiveram conversações",
        "reuniram-se",
        "tiveram uma reunião de trabalho",
        "tiveram uma conversa telefônica",
    ],
    in_call=["Em conversa telefônica com", "Durante uma reunião com", "Em videoconferência com"],
    said=["destacou", "elogiou", "ressaltou", "valorizou"],
    say_verbs=["afirmou", "disse", "destacou", "ressaltou"],
    receive="recebeu",
    not_meetings=[
        "vai se reunir com",
        "deverá se encontrar com",
        "pretende se reunir com",
        "assinou um acordo com",
        "enviou uma carta a",
        "parabenizou",
        "agradeceu a",
        "posou para fotos com",
    ],
    delegation="uma delegação",
    led_by="chefiada por",
    counterpart=("seu homólogo", "sua homóloga"),
    dates=[
        "na segunda-feira",
        "nesta terça-feira",
        "na quarta-feira passada",
        "em 26 de novembro",
        "no dia 3 de março",
        "em 18 de abril de 2024",
        "ontem",
        "na semana passada",
    ],
    topics=[
        "a cooperação bilateral",
        "o comércio e o investimento",
        "os intercâmbios entre partidos",
        "a cooperação agrícola",
        "os projetos de energia",
        "a educação e a cultura",
    ],
    continue_verb="continuarão a fortalecer",
    roster_openings=["Participaram do encontro", "Estiveram presentes também", "Acompanharam a reunião"],
    plural_titles=["deputados", "ministros", "senadores", "embaixadores"],
    also_attended=["também participaram da cerimônia", "estiveram no fórum", "acompanharam o ato"],
    activists=("As ativistas", "Os ativistas"),
    government_members="Estiveram presentes altos integrantes do governo {adj}, entre eles",
)

WORDS = {"es": SPANISH, "pt": PORTUGUESE}
