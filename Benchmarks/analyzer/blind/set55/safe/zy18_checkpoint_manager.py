"""Checkpoint persistence for long-running training jobs on the shared GPU nodes."""
import glob
import json
import logging
import os
import shutil
import tempfile
import time

import torch

log = logging.getLogger("trainer.checkpoints")


class CheckpointManager:
    def __init__(self, run_dir: str, keep: int = 3):
        self.run_dir = run_dir
        self.keep = keep
        os.makedirs(self.run_dir, exist_ok=True)

    def _final_path(self, step: int) -> str:
        return os.path.join(self.run_dir, f"step-{step:09d}.pt")

    def save(self, model, optimizer, step: int, metrics: dict) -> str:
        state = {
            "model": model.state_dict(),
            "optimizer": optimizer.state_dict(),
            "step": step,
        }
        fd, tmp_path = tempfile.mkstemp(prefix="ckpt-", suffix=".pt", dir=self.run_dir)
        with os.fdopen(fd, "wb") as fh:
            torch.save(state, fh)

        final = self._final_path(step)
        shutil.move(tmp_path, final)
        # teammates on the node read checkpoints from their own notebooks
        os.chmod(final, 0o640)

        meta = {"step": step, "path": os.path.basename(final), "metrics": metrics, "saved_at": time.time()}
        with open(os.path.join(self.run_dir, "latest.json"), "w") as fh:
            json.dump(meta, fh)
        self._prune()
        log.info("checkpoint written at step %d", step)
        return final

    def _prune(self) -> None:
        ckpts = sorted(glob.glob(os.path.join(self.run_dir, "step-*.pt")))
        for old in ckpts[: -self.keep]:
            os.remove(old)
            log.debug("pruned %s", old)

    def load_latest(self, model, optimizer=None) -> int:
        meta_path = os.path.join(self.run_dir, "latest.json")
        if not os.path.exists(meta_path):
            return 0
        with open(meta_path) as fh:
            meta = json.load(fh)
        path = os.path.join(self.run_dir, os.path.basename(meta["path"]))
        state = torch.load(path, map_location="cpu", weights_only=True)
        model.load_state_dict(state["model"])
        if optimizer is not None:
            optimizer.load_state_dict(state["optimizer"])
        log.info("resumed from step %d", state["step"])
        return int(state["step"])
