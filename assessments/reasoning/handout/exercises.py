"""The home exercises in the patient's words: short steps, what to feel, when to stop.

One entry per exercise a plan item can send home. The wording is written for the patient
("you"), never for the practitioner; the practitioner's instructions stay on the care plan.
Each exercise names the line drawing that shows it (assessments/documents/figures/).
"""

from __future__ import annotations

from dataclasses import dataclass

from ..i18n import Text, gettext_noop


@dataclass(frozen=True)
class HomeExercise:
    key: str
    title: Text
    steps: tuple[Text, ...]
    feel: Text
    stop: Text
    figure: str


def _exercise(key, title, steps, feel, stop, figure=None) -> HomeExercise:
    return HomeExercise(
        key=key,
        title=Text(title),
        steps=tuple(Text(step) for step in steps),
        feel=Text(feel),
        stop=Text(stop),
        figure=figure or key,
    )


_STOP_CRAMP = gettext_noop("Stop if it turns into a cramp or a sharp pain.")

EXERCISES = (
    _exercise(
        "calf_wall_stretch",
        gettext_noop("Calf stretch at the wall"),
        (
            gettext_noop("Stand facing a wall with your hands on it at shoulder height."),
            gettext_noop("Step the leg to stretch back: heel down, knee straight."),
            gettext_noop("Bend the front knee and lean toward the wall until you feel it."),
            gettext_noop("Hold, then do it again with the back knee a little bent."),
        ),
        gettext_noop("A gentle pull in the calf of the back leg."),
        _STOP_CRAMP,
    ),
    _exercise(
        "heel_drop",
        gettext_noop("Or: heel drop on a step"),
        (
            gettext_noop("Stand with the front half of your feet on a step; hold the rail."),
            gettext_noop("Slowly let your heels sink below the step."),
            gettext_noop("Hold, then rise back to level."),
        ),
        gettext_noop("A stretch along the back of your calves."),
        gettext_noop("Stop if you feel unsteady or the calf starts to cramp."),
    ),
    _exercise(
        "hamstring_stretch",
        gettext_noop("Back-of-thigh (hamstring) stretch"),
        (
            gettext_noop("Sit on the front of a chair, one leg straight, heel on the floor."),
            gettext_noop("Keep your back straight and lean forward from the hips."),
            gettext_noop("Hold, then relax."),
        ),
        gettext_noop("A stretch at the back of the thigh."),
        gettext_noop("Stop if you feel tingling down the leg, a sharp pain or a cramp."),
    ),
    _exercise(
        "quadriceps_stretch",
        gettext_noop("Front-of-thigh (quadriceps) stretch"),
        (
            gettext_noop("Stand side-on to a wall or a chair and hold it."),
            gettext_noop("Bend one knee and hold that ankle behind you (a towel helps)."),
            gettext_noop("Keep your knees together and stand tall."),
        ),
        gettext_noop("A stretch at the front of the thigh."),
        gettext_noop("Stop if the knee hurts or the thigh starts to cramp."),
    ),
    _exercise(
        "foot_stretch",
        gettext_noop("Sole-of-the-foot stretch"),
        (
            gettext_noop("Sit and rest one foot across the other knee."),
            gettext_noop("Pull your toes gently back with your hand."),
            gettext_noop("Hold, then relax."),
        ),
        gettext_noop("A stretch under the arch of the foot."),
        _STOP_CRAMP,
    ),
    _exercise(
        "forearm_stretch",
        gettext_noop("Forearm stretch"),
        (
            gettext_noop("Hold your arm out straight, palm up."),
            gettext_noop("With the other hand, bend the wrist and fingers gently back."),
            gettext_noop("Hold, then turn the palm down and bend the wrist the other way."),
        ),
        gettext_noop("A stretch along the forearm."),
        gettext_noop("Stop if your hand tingles or goes numb."),
    ),
    _exercise(
        "buttock_stretch",
        gettext_noop("Buttock and hip stretch"),
        (
            gettext_noop("Lie on your back with your knees bent."),
            gettext_noop("Cross one ankle over the other knee."),
            gettext_noop("Pull the lower thigh gently toward your chest."),
        ),
        gettext_noop("A stretch deep in the buttock."),
        gettext_noop("Stop if your hip or knee hurts."),
    ),
    _exercise(
        "shoulder_stretch",
        gettext_noop("Neck and shoulder stretch"),
        (
            gettext_noop("Sit tall and hold the seat of the chair with one hand."),
            gettext_noop("Tilt your head gently away from that side."),
            gettext_noop("Hold, then change sides."),
        ),
        gettext_noop("A stretch at the side of the neck and the top of the shoulder."),
        gettext_noop("Stop if you feel dizzy or your arm tingles."),
    ),
    _exercise(
        "hip_flexor_stretch",
        gettext_noop("Front-of-hip stretch"),
        (
            gettext_noop("Kneel on one knee on a cushion, the other foot in front."),
            gettext_noop("Tuck your bottom under and shift your weight forward a little."),
            gettext_noop("Hold, then change sides."),
        ),
        gettext_noop("A stretch at the front of the hip of the kneeling leg."),
        gettext_noop("Stop if your back or knee hurts."),
    ),
    _exercise(
        "plank",
        gettext_noop("Plank"),
        (
            gettext_noop("Lie face down, resting on your forearms."),
            gettext_noop("Lift your body into a straight line from head to knees or feet."),
            gettext_noop("Keep breathing; do not let your hips sag."),
        ),
        gettext_noop("Your tummy muscles working."),
        gettext_noop("Stop if your back hurts."),
    ),
    _exercise(
        "curl_up",
        gettext_noop("Curl-up"),
        (
            gettext_noop("Lie on your back, one knee bent, hands under your lower back."),
            gettext_noop("Lift your head and shoulders a little; keep your neck long."),
            gettext_noop("Hold, then lower slowly."),
        ),
        gettext_noop("Your tummy muscles working, not your neck."),
        gettext_noop("Stop if your back or neck hurts."),
    ),
    _exercise(
        "four_point_core",
        gettext_noop("Deep tummy muscles, on hands and knees"),
        (
            gettext_noop("Kneel on your hands and knees, back flat."),
            gettext_noop("Breathe out and gently draw your belly in, without moving your back."),
            gettext_noop("Hold for a few breaths, then relax."),
        ),
        gettext_noop("A gentle tightening low in the tummy."),
        gettext_noop("Stop if you feel pain in your back or pelvis."),
    ),
    _exercise(
        "bridge",
        gettext_noop("Bridge"),
        (
            gettext_noop("Lie on your back, knees bent, feet flat and hip-width apart."),
            gettext_noop("Squeeze your buttocks and lift your hips in line with your knees."),
            gettext_noop("Hold for two seconds, then lower slowly."),
        ),
        gettext_noop("Your buttocks working."),
        gettext_noop("If the back of the thigh starts to cramp, stop and rest."),
    ),
    _exercise(
        "clamshell",
        gettext_noop("Clamshell"),
        (
            gettext_noop("Lie on your side, hips and knees bent, heels together."),
            gettext_noop("Keep your feet together and lift the top knee."),
            gettext_noop("Lower slowly; do not let your hips roll back."),
        ),
        gettext_noop("Work at the side of your buttock."),
        gettext_noop("Stop if your hip hurts."),
    ),
    _exercise(
        "side_lying_hip_abduction",
        gettext_noop("Side-lying leg lift"),
        (
            gettext_noop("Lie on your side, the bottom knee bent for balance."),
            gettext_noop("Keep the top leg straight, toes pointing forward."),
            gettext_noop("Lift the leg, then lower it slowly."),
        ),
        gettext_noop("Work at the side of your hip."),
        gettext_noop("Stop if your hip or back hurts."),
    ),
    _exercise(
        "bridge_walkout",
        gettext_noop("Bridge walk-out"),
        (
            gettext_noop("Lift into a bridge."),
            gettext_noop("Take small steps out with your heels, then walk them back."),
            gettext_noop("Lower slowly."),
        ),
        gettext_noop("Work at the back of your thighs."),
        gettext_noop("If the back of the thigh starts to cramp, stop and rest."),
    ),
    _exercise(
        "heel_raise",
        gettext_noop("Heel raises"),
        (
            gettext_noop("Stand holding a counter or the back of a chair."),
            gettext_noop("Rise onto the balls of both feet, then lower slowly."),
            gettext_noop("When this is easy, do it on one leg."),
        ),
        gettext_noop("Work in your calves."),
        gettext_noop("Stop if the calf cramps; stretch it gently."),
    ),
    _exercise(
        "sit_to_stand",
        gettext_noop("Sit to stand"),
        (
            gettext_noop("Sit near the front of a firm chair, feet flat."),
            gettext_noop("Stand up without using your hands."),
            gettext_noop("Sit down again slowly."),
        ),
        gettext_noop("Work at the front of your thighs."),
        gettext_noop("Stop if your knees hurt."),
    ),
    _exercise(
        "toe_raise",
        gettext_noop("Toe raises"),
        (
            gettext_noop("Stand with your back near a wall."),
            gettext_noop("Keep your heels down and lift your toes and the front of your feet."),
            gettext_noop("Lower slowly. With a band: pull the foot up against it, sitting."),
        ),
        gettext_noop("Work at the front of your shins."),
        gettext_noop("Stop if the shin or calf cramps."),
    ),
    _exercise(
        "towel_gather",
        gettext_noop("Towel gathering with the toes"),
        (
            gettext_noop("Sit with your foot, in a sock, on a towel on the floor."),
            gettext_noop("Curl your toes to pull the towel toward you."),
            gettext_noop("Relax and start again."),
        ),
        gettext_noop("Work under your foot."),
        gettext_noop("Stop if the foot cramps."),
    ),
    _exercise(
        "short_foot",
        gettext_noop("Short foot"),
        (
            gettext_noop("Sit or stand with your foot flat on the floor."),
            gettext_noop("Draw the ball of the foot toward the heel; do not curl the toes."),
            gettext_noop("The arch lifts: hold for five seconds, then relax."),
        ),
        gettext_noop("The arch lifting and the muscles under the foot working."),
        gettext_noop("Stop if the foot cramps."),
    ),
    _exercise(
        "short_foot_seated",
        gettext_noop("Short foot, sitting, in socks or shoes"),
        (
            gettext_noop("Sit with your feet flat, in socks or shoes."),
            gettext_noop("Draw the ball of the foot toward the heel; do not curl the toes."),
            gettext_noop("Hold for five seconds; afterwards check your feet for marks."),
        ),
        gettext_noop("The arch lifting and the muscles under the foot working."),
        gettext_noop("Stop if the foot cramps. Never walk barefoot."),
        figure="short_foot",
    ),
    _exercise(
        "wrist_curl",
        gettext_noop("Wrist curls and grip"),
        (
            gettext_noop("Sit with your forearm on your thigh, palm up, a light weight in hand."),
            gettext_noop("Curl the wrist up, then lower it slowly."),
            gettext_noop("Then squeeze a soft ball a few times."),
        ),
        gettext_noop("Work in your forearm."),
        gettext_noop("Stop if your hand cramps or tingles."),
    ),
    _exercise(
        "band_row",
        gettext_noop("Rows with a band"),
        (
            gettext_noop("Tie a band to something solid at chest height."),
            gettext_noop("Pull the ends toward you, squeezing the shoulder blades together."),
            gettext_noop("Let the band back slowly."),
        ),
        gettext_noop("Work between your shoulder blades."),
        gettext_noop("Stop if your neck or shoulder hurts."),
    ),
    _exercise(
        "sitting_posture",
        gettext_noop("Sitting well"),
        (
            gettext_noop("Sit back in the chair so your back is supported."),
            gettext_noop("Feet flat, legs uncrossed, ankles relaxed: toes not pointed."),
            gettext_noop("Every hour, notice if you have slumped, sit up again and stand up."),
        ),
        gettext_noop("Comfortable and upright, without effort."),
        gettext_noop("Change position whenever you feel stiff."),
    ),
    _exercise(
        "standing_posture",
        gettext_noop("Standing for a long time"),
        (
            gettext_noop("Shift your weight from one leg to the other."),
            gettext_noop("Rest one foot on a low step now and then."),
            gettext_noop("Take short breaks to sit or walk."),
        ),
        gettext_noop("Less tiredness in your legs and back."),
        gettext_noop("Sit down if your legs ache or cramp."),
    ),
    _exercise(
        "foam_roller_back",
        gettext_noop("Lower back on a foam roller or ball"),
        (
            gettext_noop("Lie on your back, knees bent, the roller or ball under the stiff spot."),
            gettext_noop("Let your weight rest on it and stay still: do not roll."),
            gettext_noop("Breathe slowly, then roll off to the side."),
        ),
        gettext_noop("Firm pressure that stays comfortable."),
        gettext_noop("Stop if you feel a sharp pain, tingling or numbness."),
    ),
    _exercise(
        "ball_neck",
        gettext_noop("Neck on a ball or rolled towel"),
        (
            gettext_noop("Lie on your back with a ball or a firm rolled towel under your neck."),
            gettext_noop("Place it under the stiff spot we showed you and stay still."),
            gettext_noop("Breathe slowly; do not roll."),
        ),
        gettext_noop("Firm pressure that stays comfortable."),
        gettext_noop("Stop if you feel dizzy, or your arm tingles or goes numb."),
    ),
    _exercise(
        "sleep_back_pillow",
        gettext_noop("Sleeping on your back"),
        (
            gettext_noop("Lie on your back with a pillow under your knees."),
            gettext_noop("Keep the bedclothes loose so your feet do not point down."),
        ),
        gettext_noop("Your calves relaxed."),
        gettext_noop("If a cramp wakes you, stand up and put your weight on that leg."),
    ),
    _exercise(
        "sleep_side_pillow",
        gettext_noop("Sleeping on your side"),
        (
            gettext_noop("Lie on your side with a pillow between your knees."),
            gettext_noop("Keep the bedclothes loose so your feet do not point down."),
        ),
        gettext_noop("Your hips and back at ease."),
        gettext_noop("If a cramp wakes you, stand up and put your weight on that leg."),
    ),
    _exercise(
        "heel_walking",
        gettext_noop("Heel walking"),
        (
            gettext_noop("Stand near a wall or a counter."),
            gettext_noop("Lift your toes and walk on your heels."),
        ),
        gettext_noop("Work at the front of your shins while your calves relax."),
        gettext_noop("Stop if you feel unsteady."),
    ),
    _exercise(
        "easy_cycling",
        gettext_noop("Easy cycling before bed"),
        (
            gettext_noop("Pedal easily on an exercise bike."),
            gettext_noop("Keep it light: you should be able to talk."),
        ),
        gettext_noop("Your legs loosening."),
        gettext_noop("Stop if you feel chest pain, dizziness or leg pain."),
    ),
)
EXERCISES_BY_KEY = {exercise.key: exercise for exercise in EXERCISES}
