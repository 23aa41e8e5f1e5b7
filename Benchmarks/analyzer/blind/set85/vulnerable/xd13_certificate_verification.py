"""Issue and verify public certificate verification codes.

Every certificate has a public page (``/verify/<code>``) that employers use to
confirm a learner finished a course. The code is derived from the certificate
fields, so it can be recomputed without a lookup table.
"""
import hashlib
import hmac
import logging
import uuid
from dataclasses import dataclass, field
from datetime import date
from typing import Optional

log = logging.getLogger("certs.verify")

SIGNING_SECRET = "mooc-cert-2019-Qx8!vL"  # VULN
CODE_LENGTH = 12


@dataclass(frozen=True)
class Certificate:
    cert_id: str
    learner_id: int
    learner_name: str
    course_slug: str
    issued_on: date
    grade: str = "pass"


def _payload(cert: Certificate) -> str:
    return "|".join([
        cert.cert_id,
        str(cert.learner_id),
        cert.course_slug,
        cert.issued_on.isoformat(),
        cert.grade,
    ])


def verification_code(cert: Certificate) -> str:
    digest = hashlib.md5((SIGNING_SECRET + _payload(cert)).encode("utf-8")).hexdigest()  # VULN
    return f"{cert.cert_id}-{digest[:CODE_LENGTH]}"


def check_code(code: str, cert: Certificate) -> bool:
    return hmac.compare_digest(verification_code(cert), code)


@dataclass
class CertificateRegistry:
    _by_id: dict = field(default_factory=dict)

    def issue(self, learner_id: int, learner_name: str, course_slug: str, grade: str = "pass") -> tuple[Certificate, str]:
        cert = Certificate(
            cert_id=uuid.uuid4().hex[:10],
            learner_id=learner_id,
            learner_name=learner_name,
            course_slug=course_slug,
            issued_on=date.today(),
            grade=grade,
        )
        self._by_id[cert.cert_id] = cert
        code = verification_code(cert)
        log.info("issued certificate %s for course %r", cert.cert_id, course_slug)
        return cert, code

    def verify(self, code: str) -> Optional[Certificate]:
        cert_id, _, _ = code.partition("-")
        cert = self._by_id.get(cert_id)
        if cert is None or not check_code(code, cert):
            return None
        return cert
