"""Visit notes, re-assessment and discharge as the services write them."""

import hashlib
from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from assessments.models import (
    Episode,
    EpisodeDocument,
    EpisodeLockedError,
    Visit,
    VisitLockedError,
)
from assessments.plans import services as plan_services
from assessments.visits import review_services, services
from assessments.visits.selectors import reassessment_due, red_flag_hold
from clinic.models import AuditAction, AuditEvent
from tests.assessments.documents.pdf_reading import flat, full_text
from tests.assessments.visits.episode_builder import (
    all_done,
    reassessment_exam,
    signed_plan_with_baseline,
    signed_visit,
    visit_data,
)

pytestmark = pytest.mark.django_db


def test_the_first_visit_opens_the_episode_of_the_plans_intake_once(practitioner):
    plan = signed_plan_with_baseline(practitioner)

    first = signed_visit(plan, practitioner)
    second = signed_visit(plan, practitioner)

    assert first.episode == second.episode
    assert Episode.objects.get().intake == plan.intake
    assert AuditEvent.objects.filter(action=AuditAction.EPISODE_OPENED).count() == 1
    assert AuditEvent.objects.filter(action=AuditAction.VISIT_SIGNED).count() == 2


def test_treatment_rows_are_the_plans_kept_items_with_the_dosage_given(practitioner):
    plan = signed_plan_with_baseline(practitioner)
    treatment = all_done(plan, dosage_suffix=" (less today)")
    treatment.append({"item": 999999, "done": True, "dosage": "not in the plan"})

    visit = signed_visit(plan, practitioner)
    visit = services.visit_record(
        plan=plan, data=visit_data(), treatment=treatment, by=practitioner
    )

    kept = list(plan.items.filter(removed=False).order_by("position", "pk"))
    assert [row["item"] for row in visit.treatment] == [item.pk for item in kept]
    assert all(row["dosage"].endswith("(less today)") for row in visit.treatment)
    assert [row["planned"] for row in visit.treatment] == [item.dosage for item in kept]


def test_a_visit_is_never_dated_before_the_episode_began_or_in_the_future(practitioner):
    plan = signed_plan_with_baseline(practitioner)
    for day in (timezone.localdate() - timedelta(days=1), timezone.localdate() + timedelta(1)):
        with pytest.raises(ValidationError) as refused:
            signed_visit(plan, practitioner, visit_on=day)
        assert "visit_on" in refused.value.message_dict
    assert not Visit.objects.exists()


def test_a_draft_is_saved_against_its_version_then_signed_and_locked(practitioner):
    plan = signed_plan_with_baseline(practitioner)
    draft = services.visit_record(
        plan=plan, data=visit_data(), treatment=all_done(plan), by=practitioner
    )
    with pytest.raises(services.ConcurrentEditError):
        services.visit_save(
            visit=draft, data=visit_data(), treatment=[], expected_version=0, by=practitioner
        )

    signed = services.visit_save(
        visit=draft,
        data=visit_data(objective="Better"),
        treatment=all_done(plan),
        expected_version=draft.version,
        by=practitioner,
        sign=True,
    )

    assert signed.is_signed and signed.objective == "Better"
    signed.objective = "changed in place"
    with pytest.raises(VisitLockedError):
        signed.save()
    with pytest.raises(VisitLockedError):
        Visit.objects.filter(pk=signed.pk).update(objective="bulk")
    with pytest.raises(ValidationError):
        signed.delete()


def test_a_signed_note_is_corrected_by_an_addendum_with_a_reason(practitioner):
    plan = signed_plan_with_baseline(practitioner)
    visit = signed_visit(plan, practitioner)

    with pytest.raises(ValidationError):
        services.visit_addendum(visit=visit, text="NPRS was 3", reason="", by=practitioner)
    services.visit_addendum(
        visit=visit, text="NPRS was 3, not 2", reason="Typed the wrong score", by=practitioner
    )

    visit.refresh_from_db()
    assert visit.pain_nprs == 2  # the note stays as signed
    assert visit.addenda.get().reason == "Typed the wrong score"
    assert AuditEvent.objects.filter(action=AuditAction.VISIT_ADDENDUM).exists()


def test_a_new_red_flag_answer_stops_treatment_until_an_amendment_is_signed(practitioner):
    plan = signed_plan_with_baseline(practitioner)
    flagged = {"new_red_flags": ["red_flag_calf_swollen_red_warm"]}

    with pytest.raises(ValidationError):
        services.visit_record(
            plan=plan, data=visit_data(**flagged), treatment=all_done(plan), by=practitioner
        )
    visit = services.visit_record(
        plan=plan, data=visit_data(**flagged), treatment=[], by=practitioner, sign=True
    )

    assert visit.red_flags and visit.red_flags[0]["urgency"] in {"emergency", "urgent", "soon"}
    assert red_flag_hold(visit.episode, plan) == visit
    with pytest.raises(ValidationError):  # the next visit treats nothing either
        signed_visit(plan, practitioner)
    amendment = plan_services.plan_amend(
        plan=plan, reason="Doctor ruled out a clot on the scan", by=practitioner
    )
    amendment = plan_services.plan_sign(
        plan=amendment, expected_version=amendment.version, by=practitioner
    )
    assert red_flag_hold(visit.episode, amendment) is None


