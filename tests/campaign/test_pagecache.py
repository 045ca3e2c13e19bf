"""Whole pages kept for anonymous visitors (campaign/pagecache.py): served without a query, refreshed
when organisers change content or a milestone is reached, never personal, up with Redis down; the
forms on them refuse cross-site posts without a per-visitor token, and work without JavaScript."""

import re

import pytest
from django.test import Client

from campaign.pagecache import forget_local_copies
from petitions import services
from petitions.models import Petition, Signature
from tests.campaign.builders import add_status, make_person
from tests.conftest import free_port, verified_login
from tests.petitions.conftest import make_signature

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _page_cache_on(settings, services):
    settings.PAGE_CACHE_SECONDS = 60
    settings.PAGE_CACHE_LOCAL_SECONDS = 60


@pytest.fixture
def ales(db):
    person = make_person(featured=True)
    add_status(person, "sentenced", "2023-03-03", note="10 years")
    return person


def test_a_kept_page_is_served_without_a_query_from_either_copy(client, petition, django_assert_num_queries):
    first = client.get(petition.get_absolute_url())
    assert first.status_code == 200 and not first.cookies  # no CSRF cookie: nothing per visitor
    with django_assert_num_queries(0):
        assert client.get(petition.get_absolute_url()).content == first.content
    forget_local_copies()  # another process: Redis has it
    with django_assert_num_queries(0):
        assert client.get(petition.get_absolute_url()).content == first.content
    assert "csrfmiddlewaretoken" not in first.content.decode()


def test_each_language_has_its_own_copy(client, petition):
    assert 'lang="en"' in client.get("/en/petitions/free-them/").content.decode()
    assert 'lang="be"' in client.get("/be/petitions/free-them/").content.decode()
    assert 'lang="en"' in client.get("/en/petitions/free-them/").content.decode()


def test_organisers_always_see_the_fresh_page(client, petition, organiser):
    client.get(petition.get_absolute_url())
    Petition.objects.filter(pk=petition.pk).update(title_en="A new title")  # no invalidation on purpose
    assert "A new title" not in client.get(petition.get_absolute_url()).content.decode()  # kept for a while
    organiser_client = Client()
    organiser_client.force_login(organiser)
    assert "A new title" in organiser_client.get(petition.get_absolute_url()).content.decode()


def test_a_status_change_saved_in_the_admin_refreshes_the_pages(
    client, ales, profile_editor, django_capture_on_commit_callbacks
):
    assert "Checked by the page cache test" not in client.get("/en/people/ales/").content.decode()
    home = client.get("/en/").content
    editor = Client()
    verified_login(editor, profile_editor)  # the campaign's permissions include the outbox: a second factor
    with django_capture_on_commit_callbacks(execute=True):
        response = editor.post(
            "/en/admin/campaign/statuschange/add/",
            {
                "person": ales.pk,
                "status": "released",
                "date": "2025-06-21",
                "date_precision": "day",
                "source": "Checked by the page cache test",
            },
        )
    assert response.status_code == 302
    assert "Checked by the page cache test" in client.get("/en/people/ales/").content.decode()
    assert client.get("/en/").content != home


def test_a_petition_saved_in_the_admin_refreshes_its_page(client, petition, django_capture_on_commit_callbacks):
    from django.contrib.admin.sites import site
    from django.test import RequestFactory

    assert "Renamed" not in client.get(petition.get_absolute_url()).content.decode()
    petition.title_en = "Renamed"
    request = RequestFactory().post("/")
    with django_capture_on_commit_callbacks(execute=True):
        site._registry[Petition].save_model(request, petition, form=None, change=True)
    assert "Renamed" in client.get(petition.get_absolute_url()).content.decode()


def test_a_milestone_refreshes_the_page_and_the_count_endpoint_is_live(
    client, petition, django_capture_on_commit_callbacks
):
    Petition.objects.filter(pk=petition.pk).update(confirmed_count=23)
    make_signature(petition, status=Signature.Status.CONFIRMED)
    pending = [make_signature(petition, status=Signature.Status.PENDING) for _ in range(2)]
    assert '<strong class="fs-4">23</strong>' in client.get(petition.get_absolute_url()).content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        services.signature_confirm(signature_id=pending[0].pk)  # 24: no milestone
    assert client.get("/api/petitions/free-them/count.json").json()["confirmed"] == 24  # live
    assert '<strong class="fs-4">23</strong>' in client.get(petition.get_absolute_url()).content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        services.signature_confirm(signature_id=pending[1].pk)  # 25 of 100: the 25% milestone
    assert '<strong class="fs-4">25</strong>' in client.get(petition.get_absolute_url()).content.decode()


