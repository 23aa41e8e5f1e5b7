import PythonSyntax

extension TaintInterpreter {
    /// Methods on a tainted value whose result is still tainted text; any other method on a
    /// tainted receiver also propagates (over-approximation), except these that return
    /// booleans or numbers.
    static let booleanMethods: Set<String> = [
        "startswith", "endswith", "isdigit", "isnumeric", "isdecimal", "isalnum", "isalpha", "isidentifier", "islower", "isupper",
        "isspace", "count", "find", "rfind", "index", "rindex", "exists", "is_file", "is_dir",
        // A file's descriptor, whatever its name.
        "fileno",
    ]

    /// What a generator over characters that keeps only those a character test passes (and
    /// puts fixed text for the rest) is safe for: `[]` (everything) for letters and digits,
    /// no line break for printable ones. Nil for any other generator.
    static func characterFilter(_ expression: Expr) -> Set<Int>? {
        guard case .generatorExp(let element, let generators) = expression.kind, generators.count == 1,
              case .name(let character, _) = generators[0].target.kind else { return nil }
        func test(_ condition: Expr) -> Set<Int>? {
            guard case .call(let function, let arguments, _) = condition.kind, arguments.isEmpty,
                  case .attribute(let receiver, let method, _) = function.kind, case .name(character, _) = receiver.kind else { return nil }
            switch method {
            case "isalnum", "isalpha", "isdigit", "isdecimal", "isnumeric": return []
            case "isprintable": return [113, 117]
            default: return nil
            }
        }
        // `ch if ch.isprintable() else "?"`
        if case .ifExp(let condition, let body, let orelse) = element.kind, case .name(character, _) = body.kind,
           orelse.stringConstant != nil, generators[0].ifs.isEmpty {
            return test(condition)
        }
        // `ch for ch in text if ch.isalnum()`
        if case .name(character, _) = element.kind, generators[0].ifs.count == 1 { return test(generators[0].ifs[0]) }
        return nil
    }

    /// Keywords whose value decides whether a call is a sink at all (`yaml.load(..., Loader=)`,
    /// `subprocess.run(..., shell=)`).
    static let configuringKeywords: Set<String> = ["Loader", "shell"]

    /// Request objects, by where their URL is passed.
    static let requestObjectURLPosition: [String: Int] = ["urllib.request.Request": 0, "urllib2.Request": 0, "requests.Request": 1, "httpx.Request": 1]

    static let containerWrites: Set<String> = ["append", "extend", "insert", "add", "update", "setdefault", "appendleft", "extendleft", "write"]

    /// Tornado's and Django's signing cookie setters (Bottle's `set_cookie` with `secret=`).
    static let signedCookieWrites: Set<String> = ["set_secure_cookie", "set_signed_cookie"]

    /// The global under which what the file signs into the cookie `key` names is kept (no
    /// Python name looks like it).
    static func signedCookieStore(_ key: Expr, engine: TaintEngine) -> String {
        "signed cookie \(engine.parsed.text(of: key.loc))"
    }

