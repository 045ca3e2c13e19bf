"""The organisers' admin: login attempts throttled, a second factor (TOTP) for anyone who can see any
supporter's personal data, and no URL lookups on personal or secret fields."""

import functools

from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.contrib.auth import REDIRECT_FIELD_NAME
from django.contrib.auth import login as auth_login
from django.contrib.auth import logout as auth_logout
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.decorators import method_decorator
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django_otp import login as otp_login
from django_otp import user_has_device
from django_otp.admin import OTPAdminAuthenticationForm
from django_otp.plugins.otp_totp.models import TOTPDevice

from campaign import limits, second_factor
from campaign.second_factor import EXPORT_PERMISSION, user_needs_enrolment, user_requires_otp

__all__ = ["EXPORT_PERMISSION", "CampaignAdminSite", "user_requires_otp"]


class PersonalDataAdmin(admin.ModelAdmin):
    """For models with personal or secret fields: the URL may filter only by the list's own filters
    (and date), never by ?to=, ?email= or ?body_text__regex=, which would let one test addresses or
    pull out live links; and search never looks at addresses."""

    def lookup_allowed(self, lookup, value, request=None):
        allowed = {f if isinstance(f, str) else f[0] for f in self.list_filter}
        if self.date_hierarchy:
            allowed.add(self.date_hierarchy)
        return lookup.split("__", 1)[0] in allowed and super().lookup_allowed(lookup, value, request)


class OrganiserLoginForm(OTPAdminAuthenticationForm):
    """Password, plus the authenticator code for organisers who need one or have set one up.

    An organiser who needs one and has none yet signs in with the password and is taken to the
    enrolment page, where nothing else of the admin is reachable until a first code confirms it.
    """

    def clean_otp(self, user):
        if user is not None and not user_has_device(user, confirmed=True):
            return
        super().clean_otp(user)

    def _chosen_device(self, user):
        # Each organiser has one authenticator, so the form asks for no choice.
        chosen = super()._chosen_device(user)
        return chosen or TOTPDevice.objects.devices_for_user(user, confirmed=True).select_for_update().first()


class EnrolForm(forms.Form):
    otp_token = forms.CharField(
        label=_("Code from the app"),
        max_length=8,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True}),
    )


class CampaignAdminSite(admin.AdminSite):
    site_header = _("Free Viasna — organisers")
    site_title = _("Free Viasna organisers")
    index_title = _("Campaign administration")
    login_form = OrganiserLoginForm
    login_template = "admin/otp_login.html"

    def has_permission(self, request):
        user = request.user
        return super().has_permission(request) and (user.is_verified() or not user_requires_otp(user))

    def get_urls(self):
        return [path("second-factor/", self.enrol_view, name="otp_enrol"), *super().get_urls()]

    def login(self, request, extra_context=None):
        if request.method == "POST" and not self._login_allowed(request):
            return self._throttled_login(request)
        if user_needs_enrolment(request.user):
            return self._to_enrolment(request)
        response = super().login(request, extra_context)
        if request.method == "POST" and user_needs_enrolment(request.user):
            return self._to_enrolment(request)
        return response

    def _to_enrolment(self, request):
        url = reverse("admin:otp_enrol", current_app=self.name)
        next_url = request.POST.get(REDIRECT_FIELD_NAME) or request.GET.get(REDIRECT_FIELD_NAME)
        if next_url and url_has_allowed_host_and_scheme(next_url, allowed_hosts={request.get_host()}):
            url += "?" + REDIRECT_FIELD_NAME + "=" + next_url
        return redirect(url)

    @method_decorator(never_cache)
    def enrol_view(self, request):
        """Set up the authenticator: scan the QR code (or type the key), confirm with a first code."""
        user = request.user
        if not (user.is_authenticated and user.is_active and user.is_staff):
            return redirect(reverse("admin:login", current_app=self.name))
        if user.is_verified() or user_has_device(user, confirmed=True):
            return redirect(reverse("admin:index", current_app=self.name))
        if request.method == "POST" and "log_out" in request.POST:  # the admin's own log out is not open yet
            auth_logout(request)
            return redirect(reverse("admin:login", current_app=self.name))
        device = second_factor.device_pending(user=user)
        form = EnrolForm(request.POST or None)
        if request.method == "POST" and form.is_valid():
            token = form.cleaned_data["otp_token"].strip().replace(" ", "")
            if second_factor.device_confirm(user=user, device=device, token=token):
                otp_login(request, device)
                messages.success(request, gettext("Your authenticator is set up. Sign in with its code from now on."))
                next_url = request.GET.get(REDIRECT_FIELD_NAME, "")
                if not url_has_allowed_host_and_scheme(next_url, allowed_hosts={request.get_host()}):
                    next_url = reverse("admin:index", current_app=self.name)
                return redirect(next_url)
            form.add_error(
                "otp_token", gettext("That code is not right. Check the phone's clock and try the newest code.")
            )
        context = {
            **self.each_context(request),
            # Nothing else of the admin opens before the authenticator is set up: no menu to it either.
            "available_apps": [],
            "is_nav_sidebar_enabled": False,
            "title": gettext("Set up your authenticator"),
            "form": form,
            "qr_svg": second_factor.qr_svg(device),
            "key": second_factor.base32_key(device),
            "issuer": settings.OTP_TOTP_ISSUER,
        }
        return TemplateResponse(request, "admin/otp/enrol.html", context)

    def _throttled_login(self, request):
        """Over the limit, only the right password with the right authenticator code gets in: guessing
        from elsewhere never locks an organiser out, and a password alone is never worth guessing."""
        form = self.login_form(request, data=request.POST)
        if form.is_valid() and user_has_device(form.get_user(), confirmed=True):
            auth_login(request, form.get_user())  # django-otp marks the session verified
            next_url = request.POST.get("next") or request.GET.get("next", "")
            if not url_has_allowed_host_and_scheme(next_url, {request.get_host()}, request.is_secure()):
                next_url = reverse("admin:index", current_app=self.name)
            return redirect(next_url)
        return TemplateResponse(request, "admin/login_throttled.html", status=429)

    @staticmethod
    def _login_allowed(request):
        """Attempts per (account, address), so that guesses from other addresses never lock an
        organiser out, and per address."""
        return limits.admin_login(request, request.POST.get("username", "").strip().casefold())


def organiser_required(permission=None):
    """For organisers' pages inside the admin: 403, not a login redirect, to anyone the admin would not
    let in (staff, verified by an authenticator code when they must be) or who lacks `permission`."""

    def decorator(view):
        @functools.wraps(view)
        @never_cache
        def wrapper(request, *args, **kwargs):
            user = request.user
            if not admin.site.has_permission(request) or (permission and not user.has_perm(permission)):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        return wrapper

    return decorator
