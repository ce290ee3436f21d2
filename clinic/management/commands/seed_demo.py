"""Demo accounts (one per role) and a handful of demo patients. Safe to run again.

With ``--patients N`` it also bulk-creates N realistic patients with their intakes, medications,
finished exams and outcome scores, for demos at clinic-network scale and for ``make bench``, and
signs treatment plans (each with its stored care-plan PDF) for the first ``--plans`` of them.
"""

import random
from datetime import UTC, date, datetime, time, timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from assessments import outcomes
from assessments.models import (
    Exam,
    ExamStatus,
    OutcomeMeasure,
    OutcomeSource,
    PlanStatus,
    TreatmentPlan,
)
from clinic.management.seed_plans import sign_seed_plan
from clinic.management.seed_range import (
    SEED_AREA_CODE,
    SEED_CAPACITY,
    existing_seed_indexes,
    plan_candidates,
    seed_phone,
)
from clinic.management.seed_words import (
    COMPLAINTS,
    CRAMP_LINKED_DRUGS,
    ENGLISH_FEMALE,
    ENGLISH_MALE,
    FRENCH_FEMALE,
    FRENCH_LAST,
    FRENCH_MALE,
    FREQUENCIES,
    LUMBAR_LEVELS,
    MUSCLES,
    OTHER_DRUGS,
    OTHER_LAST,
    STIFFNESS,
    TIMINGS,
)
from clinic.models import ClinicProfile, StaffProfile
from clinic.roles import CLINIC_ADMIN, FRONT_DESK, PRACTITIONER
from intake.models import (
    RED_FLAG_FIELDS,
    Intake,
    IntakeSource,
    IntakeStatus,
    Medication,
    Patient,
    fold_name,
)

DEMO_PASSWORD = "demo-clinic-2026"
DEMO_ACCOUNTS = [
    # username, first name, last name, role, staff (may open the admin)
    ("frontdesk", "Fiona", "Desk", FRONT_DESK, False),
    ("practitioner", "Paul", "Martel", PRACTITIONER, False),
    ("clinicadmin", "Ada", "Admin", CLINIC_ADMIN, True),
]
DEMO_PATIENTS = [
    ("Élodie", "Lefèvre", date(1988, 4, 12), "female", "+15145550101", "fr"),
    ("François", "Tremblay", date(1957, 9, 3), "male", "+15145550102", "fr"),
    ("Zoë", "Martin", date(1994, 1, 27), "female", "+14165550103", "en"),
    ("Margaret", "O'Neill", date(1949, 11, 8), "female", "+14165550104", "en"),
    ("Daniel", "Okafor", date(1979, 6, 30), "male", "+16135550105", "en"),
    ("Sofia", "Rossi", date(2001, 2, 14), "female", "+16135550106", "en"),
]

# --- Bulk seeding (--patients N) ------------------------------------------------------------------

BATCH_SIZE = 2000
DEFAULT_PLANS = 100


def _aware(day, rng):
    return datetime.combine(day, time(rng.randint(8, 18), rng.choice((0, 15, 30, 45))), tzinfo=UTC)


def _patient(rng, index, front_desk, today):
    french = rng.random() < 0.45
    female = rng.random() < 0.55
    if french:
        first = rng.choice(FRENCH_FEMALE if female else FRENCH_MALE)
        last = rng.choice(FRENCH_LAST if rng.random() < 0.85 else OTHER_LAST)
    else:
        first = rng.choice(ENGLISH_FEMALE if female else ENGLISH_MALE)
        last = rng.choice(OTHER_LAST if rng.random() < 0.8 else FRENCH_LAST)
    born = date(1935, 1, 1) + timedelta(days=rng.randrange(0, 73 * 365))
    consented = _aware(today - timedelta(days=rng.randrange(30, 3000)), rng)
    return Patient(
        first_name=first,
        last_name=last,
        # bulk_create does not call save(), which keeps search_name in step: fill it here.
        search_name=fold_name(f"{first} {last}"),
        date_of_birth=born,
        sex="female" if female else "male",
        phone=seed_phone(index),
        preferred_language="fr" if french and rng.random() < 0.9 else "en",
        created_by=front_desk,
        consent_treatment_at=consented,
        consent_treatment_by=front_desk,
        consent_privacy_at=consented,
        consent_privacy_by=front_desk,
    )


