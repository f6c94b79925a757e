from django.contrib import admin

from core.admin import ReadOnlyAdmin
from plans.models import Draft, PlanVersion, Return, Theme


class ThemeInline(admin.TabularInline):
    model = Theme
    extra = 0
    fields = ("number", "short_title", "title")


@admin.register(Return)
class ReturnAdmin(admin.ModelAdmin):
    list_display = ("title", "slug", "deadline", "page_limit")
    inlines = [ThemeInline]


@admin.register(Draft)
class DraftAdmin(ReadOnlyAdmin):
    list_display = ("council", "return_definition", "revision", "updated_at")


@admin.register(PlanVersion)
class PlanVersionAdmin(ReadOnlyAdmin):
    list_display = ("council", "return_definition", "number", "content_hash", "frozen_at")
