"""Back-office order search implemented with a small repository class."""
from dataclasses import dataclass
from datetime import date
from typing import Optional

from pyramid.httpexceptions import HTTPBadRequest
from pyramid.view import view_config
from sqlalchemy import text


def _escape_like(value):
    return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


@dataclass
class OrderFilter:
    term: str = ""
    status: Optional[str] = None
    placed_after: Optional[date] = None
    sort: str = "placed_at"
    direction: str = "desc"
    limit: int = 50


class OrderRepository:
    SORTABLE = {"placed_at", "total", "customer_email"}
    STATUSES = {"pending", "paid", "shipped", "refunded"}

    def __init__(self, session):
        self.session = session

    def search(self, flt: OrderFilter):
        if flt.sort not in self.SORTABLE or flt.direction not in {"asc", "desc"}:
            raise ValueError("unsupported sort order")
        clauses = ["1 = 1"]
        params = {"limit": flt.limit}
        if flt.status:
            clauses.append("status = :status")
            params["status"] = flt.status
        if flt.placed_after:
            clauses.append("placed_at >= :placed_after")
            params["placed_after"] = flt.placed_after
        if flt.term:
            clauses.append("(customer_email ILIKE :pattern OR reference = :term)")
            params["pattern"] = f"%{_escape_like(flt.term)}%"
            params["term"] = flt.term
        sql = (
            "SELECT id, reference, customer_email, status, total, placed_at FROM orders "
            f"WHERE {' AND '.join(clauses)} ORDER BY {flt.sort} {flt.direction} LIMIT :limit"
        )
        return self.session.execute(text(sql), params).mappings().all()


def _parse_filter(params):
    try:
        limit = max(1, min(int(params.get("limit", 50)), 200))
        raw_date = params.get("placed_after")
        placed_after = date.fromisoformat(raw_date) if raw_date else None
    except ValueError:
        raise HTTPBadRequest("invalid limit or date")
    sort = params.get("sort", "placed_at")
    direction = params.get("direction", "desc").lower()
    status = params.get("status") or None
    if sort not in OrderRepository.SORTABLE or direction not in {"asc", "desc"}:
        raise HTTPBadRequest("invalid sort")
    if status is not None and status not in OrderRepository.STATUSES:
        raise HTTPBadRequest("invalid status")
    return OrderFilter(
        term=params.get("q", "").strip(),
        status=status,
        placed_after=placed_after,
        sort=sort,
        direction=direction,
        limit=limit,
    )


@view_config(route_name="orders.search", renderer="json", permission="orders.view")
def search_orders(request):
    flt = _parse_filter(request.GET)
    rows = OrderRepository(request.dbsession).search(flt)
    return {
        "count": len(rows),
        "results": [
            {**row, "total": str(row["total"]), "placed_at": row["placed_at"].isoformat()}
            for row in rows
        ],
    }
