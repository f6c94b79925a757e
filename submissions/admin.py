from django.contrib import admin

from core.admin import ReadOnlyAdmin
from submissions.models import Chase, Extension, Publication, ReturnStatus, Submission


@admin.register(Submission)
class SubmissionAdmin(ReadOnlyAdmin):
    list_display = ("reference", "council", "submitted_at", "on_time", "content_hash")


@admin.register(Publication)
class PublicationAdmin(ReadOnlyAdmin):
    list_display = ("council", "return_definition", "published_at", "content_hash")


@admin.register(ReturnStatus)
class ReturnStatusAdmin(ReadOnlyAdmin):
    list_display = ("council", "return_definition", "stage", "on_time", "updated_at")
    list_filter = ("stage", "on_time")


@admin.register(Extension)
class ExtensionAdmin(ReadOnlyAdmin):
    list_display = ("council", "return_definition", "deadline", "granted_by", "granted_at")


@admin.register(Chase)
class ChaseAdmin(ReadOnlyAdmin):
    list_display = ("council", "return_definition", "kind", "sent_at", "days_before_deadline")
    list_filter = ("kind",)
