"""The text organisers write, per language (django-modeltranslation): `role` becomes role_en, role_be
and role_ru, and `person.role` reads the active language's, falling back to English when it is empty."""

from modeltranslation.translator import TranslationOptions, register

from campaign.models import Award, Book, KeyDate, Person, StatusChange, TimelineEvent


@register(Person)
class PersonTranslation(TranslationOptions):
    fields = ("role", "summary", "biography")


@register(StatusChange)
class StatusChangeTranslation(TranslationOptions):
    fields = ("note",)


@register(TimelineEvent)
class TimelineEventTranslation(TranslationOptions):
    fields = ("title", "text")


@register(Award)
class AwardTranslation(TranslationOptions):
    fields = ("name", "note")


@register(Book)
class BookTranslation(TranslationOptions):
    fields = ("title", "note")


@register(KeyDate)
class KeyDateTranslation(TranslationOptions):
    fields = ("title", "text")
