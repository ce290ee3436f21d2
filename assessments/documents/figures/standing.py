"""The drawings of exercises done standing or sitting (one function per exercise)."""

from __future__ import annotations

from reportlab.graphics.shapes import Circle, Drawing, Line, PolyLine

from .primitives import (
    FLOOR,
    INK,
    PROP,
    arrow,
    ball,
    band,
    block,
    chair,
    floor,
    person,
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
        leg=((42, 32), (42, F + 2), (50, F + 11)),  # heels down, toes up
        far_leg=((40, 32), (40, F + 2), (48, F + 11)),
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
