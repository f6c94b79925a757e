from django.contrib import admin

from core.admin import ReadOnlyAdmin
from meetings.models import AgendaItem, Committee, Meeting, Paper


@admin.register(Committee)
class CommitteeAdmin(ReadOnlyAdmin):
    list_display = ("name", "council", "kind")
    list_filter = ("kind",)


@admin.register(Meeting)
class MeetingAdmin(ReadOnlyAdmin):
    list_display = ("committee", "council", "date", "starts_at", "agenda_published_on", "clear_working_days")
    list_filter = ("committee__kind",)
    date_hierarchy = "date"


@admin.register(AgendaItem)
class AgendaItemAdmin(ReadOnlyAdmin):
    list_display = ("meeting", "number", "title", "first_page", "last_page")


@admin.register(Paper)
class PaperAdmin(ReadOnlyAdmin):
    list_display = ("title", "council", "cleared_on")
