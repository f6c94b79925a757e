from django.urls import path

from plans import views

app_name = "plans"

urlpatterns = [
    path("returns/<slug:slug>/start/", views.start_draft, name="start_draft"),
    path("drafts/<int:draft_id>/", views.draft_detail, name="draft_detail"),
    path("drafts/<int:draft_id>/edit/", views.draft_edit, name="draft_edit"),
    path("drafts/<int:draft_id>/freeze/", views.freeze, name="freeze"),
    path("versions/<int:version_id>/", views.version_detail, name="version_detail"),
]
