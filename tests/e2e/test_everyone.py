"""For everyone: the language switch in the header, a 403 that says what the role may do."""

from tests.e2e.conftest import sign_in
from tests.factories import TEST_PASSWORD, PatientFactory, front_desk_user


def test_the_language_switch_is_at_the_top_of_a_long_form_and_a_403_explains_the_role(
    page, transactional_db
):
    front_desk_user(username="desk")
    patient = PatientFactory(first_name="Anna", last_name="Roy")
    sign_in(page, "desk", TEST_PASSWORD)

    # On the long intake form the switch is in the header, visible without scrolling.
    page.goto(f"/patients/{patient.pk}/intakes/new/")
    switch = page.get_by_test_id("language-switch")
    box = switch.bounding_box()
    assert box["y"] + box["height"] <= page.viewport_size["height"]
    assert page.locator("footer").count() == 0
    switch.get_by_label("Language").select_option("fr")
    switch.get_by_role("button").click()
    page.wait_for_load_state()
    assert page.locator("html").get_attribute("lang") == "fr"
    assert page.get_by_label("Qu'est-ce qui amène le patient ?").is_visible()

    # A page of another role: what this role may do, in the chosen language, and no trace.
    response = page.goto(f"/patients/{patient.pk}/exams/new/")
    assert response.status == 403
    abilities = page.get_by_test_id("role-abilities").inner_text()
    assert "Inscrire, trouver et modifier les patients" in abilities
    assert "Traceback" not in page.content()
    page.get_by_role("link", name="Retour à votre page de départ").click()
    assert page.get_by_role("heading", name="Aujourd'hui").is_visible()