    /// `partial`: the `functools.partial` object this call goes through (its line joins the
    /// path of what reaches a sink here: where `shell=True` was set is part of the flaw).
    mutating func call(_ expression: Expr, depth: Int, through partial: Expr? = nil) -> Taint? {
        guard case .call(let function, let arguments, let keywords) = expression.kind else { return nil }
        // `run = functools.partial(subprocess.run, shell=True)` … `run(cmd)`: the wrapped call.
        if !partials.isEmpty, case .name(let id, _) = function.kind, let partial = partials[id],
           case .call(_, let stored, let storedKeywords) = partial.kind, let wrapped = stored.first {
            let combined = Expr(.call(func: wrapped, args: Array(stored.dropFirst()) + arguments, keywords: storedKeywords + keywords), expression.loc)
            return call(combined, depth: depth + 1, through: partial)
        }
        // `handler(args)` of `handler = self.handlers.get(command)`: any of the table's functions.
        if !dispatched.isEmpty, case .name(let id, _) = function.kind, let targets = dispatched[id], environment[id] == nil {
            var result: Taint?
            for target in targets {
                result = Taint.merge(result, call(Expr(.call(func: target, args: arguments, keywords: keywords), expression.loc), depth: depth + 1))
            }
            return result
        }
        // `tasks.add_task(deliver, url, payload)`, `executor.submit(fn, x)`,
        // `Thread(target=fn, args=(x,))`: the function of this file runs with those arguments.
        // A bound method goes the same way (`run_in_executor(None, job.deliver)` of a `job` made
        // here, `Thread(target=self.sync)`).
        if let handedOff = Self.handedOffCall(expression, function: function, arguments: arguments, keywords: keywords),
           case .call(let callee, _, _) = handedOff.kind, isFileFunction(callee) {
            let result = call(handedOff, depth: depth + 1)
            // `await loop.run_in_executor(None, render, job)`, `await asyncio.to_thread(f, x)`:
            // what the function returns, once awaited.
            if case .attribute(_, let method, _) = function.kind, Self.returnsHandedOffResult.contains(method) { return result }
            if case .name(let name, _) = function.kind, Self.returnsHandedOffResult.contains(name) { return result }
        }
        // `self.rfile.read(n)` in a request handler: the request's body.
        if case .attribute(let stream, let method, _) = function.kind, ["read", "readline", "readlines"].contains(method),
           case .attribute(let owner, "rfile", _) = stream.kind, case .name("self", _) = owner.kind, servesRequests {
            return Taint.source(line: expression.loc.lineno, column: expression.loc.colOffset + 1, "the request body (self.rfile)")
        }
        // aiohttp's `request.get("tenant_id")`: what the server's middleware stored on the request.
        if case .attribute(let receiver, "get", _) = function.kind, case .name(let id, _) = receiver.kind,
           let handler = self.function, handler.isHandler, handler.parameters.first == id, engine.imports.imports("aiohttp") {
            return nil
        }
        // A signed cookie (`TaintSources.isSignedCookieRead`): what this server signed, which
        // is the client's own data where the file signed that (`signedCookieStore`).
        if TaintSources.isSignedCookieRead(function, keywords: keywords) {
            guard let key = arguments.first, let stored = environment[Self.signedCookieStore(key, engine: engine)] else { return nil }
            return stored.through(line: expression.loc.lineno, column: expression.loc.colOffset + 1, "read back from the signed cookie")
        }
        // `request.environ.get("snapshare.user_id")`: what the server or a middleware put in
        // the WSGI environment, not a header or the query.
        if case .attribute(let environ, "get", _) = function.kind, let key = arguments.first?.stringConstant,
           Self.isServerEnvironmentRead(environ, key: key) {
            return nil
        }
        // `message.get("MessageId")`: what AWS assigned.
        if case .attribute(let record, "get", _) = function.kind, let key = arguments.first?.stringConstant, TaintSources.platformAssignedKeys.contains(key) {
            _ = self.expression(record, depth: depth + 1)
            return nil
        }
        // `request.match_info.get("tid")` of a route `{tid:\d+}`: a number.
        if case .attribute(let table, "get", _) = function.kind, let key = arguments.first, isConvertedPathParameter(table, key) { return nil }
        // Evaluate every argument once: nested calls are sinks too.
        var argumentTaints: [Taint?] = []
        for argument in arguments { argumentTaints.append(self.expression(argument, depth: depth + 1)) }
        var keywordTaints: [String: Taint?] = [:]
        var anyKeyword: Taint?
        for keyword in keywords {
            let taint = keyword.arg == nil ? spreadValues(keyword.value, depth: depth + 1) : self.expression(keyword.value, depth: depth + 1)
            if let name = keyword.arg { keywordTaints[name] = taint }
            // `Req(**json.loads(raw))`: what is spread may fill any parameter (`spreadKey`).
            else if let taint { keywordTaints[Self.spreadKey] = Taint.merge(keywordTaints[Self.spreadKey] ?? nil, taint) }
            anyKeyword = Taint.merge(anyKeyword, taint)
        }
        var receiverTaint: Taint?
        var receiverExpression: Expr?
        if case .attribute(let receiver, _, _) = function.kind {
            receiverTaint = self.expression(receiver, depth: depth + 1)
            receiverExpression = receiver
        }
        // Built only when needed (most receivers are neither open files nor containers).
        var receiverName: String? { receiverExpression.flatMap(pathKey) }
        var receiverIsFile: Bool { !fileHandles.isEmpty && (receiverName.map { fileHandles.contains($0) } ?? false) }
        var argumentIsFile: Bool {
            guard let first = arguments.first else { return false }
            if case .name(let id, _) = first.kind { return fileHandles.contains(id) }
            return isOpenCall(first)
        }

        // A call on something we cannot name (`db.execute(q)`, `get_db().execute(q)`) still
        // reaches method-based sinks and sources.
        guard var site = CallSite(expression, imports: engine.imports) ?? CallSite(unresolved: expression) else {
            return Taint.merge(receiverTaint, argumentTaints.reduce(anyKeyword) { Taint.merge($0, $1) })
        }
        // `stripe.Webhook.construct_event(payload, sig, secret)`, `jwt.decode(token, key, ...)`:
        // what a trusted signer signed, checked here, not what the sender wrote.
        if TaintSources.isVerifiedPayload(site) { return nil }
        // `SERIALIZER.loads(token)` of an itsdangerous serializer (or `signer.unsign(v)`): what
        // this server signed with its key, checked here.
        if case .attribute(let receiver, let method, _) = function.kind, method == "loads" || method == "unsign",
           case .name(let id, _) = receiver.kind,
           let made = engine.onlyAssignment(of: id, around: expression.loc.startByte) ?? engine.moduleValues[id],
           case .call(let maker, _, _) = made.kind, let name = engine.imports.qualifiedName(of: maker),
           name.hasPrefix("itsdangerous."), name.split(separator: ".").last.map({ TaintSources.signedSerializers.contains(String($0)) }) == true {
            return nil
        }
        // `response.set_cookie(NAME, value, secret=KEY)`, `self.set_secure_cookie(NAME, value)`:
        // signing keeps the client from changing the value, not from choosing it.
        if case .attribute(_, let method, _) = function.kind, Self.signedCookieWrites.contains(method) || method == "set_cookie" && keywords.contains(where: { $0.arg == "secret" }),
           let key = arguments.first {
            let value = arguments.count > 1 ? argumentTaints[1] : keywordTaints["value"] ?? nil
            if let value { engine.recordGlobal(Self.signedCookieStore(key, engine: engine), value.through(line: expression.loc.lineno, column: expression.loc.colOffset + 1, "signed into a cookie")) }
        }
        // `self.http.get(url)` on a client the class keeps.
        if case .attribute(let receiver, let method, _) = function.kind, case .attribute(let owner, let attr, _) = receiver.kind,
           case .name("self", _) = owner.kind, let className = self.function?.className,
           let client = engine.clientsKept.attributes[className]?[attr] {
            site = CallSite(site, renamed: "\(client)().\(method)")
        }
        // `request.app["http"].post(url)`: the client the application keeps under that key
        // (`app["http"] = ClientSession()` at startup).
        if case .attribute(let receiver, let method, _) = function.kind, case .subscript(let registry, let slice, _) = receiver.kind,
           let key = slice.stringConstant, { if case .attribute(_, "app", _) = registry.kind { true } else if case .name = registry.kind { true } else { false } }(),
           let client = engine.registryClients[key] {
            site = CallSite(site, renamed: "\(client)().\(method)")
        }
        // `session.get(url)` on a variable holding `requests.Session()`; `root.findall(path)`
        // on a parsed XML tree.
        if case .attribute(let receiver, let method, _) = function.kind, case .name(let id, _) = receiver.kind {
            if let client = clients[id] ?? (environment[id] == nil ? engine.moduleClients[id] : nil) {
                site = CallSite(site, renamed: "\(client)().\(method)")
            } else if engine.xmlElements.contains(id), XPathInjectionFlowRule.elementPathMethods.contains(method) {
                site = CallSite(site, renamed: XPathInjectionFlowRule.elementPrefix + method)
            } else if method == "write" || method == "writelines", fileHandles.contains(id), argumentTaints.contains(where: { $0 != nil }),
                      appendsText(to: id, around: expression.loc.startByte) {
                site = CallSite(site, renamed: LogInjectionFlowRule.appendedFilePrefix + method)
            }
        }
        noteConstruction(site, arguments: argumentTaints, keywords: keywordTaints)
        if argumentTaints.contains(where: { $0 != nil }) || keywordTaints.values.contains(where: { $0 != nil }) {
            constructorSinks(site, arguments: argumentTaints, keywords: keywordTaints)
        }
        // Most calls get nothing tainted. Then no sink can report, nothing is added to a
        // container, and the result is tainted only if the call itself is a source; a function
        // of this file returns what its arguments bring (nothing), whatever its summary.
        // What the call reads from outside itself, if it is a source.
        var sourceRead: Taint? {
            let read = TaintSources.callSource(site, receiverIsFile: receiverIsFile, argumentIsFile: argumentIsFile, fetches: engine.fetchesResponses,
                                               redis: engine.readsRedis, boto3: engine.usesBoto3,
                                               commandLine: engine.parsesCommandLine)
            // A reply from a server the program chose (a fixed URL, or one whose host passed an
            // allow-list) is that server's document, not an attacker's: no entities to expand,
            // options or patterns planted in it. From a URL the client chose, it is the client's.
            if let read, engine.fetchesResponses, TaintSources.fetchesResponse(site.qualifiedName),
               let url = site.argument("url", position: 0) {
                let urlTaint = arguments.firstIndex(where: { $0.loc == url.loc }).flatMap { argumentTaints[$0] }
                    ?? site.keywords.first(where: { $0.value.loc == url.loc }).flatMap { keywordTaints[$0.arg ?? ""] ?? nil }
                if urlTaint.map({ !$0.isDangerous(for: 918) }) ?? true {
                    return read.sanitizing(TaintSources.chosenServerReplySafe)
                }
            }
            return read
        }
        // `data, addr = sock.recvfrom(n)`: the sender's address is the network's, an IP and a
        // port, not text the sender wrote.
        func withSenderAddress(_ source: Taint?) -> Taint? {
            if let source, case .attribute(_, "recvfrom", _) = function.kind { lastCallElements = (expression.loc.startByte, [source, nil]) }
            return source
        }
        let ownFunction = resolveLocal(site)
        let handsData = receiverTaint != nil || anyKeyword != nil || argumentTaints.contains(where: { $0 != nil })
        // `validate_host(url)`, `path = store.path_for(carrier, name)`: past a checker of this
        // file that raises on bad input, what its checks prove holds of the arguments.
        // An attribute argument is proven by its path (`check_public_https(endpoint.url)`), as
        // are the attributes of an instance passed to a function raising unless they match
        // (`forward(session, job)` checking `job.device_id`).
        if let (info, _, offset) = ownFunction, argumentTaints.contains(where: { $0 != nil }),
           let proof = engine.validatorProof(of: info.qualifiedName) {
            var paths: [String: Guard.Effect] = [:]
            for (index, effect) in proof.whenReturns where index >= offset && index - offset < arguments.count {
                switch arguments[index - offset].kind {
                case .name(let id, _):
                    environment[id] = environment[id].map(effect.apply)
                case .attribute:
                    if let path = Guard.checkedName(arguments[index - offset]) { paths[path] = effect }
                default:
                    continue
                }
            }
            for (index, attributes) in proof.parameterAttributesWhenReturns where index >= offset && index - offset < arguments.count {
                guard case .name(let id, _) = arguments[index - offset].kind else { continue }
                for (attribute, effect) in attributes { paths["\(id).\(attribute)"] = paths["\(id).\(attribute)"].map { $0.and(effect) } ?? effect }
            }
            if !paths.isEmpty {
                let past = Guard(provenPast: paths)
                holdPaths(past, at: expression.loc)
                past.applyWhenFalse(&environment)
            }
        }
        // `req.validate()` of a method raising on bad attributes: past it, those of `req` are proven.
        if let (info, _, _) = ownFunction, case .attribute(let receiver, _, _) = function.kind,
           let owner = Guard.checkedName(receiver), !owner.contains("."), environment[owner] != nil,
           let proof = engine.validatorProof(of: info.qualifiedName), !proof.attributesWhenReturns.isEmpty {
            let effects = Dictionary(uniqueKeysWithValues: proof.attributesWhenReturns.map { ("\(owner).\($0.key)", $0.value) })
            let past = Guard(provenPast: effects)
            holdPaths(past, at: expression.loc)
            past.applyWhenFalse(&environment)
        }
        // What this call hands the function (or what its receiver's constructor stored) is what
        // makes its summary matter: the engine analyses it then (`TaintEngine.run`).
        if let (info, _, _) = ownFunction, handsData || receiverAttributes(site)?.isEmpty == false || callsOwnMethod(site, info)
            || receiverAsWhole(site) != nil {
            engine.demanded.insert(info.qualifiedName)
        } else if ownFunction == nil, handsData, case .attribute(_, let method, _) = function.kind, engine.classMemberNames.contains(method),
                  let named = engine.functionsNamed[method], named.count == 1 {
            // `gw.tail_log(vehicle_id)` on an object no binding shows (yielded by a context
            // manager): the one method of that name is analysed, for what it proves at its
            // sinks (`TaintEngine.cleanSinks`); its summary still applies only where resolved.
            engine.demanded.insert(named[0])
        }
        guard handsData else {
            // A function of this file brings in only what it reads itself (its summary says).
            if let result = localCall(site, resolved: ownFunction, arguments: argumentTaints, keywords: keywordTaints) { return result.taint }
            return withSenderAddress(sourceRead)
        }

        // A sink argument is one of these expressions (or inside a starred one).
        let taintOf: (Expr) -> Taint? = { [self] argument in
            if let index = arguments.firstIndex(where: { $0.loc == argument.loc }) { return argumentTaints[index] }
            if let keyword = keywords.first(where: { $0.value.loc == argument.loc }) { return keyword.arg.flatMap { keywordTaints[$0] } ?? anyKeyword }
            var copy = self
            return copy.expression(argument, depth: depth + 1)
        }
        let sinkSite = withCommandListSpelledOut(withConstructorDefaults(site))
        // A method this file defines (`DIRECTORY.search(name)` on an instance of its own class)
        // is no library's sink: its summary says where the arguments go.
        if ownFunction == nil {
            if let partial {
                let name = engine.parsed.text(of: partial.loc)
                checkSinks(sinkSite) { argument in
                    taintOf(argument)?.through(line: partial.loc.lineno, column: partial.loc.colOffset + 1, "through \(name)")
                }
            } else {
                checkSinks(sinkSite, taintOf: taintOf)
            }
        }
        // `items.append(x)` puts tainted data into the container.
        // Not a method of a class of this file (`audit.write(actor, detail)`): its summary says
        // what it keeps.
        // `RULES.setdefault(partner, []).append(rule)`: the container stored in the table.
        var storedInTable: String? {
            guard let receiver = receiverExpression, case .call(let inner, _, _) = receiver.kind,
                  case .attribute(let table, "setdefault", _) = inner.kind else { return nil }
            return pathKey(table)
        }
        if case .attribute(_, let method, _) = function.kind, Self.containerWrites.contains(method), ownFunction == nil,
           let receiverName = receiverName ?? storedInTable {
            // `table.setdefault(key, value)` stores the value under the key, as `table[key] = value`
            // does: what a later lookup gives is the value, never the key.
            let added = (method == "setdefault" ? Array(argumentTaints.dropFirst()) : argumentTaints).reduce(anyKeyword) { Taint.merge($0, $1) }
            if let added {
                recorder.storesPaths = true
                // `rows.append({...})`: one more element, a record whose keys are known.
                let oneElement = (["append", "add", "appendleft"].contains(method) && arguments.count == 1
                    || method == "insert" && arguments.count == 2 && argumentTaints[0] == nil) && storedInTable == nil
                environment[receiverName] = oneElement ? Taint.adding(added, to: environment[receiverName])
                    : Taint.merge(environment[receiverName]?.withoutStructure, added.withoutStructure)
                if isModuleTable(receiverName), let table = oneElement ? Taint.adding(added, to: nil) : added.withoutStructure {
                    engine.recordGlobal(receiverName, table)
                }
                if let className = self.function?.className { engine.recordClassAttribute(className, receiverName, added) }
                // One element added (`self._items.append(item)`; not `setdefault(key, value)`,
                // whose key and value are not told apart here).
                if oneElement, receiverName.hasPrefix("self."), !receiverName.dropFirst(5).contains(".") { recordContainerStore(receiverName, added) }
            }
        }
        if let result = localCall(site, resolved: ownFunction, arguments: argumentTaints, keywords: keywordTaints) { return result.taint }
        // `m.as_row() for m in INBOX` on an object no binding shows (not a parameter, which
        // callers may fill with anything), the file's one method of that name taking nothing
        // but `self`: what it returns of the object's attributes, as its summary made it safe
        // (escaped), the object standing for each attribute.
        if ownFunction == nil, let receiverTaint, case .attribute(let receiver, let method, _) = function.kind, arguments.isEmpty, keywords.isEmpty,
           case .name(let receiverName, _) = receiver.kind, self.function?.parameters.contains(receiverName) != true,
           engine.classMemberNames.contains(method), let named = engine.functionsNamed[method], named.count == 1,
           let info = engine.functions[named[0]], info.parameters == ["self"] {
            engine.demanded.insert(info.qualifiedName)
            engine.consult(info.qualifiedName)
            if let summary = engine.summaries[info.qualifiedName], summary.returns.isEmpty {
                var result = summary.returnedSource
                for attribute in summary.returnedAttributes.sorted() {
                    let part = summary.returnedAttributeSafety[attribute].map { $0.apply(to: receiverTaint) } ?? receiverTaint
                    result = Taint.merge(result, part)
                }
                return result?.through(line: expression.loc.lineno, column: expression.loc.colOffset + 1, "returned by \(info.qualifiedName)()")
            }
        }

        if let source = sourceRead {
            return withSenderAddress(source)
        }
        // A fetched page, a command's output or a response object is not the text that went in:
        // the sink that took it has reported, and what comes back is no one's request data.
        if TaintSources.resultIsNotInput(site.qualifiedName) { return nil }
        // Django's `form.get_user()` after `form.is_valid()`: the account the submitted
        // credentials matched, read from the database, not the submitted text.
        if case .attribute(_, "get_user", _) = function.kind, arguments.isEmpty, site.keywords.isEmpty { return nil }
        // A query's result or a query with values bound: the receiver's data, not the values.
        if case .attribute(_, let method, _) = function.kind,
           TaintSources.queryMethods.contains(method)
            || (method.hasPrefix("fetch") || method == "query") && site.arguments.first.map(isQueryText) == true {
            return receiverTaint?.through(line: expression.loc.lineno, column: expression.loc.colOffset + 1, "passed through .\(method)()")
        }
        // `urllib.request.Request(URL, data=body)`: a request whose sending sinks judge by where
        // it goes; the body it carries goes to that fixed place.
        if let position = Self.requestObjectURLPosition[site.qualifiedName] {
            let url = argumentTaints.count > position ? argumentTaints[position] : keywordTaints["url"] ?? nil
            return url?.through(line: expression.loc.lineno, column: expression.loc.colOffset + 1, "passed through \(site.qualifiedName)()")
        }
        // `compile(source, filename, mode)`: the code object is the source's; its file name is a label.
        if site.qualifiedName == "compile" || site.qualifiedName == "builtins.compile" {
            return (argumentTaints.first ?? nil) ?? (keywordTaints["source"] ?? nil)
        }
        // `getattr(obj, name, default)`: what the object holds, or the default; not the name.
        if site.qualifiedName == "getattr" {
            let held = Taint.merge(argumentTaints.first ?? nil, argumentTaints.count > 2 ? argumentTaints[2] : nil)
            return held?.through(line: expression.loc.lineno, column: expression.loc.colOffset + 1, "passed through getattr()")
        }
        // `manifest.get("name")` after a check proved that element.
        if checkedElements, let key = Guard.elementKey(expression), let checked = environment[key] { return checked }
        // `table.get(key, default)`: a value of the table or the default, never the key (a
        // record's value under that key, when known); `setdefault` gives the same.
        if case .attribute(_, let method, _) = function.kind, method == "get" || method == "pop" || method == "setdefault" {
            var held = receiverTaint
            if let table = receiverTaint, table.fields != nil || table.elementFields != nil {
                if let key = arguments.first?.stringConstant, table.fields != nil { held = table.field(key) } else { held = table.element }
            } else if method == "get", case .attribute(let receiver, _, _) = function.kind, let key = arguments.first?.stringConstant,
                      let marker = keyedParameterField(receiver, key, receiverTaint) {
                held = marker
            }
            let values = argumentTaints.dropFirst().reduce(Taint.merge(held, keywordTaints["default"] ?? nil)) { Taint.merge($0, $1) }
            let loc = expression.loc
            return values?.through(line: loc.lineno, column: loc.colOffset + 1, "passed through \(site.qualifiedName)()")
        }
        var all = argumentTaints.reduce(Taint.merge(anyKeyword, receiverTaint)) { Taint.merge($0, $1) }
        // `"<li>{} on {:%d %b %Y}</li>".format(name, when)`: a field formatted as a number or a
        // date holds no text, whatever its value was.
        if all != nil, case .attribute(let template, "format", _) = function.kind, let text = template.stringConstant,
           let (positions, names) = Self.numberOrDateFields(text) {
            var kept = receiverTaint
            for (index, taint) in argumentTaints.enumerated() { kept = Taint.merge(kept, positions.contains(index) ? taint?.cleanedCopy : taint) }
            for (name, taint) in keywordTaints { kept = Taint.merge(kept, names.contains(name) ? taint?.cleanedCopy : taint) }
            if keywords.contains(where: { $0.arg == nil }) { kept = Taint.merge(kept, anyKeyword) }
            all = kept
        }
        if TaintSources.neutralisers.contains(site.qualifiedName) { return all?.cleanedCopy }
        // `os.path.join("/srv/uploads", name)` starts with the fixed directory (or, if `name` is
        // absolute, with "/"): never with a dash, so never read as an option.
        // Likewise a directory the operator sets, absolute by default
        // (`ROOT = os.environ.get("ROOT", "/srv/data")`).
        if site.qualifiedName == "os.path.join", let first = arguments.first,
           let base = first.stringConstant ?? { if case .name(let id, _) = first.kind { return engine.moduleStrings[id] ?? operatorDirectory(id) } else { return nil } }(),
           !base.isEmpty, !base.hasPrefix("-") {
            return all?.sanitizing([88]).through(line: expression.loc.lineno, column: expression.loc.colOffset + 1, "passed through os.path.join()")
        }
        // Percent-decoding can bring back the line breaks a request line cannot hold.
        if Self.decoders.contains(site.qualifiedName), let decoded = all?.unsanitizing(Self.lineBreakFree) {
            return decoded.through(line: expression.loc.lineno, column: expression.loc.colOffset + 1, "decoded by \(site.qualifiedName)()")
        }
        // `min(limit, 500)`: compared with a number, the value is one (or the call fails).
        if site.qualifiedName == "min" || site.qualifiedName == "max",
           arguments.contains(where: { if case .constant(.int, _) = $0.kind { true } else if case .constant(.float, _) = $0.kind { true } else { false } }) {
            return all?.cleanedCopy
        }
        // Framework readers that convert: Falcon's `req.get_param_as_int("limit")`.
        if case .attribute(_, let method, _) = function.kind, Self.numberReaders.contains(method) { return nil }
        if let cwes = TaintSources.sanitisers[site.qualifiedName] { return all?.sanitizing(cwes) }
        if case .attribute(let receiver, let method, _) = function.kind, TaintSources.routeURLMethods.contains(method),
           case .name(let id, _) = receiver.kind, id == "request" || id == "req" || self.function?.parameters.first == id {
            return all?.sanitizing([601, 79, 113, 918])
        }
        // A Tornado handler's `self.reverse_url("room", name)`: a path of this site, its arguments encoded.
        if case .attribute(let receiver, "reverse_url", _) = function.kind, case .name("self", _) = receiver.kind, engine.imports.imports("tornado") {
            return all?.sanitizing([601, 79, 113, 918])
        }
        // pandas' `df.to_html()` escapes cell text unless told `escape=False`.
        if case .attribute(_, "to_html", _) = function.kind {
            if let escape = site.argument("escape"), case .constant(.bool(false), _) = escape.kind {} else { return all?.sanitizing([79]) }
        }
        if case .attribute(_, let method, _) = function.kind, Self.booleanMethods.contains(method) { return nil }
        // `hashlib.sha256(x).hexdigest()`: hex digits, whatever went in.
        if case .attribute(_, "hexdigest", _) = function.kind { return all?.cleanedCopy }
        if let cleaned = lineBreaksRemoved(function: function, arguments: arguments, receiver: receiverTaint) { return cleaned }
        // `SAFE_NAME.sub("_", name)` with `SAFE_NAME = re.compile(r"[^A-Za-z0-9_.-]")`: what is
        // left holds only the characters the class spares.
        if let (pattern, replacement) = substitution(site, function: function, arguments: arguments),
           let cwes = Self.sparedClassSafety(pattern: pattern, replacement: replacement), !cwes.isEmpty {
            return all?.sanitizing(cwes)
        }
        if substitutesLineBreaks(site, function: function, arguments: arguments) { return all?.sanitizing([113, 117]) }
        // `m = SIZE_RE.fullmatch(size)`: a match of the whole value against the program's
        // pattern; its groups are pieces of text that passed it (as the check `Guard` proves),
        // when the pattern lets no special character through (a line break only where lines
        // are written). One that does parses the text (`^!define (?P<body>.+)$`), checking
        // nothing of what its groups hold.
        if case .attribute(let receiver, let method, _) = function.kind, case .name(let patternName, _) = receiver.kind,
           let compiled = engine.compiledPattern(named: patternName), let pattern = compiled, Guard.matchesWhole(method: method, pattern: pattern),
           RegexShape.admits(RegexShape.specialCharacters, pattern) == false {
            let matched = argumentTaints.first ?? nil
            return RegexShape.admits(RegexShape.lineBreaks, pattern) == false ? matched?.cleanedCopy
                : matched?.sanitizing(Set(engine.ruleCWEs).subtracting([113, 117]))
        }
        // `"".join(ch if ch.isprintable() else "?" for ch in text)`: only the characters a
        // test of each lets through.
        if case .attribute(_, "join", _) = function.kind, arguments.count == 1, let kept = Self.characterFilter(arguments[0]) {
            return kept.isEmpty ? all?.cleanedCopy : all?.sanitizing(kept)
        }
        // `", ".join(row)` of a mapping itself (not `row.values()`): its keys, joined
        // (`row = {"ip": ip, ...}`: the program's).
        if case .attribute(_, "join", _) = function.kind, arguments.count == 1,
           { switch arguments[0].kind { case .name, .attribute, .dict: true; default: false } }(),
           let mapping = argumentTaints[0], mapping.fields != nil || mapping.keysFixed {
            return Taint.merge(receiverTaint, mapping.keysOfMapping)
        }
        // `re.sub(pattern, repl, text)`: the text with pieces of itself (or of `repl`) put in;
        // the pattern only chooses where.
        if site.qualifiedName == "re.sub" || site.qualifiedName == "re.subn", arguments.count >= 3, keywords.isEmpty || keywords.allSatisfy({ $0.arg == "flags" || $0.arg == "count" }) {
            let kept = Taint.merge(argumentTaints[1], argumentTaints[2])
            return kept?.through(line: expression.loc.lineno, column: expression.loc.colOffset + 1, "passed through \(site.qualifiedName)()")
        }
        // A template rendered escaping, or a Mako template of this file reported at the render
        // as a sink (`XSSFlowRule`): what comes back is not reported again.
        if rendersEscaped(function) { return all?.sanitizing([79]) }
        // `"https://api.example.com/u/{}".format(name)`: the host is fixed.
        if case .attribute(_, "format", _) = function.kind, let placed = placedInURL(all, by: expression), placed != all {
            return placed
        }
        // `Markup("<p>{}</p>").format(x)` escapes what it puts in.
        if case .attribute(let receiver, "format", _) = function.kind, let markup = callName(receiver),
           markup == "markupsafe.Markup" || markup == "flask.Markup" {
            return all?.sanitizing([79])
        }
        let loc = expression.loc
        // `rid = store.insert(title, body)`, `removed = subs.unsubscribe(token)`: what a store's
        // write gives back is an id, a count or a flag, no line the data could forge in a log.
        if case .attribute(_, let method, _) = function.kind,
           Self.storeWrites.contains(where: { method == $0 || method.hasPrefix($0 + "_") }) {
            return all?.sanitizing([117]).through(line: loc.lineno, column: loc.colOffset + 1, "passed through \(site.qualifiedName)()")
        }
        return all?.through(line: loc.lineno, column: loc.colOffset + 1, "passed through \(site.qualifiedName)()")
    }

