"""The words of meeting cues per language: what says a meeting happened, its mode and its place.

:mod:`.cues` reads English, Spanish and Portuguese with the same rules over these word lists
("X met with Y", "X se reunió con Y", "X reuniu-se com Y"); Chinese has rules of its own
(:mod:`.cues_zh`) and only its meeting and mode words are here.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

_EN_DATE_WORDS = """january february march april may june july august september october november december
monday tuesday wednesday thursday friday saturday sunday"""
_ES_DATE_WORDS = """enero febrero marzo abril mayo junio julio agosto septiembre setiembre octubre noviembre diciembre
lunes martes miércoles jueves viernes sábado domingo de del"""
_PT_DATE_WORDS = """janeiro fevereiro março abril maio junho julho agosto setembro outubro novembro dezembro
segunda terça quarta quinta sexta feira sábado domingo de"""


@dataclass(frozen=True)
class CueWords:
    """One language's meeting words for the rules of :mod:`.cues`.

    ``cue``: a meeting that happened ("met with", "se reunió con"); ``plan``: words right before a
    cue that make it a plan; ``stop``: words after a cue that end its object; ``new_clause``: a verb
    after a conjunction; ``in_talks``: "in a phone call with"; ``their``: "their talks";
    ``lead_words``: what may stand between a cue and the side it met; ``glue``: what joins
    coordinated sides; ``list_joint``: what lists sides; ``conjunction``: "and"; ``pronoun``: a
    subject pronoun; ``delegation``, ``led_by``: "a delegation of X led by Y"; ``receives``: a cue
    whose object is the other side ("received"); ``with_end``: a cue that needs its object.
    """

    cue: re.Pattern
    plan: re.Pattern
    stop: re.Pattern
    new_clause: re.Pattern
    in_talks: re.Pattern
    their: re.Pattern
    lead_words: frozenset[str]
    glue: re.Pattern
    list_joint: re.Pattern
    conjunction: re.Pattern
    pronoun: re.Pattern
    delegation: re.Pattern
    led_by: re.Pattern
    receives: re.Pattern
    with_end: re.Pattern


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


ENGLISH = CueWords(
    cue=re.compile(
        r"\b(?:met(?: separately)?(?: with)?|meets(?: with)?|(?:is|are|was|were) meeting(?: with)?|"
        r"(?:held|holds|had|has) (?:a |an )?(?:official |bilateral |working )?(?:meeting|talks|conversation)s?"
        r"(?: with)?|received|receives|spoke by (?:tele)?phone with|(?:held|had) (?:a )?(?:tele)?phone "
        r"(?:call|conversation) with)\b", re.I),
    plan=re.compile(r"\b(?:will|would|to|plans? to|expected to|hopes? to|could|may|might)\s+(?:\w+\s+)?$", re.I),
    stop=re.compile(r"\b(?:where|which|who|whom|while|whereas|to discuss|after|before|during|but)\b|[;:]"),
    # "and provided an overview of X", ", said X": a verb after the conjunction starts a new clause
    new_clause=re.compile(r"(?:,|\band)\s+(?:\w+ly\s+)?(?:\w+ed|said|told|took|went|gave|made|held|met|left|spoke)\b",
                          re.I),
    in_talks=re.compile(r"\b(?:in|during) (?:a |an |his |her |their |the )?(?:(?:tele)?phone call|telephone "
                        r"conversation|talks|meeting|conversation) with\b", re.I),
    their=re.compile(r"\btheir (?:talks|meeting|meetings|conversation|discussions)\b", re.I),
    # words that may stand between a meeting word and the side it met ("met here today with", "received
    # the visiting delegation of"); anything else ("received a letter from") is not a meeting with that side
    lead_words=_words("""here today yesterday tonight on in at with the a an delegation of separately also his her
