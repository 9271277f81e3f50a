"""Synthetic training sentences in Chinese, written to ``ANNOTATION.md`` and the Chinese section of
``docs/annotation-decisions.md``.

The Chinese orders: state + office + name ("秘鲁外交部长罗莎·韦尔塔": ``GPE`` + ``TITLE`` + ``PER``),
body + office + name ("古巴共产党中央委员会国际关系部部长高振宇", with a bracketed abbreviation as its own
``ORG``), name + office ("韦尔塔总统"), two offices of one person joined by 、, ambassadors with 驻
(title_at the sending state), "X党的Y" (``member_of``), and the meeting words: "X会见(了)Y、Z和W",
"X与Y举行会谈", "X同Y通电话", "X会见了Y党代表团" (met links the party), "X会见由Y率领的Z代表团" (met
links Y only), "X会见秘鲁代表团" (no met), "Y受到X的接见"; plans, visits with, signings and letters
that are not meetings; rosters and a title shared by two people. 的 stays outside every span.
Names and organizations are invented or not in the dev sets; offsets are written as the text is.
"""

from __future__ import annotations

import random

from guideline_examples import LANGUAGE_SENTENCE_MIX, Builder, sentence_mix  # beside this script in data/tools/

PEOPLE = [
    "高振宇",
    "邓丽萍",
    "潘建国",
    "蒋文华",
    "严志刚",
    "薛梅",
    "韩卫东",
    "曹立伟",
    "彭晓燕",
    "许明德",
    "钱海峰",
    "范雅琴",
    "罗莎·韦尔塔",
    "阿尔瓦罗·索托",
    "卡洛斯·门多萨",
    "玛丽亚·帕雷德斯",
    "豪尔赫·萨拉萨尔",
    "加布里埃拉·埃雷拉",
    "阮文胜",
    "宋帕·坎马尼",
    "夸梅·阿桑特",
    "塔博·莫科埃纳",
    "路易斯·奥尔蒂斯",
    "安娜·门多萨",
]
# (name, bracketed abbreviation or None)
ORGS = [
    ("古巴共产党", "古共"),
    ("古巴共产党中央委员会国际关系部", None),
    ("越南共产党中央委员会", None),
    ("桑地诺民族解放阵线", "桑解阵"),
    ("争取社会主义运动", None),
    ("老挝人民革命党", None),
    ("南非非洲人国民大会", "非国大"),
    ("中国人民对外友好协会", "对外友协"),
    ("全国人民代表大会外事委员会", None),
    ("拉丁美洲议会", None),
    ("智利社会党", None),
    ("广泛阵线", None),
    ("民主革命党", None),
    ("秘鲁国会外交委员会", None),
    ("拉丁美洲开发银行", None),
]
PLACES = [
    "中国",
    "古巴",
    "秘鲁",
    "玻利维亚",
    "乌拉圭",
    "厄瓜多尔",
    "巴拿马",
    "智利",
    "阿根廷",
    "哥伦比亚",
    "墨西哥",
    "越南",
    "老挝",
    "南非",
    "加纳",
    "委内瑞拉",
]
CITIES = [
    "北京",
    "利马",
    "哈瓦那",
    "上海",
    "基多",
    "蒙得维的亚",
    "拉巴斯",
    "河内",
    "万象",
    "广州",
    "圣地亚哥",
    "波哥大",
]
STATE_TITLES = [
    "总统",
    "副总统",
    "外交部长",
    "外长",
    "国防部长",
    "总理",
    "劳工部长",
    "经济和财政部长",
    "副外长",
    "前总统",
    "议会议长",
]
PARTY_TITLES = ["总书记", "第一书记", "书记", "主席", "副主席", "委员", "国际关系书记", "发言人"]
BODY_TITLES = ["部长", "副部长", "主任", "副主任", "主席", "委员", "秘书长", "发言人"]
PARTY_ENDINGS = ("党", "阵线", "运动", "大会")


def office_in(org: str, rng: random.Random) -> str:
    """A title the body holds: a party's secretaries, a department's ministers."""
    return rng.choice(PARTY_TITLES if org.endswith(PARTY_ENDINGS) else BODY_TITLES)


NAME_TITLES = ["总统", "主席", "部长", "大使", "议员", "将军"]  # written after a name: "韦尔塔总统"
DATES = ["11月26日", "3月3日", "2024年4月18日", "周二", "星期四", "昨天", "本周一", "上周五"]
TOPICS = ["双边合作", "经贸合作", "党际交流", "农业合作", "能源合作", "人文交流"]
MEET = ["会见了", "会见", "会晤了", "接见了"]
TALKS = ["举行会谈", "举行了会谈", "举行会晤", "举行了视频会晤", "通电话", "举行工作会谈"]
NOT_MEETINGS = [
    ("将于下月会见", ""),
    ("希望同", "举行会谈"),
    ("陪同", "参观了展览"),
    ("与", "签署了合作协议"),
    ("向", "致函"),
    ("祝贺", "当选"),
    ("感谢", "的支持"),
]


