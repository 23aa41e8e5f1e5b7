"""Public animal profile search for the zoo website (Django app ``collection``)."""
import logging

from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.safestring import mark_safe

from .models import Animal

log = logging.getLogger("collection.views")

PAGE_SIZE = 24


def _highlight(text: str, term: str) -> str:
    if not term:
        return text
    return text.replace(term, f'<mark class="hit">{term}</mark>')


def _search_sql(section: str, term: str) -> str:
    sql = (
        "SELECT id, house_name, species, section, public_summary "
        "FROM collection_animal WHERE is_public = 1"
    )
    if section:
        sql += f" AND section = '{section}'"
    if term:
        sql += f" AND instr(lower(house_name || ' ' || species), lower('{term}')) > 0"
    return sql + " ORDER BY house_name"


def animal_search(request: HttpRequest) -> HttpResponse:
    section = request.GET.get("section", "").strip()
    term = request.GET.get("q", "").strip()
    animals = list(Animal.objects.raw(_search_sql(section, term)))  # VULN flow
    for animal in animals:
        animal.summary_html = mark_safe(_highlight(animal.public_summary, term))  # VULN flow
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
