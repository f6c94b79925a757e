from django.contrib import admin

from core.admin import ReadOnlyAdmin
from governance.models import Decision


@admin.register(Decision)
class DecisionAdmin(ReadOnlyAdmin):
    list_display = ("version", "outcome", "decision_maker", "decided_on")
