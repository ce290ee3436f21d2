"""Every home exercise has its own line drawing, made from the shared figure primitives."""

from reportlab.graphics.shapes import Drawing

from assessments.documents.figures.exercises import FIGURES, drawing
from assessments.documents.figures.primitives import HEIGHT, WIDTH
from assessments.reasoning.handout import EXERCISES


def test_every_exercise_names_a_drawing_and_every_drawing_is_used():
    figures = {exercise.figure for exercise in EXERCISES}
    assert figures == set(FIGURES)


def test_each_drawing_has_the_same_size_and_draws_something_inside_it():
    for key in FIGURES:
        d = drawing(key)
        assert isinstance(d, Drawing) and (d.width, d.height) == (WIDTH, HEIGHT)
        x0, y0, x1, y1 = d.getBounds()
        assert len(d.contents) >= 5, key
        inside = min(x0, y0) >= -3 and x1 <= WIDTH + 3 and y1 <= HEIGHT + 3
        assert inside, (key, d.getBounds())
