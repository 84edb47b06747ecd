from django.urls import path

from waymark.diary import views

app_name = "diary"
urlpatterns = [
    path("", views.home, name="home"),
    path("new/", views.entry_new, name="new"),
    path("entries/<str:entry_id>/edit/", views.entry_edit, name="entry-edit"),
    path("entries/<str:entry_id>/saved/", views.entry_saved, name="entry-saved"),
    path("entries/<str:entry_id>/delete/", views.entry_delete, name="entry-delete"),
    path("entries/<str:entry_id>/chain/", views.chain, name="chain"),
    path("patterns/", views.patterns_show, name="patterns"),
    path("check-in/", views.checkin, name="checkin"),
    path("settings/", views.diary_settings, name="settings"),
]
