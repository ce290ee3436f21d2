"""Hostile and random input, shared by the property tests that post it: the values, the
hypothesis strategies, and the checks every such test makes."""

import contextlib

from django.db import transaction
from hypothesis import HealthCheck, event, settings
from hypothesis import strategies as st

PROPERTY = settings(
    max_examples=int(__import__("os").environ.get("HOSTILE_EXAMPLES", 25)),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

SCRIPT = '<script>alert("x")</script>'
HOSTILE_TEXT = [
    "",
    " ",
    "A\x00B",
    "\x00",
    "\x01\x02\x07\x08\x0b\x0c\x1b[31mred\x7f",
    "line\r\nbreak\ttab",
    SCRIPT,
    '"><img src=x onerror=alert(1)>',
    "<b>bold</b> & S&P 500 <",
    "{{ request.user }} {% now 'Y' %}",
    "'; DROP TABLE intake_patient; --",
    "🙂🧠🦵🏽👩‍⚕️",
    "Zoë Ñandú Łukasz 李小龙 مرحبا",
    "\u202eevil\u202c",
    "\ufeff\u200b\u200d",
    "x" * 5000,
    "é" * 101,
    "%s %d %(name)s {0}",
    "../../etc/passwd",
    "-1",
    "1e309",
]
HOSTILE_NUMBERS = [
    "abc",
    "-1",
    "-99999999999999999999",
    "99999999999999999999",
    "9" * 400,
    "1e309",
    "-1e309",
    "NaN",
    "inf",
    "-Infinity",
    "1,5",
    "1.2.3",
    "0x10",
    "１２",
    "٣",
    "3.7",
    " 4 ",
    "\x00",
    SCRIPT,
    "",
]
HOSTILE_DATES = [
    "0000-00-00",
    "0001-01-01",
    "9999-12-31",
    "2026-02-30",
    "31/12/2020",
    "yesterday",
    "2020-1-1\x00",
    "",
]

text = st.one_of(
    st.sampled_from(HOSTILE_TEXT),
    st.text(max_size=300),
    st.text(alphabet=st.characters(max_codepoint=0x1F), max_size=20),
    st.builds(lambda ch, n: ch * n, st.characters(codec="utf-8"), st.integers(90, 3000)),
)
number = st.one_of(
    st.sampled_from(HOSTILE_NUMBERS),
    st.integers(min_value=-(10**30), max_value=10**30).map(str),
    st.floats(allow_nan=True, allow_infinity=True).map(str),
    text,
)
anything = st.one_of(text, number, st.sampled_from(HOSTILE_DATES), st.lists(text, max_size=3))


def hostile_overrides(fields, values=anything):
    """A few of the given fields, each set to a hostile value (or a list of them)."""
    return st.dictionaries(st.sampled_from(sorted(fields)), values, min_size=1, max_size=6)


@contextlib.contextmanager
def rolled_back():
    with transaction.atomic():
        yield
        transaction.set_rollback(True)


def assert_no_server_error(response):
    event(f"status {response.status_code}")
    assert response.status_code in {200, 302, 400}, response.status_code
