"""Pregnancy, after birth and breastfeeding (seeds 001, 004, 002)."""

from __future__ import annotations

from ..facts import Facts
from ..i18n import Text, gettext_noop
from .base import FactorSpec, Match, Rule, condition, contraindication, finding


def _pregnancy_evidence(facts: Facts) -> tuple[Text, ...]:
    weeks = facts.pregnancy.gestation_weeks
    evidence = [finding(gettext_noop("Intake: pregnant, %(weeks)s weeks"), weeks=str(weeks))]
    if weeks > 42:
        evidence.append(finding(gettext_noop("Post-term pregnancy: past 42 weeks")))
    return tuple(evidence)


@condition("Pregnant, second trimester (weeks 14 to 27)")
def second_trimester(facts: Facts) -> Match | None:
    if facts.pregnancy.trimester != 2:
        return None
    weeks = str(facts.pregnancy.gestation_weeks)
    return Match(params={"weeks": weeks}, evidence=_pregnancy_evidence(facts))


PREG_T2_CRAMPS = Rule(
    "PREG-T2-CRAMPS",
    second_trimester,
    ("001", "004", "002"),
    factor=FactorSpec(
        "pregnancy.second_trimester",
        65,
        gettext_noop(
            "Second trimester of pregnancy (%(weeks)s weeks): calcium and magnesium shortfall "
            "is common and can lead to leg cramps."
        ),
    ),
    items=("nutrition_referral.dietitian",),
    precautions=("nutrition_no_prescription",),
    goals=("pregnancy_after_birth",),
)


@condition("Pregnant, third trimester (week 28 onwards)")
def third_trimester(facts: Facts) -> Match | None:
    if facts.pregnancy.trimester != 3:
        return None
    weeks = str(facts.pregnancy.gestation_weeks)
    return Match(params={"weeks": weeks}, evidence=_pregnancy_evidence(facts))


PREG_T3_CRAMPS = Rule(
    "PREG-T3-CRAMPS",
    third_trimester,
    ("001", "004", "002"),
    factor=FactorSpec(
        "pregnancy.third_trimester",
        70,
        gettext_noop(
            "Third trimester of pregnancy (%(weeks)s weeks): calcium and magnesium shortfall "
            "is common, and the extra weight strains the leg muscles."
        ),
    ),
    items=("nutrition_referral.dietitian",),
    precautions=("nutrition_no_prescription",),
    goals=("pregnancy_after_birth",),
)


@condition("Pregnant, at any stage")
def pregnant(facts: Facts) -> Match | None:
    return Match() if facts.pregnancy.pregnant else None


PREG_POSITIONING = Rule(
    "PREG-POSITIONING",
    pregnant,
    ("001", "004", "clinical-screening"),
    precautions=("pregnancy_positioning",),
)


@condition("Pregnant, or gave birth in the last 12 months")
def pregnant_or_recently_gave_birth(facts: Facts) -> Match | None:
    pregnancy = facts.pregnancy
    return Match() if pregnancy.pregnant or pregnancy.gave_birth_last_12_months else None


@condition(
    "Pregnant after the first trimester (week 14 onwards), or pregnant with the weeks not recorded"
)
def pregnant_after_first_trimester(facts: Facts) -> Match | None:
    pregnancy = facts.pregnancy
    if not pregnancy.pregnant or pregnancy.trimester == 1:
        return None
    if pregnancy.gestation_weeks is None:
        return Match(evidence=(finding(gettext_noop("Intake: pregnant, weeks not recorded")),))
    return Match(evidence=_pregnancy_evidence(facts))


CI_PREGNANCY_AFTER_T1 = contraindication(
    "CI-PREGNANCY-AFTER-T1",
    pregnant_after_first_trimester,
    "pregnancy_after_first_trimester",
    ("001", "004", "clinical-screening"),
)


@condition("Gave birth in the last 12 months and not pregnant now")
def after_birth(facts: Facts) -> Match | None:
    pregnancy = facts.pregnancy
    if pregnancy.pregnant or not pregnancy.gave_birth_last_12_months:
        return None
    return Match(evidence=_after_birth_evidence(facts))


CI_AFTER_BIRTH_CORE = contraindication(
    "CI-AFTER-BIRTH-CORE", after_birth, "after_birth_core", ("clinical-screening",)
)


def _after_birth_evidence(facts: Facts) -> tuple[Text, ...]:
    evidence = [finding(gettext_noop("Intake: gave birth in the last 12 months"))]
    if facts.pregnancy.breastfeeding:
        evidence.append(finding(gettext_noop("Intake: breastfeeding")))
    return tuple(evidence)


@condition("Gave birth in the last 12 months, not pregnant now, and still has cramps")
def cramps_continue_after_birth(facts: Facts) -> Match | None:
    if after_birth(facts) is None or not facts.cramps.sites:
        return None
    return Match(evidence=_after_birth_evidence(facts))


PREG_AFTER_BIRTH = Rule(
    "PREG-AFTER-BIRTH",
    cramps_continue_after_birth,
    ("002",),
    factor=FactorSpec(
        "pregnancy.after_birth",
        20,
        gettext_noop(
            "Gave birth in the last year: pregnancy cramps should pass after the birth, so "
            "cramps that continue point to another cause."
        ),
    ),
)


@condition("Breastfeeding, with cramps")
def breastfeeding_with_cramps(facts: Facts) -> Match | None:
    if not facts.pregnancy.breastfeeding or not facts.cramps.sites:
        return None
    return Match(evidence=(finding(gettext_noop("Intake: breastfeeding")),))


BREASTFEEDING_NUTRITION = Rule(
    "BREASTFEEDING-NUTRITION",
    breastfeeding_with_cramps,
    ("clinical-screening", "000"),
    items=("nutrition_referral.dietitian",),
    precautions=("nutrition_no_prescription",),
)
