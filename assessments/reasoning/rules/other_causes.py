"""Other causes that need a doctor, and past or recent injuries (seeds 002, 003)."""

from __future__ import annotations

from ..facts import Facts
from ..findings import cramping
from ..i18n import Text, and_list, gettext_noop
from ..labels import CONDITION_NAMES
from .base import FactorSpec, Match, Rule, condition, contraindication, finding
from .red_flags import recent_trauma_to_screen

_OTHER_CAUSES_ITEMS = ("medical_referral.secondary_causes",)


def _conditions(facts: Facts, names: tuple[str, ...]) -> Match | None:
    present = tuple(name for name in names if getattr(facts.conditions, name))
    if not present:
        return None
    labels = tuple(CONDITION_NAMES[name] for name in present)
    evidence = tuple(
        Text(gettext_noop("Intake: %(condition)s"), {"condition": label}) for label in labels
    )
    return Match(params={"conditions": and_list(labels)}, evidence=evidence)


@condition(
    "Multiple sclerosis, motor neurone disease, peripheral neuropathy, stroke or Parkinson's "
    "disease"
)
def neurological_disease(facts: Facts) -> Match | None:
    return _conditions(
        facts,
        (
            "multiple_sclerosis",
            "motor_neurone_disease",
            "peripheral_neuropathy",
            "stroke",
            "parkinsons_disease",
        ),
    )


OTHER_NEUROLOGICAL = Rule(
    "OTHER-NEUROLOGICAL",
    neurological_disease,
    ("002", "003", "000"),
    factor=FactorSpec(
        "other.neurological",
        70,
        gettext_noop(
            "Neurological disease (%(conditions)s) can cause cramps and spasm; this needs a doctor."
        ),
    ),
    items=_OTHER_CAUSES_ITEMS,
)


@condition("Liver or kidney disease")
def liver_or_kidney_disease(facts: Facts) -> Match | None:
    return _conditions(facts, ("liver_disease", "kidney_disease"))


OTHER_LIVER_KIDNEY = Rule(
    "OTHER-LIVER-KIDNEY",
    liver_or_kidney_disease,
    ("002", "003"),
    factor=FactorSpec(
        "other.liver_kidney",
        70,
        gettext_noop(
            "Liver or kidney disease (%(conditions)s): toxins and fluid changes can cause "
            "cramps; this needs a doctor."
        ),
    ),
    items=_OTHER_CAUSES_ITEMS,
)


@condition("Diabetes")
def diabetes(facts: Facts) -> Match | None:
    return _conditions(facts, ("diabetes",))


OTHER_DIABETES = Rule(
    "OTHER-DIABETES",
    diabetes,
    ("003",),
    factor=FactorSpec(
        "other.diabetes",
        65,
        gettext_noop(
            "Diabetes: metabolic disorders are linked to night leg cramps; this needs a doctor."
        ),
    ),
    items=_OTHER_CAUSES_ITEMS,
)


@condition("Heart or circulation disease")
def heart_or_circulation_disease(facts: Facts) -> Match | None:
    return _conditions(facts, ("heart_circulation_disease",))


OTHER_HEART_CIRCULATION = Rule(
    "OTHER-HEART-CIRCULATION",
    heart_or_circulation_disease,
    ("003",),
    factor=FactorSpec(
        "other.heart_circulation",
        65,
        gettext_noop(
            "Heart or circulation disease: cardiovascular conditions are linked to night leg "
            "cramps; this needs a doctor."
        ),
    ),
    items=_OTHER_CAUSES_ITEMS,
)


@condition("Osteoporosis, or takes raloxifene (used to prevent or treat osteoporosis)")
def weak_bones(facts: Facts) -> Match | None:
    evidence = []
    if facts.conditions.osteoporosis:
        evidence.append(finding(gettext_noop("Intake: osteoporosis")))
    for m in facts.medications:
        if "raloxifene" in m.classes:
            evidence.append(
                finding(gettext_noop("Intake: takes %(drug)s (raloxifene)"), drug=m.name)
            )
    return Match(evidence=tuple(evidence)) if evidence else None


CI_OSTEOPOROSIS_SPINE = contraindication("CI-OSTEOPOROSIS-SPINE", weak_bones, "osteoporosis_spine")


@condition("A past tear or strain of a leg muscle, with leg cramps")
def past_leg_muscle_injury(facts: Facts) -> Match | None:
    leg = cramping(facts, ("calf", "foot", "hamstring", "thigh_front", "buttock_hip"))
    if not facts.conditions.past_leg_muscle_injury or not leg:
        return None
    return Match(evidence=(finding(gettext_noop("Intake: past leg muscle tear or strain")),))


INJURY_PAST_LEG_MUSCLE = Rule(
    "INJURY-PAST-LEG-MUSCLE",
    past_leg_muscle_injury,
    ("001", "004"),
    factor=FactorSpec(
        "injury.past_leg_muscle",
        30,
        gettext_noop(
            "Past leg muscle tear or strain: muscle injuries can lead to spasms and frequent "
            "cramping."
        ),
        musculoskeletal=True,
    ),
)


@condition(
    "A recent injury or fall without back or neck pain, osteoporosis or age 65 or over, with cramps"
)
def recent_injury(facts: Facts) -> Match | None:
    if not facts.conditions.recent_trauma or recent_trauma_to_screen(facts) is not None:
        return None
    if not facts.cramps.sites:
        return None
    return Match(evidence=(finding(gettext_noop("Intake: recent injury or fall")),))


INJURY_RECENT = Rule(
    "INJURY-RECENT",
    recent_injury,
    ("001", "004"),
    factor=FactorSpec(
        "injury.recent",
        30,
        gettext_noop(
            "Recent injury or fall: injuries such as strains and sprains can lead to spasms "
            "and cramping."
        ),
        musculoskeletal=True,
    ),
)
