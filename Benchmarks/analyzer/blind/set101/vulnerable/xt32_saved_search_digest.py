"""Nightly job-alert digest. For every candidate saved search (keywords,
location, minimum salary entered on the job board) find postings from the
last 24h and queue a digest email."""
import logging
import os
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from typing import List, Optional

from sqlalchemy import create_engine, text

from jobboard.mailer import queue_digest

log = logging.getLogger("alerts.digest")

engine = create_engine(os.environ.get("JOBBOARD_DB_URL", "postgresql+psycopg2://jobboard@db/jobboard"),
                       pool_pre_ping=True)


@dataclass
class SavedSearch:
    id: int
    candidate_id: int
    email: str
    keywords: str
    location: Optional[str]
    min_salary: Optional[int]


def load_saved_searches(conn) -> List[SavedSearch]:
    rows = conn.execute(text(
        "SELECT s.id, s.candidate_id, c.email, s.keywords, s.location, s.min_salary "
        "FROM saved_searches s JOIN candidates c ON c.id = s.candidate_id "
        "WHERE s.alerts_enabled AND c.email_verified"
    ))
    return [SavedSearch(*row) for row in rows]


def search_sql(search: SavedSearch, since: datetime) -> str:
    where = [f"j.posted_at >= '{since.isoformat()}'", "j.status = 'open'"]
    for word in search.keywords.split():
        where.append(f"(j.title ILIKE '%{word}%' OR j.description ILIKE '%{word}%')")
    if search.location:
        where.append(f"j.location ILIKE '{search.location}%'")
    if search.min_salary:
        where.append(f"j.salary_max >= {int(search.min_salary)}")
    return ("SELECT j.id, j.title, j.company_name, j.location FROM jobs j WHERE "
            + " AND ".join(where) + " ORDER BY j.posted_at DESC LIMIT 20")


def run(now: Optional[datetime] = None) -> int:
    now = now or datetime.now(timezone.utc)
    since = now - timedelta(days=1)
    sent = 0
    with engine.connect() as conn:
        for search in load_saved_searches(conn):
            query = search_sql(search, since)
            matches = conn.execute(text(query)).fetchall()  # VULN flow
            if not matches:
                continue
            queue_digest(search.email, search_id=search.id,
                         jobs=[dict(m._mapping) for m in matches])
            sent += 1
    log.info("queued %d job-alert digests", sent)
    return sent


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    run()
