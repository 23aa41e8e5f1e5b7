"""Incident wallboard views for the dispatch floor displays."""
from django.http import Http404, HttpResponse
from django.views.decorators.http import require_GET

from .models import Incident

ROW = (
    "<tr class='p{priority}'><td>{id}</td><td>{type}</td>"
    "<td>{address}</td><td>{notes}</td></tr>"
)
PAGE = """<!doctype html>
<html><head><title>Wallboard</title><meta http-equiv="refresh" content="15"></head>
<body>{body}</body></html>"""


def render_rows(incidents):
    rows = []
    for inc in incidents:
        rows.append(ROW.format(
            priority=int(inc.priority),
            id=inc.pk,
            type=inc.incident_type,
            address=inc.address,
            notes=inc.latest_note or "",
        ))
    return "".join(rows)


@require_GET
def board(request):
    district = request.GET.get("district", "")
    qs = Incident.objects.filter(closed_at__isnull=True).order_by("priority", "received_at")
    if district:
        qs = qs.filter(district=district)
    heading = f"<h2>Open incidents {district}</h2>"
    table = f"<table>{render_rows(qs[:100])}</table>"
    html = PAGE.format(body=heading + table)
    return HttpResponse(html)  # VULN flow


@require_GET
def incident_detail(request, incident_id):
    try:
        inc = Incident.objects.get(pk=incident_id)
    except Incident.DoesNotExist:
        raise Http404("no such incident")
    notes = "".join(f"<li>{n.created_at:%H:%M} {n.text}</li>" for n in inc.notes.all())
    body = (
        f"<h2>#{inc.pk} {inc.incident_type}</h2>"
        f"<p>{inc.address}</p><ul>{notes}</ul>"
    )
    return HttpResponse(PAGE.format(body=body))  # VULN flow
