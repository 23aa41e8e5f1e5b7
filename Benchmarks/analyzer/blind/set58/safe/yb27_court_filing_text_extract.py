"""Extract text from uploaded court filings so they can be indexed for matter search."""
import asyncio
import logging
import os
import uuid

from aiohttp import web

log = logging.getLogger("filings.extract")

UPLOAD_DIR = os.environ.get("FILINGS_UPLOAD_DIR", "/srv/filings/uploads")
PDFTOTEXT = "pdftotext"


class TextExtractor:
    def __init__(self, binary=PDFTOTEXT):
        self.binary = binary

    def command(self, pdf_path, first_page, last_page):
        return [self.binary, "-layout", "-f", str(int(first_page)), "-l", str(int(last_page)), pdf_path, "-"]

    async def extract(self, pdf_path, first_page="1", last_page="50"):
        cmd = self.command(pdf_path, first_page, last_page)
        proc = await asyncio.create_subprocess_exec(*cmd, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE)
        out, err = await proc.communicate()
        if proc.returncode != 0:
            raise RuntimeError(err.decode(errors="replace")[-300:])
        return out.decode("utf-8", errors="replace")


async def save_upload(field):
    batch = uuid.uuid4().hex
    folder = os.path.join(UPLOAD_DIR, batch)
    os.makedirs(folder, exist_ok=True)
    path = os.path.join(folder, "filing.pdf")
    with open(path, "wb") as fh:
        while True:
            chunk = await field.read_chunk()
            if not chunk:
                break
            fh.write(chunk)
    return path


async def upload_filing(request):
    reader = await request.multipart()
    field = await reader.next()
    if field is None or field.name != "filing":
        raise web.HTTPBadRequest(text="expected a 'filing' file field")
    path = await save_upload(field)
    first = request.query.get("first", "1")
    last = request.query.get("last", "50")
    if not (first.isdigit() and last.isdigit()):
        raise web.HTTPBadRequest(text="first/last must be page numbers")
    try:
        text = await request.app["extractor"].extract(path, first, last)
    except RuntimeError as exc:
        log.warning("extraction failed for %r: %r", path, exc)
        raise web.HTTPUnprocessableEntity(text="could not extract text")
    log.info("extracted %d chars from %r", len(text), path)
    return web.json_response({"path": path, "chars": len(text), "head": text[:1000]})


def make_app():
    app = web.Application(client_max_size=50 * 1024 * 1024)
    app["extractor"] = TextExtractor()
    app.router.add_post("/filings", upload_filing)
    return app


if __name__ == "__main__":
    web.run_app(make_app(), host="127.0.0.1", port=8087)
