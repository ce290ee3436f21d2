"""How close is each page to Django's own floor? Seeds the data, serves it, measures it.

    DJANGO_SETTINGS_MODULE=perf.bench.settings .venv/bin/python -m perf.bench.run [--patients 2000]
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/clinic_bench ... --patients 100000

Steps: migrate and seed (seed_demo --patients N, idempotent), start gunicorn on a free loopback
port with perf.bench.wsgi (the app; a login-protected floor view behind every middleware; a bare
floor view served with no middleware and no database), log in the demo practitioner over HTTP,
then for each page run a bounded burst of requests from a few threads (http.client, loopback
only) and print, as medians of several rounds, requests per second, p50/p95/p99 latency and each
page's throughput as a fraction of both floors, each gunicorn worker's resident memory after the
run, and which targets are met (perf.bench.report); then the care-plan PDF render-time ratio
from perf.bench.pdf_bench.

The plan page and the care-plan PDF download load the signed plans seed_demo makes through the
plan services (--plans, default 100): the PDF is the stored document of the signature, so its
download measures reading and sending it, not rendering (perf.bench.pdf_bench measures that).
"""

from __future__ import annotations

import argparse
import http.client
import math
import os
import random
import re
import secrets
import socket
import statistics
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import quote, urlencode

from perf.bench.report import FLOORS, table, verdicts, worker_memory

ROOT = Path(__file__).resolve().parents[2]
HOST = "127.0.0.1"


# --- The load generator ------------------------------------------------------------------------


def percentile(values, fraction):
    """Nearest-rank percentile: the smallest value with at least `fraction` of values <= it."""
    if not values:
        raise ValueError("no values")
    ordered = sorted(values)
    rank = max(1, math.ceil(fraction * len(ordered)))
    return ordered[rank - 1]


@dataclass(frozen=True)
class Result:
    requests: int
    errors: int
    seconds: float
    p50_ms: float
    p95_ms: float
    p99_ms: float

    @property
    def rps(self):
        return self.requests / self.seconds if self.seconds else 0.0


def summarise(latencies_s, seconds, errors=0):
    ms = [value * 1000 for value in latencies_s]
    return Result(
        requests=len(ms),
        errors=errors,
        seconds=seconds,
        p50_ms=percentile(ms, 0.50),
        p95_ms=percentile(ms, 0.95),
        p99_ms=percentile(ms, 0.99),
    )


def load(request, next_path, *, threads=4, max_requests=400, max_seconds=8.0):
    """Send at most `max_requests` requests for at most `max_seconds` from `threads` threads.

    `request(path)` sends one request and returns True for the expected answer; `next_path()`
    gives the path of the next request. Returns a Result over the requests that completed.
    """
    latencies, errors, lock = [], [0], threading.Lock()
    budget = iter(range(max_requests))
    deadline = time.perf_counter() + max_seconds

    def worker():
        while time.perf_counter() < deadline:
            with lock:
                if next(budget, None) is None:
                    return
                path = next_path()
            start = time.perf_counter()
            ok = request(path)
            elapsed = time.perf_counter() - start
            with lock:
                if ok:
                    latencies.append(elapsed)
                else:
                    errors[0] += 1

    started = time.perf_counter()
    pool = [threading.Thread(target=worker) for _ in range(threads)]
    for thread in pool:
        thread.start()
    for thread in pool:
        thread.join()
    return summarise(latencies, time.perf_counter() - started, errors[0])


