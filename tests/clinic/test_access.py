"""Who may open which page: one table over every URL the app has.

Add a row when you add a page. The walk below fails for any URL pattern missing from the table,
so no page can ship without a decision on who may see it.
"""

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from tests.factories import IntakeFactory, PatientFactory, sign_in_with_second_step

pytestmark = pytest.mark.django_db

LOGIN = "login"  # anonymous users are sent to the login page
OK = 200
FORBIDDEN = 403
NOT_GET = 405

# URL pattern name -> (kwargs builder, expected status per caller).
# Callers: anonymous, front_desk, practitioner, clinic_admin, no_role (signed in, no group).
ACCESS = {
    "home": (
        None,
        {
            "anonymous": LOGIN,
            "front_desk": OK,
            "practitioner": OK,
            "clinic_admin": OK,
            "no_role": OK,
        },
    ),
    "patient_list": (
        None,
        {
            "anonymous": LOGIN,
            "front_desk": OK,
            "practitioner": OK,
            "clinic_admin": FORBIDDEN,
            "no_role": FORBIDDEN,
        },
    ),
    "patient_register": (
        None,
        {
            "anonymous": LOGIN,
            "front_desk": OK,
            "practitioner": OK,
            "clinic_admin": FORBIDDEN,
            "no_role": FORBIDDEN,
        },
    ),
    "patient_chart": (
        "patient",
        {
            "anonymous": LOGIN,
            "front_desk": OK,
            "practitioner": OK,
            "clinic_admin": FORBIDDEN,
            "no_role": FORBIDDEN,
        },
    ),
    "patient_edit": (
        "patient",
        {
            "anonymous": LOGIN,
            "front_desk": OK,
            "practitioner": OK,
            "clinic_admin": FORBIDDEN,
            "no_role": FORBIDDEN,
        },
    ),
    "patient_archive": (
        "patient",
        {
            "anonymous": LOGIN,
            "front_desk": OK,
            "practitioner": OK,
            "clinic_admin": FORBIDDEN,
            "no_role": FORBIDDEN,
        },
    ),
    "patient_history": (
        "patient",
        {
            "anonymous": LOGIN,
            "front_desk": FORBIDDEN,
            "practitioner": OK,
            "clinic_admin": FORBIDDEN,
            "no_role": FORBIDDEN,
        },
    ),
    "intake_new": (
        "patient",
        {
            "anonymous": LOGIN,
            "front_desk": OK,
            "practitioner": OK,
            "clinic_admin": FORBIDDEN,
            "no_role": FORBIDDEN,
        },
    ),
    "intake_detail": (
        "intake",
        {
            "anonymous": LOGIN,
            "front_desk": OK,
            "practitioner": OK,
            "clinic_admin": FORBIDDEN,
            "no_role": FORBIDDEN,
        },
    ),
    "intake_edit": (
        "intake",
        {
            "anonymous": LOGIN,
            "front_desk": OK,
            "practitioner": OK,
            "clinic_admin": FORBIDDEN,
            "no_role": FORBIDDEN,
        },
    ),
    # POST-only actions: the allowed roles get 405 to a GET, the others 403 before that.
    "intake_confirm": (
        "intake",
        {
            "anonymous": LOGIN,
            "front_desk": FORBIDDEN,
            "practitioner": NOT_GET,
            "clinic_admin": FORBIDDEN,
            "no_role": FORBIDDEN,
        },
    ),
    "self_intake_link_issue": (
        "patient",
        {
            "anonymous": LOGIN,
            "front_desk": NOT_GET,
            "practitioner": NOT_GET,
            "clinic_admin": FORBIDDEN,
            "no_role": FORBIDDEN,
        },
    ),
    "self_intake_link_email": (
        "self_intake_link",
        {
            "anonymous": LOGIN,
            "front_desk": NOT_GET,
            "practitioner": NOT_GET,
            "clinic_admin": FORBIDDEN,
            "no_role": FORBIDDEN,
        },
    ),
}