    /// Method names of a store's writes (`insert`, `delete_expired`), whose results are ids,
    /// counts or flags.
    static let storeWrites = ["insert", "delete", "remove", "update", "upsert", "unsubscribe", "subscribe", "count", "exists", "revoke", "purge", "expire"]

    /// The replacement fields of a `str.format` template formatted as numbers or dates (`{:.2f}`,
    /// `{1:%H:%M}`, `{when:%d %b}`), by argument position and keyword name; nil when there are none
    /// or the template is not one this reads (nested fields).
    static func numberOrDateFields(_ template: String) -> (positions: Set<Int>, names: Set<String>)? {
        var positions = Set<Int>(), names = Set<String>()
        var automatic = 0
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{") {
            let after = rest.index(after: open)
            if after < rest.endIndex, rest[after] == "{" { rest = rest[rest.index(after: after)...]; continue }
            guard let close = rest[after...].firstIndex(of: "}") else { return nil }
            let field = rest[after..<close]
            if field.contains("{") { return nil }
            rest = rest[rest.index(after: close)...]
            let colon = field.firstIndex(of: ":")
            var reference = colon.map { field[..<$0] } ?? field
            let spec = colon.map { String(field[field.index(after: $0)...]) } ?? ""
            var converted = false
            if let bang = reference.firstIndex(of: "!") { reference = reference[..<bang]; converted = true }
            let name = reference.prefix { $0 != "." && $0 != "[" }
            let index: Int?
            if name.isEmpty { index = automatic; automatic += 1 } else { index = Int(name) }
            guard !converted, name.count == reference.count, formatsNumberOrDate(spec) else { continue }
            if let index { positions.insert(index) } else { names.insert(String(name)) }
        }
        return positions.isEmpty && names.isEmpty ? nil : (positions, names)
    }

    /// `x.replace("\r", "").replace("\n", "")`: once both carriage returns and line feeds are
    /// gone, the value cannot split a header or forge a log line (CWE-113, CWE-117). Slashes
    /// replaced leave one path component (CWE-22).
    private func lineBreaksRemoved(function: Expr, arguments: [Expr], receiver: Taint?) -> Taint? {
        guard case .attribute(_, "replace", _) = function.kind, let receiver, arguments.count >= 2,
              let old = arguments[0].stringConstant, let new = arguments[1].stringConstant else { return nil }
        // `f"{ref}.json".replace("/", "_")`: one path component, which cannot climb out of the
        // directory it is joined to.
        if old == "/", !new.contains("/") { return receiver.sanitizing([22]) }
        guard !new.contains("\n"), !new.contains("\r") else { return nil }
        var result = receiver
        if old == "\n" { result = result.sanitizing([Self.lineFeedsRemoved]) }
        if old == "\r" { result = result.sanitizing([Self.carriageReturnsRemoved]) }
        if result.sanitized.contains(Self.lineFeedsRemoved), result.sanitized.contains(Self.carriageReturnsRemoved) {
            result = result.sanitizing([113, 117])
        }
        return result
    }

    /// The pattern and literal replacement of `re.sub(pattern, repl, v)` or `NAME.sub(repl, v)`
    /// of a compiled pattern.
    private func substitution(_ site: CallSite, function: Expr, arguments: [Expr]) -> (String, String)? {
        if site.qualifiedName == "re.sub", arguments.count >= 3, let pattern = arguments[0].stringConstant,
           let replacement = arguments[1].stringConstant {
            return (pattern, replacement)
        }
        if case .attribute(let owner, "sub", _) = function.kind, arguments.count >= 2, case .name(let id, _) = owner.kind,
           let compiled = engine.moduleValues[id] ?? engine.onlyAssignment(of: id, around: owner.loc.startByte),
           callName(compiled) == "re.compile", case .call(_, let compileArguments, _) = compiled.kind,
           let pattern = compileArguments.first?.stringConstant, let replacement = arguments[0].stringConstant {
            return (pattern, replacement)
        }
        return nil
    }

    /// What a substitution of a negated class (`[^A-Za-z0-9_.-]`, `[^\w.-]+`) leaves text safe
    /// for: paths without a separator, commands without shell characters, markup without its
    /// characters, logs without line breaks. Nil for any other pattern.
    static func sparedClassSafety(pattern: String, replacement: String) -> Set<Int>? {
        var body = Substring(pattern)
        if body.hasSuffix("+") || body.hasSuffix("*") { body = body.dropLast() }
        guard body.hasPrefix("[^"), body.hasSuffix("]"), body.count > 3 else { return nil }
        let inner = Array(body.dropFirst(2).dropLast())
        var spared: [(Character, Character)] = []  // ranges of characters the class does not match
        var words = false, digits = false, spaces = false
        var index = 0
        while index < inner.count {
            var character = inner[index]
            if character == "\\", index + 1 < inner.count {
                index += 1
                switch inner[index] {
                case "w": words = true; index += 1; continue
                case "d": digits = true; index += 1; continue
                case "s": spaces = true; index += 1; continue
                case "n": character = "\n"
                case "r": character = "\r"
                case "t": character = "\t"
                default: character = inner[index]
                }
            } else if character == "[" || character == "]" {
                return nil  // a nested class or a stray bracket: not read
            }
            if index + 2 < inner.count, inner[index + 1] == "-", inner[index + 2] != "\\" {
                spared.append((character, inner[index + 2]))
                index += 3
            } else {
                spared.append((character, character))
                index += 1
            }
        }
        func kept(_ character: Character) -> Bool {
            if words, character.isLetter || character.isNumber || character == "_" { return true }
            if digits, character.isNumber { return true }
            if spaces, character == " " || character == "\t" || character == "\n" || character == "\r" { return true }
            return spared.contains { $0.0 <= character && character <= $0.1 } || replacement.contains(character)
        }
        var cwes: Set<Int> = []
        if !kept("/"), !kept("\\") { cwes.insert(22) }
        if !kept("\n"), !kept("\r") { cwes.formUnion([113, 117]) }
        if !"<>\"'&".contains(where: kept) { cwes.insert(79) }
        if !";|&`$()<>\n\r'\" \\*?{}[]!#~".contains(where: kept) { cwes.insert(78) }
        return cwes
    }

    /// `re.sub(r"[\r\n]", "", v)` or `CONTROL.sub("?", v)` with `CONTROL = re.compile(r"[\x00-\x1f]")`:
    /// a substitution whose pattern matches both line breaks, replaced by text without one.
    private func substitutesLineBreaks(_ site: CallSite, function: Expr, arguments: [Expr]) -> Bool {
        guard let (pattern, replacement) = substitution(site, function: function, arguments: arguments),
              !replacement.contains(where: { $0 == "\n" || $0 == "\r" || $0 == "\r\n" }), !replacement.contains("\\") else { return false }
        return Self.matchesBothLineBreaks(pattern)
    }

    /// The default of a module-level `NAME = os.environ.get("X", "/srv/data")` (or `os.getenv`):
    /// a directory the operator may move, absolute unless they say otherwise.
    private func operatorDirectory(_ id: String) -> String? {
        guard let value = engine.moduleValues[id], let name = callName(value), name == "os.environ.get" || name == "os.getenv",
              case .call(_, let arguments, _) = value.kind, arguments.count == 2, let fallback = arguments[1].stringConstant,
              fallback.hasPrefix("/") else { return nil }
        return fallback
    }

