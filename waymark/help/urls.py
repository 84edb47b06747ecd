from django.urls import path

from waymark.help import views

app_name = "help"
urlpatterns = [
    path("", views.help_now, name="now"),
    path("privacy/", views.privacy, name="privacy"),
    path("exit/", views.quick_exit, name="quick-exit"),
]
