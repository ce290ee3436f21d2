"""The benchmark's load generator: percentiles and bounded bursts (no server needed)."""

import pytest

from perf.bench.run import load, percentile, summarise


def test_percentiles_are_nearest_rank():
    values = list(range(1, 101))  # 1..100
    assert percentile(values, 0.50) == 50
    assert percentile(values, 0.95) == 95
    assert percentile(values, 0.99) == 99
    assert percentile([7.0], 0.99) == 7.0
    assert percentile([3, 1, 2], 0.5) == 2
    with pytest.raises(ValueError):
        percentile([], 0.5)


def test_a_summary_is_in_milliseconds_and_counts_the_requests():
    result = summarise([0.001 * n for n in range(1, 101)], seconds=2.0, errors=1)
    assert (result.p50_ms, result.p95_ms, result.p99_ms) == pytest.approx((50, 95, 99))
    assert result.requests == 100 and result.errors == 1 and result.rps == 50


def test_a_burst_stops_at_its_request_budget_and_counts_failures():
    paths = iter(range(1000))
    result = load(lambda path: path % 10 != 0, lambda: next(paths), threads=3, max_requests=50)
    assert result.requests + result.errors == 50
    assert result.errors == 5
