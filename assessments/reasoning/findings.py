"""Small questions asked of the facts by both the rules and the plan items."""

from __future__ import annotations

from .facts import Facts, Segment
from .i18n import ParamValue, Text, and_list, gettext_noop
from .labels import MUSCLE_NAMES, REFLEX_NAMES, SIDE_NAMES, STIFFNESS_NAMES, STRENGTH_MUSCLE_NAMES
from .vocabulary import (
    SEGMENT_LEVELS,
    STRENGTH_MUSCLES,
)

# A grade of 3 (moves fully against gravity, no resistance) or less is weak; so is any
# difference between the sides.
WEAK_GRADE = 3


def cramping(facts: Facts, muscles: tuple[str, ...]) -> tuple[str, ...]:
    """The given muscles that cramp, in vocabulary order."""
    return tuple(m for m in muscles if m in facts.cramps.muscles)


def muscle_names(muscles: tuple[str, ...]) -> ParamValue:
    return and_list(MUSCLE_NAMES[m] for m in muscles)


def cramp_sides(facts: Facts) -> frozenset[str]:
    """The sides that cramp: {"left"}, {"right"} or {"left", "right"} (empty without sites)."""
    sides: set[str] = set()
    for site in facts.cramps.sites:
        sides.update(("left", "right") if site.side == "both" else (site.side,))
    return frozenset(sides)


def cramp_sites_text(facts: Facts, muscles: tuple[str, ...] | None = None) -> ParamValue:
    """`calf (left) and foot (left)`, one per cramp site, optionally only for some muscles."""
    return and_list(
        Text(
            gettext_noop("%(muscle)s (%(side)s)"),
            {"muscle": MUSCLE_NAMES[site.muscle], "side": SIDE_NAMES[site.side]},
        )
        for site in facts.cramps.sites
        if muscles is None or site.muscle in muscles
    )


def stiff_segments(facts: Facts, levels: tuple[str, ...]) -> tuple[Segment, ...]:
    if facts.exam is None:
        return ()
    found = [s for s in facts.exam.segments if s.level in levels and s.stiffness != "none"]
    return tuple(sorted(found, key=lambda s: SEGMENT_LEVELS.index(s.level)))


def level_names(segments: tuple[Segment, ...]) -> str:
    names: list[str] = []
    for segment in segments:
        if segment.level not in names:
            names.append(segment.level)
    return ", ".join(names)


def segment_evidence(segments: tuple[Segment, ...]) -> tuple[Text, ...]:
    return tuple(
        Text(
            gettext_noop("Exam: %(level)s %(stiffness)s stiffness (%(side)s), %(tenderness)s"),
            {
                "level": s.level,
                "stiffness": STIFFNESS_NAMES[s.stiffness],
                "side": SIDE_NAMES[s.side],
                "tenderness": Text(gettext_noop("tender"))
                if s.tender
                else Text(gettext_noop("not tender")),
            },
        )
        for s in segments
    )


def weak_muscles(facts: Facts) -> tuple[str, ...]:
    """Strength-tested muscles graded 3 or less on a side, or differing between the sides."""
    if facts.exam is None:
        return ()
    weak = []
    for muscle in STRENGTH_MUSCLES:
        graded = [g for g in facts.exam.strength.grades(muscle) if g is not None]
        if graded and (min(graded) <= WEAK_GRADE or max(graded) != min(graded)):
            weak.append(muscle)
    return tuple(weak)


def strength_evidence(facts: Facts, muscles: tuple[str, ...]) -> tuple[Text, ...]:
    if facts.exam is None:
        return ()
    evidence = []
    for muscle in muscles:
        left, right = facts.exam.strength.grades(muscle)
        evidence.append(
            Text(
                gettext_noop("Exam: %(muscle)s strength left %(left)s/5, right %(right)s/5"),
                {
                    "muscle": STRENGTH_MUSCLE_NAMES[muscle],
                    "left": "-" if left is None else str(left),
                    "right": "-" if right is None else str(right),
                },
            )
        )
    return tuple(evidence)


def root_signs(facts: Facts, roots: tuple[str, ...], *, leg: bool) -> tuple[Text, ...]:
    """Exam signs of nerve-root irritation for the leg (L4-S2) or the arm (C5-T1)."""
    if facts.exam is None:
        return ()
    neuro = facts.exam.neuro
    signs = []
    for changed, msgid in (
        (neuro.sensation_change_roots, gettext_noop("Exam: altered sensation in %(roots)s")),
        (neuro.strength_change_roots, gettext_noop("Exam: weakness in the %(roots)s myotome")),
    ):
        found = tuple(r for r in changed if r in roots)
        if found:
            signs.append(Text(msgid, {"roots": ", ".join(found)}))
    if not leg:
        return tuple(signs)
    for side, reproduces, degrees in (
        ("left", neuro.slr_reproduces_left, neuro.slr_left_degrees),
        ("right", neuro.slr_reproduces_right, neuro.slr_right_degrees),
    ):
        if reproduces:
            signs.append(
                Text(
                    gettext_noop(
                        "Exam: straight-leg raise on the %(side)s reproduces symptoms at "
                        "%(degrees)s degrees"
                    ),
                    {"side": SIDE_NAMES[side], "degrees": "-" if degrees is None else str(degrees)},
                )
            )
    if neuro.slump_positive:
        signs.append(Text(gettext_noop("Exam: slump test positive")))
    for name, side, grade in (
        (Text(gettext_noop("knee")), "left", neuro.reflex_knee_left),
        (Text(gettext_noop("knee")), "right", neuro.reflex_knee_right),
        (Text(gettext_noop("ankle")), "left", neuro.reflex_ankle_left),
        (Text(gettext_noop("ankle")), "right", neuro.reflex_ankle_right),
    ):
        if grade in ("reduced", "absent"):
            signs.append(
                Text(
                    gettext_noop("Exam: %(reflex)s reflex %(grade)s on the %(side)s"),
                    {"reflex": name, "grade": REFLEX_NAMES[grade], "side": SIDE_NAMES[side]},
                )
            )
    return tuple(signs)


def flat_foot_sides(facts: Facts) -> tuple[str, ...]:
    if facts.exam is None:
        return ()
    posture = facts.exam.posture
    return tuple(
        side
        for side, foot in (
            ("left", posture.foot_posture_left),
            ("right", posture.foot_posture_right),
        )
        if foot == "flat"
    )


def weak_or_absent_pulses(facts: Facts) -> tuple[tuple[str, str], ...]:
    """(side, pulse) for each foot pulse that is weak or absent."""
    if facts.exam is None:
        return ()
    vascular = facts.exam.vascular
    return tuple(
        (side, pulse)
        for side, pulse in (
            ("left", vascular.foot_pulse_left),
            ("right", vascular.foot_pulse_right),
        )
        if pulse in ("weak", "absent")
    )
