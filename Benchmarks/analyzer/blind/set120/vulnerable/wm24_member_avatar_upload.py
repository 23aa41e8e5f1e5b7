"""Profile photo upload for the community member directory (Falcon)."""
import logging
import os

import falcon

log = logging.getLogger("avatars")

AVATAR_ROOT = os.environ.get("AVATAR_ROOT", "/srv/wm/media/avatars")
ALLOWED_TYPES = {"image/jpeg", "image/png", "image/webp"}
MAX_BYTES = 4 * 1024 * 1024


class SessionAuth:
    """Resolves the portal session cookie to a member id."""

    def __init__(self, sessions):
        self.sessions = sessions

    def process_request(self, req: falcon.Request, resp: falcon.Response) -> None:
        token = req.get_cookie_values("wm_session")
        req.context.member_id = self.sessions.lookup(token[0]) if token else None


class AvatarResource:
    def __init__(self, root: str = AVATAR_ROOT):
        self.root = root

    def _target_path(self, member_id: int, filename: str) -> str:
        folder = os.path.join(self.root, str(member_id))
        os.makedirs(folder, exist_ok=True)
        return os.path.join(folder, filename)

    def on_put(self, req: falcon.Request, resp: falcon.Response, member_id: int) -> None:
        if req.context.member_id != member_id:
            raise falcon.HTTPForbidden(description="you can only change your own photo")
        form = req.get_media()
        for part in form:
            if part.name != "photo":
                continue
            if part.content_type not in ALLOWED_TYPES:
                raise falcon.HTTPUnsupportedMediaType(description="jpeg, png or webp only")
            data = part.stream.read(MAX_BYTES + 1)
            if len(data) > MAX_BYTES:
                raise falcon.HTTPPayloadTooLarge(description="max 4 MB")
            dest = self._target_path(member_id, part.filename)
            with open(dest, "wb") as fh:  # VULN flow
                fh.write(data)
            log.info("member %s uploaded a new photo (%d bytes)", member_id, len(data))
            resp.status = falcon.HTTP_201
            resp.media = {"photo": f"/media/avatars/{member_id}/{os.path.basename(dest)}"}
            return
        raise falcon.HTTPBadRequest(description="missing photo field")


def create_app(sessions) -> falcon.App:
    app = falcon.App(middleware=[SessionAuth(sessions)])
    app.add_route("/members/{member_id:int}/photo", AvatarResource())
    return app
