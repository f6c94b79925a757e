"""The register and memberships in the admin. Councils come from the ONS register file
(`manage.py load_councils`), so they are read-only here; a council role is granted through
`councils.services.grant_council_role`, which checks decision 0004 and writes the audit event."""

from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError

from core.admin import ReadOnlyAdmin
from councils.models import Council, Membership
from councils.services import check_council_role, grant_council_role


@admin.register(Council)
class CouncilAdmin(ReadOnlyAdmin):
    list_display = ("name", "gss_code", "authority_type", "region")
    list_filter = ("authority_type", "region")
    search_fields = ("name", "gss_code")


class MembershipAdminForm(forms.ModelForm):
    class Meta:
        model = Membership
        fields = ["user", "council", "role"]

    def clean(self):
        cleaned = super().clean()
        user, council, role = cleaned.get("user"), cleaned.get("council"), cleaned.get("role")
        if user and council and role:
            try:
                check_council_role(user=user, council=council, role=role)
            except ValidationError as refusal:
                raise ValidationError(refusal.messages) from refusal
        return cleaned


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    """Add a role (through the service, audited) or look; a role is never edited in place here."""

    form = MembershipAdminForm
    list_display = ("user", "council", "role")
    list_filter = ("role",)
    search_fields = ("user__username", "council__name")
    autocomplete_fields = ("council",)

    def has_change_permission(self, request, obj=None):
        return obj is None and super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return False

    def save_model(self, request, obj, form, change):
        membership = grant_council_role(user=obj.user, council=obj.council, role=obj.role, actor=request.user)
        obj.pk = membership.pk
