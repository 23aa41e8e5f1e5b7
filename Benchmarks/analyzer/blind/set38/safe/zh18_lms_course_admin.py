from typing import List

from fastapi import APIRouter, Depends, HTTPException, status
from pydantic import BaseModel
from sqlalchemy.orm import Session

from lms.auth import User, current_user
from lms.db import get_session
from lms.models import Course, Enrollment

router = APIRouter(prefix="/admin/courses", tags=["course-admin"])


class EnrollmentOut(BaseModel):
    student_id: int
    student_name: str
    progress_pct: float


class CourseOut(BaseModel):
    id: int
    title: str
    published: bool


def progress_pct(completed: int, total: int) -> float:
    assert 0 <= completed <= total, "completed lessons out of range"
    return round(100.0 * completed / total, 1) if total else 0.0


def require_admin(user: User = Depends(current_user)) -> User:
    if user.role != "admin":
        raise HTTPException(status_code=status.HTTP_403_FORBIDDEN, detail="admin role required")
    return user


def load_course(course_id: int, db: Session) -> Course:
    course = db.get(Course, course_id)
    if course is None:
        raise HTTPException(status_code=status.HTTP_404_NOT_FOUND, detail="course not found")
    return course


@router.get("/{course_id}/enrollments", response_model=List[EnrollmentOut])
def list_enrollments(course_id: int, db: Session = Depends(get_session), admin: User = Depends(require_admin)):
    course = load_course(course_id, db)
    rows = db.query(Enrollment).filter(Enrollment.course_id == course.id).all()
    return [
        EnrollmentOut(student_id=e.student_id, student_name=e.student.full_name,
                      progress_pct=progress_pct(e.completed_lessons, course.lesson_count))
        for e in rows
    ]


@router.post("/{course_id}/publish", response_model=CourseOut)
def publish_course(course_id: int, db: Session = Depends(get_session), admin: User = Depends(require_admin)):
    course = load_course(course_id, db)
    course.published = True
    course.published_by = admin.id
    db.commit()
    return CourseOut(id=course.id, title=course.title, published=course.published)


@router.delete("/{course_id}", status_code=status.HTTP_204_NO_CONTENT)
def delete_course(course_id: int, db: Session = Depends(get_session), admin: User = Depends(require_admin)):
    course = load_course(course_id, db)
    db.query(Enrollment).filter(Enrollment.course_id == course.id).delete()
    db.delete(course)
    db.commit()
