"""Writing plans: generation from the records, editing a draft, signing, amending, regenerating."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from assessments.models import (
    PlanGoal,
    PlanItem,
    PlanLockedError,
    PlanStatus,
    PrecautionOverride,
    TreatmentPlan,
)
from assessments.plans import selectors, services
from assessments.plans.services import decide
from assessments.reasoning.interventions import ITEMS_BY_KEY
from clinic.models import AuditAction, AuditEvent
from tests.builders import answer_precautions, generate, pregnant_calf_cramps

pytestmark = pytest.mark.django_db


def test_generation_stores_the_factors_items_and_goals_the_rules_produce(practitioner):
    plan = generate(practitioner)
    assert plan.status == PlanStatus.DRAFT
    assert plan.number == 1
    factors = [factor["key"] for factor in plan.assessment["factors"]]
    assert factors[0].startswith("pregnancy")
    assert plan.assessment["factors"][0]["title"]["shown"].startswith("Third trimester")
    items = list(plan.items.values_list("key", flat=True))
    assert "stretching.calf_before_bed" in items
    massage = plan.items.get(component="massage")
    assert "pregnancy_positioning" in massage.precaution_keys
    assert massage.rule_ids and massage.sources
    assert "each side" in plan.items.get(key="stretching.calf_before_bed").dosage
    assert PlanGoal.objects.filter(plan=plan, key="cramps_per_week", baseline="5").exists()
    assert plan.visit_frequency
    assert plan.review_date is not None


def test_texts_are_rendered_in_the_patients_language(practitioner):
    plan = generate(practitioner, patient__preferred_language="fr")
    assert plan.language == "fr"
    factor = plan.assessment["factors"][0]["title"]
    assert factor["shown"] != factor["text"]  # French beside the English
    assert plan.items.first().title != plan.assessment["plan"]["items"][0]["title"]["text"]


def test_only_a_confirmed_intake_and_a_finished_exam_generate(practitioner):
    intake, exam = pregnant_calf_cramps()
    intake.status = "submitted"
    intake.save()
    with pytest.raises(ValidationError):
        services.plan_generate(patient=intake.patient, intake=intake, exam=exam, by=practitioner)
    assert not TreatmentPlan.objects.exists()


def test_editing_a_draft_goes_against_its_version(practitioner):
    plan = generate(practitioner)
    item = plan.items.get(key="stretching.calf_before_bed")
    services.plan_item_update(
        item=item,
        data={"dosage": "3 holds of 30 s each side, nightly"},
        expected_version=plan.version,
        by=practitioner,
    )
    with pytest.raises(services.ConcurrentEditError):
        services.plan_item_update(
            item=item, data={"dosage": "stale"}, expected_version=plan.version, by=practitioner
        )
    item.refresh_from_db()
    assert item.dosage == "3 holds of 30 s each side, nightly"


def test_add_remove_and_move_items(practitioner):
    plan = generate(practitioner)
    added = services.plan_item_add(
        plan=plan,
        data={"component": "home_care", "title": "Warm bath", "instructions": "10 min"},
        expected_version=plan.version,
        by=practitioner,
    )
    assert added.origin == "practitioner"
    plan.refresh_from_db()
    services.plan_item_move(item=added, direction="up", expected_version=plan.version, by=None)
    plan.refresh_from_db()
    kept = list(plan.items.filter(removed=False).values_list("pk", flat=True))
    assert kept[-2] == added.pk
    first = plan.items.first()
    with pytest.raises(ValidationError):
        services.plan_item_remove(
            item=first, reason="", expected_version=plan.version, by=practitioner
        )
    services.plan_item_remove(
        item=first, reason="Not tolerated", expected_version=plan.version, by=practitioner
    )
    first.refresh_from_db()
    assert first.removed and first.removed_reason == "Not tolerated"


def clear_all_flags(plan, by, **how):
    how = how or {"kind": "doctor", "doctor_name": "Dr Anne Roy", "seen_on": date.today()}
    for flag in plan.assessment["red_flags"]:
        plan.refresh_from_db()
        services.red_flag_clear(
            plan=plan, flag_key=flag["key"], expected_version=plan.version, by=by, **how
        )
    plan.refresh_from_db()
    return plan


def test_while_a_red_flag_is_open_the_draft_is_the_referral_alone(practitioner):
    plan = generate(practitioner, red_flag_calf_swollen_red_warm=True)
    flag = plan.assessment["red_flags"][0]
    assert flag["key"] == "red_flag.calf_clot"
    assert flag["urgency"] == "emergency"
    assert flag["cleared"] is False
    assert flag["patient_text"]["shown"]
    assert plan.assessment["treatment_withheld"] is True
    assert not plan.items.exists()
    assert not plan.goals.exists()
    assert plan.visit_frequency == ""
    assert plan.review_date is None
    assert [r["urgency"] for r in plan.assessment["referrals"]] == ["emergency"]
    # Signing now signs the referral alone: no reason asked, nothing to treat.
    assert selectors.sign_blockers(plan) == []
    signed = services.plan_sign(plan=plan, expected_version=plan.version, by=practitioner)
    assert signed.status == PlanStatus.SIGNED
    assert not signed.items.exists()


def test_an_item_added_by_hand_while_a_flag_is_open_blocks_signing(practitioner):
    plan = generate(practitioner, red_flag_calf_swollen_red_warm=True)
    services.plan_item_add(
        plan=plan,
        data={"component": "massage", "title": "Calf massage", "instructions": "Deep"},
        expected_version=plan.version,
        by=practitioner,
    )
    plan.refresh_from_db()
    with pytest.raises(ValidationError, match="red flag is open"):
        services.plan_sign(plan=plan, expected_version=plan.version, by=practitioner)


def test_a_doctors_clearance_brings_the_treatment_proposal_into_the_draft(practitioner):
    plan = generate(practitioner, red_flag_calf_swollen_red_warm=True)
    key = plan.assessment["red_flags"][0]["key"]
    with pytest.raises(ValidationError):  # a referral alone does not clear a red flag
        services.red_flag_clear(
            plan=plan,
            flag_key=key,
            kind="referral",
            reason="Sent to the GP",
            expected_version=plan.version,
            by=practitioner,
        )
    with pytest.raises(ValidationError):  # the doctor's clearance names who and when
        services.red_flag_clear(
            plan=plan, flag_key=key, kind="doctor", expected_version=plan.version, by=practitioner
        )
    assert not plan.items.exists()
    plan = clear_all_flags(plan, practitioner)
    clearance = plan.red_flag_clearances.get()
    assert (clearance.doctor_name, clearance.seen_on) == ("Dr Anne Roy", date.today())
    assert plan.assessment["treatment_withheld"] is False
    assert plan.assessment["red_flags"][0]["cleared"] is True
    keys = set(plan.items.values_list("key", flat=True))
    assert "stretching.calf_before_bed" in keys
    assert "medical_referral.red_flags" not in keys
    assert plan.visit_frequency
    assert plan.review_date is not None
    assert AuditEvent.objects.filter(action=AuditAction.RED_FLAG_CLEARED).count() == 1
    plan = answer_precautions(plan, practitioner)
    signed = services.plan_sign(plan=plan, expected_version=plan.version, by=practitioner)
    assert signed.status == PlanStatus.SIGNED
    assert signed.signed_by == practitioner


def test_an_override_needs_a_reason(practitioner):
    plan = generate(practitioner, red_flag_fever=True)
    key = plan.assessment["red_flags"][0]["key"]
    with pytest.raises(ValidationError):
        services.red_flag_clear(
            plan=plan,
            flag_key=key,
            kind="override",
            reason=" ",
            expected_version=plan.version,
            by=practitioner,
        )
    plan = clear_all_flags(
        plan, practitioner, kind="override", reason="Fever explained by a cold, seen today"
    )
    assert plan.items.exists()


def test_clearing_a_signed_plan_is_refused(practitioner):
    plan = generate(practitioner, red_flag_fever=True)
    plan = services.plan_sign(plan=plan, expected_version=plan.version, by=practitioner)
    with pytest.raises(PlanLockedError):
        clear_all_flags(plan, practitioner)
    assert not plan.items.exists()


def _text(words):
    return {"msgid": words, "params": {}, "text": words, "shown": words}


def with_stub_precautions(plan):
    """The generated plan with one contraindication and one advice on its massage item, as an
    issue-12 assessment carries them (independent of the rules' current content)."""
    massage = plan.items.get(component="massage")
    massage.precaution_keys = ["stub.no_deep_pressure", "stub.drink_water"]
    massage.save()
    plan.assessment["precautions"] = [
        {"key": "stub.no_deep_pressure", "kind": "contraindication", "text": _text("No deep")},
        {"key": "stub.drink_water", "kind": "advice", "text": _text("Drink water")},
    ]
    plan.save()
    for item in plan.items.exclude(pk=massage.pk):
        item.precaution_keys = []
        item.save()
    return plan, massage


def test_a_contraindication_needs_a_reason_advice_never_does_and_it_is_audited(practitioner):
    plan, massage = with_stub_precautions(generate(practitioner))
    with pytest.raises(ValidationError):
        services.precaution_override(
            item=massage,
            precaution_key="stub.no_deep_pressure",
            reason=" ",
            expected_version=plan.version,
            by=practitioner,
        )
    blockers = selectors.sign_blockers(plan)
    assert len(blockers) == 1
    assert "kept against a contraindication (No deep)" in blockers[0]
    assert "Drink water" not in " ".join(blockers)
    with pytest.raises(ValidationError, match="kept against a contraindication"):
        services.plan_sign(plan=plan, expected_version=plan.version, by=practitioner)
    services.precaution_override(
        item=massage,
        precaution_key="stub.no_deep_pressure",
        reason="Side lying with pillows",
        expected_version=plan.version,
        by=practitioner,
    )
    event = AuditEvent.objects.get(action=AuditAction.PRECAUTION_OVERRIDDEN)
    assert event.patient == plan.patient
    assert "stub.no_deep_pressure" in event.detail
    plan.refresh_from_db()
    assert selectors.sign_blockers(plan) == []
    signed = services.plan_sign(plan=plan, expected_version=plan.version, by=practitioner)
    assert signed.status == PlanStatus.SIGNED


def test_a_withheld_item_is_added_by_hand_only_with_a_reason(practitioner, monkeypatch):
    plan = generate(practitioner)
    kept = set(plan.items.values_list("key", flat=True))
    withheld_key = next(key for key in ITEMS_BY_KEY if key not in kept and "." in key)
    monkeypatch.setattr(
        decide, "contraindicated_items", lambda facts: {withheld_key: ["stub.no_roller"]}
    )
    before = plan.items.count()
    with pytest.raises(ValidationError):
        services.plan_withheld_item_add(
            plan=plan, item_key=withheld_key, reason="", expected_version=plan.version, by=None
        )
    with pytest.raises(ValidationError, match="not withheld"):
        services.plan_withheld_item_add(
            plan=plan,
            item_key=next(iter(kept)),
            reason="Because I want it",
            expected_version=plan.version,
            by=practitioner,
        )
    assert plan.items.count() == before
    item = services.plan_withheld_item_add(
        plan=plan,
        item_key=withheld_key,
        reason="Checked with her obstetrician",
        expected_version=plan.version,
        by=practitioner,
    )
    assert item.key == withheld_key
    assert item.origin == "practitioner"
    assert item.precaution_keys == ["stub.no_roller"]
    assert item.title and item.instructions
    override = PrecautionOverride.objects.get(item=item)
    assert (override.precaution_key, override.reason) == (
        "stub.no_roller",
        "Checked with her obstetrician",
    )
    assert AuditEvent.objects.filter(action=AuditAction.PRECAUTION_OVERRIDDEN).exists()


def test_a_removed_item_needs_no_override(practitioner):
    plan = generate(practitioner)
    for item in plan.items.all():
        if item.precaution_keys:
            plan.refresh_from_db()
            services.plan_item_remove(
                item=item, reason="Not for now", expected_version=plan.version, by=practitioner
            )
    plan.refresh_from_db()
    assert selectors.sign_blockers(plan) == []


def test_a_signed_plan_is_never_edited_in_place(practitioner):
    plan = answer_precautions(generate(practitioner), practitioner)
    plan = services.plan_sign(plan=plan, expected_version=plan.version, by=practitioner)
    item = plan.items.first()
    with pytest.raises(PlanLockedError):
        services.plan_item_update(
            item=item, data={"title": "x"}, expected_version=plan.version, by=practitioner
        )
    item.title = "changed"
    with pytest.raises(PlanLockedError):
        item.save()
    plan.impression = "changed"
    with pytest.raises(PlanLockedError):
        plan.save()
    with pytest.raises(PlanLockedError):
        PlanItem(plan=plan, component="massage", title="t", instructions="i").save()
    assert AuditEvent.objects.filter(action=AuditAction.PLAN_SIGNED).count() == 1


def test_amendment_is_a_new_version_and_supersedes_only_when_signed(practitioner):
    plan = answer_precautions(generate(practitioner), practitioner)
    v1 = services.plan_sign(plan=plan, expected_version=plan.version, by=practitioner)
    v2 = services.plan_amend(plan=v1, reason="Patient now sleeps on her side", by=practitioner)
    assert (v2.number, v2.previous, v2.status) == (2, v1, PlanStatus.DRAFT)
    assert v2.items.count() == v1.items.count()
    assert v2.precaution_overrides.count() == v1.precaution_overrides.count()
    v1.refresh_from_db()
    assert v1.status == PlanStatus.SIGNED
    with pytest.raises(ValidationError):
        services.plan_amend(plan=v1, reason="again", by=practitioner)
    v2 = services.plan_sign(plan=v2, expected_version=v2.version, by=practitioner)
    v1.refresh_from_db()
    assert v1.status == PlanStatus.SUPERSEDED
    assert v2.first_version == v1
    assert AuditEvent.objects.filter(action=AuditAction.PLAN_AMENDED).count() == 1


def test_regenerating_shows_differences_without_touching_the_plan(practitioner):
    plan = generate(practitioner)
    services.plan_item_update(
        item=plan.items.first(),
        data={"title": "My own wording"},
        expected_version=plan.version,
        by=practitioner,
    )
    plan.refresh_from_db()
    version = plan.version
    intake = plan.intake
    intake.pregnant = False
    intake.gestation_weeks = None
    intake.save()
    preview = services.plan_regenerate_preview(plan=plan)
    assert preview["changed"]
    assert any(f["key"].startswith("pregnancy") for f in preview["factors_dropped"])
    plan.refresh_from_db()
    assert plan.version == version
    assert plan.items.first().title == "My own wording"


def test_an_item_left_out_by_the_cap_is_added_by_hand_without_a_reason(practitioner, monkeypatch):
    plan = generate(practitioner)
    kept = set(plan.items.values_list("key", flat=True))
    deferred_key = next(
        key
        for key, template in ITEMS_BY_KEY.items()
        if key not in kept and template.component in ("stretching", "home_care", "posture")
    )
    plan.assessment["deferred_items"] = [deferred_key]
    plan.save()
    monkeypatch.setattr(decide, "contraindicated_items", lambda facts: {})
    with pytest.raises(ValidationError, match="not left out"):
        services.plan_deferred_item_add(
            plan=plan, item_key=next(iter(kept)), expected_version=plan.version, by=practitioner
        )
    item = services.plan_deferred_item_add(
        plan=plan, item_key=deferred_key, expected_version=plan.version, by=practitioner
    )
    assert (item.key, item.origin) == (deferred_key, "practitioner")
    assert item.title and item.instructions
    # The practitioner who added it is in the audit trail (``by`` was ignored before).
    event = AuditEvent.objects.filter(action=AuditAction.PLAN_EDITED).latest("pk")
    assert (event.user, event.patient) == (practitioner, plan.patient)
    assert deferred_key in event.detail
    assert not PrecautionOverride.objects.exists()
    plan.refresh_from_db()
    with pytest.raises(ValidationError, match="already in the plan"):
        services.plan_deferred_item_add(
            plan=plan, item_key=deferred_key, expected_version=plan.version, by=practitioner
        )


def test_a_contraindicated_item_is_never_added_as_merely_deferred(practitioner, monkeypatch):
    plan = generate(practitioner)
    kept = set(plan.items.values_list("key", flat=True))
    key = next(k for k, t in ITEMS_BY_KEY.items() if k not in kept and t.component == "home_care")
    plan.assessment["deferred_items"] = [key]
    plan.save()
    monkeypatch.setattr(decide, "contraindicated_items", lambda facts: {key: ["stub.x"]})
    with pytest.raises(ValidationError, match="contraindicated"):
        services.plan_deferred_item_add(
            plan=plan, item_key=key, expected_version=plan.version, by=practitioner
        )
    assert not plan.items.filter(key=key).exists()