def _new_name(b: Builder, rng: random.Random) -> str:
    """A name the current document has not used yet (each sentence's people are different people)."""
    unused = [name for name in PEOPLE if name not in b.text]
    return rng.choice(unused or PEOPLE)


def describe(b: Builder, rng: random.Random, style: str | None = None) -> str:
    """Write a new person with one of the Chinese orders; returns the ``PER`` id."""
    style = style or rng.choice(
        ["state", "state", "org", "org", "two_offices", "ambassador", "name_title", "member_of", "bare"]
    )
    name = _new_name(b, rng)
    if style == "state":  # 秘鲁外交部长罗莎·韦尔塔
        g = b.ent(rng.choice(PLACES), "GPE")
        t = b.ent(rng.choice(STATE_TITLES), "TITLE")
        p = b.ent(name, "PER")
        b.position(p, t, g)
        return p
    if style == "org":  # 古巴共产党（古共）第一书记高振宇
        org, abbreviation = rng.choice(ORGS)
        o = b.ent(org, "ORG")
        if abbreviation and rng.random() < 0.4:
            b.add("（")
            b.ent(abbreviation, "ORG")
            b.add("）")
        t = b.ent(office_in(org, rng), "TITLE")
        p = b.ent(name, "PER")
        b.position(p, t, o)
        return p
    if style == "two_offices":  # 古巴共产党中央委员会委员、古巴外交部长高振宇
        org = rng.choice(ORGS)[0]
        o = b.ent(org, "ORG")
        t1 = b.ent(office_in(org, rng), "TITLE")
        b.add("、")
        g = b.ent(rng.choice(PLACES), "GPE")
        t2 = b.ent(rng.choice(STATE_TITLES), "TITLE")
        p = b.ent(name, "PER")
        b.position(p, t1, o)
        b.position(p, t2, g)
        return p
    if style == "ambassador":  # 秘鲁驻华大使高振宇 / 中国驻智利大使高振宇 (title_at the sending state)
        sending, receiving = rng.sample(PLACES, 2)
        g = b.ent(sending, "GPE")
        b.add("驻")
        b.ent("华" if sending != "中国" and rng.random() < 0.5 else receiving, "GPE")
        t = b.ent("大使", "TITLE")
        p = b.ent(name, "PER")
        b.position(p, t, g)
        return p
    if style == "name_title":  # 韦尔塔总统
        p = b.ent(name, "PER")
        b.rel(p, b.ent(rng.choice(NAME_TITLES), "TITLE"), "has_title")
        return p
    if style == "member_of":  # 古巴共产党的高振宇
        o = b.ent(rng.choice(ORGS)[0], "ORG")
        b.add("的")
        p = b.ent(name, "PER")
        b.rel(p, o, "member_of")
        return p
    return b.ent(name, "PER")


def _when_where(b: Builder, rng: random.Random) -> None:
    if rng.random() < 0.4:
        date = rng.choice(DATES)
        b.add(("于" if date[0].isdigit() else "") + date)
    if rng.random() < 0.5:
        b.add("在")
        b.ent(rng.choice(CITIES), "GPE")


def meeting(b: Builder, rng: random.Random) -> None:
    """A meeting that happened: ``met`` between the named sides."""
    form = rng.random()
    if form < 0.1:  # headline: 高振宇会见罗莎·韦尔塔
        a = b.ent(_new_name(b, rng), "PER")
        b.add("会见")
        b.rel(a, describe(b, rng, rng.choice(["state", "bare"])), "met")
        b.add("\n")
        return
    if form < 0.3:  # X与Y举行会谈 / X同Y通电话
        a = describe(b, rng)
        b.add(rng.choice(["与", "同"]))
        c = describe(b, rng, rng.choice(["state", "org", "bare", "name_title"]))
        _when_where(b, rng)
        b.add(rng.choice(TALKS) + "。")
        b.rel(a, c, "met")
        return
    if form < 0.38:  # Y受到X的接见
        c = describe(b, rng, rng.choice(["state", "org", "bare"]))
        b.add("受到")
        a = describe(b, rng, rng.choice(["state", "name_title", "bare"]))
        b.add(rng.choice(["的接见。", "的会见。"]))
        b.rel(c, a, "met")
        return
    a = describe(b, rng)
    _when_where(b, rng)
    b.add(rng.choice(MEET))
    if form < 0.48:  # a delegation led by a named person: met links that person only
        b.add("由")
        c = describe(b, rng, rng.choice(["state", "org", "bare"]))
        b.add("率领的")
        b.ent(rng.choice(ORGS)[0], "ORG")
        b.add("代表团")
        b.rel(a, c, "met")
    elif form < 0.56:  # a delegation named only by a body: met links the ORG
        b.rel(a, b.ent(rng.choice(ORGS)[0], "ORG"), "met")
        b.add("代表团")
    elif form < 0.62:  # a delegation named only by a state: no met
        b.ent(rng.choice(PLACES), "GPE")
        b.add("代表团")
    elif form < 0.77:  # several people: Y、Z和W
        count = rng.randint(2, 3)
        for k in range(count):
            if k:
                b.add("和" if k == count - 1 else "、")
            b.rel(a, describe(b, rng, rng.choice(["state", "org", "bare", "ambassador"])), "met")
    else:
        b.rel(a, describe(b, rng), "met")
    b.add("。")


