"""The site's public pages without the letters app, whether or not it is installed: the pages must
then show no letter link. The other test URLconfs add stand-ins for the letters URLs to this."""

from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path

from campaign import views

urlpatterns = i18n_patterns(
    path("", views.home, name="home"),
    path("privacy/", views.privacy, name="privacy"),
    path("people/<slug:slug>/", views.person_detail, name="person_detail"),
    path("", include("petitions.urls")),
)
