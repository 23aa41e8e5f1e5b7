import Analyzer

/// A crash the fuzzer found, as the coding agent is told about it.
public struct CrashReport: Sendable, Hashable {
    public var function: String
    /// The call, as Python: `parse_header('')`.
    public var call: String
    /// "raises IndexError: list index out of range", "does not return", …
    public var outcome: String
    /// `file:line in function`, innermost last.
    public var traceback: [String]

    public init(function: String, call: String, outcome: String, traceback: [String]) {
        self.function = function
        self.call = call
        self.outcome = outcome
        self.traceback = traceback
    }
}

/// What the LLM agents are told. One place, so every provider gets the same words.
enum Prompts {
    static let fixSystem = """
    You are the coding agent of AutoSafeCoder, a tool that keeps insecure and crashing Python out of a repository.
    You receive one Python file and what static analysis or fuzzing found in it. Fix exactly those problems and change nothing else:
    keep every function and class with its name and signature, keep the behaviour for valid inputs, keep the style.
    Prefer the standard library; do not add a dependency the file does not already use.
    Values such as "REDACTED_SECRET_1" stand for secrets removed before sending; leave them as they are or read the secret from the environment.
    Answer with the whole fixed file in one ```python fenced block and nothing else.
    """

    static let generateSystem = """
    You are the coding agent of AutoSafeCoder. Write secure, robust Python that meets the requirement:
    validate inputs and raise ValueError with a clear message for invalid ones, never build shell commands, SQL or file paths from input
    without escaping or parameters, never use eval, exec or pickle on untrusted data, use the standard library.
    Answer with the whole module in one ```python fenced block and nothing else.
    """

    static func findings(path: String, code: String, findings: [Finding]) -> String {
        var text = "File: \(path)\n\nStatic analysis found these weaknesses:\n"
        for (index, finding) in findings.enumerated() {
            text += "\(index + 1). line \(finding.line), \(finding.code) (\(finding.cweID), \(finding.severity.rawValue)): \(finding.message)\n"
            if finding.flow.count > 1 {
                text += "   data flow: " + finding.flow.map { "line \($0.line) \($0.note)" }.joined(separator: " → ") + "\n"
            }
            if let hint = finding.fixHint { text += "   how to fix: \(hint)\n" }
        }
        return text + "\n```python\n\(code)\(code.hasSuffix("\n") ? "" : "\n")```\n"
    }

    static func crashes(path: String, code: String, crashes: [CrashReport]) -> String {
        var text = "File: \(path)\n\nFuzzing found inputs on which these functions fail:\n"
        for (index, crash) in crashes.enumerated() {
            text += "\(index + 1). \(crash.call) \(crash.outcome)\n"
            if !crash.traceback.isEmpty { text += "   traceback (innermost last): " + crash.traceback.joined(separator: " → ") + "\n" }
        }
        text += "Make each function handle these inputs: return the right result, or reject invalid input with a clear ValueError raised by the function itself.\n"
        return text + "\n```python\n\(code)\(code.hasSuffix("\n") ? "" : "\n")```\n"
    }

    static let seedSystem = """
    You are the tester agent of AutoSafeCoder. Given one Python function, propose calls to it that are likely to make it crash, hang, \
    run out of memory, or pass attacker-controlled text to a shell, eval, pickle, a file path or SQL: edge cases, malformed and \
    boundary values, very long or unusual text, injection strings. Use only literal arguments (numbers, strings, bytes, lists, \
    tuples, dicts, None, True, False). Answer with up to 20 calls, one per line, in one ```python block.
    """

    static func seeds(source: String, function: String) -> String {
        "Function `\(function)`:\n\n```python\n\(source)\(source.hasSuffix("\n") ? "" : "\n")```\n"
    }

    static func retry(_ reason: String) -> String {
        "Your answer was not accepted: \(reason). Answer again with the whole fixed file in one ```python fenced block."
    }
}
