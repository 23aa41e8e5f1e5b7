@testable import Analyzer
import PythonSyntax
import Testing

@Suite("Data flow")
struct DataFlowTests {
    func findings(_ source: String, enable: [String] = ["ASC1"]) throws -> [Finding] {
        let parsed = try PythonSyntax.parse(Array(source.utf8), filename: "t.py")
        return AnalysisEngine(configuration: AnalyzerConfiguration(enable: enable)).analyze(parsed, file: "t.py")
    }

    @Test func flowAcrossHelpersAndReturnValues() throws {
        let source = """
        import subprocess
        from flask import Flask, request
        app = Flask(__name__)

        def build(name):
            return "tar czf /tmp/x.tgz " + name

        def run(command):
            subprocess.call(command, shell=True)

        @app.route("/backup")
        def backup():
            folder = request.args.get("folder")
            run(build(folder))
            return "done"
        """
        let found = try findings(source)
        #expect(found.map(\.code) == ["ASC1078"])
        let finding = try #require(found.first)
        #expect(finding.line == 9)
        #expect(finding.flow.first?.line == 13)
        #expect(finding.flow.last?.line == 9)
        #expect(finding.message.contains("request.args.get()"))
        #expect(finding.scope == "run")
    }

    @Test func methodsOfTheSameClass() throws {
        let source = """
        import os, socket

        class Tool:
            def clean(self, path):
                os.remove(path)

            def main(self, conn: socket.socket):
                self.clean(conn.recv(256).decode())
        """
        let found = try findings(source)
        #expect(found.map(\.code) == ["ASC1022"])
        #expect(found.first?.line == 5)
    }

    @Test func loopsAugmentedAssignmentAndContainers() throws {
        let source = """
        import os, sys
        parts = []
        for arg in sys.argv[1:]:
            parts.append(arg)
        command = "echo"
        for part in parts:
            command += " " + part
        os.system(command)
        """
        // `parts.append(arg)` fills the list with tainted data; the loop builds `command` from it.
        let found = try findings(source)
        #expect(found.map(\.code) == ["ASC1078"])
        #expect(found.first?.line == 8)
        let direct = try findings("import os, sys\ncommand = 'echo'\nfor a in sys.argv:\n    command += ' ' + a\nos.system(command)\n")
        #expect(direct.map(\.code) == ["ASC1078"])
    }

    /// The second pass over a loop body, skipped when the first changed nothing, must still
    /// run when a value from the previous iteration reaches a sink earlier in the body.
    @Test func previousIterationReachesAnEarlierSink() throws {
        let flat = try findings("import os, sys\nlast = 'echo'\nfor arg in sys.argv[1:]:\n    os.system(last)\n    last = 'echo ' + arg\n")
        #expect(flat.map(\.code) == ["ASC1078"])
        #expect(flat.first?.line == 4)
        let nested = try findings("import os, sys\nfor i in range(3):\n    cmd = 'true'\n    for arg in sys.argv:\n        os.system(cmd)\n        cmd = arg\n")
        #expect(nested.map(\.code) == ["ASC1078"])
        #expect(nested.first?.line == 5)
    }

    /// Functions holding no source are analysed when something analysed calls them: the top
    /// level, or a function it calls, to any depth.
    @Test func calleesOfTheTopLevelAreSummarised() throws {
        let source = """
        import os, sys

        def inner(command):
            os.system(command)

        def outer(command):
            inner("echo " + command)

        class Runner:
            def go(self, command):
                outer(command)

        Runner().go(sys.argv[1])
        """
        let found = try findings(source)
        #expect(found.map(\.code) == ["ASC1078"])
        #expect(found.first?.line == 4)
        #expect(found.first?.flow.first?.line == 13)
    }

    /// The top level's callees are analysed only once the top level may hold untrusted data:
    /// here it names no source, but calls a function that returns one, through another.
    @Test func topLevelCallingAReturningFunctionIsFollowed() throws {
        let source = """
        import os

        def ask():
            return input("command? ")

        def relay():
            return ask()

        def run(command):
            os.system(command)

        run(relay())
        """
        let found = try findings(source)
        #expect(found.map(\.code) == ["ASC1078"])
        #expect(found.first?.line == 10)
        #expect(found.first?.flow.first?.line == 4)
    }

