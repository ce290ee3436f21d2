"""What a plan can contain: item templates, precautions and goals, each declared once.

Rules refer to these by key; the engine fills them in from the facts and merges what several
rules propose. Dosages and thresholds are starting points for the practitioner, who edits the
draft before signing it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from .facts import CRAMP_MUSCLES, Facts
from .findings import (
    CERVICAL_LEVELS,
    LUMBAR_LEVELS,
    level_names,
    muscle_names,
    stiff_segments,
)
from .i18n import ParamValue, Text, gettext_noop
from .labels import CONDITION_NAMES, MEDICATION_CLASS_NAMES

COMPONENTS = (
    "medical_referral",
    "spinal_mobilisation",
    "massage",
    "stretching",
    "strengthening",
    "posture",
    "nutrition_referral",
    "home_care",
)

FREQUENCY_NAMES = {
    "once": Text(gettext_noop("once")),
    "each_visit": Text(gettext_noop("at each visit")),
    "daily": Text(gettext_noop("once a day")),
    "nightly": Text(gettext_noop("every night before bed")),
    "hourly": Text(gettext_noop("every hour of sitting")),
    "three_times_weekly": Text(gettext_noop("three times a week")),
    "every_day": Text(gettext_noop("every day")),
}


@dataclass(frozen=True)
class Dosage:
    frequency: str
    sets: int | None = None
    reps: int | None = None
    hold_seconds: int | None = None
    hold_seconds_max: int | None = None
    minutes: int | None = None
    each_side: bool = False

    @property
    def amount(self) -> Text | None:
        hold = None
        if self.hold_seconds is not None:
            hold = str(self.hold_seconds)
            if self.hold_seconds_max is not None:
                hold = f"{self.hold_seconds}-{self.hold_seconds_max}"
        if self.sets and self.reps:
            return Text(
                gettext_noop("%(sets)s sets of %(reps)s"),
                {"sets": str(self.sets), "reps": str(self.reps)},
            )
        if self.sets and hold:
            return Text(
                gettext_noop("%(sets)s holds of %(hold)s s"), {"sets": str(self.sets), "hold": hold}
            )
        if self.reps:
            return Text(gettext_noop("%(reps)s repetitions"), {"reps": str(self.reps)})
        if hold:
            return Text(gettext_noop("hold %(hold)s s"), {"hold": hold})
        if self.minutes:
            return Text(gettext_noop("%(minutes)s min"), {"minutes": str(self.minutes)})
        return None

    @property
    def text(self) -> Text:
        frequency = FREQUENCY_NAMES[self.frequency]
        amount = self.amount
        if amount is None:
            return frequency
        if self.each_side:
            return Text(
                gettext_noop("%(amount)s each side, %(frequency)s"),
                {"amount": amount, "frequency": frequency},
            )
        return Text(
            gettext_noop("%(amount)s, %(frequency)s"), {"amount": amount, "frequency": frequency}
        )

    def to_dict(self) -> dict:
        return {
            "frequency": self.frequency,
            "sets": self.sets,
            "reps": self.reps,
            "hold_seconds": self.hold_seconds,
            "hold_seconds_max": self.hold_seconds_max,
            "minutes": self.minutes,
            "each_side": self.each_side,
            "text": self.text.to_dict(),
        }


def _no_params(facts: Facts) -> Mapping[str, ParamValue]:
    return {}


@dataclass(frozen=True)
class ItemTemplate:
    key: str
    component: str
    title: str
    instructions: str
    dosage: Dosage
    params: Callable[[Facts], Mapping[str, ParamValue]] = _no_params
    # Referral items only: who receives it, and whether treatment waits for the answer.
    recipient: str | None = None
    urgency: str | None = None


# --- Parameters the item sentences need from the facts ------------------------------------------


def _levels(facts: Facts, region_levels: tuple[str, ...], unexamined: Text) -> ParamValue:
    found = stiff_segments(facts, region_levels)
    return level_names(found) if found else unexamined


def lumbar_levels(facts: Facts) -> Mapping[str, ParamValue]:
    unexamined = Text(gettext_noop("levels to be found on examination, L4 to S1 first"))
    return {"levels": _levels(facts, LUMBAR_LEVELS, unexamined)}


def cervical_levels(facts: Facts) -> Mapping[str, ParamValue]:
    unexamined = Text(gettext_noop("levels to be found on examination, C5 to T1 first"))
    return {"levels": _levels(facts, CERVICAL_LEVELS, unexamined)}


def cramping_muscles(facts: Facts) -> Mapping[str, ParamValue]:
    return {"muscles": muscle_names(tuple(sorted(facts.cramps.muscles, key=_muscle_order)))}


def _muscle_order(muscle: str) -> int:
    return CRAMP_MUSCLES.index(muscle)


def cramp_linked_drugs(facts: Facts) -> Mapping[str, ParamValue]:
    drugs = tuple(
        Text(
            gettext_noop("%(drug)s (%(classes)s)"),
            {"drug": m.name, "classes": tuple(MEDICATION_CLASS_NAMES[c] for c in m.classes)},
        )
        for m in facts.medications
        if m.classes
    )
    return {"drugs": drugs}


def secondary_conditions(facts: Facts) -> Mapping[str, ParamValue]:
    conditions = facts.conditions
    names = tuple(text for name, text in CONDITION_NAMES.items() if getattr(conditions, name))
    return {"conditions": names}


def nutrition_topics(facts: Facts) -> Mapping[str, ParamValue]:
    topics = []
    water = facts.daily_life.water_litres_per_day
    if water is not None and water < 2:
        topics.append(Text(gettext_noop("hydration")))
    if "exercise" in facts.cramps.timing or facts.daily_life.exercise_level in (
        "moderate",
        "vigorous",
    ):
        topics.append(Text(gettext_noop("carbohydrate for exercise")))
    if facts.pregnancy.trimester in (2, 3):
        topics.append(Text(gettext_noop("calcium and magnesium in pregnancy")))
    if facts.conditions.kidney_disease:
        topics.append(Text(gettext_noop("fluids and salt with kidney disease")))
    if not topics:
        topics.append(Text(gettext_noop("diet and hydration")))
    return {"topics": tuple(topics)}


def posture_findings(facts: Facts) -> Mapping[str, ParamValue]:
    findings = []
    if facts.exam is not None:
        posture = facts.exam.posture
        for present, text in (
            (posture.head_forward, Text(gettext_noop("forward head"))),
            (posture.rounded_shoulders, Text(gettext_noop("rounded shoulders"))),
            (posture.thoracic_kyphosis, Text(gettext_noop("increased thoracic kyphosis"))),
            (
                posture.lumbar_lordosis == "increased",
                Text(gettext_noop("increased lumbar lordosis")),
            ),
            (posture.lumbar_lordosis == "reduced", Text(gettext_noop("reduced lumbar lordosis"))),
            (posture.pelvic_tilt not in (None, "none"), Text(gettext_noop("pelvic tilt"))),
        ):
            if present:
                findings.append(text)
    return {"findings": tuple(findings)}


_EACH_VISIT = Dosage("each_visit")
_STRENGTH = Dosage("daily", sets=3, reps=10)
_STRETCH = Dosage("daily", sets=3, hold_seconds=20, hold_seconds_max=30, each_side=True)

ITEM_TEMPLATES = (
    # Medical referrals first: they can change what the rest of the plan may do.
    ItemTemplate(
        "medical_referral.red_flags",
        "medical_referral",
        gettext_noop("Medical referral before treatment"),
        gettext_noop(
            "Red flags were found (listed above). The patient must see a doctor before this plan "
            "is signed, unless an override with a reason is recorded."
        ),
        Dosage("once"),
        recipient="doctor",
        urgency="before_treatment",
    ),
    ItemTemplate(
        "medical_referral.medication_review",
        "medical_referral",
        gettext_noop("Medication review with the prescriber"),
        gettext_noop(
            "Ask the prescribing doctor whether %(drugs)s may be adding to the cramps. The patient "
            "must not stop or change a prescribed drug unless the doctor advises it."
        ),
        Dosage("once"),
        cramp_linked_drugs,
        recipient="doctor",
        urgency="routine",
    ),
    ItemTemplate(
        "medical_referral.thyroid",
        "medical_referral",
        gettext_noop("Thyroid check with the doctor"),
        gettext_noop(
            "Ask the doctor to check thyroid function: an untreated or unknown thyroid condition "
            "can cause nerve symptoms and cramps in the legs."
        ),
        Dosage("once"),
        recipient="doctor",
        urgency="routine",
    ),
    ItemTemplate(
        "medical_referral.vascular",
        "medical_referral",
        gettext_noop("Circulation check with the doctor"),
        gettext_noop(
            "Ask the doctor for a vascular assessment of the legs (circulation, ankle-brachial "
            "index)."
        ),
        Dosage("once"),
        recipient="doctor",
        urgency="routine",
    ),
    ItemTemplate(
        "medical_referral.secondary_causes",
        "medical_referral",
        gettext_noop("Doctor's review of other conditions"),
        gettext_noop(
            "%(conditions)s can cause cramps and need a doctor: ask the doctor to review them "
            "alongside this plan."
        ),
        Dosage("once"),
        secondary_conditions,
        recipient="doctor",
        urgency="routine",
    ),
    ItemTemplate(
        "spinal_mobilisation.lumbar",
        "spinal_mobilisation",
        gettext_noop("Lower-back joint mobilisation"),
        gettext_noop(
            "Mobilise the stiff lower-back segments (%(levels)s) with sustained, direct pressure; "
            "recheck the cramping muscles afterwards."
        ),
        _EACH_VISIT,
        lumbar_levels,
    ),
    ItemTemplate(
        "spinal_mobilisation.cervical",
        "spinal_mobilisation",
        gettext_noop("Neck joint mobilisation"),
        gettext_noop(
            "Mobilise the stiff neck segments (%(levels)s) with sustained, direct pressure; "
            "recheck the forearm and hand afterwards."
        ),
        _EACH_VISIT,
        cervical_levels,
    ),
    ItemTemplate(
        "massage.spinal_muscles.lumbar",
        "massage",
        gettext_noop("Calming massage of the lower-back muscles"),
        gettext_noop(
            "Relaxing massage of the muscles beside the stiff lower-back levels (%(levels)s) to "
            "calm an irritated nervous system; not deep tissue."
        ),
        _EACH_VISIT,
        lumbar_levels,
    ),
    ItemTemplate(
        "massage.spinal_muscles.cervical",
        "massage",
        gettext_noop("Calming massage of the neck muscles"),
        gettext_noop(
            "Relaxing massage of the muscles beside the stiff neck levels (%(levels)s) to calm an "
            "irritated nervous system; not deep tissue."
        ),
        _EACH_VISIT,
        cervical_levels,
    ),
    ItemTemplate(
        "massage.cramping_muscles",
        "massage",
        gettext_noop("Calming massage of the cramping muscles"),
        gettext_noop(
            "Relaxing massage of the %(muscles)s to ease soreness after cramps and speed "
            "recovery; not deep tissue."
        ),
        _EACH_VISIT,
        cramping_muscles,
    ),
    ItemTemplate(
        "stretching.calf_before_bed",
        "stretching",
        gettext_noop("Calf stretch before bed"),
        gettext_noop(
            "Wall lean (leg to stretch behind, lean forward against a wall) or heel drop "
            "(forefoot on a step, slowly lower the heels) until the stretch is felt."
        ),
        Dosage("nightly", sets=3, hold_seconds=20, hold_seconds_max=30, each_side=True),
    ),
    ItemTemplate(
        "stretching.pnf",
        "stretching",
        gettext_noop("PNF stretching of the cramping muscles"),
        gettext_noop(
            "Contract-relax (PNF) stretching of the %(muscles)s, with a band to bias the joint: "
            "after a gentle 6-second contraction, relax into the stretch."
        ),
        _STRETCH,
        cramping_muscles,
    ),
    ItemTemplate(
        "stretching.calf",
        "stretching",
        gettext_noop("Progressive calf stretching"),
        gettext_noop(
            "Calf stretch against a wall, knee straight then bent, going a little "
            "further each week."
        ),
        _STRETCH,
    ),
    ItemTemplate(
        "stretching.hip_flexors",
        "stretching",
        gettext_noop("Hip-flexor stretch"),
        gettext_noop("Half-kneeling hip-flexor stretch with the pelvis tucked under."),
        _STRETCH,
    ),
    ItemTemplate(
        "strengthening.core",
        "strengthening",
        gettext_noop("Core strengthening"),
        gettext_noop(
            "Planks and curl-ups with the spine held still; lengthen the hold as control improves."
        ),
        Dosage("daily", sets=3, hold_seconds=20, hold_seconds_max=30),
    ),
    ItemTemplate(
        "strengthening.glutes",
        "strengthening",
        gettext_noop("Gluteal strengthening"),
        gettext_noop(
            "Bridges, side-lying hip abduction and clamshells; if the hamstring starts to cramp "
            "in a bridge, stop and rest."
        ),
        _STRENGTH,
    ),
    ItemTemplate(
        "strengthening.calf",
        "strengthening",
        gettext_noop("Calf strengthening"),
        gettext_noop("Heel raises on both legs, progressing to one leg."),
        Dosage("daily", sets=3, reps=12),
    ),
    ItemTemplate(
        "strengthening.hamstrings",
        "strengthening",
        gettext_noop("Hamstring strengthening"),
        gettext_noop("Bridge walk-outs or hamstring curls, once the gluteals work well."),
        _STRENGTH,
    ),
    ItemTemplate(
        "strengthening.quadriceps",
        "strengthening",
        gettext_noop("Front-thigh strengthening"),
        gettext_noop("Sit-to-stand and wall sits."),
        _STRENGTH,
    ),
    ItemTemplate(
        "strengthening.tibialis_anterior",
        "strengthening",
        gettext_noop("Shin (tibialis anterior) strengthening"),
        gettext_noop("Toe raises against a band; a strong shin muscle lets the calf relax."),
        Dosage("daily", sets=3, reps=15),
    ),
    ItemTemplate(
        "strengthening.short_foot",
        "strengthening",
        gettext_noop("Short-foot exercise"),
        gettext_noop(
            "Draw the ball of the foot toward the heel without curling the toes, lifting the "
            "arch; walk barefoot on uneven ground when safe."
        ),
        Dosage("daily", sets=3, reps=10, each_side=True),
    ),
    ItemTemplate(
        "strengthening.forearm_grip",
        "strengthening",
        gettext_noop("Forearm and grip strengthening"),
        gettext_noop("Wrist curls and grip work with a light load."),
        Dosage("daily", sets=3, reps=12),
    ),
    ItemTemplate(
        "strengthening.shoulder_girdle",
        "strengthening",
        gettext_noop("Shoulder-girdle strengthening"),
        gettext_noop("Rows and shoulder-blade setting."),
        _STRENGTH,
    ),
    ItemTemplate(
        "strengthening.conditioning",
        "strengthening",
        gettext_noop("General conditioning"),
        gettext_noop("Walking or easy cycling, building up gradually."),
        Dosage("three_times_weekly", minutes=30),
    ),
    ItemTemplate(
        "posture.awareness",
        "posture",
        gettext_noop("Postural awareness"),
        gettext_noop(
            "Teach the patient to notice slumping and reset to an upright, supported position: "
            "the spine stiffens in the shape it is held in most."
        ),
        Dosage("hourly"),
    ),
    ItemTemplate(
        "posture.sitting",
        "posture",
        gettext_noop("Sitting position"),
        gettext_noop(
            "Feet flat and uncrossed, ankles relaxed rather than toes pointed, back supported."
        ),
        Dosage("every_day"),
    ),
    ItemTemplate(
        "posture.standing",
        "posture",
        gettext_noop("Long standing"),
        gettext_noop(
            "Shift weight between the legs, use a footrest, and take short sitting or "
            "walking breaks."
        ),
        Dosage("every_day"),
    ),
    ItemTemplate(
        "posture.training",
        "posture",
        gettext_noop("Posture training"),
        gettext_noop("Alignment exercises and cueing for: %(findings)s."),
        _EACH_VISIT,
        posture_findings,
    ),
    ItemTemplate(
        "nutrition_referral.dietitian",
        "nutrition_referral",
        gettext_noop("Refer to a dietitian or nutritionist"),
        gettext_noop(
            "Ask for advice on: %(topics)s. This plan does not prescribe salt, calcium or "
            "magnesium."
        ),
        Dosage("once"),
        nutrition_topics,
        recipient="dietitian_or_nutritionist",
        urgency="routine",
    ),
    ItemTemplate(
        "home_care.self_mobilisation.lumbar",
        "home_care",
        gettext_noop("Home self-mobilisation of the lower back"),
        gettext_noop(
            "Lie on a foam roller or ball placed under the stiff level (%(levels)s) and stay "
            "still: direct, stationary pressure, not rolling."
        ),
        Dosage("daily", hold_seconds=30, hold_seconds_max=60),
        lumbar_levels,
    ),
    ItemTemplate(
        "home_care.self_mobilisation.cervical",
        "home_care",
        gettext_noop("Home self-mobilisation of the neck"),
        gettext_noop(
            "Lie with a ball or firm rolled towel under the stiff neck level (%(levels)s) and "
            "stay still: direct, stationary pressure, not rolling."
        ),
        Dosage("daily", hold_seconds=30, hold_seconds_max=60),
        cervical_levels,
    ),
    ItemTemplate(
        "home_care.sleep_position",
        "home_care",
        gettext_noop("Sleeping position"),
        gettext_noop(
            "Sleep on the back with a pillow under the knees; keep the feet from pointing down "
            "(loosen tight bedclothes)."
        ),
        Dosage("nightly"),
    ),
    ItemTemplate(
        "home_care.easy_cycling",
        "home_care",
        gettext_noop("Easy cycling before bed"),
        gettext_noop("A few minutes of easy pedalling on a stationary bike to loosen the legs."),
        Dosage("nightly", minutes=5),
    ),
    ItemTemplate(
        "home_care.heel_walking",
        "home_care",
        gettext_noop("Heel walking"),
        gettext_noop("Walk on the heels so the shin muscles work and the calves relax."),
        Dosage("nightly", minutes=1),
    ),
    ItemTemplate(
        "home_care.heat",
        "home_care",
        gettext_noop("Heat on the tight muscles"),
        gettext_noop("Warm towel, hot-water bottle, heating pad, or a warm bath or shower."),
        Dosage("nightly", minutes=15),
    ),
    ItemTemplate(
        "home_care.water",
        "home_care",
        gettext_noop("Water through the day"),
        gettext_noop(
            "Drink at least 2 litres of water a day, spread through the day; coffee and tea do "
            "not count."
        ),
        Dosage("every_day"),
    ),
    ItemTemplate(
        "home_care.carbohydrate",
        "home_care",
        gettext_noop("Carbohydrate around exercise"),
        gettext_noop(
            "Eat enough carbohydrate to keep muscle glycogen up, especially on exercise days."
        ),
        Dosage("every_day"),
    ),
    ItemTemplate(
        "home_care.hourly_breaks",
        "home_care",
        gettext_noop("Hourly movement breaks"),
        gettext_noop("Get up and walk for two minutes every hour of sitting."),
        Dosage("hourly", minutes=2),
    ),
    ItemTemplate(
        "home_care.footwear",
        "home_care",
        gettext_noop("Supportive footwear"),
        gettext_noop(
            "Wear supportive shoes for daily activities; keep high heels for short periods."
        ),
        Dosage("every_day"),
    ),
    ItemTemplate(
        "home_care.orthotics",
        "home_care",
        gettext_noop("Orthotics"),
        gettext_noop(
            "Consider orthotics cast in the corrected foot position, or check the fit of those "
            "already worn."
        ),
        Dosage("once"),
    ),
    ItemTemplate(
        "home_care.load_management",
        "home_care",
        gettext_noop("Training load"),
        gettext_noop("Ease back after the overexertion and build the training load up gradually."),
        Dosage("every_day"),
    ),
)

ITEMS_BY_KEY = {template.key: template for template in ITEM_TEMPLATES}


@dataclass(frozen=True)
class PrecautionSpec:
    key: str
    text: str
    components: tuple[str, ...]
    # When set, the precaution concerns only these items within its components.
    item_keys: tuple[str, ...] = ()

    def concerns(self, template: ItemTemplate) -> bool:
        if template.component not in self.components:
            return False
        return not self.item_keys or template.key in self.item_keys


PRECAUTIONS = (
    PrecautionSpec(
        "suspected_clot",
        gettext_noop(
            "Possible blood clot in the calf: no massage, stretching, exercise or heat on the leg "
            "until a doctor has ruled it out."
        ),
        ("massage", "stretching", "strengthening", "home_care"),
    ),
    PrecautionSpec(
        "never_stop_medication",
        gettext_noop(
            "The patient must never stop or change a prescribed drug without the doctor's advice."
        ),
        ("medical_referral",),
        ("medical_referral.medication_review",),
    ),
    PrecautionSpec(
        "pregnancy_positioning",
        gettext_noop(
            "Pregnancy: no lying face down; after the first trimester avoid long lying flat on "
            "the back; use side lying or supported half-sitting."
        ),
        ("spinal_mobilisation", "massage", "strengthening"),
    ),
    PrecautionSpec(
        "pregnancy_abdominal_work",
        gettext_noop(
            "Pregnancy and the year after birth: no strenuous or loaded abdominal work and no "
            "pressure on the abdomen; check for abdominal separation before core work."
        ),
        ("spinal_mobilisation", "massage", "strengthening"),
    ),
    PrecautionSpec(
        "pad_vigorous_massage",
        gettext_noop(
            "Reduced leg circulation: no vigorous or deep massage of the legs; gentle techniques "
            "only."
        ),
        ("massage",),
        ("massage.cramping_muscles",),
    ),
    PrecautionSpec(
        "no_spinal_stretching",
        gettext_noop(
            "Stretch the muscles, not the spine: twisting or bending stretches move the flexible "
            "levels, not the stiff ones."
        ),
        ("stretching",),
    ),
    PrecautionSpec(
        "nutrition_no_prescription",
        gettext_noop(
            "Salt, calcium and magnesium are not prescribed in this plan; extra salt only once a "
            "need has been established."
        ),
        ("nutrition_referral", "home_care"),
        ("nutrition_referral.dietitian", "home_care.water", "home_care.carbohydrate"),
    ),
    PrecautionSpec(
        "shoe_lift_scoliosis",
        gettext_noop(
            "True leg-length difference: a shoe lift only if it helps, never if it would worsen "
            "a scoliosis."
        ),
        ("home_care",),
        ("home_care.orthotics",),
    ),
    PrecautionSpec(
        "heat_reduced_feeling",
        gettext_noop(
            "Reduced feeling or circulation in the legs: keep heat mild and check the skin; numb "
            "skin burns easily."
        ),
        ("home_care",),
        ("home_care.heat",),
    ),
)

PRECAUTIONS_BY_KEY = {spec.key: spec for spec in PRECAUTIONS}


@dataclass(frozen=True)
class GoalSpec:
    key: str
    measure: str
    text: str
    # (baseline, target) from the facts; a goal without a recorded baseline asks for one.
    values: Callable[[Facts], tuple[str | None, str | None]]


def _cramp_values(facts: Facts) -> tuple[str | None, str | None]:
    per_week = facts.cramps.cramps_per_week
    return str(per_week), str(per_week // 2)


def _pain_values(facts: Facts) -> tuple[str | None, str | None]:
    # A fall of 2 points on the 0-10 scale is the usual smallest change a patient notices.
    pain = None if facts.exam is None else facts.exam.pain_now
    if pain is None:
        return None, None
    return str(pain), str(max(pain - 2, 0))


def _no_values(facts: Facts) -> tuple[str | None, str | None]:
    return None, None


GOALS = (
    GoalSpec(
        "cramps_per_week",
        "cramps_per_week",
        gettext_noop(
            "Cramps per week: from %(baseline)s down to %(target)s by the review (at least halved)."
        ),
        _cramp_values,
    ),
    GoalSpec(
        "pain",
        "pain_0_10",
        gettext_noop("Pain (0-10): from %(baseline)s down to %(target)s by the review."),
        _pain_values,
    ),
    GoalSpec(
        "oswestry",
        "oswestry",
        gettext_noop(
            "Oswestry Disability Index: record it at the first visit; aim for at least 10 points "
            "lower by the review."
        ),
        _no_values,
    ),
    GoalSpec(
        "pregnancy_after_birth",
        "cramps_after_birth",
        gettext_noop(
            "Pregnancy cramps should pass after the birth: recheck after the birth and look for "
            "another cause if they continue."
        ),
        _no_values,
    ),
)

GOALS_BY_KEY = {spec.key: spec for spec in GOALS}
