"""A crispy-forms layout rendered in Python, with the markup crispy-bootstrap5 would produce.

crispy-forms renders every field through a chain of templates (the field, its label, each
radio button and option, its errors, its help text). For the intake (about 60 questions) and
the exam (about 80 findings) that was most of the page's time: issue 15's profile put the
template engine at 130 ms of the intake's 140 ms. Here the same layout objects (Layout,
Fieldset, Row, Column, Div, InlineCheckboxes, field names) keep describing the page, and this
module writes the same HTML in Python: labels tied to their inputs, the required marker, the
help text and errors with their aria-describedby/aria-invalid links, every hidden field.

The widgets' own `get_context()` gives their attributes and options (no template is rendered),
so a widget's attrs, choices and value formatting stay Django's. A layout object this module
does not know falls back to crispy's own rendering, so nothing silently disappears.

Non-field errors are not repeated here: each page shows them once at the top.
"""

import html

from crispy_forms.bootstrap import InlineCheckboxes
from crispy_forms.layout import Column, Div, Fieldset, Layout, Row
from crispy_forms.utils import TEMPLATE_PACK
from django import forms
from django.forms.utils import flatatt
from django.template import Context
from django.utils.html import format_html
from django.utils.safestring import mark_safe


def escape(value):
    """Escape for HTML like Django's conditional_escape, without its lazy-string wrapper (it
    was a third of this module's time)."""
    if hasattr(value, "__html__"):
        return str(value.__html__())
    return html.escape(str(value), quote=True)


_e = escape


def _flat(attrs):
    """Django's flatatt (True: the bare name; False and None: left out), escaped by _e."""
    return "".join(
        f" {key}" if value is True else f' {key}="{_e(value)}"'
        for key, value in attrs.items()
        if value is not False and value is not None
    )


def render_layout(form, helper=None, context=None):
    """The form's fields as crispy-bootstrap5 lays them out under `helper` (or form.helper)."""
    helper = helper if helper is not None else getattr(form, "helper", None)
    rendered = set()
    parts = []
    if helper is not None and helper.layout is not None:
        parts.append(_render_item(helper.layout, form, rendered, context))
        if helper.render_hidden_fields:
            parts.extend(str(bf) for bf in form.hidden_fields() if bf.name not in rendered)
    else:
        parts.extend(_field(form, name, rendered) for name in form.fields)
    return mark_safe("".join(parts))


def _render_item(item, form, rendered, context, *, inline=False):
    if isinstance(item, str):
        return _field(form, item, rendered, inline=inline)
    kind = type(item)
    if kind is Layout:
        return _children(item, form, rendered, context)
    if kind is Fieldset:
        legend = format_html("<legend>{}</legend>", item.legend) if item.legend else ""
        return format_html(
            "<fieldset{}>{}{}</fieldset>",
            _container_attrs(item, item.css_class),
            legend,
            _children(item, form, rendered, context),
        )
    if kind is Row:
        css = f"row {item.css_class or ''}".strip()
        return _div(item, css, form, rendered, context)
    if kind is Column:
        css = item.css_class or ""
        return _div(item, css if "col" in css else f"col-md {css}".strip(), form, rendered, context)
    if kind is Div:
        return _div(item, item.css_class or "", form, rendered, context)
    if kind is InlineCheckboxes:
        return mark_safe("".join(_field(form, name, rendered, inline=True) for name in item.fields))
    # Anything else (HTML, buttons, a layout object added later): crispy renders it.
    return item.render(form, context or Context(), template_pack=TEMPLATE_PACK)


def _children(item, form, rendered, context):
    return mark_safe("".join(_render_item(child, form, rendered, context) for child in item.fields))


def _container_attrs(item, css_class):
    attrs = {}
    if getattr(item, "css_id", None):
        attrs["id"] = item.css_id
    if css_class:
        attrs["class"] = css_class
    return mark_safe(flatatt(attrs) + (" " + item.flat_attrs if item.flat_attrs else ""))


def _div(item, css_class, form, rendered, context):
    return format_html(
        "<div{}>{}</div>",
        _container_attrs(item, css_class),
        _children(item, form, rendered, context),
    )


# --- One field (plain strings inside, marked safe once; every value passes through _e) -------


def _field(form, name, rendered, *, inline=False):
    rendered.add(name)
    bf = form[name]
    if bf.is_hidden:
        return str(bf)
    widget = bf.field.widget
    if isinstance(widget, (forms.RadioSelect, forms.CheckboxSelectMultiple)):
        markup = _choice_group(bf, inline=inline)
    elif isinstance(widget, forms.CheckboxInput):
        markup = _checkbox(bf)
    else:
        markup = _plain(bf)
    if bf.field.show_hidden_initial:
        # What the form was shown with, so that has_changed() works as with {{ field }}.
        markup += str(bf.as_hidden(only_initial=True))
    return mark_safe(markup)


def _required(bf):
    if bf.field.required:
        return " requiredField", '<span class="asteriskField">*</span>'
    return "", ""


