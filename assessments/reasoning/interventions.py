"""What a plan can contain: item templates, precautions and goals, each declared once.

Rules refer to these by key; the engine fills them in from the facts and merges what several
rules propose. Dosages and thresholds are starting points for the practitioner, who edits the
draft before signing it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from .facts import CRAMP_MUSCLES, Facts
from .findings import (
    CERVICAL_LEVELS,
    LUMBAR_LEVELS,
    THORACIC_LEVELS,
    level_names,
    muscle_names,
    stiff_segments,
)
from .i18n import ParamValue, Text, and_list, gettext_noop
from .labels import CONDITION_NAMES, MEDICATION_CLASS_NAMES, REFERRAL_CONDITIONS, SIDE_NAMES

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
    "alternate_days": Text(gettext_noop("every other day, with a rest day between")),
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
    # Set by the engine when only one side cramps: "on the left" instead of "each side".
    side: str | None = None

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
        if self.side is not None:
            return Text(
                gettext_noop("%(amount)s on the %(side)s, %(frequency)s"),
                {"amount": amount, "side": SIDE_NAMES[self.side], "frequency": frequency},
            )
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
            "side": self.side,
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
    # For sentences that depend on what else the plan holds (a stretch merged into another).
    params_in_plan: Callable[[Facts, frozenset[str]], Mapping[str, ParamValue]] | None = None

    def sentence_params(self, facts: Facts, in_plan: frozenset[str]) -> Mapping[str, ParamValue]:
        if self.params_in_plan is not None:
            return self.params_in_plan(facts, in_plan)
        return self.params(facts)


# --- Parameters the item sentences need from the facts ------------------------------------------


def _levels(facts: Facts, region_levels: tuple[str, ...], unexamined: Text) -> ParamValue:
    found = stiff_segments(facts, region_levels)
    return level_names(found) if found else unexamined


def lumbar_levels(facts: Facts) -> Mapping[str, ParamValue]:
    unexamined = Text(
        gettext_noop("levels to be found on examination; the clinic looks at L4 to S1 first")
    )
    return {"levels": _levels(facts, LUMBAR_LEVELS, unexamined)}


def thoracic_levels(facts: Facts) -> Mapping[str, ParamValue]:
    unexamined = Text(gettext_noop("levels to be found on examination"))
    return {"levels": _levels(facts, THORACIC_LEVELS, unexamined)}


def cervical_levels(facts: Facts) -> Mapping[str, ParamValue]:
    unexamined = Text(
        gettext_noop("levels to be found on examination; the clinic looks at C5 to T1 first")
    )
    return {"levels": _levels(facts, CERVICAL_LEVELS, unexamined)}


def any_spinal_levels(facts: Facts) -> Mapping[str, ParamValue]:
    unexamined = Text(gettext_noop("levels to be found on examination"))
    return {
        "levels": _levels(facts, (*CERVICAL_LEVELS, *THORACIC_LEVELS, *LUMBAR_LEVELS), unexamined)
    }


def cramping_muscles(facts: Facts) -> Mapping[str, ParamValue]:
    return {"muscles": muscle_names(tuple(sorted(facts.cramps.muscles, key=_muscle_order)))}


def _muscle_order(muscle: str) -> int:
    return CRAMP_MUSCLES.index(muscle)


def stretchable_muscles(facts: Facts, in_plan: frozenset[str] = frozenset()) -> tuple[str, ...]:
    """The cramping muscles a PNF stretch may target: never the spine (seed 002: do not stretch
    the spine), and not the calf when a calf stretch is already in the plan (merged into it)."""
    muscles = [m for m in CRAMP_MUSCLES if m in facts.cramps.muscles and m != "paraspinal"]
    if "stretching.calf_before_bed" in in_plan or "stretching.calf" in in_plan:
        muscles = [m for m in muscles if m != "calf"]
    return tuple(muscles)


def stretch_muscles(
    facts: Facts, in_plan: frozenset[str] = frozenset()
) -> Mapping[str, ParamValue]:
    return {"muscles": muscle_names(stretchable_muscles(facts, in_plan))}


def cramp_linked_drugs(facts: Facts) -> Mapping[str, ParamValue]:
    drugs = tuple(
        Text(
            gettext_noop("%(drug)s (%(classes)s)"),
            {"drug": m.name, "classes": and_list(MEDICATION_CLASS_NAMES[c] for c in m.classes)},
        )
        for m in facts.medications
        if m.classes
    )
    return {"drugs": and_list(drugs)}


def secondary_conditions(facts: Facts) -> Mapping[str, ParamValue]:
    conditions = facts.conditions
    names = tuple(
        CONDITION_NAMES[name] for name in REFERRAL_CONDITIONS if getattr(conditions, name)
    )
    return {"conditions": and_list(names)}


def episode_length(facts: Facts) -> Mapping[str, ParamValue]:
    return {"minutes": str(facts.cramps.episode_minutes)}


def fluid_limits(facts: Facts) -> Mapping[str, ParamValue]:
    return {"reasons": and_list(fluid_limit_reasons(facts))}


def fluid_limit_reasons(facts: Facts) -> tuple[Text, ...]:
    """What makes "at least 2 litres" unsafe advice (seed 003: fluids depend on medications)."""
    reasons = []
    if facts.conditions.kidney_disease:
        reasons.append(CONDITION_NAMES["kidney_disease"])
    if facts.conditions.heart_circulation_disease:
        reasons.append(CONDITION_NAMES["heart_circulation_disease"])
    if any("diuretic" in m.classes for m in facts.medications):
        reasons.append(Text(gettext_noop("a diuretic")))
    if facts.daily_life.fluid_limit_set_by_doctor:
        reasons.append(Text(gettext_noop("a fluid limit set by the doctor")))
    return tuple(reasons)


def nutrition_topics(facts: Facts) -> Mapping[str, ParamValue]:
    topics = []
    water = facts.daily_life.water_litres_per_day
    if fluid_limit_reasons(facts):
        topics.append(Text(gettext_noop("food and fluids within the limits the doctor sets")))
    elif (water is not None and water < 2) or facts.daily_life.heavy_sweating_or_heat:
        topics.append(Text(gettext_noop("hydration")))
    if "exercise" in facts.cramps.timing or facts.daily_life.exercise_level in (
        "moderate",
        "vigorous",
    ):
        topics.append(Text(gettext_noop("carbohydrate for exercise")))
    if facts.pregnancy.trimester in (2, 3) or (
        facts.pregnancy.pregnant and facts.pregnancy.gestation_weeks is None
    ):
        topics.append(Text(gettext_noop("calcium and magnesium in pregnancy")))
    if facts.pregnancy.breastfeeding:
        topics.append(Text(gettext_noop("what breastfeeding needs in food and fluids")))
    if not topics:
        topics.append(Text(gettext_noop("diet and hydration")))
    return {"topics": and_list(topics)}


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


def short_leg_side(facts: Facts) -> Mapping[str, ParamValue]:
    side = None if facts.exam is None else facts.exam.posture.leg_length_short_side
    if side is None:
        return {"side": Text(gettext_noop("shorter"))}
    return {"side": Text(gettext_noop("%(side)s, shorter"), {"side": SIDE_NAMES[side]})}


_EACH_VISIT = Dosage("each_visit")
# Strengthening with a rest day between sessions (issue 12: strengthening with rest days).
_STRENGTH = Dosage("alternate_days", sets=3, reps=10)
_STRETCH = Dosage("daily", sets=3, hold_seconds=20, hold_seconds_max=30, each_side=True)

ITEM_TEMPLATES = (
    # Medical referrals first: they can change what the rest of the plan may do.
    ItemTemplate(
        "medical_referral.red_flags",
        "medical_referral",
        gettext_noop("Medical referral before treatment"),
        gettext_noop(
            "Red flags were found (listed above): the patient must see a doctor before any "
            "treatment. No treatment is proposed until a doctor has seen the patient or the flag "
            "is cleared with a reason."
        ),
        Dosage("once"),
        recipient="doctor",
        urgency="soon",
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
            "These conditions can cause cramps and need a doctor: %(conditions)s. Ask the doctor "
            "to review them alongside this plan."
        ),
        Dosage("once"),
        secondary_conditions,
        recipient="doctor",
        urgency="routine",
    ),
    ItemTemplate(
        "medical_referral.long_cramps",
        "medical_referral",
        gettext_noop("Doctor's review of long-lasting cramps"),
        gettext_noop(
            "Cramps that last %(minutes)s minutes are longer than usual: ask the doctor to look "
            "for an underlying cause."
        ),
        Dosage("once"),
        episode_length,
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
        "spinal_mobilisation.thoracic",
        "spinal_mobilisation",
        gettext_noop("Mid-back joint mobilisation"),
        gettext_noop(
            "Mobilise the sprained mid-back segments (%(levels)s) to settle the joint behind the "
            "protective spasm; recheck the spasm afterwards."
        ),
        _EACH_VISIT,
        thoracic_levels,
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
        "spinal_mobilisation.gentle",
        "spinal_mobilisation",
        gettext_noop("Gentle spinal mobilisation"),
        gettext_noop(
            "Low-force, mid-range movement of the stiff spinal levels (%(levels)s): no sustained "
            "or forceful pressure and no manipulation."
        ),
        _EACH_VISIT,
        any_spinal_levels,
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
        "massage.spinal_muscles.thoracic",
        "massage",
        gettext_noop("Calming massage of the mid-back and shoulder-girdle muscles"),
        gettext_noop(
            "Relaxing massage of the muscles beside the mid-back levels (%(levels)s) and of the "
            "shoulder girdle to ease the protective spasm; not deep tissue."
        ),
        _EACH_VISIT,
        thoracic_levels,
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
        "massage.pelvis_trunk",
        "massage",
        gettext_noop("Pelvis and trunk release"),
        gettext_noop(
            "Release the shortened pelvis and trunk muscles that draw one leg up, then recheck the "
            "leg length. No shoe lift: the legs are the same length."
        ),
        _EACH_VISIT,
    ),
    ItemTemplate(
        "stretching.calf_before_bed",
        "stretching",
        gettext_noop("Calf stretch before bed"),
        gettext_noop(
            "Wall lean (leg to stretch behind, lean forward against a wall) or heel drop "
            "(forefoot on a step, slowly lower the heels) until the stretch is felt; knee "
            "straight, then bent."
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
        params_in_plan=stretch_muscles,
    ),
    ItemTemplate(
        "stretching.gentle",
        "stretching",
        gettext_noop("Gentle stretching of the cramping muscles"),
        gettext_noop(
            "Slow, gentle stretch of the %(muscles)s, stopping short of the point where a cramp "
            "starts; no contract-relax into the cramp."
        ),
        _STRETCH,
        params_in_plan=stretch_muscles,
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
        Dosage("alternate_days", sets=3, hold_seconds=20, hold_seconds_max=30),
    ),
    ItemTemplate(
        "strengthening.core_gentle",
        "strengthening",
        gettext_noop("Gentle deep-core activation"),
        gettext_noop(
            "Deep abdominal and pelvic-floor activation with the spine in neutral, lying on the "
            "side or on hands and knees: no curl-ups, sit-ups, planks or loaded bending. Progress "
            "only once the practitioner has checked it is safe."
        ),
        Dosage("daily", sets=3, reps=10),
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
        Dosage("alternate_days", sets=3, reps=12),
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
        Dosage("alternate_days", sets=3, reps=15),
    ),
    ItemTemplate(
        "strengthening.foot",
        "strengthening",
        gettext_noop("Foot-muscle strengthening"),
        gettext_noop("Toe curls and towel gathering with the toes, sitting, in socks."),
        Dosage("alternate_days", sets=3, reps=10),
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
        "strengthening.short_foot_seated",
        "strengthening",
        gettext_noop("Short-foot exercise, seated and shod"),
        gettext_noop(
            "Sitting, in socks or shoes, draw the ball of the foot toward the heel without curling "
            "the toes, lifting the arch. No barefoot walking; check the feet for marks afterwards."
        ),
        Dosage("daily", sets=3, reps=10, each_side=True),
    ),
    ItemTemplate(
        "strengthening.forearm_grip",
        "strengthening",
        gettext_noop("Forearm and grip strengthening"),
        gettext_noop("Wrist curls and grip work with a light load."),
        Dosage("alternate_days", sets=3, reps=12),
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
        "home_care.sleep_side_lying",
        "home_care",
        gettext_noop("Sleeping on the side"),
        gettext_noop(
            "Sleep on the side with a pillow between the knees; keep the feet from pointing down "
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
        "home_care.fluids_agreed",
        "home_care",
        gettext_noop("Fluids as agreed with the doctor"),
        gettext_noop(
            "Because of %(reasons)s, agree with the doctor how much to drink each day; do not "
            "simply drink more."
        ),
        Dosage("every_day"),
        fluid_limits,
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
        "home_care.shoe_lift",
        "home_care",
        gettext_noop("Shoe lift for the shorter leg"),
        gettext_noop(
            "Trial a shoe lift under the %(side)s leg; keep it only if it helps and does not "
            "worsen a scoliosis."
        ),
        Dosage("every_day"),
        short_leg_side,
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

PRECAUTION_KINDS = ("contraindication", "advice")


@dataclass(frozen=True)
class PrecautionSpec:
    """Advice is shown and never blocks; a contraindication withholds items from the plan.

    `withholds` maps each contraindicated item to its safe alternative (None when there is none);
    the alternative is proposed instead whenever the contraindicated item would have been.
    """

    key: str
    text: str
    components: tuple[str, ...]
    # When set, the precaution concerns only these items within its components.
    item_keys: tuple[str, ...] = ()
    kind: str = "advice"
    withholds: Mapping[str, str | None] = field(default_factory=dict)

    def concerns(self, template: ItemTemplate) -> bool:
        if self.kind == "contraindication":
            return False
        if template.component not in self.components:
            return False
        return not self.item_keys or template.key in self.item_keys


PRECAUTIONS = (
    # Contraindications: the item is not proposed; its alternative is.
    PrecautionSpec(
        "pregnancy_after_first_trimester",
        gettext_noop(
            "Pregnancy after the first trimester: no long lying on the back (sleep on the side "
            "with a pillow between the knees), no curl-ups or loaded abdominal work, and no lying "
            "on a foam roller or ball."
        ),
        ("strengthening", "home_care"),
        kind="contraindication",
        withholds={
            "home_care.sleep_position": "home_care.sleep_side_lying",
            "strengthening.core": "strengthening.core_gentle",
            "home_care.self_mobilisation.lumbar": None,
            "home_care.self_mobilisation.cervical": None,
        },
    ),
    PrecautionSpec(
        "after_birth_core",
        gettext_noop(
            "After giving birth: no core loading (planks, curl-ups, loaded abdominal work) until "
            "abdominal separation has been checked."
        ),
        ("strengthening",),
        kind="contraindication",
        withholds={"strengthening.core": "strengthening.core_gentle"},
    ),
    PrecautionSpec(
        "reduced_foot_sensation",
        gettext_noop(
            "Reduced feeling in the feet: never exercise or walk barefoot; check the feet for "
            "marks after exercise."
        ),
        ("strengthening",),
        kind="contraindication",
        withholds={"strengthening.short_foot": "strengthening.short_foot_seated"},
    ),
    PrecautionSpec(
        "osteoporosis_spine",
        gettext_noop(
            "Osteoporosis: no sustained or forceful pressure on the spine, no self-mobilisation "
            "on a roller or ball under the spine, and no loaded bending (curl-ups, sit-ups)."
        ),
        ("spinal_mobilisation", "strengthening", "home_care"),
        kind="contraindication",
        withholds={
            "spinal_mobilisation.lumbar": "spinal_mobilisation.gentle",
            "spinal_mobilisation.thoracic": "spinal_mobilisation.gentle",
            "spinal_mobilisation.cervical": "spinal_mobilisation.gentle",
            "home_care.self_mobilisation.lumbar": None,
            "home_care.self_mobilisation.cervical": None,
            "strengthening.core": "strengthening.core_gentle",
        },
    ),
    PrecautionSpec(
        "critical_ischaemia_heat",
        gettext_noop(
            "Critically reduced blood flow to the legs: no heat on the legs; skin with poor blood "
            "flow burns easily."
        ),
        ("home_care",),
        kind="contraindication",
        withholds={"home_care.heat": None},
    ),
    PrecautionSpec(
        "paraspinal_no_spinal_stretch",
        gettext_noop(
            "Cramps in the muscles beside the spine: do not stretch the spine (twisting or "
            "bending); treat the joint behind the spasm instead."
        ),
        ("stretching",),
        kind="contraindication",
        withholds={"stretching.pnf": None},
    ),
    PrecautionSpec(
        "cramps_while_stretching",
        gettext_noop(
            "Cramps come on while stretching: no contract-relax (PNF) stretching into the cramp; "
            "stretch gently and stop before it starts."
        ),
        ("stretching",),
        kind="contraindication",
        withholds={"stretching.pnf": "stretching.gentle"},
    ),
    PrecautionSpec(
        "fluids_set_by_doctor",
        gettext_noop(
            "Kidney or heart disease, a diuretic or a doctor's fluid limit: the amount to drink is "
            "agreed with the doctor, not “at least 2 litres”."
        ),
        ("home_care",),
        kind="contraindication",
        withholds={"home_care.water": "home_care.fluids_agreed"},
    ),
    # Advice: shown with the items it concerns, never blocks signing.
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
            "Pregnancy: no lying face down; treat in side lying or supported half-sitting."
        ),
        ("spinal_mobilisation", "massage"),
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
        "nerve_irritation_first",
        gettext_noop(
            "Nerve irritation: settle it first (mobilisation, calming massage, posture); start "
            "strengthening once the nerve symptoms ease."
        ),
        ("strengthening",),
    ),
    PrecautionSpec(
        "nutrition_no_prescription",
        gettext_noop(
            "Salt, calcium and magnesium are not prescribed in this plan; extra salt only once a "
            "need has been established."
        ),
        ("nutrition_referral", "home_care"),
        (
            "nutrition_referral.dietitian",
            "home_care.water",
            "home_care.fluids_agreed",
            "home_care.carbohydrate",
        ),
    ),
    PrecautionSpec(
        "shoe_lift_scoliosis",
        gettext_noop(
            "True leg-length difference: a shoe lift only if it helps, never if it would worsen "
            "a scoliosis."
        ),
        ("home_care",),
        ("home_care.shoe_lift",),
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
    PrecautionSpec(
        "cancer_history",
        gettext_noop(
            "History of cancer: ask at each visit about new night pain, weight loss or feeling "
            "unwell, and refer to the doctor if they appear."
        ),
        (),
    ),
)

PRECAUTIONS_BY_KEY = {spec.key: spec for spec in PRECAUTIONS}


@dataclass(frozen=True)
class GoalSpec:
    key: str
    measure: str
    text: str
    # (baseline, target) from the facts; None when nothing is recorded.
    values: Callable[[Facts], tuple[str | None, str | None]]
    # Used instead of `text` when no baseline is recorded.
    text_without_baseline: str | None = None


def _cramp_values(facts: Facts) -> tuple[str | None, str | None]:
    per_week = facts.cramps.cramps_per_week
    return str(per_week), str(per_week // 2)


def _pain_values(facts: Facts) -> tuple[str | None, str | None]:
    # A fall of 2 points on the 0-10 scale is the usual smallest change a patient notices.
    pain = facts.baseline_scores.pain_nprs
    if pain is None and facts.exam is not None:
        pain = facts.exam.pain_now
    if pain is None:
        return None, None
    return str(pain), str(max(pain - 2, 0))


def _oswestry_values(facts: Facts) -> tuple[str | None, str | None]:
    score = facts.baseline_scores.oswestry_percent
    if score is None:
        return None, None
    return f"{score:g}", f"{max(score - 10, 0):g}"


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
            "Oswestry Disability Index: from %(baseline)s%% down to %(target)s%% by the review."
        ),
        _oswestry_values,
        gettext_noop(
            "Oswestry Disability Index: at least 10 points lower at the review than its first "
            "score."
        ),
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