class Client:
    """A logged-in browser on loopback, behind what looks like the TLS proxy of production."""

    def __init__(self, port):
        self.port = port
        self.cookies = {}
        self.api_key = None  # the API pages answer a key, not the session
        self.base_headers = {
            "Host": f"{HOST}:{port}",
            "X-Forwarded-Proto": "https",  # as the reverse proxy says; no redirect to https
        }

    def send(self, method, path, body=None, headers=None):
        connection = http.client.HTTPConnection(HOST, self.port, timeout=30)
        try:
            all_headers = {**self.base_headers, **(headers or {})}
            if self.cookies:
                all_headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
            connection.request(method, path, body=body, headers=all_headers)
            response = connection.getresponse()
            content = response.read()
            for header, value in response.getheaders():
                if header.lower() == "set-cookie":
                    name, _, rest = value.partition("=")
                    self.cookies[name] = rest.split(";", 1)[0]
            return response.status, content
        finally:
            connection.close()

    def login(self, username, password):
        status, page = self.send("GET", "/accounts/login/")
        token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', page)
        if status != 200 or not token:
            raise RuntimeError(f"login page: HTTP {status}")
        origin = f"https://{HOST}:{self.port}"
        body = urlencode(
            {
                "csrfmiddlewaretoken": token.group(1).decode(),
                "username": username,
                "password": password,
            }
        )
        status, _ = self.send(
            "POST",
            "/accounts/login/",
            body=body,
            headers={
                "Content-Type": "application/x-www-form-urlencoded",
                "Origin": origin,
                "Referer": f"{origin}/accounts/login/",
            },
        )
        if status != 302 or "sessionid" not in self.cookies:
            raise RuntimeError(f"login failed: HTTP {status}")
        self.cookie_header = "; ".join(f"{k}={v}" for k, v in self.cookies.items())

    def ok(self, path):
        # Each thread shares the cookies the sign-in set, as one browser tab sends them back
        # (the session, and the marker that notices an expired session); nothing else about a
        # request is stateful.
        connection = http.client.HTTPConnection(HOST, self.port, timeout=30)
        try:
            headers = {**self.base_headers, "Cookie": self.cookie_header}
            if self.api_key and path.startswith("/api/"):
                headers["Authorization"] = f"Bearer {self.api_key}"
            connection.request("GET", path, headers=headers)
            response = connection.getresponse()
            response.read()
            return response.status == 200
        except OSError:
            return False
        finally:
            connection.close()


# --- Setting up: data, server ------------------------------------------------------------------


def free_port():
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return probe.getsockname()[1]


BENCH_CACHE_URL = "redis://127.0.0.1:6379/15"  # a Redis database of the benchmark's own


def redis_answers(url=BENCH_CACHE_URL):
    """True when a Redis server answers PING at the benchmark's cache address."""
    try:
        import redis

        return bool(redis.Redis.from_url(url, socket_connect_timeout=0.5).ping())
    except Exception:  # no redis package, no server, refused: the database serves sessions
        return False


def server_environment():
    env = dict(os.environ)
    # Measure what production runs: sessions in a shared cache in front of the database
    # (README "Sessions"), when a local Redis answers; CACHE_URL= (empty) measures without it.
    if "CACHE_URL" not in env and redis_answers():
        env["CACHE_URL"] = BENCH_CACHE_URL
    # Without DATABASE_URL, a SQLite file of its own: the generated patients stay out of the
    # development database that `make run` uses.
    env.setdefault("DATABASE_URL", f"sqlite:///{ROOT / 'var' / 'bench.sqlite3'}")
    env.update(
        DJANGO_SETTINGS_MODULE="perf.bench.settings",
        DEBUG="0",
        SECRET_KEY=env.get("SECRET_KEY") or secrets.token_urlsafe(50),
        ALLOWED_HOSTS=HOST,
    )
    return env


def start_server(port, workers):
    command = [
        sys.executable,
        "-m",
        "gunicorn",
        "perf.bench.wsgi:application",
        f"--bind={HOST}:{port}",
        f"--workers={workers}",
        "--log-level=warning",
    ]
    server = subprocess.Popen(command, cwd=ROOT, env=server_environment())
    probe = Client(port)
    deadline = time.time() + 30
    while time.time() < deadline:
        try:
            if probe.send("GET", "/healthz")[0] == 200:
                return server
        except OSError:
            time.sleep(0.2)
    server.terminate()
    raise RuntimeError("gunicorn did not answer /healthz within 30 s")


