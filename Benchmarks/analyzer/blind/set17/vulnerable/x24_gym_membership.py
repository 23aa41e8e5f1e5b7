"""Azure Function (HTTP trigger) recording member check-ins at club turnstiles."""
import json
import logging
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Optional

import azure.functions as func
import psycopg2

DB_DSN = "host=gymclubs-prod.postgres.database.azure.com dbname=members user=checkin_fn password=Turnst1le!Prod#88 sslmode=require"  # VULN
ACTIVE_STATUSES = ("active", "trial")


@dataclass
class CheckinRequest:
    member_code: str
    club_id: int
    turnstile: Optional[str] = None


def parse_request(req: func.HttpRequest) -> CheckinRequest:
    body = req.get_json()
    return CheckinRequest(
        member_code=str(body["member_code"]).strip(),
        club_id=int(body["club_id"]),
        turnstile=body.get("turnstile"),
    )


def find_member(cur, checkin: CheckinRequest):
    sql = f"SELECT id, status, home_club_id FROM members WHERE member_code = '{checkin.member_code}'"
    cur.execute(sql)  # VULN flow
    return cur.fetchone()


def record_visit(cur, member_id: int, checkin: CheckinRequest) -> None:
    cur.execute(
        "INSERT INTO visits (member_id, club_id, turnstile, visited_at) VALUES (%s, %s, %s, %s)",
        (member_id, checkin.club_id, checkin.turnstile, datetime.now(timezone.utc)),
    )


def main(req: func.HttpRequest) -> func.HttpResponse:
    try:
        checkin = parse_request(req)
    except (ValueError, KeyError, TypeError):
        return func.HttpResponse("invalid body", status_code=400)
    conn = psycopg2.connect(DB_DSN, connect_timeout=5)
    try:
        with conn, conn.cursor() as cur:
            member = find_member(cur, checkin)
            if member is None:
                return func.HttpResponse(json.dumps({"allowed": False, "reason": "unknown"}),
                                         status_code=404, mimetype="application/json")
            member_id, status, home_club = member
            allowed = status in ACTIVE_STATUSES
            if allowed:
                record_visit(cur, member_id, checkin)
            logging.info("checkin member=%s club=%s allowed=%s", member_id, checkin.club_id, allowed)
            return func.HttpResponse(
                json.dumps({"allowed": allowed, "home_club": home_club == checkin.club_id}),
                mimetype="application/json",
            )
    finally:
        conn.close()
