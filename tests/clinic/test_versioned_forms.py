"""Every page that shows a form for a versioned record sends the record's version with it.

A form that lost its hidden ``version`` can never be saved (a missing version is treated as
stale): the intake draft that could not be saved twice. This walks every page that renders a
versioned form and checks the hidden input, with the record's current version, inside each
form that posts to a versioned endpoint. A new versioned form class, or a new versioned
endpoint, must be added to the maps below or this test fails.
"""

from html.parser import HTMLParser

import pytest
from django.urls import resolve, reverse

from assessments.exams.forms import ExamCorrectionForm, ExamForm
from assessments.plans import services as plan_services
from assessments.plans.forms import (
    DeferredItemForm,
    FactorDismissForm,
    MoveForm,
    PlanDetailsForm,
    PlanGoalForm,
    PlanItemForm,
    PrecautionOverrideForm,
    ReasonForm,
    RedFlagClearForm,
    WithheldItemForm,
)
from assessments.reasoning.interventions import ITEMS_BY_KEY
from clinic.concurrency import VersionedFormMixin
from intake.intakes.forms import IntakeForm
from intake.models import IntakeSource, IntakeStatus
from intake.patients.forms import PatientForm
from tests.builders import pregnant_calf_cramps
from tests.factories import ExamFactory, IntakeFactory

pytestmark = pytest.mark.django_db

# Each versioned form class and the endpoint its posts go to.
ENDPOINT_OF_FORM = {
    PatientForm: "patient_edit",
    IntakeForm: "intake_edit",
    ExamForm: "exam_edit",
    ExamCorrectionForm: "exam_correct",
    PlanDetailsForm: "plan_details",
    PlanItemForm: "plan_item_edit",
    PlanGoalForm: "plan_goal_edit",
    ReasonForm: "plan_item_remove",
    MoveForm: "plan_item_move",
    FactorDismissForm: "plan_factor_dismiss",
    PrecautionOverrideForm: "plan_precaution_override",
    RedFlagClearForm: "plan_red_flag_clear",
    WithheldItemForm: "plan_withheld_item_add",
    DeferredItemForm: "plan_deferred_item_add",
}

# Endpoints whose post is checked against a version; a form posting there must carry it.
VERSIONED_ENDPOINTS = {
    "patient_edit",
    "intake_edit",
    "exam_edit",
    "exam_finish",
    "exam_correct",
    "plan_details",
    "plan_item_add",
    "plan_item_edit",
    "plan_item_remove",
    "plan_item_move",
    "plan_goal_add",
    "plan_goal_edit",
    "plan_goal_remove",
    "plan_factor_dismiss",
    "plan_precaution_override",
    "plan_red_flag_clear",
    "plan_withheld_item_add",
    "plan_deferred_item_add",
    "plan_sign",
}


class _PostForms(HTMLParser):
    """The page's POST forms: [(action, {hidden input name: [values]})]."""

    def __init__(self):
        super().__init__()
        self.forms, self._current = [], None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and (attrs.get("method") or "").lower() == "post":
            self._current = (attrs.get("action") or "", {})
            self.forms.append(self._current)
        elif tag == "input" and self._current is not None and attrs.get("type") == "hidden":
            self._current[1].setdefault(attrs.get("name"), []).append(attrs.get("value"))

    def handle_endtag(self, tag):
        if tag == "form":
            self._current = None


def _all_subclasses(cls):
    for sub in cls.__subclasses__():
        yield sub
        yield from _all_subclasses(sub)


def test_every_versioned_form_class_is_walked_below():
    classes = {
        cls for cls in _all_subclasses(VersionedFormMixin) if not cls.__name__.startswith("_")
    }
    assert classes == set(ENDPOINT_OF_FORM), "map each versioned form to its endpoint"


