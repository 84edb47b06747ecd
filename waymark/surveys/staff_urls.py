from django.urls import path

from waymark.surveys import views

urlpatterns = [path("", views.survey_list, name="staff-login")]
