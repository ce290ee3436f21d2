"""The care plan as printed from a real plan: stored once at signing, same bytes after."""

import hashlib

import pytest
from django.urls import reverse

from assessments.models import PlanDocument, TreatmentPlan
from assessments.plans import services
from clinic.models import AuditAction, AuditEvent
from tests.assessments.documents.pdf_reading import assert_qpdf_accepts, flat, full_text, pages_text
from tests.builders import answer_precautions, pdf_url, pregnant_calf_cramps, signed_plan

pytestmark = pytest.mark.django_db


def test_signing_stores_the_pdf_with_its_sha256(practitioner):
    plan = signed_plan(practitioner)

    document = PlanDocument.objects.get(plan=plan)
    pdf = bytes(document.pdf)
    assert pdf.startswith(b"%PDF")
    assert document.sha256 == hashlib.sha256(pdf).hexdigest()
    event = AuditEvent.objects.get(action=AuditAction.PLAN_SIGNED)
    assert document.sha256[:12] in event.detail


def test_the_printed_plan_shows_the_patient_each_kept_item_its_dosage_and_the_footer(
    practitioner, tmp_path
):
    plan = signed_plan(practitioner)
    pdf = bytes(plan.signed_document.pdf)

    text = flat(full_text(pdf))
    assert plan.patient.full_name in text
    assert plan.patient.record_number in text
    for item in plan.items.filter(removed=False):
        assert flat(item.title) in text
        if item.dosage:
            assert flat(item.dosage) in text
    pages = pages_text(pdf)
    for number, page in enumerate(pages, start=1):
        assert f"Page {number} of {len(pages)}" in flat(page)
    assert "DRAFT" not in text
    assert_qpdf_accepts(pdf, tmp_path)


def test_every_download_of_a_signed_plan_returns_the_stored_bytes(
    practitioner, front_desk_client, practitioner_client
):
    plan = signed_plan(practitioner)
    stored = bytes(plan.signed_document.pdf)

    first = front_desk_client.get(pdf_url(plan, download=True))
    second = practitioner_client.get(pdf_url(plan))

    assert first.status_code == second.status_code == 200
    assert first["Content-Type"] == "application/pdf"
    assert first["Content-Disposition"].startswith("attachment;")
    assert "no-store" in first["Cache-Control"]
    assert first.content == second.content == stored
    printed = AuditEvent.objects.filter(action=AuditAction.DOCUMENT_PRINTED, patient=plan.patient)
    assert printed.count() == 2
    assert all(f"v{plan.number}" in event.detail for event in printed)


def test_a_draft_prints_marked_draft_for_practitioners_only_and_is_never_stored(
    practitioner, practitioner_client, front_desk_client
):
    intake, exam = pregnant_calf_cramps()
    plan = services.plan_generate(patient=intake.patient, intake=intake, exam=exam, by=practitioner)

    response = practitioner_client.get(pdf_url(plan))

    assert response.status_code == 200
    assert "DRAFT" in full_text(response.content)
    assert not PlanDocument.objects.exists()
    assert front_desk_client.get(pdf_url(plan)).status_code == 403


def test_front_desk_finds_the_download_on_the_chart_for_signed_plans_only(
    practitioner, front_desk_client
):
    plan = signed_plan(practitioner)
    chart = front_desk_client.get(reverse("patient_chart", args=[plan.patient_id]))
    assert pdf_url(plan, download=True) in chart.content.decode()


def test_another_patients_plan_is_not_found(practitioner, practitioner_client, patient):
    plan = signed_plan(practitioner)
    url = reverse("plan_pdf", kwargs={"patient_pk": patient.pk, "pk": plan.pk})
    assert practitioner_client.get(url).status_code == 404


def test_markup_typed_into_an_item_prints_as_text(practitioner):
    hostile = 'Use a ball <b>gently</b> & "slowly" </para><a href="javascript:alert(1)">x</a>'
    plan = signed_plan(practitioner, hostile_note=hostile)

    text = flat(full_text(bytes(plan.signed_document.pdf)))

    assert flat(hostile) in text


