"""Reading a translated content field and knowing whether it fell back to English.

django-modeltranslation's `obj.summary` already gives the active language's text or, when that is
empty, the English one; it does not say which. The pages need to: text shown in English on a
Belarusian page is marked lang="en" and carries a short note ('not yet translated').
"""

from dataclasses import dataclass

from django.conf import settings
from modeltranslation.utils import build_localized_fieldname, get_language

FALLBACK_LANGUAGE = settings.MODELTRANSLATION_DEFAULT_LANGUAGE


@dataclass(frozen=True)
class Translated:
    text: str
    fallback: bool  # the active language's field is empty: `text` is the English one

    def __str__(self):
        return self.text

    def __bool__(self):
        return bool(self.text)

    @property
    def lang(self):
        """The language `text` is in when it differs from the page's, else ''."""
        return FALLBACK_LANGUAGE if self.fallback else ""


def translated(obj, field):
    """`obj`'s `field` in the active language, or in English (fallback=True) when it has none yet."""
    own = getattr(obj, build_localized_fieldname(field, get_language()), None)
    if own:
        return Translated(own, fallback=False)
    english = getattr(obj, build_localized_fieldname(field, FALLBACK_LANGUAGE), None) or ""
    return Translated(english, fallback=bool(english))
