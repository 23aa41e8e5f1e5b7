from django.shortcuts import get_object_or_404, render
from django.utils.html import format_html, format_html_join

from .models import Article


def highlight(text, term):
    if not term:
        return text
    marker = format_html("<mark>{}</mark>", term)
    return format_html_join(marker, "{}", ((piece,) for piece in text.split(term)))


def article_detail(request, slug):
    article = get_object_or_404(Article, slug=slug, published=True)
    term = request.GET.get("highlight", "")
    return render(request, "articles/detail.html", {
        "article": article,
        "body": highlight(article.body, term),
    })
