"""Public animal profile search for the zoo website (Django app ``collection``)."""
import logging

from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe

from .models import Animal

log = logging.getLogger("collection.views")

PAGE_SIZE = 24


def _highlight(text: str, term: str) -> str:
    if not term:
        return escape(text)
    return escape(text).replace(escape(term), format_html('<mark class="hit">{}</mark>', term))


def _search_sql(section: str, term: str) -> tuple[str, list]:
    sql = (
        "SELECT id, house_name, species, section, public_summary "
        "FROM collection_animal WHERE is_public = 1"
    )
    params: list = []
    if section:
        sql += " AND section = %s"
        params.append(section)
    if term:
        sql += " AND instr(lower(house_name || ' ' || species), lower(%s)) > 0"
        params.append(term)
    return sql + " ORDER BY house_name", params


def animal_search(request: HttpRequest) -> HttpResponse:
    section = request.GET.get("section", "").strip()
    term = request.GET.get("q", "").strip()
    animals = list(Animal.objects.raw(*_search_sql(section, term)))
    for animal in animals:
        animal.summary_html = mark_safe(_highlight(animal.public_summary, term))
    page = Paginator(animals, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "collection/search.html",
        {"page": page, "section": section, "q": term},
    )


def animal_detail(request: HttpRequest, slug: str) -> HttpResponse:
    animal = get_object_or_404(Animal, slug=slug)
    if not animal.is_public:
        raise Http404("not on public display")
    return render(request, "collection/detail.html", {"animal": animal})
