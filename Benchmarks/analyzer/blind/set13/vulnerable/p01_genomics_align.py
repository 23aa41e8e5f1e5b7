"""Nightly alignment runner for the sequencing core.

Collaborating labs drop a sample sheet (CSV) into the intake share; this
tool aligns every listed sample against the requested reference genome.
"""
import csv
import logging
import os
import subprocess
import tempfile
from pathlib import Path

import click

log = logging.getLogger("seqcore.align")

REFERENCE_DIR = Path(os.environ.get("SEQCORE_REFS", "/data/references"))
READS_DIR = Path(os.environ.get("SEQCORE_READS", "/data/reads"))


class AlignmentError(RuntimeError):
    pass


def read_sample_sheet(sheet_path):
    with open(sheet_path, newline="") as fh:
        reader = csv.DictReader(fh)
        for row in reader:
            yield row["sample_id"].strip(), row.get("reference", "GRCh38").strip()


def build_align_command(sample, reference, threads):
    ref_path = REFERENCE_DIR / f"{reference}.fa"
    r1 = READS_DIR / f"{sample}_R1.fastq.gz"
    r2 = READS_DIR / f"{sample}_R2.fastq.gz"
    return f"bwa mem -t {threads} {ref_path} {r1} {r2}"


def run_alignment(sample, reference, threads, out_dir):
    cmd = build_align_command(sample, reference, threads)
    sam_tmp = tempfile.mktemp(suffix=".sam", dir=out_dir)  # VULN
    log.info("aligning %r against %r", sample, reference)
    with open(sam_tmp, "w") as sam_fh:
        proc = subprocess.run(cmd, shell=True, stdout=sam_fh, stderr=subprocess.PIPE)  # VULN flow
    if proc.returncode != 0:
        raise AlignmentError(proc.stderr.decode(errors="replace")[-2000:])

    bam_path = Path(out_dir) / f"{sample}.sorted.bam"
    sort_cmd = "samtools sort -@ " + str(threads) + " -o " + str(bam_path) + " " + sam_tmp
    subprocess.check_call(sort_cmd, shell=True)  # VULN flow
    os.unlink(sam_tmp)
    return bam_path


@click.command()
@click.argument("sheet", type=click.Path(exists=True, dir_okay=False))
@click.option("--out-dir", default="/data/aligned", show_default=True)
@click.option("--threads", default=8, type=click.IntRange(1, 64), show_default=True)
def main(sheet, out_dir, threads):
    """Align every sample listed in SHEET."""
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
    os.makedirs(out_dir, exist_ok=True)
    failures = 0
    for sample, reference in read_sample_sheet(sheet):
        try:
            bam = run_alignment(sample, reference, threads, out_dir)
            click.echo(f"{sample}\t{bam}")
        except (AlignmentError, subprocess.CalledProcessError) as exc:
            failures += 1
            log.error("sample %r failed: %s", sample, exc)
    if failures:
        raise SystemExit(1)


if __name__ == "__main__":
    main()