# Exams and outcome measures: practitioners only; the front desk sees none of it.
PRACTITIONER_ONLY = {
    "anonymous": LOGIN,
    "front_desk": FORBIDDEN,
    "practitioner": OK,
    "clinic_admin": FORBIDDEN,
    "no_role": FORBIDDEN,
}
ACCESS.update(
    {
        "exam_new": ("patient_exams", PRACTITIONER_ONLY),
        "exam_detail": ("exam", PRACTITIONER_ONLY),
        "exam_edit": ("exam", PRACTITIONER_ONLY),
        "exam_finish": ("exam", PRACTITIONER_ONLY),
        "exam_correct": ("finished_exam", PRACTITIONER_ONLY),
        "outcome_new": ("outcome", PRACTITIONER_ONLY),
    }
)

# Treatment plans: practitioners only; POST-only actions answer a GET with 405.
PRACTITIONER_POST_ONLY = {**PRACTITIONER_ONLY, "practitioner": NOT_GET}
ACCESS.update(
    {
        "plan_generate": ("patient_exams", PRACTITIONER_ONLY),
        "plan_detail": ("plan", PRACTITIONER_ONLY),
        # The front desk prints signed care plans (a draft's PDF is refused: see
        # tests/assessments/documents/test_plan_documents.py); letters are for practitioners.
        "plan_pdf": ("signed_plan", {**PRACTITIONER_ONLY, "front_desk": OK}),
        "plan_letter_pdf": ("plan_letter", PRACTITIONER_ONLY),
        "plan_handout_pdf": ("signed_plan", {**PRACTITIONER_ONLY, "front_desk": OK}),
        "plan_item_photo": ("plan_item", PRACTITIONER_ONLY),
        "plan_versions": ("plan", PRACTITIONER_ONLY),
        "plan_regenerate": ("plan", PRACTITIONER_ONLY),
        "plan_item_add": ("plan", PRACTITIONER_ONLY),
        "plan_item_edit": ("plan_item", PRACTITIONER_ONLY),
        "plan_goal_add": ("plan", PRACTITIONER_ONLY),
        "plan_goal_edit": ("plan_goal", PRACTITIONER_ONLY),
        "plan_goal_remove": ("plan_goal", PRACTITIONER_POST_ONLY),
        "plan_amend": ("signed_plan", PRACTITIONER_ONLY),
        "plan_details": ("plan", PRACTITIONER_POST_ONLY),
        "plan_item_remove": ("plan_item", PRACTITIONER_POST_ONLY),
        "plan_item_move": ("plan_item", PRACTITIONER_POST_ONLY),
        "plan_precaution_override": ("plan_item", PRACTITIONER_POST_ONLY),
        "plan_factor_dismiss": ("plan", PRACTITIONER_POST_ONLY),
        "plan_red_flag_clear": ("plan", PRACTITIONER_POST_ONLY),
        "plan_withheld_item_add": ("plan", PRACTITIONER_POST_ONLY),
        "plan_deferred_item_add": ("plan", PRACTITIONER_POST_ONLY),
        "plan_sign": ("plan", PRACTITIONER_POST_ONLY),
    }
)

# The episode after the plan (issue 17): practitioners only. The front desk sees visit dates and
# the plan's printouts on the chart's timeline (tests/assessments/visits/test_visit_views.py).
ACCESS.update(
    {
        "visit_new": ("episode_plan", PRACTITIONER_ONLY),
        "visit_detail": ("visit", PRACTITIONER_ONLY),
        "visit_edit": ("draft_visit", PRACTITIONER_ONLY),
        "visit_addendum": ("visit", PRACTITIONER_POST_ONLY),
        "episode_detail": ("episode_plan", PRACTITIONER_ONLY),
        "reassessment_new": ("episode_plan", PRACTITIONER_ONLY),
        "reassessment_detail": ("reassessment", PRACTITIONER_ONLY),
        "episode_discharge": ("episode_plan", PRACTITIONER_ONLY),
        "episode_document_pdf": ("episode_document", PRACTITIONER_ONLY),
    }
)

