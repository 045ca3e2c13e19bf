"""The organisers' admin: login attempts throttled, a second factor (TOTP) for anyone who can see any
supporter's personal data, and no URL lookups on personal or secret fields."""

from django.conf import settings
from django.contrib import admin
from django.contrib.auth import login as auth_login
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _
from django_otp import user_has_device
from django_otp.admin import OTPAdminAuthenticationForm
from django_otp.plugins.otp_totp.models import TOTPDevice

from campaign.ratelimit import client_ip, rate_limit_hit

EXPORT_PERMISSION = "petitions.export_signatures"


# Models holding supporters' personal data (names, addresses, emails with live links, who wrote when).
PERSONAL_DATA_MODELS = {
    "petitions.signature",
    "petitions.exportrecord",
    "petitions.exportjob",
    "campaign.outgoingemail",
    "letters.remindersubscription",
    "letters.keptletter",
    "letters.letterreport",
}


def sees_personal_data(user):
    if user.is_superuser or user.has_perm(EXPORT_PERMISSION):
        return True
    for permission in user.get_all_permissions():
        app_label, codename = permission.split(".", 1)
        action, _, model = codename.partition("_")
        if action in ("view", "change", "delete") and f"{app_label}.{model}" in PERSONAL_DATA_MODELS:
            return True
    return False


def user_requires_otp(user):
    """Everyone who can see any supporter's personal data signs in with an authenticator code too."""
    return user.is_active and sees_personal_data(user)


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
    """Password, plus the authenticator code for organisers who need one or have set one up."""

    def clean_otp(self, user):
        if user is not None and not user_requires_otp(user) and not user_has_device(user, confirmed=True):
            return
        super().clean_otp(user)

    def _chosen_device(self, user):
        # Each organiser has one authenticator (manage.py otp_setup), so the form asks for no choice.
        chosen = super()._chosen_device(user)
        return chosen or TOTPDevice.objects.devices_for_user(user, confirmed=True).select_for_update().first()


class CampaignAdminSite(admin.AdminSite):
    site_header = _("Free Viasna — organisers")
    site_title = _("Free Viasna organisers")
    index_title = _("Campaign administration")
    login_form = OrganiserLoginForm
    login_template = "admin/otp_login.html"

    def has_permission(self, request):
        user = request.user
        return super().has_permission(request) and (user.is_verified() or not user_requires_otp(user))

    def login(self, request, extra_context=None):
        if request.method == "POST" and not self._login_allowed(request):
            return self._throttled_login(request)
        return super().login(request, extra_context)

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
        limit, period = settings.RATE_LIMIT_ADMIN_LOGIN
        username = request.POST.get("username", "").strip().casefold()
        ip = client_ip(request)
        by_ip = rate_limit_hit(scope="login-ip", key=ip, limit=limit * 3, period=period)
        by_user = rate_limit_hit(scope="login-user-ip", key=f"{username}|{ip}", limit=limit, period=period)
        return by_ip and by_user
