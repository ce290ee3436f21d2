"""What the users do: front-desk sessions register patients and submit intakes; practitioner
sessions read charts and print signed care plans. Both are bounded by a shared budget."""

import os
import random
import re
import threading
import time

from perf.loadtest.client import REQUEST_TIMEOUT, Attempt, Session
from tests.intake.builders import complete_answers

INTAKE_DETAIL = re.compile(r"^/patients/(\d+)/intakes/(\d+)/$")
PATIENT_CHART = re.compile(r"^/patients/(\d+)/$")
CHART_LINK = re.compile(r'href="(/patients/\d+/)"')
INTAKE_LINK = re.compile(r'href="(/patients/\d+/intakes/\d+/)"')
PDF_LINK = re.compile(r'href="(/patients/\d+/plans/\d+/care-plan\.pdf[^"]*)"')


def _intake_post(token, marker, medications):
    """The whole questionnaire the tests post, with this attempt's complaint and medications."""
    data = complete_answers(
        csrfmiddlewaretoken=token, complaint=f"Night calf cramps {marker}", submit=""
    )
    for name in [key for key in data if key.startswith("medications-0-")]:
        del data[name]
    for i, (name, dose, frequency, since) in enumerate(medications):
        data.update(
            {
                f"medications-{i}-name": name,
                f"medications-{i}-dose": dose,
                f"medications-{i}-frequency": frequency,
                f"medications-{i}-since": since,
            }
        )
    return data


def front_desk_worker(port, run, number, stop, budget):
    session = Session(port, run, f"desk{number}")
    rng = random.Random(number)
    iteration = 0
    while not stop.is_set() and budget.take():
        iteration += 1
        marker = f"L{os.getpid()}-{run.phase[0]}{number}-{iteration}"
        if "sessionid" not in session.cookies and not session.login("frontdesk"):
            time.sleep(0.2)
            continue
        token = session.form_token("/patients/new/", "register GET")
        if not token:
            time.sleep(0.2)
            continue
        status, headers, _ = session.request(
            "POST",
            "/patients/new/",
            "register POST",
            {
                "csrfmiddlewaretoken": token,
                "first_name": f"Load{number}",
                "last_name": f"Patient {marker}",
                "date_of_birth": f"{rng.randint(1940, 1999)}-{rng.randint(1, 12):02d}-15",
                "sex": rng.choice(["female", "male"]),
                "phone": f"+1514555{rng.randint(0, 9999):04d}",
                "email": "",
                "address": "1 rue Test",
                "emergency_contact_name": "",
                "emergency_contact_phone": "",
                "preferred_language": rng.choice(["en", "fr"]),
                "consent_treatment": "on",
                "consent_privacy": "on",
                "version": "",
            },
        )
        match = PATIENT_CHART.match(headers.get("Location", "")) if status == 302 else None
        if not match:
            time.sleep(0.2)
            continue
        patient_id = int(match.group(1))
        with run.lock:
            run.registered.append(patient_id)
        new_intake = f"/patients/{patient_id}/intakes/new/"
        token = session.form_token(new_intake, "intake GET")
        if not token:
            continue
        medications = [
            (f"Med{k} {marker}", f"{10 * (k + 1)} mg", "daily", "2023")
            for k in range(rng.randint(0, 3))
        ]
        start = time.monotonic()
        status, headers, _ = session.request(
            "POST", new_intake, "intake POST", _intake_post(token, marker, medications)
        )
        attempt = Attempt(marker, patient_id, medications, status, start, time.monotonic())
        match = INTAKE_DETAIL.match(headers.get("Location", "")) if status == 302 else None
        if match:
            attempt.intake_id = int(match.group(2))
        with run.lock:
            run.attempts.append(attempt)
        if match:
            session.request("GET", match.group(0), "intake detail")
    session.close()


def practitioner_worker(port, run, number, stop, budget):
    session = Session(port, run, f"prac{number}")
    rng = random.Random(1000 + number)
    while not stop.is_set() and budget.take():
        if "sessionid" not in session.cookies and not session.login("practitioner"):
            time.sleep(0.2)
            continue
        status, _h, body = session.request("GET", "/patients/", "patient list")
        charts = CHART_LINK.findall(body) if status == 200 else []
        if run.plan_charts and rng.random() < 0.5:
            charts = run.plan_charts  # a patient whose signed plan is printed today
        if not charts:
            time.sleep(0.2)
            continue
        chart = rng.choice(charts)
        status, _h, body = session.request("GET", chart, "chart")
        if status != 200:
            continue
        for link in INTAKE_LINK.findall(body)[:1]:
            session.request("GET", link, "intake detail (practitioner)")
        for link in PDF_LINK.findall(body)[:1]:
            session.request("GET", link.replace("&amp;", "&"), "care-plan PDF")
        time.sleep(0.05)
    session.close()


class Budget:
    """A shared count of iterations: the load stops by itself when it runs out."""

    def __init__(self, count):
        self.left, self.lock = count, threading.Lock()

    def take(self):
        with self.lock:
            if self.left <= 0:
                return False
            self.left -= 1
            return True


def run_load(port, run, *, desks, practitioners, iterations, seconds, during=None):
    stop = threading.Event()
    desk_budget, prac_budget = Budget(iterations), Budget(iterations)
    threads = [
        threading.Thread(target=front_desk_worker, args=(port, run, n, stop, desk_budget))
        for n in range(desks)
    ] + [
        threading.Thread(target=practitioner_worker, args=(port, run, n, stop, prac_budget))
        for n in range(practitioners)
    ]
    for thread in threads:
        thread.start()
    deadline = time.monotonic() + seconds
    if during is not None:
        during(stop)
    while any(t.is_alive() for t in threads) and time.monotonic() < deadline:
        time.sleep(0.1)
    stop.set()
    for thread in threads:
        thread.join(REQUEST_TIMEOUT + 5)
