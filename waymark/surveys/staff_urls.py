from django.urls import path

from waymark.surveys import staff_views

urlpatterns = [
    path("research/", staff_views.research_index, name="staff-research"),
    path("research/<slug:survey_id>/", staff_views.research_survey, name="staff-research-survey"),
    path(
        "research/<slug:survey_id>/cross-tab/",
        staff_views.research_cross_tab,
        name="staff-research-cross-tab",
    ),
    path(
        "research/<slug:survey_id>/review/",
        staff_views.research_review,
        name="staff-research-review",
    ),
    path(
        "research/<slug:survey_id>/held/",
        staff_views.research_held,
        name="staff-research-held",
    ),
    path(
        "research/<slug:survey_id>/held/<str:day>/<slug:decision>/",
        staff_views.research_held_decide,
        name="staff-research-held-decide",
    ),
    path(
        "research/<slug:survey_id>/export/",
        staff_views.research_export,
        name="staff-research-export",
    ),
]
