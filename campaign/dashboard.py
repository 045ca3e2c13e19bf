"""The organisers' dashboard: the site-level page that puts the petitions, the letters and the outbox
side by side (like the home page, it is one of the few places that composes the apps)."""

from django.conf import settings
from django.contrib import admin
from django.db.models import Count
from django.shortcuts import render

from campaign.admin_site import organiser_required
from campaign.models import OutgoingEmail
from campaign.profiles import minsk_today
from letters.services import recipients
from petitions.dashboard import petitions_context

FAILURES_LISTED = 20


def mail_stats():
    by_status = dict(OutgoingEmail.objects.values_list("status").annotate(n=Count("pk")).order_by())
    return {
        "counts": [(label, by_status.get(value, 0)) for value, label in OutgoingEmail.Status.choices],
        # Kind, time and error only: the dashboard shows no addresses.
        "failures": OutgoingEmail.objects.filter(status=OutgoingEmail.Status.FAILED)
        .only("kind", "created_at", "attempts", "last_error")
        .order_by("-created_at")[:FAILURES_LISTED],
    }


def statuses_to_check(people):
    """The held people whose status no source has confirmed for longer than the setting, oldest first."""
    stale = [r for r in people if r.stale]
    return sorted(stale, key=lambda r: (r.current.as_of, r.person.name_latin))


def dashboard_context():
    people = recipients()
    return {
        **petitions_context(),
        "mail": mail_stats(),
        "recipients": people,
        "to_check": statuses_to_check(people),
        "check_after_days": settings.STATUS_CHECK_AFTER_DAYS,
        "today": minsk_today(),
    }


@organiser_required()
def dashboard(request):
    context = {**admin.site.each_context(request), "title": "Campaign dashboard", **dashboard_context()}
    return render(request, "admin/dashboard.html", context)
