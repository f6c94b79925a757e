"""People in the admin. A change to a person is saved through `accounts.services.save_user_from_admin`,
which writes an audit event naming the fields changed; a department role is refused for someone who
holds a council role (decision 0004). API tokens are read-only: their owner revokes them."""

from django import forms
from django.contrib import admin
from django.contrib.auth.admin import UserAdmin
from django.contrib.auth.forms import UserChangeForm

from accounts.models import ApiToken, User
from accounts.services import save_user_from_admin
from core.admin import ReadOnlyAdmin


class ServiceUserChangeForm(UserChangeForm):
    def clean_department_role(self):
        role = self.cleaned_data.get("department_role")
        if role and self.instance.pk and self.instance.memberships.exists():
            raise forms.ValidationError("Someone who holds a council role cannot also have a department role")
        return role


@admin.register(User)
class ServiceUserAdmin(UserAdmin):
    form = ServiceUserChangeForm
    fieldsets = UserAdmin.fieldsets + (("Service", {"fields": ("department_role", "job_title")}),)
    list_display = ("username", "first_name", "last_name", "department_role", "is_active")

    def save_model(self, request, obj, form, change):
        save_user_from_admin(user=obj, changed=list(form.changed_data), created=not change, actor=request.user)


@admin.register(ApiToken)
class ApiTokenAdmin(ReadOnlyAdmin):
    list_display = ("prefix", "user", "created_at", "expires_at", "last_used_at", "revoked_at")
