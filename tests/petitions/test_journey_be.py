"""The sign-and-confirm journey in Belarusian, on the real stack (Chromium, a Celery worker, SMTP): the
pages are Belarusian and so are both emails.

The expected words come from the Belarusian catalogue at test time (the translator may phrase them as
they see fit); the test also checks they differ from the English, so it fails while locale/be is
untranslated.
"""

import re

import pytest
from django.utils import translation
from django.utils.translation import gettext

from petitions.models import Petition, Signature
from tests.journeys import wait_until
from tests.smtp import html_part, text_part

TITLE_BE = "Вызваліце палітвязняў Беларусі"


def be(message):
    with translation.override("be"):
        return gettext(message)


@pytest.mark.browser
def test_sign_and_confirm_in_belarusian(real_stack, browser, live_server, petition):
    smtp = real_stack
    Petition.objects.filter(pk=petition.pk).update(title_be=TITLE_BE)
    for english in ("Confirm your email address", "Thank you — your signature is confirmed", "Sign the petition"):
        assert be(english) != english, f"locale/be has no translation of {english!r} yet"

    # A Belarusian browser arrives at the root and lands on the Belarusian site.
    context = browser.new_context(locale="be-BY", extra_http_headers={"Accept-Language": "be-BY,be;q=0.9"})
    page = context.new_page()
    page.goto(live_server.url + "/")
    page.wait_for_url(re.compile(r"/be/$"))
    with translation.override("be"):
        petition_path = petition.get_absolute_url()
    page.goto(live_server.url + petition_path)
    assert page.locator("html").get_attribute("lang") == "be"
    assert page.get_by_role("heading", level=1).inner_text() == TITLE_BE

    page.locator("#id_first_name").fill("Ганна")
    page.locator("#id_last_name").fill("Бяляцкая")
    page.locator("#id_email").fill("Hanna.B+be@example.org")
    page.locator("#id_country").select_option("LT")
    page.get_by_role("button", name=be("Sign the petition")).click()
    page.wait_for_url(re.compile(r"/be/.*check-your-inbox/"))
    assert page.get_by_role("heading", name=be("Check your inbox")).is_visible()
    # The worker records the signature in the background.
    assert wait_until(lambda: Signature.objects.filter(language="be").exists())

    [confirmation] = smtp.inbox.wait_for(1)
    # Before consent the email names no cause and repeats nothing typed: only the neutral Belarusian words.
    assert confirmation["Subject"].strip() == be("Confirm your email address")
    greeting = be("Hello,")
    assert greeting in text_part(confirmation) and greeting in html_part(confirmation)
    for part in (text_part(confirmation), html_part(confirmation)):
        assert "Ганна" not in part and TITLE_BE not in part
    link = re.search(r"(http://\S+/confirm/\S+/)", text_part(confirmation)).group(1)
    assert "/be/" in link  # the link opens the Belarusian page

    page.goto(link)
    page.get_by_role("button", name=be("Confirm my signature")).click()
    page.wait_for_url(re.compile(r"/be/.*thank-you/"))
    assert Signature.objects.get().status == Signature.Status.CONFIRMED

    thanks = smtp.inbox.wait_for(2)[1]
    assert thanks["Subject"].strip() == be("Thank you — your signature is confirmed")
    context.close()
