"""Celery task that runs BLAST searches submitted through the sequence portal."""
import logging
import os
import uuid

from celery import Celery

log = logging.getLogger("blast-task")

celery_app = Celery("blast", broker=os.environ.get("BROKER_URL", "redis://localhost:6379/1"))

BLAST_DB_DIR = os.environ.get("BLAST_DB_DIR", "/data/blastdb")
RESULT_DIR = os.environ.get("BLAST_RESULT_DIR", "/data/blast_results")
BLAST_TEMPLATE = (
    "blastn -db {db_dir}/{db} -query {query} -evalue {evalue} "
    "-outfmt '{outfmt}' -max_target_seqs {max_hits} -num_threads 4 -out {out}"
)


def _job_paths(job_id):
    uuid.UUID(job_id)
    return (
        os.path.join(RESULT_DIR, f"{job_id}.fa"),
        os.path.join(RESULT_DIR, f"{job_id}.tsv"),
    )


def _write_query(path, name, sequence):
    seq = "".join(sequence.split()).upper()
    with open(path, "w") as fh:
        fh.write(f">{name or 'query'}\n")
        for i in range(0, len(seq), 80):
            fh.write(seq[i:i + 80] + "\n")


def build_command(job, query_path, out_path):
    options = {
        "db_dir": BLAST_DB_DIR,
        "db": job.get("database", "nt"),
        "query": query_path,
        "evalue": job.get("evalue", "1e-5"),
        "outfmt": job.get("outfmt", "6"),
        "max_hits": job.get("max_hits", 50),
        "out": out_path,
    }
    return BLAST_TEMPLATE.format(**options)


@celery_app.task(bind=True, max_retries=2, default_retry_delay=60)
def run_blast(self, job):
    job_id = job["job_id"]
    query_path, out_path = _job_paths(job_id)
    _write_query(query_path, job.get("name"), job["sequence"])
    cmd = build_command(job, query_path, out_path)
    log.info("starting blast job %s", job_id)
    status = os.system(cmd)  # VULN flow
    if status != 0:
        log.warning("blast job %s exited with status %d", job_id, status)
        raise self.retry()
    return {"job_id": job_id, "result": out_path}
