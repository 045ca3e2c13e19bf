"""The petition's text per language (django-modeltranslation), English as the fallback."""

from modeltranslation.translator import TranslationOptions, register

from petitions.models import Petition, PetitionUpdate


@register(Petition)
class PetitionTranslation(TranslationOptions):
    fields = ("title", "summary", "body", "addressee")


@register(PetitionUpdate)
class PetitionUpdateTranslation(TranslationOptions):
    fields = ("subject", "body")
    required_languages = ("en",)
