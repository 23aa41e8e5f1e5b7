"""Document conversion microservice wrapping pandoc."""
import os
import subprocess
import tempfile

from fastapi import FastAPI, File, HTTPException, Query, UploadFile
from fastapi.responses import Response

app = FastAPI(title="convert")

INPUT_EXT = {".md": "markdown", ".rst": "rst", ".docx": "docx", ".html": "html", ".odt": "odt"}
OUTPUT = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "odt": "application/vnd.oasis.opendocument.text",
    "epub": "application/epub+zip",
    "html": "text/plain",
}
ALLOWED_OPTIONS = {"--toc", "--number-sections", "--standalone", "--section-divs"}
MAX_BYTES = 5 * 1024 * 1024


@app.post("/convert")
async def convert(
    file: UploadFile = File(...),
    to: str = Query("docx"),
    options: str = Query("", description="extra pandoc options, e.g. --toc"),
):
    ext = os.path.splitext(file.filename or "")[1].lower()
    if ext not in INPUT_EXT:
        raise HTTPException(status_code=415, detail="unsupported input type")
    if to not in OUTPUT:
        raise HTTPException(status_code=400, detail="unsupported output type")
    extra = options.split()
    if any(opt not in ALLOWED_OPTIONS for opt in extra):
        raise HTTPException(status_code=400, detail="unsupported option")
    data = await file.read()
    if len(data) > MAX_BYTES:
        raise HTTPException(status_code=413, detail="file too large")

    with tempfile.TemporaryDirectory(prefix="conv-") as tmp:
        src = os.path.join(tmp, "input" + ext)
        dst = os.path.join(tmp, "output." + to)
        with open(src, "wb") as fh:
            fh.write(data)
        argv = ["pandoc", "--sandbox", "-f", INPUT_EXT[ext], src, "-o", dst] + extra
        proc = subprocess.run(argv, capture_output=True, timeout=90)
        if proc.returncode != 0:
            raise HTTPException(status_code=422, detail="conversion failed")
        with open(dst, "rb") as fh:
            body = fh.read()
    return Response(content=body, media_type=OUTPUT[to])
