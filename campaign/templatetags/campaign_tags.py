from django import template
from django.urls import reverse
from django.utils import dateformat, formats
from django.utils.html import format_html

from campaign.countries import country_name
from campaign.translated import translated

register = template.Library()


@register.simple_tag
def letter_url(person):
    """Where to write to `person`: the composer, with them chosen."""
    return f"{reverse('letters:compose')}?person={person.slug}"


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
