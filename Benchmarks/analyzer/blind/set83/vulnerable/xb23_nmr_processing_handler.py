"""Web trigger for batch NMR processing (Fourier transform, phasing, baseline)."""
import asyncio
import json
import logging
import os

import tornado.ioloop
import tornado.web

log = logging.getLogger("nmr.proc")
DATA_ROOT = os.environ.get("NMR_DATA_ROOT", "/nmrdata")
PROC_BIN = "/opt/nmr/bin/nmrproc"
DEFAULT_MACRO = "efp;apk;abs"


class ProcessingJob:
    def __init__(self, user: str, dataset: str, expno, macro: str, lb: float = 0.3):
        self.user = user
        self.dataset = dataset
        self.expno = expno
        self.macro = macro
        self.lb = lb

    @property
    def path(self) -> str:
        return os.path.join(DATA_ROOT, self.user, "nmr", self.dataset, str(self.expno))

    def command(self) -> str:
        return (f"{PROC_BIN} -d {self.path} -m '{self.macro}' --lb {self.lb} "
                f"> {self.path}/proc.log 2>&1")


class BaseHandler(tornado.web.RequestHandler):
    def get_current_user(self):
        user = self.get_secure_cookie("nmr_user")
        return user.decode() if user else None


class ProcessHandler(BaseHandler):
    @tornado.web.authenticated
    async def post(self):
        try:
            body = json.loads(self.request.body or b"{}")
            job = ProcessingJob(
                self.current_user,
                body["dataset"],
                body.get("expno", 1),
                body.get("macro", DEFAULT_MACRO),
                float(body.get("lb", 0.3)),
            )
        except (ValueError, KeyError):
            raise tornado.web.HTTPError(400, "dataset required")
        if not os.path.isdir(job.path):
            raise tornado.web.HTTPError(404, "experiment not found")
        log.info("processing requested by %s", self.current_user)
        proc = await asyncio.create_subprocess_shell(job.command())  # VULN flow
        rc = await proc.wait()
        self.write({"dataset": job.dataset, "expno": job.expno, "returncode": rc})


def make_app() -> tornado.web.Application:
    return tornado.web.Application(
        [(r"/nmr/process", ProcessHandler)],
        cookie_secret=os.environ["NMR_COOKIE_SECRET"],
        login_url="/login",
    )


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    make_app().listen(8891, address="127.0.0.1")
    tornado.ioloop.IOLoop.current().start()
