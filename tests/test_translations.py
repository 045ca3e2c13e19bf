"""CI check: every catalogue in locale/ is complete, and the plural and month forms read right.

IF THIS FAILS: new or changed text in the code or templates has no translation yet. Run
    python manage.py makemessages -l be -l ru --ignore=.venv --ignore=staticfiles --ignore=var --ignore=bench
then translate every entry the failure lists in locale/<lang>/LC_MESSAGES/django.po (someone who knows
the language's grammar, not a machine), remove the `#, fuzzy` flags once checked, and run
`python manage.py compile_translations`. Don't delete the entries or copy the English in.
"""

import gettext as gnu_gettext
import re
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.utils import translation
from django.utils.translation import ngettext, pgettext

CATALOGUES = sorted(Path(settings.BASE_DIR, "locale").glob("*/LC_MESSAGES/django.po"))
TRANSLATED = [code for code, _ in settings.LANGUAGES if code != "en"]
HOW_TO_FIX = "run makemessages and translate (see the top of tests/test_translations.py)"
PLACEHOLDER = re.compile(r"%\((\w+)\)[sd]|\{(\w+)\}")


def _where(entry):
    return f"{entry.occurrences[0][0]}:{entry.occurrences[0][1]}" if entry.occurrences else "?"


def _describe(entries, limit=15):
    lines = [f"  {_where(e)}  {e.msgid[:70]!r}" for e in entries[:limit]]
    if len(entries) > limit:
        lines.append(f"  … and {len(entries) - limit} more")
    return "\n".join(lines)


def test_there_is_a_catalogue_for_each_language():
    assert {path.parts[-3] for path in CATALOGUES} >= set(TRANSLATED)


@pytest.mark.parametrize("path", CATALOGUES, ids=lambda p: p.parts[-3])
def test_the_catalogue_has_no_untranslated_entry(path):
    po = polib.pofile(str(path))
    missing = [e for e in po.untranslated_entries() if not e.obsolete]
    # An entry with plural forms counts as translated once its first form is: check every form.
    missing += [
        e for e in po.translated_entries() if e.msgid_plural and not all(v.strip() for v in e.msgstr_plural.values())
    ]
    assert not missing, f"{len(missing)} untranslated in {path.parts[-3]}: {HOW_TO_FIX}\n{_describe(missing)}"


@pytest.mark.parametrize("path", CATALOGUES, ids=lambda p: p.parts[-3])
def test_the_catalogue_has_no_fuzzy_entry(path):
    po = polib.pofile(str(path))
    fuzzy = po.fuzzy_entries()
    assert not fuzzy, f"{len(fuzzy)} fuzzy in {path.parts[-3]}: check them, drop '#, fuzzy'\n{_describe(fuzzy)}"
    assert not po.metadata_is_fuzzy, f"{path.parts[-3]}: the header is marked fuzzy: fill it in, drop '#, fuzzy'"


@pytest.mark.parametrize("path", CATALOGUES, ids=lambda p: p.parts[-3])
def test_the_catalogue_has_every_plural_form_and_keeps_the_placeholders(path):
    po = polib.pofile(str(path))
    match = re.search(r"nplurals\s*=\s*(\d+)", po.metadata.get("Plural-Forms", ""))
    assert match, f"{path.parts[-3]}: no Plural-Forms in the header"
    nplurals = int(match.group(1))
    short = [e for e in po if e.msgid_plural and not e.obsolete and len(e.msgstr_plural) != nplurals]
    assert not short, f"{path.parts[-3]} needs {nplurals} plural forms (msgstr[0]…) in:\n{_describe(short)}"

    def names(text):
        return {a or b for a, b in PLACEHOLDER.findall(text)}

    broken = []
    for entry in po.translated_entries():
        allowed = names(entry.msgid) | names(entry.msgid_plural or "")
        translations = entry.msgstr_plural.values() if entry.msgid_plural else [entry.msgstr]
        if any(names(text) - allowed for text in translations):
            broken.append(entry)  # a placeholder the code does not fill: the page would fail
    assert not broken, f"{path.parts[-3]}: translations use placeholders the original lacks:\n{_describe(broken)}"


@pytest.mark.parametrize("path", CATALOGUES, ids=lambda p: p.parts[-3])
def test_the_catalogue_compiles_and_loads(path, tmp_path):
    mo = tmp_path / "django.mo"
    polib.pofile(str(path)).save_as_mofile(str(mo))
    with mo.open("rb") as handle:
        catalogue = gnu_gettext.GNUTranslations(handle)
    assert catalogue.info().get("content-type", "").lower().endswith("charset=utf-8")


# --- the grammar the issue names -------------------------------------------------------------------


DAYS_SINGULAR, DAYS_PLURAL = "%(days)s day behind bars", "%(days)s days behind bars"


@pytest.mark.parametrize(
    ("count", "expected"), [(1, "1 дзень"), (2, "2 дні"), (5, "5 дзён"), (11, "11 дзён"), (21, "21 дзень")]
)
def test_the_day_count_follows_belarusian_plurals(count, expected):
    """From the real catalogue: fails until locale/be has the day count translated."""
    with translation.override("be"):
        text = ngettext(DAYS_SINGULAR, DAYS_PLURAL, count) % {"days": count}
    assert text.startswith(expected), f"{text!r}: {HOW_TO_FIX}"


@pytest.mark.parametrize(
    ("count", "expected"), [(1, "1 день"), (2, "2 дня"), (5, "5 дней"), (11, "11 дней"), (21, "21 день")]
)
def test_the_day_count_follows_russian_plurals(count, expected):
    with translation.override("ru"):
        text = ngettext(DAYS_SINGULAR, DAYS_PLURAL, count) % {"days": count}
    assert text.startswith(expected), f"{text!r}: {HOW_TO_FIX}"


def test_belarusian_months_have_a_nominative_and_a_genitive():
    """Django's own Belarusian catalogue gives the genitive for both ('траўня 2023'); ours
    (campaign/month_names.py) must say 'травень 2023' but '1 траўня 2023'."""
    with translation.override("be"):
        nominative = translation.gettext("May")
        genitive = pgettext("alt. month", "May")
    assert nominative != "May" and genitive != "May", HOW_TO_FIX
    assert nominative != genitive, f"be: 'May' and the genitive are both {genitive!r}: {HOW_TO_FIX}"