# The staff page: the clinic admin's only; POST-only actions answer a GET with 405.
CLINIC_ADMIN_ONLY = {
    "anonymous": LOGIN,
    "front_desk": FORBIDDEN,
    "practitioner": FORBIDDEN,
    "clinic_admin": OK,
    "no_role": FORBIDDEN,
}
ACCESS.update(
    {
        "staff_list": (None, CLINIC_ADMIN_ONLY),
        "staff_add": (None, CLINIC_ADMIN_ONLY),
        "staff_edit": ("staff_user", CLINIC_ADMIN_ONLY),
        "staff_password": ("staff_user", CLINIC_ADMIN_ONLY),
        "staff_deactivate": ("staff_user", {**CLINIC_ADMIN_ONLY, "clinic_admin": NOT_GET}),
        "staff_reactivate": ("staff_user", {**CLINIC_ADMIN_ONLY, "clinic_admin": NOT_GET}),
    }
)

# API keys for integrations (interop/keys): the clinic admin's, in the staff area.
ACCESS.update(
    {
        "api_key_list": (None, CLINIC_ADMIN_ONLY),
        "api_key_add": (None, CLINIC_ADMIN_ONLY),
        "api_key_revoke": ("api_key", {**CLINIC_ADMIN_ONLY, "clinic_admin": NOT_GET}),
    }
)

# The FHIR export answers an API key or a signed-in session; without either it is a 401
# OperationOutcome (a FHIR client, not a browser, is the usual caller). The patient alone is
# for whoever reads patients; the whole record for those who read exams and plans.
UNAUTHORIZED = 401
ACCESS.update(
    {
        "fhir_patient": (
            "patient",
            {
                "anonymous": UNAUTHORIZED,
                "front_desk": OK,
                "practitioner": OK,
                "clinic_admin": FORBIDDEN,
                "no_role": FORBIDDEN,
            },
        ),
        "fhir_patient_everything": ("patient", {**PRACTITIONER_ONLY, "anonymous": UNAUTHORIZED}),
    }
)

# The REST API answers API keys only: a session (or nobody) gets a 401 problem document.
# What each key's role may call: tests/interop/test_api_keys.py walks the same operations.
API_ONLY = dict.fromkeys(
    ["anonymous", "front_desk", "practitioner", "clinic_admin", "no_role"], 401
)
ACCESS.update(
    {
        "api-v1:patient_search": (None, API_ONLY),
        "api-v1:patient_register": (None, API_ONLY),
        "api-v1:patient_read": ("api_patient", API_ONLY),
        "api-v1:intake_list": ("api_patient", API_ONLY),
        "api-v1:intake_create": ("api_patient", API_ONLY),
        "api-v1:intake_read": ("api_intake", API_ONLY),
        "api-v1:intake_submit": ("api_intake", dict.fromkeys(API_ONLY, NOT_GET)),
        "api-v1:outcome_list": ("api_patient", API_ONLY),
        "api-v1:outcome_create": ("api_patient", API_ONLY),
        "api-v1:plan_list": ("api_patient", API_ONLY),
        "api-v1:plan_read": ("api_plan", API_ONLY),
        "api-v1:plan_document": ("api_plan", API_ONLY),
    }
)

# Your own account: every signed-in user, with or without a role, has one.
SIGNED_IN = {
    "anonymous": LOGIN,
    "front_desk": OK,
    "practitioner": OK,
    "clinic_admin": OK,
    "no_role": OK,
}
ACCESS.update(
    {
        "account": (None, SIGNED_IN),
        "password_change": (None, SIGNED_IN),
        # The clinic admin here already has an authenticator: set-up sends them back.
        "two_factor_setup": (None, {**SIGNED_IN, "clinic_admin": 302}),
        # POST only (a POST without a verified authenticator gets 403: test_accounts.py).
        "two_factor_recovery_codes": (
            None,
            {**dict.fromkeys(SIGNED_IN, NOT_GET), "anonymous": LOGIN},
        ),
        # The code page is for a session that owes a code: others are sent on.
        "two_factor_verify": (
            None,
            {
                "anonymous": LOGIN,
                "front_desk": 302,
                "practitioner": 302,
                "clinic_admin": 302,
                "no_role": 302,
            },
        ),
    }
)

