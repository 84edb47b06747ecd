from django.urls import path, re_path

from waymark.counsel import staff_views
from waymark.counsel.models import ID as ANY_ID

ID = rf"(?P<conversation_id>{ANY_ID.pattern})"
urlpatterns = [
    path("counsel/", staff_views.inbox, name="staff-counsel"),
    path("counsel/load/", staff_views.load_show, name="staff-counsel-load"),
    path("counsel/replies/", staff_views.snippet_list, name="staff-counsel-snippets"),
    re_path(
        rf"^counsel/replies/(?P<snippet_id>{ANY_ID.pattern})/delete/$",
        staff_views.snippet_delete,
        name="staff-counsel-snippet-delete",
    ),
    re_path(rf"^counsel/{ID}/$", staff_views.conversation, name="staff-counsel-conversation"),
    re_path(rf"^counsel/{ID}/reply/$", staff_views.reply, name="staff-counsel-reply"),
    re_path(rf"^counsel/{ID}/note/$", staff_views.note, name="staff-counsel-note"),
    re_path(rf"^counsel/{ID}/status/$", staff_views.status, name="staff-counsel-status"),
    re_path(rf"^counsel/{ID}/hand-over/$", staff_views.hand_over, name="staff-counsel-hand-over"),
]
