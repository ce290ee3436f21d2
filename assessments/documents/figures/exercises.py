"""One line drawing per home exercise (the `figure` keys of reasoning.handout.exercises).

Each function draws on a fresh canvas from primitives.py; `drawing(key)` returns it. The figure
always faces right; dashed blue arrows show the movement.
"""

from __future__ import annotations

from collections.abc import Callable

from reportlab.graphics.shapes import Drawing

from .primitives import (
    FLOOR,
    arrow,
    ball,
    band,
    block,
    canvas,
    chair,
    floor,
    person,
    pillow,
    roller,
    wall,
)

F = FLOOR


def calf_wall_stretch(d: Drawing) -> None:
    floor(d)
    wall(d, 112)
    person(
        d,
        head=(92, 82),
        neck=(86, 72),
        hip=(62, 48),
        leg=((40, 29), (34, F + 2), (42, F)),  # the straight back leg, heel down
        far_leg=((80, 32), (80, F + 2), (88, F)),
        arm=((98, 70), (110, 74)),
        far_arm=((97, 66), (110, 66)),
    )
    arrow(d, (70, 86), (84, 92))


def heel_drop(d: Drawing) -> None:
    floor(d)
    block(d, 62, F, 56, 16)
    wall(d, 118, F + 16, 92)
    person(
        d,
        head=(61, 98),
        neck=(60, 86),
        hip=(58, 58),
        leg=((58, 36), (59, F + 12), (68, F + 16)),  # heel sunk below the step
        far_leg=((60, 36), (61, F + 12), (70, F + 16)),
        arm=((78, 82), (96, 80)),
        far_arm=((76, 80), (94, 78)),
    )
    band(d, (96, 80), (118, 80))  # the rail
    arrow(d, (48, 30), (48, 16))


def hamstring_stretch(d: Drawing) -> None:
    floor(d)
    chair(d, 14, seat=36)
    person(
        d,
        head=(70, 70),
        neck=(62, 62),
        hip=(36, 38),
        leg=((60, 28), (84, F + 6), (86, F + 14)),  # straight, heel down, toes up
        far_leg=((58, 36), (58, F + 2), (66, F)),
        arm=((72, 48), (76, 32)),
        far_arm=((70, 46), (74, 31)),
    )
    arrow(d, (58, 78), (72, 80))


def quadriceps_stretch(d: Drawing) -> None:
    floor(d)
    wall(d, 100)
    person(
        d,
        head=(62, 94),
        neck=(62, 82),
        hip=(60, 52),
        leg=((58, 30), (42, 46), (38, 52)),  # bent back, ankle held
        far_leg=((61, 30), (61, F + 2), (69, F)),
        arm=((52, 66), (43, 50)),
        far_arm=((78, 76), (98, 76)),
    )
    arrow(d, (34, 38), (36, 54))


def foot_stretch(d: Drawing) -> None:
    floor(d)
    chair(d, 12, seat=36)
    block(d, 78, F, 22, 14)
    person(
        d,
        head=(48, 86),
        neck=(44, 74),
        hip=(34, 38),
        leg=((58, 34), (80, 28), (84, 36)),  # heel on the stool, toes pulled back
        far_leg=((56, 36), (56, F + 2), (64, F)),
        arm=((62, 58), (82, 38)),
    )
    arrow(d, (92, 40), (86, 46))


def forearm_stretch(d: Drawing) -> None:
    floor(d)
    person(
        d,
        head=(52, 94),
        neck=(50, 82),
        hip=(48, 52),
        leg=((49, 30), (49, F + 2), (57, F)),
        far_leg=((46, 30), (44, F + 2), (52, F)),
        arm=((66, 82), (84, 82)),
        far_arm=((62, 74), (82, 86)),
    )
    band(d, (84, 82), (88, 92))  # the fingers bent back
    arrow(d, (94, 80), (92, 94))


def buttock_stretch(d: Drawing) -> None:
    floor(d)
    person(
        d,
        head=(14, F + 7),
        neck=(26, F + 6),
        hip=(56, F + 6),
        leg=((62, 44), (78, 40), (84, 44)),  # ankle crossed over the other knee
        far_leg=((76, 38), (86, F + 2), (94, F)),
        arm=((44, 28), (70, 36)),
    )
    arrow(d, (92, 56), (74, 58))


