"""Builders the intake tests and others share."""


def complete_answers(**overrides):
    """A whole questionnaire as the form posts it, medications included."""
    data = {
        "complaint": "Cramps in both calves at night",
        "cramp_muscles": ["calf", "hamstring"],
        "cramp_side": "both",
        "cramp_timing": ["night"],
        "cramps_per_week": "4",
        "episode_minutes": "3",
        "months_since_onset": "6",
        "what_helps": "Standing up",
        "thyroid": "none",
        "sitting_hours_per_day": "8",
        "exercise_level": "light",
        "water_litres_per_day": "1.2",
        "coffee_tea_cups_per_day": "3",
        "footwear": "supportive",
        "red_flag_calf_swollen_red_warm": "no",
        "red_flag_saddle_numbness": "no",
        "red_flag_bladder_bowel_change": "no",
        "red_flag_progressive_weakness": "no",
        "red_flag_unexplained_weight_loss": "no",
        "red_flag_fever": "no",
        "medications-TOTAL_FORMS": "3",
        "medications-INITIAL_FORMS": "0",
        "medications-MIN_NUM_FORMS": "0",
        "medications-MAX_NUM_FORMS": "30",
        "medications-0-name": "Atorvastatin",
        "medications-0-dose": "20 mg",
        "medications-0-frequency": "daily",
        "medications-0-since": "2023",
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}
