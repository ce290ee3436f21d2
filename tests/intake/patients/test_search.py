"""Patient search as receptionists type it (issue 16): each matching rule, what it must not
match, and the order of exact and near matches. PostgreSQL-only tests use pg_trgm."""

from datetime import date

import pytest
from django.conf import settings
from django.urls import reverse
from hypothesis import given
from hypothesis import strategies as st

from intake.patients.forms import registration_initial
from intake.patients.search import (
    MIN_TYPO_WORD,
    _could_be_one_edit,
    near_names,
    near_patients,
    one_edit_apart,
    search_patients,
)
from tests.factories import PatientFactory

ON_POSTGRESQL = settings.DATABASES["default"]["ENGINE"].endswith("postgresql")
needs_postgresql = pytest.mark.skipif(not ON_POSTGRESQL, reason="pg_trgm needs PostgreSQL")


@pytest.fixture
def registry(db):
    people = [
        ("rose", "Rose", "Gagnon", "+14382000104"),
        ("marc", "Marc", "Gagnon", "+14382005555"),
        ("robert", "Robert", "Gagnon-Tremblay", "+15145550199"),
        ("oneil", "Mary", "O'Neil", "+16135550104"),
        ("jp", "Jean-Pierre", "Côté", "+18195550123"),
        ("margaret", "Margaret", "Smith", "+12045550177"),
        ("margret", "Margret", "Jones", "+12045550178"),
        ("marjorie", "Marjorie", "Smith", "+12045550179"),
        ("rgagnon_first", "Gagnon", "Roy", "+12045550180"),
    ]
    return {
        key: PatientFactory(
            first_name=first, last_name=last, phone=phone, date_of_birth=date(1970, 1, 1)
        )
        for key, first, last, phone in people
    }


def found(query, **kwargs):
    return {p.pk for p in search_patients(query=query, **kwargs)}


def near(query, exact=()):
    return [p.pk for p in near_patients(query=query, exclude=exact)]


def pks(registry, *keys):
    return {registry[key].pk for key in keys}


def test_the_last_four_digits_of_a_phone_find_every_number_ending_so(registry):
    assert found("0104") == pks(registry, "rose", "oneil")


def test_any_part_of_a_phone_number_with_its_punctuation(registry):
    assert found("555-0104") == pks(registry, "oneil")
    assert found("(438) 200-0104") == pks(registry, "rose")
    assert found("438 200") == pks(registry, "rose", "marc")


def test_two_digits_are_a_record_number_not_a_phone_search(registry):
    assert found("04") <= {4}  # record number 000004 at most, no phone containing "04"


def test_last_comma_first_as_the_list_shows_names(registry):
    assert found("gagnon, r") == pks(registry, "rose", "robert")
    assert found("Gagnon, Rose") == pks(registry, "rose")
    assert found("gagnon,") == pks(registry, "rose", "marc", "robert", "rgagnon_first")


def test_last_comma_first_does_not_match_the_first_name_elsewhere(registry):
    # Roy Gagnon (first name "Gagnon") and Marc Gagnon: neither first name starts with "r"...
    # ... except Roy's first name, Gagnon, which does not start with r either.
    assert registry["marc"].pk not in found("gagnon, r")
    assert registry["rgagnon_first"].pk not in found("gagnon, r")


def test_names_without_apostrophes_hyphens_or_accents(registry):
    assert found("oneil") == pks(registry, "oneil")
    assert found("o'neil") == pks(registry, "oneil")
    assert found("O’Neil") == pks(registry, "oneil")
    assert found("jeanpierre cote") == pks(registry, "jp")
    assert found("jean pierre") == pks(registry, "jp")
    assert found("gagnontremblay") == pks(registry, "robert")


def test_every_word_must_match(registry):
    assert found("margaret jones") == set()
    assert found("mary neil") == pks(registry, "oneil")


def test_a_one_letter_typo_is_a_near_match_not_an_exact_one(registry):
    exact = found("Margret")
    assert exact == pks(registry, "margret")
    assert near("Margret", exact) == [registry["margaret"].pk]


def test_near_matches_need_the_other_words_exactly(registry):
    assert near("Margret smith") == [registry["margaret"].pk]
    assert near("Margret brown") == []


def test_two_typos_or_short_words_are_not_near_matches(registry):
    assert registry["margaret"].pk not in near("Mrgret")
    assert registry["marjorie"].pk not in near("Margret")
    assert near("Rse") == []  # under four letters: too many names are one letter apart


