"""FastAPI service that serves course media (slides, videos) to enrolled students."""
from pathlib import Path

from fastapi import Depends, FastAPI, Header, HTTPException
from fastapi.responses import FileResponse

app = FastAPI(title="course-media")

MEDIA_ROOT = Path("/srv/lms/media")
CONTENT_TYPES = {".pdf": "application/pdf", ".mp4": "video/mp4", ".png": "image/png"}


class Student:
    def __init__(self, student_id, courses):
        self.student_id = student_id
        self.courses = set(courses)


async def current_student(authorization: str = Header(...)) -> Student:
    session = await app.state.sessions.lookup(authorization.removeprefix("Bearer "))
    if session is None:
        raise HTTPException(status_code=401)
    return Student(session["student_id"], session["courses"])


class MediaResolver:
    def __init__(self, root: Path):
        self.root = root

    def course_dir(self, course_code: str) -> Path:
        return self.root / course_code.lower()

    def resolve(self, course_code: str, relative: str) -> Path:
        return self.course_dir(course_code) / relative


resolver = MediaResolver(MEDIA_ROOT)


@app.get("/courses/{course_code}/media/{asset_path:path}")
async def get_media(course_code: str, asset_path: str, student: Student = Depends(current_student)):
    if course_code.upper() not in student.courses:
        raise HTTPException(status_code=403, detail="not enrolled")
    target = resolver.resolve(course_code, asset_path)
    media_type = CONTENT_TYPES.get(target.suffix.lower())
    if media_type is None or not target.is_file():
        raise HTTPException(status_code=404)
    return FileResponse(target, media_type=media_type)  # VULN flow
