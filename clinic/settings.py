"""Settings for the clinic records app, read from the environment.

Development needs nothing set: DEBUG is on, the database is a SQLite file in ``var/`` and a
development secret key is used. Production (DEBUG off) refuses to start without a real
``SECRET_KEY`` and ``ALLOWED_HOSTS``. See README.md for every variable.
"""

from datetime import timedelta
from pathlib import Path

import environ
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent

env = environ.Env()
environ.Env.read_env(BASE_DIR / ".env")  # optional; real deployments set the environment

DEBUG = env.bool("DEBUG", default=True)

# A development key is only acceptable while DEBUG is on; a production server that forgot its
# key must fail loudly at start-up rather than sign sessions with a key published in git.
_DEVELOPMENT_SECRET_KEY = "dev-only-not-secret-0b6f4c8e2e0b4b6f9e3a"
SECRET_KEY = env.str("SECRET_KEY", default="")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "SECRET_KEY is not set. With DEBUG off the app refuses to start without one: "
            "set SECRET_KEY in the environment to a long random string "
            '(python -c "import secrets; print(secrets.token_urlsafe(50))").'
        )
    SECRET_KEY = _DEVELOPMENT_SECRET_KEY

ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost"] if DEBUG else [])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "whitenoise.runserver_nostatic",
    "crispy_forms",
    "crispy_bootstrap5",
    "bootstrap",  # django-bootstrap-static: Bootstrap's CSS and JS served by the app, no CDN
    "axes",
    "simple_history",
    "phonenumber_field",
    "csp",
    # Second factor (TOTP and recovery codes): django-otp's devices, verified in clinic/two_factor.
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    # Django's tasks API (the django-tasks backport) and its database-backed queue and worker.
    "django_tasks",
    "django_tasks_db",
    # django-ninja: the REST API; its docs page serves Swagger UI from its own static files.
    "ninja",
    "clinic",
    "intake",
    "assessments",
    "interop",
]

MIDDLEWARE = [
    # Outermost: turns a 500 during a database outage into a 503 "try again" page.
    "clinic.middleware.DatabaseUnavailableMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "clinic.middleware.IdleRenewalMiddleware",
    # Keeps a form posted after the session ended, for after the new sign-in (before the
    # absolute-lifetime check, so it also sees that sign-out).
    "clinic.middleware.SessionExpiryMiddleware",
    # request.user.is_verified(): signed in with a second factor in this session.
    "django_otp.middleware.OTPMiddleware",
    # Sends a signed-in user who owes a second factor to the code page (or the set-up page).
    "clinic.middleware.TwoFactorRequiredMiddleware",
    "clinic.middleware.AbsoluteSessionLifetimeMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # django-csp's, its fixed policy built once.
    "clinic.middleware.ContentSecurityPolicyMiddleware",
    "clinic.middleware.NoStoreMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # Axes must come last: it turns a locked-out login into its lockout response.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "clinic.urls"
WSGI_APPLICATION = "clinic.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "clinic.context_processors.roles",
            ],
        },
    },
]

# The embedded default is a SQLite file so that `make run` needs no server; production and CI
# point DATABASE_URL at PostgreSQL (psycopg 3).
DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'var' / 'clinic.sqlite3'}")
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    options = DATABASES["default"].setdefault("OPTIONS", {})
    # IMMEDIATE takes the write lock when a transaction starts, so two concurrent saves queue
    # instead of failing with "database is locked" halfway through.
    options["transaction_mode"] = "IMMEDIATE"
    # Write-ahead log: readers are not blocked by the writer (every page view writes its audit
    # event), and a commit is one sync of the log instead of the rollback journal's several.
    # synchronous stays FULL (the default): a committed record survives a power cut.
    options["init_command"] = "PRAGMA journal_mode=WAL;"
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # PostgreSQL's default cost of a random page read (4.0) models a spinning disk; the records
    # are on SSD and mostly in memory. With it, a name search matching a few thousand of 100,000
    # patients read the whole table (20-33 ms) instead of the trigram index (6-8 ms). 1.1 is
    # the usual SSD setting; a server configured otherwise sets PG_RANDOM_PAGE_COST.
    options = DATABASES["default"].setdefault("OPTIONS", {})
    cost = env.float("PG_RANDOM_PAGE_COST", default=1.1)
    options["options"] = f"{options.get('options', '')} -c random_page_cost={cost}".strip()
# Persistent connections, checked before reuse: a restarted PostgreSQL must not leave the first
# requests afterwards failing on dead connections. On SQLite too: a new connection re-reads the
# whole schema on its first query and registers Django's SQL functions, which cost more than the
# login-protected floor page itself (issue 15's profile).
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    # ModelBackend, reading a user's permissions and roles in one query per request.
    "clinic.auth_backend.ClinicBackend",
]

LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

