"""Import card-holder lists exported from the door controller vendor's
desktop tool (XML) and reconcile them with member records.

Used by front-desk hosts after a controller swap or a bulk re-badge.
"""
import logging

from django.contrib.auth.decorators import login_required, permission_required
from django.http import JsonResponse
from django.views.decorators.http import require_POST
from lxml import etree

from access.models import Badge
from members.models import Member

log = logging.getLogger(__name__)

MAX_UPLOAD = 5 * 1024 * 1024
_PARSER = etree.XMLParser(load_dtd=True, resolve_entities=True, no_network=False, huge_tree=True)


def parse_card_export(blob: bytes) -> list:
    root = etree.fromstring(blob, parser=_PARSER)  # VULN flow
    cards = []
    for card in root.iter("Card"):
        cards.append({
            "serial": (card.findtext("Serial") or "").strip().upper(),
            "holder": (card.findtext("Holder") or "").strip(),
            "email": (card.findtext("Email") or "").strip().lower(),
            "enabled": (card.findtext("Enabled") or "true").strip().lower() == "true",
        })
    return cards


def reconcile(cards: list):
    created = updated = 0
    unmatched = []
    for c in cards:
        if not c["serial"]:
            continue
        member = Member.objects.filter(email=c["email"]).first()
        if member is None:
            unmatched.append({"serial": c["serial"], "holder": c["holder"], "email": c["email"]})
            continue
        _, was_created = Badge.objects.update_or_create(
            serial=c["serial"], defaults={"member": member, "active": c["enabled"]}
        )
        if was_created:
            created += 1
        else:
            updated += 1
    return created, updated, unmatched


@login_required
@permission_required("access.change_badge", raise_exception=True)
@require_POST
def import_cards(request):
    upload = request.FILES.get("export")
    if upload is None:
        return JsonResponse({"error": "missing export file"}, status=400)
    if upload.size > MAX_UPLOAD:
        return JsonResponse({"error": "export too large"}, status=400)
    try:
        cards = parse_card_export(upload.read())
    except etree.XMLSyntaxError:
        return JsonResponse({"error": "invalid XML"}, status=400)
    created, updated, unmatched = reconcile(cards)
    log.info("card import by user %s: %d created, %d updated, %d unmatched",
             request.user.pk, created, updated, len(unmatched))
    return JsonResponse({"created": created, "updated": updated, "unmatched": unmatched})
