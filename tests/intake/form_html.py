"""Read a rendered form back as a browser would submit it, from the page's HTML alone."""

from html.parser import HTMLParser

from django.utils.datastructures import MultiValueDict


class _FormReader(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.forms = []  # [MultiValueDict]
        self._form = None
        self._select = None  # (name, [(value, selected)])
        self._option = None
        self._textarea = None  # (name, [text])

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and (attrs.get("method") or "").lower() == "post":
            self._form = MultiValueDict()
            self.forms.append(self._form)
            return
        if self._form is None:
            return
        name = attrs.get("name")
        disabled = "disabled" in attrs
        if tag == "input" and name and not disabled:
            kind = (attrs.get("type") or "text").lower()
            if kind in {"submit", "button", "image", "reset", "file"}:
                return
            if kind in {"checkbox", "radio"}:
                if "checked" in attrs:
                    value = attrs.get("value")
                    self._form.appendlist(name, "on" if value is None else value)
                return
            self._form.appendlist(name, attrs.get("value") or "")
        elif tag == "select" and name and not disabled:
            self._select = (name, [], "multiple" in attrs)
        elif tag == "option" and self._select is not None:
            self._option = [attrs.get("value"), "selected" in attrs, []]
            self._select[1].append(self._option)
        elif tag == "textarea" and name and not disabled:
            self._textarea = (name, [])

    def handle_data(self, data):
        if self._textarea is not None:
            self._textarea[1].append(data)
        elif self._option is not None:
            self._option[2].append(data)

    def handle_endtag(self, tag):
        if tag == "form":
            self._form = None
        elif tag == "option":
            self._option = None
        elif tag == "select" and self._select is not None:
            name, options, multiple = self._select
            values = [
                (value if value is not None else "".join(text).strip())
                for value, _selected, text in options
            ]
            chosen = [v for v, (_, selected, _t) in zip(values, options, strict=True) if selected]
            if not chosen and options and not multiple:
                chosen = values[:1]  # a browser sends the first option when none is selected
            for value in chosen if multiple else chosen[-1:]:
                self._form.appendlist(name, value)
            self._select = None
        elif tag == "textarea" and self._textarea is not None:
            name, text = self._textarea
            value = "".join(text)
            # The HTML parser drops one newline straight after <textarea>, as browsers do.
            if value.startswith("\r\n"):
                value = value[2:]
            elif value.startswith("\n"):
                value = value[1:]
            self._form.appendlist(name, value)
            self._textarea = None


def posted_form(html, must_have="version"):
    """What the page's POST form holding the field ``must_have`` sends, as a browser sends it.

    A dict of lists, which the test client posts as repeated fields (a MultiValueDict would be
    posted with only its last value per name).
    """
    reader = _FormReader()
    reader.feed(html)
    matches = [form for form in reader.forms if must_have in form]
    assert len(matches) == 1, f"{len(matches)} forms with a {must_have!r} field"
    return dict(matches[0].lists())