def test_a_name_holding_every_typed_word_is_no_near_match(registry):
    # "gagnon, r" finds Rose and Robert; Marc Gagnon's name merely contains an "r" somewhere,
    # and must not come back as a "similar name" either (it did on PostgreSQL).
    exact = found("gagnon, r")
    assert registry["marc"].pk not in near("gagnon, r", exact)
    assert near("gagnon, r", exact) == []


def test_phone_numbers_have_no_near_matches(registry):
    assert near("0105") == []


def test_one_edit_apart_is_one_letter_added_removed_changed_or_swapped():
    assert one_edit_apart("margret", "margaret")
    assert one_edit_apart("margaret", "margret")
    assert one_edit_apart("gagnan", "gagnon")
    assert one_edit_apart("gangon", "gagnon")
    assert not one_edit_apart("gagnon", "gagnon")
    assert not one_edit_apart("mrgret", "margaret")
    assert not one_edit_apart("gnagon", "gagnon")


_LETTERS = st.sampled_from("abcdeilmnorstu")


@st.composite
def _one_edit(draw):
    """A name word and the same word with one letter added, removed, changed or two swapped."""
    word = draw(st.text(_LETTERS, min_size=MIN_TYPO_WORD, max_size=12))
    at = draw(st.integers(0, len(word) - 1))
    letter = draw(_LETTERS)
    edit = draw(st.sampled_from(["add", "remove", "change", "swap"]))
    if edit == "add":
        typed = word[:at] + letter + word[at:]
    elif edit == "remove":
        typed = word[:at] + word[at + 1 :]
    elif edit == "change":
        typed = word[:at] + letter + word[at + 1 :]
    else:
        at = min(at, len(word) - 2)
        typed = word[:at] + word[at + 1] + word[at] + word[at + 2 :]
    return typed, word


@given(_one_edit())
def test_the_quick_check_never_drops_a_name_one_edit_away(pair):
    # The near search on SQLite skips one_edit_apart for names the quick check rules out; a
    # real one-edit typo, at the first letter or the last, must always pass it.
    typed, word = pair
    if one_edit_apart(typed, word):
        assert _could_be_one_edit(typed, word)


_NAME = st.lists(st.text(_LETTERS, min_size=1, max_size=7), min_size=1, max_size=3).map(" ".join)


@given(st.lists(_NAME, max_size=30), _NAME)
def test_near_names_keeps_each_name_with_every_word_found_and_one_typo_at_least(names, query):
    # What the near search on SQLite returns, checked name by name against the rule itself
    # (it works the edit distance out once per distinct word of the registry instead).
    words = query.split()

    def near(name):
        typos = 0
        for word in words:
            if word in name:
                continue
            if len(word) >= MIN_TYPO_WORD and any(
                one_edit_apart(word, part) for part in name.split()
            ):
                typos += 1
                continue
            return False
        return typos > 0

    rows = list(enumerate(names))
    assert near_names(rows, words) == [key for key, name in rows if near(name)]


def test_near_names_finds_a_letter_missing_and_not_two():
    rows = [(1, "margaret smith"), (2, "marjorie smith"), (3, "margret smith"), (4, "mgret lee")]
    assert near_names(rows, ["margret"]) == [1]
    assert near_names(rows, ["margret", "smith"]) == [1]
    assert near_names(rows, ["margret", "lee"]) == []


class TestTheSearchPage:
    def page(self, client, q):
        response = client.get(reverse("patient_list"), {"q": q})
        assert response.status_code == 200
        return response

    def test_exact_matches_come_first_then_similar_names_marked_so(
        self, front_desk_client, registry
    ):
        response = self.page(front_desk_client, "Margret")
        assert [p.pk for p in response.context["page"].object_list] == [registry["margret"].pk]
        assert [p.pk for p in response.context["near"]] == [registry["margaret"].pk]
        html = response.content.decode()
        assert html.index("Jones, Margret") < html.index("Smith, Margaret")
        assert html.count('data-testid="near-match"') == 1
        assert "Marjorie" not in html

    def test_a_typo_alone_lists_the_similar_name_and_still_offers_registration(
        self, front_desk_client, registry
    ):
        html = self.page(front_desk_client, "Margeret Smith").content.decode()
        assert "Smith, Margaret" in html
        assert "No patient matches exactly" in html
        assert "first_name=Margeret&amp;last_name=Smith" in html

    def test_no_match_carries_the_typed_name_into_registration(self, front_desk_client, registry):
        html = self.page(front_desk_client, "tremblay, lucie").content.decode()
        assert "No patient matches this search." in html
        assert 'href="/patients/new/?first_name=Lucie&amp;last_name=Tremblay"' in html

        form = front_desk_client.get("/patients/new/?first_name=Lucie&last_name=Tremblay")
        assert form.context["form"]["first_name"].value() == "Lucie"
        assert form.context["form"]["last_name"].value() == "Tremblay"

    def test_a_search_with_results_offers_no_registration_link(self, front_desk_client, registry):
        assert "register-from-search" not in self.page(front_desk_client, "oneil").content.decode()


