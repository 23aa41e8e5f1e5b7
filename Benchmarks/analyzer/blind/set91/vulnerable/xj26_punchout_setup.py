"""Punch-out session setup.

When a requisitioner clicks a punch-out supplier in the catalogue we send a
cXML PunchOutSetupRequest to the supplier's store and redirect the browser
to the StartPage URL it returns."""
import logging
import uuid
from urllib.parse import urlsplit

import requests
from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import HttpResponseBadRequest, HttpResponseRedirect
from django.template.loader import render_to_string
from django.views.decorators.http import require_POST
from lxml import etree

from catalogue.models import PunchoutSupplier

log = logging.getLogger(__name__)
SAFE_PARSER = etree.XMLParser(resolve_entities=False, no_network=True)


def build_setup_request(supplier, user, return_url):
    return render_to_string(
        "punchout/setup_request.xml",
        {
            "payload_id": "%s@procure.example.com" % uuid.uuid4(),
            "from_identity": settings.PUNCHOUT_BUYER_ID,
            "to_identity": supplier.duns,
            "shared_secret": supplier.shared_secret,
            "buyer_cookie": uuid.uuid4().hex,
            "browser_form_post": return_url,
            "user_email": user.email,
        },
    )


def post_setup_request(endpoint, document):
    resp = requests.post(  # VULN flow
        endpoint,
        data=document.encode("utf-8"),
        headers={"Content-Type": "text/xml; charset=utf-8"},
        timeout=15,
    )
    resp.raise_for_status()
    return etree.fromstring(resp.content, SAFE_PARSER)


def _same_host(url, configured):
    a, b = urlsplit(url), urlsplit(configured)
    return a.scheme == "https" and a.hostname is not None and a.hostname == b.hostname


@login_required
@require_POST
def start_punchout(request, supplier_id):
    supplier = PunchoutSupplier.objects.filter(pk=supplier_id, enabled=True).first()
    if supplier is None:
        return HttpResponseBadRequest("unknown supplier")
    # allow catalogue admins to test a staging store before switching over
    endpoint = request.POST.get("setup_url") or supplier.setup_url
    return_url = request.build_absolute_uri("/punchout/return/%s/" % supplier.pk)
    document = build_setup_request(supplier, request.user, return_url)
    try:
        reply = post_setup_request(endpoint, document)
    except (requests.RequestException, etree.XMLSyntaxError):
        log.exception("punch-out setup failed for supplier %s", supplier.pk)
        return HttpResponseBadRequest("supplier store unavailable")
    start_url = reply.findtext(".//StartPage/URL")
    if not start_url or not _same_host(start_url, supplier.setup_url):
        return HttpResponseBadRequest("supplier did not return a valid start page")
    return HttpResponseRedirect(start_url)
