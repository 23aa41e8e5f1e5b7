"""Execution backend for the code-exercise grader.

Each submission is written into a fresh job directory and executed inside a
firejail sandbox with the interpreter for its language. The caller compares
stdout with the expected output of the exercise.
"""
import logging
import os
import subprocess
import uuid
from pathlib import Path

from fastapi import FastAPI, HTTPException
from pydantic import BaseModel

log = logging.getLogger("grader.runner")
app = FastAPI(title="exercise-runner")

WORK_ROOT = Path(os.environ.get("GRADER_WORKDIR", "/srv/grader/jobs"))
RUNNERS = {"python": "python3", "node": "node", "ruby": "ruby"}
DEFAULT_ENTRY = {"python": "main.py", "node": "main.js", "ruby": "main.rb"}
CPU_SECONDS = 10


class Submission(BaseModel):
    exercise_id: str
    language: str
    filename: str = ""
    source: str
    stdin: str = ""


class RunResult(BaseModel):
    exit_code: int
    stdout: str
    stderr: str


def prepare_workspace(sub: Submission) -> tuple[Path, str]:
    job_dir = WORK_ROOT / uuid.uuid4().hex
    job_dir.mkdir(parents=True, exist_ok=False)
    entry = Path(sub.filename).name or DEFAULT_ENTRY[sub.language]
    (job_dir / entry).write_text(sub.source, encoding="utf-8")
    return job_dir, entry


def build_command(runner: str, job_dir: Path, entry: str) -> str:
    return (
        f"firejail --quiet --net=none --private={job_dir} "
        f"--rlimit-cpu={CPU_SECONDS} {runner} {entry}"
    )


@app.post("/run", response_model=RunResult)
def run_submission(sub: Submission) -> RunResult:
    runner = RUNNERS.get(sub.language)
    if runner is None:
        raise HTTPException(status_code=400, detail="unsupported language")
    job_dir, entry = prepare_workspace(sub)
    command = build_command(runner, job_dir, entry)
    log.info("running exercise %r in %s", sub.exercise_id, job_dir)
    try:
        proc = subprocess.run(  # VULN flow
            command,
            shell=True,
            input=sub.stdin,
            capture_output=True,
            text=True,
            timeout=CPU_SECONDS + 5,
        )
    except subprocess.TimeoutExpired:
        return RunResult(exit_code=-9, stdout="", stderr="time limit exceeded")
    return RunResult(
        exit_code=proc.returncode,
        stdout=proc.stdout[-20000:],
        stderr=proc.stderr[-5000:],
    )
