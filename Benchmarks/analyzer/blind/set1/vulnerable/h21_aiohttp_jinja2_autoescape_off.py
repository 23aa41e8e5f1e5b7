from aiohttp import web
from jinja2 import Environment, FileSystemLoader

env = Environment(loader=FileSystemLoader("templates"), autoescape=False)  # VULN


async def profile(request):
    name = request.query.get("name", "guest")
    bio = request.query.get("bio", "")
    tmpl = env.get_template("profile.html")
    return web.Response(text=tmpl.render(name=name, bio=bio), content_type="text/html")


app = web.Application()
app.router.add_get("/profile", profile)