# Login lockout. Axes locks by IP address alone by default, which would lock a whole clinic
# behind one router out because of one forgetful user: lock the username *at* an address.
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = timedelta(minutes=env.int("AXES_COOLOFF_MINUTES", default=15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
# Behind the README's reverse proxy (PROXY_COUNT=1), REMOTE_ADDR is the proxy for everybody:
# axes reads the client from X-Forwarded-For with the audit trail's helper (PROXY_COUNT trusted
# hops counted from the right), so one client's failures do not lock out the others.
PROXY_COUNT = env.int("PROXY_COUNT", default=0)
AXES_IPWARE_PROXY_COUNT = PROXY_COUNT
AXES_CLIENT_IP_CALLABLE = "clinic.audit.client_address"
AXES_VERBOSE = False

# Sessions: a sliding idle timeout (the front-desk tablet is shared), renewed by the user's
# requests at most once a minute (clinic.middleware.IdleRenewalMiddleware: writing the
# session back on every request cost a database write per page), and an absolute lifetime
# enforced by clinic.middleware.
#
# Where sessions live. The app keeps no state of its own (several gunicorn workers or servers
# share the records), so a session is in the database, or with CACHE_URL (a shared cache, e.g.
# redis://127.0.0.1:6379/1) in Django's cached_db store: read from the cache, written to both,
# deleted from both, the database behind it surviving a cache restart. A per-process
# local-memory cache is never used for sessions: a sign-out in one worker would leave the
# session alive in the others. Without CACHE_URL (`make run`) the database alone serves them.
CACHE_URL = env.str("CACHE_URL", default="")
if CACHE_URL:
    CACHES = {"default": env.cache_url("CACHE_URL")}
    if CACHES["default"]["BACKEND"] == "django.core.cache.backends.redis.RedisCache":
        # Django's, keeping one redis client instead of building one per call.
        CACHES["default"]["BACKEND"] = "clinic.redis_cache.ClinicRedisCache"
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
else:
    # Django's database store, its SELECT compiled once (clinic/session_store.py).
    SESSION_ENGINE = "clinic.session_store"
SESSION_IDLE_MINUTES = env.int("SESSION_IDLE_MINUTES", default=15)
SESSION_COOKIE_AGE = SESSION_IDLE_MINUTES * 60
SESSION_SAVE_EVERY_REQUEST = False
SESSION_RENEW_SECONDS = 60
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_ABSOLUTE_HOURS = env.int("SESSION_ABSOLUTE_HOURS", default=12)
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
# The page warns this long before the idle sign-out, with a "Stay signed in" button.
SESSION_IDLE_WARNING_SECONDS = env.int("SESSION_IDLE_WARNING_SECONDS", default=120)
# A form posted after the session ended is kept this long for the same user's new sign-in.
FORM_RESTORE_MINUTES = env.int("FORM_RESTORE_MINUTES", default=10)

LANGUAGE_CODE = "en"
LANGUAGES = [("en", _("English")), ("fr", _("French"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = env.str("TIME_ZONE", default="America/Toronto")
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = env.path("STATIC_ROOT", default=BASE_DIR / "staticfiles")
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
MEDIA_ROOT = env.path("MEDIA_ROOT", default=BASE_DIR / "var" / "media")
MEDIA_URL = "/media/"

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

PHONENUMBER_DEFAULT_REGION = env.str("PHONENUMBER_DEFAULT_REGION", default="CA")
PHONENUMBER_DEFAULT_FORMAT = "INTERNATIONAL"

# Content Security Policy: everything from our own origin, no inline script, no framing.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"

if not DEBUG:
    SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=31536000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=True)

# Two-step sign-in: the issuer name the authenticator app shows next to the code.
OTP_TOTP_ISSUER = env.str("OTP_TOTP_ISSUER", default="Clinic records")
# Roles that must sign in with a second factor (the others may choose to).
TWO_FACTOR_REQUIRED_ROLES = ["Clinic admin"]

# The FHIR export's own code systems and identifiers (outcome measures without a LOINC code,
# exam findings, record numbers) are named under this URI: one the clinic or vendor controls.
FHIR_BASE_URL = env.str("FHIR_BASE_URL", default="https://clinic-records.example/fhir")

# Self-intake links expire after this many hours.
SELF_INTAKE_LINK_HOURS = env.int("SELF_INTAKE_LINK_HOURS", default=72)

# Outgoing email from EMAIL_URL (django-environ's form: smtp://user:password@host:587,
# smtp+tls://..., consolemail://). Unset in development, messages are printed on the console so
# nothing leaves the machine; unset in production, the local mail server (smtp://localhost:25).
EMAIL_URL = env.str("EMAIL_URL", default="consolemail://" if DEBUG else "smtp://localhost:25")
vars().update(env.email_url_config(EMAIL_URL))
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="clinic@localhost")
EMAIL_TIMEOUT = env.int("EMAIL_TIMEOUT", default=20)

# Work done outside the request (sending email) goes through Django's tasks API. Development
# and tests run each task at once, in the process that enqueued it; production stores tasks in
# the database for `manage.py db_worker` (README, "In production").
TASKS = {
    "default": {
        "BACKEND": env.str(
            "TASKS_BACKEND",
            default=(
                "django_tasks.backends.immediate.ImmediateBackend"
                if DEBUG
                else "django_tasks_db.DatabaseBackend"
            ),
        ),
    }
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {
        "no_client_error_traceback": {"()": "clinic.log_filters.NoTracebackForClientErrors"}
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "filters": ["no_client_error_traceback"],
        }
    },
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="WARNING")},
}
