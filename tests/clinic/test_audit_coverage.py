"""An audit trail with no gaps: every service write is one audit event saying who, what, which
patient, when and from where; the patient's own actions through their link are named as theirs.

The table below lists every public function of the service modules. A new write function that
is not in the table fails ``test_every_service_write_is_in_the_table``: give it its audit event
and a row here.
"""

import inspect
from datetime import date

import pytest
from django.test import RequestFactory
from simple_history.models import HistoricalRecords

from assessments.documents import photo_services
from assessments.exams import services as exam_services
from assessments.models import OutcomeSource
from assessments.outcomes import services as outcome_services
from assessments.plans import services as plan_services
from assessments.plans.facts import facts_for
from assessments.plans.services import common, decide, edit, sign
from assessments.plans.services import generate as plan_generate_module
from assessments.reasoning import contraindicated_items
from assessments.reasoning.interventions import ITEMS_BY_KEY
from assessments.visits import review_services
from assessments.visits import services as visit_services
from clinic.models import AuditAction, AuditEvent
from intake.intakes import services as intake_services
from intake.models import IntakeSource
from intake.patients import services as patient_services
from intake.self_intake import services as link_services
from tests.builders import answer_precautions, generate
from tests.factories import (
    ExamFactory,
    IntakeFactory,
    PatientFactory,
    confirmed_intake,
    finished_exam,
)

pytestmark = pytest.mark.django_db

SERVICE_MODULES = [
    patient_services,
    intake_services,
    link_services,
    exam_services,
    outcome_services,
    common,
    plan_generate_module,
    edit,
    decide,
    sign,
    visit_services,
    review_services,
    photo_services,
]
# Public functions of the service modules that only read.
READS = {
    "assessments.exams.services.normalise_segments",
    "assessments.outcomes.services.score_answers",
    "assessments.plans.services.generate.plan_regenerate_preview",
    "assessments.visits.services.treatment_rows",
    "assessments.visits.services.red_flags_for",
    "assessments.documents.photo_services.clean_photo",
}
CLIENT_ADDRESS = "203.0.113.7"
PATIENT_ACTOR = "the patient, through the self-intake link"


class Cast:
    def __init__(self, front_desk, practitioner):
        self.front_desk = front_desk
        self.practitioner = practitioner
        self.mark()

    def mark(self):
        """Count events from here: what the set-up recorded is not the write under test."""
        self.before = AuditEvent.objects.count()


# --- One function per write path: do the write, return the patient it concerns ----------------


def patient_register(cast):
    data = {
        "first_name": "Anaïs",
        "last_name": "Roy",
        "date_of_birth": date(1980, 5, 1),
        "sex": "female",
        "phone": "+15145550199",
        "email": "",
        "address": "",
        "emergency_contact_name": "",
        "emergency_contact_phone": "",
        "preferred_language": "fr",
    }
    return patient_services.patient_register(
        data=data, consent_treatment=True, consent_privacy=True, by=cast.front_desk
    )


def patient_update(cast):
    patient = PatientFactory()
    data = {field: getattr(patient, field) for field in patient_services.PATIENT_FIELDS}
    cast.mark()
    patient_services.patient_update(
        patient=patient,
        data={**data, "address": "12 rue Principale"},
        expected_version=patient.version,
        consent_treatment=False,
        consent_privacy=False,
        by=cast.front_desk,
    )
    return patient


def patient_archive(cast):
    patient = PatientFactory()
    cast.mark()
    patient_services.patient_archive(patient=patient, reason="Registered twice", by=cast.front_desk)
    return patient


def intake_create(cast):
    patient = PatientFactory()
    cast.mark()
    intake_services.intake_create(patient=patient, by=cast.front_desk)
    return patient


def intake_save_draft(cast):
    intake = IntakeFactory(status="draft")
    cast.mark()
    intake_services.intake_save(
        intake=intake,
        answers={"complaint": "Calf cramps at night"},
        medication_rows=[],
        expected_version=intake.version,
        by=cast.front_desk,
        submit=False,
    )
    return intake.patient


def intake_save_submit(cast):
    intake = IntakeFactory(status="draft")
    cast.mark()
    intake_services.intake_save(
        intake=intake,
        answers={},
        medication_rows=[],
        expected_version=intake.version,
        by=cast.front_desk,
        submit=True,
    )
    return intake.patient


def intake_record(cast):
    patient = PatientFactory()
    cast.mark()
    intake_services.intake_record(
        patient=patient, answers={}, medication_rows=[], by=cast.front_desk, submit=False
    )
    return patient