    /// `tmpl.render(...)` of `tmpl = env.get_template(...)` (or `env.from_string`), where `env`
    /// is a Jinja2 environment made with autoescaping on (`autoescape=True` or
    /// `select_autoescape(...)`): what it renders is escaped. So is a Mako template's, made
    /// here or by a lookup made here: escaping, or reported at the render itself, a sink
    /// (`XSSFlowRule.makoTemplateEscapes`); what comes back is not reported again.
    private func rendersEscaped(_ function: Expr) -> Bool {
        func value(of expression: Expr) -> Expr? {
            // `self.template` of `self.template = Template(PAGE)` in the constructor.
            if case .attribute(let owner, let attr, _) = expression.kind, case .name("self", _) = owner.kind {
                return engine.parsed.module.onlyConstructorStore(of: attr, inClassAround: expression.loc.startByte)
            }
            guard case .name(let id, _) = expression.kind else { return expression }
            return engine.onlyAssignment(of: id, around: expression.loc.startByte) ?? engine.moduleValues[id]
        }
        // Tornado's templates escape every `{{ }}` unless the template, or the loader it came
        // from (`LOADER.load("x.html")`), was made with `autoescape=None`.
        if case .attribute(let receiver, "generate", _) = function.kind, engine.imports.imports("tornado") {
            func turnsEscapingOff(_ made: Expr?) -> Bool {
                guard case .call(_, _, let keywords) = made?.kind else { return false }
                return keywords.contains { $0.arg == "autoescape" && $0.value.isNoneConstant }
            }
            let template = value(of: receiver)
            var loader: Expr?
            if case .call(let load, _, _) = template?.kind, case .attribute(let owner, "load", _) = load.kind { loader = value(of: owner) }
            return !turnsEscapingOff(template) && !turnsEscapingOff(loader)
        }
        guard case .attribute(let receiver, "render", _) = function.kind else { return false }
        guard let template = value(of: receiver), case .call(let loader, _, _) = template.kind else { return false }
        if callName(template) == "mako.template.Template" { return true }
        guard case .attribute(let environment, let method, _) = loader.kind, method == "get_template" || method == "from_string",
              let made = value(of: environment), let maker = callName(made), case .call(_, _, let keywords) = made.kind else { return false }
        if maker == "mako.lookup.TemplateLookup" { return method == "get_template" }
        guard maker == "jinja2.Environment" || maker == "jinja2.sandbox.SandboxedEnvironment",
              let autoescape = keywords.first(where: { $0.arg == "autoescape" })?.value else { return false }
        if autoescape.isTruthyConstant { return true }
        return callName(autoescape).map { $0.hasSuffix("select_autoescape") } ?? false
    }

    /// Whether a regular expression's text plainly matches both `\r` and `\n`: names both, a
    /// control-character range from `\x00`, or `\s`.
    static func matchesBothLineBreaks(_ pattern: String) -> Bool {
        // `[^A-Za-z0-9._-]`: everything but a list without line breaks or blank escapes.
        if pattern.hasPrefix("[^"), pattern.hasSuffix("]") || pattern.hasSuffix("]+"), pattern.filter({ $0 == "]" }).count == 1 {
            let kept = pattern.dropFirst(2).prefix { $0 != "]" }
            return !kept.contains("\\") && !kept.contains("\n") && !kept.contains("\r") && !kept.contains(" ")
        }
        let lower = pattern.lowercased()
        if lower.contains("\\s") || lower.contains("\\x00-\\x1f") || lower.contains("\\x00-\\x20") || lower.contains("[:cntrl:]") { return true }
        let namesLineFeed = lower.contains("\\n") || pattern.contains("\n")
        let namesCarriageReturn = lower.contains("\\r") || pattern.contains("\r")
        return namesLineFeed && namesCarriageReturn
    }

    /// What a value without line breaks is safe for: headers and log lines (and the two
    /// halves of `lineBreaksRemoved`).
    static let lineBreakFree: Set<Int> = [113, 117, lineFeedsRemoved, carriageReturnsRemoved]
    static let decoders: Set<String> = [
        "urllib.parse.unquote", "urllib.parse.unquote_plus", "urllib.parse.parse_qs", "urllib.parse.parse_qsl",
        "urllib.parse.unquote_to_bytes",
    ]

    /// Request readers that return a number or a boolean (Falcon's, Tornado's), never text.
    static let numberReaders: Set<String> = [
        "get_param_as_int", "get_param_as_float", "get_param_as_bool", "get_param_as_uuid", "get_param_as_date", "get_param_as_datetime",
    ]

    /// Markers in `Taint.sanitized` (no real CWE is negative): half of the line-break removal.
    static let lineFeedsRemoved = -10
    static let carriageReturnsRemoved = -13

    /// asyncpg's `conn.fetch("SELECT …", x)`, the databases package's `fetch_one`, a
    /// driver's `query`: given a query's text (written there, or a module constant), not a
    /// URL or a key (`client.fetch(url)`).
    private func isQueryText(_ expression: Expr) -> Bool {
        var text = expression.stringConstant
        if text == nil, case .name(let id, _) = expression.kind { text = engine.moduleStrings[id] }
        guard let text else { return false }
        let head = text.drop { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "(" }.prefix(6).uppercased()
        return head.hasPrefix("SELECT") || head.hasPrefix("WITH")
    }

    /// Asks each data-flow rule whether this call is its sink, and reports tainted arguments.
    private mutating func checkSinks(_ site: CallSite, taintOf: (Expr) -> Taint?) {
        // `entry = "caller=%r txn=%r"` … `audit.info(entry, caller, txn)`: the format is the
        // text the name was bound to, read as if written in the call. Text built from pieces
        // or by a helper (`fmt, args = describe(record)`) is read so too when every conversion
        // in it escapes line breaks: however the pieces combine, none formats text as it is.
        lazy var withFormatsInPlace: CallSite = {
            let arguments = site.arguments.map { argument -> Expr in
                guard case .name(let id, _) = argument.kind else { return argument }
                if let bound = engine.onlyAssignment(of: id, around: argument.loc.startByte), bound.stringConstant != nil { return bound }
                guard let text = engine.fixedText(of: id, around: argument.loc.startByte),
                      let conversions = LogInjectionFlowRule.conversions(in: text), !conversions.isEmpty,
                      conversions.allSatisfy(LogInjectionFlowRule.escapingConversions.contains) else { return argument }
                return Expr(.constant(value: .str(PyStr(text)), kind: nil), argument.loc)
            }
            return CallSite(site, arguments: arguments, keywords: site.keywords)
        }()
        for (index, rule) in engine.rules.enumerated() {
            let cwe = engine.ruleCWEs[index]
            var arguments = rule.sinkArguments(of: site, imports: engine.imports)
            if cwe == 117, !arguments.isEmpty, site.arguments.contains(where: { if case .name = $0.kind { true } else { false } }) {
                arguments = rule.sinkArguments(of: withFormatsInPlace, imports: engine.imports)
            }
            guard !arguments.isEmpty else { continue }
            // Tornado's `self.write(entry)` of a record made here or by a helper: sent as JSON.
            if cwe == 79, case .attribute(let receiver, let method, _) = site.function.kind, case .name("self", _) = receiver.kind,
               method == "write" || method == "finish", arguments.count == 1, isRecord(arguments[0]) { continue }
            // `parser = etree.XMLParser(...)` one line, the parse the next: a safe parser makes
            // no sink; an unsafe one's line joins the path.
            var madeAt: [(line: Int, column: Int, name: String)] = []
            var madeSafe = false
            for configuring in rule.configuringArguments(of: site) {
                // Made in this function, or once at the top level (`parser = etree.XMLParser(...)`),
                // or returned by a function of the file (`parser=_parser()`).
                let id: String
                var found: Expr
                if case .name(let name, _) = configuring.kind,
                   let value = engine.onlyAssignment(of: name, around: configuring.loc.startByte)
                    ?? engine.moduleValues[name] {
                    (id, found) = (name, value)
                } else if case .attribute(let owner, let attr, _) = configuring.kind, case .name("self", _) = owner.kind,
                          let value = engine.parsed.module.onlyConstructorStore(of: attr, inClassAround: configuring.loc.startByte) {
                    // `parser=self.parser` of `self.parser = etree.XMLParser(...)` in the constructor.
                    (id, found) = ("self.\(attr)", value)
                    // `self.environment = environment` of a constructor parameter declared
                    // `environment: ImmutableSandboxedEnvironment`: one made by that class.
                    if case .name(let parameter, _) = value.kind, let className = function?.className,
                       let type = engine.constructors[className]?.annotations.first(where: { $0.0 == parameter })?.1 {
                        found = Expr(.call(func: type, args: [], keywords: []), type.loc)
                    }
                } else if case .call(let maker, let makerArguments, _) = configuring.kind, makerArguments.isEmpty,
                          case .name(let name, _) = maker.kind, engine.imports.binding(of: name) == nil,
                          let function = engine.functions[name], let value = Self.finalReturn(of: function, in: engine.parsed.module) {
                    (id, found) = ("\(name)()", value)
                } else if case .call = configuring.kind {
                    // Made in the call itself (`env.get_template("board.html").render(...)`).
                    (id, found) = (engine.parsed.text(of: configuring.loc), configuring)
                } else {
                    continue
                }
                // `parser = self._parser()` of a method returning `defusedxml.sax.make_parser()`.
                var made = found
                // `parser = _manifest_parser()` of a function of the file returning the parser it makes.
                if case .call(let maker, let makerArguments, _) = made.kind, makerArguments.isEmpty,
                   case .name(let name, _) = maker.kind, engine.imports.binding(of: name) == nil,
                   let function = engine.functions[name], let value = Self.finalReturn(of: function, in: engine.parsed.module) {
                    made = value
                }
                if case .call(let maker, let makerArguments, _) = made.kind, makerArguments.isEmpty,
                   case .attribute(let receiver, let method, _) = maker.kind, case .name("self", _) = receiver.kind,
                   let returned = engine.parsed.module.returnedValues(ofFunction: method, inClassAround: configuring.loc.startByte),
                   returned.count == 1 {
                    made = returned[0]
                }
                if rule.configurationMakesSafe(made, boundTo: id, in: engine.parsed.module, imports: engine.imports) { madeSafe = true }
                madeAt.append((made.loc.lineno, made.loc.colOffset + 1, id))
            }
            if madeAt.isEmpty, rule.sinkRequiresConfiguration(site) { continue }
            if madeSafe {
                // Untrusted data reached it, made safe: a pattern alarm here is explained away.
                if arguments.contains(where: { taintOf($0)?.origins.contains(.source) == true }) {
                    engine.noteClean(line: site.expression.loc.lineno, cwe: cwe)
                }
                continue
            }
            let operatorDataHarmless = rule.operatorDataIsHarmless(in: site)
            for argument in arguments {
                // `ZipFile(upload)` of `upload = request.files.get("f")`: a file object, not a path.
                if cwe == 22, isUploadedFileObject(argument) { continue }
                guard var taint = taintOf(argument) else {
                    // A web handler's query that the flow saw hold none of the request's data (its
                    // dynamic parts the program's own: column lists, checked sort keys): the
                    // query-building alarm there is explained away. So in a plain function some
                    // call hands untrusted data (`run_search(query)`), none of which the query
                    // holds (a method's query may hold what another method stored in `self`).
                    if cwe == 89, let handler = function,
                       handler.isHandler ? !handler.handlerByParameterName
                           : handler.className == nil && engine.demanded.contains(handler.qualifiedName) {
                        engine.noteClean(line: site.expression.loc.lineno, cwe: cwe)
                    }
                    continue
                }
                for made in madeAt { taint = taint.through(line: made.line, column: made.column, "parsed with \(made.name) made here") }
                let dangerous = taint.isDangerous(for: cwe, settingsHarmless: operatorDataHarmless)
                guard dangerous || taint.reachesCallersSink(for: cwe) else {
                    // Untrusted data, or a parameter's (whatever callers pass), arrives made safe;
                    // or the operator's settings arrive where they are harmless (a shelf's path).
                    if taint.origins.contains(.source) ? taint.wasMadeSafe(for: cwe) || operatorDataHarmless && taint.isOperatorSettings
                        : taint.origins.contains(where: { switch $0 { case .parameter, .parameterField: true; default: false } }) {
                        engine.noteClean(line: site.expression.loc.lineno, cwe: cwe)
                    }
                    continue
                }
                let loc = site.expression.loc
                // A receiver no import names, or one bound to a call's result
                // (`log = logging.getLogger()`), is shown as written.
                let sink = site.qualifiedName.hasPrefix("?.") || site.qualifiedName.contains("().")
                    ? engine.parsed.text(of: site.function.loc) : site.qualifiedName
                if dangerous {
                    engine.report(rule: index, at: (loc.lineno, loc.colOffset + 1, loc.endLineno, loc.endColOffset + 1), taint: taint,
                                  sink: sink)
                }
                recordSink(taint, FunctionSummary.SinkHit(
                    rule: index, line: loc.lineno, column: loc.colOffset + 1, endLine: loc.endLineno, endColumn: loc.endColOffset + 1,
                    callee: sink, operatorDataHarmless: operatorDataHarmless,
                    madeAt: madeAt.first.map { FunctionSummary.Place(line: $0.line, column: $0.column) }, madeName: madeAt.first?.name))
            }
        }
    }

