from django.contrib import admin
from django.contrib.auth.admin import UserAdmin

from accounts.models import ApiToken, User


@admin.register(User)
class ServiceUserAdmin(UserAdmin):
    fieldsets = UserAdmin.fieldsets + (("Service", {"fields": ("department_role", "job_title")}),)
    list_display = ("username", "first_name", "last_name", "department_role", "is_active")


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    list_display = ("prefix", "user", "created_at", "last_used_at", "revoked_at")
    readonly_fields = ("token_hash", "prefix", "created_at", "last_used_at")
