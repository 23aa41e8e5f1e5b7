"""Upload endpoint for EAD finding aids contributed by partner archives."""
import logging

from django.contrib.auth.decorators import login_required
from django.http import JsonResponse
from django.views.decorators.http import require_POST
from lxml import etree

log = logging.getLogger(__name__)

EAD_NS = {"ead": "urn:isbn:1-931666-22-9"}
MAX_UPLOAD = 20 * 1024 * 1024

# Finding aids from older systems still reference the EAD 2002 DTD and
# define their own entities for repository names, so keep DTD support on.
_PARSER = etree.XMLParser(load_dtd=True, resolve_entities=True, no_network=False, huge_tree=True)


def _text(node, path):
    found = node.find(path, EAD_NS)
    if found is None:
        return None
    return " ".join("".join(found.itertext()).split())


def summarise(root):
    archdesc = root.find("ead:archdesc", EAD_NS)
    if archdesc is None:
        raise ValueError("no <archdesc> element")
    did = archdesc.find("ead:did", EAD_NS)
    return {
        "eadid": _text(root, "ead:eadheader/ead:eadid"),
        "title": _text(did, "ead:unittitle"),
        "unitid": _text(did, "ead:unitid"),
        "dates": _text(did, "ead:unitdate"),
        "repository": _text(did, "ead:repository/ead:corpname"),
        "extent": _text(did, "ead:physdesc/ead:extent"),
        "components": len(archdesc.findall(".//ead:c", EAD_NS))
        + len(archdesc.findall(".//ead:c01", EAD_NS)),
    }


@login_required
@require_POST
def upload_finding_aid(request):
    upload = request.FILES.get("ead")
    if upload is None:
        return JsonResponse({"error": "missing 'ead' file"}, status=400)
    if upload.size > MAX_UPLOAD:
        return JsonResponse({"error": "file too large"}, status=413)
    raw = upload.read()
    try:
        root = etree.fromstring(raw, parser=_PARSER)  # VULN flow
        summary = summarise(root)
    except (etree.XMLSyntaxError, ValueError) as exc:
        log.info("rejected EAD from %r: %r", request.user.username, exc)
        return JsonResponse({"error": str(exc)}, status=400)
    log.info("EAD %r accepted from %r", summary["eadid"], request.user.username)
    return JsonResponse({"status": "accepted", "summary": summary})
