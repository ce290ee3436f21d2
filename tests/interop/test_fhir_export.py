"""The FHIR R4 export: a whole patient exported, parsed back through fhir.resources, each
resource's key fields asserted, and every code checked against its value set."""

import hashlib
import json

import pytest
from django.test import Client
from django.urls import reverse
from fhir.resources.R4B.bundle import Bundle

from clinic.models import AuditAction, AuditEvent
from tests.factories import PatientFactory, front_desk_user
from tests.interop.records import bearer, issue_key, whole_patient

pytestmark = pytest.mark.django_db

PRODUCT = "https://clinic-records.example/fhir/CodeSystem/"
# The value sets each coded element must draw from (FHIR R4 and the product's own systems).
# fhir.resources checks structure only; these are the codes a receiving system will accept.
VALUE_SETS = {
    ("Patient", "gender"): {"male", "female", "other", "unknown"},
    ("Observation", "status"): {
        "registered",
        "preliminary",
        "final",
        "amended",
        "corrected",
        "cancelled",
        "entered-in-error",
        "unknown",
    },
    ("QuestionnaireResponse", "status"): {
        "in-progress",
        "completed",
        "amended",
        "entered-in-error",
        "stopped",
    },
    ("Questionnaire", "status"): {"draft", "active", "retired", "unknown"},
    ("CarePlan", "status"): {
        "draft",
        "active",
        "on-hold",
        "revoked",
        "completed",
        "entered-in-error",
        "unknown",
    },
    ("CarePlan", "intent"): {"proposal", "plan", "order", "option"},
    ("ServiceRequest", "status"): {
        "draft",
        "active",
        "on-hold",
        "revoked",
        "completed",
        "entered-in-error",
        "unknown",
    },
    ("ServiceRequest", "intent"): {
        "proposal",
        "plan",
        "directive",
        "order",
        "original-order",
        "reflex-order",
        "filler-order",
        "instance-order",
        "option",
    },
    ("ServiceRequest", "priority"): {"routine", "urgent", "asap", "stat"},
    ("MedicationStatement", "status"): {
        "active",
        "completed",
        "entered-in-error",
        "intended",
        "stopped",
        "on-hold",
        "unknown",
        "not-taken",
    },
    ("Flag", "status"): {"active", "inactive", "entered-in-error"},
    ("DocumentReference", "status"): {"current", "superseded", "entered-in-error"},
    ("DocumentReference", "docStatus"): {"preliminary", "final", "amended", "entered-in-error"},
    ("Goal", "lifecycleStatus"): {
        "proposed",
        "planned",
        "accepted",
        "active",
        "on-hold",
        "completed",
        "cancelled",
        "entered-in-error",
        "rejected",
    },
}
CODE_SYSTEMS = {
    "http://terminology.hl7.org/CodeSystem/observation-category": {
        "social-history",
        "vital-signs",
        "imaging",
        "laboratory",
        "procedure",
        "survey",
        "exam",
        "therapy",
        "activity",
    },
    "http://terminology.hl7.org/CodeSystem/condition-clinical": {
        "active",
        "recurrence",
        "relapse",
        "inactive",
        "remission",
        "resolved",
    },
    "http://terminology.hl7.org/CodeSystem/condition-ver-status": {
        "unconfirmed",
        "provisional",
        "differential",
        "confirmed",
        "refuted",
        "entered-in-error",
    },
    "http://terminology.hl7.org/CodeSystem/condition-category": {
        "problem-list-item",
        "encounter-diagnosis",
    },
    "http://terminology.hl7.org/CodeSystem/flag-category": {
        "diet",
        "drug",
        "lab",
        "admin",
        "contact",
        "clinical",
        "behavioral",
        "research",
        "advance-directive",
        "safety",
    },
    "http://terminology.hl7.org/CodeSystem/provenance-participant-type": {
        "enterer",
        "performer",
        "author",
        "verifier",
        "legal",
        "attester",
        "informant",
        "custodian",
        "assembler",
        "composer",
    },
    "http://terminology.hl7.org/CodeSystem/v2-0131": {"C", "E", "EP", "F", "I", "N", "O", "S", "U"},
    "urn:iso-astm:E1762-95:2013": {
        "1.2.840.10065.1.12.1.1",
        "1.2.840.10065.1.12.1.5",
    },
    "urn:ietf:bcp:47": {"en", "fr"},
    "http://unitsofmeasure.org": {"%", "{score}", "deg", "mm", "s"},
    # LOINC: only the two codes the measures are published under; nothing invented.
    "http://loinc.org": {"97909-6", "72514-3"},
    PRODUCT + "outcome-measure": {"ODI", "LEFS", "NPRS", "PSFS"},
    PRODUCT + "plan-component": {
        "medical_referral",
        "spinal_mobilisation",
        "massage",
        "stretching",
        "strengthening",
        "posture",
        "nutrition_referral",
        "home_care",
    },
}


