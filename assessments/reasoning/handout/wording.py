"""The rest of the handout in the patient's words: what we found, what we do at the clinic,
advice for home without a drawing, and the precautions that concern the patient.

Keyed by the reasoning's own keys (factors, plan items, precautions), so a new rule that adds a
key without patient wording is caught by the tests rather than printing clinical text.
"""

from __future__ import annotations

from ..i18n import Text, gettext_noop


def _texts(messages: dict[str, str]) -> dict[str, Text]:
    """The sentences of a table, each as translatable Text."""
    return {key: Text(message) for key, message in messages.items()}


# What a plan item sends home, as exercises (keys of exercises.EXERCISES). The stretch items
# that name the cramping muscles get theirs from STRETCH_BY_MUSCLE instead.
ITEM_EXERCISES = {
    "stretching.calf_before_bed": ("calf_wall_stretch", "heel_drop"),
    "stretching.calf": ("calf_wall_stretch",),
    "stretching.hip_flexors": ("hip_flexor_stretch",),
    "strengthening.core": ("plank", "curl_up"),
    "strengthening.core_gentle": ("four_point_core",),
    "strengthening.glutes": ("bridge", "clamshell", "side_lying_hip_abduction"),
    "strengthening.calf": ("heel_raise",),
    "strengthening.hamstrings": ("bridge_walkout",),
    "strengthening.quadriceps": ("sit_to_stand",),
    "strengthening.tibialis_anterior": ("toe_raise",),
    "strengthening.foot": ("towel_gather",),
    "strengthening.short_foot": ("short_foot",),
    "strengthening.short_foot_seated": ("short_foot_seated",),
    "strengthening.forearm_grip": ("wrist_curl",),
    "strengthening.shoulder_girdle": ("band_row",),
    "posture.awareness": ("sitting_posture",),
    "posture.sitting": ("sitting_posture",),
    "posture.standing": ("standing_posture",),
    "home_care.self_mobilisation.lumbar": ("foam_roller_back",),
    "home_care.self_mobilisation.cervical": ("ball_neck",),
    "home_care.sleep_position": ("sleep_back_pillow",),
    "home_care.sleep_side_lying": ("sleep_side_pillow",),
    "home_care.heel_walking": ("heel_walking",),
    "home_care.easy_cycling": ("easy_cycling",),
}
STRETCH_ITEMS = ("stretching.pnf", "stretching.gentle")
STRETCH_BY_MUSCLE = {
    "calf": "calf_wall_stretch",
    "foot": "foot_stretch",
    "hamstring": "hamstring_stretch",
    "thigh_front": "quadriceps_stretch",
    "forearm_hand": "forearm_stretch",
    "shoulder_girdle": "shoulder_stretch",
    "buttock_hip": "buttock_stretch",
}
# One more step for the stretch items, in plain words.
STRETCH_EXTRA_STEP = _texts(
    {
        "stretching.pnf": gettext_noop(
            "Push gently against your hand or a band for 6 seconds, relax, go further."
        ),
        "stretching.gentle": gettext_noop("Go slowly and stop before a cramp starts."),
    }
)

# Care at home that needs no drawing: one plain sentence each.
HOME_ADVICE = _texts(
    {
        "home_care.heat": gettext_noop(
            "Warm the tight muscles before bed: a warm towel, a hot-water bottle or bath."
        ),
        "home_care.water": gettext_noop(
            "Drink at least 2 litres of water a day; coffee and tea do not count."
        ),
        "home_care.fluids_agreed": gettext_noop(
            "Ask your doctor how much to drink each day; do not simply drink more."
        ),
        "home_care.carbohydrate": gettext_noop(
            "Eat enough bread, rice, pasta or fruit, especially on exercise days."
        ),
        "home_care.hourly_breaks": gettext_noop(
            "Get up and walk for two minutes every hour you sit."
        ),
        "home_care.footwear": gettext_noop(
            "Wear supportive shoes; keep high heels for short outings."
        ),
        "home_care.orthotics": gettext_noop(
            "Ask us about insoles, or bring the ones you wear so we can check them."
        ),
        "home_care.shoe_lift": gettext_noop(
            "Wear the shoe lift we agreed on; keep it only if it helps."
        ),
        "home_care.load_management": gettext_noop(
            "Ease off training for now, then build up again little by little."
        ),
        "strengthening.conditioning": gettext_noop(
            "Walk or cycle at an easy pace, a little longer each week."
        ),
    }
)

