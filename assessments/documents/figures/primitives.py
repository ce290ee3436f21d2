"""Figure primitives for the exercise drawings: a stick figure with joints, and its props.

Every drawing is a reportlab `Drawing` of the same size, seen from the side, the figure facing
right; the near limbs are dark and the far limbs grey, so a reader can tell left from right.
Coordinates are points inside the drawing; the floor is at FLOOR.
"""

from __future__ import annotations

from reportlab.graphics.shapes import Circle, Drawing, Ellipse, Line, Polygon, PolyLine, Rect
from reportlab.lib import colors

WIDTH = 140
HEIGHT = 105
FLOOR = 8

INK = colors.HexColor("#1f2328")
FAR = colors.HexColor("#9aa4ae")
PROP = colors.HexColor("#57606a")
PROP_FILL = colors.HexColor("#eef1f4")
ACCENT = colors.HexColor("#0b6bcb")

NEAR_WIDTH = 2.6
FAR_WIDTH = 2.2
HEAD_RADIUS = 6.5
JOINT_RADIUS = 1.7

Point = tuple[float, float]


def canvas() -> Drawing:
    return Drawing(WIDTH, HEIGHT)


def _segment(d: Drawing, points, colour, width) -> None:
    d.add(
        PolyLine(
            [c for p in points for c in p],
            strokeColor=colour,
            strokeWidth=width,
            strokeLineCap=1,
            strokeLineJoin=1,
        )
    )


def _joints(d: Drawing, points, colour) -> None:
    for x, y in points:
        d.add(Circle(x, y, JOINT_RADIUS, fillColor=colour, strokeColor=None))


def limb(d: Drawing, start: Point, *points: Point, far: bool = False) -> None:
    """An arm or a leg from the shoulder or hip through its joints to the hand or toes."""
    colour, width = (FAR, FAR_WIDTH) if far else (INK, NEAR_WIDTH)
    _segment(d, (start, *points), colour, width)
    _joints(d, points[:-1], colour)


def person(
    d: Drawing,
    *,
    head: Point,
    neck: Point,
    hip: Point,
    leg: tuple[Point, ...],
    arm: tuple[Point, ...],
    far_leg: tuple[Point, ...] | None = None,
    far_arm: tuple[Point, ...] | None = None,
) -> None:
    """A stick figure: legs are (knee, ankle, toe), arms (elbow, hand); far limbs drawn first."""
    if far_leg:
        limb(d, hip, *far_leg, far=True)
    if far_arm:
        limb(d, neck, *far_arm, far=True)
    _segment(d, (neck, hip), INK, NEAR_WIDTH + 0.6)
    _joints(d, (hip,), INK)
    limb(d, hip, *leg)
    limb(d, neck, *arm)
    d.add(
        Circle(
            head[0],
            head[1],
            HEAD_RADIUS,
            fillColor=colors.white,
            strokeColor=INK,
            strokeWidth=NEAR_WIDTH - 0.6,
        )
    )


def floor(d: Drawing, y: float = FLOOR, x0: float = 4, x1: float = WIDTH - 4) -> None:
    d.add(Line(x0, y, x1, y, strokeColor=PROP, strokeWidth=1.2))
    for x in range(int(x0) + 4, int(x1), 9):  # hatching under the floor line
        d.add(Line(x, y, x - 4, y - 4, strokeColor=PROP, strokeWidth=0.6))


def wall(d: Drawing, x: float, y0: float = FLOOR, y1: float = HEIGHT - 4) -> None:
    d.add(Line(x, y0, x, y1, strokeColor=PROP, strokeWidth=1.2))
    for y in range(int(y0) + 4, int(y1), 9):
        d.add(Line(x, y, x + 4, y - 4, strokeColor=PROP, strokeWidth=0.6))


def block(d: Drawing, x: float, y: float, width: float, height: float) -> None:
    """A step, a stool or a mat seen from the side."""
    d.add(Rect(x, y, width, height, fillColor=PROP_FILL, strokeColor=PROP, strokeWidth=1))


def chair(d: Drawing, x: float, seat: float = 34, depth: float = 26, back: bool = True) -> None:
    """A chair whose seat runs from x to x + depth at height `seat`; its back on the left."""
    d.add(Rect(x, seat - 3, depth, 3, fillColor=PROP_FILL, strokeColor=PROP, strokeWidth=1))
    d.add(Line(x + 2, seat - 3, x + 2, FLOOR, strokeColor=PROP, strokeWidth=1.2))
    d.add(Line(x + depth - 2, seat - 3, x + depth - 2, FLOOR, strokeColor=PROP, strokeWidth=1.2))
    if back:
        d.add(Line(x + 1, seat, x - 3, seat + 34, strokeColor=PROP, strokeWidth=1.6))


def ball(d: Drawing, x: float, y: float, radius: float) -> None:
    d.add(Circle(x, y, radius, fillColor=PROP_FILL, strokeColor=PROP, strokeWidth=1))
    d.add(
        Line(
            x - radius * 0.6,
            y + radius * 0.3,
            x + radius * 0.6,
            y + radius * 0.3,
            strokeColor=PROP,
            strokeWidth=0.5,
        )
    )


def roller(d: Drawing, x: float, y: float, radius: float) -> None:
    """A foam roller seen end on: a circle with its core."""
    d.add(Circle(x, y, radius, fillColor=PROP_FILL, strokeColor=PROP, strokeWidth=1))
    d.add(Circle(x, y, radius * 0.35, fillColor=None, strokeColor=PROP, strokeWidth=0.6))


def pillow(d: Drawing, x: float, y: float, width: float, height: float) -> None:
    d.add(
        Ellipse(x, y, width / 2, height / 2, fillColor=PROP_FILL, strokeColor=PROP, strokeWidth=1)
    )


def band(d: Drawing, *points: Point) -> None:
    _segment(d, points, ACCENT, 1.2)


def arrow(d: Drawing, start: Point, end: Point) -> None:
    """The direction of the movement, in the accent colour."""
    (x0, y0), (x1, y1) = start, end
    d.add(Line(x0, y0, x1, y1, strokeColor=ACCENT, strokeWidth=1.3, strokeDashArray=[3, 2]))
    length = max(((x1 - x0) ** 2 + (y1 - y0) ** 2) ** 0.5, 0.01)
    ux, uy = (x1 - x0) / length, (y1 - y0) / length
    size = 4.5
    left = (x1 - size * ux - size * 0.55 * uy, y1 - size * uy + size * 0.55 * ux)
    right = (x1 - size * ux + size * 0.55 * uy, y1 - size * uy - size * 0.55 * ux)
    d.add(Polygon([x1, y1, *left, *right], fillColor=ACCENT, strokeColor=None))