def shoulder_stretch(d: Drawing) -> None:
    floor(d)
    chair(d, 30, seat=36)
    person(
        d,
        head=(62, 84),  # tilted away
        neck=(54, 74),
        hip=(50, 38),
        leg=((74, 38), (74, F + 2), (82, F)),
        arm=((50, 56), (34, 36)),  # holding the seat
        far_leg=((72, 36), (72, F + 2), (80, F)),
    )
    arrow(d, (62, 96), (74, 90))


def hip_flexor_stretch(d: Drawing) -> None:
    floor(d)
    block(d, 30, F, 22, 5)
    person(
        d,
        head=(62, 84),
        neck=(60, 72),
        hip=(56, 42),
        leg=((40, F + 8), (20, F + 6), (14, F + 5)),  # kneeling leg behind
        far_leg=((78, 42), (80, F + 2), (88, F)),
        arm=((58, 56), (68, 44)),
    )
    arrow(d, (40, 46), (54, 48))


def plank(d: Drawing) -> None:
    floor(d)
    person(
        d,
        head=(110, 36),
        neck=(98, 30),
        hip=(64, 24),
        leg=((42, 17), (20, F + 4), (17, F)),
        arm=((98, F + 1), (114, F + 1)),
        far_arm=((96, F + 1), (112, F + 1)),
    )


def curl_up(d: Drawing) -> None:
    floor(d)
    person(
        d,
        head=(28, 26),
        neck=(38, 20),
        hip=(70, F + 4),
        leg=((90, 28), (102, F + 2), (110, F)),
        far_leg=((94, F + 3), (118, F + 2), (120, F + 8)),
        arm=((54, F + 2), (66, F + 2)),
    )
    arrow(d, (24, 40), (34, 46))


def four_point_core(d: Drawing) -> None:
    floor(d)
    person(
        d,
        head=(104, 46),
        neck=(92, 42),
        hip=(50, 42),
        leg=((50, F + 2), (28, F + 2), (24, F + 4)),
        far_leg=((48, F + 2), (26, F + 2), (22, F + 4)),
        arm=((92, 26), (92, F + 1)),
        far_arm=((90, 26), (90, F + 1)),
    )
    arrow(d, (70, 26), (70, 36))


def bridge(d: Drawing) -> None:
    floor(d)
    person(
        d,
        head=(14, F + 7),
        neck=(24, F + 6),
        hip=(56, 32),
        leg=((78, 36), (84, F + 2), (92, F)),
        far_leg=((76, 34), (82, F + 2), (90, F)),
        arm=((36, F + 1), (50, F + 1)),
    )
    arrow(d, (56, 16), (56, 28))


def clamshell(d: Drawing) -> None:
    floor(d)
    pillow(d, 12, F + 4, 16, 6)
    person(
        d,
        head=(14, F + 13),
        neck=(26, F + 10),
        hip=(58, F + 8),
        leg=((76, 40), (70, F + 8), (64, F + 8)),  # top knee lifted, feet together
        far_leg=((80, F + 4), (70, F + 2), (64, F + 2)),
        arm=((42, F + 18), (54, F + 14)),
    )
    arrow(d, (88, 22), (88, 40))


def side_lying_hip_abduction(d: Drawing) -> None:
    floor(d)
    pillow(d, 12, F + 4, 16, 6)
    person(
        d,
        head=(14, F + 13),
        neck=(26, F + 10),
        hip=(58, F + 8),
        leg=((80, 26), (102, 36), (106, 42)),  # top leg straight, lifted
        far_leg=((78, F + 4), (70, F + 2), (66, F + 2)),
        arm=((42, F + 18), (54, F + 14)),
    )
    arrow(d, (112, 26), (112, 44))


def bridge_walkout(d: Drawing) -> None:
    floor(d)
    person(
        d,
        head=(12, F + 7),
        neck=(22, F + 6),
        hip=(54, 28),
        leg=((80, 28), (98, F + 2), (106, F)),
        far_leg=((76, 30), (88, F + 2), (96, F)),
        arm=((34, F + 1), (48, F + 1)),
    )
    arrow(d, (108, 16), (124, 16))


