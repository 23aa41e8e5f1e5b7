"""Transcode podcast masters into the distribution renditions served by the feed."""
import logging
import os
import re
import shutil
import subprocess
import tempfile

import click

log = logging.getLogger("podcast.transcode")

PUBLISH_DIR = os.environ.get("PODCAST_PUBLISH_DIR", "/srv/podcasts/public")
RENDITIONS = {
    "mp3-128": (".mp3", ["-c:a", "libmp3lame", "-b:a", "128k", "-ar", "44100"]),
    "aac-64": (".m4a", ["-c:a", "aac", "-b:a", "64k", "-ac", "1"]),
    "opus-48": (".opus", ["-c:a", "libopus", "-b:a", "48k"]),
}
NAME_RE = re.compile(r"^[a-z0-9][a-z0-9-]{0,80}$")


def _validate_name(ctx, param, value):
    if not NAME_RE.match(value):
        raise click.BadParameter("use lowercase letters, digits and dashes")
    return value


def transcode(master: str, rendition: str) -> str:
    ext, codec_args = RENDITIONS[rendition]
    fd, tmp_out = tempfile.mkstemp(suffix=ext, prefix="rendition-")
    os.close(fd)
    cmd = ["ffmpeg", "-hide_banner", "-loglevel", "error", "-y", "-i", master,
           "-map_metadata", "0", *codec_args, tmp_out]
    subprocess.run(cmd, check=True, capture_output=True)
    return tmp_out


def publish(tmp_path: str, show: str, episode: str, rendition: str) -> str:
    ext, _ = RENDITIONS[rendition]
    dest_dir = os.path.join(PUBLISH_DIR, show)
    os.makedirs(dest_dir, exist_ok=True)
    dest = os.path.join(dest_dir, f"{episode}-{rendition}{ext}")
    shutil.move(tmp_path, dest)
    os.chmod(dest, 0o644)
    return dest


@click.command()
@click.argument("master", type=click.Path(exists=True, dir_okay=False))
@click.option("--show", required=True, callback=_validate_name)
@click.option("--episode", required=True, callback=_validate_name)
@click.option("--rendition", "renditions", multiple=True,
              type=click.Choice(sorted(RENDITIONS)), default=tuple(sorted(RENDITIONS)))
def main(master, show, episode, renditions):
    """Transcode MASTER and publish each rendition for SHOW/EPISODE."""
    logging.basicConfig(level=logging.INFO)
    for rendition in renditions:
        try:
            tmp_path = transcode(master, rendition)
        except subprocess.CalledProcessError as exc:
            raise click.ClickException(f"ffmpeg failed for {rendition}: {exc.stderr[-400:]!r}")
        dest = publish(tmp_path, show, episode, rendition)
        click.echo(dest)


if __name__ == "__main__":
    main()
