"""The site's URLs plus a letters page without a composer."""

from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path

from campaign.urls import urlpatterns as site_urlpatterns
from tests.campaign.urls_with_letters import letters_page

urlpatterns = site_urlpatterns + i18n_patterns(
    path("", include(([path("letters/", letters_page, name="index")], "letters")))
)
