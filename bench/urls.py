"""The site's URLs plus two floors: a bare insert and a static page of a given size."""

from django.urls import path

from bench import views
from campaign.urls import urlpatterns as site_urlpatterns

urlpatterns = [
    path("bench/insert/", views.floor_insert),
    path("bench/page/<int:size>/", views.floor_page),
    *site_urlpatterns,
]
