"""seed_demo: the demo accounts as before, and --patients N generated patients, once."""

from datetime import date

import phonenumbers
import pytest
from django.core.management import call_command
from django.db import transaction

from assessments.models import Exam, OutcomeMeasure, PlanDocument, PlanStatus, TreatmentPlan
from assessments.outcomes.services import score_answers
from intake.models import Intake, Medication, Patient, fold_for_search

pytestmark = pytest.mark.django_db


def _generated():
    """Patients of the generated range (+1 438 ...), not the six named demo patients."""
    return Patient.objects.filter(phone__startswith="+1438")


@pytest.fixture(autouse=True)
def development_settings(settings):
    """seed_demo runs on a development setup only (DEBUG on); pytest turns DEBUG off."""
    settings.DEBUG = True


def test_without_arguments_it_creates_the_accounts_and_the_six_demo_patients():
    call_command("seed_demo")
    call_command("seed_demo")
    assert Patient.objects.count() == 6
    # One of them has a whole episode: a confirmed intake, a finished exam, a signed plan.
    showcase = Patient.objects.get(first_name="Zoë", last_name="Martin")
    assert Intake.objects.get().patient == showcase
    assert showcase.intakes.get().status == "confirmed"
    assert showcase.exams.get().status == "finished"
    plan = TreatmentPlan.objects.get()
    assert (plan.patient, plan.status) == (showcase, PlanStatus.SIGNED)
    assert PlanDocument.objects.filter(plan=plan).exists()


def test_generated_patients_are_complete_and_realistic():
    call_command("seed_demo", patients=40, seed=7)
    generated = _generated()
    assert generated.count() == 40
    assert Patient.objects.count() == 46
    for patient in generated:
        assert patient.search_name == fold_for_search(patient.full_name)
        assert phonenumbers.is_valid_number(patient.phone)
        assert patient.exams.exists()
    assert len(set(generated.values_list("phone", flat=True))) == 40
    assert Exam.objects.filter(status="finished").count() == Exam.objects.count()
    assert Medication.objects.exists()
    for measure in OutcomeMeasure.objects.all():
        assert measure.score == score_answers(measure.instrument, measure.answers)
    assert {"ODI", "NPRS"} == set(OutcomeMeasure.objects.values_list("instrument", flat=True))


def test_running_it_again_creates_nothing_and_a_larger_number_adds_the_difference():
    call_command("seed_demo", patients=10)
    call_command("seed_demo", patients=10)
    assert Patient.objects.count() == 16
    call_command("seed_demo", patients=25)
    assert Patient.objects.count() == 31
    assert Intake.objects.filter(patient__in=_generated()).count() == 25


def test_running_it_again_with_namesakes_of_the_showcase_patient_in_the_registry():
    # A large generated registry holds other Zoë Martins; a second run (make bench does one)
    # must still find the demo one, and give nobody else her episode.
    call_command("seed_demo")
    showcase = Patient.objects.get(phone="+14165550103")
    for born in (date(1994, 1, 27), date(1960, 5, 1)):
        Patient.objects.create(
            first_name="Zoë", last_name="Martin", date_of_birth=born, sex="female"
        )
    call_command("seed_demo")
    assert (
        Intake.objects.filter(patient__first_name="Zoë", patient__last_name="Martin").count() == 1
    )
    assert showcase.intakes.count() == 1
    assert TreatmentPlan.objects.filter(patient=showcase, status=PlanStatus.SIGNED).count() == 1


def test_the_same_seed_gives_the_same_patients():
    def generated():
        return list(
            _generated().order_by("phone").values_list("search_name", "date_of_birth", "phone")
        )

    # Seed, note the patients, then undo it all (finished exams and audit events cannot be
    # deleted) and seed again.
    with transaction.atomic():
        call_command("seed_demo", patients=5, seed=3, plans=0)
        first = generated()
        transaction.set_rollback(True)
    assert not _generated().exists()
    call_command("seed_demo", patients=5, seed=3, plans=0)
    assert generated() == first


def test_generated_patients_get_signed_plans_with_their_pdf_once():
    call_command("seed_demo", patients=12, plans=4, seed=5)
    plans = TreatmentPlan.objects.filter(patient__in=_generated())
    assert plans.count() == 4
    assert set(plans.values_list("status", flat=True)) == {PlanStatus.SIGNED}
    for plan in plans:
        assert plan.signed_document.pdf[:5] == b"%PDF-"
        assert plan.patient.phone.as_e164.startswith("+1438")
    call_command("seed_demo", patients=12, plans=4, seed=5)
    assert TreatmentPlan.objects.count() == 4 + 1  # and the showcase patient's
    assert PlanDocument.objects.count() == 4 + 1


def test_without_arguments_the_showcase_patient_is_the_only_one_with_a_plan():
    call_command("seed_demo")
    assert list(TreatmentPlan.objects.values_list("patient__first_name", flat=True)) == ["Zoë"]
