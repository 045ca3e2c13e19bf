from django.contrib.admin.apps import AdminConfig


class CampaignAdminConfig(AdminConfig):
    """The admin, on the campaign's own site (throttled login, TOTP for exporters)."""

    default_site = "campaign.admin_site.CampaignAdminSite"
