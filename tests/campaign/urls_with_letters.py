"""The site's pages plus stand-ins for the letters app's page and composer."""

from django.conf.urls.i18n import i18n_patterns
from django.http import HttpResponse
from django.urls import include, path

from tests.campaign.urls_without_letters import urlpatterns as site_urlpatterns


def letters_page(request):
    return HttpResponse("letters")


letters_urlpatterns = [
    path("letters/", letters_page, name="index"),
    path("letters/write/", letters_page, name="compose"),
]

urlpatterns = site_urlpatterns + i18n_patterns(path("", include((letters_urlpatterns, "letters"))))
