from django import template
from django.urls import reverse
from django.utils import dateformat, formats
from django.utils.html import format_html
from django.utils.translation import get_language, gettext, ngettext, pgettext

from campaign.countries import country_name
from campaign.translated import translated

register = template.Library()


@register.simple_tag
def letter_url(person):
    """Where to write to `person`: the composer, with them chosen."""
    return f"{reverse('letters:compose')}?person={person.slug}"


@register.simple_tag
def write_to(person):
    """'Write to Марфе Рабковай': with the name in the dative where organisers have entered it; otherwise a
    wording that needs no case form ('Напісаць ліст: Наста Лойка')."""
    dative = person.name_dative
    if dative and get_language() in ("be", "ru"):
        return pgettext("with a name in the dative", "Write to %(name)s") % {"name": dative}
    return gettext("Write to %(name)s") % {"name": person.display_name}


@register.filter
def days(count):
    """'7 days', '7 дзён', '21 день': a duration with the language's plural form, never '7 дз.'."""
    return ngettext("%(count)s day", "%(count)s days", count) % {"count": count}


@register.filter
def hours(count):
    """'24 hours', '24 гадзіны', '5 часов'."""
    return ngettext("%(count)s hour", "%(count)s hours", count) % {"count": count}


@register.simple_tag
def letter_to(person):
    """'Letter to Марфе Рабковай', the same way as `write_to`."""
    dative = person.name_dative
    if dative and get_language() in ("be", "ru"):
        return pgettext("with a name in the dative", "Letter to %(name)s") % {"name": dative}
    return gettext("Letter to %(name)s") % {"name": person.display_name}


PRECISION_FORMATS = {"day": ("j E Y", "Y-m-d"), "month": ("F Y", "Y-m"), "year": ("Y", "Y")}


@register.filter
def when(dated):
    """A <time> for an object with `date` and `date_precision`: '13 December 2025', 'May 2023', '1979'."""
    shown, machine = PRECISION_FORMATS.get(dated.date_precision, PRECISION_FORMATS["day"])
    return format_html(
        '<time datetime="{}">{}</time>', dateformat.format(dated.date, machine), formats.date_format(dated.date, shown)
    )


@register.simple_tag(name="translated")
def translated_tag(obj, field):
    """`{% translated person "biography" as bio %}`: `bio.text`, and `bio.fallback` when the text is the
    English one because the page's language has none yet (then mark it `lang="{{ bio.lang }}"`)."""
    return translated(obj, field)


@register.simple_tag
def any_fallback(objects, *fields):
    """`{% any_fallback person.timeline_events.all "title" "text" as fell_back %}`: whether any of them
    is shown in English for want of a translation (one note for the whole list)."""
    return any(translated(obj, field).fallback for obj in objects for field in fields)


@register.filter(name="country_name")
def country_name_filter(country):
    """`{{ signer.country|country_name }}`: the country's name in the page's language."""
    return country_name(getattr(country, "code", country)) if country else ""
