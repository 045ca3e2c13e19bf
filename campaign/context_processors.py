from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language

# Each language named in itself, for the switcher.
LANGUAGE_NAMES = {"en": "English", "be": "Беларуская", "ru": "Русский"}


def site(request):
    return {
        "SITE_URL": settings.SITE_URL,
        "HASHTAGS": ["FreeAles", "FreeViasna"],
        "alternate_languages": alternate_languages(request),
    }


def alternate_languages(request):
    """The current page in each language: for the switcher and the hreflang links."""
    path = request.path
    current = get_language()
    return [
        {"code": code, "name": LANGUAGE_NAMES[code], "path": translate_url(path, code), "current": code == current}
        for code, _ in settings.LANGUAGES
    ]
