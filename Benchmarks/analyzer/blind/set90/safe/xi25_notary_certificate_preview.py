"""Preview notarial certificate wording from a notary's saved template.

Notaries keep their own certificate templates (acknowledgment, jurat,
copy certification) with placeholders such as {signer} or {county}; this
view renders a preview before the certificate is attached to the session.
"""
import datetime as dt
import json
import logging
import re

from django.contrib.auth.decorators import login_required
from django.http import HttpResponseBadRequest, JsonResponse
from django.views.decorators.http import require_POST

log = logging.getLogger("notary.certificates")

MAX_TEMPLATE_CHARS = 4000
PLACEHOLDER_RE = re.compile(r"\{(\w+)\}")


def certificate_context(notary, signer_name, venue):
    return {
        "notary_name": notary.get_full_name(),
        "commission_no": notary.profile.commission_number,
        "commission_expires": notary.profile.commission_expires.strftime("%B %d, %Y"),
        "signer": signer_name,
        "county": venue.get("county", ""),
        "state": venue.get("state", ""),
        "date": dt.date.today().strftime("%B %d, %Y"),
    }


def render_wording(template_text, context):
    def substitute(match):
        key = match.group(1)
        if key not in context:
            raise KeyError(key)
        return str(context[key])

    return PLACEHOLDER_RE.sub(substitute, template_text)


@login_required
@require_POST
def preview_certificate(request):
    try:
        payload = json.loads(request.body or b"{}")
    except ValueError:
        return HttpResponseBadRequest("invalid JSON")

    template_text = payload.get("template", "")
    if not template_text or len(template_text) > MAX_TEMPLATE_CHARS:
        return HttpResponseBadRequest("template is empty or too long")

    ctx = certificate_context(
        request.user,
        payload.get("signer", "").strip(),
        payload.get("venue") or {},
    )
    try:
        wording = render_wording(template_text, ctx)
    except (NameError, SyntaxError, KeyError) as exc:
        return JsonResponse({"error": f"template error: {type(exc).__name__}"}, status=400)

    log.info("notary %s previewed certificate (%d chars)", request.user.pk, len(wording))
    return JsonResponse({"wording": wording})