def prepare_data(patients, seed, plans):
    from django.core.management import call_command

    call_command("migrate", verbosity=0, interactive=False)
    started = time.perf_counter()
    from django.test.utils import override_settings

    # seed_demo refuses DEBUG off (a production database); the benchmark's database is its own.
    with override_settings(DEBUG=True):
        call_command("seed_demo", patients=patients, seed=seed, plans=plans)
    seconds = time.perf_counter() - started
    from django.db import connection

    if connection.vendor == "postgresql":
        # After a bulk load the planner's statistics are stale until autovacuum comes round;
        # refresh them now so the first round is not measured against a wrong plan.
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    return seconds


def sample_records(sample_size, rng):
    """Patient ids with an intake and an exam, searches as the front desk types them, and the
    (patient id, plan id) of signed plans."""
    from assessments.models import Exam, PlanStatus, TreatmentPlan
    from intake.models import Patient

    ids = list(Exam.objects.values_list("patient_id", flat=True).distinct()[: sample_size * 4])
    ids = rng.sample(ids, min(sample_size, len(ids)))
    rows = Patient.objects.filter(pk__in=ids).values_list("first_name", "last_name", "phone")
    fragments = [front_desk_search(first, last, str(phone), rng) for first, last, phone in rows]
    plans = list(
        TreatmentPlan.objects.filter(status=PlanStatus.SIGNED, signed_document__isnull=False)
        .order_by("pk")
        .values_list("patient_id", "pk")[:sample_size]
    )
    if not plans:
        raise RuntimeError("no signed plan to load: run with --plans at least 1")
    return ids, fragments, plans


def front_desk_search(first, last, phone, rng):
    """One search for this patient as staff type it: part of a name, the whole name, "Last,
    First", the last four digits of the phone, or the last name with one letter missing (a
    typo, which also runs the near-match query when the exact ones leave room)."""
    length = rng.randint(3, 6)
    position = rng.randrange(len(last))
    return rng.choice(
        [
            last[:length],
            first[:length],
            f"{first} {last}",
            f"{first} {last[:3]}",
            f"{last}, {first[:1]}",
            phone[-4:],
            last[:position] + last[position + 1 :] if len(last) >= 5 else last,
        ]
    )


# --- The run -----------------------------------------------------------------------------------


def pages(ids, fragments, plans, rng):
    def pick_patient(template):
        return lambda: template.format(pk=rng.choice(ids))

    def pick_plan(template):
        return lambda: template.format(*rng.choice(plans))

    return {
        "bare floor": lambda: "/bench/bare",
        "login floor": lambda: "/bench/floor",
        "patient search": lambda: "/patients/?q=" + quote(rng.choice(fragments)),
        "patient chart": pick_patient("/patients/{pk}/"),
        "intake form": pick_patient("/patients/{pk}/intakes/new/"),
        "exam form": pick_patient("/patients/{pk}/exams/new/"),
        "plan page": pick_plan("/patients/{}/plans/{}/"),
        "care-plan PDF": pick_plan("/patients/{}/plans/{}/care-plan.pdf?download=1"),
        "visits page": pick_plan("/patients/{}/plans/{}/episode/"),
        "visit note form": pick_plan("/patients/{}/plans/{}/visits/new/"),
        "API patient search": lambda: "/api/v1/patients?q=" + quote(rng.choice(fragments)),
        "API plan": pick_plan("/api/v1/patients/{}/plans/{}"),
        "FHIR Patient": pick_patient("/fhir/Patient/{pk}"),
        "FHIR $everything": pick_plan("/fhir/Patient/{}/$everything"),
    }


def chosen(page_paths, only):
    """The pages --only names, and the two floors every ratio is read against."""
    if not only:
        return page_paths
    unknown = set(only) - set(page_paths)
    if unknown:
        raise SystemExit(f"no such page: {', '.join(sorted(unknown))}")
    return {name: path for name, path in page_paths.items() if name in FLOORS or name in only}


def bench_api_key():
    """A practitioner's API key for the API pages, allowed far more calls than a burst makes."""
    from datetime import timedelta

    from django.contrib.auth import get_user_model
    from django.utils import timezone

    from interop.keys.services import api_key_issue

    _key, secret = api_key_issue(
        name="bench",
        role="Practitioner",
        expires_at=timezone.now() + timedelta(days=1),
        by=get_user_model().objects.get(username="practitioner"),
        rate_limit_per_minute=10**9,
    )
    return secret


