"""Bounded load and database-restart check against a real gunicorn and PostgreSQL.

    .venv/bin/python -m perf.loadtest.run            (or: make loadtest)

What it does, all on loopback and bounded by request count and wall time:

1. creates a fresh database ``clinic_load_<pid>``, migrates it and runs ``seed_demo``;
2. starts gunicorn (3 workers) on a free 127.0.0.1 port, DATABASE_URL pointing at that database;
3. phase 1 ("steady"): front-desk sessions log in, register patients and submit complete intakes
   (GET the form for its CSRF token, then POST); practitioner sessions open the patient list,
   charts and intake summaries, and download the signed care-plan PDFs of a few seeded plans
   (perf/loadtest/seed_plans.py);
4. phase 2 ("restart"): the same load while PostgreSQL is stopped for a few seconds and started
   again, gunicorn left running; a probe polls /healthz to time the recovery;
5. checks the database: every intake the server accepted (302 to its summary) is there as posted,
   with its medications; no other intake row exists (besides those seeded with the plans),
   except one whose reply was lost in the outage and which is complete; nothing half-written;
6. prints a report, stops gunicorn, drops the database, and makes sure PostgreSQL is running.

Exit status 1 when the integrity check fails, a 5xx (or a dropped connection) happens outside the
outage window, or the app takes more than 15 seconds to answer again after PostgreSQL is back.
"""

import argparse
import functools
import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psycopg

from perf.loadtest.checks import integrity_check, report
from perf.loadtest.client import HOST, Run
from perf.loadtest.servers import (
    HealthProbe,
    admin_sql,
    ensure_pg_running,
    free_port,
    pg_ctl,
    pg_ready,
    wait_for,
)
from perf.loadtest.users import run_load

ROOT = Path(__file__).resolve().parents[2]
PYTHON = ROOT / ".venv" / "bin" / "python"
GUNICORN = ROOT / ".venv" / "bin" / "gunicorn"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workers", type=int, default=3, help="gunicorn workers (2-4)")
    parser.add_argument("--desks", type=int, default=8, help="front-desk sessions")
    parser.add_argument("--practitioners", type=int, default=3, help="practitioner sessions")
    parser.add_argument("--iterations", type=int, default=150, help="per phase and role")
    parser.add_argument("--seconds", type=float, default=60, help="time limit per phase")
    parser.add_argument("--plans", type=int, default=5, help="signed plans seeded to print")
    parser.add_argument("--down", type=float, default=4, help="seconds PostgreSQL stays down")
    parser.add_argument("--no-restart", action="store_true", help="skip the restart phase")
    args = parser.parse_args()

    ensure_pg_running()
    database = f"clinic_load_{os.getpid()}"
    dsn = f"host=127.0.0.1 port=5432 user=postgres dbname={database}"
    workdir = Path(tempfile.mkdtemp(prefix="clinic-load-"))
    env = {
        **os.environ,
        "DATABASE_URL": f"postgres://postgres@127.0.0.1:5432/{database}",
        "DEBUG": "true",  # development settings: plain HTTP on loopback, no collected static
        "DJANGO_SETTINGS_MODULE": "clinic.settings",
        "MEDIA_ROOT": str(workdir / "media"),
        "AXES_FAILURE_LIMIT": "1000",
        "LOG_LEVEL": "ERROR",
    }
    gunicorn = None
    run = Run()
    exit_code = 1
    try:
        admin_sql(f'CREATE DATABASE "{database}"')
        for command in (
            ["manage.py", "migrate", "--noinput"],
            ["manage.py", "seed_demo"],
            ["perf/loadtest/seed_plans.py", str(args.plans)],
        ):
            subprocess.run(
                [PYTHON, *command],
                cwd=ROOT,
                env=env,
                check=True,
                stdout=subprocess.DEVNULL,
                timeout=300,
            )
        with psycopg.connect(dsn) as conn:
            run.baseline_intakes = {r[0] for r in conn.execute("SELECT id FROM intake_intake")}
            run.plan_charts = [
                f"/patients/{r[0]}/"
                for r in conn.execute(
                    "SELECT DISTINCT patient_id FROM assessments_treatmentplan "
                    "WHERE status = 'signed'"
                )
            ]
        port = free_port()
        log = open(workdir / "gunicorn.log", "w")  # noqa: SIM115 (closed with the process)
        gunicorn = subprocess.Popen(
            [
                GUNICORN,
                "clinic.wsgi:application",
                "--workers",
                str(max(2, min(4, args.workers))),
                "--bind",
                f"{HOST}:{port}",
                "--timeout",
                "60",
            ],
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=log,
        )
        if not wait_for(port):
            print("gunicorn did not start; see", workdir / "gunicorn.log")
            return 1
        print(
            f"gunicorn pid {gunicorn.pid}, {args.workers} workers on {HOST}:{port}; "
            f"database {database}; {args.desks} front-desk + {args.practitioners} "
            f"practitioner sessions"
        )

        # Both phases put the same load on the server; the second restarts PostgreSQL under it.
        load = functools.partial(
            run_load,
            port,
            run,
            desks=args.desks,
            practitioners=args.practitioners,
            iterations=args.iterations,
            seconds=args.seconds,
        )
        run.phase = "steady"
        load()
        phases, outage, probe = ["steady"], None, HealthProbe(port)
        if not args.no_restart:
            run.phase = "restart"
            phases.append("restart")
            probe.start()
            times = {}

            def restart_postgres(stop):
                time.sleep(3)  # let the load get going
                times["stopped"] = time.monotonic()
                pg_ctl("stop")
                time.sleep(args.down)
                pg_ctl("start")
                while not pg_ready():
                    time.sleep(0.05)
                times["back"] = time.monotonic()

            load(during=restart_postgres)
            time.sleep(1)
            probe.stop.set()
            probe.join(10)
            outage = (times["stopped"], times["back"])
        lines, failures, _recovery = report(run, phases, probe, outage)
        problems, notes, n_intakes, n_meds = integrity_check(dsn, run, outage)
        accepted = sum(1 for a in run.attempts if a.intake_id)
        print("\n".join(lines))
        print(
            f"intakes: {len(run.attempts)} posted, {accepted} accepted; database holds "
            f"{n_intakes} intakes with {n_meds} medications; "
            f"{len(run.registered)} patients registered"
        )
        for note in notes:
            print("  note:", note)
        print("integrity check:", "PASSED" if not problems else "FAILED")
        for problem in problems[:20]:
            print("  -", problem)
        failures.extend(problems[:1] and ["integrity check failed"])
        for failure in failures:
            print("FAIL:", failure)
        print("server log:", workdir / "gunicorn.log")
        exit_code = 1 if failures else 0
        print("RESULT:", "PASS" if exit_code == 0 else "FAIL")
    finally:
        ensure_pg_running()
        if gunicorn is not None:
            gunicorn.send_signal(signal.SIGTERM)
            try:
                gunicorn.wait(20)
            except subprocess.TimeoutExpired:
                gunicorn.kill()
        try:
            admin_sql(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')
        except psycopg.Error as error:
            print("could not drop", database, error)
        ensure_pg_running()
    return exit_code


if __name__ == "__main__":
    sys.exit(main())
