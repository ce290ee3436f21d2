"""What `make bench` prints: the table against both floors, the workers' memory, the verdicts.

The targets (issue 15): the login-protected floor at least half the bare floor (what Django
itself costs here); every page at least a third of the login floor; patient search p95 under
25 ms; each gunicorn worker under 150 MB resident after the run; the care-plan PDF render at
most twice a minimal reportlab document.
"""

from pathlib import Path

TARGETS = {
    "login_vs_bare": 0.5,
    "page_vs_login": 0.33,
    "search_p95_ms": 25.0,
    "worker_rss_mb": 150.0,
    "pdf_ratio": 2.0,
}
FLOORS = ("bare floor", "login floor")


def worker_memory(master_pid, proc=Path("/proc")):
    """{worker pid: resident MB} for the gunicorn master's children, read from /proc/<pid>/status.

    Empty where /proc is missing (not Linux): the bench then says it could not measure.
    """
    workers = {}
    for status in proc.glob("[0-9]*/status"):
        try:
            fields = dict(
                line.split(":", 1) for line in status.read_text().splitlines() if ":" in line
            )
        except OSError:  # the process ended while we looked
            continue
        if fields.get("PPid", "").strip() != str(master_pid):
            continue
        rss_kb = fields.get("VmRSS", "0 kB").split()[0]
        workers[int(status.parent.name)] = int(rss_kb) / 1024
    return workers


def _met(ok):
    return "met" if ok else "MISSED"


def table(medians):
    bare = medians["bare floor"]["rps"]
    login = medians["login floor"]["rps"]
    lines = [
        "| page | req/s | p50 ms | p95 ms | p99 ms | vs login floor | vs bare floor | errors |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for name, row in medians.items():
        lines.append(
            f"| {name} | {row['rps']:.0f} | {row['p50']:.1f} | {row['p95']:.1f} | "
            f"{row['p99']:.1f} | {row['rps'] / login:.2f} | {row['rps'] / bare:.2f} | "
            f"{row['errors']} |"
        )
    return "\n".join(lines)


def verdicts(medians, pdf=None, memory=None):
    bare = medians["bare floor"]["rps"]
    login = medians["login floor"]["rps"]
    login_ratio = login / bare
    lines = [
        f"- login floor {login:.0f} req/s = {login_ratio:.2f} of the bare floor ({bare:.0f} req/s)"
        f" (target >= {TARGETS['login_vs_bare']}): {_met(login_ratio >= TARGETS['login_vs_bare'])}"
    ]
    for name, row in medians.items():
        if name in FLOORS:
            continue
        ratio = row["rps"] / login
        lines.append(
            f"- {name} {ratio:.2f} of the login floor (target >= {TARGETS['page_vs_login']}): "
            + _met(ratio >= TARGETS["page_vs_login"])
        )
    if "patient search" in medians:  # not when a run measured --only other pages
        search = medians["patient search"]["p95"]
        lines.append(
            f"- search p95 {search:.1f} ms (target < {TARGETS['search_p95_ms']:.0f} ms): "
            + _met(search < TARGETS["search_p95_ms"])
        )
    if memory:
        largest = max(memory.values())
        each = ", ".join(f"{mb:.0f} MB" for _pid, mb in sorted(memory.items()))
        lines.append(
            f"- gunicorn workers' resident memory after the run: {each} (target each < "
            f"{TARGETS['worker_rss_mb']:.0f} MB): {_met(largest < TARGETS['worker_rss_mb'])}"
        )
    else:
        lines.append("- gunicorn workers' resident memory: not measured (no /proc)")
    if pdf:
        lines.append(
            f"- care-plan PDF render {pdf['care_plan_ms']} ms vs minimal {pdf['minimal_ms']} ms "
            f"({pdf['pages']} pages): ratio {pdf['ratio']} (target <= {TARGETS['pdf_ratio']}): "
            + _met(pdf["ratio"] <= TARGETS["pdf_ratio"])
        )
    return "\n".join(lines)
