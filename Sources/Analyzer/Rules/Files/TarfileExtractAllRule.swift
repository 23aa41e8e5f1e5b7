import PythonSyntax

/// B202: `tarfile` `extractall()` without a filter or a vetted member list.
struct TarfileExtractAllRule: Rule {
    static let description = RuleDescription(
        code: "ASC202", name: "tarfile-unsafe-members", banditID: "B202", cwe: 22, severity: .high, confidence: .high,
        rationale: """
        A tar archive can hold members named ../../etc/cron.d/x, absolute paths, or links out of \
        the target directory; extractall writes them all. Pass filter="data" (Python 3.12+, \
        backported to 3.8+ security releases), or members= a list you have checked.
        """,
        triggering: [
            "import tarfile\nwith tarfile.open(path) as tar:\n    ↓tar.extractall(dest)\n",
            "import tarfile\narchive = tarfile.open(upload)\n↓archive.extractall(path=\"out\", members=pick(archive))\n",
        ],
        nonTriggering: [
            "import tarfile\nwith tarfile.open(path) as tar:\n    tar.extractall(dest, filter=\"data\")\n",
            "import zipfile\nwith zipfile.ZipFile(path) as z:\n    z.extractall(dest)\n",
            // The members come from a function of the file that checks where each lands.
            "import os, tarfile\n\ndef checked(tar, dest):\n    for m in tar.getmembers():\n        if os.path.commonpath([dest, os.path.realpath(os.path.join(dest, m.name))]) == dest:\n            yield m\n\nwith tarfile.open(p) as tar:\n    tar.extractall(d, members=list(checked(tar, d)))\n",
            "import os, tarfile\n\ndef checked(tar, dest):\n    for m in tar.getmembers():\n        if os.path.commonpath([dest, os.path.realpath(os.path.join(dest, m.name))]) == dest:\n            yield m\n\ndef unpack(p, d):\n    with tarfile.open(p) as tar:\n        members = list(checked(tar, d))\n        tar.extractall(d, members=members)\n",
            // The same from a static method of the class.
            // Collected here, each name checked by a helper of the file on the way.
            "import os, tarfile\n\ndef _inside(base, path):\n    return os.path.commonpath([base, os.path.realpath(path)]) == base\n\ndef unpack(p, d):\n    with tarfile.open(p) as tar:\n        members = []\n        for m in tar.getmembers():\n            if m.isfile() and _inside(d, os.path.join(d, m.name)):\n                members.append(m)\n        tar.extractall(d, members=members)\n",
            "import os, tarfile\n\ndef _inside(base, m):\n    return os.path.commonpath([base, os.path.realpath(os.path.join(base, m.name))]) == base\n\ndef unpack(p, d):\n    with tarfile.open(p) as tar:\n        members = [m for m in tar.getmembers() if m.isfile() and _inside(d, m)]\n        tar.extractall(d, members=members)\n",
            // Filtered, then each member checked in a loop by a helper raising on one that leaves.
            "import os, tarfile\n\ndef contained(base, name):\n    target = os.path.realpath(os.path.join(base, name))\n    if os.path.commonpath([base, target]) != base:\n        raise ValueError(name)\n    return target\n\ndef unpack(p, d):\n    with tarfile.open(p) as tar:\n        members = [m for m in tar.getmembers() if m.isfile()]\n        for m in members:\n            contained(d, m.name)\n        tar.extractall(d, members=members)\n",
            "import os, tarfile\n\nclass Unpacker:\n    @staticmethod\n    def _checked(tar, dest):\n        for m in tar.getmembers():\n            if os.path.commonpath([dest, os.path.realpath(os.path.join(dest, m.name))]) == dest:\n                yield m\n\n    def unpack(self, p, d):\n        with tarfile.open(p) as tar:\n            tar.extractall(d, members=list(self._checked(tar, d)))\n",
        ]
    )

    var inspectsNodes: Bool { true }
    var nodeKinds: NodeKinds { .call }
    var requiredImports: [String] { ["tarfile"] }

    /// `f` of `f(...)` or `list(f(...))`.
    static func memberFunction(_ members: Expr) -> String? {
        guard case .call(let function, let arguments, _) = members.kind else { return nil }
        switch function.kind {
        case .name(let id, _):
            if id == "list" || id == "tuple", let inner = arguments.first { return memberFunction(inner) }
            return id
        case .attribute(let owner, let method, _):
            // `self._checked_members(tar, dest)`: a method of a class of this file.
            if case .name(let id, _) = owner.kind, id == "self" || id == "cls" || id.first?.isUppercase == true { return method }
            return nil
        default:
            return nil
        }
    }

    static let pathChecks: Set<String> = ["realpath", "abspath", "normpath", "commonpath", "is_relative_to", "resolve"]

