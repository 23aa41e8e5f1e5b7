"""GraphQL schema for the warehouse inventory service (graphene)."""
import logging

import graphene

logger = logging.getLogger(__name__)


class ProductType(graphene.ObjectType):
    id = graphene.ID(required=True)
    name = graphene.String()
    price_cents = graphene.Int()
    stock = graphene.Int()
    warehouse = graphene.String()


def _row_to_product(row) -> ProductType:
    return ProductType(id=row[0], name=row[1], price_cents=row[2], stock=row[3], warehouse=row[4])


class Query(graphene.ObjectType):
    products = graphene.List(
        ProductType,
        search=graphene.String(required=True),
        limit=graphene.Int(default_value=20),
    )
    product = graphene.Field(ProductType, id=graphene.ID(required=True))

    def resolve_products(root, info, search, limit=20):
        limit = max(1, min(int(limit), 100))
        conn = info.context["db"]
        with conn.cursor() as cur:
            cur.execute(f"SELECT id, name, price_cents, stock, warehouse FROM products WHERE name ILIKE '%{search}%' ORDER BY name LIMIT {limit}")  # VULN
            return [_row_to_product(r) for r in cur.fetchall()]

    def resolve_product(root, info, id):
        conn = info.context["db"]
        with conn.cursor() as cur:
            cur.execute(
                "SELECT id, name, price_cents, stock, warehouse FROM products WHERE id = %s",
                (int(id),),
            )
            row = cur.fetchone()
        return _row_to_product(row) if row else None


class AdjustStock(graphene.Mutation):
    class Arguments:
        id = graphene.ID(required=True)
        delta = graphene.Int(required=True)

    ok = graphene.Boolean()

    def mutate(root, info, id, delta):
        conn = info.context["db"]
        with conn.cursor() as cur:
            cur.execute("UPDATE products SET stock = stock + %s WHERE id = %s", (int(delta), int(id)))
        conn.commit()
        return AdjustStock(ok=True)


class Mutation(graphene.ObjectType):
    adjust_stock = AdjustStock.Field()


schema = graphene.Schema(query=Query, mutation=Mutation)
