from django.urls import path

from portal import views, views_audit, views_progress

app_name = "portal"

urlpatterns = [
    path("", views.home, name="home"),
    path("councils/", views.council_list, name="council_list"),
    path("councils/<str:code>/", views.council_detail, name="council_detail"),
    path("councils/<str:code>/publications.atom", views.council_feed, name="council_feed"),
    path("councils/<str:code>/progress/", views_progress.council_progress, name="council_progress"),
    path(
        "councils/<str:code>/progress/commitments.csv",
        views_progress.commitments_csv,
        name="progress_commitments_csv",
    ),
    path("councils/<str:code>/progress/<slug:metric>/", views_progress.council_metric, name="council_metric"),
    path("councils/<str:code>/progress/<slug:metric>.csv", views_progress.metric_csv, name="metric_csv"),
    path("councils/<str:code>/subscribe/", views.subscribe, name="subscribe"),
    path("councils/<str:code>/subscribe/check-your-email/", views.subscribe_sent, name="subscribe_sent"),
    path("councils/<str:code>/plans/<slug:slug>/", views.published_plan, name="published_plan"),
    path("councils/<str:code>/plans/<slug:slug>/plan.<str:fmt>", views.plan_download, name="plan_download"),
    path("published/<str:content_hash>/<str:filename>", views.publication_file, name="publication_file"),
    path("publications.atom", views.publications_feed, name="publications_feed"),
    path("subscriptions/confirm/<str:token>/", views.confirm_subscription, name="confirm_subscription"),
    path("subscriptions/unsubscribe/<str:token>/", views.unsubscribe, name="unsubscribe"),
    path("accessibility/", views.accessibility, name="accessibility"),
    path("health/", views.health, name="health"),
    path("audit/", views_audit.audit_heads, name="audit_heads"),
    path("audit/heads.json", views_audit.audit_heads_feed, name="audit_heads_feed"),
    path("audit/public-key.pem", views_audit.audit_public_key, name="audit_public_key"),
    path("open-data/", views.open_data, name="open_data"),
    path("open-data/<slug:slug>/register.<str:fmt>", views.register_download, name="register_download"),
    path("open-data/<slug:slug>/<slug:dataset>.<str:fmt>", views.dataset_download, name="dataset_download"),
]
