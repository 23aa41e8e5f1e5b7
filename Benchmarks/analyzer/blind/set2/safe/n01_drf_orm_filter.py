from decimal import Decimal, InvalidOperation

from rest_framework.response import Response
from rest_framework.views import APIView

from inventory.models import Product


def parse_price(value):
    try:
        return Decimal(value)
    except (InvalidOperation, TypeError):
        return None


class ProductSearchView(APIView):
    def get(self, request):
        params = request.query_params
        qs = Product.objects.filter(active=True)
        category = params.get("category")
        if category:
            qs = qs.filter(category=category)
        min_price = parse_price(params.get("min_price"))
        if min_price is not None:
            qs = qs.filter(price__gte=min_price)
        name = params.get("q")
        if name:
            qs = qs.filter(name__icontains=name)
        data = list(qs.order_by("name").values("id", "name", "price")[:100])
        return Response(data)
