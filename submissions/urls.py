from django.urls import path

from submissions import views, views_amend, views_draft

app_name = "submissions"

urlpatterns = [
    path("your-plans/", views.council_dashboard, name="council_dashboard"),
    # A draft's page and its guidance checks show where it stands (deadline, endorsement), so they are here.
    path("plans/drafts/<int:draft_id>/", views_draft.draft_detail, name="draft_detail"),
    path("plans/drafts/<int:draft_id>/checks/", views_draft.draft_checks, name="draft_checks"),
    path("your-plans/versions/<int:version_id>/submit/", views.submit, name="submit"),
    path("your-plans/versions/<int:version_id>/publish/", views.publish, name="publish"),
    path("your-plans/returns/<slug:slug>/extension/", views.request_extension, name="request_extension"),
    path("receipts/<int:submission_id>/", views.receipt, name="receipt"),
    # A delegation's scope ends at submission, which is known here (submissions.standing).
    path(
        "governance/delegations/<int:delegation_id>/amend/",
        views_amend.amend_under_delegation,
        name="amend_under_delegation",
    ),
    path("department/", views.department_home, name="department_home"),
    path("department/returns/<slug:slug>/", views.department_register, name="department_register"),
    path("department/returns/<slug:slug>/late-and-missing/", views.late_and_missing, name="late_and_missing"),
    path("department/returns/<slug:slug>/councils/<str:code>/chase/", views.chase, name="chase"),
    path(
        "department/returns/<slug:slug>/councils/<str:code>/extension/", views.grant_extension, name="grant_extension"
    ),
    path("department/extension-requests/<int:request_id>/refuse/", views.refuse_extension, name="refuse_extension"),
    path("department/submissions/<int:submission_id>/", views.department_submission, name="department_submission"),
]
