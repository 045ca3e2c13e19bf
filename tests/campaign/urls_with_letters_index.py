"""The site's pages plus a stand-in for the letters page, without a composer."""

from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path

from tests.campaign.urls_with_letters import letters_page
from tests.campaign.urls_without_letters import urlpatterns as site_urlpatterns

urlpatterns = site_urlpatterns + i18n_patterns(
    path("", include(([path("letters/", letters_page, name="index")], "letters")))
)
