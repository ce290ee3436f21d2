"""Plan items of the home_care component."""

from __future__ import annotations

from ...i18n import gettext_noop
from ..base import Dosage, ItemTemplate
from ..params import cervical_levels, fluid_limits, lumbar_levels, short_leg_side

TEMPLATES = (
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