def test_the_doctor_letter_names_the_medication_review(practitioner, practitioner_client):
    plan = signed_plan(practitioner, statin=True)
    key = "medical_referral.medication_review"
    url = reverse(
        "plan_letter_pdf", kwargs={"patient_pk": plan.patient_id, "pk": plan.pk, "key": key}
    )

    response = practitioner_client.get(url)

    text = flat(full_text(response.content))
    assert response.status_code == 200
    assert "Dear Doctor," in text
    assert "atorvastatin" in text.lower()
    assert plan.patient.full_name in text
    missing = reverse(
        "plan_letter_pdf", kwargs={"patient_pk": plan.patient_id, "pk": plan.pk, "key": "nope"}
    )
    assert practitioner_client.get(missing).status_code == 404


def test_an_amendment_gets_its_own_stored_document(practitioner):
    first = signed_plan(practitioner)
    draft = services.plan_amend(plan=first, reason="Add heel walking", by=practitioner)
    draft = answer_precautions(draft, practitioner)
    second = services.plan_sign(plan=draft, expected_version=draft.version, by=practitioner)

    assert TreatmentPlan.objects.get(pk=first.pk).signed_document.sha256 != (
        second.signed_document.sha256
    )
    assert "Version 2" in flat(full_text(bytes(second.signed_document.pdf)))


def test_a_plan_whose_review_date_was_cleared_still_signs_and_prints(practitioner):
    intake, exam = pregnant_calf_cramps()
    plan = services.plan_generate(patient=intake.patient, intake=intake, exam=exam, by=practitioner)
    TreatmentPlan.objects.filter(pk=plan.pk).update(review_date=None)
    plan = answer_precautions(TreatmentPlan.objects.get(pk=plan.pk), practitioner)

    signed = services.plan_sign(plan=plan, expected_version=plan.version, by=practitioner)

    text = flat(full_text(bytes(signed.signed_document.pdf)))
    assert signed.patient.full_name in text
    assert "Review date" not in text


def test_a_red_flag_plan_prints_how_soon_in_plain_words_and_no_treatment(practitioner):
    from assessments.documents.plans import care_plan_data, referral_letter_data, see_doctor_text

    intake, exam = pregnant_calf_cramps(red_flag_calf_swollen_red_warm=True)
    plan = services.plan_generate(patient=intake.patient, intake=intake, exam=exam, by=practitioner)
    assert see_doctor_text(plan).startswith("Go to an emergency department today.")
    data = care_plan_data(plan)
    assert data.items == () and data.visit_frequency == ""
    signed = services.plan_sign(plan=plan, expected_version=plan.version, by=practitioner)
    text = flat(full_text(bytes(PlanDocument.objects.get(plan=signed).pdf)))
    assert "See a doctor first" in text
    assert see_doctor_text(signed) in text
    assert "No treatment until a doctor has seen you." in text
    assert "Your home programme" not in text
    referral = signed.assessment["referrals"][0]
    letter = referral_letter_data(signed, referral["key"])
    assert letter.urgency == "Today: go to an emergency department (same day)."


def test_a_plan_without_an_open_red_flag_prints_no_see_a_doctor_box(practitioner):
    from assessments.documents.plans import care_plan_data

    plan = signed_plan(practitioner)
    assert care_plan_data(plan).see_doctor == ""
    text = flat(full_text(bytes(PlanDocument.objects.get(plan=plan).pdf)))
    assert "See a doctor first" not in text


def test_the_french_plan_says_how_soon_in_french(practitioner):
    from assessments.documents.plans import see_doctor_text

    intake, exam = pregnant_calf_cramps(
        red_flag_saddle_numbness=True, patient__preferred_language="fr"
    )
    plan = services.plan_generate(patient=intake.patient, intake=intake, exam=exam, by=practitioner)
    english = plan.assessment["red_flags"][0]["patient_text"]["text"]
    assert see_doctor_text(plan) != english
    assert "urgence" in see_doctor_text(plan)