def non_meeting(b: Builder, rng: random.Random) -> None:
    """Plans, visits with, signings, letters, congratulations: no ``met``."""
    before, after = rng.choice(NOT_MEETINGS)
    describe(b, rng)
    b.add(before)
    describe(b, rng, rng.choice(["state", "bare", "name_title"]))
    b.add(after + "。")


def statement(b: Builder, rng: random.Random) -> None:
    """A person quoted; the states of the quote get no ``title_at``."""
    describe(b, rng)
    b.add(rng.choice(["表示", "指出", "强调"]) + "，")
    first, second = rng.sample(PLACES, 2)
    b.ent(first, "GPE")
    b.add("和")
    b.ent(second, "GPE")
    b.add(f"将继续加强{rng.choice(TOPICS)}。")


def roster(b: Builder, rng: random.Random) -> None:
    """Attendees: "出席会见的有：X部长A；Y大使B。" (body or state + office + name, separated by ；)."""
    b.add(rng.choice(["出席会见的有：", "陪同会见的有：", "参加活动的有："]))
    count = rng.randint(2, 4)
    for k in range(count):
        if k:
            b.add("；")
        describe(b, rng, rng.choice(["state", "org", "ambassador"]))
    b.add("。")


def shared_title(b: Builder, rng: random.Random) -> None:
    """ "秘鲁议员A和B": one title, title_at the state, a ``has_title`` from each holder."""
    g = b.ent(rng.choice(PLACES), "GPE")
    t = b.ent(rng.choice(["议员", "部长", "大使"]), "TITLE")
    b.rel(t, g, "title_at")
    p1 = b.ent(_new_name(b, rng), "PER")
    b.add("和")
    p2 = b.ent(_new_name(b, rng), "PER")
    b.rel(p1, t, "has_title")
    b.rel(p2, t, "has_title")
    b.add(rng.choice(["也出席了活动。", "出席了仪式。", "参加了论坛。"]))


def members(b: Builder, rng: random.Random) -> None:
    """``member_of`` with no title between: "X党的A和B" (decision zh 11), "X组织活动人士A和B" (活动人士 is
    no title), and "X政府高级成员，包括副总统A和外长B" (has_title, and member_of the state; decision zh 26)."""
    form = rng.random()
    if form < 0.6:
        o = b.ent(rng.choice(ORGS)[0], "ORG")
        b.add(rng.choice(["的", "活动人士"]))
        p1 = b.ent(_new_name(b, rng), "PER")
        b.add("和")
        p2 = b.ent(_new_name(b, rng), "PER")
        b.rel(p1, o, "member_of")
        b.rel(p2, o, "member_of")
        b.add(rng.choice(["也出席了活动。", "参加了论坛。", "发表了讲话。"]))
        return
    b.add("出席活动的有")
    g = b.ent(rng.choice(PLACES), "GPE")
    b.add("政府高级成员，包括")
    for k in range(2):
        if k:
            b.add("和")
        t = b.ent(rng.choice(["副总统", "外长", "国防部长", "劳工部长"]), "TITLE")
        p = b.ent(_new_name(b, rng), "PER")
        b.rel(p, t, "has_title")
        b.rel(p, g, "member_of")
    b.add("。")


SENTENCES = sentence_mix(globals(), LANGUAGE_SENTENCE_MIX)


def make_document(rng: random.Random, ident: str, sentences: int) -> dict:
    """Sentences written one after another, with no space between them, as Chinese news is."""
    b = Builder()
    makers, weights = zip(*SENTENCES)
    for _ in range(sentences):
        rng.choices(makers, weights)[0](b, rng)
    return b.record(ident)
