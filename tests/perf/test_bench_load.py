"""The benchmark's load generator: percentiles and bounded bursts (no server needed)."""

import pytest

from perf.bench.report import table, verdicts, worker_memory
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


def test_worker_memory_reads_the_masters_children_from_proc(tmp_path):
    for pid, ppid, rss in [(10, 1, 999), (11, 10, 51200), (12, 10, 102400), (13, 11, 1)]:
        (tmp_path / str(pid)).mkdir()
        (tmp_path / str(pid) / "status").write_text(
            f"Name:\tgunicorn\nPPid:\t{ppid}\nVmRSS:\t   {rss} kB\n"
        )
    assert worker_memory(10, proc=tmp_path) == {11: 50.0, 12: 100.0}


def _row(rps, p95=10.0):
    return {"rps": rps, "p50": 1.0, "p95": p95, "p99": 1.0, "requests": 1, "errors": 0}


def test_the_report_compares_pages_with_both_floors_and_names_each_missed_target():
    medians = {
        "bare floor": _row(1000),
        "login floor": _row(400),
        "patient search": _row(200, p95=30.0),
        "exam form": _row(100),
    }
    printed = table(medians)
    assert "| exam form | 100 | 1.0 | 10.0 | 1.0 | 0.25 | 0.10 | 0 |" in printed
    said = verdicts(medians, memory={11: 120.0, 12: 160.0})
    assert "login floor 400 req/s = 0.40 of the bare floor (1000 req/s)" in said
    assert "(target >= 0.5): MISSED" in said
    assert "- patient search 0.50 of the login floor (target >= 0.33): met" in said
    assert "- exam form 0.25 of the login floor (target >= 0.33): MISSED" in said
    assert "search p95 30.0 ms (target < 25 ms): MISSED" in said
    assert "120 MB, 160 MB (target each < 150 MB): MISSED" in said
