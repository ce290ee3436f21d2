"""Assemble the resources of one patient into a Bundle and validate it with fhir.resources.

fhir.resources (its R4B package: FHIR 4.3, the same structure as R4 for every resource used
here) checks structure and types; the code values are checked against their value sets in
tests/interop/test_fhir_export.py.
"""

import json

from django.utils import timezone
from fhir.resources.R4B import get_fhir_model_class

from assessments import outcomes as outcome_registry
from interop.fhir import history, observations, people, plans, questionnaires
from interop.fhir.codes import instant

FHIR_JSON = "application/fhir+json"


def validated(resource):
    """The resource parsed by its fhir.resources model: raises on any structural error."""
    return get_fhir_model_class(resource["resourceType"]).model_validate(resource)


def _practitioners(record):
    users = {}
    for intake in record.intakes:
        for user in (intake.created_by, intake.confirmed_by):
            if user is not None:
                users[user.pk] = user
    for exam in record.exams:
        users[exam.practitioner.pk] = exam.practitioner
    for measure in record.outcomes:
        if measure.recorded_by is not None:
            users[measure.recorded_by.pk] = measure.recorded_by
    for plan in record.plans:
        for user in (plan.created_by, plan.signed_by):
            if user is not None:
                users[user.pk] = user
    return [people.practitioner_resource(user) for user in users.values()]


def everything(record, *, document_url):
    """Every resource of the patient's record, Patient first, as plain dicts."""
    resources = [people.patient_resource(record.patient), *_practitioners(record)]
    resources.append(questionnaires.intake_questionnaire())
    for code in sorted({measure.instrument for measure in record.outcomes}):
        instrument = outcome_registry.get_instrument(code)
        resources.append(questionnaires.outcome_questionnaire(instrument))
    for intake in record.intakes:
        resources.append(questionnaires.intake_response(intake))
        provenance = plans.intake_provenance(intake)
        if provenance:
            resources.append(provenance)
    if record.history_intake is not None:
        resources.extend(history.conditions(record.history_intake))
        resources.extend(history.medication_resources(record.history_intake))
    for measure in record.outcomes:
        resources.append(questionnaires.outcome_response(measure))
        resources.append(observations.outcome_observation(measure))
    for exam in record.exams:
        resources.extend(observations.exam_observations(exam))
    for plan in record.plans:
        resources.extend(plans.plan_resources(plan))
        document = plans.plan_document(plan, document_url=document_url(plan))
        if document:
            resources.append(document)
        provenance = plans.plan_provenance(plan, document)
        if provenance:
            resources.append(provenance)
    return resources


def _without_nulls(node):
    """FHIR has no null: an element without a value is left out."""
    if isinstance(node, dict):
        return {k: _without_nulls(v) for k, v in node.items() if v is not None and v != []}
    if isinstance(node, list):
        return [_without_nulls(v) for v in node]
    return node


def bundle_json(resources, *, full_url):
    """The Bundle (type collection) as JSON text.

    The whole bundle is validated once by fhir.resources (which validates each entry's resource
    by its own model) before it is sent: a structural mistake fails loudly here, never in the
    receiving system. The JSON sent is the validated dict itself (dumping the models again
    would double the time of an export for the same text).
    """
    bundle = _without_nulls(
        {
            "resourceType": "Bundle",
            "type": "collection",
            "timestamp": instant(timezone.now()),
            "entry": [
                {
                    "fullUrl": full_url(resource["resourceType"], resource["id"]),
                    "resource": resource,
                }
                for resource in resources
            ],
        }
    )
    validated(bundle)
    return json.dumps(bundle, ensure_ascii=False)


def resource_json(resource):
    resource = _without_nulls(resource)
    validated(resource)
    return json.dumps(resource, ensure_ascii=False)
