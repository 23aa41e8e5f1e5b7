"""Electronic batch record (EBR) views.

Shows the step-by-step record of a production batch including operator
comments entered on the shop-floor terminals.
"""
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.utils.html import escape

from .models import Batch

ROW_TEMPLATE = "<tr><td>{seq}</td><td>{step}</td><td>{who}</td><td>{note}</td></tr>"


def _render_steps(batch):
    rows = []
    for step in batch.steps.select_related("operator").order_by("sequence"):
        rows.append(
            ROW_TEMPLATE.format(
                seq=step.sequence,
                step=escape(step.instruction),
                who=escape(step.operator.get_full_name()),
                note=step.comment or "",
            )
        )
    return "\n".join(rows)


def _page(title, body):
    return (
        "<!doctype html><html><head><title>%s</title>"
        "<link rel='stylesheet' href='/static/ebr.css'></head>"
        "<body>%s</body></html>" % (title, body)
    )


@login_required
def batch_record(request, batch_id):
    batch = get_object_or_404(Batch, pk=batch_id)
    highlight = request.GET.get("highlight", "")
    header = "<h1>Batch %s &mdash; %s</h1>" % (escape(batch.number), escape(batch.product.name))
    if highlight:
        header += "<p class='hl'>Showing steps matching: %s</p>" % highlight
    table = "<table class='ebr'>%s</table>" % _render_steps(batch)
    html = _page("EBR " + escape(batch.number), header + table)
    return HttpResponse(html)  # VULN flow


@login_required
def batch_status(request, batch_id):
    batch = get_object_or_404(Batch, pk=batch_id)
    return HttpResponse(
        "<span class='status status-%s'>%s</span>"
        % (escape(batch.status.lower()), escape(batch.get_status_display()))
    )
