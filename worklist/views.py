"""The first page of every signed-in person: the work waiting for them, each with one link to do it."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.views.decorators.http import require_GET

from worklist.context_processors import areas_for, waiting_of
from worklist.selectors import KINDS


@require_GET
@login_required
def waiting(request):
    council, permissions, items = waiting_of(request)
    return render(
        request,
        "worklist/waiting.html",
        {"council": council, "items": items, "kinds": KINDS, "areas": areas_for(permissions)},
    )