def test_nothing_personal_is_kept(client, ales):
    add_status(ales, "sentenced", "2024-01-01")
    # A message for the next page ('your letter is counted') is shown to that visitor only.
    response = client.post("/en/letters/sent/", {"person": ales.pk}, HTTP_SEC_FETCH_SITE="same-origin")
    assert response.status_code == 302
    page = client.get("/en/letters/").content.decode()
    assert "Your letter is counted" in page
    assert "Your letter is counted" not in Client().get("/en/letters/").content.decode()
    # A page with a query string is rendered for it, never kept.
    assert Client().get("/en/letters/?x=1").status_code == 200


def test_pages_stay_up_with_redis_down(client, petition, ales, settings, django_assert_num_queries):
    settings.CACHES = {
        **settings.CACHES,
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": f"redis://127.0.0.1:{free_port()}/0",
        },
    }
    for path in (petition.get_absolute_url(), "/en/", "/en/people/ales/", "/en/letters/"):
        assert client.get(path).status_code == 200
        with django_assert_num_queries(0):  # this process's copy
            assert client.get(path).status_code == 200


@pytest.mark.parametrize(
    "headers",
    [
        {"HTTP_SEC_FETCH_SITE": "cross-site", "HTTP_ORIGIN": "https://evil.example"},
        {"HTTP_SEC_FETCH_SITE": "same-site", "HTTP_ORIGIN": "https://sub.testserver"},
        {"HTTP_ORIGIN": "https://evil.example"},
        {"HTTP_ORIGIN": "null"},
        {"HTTP_REFERER": "https://evil.example/page"},
    ],
)
def test_a_cross_site_post_is_refused(client, petition, sign_data, headers):
    response = client.post(f"/en/petitions/{petition.slug}/sign/", sign_data, **headers)
    assert response.status_code == 403
    assert not Signature.objects.exists()
    assert client.post("/en/letters/reminders/", {"email": "a@example.org"}, **headers).status_code == 403


@pytest.mark.parametrize(
    "headers",
    [
        {"HTTP_SEC_FETCH_SITE": "same-origin", "HTTP_ORIGIN": "http://testserver"},
        {"HTTP_ORIGIN": "http://testserver"},
        {"HTTP_REFERER": "http://testserver/en/petitions/free-them/"},
        {},  # not a browser: nobody's cookies to abuse
    ],
)
def test_a_same_site_post_needs_no_token(petition, sign_data, headers, django_capture_on_commit_callbacks):
    client = Client(enforce_csrf_checks=True)
    with django_capture_on_commit_callbacks(execute=True):  # the signature is written after the answer
        response = client.post(f"/en/petitions/{petition.slug}/sign/", sign_data, **headers)
    assert response.status_code == 302
    assert Signature.objects.get().email == sign_data["email"]


@pytest.mark.browser
def test_a_browser_without_javascript_signs_on_the_kept_page(
    live_server, browser, petition, settings, django_assert_num_queries
):
    settings.SITE_URL = live_server.url
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    url = live_server.url + petition.get_absolute_url()
    page.goto(url)  # rendered and kept
    page.goto(url)  # the kept copy, identical for everyone
    page.locator("#id_first_name").fill("Hanna")
    page.locator("#id_last_name").fill("Bialiatskaja")
    page.get_by_role("textbox", name="Email").fill("hanna.nojs@example.org")
    page.get_by_role("combobox", name="Country").select_option("PL")
    page.get_by_role("button", name="Sign the petition").click()
    page.wait_for_url(re.compile(r"/check-your-inbox/"))
    assert Signature.objects.get().email == "hanna.nojs@example.org"

    # The same form posted from another site's page is refused by the same browser.
    evil = context.new_page()
    evil.set_content(
        f'<form method="post" action="{live_server.url}/en/petitions/{petition.slug}/sign/">'
        '<input name="first_name" value="X"><input name="last_name" value="Y">'
        '<input name="email" value="forged@example.org"><input name="country" value="PL">'
        '<button type="submit">go</button></form>'
    )
    with evil.expect_response(lambda r: r.url.endswith("/sign/")) as answer:
        evil.get_by_role("button", name="go").click()
    assert answer.value.status == 403
    assert not Signature.objects.filter(email="forged@example.org").exists()
    context.close()
