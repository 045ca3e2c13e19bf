"""Reminders on the real stack: a browser asks for them, a real worker sends the confirmation to a real SMTP
server, the link confirms, and the reminder before 21 May goes out once although the job runs twice."""

import re
import time
from datetime import date

import pytest

from campaign.seed import content as seed_content
from campaign.seeding import _seed_key_dates
from letters import services
from letters.models import ReminderSubscription
from tests.smtp import html_part, text_part


@pytest.mark.browser
def test_ask_confirm_and_get_one_reminder(real_stack, browser, live_server):
    smtp = real_stack
    _seed_key_dates(seed_content.KEY_DATES)  # the reminders read the key dates organisers keep
    page = browser.new_page(viewport={"width": 390, "height": 844})
    page.goto(live_server.url + "/en/letters/")
    page.get_by_role("textbox", name="Email").fill("Writer+reminders@example.org")
    page.get_by_role("button", name="Remind me").click()
    page.wait_for_url(re.compile(r"/letters/reminders/check-your-inbox/"))

    [confirmation] = smtp.inbox.wait_for(1)
    assert confirmation["To"] == "Writer+reminders@example.org"
    assert "/letters/reminders/unsubscribe/" in text_part(confirmation)
    link = re.search(r"(http://\S+/letters/reminders/confirm/\S+/)", text_part(confirmation)).group(1)
    page.goto(link)
    page.get_by_role("button", name="Start my reminders").click()
    page.get_by_role("heading", name="Reminders started").wait_for()
    assert ReminderSubscription.objects.get().status == ReminderSubscription.Status.CONFIRMED

    # The beat job, on 14 May, twice: the worker sends one reminder.
    assert services.reminders_send(today=date(2026, 5, 14)) == 1
    assert services.reminders_send(today=date(2026, 5, 14)) == 0
    messages = smtp.inbox.wait_for(2)
    time.sleep(1)  # a duplicate, if there were one, would arrive now
    assert len(smtp.inbox.messages) == 2
    reminder = messages[1]
    assert reminder["Subject"].strip() == "In 7 days: Day of Political Prisoners of Belarus — time to write a letter"
    assert "Write a letter" in html_part(reminder)
    unsubscribe = re.search(r"(http://\S+/letters/reminders/unsubscribe/\S+/)", text_part(reminder)).group(1)
    page.goto(unsubscribe)
    page.get_by_role("button", name="Stop and erase my address").click()
    page.get_by_role("heading", name="Reminders stopped").wait_for()
    assert not ReminderSubscription.objects.exists()
