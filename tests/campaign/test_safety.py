"""Issue 10: the privacy promises the site makes to supporters who may be inside Belarus."""

import re
import statistics
import time

import pytest
from django.core import mail, signing
from django.core.cache import cache
from django.urls import reverse

from letters.models import ReminderSubscription
from petitions.models import Signature
from tests.petitions.conftest import make_signature

pytestmark = pytest.mark.django_db

LINK = re.compile(r"http://testserver(/\S+/)")


def links(messages):
    return [path for message in messages for path in LINK.findall(message.body)]


def sign(client, petition, data):
    return client.post(reverse("petitions:sign", args=[petition.slug]), data)


@pytest.fixture
def every_link(client, petition, sign_data, django_capture_on_commit_callbacks):
    """Each kind of emailed link: confirm, withdraw, your data, reminders' confirm and unsubscribe."""
    with django_capture_on_commit_callbacks(execute=True):
        sign(client, petition, sign_data)
        client.post(reverse("data_request"), {"email": sign_data["email"]})
        client.post(reverse("letters:reminders_subscribe"), {"email": "reader@example.org"})
    found = links(mail.outbox)
    kinds = {name: [p for p in found if f"/{name}/" in p] for name in ("confirm", "withdraw", "your-data")}
    kinds["reminders"] = [p for p in found if "/reminders/" in p]
    assert all(kinds.values()), found
    return found


def test_emailed_links_carry_only_a_random_token(every_link, sign_data):
    signature = Signature.objects.get()
    subscription = ReminderSubscription.objects.get()
    for path in every_link:
        token = path.rstrip("/").rsplit("/", 1)[-1]
        assert "@" not in path and "%40" not in path
        for part in ("alesia", "kavalenka", "gmail", "reader", "example"):
            assert part not in path.lower(), path
        public_id = token.split(":")[0]
        assert re.fullmatch(r"[0-9a-f]{32}", public_id), path  # a random UUID, not a sequential id
        assert public_id in (signature.public_id.hex, subscription.public_id.hex)


def test_pages_opened_from_a_link_are_not_cached_and_send_no_referer(client, every_link):
    for path in every_link:
        response = client.get(path)
        assert response.status_code == 200, path
        assert "no-store" in response["Cache-Control"], path
        assert response["Referrer-Policy"] == "no-referrer", path


class _Later:
    """time.time() as it will be `seconds` from now, for the signer's expiry check."""

    def __init__(self, seconds):
        self.offset = seconds

    def time(self):
        return time.time() + self.offset


def test_withdraw_unsubscribe_and_your_data_links_expire(client, every_link, settings, monkeypatch):
    checks = [
        ("/withdraw/", settings.WITHDRAW_LINK_MAX_AGE),
        ("/reminders/unsubscribe/", settings.WITHDRAW_LINK_MAX_AGE),
        ("/your-data/", settings.DATA_LINK_MAX_AGE),
    ]
    for marker, max_age in checks:
        [path, *_] = [p for p in every_link if marker in p]
        monkeypatch.setattr(signing, "time", _Later(max_age - 60))
        assert client.get(path).status_code == 200, path
        monkeypatch.setattr(signing, "time", _Later(max_age + 60))
        response = client.get(path)
        assert response.status_code in (404, 410), path
        assert b"Withdraw and erase" not in response.content and b"Stop the reminders" not in response.content


def test_resending_a_confirmation_honours_the_same_limits(
    client, every_link, settings, monkeypatch, django_capture_on_commit_callbacks
):
    [confirm, *_] = [p for p in every_link if "/confirm/" in p and "/reminders/" not in p]
    sent = len(mail.outbox)
    monkeypatch.setattr(signing, "time", _Later(settings.UNCONFIRMED_RETENTION_DAYS * 86400 + 60))
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(confirm + "resend/").status_code == 404
    assert len(mail.outbox) == sent
    monkeypatch.setattr(signing, "time", _Later(settings.CONFIRMATION_MAX_AGE + 60))  # expired, still kept
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(confirm + "resend/").status_code == 200
    assert len(mail.outbox) == sent + 1


