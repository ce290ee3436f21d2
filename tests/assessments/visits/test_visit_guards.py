"""On PostgreSQL, raw SQL cannot change a signed note, a discharged episode, an addendum, a
re-assessment or a stored episode document (migration 0013_episode_guards)."""

import pytest
from django.db import IntegrityError, connection, transaction

from assessments.visits import review_services, services
from tests.assessments.visits.episode_builder import (
    all_done,
    signed_plan_with_baseline,
    signed_visit,
    visit_data,
)

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="the database-level guards are PostgreSQL triggers; SQLite keeps the model guards",
    ),
]


def refused(sql, params):
    try:
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(sql, params)
    except IntegrityError:
        return True
    return False


def test_raw_sql_cannot_change_signed_or_discharged_records(practitioner):
    plan = signed_plan_with_baseline(practitioner)
    draft = services.visit_record(
        plan=plan, data=visit_data(), treatment=all_done(plan), by=practitioner
    )
    visit = signed_visit(plan, practitioner)
    addendum = services.visit_addendum(
        visit=visit, text="NPRS was 3", reason="Typed the wrong score", by=practitioner
    )
    assert not refused("UPDATE assessments_visit SET objective = 'x' WHERE id = %s", [draft.pk])
    assert refused("UPDATE assessments_visit SET objective = 'x' WHERE id = %s", [visit.pk])
    assert refused("DELETE FROM assessments_visit WHERE id = %s", [draft.pk])
    assert refused("UPDATE assessments_visitaddendum SET text = 'x' WHERE id = %s", [addendum.pk])

    services.visit_save(
        visit=draft,
        data=visit_data(),
        treatment=all_done(plan),
        expected_version=draft.version,
        by=practitioner,
        sign=True,
    )
    episode = visit.episode
    episode.refresh_from_db()
    review_services.episode_discharge(
        episode=episode,
        reason="goals_met",
        notes="",
        home_programme="",
        doctor_name="",
        expected_version=episode.version,
        by=practitioner,
    )
    assert refused("UPDATE assessments_episode SET status = 'open' WHERE id = %s", [episode.pk])
    document = episode.documents.get()
    assert refused(
        "UPDATE assessments_episodedocument SET sha256 = '' WHERE id = %s", [document.pk]
    )
