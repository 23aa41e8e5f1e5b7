import html

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse


@login_required
def comment_preview(request):
    body = request.POST.get("body", "")
    author = request.user.get_username()
    safe_body = html.escape(body).replace("\n", "<br>")
    return HttpResponse(
        f"<div class='comment'><b>{html.escape(author)}</b><p>{safe_body}</p></div>"
    )