def test_an_address_with_only_reminders_gets_its_link_and_the_page_lists_them(
    client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("letters:reminders_subscribe"), {"email": "Only.Reminders@example.org"})
        client.post(reverse("data_request"), {"email": "only.reminders@example.org"})
    [data_link] = [p for p in links(mail.outbox) if "/your-data/" in p]
    page = client.get(data_link).content.decode()
    assert "Only.Reminders@example.org" in page and "Waiting for confirmation" in page
    assert "/letters/reminders/unsubscribe/" in page
    assert "We keep no signature for this address." in page


def test_the_your_data_page_lists_signatures_and_reminders_of_the_address(
    client, petition, django_capture_on_commit_callbacks
):
    make_signature(petition, email="both@example.org")
    ReminderSubscription.objects.create(email="both@example.org", email_key="both@example.org", language="en")
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("data_request"), {"email": "both@example.org"})
    [data_link] = [p for p in links(mail.outbox) if "/your-data/" in p]
    page = client.get(data_link).content.decode()
    assert "/en/withdraw/" in page and "/letters/reminders/unsubscribe/" in page


ROUNDS, PER_ROUND = 4, 10  # 40 tries for each kind of address


def _times_ms(client, url, data):
    times = []
    for _ in range(PER_ROUND):
        cache.clear()  # no rate limit in the way: every try does the whole work
        start = time.perf_counter()
        response = client.post(url, data)
        times.append((time.perf_counter() - start) * 1000)
        assert response.status_code in (200, 302)
    return times


@pytest.mark.parametrize("url_name", ["data_request", "letters:reminders_subscribe"])
def test_forms_that_take_an_address_answer_in_the_same_time_whatever_the_address(client, petition, url_name):
    """Statistical: the medians for a known and an unknown address differ by less than the noise, half
    the interquartile range (on main a known address cost about 7 ms more: 16.7 vs 23.7 ms)."""
    for n in range(ROUNDS):
        make_signature(petition, email=f"known{n}@example.org")
        ReminderSubscription.objects.create(
            email=f"known{n}@example.org", email_key=f"known{n}@example.org", status="confirmed"
        )
    url = reverse(url_name)
    _times_ms(client, url, {"email": "warm-up@example.org"})
    known, unknown = [], []
    for n in range(ROUNDS):  # interleaved, so that load on the machine falls on both alike
        known += _times_ms(client, url, {"email": f"known{n}@example.org"})
        unknown += _times_ms(client, url, {"email": f"stranger{n}@example.org"})
    quartiles = statistics.quantiles(known + unknown, n=4)
    noise = max((quartiles[2] - quartiles[0]) / 2, 0.5)
    difference = abs(statistics.median(known) - statistics.median(unknown))
    print(
        f"{url_name}: known {statistics.median(known):.1f} ms, unknown {statistics.median(unknown):.1f} ms,"
        f" noise {noise:.1f} ms"
    )
    assert difference < noise, (statistics.median(known), statistics.median(unknown), noise)


# --- abuse ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("address", ['"bomb"@example.org', '"b\\omb"@example.org'])
def test_a_quoted_local_part_is_refused_with_a_clear_message(client, petition, sign_data, address):
    response = sign(client, petition, {**sign_data, "email": address})
    assert response.status_code == 400
    assert "without quotation marks" in response.content.decode()
    response = client.post(reverse("letters:reminders_subscribe"), {"email": address})
    assert response.status_code == 400 and "without quotation marks" in response.content.decode()
    response = client.post(reverse("data_request"), {"email": address})
    assert response.status_code == 400 and "without quotation marks" in response.content.decode()


def test_one_mailbox_is_one_key_however_it_is_written():
    from campaign.forms import normalise_email

    keys = {normalise_email(a) for a in ('"bomb"@example.org', '"b\\omb"@Example.ORG', "bomb@example.org.")}
    assert keys == {"bomb@example.org"}
    assert normalise_email("ales@ВЯСНА.бел") == normalise_email("ales@xn--80ad7ap3e.xn--90ais")


