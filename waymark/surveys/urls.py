from django.urls import path

from waymark.surveys import views

app_name = "surveys"
urlpatterns = [
    path("", views.survey_list, name="list"),
    path("<slug:survey_id>/", views.survey_detail, name="detail"),
    path("<slug:survey_id>/start/", views.survey_start, name="start"),
    path("<slug:survey_id>/page/<int:number>/", views.page_answer, name="page"),
    path("<slug:survey_id>/stop/", views.survey_stop, name="stop"),
    path("<slug:survey_id>/stopped/", views.survey_stopped, name="stopped"),
    path("<slug:survey_id>/thanks/", views.survey_thanks, name="thanks"),
]
