import pytest

from letters.censor import check_letter
from letters.content import PHRASES, TEMPLATES
from letters.models import LetterTemplate, Phrase

# The composer fills '{name}' with the first name in the nominative.
FIRST_NAMES = {"be": "Алесь", "ru": "Алесь", "en": "Ales"}


def template_id(template):
    return f"{template['kind']}-{template['language']}"


def test_every_kind_is_there_in_every_language():
    assert sorted((t["kind"], t["language"]) for t in TEMPLATES) == sorted(
        (kind, language) for kind in LetterTemplate.Kind.values for language in LetterTemplate.Language.values
    )


@pytest.mark.parametrize("template", TEMPLATES, ids=template_id)
def test_template_is_short_and_fills_the_name(template):
    assert template["title"]
    body = template["body"].format(name=FIRST_NAMES[template["language"]])
    assert body.startswith(("Добры дзень, Алесь!", "Здравствуйте, Алесь!", "Hello, Ales!"))
    assert len(body) < 800


@pytest.mark.parametrize("template", [t for t in TEMPLATES if t["language"] != "en"], ids=template_id)
def test_belarusian_and_russian_templates_pass_the_check(template):
    body = template["body"].format(name=FIRST_NAMES[template["language"]])
    assert check_letter(template["title"]) == []
    assert check_letter(body) == []


@pytest.mark.parametrize("template", [t for t in TEMPLATES if t["language"] == "en"], ids=template_id)
def test_english_templates_raise_only_the_language_flag(template):
    body = template["body"].format(name=FIRST_NAMES["en"])
    assert {flag.code for flag in check_letter(body)} == {"foreign_language"}


def test_phrasebook_has_about_25_phrases_in_known_categories():
    assert 20 <= len(PHRASES) <= 35
    assert {phrase["category"] for phrase in PHRASES} == set(Phrase.Category.values)
    assert all(phrase["be"] and phrase["ru"] and phrase["en"] for phrase in PHRASES)
    assert len({phrase["ru"] for phrase in PHRASES}) == len(PHRASES)


@pytest.mark.parametrize("phrase", PHRASES, ids=lambda phrase: phrase["en"][:30])
def test_phrase_passes_the_check(phrase):
    assert check_letter(phrase["be"]) == []
    assert check_letter(phrase["ru"]) == []
    assert {flag.code for flag in check_letter(phrase["en"])} <= {"foreign_language"}


def test_belarusian_phrases_use_belarusian_letters_not_russian_ones():
    # Modern Belarusian has no 'и', 'щ' or 'ъ'; their presence means a Russian word slipped in.
    texts = [p["be"] for p in PHRASES] + [t["body"] + t["title"] for t in TEMPLATES if t["language"] == "be"]
    for text in texts:
        assert not set(text.lower()) & set("ищъ"), text


def test_russian_texts_use_no_belarusian_letters():
    texts = [p["ru"] for p in PHRASES] + [t["body"] + t["title"] for t in TEMPLATES if t["language"] == "ru"]
    for text in texts:
        assert not set(text.lower()) & set("іў"), text
