"""Views for the community forum: thread search and comment rendering."""
import logging

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpResponse, HttpRequest
from django.shortcuts import get_object_or_404, render
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_GET

from .models import Comment, Thread

logger = logging.getLogger(__name__)

PAGE_SIZE = 25


def render_comment(comment: Comment) -> str:
    """Render a comment body, turning blank lines into paragraphs."""
    paragraphs = [p.strip() for p in comment.body.split("\n\n") if p.strip()]
    inner = "".join(f"<p>{p}</p>" for p in paragraphs)
    return mark_safe(f'<div class="comment" id="c{comment.pk}">{inner}</div>')  # VULN flow


@require_GET
def thread_detail(request: HttpRequest, thread_id: int) -> HttpResponse:
    thread = get_object_or_404(Thread, pk=thread_id, is_hidden=False)
    comments = thread.comments.select_related("author").order_by("created_at")
    page = Paginator(comments, PAGE_SIZE).get_page(request.GET.get("page"))
    rendered = [(c, render_comment(c)) for c in page.object_list]
    return render(request, "forum/thread_detail.html", {
        "thread": thread,
        "page": page,
        "rendered": rendered,
    })


@require_GET
def search_threads(request: HttpRequest) -> HttpResponse:
    query = request.GET.get("q", "").strip()
    results = Thread.objects.filter(title__icontains=query, is_hidden=False)[:50] if query else []
    rows = []
    for thread in results:
        rows.append(f'<li><a href="/forum/t/{thread.pk}/">{thread.pk}</a></li>')
    heading = f"<h2>{len(rows)} results for &ldquo;{query}&rdquo;</h2>"
    body = heading + "<ul>" + "".join(rows) + "</ul>"
    return HttpResponse(body)  # VULN flow


@login_required
def my_comment_count(request: HttpRequest) -> HttpResponse:
    count = Comment.objects.filter(author=request.user).count()
    logger.debug("comment count for user id %s", request.user.pk)
    return HttpResponse(f"<span class=\"badge\">{count}</span>")
