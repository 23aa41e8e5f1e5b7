from aiohttp import web


def render_profile(user):
    return (
        "<html><body>"
        f"<h1>{user['display_name']}</h1>"
        f"<p>{user['bio']}</p>"
        "</body></html>"
    )


async def preview_profile(request):
    form = await request.post()
    user = {"display_name": form.get("display_name", ""), "bio": form.get("bio", "")}
    html = render_profile(user)
    return web.Response(text=html, content_type="text/html")  # VULN flow


app = web.Application()
app.router.add_post("/profile/preview", preview_profile)

if __name__ == "__main__":
    web.run_app(app, host="127.0.0.1", port=8080)
