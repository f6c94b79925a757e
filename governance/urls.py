from django.urls import path

from governance import views

app_name = "governance"

urlpatterns = [
    path("versions/<int:version_id>/decision/", views.record_decision, name="record_decision"),
    path("decisions/<int:decision_id>/record/", views.decision_record, name="decision_record"),
]
