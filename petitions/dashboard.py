"""The organisers' dashboard: the numbers behind 'how are we doing', and the chart's geometry."""

import datetime

from django.conf import settings
from django.db.models import Count
from django.db.models.functions import TruncDate
from django.utils import timezone
from django_countries import countries

from campaign.models import OutgoingEmail
from campaign.profiles import minsk_today
from letters.services import recipients
from petitions.models import Petition, Signature

CHART_DAYS = 30
TOP_COUNTRIES = 10
FAILURES_LISTED = 20
# The SVG chart's drawing area, in its own units (it scales to the page's width).
CHART_WIDTH, CHART_HEIGHT = 600, 160


def petition_stats(petition):
    by_status = dict(
        Signature.objects.filter(petition=petition).values_list("status").annotate(n=Count("pk")).order_by()
    )
    confirmed = by_status.get(Signature.Status.CONFIRMED, 0)
    pending = by_status.get(Signature.Status.PENDING, 0)
    return {
        "petition": petition,
        "confirmed": confirmed,
        "pending": pending,
        # Of the signatures still kept: unconfirmed ones are erased after the retention period.
        "confirmation_rate": round(100 * confirmed / (confirmed + pending)) if confirmed + pending else None,
        "chart": daily_chart(daily_confirmations(petition)),
        "top_countries": top_countries(petition),
        "milestones": list(petition.milestones.all()),
    }


def daily_confirmations(petition, days=CHART_DAYS):
    """(date, confirmations) for each of the last `days` days in the site's time zone, zeros included."""
    today = timezone.localdate()
    first = today - datetime.timedelta(days=days - 1)
    start = timezone.make_aware(datetime.datetime.combine(first, datetime.time()))
    counts = dict(
        Signature.objects.filter(petition=petition, status=Signature.Status.CONFIRMED, confirmed_at__gte=start)
        .annotate(day=TruncDate("confirmed_at"))
        .values_list("day")
        .annotate(n=Count("pk"))
        .order_by()
    )
    return [
        (first + datetime.timedelta(days=n), counts.get(first + datetime.timedelta(days=n), 0)) for n in range(days)
    ]


def daily_chart(series):
    """Bars for the SVG template: x, y, width and height in the chart's units."""
    peak = max((count for _, count in series), default=0) or 1
    step = CHART_WIDTH / len(series)
    bars = []
    for n, (day, count) in enumerate(series):
        height = round(CHART_HEIGHT * count / peak, 1)
        bars.append(
            {"day": day, "count": count, "x": round(n * step + 1, 1), "y": CHART_HEIGHT - height, "height": height}
        )
    return {
        "bars": bars,
        "bar_width": round(step - 2, 1),
        "peak": max(count for _, count in series),
        "width": CHART_WIDTH,
        "height": CHART_HEIGHT,
    }


def top_countries(petition, limit=TOP_COUNTRIES):
    rows = (
        Signature.objects.filter(petition=petition, status=Signature.Status.CONFIRMED)
        .values_list("country")
        .annotate(n=Count("pk"))
        .order_by("-n", "country")[:limit]
    )
    return [(countries.name(code) or code, count) for code, count in rows]


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
    """The held people whose status no source has confirmed for longer than the setting, oldest first.

    `people` are letters.services.Recipient rows (each with its current status)."""
    stale = [r for r in people if r.stale]
    return sorted(stale, key=lambda r: (r.current.as_of, r.person.name_latin))


def dashboard_context():
    people = recipients()
    return {
        "petitions": [petition_stats(petition) for petition in Petition.objects.all()],
        "mail": mail_stats(),
        "recipients": people,
        "to_check": statuses_to_check(people),
        "check_after_days": settings.STATUS_CHECK_AFTER_DAYS,
        "today": minsk_today(),
    }
