"""The PostgreSQL cluster and the gunicorn under test: start, stop, wait, probe."""

import http.client
import socket
import subprocess
import threading
import time

import psycopg

from perf.loadtest.client import HOST

PG_ADMIN = "host=127.0.0.1 port=5432 user=postgres dbname=postgres"


def pg_ready():
    return subprocess.run(["pg_isready", "-h", HOST, "-q"], check=False, timeout=10).returncode == 0


def pg_ctl(action):
    subprocess.run(
        ["pg_ctlcluster", "--skip-systemctl-redirect", "15", "main", action],
        check=True,
        timeout=60,
    )


def ensure_pg_running():
    if not pg_ready():
        subprocess.run(
            ["pg_ctlcluster", "--skip-systemctl-redirect", "15", "main", "start"],
            check=False,
            timeout=60,
        )
        for _ in range(50):
            if pg_ready():
                break
            time.sleep(0.2)


def admin_sql(statement):
    with psycopg.connect(PG_ADMIN, autocommit=True) as conn:
        conn.execute(statement)


def free_port():
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


def wait_for(port, seconds=30):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            conn = http.client.HTTPConnection(HOST, port, timeout=2)
            conn.request("GET", "/healthz")
            if conn.getresponse().status == 200:
                return True
        except OSError:
            pass
        time.sleep(0.2)
    return False


class HealthProbe(threading.Thread):
    """Polls /healthz every 0.2 s on its own connection: [(time, status)]."""

    def __init__(self, port):
        super().__init__(daemon=True)
        self.port, self.samples, self.stop = port, [], threading.Event()

    def run(self):
        while not self.stop.is_set():
            at = time.monotonic()
            try:
                conn = http.client.HTTPConnection(HOST, self.port, timeout=5)
                conn.request("GET", "/healthz")
                status = conn.getresponse().status
                conn.close()
            except OSError:
                status = 0
            self.samples.append((at, status))
            time.sleep(0.2)
