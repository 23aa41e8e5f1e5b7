"""Admin upload endpoint that imports a partner sitemap into the crawl queue."""
from urllib.parse import urlparse

from django.contrib.auth.decorators import login_required, permission_required
from django.http import HttpResponseBadRequest, JsonResponse
from django.views.decorators.http import require_POST
from lxml import etree

from crawler.models import CrawlTarget

SITEMAP_NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}
MAX_UPLOAD = 5 * 1024 * 1024


def _parser():
    return etree.XMLParser(resolve_entities=False, load_dtd=False, no_network=True, huge_tree=False)


def _priority(node):
    try:
        return max(0.0, min(float(node.findtext("sm:priority", "0.5", SITEMAP_NS)), 1.0))
    except ValueError:
        return 0.5


def parse_sitemap(blob):
    root = etree.fromstring(blob, parser=_parser())
    entries = []
    for node in root.findall("sm:url", SITEMAP_NS):
        loc = (node.findtext("sm:loc", "", SITEMAP_NS) or "").strip()
        if urlparse(loc).scheme in ("http", "https"):
            entries.append((loc, _priority(node)))
    return entries


@login_required
@permission_required("crawler.add_crawltarget", raise_exception=True)
@require_POST
def import_sitemap(request):
    upload = request.FILES.get("sitemap")
    if upload is None:
        return HttpResponseBadRequest("sitemap file is required")
    if upload.size > MAX_UPLOAD:
        return HttpResponseBadRequest("sitemap too large")
    try:
        entries = parse_sitemap(upload.read())
    except etree.XMLSyntaxError:
        return HttpResponseBadRequest("sitemap is not well-formed XML")

    created = 0
    for loc, priority in entries:
        _, was_created = CrawlTarget.objects.get_or_create(
            url=loc,
            defaults={"priority": priority, "source": "sitemap", "owner": request.user},
        )
        created += int(was_created)
    return JsonResponse({"submitted": len(entries), "created": created})
