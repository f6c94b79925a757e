from django.urls import path

from submissions import views

app_name = "submissions"

urlpatterns = [
    path("your-plans/", views.council_dashboard, name="council_dashboard"),
    path("your-plans/versions/<int:version_id>/submit/", views.submit, name="submit"),
    path("your-plans/versions/<int:version_id>/publish/", views.publish, name="publish"),
    path("receipts/<int:submission_id>/", views.receipt, name="receipt"),
    path("department/", views.department_home, name="department_home"),
    path("department/returns/<slug:slug>/", views.department_register, name="department_register"),
    path("department/returns/<slug:slug>/late-and-missing/", views.late_and_missing, name="late_and_missing"),
    path("department/returns/<slug:slug>/councils/<str:code>/chase/", views.chase, name="chase"),
    path(
        "department/returns/<slug:slug>/councils/<str:code>/extension/", views.grant_extension, name="grant_extension"
    ),
    path("department/submissions/<int:submission_id>/", views.department_submission, name="department_submission"),
]
