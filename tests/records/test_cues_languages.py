"""Spanish, Portuguese and Chinese meeting cues, and the mode and place of a meeting in these languages."""
import pytest

from dignitary.records.builder import document_records
from dignitary.records.cues import cue_meetings
from dignitary.text.sentences import split_sentences

from tests.records.annotate import annotate


def _names(doc):
    ents = doc.entity_map()
    return [[doc.mention_text(ents[i]) for i in ids] for ids, _, _ in cue_meetings(doc, split_sentences(doc.text))]


def test_spanish_verb_cues_with_appositions_and_lists():
    text = ("Ana Souto, ministra de Asuntos Exteriores de Venezuela, se reunió este lunes con Li Wen y con "
            "Omar Haddad en Lima.")
    doc = annotate("d", text, [("Ana Souto", "PER"), ("ministra de Asuntos Exteriores", "TITLE"), ("Venezuela", "GPE"),
                               ("Li Wen", "PER"), ("Omar Haddad", "PER"), ("Lima", "GPE")],
                   [(1, 2, "has_title"), (2, 3, "title_at")])
    assert _names(doc) == [["Ana Souto", "Li Wen", "Omar Haddad"]]
    text = "El presidente de Chile, Rui Pena, recibió a una delegación del Partido Verde encabezada por Li Wen."
    doc = annotate("d", text,
                   [("presidente", "TITLE"), ("Chile", "GPE"), ("Rui Pena", "PER"), ("Partido Verde", "ORG"),
                    ("Li Wen", "PER")], [(3, 1, "has_title"), (1, 2, "title_at")])
    assert _names(doc) == [["Rui Pena", "Li Wen"]]
    doc = annotate("d", "Ana Souto y Li Wen sostuvieron conversaciones oficiales en Quito.",
                   [("Ana Souto", "PER"), ("Li Wen", "PER"), ("Quito", "GPE")])
    assert _names(doc) == [["Ana Souto", "Li Wen"]]


def test_spanish_plans_and_pronouns_are_not_meetings():
    for text in ("Ana Souto va a reunirse con Li Wen la próxima semana.",
                 "Ana Souto se reunirá con Li Wen en enero.",
                 "Ana Souto dijo que ella se reunió con Li Wen.",
                 "Ana Souto recibió una carta de Li Wen."):
        doc = annotate("d", text, [("Ana Souto", "PER"), ("Li Wen", "PER")])
        assert _names(doc) == [], text


def test_portuguese_verb_and_prepositional_cues():
    doc = annotate("d", "Nesta segunda-feira, Rui Pena reuniu-se com o chanceler Li Wen e com Ana Souto.",
                   [("Rui Pena", "PER"), ("chanceler", "TITLE"), ("Li Wen", "PER"), ("Ana Souto", "PER")],
                   [(3, 2, "has_title")])
    assert _names(doc) == [["Rui Pena", "Li Wen", "Ana Souto"]]
    doc = annotate("d", "Em conversa telefônica com Li Wen, Rui Pena disse que o comércio cresceu.",
                   [("Li Wen", "PER"), ("Rui Pena", "PER")])
    assert _names(doc) == [["Rui Pena", "Li Wen"]]
    doc = annotate("d", "Rui Pena recebeu uma delegação do Movimento ao Socialismo (MAS) chefiada por Li Wen.",
                   [("Rui Pena", "PER"), ("Movimento ao Socialismo", "ORG"), ("MAS", "ORG"), ("Li Wen", "PER")])
    assert _names(doc) == [["Rui Pena", "Li Wen"]]  # the party "MAS" is not the conjunction "mas"
    doc = annotate("d", "Rui Pena vai se reunir com Li Wen em março.", [("Rui Pena", "PER"), ("Li Wen", "PER")])
    assert _names(doc) == []


