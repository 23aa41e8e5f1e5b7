import PythonSyntax

/// Where attacker-controlled data enters, and what makes it safe.
enum TaintSources {
    /// Attributes of Flask's request that are not user data.
    static let safeRequestAttributes: Set<String> = ["method", "endpoint", "blueprint", "is_json", "is_secure", "scheme", "url_rule", "remote_addr"]

    /// What a view's request parameter holds that the server made: the signed-in user and
    /// the request's method and URL pattern (Django's `request.user`, DRF's `request.auth`).
    static let serverSideRequestAttributes: Set<String> = [
        "user", "auth", "method", "resolver_match", "is_secure", "scheme", "remote", "remote_addr", "client",
        // What middleware of the server put on the request: Falcon's `req.context`, Starlette's `request.state`.
        "context", "state",
        // The application object and its registry: aiohttp's and Starlette's `request.app`, Pyramid's `request.registry`.
        "app", "application", "registry",
    ]

    /// The frameworks whose module-level `request` object holds the current request.
    static let requestObjects = ["flask.request.", "quart.request.", "bottle.request."]

    /// `request.args.get` for `flask.request.args.get`, when the name reads the request object
    /// of a framework itself (not a method of something it returned: `….get().replace`).
    static func requestName(_ name: String) -> String? {
        // Asked of every call and attribute read: the prefix first, and no Foundation search.
        guard let object = requestObjects.first(where: name.hasPrefix), !name.utf8.contains(UInt8(ascii: "(")) else { return nil }
        return String(name.dropFirst(object.count - "request.".count))
    }

    /// `flask.request.args`, `sys.argv`, `os.environ` and the like.
    static func attributeSource(_ expression: Expr, imports: ImportTable) -> Taint? {
        guard let name = imports.qualifiedName(of: expression) else { return nil }
        let loc = expression.loc
        func source(_ note: String) -> Taint { Taint.source(line: loc.lineno, column: loc.colOffset + 1, note) }
        if let shown = requestName(name) {
            let attribute = shown.split(separator: ".").dropFirst().first.map(String.init) ?? ""
            if safeRequestAttributes.contains(attribute) { return nil }
            let taint = source(shown)
            // An uploaded file is an object, not a path (`ZipFile(request.files["f"])`); its
            // `.filename` is the client's text again (see the interpreter).
            return attribute == "files" ? taint.sanitizing([22]) : taint
        }
        switch name {
        case "sys.argv":
            // The operator's own settings.
            return source(name).sanitizing(operatorSettingsSafe).asOperatorSettings
        case "os.environ", "os.environb":
            return source(name).sanitizing(environmentSafe).asOperatorSettings
        case "sys.stdin":
            return source(name).asLocal
        default:
            return nil
        }
    }

    /// What local sources (the command line, the environment, standard input, the server's
    /// own files) cannot make dangerous: whoever sets them already reads any file the process
    /// can, fetches any URL and sends browsers where it likes (a command-line tool opening the
    /// file it is given is no path traversal, one passing its argument on to `wc` no argument
    /// injection, a token from the environment put in a header no header injection, the
    /// identity provider's address from the environment no open redirect). They still count
    /// for commands, code, SQL, deserialisation and logs, except the command line and the
    /// environment for logs (the operator's own settings, marked safe for CWE-117 where they
    /// are read).
    static let operatorsOwn: Set<Int> = [22, 88, 113, 601, 918]

    /// What the command line and the environment are safe for where they are read: logging
    /// one forges no one else's line (CWE-117), and an XML document they name or hold can read
    /// no file and fetch no URL the operator could not already (XXE, CWE-611), nor exhaust
    /// more than their own run (CWE-776). Standard input is not: it may be piped from anywhere.
    static let operatorSettingsSafe: Set<Int> = [117, 611, 776]
    /// The environment is the deployment's configuration besides: a model or cache file it
    /// names (`joblib.load(os.environ["MODEL_PATH"])`) is the deployment's own, not a file
    /// someone handed the program, as a command-line argument may be.
    static let environmentSafe: Set<Int> = operatorSettingsSafe.union([502])

