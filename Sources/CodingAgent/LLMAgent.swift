import Foundation
import Analyzer
import Diagnostics
import PythonSyntax

/// An LLM coding agent (OpenAI-compatible or Anthropic): it gets the file, with secrets
/// redacted, and the findings or crashes; every answer is checked (it parses, keeps every
/// function, the targeted findings are gone and none appears) and a rejected answer goes back
/// with the reason, up to `maxRounds` exchanges.
public struct LLMAgent: Sendable {
    public let provider: any LLMProvider
    public let engine: AnalysisEngine
    public let maxRounds: Int
    /// "openai gpt-4o": for commit messages and reports.
    public let name: String

    public init(provider: any LLMProvider, engine: AnalysisEngine, maxRounds: Int, name: String) {
        self.provider = provider
        self.engine = engine
        self.maxRounds = maxRounds
        self.name = name
    }

    /// Fixes `targets` (findings of `source`); returns the outcome in `FileFix` terms.
    public func fixFindings(path: String, source: [UInt8], targets: [Finding]) -> FileFix {
        var outcome = FileFix(path: path, fixed: nil, repaired: [], hints: targets, rejected: [])
        guard !targets.isEmpty, let original = try? PythonSyntax.parse(source, filename: path) else { return outcome }
        let all = engine.analyze(original, file: path)
        let redacted = SecretRedactor().redact(original, findings: all)
        let prompt = Prompts.findings(path: path, code: redacted.code, findings: targets)
        var messages = [ChatMessage(role: .system, content: Prompts.fixSystem), ChatMessage(role: .user, content: prompt)]
        let targetKeys = Set(targets.map(Self.key))
        let baseline = Self.counts(all.filter { !targetKeys.contains(Self.key($0)) })
        var best: (code: [UInt8], remaining: Int)?
        for _ in 0..<max(1, maxRounds) {
            let reply: String
            do { reply = try provider.complete(messages) } catch {
                outcome.rejected.append("\(path): \(name) failed: \(error)")
                break
            }
            messages.append(ChatMessage(role: .assistant, content: reply))
            let candidate: String
            switch CodeReply.accept(redacted.restore(reply), original: original) {
            case .success(let code): candidate = code
            case .failure(let rejection):
                outcome.rejected.append("\(path): \(name) answer rejected: \(rejection)")
                messages.append(ChatMessage(role: .user, content: Prompts.retry(rejection.description)))
                continue
            }
            guard let parsed = try? PythonSyntax.parse(Array(candidate.utf8), filename: path) else { continue }
            let after = engine.analyze(parsed, file: path)
            // New findings of medium severity or more, other than the targeted kinds, reject it.
            let introduced = Self.counts(after.filter { !targetKeys.contains(Self.key($0)) && $0.severity >= .medium })
                .filter { $0.value > baseline[$0.key, default: 0] }
            let remaining = targets.filter { target in after.contains { Self.key($0) == Self.key(target) && !$0.suppressed } }
            if !introduced.isEmpty {
                let reason = "it introduces " + introduced.keys.sorted().joined(separator: ", ")
                outcome.rejected.append("\(path): \(name) answer rejected: \(reason)")
                messages.append(ChatMessage(role: .user, content: Prompts.retry(reason)))
                continue
            }
            if remaining.count < (best?.remaining ?? targets.count) { best = (Array(candidate.utf8), remaining.count) }
            if remaining.isEmpty { break }
            let reason = "these weaknesses remain: " + remaining.map { "\($0.code) (\($0.cweID)) \($0.message)" }.joined(separator: "; ")
            messages.append(ChatMessage(role: .user, content: Prompts.retry(reason)))
        }
        guard let best, let parsed = try? PythonSyntax.parse(best.code, filename: path) else { return outcome }
        let after = engine.analyze(parsed, file: path)
        outcome.fixed = best.code
        outcome.repaired = targets.filter { target in !after.contains { Self.key($0) == Self.key(target) } }
        outcome.hints = targets.filter { target in after.contains { Self.key($0) == Self.key(target) } }
        outcome.agents = [name]
        return outcome
    }