def _intake(rng, patient, front_desk, practitioner, when):
    pregnant = patient.sex == "female" and rng.random() < 0.06
    region = rng.choice(("", "", "", "lumbar", "cervical"))
    thyroid = rng.choice(("none", "none", "none", "none", "underactive", "overactive", "unsure"))
    confirmed = rng.random() < 0.85
    return Intake(
        patient=patient,
        status=IntakeStatus.CONFIRMED if confirmed else IntakeStatus.SUBMITTED,
        source=IntakeSource.FRONT_DESK if rng.random() < 0.8 else IntakeSource.PATIENT,
        complaint=rng.choice(COMPLAINTS),
        cramp_muscles=rng.sample(MUSCLES, rng.randint(1, 3)),
        cramp_side=rng.choice(("left", "right", "both")),
        cramp_timing=rng.sample(TIMINGS, rng.randint(1, 2)),
        cramps_per_week=rng.randint(1, 14),
        episode_minutes=rng.randint(1, 15),
        months_since_onset=rng.randint(1, 120),
        pregnant=pregnant,
        gestation_weeks=rng.randint(8, 40) if pregnant else None,
        thyroid=thyroid,
        thyroid_treated=None if thyroid in ("none", "unsure") else rng.random() < 0.7,
        pad_diagnosed=rng.random() < 0.05,
        calf_pain_walking=rng.random() < 0.08,
        stenosis_region=region if rng.random() < 0.5 else "",
        disc_injury_region=region if rng.random() < 0.3 else "",
        current_back_pain=rng.random() < 0.4,
        current_neck_pain=rng.random() < 0.2,
        diabetes=rng.random() < 0.1,
        peripheral_neuropathy=rng.random() < 0.03,
        sitting_hours_per_day=rng.randint(1, 12),
        long_standing_at_work=rng.random() < 0.3,
        sits_legs_crossed=rng.random() < 0.4,
        sleeps_feet_pointed_down=rng.random() < 0.5,
        takes_sitting_breaks=rng.random() < 0.4,
        exercise_level=rng.choice(("none", "light", "moderate", "vigorous")),
        water_litres_per_day=rng.choice((0.5, 1, 1.5, 2, 2.5, 3)),
        coffee_tea_cups_per_day=rng.randint(0, 6),
        footwear=rng.choice(("supportive", "unsupportive", "high_heels", "mixed")),
        flat_feet_known=rng.random() < 0.1,
        red_flag_calf_swollen_red_warm=rng.random() < 0.01,
        red_flag_saddle_numbness=False,
        red_flag_bladder_bowel_change=False,
        red_flag_progressive_weakness=rng.random() < 0.01,
        red_flag_unexplained_weight_loss=False,
        red_flag_fever=False,
        created_by=front_desk,
        submitted_at=when,
        confirmed_at=when if confirmed else None,
        confirmed_by=practitioner if confirmed else None,
    )


def _medications(rng, intake):
    rows = []
    for position in range(rng.choice((0, 0, 1, 1, 2, 3))):
        linked = rng.random() < 0.35
        name, dose = rng.choice(CRAMP_LINKED_DRUGS if linked else OTHER_DRUGS)
        rows.append(
            Medication(
                intake=intake,
                name=name,
                dose=dose,
                frequency=rng.choice(FREQUENCIES),
                since=f"{rng.randint(1, 15)} years",
                position=position,
            )
        )
    return rows