    /// What a function's last statement returns, or the value of the name it returns where
    /// the function binds that name once (`parser = defused_make_parser()` … `return parser`).
    static func finalReturn(of function: FunctionInfo, in module: Module) -> Expr? {
        guard let last = function.body.last, case .return(let value?) = last.kind else { return nil }
        if case .name(let id, _) = value.kind, let bound = module.onlyAssignment(of: id, inFunctionAround: value.loc.startByte) { return bound }
        return value
    }

    static let dataFileWords: Set<String> = ["conf", "config", "cfg", "ini", "yaml", "yml", "json", "toml", "csv", "tsv", "xml", "zone", "hosts", "crontab"]

    /// Whether the function around `position` opens the file `id` names for appending text
    /// (`with open(path, "a") as fh`, `fh = open(path, "a", encoding="utf-8")`).
    func appendsText(to id: String, around position: Int) -> Bool {
        func appending(_ call: Expr) -> Bool {
            guard isOpenCall(call), case .call(_, let arguments, let keywords) = call.kind,
                  let mode = (arguments.count > 1 ? arguments[1] : keywords.first(where: { $0.arg == "mode" })?.value)?.stringConstant else { return false }
            return mode.contains("a") && !mode.contains("b") && !namesDataFile(arguments.first)
        }
        // A configuration or data file appended to (`customer_trunks.conf`, `export.csv`) is
        // no log: its format, not a log reader, is what a line break upsets.
        func namesDataFile(_ path: Expr?) -> Bool {
            guard let path else { return false }
            var text = engine.parsed.text(of: path.loc)
            if case .name(let name, _) = path.kind, let bound = engine.onlyAssignment(of: name, around: path.loc.startByte) {
                text += " " + engine.parsed.text(of: bound.loc)
            }
            let parts = Set(SecurityContext.nameParts(of: text.lowercased()))
            return !parts.isDisjoint(with: Self.dataFileWords) && !parts.contains("log") && !parts.contains("audit")
        }
        if let bound = engine.onlyAssignment(of: id, around: position) { return appending(bound) }
        var found = false
        ScopeWalk.walk(engine.parsed.module.scopeBody(around: position)) { node in
            guard !found else { return false }
            if case .stmt(let statement) = node, case .with(let items, _, _) = statement.kind {
                found = items.contains { item in
                    if case .name(id, _)? = item.optionalVars?.kind { return appending(item.contextExpr) }
                    return false
                }
            }
            return !found
        }
        return found
    }

    /// Hand-offs whose (awaited) result is what the function returns.
    static let returnsHandedOffResult: Set<String> = ["run_in_executor", "to_thread", "run_in_threadpool", "run_sync"]

    /// The call a scheduler will make: `add_task(f, *args)`, `submit(f, *args)`,
    /// `to_thread(f, *args)`, `run_in_executor(executor, f, *args)`, `call_soon(f, *args)`,
    /// `Thread(target=f, args=(...))` (and `Process`, `Timer`'s `function`).
    /// What `**mapping` passes: its values (its keys only pick parameters or placeholders),
    /// `ROW.format(**{k: escape(v) for k, v in row.items()})` escaped text.
    private mutating func spreadValues(_ mapping: Expr, depth: Int) -> Taint? {
        // A comprehension's keys are evaluated for their sinks, but only its values passed.
        if case .dictComp(let key, let value, let generators) = mapping.kind {
            for generator in generators {
                bindIteration(generator.target, over: generator.iter, depth: depth + 1)
                for condition in generator.ifs { _ = self.expression(condition, depth: depth + 1) }
            }
            _ = self.expression(key, depth: depth + 1)
            return self.expression(value, depth: depth + 1)
        }
        return self.expression(mapping, depth: depth)?.anyValue
    }

    /// Whether `callee` names a function of this file: a plain one, or a method of an instance
    /// made here or of `self`.
    private func isFileFunction(_ callee: Expr) -> Bool {
        switch callee.kind {
        case .name(let id, _):
            return engine.imports.binding(of: id) == nil && (engine.functions[id] != nil || engine.innerFunctionNames.contains(id))
        case .attribute(let owner, let method, _):
            guard case .name(let id, _) = owner.kind, engine.classMemberNames.contains(method) else { return false }
            return instances[id] != nil || (id == "self" && function?.className != nil)
        default:
            return false
        }
    }

    static func handedOffCall(_ expression: Expr, function: Expr, arguments: [Expr], keywords: [Keyword]) -> Expr? {
        let name: String
        switch function.kind {
        case .attribute(_, let attr, _): name = attr
        case .name(let id, _): name = id
        default: return nil
        }
        let spread: Int
        switch name {
        case "add_task", "submit", "to_thread", "call_soon", "call_soon_threadsafe", "apply_async", "spawn", "run_in_threadpool", "run_sync", "enqueue":
            spread = 0
        case "run_in_executor", "call_later": spread = 1
        case "Thread", "Process", "Timer":
            guard let target = keywords.first(where: { $0.arg == "target" || $0.arg == "function" })?.value else { return nil }
            var passed: [Expr] = []
            if let args = keywords.first(where: { $0.arg == "args" })?.value {
                switch args.kind {
                case .tuple(let elements, _), .list(let elements, _): passed = elements
                default: return nil
                }
            }
            return Expr(.call(func: target, args: passed, keywords: []), expression.loc)
        default: return nil
        }
        guard arguments.count > spread, !arguments.contains(where: { if case .starred = $0.kind { true } else { false } }) else { return nil }
        var passed = Array(arguments[(spread + 1)...])
        // `pool.apply_async(f, (x,))`: the arguments as one tuple.
        if name == "apply_async", passed.count == 1, case .tuple(let elements, _) = passed[0].kind { passed = elements }
        return Expr(.call(func: arguments[spread], args: passed, keywords: name == "add_task" ? keywords : []), expression.loc)
    }

    /// `cmd = ["ping", "-c", "1", host]` … `subprocess.run(cmd)`: the list a process call's
    /// command name stands for, written out, so the program (fixed here) and its arguments are
    /// judged apart, as for a list written in the call. The name itself follows as a last
    /// element: what `cmd.append(x)` added later sits at the end (after any `--`, positional).
    /// A list a function of this file returns (`cmd, dest = job.build_command()`) gives its
    /// program (`helperProgram`).
    func withCommandListSpelledOut(_ site: CallSite) -> CallSite {
        guard CommandInjectionFlowRule.processCalls.contains(site.qualifiedName),
              let command = site.argument("args", position: 0) else { return site }
        var elements: [Expr] = []
        // A list a helper returns: its program, and the list itself as the arguments unless
        // the helper's list holds none a value could turn into an option. With a shell the
        // whole command is judged.
        let shell = site.argument("shell", position: 8).map { $0.boolConstant != false && !$0.isNoneConstant } ?? false
        var appendsCommand = true
        func helperList(_ call: Expr, element: Int?, eachOf: Bool = false) -> Bool {
            // `pdf_command(src, out, title)` returning `[BIN, "--title", title, str(src), str(out)]`:
            // that list, with what this call passes in its parameters' places.
            if !shell, element == nil, !eachOf, let items = helperListWritten(call) {
                elements = items
                appendsCommand = false
                return true
            }
            guard !shell, let (program, optionsPossible) = helperProgram(call, element: element, eachOf: eachOf) else { return false }
            elements = [program]
            appendsCommand = optionsPossible
            return true
        }
        if case .call = command.kind {
            // `subprocess.run(build_command(x))`.
            guard helperList(command, element: nil) else { return site }
        } else {
            guard case .name(let id, _) = command.kind else { return site }
            let module = engine.parsed.module, position = site.expression.loc.startByte
            if let (value, index, _) = module.onlyUnpacking(of: id, inFunctionAround: position) {
                // `cmd, dest = job.build_command()`.
                guard helperList(value, element: index) else { return site }
            } else if let iterables = module.loopIterables(of: id, inFunctionAround: position), iterables.count == 1,
                      case .call = iterables[0].kind {
                // `for cmd in self._checkout_cmds(repo_dir, ref):`, a helper returning a list of lists.
                guard helperList(iterables[0], element: nil, eachOf: true) else { return site }
            } else if let assigned = module.onlyAssignment(of: id, inFunctionAround: position) {
                switch assigned.kind {
                case .list(let items, _), .tuple(let items, _):
                    elements = items
                    // Nothing added later: the list as written is all of it.
                    appendsCommand = Self.appendedElements(id, in: module.scopeBody(around: position)).map { !$0.isEmpty } ?? true
                // `["zgrep", "-F", "-e", term, "--"] + files`: the list's program, what follows after it.
                case .binOp(let left, .add, let right):
                    guard case .list(let items, _) = left.kind else { return site }
                    elements = items + [right]
                case .call:
                    guard helperList(assigned, element: nil) else { return site }
                default: return site
                }
            } else {
                return site
            }
        }
        guard !elements.isEmpty else { return site }
        // Passed by position (`args=cmd`, rare, is left as it is).
        guard let index = site.arguments.firstIndex(where: { $0.loc == command.loc }) else { return site }
        var arguments = site.arguments
        arguments[index] = Expr(.list(elts: appendsCommand ? elements + [command] : elements, ctx: .load), command.loc)
        return CallSite(site, arguments: arguments, keywords: site.keywords)
    }

    /// The program of the command list a function of this file returns, whole or at `element`
    /// of the tuple it returns (`return cmd, dest` after `cmd = ["wkhtmltopdf", …]`), as a
    /// string constant: every return names that same fixed program, and no shell. With
    /// `eachOf`, every list of the list it returns does (`return [["git", "fetch"], [...]]`).
    /// Whether `argument` names the uploaded file object a request holds (`request.files.get("f")`),
    /// bound once here.
    func isUploadedFileObject(_ argument: Expr) -> Bool {
        guard case .name(let id, _) = argument.kind,
              let bound = engine.onlyAssignment(of: id, around: argument.loc.startByte),
              case .call(let function, _, _) = bound.kind, case .attribute(let table, "get", _) = function.kind,
              case .attribute(let request, let attr, _) = table.kind, attr == "files" || attr == "FILES",
              case .name(let requestName, _) = request.kind else { return false }
        return requestName == "request" || requestName == "req" || self.function?.parameters.first == requestName
    }

    /// The one list literal a helper of this file returns, its parameters replaced by what
    /// `call` passes (by position or keyword), when it reads nothing else that could vary:
    /// parameters, module-level names and fixed text, through calls and f-strings. Nil
    /// otherwise (the helper's list is then judged as a whole).
    private func helperListWritten(_ call: Expr) -> [Expr]? {
        guard case .call(_, let arguments, let keywords) = call.kind,
              !arguments.contains(where: { if case .starred = $0.kind { true } else { false } }), !keywords.contains(where: { $0.arg == nil }),
              let site = CallSite(call, imports: engine.imports) ?? CallSite(unresolved: call),
              let (info, _, skipped) = resolveLocal(site), let last = info.body.last, case .return(let value?) = last.kind,
              case .list(let items, _) = value.kind, let first = items.first, operatorProgram(first) != nil else { return nil }
        // Exactly one `return`: the last statement.
        var returns = 0
        ScopeWalk.walk(info.body) { node in
            if case .stmt(let statement) = node, case .return = statement.kind { returns += 1 }
            return true
        }
        guard returns == 1 else { return nil }
        let parameters = Array(info.parameters.dropFirst(skipped))
        var passed: [String: Expr] = [:]
        for (index, argument) in arguments.enumerated() where index < parameters.count { passed[parameters[index]] = argument }
        for keyword in keywords { if let name = keyword.arg { passed[name] = keyword.value } }
        func substitute(_ expression: Expr, depth: Int) -> Expr? {
            guard depth < 8 else { return nil }
            switch expression.kind {
            case .constant: return expression
            case .name(let id, _):
                if let argument = passed[id] { return argument }
                if info.parameters.contains(id) { return nil }  // a default this call leaves: not known here
                return engine.moduleValues[id] != nil || engine.moduleStrings[id] != nil ? expression : nil
            case .call(let function, let inner, let innerKeywords):
                guard innerKeywords.isEmpty, case .name = function.kind else { return nil }
                let replaced = inner.compactMap { substitute($0, depth: depth + 1) }
                guard replaced.count == inner.count else { return nil }
                return Expr(.call(func: function, args: replaced, keywords: []), expression.loc)
            case .joinedStr(let parts):
                var replaced: [Expr] = []
                for part in parts {
                    if case .formattedValue(let inner, let conversion, let spec) = part.kind {
                        guard spec == nil, let value = substitute(inner, depth: depth + 1) else { return nil }
                        replaced.append(Expr(.formattedValue(value: value, conversion: conversion, formatSpec: nil), part.loc))
                    } else {
                        replaced.append(part)
                    }
                }
                return Expr(.joinedStr(values: replaced), expression.loc)
            default:
                return nil
            }
        }
        var written: [Expr] = []
        for item in items {
            guard let replaced = substitute(item, depth: 0) else { return nil }
            written.append(replaced)
        }
        return written
    }

    /// The call with keyword values `self.x` replaced by what the constructor stores there when
    /// that is fixed: a constant, or a parameter's default (`Loader=self.loader_cls` of
    /// `def __init__(self, loader_cls=yaml.SafeLoader)`). Callers passing another are not seen.
    func withConstructorDefaults(_ site: CallSite) -> CallSite {
        // Only the keywords a sink's safety turns on (a constructor lookup per `timeout=self.timeout`
        // would cost more than it could tell).
        guard site.keywords.contains(where: {
            guard let name = $0.arg, Self.configuringKeywords.contains(name), case .attribute(let owner, _, _) = $0.value.kind,
                  case .name("self", _) = owner.kind else { return false }
            return true
        }) else { return site }
        var changed = false
        let keywords = site.keywords.map { keyword -> Keyword in
            guard let name = keyword.arg, Self.configuringKeywords.contains(name),
                  case .attribute(let owner, let attr, _) = keyword.value.kind, case .name("self", _) = owner.kind,
                  let fixed = engine.parsed.module.constructorDefault(of: attr, inClassAround: keyword.value.loc.startByte) else { return keyword }
            changed = true
            return Keyword(arg: keyword.arg, value: fixed, loc: keyword.loc)
        }
        return changed ? CallSite(site, arguments: site.arguments, keywords: keywords) : site
    }

