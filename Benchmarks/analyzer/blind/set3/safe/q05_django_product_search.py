from django.http import JsonResponse
from django.views.decorators.http import require_GET

from inventory.models import Product

SORT_FIELDS = {"name": "name", "price": "price", "-price": "-price", "sku": "sku"}


@require_GET
def search_products(request):
    term = request.GET.get("q", "").strip()
    order = SORT_FIELDS.get(request.GET.get("sort", "name"), "name")
    if not term:
        return JsonResponse({"results": []})
    products = Product.objects.filter(name__icontains=term).order_by(order)[:100]
    data = [
        {"id": p.id, "name": p.name, "sku": p.sku, "price": str(p.price)}
        for p in products
    ]
    return JsonResponse({"results": data})


@require_GET
def low_stock(request):
    rows = Product.objects.raw(
        "SELECT id, name, sku, price FROM inventory_product WHERE stock < %s ORDER BY stock",
        [int(request.GET.get("threshold", "5"))],
    )
    return JsonResponse({"results": [{"id": p.id, "name": p.name} for p in rows]})
