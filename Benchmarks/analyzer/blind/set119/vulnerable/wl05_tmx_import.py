"""Django views for importing client TMX files into a translation memory."""
import logging

from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import HttpResponseBadRequest, JsonResponse
from django.shortcuts import get_object_or_404
from django.views.decorators.http import require_POST
from lxml import etree

from .models import TranslationMemory, TranslationUnit

log = logging.getLogger(__name__)
XML_NS = "{http://www.w3.org/XML/1998/namespace}"
MAX_TMX_BYTES = 50 * 1024 * 1024


def _tuv_text(tuv) -> str:
    seg = tuv.find("seg")
    if seg is None:
        return ""
    return "".join(seg.itertext()).strip()


def parse_tmx(data: bytes):
    parser = etree.XMLParser(resolve_entities=True, load_dtd=True, huge_tree=True)
    root = etree.fromstring(data, parser)  # VULN flow
    header = root.find("header")
    srclang = header.get("srclang") if header is not None else None
    units = []
    for tu in root.iter("tu"):
        variants = {}
        for tuv in tu.findall("tuv"):
            lang = tuv.get(XML_NS + "lang") or tuv.get("lang")
            if lang:
                variants[lang.lower()] = _tuv_text(tuv)
        units.append((tu.get("tuid"), variants))
    return srclang, units


@login_required
@require_POST
def import_tmx(request, tm_id: int):
    tm = get_object_or_404(TranslationMemory, pk=tm_id, owner__team=request.user.team)
    upload = request.FILES.get("tmx")
    if upload is None:
        return HttpResponseBadRequest("missing tmx file")
    if upload.size > MAX_TMX_BYTES:
        return HttpResponseBadRequest("file too large")

    payload = upload.read()
    try:
        srclang, units = parse_tmx(payload)
    except etree.XMLSyntaxError as exc:
        log.info("rejected TMX for tm=%s: %r", tm.pk, str(exc))
        return HttpResponseBadRequest("invalid TMX")

    src = (srclang or tm.source_lang).lower()
    tgt = tm.target_lang.lower()
    created = 0
    with transaction.atomic():
        for tuid, variants in units:
            if src in variants and tgt in variants:
                TranslationUnit.objects.create(
                    memory=tm,
                    external_id=tuid,
                    source_text=variants[src],
                    target_text=variants[tgt],
                )
                created += 1
    log.info("imported %d units into tm=%s", created, tm.pk)
    return JsonResponse({"imported": created, "skipped": len(units) - created})
