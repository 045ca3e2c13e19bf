from datetime import date

import pytest
from django.core.exceptions import ValidationError

from campaign.seeding import seed_campaign
from letters import content
from letters.censor import check_letter
from letters.models import Facility, FacilityAssignment, LetterTemplate, Phrase
from letters.seeding import seed as seed_letters

pytestmark = pytest.mark.django_db


def test_seeding_loads_templates_phrases_and_the_sourced_facility_once():
    seed_campaign()
    seed_campaign()
    assert LetterTemplate.objects.count() == len(content.TEMPLATES) == 15
    assert Phrase.objects.count() == len(content.PHRASES)
    facility = Facility.objects.get()
    assert facility.postcode == "223016" and "euroradio" in facility.source_url
    assert facility.last_checked == date(2024, 4, 29)  # the source's date: nobody has checked it since
    assert facility.check_overdue()  # so the site warns
    facility.full_clean()
    assert not FacilityAssignment.objects.exists()  # where people are held is for organisers to enter


def test_seeding_never_overwrites_an_organisers_edit():
    seed_letters()
    template = LetterTemplate.objects.get(kind="birthday", language="ru")
    template.body = "Здравствуйте, {name}! Поздравляю!"
    template.save()
    phrase = Phrase.objects.get(text_en="A warm hug.")
    phrase.text_ru = "Обнимаю."
    phrase.save()
    seed_letters()
    assert LetterTemplate.objects.get(pk=template.pk).body == "Здравствуйте, {name}! Поздравляю!"
    assert Phrase.objects.get(pk=phrase.pk).text_ru == "Обнимаю."
    assert Phrase.objects.count() == len(content.PHRASES)


def test_templates_render_with_a_name_and_pass_the_check():
    seed_letters()
    for template in LetterTemplate.objects.exclude(language="en"):
        body = template.render(name="Марфа")
        assert check_letter(body) == [], template


def test_a_template_with_other_braces_is_refused():
    template = LetterTemplate(kind="birthday", language="ru", title="x", body="Здравствуйте, {имя}!")
    with pytest.raises(ValidationError) as error:
        template.full_clean()
    assert "body" in error.value.message_dict
