"""Printable vial labels for registered compounds (views module of the registry app)."""
import logging

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.utils.html import escape, format_html
from django.views.decorators.http import require_GET

from registry.models import Compound

log = logging.getLogger(__name__)

LABEL_TEMPLATE = """<!doctype html>
<html><head><title>Label {reg_id}</title>
<style>body{{font-family:monospace;width:62mm}} .reg{{font-size:14pt;font-weight:bold}}</style>
</head><body onload="window.print()">
<div class="reg">{reg_id}</div>
<div class="name">{name}</div>
<div class="mw">MW {mw:.2f} &middot; {formula}</div>
<div class="note">{note}</div>
<div class="copies">copies: {copies}</div>
</body></html>"""


def label_context(compound, note: str, copies: int) -> dict:
    return {
        "reg_id": escape(compound.reg_id),
        "name": escape(compound.common_name or ""),
        "mw": compound.mol_weight or 0.0,
        "formula": escape(compound.formula or ""),
        "note": escape(note),
        "copies": copies,
    }


@login_required
@require_GET
def vial_label(request, reg_id):
    compound = Compound.objects.filter(reg_id=reg_id).first()
    if compound is None:
        return HttpResponse(format_html("<p>No compound registered as {}</p>", reg_id), status=404)
    note = request.GET.get("note", "")[:120]
    try:
        copies = max(1, min(int(request.GET.get("copies", "1")), 50))
    except ValueError:
        copies = 1
    html = LABEL_TEMPLATE.format(**label_context(compound, note, copies))
    log.info("label printed for %s by %s", compound.reg_id, request.user.username)
    return HttpResponse(html)
