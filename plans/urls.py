from django.urls import path

from plans import views, views_render

app_name = "plans"

urlpatterns = [
    path("returns/<slug:slug>/start/", views.start_draft, name="start_draft"),
    path("drafts/<int:draft_id>/edit/", views.draft_edit, name="draft_edit"),
    path("drafts/<int:draft_id>/freeze/", views.freeze, name="freeze"),
    path("versions/<int:version_id>/", views.version_detail, name="version_detail"),
    path("drafts/<int:draft_id>/compare/", views.compare_versions, name="compare_versions"),
    path("drafts/<int:draft_id>/import/", views.import_docx, name="import_docx"),
    path("drafts/<int:draft_id>/import/preview/", views.import_preview, name="import_preview"),
    path("drafts/<int:draft_id>/spend/", views.spend_evidence, name="spend_evidence"),
    path("drafts/<int:draft_id>/spend/upload/", views.spend_upload, name="spend_upload"),
    path("drafts/<int:draft_id>/spend/expense-types/", views.spend_types, name="spend_types"),
    path("drafts/<int:draft_id>/barriers/add/", views.add_barrier, name="add_barrier"),
    path("drafts/<int:draft_id>/barriers/<int:barrier_id>/remove/", views.remove_barrier, name="remove_barrier"),
    path("drafts/<int:draft_id>/commitments/add/", views.add_commitment, name="add_commitment"),
    path(
        "drafts/<int:draft_id>/commitments/<int:commitment_id>/remove/",
        views.remove_commitment,
        name="remove_commitment",
    ),
    path("drafts/<int:draft_id>/pdf/", views_render.draft_pdf, name="draft_pdf"),
    path("drafts/<int:draft_id>/pdf/render/", views_render.render_pdf, name="render_pdf"),
    path("drafts/<int:draft_id>/pdf/progress/", views_render.render_progress, name="render_progress"),
    path("versions/<int:version_id>/pdf/", views_render.version_pdf, name="version_pdf"),
]
