"""Campaign draft import/export for the e-mail marketing editor."""
import base64
import json
import logging

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse, HttpResponseBadRequest, JsonResponse
from django.shortcuts import get_object_or_404
from django.views.decorators.http import require_POST

from .models import Campaign, Segment

log = logging.getLogger(__name__)


class CampaignDraft:
    """Portable snapshot of a campaign that can be moved between accounts."""

    def __init__(self, name, subject, blocks, segment_ids):
        self.name = name
        self.subject = subject
        self.blocks = blocks
        self.segment_ids = segment_ids

    def to_dict(self):
        return {
            "name": self.name,
            "subject": self.subject,
            "blocks": self.blocks,
            "segment_ids": self.segment_ids,
        }

    @classmethod
    def from_dict(cls, data):
        if not isinstance(data, dict):
            raise ValueError("draft must be an object")
        blocks = data.get("blocks", [])
        if not isinstance(blocks, list):
            raise ValueError("blocks must be a list")
        return cls(
            str(data["name"])[:200],
            str(data.get("subject", ""))[:300],
            blocks,
            [int(s) for s in data.get("segment_ids", [])],
        )


@login_required
def export_draft(request, campaign_id):
    campaign = get_object_or_404(Campaign, pk=campaign_id, owner=request.user)
    draft = CampaignDraft(
        campaign.name,
        campaign.subject,
        campaign.blocks,
        list(campaign.segments.values_list("id", flat=True)),
    )
    blob = base64.b64encode(json.dumps(draft.to_dict()).encode("utf-8"))
    resp = HttpResponse(blob, content_type="application/octet-stream")
    resp["Content-Disposition"] = f'attachment; filename="campaign-{campaign.pk}.draft"'
    return resp


@login_required
@require_POST
def import_draft(request):
    if "draft" not in request.FILES:
        return HttpResponseBadRequest("missing draft file")
    try:
        draft = CampaignDraft.from_dict(json.loads(base64.b64decode(request.FILES["draft"].read())))
    except Exception as exc:
        log.info("rejected draft upload from user %s: %r", request.user.pk, exc)
        return HttpResponseBadRequest("could not read draft")

    segments = Segment.objects.filter(owner=request.user, pk__in=draft.segment_ids)
    campaign = Campaign.objects.create(
        owner=request.user,
        name=f"{draft.name} (imported)",
        subject=draft.subject,
        blocks=draft.blocks,
        status="draft",
    )
    campaign.segments.set(segments)
    return JsonResponse({"id": campaign.pk, "draft": draft.to_dict()}, status=201)
