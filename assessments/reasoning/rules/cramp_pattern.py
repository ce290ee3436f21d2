"""What the cramps themselves tell: how long, which side, while stretching.

Seeds 000, 001, 003, 004.
"""

from __future__ import annotations

from ..facts import Facts
from ..findings import cramp_sides, cramp_sites_text
from ..i18n import Text, gettext_noop
from ..interventions import stretchable_muscles
from ..labels import SIDE_NAMES, TIMING_NAMES
from .base import (
    FactorSpec,
    Match,
    Rule,
    condition,
    contraindication,
    cramp_sites_evidence,
    finding,
)

LONG_EPISODE_MINUTES = 10  # seed 003: the muscle usually relaxes in less than 10 minutes


@condition("Cramps that last 10 minutes or more")
def long_cramp_episodes(facts: Facts) -> Match | None:
    minutes = facts.cramps.episode_minutes
    if minutes is None or minutes < LONG_EPISODE_MINUTES or not facts.cramps.sites:
        return None
    return Match(
        params={"minutes": str(minutes)},
        evidence=(
            finding(
                gettext_noop("Intake: each cramp lasts %(minutes)s minutes"), minutes=str(minutes)
            ),
        ),
    )


CRAMPS_LONG_EPISODES = Rule(
    "CRAMPS-LONG-EPISODES",
    long_cramp_episodes,
    ("001", "004", "003"),
    factor=FactorSpec(
        "cramps.long_episodes",
        60,
        gettext_noop(
            "Cramps lasting %(minutes)s minutes: cramps that last long are a reason to see a "
            "doctor."
        ),
    ),
    items=("medical_referral.long_cramps",),
)


def _spine_examined_and_supple(facts: Facts) -> bool:
    segments = () if facts.exam is None else facts.exam.segments
    return bool(segments) and all(segment.stiffness == "none" for segment in segments)


@condition("Cramps on one side only, unless the spine was examined and no segment was stiff")
def one_sided_cramps(facts: Facts) -> Match | None:
    if cramp_sides(facts) not in ({"left"}, {"right"}) or _spine_examined_and_supple(facts):
        return None
    (side,) = cramp_sides(facts)
    return Match(
        params={"side": SIDE_NAMES[side]},
        evidence=(cramp_sites_evidence(facts),),
    )


def _side_pattern(rule_id, when, key, title):
    """Which side cramps on is context for the other findings (seed 000), never a cause by
    itself: both answers weigh the same."""
    return Rule(rule_id, when, ("000",), factor=FactorSpec(key, 10, title, cause=False))


PATTERN_ONE_SIDED = _side_pattern(
    "PATTERN-ONE-SIDED",
    one_sided_cramps,
    "pattern.one_sided",
    gettext_noop(
        "Cramps on the %(side)s side only: one-sided cramps may point to the spine or a "
        "local cause rather than a body-wide one; examine the spine and the leg."
    ),
)


@condition("Cramps on both sides, in every cramping muscle")
def symmetrical_cramps(facts: Facts) -> Match | None:
    sites = facts.cramps.sites
    if not sites or any(site.side != "both" for site in sites):
        return None
    return Match(
        evidence=(cramp_sites_evidence(facts),),
    )


PATTERN_BOTH_SIDES = _side_pattern(
    "PATTERN-BOTH-SIDES",
    symmetrical_cramps,
    "pattern.both_sides",
    gettext_noop(
        "Cramps on both sides: body-wide causes (fluids, medication, medical conditions) "
        "are more likely than a one-sided spinal one."
    ),
)


@condition("Cramps that come on while stretching")
def cramps_while_stretching(facts: Facts) -> Match | None:
    if "stretching" not in facts.cramps.timing or not facts.cramps.sites:
        return None
    return Match(
        evidence=(
            Text(
                gettext_noop("Intake: cramps in the %(sites)s, %(timing)s"),
                {"sites": cramp_sites_text(facts), "timing": TIMING_NAMES["stretching"]},
            ),
        )
    )


CI_CRAMPS_WHILE_STRETCHING = contraindication(
    "CI-CRAMPS-WHILE-STRETCHING",
    cramps_while_stretching,
    "cramps_while_stretching",
    ("000", "clinical-screening"),
)


@condition("Cramps in the muscles beside the spine, and no other cramping muscle to stretch")
def paraspinal_cramps_only_stretch(facts: Facts) -> Match | None:
    if "paraspinal" not in facts.cramps.muscles or stretchable_muscles(facts):
        return None
    return Match(evidence=(cramp_sites_evidence(facts, ("paraspinal",)),))


CI_PARASPINAL_NO_SPINAL_STRETCH = contraindication(
    "CI-PARASPINAL-NO-SPINAL-STRETCH",
    paraspinal_cramps_only_stretch,
    "paraspinal_no_spinal_stretch",
    ("002",),
)
