"""The intake and exam forms rendered in Python (clinic.form_layout) keep what crispy gave:
labels tied to inputs, the required marker, errors and help text linked for screen readers,
answers kept after an invalid post, user text escaped, and every hidden field (the version)."""

from html.parser import HTMLParser

import pytest
from crispy_forms.helper import FormHelper
from crispy_forms.layout import Fieldset, Layout
from django import forms
from django.template import Context, Template

from assessments.exams.forms import ExamForm
from clinic.form_layout import render_layout
from intake.intakes.forms import IntakeForm
from intake.models import Intake


class Elements(HTMLParser):
    def __init__(self, html):
        super().__init__(convert_charrefs=True)
        self.tags = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def find(self, tag, **wanted):
        return [
            attrs
            for name, attrs in self.tags
            if name == tag and all(attrs.get(k.rstrip("_")) == v for k, v in wanted.items())
        ]


def exam_html(form):
    return "".join(render_layout(form, helper) for _key, _heading, helper in form.sections())


@pytest.mark.django_db
def test_a_required_field_has_its_label_marker_and_linked_error_and_help():
    form = ExamForm(data={"examined_on": "yesterday-ish"})
    assert not form.is_valid()
    html = exam_html(form)
    page = Elements(html)

    (box,) = page.find("input", name="examined_on")
    assert box["id"] == "id_examined_on"
    assert box["aria-invalid"] == "true"
    assert box["aria-describedby"] == "id_examined_on_helptext id_examined_on_error"
    assert "is-invalid" in box["class"].split()
    assert page.find("label", for_="id_examined_on")
    assert '<span class="asteriskField">*</span>' in html
    assert 'id="id_examined_on_error"' in html and "is not a date written as" in html
    assert 'id="id_examined_on_helptext"' in html


@pytest.mark.django_db
def test_questions_with_choices_are_fieldsets_and_keep_what_was_chosen():
    data = {"tingling": "yes", "cramp_muscles": ["calf", "foot"], "complaint": "<b>cramps</b>"}
    form = IntakeForm(data=data, instance=Intake(), submitting=True)
    form.is_valid()
    html = str(render_layout(form))
    page = Elements(html)

    (yes,) = page.find("input", name="tingling", value="yes")
    assert "checked" in yes and yes["type"] == "radio"
    assert page.find("label", for_=yes["id"])
    ticked = [a["value"] for a in page.find("input", name="cramp_muscles") if "checked" in a]
    assert ticked == ["calf", "foot"]
    assert "&lt;b&gt;cramps&lt;/b&gt;</textarea>" in html  # typed text escaped, kept
    assert "<b>cramps</b>" not in html
    # A question left unanswered at submission: its error names it, its fieldset points at it.
    assert 'aria-describedby="id_red_flag_saddle_numbness_error"' in html
    assert "Please answer this question before submitting." in html


class Thing(forms.Form):
    name = forms.CharField(label="Name <of the thing>", max_length=20)
    token = forms.CharField(widget=forms.HiddenInput, initial="7")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.render_hidden_fields = True
        self.helper.layout = Layout(Fieldset("Thing", "name"))  # the hidden field not named


def test_hidden_fields_go_out_even_when_the_layout_does_not_name_them():
    html = str(render_layout(Thing()))
    (token,) = Elements(html).find("input", name="token")
    assert token["type"] == "hidden" and token["value"] == "7"
    assert "Name &lt;of the thing&gt;" in html
    assert "<legend>Thing</legend>" in html


def test_the_intake_sends_its_version_though_its_sections_do_not_name_it():
    form = IntakeForm(instance=Intake(pk=41, version=7))  # an intake being edited
    (version,) = Elements(str(render_layout(form))).find("input", name="version")
    assert version["type"] == "hidden" and version["value"] == "7"


@pytest.mark.django_db
@pytest.mark.parametrize("data", [None, {"examined_on": "x", "slr_left_degrees": "500"}])
def test_the_exam_posts_back_the_same_fields_as_crispy_rendered(data):
    def fields(html):
        return sorted(
            (a.get("name"), a.get("value"), a.get("type"))
            for a in Elements(html).find("input") + Elements(html).find("select")
        )

    ours = ExamForm(data=data) if data else ExamForm()
    theirs = ExamForm(data=data) if data else ExamForm()
    if data:
        ours.is_valid(), theirs.is_valid()
    template = Template("{% load crispy_forms_tags %}{% crispy form helper %}")
    crispy = "".join(
        template.render(Context({"form": theirs, "helper": helper}))
        for _key, _heading, helper in theirs.sections()
    )
    assert fields(exam_html(ours)) == fields(crispy)


def test_a_layout_object_it_does_not_know_is_left_to_crispy():
    from crispy_forms.layout import HTML

    form = Thing()
    form.helper.layout = Layout(HTML("<p>{{ greeting }}</p>"), "name")
    html = Template("{% load form_layout_tags %}{% render_layout form %}").render(
        Context({"form": form, "greeting": "Answer every question"})
    )
    assert "<p>Answer every question</p>" in html
    assert 'name="name"' in html and 'name="token"' in html
