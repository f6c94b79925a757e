from django.urls import path

from analysis import views
from analysis.explorer import views as views_explorer
from analysis.review import views as views_review

app_name = "analysis"

urlpatterns = [
    path("documents/", views.document_list, name="document_list"),
    path("documents/<int:document_id>/", views.document_detail, name="document_detail"),
    path("documents/<int:document_id>/kind/", views.document_kind, name="document_kind"),
    path("import/", views.import_document, name="import_document"),
    path("import/confirm/", views.import_confirm, name="import_confirm"),
    path("runs/", views.run_list, name="run_list"),
    path("runs/start/", views.start_run, name="start_run"),
    path("runs/<int:run_id>/", views.run_detail, name="run_detail"),
    # The explorer across every plan, and the panel summary (analysis/explorer/views.py).
    path("explorer/", views_explorer.explorer_home, name="explorer"),
    path("explorer/barriers/", views_explorer.explorer_barriers, name="explorer_barriers"),
    path("explorer/themes/", views_explorer.explorer_themes, name="explorer_themes"),
    path("explorer/figures/", views_explorer.explorer_figures, name="explorer_figures"),
    path("explorer/passages/", views_explorer.explorer_passages, name="explorer_passages"),
    path("explorer/search/", views_explorer.explorer_search, name="explorer_search"),
    path("explorer/summary/", views_explorer.panel_summary, name="panel_summary"),
    path("explorer/summary.pdf", views_explorer.panel_summary_pdf, name="panel_summary_pdf"),
    path("explorer/summary.csv", views_explorer.panel_summary_csv, name="panel_summary_csv"),
    path("explorer/summary.pdf/prepare/", views_explorer.panel_summary_prepare, name="panel_summary_prepare"),
    # Human review of a passage's tags (analysis/review/views.py).
    path("review/passages/<int:passage_id>/", views_review.review_passage, name="review_passage"),
    path("review/passages/<int:passage_id>/themes/", views_review.review_themes, name="review_themes"),
    path("review/passages/<int:passage_id>/barriers/", views_review.review_barriers, name="review_barriers"),
    path("review/passages/<int:passage_id>/figures/add/", views_review.add_figure, name="add_figure"),
    path(
        "review/passages/<int:passage_id>/figures/<int:figure_id>/",
        views_review.review_figure,
        name="review_figure",
    ),
]
