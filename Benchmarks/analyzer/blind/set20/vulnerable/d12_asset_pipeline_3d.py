"""Convert uploaded 3D assets (FBX/OBJ/GLB) into engine formats with headless Blender."""
import logging
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from queue import Queue
from threading import Thread
from typing import Optional

log = logging.getLogger("asset-pipeline")

OUTPUT_ROOT = Path("/srv/assets/converted")
CONVERT_SCRIPT = """
import bpy, sys
argv = sys.argv[sys.argv.index("--") + 1:]
src, dst, ratio = argv[0], argv[1], float(argv[2])
bpy.ops.wm.read_factory_settings(use_empty=True)
bpy.ops.import_scene.fbx(filepath=src) if src.endswith(".fbx") else bpy.ops.wm.obj_import(filepath=src)
for obj in bpy.context.scene.objects:
    if obj.type == "MESH" and ratio < 1.0:
        mod = obj.modifiers.new("dec", "DECIMATE"); mod.ratio = ratio
bpy.ops.export_scene.gltf(filepath=dst)
"""


@dataclass
class ConvertJob:
    asset_id: str
    source_path: str
    target_format: str = "glb"
    decimate: float = 1.0
    result: Optional[str] = field(default=None, compare=False)


class BlenderConverter:
    def __init__(self, blender_bin: str = "/opt/blender/blender"):
        self.blender_bin = blender_bin

    def _write_script(self) -> str:
        script = tempfile.mktemp(suffix=".py", prefix="convert-")  # VULN
        with open(script, "w") as fh:
            fh.write(CONVERT_SCRIPT)
        return script

    def convert(self, job: ConvertJob) -> int:
        script = self._write_script()
        out = OUTPUT_ROOT / f"{job.asset_id}.{job.target_format}"
        cmd = (
            f"{self.blender_bin} -b --factory-startup -P {script} -- "
            f"{job.source_path} {out} {job.decimate:.3f} > /dev/null 2>&1"
        )
        try:
            rc = os.system(cmd)  # VULN flow
        finally:
            os.unlink(script)
        if rc == 0:
            job.result = str(out)
        return rc


class ConversionWorker(Thread):
    def __init__(self, jobs: "Queue[ConvertJob]", converter: BlenderConverter):
        super().__init__(daemon=True)
        self.jobs = jobs
        self.converter = converter

    def run(self) -> None:
        while True:
            job = self.jobs.get()
            try:
                rc = self.converter.convert(job)
                log.info("asset %r converted rc=%d", job.asset_id, rc)
            except OSError:
                log.exception("conversion crashed for %r", job.asset_id)
            finally:
                self.jobs.task_done()


def enqueue_upload(jobs: "Queue[ConvertJob]", asset_id: str, upload_dir: str, filename: str, fmt: str) -> ConvertJob:
    source = os.path.join(upload_dir, os.path.basename(filename))
    job = ConvertJob(asset_id=asset_id, source_path=source, target_format=fmt)
    jobs.put(job)
    return job
