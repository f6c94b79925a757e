"""The audit log's signed heads, in public (decision 0024): the page, the JSON feed anyone may keep copies
from, and the public key that checks them. Nothing here says what any entry holds: only the newest entry's
number and hash at each moment, signed with the service's key."""

import json

from django.http import HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from core import audit, audit_keys

FEED_HEADS = 500


def _head_rows(limit: int) -> list[audit.Anchor]:
    return audit.signed_heads(limit=limit)


@require_GET
def audit_heads(request):
    return render(
        request,
        "portal/audit_heads.html",
        {
            "heads": _head_rows(50),
            "public_key_pem": audit_keys.public_key_pem(),
            "key_id": audit_keys.key_id(),
        },
    )


@require_GET
def audit_heads_feed(request):
    """The newest signed heads as JSON, newest first, with the public key: save it as it is and
    `manage.py verify_audit_log --heads <file>` checks the log against it."""
    document = {
        "title": "Productivity plans service: signed heads of the audit log",
        "key_id": audit_keys.key_id(),
        "public_key": audit_keys.public_key_pem(),
        "heads": [head.as_json() for head in _head_rows(FEED_HEADS)],
    }
    response = HttpResponse(json.dumps(document, indent=2) + "\n", content_type="application/json; charset=utf-8")
    response["Cache-Control"] = "no-cache"
    return response


@require_GET
def audit_public_key(request):
    return HttpResponse(audit_keys.public_key_pem(), content_type="application/x-pem-file; charset=us-ascii")
