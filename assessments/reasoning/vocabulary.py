"""The vocabularies, declared once: every allowed string value the reasoning reads.

The Django models and forms validate against these same tuples (they import them from here),
so a value is added in one place. Labels for people live in labels.py.
"""

CRAMP_MUSCLES = (
    "calf",
    "foot",
    "hamstring",
    "thigh_front",
    "forearm_hand",
    "paraspinal",
    "shoulder_girdle",
    "buttock_hip",
)
SIDES = ("left", "right", "both")
CRAMP_TIMINGS = ("night", "exercise", "rest", "stretching")
SEXES = ("female", "male", "intersex", "undisclosed")
LEG_SIDES = ("left", "right")
MEDICATION_CLASSES = ("statin", "diuretic", "nicotinic_acid", "raloxifene", "nifedipine")
THYROID_CONDITIONS = ("none", "underactive", "overactive", "unsure")
SPINE_REGIONS = ("lumbar", "thoracic", "cervical")
EXERCISE_LEVELS = ("none", "light", "moderate", "vigorous")
FOOTWEAR = ("supportive", "unsupportive", "high_heels", "mixed")
LUMBAR_LORDOSIS = ("normal", "increased", "reduced")
PELVIC_TILT = ("none", "anterior", "posterior", "lateral")
LEG_LENGTH_TYPES = ("apparent", "true")
FOOT_POSTURES = ("normal", "flat")
SITTING_POSTURES = ("upright", "slumped")
SEGMENT_LEVELS = (
    *(f"C{n}" for n in range(1, 8)),
    *(f"T{n}" for n in range(1, 13)),
    *(f"L{n}" for n in range(1, 6)),
    "S1",
    "SIJ",
)
STIFFNESS_GRADES = ("none", "mild", "moderate", "severe")
SEGMENT_SIDES = ("left", "right", "both", "central")
REFLEX_GRADES = ("normal", "reduced", "absent", "brisk")
NERVE_ROOTS = (
    *(f"C{n}" for n in range(1, 9)),
    *(f"T{n}" for n in range(1, 13)),
    *(f"L{n}" for n in range(1, 6)),
    *(f"S{n}" for n in range(1, 6)),
)
PULSES = ("present", "weak", "absent")
STRENGTH_MUSCLES = (
    "glute_max",
    "glute_med",
    "calf",
    "hamstrings",
    "quadriceps",
    "tibialis_anterior",
)

# Spine regions, the muscles they supply and their nerve roots.
# Seed 000 and 002: the lower back supplies the calf, foot and hamstring; the neck supplies the
# forearm and hand.
LOWER_BACK_MUSCLES = ("calf", "foot", "hamstring")
NECK_MUSCLES = ("forearm_hand",)
# The segments examined first for those muscles: L4 to S1 for the leg, C5 to T1 for the forearm
# and hand. The seeds name no levels: this is the clinic's convention, and the texts say so.
LOWER_BACK_LEVELS = ("L4", "L5", "S1")
NECK_LEVELS = ("C5", "C6", "C7", "T1")
LUMBAR_LEVELS = ("L1", "L2", "L3", "L4", "L5", "S1", "SIJ")
CERVICAL_LEVELS = ("C1", "C2", "C3", "C4", "C5", "C6", "C7", "T1")
THORACIC_LEVELS = tuple(f"T{n}" for n in range(1, 13))
LEG_ROOTS = ("L4", "L5", "S1", "S2")
ARM_ROOTS = ("C5", "C6", "C7", "C8", "T1")

# The components of a plan, in the order a plan lists them.
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
# What a patient does on their own between visits; the rest happens at the clinic.
HOME_PROGRAMME_COMPONENTS = frozenset({"home_care", "stretching", "strengthening", "posture"})
