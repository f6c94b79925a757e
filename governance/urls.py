from django.urls import path

from governance import views

app_name = "governance"

urlpatterns = [
    path("", views.council_reports, name="council_reports"),
    path("settings/", views.governance_settings, name="settings"),
    path("versions/<int:version_id>/decision/", views.record_decision, name="record_decision"),
    path("versions/<int:version_id>/report/", views.create_report, name="create_report"),
    path("reports/<int:report_id>/", views.report_detail, name="report_detail"),
    path("reports/<int:report_id>/read/", views.report_read, name="report_read"),
    path("reports/<int:report_id>/report.pdf", views.report_pdf, name="report_pdf"),
    path("reports/<int:report_id>/edit/", views.report_edit, name="report_edit"),
    path("reports/<int:report_id>/scrutiny/", views.scrutiny_comment, name="scrutiny_comment"),
    path("reports/<int:report_id>/lines/<int:line_id>/sign/", views.sign_line, name="sign_line"),
    path("reports/<int:report_id>/lines/<int:line_id>/person/", views.name_person, name="name_person"),
    path("reports/<int:report_id>/lines/<int:line_id>/consultee/", views.record_consultee, name="record_consultee"),
    path("decisions/<int:decision_id>/", views.decision_detail, name="decision_detail"),
    path("decisions/<int:decision_id>/publish/", views.publish_decision_record, name="publish_decision_record"),
    path("decisions/<int:decision_id>/call-in/", views.record_call_in, name="record_call_in"),
    path("decisions/<int:decision_id>/call-in/resolve/", views.resolve_call_in, name="resolve_call_in"),
    path("decisions/<int:decision_id>/record/", views.decision_record, name="decision_record"),
]
