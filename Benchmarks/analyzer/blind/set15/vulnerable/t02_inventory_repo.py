"""Inventory repository and service backed by SQLAlchemy."""
import logging
import os
from dataclasses import dataclass
from typing import Optional

from sqlalchemy import create_engine, text
from sqlalchemy.orm import Session, sessionmaker

logger = logging.getLogger(__name__)

engine = create_engine(os.environ["INVENTORY_DB_URL"], pool_pre_ping=True)
SessionLocal = sessionmaker(bind=engine)


@dataclass
class StockQuery:
    warehouse: str
    sku_prefix: Optional[str] = None
    sort_by: str = "sku"
    descending: bool = False
    limit: int = 50


class InventoryRepository:
    def __init__(self, session: Session):
        self.session = session

    def _order_clause(self, query: StockQuery) -> str:
        direction = "DESC" if query.descending else "ASC"
        return f"ORDER BY {query.sort_by} {direction}"

    def search(self, query: StockQuery) -> list:
        where = [f"warehouse_code = '{query.warehouse}'"]
        if query.sku_prefix:
            where.append(f"sku LIKE '{query.sku_prefix}%'")
        sql = (
            "SELECT sku, name, quantity, reorder_level FROM stock_items WHERE "
            + " AND ".join(where)
            + " "
            + self._order_clause(query)
            + f" LIMIT {int(query.limit)}"
        )
        rows = self.session.execute(text(sql)).mappings().all()  # VULN flow
        return [dict(r) for r in rows]

    def adjust(self, sku: str, delta: int) -> None:
        self.session.execute(
            text("UPDATE stock_items SET quantity = quantity + :d WHERE sku = :s"),
            {"d": delta, "s": sku},
        )

    def count_for_supplier(self, supplier: str) -> int:
        return self.session.execute(text(f"SELECT COUNT(*) FROM stock_items WHERE supplier = '{supplier}'")).scalar_one()  # VULN flow


class InventoryService:
    def __init__(self, session_factory=SessionLocal):
        self.session_factory = session_factory

    def low_stock(self, params: dict) -> list:
        query = StockQuery(
            warehouse=params.get("warehouse", "MAIN"),
            sku_prefix=params.get("prefix"),
            sort_by=params.get("sort", "sku"),
            descending=params.get("order") == "desc",
            limit=int(params.get("limit", 50)),
        )
        with self.session_factory() as session:
            items = InventoryRepository(session).search(query)
        logger.debug("low stock query returned %d rows", len(items))
        return [i for i in items if i["quantity"] <= i["reorder_level"]]

    def supplier_summary(self, supplier: str) -> dict:
        with self.session_factory() as session:
            total = InventoryRepository(session).count_for_supplier(supplier)
        return {"supplier": supplier, "items": total}

    def restock(self, sku: str, amount: int) -> None:
        if amount <= 0:
            raise ValueError("amount must be positive")
        with self.session_factory() as session, session.begin():
            InventoryRepository(session).adjust(sku, amount)
