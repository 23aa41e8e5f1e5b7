import html

from aiohttp import web


def render_profile(user):
    return (
        "<html><body>"
        f"<h1>{html.escape(user['display_name'])}</h1>"
        f"<p>{html.escape(user['bio'])}</p>"
        "</body></html>"
    )


async def preview_profile(request):
    form = await request.post()
    user = {"display_name": form.get("display_name", ""), "bio": form.get("bio", "")}
    page = render_profile(user)
    return web.Response(text=page, content_type="text/html")


app = web.Application()
app.router.add_post("/profile/preview", preview_profile)

if __name__ == "__main__":
    web.run_app(app, host="127.0.0.1", port=8080)
