from django.urls import path

from letters import views

app_name = "letters"

urlpatterns = [
    path("letters/", views.index, name="index"),
    path("letters/how-to-write/", views.guide, name="guide"),
    path("letters/write/", views.compose, name="compose"),
    path("letters/write/pdf/", views.letter_pdf, name="pdf"),
    path("letters/write/check/", views.check, name="check"),
    path("letters/sent/", views.report, name="report"),
    path("letters/keep/", views.keep, name="keep"),
    path("letters/kept/<str:token>/", views.kept, name="kept"),
    path("letters/reminders/", views.reminders_subscribe, name="reminders_subscribe"),
    path("letters/reminders/check-your-inbox/", views.reminders_check_inbox, name="reminders_check_inbox"),
    path("letters/reminders/confirm/<str:token>/", views.reminders_confirm, name="reminders_confirm"),
    path("letters/reminders/unsubscribe/<str:token>/", views.reminders_unsubscribe, name="reminders_unsubscribe"),
]
