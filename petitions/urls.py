from django.urls import path

from petitions import views

app_name = "petitions"

urlpatterns = [
    path("petitions/<slug:slug>/", views.petition_detail, name="detail"),
    path("petitions/<slug:slug>/sign/", views.petition_sign, name="sign"),
    path("petitions/<slug:slug>/check-your-inbox/", views.petition_check_inbox, name="check_inbox"),
    path("petitions/<slug:slug>/thank-you/", views.petition_thanks, name="thanks"),
    path("confirm/<str:token>/", views.signature_confirm, name="confirm"),
    path("confirm/<str:token>/resend/", views.signature_resend, name="resend"),
    path("withdraw/<str:token>/", views.signature_withdraw, name="withdraw"),
    path("updates/stop/<str:token>/", views.stop_updates, name="stop_updates"),
]

# Outside the language prefix: a widget on another site asks for numbers, not a page.
api_urlpatterns = [
    path("api/petitions/<slug:slug>/count.json", views.petition_count, name="count"),
]
