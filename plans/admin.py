from django.contrib import admin

from core.admin import ReadOnlyAdmin
from plans.models import Draft, PlanVersion, Return, Theme


class ThemeInline(admin.TabularInline):
    model = Theme
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    fields = ("number", "short_title", "title")


@admin.register(Return)
class ReturnAdmin(ReadOnlyAdmin):
    """Returns are defined from files (`plans.services.define_returns_from_files`), never edited here."""

    list_display = ("title", "slug", "deadline", "page_limit")
    inlines = [ThemeInline]


@admin.register(Draft)
class DraftAdmin(ReadOnlyAdmin):
    list_display = ("council", "return_definition", "revision", "updated_at")


@admin.register(PlanVersion)
class PlanVersionAdmin(ReadOnlyAdmin):
    list_display = ("council", "return_definition", "number", "content_hash", "frozen_at")