    /// What `body` (a function's, nested definitions aside) appends to list `id` after making
    /// it, in source order (`id.append(x)`, `id.extend([a, b])`, `id += [a, b]`); nil when it
    /// changes the list any other way (`insert`, an item set, extending by a variable). `[]`:
    /// the list stays as written.
    static func appendedElements(_ id: String, in body: [Stmt]) -> [Expr]? {
        var appended: [Expr] = []
        var other = false
        ScopeWalk.walk(body) { node in
            switch node {
            case .expr(let expression):
                if case .call(let function, let arguments, _) = expression.kind, case .attribute(let receiver, let method, _) = function.kind,
                   case .name(id, _) = receiver.kind {
                    if method == "append", arguments.count == 1 {
                        appended.append(arguments[0])
                    } else if method == "extend", arguments.count == 1, case .list(let items, _) = arguments[0].kind {
                        appended.append(contentsOf: items)
                    } else if ["append", "extend", "insert", "__setitem__", "__iadd__"].contains(method) {
                        other = true
                    }
                }
            case .stmt(let statement):
                // `parts += ["--", host]`: those elements at the end.
                if case .augAssign(let target, let op, let value) = statement.kind, case .name(id, _) = target.kind {
                    if op == .add, case .list(let items, _) = value.kind { appended.append(contentsOf: items) } else { other = true }
                }
                if case .assign(let targets, _) = statement.kind,
                   targets.contains(where: { if case .subscript(let container, _, _) = $0.kind, case .name(id, _) = container.kind { true } else { false } }) {
                    other = true
                }
            default:
                break
            }
            return !other
        }
        return other ? nil : appended
    }

    /// A command list's first element as its program: fixed text, or a module-level name holding
    /// fixed text or the operator's setting (`os.environ.get("X_BIN", "/usr/bin/x")`).
    private func operatorProgram(_ element: Expr) -> String? {
        if let text = element.stringConstant { return text }
        // `self.binary` of `def __init__(self, binary: str = "ffmpeg")`.
        if case .attribute(let owner, let attr, _) = element.kind, case .name("self", _) = owner.kind {
            return engine.parsed.module.constructorDefault(of: attr, inClassAround: element.loc.startByte)?.stringConstant
        }
        // `settings.renderer` of a module-level settings object (`settings = Settings()`): the
        // operator's configuration.
        if case .attribute(let owner, let attr, _) = element.kind, case .name(let ownerName, _) = owner.kind,
           let value = engine.moduleValues[ownerName], case .call = value.kind,
           ["settings", "config", "conf", "cfg", "configuration"].contains(where: ownerName.lowercased().contains) {
            return "\(ownerName).\(attr)"
        }
        guard case .name(let id, _) = element.kind else { return nil }
        if let text = engine.moduleStrings[id] { return text }
        guard let value = engine.moduleValues[id], let name = callName(value), name == "os.environ.get" || name == "os.getenv" else { return nil }
        return id
    }

    /// The elements a name built of lists piece by piece holds (`cmd = [...]` then
    /// `cmd += [...]`), and how many the first piece gave; nil when some piece is no list.
    static func listPieces(of id: String, at position: Int, in module: Module) -> (items: [Expr], head: Int)? {
        guard let pieces = module.assignedPieces(of: id, inFunctionAround: position), pieces.count > 1 else { return nil }
        var items: [Expr] = []
        for piece in pieces {
            guard case .list(let elements, _) = piece.kind else { return nil }
            items += elements
        }
        guard case .list(let head, _) = pieces[0].kind else { return nil }
        return (items, head.count)
    }

    private func helperProgram(_ call: Expr, element: Int?, eachOf: Bool = false) -> (program: Expr, optionsPossible: Bool)? {
        guard case .call = call.kind, let site = CallSite(call, imports: engine.imports) ?? CallSite(unresolved: call),
              let (info, _, _) = resolveLocal(site) else { return nil }
        var values: [Expr] = []
        var bare = false
        ScopeWalk.walk(info.body) { node in
            guard case .stmt(let statement) = node else { return false }
            if case .return(let value) = statement.kind {
                if let value { values.append(value) } else { bare = true }
            }
            return true
        }
        guard !bare, !values.isEmpty else { return nil }
        var program: String?
        var optionsPossible = false
        for value in values {
            var returned = value
            if let element {
                guard case .tuple(let items, _) = value.kind, element < items.count else { return nil }
                returned = items[element]
            }
            if case .name(let id, _) = returned.kind {
                let module = engine.parsed.module, position = returned.loc.startByte
                if let bound = module.onlyAssignment(of: id, inFunctionAround: position) {
                    returned = bound
                    // What `parts.append(x)` and `parts.extend([...])` add, at the end.
                    if case .list(let head, _) = bound.kind, let appended = Self.appendedElements(id, in: info.body), !appended.isEmpty {
                        returned = Expr(.list(elts: head + appended, ctx: .load), returned.loc)
                    }
                } else if let (items, _) = Self.listPieces(of: id, at: position, in: module) {
                    // `parts = ["ping", "-c", n]` then `parts += ["--", self.host]`: one list, piece by piece.
                    returned = Expr(.list(elts: items, ctx: .load), returned.loc)
                } else {
                    return nil
                }
            }
            // `args + ["--", self.source, self.target]` of `args = ["rsync", "-az"]`, to which the
            // helper appends only fixed options (`args.append("--delete")`).
            if case .binOp(let left, .add, let right) = returned.kind, case .list(let tail, _) = right.kind,
               case .name(let id, _) = left.kind,
               let bound = engine.onlyAssignment(of: id, around: left.loc.startByte),
               case .list(let head, _) = bound.kind,
               let appended = Self.appendedElements(id, in: info.body), appended.allSatisfy({ $0.stringConstant != nil || ArgumentInjectionFlowRule.startsFixed($0) }) {
                returned = Expr(.list(elts: head + appended + tail, ctx: .load), returned.loc)
            } else if case .binOp(let left, .add, let right) = returned.kind, case .list(let tail, _) = right.kind,
                      case .name(let id, _) = left.kind, let (pieces, head) = Self.listPieces(of: id, at: left.loc.startByte, in: engine.parsed.module),
                      Self.appendedElements(id, in: info.body)?.count == pieces.count - head {
                // `args` built of lists piece by piece (`args += ["-annotate", "+10+10", text]`),
                // nothing else added: those pieces in order, then the tail.
                returned = Expr(.list(elts: pieces + tail, ctx: .load), returned.loc)
            }
            var lists = [returned]
            if eachOf {
                guard case .list(let inner, _) = returned.kind, !inner.isEmpty else { return nil }
                lists = inner
            }
            for list in lists {
                // The program as written, or a module-level name the operator sets
                // (`WKHTMLTOPDF = os.environ.get("WKHTMLTOPDF_BIN", "/usr/local/bin/wkhtmltopdf")`).
                guard case .list(let items, _) = list.kind, let first = items.first.flatMap(operatorProgram),
                      CommandInjectionFlowRule.shellCommandFlag(items) == nil, program == nil || program == first else { return nil }
                program = first
                // An argument before any `--` that neither is fixed text nor starts with it, nor
                // is a text option's value (`"--title", title`).
                // A name the helper bound once to such text (`drawing = os.path.join(DIR, name)`)
                // is that text.
                if ArgumentInjectionFlowRule.optionableElements(items).contains(where: { element in
                    guard element.stringConstant == nil else { return false }
                    if case .name(let id, _) = element.kind, let bound = engine.onlyAssignment(of: id, around: element.loc.startByte),
                       bound.stringConstant != nil || ArgumentInjectionFlowRule.startsFixed(bound) { return false }
                    return true
                }) { optionsPossible = true }
            }
        }
        // Placed at the call's first byte, empty: no argument of the call shares its place.
        let loc = call.loc
        let place = Loc(lineno: loc.lineno, colOffset: loc.colOffset, endLineno: loc.lineno, endColOffset: loc.colOffset,
                        startByte: loc.startByte, endByte: loc.startByte)
        return program.map { (Expr(.constant(value: .str(PyStr($0)), kind: nil), place), optionsPossible) }
    }

    /// A call to a function of this file (`resolved` by `resolveLocal`): its summary says what
    /// flows where.
    /// What FastAPI hands a handler from `Depends(provider)`: the provider called with the
    /// request's data for every parameter (`parameter`, a source), as its summary says it
    /// returns them; nil when the provider returns none of it (a record looked up by a key).
    mutating func dependencyResult(_ provider: String, parameter: Taint, at loc: Loc) -> Taint? {
        let call = Expr(.call(func: Expr(.name(id: provider, ctx: .load), loc), args: [], keywords: []), loc)
        guard let site = CallSite(unresolved: call), let resolved = resolveLocal(site) else { return parameter }
        engine.demanded.insert(resolved.0.qualifiedName)
        // Each of its parameters as FastAPI fills it: a number or date by its annotation is
        // checked data; one from a dependency of its own (`session = Depends(get_session)`) the server's.
        let info = resolved.0
        let converted = Set(info.annotations.filter { FunctionTable.isConvertedType($0.1) }.map(\.0))
        let served = Set(info.dependencyDefaults)
        let arguments: [Taint?] = info.parameters.map { name in
            if served.contains(name) { return nil }
            return converted.contains(name) ? parameter.cleanedCopy : parameter
        }
        return localCall(site, resolved: resolved, arguments: arguments, keywords: [:])?.taint
    }