@pytest.fixture
def redis_down(settings):
    """The cache (Redis) unreachable: nothing listens on port 9."""
    settings.CACHES = {
        **settings.CACHES,
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:9/0",
            "OPTIONS": {"socket_connect_timeout": 0.2, "socket_timeout": 0.2},
        },
    }


def test_with_redis_down_the_per_address_limit_holds_and_pages_still_answer(
    client, petition, sign_data, settings, redis_down, django_capture_on_commit_callbacks
):
    settings.RATE_LIMIT_SIGN_PER_EMAIL = (3, 3600)
    with django_capture_on_commit_callbacks(execute=True):
        responses = [sign(client, petition, sign_data) for _ in range(8)]
        responses += [client.post(reverse("data_request"), {"email": sign_data["email"]}) for _ in range(6)]
        responses += [client.post(reverse("letters:reminders_subscribe"), {"email": "r@example.org"}) for _ in range(6)]
    assert {r.status_code for r in responses} <= {200, 302}
    kinds = [m.subject for m in mail.outbox]
    assert len([m for m in mail.outbox if m.to == [sign_data["email"]]]) <= 3 + 3, kinds
    assert len([m for m in mail.outbox if m.to == ["r@example.org"]]) <= 3, kinds
    assert client.get(petition.get_absolute_url()).status_code == 200


# --- organisers' access -----------------------------------------------------------------------------


def _staff_with(codename):
    from django.contrib.auth.models import Permission, User

    user = User.objects.create_user(f"staff-{codename}", password="a long organiser passphrase", is_staff=True)
    user.user_permissions.add(Permission.objects.get(codename=codename))
    return user


@pytest.mark.parametrize(
    "codename, model",
    [
        ("view_signature", "petitions_signature"),
        ("view_outgoingemail", "campaign_outgoingemail"),
        ("view_letterreport", "letters_letterreport"),
    ],
)
def test_anyone_who_can_see_personal_data_needs_the_second_factor(client, codename, model):
    from tests.conftest import verified_login

    user = _staff_with(codename)
    url = reverse(f"admin:{model}_changelist")
    client.force_login(user)  # a password only
    response = client.get(url)
    assert response.status_code == 302 and "/login/" in response["Location"]
    verified_login(client, user)
    assert client.get(url).status_code == 200


def test_the_admin_refuses_lookups_on_personal_and_secret_fields(client, petition):
    from campaign.models import OutgoingEmail
    from tests.conftest import queued_email, verified_login

    user = _staff_with("view_outgoingemail")
    user.user_permissions.add(*_staff_with("view_signature").user_permissions.all())
    verified_login(client, user)
    make_signature(petition, email="target@example.org")
    queued_email(to="target@example.org")
    emails = reverse("admin:campaign_outgoingemail_changelist")
    signatures = reverse("admin:petitions_signature_changelist")
    for url in (
        f"{emails}?to=target@example.org",
        f"{emails}?to__iexact=TARGET@example.org",
        f"{emails}?body_text__regex=withdraw",
        f"{emails}?subject__contains=x",
        f"{signatures}?email=target@example.org",
        f"{signatures}?email_key__startswith=t",
        f"{signatures}?public_id__isnull=false",
    ):
        assert client.get(url).status_code == 400, url
    assert client.get(f"{emails}?status__exact=queued").status_code == 200  # the list's own filters work
    assert client.get(f"{signatures}?status__exact=confirmed").status_code == 200
    found = client.get(f"{signatures}?q=target@example.org").content.decode()
    assert "0 signatures" in found or "0 results" in found
    assert OutgoingEmail.objects.count() == 1


