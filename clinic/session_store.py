"""Django's database session store, reading the session row with SQL compiled once.

SESSION_ENGINE when sessions live in the database alone (no CACHE_URL, as under `make run`):
every request reads its session, and building that SELECT through the ORM each time cost more
than running it (see clinic.row_lookup). Same row, same expiry rule, same writes.
"""

from functools import cache

from django.contrib.sessions.backends import db
from django.utils import timezone

from clinic.row_lookup import RowLookup


@cache
def _session_row():
    return RowLookup(db.SessionStore.get_model_class(), "session_key", "k" * 32)


class SessionStore(db.SessionStore):
    def _get_session_from_db(self):
        session = _session_row().get(self.session_key)
        # Django's own store asks the database for `expire_date > now`; an expired row is
        # the same as none (and clearsessions deletes it later).
        if session is None or session.expire_date <= timezone.now():
            self._session_key = None
            return None
        return session