their its visiting counterpart led by parliamentarians lawmakers officials mr mrs ms dr sir dame lord lady this last
morning afternoon evening night week month th st nd rd and """ + _EN_DATE_WORDS),
    glue=re.compile(r"(?:[\s,]|\b(?:and|the|a|an|of|to|for|at|in)\b|['’]s\b)*"),
    list_joint=re.compile(r",|\band\b|\bas well as\b"),
    conjunction=re.compile(r"\band\b"),
    pronoun=re.compile(r"\b(?:he|she|they|it)\b"),
    delegation=re.compile(r"delegation"),
    led_by=re.compile(r"\bled by\b"),
    receives=re.compile(r"receiv", re.I),
    with_end=re.compile(r"with$", re.I),
)

SPANISH = CueWords(
    cue=re.compile(
        r"\b(?:se (?:reunió|reúne|reunieron|reúnen|entrevistó|entrevistaron|encontró|encontraron)"
        r"(?: por separado)?(?: con)?|"
        r"(?:sostuvo|sostuvieron|sostiene|mantuvo|mantuvieron|mantiene|celebró|celebraron|tuvo|tuvieron)"
        r" (?:una |un |las |unas )?(?:reuni[oó]n(?:es)?|encuentros?|conversaci[oó]n(?:es)?|llamada|videoconferencia"
        r"|videollamada)(?: (?:oficial(?:es)?|bilateral(?:es)?|de trabajo|telef[oó]nica|privada))?(?: con)?|"
        r"recibió|recibe|recibieron|conversó(?: por teléfono| telefónicamente)?(?: con)?|conversaron|"
        r"habló por teléfono con)(?!\w)", re.I),
    plan=re.compile(r"\b(?:va a|van a|prevé|prevén|planea|espera|esperan|podría|podrían|debe|deberá)\s+"
                    r"(?:\w+\s+)?$", re.I),
    stop=re.compile(r"\b(?:donde|cual|quien|quienes|mientras|para (?:discutir|abordar|analizar|revisar)|después"
                    r"|antes|durante|pero|que)\b|[;:]"),  # case-sensitive: "MAS" is a party
    new_clause=re.compile(r"(?:,|\by)\s+(?:\w+mente\s+)?(?:\w+(?:ó|ió|aron|ieron)|dijo|hizo|fue)(?!\w)", re.I),
    in_talks=re.compile(r"\b(?:en|durante) (?:una |un |la |el |su |sus )?(?:conversaci[oó]n telef[oó]nica|llamada"
                        r"(?: telef[oó]nica)?|conversaciones|reuni[oó]n|encuentro|videoconferencia) con\b", re.I),
    their=re.compile(r"\b(?:tras|después de|en) sus (?:conversaciones|reuniones|reunión|encuentros?)\b", re.I),
    lead_words=_words("""con a al el la los las un una unos unas de del en aquí hoy ayer este esta su sus también
delegación visitante homólogo homóloga separado separadamente encabezada liderada presidida por y sr sra dr señor señora
mañana tarde noche semana mes""" + "\n" + _ES_DATE_WORDS),
    glue=re.compile(r"(?:[\s,]|\b(?:y|e|el|la|los|las|de|del|al|a|para|en)\b)*", re.I),
    list_joint=re.compile(r",|\by\b|\basí como\b", re.I),
    conjunction=re.compile(r"\b[ye]\b"),
    pronoun=re.compile(r"\b(?:él|ella|ellos|ellas)(?!\w)"),
    delegation=re.compile(r"delegación"),
    led_by=re.compile(r"\b(?:encabezada|liderada|presidida|dirigida) por\b"),
    receives=re.compile(r"recib", re.I),
    with_end=re.compile(r"con$", re.I),
)

PORTUGUESE = CueWords(
    cue=re.compile(
        r"(?<!\w)(?:(?:reuniu-se|reúne-se|reuniram-se|reúnem-se|encontrou-se|encontraram-se|se reuniu|se reúne"
        r"|se reuniram|se encontrou|se encontraram)(?: separadamente)?(?: com)?|"
        r"(?:teve|tiveram|manteve|mantiveram|realizou|realizaram|mantém|tem)"
        r" (?:uma |um |as |os )?(?:reuni[aã]o|reuni[oõ]es|encontros?|conversas?|conversa[çc][oõ]es|telefonema"
        r"|videoconfer[eê]ncia|liga[çc][aã]o)(?: (?:oficial|oficiais|bilateral|bilaterais|de trabalho"
        r"|telef[oô]nica|privada))?(?: com)?|"
        r"recebeu|recebe|receberam|conversou(?: por telefone)?(?: com)?|conversaram|falou por telefone com"
        r"|telefonou para)(?!\w)", re.I),
    plan=re.compile(r"\b(?:vai|vão|deve|devem|deverá|pretende|pretendem|espera|planeja|poderá)\s+(?:\w+\s+)?$",
                    re.I),
    stop=re.compile(r"\b(?:onde|qual|quem|enquanto|para (?:discutir|abordar|analisar|revisar)|depois|antes"
                    r"|durante|mas|que)\b|[;:]"),
    new_clause=re.compile(r"(?:,|\be)\s+(?:\w+mente\s+)?(?:\w+(?:ou|eu|iu|aram|eram|iram)|disse|fez|foi)(?!\w)",
                          re.I),
    in_talks=re.compile(r"(?<!\w)(?:em|durante|numa|num|na|no) (?:uma |um |a |o |sua |seu |suas )?"
                        r"(?:conversa telef[oô]nica|telefonema|liga[çc][aã]o(?: telef[oô]nica)?|conversa[çc][oõ]es"
                        r"|conversas?|reuni[aã]o|encontro|videoconfer[eê]ncia) com(?!\w)", re.I),
    their=re.compile(r"(?<!\w)(?:após|depois de|em|nas|nos) (?:suas|seus|as|os) (?:conversa[çc][oõ]es|conversas"
                     r"|reuni[oõ]es|encontros)(?!\w)", re.I),
    lead_words=_words("""com o a os as um uma ao à do da dos das de no na nos nas em nesta neste hoje ontem aqui também
