from django.shortcuts import get_object_or_404, render
from django.utils.safestring import mark_safe

from .models import Article


def highlight(text, term):
    if not term:
        return text
    return text.replace(term, f"<mark>{term}</mark>")


def article_detail(request, slug):
    article = get_object_or_404(Article, slug=slug, published=True)
    term = request.GET.get("highlight", "")
    body = highlight(article.body, term)
    return render(request, "articles/detail.html", {
        "article": article,
        "body": mark_safe(body),  # VULN flow
    })
