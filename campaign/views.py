from django.conf import settings
from django.core import signing
from django.core.cache import cache
from django.db import connection
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from campaign import limits, your_data
from campaign.celery import app as celery_app
from campaign.forms import DataRequestForm
from campaign.links import private_page
from campaign.models import KeyDate, Person
from campaign.pagecache import cached_page
from campaign.profiles import coming_dates, minsk_today, standing_of
from petitions.exports import EXPORT_EXPIRY
from petitions.models import Petition


@cached_page
def home(request):
    today = minsk_today()
    people = Person.objects.defer("biography").with_standing()
    people = [standing_of(person, today) for person in people]
    featured = next((s for s in people if s.person.featured), people[0] if people else None)
    # Those held first, then those whose status is not recorded yet, then those free.
    others = sorted((s for s in people if s is not featured), key=lambda s: (not s.held, s.free))
    dates = coming_dates(standing=featured, key_dates=KeyDate.objects.all(), today=today) if featured else []
    # Under the heading their sources give them: Viasna's people, then other human rights defenders.
    groups = [(label, [s for s in others if s.person.group == value]) for value, label in Person.Group.choices]
    context = {
        "featured": featured,
        "others": others,
        "groups": [(label, members) for label, members in groups if members],
        "coming_dates": dates[:3],
        "petition": Petition.objects.filter(is_open=True).first(),
    }
    return render(request, "campaign/home.html", context)


def privacy(request):
    """Every period the page states comes from the settings that enforce it."""
    context = {
        "max_age_days": settings.CONFIRMATION_MAX_AGE // 86400,
        "retention_days": settings.UNCONFIRMED_RETENTION_DAYS,
        "withdraw_link_days": settings.WITHDRAW_LINK_MAX_AGE // 86400,
        "data_link_hours": settings.DATA_LINK_MAX_AGE // 3600,
        "outbox_days": settings.OUTBOX_RETENTION_DAYS,
        "export_hours": int(EXPORT_EXPIRY.total_seconds()) // 3600,
    }
    return render(request, "campaign/privacy.html", context)


@require_http_methods(["GET", "POST"])
def data_request(request):
    """Ask for the 'your data' email. The answer is the same, and as quick, whether or not the address is known."""
    form = DataRequestForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        email = form.cleaned_data["email"]
        if limits.data_request(request, email):
            your_data.send_data_link.run_after_commit(email)
        return render(request, "campaign/data_request.html", {"sent": True})
    return render(request, "campaign/data_request.html", {"form": form}, status=400 if form.errors else 200)


@private_page
def data_kept(request, token):
    try:
        email_key = your_data.read_data_token(token)
    except signing.BadSignature:  # expired or tampered: offer to send a fresh link
        email_key = None
    if email_key is None:
        context = {"form": DataRequestForm(), "link_failed": True}
        return render(request, "campaign/data_request.html", context, status=410)
    return render(request, "campaign/your_data.html", your_data.data_kept(email_key))


def _database_ok():
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return True


def _cache_ok():
    cache.set("healthz", "ok", timeout=10)
    return cache.get("healthz") == "ok"


def _broker_ok():
    if settings.CELERY_TASK_ALWAYS_EAGER:
        return True  # the embedded default has no broker: tasks run in-process
    with celery_app.connection_for_write() as conn:
        conn.ensure_connection(max_retries=1, timeout=2)
    return True


CHECKS = {"database": _database_ok, "cache": _cache_ok, "broker": _broker_ok}


@never_cache
def healthz(request):
    results = {}
    for name, check in CHECKS.items():
        try:
            results[name] = "ok" if check() else "error"
        except Exception:  # any failure of a dependency is reported, never raised
            results[name] = "error"
    healthy = all(value == "ok" for value in results.values())
    return JsonResponse({"status": "ok" if healthy else "error", **results}, status=200 if healthy else 503)


PROFILE_PREFETCH = ["status_changes", "timeline_events", "awards", "books", "quotations", "sources"]


@cached_page
def person_detail(request, slug):
    """A profile: a fixed number of queries, however long the timeline."""
    person = get_object_or_404(Person.objects.prefetch_related(*PROFILE_PREFETCH), slug=slug)
    today = minsk_today()
    standing = standing_of(person, today)
    colleagues = Person.objects.exclude(pk=person.pk).defer("summary", "biography").with_standing()
    held_colleagues = [s for s in (standing_of(c, today) for c in colleagues) if s.held]
    awards = list(person.awards.all())
    context = {
        "person": person,
        "standing": standing,
        "held_colleagues": held_colleagues,
        "prizes": [a for a in awards if a.kind == a.Kind.PRIZE],
        "honours": [a for a in awards if a.kind == a.Kind.HONOUR],
        "coming_dates": coming_dates(standing=standing, key_dates=KeyDate.objects.all(), today=today, limit=5),
        "petition": Petition.objects.filter(is_open=True).first(),
    }
    return render(request, "campaign/person_detail.html", context)
