import logging
import math
from typing import Dict, List

from fastapi import APIRouter, BackgroundTasks, Depends, HTTPException
from pydantic import BaseModel, Field

from .auth import Instructor, current_instructor
from .storage import GradeStore, get_store

router = APIRouter(prefix="/courses/{course_id}/quizzes", tags=["grading"])
logger = logging.getLogger(__name__)


class Submission(BaseModel):
    student_id: int
    answers: Dict[str, float]


class GradingRequest(BaseModel):
    quiz_id: int
    scoring_formula: str = Field(..., max_length=200, description="e.g. 'correct / total * 100'")
    submissions: List[Submission]


def count_correct(answers: Dict[str, float], key: Dict[str, float]) -> int:
    return sum(1 for q, v in answers.items() if q in key and math.isclose(key[q], v, abs_tol=1e-6))


def score_submission(formula: str, answers: Dict[str, float], key: Dict[str, float]) -> float:
    variables = {"correct": count_correct(answers, key), "total": len(key), "answered": len(answers)}
    return float(eval(formula, {"__builtins__": {}}, variables))  # VULN flow


def grade_all(store: GradeStore, course_id: int, req: GradingRequest) -> None:
    key = store.answer_key(course_id, req.quiz_id)
    for sub in req.submissions:
        score = score_submission(req.scoring_formula, sub.answers, key)
        store.save_grade(course_id, req.quiz_id, sub.student_id, round(score, 2))
    logger.info("graded %d submissions for quiz %d", len(req.submissions), req.quiz_id)


@router.post("/grade", status_code=202)
async def grade_quiz(
    course_id: int,
    req: GradingRequest,
    background: BackgroundTasks,
    store: GradeStore = Depends(get_store),
    instructor: Instructor = Depends(current_instructor),
):
    if not store.teaches(instructor.id, course_id):
        raise HTTPException(status_code=403, detail="not your course")
    if not store.quiz_exists(course_id, req.quiz_id):
        raise HTTPException(status_code=404, detail="quiz not found")
    background.add_task(grade_all, store, course_id, req)
    return {"queued": len(req.submissions), "quiz_id": req.quiz_id}


@router.get("/{quiz_id}/grades")
async def list_grades(course_id: int, quiz_id: int, store: GradeStore = Depends(get_store),
                      instructor: Instructor = Depends(current_instructor)):
    if not store.teaches(instructor.id, course_id):
        raise HTTPException(status_code=403, detail="not your course")
    return {"quiz_id": quiz_id, "grades": store.grades(course_id, quiz_id)}
