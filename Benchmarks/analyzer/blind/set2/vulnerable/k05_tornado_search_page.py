import tornado.escape
import tornado.ioloop
import tornado.web

from catalog import search_titles


class SearchHandler(tornado.web.RequestHandler):
    def prepare(self):
        self.query = self.get_argument("q", default="").strip()

    def render_results(self, results):
        rows = "".join("<li>%s</li>" % tornado.escape.xhtml_escape(r) for r in results)
        heading = "<h2>Results for %s</h2>" % self.query
        return heading + "<ul>" + rows + "</ul>"

    def get(self):
        results = search_titles(self.query, limit=20)
        self.write(self.render_results(results))  # VULN flow


def make_app():
    return tornado.web.Application([(r"/search", SearchHandler)])


if __name__ == "__main__":
    make_app().listen(8888, address="127.0.0.1")
    tornado.ioloop.IOLoop.current().start()