def _widget_context(bf, css_class):
    """Django's own widget context (attrs, value, options) with crispy's classes added."""
    widget = bf.field.widget
    attrs = dict(widget.attrs)
    classes = f"{attrs.get('class', '')} {css_class}".split()
    attrs["class"] = " ".join(dict.fromkeys(classes))  # each once, in order
    # Django adds required, disabled, aria-invalid and aria-describedby (help text, errors).
    attrs = bf.build_widget_attrs(attrs)
    if bf.auto_id and "id" not in widget.attrs:
        attrs.setdefault("id", bf.auto_id)
    # The widget merges its own attrs under these: give it ours as the complete set.
    saved, widget.attrs = widget.attrs, {}
    try:
        return widget.get_context(bf.html_name, bf.value(), attrs)["widget"]
    finally:
        widget.attrs = saved


def _errors(bf):
    if not bf.errors:
        return ""
    auto_id = _e(bf.auto_id)
    messages = "".join(
        f'<span id="error_{n}_{auto_id}"><strong>{_e(error)}</strong></span>'
        for n, error in enumerate(bf.errors, start=1)
    )
    # d-block: Bootstrap shows .invalid-feedback only next to an .is-invalid input, and a
    # question's radio buttons sit one level down.
    return f'<div id="{auto_id}_error" class="invalid-feedback d-block">{messages}</div>'


def _help(bf):
    if not bf.help_text:
        return ""
    # Help texts are the app's own strings, shown as written (crispy marks them safe too).
    return f'<div id="{_e(bf.auto_id)}_helptext" class="form-text">{bf.help_text}</div>'


def _plain(bf):
    widget = bf.field.widget
    name = type(widget).__name__.lower()
    invalid = " is-invalid" if bf.errors else ""
    if isinstance(widget, forms.Select):
        control = _select(_widget_context(bf, f"{name} form-select{invalid}"))
    elif isinstance(widget, forms.Textarea):
        context = _widget_context(bf, f"{name} form-control{invalid}")
        text = _e(context["value"]) if context["value"] else ""
        control = (
            f'<textarea name="{_e(context["name"])}"{_flat(context["attrs"])}>\n{text}</textarea>'
        )
    else:
        control = _input(_widget_context(bf, f"{name} form-control{invalid}"))
    required_class, marker = _required(bf)
    label = ""
    if bf.label:
        label = (
            f'<label for="{_e(bf.id_for_label)}" class="form-label{required_class}">'
            f"{_e(bf.label)}{marker}</label>"
        )
    return (
        f'<div id="div_{_e(bf.auto_id)}" class="mb-3">{label}{control}{_errors(bf)}{_help(bf)}'
        "</div>"
    )


def _checkbox(bf):
    invalid = " is-invalid" if bf.errors else ""
    control = _input(_widget_context(bf, f"checkboxinput form-check-input{invalid}"))
    required_class, marker = _required(bf)
    return (
        f'<div class="mb-3"><div id="div_{_e(bf.auto_id)}" class="form-check">{control}'
        f'<label for="{_e(bf.id_for_label)}" class="form-check-label{required_class}">'
        f"{_e(bf.label)}{marker}</label>{_errors(bf)}{_help(bf)}</div></div>"
    )


def _choice_group(bf, *, inline):
    """Radio buttons or ticked boxes in a fieldset whose legend is the question."""
    context = _widget_context(bf, "")
    invalid = " is-invalid" if bf.errors else ""
    check_class = "form-check form-check-inline" if inline else "form-check"
    options = []
    for _group, group_options, _index in context["optgroups"]:
        for option in group_options:
            option_id = _e(option["attrs"].get("id", ""))
            attrs = {k: v for k, v in option["attrs"].items() if k not in {"class", "id"}}
            options.append(
                f'<div class="{check_class}"><input type="{option["type"]}" '
                f'class="form-check-input{invalid}" name="{_e(option["name"])}" '
                f'value="{_e(option["value"])}" id="{option_id}"{_flat(attrs)}>'
                f'<label for="{option_id}" class="form-check-label">{_e(option["label"])}'
                "</label></div>"
            )
    required_class, marker = _required(bf)
    described = bf.aria_describedby
    described = f' aria-describedby="{_e(described)}"' if described else ""
    return (
        f'<div id="div_{_e(bf.auto_id)}" class="mb-3"><fieldset{described}>'
        f'<legend class="form-label{required_class} fs-6">{_e(bf.label)}{marker}</legend>'
        f"<div>{''.join(options)}</div>{_errors(bf)}{_help(bf)}</fieldset></div>"
    )


# --- Widgets, as Django's templates write them ---------------------------------------------


def _input(context):
    value = context["value"]
    shown = "" if value is None else f' value="{_e(value)}"'
    return (
        f'<input type="{_e(context["type"])}" name="{_e(context["name"])}"{shown}'
        f"{_flat(context['attrs'])}>"
    )


def _select(context):
    options = []
    for group, group_options, _index in context["optgroups"]:
        rendered = "".join(
            f'<option value="{_e(option["value"])}"{_flat(option["attrs"])}>'
            f"{_e(option['label'])}</option>"
            for option in group_options
        )
        options.append(
            f'<optgroup label="{_e(group)}">{rendered}</optgroup>' if group else rendered
        )
    return (
        f'<select name="{_e(context["name"])}"{_flat(context["attrs"])}>{"".join(options)}</select>'
    )


def render_field(bound_field):
    """One field alone, as crispy's |as_crispy_field would write it."""
    return _field(bound_field.form, bound_field.name, set())
