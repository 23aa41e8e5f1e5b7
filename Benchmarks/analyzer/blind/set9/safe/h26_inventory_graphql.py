"""GraphQL schema for the warehouse inventory service (Strawberry)."""
import logging
from typing import List, Optional

import strawberry
from strawberry.types import Info

logger = logging.getLogger(__name__)

PRODUCT_COLUMNS = "id, name, price_cents, stock, warehouse"


@strawberry.type
class Product:
    id: strawberry.ID
    name: str
    price_cents: int
    stock: int
    warehouse: str


def _to_product(row) -> Product:
    return Product(id=strawberry.ID(str(row[0])), name=row[1], price_cents=row[2], stock=row[3], warehouse=row[4])


def _like_pattern(term: str) -> str:
    escaped = term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


@strawberry.type
class Query:
    @strawberry.field
    def products(self, info: Info, search: str, limit: int = 20) -> List[Product]:
        limit = max(1, min(limit, 100))
        sql = f"SELECT {PRODUCT_COLUMNS} FROM products WHERE name ILIKE %s ORDER BY name LIMIT %s"
        with info.context["db"].cursor() as cur:
            cur.execute(sql, (_like_pattern(search), limit))
            return [_to_product(r) for r in cur.fetchall()]

    @strawberry.field
    def product(self, info: Info, id: strawberry.ID) -> Optional[Product]:
        with info.context["db"].cursor() as cur:
            cur.execute(f"SELECT {PRODUCT_COLUMNS} FROM products WHERE id = %s", (int(id),))
            row = cur.fetchone()
        return _to_product(row) if row else None


@strawberry.type
class Mutation:
    @strawberry.mutation
    def adjust_stock(self, info: Info, id: strawberry.ID, delta: int) -> bool:
        conn = info.context["db"]
        with conn.cursor() as cur:
            cur.execute("UPDATE products SET stock = stock + %s WHERE id = %s", (delta, int(id)))
        conn.commit()
        return True


schema = strawberry.Schema(query=Query, mutation=Mutation)