    private mutating func localCall(_ site: CallSite, resolved: (FunctionInfo, FunctionSummary, Int)?, arguments: [Taint?],
                                    keywords: [String: Taint?]) -> (taint: Taint?, Void)? {
        guard let (info, resolvedSummary, offset) = resolved else { return nil }
        engine.consult(info.qualifiedName)
        // Consulting a demanded function analyses it first when it never was.
        let summary = engine.summaries[info.qualifiedName] ?? resolvedSummary
        func argument(for parameter: Int) -> Taint? {
            guard parameter < info.parameters.count else { return nil }
            let name = info.parameters[parameter]
            let positional = parameter - offset
            // `*args` holds every positional argument from its place on; `**kwargs` every
            // keyword no other parameter is named by.
            if name == info.vararg {
                return positional >= 0 && positional < arguments.count ? arguments[positional...].reduce(nil) { Taint.merge($0, $1) } : nil
            }
            if name == info.kwarg {
                return keywords.filter { !info.parameters.contains($0.key) }.sorted { $0.key < $1.key }.reduce(nil) { Taint.merge($0, $1.value) }
            }
            if positional >= 0, positional < arguments.count { return arguments[positional] }
            return keywords[name] ?? nil
        }
        // What the argument for `parameter` holds in its attribute `field`: known one by one for
        // an instance made here (`spec = ReportSpec(request.args)`), or for this function's
        // own parameter of a known class; else the whole argument stands for it.
        func fieldTaint(_ parameter: Int, _ field: String) -> Taint? {
            let whole = argument(for: parameter)
            if field == Taint.keysField { return Taint.keys(of: whole) }
            // A record whose keys are known (a validated model a handler was given).
            if let whole, whole.fields != nil { return whole.field(field) }
            guard parameter < info.parameters.count, info.parameters[parameter] != info.vararg,
                  info.parameters[parameter] != info.kwarg else { return whole }
            let positional = parameter - offset
            let expression = positional >= 0 && positional < site.arguments.count ? site.arguments[positional]
                : site.keywords.first { $0.arg == info.parameters[parameter] }?.value
            guard let expression else { return whole }
            switch expression.kind {
            case .name(let id, _):
                if instanceAttributes[id] != nil, let attributes = receiverAttributes(named: id) { return attributes["self.\(field)"] }
                if let (index, _) = parameterInstance(expression) { return Taint(origins: [.parameterField(index, field)], steps: []) }
                // This function's own parameter handed on as it came (`build(opts)`): the key's
                // marker, for this function's callers to resolve.
                if field != Taint.keysField, let function = self.function, !function.isHandler,
                   let index = function.parameters.firstIndex(of: id), whole?.origins == [.parameter(index)], whole?.fields == nil,
                   function.isUnboundParameter(id), !engine.functionsStoringInSelf.contains(function.qualifiedName) {
                    return Taint(origins: [.parameterField(index, field)], steps: [])
                }
            case .call:
                if let construction = lastConstruction, construction.start == expression.loc.startByte { return construction.attributes["self.\(field)"] }
            default:
                break
            }
            return whole
        }
        // In parameter and position order: a merge keeps the first of two equally short paths,
        // and a set's order changes from run to run.
        var result: Taint?
        for parameter in summary.returns.sorted() {
            var returned = argument(for: parameter)
            if let safety = summary.returnSafety[parameter], let taint = returned {
                returned = safety.apply(to: taint)
            }
            if let place = summary.returnPlaces[parameter], let taint = returned {
                returned = taint.through(line: place.line, column: place.column, "returned in \(info.qualifiedName)()")
            }
            result = Taint.merge(result, returned)
        }
        // Attributes of instances passed in that come back (`return spec.region`).
        func fieldsReturned(_ fields: [Int: [String: FunctionSummary.ReturnSafety]], places: [Int: FunctionSummary.Place] = [:]) -> Taint? {
            var returned: Taint?
            for (parameter, named) in fields.sorted(by: { $0.key < $1.key }) {
                var part: Taint?
                for (field, safety) in named.sorted(by: { $0.key < $1.key }) {
                    part = Taint.merge(part, fieldTaint(parameter, field).map(safety.apply))
                }
                if let place = places[parameter], let taint = part {
                    part = taint.through(line: place.line, column: place.column, "returned in \(info.qualifiedName)()")
                }
                returned = Taint.merge(returned, part)
            }
            return returned
        }
        result = Taint.merge(result, fieldsReturned(summary.parameterFieldReturns, places: summary.parameterFieldReturnPlaces))
        let loc = site.expression.loc
        // What one part of a tuple or record returned holds at this call: the arguments it
        // returns (as the function left them), the instance's attributes, the fields of
        // instances passed in, or a source the function read.
        func returnedPart(_ element: FunctionSummary.TupleElement, receiver: [String: Taint]?) -> Taint? {
            var taint = element.source
            for parameter in element.returns.sorted() {
                guard var passed = argument(for: parameter) else { continue }
                if let safety = element.safety[parameter] { passed = safety.apply(to: passed) }
                taint = Taint.merge(taint, passed)
            }
            // The instance's attributes returned in this part (`return cmd, self.dest`).
            for (name, safety) in element.attributes.sorted(by: { $0.key < $1.key }) {
                taint = Taint.merge(taint, receiver.flatMap { Taint.attribute(name, in: $0) }.map(safety.apply))
            }
            return Taint.merge(taint, fieldsReturned(element.parameterFields))
        }
        // A record returned (`return cls(loa=float(x), vessel=v)`): each key as the caller's
        // arguments left it, read one by one (`q.loa`, `r["loa"]`).
        // What a handler-like helper reads and returns itself joins the whole first: each key
        // has its own part of it (a later join would lose the keys).
        var sourceJoined = false
        func withRecordFields(_ whole: Taint, _ elements: [String: FunctionSummary.TupleElement]) -> Taint {
            var whole = whole
            let receiver = elements.values.contains { !$0.attributes.isEmpty } ? receiverAttributes(site) ?? receiverAsWhole(site) : nil
            // Beside a spread record's keys (`{**order, "total": t}`), a listed key holding
            // nothing says so.
            let spread = elements[Taint.otherKeys] != nil
            whole.fields = elements.compactMapValues { returnedPart($0, receiver: receiver) ?? (spread ? Taint.noData : nil) }
            if whole.fields?[Taint.otherKeys] == Taint.noData { whole.fields?[Taint.otherKeys] = nil }
            return whole
        }
        if let elements = summary.recordReturns, !summary.recordReturnsMixed, let whole = Taint.merge(result, summary.returnedSource) {
            result = withRecordFields(whole, elements)
            sourceJoined = true
        }
        if let elements = summary.tupleReturns, !summary.tupleReturnsMixed {
            let receiver = elements.contains { !$0.attributes.isEmpty } ? receiverAttributes(site) ?? receiverAsWhole(site) : nil
            let taints = elements.map { element -> Taint? in
                var taint = returnedPart(element, receiver: receiver)
                if let place = element.place, let returned = taint {
                    taint = returned.through(line: place.line, column: place.column, "returned in \(info.qualifiedName)()")
                }
                return taint?.through(line: loc.lineno, column: loc.colOffset + 1, "returned by \(info.qualifiedName)()")
            }
            lastCallElements = (site.expression.loc.startByte, taints)
        }
        func reach(_ hits: Set<FunctionSummary.SinkHit>, with viaCall: Taint) { reachSinks(hits, with: viaCall) }
        for (parameter, hits) in summary.sinks.sorted(by: { $0.key < $1.key }) {
            let passed = argument(for: parameter)
            noteQueryArrival(hits, passed)
            guard let taint = passed else { continue }
            // `run_probe(prefix + [host])` where `run_probe` runs its list: the program is the
            // first part's; what follows is arguments.
            var hits = hits
            let positional = parameter - offset
            // Likewise a list written out in the call (`run(["git", "tag", tag])`): the program
            // is its first element, unless that is a shell told to run what follows.
            var programPart: Expr?, argumentParts: [Expr] = [], argumentsWhole = false
            if positional >= 0, positional < site.arguments.count {
                switch site.arguments[positional].kind {
                case .binOp(let left, .add, _) where { if case .name = left.kind { true } else if case .list = left.kind { true } else { false } }():
                    programPart = left
                case .list(let elements, _):
                    guard let first = elements.first, CommandInjectionFlowRule.shellCommandFlag(elements) == nil else { break }
                    if case .starred = first.kind { break }
                    programPart = first
                    argumentParts = Array(elements.dropFirst())
                case .call(let maker, _, _):
                    // `run(build_copy_cmd(path, host))` of a helper whose every return is a list
                    // starting with a fixed program (`["scp", "-q", ...]`).
                    guard case .name(let helper, _) = maker.kind, engine.imports.binding(of: helper) == nil,
                          let returned = engine.parsed.module.returnedValues(ofFunction: helper), !returned.isEmpty,
                          returned.allSatisfy({ value in
                              guard case .list(let elements, _) = value.kind, elements.first?.stringConstant != nil else { return false }
                              return CommandInjectionFlowRule.shellCommandFlag(elements) == nil
                          }) else { break }
                    if case .list(let elements, _) = returned[0].kind { programPart = elements[0] }
                    argumentsWhole = true
                default:
                    break
                }
            }
            if let programPart {
                let programHits = hits.filter { engine.ruleCWEs[$0.rule] == 78 && CommandInjectionFlowRule.processCalls.contains($0.callee) }
                if !programHits.isEmpty {
                    hits.subtract(programHits)
                    var copy = self
                    if let program = copy.expression(programPart, depth: 1) {
                        reach(programHits, with: program.through(line: loc.lineno, column: loc.colOffset + 1, "passed to \(info.qualifiedName)()"))
                    }
                    // The rest are the program's arguments: one the client chose may be read as
                    // an option (CWE-88), as it would be run in place.
                    if let optionRule = engine.ruleCWEs.firstIndex(of: 88),
                       let rest = argumentsWhole ? taint : argumentParts.reduce(nil, { (merged: Taint?, part: Expr) in Taint.merge(merged, copy.expression(part, depth: 1)) }) {
                        let passed = rest.through(line: loc.lineno, column: loc.colOffset + 1, "passed to \(info.qualifiedName)()")
                        reach(Set(programHits.map { hit in var option = hit; option.rule = optionRule; return option }), with: passed)
                    }
                }
            }
            reach(hits, with: taint.through(line: loc.lineno, column: loc.colOffset + 1, "passed to \(info.qualifiedName)()"))
        }
        // An instance passed in whose attributes reach sinks: each attribute as the caller knows it.
        for (parameter, fields) in summary.parameterFieldSinks.sorted(by: { $0.key < $1.key }) {
            for (field, hits) in fields.sorted(by: { $0.key < $1.key }) {
                let passed = fieldTaint(parameter, field)
                // A clean field counts only of an object the flow saw hold untrusted data
                // elsewhere (`tq.sort` of a query whose `tq.text` is the client's): one it saw
                // nothing in may be one whose data it lost.
                if passed != nil || argument(for: parameter) != nil { noteQueryArrival(hits, passed) }
                guard let taint = passed else { continue }
                reach(hits, with: taint.through(line: loc.lineno, column: loc.colOffset + 1, "passed to \(info.qualifiedName)()"))
            }
        }
        // A method of an instance whose constructor was given tainted values (`Job(cmd).run()`).
        // An instance a function returned (`MemberSearch.from_request(request)`) holds what it holds.
        if !summary.attributeSinks.isEmpty,
           let attributes = ownAttributes(site, info, summary) ?? receiverAttributes(site) ?? receiverAsWhole(site) {
            for (name, hits) in summary.attributeSinks.sorted(by: { $0.key < $1.key }) {
                guard let taint = Taint.attribute(name, in: attributes) else { continue }
                reach(hits, with: taint.through(line: loc.lineno, column: loc.colOffset + 1, "used by \(info.qualifiedName)()"))
            }
        }
        // `_remember_destination(request.args.get("next"))` storing it in the session: a later
        // request reads the caller's data there.
        for (owner, keys) in summary.sharedStores.sorted(by: { $0.key < $1.key }) {
            for (key, parameters) in keys.sorted(by: { $0.key < $1.key }) {
                for (parameter, safety) in parameters.sorted(by: { $0.key < $1.key }) {
                    guard let taint = argument(for: parameter), taint.origins.contains(.source) else { continue }
                    let stored = safety.apply(to: taint).through(line: loc.lineno, column: loc.colOffset + 1, "stored by \(info.qualifiedName)()")
                    if let table = key.isEmpty ? Taint.adding(stored, to: nil) : Taint.storing(stored, under: key, in: nil) {
                        engine.recordGlobal(owner, table)
                    }
                }
            }
        }
        // `self.store.add(name, url)` on a store object of this file: what the caller's request
        // brought is in every instance's container now (handlers share one store).
        if let className = info.className {
            for (key, parameters) in summary.containerStores.sorted(by: { $0.key < $1.key }) {
                for (parameter, safety) in parameters.sorted(by: { $0.key < $1.key }) {
                    // An instance of a class of this file keeps its attributes apart: not as a whole.
                    let positional = parameter - offset
                    if positional >= 0, positional < site.arguments.count, case .name(let id, _) = site.arguments[positional].kind,
                       instances[id] != nil || self.function?.declaredType(of: id).map(engine.classNames.contains) == true { continue }
                    guard let taint = argument(for: parameter), taint.origins.contains(.source),
                          let element = Taint.adding(safety.apply(to: taint).withoutStructure, to: nil) else { continue }
                    engine.recordClassAttribute(className, key, element.through(line: loc.lineno, column: loc.colOffset + 1, "stored by \(info.qualifiedName)()"))
                }
            }
            for (key, fields) in summary.containerFieldStores.sorted(by: { $0.key < $1.key }) {
                var record: Taint?
                for (field, parameters) in fields.sorted(by: { $0.key < $1.key }) {
                    var part: Taint?
                    for (parameter, safety) in parameters.sorted(by: { $0.key < $1.key }) {
                        guard let taint = argument(for: parameter), taint.origins.contains(.source) else { continue }
                        part = Taint.merge(part, safety.apply(to: taint).withoutStructure)
                    }
                    if let part { record = Taint.storing(part, under: field, in: record) }
                }
                guard let record, let element = Taint.adding(record, to: nil) else { continue }
                engine.recordClassAttribute(className, key, element.through(line: loc.lineno, column: loc.colOffset + 1, "stored by \(info.qualifiedName)()"))
            }
        }
        // A setter (`svc.configure(cmd)`): the instance now holds what was passed.
        if !summary.storedParameters.isEmpty, case .attribute(let receiver, _, _) = site.function.kind,
           case .name(let id, _) = receiver.kind, id != "self" {
            for (key, parameters) in summary.storedParameters.sorted(by: { $0.key < $1.key }) {
                for parameter in parameters.sorted() {
                    guard var taint = argument(for: parameter) else { continue }
                    if let safety = summary.storedSafety[key]?[parameter] { taint = safety.apply(to: taint) }
                    instanceAttributes[id, default: [:]][key] = Taint.merge(instanceAttributes[id]?[key],
                        taint.through(line: loc.lineno, column: loc.colOffset + 1, "stored by \(info.qualifiedName)()"))
                }
            }
        }
        // A method returning what the instance holds (`flt.where_clause()` of a dataclass built
        // from the request): the attributes the caller knows were filled.
        // An object whose attributes are not known one by one (a parameter, `query.to_filter()`)
        // holds what the object holds.
        if !summary.returnedAttributes.isEmpty, let attributes = ownAttributes(site, info, summary) ?? receiverAttributes(site) ?? receiverAsWhole(site) {
            // A record returned has them under its own keys already (`"fired": self.names`):
            // the whole takes them, its keys stay apart.
            let recordFields = sourceJoined ? result?.fields : nil
            for name in summary.returnedAttributes.sorted() {
                let held = Taint.attribute(name, in: attributes)
                result = Taint.merge(result, summary.returnedAttributeSafety[name].flatMap { safety in held.map(safety.apply) } ?? held)
            }
            if let recordFields { result?.fields = recordFields }
        }
        // Untrusted data the function reads and returns itself (`def param(): return input()`).
        if !sourceJoined { result = Taint.merge(result, summary.returnedSource) }
        // A record whose data is only the instance's (`return {"outcome": o, "fired": self.names}`):
        // each key as it holds, not the whole.
        if !sourceJoined, let elements = summary.recordReturns, !summary.recordReturnsMixed, let whole = result, whole.fields == nil {
            result = withRecordFields(whole, elements)
        }
        return (result?.through(line: loc.lineno, column: loc.colOffset + 1, "returned by \(info.qualifiedName)()"), ())
    }

