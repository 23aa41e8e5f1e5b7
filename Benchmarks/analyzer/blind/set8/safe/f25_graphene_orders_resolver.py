"""GraphQL schema for the merchant dashboard's order list (graphene)."""
import logging
import os

import graphene
from sqlalchemy import create_engine, text

log = logging.getLogger("dashboard.graphql")
engine = create_engine(os.environ.get("ORDERS_DB_URL", "postgresql://localhost/orders"), pool_pre_ping=True)

MAX_PAGE = 100


class OrderSort(graphene.Enum):
    CREATED_AT = "created_at"
    TOTAL = "total"
    CUSTOMER = "customer"


class Order(graphene.ObjectType):
    id = graphene.Int()
    customer = graphene.String()
    status = graphene.String()
    total = graphene.Float()
    created_at = graphene.DateTime()


SORT_SQL = {
    OrderSort.CREATED_AT.value: "created_at",
    OrderSort.TOTAL.value: "total",
    OrderSort.CUSTOMER.value: "customer",
}


def build_order_query(sort_by: str, descending: bool) -> str:
    column = SORT_SQL.get(sort_by, "created_at")
    direction = "DESC" if descending else "ASC"
    return (
        "SELECT id, customer, status, total, created_at FROM orders "
        "WHERE tenant_id = :tenant AND status = :status "
        f"ORDER BY {column} {direction} LIMIT :limit"
    )


class Query(graphene.ObjectType):
    orders = graphene.List(
        Order,
        status=graphene.String(required=True),
        sort_by=OrderSort(default_value=OrderSort.CREATED_AT.value),
        descending=graphene.Boolean(default_value=True),
        first=graphene.Int(default_value=25),
    )

    def resolve_orders(root, info, status, sort_by, descending, first):
        tenant = info.context["tenant_id"]
        sort_value = getattr(sort_by, "value", sort_by)
        sql = build_order_query(sort_value, descending)
        params = {"tenant": tenant, "status": status, "limit": max(1, min(first, MAX_PAGE))}
        with engine.connect() as conn:
            rows = conn.execute(text(sql), params).mappings().all()
        return [Order(**row) for row in rows]


schema = graphene.Schema(query=Query)


def execute(query: str, variables: dict, tenant_id: int) -> dict:
    result = schema.execute(query, variables=variables, context_value={"tenant_id": tenant_id})
    if result.errors:
        log.warning("graphql errors: %d", len(result.errors))
        return {"data": result.data, "errors": [{"message": "query failed"}]}
    return {"data": result.data}
