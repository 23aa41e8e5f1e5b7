"""Sign-in handlers for the airline loyalty programme portal."""
import asyncio

import aiosqlite
import bcrypt
import tornado.web

COOKIE_SECRET = "c7b1f0e94a2d4e8b9f61a3d05c2e7b84d9a0f13e"  # VULN


class MemberStore:
    def __init__(self, path):
        self.path = path

    async def find_by_email(self, email):
        async with aiosqlite.connect(self.path) as db:
            db.row_factory = aiosqlite.Row
            async with db.execute(
                "SELECT id, email, password_hash, tier FROM members WHERE email = ?", (email.lower(),)
            ) as cursor:
                return await cursor.fetchone()


class BaseHandler(tornado.web.RequestHandler):
    def get_current_user(self):
        member_id = self.get_signed_cookie("member")
        return member_id.decode() if member_id else None


class LoginHandler(BaseHandler):
    def get(self):
        self.render("login.html", next_url=self.get_argument("next", "/account"), error=None)

    async def post(self):
        email = self.get_argument("email", "")
        password = self.get_argument("password", "")
        member = await self.application.members.find_by_email(email)
        valid = member is not None and await asyncio.to_thread(
            bcrypt.checkpw, password.encode(), member["password_hash"].encode()
        )
        if not valid:
            self.set_status(401)
            self.render("login.html", next_url=self.get_argument("next", "/account"), error="Invalid credentials")
            return
        self.set_signed_cookie("member", str(member["id"]), expires_days=7, httponly=True, secure=True, samesite="Lax")
        self.redirect(self.get_argument("next", "/account"))  # VULN


class LogoutHandler(BaseHandler):
    def post(self):
        self.clear_cookie("member")
        self.redirect("/")


class AccountHandler(BaseHandler):
    @tornado.web.authenticated
    def get(self):
        self.render("account.html", member_id=self.current_user)


def make_app():
    app = tornado.web.Application(
        [(r"/login", LoginHandler), (r"/logout", LogoutHandler), (r"/account", AccountHandler)],
        cookie_secret=COOKIE_SECRET,
        login_url="/login",
        xsrf_cookies=True,
        template_path="templates",
    )
    app.members = MemberStore("loyalty.sqlite3")
    return app


async def main():
    make_app().listen(8000, address="127.0.0.1")
    await asyncio.Event().wait()


if __name__ == "__main__":
    asyncio.run(main())