def heel_raise(d: Drawing) -> None:
    floor(d)
    chair(d, 86, seat=40, back=False)
    person(
        d,
        head=(60, 100),
        neck=(58, 88),
        hip=(56, 58),
        leg=((56, 36), (54, F + 8), (62, F)),  # up on the balls of the feet
        far_leg=((58, 36), (56, F + 8), (64, F)),
        arm=((70, 70), (84, 60)),
        far_arm=((68, 68), (86, 58)),
    )
    arrow(d, (40, 40), (40, 56))


def sit_to_stand(d: Drawing) -> None:
    floor(d)
    chair(d, 10, seat=34)
    person(
        d,
        head=(70, 76),
        neck=(62, 66),
        hip=(38, 42),
        leg=((60, 36), (60, F + 2), (68, F)),
        far_leg=((58, 34), (58, F + 2), (66, F)),
        arm=((72, 56), (82, 52)),
        far_arm=((70, 54), (80, 50)),
    )
    arrow(d, (30, 50), (40, 70))


def toe_raise(d: Drawing) -> None:
    floor(d)
    wall(d, 30)
    person(
        d,
        head=(44, 96),
        neck=(42, 84),
        hip=(40, 54),
        leg=((42, 32), (42, F + 2), (49, F + 7)),  # heels down, toes up
        far_leg=((40, 32), (40, F + 2), (47, F + 7)),
        arm=((40, 70), (42, 58)),
    )
    arrow(d, (62, F + 2), (62, F + 14))


def towel_gather(d: Drawing) -> None:
    floor(d)
    chair(d, 10, seat=36)
    band(d, (50, F + 1), (58, F + 3), (64, F + 1), (92, F + 1))  # the towel
    person(
        d,
        head=(40, 86),
        neck=(38, 74),
        hip=(34, 38),
        leg=((58, 36), (60, F + 3), (67, F + 1)),
        arm=((44, 54), (54, 40)),
    )
    arrow(d, (90, F + 8), (70, F + 8))


def short_foot(d: Drawing) -> None:
    # A close-up of the foot from the inside: the arch lifts as the ball is drawn back.
    floor(d)
    d.add(_foot_outline())
    arrow(d, (112, 30), (92, 30))
    arrow(d, (66, F + 4), (66, F + 18))


def _foot_outline():
    from reportlab.graphics.shapes import PolyLine

    from .primitives import INK

    points = [
        (52, 100),
        (56, 50),
        (80, 32),
        (104, 20),
        (120, F + 4),
        (118, F),
        (96, F),
        (84, F + 8),
        (66, F + 12),
        (48, F + 6),
        (34, F),
        (28, F + 10),
        (32, 40),
        (36, 100),
    ]
    return PolyLine(
        [c for p in points for c in p], strokeColor=INK, strokeWidth=2.4, strokeLineJoin=1
    )


def wrist_curl(d: Drawing) -> None:
    floor(d)
    chair(d, 10, seat=36)
    person(
        d,
        head=(40, 86),
        neck=(38, 74),
        hip=(34, 38),
        leg=((60, 38), (60, F + 2), (68, F)),
        arm=((46, 50), (70, 44)),  # forearm along the thigh, palm up
    )
    ball(d, 74, 46, 4)
    arrow(d, (80, 40), (80, 54))


def band_row(d: Drawing) -> None:
    floor(d)
    wall(d, 124)
    person(
        d,
        head=(42, 96),
        neck=(40, 84),
        hip=(40, 54),
        leg=((44, 32), (46, F + 2), (54, F)),
        far_leg=((38, 32), (34, F + 2), (42, F)),
        arm=((30, 76), (50, 78)),  # elbow pulled back
    )
    band(d, (50, 78), (124, 78))
    arrow(d, (20, 88), (10, 88))


def sitting_posture(d: Drawing) -> None:
    floor(d)
    chair(d, 20, seat=36)
    person(
        d,
        head=(32, 90),
        neck=(30, 78),
        hip=(28, 40),
        leg=((54, 38), (56, F + 2), (64, F)),  # feet flat, uncrossed
        far_leg=((52, 38), (54, F + 2), (62, F)),
        arm=((36, 58), (52, 44)),
    )
    arrow(d, (14, 60), (14, 86))


