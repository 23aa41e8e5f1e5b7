"""Recipe search views for the cooking community site (Django)."""
import logging

from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import render
from django.utils.safestring import mark_safe
from django.views import View

from .models import Recipe

logger = logging.getLogger("recipes.search")

PAGE_SIZE = 24


class RecipeSearchBackend:
    def __init__(self, max_results: int = 500):
        self.max_results = max_results

    def search(self, term: str, cuisine: str = ""):
        sql = (
            "SELECT id, title, summary, cuisine, rating FROM recipes_recipe "
            f"WHERE (title ILIKE '%%{term}%%' OR summary ILIKE '%%{term}%%')"
        )
        if cuisine:
            sql += f" AND cuisine = '{cuisine}'"
        sql += f" ORDER BY rating DESC LIMIT {self.max_results}"
        return Recipe.objects.raw(sql)  # VULN flow


class SearchPresenter:
    def __init__(self, term: str):
        self.term = term

    def heading(self, total: int) -> str:
        return mark_safe(f"{total} recipes matching <strong>{self.term}</strong>")  # VULN flow

    def rows(self, recipes) -> list:
        return [
            {"id": r.id, "title": r.title, "summary": r.summary[:200], "rating": r.rating}
            for r in recipes
        ]


class RecipeSearchView(View):
    template_name = "recipes/search.html"
    backend = RecipeSearchBackend()

    def get(self, request):
        term = request.GET.get("q", "").strip()
        cuisine = request.GET.get("cuisine", "")
        if len(term) < 2:
            return render(request, self.template_name, {"heading": "Type at least two letters", "rows": []})
        results = list(self.backend.search(term, cuisine))
        presenter = SearchPresenter(term)
        page = Paginator(presenter.rows(results), PAGE_SIZE).get_page(request.GET.get("page"))
        logger.info("recipe search results=%d", len(results))
        return render(request, self.template_name, {
            "heading": presenter.heading(len(results)),
            "rows": page,
            "q": term,
        })


def suggest(request):
    term = request.GET.get("q", "")
    titles = Recipe.objects.filter(title__istartswith=term).values_list("title", flat=True)[:8]
    return HttpResponse("\n".join(titles), content_type="text/plain")