def measure(client, page_paths, *, rounds, threads, max_requests, max_seconds):
    for next_path in page_paths.values():  # warm up every worker's caches
        load(client.ok, next_path, threads=threads, max_requests=threads * 10, max_seconds=5)
    results = {name: [] for name in page_paths}
    for _ in range(rounds):
        for name, next_path in page_paths.items():  # taking turns: noise hits all pages alike
            results[name].append(
                load(
                    client.ok,
                    next_path,
                    threads=threads,
                    max_requests=max_requests,
                    max_seconds=max_seconds,
                )
            )
    return {
        name: {
            "rps": statistics.median(r.rps for r in runs),
            "p50": statistics.median(r.p50_ms for r in runs),
            "p95": statistics.median(r.p95_ms for r in runs),
            "p99": statistics.median(r.p99_ms for r in runs),
            "requests": sum(r.requests for r in runs),
            "errors": sum(r.errors for r in runs),
        }
        for name, runs in results.items()
    }


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--patients", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--plans", type=int, default=100, help="signed plans seeded to load")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 2)
    parser.add_argument(
        "--threads",
        type=int,
        default=None,
        help="client threads (default: one per worker, so latency is not mostly queueing)",
    )
    parser.add_argument("--requests", type=int, default=400, help="per page and round, at most")
    parser.add_argument("--seconds", type=float, default=8.0, help="per page and round, at most")
    parser.add_argument("--no-pdf", action="store_true", help="skip the PDF render benchmark")
    parser.add_argument(
        "--only", nargs="+", metavar="PAGE", help="measure only these pages, beside the floors"
    )
    options = parser.parse_args(argv)
    options.threads = options.threads or options.workers

    os.environ.update(
        {k: v for k, v in server_environment().items() if k != "DJANGO_SETTINGS_MODULE"}
    )
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "perf.bench.settings")
    import django

    django.setup()
    from django.conf import settings
    from django.db import connection

    from clinic.management.commands.seed_demo import DEMO_PASSWORD

    engine = settings.DATABASES["default"]["ENGINE"].rsplit(".", 1)[-1]
    sessions = (
        f"sessions in {os.environ['CACHE_URL']} (cached_db)"
        if os.environ.get("CACHE_URL")
        else "sessions in the database"
    )
    seed_seconds = prepare_data(options.patients, options.seed, options.plans)
    rng = random.Random(options.seed)
    ids, fragments, plans = sample_records(500, rng)
    api_key = bench_api_key()
    connection.close()

    port = free_port()
    server = start_server(port, options.workers)
    try:
        client = Client(port)
        client.login("practitioner", DEMO_PASSWORD)
        client.api_key = api_key
        medians = measure(
            client,
            chosen(pages(ids, fragments, plans, rng), options.only),
            rounds=options.rounds,
            threads=options.threads,
            max_requests=options.requests,
            max_seconds=options.seconds,
        )
        memory = worker_memory(server.pid)
    finally:
        server.terminate()
        server.wait(timeout=30)

    pdf = None
    if not options.no_pdf:
        from perf.bench.pdf_bench import run_pdf_benchmark

        pdf = run_pdf_benchmark()

    from assessments.models import TreatmentPlan
    from intake.models import Patient

    print(
        f"\n{datetime.now(UTC):%Y-%m-%d %H:%M} UTC · {os.cpu_count()} cores · "
        f"load average {os.getloadavg()[0]:.1f} · {engine} · {sessions} · "
        f"{Patient.objects.count()} patients, {TreatmentPlan.objects.count()} plans "
        f"(seed_demo --patients {options.patients} --plans {options.plans}: "
        f"{seed_seconds:.1f} s) · gunicorn {options.workers} workers · {options.threads} client "
        f"threads · median of {options.rounds} rounds\n"
    )
    print(table(medians))
    print()
    print(verdicts(medians, pdf, memory))


if __name__ == "__main__":
    main()
