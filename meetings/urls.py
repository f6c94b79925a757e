from django.urls import path

from meetings import views

app_name = "meetings"

urlpatterns = [
    path("", views.meeting_list, name="meeting_list"),
    path("new/", views.schedule_meeting, name="schedule_meeting"),
    path("papers/new/", views.write_paper, name="write_paper"),
    path("papers/<int:paper_id>/", views.paper_detail, name="paper_detail"),
    path("papers/<int:paper_id>/edit/", views.edit_paper, name="edit_paper"),
    path("<int:meeting_id>/", views.meeting_detail, name="meeting_detail"),
    path("<int:meeting_id>/items/add/", views.add_item, name="add_item"),
    path("items/<int:item_id>/remove/", views.remove_item, name="remove_item"),
    path("<int:meeting_id>/publish/", views.publish_agenda, name="publish_agenda"),
    path("<int:meeting_id>/record-past-agenda/", views.record_past_agenda, name="record_past_agenda"),
    path("<int:meeting_id>/publish-supplement/", views.publish_supplement, name="publish_supplement"),
    path("<int:meeting_id>/preview-supplementary-agenda.pdf", views.preview_supplement, name="preview_supplement"),
    path("<int:meeting_id>/preview-agenda-pack.pdf", views.preview_pack, name="preview_pack"),
    path("agendas/", views.public_agendas, name="public_agendas"),
    path("agendas/<int:meeting_id>/", views.public_agenda, name="public_agenda"),
    path("agendas/<int:meeting_id>/agenda-pack.pdf", views.agenda_pack, name="agenda_pack"),
    path(
        "agendas/<int:meeting_id>/supplementary-agenda-<int:number>.pdf", views.supplement_pack, name="supplement_pack"
    ),
]