def standing_posture(d: Drawing) -> None:
    floor(d)
    block(d, 70, F, 20, 10)
    person(
        d,
        head=(52, 98),
        neck=(50, 86),
        hip=(48, 56),
        leg=((60, 38), (74, F + 10), (82, F + 10)),  # one foot on the low step
        far_leg=((46, 34), (46, F + 2), (54, F)),
        arm=((46, 68), (50, 52)),
    )
    arrow(d, (30, 50), (20, 50))


def foam_roller_back(d: Drawing) -> None:
    floor(d)
    roller(d, 50, F + 8, 8)
    person(
        d,
        head=(12, F + 8),
        neck=(22, F + 10),
        hip=(60, F + 14),
        leg=((82, 34), (90, F + 2), (98, F)),
        far_leg=((80, 32), (88, F + 2), (96, F)),
        arm=((34, F + 2), (46, F + 1)),
    )


def ball_neck(d: Drawing) -> None:
    floor(d)
    ball(d, 22, F + 5, 5)
    person(
        d,
        head=(12, F + 13),
        neck=(24, F + 11),
        hip=(60, F + 6),
        leg=((82, 32), (90, F + 2), (98, F)),
        far_leg=((80, 30), (88, F + 2), (96, F)),
        arm=((40, F + 2), (52, F + 1)),
    )


def sleep_back_pillow(d: Drawing) -> None:
    block(d, 4, F, 132, 10)  # the bed
    pillow(d, 14, F + 14, 18, 8)
    pillow(d, 82, F + 16, 24, 12)  # under the knees
    person(
        d,
        head=(16, F + 23),
        neck=(28, F + 18),
        hip=(60, F + 16),
        leg=((82, F + 26), (104, F + 16), (108, F + 24)),  # feet up, not pointed
        arm=((40, F + 12), (54, F + 12)),
    )


def sleep_side_pillow(d: Drawing) -> None:
    block(d, 4, F, 132, 10)
    pillow(d, 14, F + 15, 18, 8)
    person(
        d,
        head=(16, F + 24),
        neck=(28, F + 20),
        hip=(60, F + 16),
        leg=((84, F + 28), (102, F + 24), (106, F + 28)),
        far_leg=((84, F + 12), (102, F + 12), (106, F + 16)),
        arm=((42, F + 26), (52, F + 20)),
    )
    pillow(d, 88, F + 20, 12, 8)  # between the knees, drawn over the legs


def heel_walking(d: Drawing) -> None:
    floor(d)
    person(
        d,
        head=(62, 98),
        neck=(60, 86),
        hip=(58, 56),
        leg=((68, 36), (74, F + 2), (80, F + 8)),  # heels down, toes lifted
        far_leg=((52, 36), (46, F + 2), (52, F + 8)),
        arm=((52, 72), (48, 60)),
        far_arm=((66, 72), (72, 60)),
    )
    arrow(d, (90, 30), (110, 30))


def easy_cycling(d: Drawing) -> None:
    from reportlab.graphics.shapes import Circle, Line

    from .primitives import PROP

    floor(d)
    # An exercise bike: base, post, saddle, handlebar and the crank.
    d.add(Line(30, F, 100, F, strokeColor=PROP, strokeWidth=3))
    d.add(Line(50, F, 48, 50, strokeColor=PROP, strokeWidth=2))
    d.add(Line(40, 50, 56, 50, strokeColor=PROP, strokeWidth=3))
    d.add(Line(86, F, 88, 66, strokeColor=PROP, strokeWidth=2))
    d.add(Line(82, 66, 92, 66, strokeColor=PROP, strokeWidth=3))
    d.add(Circle(66, 26, 10, fillColor=None, strokeColor=PROP, strokeWidth=1.5))
    person(
        d,
        head=(62, 92),
        neck=(58, 80),
        hip=(48, 53),
        leg=((70, 48), (72, 20), (78, 18)),
        far_leg=((66, 40), (60, 34), (66, 32)),
        arm=((70, 72), (84, 68)),
    )


FIGURES: dict[str, Callable[[Drawing], None]] = {
    name: function
    for name, function in globals().items()
    if callable(function)
    and not name.startswith("_")
    and name[0].islower()
    and getattr(function, "__module__", None) == __name__
}


def drawing(key: str) -> Drawing:
    d = canvas()
    FIGURES[key](d)
    return d
