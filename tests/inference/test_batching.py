import random

import pytest

from dignitary.inference.batching import budget_batches


def _cells(batch, lengths):
    return max(lengths[i] for i in batch) * len(batch)


def test_every_index_once_sorted_within_the_budget():
    lengths = [5, 50, 7, 48, 6, 100]
    batches = budget_batches(lengths, 110, 8, max_padding=1.0)
    assert sorted(i for b in batches for i in b) == list(range(6))
    flat = [lengths[i] for b in batches for i in b]
    assert flat == sorted(flat)
    for b in batches:
        assert _cells(b, lengths) <= 110 or len(b) == 1


@pytest.mark.parametrize("max_padding", [0.0, 0.1, 0.3])
def test_padding_stays_within_its_share_of_each_batch(max_padding):
    rng = random.Random(0)
    lengths = [rng.randint(3, 130) for _ in range(500)]
    batches = budget_batches(lengths, 8192, 64, max_padding=max_padding)
    assert sorted(i for b in batches for i in b) == list(range(500))
    for b in batches:
        cells = _cells(b, lengths)
        assert cells - sum(lengths[i] for i in b) <= max_padding * cells
        assert cells <= 8192 and len(b) <= 64


def test_without_the_padding_bound_short_and_long_rows_share_a_batch():
    lengths = [10] * 5 + [120]
    assert budget_batches(lengths, 8192, 64, max_padding=1.0) == [[0, 1, 2, 3, 4, 5]]
    assert budget_batches(lengths, 8192, 64) == [[0, 1, 2, 3, 4], [5]]


def test_equal_lengths_fill_batches_to_the_row_limit():
    assert [len(b) for b in budget_batches([20] * 10, 8192, 4)] == [4, 4, 2]


def test_an_item_over_the_budget_goes_alone():
    assert budget_batches([300, 10, 10], 100, 8) == [[1, 2], [0]]


def test_no_items_no_batches():
    assert budget_batches([], 8192, 64) == []
