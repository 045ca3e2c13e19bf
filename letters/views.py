from django.conf import settings
from django.contrib import messages
from django.core import signing
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import get_language, gettext
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from campaign import limits
from campaign.links import read_token
from campaign.models import Person
from campaign.pagecache import cached_page, same_origin_post
from letters import services
from letters.censor import check_letter, rules_for_client
from letters.forms import ComposeForm, LetterForm, ReminderForm, ReportForm
from letters.models import LetterTemplate, Phrase
from letters.pdf import render_letter_pdf

GAP = "…"  # templates mark what the writer fills in (their name, town, an occasion) with it


def _held(recipients):
    return Person.objects.filter(pk__in=[r.person.pk for r in recipients if r.is_held])


@cached_page
def index(request):
    recipients = services.recipients()
    return _render_index(request, recipients, ReminderForm())


def _render_index(request, recipients, reminder_form, status=200):
    # Held people first, then those who are free, then those with no status yet; the site's order within.
    ordered = sorted(recipients, key=lambda r: 0 if r.is_held else 1 if r.is_free else 2)
    context = {
        "recipients": ordered,
        "suggestion": services.suggested_recipient(recipients),
        "reminder_form": reminder_form,
    }
    return render(request, "letters/index.html", context, status=status)


@cached_page
def guide(request):
    return render(request, "letters/guide.html")


# --- the composer -----------------------------------------------------------------------------------


@never_cache  # the page can hold the letter's text
@require_http_methods(["GET", "POST"])
def compose(request):
    recipients = services.recipients()
    people = _held(recipients)
    if request.method == "POST":
        return _compose_post(request, recipients, people)

    by_slug = {r.person.slug: r for r in recipients}
    asked = by_slug.get(request.GET.get("person", ""))
    chosen = asked if asked and asked.is_held else services.suggested_recipient(recipients)
    kind = request.GET.get("kind", "")
    language = request.GET.get("language", "")
    initial = {
        "person": chosen.person.pk if chosen else None,
        "kind": kind if kind in LetterTemplate.Kind.values else LetterTemplate.Kind.FIRST_LETTER,
        "language": language if language in LetterTemplate.Language.values else LetterTemplate.Language.RU,
        "reply_sheet": True,
    }
    form = ComposeForm(initial=initial, people=people)
    freed = asked if asked and asked.is_free else None
    return _render_compose(request, form, recipients, freed=freed)


def _compose_post(request, recipients, people):
    action = request.POST.get("action", "check")
    phrase_id = request.POST.get("phrase", "")
    ready = action in ("ready", "ready_anyway") and not phrase_id
    form = ComposeForm(request.POST, people=people, body_required=ready)
    if not form.is_valid():
        return _render_compose(request, form, recipients, status=400)
    data = form.cleaned_data

    if phrase_id or action == "template":
        if phrase_id:
            phrase = Phrase.objects.filter(pk=phrase_id if phrase_id.isdigit() else 0, is_active=True).first()
            body = _append(data["body"], phrase.text(data["language"]) if phrase else "")
        else:
            template = LetterTemplate.objects.filter(
                kind=data["kind"], language=data["language"], is_active=True
            ).first()
            body = template.render(name=services.first_name(data["person"], data["language"])) if template else ""
        fresh = ComposeForm(initial={**data, "person": data["person"].pk, "body": body}, people=people)
        return _render_compose(request, fresh, recipients, flags=check_letter(body))

    flags = check_letter(data["body"])
    if action == "edit" or (flags and action != "ready_anyway") or not ready:
        return _render_compose(request, form, recipients, flags=flags, checked=action != "edit")
    return _render_ready(request, form, flags)


def _append(body, text):
    if not text:
        return body
    if body and not body.endswith(("\n", " ")):
        body += " "
    return body + text


def _phrasebook():
    groups = {}
    for phrase in Phrase.objects.filter(is_active=True):
        groups.setdefault(phrase.category, []).append(phrase)
    return [
        {"label": category.label, "phrases": groups[category]} for category in Phrase.Category if category in groups
    ]


def _english_template(kind):
    return LetterTemplate.objects.filter(kind=kind, language=LetterTemplate.Language.EN, is_active=True).first()


def _distinct(flags):
    seen, unique = set(), []
    for flag in flags:
        key = (flag.code, flag.fragment.lower())
        if key not in seen:
            seen.add(key)
            unique.append(flag)
    return unique


def _render_compose(request, form, recipients, *, flags=(), checked=False, freed=None, status=200):
    language = form["language"].value() or LetterTemplate.Language.RU
    kind = form["kind"].value() or LetterTemplate.Kind.FIRST_LETTER
    context = {
        "form": form,
        "recipients": [r for r in recipients if r.is_held],
        "suggestion": services.suggested_recipient(recipients),
        "freed": freed,
        "colleagues": [r for r in recipients if r.is_held] if freed else [],
        "phrasebook": _phrasebook(),
        "language": language,
        "english_template": _english_template(kind) if language != LetterTemplate.Language.EN else None,
        "flags": _distinct(flags),
        "checked": checked,
        "gaps": GAP in (form["body"].value() or ""),
        "censor_rules": rules_for_client(),
    }
    return render(request, "letters/compose.html", context, status=status)


