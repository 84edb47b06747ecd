from django.urls import path

from waymark.program import views

app_name = "program"
urlpatterns = [
    path("", views.home, name="home"),
    path("self-check/", views.self_check, name="self-check"),
    path("self-check/results/", views.self_check_results, name="self-check-results"),
    path("exercise/<slug:exercise_id>/", views.exercise, name="exercise"),
    path("exercise/<slug:exercise_id>/answer/", views.exercise_answer, name="exercise-answer"),
    path("summary/<slug:summary_id>/print/", views.summary_print, name="summary-print"),
    path("<slug:chapter_id>/", views.chapter, name="chapter"),
    path("<slug:chapter_id>/<slug:page_id>/", views.page, name="page"),
]