def intake_confirm(cast):
    intake = IntakeFactory(status="submitted")
    cast.mark()
    intake_services.intake_confirm(intake=intake, by=cast.practitioner)
    return intake.patient


def self_intake_link_issue(cast):
    patient = PatientFactory()
    cast.mark()
    link_services.self_intake_link_issue(patient=patient, by=cast.front_desk)
    return patient


def _issued_link(cast):
    link, _token = link_services.self_intake_link_issue(
        patient=PatientFactory(), by=cast.front_desk
    )
    return link


def self_intake_link_opened(cast):
    link = _issued_link(cast)
    cast.mark()
    link_services.self_intake_link_opened(link=link)
    return link.patient


def self_intake_link_email(cast):
    link = _issued_link(cast)
    cast.mark()
    link_services.self_intake_link_email(
        link=link, to="patient@example.org", base_url="http://testserver/", by=cast.front_desk
    )
    return link.patient


def self_intake_save(cast):
    link = _issued_link(cast)
    cast.mark()
    link_services.self_intake_save(link=link, answers={}, medication_rows=[], submit=True)
    return link.patient


def exam_start(cast):
    intake = confirmed_intake()
    cast.mark()
    exam_services.exam_start(patient=intake.patient, by=cast.practitioner, intake=intake)
    return intake.patient


def exam_save_draft(cast):
    exam = ExamFactory(practitioner=cast.practitioner)
    cast.mark()
    exam_services.exam_save_draft(
        exam=exam, data={"calf_left": 4}, expected_version=exam.version, by=cast.practitioner
    )
    return exam.patient


def exam_finish(cast):
    exam = ExamFactory(practitioner=cast.practitioner)
    cast.mark()
    exam_services.exam_finish(exam=exam, by=cast.practitioner, expected_version=exam.version)
    return exam.patient


def exam_correct(cast):
    exam = finished_exam(confirmed_intake(), calf_left=4)
    cast.mark()
    exam_services.exam_correct(
        exam=exam,
        data={"calf_left": 3},
        reason="Misread the dynamometer",
        expected_version=exam.version,
        by=cast.practitioner,
    )
    return exam.patient


def outcome_record_by_practitioner(cast):
    patient = PatientFactory()
    cast.mark()
    outcome_services.outcome_record(
        patient=patient, instrument="NPRS", answers={"pain_now": 6}, by=cast.practitioner
    )
    return patient


def outcome_record_by_patient(cast):
    patient = PatientFactory()
    cast.mark()
    outcome_services.outcome_record(
        patient=patient,
        instrument="NPRS",
        answers={"pain_now": 6},
        source=OutcomeSource.PATIENT,
    )
    return patient


def plan_generate(cast):
    intake = confirmed_intake()
    cast.mark()
    plan_services.plan_generate(patient=intake.patient, intake=intake, by=cast.practitioner)
    return intake.patient


def _draft(cast, **kwargs):
    return generate(cast.practitioner, **kwargs)


def plan_update_details(cast):
    plan = _draft(cast)
    cast.mark()
    plan_services.plan_update_details(
        plan=plan,
        data={"impression": "Night cramps"},
        expected_version=plan.version,
        by=cast.practitioner,
    )
    return plan.patient


ITEM = {"component": "home_care", "title": "Heel walking", "instructions": "Twice a day"}


def plan_item_add(cast):
    plan = _draft(cast)
    cast.mark()
    plan_services.plan_item_add(
        plan=plan, data=ITEM, expected_version=plan.version, by=cast.practitioner
    )
    return plan.patient


def plan_item_update(cast):
    plan = _draft(cast)
    item = plan.items.first()
    cast.mark()
    plan_services.plan_item_update(
        item=item, data={"dosage": "3 x 30 s"}, expected_version=plan.version, by=cast.practitioner
    )
    return plan.patient


def plan_item_remove(cast):
    plan = _draft(cast)
    cast.mark()
    plan_services.plan_item_remove(
        item=plan.items.first(),
        reason="Not with this patient",
        expected_version=plan.version,
        by=cast.practitioner,
    )
    return plan.patient


def plan_item_move(cast):
    plan = _draft(cast)
    cast.mark()
    plan_services.plan_item_move(
        item=plan.items.filter(removed=False).order_by("position", "pk").first(),
        direction="down",
        expected_version=plan.version,
        by=cast.practitioner,
    )
    return plan.patient


GOAL = {"text": "Sleep through the night", "baseline": "5", "target": "0"}