def codings(node):
    """Every Coding (a dict with system and code) anywhere in a resource."""
    if isinstance(node, dict):
        if "system" in node and "code" in node:
            yield node
        for value in node.values():
            yield from codings(value)
    elif isinstance(node, list):
        for value in node:
            yield from codings(value)


@pytest.fixture
def exported(practitioner):
    record = whole_patient(practitioner)
    _key, secret = issue_key("Practitioner", name="Doctor's EHR")
    url = reverse("fhir_patient_everything", args=[record["patient"].pk])
    response = Client().get(url, **bearer(secret))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/fhir+json"
    bundle = Bundle.model_validate_json(response.content)  # parses back through fhir.resources
    resources = [entry.resource for entry in bundle.entry]
    by_type = {}
    for resource in resources:
        by_type.setdefault(resource.get_resource_type(), []).append(resource)
    raw = json.loads(response.content)
    return record, bundle, by_type, raw


def test_the_whole_record_is_one_collection_bundle_that_parses_back(exported):
    record, bundle, by_type, raw = exported
    assert bundle.type == "collection"
    assert set(by_type) >= {
        "Patient",
        "Practitioner",
        "Questionnaire",
        "QuestionnaireResponse",
        "Observation",
        "Condition",
        "MedicationStatement",
        "Flag",
        "CarePlan",
        "Goal",
        "ServiceRequest",
        "Provenance",
        "DocumentReference",
    }
    # Visit notes are another issue's (17): no Encounter is invented.
    assert "Encounter" not in by_type
    full_urls = [entry["fullUrl"] for entry in raw["entry"]]
    assert len(full_urls) == len(set(full_urls))
    # Every reference inside the bundle points at a resource in it.
    ids = {f"{e['resource']['resourceType']}/{e['resource']['id']}" for e in raw["entry"]}
    refs = set(_references(raw["entry"]))
    assert refs <= ids, refs - ids


def _references(node):
    if isinstance(node, dict):
        if isinstance(node.get("reference"), str):
            yield node["reference"]
        for value in node.values():
            yield from _references(value)
    elif isinstance(node, list):
        for value in node:
            yield from _references(value)


def test_every_code_is_in_its_value_set(exported):
    _record, _bundle, _by_type, raw = exported
    for entry in raw["entry"]:
        resource = entry["resource"]
        kind = resource["resourceType"]
        for (resource_type, element), allowed in VALUE_SETS.items():
            if kind == resource_type and element in resource:
                assert resource[element] in allowed, (kind, element, resource[element])
        for coding in codings(resource):
            allowed = CODE_SYSTEMS.get(coding["system"])
            if allowed is not None:
                assert coding["code"] in allowed, (kind, coding)
            elif coding["system"].startswith("http://loinc.org"):
                pytest.fail(f"unexpected LOINC system {coding}")
            else:
                # Any other code lives in a code system of the product's own.
                assert coding["system"].startswith(PRODUCT), coding