    /// Whether the module's function `name` (or a method of that name of one of its classes)
    /// resolves or compares paths (and so can reject a member whose name leaves the destination).
    static func checksPaths(_ name: String, in module: Module) -> Bool {
        func named(_ statement: Stmt) -> Bool { if case .functionDef(name, _, _, _, _, _, _) = statement.kind { true } else { false } }
        let methods = module.body.lazy.compactMap { statement -> Stmt? in
            guard case .classDef(_, _, _, let members, _, _) = statement.kind else { return nil }
            return members.first(where: named)
        }
        guard let function = module.body.first(where: named) ?? methods.first,
              case .functionDef(_, _, let body, _, _, _, _) = function.kind else { return false }
        var found = false
        Module(body: body).walk { node in
            if case .expr(let expression) = node, case .call(let callee, _, _) = expression.kind {
                switch callee.kind {
                case .attribute(_, let attr, _): found = found || pathChecks.contains(attr)
                case .name(let id, _): found = found || pathChecks.contains(id)
                default: break
                }
            }
            return !found
        }
        return found
    }

    /// Whether `body` calls a path check, or a function of the file that makes one.
    static func checksPathsIn(_ body: [Stmt], module: Module) -> Bool {
        var found = false
        ScopeWalk.walk(body) { node in
            if case .expr(let expression) = node { found = callsPathCheck(expression, module: module) }
            return !found
        }
        return found
    }

    /// Whether `body` loops over the list `id` checking paths in the loop's body.
    static func loopChecksEach(_ id: String, in body: [Stmt], module: Module) -> Bool {
        var found = false
        ScopeWalk.walk(body) { node in
            if case .stmt(let statement) = node, case .for(_, let iterated, let loopBody, _, _) = statement.kind,
               case .name(id, _) = iterated.kind, checksPathsIn(loopBody, module: module) {
                found = true
            }
            return !found
        }
        return found
    }

    /// The same in one expression (a comprehension's filter).
    static func checksPathsIn(_ expression: Expr, module: Module) -> Bool {
        var found = false
        ScopeWalk.walk(expression) { part in
            found = callsPathCheck(part, module: module)
            return !found
        }
        return found
    }

    /// A call of a path check (`commonpath`, `is_relative_to`) or of a function of the file
    /// that makes one.
    private static func callsPathCheck(_ expression: Expr, module: Module) -> Bool {
        guard case .call(let callee, _, _) = expression.kind else { return false }
        switch callee.kind {
        case .attribute(_, let attr, _): return pathChecks.contains(attr)
        case .name(let id, _): return pathChecks.contains(id) || checksPaths(id, in: module)
        default: return false
        }
    }

    func check(node: Node, context: inout RuleContext) {
        guard case .expr(let expression) = node, expression.calledAttribute == "extractall",
              case .call(_, let arguments, let keywords) = expression.kind, context.imports.imports("tarfile") else { return }
        if let filter = keywords.first(where: { $0.arg == "filter" })?.value,  // keyword-only
           !filter.isNoneConstant, filter.stringConstant != "fully_trusted" { return }
        if keywords.contains(where: { $0.arg == nil }) { return }
        if var members = keywords.first(where: { $0.arg == "members" })?.value ?? (arguments.count > 1 ? arguments[1] : nil),
           !members.isNoneConstant {
            // `members = []` filled in a loop here that checks each name (`_inside(dest, ...)`,
            // `os.path.commonpath(...)`): the members are checked.
            if case .name(let id, _) = members.kind, context.parsed.module.listContents(of: id, inFunctionAround: members.loc.startByte) != nil,
               Self.checksPathsIn(context.parsed.module.scopeBody(around: members.loc.startByte), module: context.parsed.module) {
                return
            }
            // `for m in members: contained(dest, m.name)`: each member checked in a loop over
            // the list itself, the checker raising on one that leaves.
            if case .name(let id, _) = members.kind,
               Self.loopChecksEach(id, in: context.parsed.module.scopeBody(around: members.loc.startByte), module: context.parsed.module) {
                return
            }
            // `members = list(checked(tar, dest))` the line before.
            if case .name(let id, _) = members.kind,
               let value = context.parsed.module.onlyAssignment(of: id, inFunctionAround: members.loc.startByte) {
                members = value
            }
            // `[m for m in tar.getmembers() if m.isfile() and _within(dest, m)]`: a comprehension
            // whose filter checks where each member lands.
            if case .listComp(_, let generators) = members.kind,
               generators.contains(where: { $0.ifs.contains { Self.checksPathsIn($0, module: context.parsed.module) } }) {
                return
            }
            let viaFunction: Bool = { if case .call = members.kind { return true } else { return false } }()
            // `members=list(safe_members(tar, dest))` where the file's `safe_members` resolves
            // each name and compares it with the destination: the members are checked.
            if viaFunction, let checker = Self.memberFunction(members), Self.checksPaths(checker, in: context.parsed.module) { return }
            context.report(expression.loc, "tarfile extractall with a member list; make sure it rejects unsafe paths and links",
                           severity: viaFunction ? .low : .medium, confidence: viaFunction ? .low : .medium,
                           fixHint: "pass filter=\"data\"")
            return
        }
        context.report(expression.loc, "tarfile extractall without a filter can write outside the target directory (path traversal)",
                       fixHint: "pass filter=\"data\"")
    }
}
