"""Fatigue risk management (FRMS) report views for the safety office."""
import logging

from django.contrib.auth.decorators import login_required, permission_required
from django.db.models import Q
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.html import escape, format_html, format_html_join
from django.utils.safestring import mark_safe

from .models import FatigueReport

log = logging.getLogger("frms.views")


def _highlight(text, term):
    text = escape(text)
    if not term:
        return text
    return text.replace(escape(term), format_html("<mark>{}</mark>", term))


def _paragraphs(text):
    return "".join(f"<p>{para}</p>" for para in text.split("\n\n") if para.strip())


@login_required
@permission_required("frms.view_fatiguereport", raise_exception=True)
def report_detail(request, report_id):
    report = get_object_or_404(FatigueReport, pk=report_id)
    term = request.GET.get("highlight", "")
    narrative = _paragraphs(_highlight(report.narrative, term))
    context = {
        "report": report,
        "narrative": mark_safe(narrative),
        "kss": report.kss_score,
        "duty": report.duty_period,
    }
    return render(request, "frms/report_detail.html", context)


@login_required
@permission_required("frms.view_fatiguereport", raise_exception=True)
def report_search(request):
    q = request.GET.get("q", "").strip()
    reports = FatigueReport.objects.filter(
        Q(narrative__icontains=q) | Q(flight_no__iexact=q) | Q(crew_base__iexact=q)
    ).order_by("-submitted")[:50] if q else []
    if not reports:
        return HttpResponse(format_html("<div class='empty'>No fatigue reports match <b>{}</b>.</div>", q))
    rows = format_html_join(
        "", "<li><a href='/frms/reports/{}/'>{} {}</a></li>",
        ((r.pk, r.flight_no, f"{r.submitted:%d%b%y}") for r in reports),
    )
    return HttpResponse(format_html("<ul class='results'>{}</ul>", rows))
