"""Country names in the page's language, for the sign form and the signers list.

django-countries translates its names into Russian but has no Belarusian; for Belarusian the names
come from the Unicode CLDR (Babel), which language experts keep. Choices are built when the form is
drawn, so each page lists the countries in its own language and alphabetical order; each language's
list is built once per process.
"""

import functools

from babel import Locale
from django.utils.translation import get_language
from django_countries import countries

COUNTRY_CODES = frozenset(code for code, _ in countries)
# Languages the site speaks that django-countries does not: their names come from CLDR.
CLDR_LANGUAGES = {"be"}
# Sorting by code point puts 'ё', 'і' and 'ў' after 'я': these put them where the alphabets do.
ALPHABETS = {
    "be": "абвгдеёжзійклмнопрстуўфхцчшыьэюя",
    "ru": "абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
}


@functools.cache
def _cldr_names(language):
    return dict(Locale.parse(language).territories)


def country_name(code):
    """The name of the country with ISO code `code` in the active language."""
    language = get_language()
    if language in CLDR_LANGUAGES:
        name = _cldr_names(language).get(str(code))
        if name:
            return name
    return countries.name(code)


def _alphabetical(name, alphabet):
    return [(alphabet.index(ch), "") if ch in alphabet else (len(alphabet), ch) for ch in name.casefold()]


def country_choices():
    """(code, name) for every country, sorted by name in the active language's alphabet."""
    return list(_choices(get_language()))


@functools.cache
def _choices(language):
    """Built once per language and process: sorting ~250 names cost a quarter of a signature's time."""
    choices = [(code, str(country_name(code))) for code, _ in countries]
    if language in ALPHABETS:
        choices.sort(key=lambda choice: _alphabetical(choice[1], ALPHABETS[language]))
    return tuple(choices)  # in English, django-countries' own order
