import json
import shlex
import subprocess
from pathlib import Path

import click

MEDIA_ROOT = Path("/srv/media/originals")
FFPROBE = shlex.split("ffprobe -v error -show_format -show_streams -of json")


def probe(media_id: int) -> dict:
    path = MEDIA_ROOT / f"{int(media_id)}.mp4"
    argv = FFPROBE + [str(path)]
    proc = subprocess.run(argv, capture_output=True, check=True, timeout=30)
    return json.loads(proc.stdout)


@click.command()
@click.argument("media_ids", type=int, nargs=-1, required=True)
@click.option("--field", type=click.Choice(["duration", "bit_rate", "size"]), default="duration")
def main(media_ids, field):
    """Print a format field for each media id."""
    for media_id in media_ids:
        info = probe(media_id)
        click.echo(f"{media_id}\t{info['format'].get(field, '-')}")


if __name__ == "__main__":
    main()
