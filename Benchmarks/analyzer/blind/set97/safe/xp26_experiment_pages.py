"""Experiment overview pages for the experimentation UI."""
import re

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from .models import Experiment

STATUS_BADGES = {
    "draft": '<span class="badge badge-grey">Draft</span>',
    "running": '<span class="badge badge-green">Running</span>',
    "stopped": '<span class="badge badge-red">Stopped</span>',
}


def variant_badge(name: str, colour: str):
    if not re.fullmatch(r"#[0-9a-fA-F]{3,8}", colour or ""):
        colour = "#888888"
    return format_html('<span class="badge" style="background:{}">{}</span>', colour, name)


def _visible_experiments(user):
    return Experiment.objects.filter(project__members=user).select_related("project")


@login_required
def experiment_detail(request, pk: int):
    exp = _visible_experiments(request.user).filter(pk=pk).first()
    if exp is None:
        return HttpResponse("Not found", status=404)
    badges = [variant_badge(v.name, v.colour) for v in exp.variants.order_by("position")]
    context = {
        "experiment": exp,
        "badges": badges,
        "status": mark_safe(STATUS_BADGES.get(exp.status, "")),
    }
    return render(request, "experiments/detail.html", context)


@login_required
def experiment_search(request):
    q = request.GET.get("q", "").strip()
    results = _visible_experiments(request.user).filter(name__icontains=q)[:50] if q else []
    if q and not results:
        return HttpResponse(format_html("<p class='empty'>No experiments match <b>{}</b>.</p>", q))
    return render(request, "experiments/search.html", {"q": q, "results": results})
