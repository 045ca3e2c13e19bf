from django.core import signing
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import cache_control
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from campaign import limits
from campaign.links import private_page
from campaign.pagecache import cached_page, same_origin_post
from campaign.pages import message_page
from petitions import services, tasks, updates
from petitions.forms import SignatureForm
from petitions.models import Petition, Signature

RECENT_SIGNERS = 10


@cached_page
def petition_detail(request, slug, form=None, status=200):
    petition = get_object_or_404(Petition, slug=slug)
    recent = (
        Signature.objects.filter(petition=petition, status=Signature.Status.CONFIRMED, show_publicly=True)
        .order_by("-confirmed_at")
        .only("first_name", "country", "confirmed_at")[:RECENT_SIGNERS]
    )
    context = {"petition": petition, "form": form or SignatureForm(), "recent_signers": recent}
    return render(request, "petitions/detail.html", context, status=status)


@same_origin_post  # the form is on a cached page: no per-visitor token
@require_POST
def petition_sign(request, slug):
    form = SignatureForm(request.POST)
    if not form.is_valid():
        return petition_detail(request, slug, form=form, status=400)
    if form.is_bot:
        return redirect("petitions:check_inbox", slug=slug)
    by_network, by_mail = limits.sign_attempt(request, form.cleaned_data["email"])  # one Redis round trip
    if not by_network:
        form.add_error(
            None, _("Too many signatures have come from your network in the last hour. Please try again later.")
        )
        return petition_detail(request, slug, form=form, status=429)
    # The lookups and the mail happen in a worker, so the answer takes as long whether or not the address
    # signed. Over the per-address limit the answer stays the same but nothing is taken (no more mail):
    # one statement all the same, which also finds whether the petition is open.
    if by_mail:
        taken = services.signature_receive(slug=slug, data=form.signature_data(), language=get_language())
        tasks.record_signatures.run_now_if_eager()
    else:
        taken = services.petition_is_open(slug=slug)
    if not taken:  # closed while the page was open: its page says so (404 if there is no such petition)
        return petition_detail(request, slug, form=form, status=409)
    return redirect("petitions:check_inbox", slug=slug)


def petition_check_inbox(request, slug):
    petition = get_object_or_404(Petition, slug=slug)
    return render(request, "petitions/check_inbox.html", {"petition": petition})


@private_page
@require_http_methods(["GET", "POST"])
def signature_confirm(request, token):
    try:
        signature_id = services.read_confirm_token(token)
    except signing.SignatureExpired:
        return render(request, "petitions/link_expired.html", {"token": token}, status=410)
    except signing.BadSignature:
        return _link_invalid(request)
    if request.method == "GET":
        signature = Signature.objects.select_related("petition").filter(pk=signature_id).first()
        if signature is None:
            return _link_invalid(request)
        return render(request, "petitions/confirm.html", {"signature": signature, "petition": signature.petition})
    signature = services.signature_confirm(signature_id=signature_id)
    if signature is None:
        return _link_invalid(request)
    return redirect("petitions:thanks", slug=signature.petition.slug)


@private_page
@require_POST
def signature_resend(request, token):
    """From the 'link expired' page: send a fresh link to the address that signed, while it is kept."""
    try:
        signature_id = services.read_resend_token(token)
    except signing.BadSignature:
        return _link_invalid(request)
    if signature_id is not None and limits.confirmation_resend(signature_id):
        services.signature_resend_confirmation(signature_id=signature_id)
    return message_page(
        request,
        _("Check your inbox"),
        _("If this signature is still waiting for confirmation, a new link is on its way."),
    )


def petition_thanks(request, slug):
    petition = get_object_or_404(Petition, slug=slug)
    return render(request, "petitions/thanks.html", {"petition": petition})


@private_page
@require_http_methods(["GET", "POST"])
def signature_withdraw(request, token):
    try:
        signature_id = services.read_withdraw_token(token)
    except signing.BadSignature:  # expired too: the 'your data' page gives a fresh link
        return _link_invalid(request)
    if request.method == "GET":
        signature = Signature.objects.select_related("petition").filter(pk=signature_id).first()
        return render(request, "petitions/withdraw.html", {"signature": signature})
    if signature_id is not None:
        services.signature_withdraw(signature_id=signature_id)
    return message_page(
        request,
        _("Your signature has been withdrawn"),
        _("We have erased your signature and the details that came with it."),
    )


@csrf_exempt  # one-click unsubscribe (RFC 8058): the mail client POSTs with no cookie and no token of ours
@private_page
@require_http_methods(["GET", "POST"])
def stop_updates(request, token):
    """Stop the updates to a signer, without a login. GET asks (mail scanners open links), POST stops."""
    try:
        signature_id = services.read_stop_updates_token(token)
    except signing.BadSignature:
        return _link_invalid(request)
    if request.method == "GET":
        signature = Signature.objects.select_related("petition").filter(pk=signature_id).first()
        return render(request, "petitions/stop_updates.html", {"signature": signature})
    updates.signature_stop_updates(signature_id=signature_id)
    return message_page(
        request,
        _("No more news by email"),
        _("Done: we will send you no more news about this petition. Your signature stays counted."),
    )


@require_GET
@cache_control(public=True, max_age=5)  # widgets poll; a few seconds old at most
def petition_count(request, slug):
    """For widgets on other sites: the confirmed count and the goal, readable cross-origin."""
    petition = get_object_or_404(Petition, slug=slug)
    response = JsonResponse(
        {
            "petition": petition.slug,
            "title": petition.title,
            "confirmed": petition.confirmed_count,
            "goal": petition.goal,
        }
    )
    response["Access-Control-Allow-Origin"] = "*"
    return response


def _link_invalid(request):
    return message_page(
        request,
        _("This link does not work"),
        _(
            "It may have been copied incompletely, or the signature it belongs to has been withdrawn. "
            "Please copy the whole link from the email, or sign again."
        ),
        status=404,
        back_url=reverse("home"),
        back_label=_("Go to the campaign's home page"),
    )