def test_deleting_a_signature_in_the_admin_erases_its_emails_and_keeps_the_count_true(client, petition):
    from django.contrib.auth.models import User

    from campaign.models import OutgoingEmail
    from tests.conftest import queued_email, verified_login

    admin_user = User.objects.create_superuser("root", "root@example.org", "a long organiser passphrase")
    verified_login(client, admin_user)
    gone, kept = make_signature(petition, email="gone@example.org"), make_signature(petition, email="kept@example.org")
    petition.add_to_count(2)
    queued_email(to="gone@example.org")
    queued_email(to="kept@example.org")
    client.post(reverse("admin:petitions_signature_delete", args=[gone.pk]), {"post": "yes"})
    petition.refresh_from_db()
    assert petition.confirmed_count == 1
    assert list(OutgoingEmail.objects.values_list("to", flat=True)) == ["kept@example.org"]
    client.post(
        reverse("admin:petitions_signature_changelist"),
        {"action": "delete_selected", "_selected_action": [kept.pk], "post": "yes"},
    )
    petition.refresh_from_db()
    assert petition.confirmed_count == 0 and not Signature.objects.exists() and not OutgoingEmail.objects.exists()


def test_sent_emails_keep_no_body_and_are_purged_after_the_retention_period(settings):
    from datetime import timedelta

    from django.utils import timezone

    from campaign.mail import email_deliver
    from campaign.models import OutgoingEmail
    from campaign.tasks import purge_outbox
    from tests.conftest import queued_email

    email = queued_email()
    assert "http://testserver/c/" in email.body_text
    email_deliver(email_id=email.pk)
    email.refresh_from_db()
    assert email.status == OutgoingEmail.Status.SENT and email.body_text == "" and email.body_html == ""
    assert mail.outbox and "http://testserver/c/" in mail.outbox[0].body  # blanked after, not before

    waiting = queued_email()
    old = timezone.now() - timedelta(days=settings.OUTBOX_RETENTION_DAYS, hours=1)
    OutgoingEmail.objects.filter(pk__in=[email.pk, waiting.pk]).update(created_at=old)
    recent = queued_email()
    email_deliver(email_id=recent.pk)
    purge_outbox()
    purge_outbox()  # safe to run twice
    assert set(OutgoingEmail.objects.values_list("pk", flat=True)) == {waiting.pk, recent.pk}  # unsent mail stays


@pytest.fixture
def audit_record(services, petition):
    from django.contrib.auth.models import User

    from petitions.models import ExportRecord

    user = User.objects.create_user("exporter", password="x")
    return ExportRecord.objects.create(
        petition=petition, user=user, actor="exporter", via="download", format="csv", filters={}, row_count=3
    )


def test_the_export_audit_log_is_append_only_in_the_database(audit_record):
    from django.db import DatabaseError, connection, transaction

    from petitions.models import ExportRecord

    attempts = [
        lambda: ExportRecord.objects.filter(pk=audit_record.pk).update(row_count=0),
        lambda: ExportRecord.objects.filter(pk=audit_record.pk).update(actor="someone-else"),
        lambda: ExportRecord.objects.filter(pk=audit_record.pk).delete(),
        lambda: connection.cursor().execute("DELETE FROM petitions_exportrecord"),
        lambda: connection.cursor().execute("UPDATE petitions_exportrecord SET row_count = 1"),
    ]
    for attempt in attempts:
        with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
            attempt()
    assert ExportRecord.objects.filter(pk=audit_record.pk, actor="exporter", row_count=3).exists()


def test_the_export_audit_log_outlives_the_user_who_exported(audit_record):
    from petitions.models import ExportRecord

    audit_record.user.delete()
    record = ExportRecord.objects.get(pk=audit_record.pk)
    assert record.user is None and record.actor == "exporter" and record.row_count == 3


# --- exports and odd input --------------------------------------------------------------------------

SPLIT_FORMULAS = ["x;=2+5;", "a,=HYPERLINK(1)", "b\t@SUM(A1)", "c; +1", "d;-1", "e,|cmd", "f;%0A", "g;＝1"]


