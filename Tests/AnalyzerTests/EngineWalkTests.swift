@testable import Analyzer
import PythonSyntax
import Testing

/// How the engine's single walk hands nodes to rules: the statement and scope a finding
/// belongs to, and the rules it leaves out of a file.
@Suite("Engine walk")
struct EngineWalkTests {
    func findings(_ source: String, enable: [String]) throws -> [Finding] {
        let parsed = try PythonSyntax.parse(Array(source.utf8), filename: "t.py")
        return AnalysisEngine(configuration: AnalyzerConfiguration(enable: enable)).analyze(parsed, file: "t.py")
    }

    /// Decorators come after the body in the tree's field order; their findings still belong
    /// to the decorated function's statement and scope, not to the last statement of its body.
    @Test func decoratorFindingsBelongToTheirFunction() throws {
        let source = """
        class Service:
            @app.run(host="0.0.0.0")
            def serve(self):  # nosec B104
                def inner():
                    pass
                return inner

            @app.run(host="0.0.0.0")
            def other(self):
                def inner():
                    pass
                return inner
        """
        let found = try findings(source, enable: ["ASC104"])
        #expect(found.map(\.line) == [2, 8])
        #expect(found.map(\.scope) == ["Service.serve", "Service.other"])
        #expect(found.map(\.suppressed) == [true, false])
    }

    /// Past the walk's recursion limit a subtree is walked from a stack: what lies there is
    /// still found, with its statement (for `# nosec`) and scope, and nothing is found twice.
    @Test func nodesDeepInATreeKeepTheirStatementAndScope() throws {
        // `1 + eval(a) + 1 + 1 …` is `((1 + eval(a)) + 1) + …`: the call is 800 levels down.
        let chain = Array(repeating: "1", count: 800).joined(separator: " + ")
        let source = """
        def outer():
            def inner(a):
                x = (1 +  # nosec B307
                     eval(a) + \(chain))
                return x
            return inner

        def plain(a):
            return eval(a) + \(chain) + eval(a)
        """
        let found = try findings(source, enable: [])
        #expect(found.map(\.line) == [4, 9, 9])
        #expect(found.map(\.scope) == ["outer.inner", "plain", "plain"])
        #expect(found.map(\.suppressed) == [true, false, false])
    }

    /// An except handler sits after the try body: it belongs to the try statement's scope.
    @Test func handlerAfterAClassBelongsToTheModule() throws {
        let source = """
        try:
            class Fruit:
                TOMATO = 1
        except Exception:
            pass
        """
        let found = try findings(source, enable: ["ASC110"])
        #expect(found.count == 1)
        #expect(found.first?.scope == nil)
    }

