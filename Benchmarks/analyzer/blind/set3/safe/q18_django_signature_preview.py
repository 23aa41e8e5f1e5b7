from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.utils.html import format_html_join
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_POST


def format_signature(text):
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    return format_html_join(mark_safe("<br>"), "{}", ((line,) for line in lines))


@login_required
@require_POST
def preview_signature(request):
    text = request.POST.get("signature", "")
    context = {
        "signature": format_signature(text),
        "user": request.user,
    }
    return render(request, "profiles/signature_preview.html", context)
