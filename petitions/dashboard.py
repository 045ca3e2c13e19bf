"""The petitions' part of the organisers' dashboard (campaign/dashboard.py): the numbers behind 'how are
we doing', the chart's geometry, and the updates to supporters."""

import datetime

from django.db.models import Count, Min
from django.db.models.functions import TruncDate
from django.utils import timezone
from django_countries import countries

from campaign.models import OutgoingEmail
from petitions.models import Petition, PetitionUpdate, ReceivedSignature, Signature, UpdateDelivery

CHART_DAYS = 30
TOP_COUNTRIES = 10
FAILURES_LISTED = 20
UPDATES_LISTED = 10
# Beat ticks every second: a signature waiting this long means nothing is recording them.
WAITING_ALARM_SECONDS = 60
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


def update_progress(update):
    """How far an update has gone: its emails by outbox status, and the failures (errors only, no addresses)."""
    deliveries = UpdateDelivery.objects.filter(update=update)
    by_status = dict(deliveries.values_list("email__status").annotate(n=Count("pk")).order_by())
    sent = by_status.get(OutgoingEmail.Status.SENT, 0)
    failed = by_status.get(OutgoingEmail.Status.FAILED, 0)
    return {
        "update": update,
        "sent": sent,
        "failed": failed,
        "waiting": by_status.get(OutgoingEmail.Status.QUEUED, 0) + by_status.get(OutgoingEmail.Status.INFLIGHT, 0),
        "not_yet_queued": max(0, update.recipients - sum(by_status.values()))
        if update.status == PetitionUpdate.Status.SENDING
        else 0,
        "percent": min(100, round(100 * (sent + failed) / update.recipients)) if update.recipients else 100,
        "failures": OutgoingEmail.objects.filter(
            pk__in=deliveries.values("email_id"), status=OutgoingEmail.Status.FAILED
        )
        .only("created_at", "attempts", "last_error")
        .order_by("-created_at")[:FAILURES_LISTED],
    }


def updates_context(limit=UPDATES_LISTED):
    started = PetitionUpdate.objects.exclude(status=PetitionUpdate.Status.DRAFT)
    started = started.select_related("petition", "sent_by").order_by("-started_at")[:limit]
    return {
        "progress": [update_progress(update) for update in started],
        "drafts": PetitionUpdate.objects.filter(status=PetitionUpdate.Status.DRAFT).select_related("petition"),
    }


def signatures_waiting():
    """Signatures the form took that no worker has recorded yet; older than a minute means beat or
    the worker is not running (README, 'How a signature travels')."""
    waiting = ReceivedSignature.objects.aggregate(count=Count("pk"), oldest=Min("received_at"))
    age = (timezone.now() - waiting["oldest"]).total_seconds() if waiting["oldest"] else 0
    return {"count": waiting["count"], "oldest_seconds": round(age), "stalled": age > WAITING_ALARM_SECONDS}


def petitions_context():
    return {
        "petitions": [petition_stats(petition) for petition in Petition.objects.all()],
        "updates": updates_context(),
        "waiting": signatures_waiting(),
    }
