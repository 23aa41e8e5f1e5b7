"""Coverage service: CI jobs upload Cobertura XML reports after the test stage."""
import logging
import xml.sax
from typing import Dict, List
from xml.sax.handler import feature_external_ges

import defusedxml.sax

from fastapi import FastAPI, File, HTTPException, UploadFile

log = logging.getLogger("coverage")
app = FastAPI(title="coverage-ingest")


class CoberturaHandler(xml.sax.ContentHandler):
    def __init__(self) -> None:
        super().__init__()
        self.line_rate = 0.0
        self.branch_rate = 0.0
        self.sources: List[str] = []
        self.files: Dict[str, float] = {}
        self._in_source = False
        self._buf: List[str] = []

    def startElement(self, name, attrs):
        if name == "coverage":
            self.line_rate = float(attrs.get("line-rate", 0))
            self.branch_rate = float(attrs.get("branch-rate", 0))
        elif name == "class":
            self.files[attrs.get("filename", "?")] = float(attrs.get("line-rate", 0))
        elif name == "source":
            self._in_source = True
            self._buf = []

    def characters(self, content):
        if self._in_source:
            self._buf.append(content)

    def endElement(self, name):
        if name == "source":
            self.sources.append("".join(self._buf).strip())
            self._in_source = False


def parse_report(stream) -> CoberturaHandler:
    handler = CoberturaHandler()
    parser = defusedxml.sax.make_parser()
    parser.setFeature(feature_external_ges, False)
    parser.setContentHandler(handler)
    parser.parse(stream)
    return handler


@app.post("/api/projects/{project_id}/coverage")
async def upload_coverage(project_id: int, report: UploadFile = File(...)):
    try:
        result = parse_report(report.file)
    except defusedxml.DefusedXmlException as exc:
        raise HTTPException(status_code=400, detail=f"rejected XML construct: {exc}")
    except xml.sax.SAXParseException as exc:
        raise HTTPException(status_code=400, detail=f"invalid Cobertura XML: {exc}")
    log.info("project %d coverage %.1f%%", project_id, result.line_rate * 100)
    return {
        "project": project_id,
        "line_rate": result.line_rate,
        "branch_rate": result.branch_rate,
        "sources": result.sources,
        "files": len(result.files),
        "lowest": sorted(result.files.items(), key=lambda kv: kv[1])[:10],
    }
