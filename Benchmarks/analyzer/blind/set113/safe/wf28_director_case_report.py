"""Case report views for funeral directors (Django)."""
import csv
import logging

from django.contrib.auth.decorators import login_required
from django.db import connection
from django.http import HttpResponse, JsonResponse

log = logging.getLogger("reports.cases")


class CaseReport:
    base_sql = (
        "SELECT c.id, c.case_no, c.decedent_name, c.service_date, c.status, "
        "c.disposition, d.full_name AS director "
        "FROM arrangements_case c JOIN staff_director d ON d.id = c.director_id"
    )

    def __init__(self, home_id: int, params):
        self.home_id = home_id
        self.status = params.get("status")
        self.director = params.get("director")
        self.date_from = params.get("from")
        self.date_to = params.get("to")
        self.disposition = params.get("disposition")

    def sql(self):
        where = ["c.home_id = %s"]
        args = [int(self.home_id)]
        if self.status:
            where.append("c.status = %s")
            args.append(self.status)
        if self.director:
            where.append("d.full_name ILIKE %s")
            args.append(f"%{self.director}%")
        if self.disposition:
            where.append("c.disposition = %s")
            args.append(self.disposition)
        if self.date_from:
            where.append("c.service_date >= %s")
            args.append(self.date_from)
        if self.date_to:
            where.append("c.service_date <= %s")
            args.append(self.date_to)
        return f"{self.base_sql} WHERE {' AND '.join(where)} ORDER BY c.service_date DESC", args

    def rows(self):
        sql, args = self.sql()
        with connection.cursor() as cur:
            cur.execute(sql, args)
            cols = [c[0] for c in cur.description]
            return [dict(zip(cols, r)) for r in cur.fetchall()]


@login_required
def case_report(request):
    report = CaseReport(request.user.profile.home_id, request.GET)
    rows = report.rows()
    log.info("case report for home %d returned %d rows", report.home_id, len(rows))
    return JsonResponse({"cases": rows}, json_dumps_params={"default": str})


@login_required
def case_report_csv(request):
    report = CaseReport(request.user.profile.home_id, request.GET)
    response = HttpResponse(content_type="text/csv")
    response["Content-Disposition"] = 'attachment; filename="cases.csv"'
    writer = csv.writer(response)
    writer.writerow(["Case", "Decedent", "Service date", "Status", "Disposition", "Director"])
    for row in report.rows():
        writer.writerow([row["case_no"], row["decedent_name"], row["service_date"],
                         row["status"], row["disposition"], row["director"]])
    return response