# Pages open to everyone by design, each with the reason.
PUBLIC = {
    "login": "the way in",
    "logout": "signing out must always work (POST only)",
    "set_language": "switching language holds no data (POST only)",
    "session_keepalive": "Stay signed in: POST only; renews a signed-in session, else 401",
    "healthz": "the reverse proxy's health check; says only whether the database answers",
    "self_intake": "the patient's one-time link; the token is the key (see test_self_intake)",
    "self_report": "the patient's questionnaires behind the same one-time link (test_self_report)",
    "api-v1:openapi-json": "the API's OpenAPI document: how to call it, no record",
    "api-v1:openapi-view": "the API's browsable docs (Swagger UI from local files), no record",
    "api-v1:api-root": "django-ninja's root of the API: answers 404, holds nothing",
}


def url_names(resolver=None, namespace=""):
    """Every named URL pattern of the app (the Django admin is checked by its own tests)."""
    resolver = resolver or get_resolver()
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            if entry.app_name == "admin":
                continue
            inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            yield from url_names(entry, inner)
        elif isinstance(entry, URLPattern) and entry.name:
            yield f"{namespace}{entry.name}"


def test_every_page_is_in_the_access_table():
    unclassified = set(url_names()) - set(ACCESS) - set(PUBLIC)
    assert not unclassified, f"Add these URL names to ACCESS or PUBLIC: {sorted(unclassified)}"


def kwargs_for(kind):
    if kind is None:
        return {}
    if kind == "patient":
        return {"pk": PatientFactory().pk}
    if kind == "staff_user":
        from tests.factories import front_desk_user

        return {"pk": front_desk_user().pk}
    if kind == "intake":
        intake = IntakeFactory()
        return {"pk": intake.patient_id, "intake_pk": intake.pk}
    if kind == "self_intake_link":
        from intake.self_intake.services import self_intake_link_issue
        from tests.factories import front_desk_user

        link, _token = self_intake_link_issue(patient=PatientFactory(), by=front_desk_user())
        return {"pk": link.patient_id, "link_pk": link.pk}
    if kind == "patient_exams":
        return {"patient_pk": PatientFactory().pk}
    if kind in ("exam", "finished_exam"):
        from django.utils import timezone

        from tests.factories import ExamFactory

        if kind == "exam":
            exam = ExamFactory()
        else:
            exam = ExamFactory(status="finished", finished_at=timezone.now())
        return {"patient_pk": exam.patient_id, "pk": exam.pk}
    if kind == "api_key":
        from datetime import timedelta

        from django.utils import timezone

        from interop.keys.services import api_key_issue
        from tests.factories import clinic_admin_user

        key, _secret = api_key_issue(
            name="Kiosk",
            role="Front desk",
            expires_at=timezone.now() + timedelta(days=5),
            by=clinic_admin_user(),
        )
        return {"pk": key.pk}
    if kind == "api_patient":
        return {"patient_id": PatientFactory().pk}
    if kind == "api_intake":
        intake = IntakeFactory()
        return {"patient_id": intake.patient_id, "intake_id": intake.pk}
    if kind == "api_plan":
        plan_kwargs = kwargs_for("signed_plan")
        return {"patient_id": plan_kwargs["patient_pk"], "plan_id": plan_kwargs["pk"]}
    if kind == "outcome":
        return {"patient_pk": PatientFactory().pk, "code": "ODI"}
    if kind in ("plan", "plan_item", "plan_goal", "signed_plan", "plan_letter"):
        from assessments.plans import services as plan_services
        from tests.factories import (
            MedicationFactory,
            confirmed_intake,
            finished_exam,
            practitioner_user,
        )

        intake = confirmed_intake()
        if kind == "plan_letter":  # a statin gives the plan a letter to the doctor
            MedicationFactory(intake=intake, name="Atorvastatin")
        author = practitioner_user()
        plan = plan_services.plan_generate(
            patient=intake.patient, intake=intake, exam=finished_exam(intake), by=author
        )
        if kind == "signed_plan":
            plan = plan_services.plan_sign(plan=plan, expected_version=plan.version, by=author)
        kwargs = {"patient_pk": plan.patient_id, "pk": plan.pk}
        if kind == "plan_item":
            kwargs["item_pk"] = plan.items.first().pk
        if kind == "plan_goal":
            goal = plan_services.plan_goal_add(
                plan=plan, data={"text": "Fewer cramps"}, expected_version=plan.version, by=author
            )
            kwargs["goal_pk"] = goal.pk
        if kind == "plan_letter":
            kwargs["key"] = "medical_referral.medication_review"
        return kwargs
    if kind in ("episode_plan", "visit", "draft_visit", "reassessment", "episode_document"):
        return _episode_kwargs(kind)
    raise AssertionError(kind)


