from assessments.models import PlanDocument
from tests.assessments.documents.pdf_reading import flat, full_text
from tests.builders import signed_plan
from tests.e2e.conftest import sign_in
from tests.factories import TEST_PASSWORD, front_desk_user, practitioner_user


def test_front_desk_downloads_the_signed_care_plan_from_the_chart(
    page, screenshot, tmp_path, transactional_db
):
    plan = signed_plan(practitioner_user(username="doc"))
    front_desk_user(username="desk")

    sign_in(page, "desk", TEST_PASSWORD)
    page.goto(f"/patients/{plan.patient_id}/")
    screenshot(page, "front-desk-chart-with-signed-plan")
    with page.expect_download() as download_info:
        page.get_by_test_id("download-plan").first.click()
    path = tmp_path / download_info.value.suggested_filename
    download_info.value.save_as(path)

    pdf = path.read_bytes()
    assert pdf == bytes(PlanDocument.objects.get(plan=plan).pdf)
    assert plan.patient.full_name in flat(full_text(pdf))
    assert path.name.endswith(f"care-plan-v{plan.number}.pdf")
