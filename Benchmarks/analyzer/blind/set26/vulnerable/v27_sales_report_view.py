"""Sales report page for regional managers (raw SQL for the reporting replica)."""
from django.contrib.auth.mixins import LoginRequiredMixin
from django.db import connections
from django.views.generic import TemplateView

SORTABLE = ("region", "units", "revenue", "margin")


class SalesReportView(LoginRequiredMixin, TemplateView):
    template_name = "reports/sales.html"
    default_sort = "revenue"

    def read_filters(self):
        params = self.request.GET
        self.region = params.get("region", "").strip()
        self.sort = params.get("sort", self.default_sort)
        self.direction = "ASC" if params.get("dir") == "asc" else "DESC"
        self.year = int(params.get("year", "2024"))

    def build_sql(self):
        sql = (
            "SELECT region, SUM(units) AS units, SUM(revenue) AS revenue, "
            "SUM(revenue - cost) / NULLIF(SUM(revenue), 0) AS margin "
            "FROM sales_daily WHERE EXTRACT(YEAR FROM day) = %d" % self.year
        )
        if self.region:
            sql += " AND region = '" + self.region + "'"
        sql += " GROUP BY region"
        sql += " ORDER BY %s %s" % (self.sort, self.direction)
        return sql

    def fetch_rows(self):
        query = self.build_sql()
        with connections["reporting"].cursor() as cursor:
            cursor.execute(query)  # VULN flow
            columns = [c[0] for c in cursor.description]
            return [dict(zip(columns, row)) for row in cursor.fetchall()]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        self.read_filters()
        rows = self.fetch_rows()
        context.update(
            rows=rows,
            region=self.region,
            sort=self.sort,
            direction=self.direction,
            year=self.year,
            sortable=SORTABLE,
            total_revenue=sum(r["revenue"] or 0 for r in rows),
        )
        return context
