"""The one quantile helper (bot.stats.quantile) that /status, `callbot eval` and the bench share."""

from __future__ import annotations

import statistics

import pytest

from bot.stats import Stats, quantile


@pytest.mark.parametrize("q", [0.01, 0.5, 0.95, 0.99])
def test_quantile_is_the_inclusive_method_of_statistics(q: float) -> None:
    values = [0.3, 1.7, 0.2, 5.0, 2.2, 0.9, 3.1]
    expected = statistics.quantiles(values, n=100, method="inclusive")[round(q * 100) - 1]
    assert quantile(values, q) == pytest.approx(expected)


def test_quantile_ends_one_value_and_no_value() -> None:
    assert quantile([4.0, 1.0, 2.0], 0.0) == 1.0 and quantile([4.0, 1.0, 2.0], 1.0) == 4.0
    assert quantile([3.5], 0.95) == 3.5
    with pytest.raises(ValueError):
        quantile([], 0.5)


def test_status_latency_uses_it() -> None:
    stats = Stats()
    assert stats.latency(0.5) is None
    stats.llm_latencies.extend([1.0, 2.0, 3.0, 10.0])
    assert stats.latency(0.5) == 2.5 and stats.latency(0.95) == quantile([1.0, 2.0, 3.0, 10.0], 0.95)
