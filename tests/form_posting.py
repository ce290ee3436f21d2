"""What a browser would post back from a page's form, read from the HTML the server sent.

Round-trip tests use it to "reopen and save again unchanged" without building the POST data by
hand: every text, number, date and hidden input with its value, ticked checkboxes and radios
only, each select's selected option (or its first, as a browser does), textareas' text.
"""

from html.parser import HTMLParser


class _FormReader(HTMLParser):
    def __init__(self, form_class):
        super().__init__(convert_charrefs=True)
        self.form_class = form_class
        self.in_form = False
        self.data: list[tuple[str, str]] = []
        self._select = None  # [name, first value, selected value]
        self._option = None  # [value or None, text, selected]
        self._textarea = None  # [name, text]

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            classes = (attrs.get("class") or "").split()
            self.in_form = self.form_class is None or self.form_class in classes
            return
        if not self.in_form:
            return
        name = attrs.get("name")
        if tag == "input" and name:
            kind = (attrs.get("type") or "text").lower()
            if kind in ("checkbox", "radio"):
                if "checked" in attrs:
                    self.data.append((name, attrs.get("value", "on")))
            elif kind not in ("submit", "button", "reset", "file", "image"):
                self.data.append((name, attrs.get("value") or ""))
        elif tag == "select" and name:
            self._select = [name, None, None]
        elif tag == "option" and self._select is not None:
            self._option = [attrs.get("value"), "", "selected" in attrs]
        elif tag == "textarea" and name:
            self._textarea = [name, ""]

    def handle_data(self, data):
        if self._option is not None:
            self._option[1] += data
        if self._textarea is not None:
            self._textarea[1] += data

    def handle_endtag(self, tag):
        if tag == "form":
            self.in_form = False
        elif tag == "option" and self._option is not None and self._select is not None:
            value, text, selected = self._option
            value = text.strip() if value is None else value
            if self._select[1] is None:
                self._select[1] = value
            if selected:
                self._select[2] = value
            self._option = None
        elif tag == "select" and self._select is not None:
            name, first, selected = self._select
            chosen = selected if selected is not None else first
            if chosen is not None:
                self.data.append((name, chosen))
            self._select = None
        elif tag == "textarea" and self._textarea is not None:
            name, text = self._textarea
            # The HTML parser keeps the newline browsers drop after <textarea>.
            self.data.append((name, text[1:] if text.startswith("\n") else text))
            self._textarea = None


def posted_data(html, form_class=None):
    """The form's fields as the browser posts them: {name: value or [values]}."""
    reader = _FormReader(form_class)
    reader.feed(html)
    data: dict[str, list[str]] = {}
    for name, value in reader.data:
        data.setdefault(name, []).append(value)
    return {name: values[0] if len(values) == 1 else values for name, values in data.items()}
