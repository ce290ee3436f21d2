"""Drawings of exercises done lying, kneeling or on hands and knees, and sleeping positions."""

from __future__ import annotations

from reportlab.graphics.shapes import Drawing

from .primitives import (
    FLOOR,
    Point,
    arrow,
    ball,
    block,
    floor,
    person,
    pillow,
    roller,
)

F = FLOOR


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


def _feet_flat(knees: tuple[Point, Point], ankles_x: tuple[float, float]):
    """The near and far leg of a figure whose feet are flat on the floor: knee, ankle, toes."""
    return tuple((knee, (x, F + 2), (x + 8, F)) for knee, x in zip(knees, ankles_x, strict=True))


def _crook_lying(d: Drawing, trunk: tuple[Point, Point, Point], knees, ankles_x, arm) -> None:
    """On the back, knees bent, feet flat on the floor: the start of the bridges and of lying
    on a foam roller or a ball. ``trunk`` is (head, neck, hip)."""
    head, neck, hip = trunk
    leg, far_leg = _feet_flat(knees, ankles_x)
    person(d, head=head, neck=neck, hip=hip, leg=leg, far_leg=far_leg, arm=arm)


def _side_lying(d: Drawing, *, leg, far_leg) -> None:
    """On the side, head on a pillow, the top arm resting in front: the legs do the exercise."""
    floor(d)
    pillow(d, 12, F + 4, 16, 6)
    arm = ((42, F + 18), (54, F + 14))
    person(
        d, head=(14, F + 13), neck=(26, F + 10), hip=(58, F + 8), leg=leg, far_leg=far_leg, arm=arm
    )


def bridge(d: Drawing) -> None:
    floor(d)
    trunk = ((14, F + 7), (24, F + 6), (56, 32))
    _crook_lying(d, trunk, ((78, 36), (76, 34)), (84, 82), ((36, F + 1), (50, F + 1)))
    arrow(d, (56, 16), (56, 28))


def clamshell(d: Drawing) -> None:
    # The top knee lifted, the feet together.
    _side_lying(
        d,
        leg=((76, 40), (70, F + 8), (64, F + 8)),
        far_leg=((80, F + 4), (70, F + 2), (64, F + 2)),
    )
    arrow(d, (88, 22), (88, 40))


def side_lying_hip_abduction(d: Drawing) -> None:
    # The top leg straight, lifted.
    _side_lying(
        d,
        leg=((80, 26), (102, 36), (106, 42)),
        far_leg=((78, F + 4), (70, F + 2), (66, F + 2)),
    )
    arrow(d, (112, 26), (112, 44))


def bridge_walkout(d: Drawing) -> None:
    floor(d)
    trunk = ((12, F + 7), (22, F + 6), (54, 28))
    _crook_lying(d, trunk, ((80, 28), (76, 30)), (98, 88), ((34, F + 1), (48, F + 1)))
    arrow(d, (108, 16), (124, 16))


def foam_roller_back(d: Drawing) -> None:
    floor(d)
    roller(d, 50, F + 8, 8)
    trunk = ((12, F + 8), (22, F + 10), (60, F + 14))
    _crook_lying(d, trunk, ((82, 34), (80, 32)), (90, 88), ((34, F + 2), (46, F + 1)))


def ball_neck(d: Drawing) -> None:
    floor(d)
    ball(d, 22, F + 5, 5)
    trunk = ((12, F + 13), (24, F + 11), (60, F + 6))
    _crook_lying(d, trunk, ((82, 32), (80, 30)), (90, 88), ((40, F + 2), (52, F + 1)))


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
        neck=(28, F + 21),
        hip=(60, F + 18),
        leg=((82, F + 36), (100, F + 26), (105, F + 30)),  # top leg on the pillow
        far_leg=((84, F + 14), (102, F + 12), (107, F + 16)),
        arm=((40, F + 32), (50, F + 26)),
    )
    pillow(d, 86, F + 24, 12, 12)  # between the knees, drawn over the legs