def test_no_piece_of_a_cell_can_become_a_formula_after_splitting(petition, tmp_path):
    import csv as plain_csv

    import openpyxl

    from campaign.exports import FORMATS, FORMULA_STARTS
    from petitions.exports import EXPORTERS

    for n, text in enumerate(SPLIT_FORMULAS):
        make_signature(petition, first_name=text, city=text, comment=text, email=f"{n}@x.org")
    FORMATS["csv"].write(EXPORTERS["signatures"].rows(petition, {}), tmp_path / "out.csv")
    FORMATS["xlsx"].write(EXPORTERS["signatures"].rows(petition, {}), tmp_path / "out.xlsx")
    with open(tmp_path / "out.csv", encoding="utf-8-sig") as file:
        text = file.read()
    workbook = openpyxl.load_workbook(tmp_path / "out.xlsx")
    xlsx_cells = [str(c.value) for row in workbook.active.iter_rows(min_row=2) for c in row if c.value]
    for delimiter in (",", ";", "\t"):  # what a spreadsheet in each locale would see
        for row in plain_csv.reader(text.splitlines(), delimiter=delimiter):
            for cell in row:
                assert not cell.lstrip(" ").startswith(FORMULA_STARTS), (delimiter, cell)
        for value in xlsx_cells:
            for cell in value.split(delimiter):
                assert not cell.lstrip(" ").startswith(FORMULA_STARTS), (delimiter, cell)


def test_the_export_form_offers_xlsx_first():
    from petitions.exports import ExportForm

    form = ExportForm()
    assert form.fields["format"].choices[0][0] == "xlsx" and form["format"].value() == "xlsx"


# --- public PDFs ------------------------------------------------------------------------------------


@pytest.fixture
def letter(db):
    from tests.letters.builders import assign, make_facility, make_recipient

    person = make_recipient("nasta-loika")
    assign(person, make_facility())
    return {"person": str(person.pk), "body": "Добры дзень!", "sender": "", "reply_sheet": "on"}


@pytest.mark.parametrize(
    "body",
    ["\n".join(["a"] * 3000), "\n".join(["ab"] * 201), "\n\n".join(["ab"] * 101)],
    ids=["3000 lines", "201 lines", "101 paragraphs"],
)
def test_a_letter_too_long_to_render_cheaply_gets_a_clear_message(client, letter, body):
    start = time.process_time()
    response = client.post(reverse("letters:pdf"), {**letter, "body": body})
    assert response.status_code == 400
    assert "Please shorten it" in response.content.decode()
    assert time.process_time() - start < 1
    response = client.post(reverse("letters:compose"), {**letter, "body": body, "kind": "birthday", "language": "ru"})
    assert response.status_code == 400 and "Please shorten it" in response.content.decode()


def test_pdfs_are_rate_limited_per_address(client, letter, settings):
    settings.RATE_LIMIT_PDF_PER_IP = (2, 3600)
    for _ in range(2):
        assert client.post(reverse("letters:pdf"), letter).status_code == 200
    response = client.post(reverse("letters:pdf"), letter)
    assert response.status_code == 429 and "try again later" in response.content.decode()
    assert client.post(reverse("letters:pdf"), letter, REMOTE_ADDR="198.51.100.9").status_code == 200


def test_a_pdf_is_rendered_with_a_time_limit(client, letter, settings):
    settings.PDF_TIME_LIMIT = 0.001
    body = "\n".join(["слово слово слово слово слово"] * 200)
    response = client.post(reverse("letters:pdf"), {**letter, "body": body})
    assert response.status_code == 503 and "took too long" in response.content.decode()


# --- near the form ----------------------------------------------------------------------------------

WARNINGS = {"en": "If you are in Belarus:", "be": "Калі вы ў Беларусі:", "ru": "Если вы в Беларуси:"}


def _inside_forms(html):
    return " ".join(re.findall(r"<form\b.*?</form>", html, flags=re.S))


