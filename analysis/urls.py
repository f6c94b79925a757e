from django.urls import path

from analysis import views

app_name = "analysis"

urlpatterns = [
    path("documents/", views.document_list, name="document_list"),
    path("documents/<int:document_id>/", views.document_detail, name="document_detail"),
    path("import/", views.import_document, name="import_document"),
    path("import/confirm/", views.import_confirm, name="import_confirm"),
    path("runs/", views.run_list, name="run_list"),
    path("runs/start/", views.start_run, name="start_run"),
    path("runs/<int:run_id>/", views.run_detail, name="run_detail"),
]