    /// Asks for a fix of crashing inputs. `check` re-runs the crashing inputs (and more) on a
    /// candidate and returns why it is not good enough, or nil; its reason goes back.
    public func fixCrashes(path: String, source: [UInt8], crashes: [CrashReport], check: ([UInt8]) -> String?) -> (fixed: [UInt8]?, notes: [String]) {
        guard let original = try? PythonSyntax.parse(source, filename: path) else { return (nil, []) }
        let redacted = SecretRedactor().redact(original, findings: engine.analyze(original, file: path))
        var messages = [ChatMessage(role: .system, content: Prompts.fixSystem),
                        ChatMessage(role: .user, content: Prompts.crashes(path: path, code: redacted.code, crashes: crashes))]
        var notes: [String] = []
        for _ in 0..<max(1, maxRounds) {
            let reply: String
            do { reply = try provider.complete(messages) } catch {
                notes.append("\(name) failed: \(error)")
                break
            }
            messages.append(ChatMessage(role: .assistant, content: reply))
            switch CodeReply.accept(redacted.restore(reply), original: original) {
            case .failure(let rejection):
                notes.append("answer rejected: \(rejection)")
                messages.append(ChatMessage(role: .user, content: Prompts.retry(rejection.description)))
            case .success(let code):
                let bytes = Array(code.utf8)
                if let problem = check(bytes) {
                    notes.append("answer rejected: \(problem)")
                    messages.append(ChatMessage(role: .user, content: Prompts.retry(problem)))
                } else {
                    return (bytes, notes)
                }
            }
        }
        return (nil, notes)
    }

    /// Code for a written requirement (the paper's first step), checked to parse.
    public func generate(requirement: String, check: (String) -> String?) throws -> String {
        var messages = [ChatMessage(role: .system, content: Prompts.generateSystem), ChatMessage(role: .user, content: requirement)]
        var last = "no answer"
        for _ in 0..<max(1, maxRounds) {
            let reply = try provider.complete(messages)
            messages.append(ChatMessage(role: .assistant, content: reply))
            guard let code = CodeReply.extract(reply) else {
                last = CodeReply.Rejection.noCode.description
                messages.append(ChatMessage(role: .user, content: Prompts.retry(last)))
                continue
            }
            if let problem = check(code) {
                last = problem
                messages.append(ChatMessage(role: .user, content: Prompts.retry(problem)))
                continue
            }
            return code
        }
        throw LLMError("no acceptable code after \(max(1, maxRounds)) answers (last problem: \(last))")
    }

    /// The paper's tester agent: calls worth trying on one function, as the model wrote them
    /// (empty when it fails or the source cannot be checked for secrets first).
    public func proposeSeeds(functionSource: String, function: String) -> String {
        let dedented = Self.dedent(functionSource)
        guard let parsed = try? PythonSyntax.parse(Array(dedented.utf8), filename: "function.py") else { return "" }
        let redacted = SecretRedactor().redact(parsed, findings: engine.analyze(parsed, file: "function.py"))
        let messages = [ChatMessage(role: .system, content: Prompts.seedSystem),
                        ChatMessage(role: .user, content: Prompts.seeds(source: redacted.code, function: function))]
        guard let reply = try? provider.complete(messages) else { return "" }
        return CodeReply.extract(reply) ?? reply
    }

    /// Removes the indentation every line shares (a method's source, cut out of its class).
    static func dedent(_ text: String) -> String {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let indents = lines.filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }.map { $0.prefix { $0 == " " || $0 == "\t" }.count }
        let common = indents.min() ?? 0
        return lines.map { $0.count >= common ? String($0.dropFirst(common)) : String($0) }.joined(separator: "\n") + "\n"
    }

    /// Findings are matched across versions by rule and enclosing function (lines move).
    static func key(_ finding: Finding) -> String { "\(finding.code)|\(finding.scope ?? "")" }

    static func counts(_ findings: [Finding]) -> [String: Int] {
        findings.filter { !$0.suppressed }.reduce(into: [:]) { $0[$1.code, default: 0] += 1 }
    }
}
