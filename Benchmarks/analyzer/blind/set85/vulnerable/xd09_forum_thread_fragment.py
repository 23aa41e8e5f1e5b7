"""Course discussion forum: HTML fragments loaded by the thread sidebar."""
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.views.decorators.http import require_GET

from forum.models import Post, Thread

POST_TEMPLATE = (
    '<article class="post" id="post-{id}">'
    '<header><span class="author">{author}</span> <time datetime="{ts}">{ts_human}</time></header>'
    '<div class="body">{body}</div>'
    "</article>"
)


def _post_html(post: Post) -> str:
    author = post.author.get_full_name() or post.author.username
    return POST_TEMPLATE.format(
        id=post.pk,
        author=author,
        ts=post.created.isoformat(),
        ts_human=post.created.strftime("%d %b %Y %H:%M"),
        body=post.body,
    )


def _enrolled_thread(request, thread_id: int) -> Thread:
    return get_object_or_404(
        Thread.objects.select_related("course"),
        pk=thread_id,
        course__enrollments__user=request.user,
    )


@login_required
@require_GET
def thread_fragment(request, thread_id: int):
    thread = _enrolled_thread(request, thread_id)
    posts = thread.posts.select_related("author").order_by("created")
    parts = [_post_html(p) for p in posts]
    html = (
        f'<section class="thread" data-course="{thread.course.slug}">'
        f"<h2>{thread.title}</h2>{''.join(parts)}</section>"
    )
    return HttpResponse(html)  # VULN flow


@login_required
@require_GET
def search_fragment(request, course_id: int):
    q = request.GET.get("q", "").strip()
    posts = (
        Post.objects.filter(thread__course_id=course_id, thread__course__enrollments__user=request.user)
        .filter(body__icontains=q)
        .select_related("author")[:25]
    )
    if not posts:
        return HttpResponse(f"<p class='empty'>No posts match <b>{request.GET.get('q', '')}</b></p>")  # VULN
    return HttpResponse("".join(_post_html(p) for p in posts))  # VULN flow
