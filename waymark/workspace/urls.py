from django.urls import path

from waymark.workspace import views

app_name = "workspace"
urlpatterns = [
    path("", views.home, name="home"),
    path("save/", views.save, name="save"),
    path("save/confirm/", views.passphrase_confirm, name="passphrase-confirm"),
    path("open/", views.open_workspace, name="open"),
    path("log-out/", views.logout, name="logout"),
    path("delete/", views.delete_confirm, name="delete-confirm"),
    path("delete/now/", views.delete, name="delete"),
    path("workbook/print/", views.workbook_print, name="print"),
    path("workbook/download.html", views.download_html, name="download-html"),
    path("workbook/download.txt", views.download_text, name="download-text"),
]
