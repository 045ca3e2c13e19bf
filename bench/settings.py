"""The site's own settings plus the bench-only views (the floors each figure is compared with)."""

import os

from campaign.settings import *  # noqa: F403

ROOT_URLCONF = "bench.urls"
# collectstatic goes to a temporary folder, so a benchmark leaves the checkout as it found it.
STATIC_ROOT = os.environ.get("BENCH_STATIC_ROOT", STATIC_ROOT)  # noqa: F405
