from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path
from django.views.static import serve

from campaign import views
from campaign.dashboard import dashboard
from petitions.urls import api_urlpatterns as petition_api

urlpatterns = [
    path("healthz", views.healthz, name="healthz"),
    path("", include((petition_api, "petitions_api"))),
    path("i18n/", include("django.conf.urls.i18n")),
]

urlpatterns += i18n_patterns(
    path("", views.home, name="home"),
    path("privacy/", views.privacy, name="privacy"),
    path("your-data/", views.data_request, name="data_request"),
    path("your-data/<str:token>/", views.data_kept, name="your_data"),
    path("people/<slug:slug>/", views.person_detail, name="person_detail"),
    path("", include("petitions.urls")),
    path("", include("letters.urls")),
    path("admin/dashboard/", dashboard, name="dashboard"),  # the organisers' page across the apps
    path("admin/", admin.site.urls),
)

if settings.DEBUG:
    urlpatterns += [path(f"{settings.MEDIA_URL.lstrip('/')}<path:path>", serve, {"document_root": settings.MEDIA_ROOT})]
