"""Allocation usage reports for PIs (Django)."""
import datetime as dt

from django.contrib.auth.decorators import login_required
from django.db.models import Sum
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.html import format_html, format_html_join

from .models import JobRecord, Project

PERIODS = {"7d": 7, "30d": 30, "90d": 90, "365d": 365}


def _project_badge(project) -> str:
    label = project.title if len(project.title) <= 60 else project.title[:57] + "..."
    return format_html('<span class="badge badge-{}" title="{}">{}</span>', project.status, project.code, label)


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
    items = format_html_join(
        "", "<li><a href='/reports/{}/'>{}</a> <small>{}</small></li>",
        ((p.pk, p.title, p.code) for p in matches),
    )
    heading = format_html("<h2>Projects matching &ldquo;{}&rdquo;</h2>", q) if q else format_html("<h2>Your projects</h2>")
    return HttpResponse(format_html("{}<ul class='results'>{}</ul>", heading, items))