@pytest.mark.parametrize("language", ["en", "be", "ru"])
def test_the_warning_for_belarus_is_beside_the_sign_and_reminders_forms(client, petition, language):
    from django.utils import translation

    with translation.override(language):
        sign_page = client.get(reverse("petitions:detail", args=[petition.slug])).content.decode()
        letters_page = client.get(reverse("letters:index")).content.decode()
    assert WARNINGS[language] in _inside_forms(sign_page)
    assert WARNINGS[language] in _inside_forms(letters_page)
    assert "VPN" in _inside_forms(sign_page) and "Tor" in _inside_forms(letters_page)


def test_the_form_drawn_again_with_belarus_chosen_shows_the_stronger_warning(client, petition, sign_data):
    response = sign(client, petition, {**sign_data, "country": "BY", "email": "not an address"})
    assert response.status_code == 400
    assert "belarus-warning alert alert-warning small is-belarus" in response.content.decode()
    response = sign(client, petition, {**sign_data, "email": "not an address"})
    assert "is-belarus" not in response.content.decode()


def test_over_the_limit_the_page_says_the_same_plain_words_for_every_address(
    client, petition, sign_data, settings, django_capture_on_commit_callbacks
):
    from campaign.limits import REMINDERS_PER_EMAIL

    make_signature(petition, email="known@example.org")
    pages = []
    for address in ("known@example.org", "unknown@example.org"):
        with django_capture_on_commit_callbacks(execute=True):
            for _ in range(settings.RATE_LIMIT_SIGN_PER_EMAIL[0] + 1):
                response = client.post(
                    reverse("petitions:sign", args=[petition.slug]), {**sign_data, "email": address}, follow=True
                )
        pages.append(response.content.decode().replace("known@", "").replace("unknown@", ""))
    assert pages[0] == pages[1]
    assert "a link may already be on its way" in pages[0] and "after an hour" in pages[0]
    for url in (reverse("letters:reminders_check_inbox"),):
        assert "a link may already be on its way" in client.get(url).content.decode()
    data_page = client.post(reverse("data_request"), {"email": "x@example.org"}).content.decode()
    assert "a link may already be on its way" in data_page
    # The note says 'three emails an hour': the limits say so too.
    assert settings.RATE_LIMIT_SIGN_PER_EMAIL == (3, 3600) and REMINDERS_PER_EMAIL == (3, 3600)


# --- the privacy page -------------------------------------------------------------------------------


def test_every_period_on_the_privacy_page_is_the_one_the_code_enforces(client, settings):
    from datetime import timedelta

    from django.utils.html import strip_tags

    from petitions.exports import EXPORT_EXPIRY

    # Unusual values, so that a number written into the page by hand cannot pass.
    settings.CONFIRMATION_MAX_AGE = 9 * 86400
    settings.UNCONFIRMED_RETENTION_DAYS = 17
    settings.WITHDRAW_LINK_MAX_AGE = 401 * 86400
    settings.DATA_LINK_MAX_AGE = 31 * 3600
    settings.OUTBOX_RETENTION_DAYS = 43
    page = " ".join(strip_tags(client.get(reverse("privacy")).content.decode()).split())
    stated = [
        "A confirmation link works for 9 days",  # CONFIRMATION_MAX_AGE
        "erased, with the emails we sent about it, 17 days after signing",  # UNCONFIRMED_RETENTION_DAYS
        "the link works for 401 days",  # WITHDRAW_LINK_MAX_AGE
        "works for 31 hours",  # DATA_LINK_MAX_AGE
        "(its kind, address and date) for 43 days",  # OUTBOX_RETENTION_DAYS
        "within 9 days is erased",  # reminders: CONFIRMATION_MAX_AGE
        f"deleted after {EXPORT_EXPIRY // timedelta(hours=1)} hours",  # EXPORT_EXPIRY
    ]
    for sentence in stated:
        assert sentence in page, sentence
    # 'for one hour': every limit on requests and emails counts over one hour.
    assert "for one hour" in page
    assert settings.RATE_LIMIT_SIGN_PER_IP[1] == settings.RATE_LIMIT_SIGN_PER_EMAIL[1] == 3600
    for promise in ("Where it is kept and who can see it", "authenticator code", "on its own server"):
        assert promise in page, promise
