import json
from datetime import date

from django.conf import settings
from django.contrib import messages
from django.core import signing
from django.http import HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language, gettext
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from campaign import limits
from campaign.links import private_page, read_token
from campaign.models import Person
from campaign.pagecache import cached_page, same_origin_post
from campaign.pages import message_page
from campaign.pdf import RenderTimeout, time_limit
from letters import services, tasks
from letters.censor import check_letter, language
from letters.content import POSTAGE_YEAR
from letters.forms import ComposeForm, LetterForm, ReminderForm, ReportForm
from letters.models import KeptLetter, LetterTemplate, Phrase, ReminderSubscription
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
    age = timezone.localdate().year - POSTAGE_YEAR
    context = {
        "postage": {"year": POSTAGE_YEAR, "age": age, "outdated": age >= 1},
        # Shown in the page's language: '24 жніўня 2023'.
        "source_dates": {"epde": date(2023, 8, 24), "belsat": date(2024, 1, 1), "mediazona": date(2023, 7, 6)},
    }
    return render(request, "letters/guide.html", context)


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
    if phrase_id and not (phrase_id.isascii() and phrase_id.isdigit()):  # '²'.isdigit() is True too
        form = ComposeForm(request.POST, people=people, body_required=False)
        form.is_valid()
        form.add_error(None, gettext("Please choose a phrase from the phrasebook."))
        return _render_compose(request, form, recipients, status=400)
    ready = action in ("ready", "ready_anyway") and not phrase_id
    form = ComposeForm(request.POST, people=people, body_required=ready)
    if not form.is_valid():
        return _render_compose(request, form, recipients, status=400)
    data = form.cleaned_data

    if phrase_id or action == "template":
        phrase = None
        if phrase_id:
            phrase = Phrase.objects.filter(pk=phrase_id, is_active=True).first()
            body = _append(data["body"], phrase.text(data["language"]) if phrase else "")
        else:
            template = LetterTemplate.objects.filter(
                kind=data["kind"], language=data["language"], is_active=True
            ).first()
            body = template.render(name=services.first_name(data["person"], data["language"])) if template else ""
        fresh = ComposeForm(initial={**data, "person": data["person"].pk, "body": body}, people=people)
        # Back where the writer was: the page opens at the phrase's group (the button's formaction has
        # its anchor), with that group open.
        open_group = phrase.category if phrase else None
        return _render_compose(request, fresh, recipients, flags=check_letter(body), open_group=open_group)

    flags = check_letter(data["body"])
    if action == "edit" or (flags and action != "ready_anyway") or not ready:
        return _render_compose(request, form, recipients, flags=flags, checked=action != "edit")
    return _render_ready(request, form, flags)


def _append(body, text):
    """Without JavaScript there is no cursor to go by: the line goes at the end, on a line of its own."""
    if not text:
        return body
    body = body.rstrip(" ")
    if body and not body.endswith("\n"):
        body += "\n"
    return body + text


