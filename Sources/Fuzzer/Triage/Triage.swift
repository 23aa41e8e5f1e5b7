/// Decides what one outcome means. The paper's fuzzer counted every exception as a crash; a
/// function that rejects bad input with its own `raise`, or raises what it documents, is
/// doing its job.
struct Triage: Sendable {
    /// Directories whose files are the user's code (site-packages and virtualenvs excluded).
    let roots: [String]
    /// Exception names that are expected behaviour: the policy's and the docstring's.
    let expected: Set<String>
    /// Some parameter has no annotation and no type the body reveals: the fuzzer guessed its
    /// values, so a TypeError or AttributeError says more about the guess than about the code.
    var guessedTypes = false

    enum Verdict: Equatable {
        /// Returned, raised what it should, or was stopped by the sandbox.
        case fine
        /// The input could not be built or did not fit the signature: the fuzzer's fault.
        case badInput(String)
        case finding(Kind)
    }

    struct Kind: Equatable {
        var kind: FuzzFinding.Kind
        var exception: String?
        var message: String
        var cwe: Int?
        var frames: [FuzzFinding.Frame]
        var signature: String
    }

    func isProjectFile(_ path: String) -> Bool {
        guard path.hasSuffix(".py") else { return false }
        if path.contains("/site-packages/") || path.contains("/dist-packages/") || path.contains("/.venv/") || path.contains("/venv/") { return false }
        return roots.contains { path.hasPrefix($0.hasSuffix("/") ? $0 : $0 + "/") }
    }

    func classify(_ result: JSONValue) -> Verdict {
        if let events = result["sec"]?.array, let first = events.first {
            let cwe = first["cwe"]?.int ?? 20
            let event = first["event"]?.string ?? "?"
            return .finding(Kind(kind: .security, exception: nil, message: "\(Self.cweTitle(cwe)): \(first["detail"]?.string ?? event)",
                                 cwe: cwe, frames: [], signature: "security:\(cwe):\(event)"))
        }
        switch result["o"]?.string ?? "" {
        case "ok", "blocked": return .fine
        case "bad_input": return .badInput(result["msg"]?.string ?? "")
        case "timeout":
            return .finding(Kind(kind: .hang, exception: nil, message: "the call did not return within the timeout", cwe: 835, frames: [], signature: "hang"))
        case "memory":
            return .finding(Kind(kind: .memory, exception: "MemoryError", message: "the call ran out of memory", cwe: 400, frames: [], signature: "memory"))
        case "exc":
            return exception(result)
        default:
            return .badInput("unknown outcome")
        }
    }

    private func exception(_ result: JSONValue) -> Verdict {
        let type = result["type"]?.string ?? "Exception"
        let message = result["msg"]?.string ?? ""
        let frames: [FuzzFinding.Frame] = (result["frames"]?.array ?? []).compactMap { frame in
            guard let parts = frame.array, parts.count == 3, let file = parts[0].string, let line = parts[1].int else { return nil }
            return FuzzFinding.Frame(file: file, line: line, function: parts[2].string ?? "?")
        }
        // No frame of the target ran: the call itself failed (wrong arguments for the signature).
        guard let innermost = frames.last else { return .badInput("\(type): \(message)") }
        let names = [type] + (result["mro"]?.array ?? []).compactMap(\.string)
        for name in names {
            let short = name.split(separator: ".").last.map(String.init) ?? name
            if expected.contains(name) || expected.contains(short) { return .fine }
        }
        if result["raise"]?.bool == true, isProjectFile(innermost.file) {
            return .fine  // the function's own `raise`: documented rejection
        }
        // The operating system refusing a path or a resource the caller named (no such file,
        // permission denied, a NUL in a path) is the contract of every I/O call, not a bug.
        if names.contains(where: { $0 == "OSError" || $0 == "builtins.OSError" }) || message.hasPrefix("embedded null") {
            return .fine
        }
        let shortType = type.split(separator: ".").last.map(String.init) ?? type
        // A guess is never None, so a NoneType error comes from the code (a `.get()` miss).
        if guessedTypes, shortType == "TypeError" || shortType == "AttributeError", !message.contains("NoneType") {
            return .badInput("\(type) on a guessed type: \(message)")
        }
        if shortType == "MemoryError" {
            return .finding(Kind(kind: .memory, exception: type, message: message, cwe: 400, frames: frames, signature: "memory"))
        }
        // Deduplicate by type and the crashing line of the user's code.
        let site = frames.last { isProjectFile($0.file) } ?? innermost
        return .finding(Kind(kind: .crash, exception: type, message: message, cwe: nil, frames: frames,
                             signature: "crash:\(type)@\(site.file):\(site.line)"))
    }

    static func cweTitle(_ cwe: Int) -> String {
        switch cwe {
        case 78: return "OS command injection"
        case 89: return "SQL injection"
        case 22: return "path traversal"
        case 94, 95: return "code injection"
        case 502: return "deserialization of untrusted data"
        default: return "injection"
        }
    }
}