    /// Whether text starting a URL fixes its scheme and host (`"https://api.example.com/"`):
    /// what is appended can choose a path on that host, not another host: no open redirect,
    /// and only a partial server-side request forgery (`../admin` on the same host).
    static func fixesHost(_ prefix: String) -> Bool {
        // scheme `://` host `/`, byte by byte (this runs on every tainted string built).
        let bytes = Array(prefix.utf8)
        var index = 0
        while index < bytes.count, bytes[index] != UInt8(ascii: ":") {
            let byte = bytes[index]
            guard (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z") || byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
                    || byte == UInt8(ascii: "+") || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "-") else { return false }
            index += 1
        }
        guard index > 0, index + 2 < bytes.count, bytes[index + 1] == UInt8(ascii: "/"), bytes[index + 2] == UInt8(ascii: "/") else { return false }
        let hostStart = index + 3
        guard let slash = bytes[hostStart...].firstIndex(of: UInt8(ascii: "/")), slash > hostStart else { return false }
        return !bytes[hostStart..<slash].contains { $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: "#") || $0 == UInt8(ascii: "@") || $0 == UInt8(ascii: "\\") }
    }

    /// Whether text starting a URL is a path on this site (`"/profile/"`, not `"//"` or `"/\\"`,
    /// which browsers take for another host): a redirect to it stays here.
    static func staysOnSite(_ prefix: String) -> Bool {
        let bytes = Array(prefix.utf8.prefix(2))
        return bytes.count == 2 && bytes[0] == UInt8(ascii: "/") && bytes[1] != UInt8(ascii: "/") && bytes[1] != UInt8(ascii: "\\")
    }

    /// Calls whose result is attacker data: `input()`, `os.getenv`, `sock.recv`, `f.read()`.
    /// `fetches`: whether the file imports an HTTP library (only then is a call asked whether
    /// it fetches a response).
    static func callSource(_ call: CallSite, receiverIsFile: Bool, argumentIsFile: Bool = false, fetches: Bool = true,
                           redis: Bool = false, boto3: Bool = false, commandLine: Bool = false) -> Taint? {
        let loc = call.expression.loc
        func source(_ note: String) -> Taint { Taint.source(line: loc.lineno, column: loc.colOffset + 1, note) }
        // What the server's own files hold is no attacker's HTML, redirect or header.
        var fileData: Taint { source("the contents of a file").sanitizing([79, 601, 113, 117]).asLocal }
        // `yaml.safe_load(fh)`, `json.load(fh)` of an open file: its contents, parsed.
        if argumentIsFile, fileLoaders.contains(call.qualifiedName) { return fileData }
        switch call.qualifiedName {
        case "os.getenv", "os.getenvb", "os.environ.get":
            return source("\(call.qualifiedName)()").sanitizing(environmentSafe).asOperatorSettings
        // Whoever types at the prompt may not be who runs the program: their line can be forged.
        case "input", "raw_input", "sys.stdin.read", "sys.stdin.readline", "sys.stdin.readlines":
            return source("\(call.qualifiedName)()").asLocal
        // A Kafka consumer: iterating it yields the records producers wrote.
        case "kafka.KafkaConsumer", "aiokafka.AIOKafkaConsumer":
            return source("messages received from Kafka (\(call.qualifiedName))")
        default:
            break
        }
        // A fetched response: another party's content, dangerous to parse as XML, unpickle or run.
        if fetches, fetchesResponse(call.qualifiedName) { return source("the response of \(call.qualifiedName)()").sanitizing(fetchedContentSafe) }
        // A signed cookie (Tornado's `get_secure_cookie`, Django's `get_signed_cookie`, Bottle's
        // `get_cookie(name, secret=...)`) holds what this server signed, not what the client chose.
        if isSignedCookieRead(call.function, keywords: call.keywords) { return nil }
        // `request.args.get()`, not a method of its result (`….replace()`), whose receiver
        // brings the taint with what was done to it.
        if let shown = requestName(call.qualifiedName) {
            // `request.args.get("page", 1, type=int)`: converted, or the default.
            if let converter = call.argument("type"), case .name(let type, _) = converter.kind, ["int", "float", "bool"].contains(type) {
                return source(shown + "()").cleanedCopy
            }
            return source(shown + "()")
        }
        if case .attribute(let receiver, let method, _) = call.function.kind {
            if ["recv", "recvfrom", "recv_into", "recvmsg"].contains(method) { return source("data received from a socket") }
            // An archive's member names (`tar.getmembers()`, `zf.namelist()`): whoever made the
            // archive chose them, `../` included; dangerous as paths only.
            if archiveListings.contains(method), call.arguments.isEmpty {
                return source("the member names of an archive").sanitizing(fetchedContentSafe.subtracting([22]).union([88, 502, 611, 776, 95]))
            }
            // boto3's SQS `receive_message` (client) and `receive_messages` (queue resource).
            if method == "receive_message" || method == "receive_messages" { return source("a message received from a queue") }
            // A bucket's object keys (`s3.list_objects_v2(...)`, a paginator's pages): whoever
            // can write to the bucket chose them, `../` included; dangerous as paths only.
            if boto3, ["list_objects", "list_objects_v2", "paginate"].contains(method) {
                return source("the object keys of a bucket listing").sanitizing(fetchedContentSafe.subtracting([22]).union([88, 502, 611, 776, 95]))
            }
            // `parser.parse_args()` reads `sys.argv` itself: the operator's own settings, as that is.
            if commandLine, method == "parse_args" || method == "parse_known_args" {
                return source("the command line (\(method)())").sanitizing(operatorSettingsSafe).asOperatorSettings
            }
            // A job popped from a Redis list or read from a stream (`conn.blpop(QUEUE)`).
            if redis, redisQueueReads.contains(method) { return source("a message received from a Redis queue") }
            // Tornado's RequestHandler: `self.get_argument("q")` and friends.
            if case .name("self", _) = receiver.kind, tornadoArguments.contains(method) { return source("self.\(method)()") }
            if ["read", "readline", "readlines"].contains(method) {
                if receiverIsFile { return fileData }
                if case .call = receiver.kind, let inner = receiver.calledName, inner == "open" || inner == "io.open" {
                    return fileData
                }
            }
        }
        return nil
    }

    /// Parsers reading an open file given to them (the deserialisers that run code on what they
    /// read, `pickle.load`, are sinks of their own).
    static let fileLoaders: Set<String> = [
        "json.load", "yaml.load", "yaml.safe_load", "yaml.full_load", "yaml.unsafe_load", "yaml.load_all", "yaml.safe_load_all",
        "tomllib.load", "toml.load", "csv.reader", "csv.DictReader",
    ]

    /// The standard library's request handler classes: in a subclass, `self.path`,
    /// `self.headers` and what `self.rfile` reads come from the client.
    static let requestHandlerBases: Set<String> = [
        "http.server.BaseHTTPRequestHandler", "http.server.SimpleHTTPRequestHandler", "http.server.CGIHTTPRequestHandler",
        "socketserver.StreamRequestHandler", "socketserver.DatagramRequestHandler", "socketserver.BaseRequestHandler",
    ]
    static let requestHandlerAttributes: Set<String> = ["path", "headers", "requestline", "raw_requestline", "request"]

    /// Redis commands that take a message off a list or stream.
    static let redisQueueReads: Set<String> = ["blpop", "brpop", "lpop", "rpop", "brpoplpush", "blmove", "lmove", "rpoplpush", "xread", "xreadgroup"]

    /// tarfile's and zipfile's listings of an archive's members.
    static let archiveListings: Set<String> = ["getmembers", "getnames", "infolist", "namelist"]

    /// What a Tornado handler's `self.request` holds from the client.
    static let tornadoRequestAttributes: Set<String> = [
        "body", "arguments", "query_arguments", "body_arguments", "files", "headers", "uri", "path", "query", "cookies",
    ]

    static let tornadoArguments: Set<String> = [
        "get_argument", "get_arguments", "get_query_argument", "get_query_arguments", "get_body_argument",
        "get_body_arguments", "get_cookie",
    ]

    /// Fields of a queue message or event record that AWS fills, whatever the sender wrote:
    /// identifiers, receipt handles, checksums, where and when.
    static let platformAssignedKeys: Set<String> = [
        "MessageId", "ReceiptHandle", "MD5OfBody", "MD5OfMessageAttributes", "messageId", "receiptHandle", "md5OfBody",
        "md5OfMessageAttributes", "eventSourceARN", "awsRegion", "eventSource", "eventTime",
        // Kinesis and DynamoDB stream records: the stream numbers and names its records.
        "sequenceNumber", "approximateArrivalTimestamp", "eventID", "SequenceNumber", "ApproximateCreationDateTime",
        // API Gateway's `requestContext["authorizer"]`: the claims its authorizer verified.
        "authorizer",
    ]

    /// Reads of a cookie the server signed: its value is the server's own.
    static let signedCookieReads: Set<String> = ["get_secure_cookie", "get_signed_cookie"]

    /// `self.get_secure_cookie("user")`, `request.get_signed_cookie("uid")`, Bottle's
    /// `request.get_cookie("account", secret=KEY)`.
    /// A payload whose signature the call verifies with the server's key (a Stripe event,
    /// a JWT's claims decoded with a key and the signature check left on): the signer's data.
    static func isVerifiedPayload(_ call: CallSite) -> Bool {
        switch call.qualifiedName {
        case "stripe.Webhook.construct_event", "stripe.webhook.Webhook.construct_event":
            return call.arguments.count >= 3 || call.argument("secret") != nil
        case "jwt.decode", "jose.jwt.decode":
            guard call.arguments.count >= 2 || call.argument("key") != nil else { return false }
            if let verify = call.argument("verify"), case .constant(.bool(false), _) = verify.kind { return false }
            guard let options = call.argument("options") else { return true }
            guard case .dict(let keys, let values) = options.kind else { return false }
            return !zip(keys, values).contains { key, value in
                guard let key, key.stringConstant == "verify_signature" else { return false }
                if case .constant(.bool(true), _) = value.kind { return false }
                return true
            }
        default:
            return false
        }
    }

    /// itsdangerous's classes whose `loads`/`unsign` check a signature made with the server's key.
    /// (By class name, wherever in the package it is imported from.)
    static let signedSerializers: Set<String> = [
        "URLSafeTimedSerializer", "URLSafeSerializer", "TimedSerializer", "Serializer", "Signer", "TimestampSigner",
    ]

    static func isSignedCookieRead(_ function: Expr, keywords: [Keyword]) -> Bool {
        guard case .attribute(_, let method, _) = function.kind else { return false }
        return signedCookieReads.contains(method) || method == "get_cookie" && keywords.contains { $0.arg == "secret" }
    }

    /// A name every source above needs in the file's text (imported modules are reached by
    /// their attributes: `sys.argv`, `os.environ`; a file is read through `open`). A file with
    /// none of them and no web handler has no source, so no data-flow finding.
    /// Fields of a stored record holding a URL a user registered (`TaintInterpreter.storedURL`).
    static let storedURLFields: Set<String> = [
        "url", "callback_url", "target_url", "webhook_url", "hook_url", "feed_url", "endpoint_url", "notify_url",
        "notification_url", "destination_url", "delivery_url", "avatar_url", "image_url", "icon_url", "logo_url", "photo_url",
        "remote_url", "source_url", "download_url", "file_url", "endpoint", "callback", "homepage",
    ]
    /// Names of objects whose URL fields are the program's own or the protocol's: settings,
    /// responses, parsed command lines.
    static let notRecords: Set<String> = [
        "settings", "config", "conf", "cfg", "configuration", "options", "opts", "args", "arguments", "app", "current_app",
        "resp", "response", "res", "r", "reply", "result", "req", "request", "page", "self", "cls", "env", "environment", "os",
        "sys", "client", "session", "http", "api", "service",
    ]

    static let identifiers = [
        "argv", "environ", "environb", "stdin", "getenv", "getenvb", "input", "raw_input", "recv", "recvfrom", "recv_into",
        "recvmsg", "request", "open", "receive_message", "receive_messages", "requests", "httpx", "urlopen",
        "getmembers", "getnames", "infolist", "namelist", "start_server", "start_unix_server", "blpop", "brpop", "xreadgroup",
        "list_objects", "list_objects_v2", "paginate", "parse_args", "parse_known_args", "KafkaConsumer", "AIOKafkaConsumer",
    ] + tornadoArguments.sorted() + requestHandlerBases.map { String($0.split(separator: ".").last!) }.sorted()

    /// Methods of a request building a URL of this site for a named route (Pyramid's
    /// `request.route_url("invoice", id=x)`, Starlette's `request.url_for`): what follows the
    /// site's own host and path is encoded.
    static let routeURLMethods: Set<String> = ["route_url", "route_path", "url_for", "static_url", "resource_url"]

    /// Calls that return data safe for every sink (numbers, booleans, lengths).
    static let neutralisers: Set<String> = [
        "int", "float", "bool", "len", "abs", "round", "ord", "hash", "id", "isinstance", "issubclass", "callable", "hasattr",
        "type", "range", "uuid.UUID", "ipaddress.ip_address", "ipaddress.ip_network", "decimal.Decimal", "datetime.date.fromisoformat",
        "math.floor", "math.ceil",
        // A file's status: sizes, times, modes.
        "os.stat", "os.lstat", "os.fstat", "os.path.getsize", "os.path.getmtime", "os.path.getctime", "os.path.getatime",
        // Times and dates, whatever number went in: digits and the format's own text.
        "time.localtime", "time.gmtime", "time.mktime", "time.ctime", "time.asctime", "time.strftime", "datetime.datetime.fromtimestamp",
        "datetime.datetime.utcfromtimestamp", "datetime.date.fromtimestamp",
        // Dates and times parsed from text: a date, or None (or an error).
        "datetime.datetime.fromisoformat", "datetime.datetime.strptime", "datetime.time.fromisoformat",
        "django.utils.dateparse.parse_date", "django.utils.dateparse.parse_datetime", "django.utils.dateparse.parse_time",
        "django.utils.dateparse.parse_duration", "dateutil.parser.parse", "dateutil.parser.isoparse",
        // A media type from the module's table, whatever the name it was given.
        "mimetypes.guess_type", "mimetypes.guess_extension",
        // A codec the registry knows (its canonical `.name`), or LookupError.
        "codecs.lookup",
    ]

    /// Calls whose result is not the data passed in, though they take it at a sink: an HTTP
    /// response (its URL was the problem), a command's output or exit status, a response
    /// object built from a body. Passing the argument's taint on would report the one flaw
    /// again at every later use (`return r.text` as cross-site scripting).
    /// Whether a call fetches a response over the network (`requests.get`, `httpx.post`, a
    /// client object's verb, `urlopen`): its content is another party's.
    static func fetchesResponse(_ name: String) -> Bool {
        if name == "urllib.request.urlopen" || name == "urllib2.urlopen" || name == "urllib.urlopen" || openerFetches(name) { return true }
        guard let (owner, verb) = splitVerb(name), httpVerbs.contains(verb) else { return false }
        return owner == "requests" || owner == "httpx" || owner.hasSuffix("()") && httpClients.contains(String(owner.dropLast(2)))
    }

    /// What fetched content is safe for: everything but parsing it as XML, unpickling it,
    /// running it as code, handing it to a program as arguments and compiling it as a regular
    /// expression (a server's reply is text for the program, not a request of an attacker's to
    /// inject into its queries, commands or pages; but a repository URL a registry returns,
    /// `--upload-pack=…`, is an option to git, and a pattern from a repository's config file
    /// can take the matcher's time).
    static let fetchedContentSafe: Set<Int> = [22, 78, 79, 89, 90, 113, 117, 601, 643, 918]

    /// What a reply from a server the program chose is safe for besides (`fetchedContentSafe`):
    /// parsing as XML, passing on as a program's arguments. Not unpickling or running it (that
    /// trusts the server with the process), nor compiling it as a pattern: a chosen host may
    /// serve what its users wrote (a repository's config file on a code host's API).
    static let chosenServerReplySafe: Set<Int> = [611, 776, 88]

    static func resultIsNotInput(_ name: String) -> Bool {
        if opaqueResults.contains(name) || openerFetches(name) { return true }
        // `requests.get`, `httpx.post`, and the same through a client object.
        guard let (owner, verb) = splitVerb(name), httpVerbs.contains(verb) else { return false }
        return owner == "requests" || owner == "httpx" || owner.hasSuffix("()") && httpClients.contains(String(owner.dropLast(2)))
    }

    /// `opener.open(req)` on an opener urllib built: a fetch like `urlopen`.
    static func openerFetches(_ name: String) -> Bool {
        name == "urllib.request.build_opener().open" || name == "urllib.request.OpenerDirector().open"
    }

    /// `("requests.Session()", "get")` for `requests.Session().get`, split at the last dot
    /// by bytes (asked of every call that gets tainted data: no Character walk).
    static func splitVerb(_ name: String) -> (owner: Substring, verb: String)? {
        guard let dot = name.utf8.lastIndex(of: UInt8(ascii: ".")) else { return nil }
        return (name[..<dot], String(name[name.utf8.index(after: dot)...]))
    }

    /// Methods whose result is what a database holds (or a query object), not the values
    /// bound into the query: `objects.raw(sql, [name])`, `cursor.execute(sql, args)`,
    /// `text(sql).bindparams(id=x)`. The receiver's taint is kept.
    static let queryMethods: Set<String> = [
        "execute", "executemany", "executescript", "raw", "filter", "exclude", "fetchone", "fetchall", "fetchmany",
        // asyncpg's (its `fetch` is judged by the query text it is given).
        "fetchrow", "fetchval",
        "bindparams", "params", "where", "filter_by", "scalar", "scalars", "first", "one", "one_or_none",
        // Flask-SQLAlchemy's lookups that answer 404 when nothing matches.
        "get_or_404", "first_or_404", "one_or_404",
    ]

    /// HTTP client objects whose methods fetch URLs: `s = requests.Session()`,
    /// `async with aiohttp.ClientSession() as s`, `httpx.Client()`.
    static let httpClients: Set<String> = [
        "requests.Session", "requests.session", "requests.sessions.Session", "httpx.Client", "httpx.AsyncClient",
        "aiohttp.ClientSession", "urllib3.PoolManager", "tornado.httpclient.AsyncHTTPClient", "tornado.httpclient.HTTPClient",
        "urllib.request.build_opener", "urllib.request.OpenerDirector",
    ]

    /// The verb of a request made through a client object (`requests.Session().get`), named
    /// as the interpreter names it: the client's constructor call, then the method.
    static func clientRequest(_ name: String) -> String? {
        // Most names asked about are no such request: the cheap test on the last part first.
        guard let (owner, verb) = splitVerb(name), httpVerbs.contains(verb), owner.hasSuffix("()") else { return nil }
        return httpClients.contains(String(owner.dropLast(2))) ? verb : nil
    }

    static let httpVerbs: Set<String> = ["get", "post", "put", "delete", "head", "patch", "options", "stream", "request", "fetch"]

    static let opaqueResults: Set<String> = [
        // A PDF rendered from a page or markup: a document, not the text that went in.
        "pdfkit.from_url", "pdfkit.from_string", "pdfkit.from_file",
        "urllib.request.urlopen", "urllib2.urlopen", "urllib.urlopen", "urllib.request.urlretrieve",
        "os.system", "os.popen", "subprocess.run", "subprocess.call", "subprocess.check_call", "subprocess.check_output",
        "subprocess.Popen", "subprocess.getoutput", "subprocess.getstatusoutput", "commands.getoutput",
        "asyncio.create_subprocess_shell", "asyncio.create_subprocess_exec",
        "flask.make_response", "flask.Response", "django.http.HttpResponse",
        // A file sent from disk: its bytes, not the name that chose it.
        "flask.send_from_directory", "flask.send_file", "werkzeug.utils.send_from_directory", "werkzeug.utils.send_file",
        // The account the credentials match, looked up by the server; the record a key
        // names (its fields are the database's, not the key).
        "django.contrib.auth.authenticate", "django.contrib.auth.aauthenticate",
        "django.shortcuts.get_object_or_404", "django.shortcuts.get_list_or_404",
        // A database or cache connection: what it returns is the store's data, whatever
        // named the store (`sqlite3.connect(os.environ["DB_PATH"])`).
        "sqlite3.connect", "psycopg2.connect", "psycopg.connect", "pymysql.connect", "MySQLdb.connect", "mysql.connector.connect",
        "sqlalchemy.create_engine", "redis.Redis", "redis.StrictRedis", "redis.from_url", "pymongo.MongoClient",
        "aiosqlite.connect", "asyncpg.connect", "asyncpg.create_pool", "aiomysql.connect", "aiomysql.create_pool",
        "motor.motor_asyncio.AsyncIOMotorClient", "redis.asyncio.Redis", "redis.asyncio.from_url",
        "databases.Database", "redis.Redis.from_url", "redis.StrictRedis.from_url", "redis.asyncio.Redis.from_url",
        "sqlalchemy.ext.asyncio.create_async_engine", "psycopg_pool.ConnectionPool", "psycopg_pool.AsyncConnectionPool",
        "psycopg2.pool.SimpleConnectionPool", "psycopg2.pool.ThreadedConnectionPool",
    ]

    /// Calls that make data safe for some sinks only, by CWE.
    static let sanitisers: [String: Set<Int>] = [
        "shlex.quote": [78], "pipes.quote": [78], "shlex.join": [78],
        "werkzeug.utils.safe_join": [22], "werkzeug.security.safe_join": [22], "flask.safe_join": [22], "flask.helpers.safe_join": [22],
        "django.utils.html.format_html": [79], "django.utils.html.format_html_join": [79], "django.utils.html.conditional_escape": [79],
        "psycopg2.sql.Identifier": [89], "psycopg2.sql.Literal": [89], "psycopg.sql.Identifier": [89], "psycopg.sql.Literal": [89],
        "pymysql.converters.escape_string": [89], "MySQLdb.escape_string": [89],
        "os.path.basename": [22], "werkzeug.utils.secure_filename": [22, 78, 79, 113, 117], "werkzeug.secure_filename": [22, 78, 79, 113, 117],
        // Markup and mark_safe are sinks themselves (reported there); what they return is not
        // reported again wherever it is sent.
        "markupsafe.Markup": [79], "flask.Markup": [79], "django.utils.safestring.mark_safe": [79],
        "html.escape": [79, 117], "markupsafe.escape": [79], "flask.escape": [79], "cgi.escape": [79], "bleach.clean": [79], "nh3.clean": [79],
        "django.utils.html.escape": [79], "jinja2.escape": [79], "xml.sax.saxutils.escape": [79, 643],
        "flask.render_template": [79], "django.template.loader.render_to_string": [79], "flask.url_for": [601, 79, 113, 918], "quart.url_for": [601, 79, 113, 918],
        "django.urls.reverse": [601, 79, 113, 918], "django.shortcuts.reverse": [601, 79, 113, 918], "django.urls.reverse_lazy": [601, 79, 113, 918], "flask.jsonify": [79], "json.dumps": [79, 117], "urllib.parse.quote": [79, 601, 117],
        "urllib.parse.quote_plus": [79, 601, 117], "re.escape": [1333, 643],
        "ldap.filter.escape_filter_chars": [90], "ldap3.utils.conv.escape_filter_chars": [90],
        "ldap.dn.escape_dn_chars": [90], "ldap3.utils.dn.escape_rdn": [90],
        "bottle.html_escape": [79], "tornado.escape.xhtml_escape": [79], "tornado.escape.url_escape": [79, 601, 117], "tornado.escape.json_encode": [79, 117],
        // A slug holds only letters, digits, `-` and `_`: no path separator, quote, markup or
        // line break (it may start with `-`, so it can still be read as an option: not 88).
        // An in-memory file: what a path sink (`zipfile.ZipFile(io.BytesIO(blob))`) opens is no path.
        "io.BytesIO": [22], "io.StringIO": [22],
        // An absolute path starts with "/": never read as an option (88).
        "os.path.realpath": [88], "os.path.abspath": [88],
        "django.utils.text.slugify": slugSafe, "slugify.slugify": slugSafe, "python_slugify.slugify": slugSafe,
        // Encodings whose alphabet holds no quote, markup, shell character or line break: the
        // URL-safe base64 and base32 ones no `/` either (a slug but for `=`); hex is digits.
        "base64.urlsafe_b64encode": slugSafe, "base64.b32encode": slugSafe, "base64.b16encode": slugSafe,
        "binascii.hexlify": slugSafe, "binascii.b2a_hex": slugSafe,
        "base64.b64encode": [78, 79, 89, 90, 113, 117, 643, 1333],
    ]
    static let slugSafe: Set<Int> = [22, 78, 79, 89, 90, 113, 117, 601, 643, 918, 1333]
}

extension Expr {
    /// The plain name of what a call invokes when it is a bare name (`open` in `open(p).read()`).
    var calledName: String? {
        if case .call(let function, _, _) = kind, case .name(let id, _) = function.kind { return id }
        return nil
    }

    /// The name itself, for a bare name.
    var calledNameOrName: String? {
        if case .name(let id, _) = kind { return id }
        return calledName
    }
}

extension Expr {
    /// The function part of a call expression.
    public var callFunction: Expr? {
        if case .call(let function, _, _) = kind { return function }
        return nil
    }
}