    /// `delivery = Delivery(...)` in the function this one is defined in (a callback nested in
    /// `main`): the class of this file a free name of this function holds, when the enclosing
    /// function binds it once, to an instance, and this one binds it not at all.
    func enclosingInstance(_ name: String) -> String? {
        guard let function, function.className == nil, environment[name] == nil,
              let dot = function.qualifiedName.utf8.lastIndex(of: UInt8(ascii: ".")),
              let outer = engine.functions[String(function.qualifiedName[..<dot])], let start = outer.body.first?.loc.startByte,
              !engine.parsed.module.bindsLocally(name, inFunctionAround: function.body.first?.loc.startByte ?? function.loc.startByte),
              let value = engine.onlyAssignment(of: name, around: start), let made = value.calledName,
              engine.classNames.contains(made), engine.imports.binding(of: made) == nil else { return nil }
        return made
    }

    /// The class of this file a parameter of the function being analysed is declared as.
    func declaredClass(of parameter: String) -> String? {
        function?.declaredType(of: parameter).flatMap { engine.classNames.contains($0) ? $0 : nil }
    }

    /// Whether the call is `self.m()` of another method of this method's own class (not from a
    /// constructor, whose stores are recorded by parameter).
    private func callsOwnMethod(_ site: CallSite, _ callee: FunctionInfo) -> Bool {
        guard case .attribute(let receiver, _, _) = site.function.kind, case .name("self", _) = receiver.kind,
              let method = function, let className = method.className else { return false }
        return callee.className == className && !method.qualifiedName.hasSuffix(".__init__")
    }

    /// `self.compile()` in another method of the same class: the attributes the callee uses
    /// or returns are this method's own, so its summary hands them on to the callers, who
    /// know what the instance holds (`LogMatcher(q).matches(line)`). What this method stored
    /// in one before the call is what it holds.
    private func ownAttributes(_ site: CallSite, _ callee: FunctionInfo, _ summary: FunctionSummary) -> [String: Taint]? {
        guard callsOwnMethod(site, callee) else { return nil }
        var attributes: [String: Taint] = [:]
        for name in Set(summary.attributeSinks.keys).union(summary.returnedAttributes) {
            attributes["self.\(name)"] = environment["self.\(name)"] ?? Taint(origins: [.attribute(name)], steps: [])
        }
        return attributes
    }

    /// The receiver's own data, standing for each of its attributes (under "*"), when it is a
    /// name holding some.
    /// A record of a class of this file (`query = query_from_request(request)` returning
    /// `InvoiceQuery(sort=..., page=max(int(p), 0))`) gives each attribute its field, a field
    /// holding nothing untrusted being checked-and-safe.
    private func receiverAsWhole(_ site: CallSite) -> [String: Taint]? {
        guard case .attribute(let receiver, _, _) = site.function.kind, case .name(let id, _) = receiver.kind,
              id != "self", let held = environment[id] else { return nil }
        guard let fields = held.fields, let className = instances[id], let names = engine.instanceAttributeNames[className] else {
            return ["*": held]
        }
        var attributes: [String: Taint] = ["*": held.withoutStructure]
        for name in names { attributes["self.\(name)"] = fields[name] ?? held.cleanedCopy }
        return attributes
    }

    /// What the constructor put in the receiver of a method call: `job.run()` after
    /// `job = Job(cmd)`, or `Job(cmd).run()`.
    private func receiverAttributes(_ site: CallSite) -> [String: Taint]? {
        guard case .attribute(let receiver, _, _) = site.function.kind else { return nil }
        switch receiver.kind {
        case .name(let id, _):
            if instanceAttributes[id] == nil, let (index, className) = parameterInstance(receiver) {
                // A parameter every call passes an instance of a class of this file: each
                // attribute as the caller will know it.
                return Dictionary(uniqueKeysWithValues: (engine.instanceAttributeNames[className] ?? []).map { name in
                    ("self.\(name)", Taint(origins: [.parameterField(index, name)], steps: []))
                })
            }
            return receiverAttributes(named: id)
        case .call: return lastConstruction.flatMap { $0.start == receiver.loc.startByte ? $0.attributes : nil }
        default: return nil
        }
    }

    /// What the constructor or a setter put in the instance a name holds, and what was stored
    /// directly (`job.cmd = x`).
    func receiverAttributes(named id: String) -> [String: Taint]? {
        guard recorder.storesPaths else { return instanceAttributes[id] }
        var attributes = instanceAttributes[id]
        let prefix = id + "."
        for (key, taint) in environment where key.hasPrefix(prefix) && (instanceAttributes[id] != nil || !checkedOnlyPaths.contains(key)) {
            attributes = attributes ?? [:]
            attributes?["self." + key.dropFirst(prefix.count)] = taint
        }
        return attributes
    }

    /// Notes what a call hands a helper's query: nothing untrusted, or data made safe
    /// (`where` of `where, params = build_filter(...)`), or something that may not be. A query
    /// every analysed call hands only the program's own text is clean (`TaintEngine.run`).
    /// Only a web handler's call counts as clean: there the client's data is all tracked,
    /// where a job's rows from its own database are unknown, not clean.
    func noteQueryArrival(_ hits: Set<FunctionSummary.SinkHit>, _ passed: Taint?) {
        for hit in hits where engine.ruleCWEs[hit.rule] == 89 {
            if let passed, passed.isDangerous(for: 89, settingsHarmless: false) || passed.reachesCallersSink(for: 89) {
                engine.queryArrivals[hit.line, default: (false, false)].unsafe = true
            } else if let caller = function, caller.isHandler, !caller.handlerByParameterName {
                engine.queryArrivals[hit.line, default: (false, false)].clean = true
            }
        }
    }

    /// Reports the sinks a called function's summary says its data reaches.
    mutating func reachSinks(_ hits: Set<FunctionSummary.SinkHit>, with viaCall: Taint) {
        for hit in hits.sorted(by: { ($0.line, $0.column, $0.rule, $0.callee) < ($1.line, $1.column, $1.rule, $1.callee) }) {
            let cwe = engine.ruleCWEs[hit.rule]
            let dangerous = viaCall.isDangerous(for: cwe, settingsHarmless: hit.operatorDataHarmless)
            guard dangerous || viaCall.reachesCallersSink(for: cwe) else {
                // Untrusted data arrived in the callee's query made safe (a record's own keys for
                // its column names): the query-building alarm there is explained away. Only for
                // SQL: elsewhere one caller's checked value says nothing of another's.
                if cwe == 89, viaCall.origins.contains(.source), viaCall.cleaned { engine.noteClean(line: hit.line, cwe: cwe) }
                continue
            }
            // Where the sink's parser was made joins the path here too.
            var viaCall = viaCall
            if let made = hit.madeAt, let name = hit.madeName {
                viaCall = viaCall.through(line: made.line, column: made.column, "parsed with \(name) made here")
            }
            if dangerous { engine.report(rule: hit.rule, at: (hit.line, hit.column, hit.endLine, hit.endColumn), taint: viaCall, sink: hit.callee) }
            recordSink(viaCall, hit)
        }
    }

    /// The class of this file a call constructs: called by its name (not one an import binds),
    /// or `cls(...)` in one of its class methods.
    private func constructedClass(_ site: CallSite) -> String? {
        guard case .name(let called, _) = site.function.kind else { return nil }
        if called == "cls", let method = function, method.parameters.first == "cls" { return method.className }
        return engine.classNames.contains(called) && engine.imports.binding(of: called) == nil ? called : nil
    }

    /// A call of a class of this file whose constructor passes a parameter to a sink
    /// (`LineFilter(pattern)` compiling it in `__init__`).
    private mutating func constructorSinks(_ site: CallSite, arguments: [Taint?], keywords: [String: Taint?]) {
        guard let className = constructedClass(site), let constructor = engine.constructors[className] else { return }
        engine.demanded.insert(constructor.qualifiedName)
        engine.consult(constructor.qualifiedName)
        let summary = engine.summaries[constructor.qualifiedName] ?? FunctionSummary()
        let loc = site.expression.loc
        for (parameter, hits) in summary.sinks.sorted(by: { $0.key < $1.key }) {
            let positional = parameter - 1  // after `self`
            let taint = positional >= 0 && positional < arguments.count ? arguments[positional]
                : parameter < constructor.parameters.count ? (keywords[constructor.parameters[parameter]] ?? nil) : nil
            guard let taint else { continue }
            reachSinks(hits, with: taint.through(line: loc.lineno, column: loc.colOffset + 1, "passed to \(className)()"))
        }
    }

    /// The keyword under which a call's `**mapping` spreads are kept: no parameter's name.
    static let spreadKey = "**"

    /// A call of a class of this file: what its constructor stores of the arguments.
    private mutating func noteConstruction(_ site: CallSite, arguments: [Taint?], keywords: [String: Taint?]) {
        guard let className = constructedClass(site) else { return }
        // A dataclass's generated `__init__` stores each argument in its field.
        if engine.constructors[className] == nil, let fields = engine.dataclassFields[className] {
            var attributes: [String: Taint] = [:]
            let checks = engine.fieldValidations[className]
            for (index, field) in fields.enumerated() {
                let taint = index < arguments.count ? arguments[index] : (keywords[field] ?? keywords[Self.spreadKey] ?? nil)
                // As `__post_init__` or a validator left it.
                if let taint { attributes["self.\(field)"] = checks?[field].map { $0.apply(to: taint) } ?? taint }
            }
            lastConstruction = (site.expression.loc.startByte, attributes)
            return
        }
        guard let constructor = engine.constructors[className] else { return }
        // What it stores of untrusted arguments matters: its summary is needed now.
        if arguments.contains(where: { $0 != nil }) || keywords.values.contains(where: { $0 != nil }) {
            engine.demanded.insert(constructor.qualifiedName)
        }
        engine.consult(constructor.qualifiedName)
        let summary = engine.summaries[constructor.qualifiedName] ?? FunctionSummary()
        var attributes: [String: Taint] = [:]
        for (key, parameters) in summary.storedParameters {
            for parameter in parameters.sorted() {
                let positional = parameter - 1
                var taint = positional >= 0 && positional < arguments.count ? arguments[positional]
                    // A parameter neither passed by position nor named: a spread mapping's (`**fields`), if any.
                    : parameter < constructor.parameters.count ? (keywords[constructor.parameters[parameter]] ?? keywords[Self.spreadKey] ?? nil) : nil
                if let stored = taint, let safety = summary.storedSafety[key]?[parameter] { taint = safety.apply(to: stored) }
                attributes[key] = Taint.merge(attributes[key], taint)
            }
        }
        lastConstruction = (site.expression.loc.startByte, attributes)
    }

    /// `helper(x)` for a function of the module, `self.helper(x)` for a method of this class.
    func resolveLocal(_ site: CallSite) -> (FunctionInfo, FunctionSummary, Int)? {
        switch site.function.kind {
        case .name(let id, _):
            guard engine.imports.binding(of: id) == nil else { return nil }
            // A function defined inside this one (or a lambda assigned here) first.
            if engine.innerFunctionNames.contains(id), let outer = function, let info = engine.functions["\(outer.qualifiedName).\(id)"] {
                return (info, engine.summaries[info.qualifiedName] ?? FunctionSummary(), 0)
            }
            guard let info = engine.functions[id] else { return nil }
            return (info, engine.summaries[id] ?? FunctionSummary(), 0)
        case .attribute(let receiver, let method, _):
            let className: String?
            switch receiver.kind {
            case .name(let receiverName, _) where receiverName == "self" || receiverName == "cls":
                className = function?.className
            case .name(let receiverName, _):
                // `store = Store()` … `store.read(x)`, here or once at the top level; or a
                // parameter declared as a class of this file (`query: PersonQuery`).
                className = instances[receiverName] ?? engine.moduleInstances[receiverName] ?? declaredClass(of: receiverName)
                    ?? (engine.classMemberNames.contains(method) ? parameterInstance(receiver)?.className : nil)
                    ?? enclosingInstance(receiverName)
            case .attribute(let owner, let attr, _):
                // `self.fetcher.fetch(x)` with `self.fetcher` made or given as a class of this file.
                guard case .name("self", _) = owner.kind, let current = function?.className else { return nil }
                className = engine.attributeClasses[current]?[attr]
                    ?? (engine.classMemberNames.contains(method) ? engine.passedAttributeClass(current, attr) : nil)
            case .call:
                // `Store().read(x)`, `client().lookup(x)` of a function giving a `DirectoryClient`,
                // or `get_directory().scope_to(dept).search(q)`.
                if let called = receiver.calledName, engine.classNames.contains(called) {
                    className = called
                } else if let site = CallSite(receiver, imports: engine.imports) ?? CallSite(unresolved: receiver),
                          let (info, _, _) = resolveLocal(site) {
                    className = engine.returnedClass(info)
                } else {
                    className = nil
                }
            case .subscript(_, let slice, _):
                // `request.app["locator"].locate(x)`: what the file keeps under that key.
                className = slice.stringConstant.flatMap { engine.registryInstances[$0] }
            default:
                className = nil
            }
            if className == nil, case .name(let owner, _) = receiver.kind, engine.classNames.contains(owner),
               engine.imports.binding(of: owner) == nil, let info = engine.functions["\(owner).\(method)"] {
                // `Tool.run(x)` on the class itself: a static method takes `x` first, a class
                // method after `cls`, a plain method as its `self`.
                return (info, engine.summaries[info.qualifiedName] ?? FunctionSummary(), info.parameters.first == "cls" ? 1 : 0)
            }
            guard let className, let info = engine.method(method, of: className) else { return nil }
            // A static method (`@staticmethod def build_filter(field, value)`) takes no receiver.
            let takesReceiver = info.parameters.first == "self" || info.parameters.first == "cls"
            return (info, engine.summaries[info.qualifiedName] ?? FunctionSummary(), takesReceiver ? 1 : 0)
        default:
            return nil
        }
    }
}