def _phrasebook(open_group=None):
    groups = {}
    for phrase in Phrase.objects.filter(is_active=True):
        groups.setdefault(phrase.category, []).append(phrase)
    present = [category for category in Phrase.Category if category in groups]
    return [
        {
            "category": category,
            "label": category.label,
            "phrases": groups[category],
            "open": category == open_group or (open_group is None and index < 2),
        }
        for index, category in enumerate(present)
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


def _render_compose(request, form, recipients, *, flags=(), checked=False, freed=None, status=200, open_group=None):
    language = form["language"].value() or LetterTemplate.Language.RU
    kind = form["kind"].value() or LetterTemplate.Kind.FIRST_LETTER
    context = {
        "form": form,
        "recipients": [r for r in recipients if r.is_held],
        "suggestion": services.suggested_recipient(recipients),
        "freed": freed,
        "colleagues": [r for r in recipients if r.is_held] if freed else [],
        "phrasebook": _phrasebook(open_group),
        "language": language,
        "english_template": _english_template(kind) if language != LetterTemplate.Language.EN else None,
        "flags": _distinct(flags),
        "checked": checked,
        "gaps": GAP in (form["body"].value() or ""),
    }
    return render(request, "letters/compose.html", context, status=status)


def _render_ready(request, form, flags):
    data = form.cleaned_data
    person = data["person"]
    facility = services.current_facility(person)
    envelope = services.envelope_for(person, facility, data["language"])
    context = {
        "form": form,
        "person": person,
        "facility": facility,
        "overdue": facility.check_overdue() if facility else False,
        "envelope": envelope,
        "current": person.status_changes.first(),  # newest first
        "sender_lines": services.sender_lines(data["sender"]),
        "body": data["body"],
        "flags": _distinct(flags),
        "gaps": GAP in data["body"],
    }
    return render(request, "letters/ready.html", context)


@never_cache
@require_POST
def check(request):
    """The live check in the composer: {"text": …} in, the flags out (as data and as the composer's
    markup). The same check_letter as the form's own check; the text is neither stored nor logged."""
    if not limits.letter_check_from_network(request):
        return JsonResponse({"error": gettext("Too many checks at once. Press 'Check my letter' instead.")}, status=429)
    try:
        text = json.loads(request.body)["text"]
    except (ValueError, KeyError, TypeError):
        text = None
    if not isinstance(text, str) or len(text) > KeptLetter.MAX_CHARS:
        return JsonResponse(
            {"error": gettext("The letter could not be read. Please go back and try again.")}, status=400
        )
    flags = check_letter(text)
    return JsonResponse(
        {
            "language": language(text),
            "flags": [
                {"code": f.code, "message": f.message, "suggestion": f.suggestion, "rewording": f.rewording}
                | {"fragment": f.fragment, "start": f.start, "end": f.end}
                for f in flags
            ],
            "html": render_to_string("letters/_flags.html", {"flags": _distinct(flags)}),
        }
    )


@require_POST
def letter_pdf(request):
    form = LetterForm(request.POST, people=_held(services.recipients()))
    if not form.is_valid():
        errors = " ".join(str(e) for field in ("body", "sender") for e in form.errors.get(field, []))
        message = gettext("The letter could not be read. Please go back and try again.")
        return HttpResponse(f"{message} {errors}".strip(), status=400, content_type="text/plain; charset=utf-8")
    if not limits.letter_pdf_from_network(request):
        message = gettext("Many letters have been printed from your network in the last hour. Please try again later.")
        return HttpResponse(message, status=429, content_type="text/plain; charset=utf-8")
    data = form.cleaned_data
    person = data["person"]
    envelope = services.envelope_for(person, services.current_facility(person), data["language"])
    try:
        with time_limit(settings.PDF_TIME_LIMIT):
            pdf = render_letter_pdf(
                body=data["body"],
                address_lines=envelope.lines if envelope else None,
                sender_lines=services.sender_lines(data["sender"]) or None,
                include_reply_sheet=data["reply_sheet"],
                letter_language=services.envelope_language(data["language"]),
                envelope_language=envelope.language if envelope else "ru",
                page_language=get_language(),
            )
    except RenderTimeout:
        message = gettext("The letter took too long to prepare. Please shorten it and try again.")
        return HttpResponse(message, status=503, content_type="text/plain; charset=utf-8")
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="letter-{person.slug}.pdf"'
    response["Cache-Control"] = "no-store"
    return response


# --- 'I sent a letter' ------------------------------------------------------------------------------


@same_origin_post  # the form is on a cached page: no per-visitor token
@require_http_methods(["GET", "POST"])
def report(request):
    if request.method == "GET":  # a bookmarked or reloaded address: the letters page, where reports are made
        return redirect("letters:index")
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


@require_http_methods(["GET", "POST"])
def keep(request):
    if request.method == "GET":
        return redirect("letters:compose")
    form = LetterForm(request.POST, people=_held(services.recipients()))
    if not form.is_valid():
        return redirect("letters:compose")
    if not limits.kept_letter_from_network(request):
        return _letters_message(
            request,
            gettext("Please try again later"),
            gettext(
                "Many copies have been kept from your network today. Please save the letter on your own device for now."
            ),
            status=429,
        )
    token = services.kept_letter_create(person=form.cleaned_data["person"], body=form.cleaned_data["body"])
    # Post/redirect/get: reloading or going back never offers to send the form again.
    return redirect(reverse("letters:kept", args=[token]) + "?new=1")


@private_page
@never_cache
@require_http_methods(["GET", "POST"])
def kept(request, token):
    if request.method == "POST":
        services.kept_letter_delete(token=token)
        return _letters_message(
            request, gettext("Copy deleted"), gettext("The copy of your letter is deleted from this site.")
        )
    letter = services.kept_letter_get(token=token)
    if letter is None:
        return _letters_message(
            request,
            gettext("No letter here"),
            gettext(
                "This link does not lead to a kept letter. "
                "It may have been copied incompletely, or the copy was deleted."
            ),
            status=404,
        )
    link = request.build_absolute_uri(reverse("letters:kept", args=[token]))
    context = {"letter": letter, "token": token, "link": link, "new": "new" in request.GET}
    return render(request, "letters/kept.html", context)


# --- reminders --------------------------------------------------------------------------------------


@same_origin_post  # the form is on a cached page: no per-visitor token
@require_http_methods(["GET", "POST"])
def reminders_subscribe(request):
    if request.method == "GET":  # the form is on the letters page
        return redirect(reverse("letters:index") + "#reminders")
    form = ReminderForm(request.POST)
    if not form.is_valid():
        return _render_index(request, services.recipients(), form, status=400)
    if form.is_bot:
        return redirect("letters:reminders_check_inbox")
    if not limits.reminders_from_network(request):
        return _letters_message(
            request,
            gettext("Please try again later"),
            gettext("Too many requests have come from your network in the last hour."),
            status=429,
        )
    email = form.cleaned_data["email"]
    # Over the per-address limit the answer stays the same, but no more mail goes out. The lookup and
    # the mail run in the background, so the answer takes as long whether or not the address is known.
    if limits.reminders_mail_to(email):
        tasks.subscribe_to_reminders.run_after_commit(email, get_language())
    return redirect("letters:reminders_check_inbox")


def reminders_check_inbox(request):
    return render(request, "letters/reminders_check_inbox.html")


def _subscription_id(token, *, salt, max_age):
    public_id = read_token(token, salt=salt, max_age=max_age)
    return ReminderSubscription.objects.filter(public_id=public_id).values_list("pk", flat=True).first()


@private_page
@require_http_methods(["GET", "POST"])
def reminders_confirm(request, token):
    try:
        subscription_id = _subscription_id(
            token, salt=services.REMINDER_CONFIRM_SALT, max_age=settings.CONFIRMATION_MAX_AGE
        )
    except signing.BadSignature:  # expired too: subscribing again sends a fresh link
        subscription_id = None
    if subscription_id is None:
        return _reminders_link_invalid(request)
    if request.method == "GET":
        return render(request, "letters/reminders_confirm.html")
    subscription = services.reminder_confirm(subscription_id=subscription_id)
    if subscription is None:
        return _reminders_link_invalid(request)
    return render(request, "letters/reminders_confirmed.html")


@private_page
@require_http_methods(["GET", "POST"])
def reminders_unsubscribe(request, token):
    try:
        subscription_id = _subscription_id(
            token, salt=services.REMINDER_UNSUBSCRIBE_SALT, max_age=settings.WITHDRAW_LINK_MAX_AGE
        )
    except signing.BadSignature:
        return _reminders_link_invalid(request)
    if request.method == "GET":
        return render(request, "letters/reminders_unsubscribe.html")
    if subscription_id is not None:
        services.reminder_unsubscribe(subscription_id=subscription_id)
    return _letters_message(
        request, gettext("Reminders stopped"), gettext("You will get no more reminders, and your address is erased.")
    )


def _letters_message(request, title, text, status=200):
    back = gettext("Back to letters")
    return message_page(request, title, text, status=status, back_url=reverse("letters:index"), back_label=back)


def _reminders_link_invalid(request):
    text = gettext(
        "It may have expired or been copied incompletely, or the reminders were already stopped. "
        "You can ask for reminders again on the letters page."
    )
    return _letters_message(request, gettext("This link does not work"), text, status=404)
