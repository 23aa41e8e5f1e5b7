"""Search API over public comments submitted on proposed ordinances (Django)."""
import logging

from django.core.paginator import Paginator
from django.db import connection
from django.http import JsonResponse
from django.views.decorators.http import require_GET

log = logging.getLogger(__name__)

SORT_COLUMNS = {"newest": "c.submitted_at DESC", "oldest": "c.submitted_at ASC", "ordinance": "o.number"}
PAGE_SIZE = 25


class CommentQuery:
    def __init__(self, params):
        self.terms = [t for t in params.get("q", "").split() if t][:5]
        self.ordinance = params.get("ordinance", "")
        self.position = params.get("position", "")
        self.sort = SORT_COLUMNS.get(params.get("sort", "newest"), SORT_COLUMNS["newest"])

    def to_sql(self):
        clauses = ["c.published = TRUE"]
        params = []
        if self.ordinance:
            clauses.append("o.number = %s")
            params.append(self.ordinance)
        if self.position in ("support", "oppose", "neutral"):
            clauses.append("c.position = %s")
            params.append(self.position)
        for term in self.terms:
            clauses.append("c.body ILIKE %s")
            params.append(f"%{term}%")
        sql = (
            "SELECT c.id, o.number, o.title, c.display_name, c.position, c.body, c.submitted_at "
            "FROM comments_comment c JOIN ordinances_ordinance o ON o.id = c.ordinance_id "
            "WHERE " + " AND ".join(clauses) + " ORDER BY " + self.sort + " LIMIT 500"
        )
        return sql, params


@require_GET
def search_comments(request):
    query = CommentQuery(request.GET)
    sql, params = query.to_sql()
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        cols = [c[0] for c in cursor.description]
        rows = [dict(zip(cols, r)) for r in cursor.fetchall()]
    page = Paginator(rows, PAGE_SIZE).get_page(request.GET.get("page", 1))
    return JsonResponse({
        "count": len(rows),
        "page": page.number,
        "pages": page.paginator.num_pages,
        "results": [
            {**r, "submitted_at": r["submitted_at"].isoformat()} for r in page.object_list
        ],
    })
