from django.core.paginator import Paginator
from django.db.models import Q
from django.shortcuts import render

from .models import Product

SORT_FIELDS = {
    "price": "price",
    "-price": "-price",
    "newest": "-created_at",
    "name": "name",
}


def product_list(request):
    q = request.GET.get("q", "").strip()
    category = request.GET.get("category")
    sort = SORT_FIELDS.get(request.GET.get("sort", ""), "name")

    products = Product.objects.filter(is_published=True)
    if q:
        products = products.filter(Q(name__icontains=q) | Q(description__icontains=q) | Q(sku__iexact=q))
    if category:
        products = products.filter(category__slug=category)
    products = products.order_by(sort).select_related("category")

    page = Paginator(products, 24).get_page(request.GET.get("page"))
    return render(request, "catalog/product_list.html", {"page": page, "q": q, "sort": sort})
