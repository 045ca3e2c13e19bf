"""The site's URLs plus stand-ins for the letters app, to test the pages once its URLs exist."""

from django.conf.urls.i18n import i18n_patterns
from django.http import HttpResponse
from django.urls import include, path

from campaign.urls import urlpatterns as site_urlpatterns


def letters_page(request):
    return HttpResponse("letters")


letters_urlpatterns = [
    path("letters/", letters_page, name="index"),
    path("letters/write/", letters_page, name="compose"),
]

urlpatterns = site_urlpatterns + i18n_patterns(path("", include((letters_urlpatterns, "letters"))))
