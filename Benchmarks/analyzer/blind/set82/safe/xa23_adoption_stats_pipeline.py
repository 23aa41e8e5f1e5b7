"""Worker for the "custom adoption statistics" feature of the shelter network
dashboard. Shelter coordinators build a report in the UI; the request is queued
as JSON and this job runs the aggregation and stores the CSV result."""
import csv
import io
import json
import logging
import os
from dataclasses import dataclass
from datetime import date

import psycopg2
import redis
from psycopg2 import sql as pgsql

log = logging.getLogger("adoption_stats")

JOB_QUEUE = "stats:jobs"
RESULT_TTL = 7 * 24 * 3600
GROUP_COLUMNS = {"species", "breed", "age_band", "outcome_channel", "adopter_region"}


@dataclass
class StatsJob:
    job_id: str
    shelter_code: str
    group_by: str
    since: str
    species: str = ""

    @classmethod
    def from_message(cls, raw: bytes) -> "StatsJob":
        data = json.loads(raw)
        return cls(
            job_id=str(data["job_id"]),
            shelter_code=data["shelter_code"],
            group_by=data.get("group_by", "species"),
            since=data.get("since", date.today().replace(day=1).isoformat()),
            species=data.get("species", ""),
        )


def build_query(job: StatsJob):
    if job.group_by not in GROUP_COLUMNS:
        raise ValueError(f"cannot group by {job.group_by!r}")
    conditions = ["shelter_code = %s", "adopted_on >= %s"]
    params = [job.shelter_code, date.fromisoformat(job.since)]
    if job.species:
        conditions.append("species = %s")
        params.append(job.species)
    query = pgsql.SQL(
        "SELECT {col} AS bucket, count(*) AS adoptions, "
        "avg(days_in_care) AS avg_days FROM adoptions "
        "WHERE " + " AND ".join(conditions) + " GROUP BY {col} ORDER BY adoptions DESC"
    ).format(col=pgsql.Identifier(job.group_by))
    return query, params


def run_job(conn, job: StatsJob) -> str:
    sql, params = build_query(job)
    with conn.cursor() as cur:
        cur.execute(sql, params)
        rows = cur.fetchall()
    buf = io.StringIO()
    writer = csv.writer(buf)
    writer.writerow(["bucket", "adoptions", "avg_days_in_care"])
    writer.writerows(rows)
    return buf.getvalue()


def main() -> None:
    logging.basicConfig(level=logging.INFO)
    queue = redis.Redis.from_url(os.environ.get("STATS_REDIS_URL", "redis://localhost:6379/4"))
    conn = psycopg2.connect(os.environ.get("STATS_DSN", "dbname=shelters user=stats_ro"))
    conn.autocommit = True
    while True:
        item = queue.brpop(JOB_QUEUE, timeout=30)
        if item is None:
            continue
        try:
            job = StatsJob.from_message(item[1])
            result = run_job(conn, job)
        except (KeyError, ValueError, psycopg2.Error) as exc:
            log.warning("stats job failed: %r", exc)
            continue
        queue.setex(f"stats:result:{job.job_id}", RESULT_TTL, result)
        log.info("stats job %r done (%d bytes)", job.job_id, len(result))


if __name__ == "__main__":
    main()