def test_the_patient(exported):
    record, _bundle, by_type, _raw = exported
    (patient,) = by_type["Patient"]
    assert patient.id == str(record["patient"].pk)
    assert patient.name[0].family == "O'Brien <b>"
    assert patient.name[0].given == ["Élodie"]
    assert patient.gender == "female"
    assert patient.birthDate == record["patient"].date_of_birth
    assert patient.identifier[0].value == record["patient"].record_number
    assert {t.system for t in patient.telecom} == {"phone", "email"}
    assert patient.active is True


def test_the_intake_names_the_patient_as_its_source_with_its_questionnaire(exported):
    record, _bundle, by_type, _raw = exported
    responses = {r.id: r for r in by_type["QuestionnaireResponse"]}
    intake = responses[f"intake-{record['intake'].pk}"]
    assert intake.status == "completed"
    assert intake.source.reference == f"Patient/{record['patient'].pk}"
    assert intake.questionnaire.endswith("/Questionnaire/intake")
    answers = {item.linkId: item.answer for item in intake.item if item.answer}
    assert answers["complaint"][0].valueString == "Calf cramps at night"
    assert [a.valueCoding.code for a in answers["cramp_muscles"]] == ["calf", "hamstring"]
    assert answers["tingling"][0].valueBoolean is True
    # Not answered (None) is not exported as "no".
    assert "numbness" not in answers
    questionnaires = {q.id for q in by_type["Questionnaire"]}
    assert questionnaires == {
        "intake",
        "outcome-odi",
        "outcome-lefs",
        "outcome-nprs",
        "outcome-psfs",
    }
    # The practitioner's review of the intake is its verification.
    verified = [p for p in by_type["Provenance"] if p.id.startswith("intake-confirmation")]
    assert verified[0].agent[0].type.coding[0].code == "verifier"


def test_outcome_scores_are_survey_observations_with_loinc_only_where_published(exported):
    record, _bundle, by_type, _raw = exported
    surveys = {o.id: o for o in by_type["Observation"] if o.category[0].coding[0].code == "survey"}
    assert len(surveys) == 4
    odi = surveys[f"outcome-{record['measures']['ODI'].pk}"]
    assert odi.code.coding[0].system == "http://loinc.org"
    assert odi.code.coding[0].code == "97909-6"
    assert odi.valueQuantity.value == pytest.approx(40.0)
    assert odi.valueQuantity.unit == "%"
    nprs = surveys[f"outcome-{record['measures']['NPRS'].pk}"]
    assert nprs.code.coding[0].code == "72514-3"
    assert nprs.valueQuantity.value == 6
    for code in ("LEFS", "PSFS"):
        observation = surveys[f"outcome-{record['measures'][code].pk}"]
        systems = {coding.system for coding in observation.code.coding}
        assert systems == {PRODUCT + "outcome-measure"}
        assert observation.code.text
    # The pain score the patient gave through the link names the patient as the source.
    responses = {r.id: r for r in by_type["QuestionnaireResponse"]}
    pain = responses[f"outcome-{record['measures']['NPRS'].pk}"]
    assert pain.source.reference == f"Patient/{record['patient'].pk}"
    psfs = responses[f"outcome-{record['measures']['PSFS'].pk}"]
    assert psfs.item[0].item[0].answer[0].valueString == "Walking the dog"


def test_exam_findings_with_body_site_and_nothing_untested_as_normal(exported):
    _record, _bundle, by_type, _raw = exported
    findings = {
        o.code.coding[0].code: o
        for o in by_type["Observation"]
        if o.category[0].coding[0].code == "exam"
    }
    assert findings["glute_max_left"].valueInteger == 3
    assert findings["glute_max_left"].bodySite.text == "Gluteus maximus (left)"
    assert findings["reflex_ankle_left"].valueCodeableConcept.coding[0].code == "reduced"
    assert findings["ankle_dorsiflexion_left_degrees"].valueQuantity.code == "deg"
    assert findings["spinal_segment"].bodySite.text == "L5 (left)"
    assert findings["head_forward"].valueBoolean is True
    assert all(o.status == "final" for o in findings.values())
    # Not tested: absent, never "normal" or "present".
    for untested in ("foot_pulse_left", "foot_pulse_right", "reflex_knee_left", "glute_max_right"):
        assert untested not in findings
    # An unticked box is not exported as a finding either.
    assert "scoliosis" not in findings


