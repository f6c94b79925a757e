from django.contrib import admin

from councils.models import Council, Membership


@admin.register(Council)
class CouncilAdmin(admin.ModelAdmin):
    list_display = ("name", "gss_code", "authority_type", "region")
    list_filter = ("authority_type", "region")
    search_fields = ("name", "gss_code")
    readonly_fields = ("gss_code",)


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ("user", "council", "role")
    list_filter = ("role",)
    search_fields = ("user__username", "council__name")
    autocomplete_fields = ("council",)
