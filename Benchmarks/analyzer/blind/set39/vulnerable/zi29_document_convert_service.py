import asyncio
import logging
import os
import shutil
import tempfile
import zipfile

from aiohttp import web

logger = logging.getLogger("docs.convert")

MAX_ARCHIVE = 50 * 1024 * 1024
MAX_EXTRACTED = 200 * 1024 * 1024
DOC_SUFFIXES = (".docx", ".odt", ".rtf", ".doc")
SOFFICE = shutil.which("soffice") or "/usr/bin/soffice"


def extract_documents(archive_path, workdir):
    extracted, total = [], 0
    with zipfile.ZipFile(archive_path) as zf:
        for member in zf.infolist():
            if member.is_dir() or not member.filename.lower().endswith(DOC_SUFFIXES):
                continue
            total += member.file_size
            if total > MAX_EXTRACTED:
                raise web.HTTPRequestEntityTooLarge(max_size=MAX_EXTRACTED, actual_size=total)
            target = os.path.join(workdir, member.filename)
            os.makedirs(os.path.dirname(target), exist_ok=True)
            with zf.open(member) as src, open(target, "wb") as dst:  # VULN flow
                shutil.copyfileobj(src, dst)
            extracted.append(target)
    return extracted


async def convert_to_pdf(paths, outdir):
    proc = await asyncio.create_subprocess_exec(
        SOFFICE, "--headless", "--convert-to", "pdf", "--outdir", outdir, *paths,
        stdout=asyncio.subprocess.DEVNULL, stderr=asyncio.subprocess.PIPE,
    )
    _, err = await asyncio.wait_for(proc.communicate(), timeout=180)
    if proc.returncode != 0:
        raise web.HTTPBadGateway(text="conversion failed")


async def handle_convert(request):
    reader = await request.multipart()
    field = await reader.next()
    if field is None or field.name != "archive":
        raise web.HTTPBadRequest(text="expected an 'archive' field")
    with tempfile.TemporaryDirectory(prefix="convert-") as workdir:
        archive_path = os.path.join(workdir, "upload.zip")
        size = 0
        with open(archive_path, "wb") as fh:
            while chunk := await field.read_chunk():
                size += len(chunk)
                if size > MAX_ARCHIVE:
                    raise web.HTTPRequestEntityTooLarge(max_size=MAX_ARCHIVE, actual_size=size)
                fh.write(chunk)
        docs = extract_documents(archive_path, os.path.join(workdir, "docs"))
        if not docs:
            raise web.HTTPUnprocessableEntity(text="archive contains no documents")
        outdir = os.path.join(workdir, "pdf")
        os.makedirs(outdir)
        await convert_to_pdf(docs, outdir)
        result = shutil.make_archive(os.path.join(workdir, "converted"), "zip", outdir)
        with open(result, "rb") as fh:
            body = fh.read()
    logger.info("converted %d documents", len(docs))
    return web.Response(
        body=body,
        content_type="application/zip",
        headers={"Content-Disposition": 'attachment; filename="converted.zip"'},
    )


def create_app():
    app = web.Application(client_max_size=MAX_ARCHIVE + 1024 * 1024)
    app.router.add_post("/convert/pdf", handle_convert)
    return app