def test_registration_initial_from_the_search_text():
    assert registration_initial("gagnon, rose") == {"first_name": "Rose", "last_name": "Gagnon"}
    assert registration_initial("Rose McDonald") == {"first_name": "Rose", "last_name": "McDonald"}
    assert registration_initial("o'neil") == {"last_name": "O'Neil"}
    assert registration_initial("555-0104") == {"phone": "555-0104"}
    assert registration_initial("  ") == {}


@needs_postgresql
def test_postgresql_ranks_typo_matches_by_trigram_closeness(registry):
    PatientFactory(first_name="Margarette", last_name="Lee", phone="+12045550190")
    result = near("Margret", exact=found("Margret"))
    margarette = result[1]
    assert result[0] == registry["margaret"].pk  # closer than Margarette
    assert margarette not in found("Margret")
    assert registry["marjorie"].pk not in result


@needs_postgresql
def test_postgresql_uses_the_trigram_indexes(registry):
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT indexname FROM pg_indexes WHERE tablename = 'intake_patient' "
            "AND indexdef LIKE '%gin_trgm_ops%'"
        )
        names = {row[0] for row in cursor.fetchall()}
    assert {"intake_patient_search_name_trgm", "intake_patient_phone_trgm"} <= names


@needs_postgresql
def test_the_trigram_indexes_take_each_new_name_directly_not_through_a_pending_list(registry):
    # A GIN index's pending list is read in full by every search until a vacuum merges it:
    # after 100,000 registrations it held 10,000 names and made a near-match search ten times
    # slower. With fastupdate off a registration updates the index itself.
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT c.relname, c.reloptions FROM pg_class c WHERE c.relname IN "
            "('intake_patient_search_name_trgm', 'intake_patient_phone_trgm')"
        )
        options = dict(cursor.fetchall())
    assert options == {
        "intake_patient_search_name_trgm": ["fastupdate=off"],
        "intake_patient_phone_trgm": ["fastupdate=off"],
    }


@needs_postgresql
def test_a_new_registration_leaves_nothing_pending_in_the_name_index(registry):
    from django.db import connection

    with connection.cursor() as cursor:
        # pgstattuple (PostgreSQL's contrib) reads the pending list; creating it takes a
        # superuser (CI's database user is one).
        cursor.execute("SELECT current_setting('is_superuser') = 'on'")
        if not cursor.fetchone()[0]:
            pytest.skip("reading a GIN index's pending list needs pgstattuple, a superuser's")
        cursor.execute("CREATE EXTENSION IF NOT EXISTS pgstattuple")
        PatientFactory(first_name="Nadia", last_name="Pending", phone="+14385550142")
        cursor.execute("SELECT (pgstatginindex('intake_patient_search_name_trgm')).pending_tuples")
        assert cursor.fetchone()[0] == 0
    assert [p.last_name for p in search_patients(query="pending")] == ["Pending"]


@needs_postgresql
def test_postgresql_looks_up_near_matches_in_the_trigram_index_not_the_whole_registry(registry):
    # Replays the statements the near search sends, the last one explained: the registry is
    # small here, where a scan is what the planner would choose unless told otherwise (at
    # 100,000 patients that scan took 170-240 ms for a full name with no near match).
    from django.db import connection, transaction
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        near_patients(query="Rose Gagnon", exclude=found("Rose Gagnon"))
    statements = [q["sql"] for q in queries.captured_queries if q["sql"].startswith("SELECT")]
    *settings_sent, lookup = statements
    with transaction.atomic(), connection.cursor() as cursor:
        for statement in settings_sent:
            cursor.execute(statement)
        cursor.execute("EXPLAIN " + lookup)
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert "intake_patient_search_name_trgm" in plan
    assert "Seq Scan on intake_patient" not in plan


@needs_postgresql
def test_postgresql_connections_cost_random_reads_as_on_ssd(db):
    # At the default 4.0, a name matching a few thousand of 100,000 patients read the table.
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SHOW random_page_cost")
        assert cursor.fetchone()[0] == "1.1"
