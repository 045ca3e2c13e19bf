import gc
import os

from django.core.wsgi import get_wsgi_application
from django.urls import get_resolver

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "campaign.settings")

application = get_wsgi_application()

# Load the URLconf (and with it every view and form) now, then leave what start-up made out of the
# garbage collector's full passes: walking those ~100k objects paused whichever request set one
# off by 50-200 ms, which was the sign form's slowest 1%.
get_resolver().url_patterns  # noqa: B018 - imported for its side effect
gc.freeze()
