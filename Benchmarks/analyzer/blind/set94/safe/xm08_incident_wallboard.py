"""Incident wallboard views for the dispatch floor displays."""
from django.http import Http404, HttpResponse
from django.utils.html import escape, format_html, format_html_join
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
        rows.append(format_html(
            ROW,
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
    heading = f"<h2>Open incidents {escape(district)}</h2>"
    table = f"<table>{render_rows(qs[:100])}</table>"
    html = PAGE.format(body=heading + table)
    return HttpResponse(html)


@require_GET
def incident_detail(request, incident_id):
    try:
        inc = Incident.objects.get(pk=incident_id)
    except Incident.DoesNotExist:
        raise Http404("no such incident")
    notes = format_html_join(
        "", "<li>{} {}</li>",
        ((f"{n.created_at:%H:%M}", n.text) for n in inc.notes.all()),
    )
    body = format_html(
        "<h2>#{} {}</h2><p>{}</p><ul>{}</ul>",
        inc.pk, inc.incident_type, inc.address, notes,
    )
    return HttpResponse(PAGE.format(body=body))
