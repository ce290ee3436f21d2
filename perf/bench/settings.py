"""Settings for `make bench`: the app's own settings, plus a bare view as the floor.

Only the benchmark's gunicorn uses this module (DJANGO_SETTINGS_MODULE=perf.bench.settings), so the
floor view never exists in a normal run.
"""

import warnings

from clinic.settings import *  # noqa: F403
from clinic.settings import STORAGES

ROOT_URLCONF = "perf.bench.urls"

# The pages only render static URLs, they do not serve the files: no collectstatic manifest.
STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# No collectstatic for the benchmark: WhiteNoise's note that STATIC_ROOT is missing is expected.
warnings.filterwarnings("ignore", message="No directory at", category=UserWarning)
