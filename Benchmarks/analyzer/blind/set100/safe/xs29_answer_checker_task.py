"""Quiz answer grading worker (Celery).

Submitted quizzes are graded here so the web tier stays responsive.
"""
import logging
import os
import re
from fractions import Fraction

import psycopg2
from celery import Celery

log = logging.getLogger("grading")
app = Celery("grading", broker=os.environ.get("BROKER_URL", "redis://localhost:6379/1"))

TOLERANCE = 1e-6
NUMBER = re.compile(r"^(-?)(?:(\d+) )?(\d+(?:\.\d+)?)(?:/(\d+))?$")


def normalise_text(s: str) -> str:
    return " ".join(s.lower().replace("\u2019", "'").split())


def parse_numeric(answer: str) -> float:
    # learners type things like "3/4", "0,75", "1 1/2" or "-2"
    expr = " ".join(answer.strip().replace(",", ".").replace(" / ", "/").split())
    match = NUMBER.match(expr)
    if match is None:
        raise ValueError("not a number")
    sign, whole, numerator, denominator = match.groups()
    value = Fraction(numerator) / Fraction(denominator) if denominator else Fraction(numerator)
    if whole:
        value += int(whole)
    return float(-value if sign else value)


def check_answer(question: dict, answer: str) -> bool:
    kind = question["kind"]
    if kind == "numeric":
        try:
            return abs(parse_numeric(answer) - float(question["expected"])) <= TOLERANCE
        except (SyntaxError, ValueError, ZeroDivisionError, TypeError, NameError):
            return False
    if kind == "choice":
        return answer.strip() == question["expected"]
    return normalise_text(answer) in {normalise_text(a) for a in question["accepted"]}


@app.task(bind=True, max_retries=3, default_retry_delay=10)
def grade_submission(self, submission_id: int) -> dict:
    try:
        conn = psycopg2.connect(os.environ["PG_DSN"])
    except psycopg2.OperationalError as exc:
        raise self.retry(exc=exc)
    try:
        with conn.cursor() as cur:
            cur.execute(
                "SELECT a.id, q.kind, q.expected, q.accepted, a.answer_text "
                "FROM submission_answers a JOIN questions q ON q.id = a.question_id "
                "WHERE a.submission_id = %s",
                (submission_id,),
            )
            rows = cur.fetchall()
            correct = 0
            for answer_id, kind, expected, accepted, answer in rows:
                question = {"kind": kind, "expected": expected, "accepted": accepted or []}
                ok = check_answer(question, answer or "")
                correct += ok
                cur.execute("UPDATE submission_answers SET is_correct = %s WHERE id = %s", (ok, answer_id))
            score = round(100.0 * correct / len(rows), 1) if rows else 0.0
            cur.execute("UPDATE submissions SET score = %s, graded_at = NOW() WHERE id = %s", (score, submission_id))
        conn.commit()
    finally:
        conn.close()
    log.info("submission %d graded: %.1f", submission_id, score)
    return {"submission": submission_id, "score": score}
