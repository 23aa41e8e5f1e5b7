"""Views for the team status-report pages."""
import logging

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_GET

from .models import Report

logger = logging.getLogger(__name__)

MAX_TERM_LENGTH = 64
SUMMARY_LIMIT = 20


def _highlight(text: str, term: str) -> str:
    escaped_text = str(escape(text))
    if not term:
        return escaped_text
    escaped_term = str(escape(term))
    return escaped_text.replace(escaped_term, f'<mark class="hit">{escaped_term}</mark>')


def _visible_reports(user):
    return Report.objects.filter(team__members=user).select_related("team")


@login_required
@require_GET
def report_detail(request, report_id: int):
    report = get_object_or_404(_visible_reports(request.user), pk=report_id)
    term = request.GET.get("q", "")[:MAX_TERM_LENGTH]
    logger.debug("rendering report %s with term %r", report.pk, term)
    highlighted = _highlight(report.body, term)
    context = {
        "report": report,
        "body": mark_safe(highlighted),
        "term": term,
    }
    return render(request, "reports/detail.html", context)


@login_required
@require_GET
def report_badge(request):
    return HttpResponse(
        format_html('<span class="badge">{}</span>', request.GET.get("label", "draft"))
    )


@login_required
@require_GET
def report_summary(request):
    reports = _visible_reports(request.user).order_by("-created_at")[:SUMMARY_LIMIT]
    data = [
        {
            "id": report.pk,
            "title": report.title,
            "team": report.team.name,
            "created_at": report.created_at.isoformat(),
        }
        for report in reports
    ]
    return JsonResponse({"reports": data})
