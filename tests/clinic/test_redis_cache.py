"""Sessions in Redis (CACHE_URL): the cache keeps its redis client and stays shared by workers.

Against the local Redis server (a database of these tests' own); skipped where none answers.
"""

import pytest
from django.contrib.sessions.backends.cached_db import SessionStore
from django.test import override_settings
from django.urls import reverse

from clinic.redis_cache import ClinicRedisCache

LOCATION = "redis://127.0.0.1:6379/14"


def _redis_answers():
    try:
        import redis

        return bool(redis.Redis.from_url(LOCATION, socket_connect_timeout=0.5).ping())
    except Exception:  # no server here: the database serves sessions
        return False


pytestmark = pytest.mark.skipif(not _redis_answers(), reason="no Redis server on 127.0.0.1")
CACHES = {"default": {"BACKEND": "clinic.redis_cache.ClinicRedisCache", "LOCATION": LOCATION}}


def _worker():
    """The cache as one gunicorn worker holds it."""
    return ClinicRedisCache(LOCATION, {})


@pytest.fixture(autouse=True)
def empty_test_database():
    _worker()._cache.get_client(write=True).flushdb()
    yield
    _worker()._cache.get_client(write=True).flushdb()


def test_values_go_in_and_out_and_one_client_serves_every_call():
    cache = _worker()
    cache.set("plan:7", {"items": ["calf stretch"]}, 30)
    assert cache.get("plan:7") == {"items": ["calf stretch"]}
    assert cache.get_many(["plan:7", "missing"]) == {"plan:7": {"items": ["calf stretch"]}}
    assert cache._cache.get_client() is cache._cache.get_client()
    cache.delete("plan:7")
    assert cache.get("plan:7") is None


def test_what_one_worker_writes_or_deletes_the_other_sees_at_once():
    one, other = _worker(), _worker()
    one.set("session", "signed in", 30)
    assert other.get("session") == "signed in"
    other.delete("session")
    assert one.get("session") is None


@override_settings(CACHES=CACHES, SESSION_ENGINE="django.contrib.sessions.backends.cached_db")
@pytest.mark.django_db
def test_a_signed_in_session_lives_in_redis_and_signing_out_ends_it(practitioner_client):
    page = reverse("patient_list")
    assert practitioner_client.get(page).status_code == 200
    key = practitioner_client.cookies["sessionid"].value
    in_redis = SessionStore.cache_key_prefix + key
    assert _worker().get(in_redis)  # the page put it there; the next pages read it from there
    assert SessionStore(key).load()

    practitioner_client.post(reverse("logout"))
    assert _worker().get(in_redis) is None
    assert SessionStore(key).load() == {}
    assert practitioner_client.get(page).status_code == 302
