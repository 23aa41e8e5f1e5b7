"""Django views for the biobank specimen search box and detail pages."""
import logging

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.safestring import mark_safe
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


def _result_item(specimen):
    return (
        f"<li><a href='/specimens/{specimen.pk}/'>{specimen.label}</a> "
        f"({specimen.tissue_type}, {specimen.freezer.name})</li>"
    )


@login_required
@require_GET
def specimen_search(request):
    term = request.GET.get("q", "").strip()
    specimens = _matching_specimens(term)
    items = "".join(_result_item(s) for s in specimens) or "<li>No matches</li>"
    body = (
        f"<h2>Results for &ldquo;{term}&rdquo;</h2>"
        f"<p>{len(specimens)} specimen(s)</p><ul class='results'>{items}</ul>"
    )
    return HttpResponse(body)  # VULN flow


@login_required
@require_GET
def specimen_detail(request, pk):
    specimen = get_object_or_404(Specimen.objects.select_related("freezer"), pk=pk)
    context = {
        "specimen": specimen,
        "notice": mark_safe(request.GET.get("notice", "")),  # VULN
        "aliquots": specimen.aliquots.order_by("created_at"),
    }
    return render(request, "specimens/detail.html", context)
