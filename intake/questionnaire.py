"""The health-history questionnaire as data: its sections in order, what a submission must
answer, which questions are asked yes / no, the range each number may take, when the pregnancy
section applies, and how the staff form words the questions the patient's link asks "you"."""

from crispy_forms.layout import Column, Row
from django.utils.translation import gettext_lazy as _

from intake.models import RED_FLAG_FIELDS

MAX_GESTATION_WEEKS = 44  # post-term pregnancies run past 42 weeks (DESIGN.md, corrections)
WARN_GESTATION_WEEKS = 42

_PREGNANCY_TITLE = _("Pregnancy")
# The conditions the history asks about with one yes / no each, in the questionnaire's order.
MEDICAL_CONDITIONS = (
    "diabetes",
    "liver_disease",
    "kidney_disease",
    "multiple_sclerosis",
    "motor_neurone_disease",
    "peripheral_neuropathy",
    "heart_circulation_disease",
    "osteoporosis",
    "stroke",
    "parkinsons_disease",
    "cancer_history",
    "recent_trauma",
)

SECTIONS = [
    (
        _("Your complaint"),
        [
            "complaint",
            "cramp_muscles",
            "cramp_side",
            "cramp_timing",
            Row(Column("cramps_per_week"), Column("episode_minutes"), Column("months_since_onset")),
            "what_helps",
            Row(Column("tingling"), Column("numbness")),
            Row(Column("radiating_leg_pain"), Column("radiating_arm_pain")),
        ],
    ),
    (
        _PREGNANCY_TITLE,
        [
            Row(Column("pregnant"), Column("gestation_weeks")),
            Row(Column("gave_birth_last_12_months"), Column("birth_date")),
            "breastfeeding",
        ],
    ),
    (
        _("Medical history"),
        [
            Row(Column("thyroid"), Column("thyroid_treated")),
            Row(Column("pad_diagnosed"), Column("calf_pain_walking")),
            Row(Column("stenosis_region"), Column("stenosis_imaging_confirmed")),
            Row(Column("disc_injury_region"), Column("past_sprain_region")),
            Row(Column("current_back_pain"), Column("current_neck_pain")),
            Row(Column("diabetes"), Column("liver_disease"), Column("kidney_disease")),
            Row(Column("multiple_sclerosis"), Column("motor_neurone_disease")),
            Row(Column("peripheral_neuropathy"), Column("heart_circulation_disease")),
            Row(Column("osteoporosis"), Column("stroke"), Column("parkinsons_disease")),
            Row(Column("cancer_history"), Column("recent_trauma")),
            "past_leg_muscle_injury",
        ],
    ),
    (
        _("Posture and daily life"),
        [
            Row(Column("sitting_hours_per_day"), Column("takes_sitting_breaks")),
            Row(Column("long_standing_at_work"), Column("standing_hours_per_day")),
            "sits_legs_crossed",
            Row(Column("sits_toes_pointed"), Column("sleeps_feet_pointed_down")),
            Row(Column("exercise_level"), Column("recent_overexertion")),
            Row(Column("water_litres_per_day"), Column("coffee_tea_cups_per_day")),
            Row(Column("heavy_sweating_or_heat"), Column("fluid_limit_set_by_doctor")),
            Row(Column("footwear"), Column("uses_orthotics"), Column("flat_feet_known")),
        ],
    ),
    (_("Warning signs"), list(RED_FLAG_FIELDS)),
]

# What a submitted questionnaire must answer. The red-flag screen is asked one by one: a
# blank there is not a "no".
REQUIRED_ON_SUBMIT = [
    "complaint",
    "thyroid",
    "sitting_hours_per_day",
    "exercise_level",
    "water_litres_per_day",
    "coffee_tea_cups_per_day",
    "footwear",
    *RED_FLAG_FIELDS,
]


# The medical history, asked yes / no. They were tick boxes, where an unticked box could not
# tell "no" from "not asked"; intakes recorded before that keep their stored answers.
HISTORY_QUESTIONS = [
    "pad_diagnosed",
    "calf_pain_walking",
    "current_back_pain",
    "current_neck_pain",
    *MEDICAL_CONDITIONS,
    "past_leg_muscle_injury",
]

# Asked as yes / no / not answered: a blank is "not asked", never "no".
YES_NO_QUESTIONS = [
    "thyroid_treated",
    "takes_sitting_breaks",
    "tingling",
    "numbness",
    "radiating_leg_pain",
    "radiating_arm_pain",
    *HISTORY_QUESTIONS,
]

# The pregnancy section is asked only of a patient who could be pregnant: not of a patient
# recorded as male, nor outside these ages (whole years, both included). Any other recorded sex
# (female, intersex, not disclosed) or an unknown age is "unsure", and the section is asked.
PREGNANCY_FIELDS = [
    "pregnant",
    "gestation_weeks",
    "gave_birth_last_12_months",
    "birth_date",
    "breastfeeding",
]
PREGNANCY_AGE_YEARS = (10, 60)


def pregnancy_section_applies(*, sex, age_years):
    if sex == "male":
        return False
    if age_years is None:
        return True
    low, high = PREGNANCY_AGE_YEARS
    return low <= age_years <= high


def sections(*, pregnancy=True):
    """The sections to show, in order; without the pregnancy section when it does not apply."""
    if pregnancy:
        return SECTIONS
    return [(title, fields) for title, fields in SECTIONS if title is not _PREGNANCY_TITLE]


# The model's labels speak to the patient ("What brings you in?"), as the self-intake link does;
# the front desk asks about the patient. Only the questions that say "you" change.
STAFF_WORDING = {
    "complaint": _("What brings the patient in?"),
    "cramp_muscles": _("Where does the patient get cramps or spasms?"),
    "months_since_onset": _("How many months has the patient had them?"),
    "tingling": _("Does the patient have tingling (pins and needles)?"),
    "numbness": _("Does the patient have numbness?"),
    "red_flag_unexplained_weight_loss": _("Weight loss the patient cannot explain"),
}
STAFF_SECTION_TITLES = {"complaint": _("The complaint")}

# The range each number may take: (lowest, highest), both allowed.
BOUNDS = {
    "cramps_per_week": (0, 100),
    "episode_minutes": (0, 600),
    "months_since_onset": (0, 1200),
    "gestation_weeks": (1, MAX_GESTATION_WEEKS),
    "sitting_hours_per_day": (0, 24),
    "standing_hours_per_day": (0, 24),
    "water_litres_per_day": (0, 10),
    "coffee_tea_cups_per_day": (0, 40),
}