def plan_goal_add(cast):
    plan = _draft(cast)
    cast.mark()
    plan_services.plan_goal_add(
        plan=plan, data=GOAL, expected_version=plan.version, by=cast.practitioner
    )
    return plan.patient


def plan_goal_update(cast):
    plan = _draft(cast)
    cast.mark()
    plan_services.plan_goal_update(
        goal=plan.goals.first(),
        data={"target": "1"},
        expected_version=plan.version,
        by=cast.practitioner,
    )
    return plan.patient


def plan_goal_remove(cast):
    plan = _draft(cast)
    cast.mark()
    plan_services.plan_goal_remove(
        goal=plan.goals.first(), expected_version=plan.version, by=cast.practitioner
    )
    return plan.patient


def factor_dismiss(cast):
    plan = _draft(cast)
    cast.mark()
    plan_services.factor_dismiss(
        plan=plan,
        factor_key=plan.assessment["factors"][0]["key"],
        reason="Already managed by her midwife",
        expected_version=plan.version,
        by=cast.practitioner,
    )
    return plan.patient


def precaution_override(cast):
    plan = _draft(cast)
    item = next(item for item in plan.items.all() if item.precaution_keys)
    cast.mark()
    plan_services.precaution_override(
        item=item,
        precaution_key=item.precaution_keys[0],
        reason="Side lying, gentle; checked with the patient",
        expected_version=plan.version,
        by=cast.practitioner,
    )
    return plan.patient


def red_flag_clear(cast):
    plan = _draft(cast, red_flag_calf_swollen_red_warm=True)
    cast.mark()
    plan_services.red_flag_clear(
        plan=plan,
        flag_key=plan.assessment["red_flags"][0]["key"],
        kind="doctor",
        doctor_name="Dr Amélie Roy",
        seen_on=date(2026, 11, 30),
        expected_version=plan.version,
        by=cast.practitioner,
    )
    return plan.patient


def plan_withheld_item_add(cast):
    plan = _draft(cast)
    withheld = plan.assessment["withheld_items"][0]["item"]
    cast.mark()
    plan_services.plan_withheld_item_add(
        plan=plan,
        item_key=withheld,
        reason="Short sessions, checked with her midwife",
        expected_version=plan.version,
        by=cast.practitioner,
    )
    return plan.patient


def plan_deferred_item_add(cast):
    plan = _draft(cast)
    in_plan = set(plan.items.values_list("key", flat=True))
    contraindicated = set(contraindicated_items(facts_for(plan.intake, plan.exam)))
    deferred = next(
        key
        for key, template in ITEMS_BY_KEY.items()
        if key not in in_plan | contraindicated and template.component == "home_care"
    )
    plan.assessment["deferred_items"] = [deferred]
    plan.save()
    cast.mark()
    plan_services.plan_deferred_item_add(
        plan=plan, item_key=deferred, expected_version=plan.version, by=cast.practitioner
    )
    return plan.patient


def _ready_to_sign(cast):
    return answer_precautions(_draft(cast), cast.practitioner)


def plan_sign(cast):
    plan = _ready_to_sign(cast)
    cast.mark()
    plan_services.plan_sign(plan=plan, expected_version=plan.version, by=cast.practitioner)
    return plan.patient


def plan_amend(cast):
    plan = _ready_to_sign(cast)
    signed = plan_services.plan_sign(plan=plan, expected_version=plan.version, by=cast.practitioner)
    cast.mark()
    plan_services.plan_amend(plan=signed, reason="Add heel walking", by=cast.practitioner)
    return plan.patient