delegação visitante homólogo homóloga separadamente chefiada liderada encabeçada presidida por pela pelo e sr sra
dr senhor senhora manhã tarde noite semana mês dia""" + "\n" + _PT_DATE_WORDS),
    glue=re.compile(r"(?:[\s,]|(?<!\w)(?:e|o|a|os|as|de|do|da|dos|das|ao|à|para|em|no|na)(?!\w))*", re.I),
    list_joint=re.compile(r",|(?<!\w)e(?!\w)|\bbem como\b|\bassim como\b", re.I),
    conjunction=re.compile(r"(?<!\w)e(?!\w)"),
    pronoun=re.compile(r"(?<!\w)(?:ele|ela|eles|elas)(?!\w)"),
    delegation=re.compile(r"delegação"),
    led_by=re.compile(r"(?<!\w)(?:chefiada|liderada|encabeçada|presidida|dirigida) por\b"),
    receives=re.compile(r"receb", re.I),
    with_end=re.compile(r"(?:com|para)$", re.I),
)

CUE_WORDS = {"en": ENGLISH, "es": SPANISH, "pt": PORTUGUESE}

# the mode of a meeting, from the words of its sentence (any language: the lists do not collide)
VIDEO = re.compile(r"\b(?:video|videoconference|video link|virtual(?:ly)?|online|videoconferencia|videollamada"
                   r"|videoconferência|videochamada|por v[ií]deo|en l[ií]nea)\b|视频|网络会晤|云会晤", re.I)
PHONE = re.compile(r"\b(?:phone|telephone|call|tel[eé]fono|telef[oó]nic[ao]|telefónicamente|llamada|telefone"
                   r"|telefônic[ao]|telefonema|telefonou|liga[çc][aã]o)\b|电话|通话", re.I)
IN_PERSON = re.compile(
    r"\b(?:met|meet|meets|meeting|talks|received|receives|visit|visited|hosted|conference|summit|"
    r"reuni[oó]n|reuniones|reunió|reúne|reunieron|encuentro|recibió|recibe|conversaciones|visita|visitó|cumbre|"
    r"reuni[aã]o|reuniões|reuniu|encontro|encontrou|recebeu|recebe|conversações|visitou|cúpula)\b"
    r"|会见|会晤|会谈|接见|访问|峰会", re.I)
# the word before a place where a meeting happened: "in Caracas", "en Caracas", "em Pequim", "在北京"
PLACE_BEFORE = re.compile(r"(?:\b(?:in|at|en|em|no|na)\s+|在)$", re.I)
