"""Build the weekly instrument-usage PDF from the booking-system CSV export.

Runs from cron on the shared analysis box and drops the PDF into the
facility's report folder.
"""
import argparse
import csv
import logging
import os
import shutil
import subprocess
import tempfile
from collections import Counter

log = logging.getLogger("usage_report")

TEX_HEAD = r"""\documentclass[a4paper]{article}
\usepackage[margin=2cm]{geometry}
\begin{document}
\section*{Instrument usage: %(week)s}
\begin{tabular}{lr}
\textbf{Instrument} & \textbf{Hours} \\ \hline
"""
TEX_TAIL = r"""\end{tabular}
\end{document}
"""
_LATEX_SPECIAL = {c: "\\" + c for c in "&%$#_{}"}


def latex_escape(text: str) -> str:
    return "".join(_LATEX_SPECIAL.get(ch, ch) for ch in text).replace("~", r"\textasciitilde{}")


def tally(csv_path: str) -> Counter:
    hours = Counter()
    with open(csv_path, newline="") as fh:
        for row in csv.DictReader(fh):
            try:
                hours[row["instrument"]] += float(row["hours"])
            except (KeyError, ValueError):
                continue
    return hours


def build_tex(hours: Counter, week: str) -> str:
    lines = [f"{latex_escape(name)} & {total:.1f} \\\\" for name, total in hours.most_common()]
    return TEX_HEAD % {"week": latex_escape(week)} + "\n".join(lines) + "\n" + TEX_TAIL


def render(tex_source: str, out_pdf: str) -> None:
    with tempfile.TemporaryDirectory(prefix="usage_") as workdir:
        tex_path = os.path.join(workdir, "report.tex")
        with open(tex_path, "w") as fh:
            fh.write(tex_source)
        subprocess.run(
            ["pdflatex", "-interaction=nonstopmode", "-output-directory", workdir, tex_path],
            check=True, capture_output=True, timeout=120,
        )
        shutil.move(tex_path[:-4] + ".pdf", out_pdf)
    os.chmod(out_pdf, 0o640)


def main():
    ap = argparse.ArgumentParser(description="weekly instrument usage report")
    ap.add_argument("export_csv")
    ap.add_argument("--week", required=True, help="e.g. 2024-W17")
    ap.add_argument("--outdir", default="/srv/facility/reports")
    args = ap.parse_args()

    hours = tally(args.export_csv)
    if not hours:
        log.warning("no usage rows found in %s", args.export_csv)
        return
    out_pdf = os.path.join(args.outdir, f"usage_{args.week}.pdf")
    render(build_tex(hours, args.week), out_pdf)
    log.info("wrote %s (%d instruments)", out_pdf, len(hours))


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    main()
