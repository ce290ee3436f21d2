"""Precautions: contraindications withhold items, advice is shown and never blocks."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from ..i18n import gettext_noop
from .base import ItemTemplate

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