def test_history_medications_and_the_cramp_flag(exported):
    _record, _bundle, by_type, _raw = exported
    conditions = {c.code.coding[0].code: c for c in by_type["Condition"]}
    assert set(conditions) == {"thyroid_underactive", "stenosis", "pad_diagnosed"}
    assert conditions["stenosis"].verificationStatus.coding[0].code == "confirmed"
    assert conditions["stenosis"].bodySite[0].text == "Lower back"
    assert conditions["thyroid_underactive"].note[0].text == "not treated"
    statements = {m.medicationCodeableConcept.text: m for m in by_type["MedicationStatement"]}
    assert set(statements) == {"Atorvastatin", "Vitamin D"}
    assert statements["Atorvastatin"].dosage[0].text == "20 mg daily"
    (flag,) = by_type["Flag"]
    assert "Atorvastatin" in flag.code.text and "statin" in flag.code.text
    assert flag.extension[0].valueReference.reference == (
        f"MedicationStatement/{statements['Atorvastatin'].id}"
    )


def test_plan_versions_referrals_signatures_and_documents(exported):
    record, _bundle, by_type, _raw = exported
    v1, v2 = record["v1"], record["v2"]
    plans = {p.id: p for p in by_type["CarePlan"]}
    old, new = plans[f"plan-{v1.pk}"], plans[f"plan-{v2.pk}"]
    assert old.status == "revoked" and new.status == "active"
    assert new.replaces[0].reference == f"CarePlan/plan-{v1.pk}"
    assert "Sleeps on her side now" in new.description
    scheduled = [a.detail for a in new.activity if a.detail is not None]
    assert scheduled and all(d.scheduledString for d in scheduled if d.scheduledString)
    assert any(d.scheduledString for d in scheduled)
    referral_refs = {a.reference.reference for a in new.activity if a.reference is not None}
    referrals = {f"ServiceRequest/{s.id}": s for s in by_type["ServiceRequest"]}
    assert referral_refs and referral_refs <= set(referrals)
    medication_review = [s for s in referrals.values() if "Medication review" in s.code.text]
    assert medication_review and medication_review[0].category[0].coding[0].code == (
        "medical_referral"
    )
    signatures = {p.id: p for p in by_type["Provenance"] if p.id.startswith("plan-signature")}
    signed = signatures[f"plan-signature-{v2.pk}"]
    assert signed.target[0].reference == f"CarePlan/plan-{v2.pk}"
    assert signed.signature[0].type[0].code == "1.2.840.10065.1.12.1.1"
    documents = {d.id: d for d in by_type["DocumentReference"]}
    stored = v2.signed_document
    current = documents[f"plan-document-{stored.pk}"]
    attachment = current.content[0].attachment
    assert attachment.contentType == "application/pdf"
    assert attachment.extension[0].valueString == stored.sha256
    assert stored.sha256 == hashlib.sha256(bytes(stored.pdf)).hexdigest()
    assert current.status == "current"
    assert current.relatesTo[0].code == "replaces"
    assert documents[f"plan-document-{v1.signed_document.pk}"].status == "superseded"


def test_every_export_is_an_audit_event_naming_the_key(practitioner):
    patient = PatientFactory()
    _key, secret = issue_key("Practitioner", name="Doctor's EHR")
    Client().get(reverse("fhir_patient", args=[patient.pk]), **bearer(secret))
    event = AuditEvent.objects.filter(action=AuditAction.EXPORTED).get()
    assert event.patient == patient
    assert "Doctor's EHR" in event.detail and "Patient/" in event.detail


def test_a_signed_in_practitioner_downloads_the_bundle(practitioner_client, patient):
    url = reverse("fhir_patient_everything", args=[patient.pk]) + "?download=1"
    response = practitioner_client.get(url)
    assert response.status_code == 200
    assert "attachment" in response["Content-Disposition"]
    assert json.loads(response.content)["resourceType"] == "Bundle"


