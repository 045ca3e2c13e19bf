"""The site's URLs plus a stand-in for the letters app, to test the pages once letters:index exists."""

from django.conf.urls.i18n import i18n_patterns
from django.http import HttpResponse
from django.urls import include, path

from campaign.urls import urlpatterns as site_urlpatterns


def letters_index(request):
    return HttpResponse("letters")


urlpatterns = site_urlpatterns + i18n_patterns(
    path("letters/", include(([path("", letters_index, name="index")], "letters"))),
)
