"""Marketing email editor: renders a live preview of a campaign body."""
import json
import logging

from django.contrib.auth.mixins import PermissionRequiredMixin
from django.http import JsonResponse
from django.shortcuts import get_object_or_404
from django.views import View
from jinja2 import TemplateSyntaxError, select_autoescape
from jinja2.exceptions import SecurityError
from jinja2.sandbox import SandboxedEnvironment

from marketing.models import Campaign

log = logging.getLogger(__name__)

SAMPLE_RECIPIENT = {
    "first_name": "Ada",
    "last_name": "Lovelace",
    "company": "Analytical Engines Ltd",
    "plan": "Pro",
}


class PreviewRenderer:
    def __init__(self):
        self.env = SandboxedEnvironment(autoescape=select_autoescape(default_for_string=True, default=True))

    def render(self, source, recipient, campaign):
        template = self.env.from_string(source)
        return template.render(
            recipient=recipient,
            campaign={"name": campaign.name, "unsubscribe_url": campaign.unsubscribe_url},
        )


class CampaignPreviewView(PermissionRequiredMixin, View):
    permission_required = "marketing.change_campaign"
    renderer = PreviewRenderer()

    def post(self, request, campaign_id):
        campaign = get_object_or_404(Campaign, pk=campaign_id)
        try:
            payload = json.loads(request.body)
        except json.JSONDecodeError:
            return JsonResponse({"error": "invalid JSON"}, status=400)
        source = str(payload.get("body") or campaign.body_template)
        overrides = payload.get("recipient") or {}
        if not isinstance(overrides, dict):
            return JsonResponse({"error": "recipient must be an object"}, status=400)
        recipient = {**SAMPLE_RECIPIENT, **overrides}
        try:
            html = self.renderer.render(source, recipient, campaign)
        except TemplateSyntaxError as exc:
            return JsonResponse({"error": "template syntax error", "line": exc.lineno}, status=400)
        except SecurityError:
            return JsonResponse({"error": "template uses a disallowed construct"}, status=400)
        log.info("preview rendered for campaign %r by user %r", campaign.pk, request.user.pk)
        return JsonResponse({"html": html})
