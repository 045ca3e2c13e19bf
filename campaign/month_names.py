"""Month names, in our own catalogues.

Django's Belarusian catalogue gives the genitive for both of its month forms and is in the classical
orthography ('сьнежня'). Marked here, the names land in locale/<lang>/LC_MESSAGES/django.po, which
takes precedence over Django's own: the nominative (date format 'F': 'травень 2023') and the genitive
after a day number ('E', the context "alt. month": '13 снежня 2025') are then the translators' words.
Nothing imports this module; it exists for makemessages.
"""

from django.utils.translation import gettext_lazy, pgettext_lazy

MONTHS = [
    gettext_lazy("January"),
    gettext_lazy("February"),
    gettext_lazy("March"),
    gettext_lazy("April"),
    gettext_lazy("May"),
    gettext_lazy("June"),
    gettext_lazy("July"),
    gettext_lazy("August"),
    gettext_lazy("September"),
    gettext_lazy("October"),
    gettext_lazy("November"),
    gettext_lazy("December"),
]

MONTHS_GENITIVE = [
    pgettext_lazy("alt. month", "January"),
    pgettext_lazy("alt. month", "February"),
    pgettext_lazy("alt. month", "March"),
    pgettext_lazy("alt. month", "April"),
    pgettext_lazy("alt. month", "May"),
    pgettext_lazy("alt. month", "June"),
    pgettext_lazy("alt. month", "July"),
    pgettext_lazy("alt. month", "August"),
    pgettext_lazy("alt. month", "September"),
    pgettext_lazy("alt. month", "October"),
    pgettext_lazy("alt. month", "November"),
    pgettext_lazy("alt. month", "December"),
]
