"""Django views for the biobank specimen search box and detail pages."""
import logging

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.html import escape, format_html, format_html_join
from django.views.decorators.http import require_GET

from .models import Specimen

log = logging.getLogger(__name__)

MAX_RESULTS = 100


def _matching_specimens(term):
    if not term:
        return []
    return list(
        Specimen.objects.filter(label__icontains=term)
        .select_related("freezer")
        .order_by("-collected_at")[:MAX_RESULTS]
    )


def _result_items(specimens):
    return format_html_join(
        "",
        "<li><a href='/specimens/{}/'>{}</a> ({}, {})</li>",
        ((s.pk, s.label, s.tissue_type, s.freezer.name) for s in specimens),
    )


@login_required
@require_GET
def specimen_search(request):
    term = request.GET.get("q", "").strip()
    specimens = _matching_specimens(term)
    items = _result_items(specimens) or format_html("<li>No matches</li>")
    body = format_html(
        "<h2>Results for &ldquo;{}&rdquo;</h2><p>{} specimen(s)</p><ul class='results'>{}</ul>",
        term, len(specimens), items,
    )
    return HttpResponse(body)


@login_required
@require_GET
def specimen_detail(request, pk):
    specimen = get_object_or_404(Specimen.objects.select_related("freezer"), pk=pk)
    context = {
        "specimen": specimen,
        "notice": escape(request.GET.get("notice", "")),
        "aliquots": specimen.aliquots.order_by("created_at"),
    }
    return render(request, "specimens/detail.html", context)