@pytest.fixture
def records(practitioner, front_desk):
    # A plan with an open red flag (its clearance form), and a treatment plan (items, goals,
    # contraindicated and deferred items).
    flag_intake, flag_exam = pregnant_calf_cramps(red_flag_calf_swollen_red_warm=True)
    flagged = plan_services.plan_generate(
        patient=flag_intake.patient, intake=flag_intake, exam=flag_exam, by=practitioner
    )
    intake, exam = pregnant_calf_cramps()
    patient = intake.patient
    plan = plan_services.plan_generate(patient=patient, intake=intake, exam=exam, by=practitioner)
    item = plan.items.filter(removed=False).first()
    contraindication = next(
        row["key"] for row in plan.assessment["precautions"] if row["kind"] == "contraindication"
    )
    # A contraindication on an item still in the plan (a snapshot from before the split): the
    # page offers "keep with reason" for it.
    item.precaution_keys = [contraindication]
    item.save()
    in_plan = set(plan.items.values_list("key", flat=True))
    plan.assessment["deferred_items"] = [
        next(key for key in ITEMS_BY_KEY if key not in in_plan and key.startswith("home_care."))
    ]
    plan.save()
    # Bump every version past 1 so that a form showing a stale or default number is caught.
    for record in (patient, plan, flagged):
        record.version = 7
        record.save(update_fields=["version"])
        record.refresh_from_db()
    draft = IntakeFactory(patient=patient, created_by=front_desk, version=4)
    submitted = IntakeFactory(
        patient=patient, source=IntakeSource.PATIENT, status=IntakeStatus.SUBMITTED, version=5
    )
    draft_exam = ExamFactory(patient=patient, version=3)
    # A finished exam's version cannot be bumped by hand (its guards refuse a bulk update).
    goal = plan.goals.first()
    p = {"patient_pk": patient.pk}
    return [
        # (who, url, {endpoint: record whose version the form must carry})
        ("desk", reverse("patient_edit", args=[patient.pk]), patient),
        ("desk", reverse("intake_edit", args=[patient.pk, draft.pk]), draft),
        ("doc", reverse("intake_edit", args=[patient.pk, submitted.pk]), submitted),
        ("doc", reverse("exam_edit", kwargs={**p, "pk": draft_exam.pk}), draft_exam),
        ("doc", reverse("exam_finish", kwargs={**p, "pk": draft_exam.pk}), draft_exam),
        ("doc", reverse("exam_correct", kwargs={**p, "pk": exam.pk}), exam),
        ("doc", reverse("plan_detail", kwargs={**p, "pk": plan.pk}), plan),
        (
            "doc",
            reverse("plan_detail", kwargs={"patient_pk": flagged.patient_id, "pk": flagged.pk}),
            flagged,
        ),
        ("doc", reverse("plan_item_add", kwargs={**p, "pk": plan.pk}), plan),
        ("doc", reverse("plan_item_edit", kwargs={**p, "pk": plan.pk, "item_pk": item.pk}), plan),
        ("doc", reverse("plan_goal_add", kwargs={**p, "pk": plan.pk}), plan),
        ("doc", reverse("plan_goal_edit", kwargs={**p, "pk": plan.pk, "goal_pk": goal.pk}), plan),
    ]


def test_every_page_with_a_versioned_form_renders_the_current_version(
    records, front_desk_client, practitioner_client
):
    clients = {"desk": front_desk_client, "doc": practitioner_client}
    endpoints_seen, classes_seen = set(), set()
    for who, url, record in records:
        response = clients[who].get(url)
        assert response.status_code == 200, url
        for context in response.context:
            for value in context.flatten().values():
                if isinstance(value, VersionedFormMixin):
                    classes_seen.add(type(value))
        parser = _PostForms()
        parser.feed(response.content.decode())
        checked = 0
        for action, hidden in parser.forms:
            endpoint = resolve((action or url).split("?")[0]).url_name
            if endpoint not in VERSIONED_ENDPOINTS:
                continue
            endpoints_seen.add(endpoint)
            # Exactly one, with the record's version now.
            assert hidden.get("version") == [str(record.version)], (url, action, hidden)
            checked += 1
        assert checked, f"{url} shows no versioned form"
    # The walk reached every versioned form class and every endpoint those forms post to.
    rendered_classes = {
        cls for cls, endpoint in ENDPOINT_OF_FORM.items() if endpoint in endpoints_seen
    }
    assert rendered_classes == set(ENDPOINT_OF_FORM)
    assert {PatientForm, IntakeForm, ExamForm, ExamCorrectionForm} <= classes_seen