def test_reassessment_is_due_at_the_planned_number_of_visits(practitioner):
    plan = signed_plan_with_baseline(practitioner)
    visit = signed_visit(plan, practitioner)
    due = reassessment_due(visit.episode, plan)
    assert due.planned and due.visits_done == 1
    assert due.due == (due.planned <= 1)
    for _ in range(due.planned - 1):
        signed_visit(plan, practitioner)
    assert reassessment_due(visit.episode, plan).due


def test_reassessment_compares_with_baseline_and_stores_its_progress_report(practitioner):
    plan = signed_plan_with_baseline(practitioner, odi_score=40.0)
    signed_visit(plan, practitioner, cramps_per_week=1)
    exam = reassessment_exam(plan.patient, practitioner, odi_score=24.0)
    goals = {goal.pk: True for goal in plan.goals.all()}

    reassessment = review_services.reassessment_record(
        plan=plan, exam=exam, goals_met=goals, decision="continue", notes="", by=practitioner
    )

    odi = next(row for row in reassessment.outcomes if row["instrument"] == "ODI")
    assert (odi["baseline"], odi["now"], odi["delta"]) == (40.0, 24.0, -16.0)
    assert odi["improved"] and odi["reaches_mcid"]
    assert (reassessment.cramps_then, reassessment.cramps_now) == (5, 1)
    document = EpisodeDocument.objects.get(kind="progress_report")
    pdf = bytes(document.pdf)
    assert document.sha256 == hashlib.sha256(pdf).hexdigest()
    text = flat(full_text(pdf))
    assert "Progress report" in text and plan.patient.full_name in text
    assert "Clinically important improvement since baseline" in text
    assert "Upper bar: baseline · lower bar: now" in text  # the small chart's legend


def test_discharge_stores_summary_and_letter_and_locks_the_episode(practitioner):
    plan = signed_plan_with_baseline(practitioner, language="fr")
    visit = signed_visit(plan, practitioner)
    episode = visit.episode

    review_services.episode_discharge(
        episode=episode,
        reason="goals_met",
        notes="<b>Bien</b> & fini",
        home_programme="Étirement du mollet",
        doctor_name="Dre Lévesque",
        expected_version=episode.version,
        by=practitioner,
    )

    episode.refresh_from_db()
    assert episode.is_discharged
    kinds = set(EpisodeDocument.objects.values_list("kind", flat=True))
    assert kinds == {"discharge_summary", "doctor_letter"}
    letter = flat(full_text(bytes(EpisodeDocument.objects.get(kind="doctor_letter").pdf)))
    assert "Dre Lévesque" in letter and "<b>Bien</b> & fini" in letter
    assert "Résumé de sortie" in letter or "Lettre de sortie" in letter
    with pytest.raises(EpisodeLockedError):
        signed_visit(plan, practitioner)
    episode.discharge_notes = "changed"
    with pytest.raises(EpisodeLockedError):
        episode.save()


def test_without_a_doctor_there_is_no_letter(practitioner):
    plan = signed_plan_with_baseline(practitioner)
    episode = signed_visit(plan, practitioner).episode
    review_services.episode_discharge(
        episode=episode,
        reason="did_not_return",
        notes="",
        home_programme="",
        doctor_name="",
        expected_version=episode.version,
        by=practitioner,
    )
    assert list(EpisodeDocument.objects.values_list("kind", flat=True)) == ["discharge_summary"]


def test_the_plan_of_a_discharged_episode_is_neither_amended_nor_edited(practitioner):
    plan = signed_plan_with_baseline(practitioner)
    draft = plan_services.plan_amend(plan=plan, reason="Add heel walking", by=practitioner)
    episode = signed_visit(plan, practitioner).episode
    review_services.episode_discharge(
        episode=episode,
        reason="patient_choice",
        notes="",
        home_programme="",
        doctor_name="",
        expected_version=episode.version,
        by=practitioner,
    )

    with pytest.raises(EpisodeLockedError):
        plan_services.plan_sign(plan=draft, expected_version=draft.version, by=practitioner)
    with pytest.raises(EpisodeLockedError):
        plan_services.plan_update_details(
            plan=draft,
            data={"impression": "x", "visit_frequency": "", "review_date": None},
            expected_version=draft.version,
            by=practitioner,
        )
    draft.refresh_from_db()
    assert draft.is_draft and draft.impression != "x"
