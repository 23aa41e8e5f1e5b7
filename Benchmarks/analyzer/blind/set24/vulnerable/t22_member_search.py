"""Member search view for the community admin panel (raw SQL for the reporting replica)."""
from django.contrib.admin.views.decorators import staff_member_required
from django.db import connections
from django.http import JsonResponse

SEARCH_LIMIT = 50


class MemberSearch:
    def __init__(self, term="", team=None, active_only=True):
        self.term = term.strip()
        self.team = team
        self.active_only = active_only

    @classmethod
    def from_request(cls, request):
        return cls(
            term=request.GET.get("q", ""),
            team=request.GET.get("team") or None,
            active_only=request.GET.get("include_inactive") != "1",
        )

    def conditions(self):
        clauses = []
        if self.active_only:
            clauses.append("m.is_active = TRUE")
        if self.term:
            clauses.append("m.display_name ILIKE '%" + self.term + "%'")
        if self.team:
            clauses.append("m.team_id = %s" % self.team)
        return clauses

    def sql(self):
        query = "SELECT m.id, m.display_name, m.email, t.name FROM members_member m"
        query += " LEFT JOIN members_team t ON t.id = m.team_id"
        where = self.conditions()
        if where:
            query += " WHERE " + " AND ".join(where)
        return query + " ORDER BY m.display_name LIMIT %d" % SEARCH_LIMIT

    def run(self):
        with connections["replica"].cursor() as cursor:
            cursor.execute(self.sql())  # VULN flow
            return cursor.fetchall()


@staff_member_required
def member_search(request):
    search = MemberSearch.from_request(request)
    rows = search.run()
    return JsonResponse({
        "results": [
            {"id": r[0], "name": r[1], "email": r[2], "team": r[3]}
            for r in rows
        ]
    })
