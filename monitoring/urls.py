from django.urls import path

from monitoring import views

app_name = "monitoring"

urlpatterns = [
    path("", views.council_home, name="council_home"),
    path("figures/load/", views.load_figures, name="load_figures"),
    path("figures/imports/<int:import_id>/", views.import_detail, name="import_detail"),
    path("figures/approve/", views.approvals, name="approvals"),
    path("figures/<int:value_id>/commentary/", views.write_commentary, name="write_commentary"),
    path("settings/", views.monitoring_settings, name="settings"),
    path("commitments/<int:commitment_id>/track/", views.track_commitment, name="track_commitment"),
    path("tracked/<int:tracked_id>/", views.tracked_detail, name="tracked_detail"),
    path("tracked/<int:tracked_id>/stop/", views.stop_tracking, name="stop_tracking"),
    path("department/", views.department_home, name="department_home"),
    path("department/commitments/", views.department_commitments, name="department_commitments"),
    path("department/metrics/<slug:metric>/", views.department_metric, name="department_metric"),
    path("department/export/<slug:dataset>.csv", views.department_export, name="department_export"),
]
