from django.urls import path

from waymark.staff import views

urlpatterns = [
    path("", views.staff_login, name="staff-login"),
    path("logout/", views.staff_logout, name="staff-logout"),
    path("team/", views.team, name="staff-team"),
    path("operator/", views.operator_page, name="staff-operator"),
]