def _exam(rng, patient, practitioner, day):
    segments = [
        {
            "level": level,
            "stiffness": rng.choice(STIFFNESS),
            "tender": rng.random() < 0.5,
            "side": rng.choice(("central", "left", "right", "both")),
        }
        for level in sorted(rng.sample(LUMBAR_LEVELS, rng.randint(0, 2)), key=LUMBAR_LEVELS.index)
    ]
    return Exam(
        patient=patient,
        practitioner=practitioner,
        examined_on=day,
        status=ExamStatus.FINISHED,
        head_forward=rng.random() < 0.3,
        rounded_shoulders=rng.random() < 0.3,
        sitting_posture=rng.choice(("upright", "slumped")),
        segments=segments,
        lumbar_flexion=rng.choice(("", "full", "reduced", "painful")),
        slr_left_degrees=rng.randint(40, 90),
        slr_right_degrees=rng.randint(40, 90),
        glute_max_left=rng.randint(3, 5),
        glute_max_right=rng.randint(3, 5),
        calf_left=rng.randint(3, 5),
        calf_right=rng.randint(3, 5),
        ankle_dorsiflexion_left_degrees=rng.randint(0, 20),
        ankle_dorsiflexion_right_degrees=rng.randint(0, 20),
        pain_now=rng.randint(0, 9),
        cramp_reproduced=rng.random() < 0.1,
        finished_at=_aware(day, rng),
        finished_by=practitioner,
    )


def _outcomes(rng, exam, practitioner, severity):
    when = exam.finished_at
    odi_answers = {
        item.key: max(0, min(5, round(rng.gauss(severity * 5, 1)))) for item in outcomes.ODI.items
    }
    pain = max(0, min(10, round(rng.gauss(severity * 10, 1.5))))
    return [
        OutcomeMeasure(
            patient_id=exam.patient_id,
            exam=exam,
            instrument="ODI",
            answers=odi_answers,
            score=outcomes.score_odi(odi_answers).value,
            taken_on=exam.examined_on,
            recorded_at=when,
            recorded_by=practitioner,
            source=OutcomeSource.PRACTITIONER,
        ),
        OutcomeMeasure(
            patient_id=exam.patient_id,
            exam=exam,
            instrument="NPRS",
            answers={"pain_now": pain},
            score=float(outcomes.score_nprs(pain)),
            taken_on=exam.examined_on,
            recorded_at=when,
            recorded_by=practitioner,
            source=OutcomeSource.PRACTITIONER,
        ),
    ]


def seed_batch(indexes, *, seed, front_desk, practitioner, today):
    """Create the patients with these seed numbers and their records, in one transaction.

    Each batch draws from its own generator, keyed by the seed and its first number: the same
    --seed on the same registry gives the same patients.

    bulk_create skips simple-history: seeded rows have no history record. That is acceptable
    for generated demo data (nobody changed them); every change made through the app afterwards
    is recorded as usual.
    """
    rng = random.Random(f"{seed}:{indexes[0]}")
    patients = Patient.objects.bulk_create(
        [_patient(rng, index, front_desk, today) for index in indexes]
    )
    intakes, exams = [], []
    for patient in patients:
        visits = rng.choice((1, 1, 1, 2, 2, 3))
        start = today - timedelta(days=rng.randrange(7 * visits + 7, 1500))
        intakes.append(_intake(rng, patient, front_desk, practitioner, _aware(start, rng)))
        for visit in range(visits):
            exams.append(_exam(rng, patient, practitioner, start + timedelta(weeks=visit)))
    intakes = Intake.objects.bulk_create(intakes)
    Medication.objects.bulk_create([row for intake in intakes for row in _medications(rng, intake)])
    exams = Exam.objects.bulk_create(exams)
    measures, severity = [], {}
    for exam in exams:
        # Each visit a little better than the one before: the chart shows a trend.
        level = severity.get(exam.patient_id, rng.uniform(0.3, 0.8))
        severity[exam.patient_id] = max(0.05, level - rng.uniform(0.02, 0.15))
        measures.extend(_outcomes(rng, exam, practitioner, level))
    OutcomeMeasure.objects.bulk_create(measures)
    return len(patients), len(intakes), len(exams), len(measures)


