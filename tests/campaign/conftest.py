import pytest
from django.utils import translation


@pytest.fixture(autouse=True)
def _language_reset():
    """A request to /be/ or /ru/ leaves its language active in this thread; the next test starts in English."""
    yield
    translation.activate("en")
