from django.urls import path

from waymark.program import views

app_name = "program"
urlpatterns = [path("", views.home, name="home")]
