"""The organisers' admin: login attempts throttled, and a second factor (TOTP) for anyone who can
export signatures — they hold the supporters' names and emails."""

from django.contrib import admin
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from django_otp import user_has_device
from django_otp.admin import OTPAdminAuthenticationForm
from django_otp.plugins.otp_totp.models import TOTPDevice

from campaign import limits

EXPORT_PERMISSION = "petitions.export_signatures"


def user_requires_otp(user):
    return user.is_active and user.has_perm(EXPORT_PERMISSION)


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
            return TemplateResponse(request, "admin/login_throttled.html", status=429)
        return super().login(request, extra_context)

    @staticmethod
    def _login_allowed(request):
        return limits.admin_login(request, request.POST.get("username", "").strip().casefold())
