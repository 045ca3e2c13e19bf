"""A site seeded before issue 11 is brought up to date by the data migrations, without overwriting
anything an organiser changed."""

from datetime import date

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

BEFORE = [("campaign", "0005_quotation_language"), ("letters", "0001_initial"), ("petitions", "0003_translations")]
HRW_SOURCE = "FIDH press release, 3 March 2023; Human Rights Watch, 15 December 2025"


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


def latest():
    """Every app's newest migration: whatever was unapplied on the way back is applied again."""
    return MigrationExecutor(connection).loader.graph.leaf_nodes()


@pytest.mark.django_db(transaction=True)
def test_a_site_seeded_before_gets_marfa_rabkovas_status_dates_and_names():
    old = migrate(BEFORE)
    Person = old.get_model("campaign", "Person")
    StatusChange = old.get_model("campaign", "StatusChange")
    Facility = old.get_model("letters", "Facility")
    KeyDate = old.get_model("campaign", "KeyDate")
    marfa = Person.objects.create(slug="marfa-rabkova", name_latin="Marfa Rabkova", name_be="Марфа", name_ru="Марфа")
    stefanovich = Person.objects.create(slug="valiantsin-stefanovich", name_latin="V", name_be="В", name_ru="В")
    StatusChange.objects.create(person=stefanovich, status="sentenced", date=date(2023, 3, 3), source=HRW_SOURCE)
    nasta = Person.objects.create(slug="nasta-loika", name_latin="N", name_be="Н", name_ru="Н")
    edited = Person.objects.create(slug="uladzimir-labkovich", name_latin="U", name_be="У", name_ru="У")
    Facility.objects.create(
        name="SIZO 1",
        institution="СІЗА № 1",
        street="Навадворскі с/с, 143/4",
        postcode="223016",
        town="в. Пашковічы",
        district="Мінскі раён, Мінская вобласць",
        source="Euroradio",
        last_checked=date(2024, 4, 29),
    )
    KeyDate.objects.create(month=5, day=21, title="x", text_be="Зняволеныя па палітычных матывах.")
    old.get_model("petitions", "Petition").objects.create(
        slug="p",
        title="t",
        summary="s",
        body="b",
        addressee="a",
        summary_be="Яны па-ранейшаму знаходзяцца за кратамі ў Беларусі.",
    )

    new = migrate(latest())
    Person = new.get_model("campaign", "Person")
    StatusChange = new.get_model("campaign", "StatusChange")
    [status] = StatusChange.objects.filter(person_id=marfa.pk)
    assert (status.status, status.date, status.confirmed_on) == ("in_prison", date(2025, 12, 15), date(2025, 12, 15))
    assert status.confirmed_source == "Human Rights Watch"
    [sentenced] = StatusChange.objects.filter(person_id=stefanovich.pk)
    assert sentenced.confirmed_on == date(2025, 12, 15)
    assert Person.objects.get(pk=nasta.pk).group == "defenders"
    assert Person.objects.get(pk=marfa.pk).postal_name_ru == "Рабковой Марии"
    assert Person.objects.get(pk=edited.pk).name_dative_ru == "Владимиру Лабковичу"
    facility = new.get_model("letters", "Facility").objects.get()
    assert (facility.institution, facility.institution_be) == ("СИЗО № 1", "СІЗА № 1")
    assert facility.town == "д. Пашковичи" and facility.town_be == "в. Пашковічы"
    assert new.get_model("campaign", "KeyDate").objects.get().text_be == "Зняволеныя з палітычных матываў."
    assert new.get_model("petitions", "Petition").objects.get().summary_be == "Яны застаюцца за кратамі ў Беларусі."