    /// A file naming no source is still analysed when it holds a web handler: the cheap test
    /// that spares the other files must find the same handlers the function table does.
    @Test func handlersWithoutSourceNamesAreFound() throws {
        let routed = "import os\nfrom flask import Flask\napp = Flask(__name__)\n\n@app.route('/hello/<name>')\ndef hello(name):\n    return os.popen('echo ' + name).read()\n"
        #expect(try findings(routed).map(\.code) == ["ASC1078"])
        let snippets = [
            routed,
            "import bottle\n@bottle.route('/x')\ndef x(): pass\n",
            "from bottle import route\n@route('/x')\ndef x(a): pass\n",
            "from fastapi import FastAPI\napp = FastAPI()\nclass C:\n    @app.get('/x')\n    def x(self, q): pass\n",
            "class R:\n    def on_get(self, req, resp): pass\n",
            "class R:\n    def on_get(self, resp): pass\n",
            "def on_get(self, req, resp): pass\n",
            "@property\ndef x(self): pass\n",
            "if True:\n    @app.post('/y')\n    def y(): pass\n",
            "from slack_bolt import App\napp = App()\n@app.command('/x')\ndef x(ack, command): pass\n",
            "import discord\n@bot.command()\nasync def top(ctx, game): pass\n",
            "import click\n@cli.command()\ndef top(game): pass\n",
            "from telegram.ext import CommandHandler\nasync def trace(update, context): pass\n",
            "import pika\ndef on_message(channel, method, properties, body): pass\n",
            "import grpc\nclass Files(files_pb2_grpc.FilesServicer):\n    def Get(self, request, context): pass\n",
            "import grpc\nclass Files:\n    def Get(self, request, context): pass\n",
            "import graphene\nclass Query(graphene.ObjectType):\n    def resolve_orders(root, info, sort): pass\n",
            "import strawberry\n@strawberry.type\nclass Query:\n    @strawberry.field\n    def orders(self, sort: str) -> str: pass\n",
            "import azure.functions as func\ndef main(req: func.HttpRequest) -> func.HttpResponse: pass\n",
            "import functions_framework\n@functions_framework.http\ndef hello(request): pass\n",
            "from nio import AsyncClient\nclass Bot:\n    async def on_message(self, room, event): pass\n",
        ]
        for snippet in snippets {
            let parsed = try PythonSyntax.parse(Array(snippet.utf8), filename: "t.py")
            let imports = ImportTable(module: parsed.module)
            let table = FunctionTable.collect(parsed.module, imports: imports)
            #expect(FunctionTable.holdsHandler(parsed.module, bottle: imports.imports("bottle"), messaging: MessageHandlers(imports: imports))
                        == table.values.contains(where: \.isHandler),
                    "\(snippet)")
        }
    }

    @Test func sanitisersAndGuards() throws {
        // Each of these is safe; none may report.
        let safe = [
            "import os, shlex, sys\nos.system('ls ' + shlex.quote(sys.argv[1]))\n",
            "import os, sys\nn = int(sys.argv[1])\nos.system('seq %d' % n)\n",
            "import os, sys\nname = sys.argv[1]\nif not name.isalnum():\n    sys.exit(1)\nos.system('touch ' + name)\n",
            "import os, sys, re\nname = sys.argv[1]\nif re.fullmatch(r'[a-z]+', name):\n    os.system('touch ' + name)\n",
            "import sqlite3, sys\ndb = sqlite3.connect('x')\ndb.execute('SELECT * FROM t WHERE a = ?', (sys.argv[1],))\n",
        ]
        for source in safe {
            #expect(try findings(source).isEmpty, "\(source)")
        }
        // A sanitiser for one weakness does not clean another.
        let mixed = try findings("import shlex\nfrom flask import request\n\ndef f():\n    return open(shlex.quote(request.args['p']))\n")
        #expect(mixed.map(\.code) == ["ASC1022"])
    }

    @Test func branchesMergeAndEarlyExitsCount() throws {
        let source = """
        import os, sys
        name = sys.argv[1]
        if len(name) > 10:
            name = "default"
        os.system("touch " + name)
        """
        #expect(try findings(source).map(\.code) == ["ASC1078"])
        let overwritten = "import os, sys\nname = sys.argv[1]\nname = 'fixed'\nos.system('touch ' + name)\n"
        #expect(try findings(overwritten).isEmpty)
    }

    /// Each case of a match, each branch of an if and each handler of a try reports its own
    /// sink: a join must keep what either side found (a second case finding something new
    /// while holding no more findings than the first is the case a join can lose).
    @Test func everyBranchKeepsItsFindings() throws {
        let source = """
        import os, subprocess, sys
        name = sys.argv[1]
        match sys.argv[2]:
            case "a":
                os.system("touch " + name)
            case "b":
                subprocess.call("rm " + name, shell=True)
        if name.endswith(".txt"):
            os.popen("ls " + name)
        else:
            eval(name)
        try:
            pass
        except OSError:
            exec(name)
        """
        let lines = try findings(source).map(\.line)
        #expect(lines == [5, 7, 9, 11, 15])
    }

    /// Several arguments reaching the result through a helper: the path shown is the first
    /// argument's, in every run (the summary's parameters sit in a set, whose order varies
    /// from process to process; this failed about three runs in four before they were sorted).
    @Test func pathThroughAHelperIsTheSameInEveryRun() throws {
        let source = """
        import os
        from flask import request

        def pick(a, b, c, d):
            if a:
                return a
            if b:
                return b
            if c:
                return c
            return d

        def handler():
            w = request.args["w"]
            x = request.args["x"]
            y = request.args["y"]
            z = request.args["z"]
            os.system(pick(w, x, y, z))
        """
        let found = try findings(source).filter { $0.code == "ASC1078" }
        let finding = try #require(found.first)
        #expect(finding.line == 18)
        #expect(finding.flow.first?.line == 14)  // where `w` is read
    }

    /// Functions that no call names and that hold no source are not analysed; those that do
    /// are, whether called by name, as a method, or not at all.
    @Test func onlyReachableFunctionsAreAnalysedAndNothingIsLost() throws {
        let source = """
        import os

        def never_called(cmd):
            os.system(cmd)

        def main():
            os.system(input())

        class Tool:
            def run(self, cmd):
                os.system(cmd)

        def helper(cmd):
            os.system(cmd)

        def entry():
            value = os.environ["X"]
            helper(value)
            Tool().run(value)
        """
        let found = try findings(source).filter { $0.code == "ASC1078" }
        #expect(found.map(\.line) == [7, 11, 14])
        #expect(TaintEngine.anyPosition(in: 5..<9, [1, 4, 9]) == false)
        #expect(TaintEngine.anyPosition(in: 4..<9, [1, 4, 9]) == true)
        #expect(TaintEngine.anyPosition(in: 10..<20, [1, 4, 9]) == false)
    }

    /// A helper that reads untrusted data itself hands it to its callers, through methods
    /// too; a web handler's parameters do not make it such a helper.
    @Test func sourcesReadInsideAHelperReachTheCaller() throws {
        let source = """
        import os, sqlite3
        from flask import Flask, request
        app = Flask(__name__)

        def wanted():
            return request.args.get("name")

        class Config:
            def home(self):
                value = os.environ["HOME_DIR"]
                return value

        def run():
            os.system("ls " + wanted())
            os.system("ls " + Config().home())

        @app.route("/echo")
        def echo(text):
            return text

        def internal():
            os.system(echo("ls"))
        """
        let found = try findings(source).filter { $0.code == "ASC1078" }
        #expect(found.map(\.line) == [14, 15])
        let first = try #require(found.first)
        #expect(first.flow.first?.line == 6)
        #expect(first.flow.map(\.note).contains("returned by wanted()"))
    }

    /// A value mixing a parameter and a real source is reported with the source's path: the
    /// first step is what the message calls the untrusted data's origin.
    @Test func mixedValueQuotesItsRealSource() throws {
        let source = """
        import os

        def f(name):
            os.system(name + os.environ["X"])
        """
        let finding = try #require(try findings(source).first { $0.code == "ASC1078" })
        #expect(finding.message.contains("from os.environ (line 4)"))
        #expect(!finding.message.contains("parameter"))
    }

    /// Untrusted data in a module-level variable reaches the functions that read it, and what a
    /// method stores in `self` reaches the other methods of its class; a local of the same name,
    /// or another class, does not.
    @Test func globalsAndInstanceAttributesCarryTaint() throws {
        let source = """
        import os
        from flask import request
        TARGET = input()

        def ping():
            os.system("ping " + TARGET)

        def shadowed():
            TARGET = "localhost"
            os.system("ping " + TARGET)

        class Job:
            def start(self):
                os.system(self.cmd)

            def __init__(self):
                self.cmd = request.args.get("cmd")

        class Other:
            def start(self):
                os.system(self.cmd)
        """
        let found = try findings(source).filter { $0.code == "ASC1078" }
        #expect(found.map(\.line) == [6, 14])
        #expect(found.first?.flow.first?.line == 3)
        #expect(found.last?.flow.first?.line == 17)
    }

    /// What a caller passes a constructor reaches the sinks the instance's methods use it in,
    /// whether the instance is kept in a variable or used at once; a constant does not.
    @Test func constructorArgumentsReachMethodSinks() throws {
        let source = """
        import subprocess
        from flask import Flask, request
        app = Flask(__name__)

        class Runner:
            def __init__(self, cmd, label="job"):
                self.cmd = cmd
                self.label = label

            def go(self):
                subprocess.run(self.cmd, shell=True)

            def name(self):
                subprocess.run("echo " + self.label, shell=True)

        @app.route("/r")
        def r():
            job = Runner(request.args["c"])
            job.go()
            job.name()
            Runner("ls").go()
            Runner(request.form["c"]).go()
            return "ok"
        """
        let found = try findings(source).filter { $0.code == "ASC1078" }
        #expect(found.map(\.line) == [11])
        let finding = try #require(found.first)
        #expect(finding.flow.first?.line == 18)
    }

    /// A function defined twice (in both branches of an `if`) is no error: both bodies' calls
    /// count (this crashed the scan once).
    @Test func settersAndDirectStoresFillAttributes() throws {
        let source = """
        import os, requests
        from flask import request

        class Svc:
            def configure(self, cmd):
                self.cmd = cmd

            def run(self):
                os.system(self.cmd)

        class Fetcher:
            def fetch(self):
                return requests.get(self.url, timeout=5)

        def a():
            svc = Svc()
            svc.configure(request.args["c"])
            svc.run()

        def b():
            f = Fetcher()
            f.url = request.args["u"]
            return f.fetch()

        def c():
            svc = Svc()
            svc.configure("uptime")
            svc.run()
        """
        let found = try findings(source)
        #expect(found.map { "\($0.line):\($0.code)" } == ["9:ASC1078", "13:ASC1918"])
        // An attribute chosen by untrusted name is the object's value, not the name.
        let byName = "import os, sys\n\nclass Opts:\n    script = 'make'\n\ndef run(o):\n    os.system(getattr(o, sys.argv[1]))\n"
        #expect(try findings(byName).isEmpty)
        #expect(found.first?.flow.first?.line == 17)
        #expect(found.last?.flow.first?.line == 22)
    }

    @Test func nestedFunctionsAndLambdas() throws {
        let source = """
        import os, subprocess
        from flask import request

        run = lambda command: subprocess.call(command, shell=True)

        def a():
            def inner(x):
                os.system("echo " + x)
            inner(request.args["c"])

        def b():
            quiet = lambda c: os.popen(c).read()
            return quiet(request.args["c"])

        def c():
            run(request.args["c"])
            run("uptime")
        """
        let found = try findings(source)
        #expect(found.map { "\($0.line):\($0.code)" } == ["4:ASC1078", "8:ASC1078", "12:ASC1078"])
        #expect(found.map { $0.flow.first?.line } == [16, 9, 13])
        let partial = "import functools, subprocess\nfrom flask import request\n\ndef p():\n    run = functools.partial(subprocess.run, shell=True)\n    run('echo ' + request.args['m'])\n    safe = functools.partial(subprocess.run, check=True)\n    safe(['echo', request.args['m']])\n"
        // Without the shell the value is no command, but still an argument `echo` may take
        // for an option (argument injection, not command injection).
        #expect(try findings(partial).map { "\($0.line):\($0.code)" } == ["6:ASC1078", "8:ASC1088"])
        // The partial's line is on the path (it set `shell=True`): the pattern alarm there is
        // the same flaw, reported once, at the sink.
        let all = try findings(partial, enable: [])
        #expect(all.map { "\($0.line):\($0.code)" } == ["6:ASC1078", "8:ASC1088"])
        #expect(all.first?.flow.map(\.line) == [6, 5, 6])
        #expect(all.first?.flow.dropFirst().first?.note == "through functools.partial(subprocess.run, shell=True)")
    }

    /// An insecure lxml parser made on one line and given request data on the next is one
    /// flaw: the parser's line is on the path, and its pattern alarm joins the flow finding.
    /// Parsing a fixed file with it keeps the alarm, reported at that parse.
    @Test func parserMadeBeforeTheParseIsOnThePath() throws {
        let source = """
        from lxml import etree
        from flask import request

        def upload():
            parser = etree.XMLParser(resolve_entities=True)
            doc = etree.fromstring(request.data, parser)
            return "ok"

        def local():
            parser = etree.XMLParser(resolve_entities=True)
            return etree.parse("settings.xml", parser)
        """
        let found = try findings(source, enable: [])
        #expect(found.map { "\($0.line):\($0.code)" } == ["6:ASC1611", "11:ASC2611"])
        #expect(found.first?.flow.map(\.line) == [6, 5, 6])
        // A safe parser made on its own line makes the parse safe too.
        let safe = source.replacingOccurrences(of: "resolve_entities=True", with: "resolve_entities=False, no_network=True")
        #expect(try findings(safe, enable: []).isEmpty)
    }

    /// A redirect target checked by the negated form of the local-path test (`not
    /// u.startswith("/") or u.startswith(("//", "/\\"))`, then replaced) is local past it; one
    /// that leaves the backslash form open is still an open redirect.
    @Test func negatedLocalPathCheckGuardsARedirect() throws {
        func source(_ prefixes: String) -> String {
            """
            from flask import request, redirect
            def go():
                target = request.args.get("next", "")
                if not target.startswith("/") or target.startswith(\(prefixes)):
                    target = "/"
                return redirect(target)
            """
        }
        #expect(try findings(source(#"("//", "/\\")"#), enable: []).isEmpty)
        #expect(try findings(source(#""//""#), enable: []).map { "\($0.line):\($0.code)" } == ["6:ASC1601"])
    }

    /// A shell command chosen between fixed texts by untrusted data is a fixed command: low,
    /// as any constant shell command, and no flow.
    @Test func commandChosenBetweenFixedTextsIsFixed() throws {
        let source = """
        import os
        from flask import request
        def listing():
            mode = request.args.get("m")
            command = "ls -l" if mode == "long" else "ls"
            os.system(command)
        """
        let found = try findings(source, enable: [])
        #expect(found.map { "\($0.line):\($0.code):\($0.severity)" } == ["6:ASC605:low"])
    }

    /// A base URL held in a module constant fixes the host as a literal does: the request only
    /// picks a page of that host, no SSRF. Rebound anywhere in the file, its text is not known:
    /// the full finding.
    @Test func baseURLConstantFixesTheHost() throws {
        let source = """
        import requests
        from flask import request
        API = "https://api.example.com"
        def user():
            return requests.get(f"{API}/users/{request.args['id']}", timeout=5).json()
        def other():
            return requests.get(API + "/items/" + request.args["id"], timeout=5).json()
        """
        #expect(try findings(source).isEmpty)
        let rebound = source + "\ndef configure(url):\n    global API\n    API = url\n"
        #expect(try findings(rebound).map { "\($0.line):\($0.code):\($0.severity)" } == ["5:ASC1918:high", "7:ASC1918:high"])
    }

    /// A URL checked to start with fixed `scheme://host/` prefixes (a literal, a tuple, or a
    /// constant list through `any(...)`) leads where they do: no SSRF. A prefix that leaves the
    /// host open, or a list something appends to, proves nothing.
    @Test func urlPrefixAllowListGuardsARequest() throws {
        func source(_ allowed: String, _ test: String, _ extra: String = "") -> String {
            "import requests\nfrom flask import request\nALLOWED = \(allowed)\n\(extra)\ndef proxy():\n    url = request.args['u']\n"
                + "    if not \(test):\n        return 'no'\n    return requests.get(url, timeout=5).text\n"
        }
        let anyPrefix = "any(url.startswith(p) for p in ALLOWED)"
        #expect(try findings(source(#"["https://api.a.com/", "https://api.b.com/"]"#, anyPrefix)).isEmpty)
        #expect(try findings(source(#"("https://api.a.com/",)"#, "url.startswith(ALLOWED)")).isEmpty)
        #expect(try findings(source("None", #"url.startswith(("https://api.a.com/", "https://b.org/x/"))"#)).isEmpty)
        #expect(try findings(source(#"["https://api.a.com/", "http"]"#, anyPrefix)).map(\.code) == ["ASC1918"])
        #expect(try findings(source(#"["https://api.a.com/"]"#, anyPrefix, "ALLOWED.append('http')\n")).map(\.code) == ["ASC1918"])
    }

    /// A FastAPI route declaring `response_class=HTMLResponse` sends what it returns as HTML:
    /// request text in it unescaped is cross-site scripting; escaped, or a JSON route, it is not.
    @Test func fastAPIRouteReturningHTML() throws {
        func source(_ decorator: String, _ returned: String) -> String {
            "import html\nfrom fastapi import FastAPI\nfrom fastapi.responses import HTMLResponse\napp = FastAPI()\n\n"
                + "@app.get(\(decorator))\ndef hi(name: str):\n    return \(returned)\n"
        }
        #expect(try findings(source(#""/hi", response_class=HTMLResponse"#, #"f"<h1>{name}</h1>""#)).map { "\($0.line):\($0.code)" } == ["8:ASC1079"])
        #expect(try findings(source(#""/hi", response_class=HTMLResponse"#, #"f"<h1>{html.escape(name)}</h1>""#)).isEmpty)
        #expect(try findings(source(#""/hi""#, #"f"<h1>{name}</h1>""#)).isEmpty)
    }

    /// An argparse option restricted to literal `choices` holds one of them: a shell command
    /// built from it is a fixed command (low); without `choices`, or defined again without,
    /// it is any text (high).
    @Test func argparseChoicesAreFixedText() throws {
        func source(_ option: String, _ extra: String = "") -> String {
            "import argparse, subprocess\n\ndef main():\n    p = argparse.ArgumentParser()\n    p.add_argument(\(option))\n\(extra)"
                + "    args = p.parse_args()\n    subprocess.run(f\"git checkout {args.branch}\", shell=True)\n"
        }
        func severities(_ text: String) throws -> [String] {
            try findings(text, enable: []).map { "\($0.code):\($0.severity)" }
        }
        #expect(try severities(source(#""--branch", choices=["main", "dev"]"#)) == ["ASC602:low"])
        #expect(try severities(source(#""-b", "--branch", choices=("main",)"#)) == ["ASC602:low"])
        // Free text from the command line: the data flow's finding (the pattern's folds into it).
        #expect(try severities(source(#""--branch""#)) == ["ASC1078:high"])
        #expect(try severities(source(#""--branch", choices=["main", "dev"]"#, "    p.add_argument('--other', dest='branch')\n")) == ["ASC1078:high"])
    }

    /// In a subclass of `http.server`'s request handlers, `self.path`, `self.headers` and what
    /// `self.rfile` reads come from the client; in another class `self.path` is the object's own.
    @Test func standardLibraryRequestHandlers() throws {
        let source = """
        import http.server, os, subprocess

        class Files(http.server.BaseHTTPRequestHandler):
            def do_GET(self):
                with open(os.path.join("/srv", self.path.lstrip("/")), "rb") as fh:
                    self.wfile.write(fh.read())

        class Hooks(Files):
            def do_POST(self):
                body = self.rfile.read(int(self.headers["Content-Length"]))
                subprocess.run(body.decode(), shell=True)

        class Local:
            def __init__(self):
                self.path = "/srv/x"
            def load(self):
                return open(self.path).read()
        """
        let found = try findings(source)
        #expect(found.map { "\($0.line):\($0.code)" } == ["5:ASC1022", "11:ASC1078"])
    }

    /// A full match against a compiled pattern in an `if` test validates the value, as
    /// `re.fullmatch(PATTERN, value)` does.
    @Test func compiledPatternMatchIsAGuard() throws {
        let source = """
        import os, re
        from flask import request
        USERNAME = re.compile(r"[a-z0-9_]{3,16}")
        def whoami():
            user = request.args["u"]
            if not USERNAME.fullmatch(user):
                return "bad"
            os.system("id " + user)
        """
        #expect(try findings(source).isEmpty)
        let unchecked = source.replacingOccurrences(of: "USERNAME.fullmatch(user)", with: "USERNAME.fullmatch(request.args['v'])")
        #expect(try findings(unchecked).map { "\($0.line):\($0.code)" } == ["8:ASC1078"])
        // `match` proves the whole value only with a pattern anchored at its end; `search` at both.
        func redirecting(_ compiled: String, _ test: String) -> String {
            "import re\nfrom flask import request, redirect\nP = re.compile(\(compiled))\ndef go():\n    t = request.args['t']\n"
                + "    if \(test):\n        return redirect(t)\n    return 'no'\n"
        }
        #expect(try findings(redirecting(#""(www|beta).example.com/""#, "P.match(t)")).map(\.code) == ["ASC1601"])
        #expect(try findings(redirecting(#"r"/[a-z]+\Z""#, "P.match(t)")).isEmpty)
        #expect(try findings(redirecting(#"r"/[a-z]+$""#, "P.search(t)")).map(\.code) == ["ASC1601"])
        #expect(try findings(redirecting(#"r"^/[a-z]+$""#, "P.search(t)")).isEmpty)
        #expect(try findings(redirecting(#""x""#, #"re.match(r"/[a-z]+", t)"#)).map(\.code) == ["ASC1601"])
        #expect(try findings(redirecting(#""x""#, #"re.match(r"/[a-z]+$", t)"#)).isEmpty)
    }

    /// `*args` and `**kwargs` collect what no named parameter takes; a method called on its
    /// class (`Tool.run(x)`) takes its arguments as a static method (or after `cls`).
    @Test func collectedArgumentsAndMethodsCalledOnTheirClass() throws {
        let source = """
        import os
        from flask import request

        def run(prefix, *rest, **options):
            os.system(prefix + " " + rest[0])
            os.popen(options["path"])

        class Tool:
            @staticmethod
            def start(cmd):
                os.system(cmd)

            @classmethod
            def stop(cls, cmd):
                os.system(cmd)

        def view():
            run("ls", request.args["a"], path=request.args["p"])
            run("ls", "-l", path="/srv", mode=request.args["m"])
            Tool.start(request.args["c"])
            Tool.stop(request.args["c"])
        """
        let found = try findings(source)
        #expect(found.map { "\($0.line):\($0.code)" } == ["5:ASC1078", "6:ASC1078", "11:ASC1078", "15:ASC1078"])
        #expect(found.map { $0.flow.first?.line } == [18, 18, 20, 21])
    }

    /// A function taking `request` is a view where a framework passes views the request
    /// (Django, aiohttp, …) or where it reads what only a view's request has (`request.GET`);
    /// in other code `request` is any object.
    @Test func requestParameterMakesAViewOnlyInAFrameworkFile() throws {
        let body = "\ndef port(request):\n    os.system('ping ' + request.host)\n"
        #expect(try findings("import os\n" + body).isEmpty)
        #expect(try findings("import os\nfrom aiohttp import web\n" + body).map { "\($0.line):\($0.code)" } == ["5:ASC1078"])
        #expect(try findings("import os\nfrom django.http import HttpResponse\n" + body).map { "\($0.line):\($0.code)" } == ["5:ASC1078"])
        // A snippet reading what only a view's request has is a view without the import.
        let snippet = "import os\n\ndef view(request):\n    os.system('ping ' + request.GET['host'])\n"
        #expect(try findings(snippet).map { "\($0.line):\($0.code)" } == ["4:ASC1078"])
    }

    @Test func globalsStoredByFunctionsGeneratorsAndSpreadCommands() throws {
        let source = """
        import os, subprocess, requests
        from flask import request

        CMD = "uptime"

        class Config:
            url = "https://example.com"

        def configure():
            global CMD
            CMD = request.args["c"]
            Config.url = request.args["u"]

        def run():
            os.system(CMD)

        def fetch():
            return requests.get(Config.url, timeout=5)

        def names():
            for n in request.args.getlist("n"):
                yield n.strip()

        def touch():
            for x in names():
                os.system("touch " + x)

        def spread(*args):
            return subprocess.call(*args, shell=True)

        def handler():
            spread("ls " + request.args["d"])
        """
        let found = try findings(source)
        #expect(found.map { "\($0.line):\($0.code)" } == ["15:ASC1078", "18:ASC1918", "26:ASC1078", "29:ASC1078"])
    }

    @Test func operatorsOwnDataAndFixedHosts() throws {
        // A command-line tool opening the file it is given, or fetching the URL, is no attack.
        let cli = "import sys, os, requests\n\ndef main():\n    data = open(sys.argv[1]).read()\n    requests.get(os.environ['API_URL'], timeout=5)\n    os.system('wc -l ' + sys.argv[1])\n"
        #expect(try findings(cli).map { "\($0.line):\($0.code)" } == ["6:ASC1078"])
        // A parameter's marker merged with the command line leaves it the operator's data.
        let defaulted = "import sys\n\ndef main(args=None):\n    if args is None:\n        args = sys.argv[1:]\n    return open(args[0]).read()\n"
        #expect(try findings(defaulted).isEmpty)
        // Not explained away as if checked: the archive's content is still the attacker's.
        let tar = "import sys, tarfile\ntarfile.open(sys.argv[1]).extractall()\n"
        #expect(try findings(tar, enable: []).contains { $0.code == "ASC202" })
        // A request's URL with the host fixed before the untrusted part picks a page of that
        // host (no SSRF) and no open redirect; with the host itself untrusted, an SSRF. So does
        // a base the program chose (`base = "https://..."`) before a `/`.
        let fixed = "import requests\nfrom flask import request, redirect\n\ndef u():\n    n = request.args['n']\n    requests.get(f'https://api.example.com/users/{n}', timeout=5)\n    requests.get('https://api.example.com/q?' + n, timeout=5)\n    requests.get('https://api.example.com/u/{}'.format(n), timeout=5)\n    return redirect('/profile/%s' % n)\n"
        #expect(try findings(fixed).isEmpty)
        let chosenBase = "import requests\nfrom flask import request\n\ndef u():\n    base = 'https://api.example.com'\n    requests.get(f\"{base}/users/{request.args['n']}\", timeout=5)\n"
        #expect(try findings(chosenBase).isEmpty)
        #expect(try findings(chosenBase.replacingOccurrences(of: "base = 'https://api.example.com'", with: "base = request.args['b']")).map(\.code) == ["ASC1918"])
        let offSite = "from flask import request, redirect\n\ndef go():\n    return redirect('//' + request.args['n'])\n"
        #expect(try findings(offSite).map(\.code) == ["ASC1601"])
        let host = "import requests\nfrom flask import request\n\ndef u():\n    requests.get('https://' + request.args['h'] + '/status', timeout=5)\n    requests.get(f\"https://{request.args['h']}/x\", timeout=5)\n"
        #expect(try findings(host).map { "\($0.code):\($0.severity)" } == ["ASC1918:high", "ASC1918:high"])
    }

    @Test func tornadoFalconAndBottleSources() throws {
        let tornado = "import os, tornado.web\n\nclass Run(tornado.web.RequestHandler):\n    def post(self):\n        os.system('echo ' + self.get_body_argument('m'))\n"
        #expect(try findings(tornado).map(\.code) == ["ASC1078"])
        let falcon = "import subprocess\n\nclass Ping:\n    def on_get(self, req, resp):\n        subprocess.call('ping ' + req.get_param('h'), shell=True)\n"
        #expect(try findings(falcon).map(\.code) == ["ASC1078"])
        let bottle = "import sqlite3\nfrom bottle import route, request\n\n@route('/u')\ndef u():\n    return str(sqlite3.connect('db').execute(\"SELECT * FROM u WHERE n = '%s'\" % request.query.n).fetchall())\n"
        #expect(try findings(bottle).map(\.code) == ["ASC1089"])
        let quart = "import os\nfrom quart import request\n\nasync def run():\n    os.system('echo ' + request.args.get('m'))\n"
        #expect(try findings(quart).map(\.code) == ["ASC1078"])
        #expect(try findings(quart).first?.message.contains("from request.args.get()") == true)
    }

    @Test func functionDefinedTwice() throws {
        let source = """
        import os
        if os.name == "nt":
            def run(c):
                helper(c)
        else:
            def run(c):
                helper(c)

        def helper(c):
            os.system(c)

        run(input())
        """
        #expect(try findings(source).filter { $0.code == "ASC1078" }.map(\.line) == [10])
    }

    @Test func djangoAndFastAPIHandlers() throws {
        let django = "from django.db import connection\n\ndef view(request):\n    q = request.GET['q']\n    connection.cursor().execute('SELECT ' + q)\n"
        #expect(try findings(django).map(\.code) == ["ASC1089"])
        let fastapi = "import subprocess\nfrom fastapi import FastAPI\napp = FastAPI()\n\n@app.get('/run')\ndef run(cmd: str):\n    subprocess.run(cmd, shell=True)\n"
        #expect(try findings(fastapi).map(\.code) == ["ASC1078"])
        let classBased = "import os\nfrom django.views import View\n\nclass Run(View):\n    def get(self, request):\n        os.system('ls ' + request.GET['c'])\n"
        #expect(try findings(classBased).map(\.code) == ["ASC1078"])
    }

    @Test func aSinkReportsOnceNotAgainThroughWhatItReturns() throws {
        // The URL, the command and the body are the flaws; the page fetched, the command's
        // output and the response object are not the request's text.
        let source = """
        import subprocess, requests
        from flask import Flask, request, make_response
        app = Flask(__name__)

        @app.route("/proxy")
        def proxy():
            r = requests.get(request.args["url"], timeout=5)
            return r.text

        @app.route("/sh")
        def sh():
            out = subprocess.check_output(["sh", "-c", request.args["cmd"]])
            return out

        @app.route("/greet")
        def greet():
            resp = make_response("<h1>" + request.args["name"] + "</h1>")
            return resp
        """
        let found = try findings(source)
        #expect(found.map { "\($0.line):\($0.code)" } == ["7:ASC1918", "12:ASC1078", "17:ASC1079"])
    }

    @Test func checksThatProveDataSafe() throws {
        let header = "import os, re, subprocess, requests\nfrom urllib.parse import urlparse\nfrom flask import request, abort, send_file\n"
        // Each case: the check, then the sink; no finding of any rule (the pattern rules'
        // alarms on the sink are explained away by the check).
        let safe = [
            "def f():\n    h = request.args['h']\n    if not re.fullmatch(r'[a-z.]+', h):\n        abort(400)\n    os.system('ping ' + h)\n",
            "def f():\n    p = request.args['p']\n    if not p.isdigit():\n        abort(400)\n    os.system('kill ' + p)\n",
            "def f():\n    m = request.args['m']\n    if m == 'fast':\n        os.system('run ' + m)\n",
            "ALLOWED = {'a.example'}\ndef f():\n    u = request.args['u']\n    if urlparse(u).hostname not in ALLOWED:\n        abort(403)\n    return requests.get(u, timeout=5).content\n",
            "ROOT = os.path.realpath('/srv')\ndef f():\n    p = os.path.realpath(os.path.join(ROOT, request.args['p']))\n    if os.path.commonpath([ROOT, p]) != ROOT:\n        abort(404)\n    return send_file(p)\n",
            "from pathlib import Path\nROOT = Path('/srv')\ndef f():\n    p = (ROOT / request.args['p']).resolve()\n    if not p.is_relative_to(ROOT):\n        abort(404)\n    return send_file(p)\n",
            "COMMANDS = {'up': 'uptime'}\ndef f():\n    return subprocess.check_output(COMMANDS.get(request.args['c'], 'uptime'), shell=True)\n",
            "COMMANDS = {'up': 'uptime'}\ndef f():\n    cmd = COMMANDS.get(request.args['c'], 'uptime')\n    return os.popen(cmd).read()\n",
        ]
        for body in safe {
            #expect(try findings(header + body, enable: []).filter { $0.severity >= .medium } == [], "\(body)")
        }
        let django = """
        from django.shortcuts import redirect
        from django.utils.http import url_has_allowed_host_and_scheme

        def done(request):
            nxt = request.GET.get("next", "/")
            if not url_has_allowed_host_and_scheme(nxt, allowed_hosts={request.get_host()}):
                nxt = "/"
            return redirect(nxt)
        """
        #expect(try findings(django) == [])
        // Without the checks, the same sinks are reported.
        let unchecked = "def f():\n    u = request.args['u']\n    if urlparse(u).scheme in ('http', 'https'):\n        return requests.get(u, timeout=5).content\n"
        #expect(try findings(header + unchecked).map(\.code) == ["ASC1918"])
        // The local dispatch is fixed text only while it is assigned once.
        let reassigned = "COMMANDS = {'up': 'uptime'}\ndef f():\n    cmd = COMMANDS.get(request.args['c'], 'uptime')\n    cmd += request.args['x']\n    return os.popen(cmd).read()\n"
        #expect(try findings(header + reassigned, enable: []).contains { $0.severity == .high })
        let parameter = "def f(cmd):\n    return os.popen(cmd).read()\n"
        #expect(try findings(header + parameter, enable: []).filter { $0.severity == .high }.map(\.code) == ["ASC605"])
        let rebound = "CMD = 'ls'\ndef f(x):\n    global CMD\n    CMD = x\nos.system(CMD)\n"
        #expect(try findings(header + rebound, enable: []).filter { $0.severity == .high }.map(\.code) == ["ASC605"])
        let escaped = "def f():\n    p = os.path.join('/srv', request.args['p'])\n    if os.path.commonpath(['/srv', p]) != '/srv':\n        abort(404)\n    return send_file(p)\n"
        #expect(try findings(header + escaped).map(\.code) == ["ASC1022"])
    }

    @Test func convertedAndBoundValuesAreNotText() throws {
        let safe = [
            // FastAPI and Flask convert typed parameters before the handler runs.
            "import sqlite3\nfrom fastapi import FastAPI\napp = FastAPI()\n\n@app.get('/i/{i}')\ndef item(i: int, q: Optional[float] = None):\n    return sqlite3.connect('db').execute(f'SELECT * FROM t WHERE id = {i} AND w > {q}').fetchall()\n",
            "import os\nfrom flask import Flask\napp = Flask(__name__)\n\n@app.route('/kill/<int:pid>')\ndef kill(pid):\n    os.system(f'kill -9 {pid}')\n",
            "import sqlite3\nfrom flask import request\n\ndef page():\n    n = request.args.get('page', 1, type=int)\n    return sqlite3.connect('db').execute('SELECT * FROM t LIMIT 10 OFFSET %d' % n).fetchall()\n",
            "import os\nfrom flask import request, abort\n\ndef n():\n    count = request.get_json().get('count')\n    if not isinstance(count, int):\n        abort(400)\n    os.system('seq %d' % count)\n",
            // Values bound into a query are not in its text, nor in what it returns.
            "from sqlalchemy import text\nfrom flask import request\n\ndef u(c):\n    return c.execute(text('SELECT * FROM u WHERE id = :id').bindparams(id=request.args['id'])).all()\n",
            "from django.http import HttpResponse\n\ndef people(request):\n    rows = Person.objects.raw('SELECT * FROM p WHERE name = %s', [request.GET['n']])\n    return HttpResponse(', '.join(p.first_name for p in rows))\n",
            "from flask import request, redirect, url_for\n\ndef login():\n    return redirect(url_for('home', next=request.args.get('next')))\n",
        ]
        for source in safe {
            #expect(try findings(source, enable: []).filter { $0.severity >= .medium } == [], "\(source)")
        }
        let text = "import sqlite3\nfrom fastapi import FastAPI\napp = FastAPI()\n\n@app.get('/i/{i}')\ndef item(i: str):\n    return sqlite3.connect('db').execute(f'SELECT * FROM t WHERE id = {i}').fetchall()\n"
        #expect(try findings(text).map(\.code) == ["ASC1089"])
        let path = "import os\nfrom flask import Flask\napp = Flask(__name__)\n\n@app.route('/rm/<path:p>')\ndef rm(p):\n    os.system('rm ' + p)\n"
        #expect(try findings(path).map(\.code) == ["ASC1078"])
    }

    @Test func librarySanitisersAndChecks() throws {
        let safe = [
            "import shlex, subprocess\nfrom flask import request\n\ndef g():\n    cmd = shlex.join(['grep', request.args['q'], '/srv'])\n    return subprocess.run(cmd, shell=True).stdout\n",
            "from flask import request, abort\nfrom werkzeug.utils import safe_join\n\ndef d():\n    path = safe_join('/srv', request.args['n'])\n    if path is None:\n        abort(404)\n    return open(path).read()\n",
            "from django.http import HttpResponse\nfrom django.utils.html import format_html\n\ndef hello(request):\n    return HttpResponse(format_html('<b>{}</b>', request.GET.get('n', '')))\n",
            "from psycopg2 import sql\nfrom flask import request\n\ndef col(cur):\n    cur.execute(sql.SQL('SELECT {} FROM t').format(sql.Identifier(request.args['c'])))\n",
            "from flask import Flask, request\nfrom markupsafe import Markup\napp = Flask(__name__)\n\n@app.route('/m')\ndef m():\n    return Markup('<p>{}</p>').format(request.args.get('q', ''))\n",
            "import hmac, hashlib, pickle\nfrom flask import request, abort\n\ndef load():\n    blob, sig = request.data[:-32], request.data[-32:]\n    if not hmac.compare_digest(hmac.new(b'k', blob, hashlib.sha256).digest(), sig):\n        abort(403)\n    return pickle.loads(blob)\n",
        ]
        for source in safe {
            #expect(try findings(source).isEmpty, "\(source)")
        }
        // Without the check, the signed-data case is reported.
        let unsigned = "import pickle\nfrom flask import request\n\ndef load():\n    return pickle.loads(request.data)\n"
        #expect(try findings(unsigned).map(\.code) == ["ASC1502"])
    }

    @Test func methodsOnRequestDataKeepWhatWasDoneToIt() throws {
        // `.replace` on the result of `request.args.get()` is no new source: the line breaks
        // it removed stay removed. A logger no import names is shown as written.
        let source = """
        import logging
        from flask import request
        log = logging.getLogger(__name__)

        def a():
            user = request.args.get("user", "").replace("\\n", "").replace("\\r", "")
            log.info("login %s", user)

        def b():
            log.info("login %s", request.args.get("user", "").strip())
        """
        let found = try findings(source)
        #expect(found.map(\.line) == [10])
        #expect(found.first?.message.contains("in log.info") == true)
        #expect(found.first?.message.contains("request.args.get()") == true)
    }

    @Test func taintFindingReplacesThePatternFindingOnItsLine() throws {
        let source = "import os, sys\nos.system('ls ' + sys.argv[1])  # nosec B605\n"
        let all = try findings(source, enable: [])
        #expect(all.filter { $0.line == 2 }.map(\.code) == ["ASC1078"])
        #expect(all.first { $0.line == 2 }?.suppressed == true)
        // The query built on one line and run on the next: one finding, at the sink; a
        // suppression on the building line still holds.
        let built = "import sqlite3\nfrom flask import request\n\ndef q():\n    sql = \"SELECT * FROM t WHERE a = '\" + request.args['a'] + \"'\"\n    return sqlite3.connect('db').execute(sql).fetchall()\n"
        #expect(try findings(built, enable: []).map { "\($0.line):\($0.code)" } == ["6:ASC1089"])
        let reviewed = built.replacingOccurrences(of: "+ \"'\"\n", with: "+ \"'\"  # nosec B608\n")
        #expect(try findings(reviewed, enable: []).map { "\($0.line):\($0.code):\($0.suppressed)" } == ["6:ASC1089:true"])
        // Without data flow to the sink (a parameter), the pattern finding is reported where
        // the query runs, naming the line it was built on.
        let helper = "def q(conn, a):\n    sql = \"SELECT * FROM t WHERE a = '\" + a + \"'\"\n    return conn.execute(sql)\n"
        let pattern = try findings(helper, enable: [])
        #expect(pattern.map { "\($0.line):\($0.code)" } == ["3:ASC608"])
        #expect(pattern.first?.message.contains("(line 2)") == true)
    }

    @Test func deepTreesDoNotOverflow() throws {
        let chain = "import os\nx = " + Array(repeating: "a", count: 5000).joined(separator: " + ") + "\nos.system(x)\n"
        _ = try? findings(chain, enable: [])
    }

    /// A helper that returns its argument made safe (line breaks replaced, quoted) makes the
    /// caller's data safe; one that returns it as it came, or safe on one path only, does not.
    @Test func sanitisingHelpersCarryTheirSafety() throws {
        let source = """
        import logging, os, shlex
        from flask import Flask, request
        app = Flask(__name__)
        log = logging.getLogger(__name__)

        def clean(value, limit=64):
            return value.replace("\\r", "").replace("\\n", "")[:limit]

        def maybe(value, strict):
            if strict:
                return shlex.quote(value)
            return value

        @app.route("/a/<source>")
        def a(source):
            log.info("a %s", clean(source))
            os.system("echo " + shlex.quote(clean(source)))
            os.system("echo " + maybe(source, True))
            log.warning("raw %s", source.strip())
            return ""
        """
        #expect(try findings(source).map { "\($0.line):\($0.code)" } == ["18:ASC1078", "19:ASC1117"])
    }

    /// What a constructor or setter made safe before storing it stays safe in the instance
    /// (`self.pattern = re.escape(keyword)`); what it stored raw does not.
    @Test func storedAttributesKeepTheirSafety() throws {
        let source = """
        import re, os, shlex
        from fastapi import FastAPI
        app = FastAPI()

        class Search:
            def __init__(self, keyword, raw):
                self.pattern = rf"\\b.*{re.escape(keyword)}"
                self.raw = raw
            def run(self):
                re.compile(self.pattern)
                return re.compile(self.raw)

        class Job:
            def configure(self, name):
                self.cmd = "tar czf /tmp/out.tgz " + shlex.quote(name)
            def start(self):
                os.system(self.cmd)

        @app.get("/s")
        def s(keyword: str):
            Search(keyword, keyword).run()
            job = Job()
            job.configure(keyword)
            job.start()
        """
        #expect(try findings(source).map { "\($0.line):\($0.code)" } == ["11:ASC1333"])
    }

    /// A value joining an escaped parameter and a raw one: each parameter's part keeps its
    /// own safety through returns, stores and sinks inside the helper. A handler returning
    /// what a text-building helper returns sends that text.
    @Test func eachParametersPartKeepsItsSafety() throws {
        let source = """
        import html, re, os, shlex
        from bottle import Bottle, request, response
        app = Bottle()
        PAGE = "<h1>{title}</h1><p>{name}</p>{body}"

        def render(title, name, body):
            return PAGE.format(title=html.escape(title), name=html.escape(name), body=body)

        def run(tool, target):
            os.system(tool + " " + shlex.quote(target))

        @app.get("/w")
        def w():
            name = request.query.get("name", "")
            run("ping -c1", name)
            run(name, "localhost")
            response.content_type = "text/html"
            return render("Home", name, "<p>fixed</p>")

        @app.get("/x")
        def x():
            name = request.query.get("name", "")
            response.content_type = "text/html"
            return render("Home", "guest", name)
        """
        #expect(try findings(source).map { "\($0.line):\($0.code)" } == ["10:ASC1078", "24:ASC1079"])
    }

    /// `sql, params = build(q)`: each name gets its own position's data; a value safe for
    /// every sink (`uuid.UUID(x).hex`) leaves a path under an environment root as local as
    /// the root; `torch.load(..., weights_only=True)` unpickles nothing.
    @Test func tupleReturnsAndCleanedParts() throws {
        let source = """
        import os, uuid, torch
        from flask import Flask, request
        app = Flask(__name__)
        ROOT = os.environ.get("ROOT", "/srv")

        def safe_query(term):
            sql = "SELECT * FROM t WHERE name LIKE %s"
            return sql, ["%" + term + "%"]

        def unsafe_query(term):
            return "SELECT * FROM t WHERE name = '" + term + "'", []

        @app.route("/s")
        def s():
            sql, params = safe_query(request.args["q"])
            db.execute(sql, params)
            sql, params = unsafe_query(request.args["q"])
            db.execute(sql, params)
            first, second = request.args["a"], "fixed"
            os.system(second)
            os.system(first)
            return ""

        @app.route("/e/<exp>")
        def e(exp):
            folder = os.path.join(ROOT, uuid.UUID(exp).hex)
            torch.load(os.path.join(folder, "m.pt"), weights_only=True)
            torch.load(request.files["m"])
            return str(os.listdir(folder))
        """
        #expect(try findings(source).map { "\($0.line):\($0.code)" } == ["18:ASC1089", "21:ASC1078", "28:ASC1502"])
    }

    /// A slug, an in-memory file, a pandas HTML table and an XML file the environment names
    /// carry no attack to their sinks; standard input still does.
    @Test func slugsMemoryFilesTablesAndOperatorXML() throws {
        let source = """
        import io, os, sys, zipfile
        import pandas as pd
        from lxml import etree
        from django.utils.text import slugify
        from flask import Flask, request
        app = Flask(__name__)

        @app.route("/p", methods=["POST"])
        def p():
            name = slugify(request.form["name"])
            os.makedirs(os.path.join("/srv/plugins", name))
            zipfile.ZipFile(io.BytesIO(request.files["z"].read()))
            df = pd.read_csv(io.BytesIO(request.files["d"].read()))
            if request.form.get("raw"):
                return df.to_html(escape=False)
            return df.to_html()

        tree = etree.parse(os.environ.get("USERS_XML", "/etc/users.xml"))
        piped = etree.fromstring(sys.stdin.read())
        """
        #expect(try findings(source).map { "\($0.line):\($0.code)" } == ["15:ASC1079", "19:ASC1611"])
    }

    /// A view's `request.user` is the account the server looked up; a `commonpath` check
    /// against an attribute (`self.root`) keeps a path under it.
    @Test func signedInUserAndAttributeBases() throws {
        let source = """
        import os
        from django.http import HttpResponse

        class Locator:
            def __init__(self, account):
                self.root = os.path.join("/srv/invoices", account)
            def path_for(self, name):
                path = os.path.realpath(os.path.join(self.root, name))
                if os.path.commonpath([self.root, path]) != self.root:
                    raise ValueError(name)
                return path
            def unchecked(self, name):
                return os.path.join(self.root, name)

        def invoice(request):
            locator = Locator(request.user.account_id)
            listing = os.listdir(locator.root)
            data = open(locator.path_for(request.GET["f"])).read()
            other = open(locator.unchecked(request.GET["f"])).read()
            return HttpResponse(data)
        """
        #expect(try findings(source).map { "\($0.line):\($0.code)" } == ["19:ASC1022"])
    }

    /// Tornado's `self.request.body`, an `http.server` header (folded, it may hold line
    /// breaks) unless a substitution removes them, a SAX parser told to fetch external
    /// entities, a `(body, status, headers)` response, and Jinja2 environments with and
    /// without autoescaping.
    @Test func frameworkSourcesSaxParsersTupleResponsesAndTemplates() throws {
        let tornado = """
        import io, xml.sax
        from xml.sax.handler import feature_external_ges
        import tornado.web

        def parse(data, resolve):
            parser = xml.sax.make_parser()
            if resolve:
                parser.setFeature(feature_external_ges, True)
            parser.parse(io.BytesIO(data))
            quiet = xml.sax.make_parser()
            quiet.parse(io.BytesIO(data))

        class Import(tornado.web.RequestHandler):
            def post(self):
                parse(self.request.body, True)
        """
        #expect(try findings(tornado).map { "\($0.line):\($0.code)" } == ["9:ASC1611"])
        let server = """
        import logging, re
        from http.server import BaseHTTPRequestHandler
        log = logging.getLogger("audit")
        CONTROL = re.compile(r"[\\x00-\\x1f\\x7f]")

        class Audit(BaseHTTPRequestHandler):
            def do_POST(self):
                user = self.headers.get("X-User")
                log.info("user=%s", user)
                log.info("user=%s", CONTROL.sub("?", user))
                log.info("user=%s", re.sub(r"[\\r\\n]", "", user))
                log.info("path=%s", self.path)
        """
        #expect(try findings(server).map { "\($0.line):\($0.code)" } == ["9:ASC1117"])
        let flask = """
        from flask import Flask, request
        from jinja2 import Environment, FileSystemLoader, select_autoescape
        app = Flask(__name__)
        raw = Environment(loader=FileSystemLoader("t"))
        safe = Environment(loader=FileSystemLoader("t"), autoescape=select_autoescape(default=True))

        @app.route("/a", methods=["POST"])
        def a():
            text = request.form["text"]
            return "<p>" + text + "</p>", 200, {"Content-Type": "text/html"}

        @app.route("/b", methods=["POST"])
        def b():
            return "<p>" + request.form["text"] + "</p>", 200, {"Content-Type": "application/json"}

        @app.route("/c", methods=["POST"])
        def c():
            unescaped = raw.get_template("c.html").render(text=request.form["text"])
            tmpl = safe.get_template("c.html")
            escaped = tmpl.render(text=request.form["text"])
            return unescaped + escaped
        """
        #expect(try findings(flask).map { "\($0.line):\($0.code)" } == ["10:ASC1079", "21:ASC1079"])
    }

    /// A query built in a helper that returns it in a tuple is one finding, at the sink, with
    /// the building line on its path; a path joining an environment root with a
    /// `secure_filename` is safe, one joining it with the raw value is reported from the value.
    @Test func helperBuiltQueriesAndOperatorRoots() throws {
        let source = """
        import os
        from flask import Flask, request
        from werkzeug.utils import secure_filename
        app = Flask(__name__)
        ROOT = os.environ.get("ROOT", "/srv")

        def build(sort):
            sql = f"SELECT * FROM t ORDER BY {sort}"
            return sql, []

        @app.route("/q/<name>")
        def q(name):
            sql, params = build(request.args["sort"])
            db.execute(sql, params)
            os.makedirs(os.path.join(ROOT, secure_filename(name)))
            os.makedirs(os.path.join(ROOT, name))
            return ""
        """
        let found = try findings(source, enable: ["ASC1", "B608"])
        #expect(found.map { "\($0.line):\($0.code)" } == ["14:ASC1089", "16:ASC1022"])
        #expect(found.first?.flow.map(\.line) == [13, 8, 9, 13, 14])
        #expect(found.last?.message.contains("parameter 'name'") == true)
    }

    /// Chat, queue and RPC handlers' parameters and SQS messages carry outside data; a helper
    /// joining a parameter with an environment root still reaches its path sink for callers.
    @Test func messageHandlersAndQueues() throws {
        let slack = """
        import requests
        from slack_bolt import App
        app = App()

        @app.command("/check")
        def check(ack, command, respond):
            ack()
            respond(requests.get(command["text"], timeout=5).status_code)
        """
        let found = try findings(slack)
        #expect(found.map { "\($0.line):\($0.code)" } == ["8:ASC1918"])
        #expect(found.first?.message.contains("parameter 'command' of message handler check") == true)
        let grpc = """
        import os, grpc
        class Files(files_pb2_grpc.FilesServicer):
            def Delete(self, request, context):
                os.remove(os.path.join("/srv/files", request.name))
        class Plain:
            def Delete(self, request, context):
                os.remove(os.path.join("/srv/files", request.name))
        """
        #expect(try findings(grpc).map { "\($0.line):\($0.code)" } == ["4:ASC1022"])
        let sqs = """
        import json, os, boto3
        sqs = boto3.client("sqs")
        OUT = os.environ.get("OUT", "/data")

        def write(job):
            with open(os.path.join(OUT, job["filename"]), "w") as fh:
                fh.write("x")
            with open(os.path.join(OUT, "index.html"), "w") as fh:
                fh.write("x")

        def poll():
            for message in sqs.receive_message(QueueUrl="q").get("Messages", []):
                write(json.loads(message["Body"]))
        """
        #expect(try findings(sqs).map { "\($0.line):\($0.code)" } == ["6:ASC1022"])
    }

    /// Checks kept in helpers: a validator returning a test (`if not is_allowed(url)`), one
    /// raising on bad input (`validate(name)` as a statement); a helper that may return true
    /// early, or checks something else, proves nothing.
    @Test func validatorHelpersProveWhatTheirTestsProve() throws {
        let source = """
        import os, requests
        from urllib.parse import urlsplit
        from flask import Flask, request, abort
        app = Flask(__name__)
        HOSTS = {"status.example.com"}
        NAMES = {"daily", "weekly"}

        def is_allowed(url):
            parts = urlsplit(url)
            if parts.scheme != "https":
                return False
            return parts.hostname in HOSTS

        def lenient(url):
            if url.endswith(".example.com"):
                return True
            return urlsplit(url).hostname in HOSTS

        def validate(name):
            if name not in NAMES:
                raise ValueError(name)

        @app.route("/p")
        def p():
            url = request.args["url"]
            if not is_allowed(url):
                abort(400)
            requests.get(url, timeout=5)
            other = request.args["other"]
            if not lenient(other):
                abort(400)
            requests.get(other, timeout=5)
            name = request.args["name"]
            validate(name)
            os.system("report " + name)
            os.system("report " + request.args["raw"])
            return ""
        """
        #expect(try findings(source).map { "\($0.line):\($0.code)" } == ["32:ASC1918", "36:ASC1078"])
    }

    /// Values a framework or a helper has already checked: FastAPI parameters with an
    /// anchored `pattern`, `bool(RE.match(x))` validators, everything-but substitutions,
    /// media types guessed from a name, Django's URL check by keyword, the authenticated
    /// user, and Tornado templates.
    @Test func checkedByFrameworksAndHelpers() throws {
        let fastapi = """
        import logging, re, mimetypes
        from fastapi import FastAPI, Path
        app = FastAPI()
        log = logging.getLogger(__name__)
        NAME = re.compile(r"^[a-z]{1,20}$")
        SAFE = re.compile(r"[^A-Za-z0-9._-]")

        def valid(value):
            return bool(NAME.match(value))

        @app.put("/m/{name}")
        def put(name: str = Path(..., pattern=r"^[a-z][a-z0-9_]{1,40}$"), other: str = "", third: str = ""):
            log.info("model %s", name)
            if valid(other):
                log.info("other %s", other)
            log.info("third %s", SAFE.sub("_", third))
            log.info("type %s", mimetypes.guess_type(third)[0])
            log.info("raw %s", third)
        """
        #expect(try findings(fastapi).map { "\($0.line):\($0.code)" } == ["18:ASC1117"])
        let django = """
        import logging
        from django.contrib.auth import authenticate
        from django.http import HttpResponseRedirect
        from django.utils.http import url_has_allowed_host_and_scheme
        log = logging.getLogger(__name__)

        def login(request):
            user = authenticate(request, username=request.POST["u"], password=request.POST["p"])
            log.info("signed in %s", user.pk)
            target = request.GET.get("next", "/")
            if url_has_allowed_host_and_scheme(url=target, allowed_hosts={request.get_host()}):
                return HttpResponseRedirect(target)
            return HttpResponseRedirect(request.GET.get("back", "/"))
        """
        #expect(try findings(django).map { "\($0.line):\($0.code)" } == ["13:ASC1601"])
        let tornado = """
        import tornado.web, tornado.template
        LOADER = tornado.template.Loader("templates")
        RAW = tornado.template.Loader("templates", autoescape=None)

        class Search(tornado.web.RequestHandler):
            def get(self):
                q = self.get_argument("q", "")
                self.write(LOADER.load("search.html").generate(query=q))
                self.write("<p>" + q + "</p>")
                self.write(RAW.load("search.html").generate(query=q))
        """
        #expect(try findings(tornado).map { "\($0.line):\($0.code)" } == ["9:ASC1079", "10:ASC1079"])
    }

    /// A fetched response is another party's content: dangerous to parse as XML or unpickle,
    /// not to log or show; a client declared by its type is one; GraphQL resolvers and Azure
    /// Functions are handlers; a pattern alarm inside the sink's own call is the same flaw.
    @Test func fetchedContentResolversAndSinkSpans() throws {
        let fetched = """
        import logging, pickle, requests, aiohttp
        from lxml import etree
        log = logging.getLogger(__name__)

        def sync(url):
            resp = requests.get(url, timeout=30)
            log.info("fetched %s", resp.text)
            doc = etree.fromstring(resp.content, etree.XMLParser(resolve_entities=True))
            return pickle.loads(requests.get("https://cache.example.com/blob", timeout=30).content)

        async def preview(request):
            session: aiohttp.ClientSession = request.app["http"]
            async with session.get(request.query["url"]) as resp:
                return await resp.text()
        """
        #expect(try findings(fetched).map { "\($0.line):\($0.code)" } == ["8:ASC1611", "9:ASC1502", "13:ASC1918"])
        let resolvers = """
        import re, graphene
        import azure.functions as func

        class Query(graphene.ObjectType):
            orders = graphene.List(graphene.String, sort=graphene.String())
            def resolve_orders(root, info, sort="id"):
                return db.execute(
                    f"SELECT * FROM orders ORDER BY {sort}"
                )

        def main(req: func.HttpRequest) -> func.HttpResponse:
            return func.HttpResponse(str(re.compile(req.params.get("q")).pattern))
        """
        #expect(try findings(resolvers, enable: ["ASC1", "B608"]).map { "\($0.line):\($0.code)" } == ["7:ASC1089", "12:ASC1333"])
    }

    /// A host compared after normalising (`(parts.hostname or "").lower() in HOSTS`) is checked.
    @Test func normalisedHostChecks() throws {
        let source = """
        import requests
        from urllib.parse import urlsplit
        from flask import Flask, request, abort
        app = Flask(__name__)
        HOSTS = {"a.example.com"}

        def allowed(url):
            parts = urlsplit(url)
            if parts.scheme != "https":
                return False
            return (parts.hostname or "").lower() in HOSTS

        @app.route("/p")
        def p():
            url = request.args["url"]
            if not allowed(url):
                abort(400)
            requests.get(url, timeout=5)
            requests.get(request.args["other"], timeout=5)
            return ""
        """
        #expect(try findings(source).map { "\($0.line):\($0.code)" } == ["19:ASC1918"])
    }

    /// A check of one element (`parts[0] not in SERVICES`, `cfg.get("name") in ALLOWED`)
    /// holds where the same element is read again, until the container is bound anew; a hex
    /// digest and what a database connection returns are no one's request data.
    @Test func checkedElementsDigestsAndConnections() throws {
        let source = """
        import hashlib, importlib, os, sqlite3, subprocess
        from flask import Flask, request, redirect, abort
        app = Flask(__name__)
        SERVICES = {"api", "web"}
        DB = os.environ.get("DB", "links.db")

        @app.route("/d", methods=["POST"])
        def d():
            parts = request.form["text"].split()
            if not parts or parts[0] not in SERVICES:
                abort(400)
            subprocess.run(["./deploy.sh", parts[0]])
            cfg = request.get_json()
            if cfg.get("name") not in SERVICES:
                abort(400)
            importlib.import_module("plugins." + cfg["name"])
            os.makedirs(os.path.join("/srv/m", hashlib.sha256(request.form["url"].encode()).hexdigest()))
            row = sqlite3.connect(DB).execute("SELECT target FROM links WHERE code = ?", ("x",)).fetchone()
            parts = request.form["other"].split()
            subprocess.run(["./deploy.sh", parts[0]])
            return redirect(row[0])
        """
        #expect(try findings(source).map { "\($0.line):\($0.code)" } == ["20:ASC1088"])
    }

    /// HTTP clients passed in declared by type, or kept by a class in an attribute, are
    /// clients: their requests' URLs are sinks.
    @Test func clientsByTypeAndAttribute() throws {
        let source = """
        import aiohttp
        from aiohttp import web

        async def fetch(session: aiohttp.ClientSession, url: str):
            async with session.get(url) as resp:
                return await resp.text()

        class Checker:
            async def start(self):
                self.http = aiohttp.ClientSession()
            async def check(self, url):
                return await self.http.get(url)

        async def preview(request: web.Request):
            await fetch(request.app["http"], request.query["url"])
            await Checker().check(request.query["other"])
            return web.Response(text="ok")
        """
        #expect(try findings(source).map { "\($0.line):\($0.code)" } == ["5:ASC1918", "12:ASC1918"])
    }

    /// A key looked up in a constant table, the lookup checked for None before use, is one
    /// of the table's keys.
    @Test func keysFoundInConstantTables() throws {
        let source = """
        import subprocess
        from flask import Flask, abort
        app = Flask(__name__)
        REMOTES = {"tv": ["KEY_POWER"]}

        @app.post("/ir/<remote>/<other>")
        def send(remote, other):
            keys = REMOTES.get(remote)
            if keys is None:
                abort(404)
            subprocess.run(["irsend", "SEND_ONCE", remote])
            found = REMOTES.get(other)
            subprocess.run(["irsend", "SEND_ONCE", other])
            return ""
        """
        #expect(try findings(source).map { "\($0.line):\($0.code)" } == ["13:ASC1088"])
    }

    /// Every element checked (`any(o not in ALLOWED for o in opts)`), a file sent from disk,
    /// a Jinja2 environment's `parse` (no XML), and Tornado's HTTP client.
    @Test func quantifiedChecksFilesTemplatesAndTornadoClients() throws {
        let source = """
        import subprocess, jinja2
        from flask import Flask, request, abort, send_from_directory
        import tornado.web
        from tornado.httpclient import AsyncHTTPClient
        app = Flask(__name__)
        ALLOWED = {"--toc", "--standalone"}
        env = jinja2.Environment()

        @app.route("/c")
        def c():
            extra = request.args["options"].split()
            if any(o not in ALLOWED for o in extra):
                abort(400)
            subprocess.run(["pandoc", "in.md"] + extra)
            env.parse(request.args["tpl"])
            resp = send_from_directory("/srv/pub", request.args["file"])
            return resp

        class Preview(tornado.web.RequestHandler):
            async def get(self):
                client = AsyncHTTPClient()
                await client.fetch(self.get_argument("url"))
        """
        #expect(try findings(source).map { "\($0.line):\($0.code)" } == ["22:ASC1918"])
    }

    /// Archive member names are a source for paths; a relative name without `..` (checked
    /// with `startswith("/") or ".." in name`) is safe to join under the destination, also
    /// when joined with a parameter (the source part keeps its own safety), and also in a path
    /// built before the check (`raw`, built again from the checked name). Unchecked, each
    /// path is reported.
    @Test func archiveMemberNames() throws {
        let source = """
        import os, zipfile

        def unpack(filename, extract_dir):
            with zipfile.ZipFile(filename) as zf:
                for info in zf.infolist():
                    name = info.filename
                    raw = os.path.join(extract_dir, name)
                    if name.startswith("/") or ".." in name:
                        continue
                    target = os.path.join(extract_dir, *name.split("/"))
                    with zf.open(info) as src, open(target, "wb") as out:
                        out.write(src.read())
                    open(raw + ".bak", "wb").close()
        """
        #expect(try findings(source).map { "\($0.line):\($0.code)" } == [])
        let unchecked = source.replacingOccurrences(of: "if name.startswith(\"/\") or \"..\" in name:", with: "if not name:")
        #expect(try findings(unchecked).map { "\($0.line):\($0.code)" } == ["11:ASC1022", "13:ASC1022"])
    }

    /// Found on a corpus written blind: a constructor's sink, a module-level instance's
    /// method, an AWS Lambda handler's event, an escaped comprehension, a clamped number, and
    /// a query built in a helper (one finding, at the sink, its path through the helper).
    @Test func flowsACorpusWrittenBlindShowed() throws {
        let source = """
        import json, os, re, subprocess, html
        import requests
        from flask import Flask, request
        app = Flask(__name__)

        class LineFilter:
            def __init__(self, pattern):
                self.matcher = re.compile(pattern)

        class Store:
            def locate(self, name):
                return os.path.join("/srv", name)

        store = Store()

        def query_for(name):
            return f"SELECT * FROM t WHERE name = '{name}'"

        @app.route("/a")
        def a():
            LineFilter(request.args["p"])
            open(store.locate(request.args["f"]))
            rows = "".join("<li>%s</li>" % html.escape(r) for r in request.args.getlist("r"))
            n = max(1, min(int(request.args["n"]), 50))
            subprocess.run(["head", "-n", str(n), "log.txt"])
            db.execute(query_for(request.args["q"]))
            return rows

        def lambda_handler(event, context):
            body = json.loads(event["body"])
            return requests.get(body["url"], timeout=5).status_code
        """
        let found = try findings(source, enable: [])
        #expect(found.map { "\($0.line):\($0.code)" } == ["8:ASC1333", "22:ASC1022", "26:ASC1089", "31:ASC1918"])
        // The query's building line is on the path, and its pattern alarm (B608) gave way.
        #expect(found.first { $0.code == "ASC1089" }?.flow.map(\.line) == [26, 17, 26, 26])
    }

    /// A query built in a method and run a few lines later, reached through the method's
    /// summary: one finding, at the sink, whose path shows the building line; a query built
    /// into a name the sink does not use stays its own finding.
    @Test func queryBuiltInAMethodIsOneFinding() throws {
        let source = """
        import sqlite3
        from flask import Flask, request
        app = Flask(__name__)

        class Repo:
            def find(self, customer):
                sql = "SELECT * FROM orders WHERE customer = '%s'" % customer
                sql += " ORDER BY id"
                other = "SELECT * FROM t WHERE a = '%s'" % customer
                return self.conn.execute(sql)

        @app.route("/o")
        def orders():
            return str(Repo().find(request.args["c"]))
        """
        let found = try findings(source, enable: [])
        #expect(found.map { "\($0.line):\($0.code)" } == ["9:ASC608", "10:ASC1089"])
        #expect(found.last?.flow.map(\.line) == [14, 7, 10])
    }

    /// From a fourth corpus written blind: a dataclass built from the request and a method
    /// returning its field; a helper taking a Django request; Quart read as Flask; a Kubernetes
    /// operator's handler no web route.
    @Test func dataclassesRequestHelpersQuartAndOperators() throws {
        let flask = """
        from dataclasses import dataclass
        from flask import Flask, request
        app = Flask(__name__)

        @dataclass
        class Filter:
            city: str = ""
            limit: int = 10

            def where(self):
                return "city = '%s'" % self.city

        @app.get("/l")
        def listings():
            flt = Filter(city=request.args.get("city", ""))
            return str(db.execute("SELECT * FROM t WHERE " + flt.where()))
        """
        #expect(try findings(flask).map { "\($0.line):\($0.code)" } == ["16:ASC1089"])
        let django = """
        from django.db import connection

        def _ordering(request):
            return request.GET.get("order_by", "id")

        def report(request):
            with connection.cursor() as cursor:
                cursor.execute("SELECT * FROM t ORDER BY " + _ordering(request))
        """
        #expect(try findings(django).map { "\($0.line):\($0.code)" } == ["8:ASC1089"])
        let quart = "from quart import Quart, redirect, request\napp = Quart(__name__)\n\n@app.route(\"/in\")\nasync def login():\n    form = await request.form\n    return redirect(form.get(\"next\"))\n"
        #expect(try findings(quart).map { "\($0.line):\($0.code)" } == ["7:ASC1601"])
        let kopfHandler = "import logging, os, kopf\n\n@kopf.on.delete(\"backups.example.com\", \"v1\", \"jobs\")\ndef delete(status, logger, **kwargs):\n    os.system(\"rm -rf \" + status[\"path\"])\n"
        #expect(try findings(kopfHandler).isEmpty)
    }

    /// A temporary file's name is no request data; a process's output is not its input; a
    /// `Request` object fetches nothing until `urlopen`; a test on `x.upper()` proves `x`.
    @Test func namesOutputsRequestsAndFoldedChecks() throws {
        let source = """
        import asyncio, logging, os, subprocess, tarfile, tempfile, urllib.request
        from flask import Flask, request
        app = Flask(__name__)
        LEVELS = ("INFO", "ERROR")

        @app.post("/u")
        def upload():
            with tempfile.NamedTemporaryFile() as tmp:
                tmp.write(request.data)
                tarfile.open(tmp.name)
            return "ok"

        @app.get("/f")
        def fetch():
            req = urllib.request.Request(request.args["url"])
            return urllib.request.urlopen(req).read()

        @app.get("/l")
        def level():
            name = request.args["level"]
            if name.upper() not in LEVELS:
                return "no"
            os.system("grep " + name + " app.log")
            return "ok"

        async def thumb(request):
            proc = await asyncio.create_subprocess_shell("convert " + request.query["f"])
            out, err = await proc.communicate()
            logging.error("convert said %s", err)
        """
        let found = try findings(source, enable: [])
        // The upload's temporary path, the folded check and the process's output report nothing;
        // the fetch is reported once, where `urlopen` sends it.
        #expect(found.filter { $0.code.hasPrefix("ASC1") }.map { "\($0.line):\($0.code)" } == ["16:ASC1918", "27:ASC1078"])
    }

    /// What blind sets 12 and 13 showed, each shape beside its vulnerable twin: validators
    /// combining early returns with their last test, `is not None` of a whole-value match,
    /// `TABLE.pop(key, None)`, Bottle's `<z:int>`, a Lambda's `context`, methods of the file's
    /// own classes, `splitext(...)[1]`, directories the operator sets (absolute by default).
    @Test func blindSetsTwelveAndThirteen() throws {
        let safe = """
        import asyncio, json, logging, os, re, socketserver, subprocess, sqlite3, zipfile
        import yaml
        from bottle import Bottle, request as breq
        from flask import Flask, redirect, request
        from mako.lookup import TemplateLookup
        from django.http import HttpResponse
        app = Flask(__name__)
        bottle_app = Bottle()
        log = logging.getLogger(__name__)
        HOSTNAME_RE = re.compile(r"[a-z0-9.-]+")
        HOLDS = {}
        ROOT = os.environ.get("ROOT", "/srv/data")
        escaping = TemplateLookup(directories=["t"], default_filters=["h"])
        plain = TemplateLookup(directories=["t"])

        def valid_name(value):
            return bool(value) and HOSTNAME_RE.fullmatch(value) is not None

        def is_local(target):
            if not target or "\\\\" in target:
                return False
            return target.startswith("/") and not target.startswith("//")

        class Directory:
            def search(self, name):
                return name.replace("*", "")

        DIRECTORY = Directory()

        @app.route("/dig")
        def dig():
            name = request.args["name"]
            if not valid_name(name):
                return "no"
            return subprocess.check_output(["dig", name])

        @app.route("/done/<hold_id>")
        def done(hold_id):
            hold = HOLDS.pop(hold_id, None)
            if hold is None:
                return "no"
            log.info(f"hold {hold_id} done")
            return "ok"

        @app.route("/next")
        def next_page():
            target = request.args["next"]
            if not is_local(target):
                target = "/"
            return redirect(target)

        @bottle_app.get("/tiles/<z:int>/<x:int>")
        def tile(z, x):
            return open(os.path.join("/srv/tiles", str(z) + str(x) + ".png"), "rb").read()

        def lambda_handler(event, context):
            log.info(f"request {context.aws_request_id}")

        @app.route("/page")
        def page():
            return escaping.get_template("p.mako").render(name=request.args["n"])

        @app.route("/ldap")
        def ldap_view():
            import ldap3
            return DIRECTORY.search(request.args["q"])

        @app.route("/ext")
        def ext():
            ext = os.path.splitext(request.args["f"])[1]
            return open(os.path.join("/srv/files", "upload" + ext)).read()

        @app.route("/cat")
        def cat():
            path = os.path.join(ROOT, os.path.basename(request.args["f"]))
            return subprocess.run(["zcat", path], capture_output=True).stdout
        """
        let vulnerable = """
        import asyncio, json, logging, os, re, socketserver, subprocess, sqlite3, zipfile
        import yaml
        from bottle import Bottle, request as breq
        from flask import Flask, redirect, request
        from mako.lookup import TemplateLookup
        from django.http import HttpResponse
        app = Flask(__name__)
        bottle_app = Bottle()
        log = logging.getLogger(__name__)
        HOSTNAME_RE = re.compile(r"[a-z0-9.-]+")
        HOLDS = {}
        ROOT = os.environ["ROOT"]
        escaping = TemplateLookup(directories=["t"], default_filters=["h"])
        plain = TemplateLookup(directories=["t"])

        def valid_name(value):
            return bool(value) and HOSTNAME_RE.search(value) is not None

        def is_local(target):
            if not target:
                return False
            return target.startswith("/") and not target.startswith("//")

        class Directory:
            def search(self, name):
                return name.replace("*", "")

        DIRECTORY = Directory()

        @app.route("/dig")
        def dig():
            name = request.args["name"]
            if not valid_name(name):
                return "no"
            return subprocess.check_output(["dig", name])

        @app.route("/done/<hold_id>")
        def done(hold_id):
            hold = HOLDS.get(hold_id, {})
            if hold is None:
                return "no"
            log.info(f"hold {hold_id} done")
            return "ok"

        @app.route("/next")
        def next_page():
            target = request.args["next"]
            if not is_local(target):
                target = "/"
            return redirect(target)

        @bottle_app.get("/tiles/<z>/<x:int>")
        def tile(z, x):
            return open(os.path.join("/srv/tiles", str(z) + str(x) + ".png"), "rb").read()

        def lambda_handler(event, context):
            log.info(f'request {event["id"]}')

        @app.route("/page")
        def page():
            return plain.get_template("p.mako").render(name=request.args["n"])

        @app.route("/ldap")
        def ldap_view():
            import ldap3
            conn = ldap3.Connection("ldap://x")
            return conn.search("dc=x", "(cn=" + request.args["q"] + ")")

        @app.route("/ext")
        def ext():
            ext = os.path.splitext(request.args["f"])[0]
            return open(os.path.join("/srv/files", "upload" + ext)).read()

        @app.route("/cat")
        def cat():
            path = os.path.join(ROOT, os.path.basename(request.args["f"]))
            return subprocess.run(["zcat", path], capture_output=True).stdout
        """
        let pattern = { (source: String) in try self.findings(source, enable: []).map { "\($0.line):\($0.code)" } }
        #expect(try pattern(safe) == ["14:ASC702"])
        // 61: a plain lookup's template renders the request's text unescaped (reported at the render).
        #expect(try pattern(vulnerable) == ["14:ASC702", "35:ASC1088", "42:ASC1117", "50:ASC1601", "54:ASC1022", "57:ASC1117", "61:ASC1079",
                                            "67:ASC1090", "72:ASC1022", "77:ASC1088"])
        // Django's uploaded files are objects, not paths (their names are text again); a
        // primary key is a number.
        let django = """
        import logging, zipfile
        from django.http import JsonResponse
        from .models import Batch
        log = logging.getLogger(__name__)

        def upload_view(request):
            upload = request.FILES["archive"]
            zipfile.ZipFile(upload)
            batch = Batch.objects.create(name=request.POST["name"])
            log.info("batch %s", batch.pk)
            open(upload.name)
            return JsonResponse({"ok": True})
        """
        #expect(try pattern(django) == ["11:ASC1022"])
        // asyncio stream handlers read a client (their writer is the server's), socketserver's
        // `self.request` is the datagram, and `yaml.safe_load(fh)` parses a file's contents.
        let servers = """
        import asyncio, logging, os, socketserver, sqlite3, sys
        import yaml
        log = logging.getLogger(__name__)

        async def handle(reader, writer):
            line = (await reader.readline()).decode()
            peer = writer.get_extra_info("peername")
            log.info("peer %s", peer)
            os.system("ping " + line)

        class Station(socketserver.BaseRequestHandler):
            def handle(self):
                data, sock = self.request
                log.info("from " + data.decode())

        def load(path):
            with open(path) as fh:
                return yaml.safe_load(fh)

        def main():
            conn = sqlite3.connect("x")
            data = load(sys.argv[1])
            conn.execute("DELETE FROM t WHERE a = '%s'" % data["a"])
            asyncio.run(asyncio.start_server(handle, "127.0.0.1", 9000))
        """
        #expect(try pattern(servers) == ["9:ASC1078", "14:ASC1117", "23:ASC1089"])
        // Mako escapes what a lookup made with `default_filters=["h"]` renders.
        let mako = """
        import tornado.web
        from mako.lookup import TemplateLookup
        escaping = TemplateLookup(directories=["t"], default_filters=["h"])
        plain = TemplateLookup(directories=["t"])

        class Safe(tornado.web.RequestHandler):
            def post(self):
                footer = self.get_body_argument("footer", "")
                self.write(escaping.get_template("invoice.mako").render(footer=footer))

        class Unsafe(tornado.web.RequestHandler):
            def post(self):
                footer = self.get_body_argument("footer", "")
                tmpl = plain.get_template("invoice.mako")
                self.write(tmpl.render(footer=footer))
        """
        #expect(try pattern(mako) == ["4:ASC702", "15:ASC1079"])
        // Pattern rules read fixed text through tuple unpacking, `+=` pieces, the file's helpers'
        // returns and module strings built from constants; their twins splice outside text.
        let fixed = """
        import shlex, urllib.request
        import paramiko

        COLS = "id, a"
        MIRROR = "https://mirror.example.org/data"
        MANIFEST_URL = MIRROR + "/MANIFEST.tsv"

        def build(last_name):
            clauses = ["active = 1"]
            if last_name:
                clauses.append("last_name LIKE ?")
            return " AND ".join(clauses), [last_name]

        def view(db, name):
            where, params = build(name)
            sql = f"SELECT {COLS} FROM p WHERE " + where
            db.execute(sql, params)

        def report(db, region):
            where = "sold_at > :start"
            if region:
                where += " AND region = :region"
            db.execute(f"SELECT total FROM s WHERE {where}", {"region": region})

        def tar_command(path):
            return f"tar -czf - -- {shlex.quote(path)}"

        def backup(client, path):
            client.exec_command(tar_command(path))

        def manifest():
            return urllib.request.urlopen(MANIFEST_URL).read()
        """
        #expect(try pattern(fixed) == [])
        let spliced = """
        import shlex, urllib.request
        import paramiko

        COLS = "id, a"
        MIRROR = input()
        MANIFEST_URL = MIRROR + "/MANIFEST.tsv"

        def build(last_name):
            clauses = ["active = 1"]
            if last_name:
                clauses.append("last_name LIKE ?")
            return " AND ".join(clauses) + last_name, [last_name]

        def view(db, name):
            where, params = build(name)
            sql = f"SELECT {COLS} FROM p WHERE " + where
            db.execute(sql, params)

        def report(db, region):
            where = "sold_at > :start"
            if region:
                where += " AND region = " + region
            db.execute(f"SELECT total FROM s WHERE {where}", {"region": region})

        def tar_command(path):
            return f"tar -czf - -- {path}"

        def backup(client, path):
            client.exec_command(tar_command(path))

        def manifest():
            return urllib.request.urlopen(MANIFEST_URL).read()
        """
        #expect(try pattern(spliced) == ["17:ASC608", "23:ASC608", "29:ASC601", "32:ASC310"])
    }

    /// Functions handed to a scheduler run with the arguments handed over; a module-level
    /// table one handler fills is read by the others; a command list's program is its first
    /// part's; consecutive early exits prove together what none does alone.
    @Test func handOffsTablesAndEarlyExits() throws {
        let scheduled = """
        import subprocess, threading
        import httpx
        from fastapi import BackgroundTasks, FastAPI
        from pydantic import BaseModel
        app = FastAPI()
        SUBSCRIPTIONS = {}

        class Sub(BaseModel):
            url: str

        async def deliver(url, payload):
            async with httpx.AsyncClient() as client:
                await client.post(url, json=payload)

        def probe(argv):
            return subprocess.run(argv, capture_output=True)

        @app.post("/subscriptions")
        def subscribe(sub: Sub):
            SUBSCRIPTIONS["x"] = {"url": sub.url}

        @app.post("/events")
        def event(tasks: BackgroundTasks):
            for sub in SUBSCRIPTIONS.values():
                tasks.add_task(deliver, sub["url"], {})

        @app.post("/ping")
        def ping(host: str):
            threading.Thread(target=probe, args=(["ping", "-c", "1", "--"] + [host],)).start()
            threading.Thread(target=probe, args=([host],)).start()
        """
        let pattern = { (source: String) in try self.findings(source, enable: []).map { "\($0.line):\($0.code)" } }
        #expect(try pattern(scheduled) == ["13:ASC1918", "16:ASC1078"])
        let fixedProgram = scheduled.replacingOccurrences(of: "threading.Thread(target=probe, args=([host],)).start()", with: "pass")
        #expect(try pattern(fixedProgram) == ["13:ASC1918"])
        let redirects = """
        from urllib.parse import urlsplit
        from flask import Flask, redirect, request, url_for
        app = Flask(__name__)

        def local_target(target):
            parts = urlsplit(target or "")
            if parts.scheme or parts.netloc or not target.startswith("/") or target.startswith("//"):
                return url_for("index")
            if "\\\\" in target or any(ord(ch) < 0x21 for ch in target):
                return url_for("index")
            return target

        def loose_target(target):
            parts = urlsplit(target or "")
            if parts.scheme or parts.netloc or not target.startswith("/") or target.startswith("//"):
                return url_for("index")
            if len(target) > 200:
                return url_for("index")
            return target

        @app.route("/a")
        def a():
            return redirect(local_target(request.args.get("next")))

        @app.route("/b")
        def b():
            return redirect(loose_target(request.args.get("next")))
        """
        #expect(try pattern(redirects) == ["27:ASC1601"])
    }

    /// A record's keys keep their own data (`{"author": a, "at": now}`), through the tables
    /// and lists that hold such records, to the key a reader picks.
    @Test func recordsKeepEachKeysData() throws {
        let records = """
        import time
        import requests
        import tornado.web
        from tornado.escape import xhtml_escape
        COMMENTS = []
        HOOKS = {}

        class Board(tornado.web.RequestHandler):
            def get(self):
                items = "".join(f"<li>{xhtml_escape(c['author'])} {c['at']}</li>" for c in COMMENTS)
                self.write(f"<ul>{items}</ul>")
                for hook in HOOKS.values():
                    requests.post(hook["url"], json={"n": len(COMMENTS)}, timeout=5)
                    requests.post("https://hooks.example.com/notify", data=hook["name"], timeout=5)

            def post(self):
                COMMENTS.append({"author": self.get_body_argument("author"), "at": time.strftime("%H:%M")})
                HOOKS[self.get_body_argument("id")] = {"name": self.get_body_argument("name"), "url": "https://hooks.example.com/x"}
        """
        let pattern = { (source: String) in try self.findings(source, enable: []).map { "\($0.line):\($0.code)" } }
        #expect(try pattern(records) == [])
        let wrongKeys = records.replacingOccurrences(of: "{c['at']}", with: "{c['author']}")
            .replacingOccurrences(of: "hook[\"url\"], json", with: "hook[\"name\"], json")
        #expect(try pattern(wrongKeys) == ["11:ASC1079", "13:ASC1918"])
    }

    /// What one request stores in the session a later one reads, key by key; checks spread
    /// over statements (an assignment between them) combine; jobs popped from a Redis list
    /// are outside data.
    @Test func sessionsAndQueues() throws {
        let source = """
        import marshal
        from urllib.parse import urlsplit
        import redis
        from flask import Flask, redirect, request, session
        app = Flask(__name__)

        def same_site(target):
            if not target or "\\\\" in target:
                return "/"
            parts = urlsplit(target)
            if parts.scheme or parts.netloc or not target.startswith("/") or target.startswith("//"):
                return "/"
            return target

        @app.route("/hold")
        def hold():
            session["checked"] = same_site(request.args.get("next", "/"))
            session["raw"] = request.args.get("next", "/")
            return "ok"

        @app.route("/done")
        def done():
            return redirect(session.pop("checked", "/"))

        @app.route("/done2")
        def done2():
            return redirect(session.pop("raw", "/"))

        def worker():
            conn = redis.Redis()
            _, raw = conn.blpop("jobs")
            return marshal.loads(raw)
        """
        #expect(try findings(source, enable: []).map { "\($0.line):\($0.code)" } == ["27:ASC1601", "32:ASC1502"])
    }

    /// A query a helper returns, run by the function calling it: one flaw, reported at the
    /// sink, with the helper's building line on its path.
    @Test func helperBuiltQueryJoinsTheFlow() throws {
        let source = """
        import sqlite3, sys

        def insert_sql(person):
            return (
                "INSERT INTO person (ref, name) VALUES ("
                f"'{person['ref']}', '{person['name']}');"
            )

        def import_people(conn, people):
            statements = [insert_sql(p) for p in people]
            conn.executescript("BEGIN;\\n" + "\\n".join(statements) + "\\nCOMMIT;")

        import_people(sqlite3.connect("x"), [{"ref": sys.argv[1], "name": sys.argv[2]}])
        """
        let found = try findings(source, enable: [])
        #expect(found.map { "\($0.line):\($0.code)" } == ["11:ASC1089"])
        #expect(found.first?.flow.map(\.line) == [13, 5, 11])
        // Without the flow (nothing calls it), the pattern alarm stays in the helper.
        let alone = source.components(separatedBy: "\nimport_people(").first ?? ""
        #expect(try findings(alone, enable: []).map { "\($0.line):\($0.code)" } == ["5:ASC608"])
    }

    /// Models checked where they are made (a pydantic field validator, a dataclass's
    /// `__post_init__`, a property built from checked fields), services given to constructors
    /// (`fetcher: Fetcher`, `client: httpx.Client`), a parser kept in `self.parser`, and
    /// FastAPI dependencies that read nothing of the request.
    @Test func modelsServicesAndDependencies() throws {
        let source = """
        import re, subprocess
        from dataclasses import dataclass
        from urllib.parse import urlsplit
        import httpx
        from fastapi import Depends, FastAPI
        from lxml import etree
        from pydantic import BaseModel, field_validator
        app = FastAPI()
        HOSTS = {"github.com"}
        SERVICES = {"api", "web"}
        REGISTRY = "registry.example.com"

        class Unfurl(BaseModel):
            url: str
            note: str

            @field_validator("url")
            @classmethod
            def known(cls, value):
                parts = urlsplit(value)
                if parts.scheme != "https" or parts.hostname not in HOSTS:
                    raise ValueError("host")
                return value

        @dataclass
        class Ticket:
            service: str
            version: str

            def __post_init__(self):
                if self.service not in SERVICES or not re.fullmatch(r"[0-9.]+", self.version):
                    raise ValueError("ticket")

            @property
            def image(self):
                return f"{REGISTRY}/{self.service}:{self.version}"

        class Fetcher:
            def __init__(self, client: httpx.Client):
                self.client = client
                self.parser = etree.XMLParser(resolve_entities=False, no_network=True)

            def fetch(self, target: str):
                return self.client.get(target, timeout=5)

            def parse(self, blob: bytes):
                return etree.fromstring(blob, parser=self.parser)

        class Builder:
            def __init__(self, fetcher: Fetcher):
                self.fetcher = fetcher

            def build(self, req: Unfurl):
                self.fetcher.parse(req.note.encode())
                return self.fetcher.fetch(req.url)

            def build_note(self, req: Unfurl):
                return self.fetcher.fetch(req.note)

        def get_builder():
            return Builder(Fetcher(httpx.Client()))

        def deploy(ticket: Ticket):
            subprocess.run(["docker", "pull", ticket.image])
            subprocess.run(["docker", "pull", ticket.service])

        @app.post("/unfurl")
        def unfurl(req: Unfurl, builder: Builder = Depends(get_builder)):
            return builder.build(req)

        @app.post("/note")
        def note(req: Unfurl, builder: Builder = Depends(get_builder)):
            return builder.build_note(req)

        @app.post("/deploy")
        def deploy_view(service: str, version: str):
            deploy(Ticket(service, version))
        """
        let pattern = { (source: String) in try self.findings(source, enable: []).map { "\($0.line):\($0.code)" } }
        #expect(try pattern(source) == ["44:ASC1918"])
        let noteless = source.components(separatedBy: "@app.post(\"/note\")")[0] + "@app.post(\"/deploy\")" + source.components(separatedBy: "@app.post(\"/deploy\")")[1]
        #expect(try pattern(noteless) == [])
        #expect(try pattern(noteless.replacingOccurrences(of: " or parts.hostname not in HOSTS", with: "")) == ["44:ASC1918"])
        #expect(try pattern(source.replacingOccurrences(of: "resolve_entities=False, no_network=True", with: "resolve_entities=True"))
            == ["44:ASC1918", "47:ASC1611"])
        // Unchecked, the service is an argument that may start an option; the image, after
        // the registry's fixed `host/`, cannot.
        #expect(try pattern(source.replacingOccurrences(of: "self.service not in SERVICES or not re.fullmatch(r\"[0-9.]+\", self.version)", with: "not self.service"))
            == ["44:ASC1918", "65:ASC1088"])
    }

    /// A host allowed by name or by domain suffix (`host.endswith((".example.com", ...))`,
    /// `host` bound to the parsed URL's host), and a backslash ruled out by `any(...)`: an
    /// `or` proves what each of its parts proves. A suffix without its dot, or no backslash
    /// check, proves nothing.
    @Test func hostSuffixesAndCharacterChecks() throws {
        let source = """
        from urllib.parse import urlsplit
        import requests
        from flask import Flask, redirect, request, url_for
        app = Flask(__name__)
        ALLOWED_HOSTS = {"example.com"}
        ALLOWED_SUFFIXES = (".example.com", ".example.org")

        def source_allowed(url):
            try:
                parts = urlsplit(url)
            except ValueError:
                return False
            host = (parts.hostname or "").lower()
            if parts.scheme != "https" or parts.username:
                return False
            return host in ALLOWED_HOSTS or host.endswith(ALLOWED_SUFFIXES)

        def local_target(value):
            if not value or any(ord(ch) < 0x20 or ch == "\\\\" for ch in value):
                return url_for("index")
            parts = urlsplit(value)
            if parts.scheme or parts.netloc or not value.startswith("/") or value.startswith("//"):
                return url_for("index")
            return value

        @app.route("/preview")
        def preview():
            url = request.args.get("url", "")
            if not source_allowed(url):
                return "no", 400
            return requests.get(url, timeout=5).text

        @app.route("/login")
        def login():
            return redirect(local_target(request.values.get("next")))
        """
        let pattern = { (source: String) in try self.findings(source, enable: []).map { "\($0.line):\($0.code)" } }
        #expect(try pattern(source) == [])
        let loose = source.replacingOccurrences(of: " or host.endswith(ALLOWED_SUFFIXES)", with: " or host.endswith(\"example.com\")")
            .replacingOccurrences(of: " or ch == \"\\\\\"", with: "")
        #expect(try pattern(loose) == ["31:ASC1918", "35:ASC1601"])
    }

    /// A value formatted as a number or a date (`{when:%H:%M}`, `{total:.2f}`) is no text,
    /// and joined with escaped text the whole stays escaped for the caller (a cleaned part is
    /// safe for everything, not for nothing).
    @Test func numberAndDateFormatsAreNoText() throws {
        let source = """
        import html
        from dataclasses import dataclass
        from typing import Optional
        from fastapi import FastAPI, Query
        from fastapi.responses import HTMLResponse
        app = FastAPI()
        STATES = {"operational": "green"}

        @dataclass
        class PageContext:
            org_name: str
            incidents: list
            highlight: Optional[str] = None

        class Renderer:
            def render(self, ctx: PageContext) -> str:
                items = "".join(
                    f'<li class="{STATES.get(i.state, "grey")}">{i.started_at:%H:%M} {html.escape(i.title)}</li>'
                    for i in ctx.incidents
                )
                return f"<ul>{items}</ul>"

        @app.get("/", response_class=HTMLResponse)
        def status_page(component: Optional[str] = Query(None)):
            ctx = PageContext(org_name="Acme", incidents=load_incidents(component), highlight=component)
            page = Renderer().render(ctx)
            return HTMLResponse(content=page)
        """
        let pattern = { (source: String) in try self.findings(source, enable: []).map { "\($0.line):\($0.code)" } }
        #expect(try pattern(source) == [])
        #expect(try pattern(source.replacingOccurrences(of: "{i.started_at:%H:%M}", with: "{i.started_at}")) == ["27:ASC1079"])
        #expect(try pattern(source.replacingOccurrences(of: "{i.started_at:%H:%M}", with: "{i.started_at:>12}")) == ["27:ASC1079"])
    }

    /// A bucket's object keys are whoever wrote the bucket's: dangerous as local paths (one
    /// finding at the write, the directory made for it no second one), safe once reduced to a
    /// base name.
    @Test func bucketKeysAsPaths() throws {
        let source = """
        import os
        import boto3

        def iter_keys(s3, prefix):
            for page in s3.get_paginator("list_objects_v2").paginate(Bucket="scans", Prefix=prefix):
                for item in page.get("Contents", []):
                    yield item["Key"]

        def sync(prefix, dest):
            s3 = boto3.client("s3")
            for key in iter_keys(s3, prefix):
                target = os.path.join(dest, key[len(prefix):])
                os.makedirs(os.path.dirname(target), exist_ok=True)
                s3.download_file("scans", key, target)

        def sync_checked(prefix, dest):
            s3 = boto3.client("s3")
            for key in iter_keys(s3, prefix):
                target = os.path.join(dest, os.path.basename(key))
                s3.download_file("scans", key, target)
        """
        #expect(try findings(source, enable: []).map { "\($0.line):\($0.code)" } == ["14:ASC1022"])
    }

    /// A webhook payload that passed its signature check is its provider's (the URLs it
    /// names too); a URL built for a named route is the site's; a record's database id is a
    /// number. Their twins: no check, a model given its id, the client's URL.
    @Test func signedPayloadsRoutesAndRecordIds() throws {
        let source = """
        import hashlib, hmac, json, logging, os
        import requests
        from pyramid.httpexceptions import HTTPFound
        from pyramid.view import view_config
        from .models import Member
        log = logging.getLogger(__name__)
        SECRET = os.environ["WEBHOOK_SECRET"].encode()

        def verified(headers, body):
            expected = "sha256=" + hmac.new(SECRET, body, hashlib.sha256).hexdigest()
            return hmac.compare_digest(headers.get("x-hub-signature-256", ""), expected)

        def handler(event, context):
            body = event["body"].encode()
            if not verified(event["headers"], body):
                return {"statusCode": 401}
            pr = json.loads(body)["pull_request"]
            return requests.get(pr["url"], timeout=10).status_code

        @view_config(route_name="pay")
        def pay(request):
            member = Member(email=request.params["email"])
            log.info(f"member {member.id} paying")
            return HTTPFound(location=request.route_url("invoice", invoice_id=request.params["id"]))
        """
        let pattern = { (source: String) in try self.findings(source, enable: []).map { "\($0.line):\($0.code)" } }
        #expect(try pattern(source) == [])
        let twins = source.replacingOccurrences(of: "    if not verified(event[\"headers\"], body):", with: "    if not event[\"headers\"]:")
            .replacingOccurrences(of: "Member(email=request.params[\"email\"])", with: "Member(id=request.params[\"email\"])")
            .replacingOccurrences(of: "request.route_url(\"invoice\", invoice_id=request.params[\"id\"])", with: "request.params[\"next\"]")
        #expect(try pattern(twins) == ["18:ASC1918", "23:ASC1117", "24:ASC1601"])
    }

    /// An upload saved to a path joined from its client-chosen name (through a name); a
    /// pattern a fetched document supplies compiled as a regular expression.
    @Test func uploadsSavedThroughANameAndFetchedPatterns() throws {
        let source = """
        import os, re
        import requests
        from flask import Flask, request
        from werkzeug.utils import secure_filename
        app = Flask(__name__)

        @app.post("/roster")
        def roster():
            upload = request.files["roster"]
            dest = os.path.join("/srv/rosters", upload.filename)
            upload.save(dest)
            target = os.path.join("/srv/rosters", secure_filename(upload.filename))
            upload.save(target)
            return "ok"

        def repo_rules(url):
            config = requests.get(url, timeout=10).json()
            return [re.compile(rule["pattern"]) for rule in config["rules"]]

        def repo_phrases(url):
            config = requests.get(url, timeout=10).json()
            return [re.compile(re.escape(rule["pattern"])) for rule in config["rules"]]
        """
        #expect(try findings(source).map { "\($0.line):\($0.code)" } == ["11:ASC1022", "18:ASC1333"])
    }

    /// Inside `if ok: return x`, the earlier early exits' tests were false too (a backslash
    /// check, then no scheme, no host part and a leading "/"); a static method called on
    /// `self` takes its arguments from the first; `secure_filename` leaves nothing for a
    /// header; a formatted time is digits. Twins: no backslash check, no `secure_filename`.
    @Test func earlierExitsInsideLaterChecks() throws {
        let source = """
        import time
        from urllib.parse import urlsplit
        import ldap3
        from flask import Flask, make_response, request
        from starlette.responses import RedirectResponse
        from werkzeug.utils import secure_filename
        app = Flask(__name__)

        def login_target(request):
            next_url = request.query_params.get("next", "/")
            parts = urlsplit(next_url)
            if "\\\\" in next_url:
                return "/"
            if not parts.scheme and not parts.netloc and next_url.startswith("/"):
                return next_url
            return "/"

        async def login(request):
            return RedirectResponse(login_target(request), status_code=303)

        class Directory:
            @staticmethod
            def build_filter(field, value):
                return f"(&({field}={value}))"

            def search(self, conn, field, value):
                return conn.search("dc=x", self.build_filter(field, value))

        directory = Directory()

        @app.route("/find")
        def find():
            return str(directory.search(ldap3.Connection("ldap://x"), "uid", request.args["q"]))

        @app.route("/doc")
        def doc():
            resp = make_response("...")
            label = secure_filename(request.args.get("label", "doc"))
            resp.headers["Content-Disposition"] = f'attachment; filename="{label}"'
            resp.headers["X-Generated"] = time.strftime("%H:%M", time.localtime(float(request.args.get("t", "0"))))
            return resp
        """
        let pattern = { (source: String) in try self.findings(source, enable: []).map { "\($0.line):\($0.code)" } }
        #expect(try pattern(source) == ["27:ASC1090"])
        let twins = source.replacingOccurrences(of: "    if \"\\\\\" in next_url:", with: "    if not next_url:")
            .replacingOccurrences(of: "secure_filename(request.args.get(\"label\", \"doc\"))", with: "request.args.get(\"label\", \"doc\")")
        #expect(try pattern(twins) == ["19:ASC1601", "27:ASC1090", "39:ASC1113"])
    }

    /// What the review of stop 17 found untested: a returned attribute keeps its sanitiser
    /// (`query.to_filter()` on a parameter declared as the dataclass), a parser a method of the
    /// class makes, tables of tuples unpacked and own methods' returns in pattern rules, a
    /// response's `status`, formatted times, FastAPI's `{z:int}`; a view's session holds only
    /// what a request stored in it; a validator's early exit written as an `or`.
    @Test func reviewedShapes() throws {
        let source = """
        import logging, sqlite3, time, io
        from dataclasses import dataclass
        from typing import Optional
        import defusedxml.sax
        import ldap3
        from fastapi import FastAPI
        from flask import Flask, request
        from ldap3.utils.conv import escape_filter_chars
        log = logging.getLogger(__name__)
        app = Flask(__name__)
        api = FastAPI()
        ORDERINGS = {"newest": ("created", "DESC"), "oldest": ("created", "ASC")}

        @dataclass
        class PersonQuery:
            name: Optional[str] = None

            def to_filter(self):
                return "(cn=" + escape_filter_chars(self.name) + ")"

        class Directory:
            def search(self, conn, query: PersonQuery):
                return conn.search("dc=x", query.to_filter())

        class FeedParser:
            def _parser(self):
                return defusedxml.sax.make_parser()

            def parse(self, document):
                parser = self._parser()
                parser.parse(io.BytesIO(document))

        class Repo:
            def _order(self, key):
                column, direction = ORDERINGS[key]
                return f"ORDER BY {column} {direction}"

            def list(self, conn, key):
                return conn.execute("SELECT id, title FROM notes " + self._order(key))

        @app.route("/people")
        def people():
            return str(Directory().search(ldap3.Connection("ldap://x"), PersonQuery(name=request.args["q"])))

        @app.post("/feed")
        def feed():
            FeedParser().parse(request.get_data())
            return "ok"

        @app.post("/ingest")
        async def ingest(http):
            async with http.post("https://ingest.example/api", json=request.get_json()) as resp:
                log.warning("ingest answered %s at %s", resp.status, time.strftime("%H:%M", time.localtime(float(request.args["t"]))))

        @api.get("/tiles/{z:int}")
        def tile(z):
            return open("/srv/tiles/" + str(z)).read()
        """
        let pattern = { (source: String) in try self.findings(source, enable: []).map { "\($0.line):\($0.code)" } }
        #expect(try pattern(source) == [])
        #expect(try pattern(source.replacingOccurrences(of: "\"(cn=\" + escape_filter_chars(self.name) + \")\"", with: "\"(cn=\" + self.name + \")\"")) == ["23:ASC1090"])
        // The method's parser turned external entities on: two lines longer, the parse now at 33.
        let entities = source.replacingOccurrences(of: "import defusedxml.sax", with: "import defusedxml.sax, xml.sax")
            .replacingOccurrences(of: "        return defusedxml.sax.make_parser()",
                                  with: "        parser = xml.sax.make_parser()\n        parser.setFeature(xml.sax.handler.feature_external_ges, True)\n        return parser")
        #expect(try pattern(entities) == ["33:ASC1611"])
        #expect(try pattern(source.replacingOccurrences(of: "\"oldest\": (\"created\", \"ASC\")", with: "\"oldest\": (input(), \"ASC\")")) == ["39:ASC1089"])
        #expect(try pattern(source.replacingOccurrences(of: "resp.status, time.strftime", with: "resp.headers, time.strftime")) == ["53:ASC1117"])
        #expect(try pattern(source.replacingOccurrences(of: "time.strftime(\"%H:%M\", time.localtime(float(request.args[\"t\"])))", with: "request.args[\"t\"]")) == ["53:ASC1117"])
        #expect(try pattern(source.replacingOccurrences(of: "\"/tiles/{z:int}\"", with: "\"/tiles/{z}\"")) == ["57:ASC1022"])
        let sessions = """
        from django.http import HttpResponseRedirect

        def start(request):
            request.session["next"] = request.GET["next"]
            request.session["lang"] = "en"
            return HttpResponseRedirect("/login")

        def finish(request):
            return HttpResponseRedirect(request.session.get("lang", "/"))

        def finish_next(request):
            return HttpResponseRedirect(request.session.get("next", "/"))
        """
        #expect(try pattern(sessions) == ["12:ASC1601"])
        let validator = """
        from urllib.parse import urlparse
        from flask import Flask, redirect, request, url_for
        app = Flask(__name__)

        def is_local_url(target):
            if not target or "\\\\" in target or not target.isprintable():
                return False
            parsed = urlparse(target)
            return not parsed.scheme and not parsed.netloc and target.startswith("/") and not target.startswith("//")

        @app.route("/login")
        def login():
            destination = request.args.get("next")
            if not is_local_url(destination):
                destination = url_for("index")
            return redirect(destination)
        """
        #expect(try pattern(validator) == [])
        #expect(try pattern(validator.replacingOccurrences(of: " or \"\\\\\" in target", with: "")) == ["16:ASC1601"])
    }

    /// Callees are analysed when a call hands them untrusted data: through chains of helpers,
    /// a constructor and the method reading what it stored, and calls at the top level made
    /// with what a helper returned.
    @Test func calleesAnalysedOnDemand() throws {
        let source = """
        import os, sys
        import pandas as pd
        from flask import Flask, request
        app = Flask(__name__)

        def shell(command):
            os.system(command)

        def runner(command):
            shell("nice " + command)

        class Job:
            def __init__(self, target):
                self.target = target

            def run(self):
                os.system("make " + self.target)

        def arguments():
            return sys.argv[1:]

        def main():
            runner(sys.argv[1])
            Job(sys.argv[2]).run()

        @app.post("/preview")
        def preview():
            frame = pd.read_csv(request.files["data"])
            return f"<p>{frame.shape[0]} rows</p>"

        ARGS = arguments()
        runner(ARGS[0])
        """
        let found = try findings(source).map { "\($0.line):\($0.code)" }
        #expect(found == ["7:ASC1078", "17:ASC1078"])
        // The top level's call is what reaches the sink once `main` stops calling.
        let topLevelOnly = source.replacingOccurrences(of: "    runner(sys.argv[1])\n", with: "")
            .replacingOccurrences(of: "    Job(sys.argv[2]).run()\n", with: "    pass\n")
        #expect(try findings(topLevelOnly).map { "\($0.line):\($0.code)" } == ["7:ASC1078"])
        #expect(try findings(source.replacingOccurrences(of: "frame.shape[0]", with: "frame.columns[0]")).map { "\($0.line):\($0.code)" }
            == ["7:ASC1078", "17:ASC1078", "29:ASC1079"])
    }

    /// Source names that read nothing where they stand do not make a function a root of the
    /// analysis.
    @Test func inertSourceNames() {
        func inert(_ text: String, _ word: String) -> Bool {
            let bytes = Array(text.utf8)
            let position = text.range(of: word).map { text.utf8.distance(from: text.utf8.startIndex, to: $0.lowerBound) } ?? 0
            return TaintEngine.isInertSourceWord(at: position, in: bytes)
        }
        #expect(!inert("name = input('name? ')", "input"))
        #expect(!inert("name = input ('name? ')", "input"))
        #expect(inert("data = self.input", "input"))
        #expect(inert("def input(self, prompt):", "input"))
        #expect(inert("subprocess.run(cmd, input=data)", "input"))
        #expect(inert("urllib.request.urlopen(url)", "request"))
        #expect(!inert("from urllib import request", "request"))
        #expect(!inert("name = request.args['n']", "request"))
        #expect(inert("with open(path, 'w') as f:", "open"))
        #expect(inert("with open(os.path.join(a, 'r'), mode=\"ab\") as f:", "open"))
        #expect(!inert("with open(path, 'w+') as f:", "open"))
        #expect(!inert("with open(path, 'rb') as f:", "open"))
        #expect(!inert("with open(path) as f:", "open"))
        #expect(!inert("with open('a') as f:", "open"))
        #expect(!inert("opener = open", "open"))
    }

    /// A client made where none was given, an instance kept in the application's registry,
    /// and the peer's address of a Starlette request.
    @Test func registryInstancesAndDefaultClients() throws {
        let source = """
        import logging, os
        import requests
        from aiohttp import web
        from fastapi import FastAPI, Request
        log = logging.getLogger(__name__)
        api = FastAPI()

        class Fetcher:
            def __init__(self, session=None):
                self.session = session or requests.Session()

            def fetch(self, target):
                return self.session.get(target, timeout=5).text

        class Locator:
            def __init__(self, root):
                self.root = root

            def locate(self, name):
                base = os.path.realpath(self.root)
                candidate = os.path.realpath(os.path.join(base, name))
                if os.path.commonpath([base, candidate]) != base:
                    return None
                return candidate

        fetcher = Fetcher()

        async def preview(request):
            return web.Response(text=fetcher.fetch((await request.json())["url"]))

        async def download(request):
            return web.FileResponse(request.app["locator"].locate(request.query["file"]))

        @api.post("/login")
        def login(request: Request):
            log.info("login from %s", request.client.host)

        def build():
            app = web.Application()
            app["locator"] = Locator("/srv/reports")
            app.router.add_get("/preview", preview)
            app.router.add_get("/download", download)
            return app
        """
        let found = { (source: String) in try self.findings(source).map { "\($0.line):\($0.code)" } }
        #expect(try found(source) == ["13:ASC1918"])
        #expect(try found(source.replacingOccurrences(of: "if os.path.commonpath([base, candidate]) != base:", with: "if not candidate:"))
            == ["13:ASC1918", "32:ASC1022"])
        #expect(try found(source.replacingOccurrences(of: "request.client.host", with: "request.headers[\"x-user\"]")) == ["13:ASC1918", "36:ASC1117"])
    }

    /// An instance handed to a helper is followed attribute by attribute: the helper's summary
    /// says which attributes of its parameter reach a sink (read directly, through a method or
    /// a property), and the caller judges those attributes of the instance it made.
    @Test func instancesPassedAttributeByAttribute() throws {
        let source = """
        import os
        from flask import Flask, request
        from sqlalchemy import text
        app = Flask(__name__)
        SORTS = {"revenue": "revenue", "units": "units"}

        class Spec:
            def __init__(self, args):
                self.region = args.get("region", "EMEA")
                self.sort = SORTS.get(args.get("sort", ""), "revenue")

            def to_sql(self):
                return f"SELECT * FROM sales WHERE region = :region ORDER BY {self.sort}"

            @property
            def label(self):
                return "report-" + self.sort

        def run(conn, spec):
            return conn.execute(text(spec.to_sql()), {"region": spec.region})

        def archive(spec):
            os.system("gzip /srv/" + spec.label)

        @app.get("/sales")
        def sales(conn):
            spec = Spec(request.args)
            archive(spec)
            return run(conn, spec)
        """
        let found = { (source: String) in try self.findings(source).map { "\($0.line):\($0.code)" } }
        #expect(try found(source) == [])
        #expect(try found(source.replacingOccurrences(of: "ORDER BY {self.sort}", with: "ORDER BY {self.region}")) == ["20:ASC1089"])
        #expect(try found(source.replacingOccurrences(of: "return \"report-\" + self.sort", with: "return \"report-\" + self.region")) == ["23:ASC1078"])
        #expect(try found(source.replacingOccurrences(of: "\"gzip /srv/\" + spec.label", with: "\"gzip /srv/\" + spec.region")) == ["23:ASC1078"])
        // Not every call passes a `Spec`: the whole argument stands for its attributes, as before.
        #expect(try found(source + "\ndef other(conn):\n    return run(conn, request.args)\n") == ["20:ASC1089"])
    }

    /// A command list a helper returns (alone, or in a tuple) names its program there: a fixed
    /// one leaves only the arguments to judge.
    @Test func commandListsReturnedByHelpers() throws {
        let source = """
        import subprocess
        from flask import Flask, request
        app = Flask(__name__)

        class Job:
            def __init__(self, label):
                self.label = label

            def build(self):
                cmd = ["wkhtmltopdf", "--quiet", "/srv/in.html", "/srv/" + self.label]
                return cmd, "/srv/" + self.label

        def convert(name):
            return ["convert", name, "out.png"]

        @app.post("/x")
        def x():
            cmd, dest = Job(request.form["label"]).build()
            subprocess.run(cmd, check=True)
            subprocess.run(convert(request.form["n"]))
            args = convert(request.form["m"])
            subprocess.run(args)
            return dest
        """
        let found = { (source: String) in try self.findings(source, enable: ["ASC1078"]).map { "\($0.line):\($0.code)" } }
        #expect(try found(source) == [])
        #expect(try found(source.replacingOccurrences(of: "return [\"convert\", name, \"out.png\"]", with: "return [name, \"out.png\"]"))
            == ["20:ASC1078", "22:ASC1078"])
        #expect(try found(source.replacingOccurrences(of: "cmd = [\"wkhtmltopdf\",", with: "cmd = [self.label,")) == ["19:ASC1078"])
        #expect(try found(source.replacingOccurrences(of: "subprocess.run(cmd, check=True)", with: "subprocess.run(\" \".join(cmd), shell=True)")) == ["19:ASC1078"])
        // The arguments: `name` may start with a dash, unless `--` comes first.
        let arguments = { (source: String) in try self.findings(source, enable: ["ASC1088"]).map { "\($0.line):\($0.code)" } }
        #expect(try arguments(source) == ["20:ASC1088", "22:ASC1088"])
        #expect(try arguments(source.replacingOccurrences(of: "[\"convert\", name,", with: "[\"convert\", \"--\", name,")) == [])
    }

    /// A helper whose parameter arrives at a sink made safe explains the pattern alarm there
    /// away, whatever callers pass; a signature check made with MD5 proves nothing.
    @Test func parametersMadeSafeAndWeakSignatures() throws {
        let source = """
        import base64, hashlib, hmac, os, pickle, re, subprocess
        from flask import Flask, request
        app = Flask(__name__)
        NAME = re.compile(r"[a-z0-9-]+")
        KEY = os.environ["KEY"].encode()

        def restart(service):
            if not NAME.fullmatch(service):
                raise ValueError("name")
            subprocess.run(f"systemctl restart {service}", shell=True)

        def decode(envelope):
            payload = base64.b64decode(envelope["payload"])
            expected = hmac.new(KEY, payload, "sha256").hexdigest()
            if not hmac.compare_digest(expected, envelope["sig"]):
                raise ValueError("signature")
            return pickle.loads(payload)

        @app.post("/restart")
        def view():
            restart(request.form["service"])
            return str(decode(request.get_json()))
        """
        let found = { (source: String) in try self.findings(source, enable: []).map { "\($0.line):\($0.code)" } }
        #expect(try found(source).filter { !$0.hasSuffix("ASC403") } == [])
        #expect(try found(source.replacingOccurrences(of: "    if not NAME.fullmatch(service):\n        raise ValueError(\"name\")\n", with: ""))
            .filter { !$0.hasSuffix("ASC403") } == ["8:ASC1078"])
        #expect(try found(source.replacingOccurrences(of: "hmac.new(KEY, payload, \"sha256\")", with: "hashlib.md5(KEY + payload)"))
            .filter { !$0.hasSuffix("ASC403") && !$0.hasSuffix("ASC324") } == ["17:ASC1502"])
    }

    /// A pydantic field constrained by a pattern matching the whole value is checked, `name`
    /// field included (an upload's `.name` is the client's text; a model's is the model's).
    @Test func pydanticFieldPatterns() throws {
        let source = """
        import os
        from typing import Annotated
        from fastapi import FastAPI
        from pydantic import BaseModel, Field, constr
        app = FastAPI()

        class Export(BaseModel):
            name: str = Field(pattern=r"^[A-Za-z0-9_-]{1,64}$")
            label: constr(regex=r"^[a-z]+$")
            tag: Annotated[str, Field(pattern=r"^[a-z]+$")]

        @app.post("/exports")
        def export(req: Export):
            open(os.path.join("/srv/exports", f"{req.name}-{req.label}-{req.tag}.tmx"), "w").close()
        """
        let found = { (source: String) in try self.findings(source).map { "\($0.line):\($0.code)" } }
        #expect(try found(source) == [])
        #expect(try found(source.replacingOccurrences(of: "Field(pattern=r\"^[A-Za-z0-9_-]{1,64}$\")", with: "Field(pattern=r\"[A-Za-z0-9_-]\")")) == ["14:ASC1022"])
        #expect(try found(source.replacingOccurrences(of: "constr(regex=r\"^[a-z]+$\")", with: "str")) == ["14:ASC1022"])
        #expect(try found(source.replacingOccurrences(of: "Annotated[str, Field(pattern=r\"^[a-z]+$\")]", with: "str")) == ["14:ASC1022"])
    }

    /// A method called with untrusted data on an object no binding shows (a context manager's)
    /// is analysed when it is the file's only method of that name: what it proves at its sinks
    /// explains their pattern alarms away.
    @Test func methodsOfUnknownReceiversAnalysedByName() throws {
        let source = """
        import re
        from contextlib import contextmanager
        import paramiko
        from flask import Flask, request
        app = Flask(__name__)
        VEHICLE = re.compile(r"[A-Z0-9]{2,6}-[0-9]{3,6}")

        class Gateway:
            def __init__(self):
                self.ssh = paramiko.SSHClient()

            def tail(self, vehicle):
                if not VEHICLE.fullmatch(vehicle):
                    raise ValueError("vehicle")
                return self.ssh.exec_command(f"tail -n 50 /var/log/obd/{vehicle}.log")

        @contextmanager
        def gateway():
            yield Gateway()

        @app.get("/log")
        def log():
            with gateway() as gw:
                return str(gw.tail(request.args["vehicle"]))
        """
        let found = { (source: String) in try self.findings(source, enable: []).map { "\($0.line):\($0.code)" } }
        #expect(try found(source) == [])
        #expect(try found(source.replacingOccurrences(of: "        if not VEHICLE.fullmatch(vehicle):\n            raise ValueError(\"vehicle\")\n", with: ""))
            == ["13:ASC601"])
    }

    /// A shelf the operator's settings place is configuration: neither the flow nor the
    /// pattern rule reports it; one a request names is reported.
    @Test func shelvesWhereTheOperatorPutsThem() throws {
        let source = """
        import os, shelve
        from flask import Flask, request
        app = Flask(__name__)
        CACHE = os.path.join(os.environ.get("XDG_CACHE_HOME", "/var/cache"), "app")

        @app.get("/cached")
        def cached():
            with shelve.open(CACHE) as shelf:
                return str(shelf.get(request.args["key"]))
        """
        let found = { (source: String) in try self.findings(source, enable: []).map { "\($0.line):\($0.code)" } }
        #expect(try found(source) == [])
        #expect(try found(source.replacingOccurrences(of: "shelve.open(CACHE)", with: "shelve.open(request.args[\"shelf\"])")) == ["8:ASC1502"])
    }

    /// A datagram's sender address is the network's, and a record looked up by a key holds
    /// the database's data, not the key.
    @Test func senderAddressesAndLookedUpRecords() throws {
        let source = """
        import logging, socket
        from django.shortcuts import get_object_or_404
        from .models import Permit
        log = logging.getLogger(__name__)

        def serve(sock):
            data, addr = sock.recvfrom(512)
            log.info("datagram from %s", addr[0])

        def renew(request, permit_ref):
            permit = get_object_or_404(Permit, reference=permit_ref)
            log.info("renewed until %s", permit.valid_until)
        """
        let found = { (source: String) in try self.findings(source).map { "\($0.line):\($0.code)" } }
        #expect(try found(source) == [])
        #expect(try found(source.replacingOccurrences(of: "addr[0])", with: "data)")) == ["8:ASC1117"])
        #expect(try found(source.replacingOccurrences(of: "permit.valid_until)", with: "permit_ref)")) == ["12:ASC1117"])
        // A view's `permit_id` is what its URLconf converted (`<int:permit_id>`): a number.
        #expect(try found(source.replacingOccurrences(of: "permit_ref", with: "permit_id")
            .replacingOccurrences(of: "permit.valid_until)", with: "permit_id)")) == [])
    }

    /// A constructor storing an attribute of an instance it is given keeps it whole (its summary
    /// records stores by parameter), and a method's returned tuple carries the attributes it
    /// returns in each position.
    @Test func storedAndTupledAttributesOfPassedInstances() throws {
        let source = """
        import os
        from flask import Flask, request
        app = Flask(__name__)

        class Spec:
            def __init__(self, region):
                self.region = region

        class Job:
            def __init__(self, spec):
                self.target = spec.region

            def run(self):
                os.system("sync " + self.target)

        class Query:
            def __init__(self, term):
                self.term = term

            def parts(self):
                return "SELECT id FROM t WHERE name = '" + self.term + "'", ()

        @app.post("/sync")
        def sync(conn):
            Job(Spec(request.form["region"])).run()
            sql, params = Query(request.form["q"]).parts()
            return str(conn.execute(sql, params))
        """
        let found = { (source: String) in try self.findings(source).map { "\($0.line):\($0.code)" } }
        #expect(try found(source) == ["14:ASC1078", "27:ASC1089"])
        #expect(try found(source.replacingOccurrences(of: "Spec(request.form[\"region\"])", with: "Spec(\"eu\")")) == ["27:ASC1089"])
    }
}
