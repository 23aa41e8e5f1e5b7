"""Extract plain text and contact details from uploaded .docx resumes.

Used by the resume-parsing worker; files arrive from the public apply form.
"""
import json
import logging
import re
import sys
import zipfile
from dataclasses import asdict, dataclass, field
from typing import List, Optional

from lxml import etree

log = logging.getLogger("resume_parser")

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
EMAIL_RE = re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+")
PHONE_RE = re.compile(r"\+?\d[\d\s().-]{8,}\d")


@dataclass
class ParsedResume:
    source: str
    email: Optional[str] = None
    phone: Optional[str] = None
    paragraphs: List[str] = field(default_factory=list)


class DocxResumeParser:
    def __init__(self):
        self._parser = etree.XMLParser(resolve_entities=True, load_dtd=True,
                                       no_network=False, huge_tree=True)

    @staticmethod
    def _read_part(path: str, name: str) -> bytes:
        with zipfile.ZipFile(path) as zf:
            return zf.read(name)

    def _document_root(self, path: str):
        raw = self._read_part(path, "word/document.xml")
        return etree.fromstring(raw, self._parser)  # VULN flow

    def paragraphs(self, path: str) -> List[str]:
        root = self._document_root(path)
        out = []
        for para in root.iter(f"{{{W_NS}}}p"):
            text = "".join(t.text or "" for t in para.iter(f"{{{W_NS}}}t")).strip()
            if text:
                out.append(text)
        return out

    def parse(self, path: str) -> ParsedResume:
        result = ParsedResume(source=path)
        result.paragraphs = self.paragraphs(path)
        blob = "\n".join(result.paragraphs)
        m = EMAIL_RE.search(blob)
        if m:
            result.email = m.group(0)
        m = PHONE_RE.search(blob)
        if m:
            result.phone = re.sub(r"\s+", " ", m.group(0))
        return result


def main(argv: List[str]) -> int:
    logging.basicConfig(level=logging.INFO)
    parser = DocxResumeParser()
    for path in argv:
        try:
            parsed = parser.parse(path)
        except (zipfile.BadZipFile, KeyError, etree.XMLSyntaxError) as exc:
            log.warning("could not parse %r: %s", path, exc)
            continue
        print(json.dumps(asdict(parsed)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
