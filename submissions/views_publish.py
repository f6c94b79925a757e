"""Publishing a submitted version, and publishing a correction to a published plan."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from core.forms import ConfirmForm, add_refusal
from core.refusals import Refusal
from submissions import access, selectors
from submissions.publishing import publish_version


class CorrectionForm(forms.Form):
    correction_note = forms.CharField(
        label="What does this correction change?",
        help_text="Readers see this beside the corrected plan, for example "
        "\u201cCorrects the consultant spend figure in theme 3\u201d.",
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={
            "required": "Say what this correction changes",
            "max_length": "Keep it to 500 characters or fewer",
        },
    )


@require_http_methods(["GET", "POST"])
@login_required
def publish(request, version_id):
    version = access.get_version_for_publish(request.user, version_id)
    if selectors.publication_of(version) is not None:
        return redirect("portal:published_plan", code=version.council.gss_code, slug=version.return_definition.slug)
    current = selectors.latest_publication(council=version.council, return_definition=version.return_definition)
    form = (CorrectionForm if current else ConfirmForm)(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            publication = publish_version(
                version=version, actor=request.user, correction_note=form.cleaned_data.get("correction_note", "")
            )
        except Refusal as refused:
            add_refusal(form, refused)
        else:
            what = "correction" if publication.replaces_id else "plan"
            messages.success(request, f"The {what} has been published")
            return redirect("submissions:council_dashboard")
    return render(
        request,
        "submissions/publish.html",
        {
            "version": version,
            "submission": selectors.submission_of(version),
            "current": current,
            "form": form,
        },
        status=400 if form.errors else 200,
    )
