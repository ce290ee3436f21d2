"""Where a page's time goes, in-process: CPU per request, queries, and (optionally) a profile.

    DJANGO_SETTINGS_MODULE=perf.bench.settings .venv/bin/python -m perf.bench.profile \
        [--requests 50] [--profile "plan page"]

Runs against the database `make bench` seeded (var/bench.sqlite3, or DATABASE_URL), through the
same middleware and WSGI handler gunicorn runs, signed in as the demo practitioner. CPU time per
request (time.process_time) does not stretch with the machine's load the way wall time does, so
it is the fairer before/after when other work shares the cores; `make bench` stays the judge of
throughput.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import os
import pstats
import random
import statistics
import time


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=50)
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--profile", action="append", default=[], help="page name to profile")
    parser.add_argument("--only", action="append", default=[], help="measure only these pages")
    options = parser.parse_args(argv)

    from perf.bench.run import ROOT, bench_api_key, pages, sample_records

    os.environ.setdefault("DATABASE_URL", f"sqlite:///{ROOT / 'var' / 'bench.sqlite3'}")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "perf.bench.settings")
    os.environ.update(DEBUG="0", ALLOWED_HOSTS="testserver")
    os.environ.setdefault("SECRET_KEY", "profile-only-" + "x" * 40)
    import django

    django.setup()
    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.db import connection, reset_queries
    from django.test import Client, RequestFactory
    from django.test.utils import CaptureQueriesContext

    rng = random.Random(options.seed)
    ids, fragments, plans = sample_records(100, rng)
    api_key = bench_api_key()
    client = Client()
    user = get_user_model().objects.get(username="practitioner")
    client.force_login(user, backend="clinic.auth_backend.ClinicBackend")
    cookie = f"{settings.SESSION_COOKIE_NAME}={client.cookies[settings.SESSION_COOKIE_NAME].value}"
    from perf.bench.wsgi import application

    def get(path):
        """One GET through the WSGI entry point gunicorn serves (bare floor included)."""
        environ = RequestFactory().get(path).environ
        environ.update(
            {"HTTP_COOKIE": cookie, "HTTP_X_FORWARDED_PROTO": "https", "wsgi.url_scheme": "https"}
        )
        if path.startswith("/api/"):
            environ["HTTP_AUTHORIZATION"] = f"Bearer {api_key}"
        statuses = []
        body = application(environ, lambda status, headers, exc_info=None: statuses.append(status))
        b"".join(body)
        body.close()
        return int(statuses[0].split()[0])

    print(f"{'page':<22} {'CPU ms p50':>10} {'min':>7} {'queries':>8}")
    for name, next_path in pages(ids, fragments, plans, rng).items():
        if options.only and name not in options.only:
            continue
        for _ in range(5):  # warm up: templates compiled, caches filled
            get(next_path())
        paths = [next_path() for _ in range(options.requests)]
        cpu = []
        with CaptureQueriesContext(connection) as queries:
            for path in paths:
                started = time.process_time()
                status = get(path)
                cpu.append((time.process_time() - started) * 1000)
                if status != 200:
                    raise RuntimeError(f"{name}: {path} answered {status}")
        per_request = len(queries.captured_queries) / len(paths)
        print(f"{name:<22} {statistics.median(cpu):>10.2f} {min(cpu):>7.2f} {per_request:>8.1f}")
        reset_queries()
        if name in options.profile:
            profiler = cProfile.Profile()
            profiler.enable()
            for path in paths:
                get(path)
            profiler.disable()
            out = io.StringIO()
            pstats.Stats(profiler, stream=out).sort_stats(
                os.environ.get("PROFILE_SORT", "cumulative")
            ).print_stats(int(os.environ.get("PROFILE_LINES", 45)))
            print(out.getvalue())


if __name__ == "__main__":
    main()
