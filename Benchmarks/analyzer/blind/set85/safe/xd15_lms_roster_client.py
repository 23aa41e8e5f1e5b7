"""Thin client for the campus LMS REST API, used by the nightly roster sync."""
import logging
import os
import re
from typing import Iterator, Optional

import requests

log = logging.getLogger("sync.lms")

LMS_BASE_URL = os.environ.get("LMS_BASE_URL", "https://lms.campus.example.edu/api/v1")
LMS_API_TOKEN = os.environ.get("LMS_API_TOKEN", "")

# the campus LMS sits behind an internal CA
LMS_CA_BUNDLE = os.environ.get("LMS_CA_BUNDLE", "/etc/ssl/certs/campus-internal-ca.pem")

_NEXT_LINK = re.compile(r'<([^>]+)>;\s*rel="next"')


class LMSError(RuntimeError):
    pass


class LMSClient:
    def __init__(self, base_url: str = LMS_BASE_URL, token: str = LMS_API_TOKEN, timeout: float = 20.0):
        if not token:
            raise LMSError("LMS_API_TOKEN is not configured")
        self.base_url = base_url.rstrip("/")
        self.timeout = timeout
        self.session = requests.Session()
        self.session.headers.update({"Authorization": f"Bearer {token}", "Accept": "application/json"})

    def _get(self, url: str, params: Optional[dict] = None) -> requests.Response:
        resp = self.session.get(url, params=params, timeout=self.timeout, verify=LMS_CA_BUNDLE)
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
            if url and not url.startswith(self.base_url + "/"):
                raise LMSError("pagination link points outside the LMS API")
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
