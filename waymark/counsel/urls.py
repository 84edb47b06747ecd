from django.urls import path

from waymark.counsel import views

# Neutral addresses: browser history shows "messages", never the topic.
app_name = "counsel"
urlpatterns = [
    path("", views.home, name="home"),
    path("about/", views.about, name="about"),
    path("write/", views.write, name="write"),
    path("share/", views.share_list, name="shares"),
    path("share/add/", views.share, name="share"),
    path("share/withdraw/", views.withdraw, name="withdraw"),
]
