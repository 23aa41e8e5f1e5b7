import PythonSyntax

/// Maps the names a file binds through imports (and simple aliases) to qualified names,
/// so rules see `subprocess.Popen` whatever the user typed: `sp.Popen`, `Popen`, `run`.
public struct ImportTable: Sendable {
    private var bindings: [String: String] = [:]
    /// Every dotted prefix of every bound name (`xml`, `xml.etree`, ...), for `imports(_:)`,
    /// which rules ask on every call they see.
    private var importedPrefixes: Set<String> = []
    /// Modules imported with `from m import *`, in order, and the names the file binds itself
    /// (definitions, assignments): an attribute of any other unbound name (`DES.new` after
    /// `from Crypto.Cipher import *`) is taken as the last such module's.
    private var starModules: [String] = []
    private var ownNames: Set<String> = []

    public init(module: Module) {
        // What the import statements name, kept apart from the bindings (a later assignment
        // may rebind a name; the module was imported all the same).
        var imported: [String] = []
        // The names the file binds itself matter only beside a star import (at the top level,
        // as nearly every one is); hashing every assignment's target for nothing cost a scan.
        let hasStarImport = module.body.contains { statement in
            if case .importFrom(_, let names, 0) = statement.kind { return names.contains { $0.name == "*" } }
            return false
        }
        module.walkStatements { statement in
            switch statement.kind {
            case .import(let names):
                for var alias in names {
                    alias.name = Self.canonicalModule(alias.name)
                    imported.append(alias.name)
                    if let asname = alias.asname {
                        bindings[asname] = alias.name
                    } else {
                        // `import os.path` binds `os`.
                        let head = alias.name.split(separator: ".").first.map(String.init) ?? alias.name
                        bindings[head] = head
                    }
                }
            case .importFrom(var module, let names, let level):
                module = module.map(Self.canonicalModule)
                let base = String(repeating: ".", count: level) + (module ?? "")
                if level == 0, let module {
                    imported.append(module)
                    if names.contains(where: { $0.name == "*" }) { starModules.append(module) }
                }
                for alias in names where alias.name != "*" {
                    let qualified = base.isEmpty || base.hasSuffix(".") ? base + alias.name : base + "." + alias.name
                    bindings[alias.asname ?? alias.name] = qualified
                }
            case .assign(let targets, let value):
                if hasStarImport { for target in targets { if case .name(let id, _) = target.kind { ownNames.insert(id) } } }
                // `run = os.system` at any level: an alias of a qualified callable.
                if targets.count == 1, case .name(let id, _) = targets[0].kind,
                   case .attribute = value.kind, let qualified = qualifiedName(of: value) {
                    bindings[id] = qualified
                }
                // `audit = logging.getLogger("audit")`: `audit.warning(...)` is logging's.
                if targets.count == 1, case .name(let id, _) = targets[0].kind, case .call(let function, _, _) = value.kind,
                   Self.loggerFactoryNames.contains(Self.lastName(of: function)),
                   let qualified = qualifiedName(of: function), Self.loggerFactories.contains(qualified) {
                    bindings[id] = qualified + "()"
                }
                // `rng = random.Random(seed)`: its methods are the module's functions, as
                // predictable (`rng.choice` is `random.choice`; `SystemRandom` is another class).
                if targets.count == 1, case .name(let id, _) = targets[0].kind, case .call(let function, _, _) = value.kind,
                   Self.lastName(of: function) == "Random", qualifiedName(of: function) == "random.Random" {
                    bindings[id] = "random"
                }
            case .functionDef(let name, _, _, _, _, _, _), .classDef(let name, _, _, _, _, _):
                if hasStarImport { ownNames.insert(name) }
            default:
                break
            }
        }
        for qualified in imported + bindings.values {
            var prefix = ""
            for part in qualified.split(separator: ".") {
                prefix = prefix.isEmpty ? String(part) : prefix + "." + part
                importedPrefixes.insert(prefix)
            }
        }
    }

    /// Whether the file imports `module` or anything under it (`flask` for `from flask import Flask`,
    /// `from flask import *` or `import flask.json`).
    public func imports(_ module: String) -> Bool {
        importedPrefixes.contains(module)
    }

    /// The local name a module is bound to (`sp` after `import subprocess as sp`), if any.
    public func localName(for module: String) -> String? {
        bindings.filter { $0.value == module }.keys.sorted().first
    }

    /// The qualified name bound to a local name, if it came from an import or an alias.
    public func binding(of name: String) -> String? { bindings[name] }

    /// Quart is Flask's API made async, name for name (`quart.request`, `quart.redirect`,
    /// `@app.route`): read as Flask, so every Flask source, sink and route applies.
    static func canonicalModule(_ name: String) -> String {
        name == "quart" || name.hasPrefix("quart.") ? "flask" + name.dropFirst("quart".count) : name
    }

    static let loggerFactories: Set<String> = ["logging.getLogger", "structlog.get_logger", "structlog.getLogger"]
    static let loggerFactoryNames: Set<String> = ["getLogger", "get_logger"]

    /// `getLogger` of `logging.getLogger` or of `getLogger`: a cheap test before resolving.
    static func lastName(of function: Expr) -> String {
        switch function.kind {
        case .name(let id, _): return id
        case .attribute(_, let attr, _): return attr
        default: return ""
        }
    }

    /// What `from m import *` may have bound `name` to: used for the owner of an attribute
    /// only (`DES` of `DES.new`); a bare call stays as written, so builtins such as `open` keep
    /// their meaning.
    private func starBinding(of name: String) -> String? {
        guard let module = starModules.last, !ownNames.contains(name) else { return nil }
        return module + "." + name
    }

    /// `sp.Popen` → `subprocess.Popen`. A bare name that no import binds stays as written
    /// (builtins such as `eval` and `open`); an attribute of an unbound name resolves to nil.
    public func qualifiedName(of expression: Expr) -> String? {
        // The two common shapes without the general loop's array (asked for every call).
        switch expression.kind {
        case .name(let id, _):
            return bindings[id] ?? id
        case .attribute(let value, let attr, _):
            if case .name(let id, _) = value.kind {
                guard let bound = bindings[id] ?? starBinding(of: id) else { return nil }
                return bound + "." + attr
            }
        default:
            break
        }
        var parts: [String] = []
        var current = expression
        while true {
            switch current.kind {
            case .attribute(let value, let attr, _):
                parts.append(attr)
                current = value
            case .name(let id, _):
                if let bound = bindings[id] ?? (parts.isEmpty ? nil : starBinding(of: id)) {
                    parts.append(bound)
                } else if parts.isEmpty {
                    parts.append(id)  // a bare call: builtins such as `eval`, `open`
                } else {
                    return nil  // `subprocess.run` without `import subprocess` is someone else's object
                }
                return parts.reversed().joined(separator: ".")
            case .call(let function, _, _):
                // `hashlib.new(...).hexdigest` → `hashlib.new().hexdigest`.
                guard let base = qualifiedName(of: function) else { return nil }
                parts.append(base + "()")
                return parts.reversed().joined(separator: ".")
            default:
                return nil
            }
        }
    }
}
