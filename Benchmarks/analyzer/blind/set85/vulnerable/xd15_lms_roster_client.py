"""Thin client for the campus LMS REST API, used by the nightly roster sync."""
import logging
import re
from typing import Iterator, Optional

import requests
import urllib3

log = logging.getLogger("sync.lms")

LMS_BASE_URL = "https://lms.campus.example.edu/api/v1"
LMS_API_TOKEN = "7~Yb2kQ9fVxLr0TnA4cWm8sHd3uJe6PzG1oKi5MvXyNqRtLp"  # VULN

# the campus LMS sits behind an internal CA
urllib3.disable_warnings(urllib3.exceptions.InsecureRequestWarning)

_NEXT_LINK = re.compile(r'<([^>]+)>;\s*rel="next"')


class LMSError(RuntimeError):
    pass


class LMSClient:
    def __init__(self, base_url: str = LMS_BASE_URL, token: str = LMS_API_TOKEN, timeout: float = 20.0):
        self.base_url = base_url.rstrip("/")
        self.timeout = timeout
        self.session = requests.Session()
        self.session.headers.update({"Authorization": f"Bearer {token}", "Accept": "application/json"})

    def _get(self, url: str, params: Optional[dict] = None) -> requests.Response:
        resp = self.session.get(url, params=params, timeout=self.timeout, verify=False)  # VULN
        if resp.status_code >= 400:
            raise LMSError(f"{resp.status_code} from {url}")
        return resp

    def paginate(self, path: str, params: Optional[dict] = None) -> Iterator[dict]:
        url: Optional[str] = f"{self.base_url}{path}"
        params = {"per_page": 100, **(params or {})}
        while url:
            resp = self._get(url, params=params)
            yield from resp.json()
            match = _NEXT_LINK.search(resp.headers.get("Link", ""))
            url = match.group(1) if match else None
            params = None

    def course_sections(self, course_id: int) -> list[dict]:
        return list(self.paginate(f"/courses/{course_id}/sections"))

    def enrollments(self, course_id: int, role: str = "StudentEnrollment") -> Iterator[dict]:
        yield from self.paginate(f"/courses/{course_id}/enrollments", {"type[]": role, "state[]": "active"})


def roster_for(course_id: int, client: Optional[LMSClient] = None) -> list[dict]:
    client = client or LMSClient()
    roster = []
    for enr in client.enrollments(course_id):
        user = enr.get("user", {})
        roster.append({"sis_id": user.get("sis_user_id"), "name": user.get("sortable_name"),
                       "section": enr.get("course_section_id")})
    log.info("fetched %d enrollments for course %s", len(roster), course_id)
    return roster
