from django.http import JsonResponse
from django.views.decorators.http import require_GET

from inventory.models import Product


@require_GET
def search_products(request):
    term = request.GET.get("q", "").strip()
    order = request.GET.get("sort", "name")
    if not term:
        return JsonResponse({"results": []})
    query = (
        "SELECT id, name, sku, price FROM inventory_product "
        "WHERE name LIKE '%{0}%' ORDER BY {1}".format(term, order)
    )
    products = Product.objects.raw(query)  # VULN flow
    data = [
        {"id": p.id, "name": p.name, "sku": p.sku, "price": str(p.price)}
        for p in products
    ]
    return JsonResponse({"results": data})