    /// A rule that needs a name is skipped on files without it, but not on a file that may
    /// spell it with compatibility characters (Python reads `ｐam_authenticate` as
    /// `pam_authenticate`).
    @Test func ruleNeedingANameSeesCompatibilitySpellings() throws {
        let plain = """
        def login(handle):
            handle.pam_authenticate()
        """
        let fullWidth = """
        def login(handle):
            handle.\u{FF50}am_authenticate()
        """
        let other = """
        def login(handle):
            handle.authenticate()
        """
        #expect(try findings(plain, enable: ["ASC2285"]).map(\.line) == [2])
        #expect(try findings(fullWidth, enable: ["ASC2285"]).map(\.line) == [2])
        #expect(try findings(other, enable: ["ASC2285"]).isEmpty)
        func present(_ names: [String], _ text: String) throws -> [Bool] {
            NameIndex(names).present(in: try PythonSyntax.parse(Array(text.utf8), filename: "t.py"))
        }
        let nonASCIIText = "def login(handle):\n    handle.authenticate(\"\u{FF50}am\")\n"
        #expect(try present(["pam_authenticate", "login"], other) == [false, true])
        #expect(try present(["pam_authenticate"], nonASCIIText) == [false])
        #expect(try present(["pam_authenticate", "nowhere"], fullWidth) == [true, true])
        #expect(try present(["open", "reopen", "pen"], "opener = reopen(open_)\nx = open\n") == [true, true, false])
        #expect(try present(["open"], "opener = reopen(open_)\n") == [false])
        // Names sharing a first byte, of other lengths; one longer than the length filter's 63.
        let long = "o" + String(repeating: "x", count: 70)
        #expect(try present(["op", "opens", long, "o" + String(repeating: "x", count: 69)], "x = opens + \(long)\n")
                == [false, true, true, false])
    }

    /// A rule matching names of a module is skipped where the module is not imported, and
    /// still sees it through aliases.
    @Test func ruleNeedingAnImportSeesAliases() throws {
        let aliased = "from ssl import PROTOCOL_SSLv3 as OLD\nimport ssl as s\nctx = s.SSLContext(OLD)\n"
        let unimported = "PROTOCOL_SSLv3 = 2\nctx = SSLContext(PROTOCOL_SSLv3)\n"
        #expect(try findings(aliased, enable: ["ASC502"]).map(\.line) == [3])
        #expect(try findings(unimported, enable: ["ASC502"]).isEmpty)
    }

    /// A star import or a later rebinding of the name still counts as importing the module.
    @Test func starImportsAndRebindingsStillImport() throws {
        let star = "from telnetlib import *\n"
        let rebound = "import os\nimport telnetlib\ntelnetlib = os.path\n"
        let obsolete = "from imp import *\n"
        #expect(try findings(star, enable: ["ASC401"]).map(\.line) == [1])
        #expect(try findings(rebound, enable: ["ASC401"]).map(\.line) == [2])
        #expect(try findings(obsolete, enable: ["ASC2477"]).map(\.line) == [1])
        // A name a star import brings in, used as a module (`DES.new`), is that module's; one
        // the file defines itself, or a bare builtin call, is not.
        let cipher = "from Crypto.Cipher import *\n\ndef seal(key, data):\n    return DES.new(key).encrypt(data)\n"
        #expect(try findings(cipher, enable: ["ASC304"]).map(\.line) == [4])
        let own = "from Crypto.Cipher import *\n\nclass DES:\n    pass\n\nDES.new(b\"k\")\n"
        #expect(try findings(own, enable: ["ASC304"]).isEmpty)
        let builtin = "from tkinter import *\nexec(code)\n"
        #expect(try findings(builtin, enable: ["ASC102"]).map(\.line) == [2])
    }

    /// A rule reading the file's text runs once per file, statements or not (a file of comments
    /// only was never looked at when the rule waited for the first statement).
    @Test func sourceRulesSeeFilesWithoutStatements() throws {
        let onlyComments = "# note \u{202E} reversed\n# more\n"
        let found = try findings(onlyComments, enable: ["ASC613"])
        #expect(found.map(\.line) == [1])
        let twoStatements = "x = 1\ny = \"\u{2067}\"\n"
        #expect(try findings(twoStatements, enable: ["ASC613"]).map(\.line) == [2])
    }

    /// The engine resolves a call's name only when a call rule could match it; a call of a
    /// call's result (`requests.session()(...)`, named `requests.session()`) can still match a
    /// rule asking for a prefix.
    @Test func callOfACallStillMeetsPrefixRules() throws {
        let source = "import requests\nrequests.session()(\"https://x\", verify=False)\nrequests.get(\"https://x\", verify=False)\n"
        #expect(try findings(source, enable: ["ASC501"]).map(\.line) == [2, 3])
    }

    /// A rule that stops looking inside a node (a comparison) still sees what follows it.
    @Test func skippedNodesEndWhereTheirRangeEnds() throws {
        let source = """
        if host == "0.0.0.0" and bind("0.0.0.0"):
            pass
        serve("0.0.0.0")
        """
        let found = try findings(source, enable: ["ASC104"])
        #expect(found.map(\.line) == [1, 3])
        #expect(found.map(\.column) == [31, 7])
    }

    /// What the code says a value is for sets the severity of B311 and B324: a secret (medium),
    /// unstated (low), or a stated purpose that needs none (nothing).
    @Test func purposeSetsRandomAndHashSeverity() throws {
        let random = """
        import random
        def reset_token():
            return "".join(random.choice(ALPHABET) for _ in range(32))
        def pick(items):
            return random.choice(items)
        def jitter():
            return random.uniform(0, 1)
        def make_password(chars):
            random.shuffle(chars)
        def getSessionID():
            return random.getrandbits(64)
        def shuffle_keys(keys):
            random.shuffle(keys)
        """
        // Words, not substrings: `keys` holds no key.
        let found = try findings(random, enable: ["B311"])
        // `pick` draws from data, not an alphabet, and names no secret: nothing.
        #expect(found.map { "\($0.line):\($0.severity)" } == ["3:medium", "9:medium", "11:medium"])
        let hashes = """
        import hashlib
        def store_password(password):
            return hashlib.md5(password.encode()).hexdigest()
        def digest(data):
            return hashlib.md5(data).hexdigest()
        def cache_key(url):
            return hashlib.md5(url.encode()).hexdigest()
        def etag_for_session(session):
            return hashlib.sha1(session).hexdigest()
        """
        // A stated purpose yields to a secret named beside it (the session's ETag).
        let hashed = try findings(hashes, enable: ["B324"])
        #expect(hashed.map { "\($0.line):\($0.severity)" } == ["3:medium", "5:low", "9:medium"])
    }

    /// A command line whose spliced values are all `shlex.quote`d (or numbers) is no injection:
    /// low, where one splicing a raw value is high; numbers in SQL are no injection either.
    @Test func quotedAndNumericSplicesAreHarmless() throws {
        let shell = """
        import os, shlex, subprocess
        def count(path, pattern, n):
            cmd = f"zcat {shlex.quote(path)} | grep -m {int(n)} -- {shlex.quote(pattern)}"
            subprocess.run(cmd, shell=True)
            os.system("wc -l " + shlex.quote(path))
            os.system("wc -l " + path)
        """
        let found = try findings(shell, enable: ["B602", "B605"])
        #expect(found.map { "\($0.line):\($0.severity)" } == ["4:low", "5:low", "6:high"])
        let sql = """
        def page(conn, q):
            limit = int(q["limit"])
            limit = max(1, min(limit, 500))
            order = q["order"]
            conn.execute(f"SELECT * FROM t LIMIT {limit}")
            conn.execute(f"SELECT * FROM t ORDER BY {order} LIMIT {limit}")
        """
        #expect(try findings(sql, enable: ["B608"]).map(\.line) == [6])
    }

    /// A parameter is fixed text when every call in the file passes fixed text for it; one call
    /// with anything else, a spread `*args`, a callback use or a rebinding, and it is not (a
    /// constant command is still reported, at low severity).
    @Test func parametersAreJudgedByEveryCallInTheFile() throws {
        func lines(_ source: String) throws -> [Int] { try findings(source, enable: ["B605"]).filter { $0.severity > .low }.map(\.line) }
        let fixed = """
        import os
        RESTART = "systemctl restart web"
        def run(host, command, flags="-q"):
            os.system(command)
            os.system("ssh " + flags)
        class Deployer:
            def go(self, command):
                os.system(command)
        run("a", "uptime")
        run("b", command=RESTART)
        Deployer().go("df -h")
        """
        #expect(try lines(fixed) == [])
        // One caller passes input: both the helper's sink and nothing else are reported.
        #expect(try lines(fixed + "\n" + "run(\"c\", input())\n") == [4])
        #expect(try lines(fixed + "\n" + "run(\"c\", \"ls\", input())\n") == [5])
        #expect(try lines(fixed + "\n" + "Deployer().go(input())\n") == [8])
        #expect(try lines(fixed + "\n" + "args = [\"c\", input()]\nrun(*args)\n") == [4, 5])
        #expect(try lines(fixed + "\n" + "import threading\nthreading.Thread(target=run, args=(\"c\", input()))\n") == [4, 5])
        // A loop variable over fixed texts, in a helper's call too.
        let loop = """
        import os, shlex
        STEPS = ["git fetch", "git gc"]
        def run(command):
            os.system(command)
        def deploy(ref):
            for step in STEPS:
                run(step)
            for step in ["make", f"git checkout {shlex.quote(ref)}"]:
                run(step)
            for name in os.listdir("."):
                os.system(name)
        """
        #expect(try lines(loop) == [11])
        // Checked against an allow-list with an early exit first, unless rebound after.
        let listed = """
        import os
        TOOLS = {"uptime", "df"}
        def run(tool, other):
            if tool not in TOOLS:
                raise SystemExit("unknown tool")
            os.system(tool)
            if other not in TOOLS:
                print("not listed")
            os.system(other)
            tool = tool + other
            os.system(tool)
        """
        #expect(try lines(listed) == [9, 11])
        // An attribute only the constructor sets, from what every construction passes.
        let constructed = """
        import os
        class Job:
            def __init__(self, command, extra):
                self.command = command
                self.extra = extra
            def start(self):
                os.system(self.command)
                os.system(self.extra)
        Job("uptime", input()).start()
        """
        #expect(try lines(constructed) == [8])
        // Never called here: a caller elsewhere may pass anything.
        #expect(try lines("import os\ndef run(command):\n    os.system(command)\n") == [3])
        // Rebound inside: the value used is not the one passed.
        #expect(try lines("import os\ndef run(command):\n    command = command + input()\n    os.system(command)\nrun(\"ls\")\n") == [4])
        // A route handler's parameters come from the request, whatever the file's calls pass.
        #expect(try lines("import os\n@app.route(\"/<command>\")\ndef run(command):\n    os.system(command)\nrun(\"ls\")\n") == [4])
    }

    /// A settings class's attribute, set once in its body, is read as the literal it holds.
    @Test func classConstantsReadAsLiterals() throws {
        let source = """
        from flask import Flask
        class Config:
            DEBUG = True
            QUIET = False
        class Moving:
            DEBUG = False
        Moving.DEBUG = True
        app = Flask(__name__)
        app.run(debug=Config.DEBUG)
        app.run(debug=Config.QUIET)
        app.run(debug=Moving.DEBUG)
        """
        #expect(try findings(source, enable: ["B201"]).map(\.line) == [9])
    }

    /// Tables and lists of fixed texts bound once at the top level stand for fixed text,
    /// whatever their keys.
    @Test func tablesOfFixedTextsAreFixedText() throws {
        let source = """
        import enum
        class Sort(enum.Enum):
            NEW = "new"
        COLUMNS = ["id", "name"]
        ORDER = {Sort.NEW.value: "created_at DESC"}
        def query(db, key, raw):
            db.execute(f"SELECT {', '.join(COLUMNS)} FROM t ORDER BY {ORDER.get(key, 'id')}")
            db.execute(f"SELECT {', '.join(COLUMNS)} FROM t ORDER BY {ORDER[key]}")
            db.execute(f"SELECT * FROM t ORDER BY {raw}")
        """
        #expect(try findings(source, enable: ["B608"]).map(\.line) == [9])
    }
}