def _render_ready(request, form, flags):
    data = form.cleaned_data
    person = data["person"]
    facility = services.current_facility(person)
    context = {
        "form": form,
        "person": person,
        "facility": facility,
        "overdue": facility.check_overdue() if facility else False,
        "address_lines": services.envelope_lines(person, facility),
        "sender_lines": services.sender_lines(data["sender"]),
        "body": data["body"],
        "flags": _distinct(flags),
        "gaps": GAP in data["body"],
    }
    return render(request, "letters/ready.html", context)


@require_POST
def letter_pdf(request):
    form = LetterForm(request.POST, people=_held(services.recipients()))
    if not form.is_valid():
        return HttpResponse(gettext("The letter could not be read. Please go back and try again."), status=400)
    data = form.cleaned_data
    person = data["person"]
    pdf = render_letter_pdf(
        body=data["body"],
        address_lines=services.envelope_lines(person, services.current_facility(person)),
        sender_lines=services.sender_lines(data["sender"]) or None,
        include_reply_sheet=data["reply_sheet"],
    )
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="letter-{person.slug}.pdf"'
    response["Cache-Control"] = "no-store"
    return response


# --- 'I sent a letter' ------------------------------------------------------------------------------


@same_origin_post  # the form is on a cached page: no per-visitor token
@require_POST
def report(request):
    form = ReportForm(request.POST, people=_held(services.recipients()))
    if not form.is_valid():
        return redirect("letters:index")
    person = form.cleaned_data["person"]
    if not limits.letter_report_from_network(request):
        messages.warning(
            request, gettext("Thank you! We have already counted several letters from your network today.")
        )
        return redirect(reverse("letters:index") + f"#{person.slug}")
    services.letter_report(person=person)
    messages.success(
        request, gettext("Thank you for writing to %(name)s. Your letter is counted.") % {"name": person.display_name}
    )
    return redirect(reverse("letters:index") + f"#{person.slug}")


# --- kept copies ------------------------------------------------------------------------------------


@require_POST
def keep(request):
    form = LetterForm(request.POST, people=_held(services.recipients()))
    if not form.is_valid():
        return redirect("letters:compose")
    if not limits.kept_letter_from_network(request):
        return render(request, "letters/kept_limit.html", status=429)
    token = services.kept_letter_create(person=form.cleaned_data["person"], body=form.cleaned_data["body"])
    link = request.build_absolute_uri(reverse("letters:kept", args=[token]))
    return render(request, "letters/kept_created.html", {"link": link, "token": token})


@never_cache
@require_http_methods(["GET", "POST"])
def kept(request, token):
    if request.method == "POST":
        services.kept_letter_delete(token=token)
        return render(request, "letters/kept_deleted.html")
    letter = services.kept_letter_get(token=token)
    if letter is None:
        return render(request, "letters/kept_missing.html", status=404)
    return render(request, "letters/kept.html", {"letter": letter, "token": token})


# --- reminders --------------------------------------------------------------------------------------


@same_origin_post  # the form is on a cached page: no per-visitor token
@require_POST
def reminders_subscribe(request):
    form = ReminderForm(request.POST)
    if not form.is_valid():
        return _render_index(request, services.recipients(), form, status=400)
    if form.is_bot:
        return redirect("letters:reminders_check_inbox")
    if not limits.reminders_from_network(request):
        return render(request, "letters/reminders_limit.html", status=429)
    email = form.cleaned_data["email"]
    # Over the per-address limit the answer stays the same, but no more mail goes out.
    if limits.reminders_mail_to(email):
        services.reminder_subscribe(email=email, language=get_language())
    return redirect("letters:reminders_check_inbox")


def reminders_check_inbox(request):
    return render(request, "letters/reminders_check_inbox.html")


@require_http_methods(["GET", "POST"])
def reminders_confirm(request, token):
    try:
        subscription_id = read_token(token, salt=services.REMINDER_CONFIRM_SALT, max_age=settings.CONFIRMATION_MAX_AGE)
    except signing.BadSignature:  # expired too: subscribing again sends a fresh link
        return render(request, "letters/reminders_link_invalid.html", status=404)
    if request.method == "GET":
        return render(request, "letters/reminders_confirm.html")
    subscription = services.reminder_confirm(subscription_id=subscription_id)
    if subscription is None:
        return render(request, "letters/reminders_link_invalid.html", status=404)
    return render(request, "letters/reminders_confirmed.html")


@require_http_methods(["GET", "POST"])
def reminders_unsubscribe(request, token):
    try:
        subscription_id = read_token(token, salt=services.REMINDER_UNSUBSCRIBE_SALT)
    except signing.BadSignature:
        return render(request, "letters/reminders_link_invalid.html", status=404)
    if request.method == "GET":
        return render(request, "letters/reminders_unsubscribe.html")
    services.reminder_unsubscribe(subscription_id=subscription_id)
    return render(request, "letters/reminders_unsubscribed.html")
