"""Merchandiser catalogue search with advanced matching modes."""
import re

from django.contrib.auth.decorators import permission_required
from django.core.paginator import Paginator
from django.http import JsonResponse
from django.views.decorators.http import require_GET

from .models import Product

SEARCH_MODES = ("contains", "prefix", "word")
MAX_TERM_LENGTH = 120


def compile_matcher(term: str, mode: str):
    if mode == "word":
        return re.compile(r"\b" + re.escape(term) + r"\b", re.IGNORECASE)
    if mode == "prefix":
        return re.compile("^" + re.escape(term), re.IGNORECASE)
    return re.compile(re.escape(term), re.IGNORECASE)


def serialize(product):
    return {
        "sku": product.sku,
        "name": product.name,
        "price": str(product.price),
        "stock": product.stock,
    }


def matching_products(matcher, include_inactive=False):
    queryset = Product.objects.only("sku", "name", "description", "price", "stock")
    if not include_inactive:
        queryset = queryset.filter(active=True)
    for product in queryset.iterator(chunk_size=500):
        if matcher.search(product.name) or matcher.search(product.description or ""):
            yield product


@require_GET
@permission_required("catalog.view_product", raise_exception=True)
def search(request):
    term = request.GET.get("q", "").strip()
    mode = request.GET.get("mode", "contains")
    if not term or len(term) > MAX_TERM_LENGTH:
        return JsonResponse({"error": "q must be 1-120 characters"}, status=400)
    if mode not in SEARCH_MODES:
        return JsonResponse({"error": "unsupported mode"}, status=400)
    try:
        matcher = compile_matcher(term, mode)
    except re.error:
        return JsonResponse({"error": "invalid pattern"}, status=400)
    include_inactive = request.GET.get("inactive") == "1"
    results = list(matching_products(matcher, include_inactive))
    page = Paginator(results, 50).get_page(request.GET.get("page"))
    return JsonResponse({
        "count": len(results),
        "page": page.number,
        "pages": page.paginator.num_pages,
        "results": [serialize(p) for p in page.object_list],
    })
