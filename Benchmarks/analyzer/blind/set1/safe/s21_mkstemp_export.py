import csv
import os
import tempfile


def export_rows(rows, header):
    fd, path = tempfile.mkstemp(suffix=".csv", prefix="export_")
    with os.fdopen(fd, "w", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(header)
        writer.writerows(rows)
    return path