# (write path, service function, events it records, acting user or the patient)
WRITES = [
    (
        patient_register,
        "intake.patients.services.patient_register",
        ["patient_registered"],
        "front_desk",
    ),
    (patient_update, "intake.patients.services.patient_update", ["patient_changed"], "front_desk"),
    (
        patient_archive,
        "intake.patients.services.patient_archive",
        ["patient_archived"],
        "front_desk",
    ),
    (intake_create, "intake.intakes.services.intake_create", ["intake_started"], "front_desk"),
    (intake_save_draft, "intake.intakes.services.intake_save", ["intake_saved"], "front_desk"),
    (intake_save_submit, "intake.intakes.services.intake_save", ["intake_submitted"], "front_desk"),
    (intake_record, "intake.intakes.services.intake_record", ["intake_saved"], "front_desk"),
    (
        intake_confirm,
        "intake.intakes.services.intake_confirm",
        ["intake_confirmed"],
        "practitioner",
    ),
    (
        self_intake_link_issue,
        "intake.self_intake.services.self_intake_link_issue",
        ["link_issued"],
        "front_desk",
    ),
    (
        self_intake_link_opened,
        "intake.self_intake.services.self_intake_link_opened",
        ["link_opened"],
        "patient",
    ),
    (
        self_intake_link_email,
        "intake.self_intake.services.self_intake_link_email",
        ["link_emailed"],
        "front_desk",
    ),
    (
        self_intake_save,
        "intake.self_intake.services.self_intake_save",
        ["intake_submitted", "link_submitted"],
        "patient",
    ),
    (exam_start, "assessments.exams.services.exam_start", ["exam_started"], "practitioner"),
    (exam_save_draft, "assessments.exams.services.exam_save_draft", ["exam_saved"], "practitioner"),
    (exam_finish, "assessments.exams.services.exam_finish", ["exam_finished"], "practitioner"),
    (exam_correct, "assessments.exams.services.exam_correct", ["exam_corrected"], "practitioner"),
    (
        outcome_record_by_practitioner,
        "assessments.outcomes.services.outcome_record",
        ["outcome_recorded"],
        "practitioner",
    ),
    (
        outcome_record_by_patient,
        "assessments.outcomes.services.outcome_record",
        ["outcome_recorded"],
        "patient",
    ),
]
WRITES += [
    (
        path,
        f"{getattr(plan_services, path.__name__).__module__}.{path.__name__}",
        [action],
        "practitioner",
    )
    for path, action in [
        (plan_generate, "plan_generated"),
        (plan_update_details, "plan_edited"),
        (plan_item_add, "plan_edited"),
        (plan_item_update, "plan_edited"),
        (plan_item_remove, "plan_edited"),
        (plan_item_move, "plan_edited"),
        (plan_goal_add, "plan_edited"),
        (plan_goal_update, "plan_edited"),
        (plan_goal_remove, "plan_edited"),
        (factor_dismiss, "plan_edited"),
        (precaution_override, "precaution_overridden"),
        (red_flag_clear, "red_flag_cleared"),
        (plan_withheld_item_add, "precaution_overridden"),
        (plan_deferred_item_add, "plan_edited"),
        (plan_sign, "plan_signed"),
        (plan_amend, "plan_amended"),
    ]
]


# --- The episode after the plan (issue 17) -------------------------------------------------------


def _episode_plan(cast):
    from tests.assessments.visits.episode_builder import signed_plan_with_baseline

    return signed_plan_with_baseline(cast.practitioner)


def episode_open(cast):
    plan = _episode_plan(cast)
    cast.mark()
    visit_services.episode_open(intake=plan.intake, by=cast.practitioner)
    return plan.patient


def visit_record(cast):
    from tests.assessments.visits.episode_builder import all_done, visit_data

    plan = _episode_plan(cast)
    visit_services.episode_open(intake=plan.intake, by=cast.practitioner)
    cast.mark()
    visit_services.visit_record(
        plan=plan, data=visit_data(), treatment=all_done(plan), by=cast.practitioner, sign=True
    )
    return plan.patient


def visit_save(cast):
    from tests.assessments.visits.episode_builder import all_done, visit_data

    plan = _episode_plan(cast)
    visit = visit_services.visit_record(
        plan=plan, data=visit_data(), treatment=all_done(plan), by=cast.practitioner
    )
    cast.mark()
    visit_services.visit_save(
        visit=visit,
        data=visit_data(objective="Less stiff"),
        treatment=all_done(plan),
        expected_version=visit.version,
        by=cast.practitioner,
    )
    return plan.patient


def visit_addendum(cast):
    from tests.assessments.visits.episode_builder import signed_visit

    visit = signed_visit(_episode_plan(cast), cast.practitioner)
    cast.mark()
    visit_services.visit_addendum(
        visit=visit, text="NPRS was 3", reason="Typed the wrong score", by=cast.practitioner
    )
    return visit.patient


def reassessment_record(cast):
    from tests.assessments.visits.episode_builder import reassessment_exam, signed_visit

    plan = _episode_plan(cast)
    signed_visit(plan, cast.practitioner)
    exam = reassessment_exam(plan.patient, cast.practitioner, odi_score=20.0)
    cast.mark()
    review_services.reassessment_record(
        plan=plan,
        exam=exam,
        goals_met={goal.pk: True for goal in plan.goals.all()},
        decision="continue",
        notes="",
        by=cast.practitioner,
    )
    return plan.patient