def _episode_kwargs(kind):
    from django.utils import timezone

    from assessments.visits import review_services
    from tests.assessments.visits.episode_builder import (
        all_done,
        reassessment_exam,
        signed_plan_with_baseline,
        signed_visit,
        visit_data,
    )
    from tests.factories import practitioner_user

    author = practitioner_user()
    plan = signed_plan_with_baseline(author)
    if kind == "episode_plan":
        return {"patient_pk": plan.patient_id, "plan_pk": plan.pk}
    if kind == "draft_visit":
        from assessments.visits import services as visit_services

        visit = visit_services.visit_record(
            plan=plan,
            data=visit_data(visit_on=timezone.localdate()),
            treatment=all_done(plan),
            by=author,
        )
        return {"patient_pk": plan.patient_id, "pk": visit.pk}
    visit = signed_visit(plan, author)
    if kind == "visit":
        return {"patient_pk": plan.patient_id, "pk": visit.pk}
    reassessment = review_services.reassessment_record(
        plan=plan,
        exam=reassessment_exam(plan.patient, author, odi_score=20.0),
        goals_met={goal.pk: True for goal in plan.goals.all()},
        decision="continue",
        notes="",
        by=author,
    )
    if kind == "reassessment":
        return {"patient_pk": plan.patient_id, "pk": reassessment.pk}
    document = reassessment.documents.get()
    return {"patient_pk": plan.patient_id, "episode_pk": visit.episode_id, "pk": document.pk}


@pytest.fixture
def callers(front_desk, practitioner, clinic_admin, no_role_user):
    clients = {"anonymous": Client()}
    for name, user in [
        ("front_desk", front_desk),
        ("practitioner", practitioner),
        ("clinic_admin", clinic_admin),
        ("no_role", no_role_user),
    ]:
        clients[name] = Client()
        if name == "clinic_admin":
            sign_in_with_second_step(clients[name], user)
        else:
            clients[name].force_login(user)
    return clients


@pytest.mark.parametrize("url_name", sorted(ACCESS))
def test_each_role_gets_what_the_table_says(url_name, callers):
    kind, expected = ACCESS[url_name]
    url = reverse(url_name, kwargs=kwargs_for(kind))
    for caller, status in expected.items():
        response = callers[caller].get(url)
        if status == LOGIN:
            assert response.status_code == 302, (caller, url)
            assert response["Location"].startswith(reverse("login") + "?next="), (caller, url)
        else:
            assert response.status_code == status, (caller, url, response.status_code)


def test_signed_pages_are_not_cached(front_desk_client, patient):
    response = front_desk_client.get(reverse("patient_chart", args=[patient.pk]))
    assert "no-store" in response["Cache-Control"]


def test_navigation_shows_what_the_role_may_do(front_desk_client, clinic_admin_client):
    desk_page = front_desk_client.get(reverse("patient_list")).content.decode()
    assert "Register a patient" in desk_page
    assert "Administration" not in desk_page
    admin_page = clinic_admin_client.get(reverse("home")).content.decode()
    assert "Register a patient" not in admin_page
    assert "Administration" in admin_page
