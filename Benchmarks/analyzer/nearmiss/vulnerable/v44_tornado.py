import os
import tornado.web

class RunHandler(tornado.web.RequestHandler):
    def post(self):
        message = self.get_body_argument("m")
        os.system("logger " + message)  # VULN flow