# The demo patient whose whole episode is there (intake confirmed, exam finished, plan signed),
# so a newcomer sees every page of the product in a minute.
SHOWCASE_PATIENT = ("Zoë", "Martin", "+14165550103")  # the demo patient's own phone


def seed_showcase(front_desk, practitioner):
    """Zoë Martin's episode, made once: a confirmed intake with a statin, a finished exam with
    outcome scores, and a plan signed through the plan services (its PDF stored)."""
    first, last, phone = SHOWCASE_PATIENT
    # The named demo patient: a large generated registry (--patients) has other Zoë Martins,
    # some born on the same day, but none with the demo's phone.
    patient = Patient.objects.get(first_name=first, last_name=last, phone=phone)
    if patient.intakes.exists():
        return patient
    rng = random.Random("showcase")
    today = timezone.localdate()
    when = _aware(today - timedelta(days=7), rng)
    intake = _intake(rng, patient, front_desk, practitioner, when)
    intake.status, intake.confirmed_at, intake.confirmed_by = (
        IntakeStatus.CONFIRMED,
        when,
        practitioner,
    )
    intake.pregnant, intake.gestation_weeks = False, None
    for name in RED_FLAG_FIELDS:
        setattr(intake, name, False)
    intake.save()
    Medication.objects.create(
        intake=intake, name="Atorvastatin", dose="20 mg", frequency="daily", since="2 years"
    )
    exam = _exam(rng, patient, practitioner, today - timedelta(days=6))
    exam.intake = intake
    # Created finished, as the bulk seed does (a finished exam refuses later saves).
    [exam] = Exam.objects.bulk_create([exam])
    OutcomeMeasure.objects.bulk_create(_outcomes(rng, exam, practitioner, 0.45))
    sign_seed_plan(patient, practitioner)
    return patient


