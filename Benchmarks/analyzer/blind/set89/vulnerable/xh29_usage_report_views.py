"""Allocation usage reports for PIs (Django)."""
import datetime as dt

from django.contrib.auth.decorators import login_required
from django.db.models import Sum
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.html import escape
from django.utils.safestring import mark_safe

from .models import JobRecord, Project

PERIODS = {"7d": 7, "30d": 30, "90d": 90, "365d": 365}


def _project_badge(project) -> str:
    label = project.title if len(project.title) <= 60 else project.title[:57] + "..."
    return mark_safe(f'<span class="badge badge-{project.status}" title="{project.code}">{label}</span>')  # VULN flow


def _usage(project, days: int) -> dict:
    since = dt.datetime.now(dt.timezone.utc) - dt.timedelta(days=days)
    qs = JobRecord.objects.filter(project=project, end_time__gte=since)
    agg = qs.aggregate(cpu=Sum("cpu_hours"), gpu=Sum("gpu_hours"))
    by_user = qs.values("username").annotate(cpu=Sum("cpu_hours")).order_by("-cpu")[:15]
    return {"cpu": agg["cpu"] or 0, "gpu": agg["gpu"] or 0, "by_user": list(by_user)}


@login_required
def usage_report(request, project_id: int):
    project = get_object_or_404(Project, pk=project_id, members=request.user)
    period = request.GET.get("period", "30d")
    days = PERIODS.get(period, 30)
    context = {
        "project": project,
        "badge": _project_badge(project),
        "period": period,
        "usage": _usage(project, days),
        "allocation": project.cpu_allocation,
    }
    return render(request, "reports/usage.html", context)


@login_required
def search_projects(request):
    q = request.GET.get("q", "").strip()
    matches = Project.objects.filter(members=request.user, title__icontains=q).order_by("title")[:20]
    items = "".join(
        f"<li><a href='/reports/{p.pk}/'>{escape(p.title)}</a> <small>{escape(p.code)}</small></li>"
        for p in matches
    )
    heading = f"<h2>Projects matching &ldquo;{q}&rdquo;</h2>" if q else "<h2>Your projects</h2>"
    return HttpResponse(f"{heading}<ul class='results'>{items}</ul>")  # VULN flow
