"""HSE incident register views (Django): detail page and quick search used by
the site safety officers."""
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.safestring import mark_safe

from .models import Incident

SEVERITY_LABELS = {1: "Near miss", 2: "First aid", 3: "Medical treatment", 4: "Lost time", 5: "Fatality"}


def severity_badge(level: int) -> str:
    label = SEVERITY_LABELS.get(int(level), "Unknown")
    return mark_safe(f'<span class="badge sev-{int(level)}">{label}</span>')


def description_html(incident: Incident) -> str:
    paragraphs = [p.strip() for p in incident.description.split("\n\n") if p.strip()]
    return mark_safe("".join(f"<p>{p}</p>" for p in paragraphs))  # VULN flow


@login_required
def incident_detail(request, pk):
    incident = get_object_or_404(Incident.objects.select_related("site", "reported_by"), pk=pk)
    context = {
        "incident": incident,
        "badge": severity_badge(incident.severity),
        "body": description_html(incident),
        "actions": incident.actions.order_by("due_date"),
    }
    return render(request, "incidents/detail.html", context)


@login_required
def incident_search(request):
    q = request.GET.get("q", "").strip()
    site = request.GET.get("site", "")
    results = Incident.objects.all()
    if q:
        results = results.filter(title__icontains=q)
    if site:
        results = results.filter(site__code=site)
    items = "".join(
        f'<li><a href="/incidents/{i.pk}/">{i.title}</a> {severity_badge(i.severity)}</li>'
        for i in results.order_by("-occurred_at")[:50]
    )
    heading = f"<h2>{results.count()} incidents matching &ldquo;{q}&rdquo;</h2>"
    return HttpResponse(heading + f"<ul>{items}</ul>")  # VULN flow
