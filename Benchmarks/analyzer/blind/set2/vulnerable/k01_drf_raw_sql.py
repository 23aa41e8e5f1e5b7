from rest_framework.response import Response
from rest_framework.views import APIView

from inventory.models import Product


def build_search_sql(category, min_price):
    clauses = ["SELECT * FROM inventory_product WHERE active = 1"]
    if category:
        clauses.append("AND category = '%s'" % category)
    if min_price:
        clauses.append("AND price >= %s" % min_price)
    clauses.append("ORDER BY name")
    return " ".join(clauses)


class ProductSearchView(APIView):
    def get(self, request):
        params = request.query_params
        sql = build_search_sql(params.get("category"), params.get("min_price"))
        products = Product.objects.raw(sql)  # VULN flow
        data = [{"id": p.id, "name": p.name, "price": str(p.price)} for p in products]
        return Response(data)