def test_the_patient_alone(practitioner_client, patient):
    response = practitioner_client.get(reverse("fhir_patient", args=[patient.pk]))
    assert response["Content-Type"] == "application/fhir+json"
    assert json.loads(response.content)["resourceType"] == "Patient"


@pytest.mark.parametrize("guess", ["999999", "abc", "1.5", "-1", "99999999999999999999999"])
def test_a_guessed_id_is_a_404_operation_outcome(practitioner_client, guess):
    response = practitioner_client.get(f"/fhir/Patient/{guess}/$everything")
    assert response.status_code == 404
    body = json.loads(response.content)
    assert body["resourceType"] == "OperationOutcome"
    assert body["issue"][0]["code"] == "not-found"


def test_the_front_desk_reads_the_patient_but_not_the_whole_record(patient):
    _key, secret = issue_key("Front desk")
    client = Client()
    assert (
        client.get(reverse("fhir_patient", args=[patient.pk]), **bearer(secret)).status_code == 200
    )
    response = client.get(reverse("fhir_patient_everything", args=[patient.pk]), **bearer(secret))
    assert response.status_code == 403
    assert json.loads(response.content)["issue"][0]["code"] == "forbidden"
    session = Client()
    session.force_login(front_desk_user())
    assert session.get(reverse("fhir_patient_everything", args=[patient.pk])).status_code == 403


def test_without_a_key_or_session_401(patient):
    response = Client().get(reverse("fhir_patient_everything", args=[patient.pk]))
    assert response.status_code == 401
    assert response["WWW-Authenticate"] == "Bearer"
    assert not AuditEvent.objects.filter(action=AuditAction.EXPORTED).exists()


def test_a_draft_taken_at_the_desk_is_in_progress_and_authored_by_staff(practitioner_client):
    from intake.models import IntakeSource
    from tests.factories import IntakeFactory, front_desk_user

    desk = front_desk_user()
    intake = IntakeFactory(source=IntakeSource.FRONT_DESK, created_by=desk, complaint="Cramps")
    response = practitioner_client.get(reverse("fhir_patient_everything", args=[intake.patient_id]))
    bundle = Bundle.model_validate_json(response.content)
    (answer,) = [
        e.resource
        for e in bundle.entry
        if e.resource.get_resource_type() == "QuestionnaireResponse"
    ]
    assert answer.status == "in-progress"
    assert answer.source is None
    assert answer.author.reference == f"Practitioner/practitioner-{desk.pk}"
    # A draft is not yet history: no Condition or medication is read from it.
    kinds = {e.resource.get_resource_type() for e in bundle.entry}
    assert not kinds & {"Condition", "MedicationStatement", "Flag"}


def test_the_export_reads_the_same_number_of_rows_however_many_staff_wrote_the_record(
    practitioner,
):
    """Each person is named with their title and registration number: read with them, not
    one query per person."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from clinic.models import StaffProfile
    from tests.factories import ExamFactory, practitioner_user

    record = whole_patient(practitioner)
    _key, secret = issue_key("Practitioner", name="Doctor's EHR")
    url = reverse("fhir_patient_everything", args=[record["patient"].pk])

    def export():
        with CaptureQueriesContext(connection) as queries:
            response = Client().get(url, **bearer(secret))
        assert response.status_code == 200
        return len(queries), json.loads(response.content)

    before, _bundle = export()
    for number in range(3):
        colleague = practitioner_user(username=f"colleague{number}", last_name=f"Roy{number}")
        StaffProfile.objects.create(
            user=colleague, title="Physiotherapist", registration_number=f"OPPQ-{number}"
        )
        ExamFactory(patient=record["patient"], intake=record["intake"], practitioner=colleague)
    after, bundle = export()
    assert after == before
    names = [
        entry["resource"]["name"][0]["text"]
        for entry in bundle["entry"]
        if entry["resource"]["resourceType"] == "Practitioner"
    ]
    assert any("Roy2, Physiotherapist (Reg. no. OPPQ-2)" in name for name in names)
