"""Schemathesis against the API's own OpenAPI document, through Django's WSGI application.

A bounded number of generated requests per operation (valid and invalid input, with a
practitioner's key): no answer may be a server error, and every answer must be one the document
declares, in the declared media type and shape. Run in the normal test suite (well under a
minute); raise MAX_EXAMPLES locally to search harder.
"""

import pytest
import schemathesis
from django.core.cache import cache
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from clinic.wsgi import application
from tests.factories import IntakeFactory, PatientFactory
from tests.interop.records import issue_key

MAX_EXAMPLES = 12
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]


# Loaded through the app itself, as a client would fetch it (no database needed for it).
schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", application)


@pytest.fixture(autouse=True)
def _keep_the_test_connection():
    """The WSGI handler closes the database connection after each request; inside a test's
    transaction that would close it under the test (Django's test client disconnects the same
    receivers)."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def practitioner_key(db):
    cache.clear()
    # Some records for the generated ids to find (small ids are tried first).
    for _ in range(3):
        IntakeFactory(patient=PatientFactory())
    _key, secret = issue_key("Practitioner", rate_limit_per_minute=100_000)
    return secret


@pytest.mark.django_db
@schema.parametrize()
@settings(
    max_examples=MAX_EXAMPLES,
    deadline=None,
    derandomize=True,
    suppress_health_check=list(HealthCheck),
)
def test_the_api_answers_every_generated_request_as_documented(case, practitioner_key):
    case.call_and_validate(headers={"Authorization": f"Bearer {practitioner_key}"}, checks=CHECKS)
