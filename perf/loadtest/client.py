"""What the load records, and a browser-like session over http.client that records every call."""

import http.client
import re
import threading
import time
from dataclasses import dataclass, field
from urllib.parse import urlencode

HOST = "127.0.0.1"
DEMO_PASSWORD = "demo-clinic-2026"  # clinic/management/commands/seed_demo.py
REQUEST_TIMEOUT = 30

CSRF_INPUT = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


@dataclass
class Record:
    phase: str
    name: str
    status: int  # 0: no HTTP answer (connection refused, reset, timeout)
    start: float
    end: float

    @property
    def failed(self):
        return self.status == 0 or self.status >= 500


@dataclass
class Attempt:
    """One intake POST: what was sent and what the server said."""

    marker: str
    patient_id: int
    medications: list
    status: int
    start: float
    end: float
    intake_id: int | None = None


@dataclass
class Run:
    records: list = field(default_factory=list)
    attempts: list = field(default_factory=list)
    registered: list = field(default_factory=list)  # patient ids the server accepted
    plan_charts: list = field(default_factory=list)  # charts of patients with a signed plan
    baseline_intakes: set = field(default_factory=set)  # seeded before the load started
    lock: threading.Lock = field(default_factory=threading.Lock)
    phase: str = "steady"

    def add(self, record):
        with self.lock:
            self.records.append(record)


class Session:
    def __init__(self, port, run, name):
        self.port, self.run, self.name = port, run, name
        self.cookies = {}
        self.conn = None

    def _connection(self):
        if self.conn is None:
            self.conn = http.client.HTTPConnection(HOST, self.port, timeout=REQUEST_TIMEOUT)
        return self.conn

    def request(self, method, path, label, data=None):
        """(status, headers, body); status 0 when no answer came back. Every call is recorded."""
        headers = {"Host": f"{HOST}:{self.port}", "Connection": "keep-alive"}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        body = None
        if data is not None:
            body = urlencode(data, doseq=True).encode()
            headers["Content-Type"] = "application/x-www-form-urlencoded"
            headers["Referer"] = f"http://{HOST}:{self.port}{path}"
        start = time.monotonic()
        try:
            conn = self._connection()
            conn.request(method, path, body=body, headers=headers)
            response = conn.getresponse()
            content = response.read()
            status, reply_headers = response.status, response.msg
            if response.will_close:
                self.close()
        except (OSError, http.client.HTTPException):
            self.close()
            self.run.add(Record(self.run.phase, label, 0, start, time.monotonic()))
            return 0, None, b""
        end = time.monotonic()
        self.run.add(Record(self.run.phase, label, status, start, end))
        for cookie in reply_headers.get_all("Set-Cookie") or []:
            pair = cookie.split(";", 1)[0]
            key, _, value = pair.partition("=")
            if value in ("", '""'):
                self.cookies.pop(key.strip(), None)
            else:
                self.cookies[key.strip()] = value.strip()
        return status, reply_headers, content.decode("utf-8", "replace")

    def close(self):
        if self.conn is not None:
            self.conn.close()
            self.conn = None

    def form_token(self, path, label):
        status, _headers, body = self.request("GET", path, label)
        match = CSRF_INPUT.search(body) if status == 200 else None
        return match.group(1) if match else None

    def login(self, username):
        token = self.form_token("/accounts/login/", "login GET")
        if not token:
            return False
        status, headers, _body = self.request(
            "POST",
            "/accounts/login/",
            "login POST",
            {"csrfmiddlewaretoken": token, "username": username, "password": DEMO_PASSWORD},
        )
        return status == 302 and "sessionid" in self.cookies
