"""Seed a few signed care plans into the load-test database, so practitioners can print them.

Run by perf.loadtest.run with the load database in DATABASE_URL. Uses the test suite's own
builders (a confirmed intake and a finished exam) and the plan services, as a practitioner would.
"""

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "clinic.settings")

import django  # noqa: E402

django.setup()

from django.contrib.auth import get_user_model  # noqa: E402

from assessments.plans import services as plan_services  # noqa: E402
from tests.builders import (  # noqa: E402
    answer_precautions,
    pregnant_calf_cramps,
)


def main(count):
    practitioner = get_user_model().objects.get(username="practitioner")
    for _ in range(count):
        intake, exam = pregnant_calf_cramps()
        plan = plan_services.plan_generate(
            patient=intake.patient, intake=intake, exam=exam, by=practitioner
        )
        plan = answer_precautions(plan, practitioner)
        plan_services.plan_sign(plan=plan, expected_version=plan.version, by=practitioner)
    print(f"{count} signed plans seeded")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 5)
