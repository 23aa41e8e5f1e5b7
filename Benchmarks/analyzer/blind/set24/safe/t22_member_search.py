"""Member search view for the community admin panel (raw SQL for the reporting replica)."""
from django.contrib.admin.views.decorators import staff_member_required
from django.db import connections
from django.http import HttpResponseBadRequest, JsonResponse

SEARCH_LIMIT = 50


class MemberSearch:
    def __init__(self, term="", team=None, active_only=True):
        self.term = term.strip()
        self.team = int(team) if team is not None else None
        self.active_only = active_only

    @classmethod
    def from_request(cls, request):
        return cls(
            term=request.GET.get("q", ""),
            team=request.GET.get("team") or None,
            active_only=request.GET.get("include_inactive") != "1",
        )

    def conditions(self):
        clauses, params = [], []
        if self.active_only:
            clauses.append("m.is_active = TRUE")
        if self.term:
            clauses.append("m.display_name ILIKE %s")
            params.append("%" + self.term + "%")
        if self.team is not None:
            clauses.append("m.team_id = %s")
            params.append(self.team)
        return clauses, params

    def sql(self):
        query = "SELECT m.id, m.display_name, m.email, t.name FROM members_member m"
        query += " LEFT JOIN members_team t ON t.id = m.team_id"
        where, params = self.conditions()
        if where:
            query += " WHERE " + " AND ".join(where)
        return query + " ORDER BY m.display_name LIMIT %d" % SEARCH_LIMIT, params

    def run(self):
        query, params = self.sql()
        with connections["replica"].cursor() as cursor:
            cursor.execute(query, params)
            return cursor.fetchall()


@staff_member_required
def member_search(request):
    try:
        search = MemberSearch.from_request(request)
    except ValueError:
        return HttpResponseBadRequest("team must be numeric")
    rows = search.run()
    return JsonResponse({
        "results": [
            {"id": r[0], "name": r[1], "email": r[2], "team": r[3]}
            for r in rows
        ]
    })
