"""One line drawing per home exercise (the `figure` keys of reasoning.handout.exercises).

Each function draws on a fresh canvas from primitives.py (standing.py: upright and seated;
lying.py: on the floor or in bed); `drawing(key)` returns it. The figure always faces right;
dashed blue arrows show the movement.
"""

from __future__ import annotations

from collections.abc import Callable

from reportlab.graphics.shapes import Drawing

from . import lying, standing
from .primitives import canvas

FIGURES: dict[str, Callable[[Drawing], None]] = {
    "calf_wall_stretch": standing.calf_wall_stretch,
    "heel_drop": standing.heel_drop,
    "hamstring_stretch": standing.hamstring_stretch,
    "quadriceps_stretch": standing.quadriceps_stretch,
    "foot_stretch": standing.foot_stretch,
    "forearm_stretch": standing.forearm_stretch,
    "buttock_stretch": lying.buttock_stretch,
    "shoulder_stretch": standing.shoulder_stretch,
    "hip_flexor_stretch": lying.hip_flexor_stretch,
    "plank": lying.plank,
    "curl_up": lying.curl_up,
    "four_point_core": lying.four_point_core,
    "bridge": lying.bridge,
    "clamshell": lying.clamshell,
    "side_lying_hip_abduction": lying.side_lying_hip_abduction,
    "bridge_walkout": lying.bridge_walkout,
    "heel_raise": standing.heel_raise,
    "sit_to_stand": standing.sit_to_stand,
    "toe_raise": standing.toe_raise,
    "towel_gather": standing.towel_gather,
    "short_foot": standing.short_foot,
    "wrist_curl": standing.wrist_curl,
    "band_row": standing.band_row,
    "sitting_posture": standing.sitting_posture,
    "standing_posture": standing.standing_posture,
    "foam_roller_back": lying.foam_roller_back,
    "ball_neck": lying.ball_neck,
    "sleep_back_pillow": lying.sleep_back_pillow,
    "sleep_side_pillow": lying.sleep_side_pillow,
    "heel_walking": standing.heel_walking,
    "easy_cycling": standing.easy_cycling,
}


def drawing(key: str) -> Drawing:
    d = canvas()
    FIGURES[key](d)
    return d
