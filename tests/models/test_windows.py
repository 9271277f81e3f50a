"""Training and inference share one rule for which window scores which pair."""
from dignitary.document import Document, Entity, Relation
from dignitary.models.component import JointComponent
from dignitary.models.inputs import Chunk, Mention, candidate_pairs, window_pairs
from dignitary.schema import Schema


def test_each_pair_goes_to_the_held_window_nearest_its_centre():
    schema = Schema.builtin("default")
    per, title = schema.entity_labels.index("PER"), schema.entity_labels.index("TITLE")
    chunks = [Chunk(0, 0, 20, 0, 15), Chunk(0, 10, 30, 15, 25), Chunk(0, 20, 40, 25, 40)]
    mentions = [Mention(2, 3, per, 0), Mention(5, 6, title, 0), Mention(12, 14, per, 0), Mention(16, 17, title, 0),
                Mention(27, 28, title, 0), Mention(18, 19, per, 0)]
    candidates = candidate_pairs(mentions, schema)
    held = window_pairs(chunks, mentions, candidates)
    scored = {(held[k].mentions[c.head], held[k].mentions[c.tail]): k for k in held for c in held[k].candidates}
    assert scored[(0, 1)] == 0  # only the first window holds tokens 2-6
    assert scored[(2, 3)] == 0  # 12-17 (centre 14.5): held by windows 0 and 1; window 0's centre (10) is nearer
    assert scored[(5, 3)] == 1  # 16-19 (centre 17.5): held by windows 0 and 1; window 1's centre (20) is nearer
    assert scored[(2, 4)] == 1  # 12-28: only window 1 holds it
    assert (0, 4) not in scored  # 2-28: no window holds both
    assert sum(len(w.candidates) for w in held.values()) == len(scored)


def test_training_windows_hold_each_gold_pair_once(tiny_model, tiny_tokenizer):
    words = "Minister Liu Haixing met " + "the minister of the party and " * 12 + "President Maduro."
    liu, maduro = words.index("Liu Haixing"), words.index("Maduro")
    minister, president = 0, words.index("President")
    entities = [Entity(minister, minister + 8, "TITLE", "T1"), Entity(liu, liu + 11, "PER", "T2"),
                Entity(president, president + 9, "TITLE", "T3"), Entity(maduro, maduro + 6, "PER", "T4")]
    doc = Document("d", words, entities, [Relation("T2", "T1", "has_title"), Relation("T4", "T3", "has_title")])
    component = JointComponent.from_model(tiny_model, tiny_tokenizer)
    windows = component.preprocess([doc])
    assert len(windows) > 2  # one long sentence: overlapping windows
    positives = [(w.mentions[c.head].entity_id, w.mentions[c.tail].entity_id, k)
                 for w in windows for c in w.candidates for k, t in enumerate(c.target) if t == 1.0]
    assert sorted((h, t) for h, t, _ in positives) == [("T2", "T1"), ("T4", "T3")]
    loss, parts = component.forward_loss(component.collate(windows))
    assert loss.item() > 0 and parts["rel"] > 0 and parts["tag"] > 0