# What happens at the clinic or with another professional, never in the home programme.
IN_CLINIC = _texts(
    {
        "spinal_mobilisation.lumbar": gettext_noop(
            "Gentle hands-on movement of the stiff joints of your lower back."
        ),
        "spinal_mobilisation.thoracic": gettext_noop(
            "Gentle hands-on movement of the sprained joints of your mid-back."
        ),
        "spinal_mobilisation.cervical": gettext_noop(
            "Gentle hands-on movement of the stiff joints of your neck."
        ),
        "spinal_mobilisation.gentle": gettext_noop(
            "Very gentle movement of the stiff joints of your spine, without force."
        ),
        "massage.spinal_muscles.lumbar": gettext_noop(
            "Calming massage of the muscles of your lower back."
        ),
        "massage.spinal_muscles.thoracic": gettext_noop(
            "Calming massage of your mid-back and shoulder muscles."
        ),
        "massage.spinal_muscles.cervical": gettext_noop("Calming massage of your neck muscles."),
        "massage.cramping_muscles": gettext_noop(
            "Calming massage of the muscles that cramp (not deep massage)."
        ),
        "massage.pelvis_trunk": gettext_noop(
            "Releasing the tight muscles around your pelvis and trunk."
        ),
        "posture.training": gettext_noop("Posture exercises with us at each visit."),
        "stretching.pnf": gettext_noop("Assisted stretching of the muscles that cramp."),
        "medical_referral.red_flags": gettext_noop(
            "We will ask you to see a doctor before any treatment here."
        ),
        "medical_referral.medication_review": gettext_noop(
            "We will ask your doctor whether one of your medicines adds to the cramps."
        ),
        "medical_referral.thyroid": gettext_noop("We will ask your doctor to check your thyroid."),
        "medical_referral.vascular": gettext_noop(
            "We will ask your doctor to check the blood flow in your legs."
        ),
        "medical_referral.secondary_causes": gettext_noop(
            "We will ask your doctor to review your other health conditions."
        ),
        "medical_referral.long_cramps": gettext_noop(
            "We will ask your doctor to look into why your cramps last so long."
        ),
        "nutrition_referral.dietitian": gettext_noop(
            "We suggest you see a dietitian or nutritionist about what you eat and drink."
        ),
    }
)

# The precautions that concern the patient, in plain words; the others (how the practitioner
# treats) stay on the care plan only.
PATIENT_PRECAUTIONS = _texts(
    {
        "never_stop_medication": gettext_noop(
            "Do not stop any medicine your doctor prescribed without asking them first."
        ),
        "pregnancy_after_first_trimester": gettext_noop(
            "While you are pregnant: do not lie on your back for long, sleep on your side with a "
            "pillow between your knees, and do no curl-ups or sit-ups."
        ),
        "after_birth_core": gettext_noop(
            "No planks, curl-ups or sit-ups until your tummy muscles have been checked."
        ),
        "reduced_foot_sensation": gettext_noop(
            "Never exercise or walk barefoot; check your feet for marks afterwards."
        ),
        "osteoporosis_spine": gettext_noop(
            "Do not lie on a roller or ball under your spine; no curl-ups or sit-ups."
        ),
        "critical_ischaemia_heat": gettext_noop("Do not put heat on your legs."),
        "heat_reduced_feeling": gettext_noop(
            "Keep heat mild and check your skin: numb skin burns easily."
        ),
        "cramps_while_stretching": gettext_noop("Stretch gently and stop before a cramp starts."),
        "fluids_set_by_doctor": gettext_noop(
            "Your doctor sets how much you drink; do not simply drink more."
        ),
        "nutrition_no_prescription": gettext_noop(
            "Do not take extra salt, calcium or magnesium unless a doctor advises it."
        ),
        "shoe_lift_scoliosis": gettext_noop(
            "Keep the shoe lift only if it helps; tell us if your back feels worse."
        ),
        "paraspinal_no_spinal_stretch": gettext_noop(
            "Do not twist or bend your back to stretch it."
        ),
        "no_spinal_stretching": gettext_noop("Do not twist or bend your back to stretch it."),
    }
)
ALWAYS_PRECAUTION = Text(
    gettext_noop("Stop any exercise that gives you a sharp pain, and tell us at your next visit.")
)

# What we found: one plain sentence per kind of factor, the heaviest three printed.
FINDINGS = {
    "spine.lower_back_nerve": gettext_noop(
        "Your lower back is stiff, and this can irritate the nerves to your leg muscles."
    ),
    "spine.neck_nerve": gettext_noop(
        "Your neck is stiff, and this can irritate the nerves to your arm and hand."
    ),
    "spine.leg_root_signs": gettext_noop("Some tests show an irritated nerve to your leg."),
    "spine.arm_root_signs": gettext_noop("Some tests show an irritated nerve to your arm."),
    "spine.sprain_spasm": gettext_noop(
        "A sprained joint in your mid-back makes the muscles around it tighten."
    ),
    "medication": gettext_noop("One of your medicines can cause cramps in some people."),
    "pregnancy.after_birth": gettext_noop(
        "Your body is recovering from the birth, which can bring on cramps."
    ),
    "pregnancy": gettext_noop(
        "Pregnancy puts extra strain on your legs; these cramps usually pass after the birth."
    ),
    "thyroid.treated": "",
    "thyroid": gettext_noop("Your thyroid can affect the nerves and muscles of your legs."),
    "circulation": gettext_noop("The pulses in your feet are weak: the blood flow needs a check."),
    "hydration.fluids_limited": gettext_noop(
        "How much you should drink depends on your health; your doctor sets it."
    ),
    "hydration": gettext_noop("You may not be drinking enough water for your muscles."),
    "posture": gettext_noop(
        "Long sitting, slumping or standing stiffens your back and tires your muscles."
    ),
    "feet.flat": gettext_noop("Your feet are flat, which strains the muscles of the leg."),
    "feet.footwear": gettext_noop("Your shoes give your feet little support."),
    "feet": gettext_noop("One leg works harder than the other because of a difference in length."),
    "imbalance": gettext_noop("Some muscles are weak, so the muscles that cramp work too hard."),
    "exercise.inactive": gettext_noop("Your muscles get little exercise, which makes them cramp."),
    "exercise.overexertion": gettext_noop("Your muscles have been working harder than usual."),
    "exercise": gettext_noop("Your muscles need more fuel on exercise days."),
    "other": gettext_noop("Another health condition you have can cause cramps."),
    "pattern": "",
}
NOTHING_FOUND = gettext_noop(
    "We found no single cause for your cramps: most night cramps have none, and the exercises "
    "below help."
)