def episode_discharge(cast):
    from tests.assessments.visits.episode_builder import signed_visit

    episode = signed_visit(_episode_plan(cast), cast.practitioner).episode
    cast.mark()
    review_services.episode_discharge(
        episode=episode,
        reason="goals_met",
        notes="",
        home_programme="Calf stretch",
        doctor_name="Dr Roy",
        expected_version=episode.version,
        by=cast.practitioner,
    )
    return episode.patient


WRITES += [
    (episode_open, "assessments.visits.services.episode_open", ["episode_opened"], "practitioner"),
    (visit_record, "assessments.visits.services.visit_record", ["visit_signed"], "practitioner"),
    (visit_save, "assessments.visits.services.visit_save", ["visit_saved"], "practitioner"),
    (
        visit_addendum,
        "assessments.visits.services.visit_addendum",
        ["visit_addendum"],
        "practitioner",
    ),
    (
        reassessment_record,
        "assessments.visits.review_services.reassessment_record",
        ["reassessment_recorded"],
        "practitioner",
    ),
    (
        episode_discharge,
        "assessments.visits.review_services.episode_discharge",
        ["episode_discharged"],
        "practitioner",
    ),
]


def _png():
    import io

    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (8, 8), (10, 20, 30)).save(out, "PNG")
    return out.getvalue()


def plan_item_photo_attach(cast):
    plan = _draft(cast)
    cast.mark()
    photo_services.plan_item_photo_attach(
        item=plan.items.first(), data=_png(), by=cast.practitioner
    )
    return plan.patient


def plan_item_photo_remove(cast):
    plan = _draft(cast)
    item = plan.items.first()
    photo_services.plan_item_photo_attach(item=item, data=_png(), by=cast.practitioner)
    cast.mark()
    photo_services.plan_item_photo_remove(item=item, by=cast.practitioner)
    return plan.patient


WRITES += [
    (path, f"{photo_services.__name__}.{path.__name__}", ["plan_edited"], "practitioner")
    for path in (plan_item_photo_attach, plan_item_photo_remove)
]


def service_functions():
    for module in SERVICE_MODULES:
        for name, function in inspect.getmembers(module, inspect.isfunction):
            if function.__module__ == module.__name__ and not name.startswith("_"):
                yield f"{module.__name__}.{name}"


def test_every_service_write_is_in_the_table():
    writes = set(service_functions()) - READS
    assert writes == {function for _, function, _, _ in WRITES}
    assert {action for *_, actions, _ in WRITES for action in actions} <= set(AuditAction.values)


@pytest.fixture
def served_request():
    """What simple-history's middleware keeps during a request: services read where from it."""
    request = RequestFactory().post("/", REMOTE_ADDR=CLIENT_ADDRESS)
    HistoricalRecords.context.request = request
    yield request
    del HistoricalRecords.context.request


@pytest.mark.parametrize(
    ("write", "function", "actions", "actor"),
    WRITES,
    ids=[f"{function.rsplit('.', 1)[-1]}[{write.__name__}]" for write, function, _, _ in WRITES],
)
def test_each_write_records_its_audit_event(
    write, function, actions, actor, front_desk, practitioner, served_request
):
    cast = Cast(front_desk, practitioner)
    served_request.user = getattr(cast, actor, None) or _anonymous()

    patient = write(cast)

    events = list(AuditEvent.objects.order_by("pk")[cast.before :])
    assert [event.action for event in events] == actions
    for event in events:
        assert event.patient_id == patient.pk
        assert event.at is not None
        assert event.client_address == CLIENT_ADDRESS
        if actor == "patient":
            assert event.by_patient_link and event.user is None
            assert event.actor == PATIENT_ACTOR
        else:
            assert event.user == getattr(cast, actor)
            assert event.actor == getattr(cast, actor).username
            assert not event.by_patient_link


def _anonymous():
    from django.contrib.auth.models import AnonymousUser

    return AnonymousUser()


def test_a_patients_intake_through_the_link_is_not_credited_to_the_front_desk(front_desk):
    """The front desk issued the link; the patient's own save is the patient's."""
    link, _token = link_services.self_intake_link_issue(patient=PatientFactory(), by=front_desk)
    intake_services.intake_save(
        intake=link.intake,
        answers={},
        medication_rows=[],
        expected_version=link.intake.version,
        by=None,
        submit=False,
    )
    saved = AuditEvent.objects.get(action=AuditAction.INTAKE_SAVED)
    assert link.intake.source == IntakeSource.PATIENT
    assert saved.by_patient_link and saved.actor == PATIENT_ACTOR
