"""Starlette endpoint used by the cohort builder UI to preview eligible participants."""
import os
from datetime import date, datetime

from sqlalchemy import create_engine, text
from sqlalchemy.exc import SQLAlchemyError
from starlette.applications import Starlette
from starlette.responses import JSONResponse
from starlette.routing import Route

engine = create_engine(os.environ["TRIALS_DB_URL"], pool_pre_ping=True)

BASE_SELECT = (
    "SELECT p.participant_id, p.age, p.sex, d.icd10_code, p.enrolled_at "
    "FROM participants p JOIN diagnoses d ON d.participant_id = p.participant_id"
)
SORT_COLUMNS = {
    "p.enrolled_at": "p.enrolled_at",
    "p.age": "p.age",
    "d.icd10_code": "d.icd10_code",
    "p.participant_id": "p.participant_id",
}


class CohortQuery:
    def __init__(self, params):
        self.study = params.get("study", "")
        self.icd_prefix = params.get("icd10", "")
        self.min_age = int(params.get("min_age", 0))
        self.max_age = int(params.get("max_age", 120))
        self.sort = SORT_COLUMNS.get(params.get("sort", ""), "p.enrolled_at")
        self.direction = "DESC" if params.get("desc") == "1" else "ASC"

    def to_sql(self):
        parts = [
            BASE_SELECT,
            "WHERE p.study_code = :study",
            "AND p.age BETWEEN :min_age AND :max_age",
        ]
        binds = {"study": self.study, "min_age": self.min_age, "max_age": self.max_age}
        if self.icd_prefix:
            parts.append("AND d.icd10_code LIKE :icd_prefix")
            binds["icd_prefix"] = self.icd_prefix + "%"
        parts.append(f"ORDER BY {self.sort} {self.direction} LIMIT 500")
        return "\n".join(parts), binds


def _jsonable(row):
    return {k: (v.isoformat() if isinstance(v, (date, datetime)) else v) for k, v in row.items()}


async def cohort_preview(request):
    try:
        query = CohortQuery(dict(request.query_params))
    except ValueError:
        return JSONResponse({"error": "ages must be integers"}, status_code=400)
    if not query.study:
        return JSONResponse({"error": "study is required"}, status_code=400)
    sql, binds = query.to_sql()
    try:
        with engine.connect() as conn:
            rows = conn.execute(text(sql), binds).mappings().all()
    except SQLAlchemyError:
        return JSONResponse({"error": "query failed"}, status_code=500)
    return JSONResponse({"count": len(rows), "participants": [_jsonable(r) for r in rows]})


app = Starlette(routes=[Route("/cohorts/preview", cohort_preview)])
