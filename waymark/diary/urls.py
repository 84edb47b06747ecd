from django.urls import path

from waymark.diary import views

app_name = "diary"
urlpatterns = [path("", views.home, name="home")]
