from django.db.models.expressions import RawSQL
from django.http import JsonResponse

from inventory.models import Product

REVIEW_COUNT_SQL = (
    "SELECT COUNT(*) FROM reviews_review r "
    "WHERE r.product_id = inventory_product.id AND r.rating >= %s"
)


def top_rated(request):
    try:
        min_rating = max(1, min(int(request.GET.get("min_rating", "4")), 5))
    except ValueError:
        return JsonResponse({"error": "min_rating must be an integer"}, status=400)
    category = request.GET.get("category", "")
    qs = Product.objects.filter(category=category).annotate(
        good_reviews=RawSQL(REVIEW_COUNT_SQL, (min_rating,))
    )
    legacy = Product.objects.raw("SELECT * FROM inventory_product WHERE sku LIKE %s", [category[:3] + "%"])
    data = list(qs.order_by("-good_reviews").values("id", "name", "good_reviews")[:20])
    return JsonResponse({"products": data, "legacy_matches": len(list(legacy))})
