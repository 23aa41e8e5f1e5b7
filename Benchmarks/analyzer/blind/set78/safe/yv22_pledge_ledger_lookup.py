"""Pledge ledger lookups for the donor services desk (Django views).

Pledges from the capital campaign live in an XML ledger exported nightly by
the finance system; donors can check their own outstanding balance.
"""
import logging
import os

from django.http import JsonResponse
from django.views.decorators.http import require_GET
from lxml import etree

log = logging.getLogger("pledges.ledger")

LEDGER_PATH = os.environ.get("PLEDGE_LEDGER", "/srv/finance/pledge_ledger.xml")
_parser = etree.XMLParser(resolve_entities=False, no_network=True)


def load_ledger():
    return etree.parse(LEDGER_PATH, _parser)


def pledge_query(campaign: str = "") -> str:
    query = "//pledge[donor/email=$email"
    if campaign:
        query += " and @campaign=$campaign"
    return query + "]"


def find_pledges(tree, email, campaign=""):
    expr = pledge_query(campaign)
    return tree.xpath(expr, email=email, campaign=campaign)


def pledge_to_dict(node) -> dict:
    return {
        "id": node.get("id"),
        "campaign": node.get("campaign"),
        "pledged": float(node.findtext("amount") or 0),
        "paid": float(node.findtext("paid") or 0),
        "due": node.findtext("next_due"),
    }


@require_GET
def my_pledges(request):
    if not request.user.is_authenticated:
        return JsonResponse({"error": "login required"}, status=401)
    campaign = request.GET.get("campaign", "")
    nodes = find_pledges(load_ledger(), request.user.email, campaign)
    pledges = [pledge_to_dict(n) for n in nodes]
    outstanding = sum(p["pledged"] - p["paid"] for p in pledges)
    return JsonResponse({"pledges": pledges, "outstanding": round(outstanding, 2)})


@require_GET
def pledge_status(request):
    """Used by the phone team: look up by the email the caller gives."""
    if not request.user.has_perm("pledges.view_ledger"):
        return JsonResponse({"error": "forbidden"}, status=403)
    email = request.GET.get("email", "").strip()
    nodes = find_pledges(load_ledger(), email)
    log.info("phone desk lookup by user %s returned %d pledges", request.user.pk, len(nodes))
    return JsonResponse({"pledges": [pledge_to_dict(n) for n in nodes]})