class Command(BaseCommand):
    help = (
        "Create the demo accounts (one per role) and demo patients, without duplicates. "
        "With --patients N, also bulk-create N generated patients with intakes, medications, "
        "finished exams and outcome scores. Generated patient number i (0 to N-1) has the phone "
        f"number +1 {SEED_AREA_CODE} (200 + i // 10000) (i % 10000), a range kept for seeded "
        "data: a run creates only the numbers below N not yet in the registry, so running it "
        "again creates nothing and a larger N adds the difference. The same --seed gives the "
        "same patients. Generated rows have no simple-history record (bulk inserts). The first "
        f"--plans (default {DEFAULT_PLANS}) generated patients with a confirmed intake and a "
        "finished exam also get a treatment plan, made and signed through the plan services "
        "(with its stored care-plan PDF); a patient who already has a plan is skipped."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--patients", type=int, default=0, help="How many generated patients to have."
        )
        parser.add_argument("--seed", type=int, default=42, help="Random seed (default 42).")
        parser.add_argument(
            "--plans",
            type=int,
            default=DEFAULT_PLANS,
            help=f"How many generated patients get a signed plan (default {DEFAULT_PLANS}).",
        )

    def handle(self, *args, **options):
        # The demo accounts share a password published in the README: never on a real server.
        if not settings.DEBUG:
            raise CommandError(
                "seed_demo creates demo accounts with a published password and refuses to run "
                "with DEBUG off (a production database). Run it on a development setup "
                "(DEBUG=true)."
            )
        self.seed_demo()
        count = options["patients"]
        if count:
            if not 0 < count <= SEED_CAPACITY:
                raise CommandError(f"--patients must be between 1 and {SEED_CAPACITY}.")
            self.seed_many(count, options["seed"])
            if options["plans"] > 0:
                self.seed_plans(count, options["plans"])

    @transaction.atomic
    def seed_demo(self):
        user_model = get_user_model()
        for username, first, last, role, is_staff in DEMO_ACCOUNTS:
            user, created = user_model.objects.get_or_create(
                username=username,
                defaults={"first_name": first, "last_name": last, "is_staff": is_staff},
            )
            if created:
                user.set_password(DEMO_PASSWORD)
                user.save()
            user.groups.add(Group.objects.get(name=role))
            if role == PRACTITIONER:
                # Credentials print under the signer's name on letters and care plans.
                StaffProfile.objects.get_or_create(
                    user=user,
                    defaults={"title": "Physiotherapist", "registration_number": "PT-DEMO-0001"},
                )
        if not ClinicProfile.objects.exists():
            ClinicProfile.objects.create(
                name="Clinique Demo Physio",
                address="123 rue Saint-Denis\nMontréal QC H2X 1K1",
                phone="+1 514 555 0100",
                email="info@clinique-demo.example",
            )
        front_desk = user_model.objects.get(username="frontdesk")
        now = timezone.now()
        for first, last, born, sex, phone, language in DEMO_PATIENTS:
            # Keyed by the demo phone too: a large generated registry has namesakes, some born
            # on the same day, but never in the demo's phone range.
            Patient.objects.get_or_create(
                first_name=first,
                last_name=last,
                date_of_birth=born,
                phone=phone,
                defaults={
                    "sex": sex,
                    "preferred_language": language,
                    "created_by": front_desk,
                    "consent_treatment_at": now,
                    "consent_treatment_by": front_desk,
                    "consent_privacy_at": now,
                    "consent_privacy_by": front_desk,
                },
            )
        showcase = seed_showcase(front_desk, user_model.objects.get(username="practitioner"))
        self.stdout.write(f"Demo accounts (password for each: {DEMO_PASSWORD}):")
        for username, _first, _last, role, _staff in DEMO_ACCOUNTS:
            self.stdout.write(f"  {username:<14} {role}")
        self.stdout.write(
            "clinicadmin must set up two-step sign-in at first sign-in: scan the QR code with "
            "any TOTP app (FreeOTP, Aegis, Google Authenticator) and keep the recovery codes."
        )
        self.stdout.write(
            f"Demo patients: {Patient.objects.count()} in the registry; {showcase.full_name} has "
            "a confirmed intake, a finished exam and a signed care plan."
        )

    def seed_many(self, count, seed):
        user_model = get_user_model()
        front_desk = user_model.objects.get(username="frontdesk")
        practitioner = user_model.objects.get(username="practitioner")
        today = timezone.localdate()
        existing = existing_seed_indexes()
        missing = [index for index in range(count) if index not in existing]
        started = timezone.now()
        totals = [0, 0, 0, 0]
        for start in range(0, len(missing), BATCH_SIZE):
            with transaction.atomic():
                created = seed_batch(
                    missing[start : start + BATCH_SIZE],
                    seed=seed,
                    front_desk=front_desk,
                    practitioner=practitioner,
                    today=today,
                )
            totals = [a + b for a, b in zip(totals, created, strict=True)]
        seconds = (timezone.now() - started).total_seconds()
        self.stdout.write(
            f"Generated patients: {totals[0]} created ({len(existing)} already there), "
            f"{totals[1]} intakes, {totals[2]} exams, {totals[3]} outcome scores "
            f"in {seconds:.1f} s."
        )

    def seed_plans(self, count, plans):
        practitioner = get_user_model().objects.get(username="practitioner")
        started = timezone.now()
        candidates = plan_candidates(count, plans)
        planned = set(
            TreatmentPlan.objects.filter(patient__in=candidates).values_list(
                "patient_id", flat=True
            )
        )
        created, failed = 0, 0
        for patient in candidates:
            if patient.pk in planned:
                continue
            try:
                with transaction.atomic():
                    plan = sign_seed_plan(patient, practitioner)
            except ValidationError as error:
                failed += 1
                self.stderr.write(f"No plan for seeded patient {patient.pk}: {error}")
                continue
            created += plan.status == PlanStatus.SIGNED
        seconds = (timezone.now() - started).total_seconds()
        self.stdout.write(
            f"Signed plans: {created} created ({len(planned)} already there"
            + (f", {failed} could not be made" if failed else "")
            + f") in {seconds:.1f} s."
        )