def test_chinese_object_with_and_passive_cues():
    doc = annotate("d", "中联部部长王立新在利马会见了秘鲁外交部长罗莎·韦尔塔和阿尔瓦罗·索托。",
                   [("中联部", "ORG"), ("部长", "TITLE"), ("王立新", "PER"), ("利马", "GPE"), ("秘鲁", "GPE"),
                    ("外交部长", "TITLE"), ("罗莎·韦尔塔", "PER"), ("阿尔瓦罗·索托", "PER")],
                   [(3, 2, "has_title"), (2, 1, "title_at"), (7, 6, "has_title"), (6, 5, "title_at")])
    assert _names(doc) == [["王立新", "罗莎·韦尔塔", "阿尔瓦罗·索托"]]
    doc = annotate("d", "王立新与罗莎·韦尔塔在北京举行会谈。",
                   [("王立新", "PER"), ("罗莎·韦尔塔", "PER"), ("北京", "GPE")])
    assert _names(doc) == [["王立新", "罗莎·韦尔塔"]]
    doc = annotate("d", "王立新同罗莎·韦尔塔通电话。", [("王立新", "PER"), ("罗莎·韦尔塔", "PER")])
    assert _names(doc) == [["王立新", "罗莎·韦尔塔"]]
    doc = annotate("d", "罗莎·韦尔塔受到王立新的接见。", [("罗莎·韦尔塔", "PER"), ("王立新", "PER")])
    assert _names(doc) == [["罗莎·韦尔塔", "王立新"]]
    doc = annotate("d", "中国驻肯尼亚大使王立新拜会了肯尼亚外长罗莎·韦尔塔。",  # 拜会: "called on"
                   [("中国", "GPE"), ("肯尼亚", "GPE"), ("大使", "TITLE"), ("王立新", "PER"), ("肯尼亚", "GPE"),
                    ("外长", "TITLE"), ("罗莎·韦尔塔", "PER")])
    assert _names(doc) == [["王立新", "罗莎·韦尔塔"]]


def test_chinese_bracketed_note_and_delegation_leader():
    doc = annotate("d", "中共的吴汉圣（中左）会见统社党副主席迪奥斯达多·卡韦略。",
                   [("中共", "ORG"), ("吴汉圣", "PER"), ("中左", "PER"), ("统社党", "ORG"), ("副主席", "TITLE"),
                    ("迪奥斯达多·卡韦略", "PER")], [(2, 1, "member_of"), (6, 5, "has_title"), (5, 4, "title_at")])
    assert _names(doc) == [["吴汉圣", "迪奥斯达多·卡韦略"]]
    doc = annotate("d", "王立新会见了绿党代表团，代表团团长为该党国际书记罗莎·韦尔塔。",
                   [("王立新", "PER"), ("绿党", "ORG"), ("国际书记", "TITLE"), ("罗莎·韦尔塔", "PER")],
                   [(4, 3, "has_title")])
    assert _names(doc) == [["王立新", "罗莎·韦尔塔"]]


def test_chinese_plans_and_non_meetings():
    for text in ("王立新将于下月会见罗莎·韦尔塔。", "王立新希望同罗莎·韦尔塔举行会谈。",
                 "王立新陪同罗莎·韦尔塔参观了博物馆。", "王立新表示，他已会见罗莎·韦尔塔。"):
        doc = annotate("d", text, [("王立新", "PER"), ("罗莎·韦尔塔", "PER")])
        assert _names(doc) == [], text


@pytest.mark.parametrize("text, mentions, date, mode, place", [
    ("Lima, 27 de noviembre de 2025. Ana Souto sostuvo una conversación telefónica con Li Wen el martes.",
     [("Lima", "GPE"), ("Ana Souto", "PER"), ("Li Wen", "PER")], "2025-11-25", "phone", ""),
    ("Lima, 27 de noviembre de 2025. Ana Souto y Li Wen se reunieron ayer por videoconferencia.",
     [("Lima", "GPE"), ("Ana Souto", "PER"), ("Li Wen", "PER")], "2025-11-26", "video", ""),
    ("Brasília, 27 de novembro de 2025. Rui Pena encontrou-se com Li Wen em Pequim na terça-feira.",
     [("Brasília", "GPE"), ("Rui Pena", "PER"), ("Li Wen", "PER"), ("Pequim", "GPE")], "2025-11-25", "in_person",
     "Pequim"),
    ("新华社利马2025年11月27日电\n王立新周二在北京会见了罗莎·韦尔塔。",
     [("新华社", "ORG"), ("利马", "GPE"), ("王立新", "PER"), ("北京", "GPE"), ("罗莎·韦尔塔", "PER")], "2025-11-25",
     "in_person", "北京"),
    ("新华社利马2025年11月27日电\n昨天，王立新同罗莎·韦尔塔通电话。",
     [("新华社", "ORG"), ("利马", "GPE"), ("王立新", "PER"), ("罗莎·韦尔塔", "PER")], "2025-11-26", "phone", ""),
])
def test_meeting_records_in_other_languages(text, mentions, date, mode, place):
    records = document_records(annotate("d", text, mentions))
    [meeting] = records.meetings
    assert (meeting.date, meeting.mode, meeting.place) == (date, mode, place)
    assert len(meeting.participants) == 2
