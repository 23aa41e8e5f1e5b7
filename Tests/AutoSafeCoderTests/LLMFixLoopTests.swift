import Analyzer
import CodingAgent
import Foundation
import PythonSyntax
import Testing

/// A provider that answers from a script and keeps what it was sent.
private final class ScriptedProvider: LLMProvider, @unchecked Sendable {
    private let lock = NSLock()
    private var answers: [String]
    private(set) var received: [[ChatMessage]] = []

    init(_ answers: [String]) { self.answers = answers }

    func complete(_ messages: [ChatMessage]) throws -> String {
        lock.lock()
        defer { lock.unlock() }
        received.append(messages)
        guard !answers.isEmpty else { throw LLMError("no more answers") }
        return answers.removeFirst()
    }
}

@Suite("LLM agent: prompts, secrets and checked answers")
struct LLMAgentTests {
    static let source = """
    import pickle

    DB_PASSWORD = "hunter2-correct-horse"
    GITHUB = "ghp_abcdefghijklmnopqrstuvwxyz0123456789"


    def load(data: bytes):
        return pickle.loads(data)


    def connect(host: str) -> str:
        return host + ":" + DB_PASSWORD + ":" + GITHUB

    """

    func findings(_ parsed: ParsedModule) -> [Finding] {
        AnalysisEngine(configuration: AnalyzerConfiguration()).analyze(parsed, file: "m.py")
    }

    @Test func secretsAreRedactedBeforeSendingAndRestoredInTheAnswer() throws {
        let parsed = try PythonSyntax.parse(Array(Self.source.utf8), filename: "m.py")
        let redacted = SecretRedactor().redact(parsed, findings: findings(parsed))
        #expect(!redacted.code.contains("hunter2"))
        #expect(!redacted.code.contains("ghp_"))
        #expect(redacted.code.contains("DB_PASSWORD = \"REDACTED_SECRET_"))
        let answer = redacted.code.replacingOccurrences(of: "pickle.loads(data)", with: "json.loads(data)")
        #expect(redacted.restore(answer).contains("DB_PASSWORD = \"hunter2-correct-horse\""))
        #expect(redacted.restore(answer).contains("GITHUB = \"ghp_abcdefghijklmnopqrstuvwxyz0123456789\""))
    }

    @Test func findingsGoInThePromptRejectedAnswersGoBackWithTheReason() throws {
        let parsed = try PythonSyntax.parse(Array(Self.source.utf8), filename: "m.py")
        let all = findings(parsed)
        let pickleFinding = try #require(all.first { $0.cweID == "CWE-502" && $0.line == 8 })
        let fixedText = Self.source.replacingOccurrences(of: "import pickle", with: "import json")
            .replacingOccurrences(of: "pickle.loads(data)", with: "json.loads(data)")
        // The model only ever sees placeholders, so its answers carry placeholders too.
        let redacted = SecretRedactor().redact(parsed, findings: all)
        let answer = redacted.code.replacingOccurrences(of: "import pickle", with: "import json")
            .replacingOccurrences(of: "pickle.loads(data)", with: "json.loads(data)")
        let provider = ScriptedProvider([
            "Sure, happy to help!",                                                // no code
            "```python\ndef load(data: bytes):\n    return data\n```",               // drops connect()
            "```python\n" + answer.replacingOccurrences(of: "json.loads(data)", with: "yaml.load(data)").replacingOccurrences(of: "import json", with: "import yaml") + "```",  // a new weakness
            "Here it is:\n```python\n" + answer + "```\n",
        ])
        let agent = LLMAgent(provider: provider, engine: AnalysisEngine(configuration: AnalyzerConfiguration()), maxRounds: 4, name: "test model")
        let outcome = agent.fixFindings(path: "m.py", source: Array(Self.source.utf8), targets: [pickleFinding])
        #expect(outcome.fixed.map { String(decoding: $0, as: UTF8.self) } == fixedText)
        #expect(outcome.repaired.map(\.code) == [pickleFinding.code])
        #expect(outcome.agents == ["test model"])
        #expect(provider.received.count == 4)
        let first = try #require(provider.received.first)
        #expect(first[0].role == .system && first[0].content.contains("whole fixed file in one ```python fenced block"))
        #expect(first[1].content.contains("line 8, \(pickleFinding.code) (CWE-502"))
        let everything = provider.received.flatMap { $0 }.map(\.content).joined()
        #expect(!everything.contains("hunter2") && !everything.contains("ghp_abc"), "no secret is ever sent")
        let feedback = provider.received[3].filter { $0.role == .user }.map(\.content)
        #expect(feedback.contains { $0.contains("the reply holds no Python code") })
        #expect(feedback.contains { $0.contains("drops functions the original defines: connect") })
        #expect(feedback.contains { $0.contains("it introduces ASC") })
        #expect(outcome.rejected.count == 3)
    }

    @Test func generateChecksTheAnswer() throws {
        let provider = ScriptedProvider(["no code here", "```python\ndef add(a: int, b: int) -> int:\n    return a + b\n```"])
        let agent = LLMAgent(provider: provider, engine: AnalysisEngine(configuration: AnalyzerConfiguration()), maxRounds: 3, name: "m")
        let code = try agent.generate(requirement: "add two ints") { _ in nil }
        #expect(code == "def add(a: int, b: int) -> int:\n    return a + b\n")
        #expect(provider.received.count == 2)
    }
}

@Suite("fix with an LLM agent against a local OpenAI-compatible server", .serialized)
struct LLMFixLoopTests {
    /// Answers with the code it was sent, fixed by a few replacements; the first answer has no
    /// code at all. Logs every request.
    static func server(log: String) -> String {
        LocalHTTPServer.chatCompletions(answering: """
        LOG = \(String(reflecting: log))
        COUNT = [0]

        def fix(code, prompt):
            if "Static analysis found" in prompt:
                return code.replace("ssl._create_unverified_context()", "ssl.create_default_context()")
            return code.replace('    return line.split(":")[1].strip()',
                                '    parts = line.split(":")\\n    if len(parts) < 2:\\n        raise ValueError("not a header line")\\n    return parts[1].strip()')

        def answer(body, headers, path):
            with open(LOG, "a") as f:
                f.write(json.dumps({"path": path, "auth": headers.get("Authorization"), "body": body}) + "\\n")
            COUNT[0] += 1
            prompt = [m["content"] for m in body["messages"] if m["role"] == "user"][0]
            code = re.search(r"```python\\n(.*?)```", prompt, re.S).group(1)
            return "Happy to help!" if COUNT[0] == 1 else "Fixed:\\n```python\\n" + fix(code, prompt) + "```"
        """)
    }

    @Test func staticAndFuzzRoundsProduceAVerifiedBranch() throws {
        let repo = try ScanGitTests.Repo()
        let log = repo.url.appendingPathComponent("requests.jsonl").path
        let server = try LocalHTTPServer(script: Self.server(log: log))
        defer { server.stop() }
        try repo.write("policy.yaml", """
        version: 1
        fix:
          agent: openai
          model: test-model
          base_url: "http://127.0.0.1:\(server.port)/v1"
          api_key_env: ASC_TEST_KEY
          max_fuzz_rounds: 1
        """)
        try repo.write("m.py", """
        import ssl


        def context():
            return ssl._create_unverified_context()


        def header_value(line: str) -> str:
            return line.split(":")[1].strip()

        """)
        try repo.git("add", "-A")
        var environment = ProcessInfo.processInfo.environment
        environment["ASC_TEST_KEY"] = "sekrit-key-123"
        let result = try TestSupport.run(TestSupport.toolPath, ["fix", "--staged"], in: repo.url, environment: environment)
        #expect(result.status == 0, "\(result.stdout)\n\(result.stderr)")
        #expect(!(result.stdout + result.stderr).contains("sekrit-key-123"), "the key is never printed")
        let head = try repo.git("rev-parse", "HEAD").trimmingCharacters(in: .whitespacesAndNewlines)
        let branch = "autosafecoder/fix/\(head.prefix(12))"
        let fixed = try repo.git("show", "\(branch):m.py")
        #expect(fixed.contains("ssl.create_default_context()") && fixed.contains("raise ValueError(\"not a header line\")"), "\(fixed)")
        let message = try repo.git("log", "-1", "--format=%B", branch)
        #expect(message.contains("(openai test-model)"), "\(message)")
        #expect(message.contains("ASC323 (CWE-295) m.py:5"), "\(message)")
        #expect(message.contains("- crash found by fuzzing, m.py: header_value('') raised IndexError"), "\(message)")
        #expect(message.contains("fuzz round 1: the 1 crashing input re-run on the patch and pass"), "\(message)")

        let requests = try String(contentsOfFile: log, encoding: .utf8).split(separator: "\n").compactMap {
            try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
        }
        #expect(requests.count >= 3)
        #expect(requests.allSatisfy { $0["auth"] as? String == "Bearer sekrit-key-123" && $0["path"] as? String == "/v1/chat/completions" })
        let bodies = requests.compactMap { $0["body"] as? [String: Any] }
        #expect(bodies.allSatisfy { $0["model"] as? String == "test-model" })
        let texts = bodies.map { body in ((body["messages"] as? [[String: String]]) ?? []).map { $0["content"] ?? "" }.joined(separator: "\n") }
        #expect(texts[0].contains("CWE-295") && texts[0].contains("ssl._create_unverified_context()"))
        #expect(texts[1].contains("Your answer was not accepted: the reply holds no Python code"))
        #expect(texts.contains { $0.contains("Fuzzing found inputs on which these functions fail") && $0.contains("header_value('') raises IndexError") })
    }

    @Test func misconfiguredAgentsAreClearErrorsAndTheBuiltinAgentSendsNothing() throws {
        let repo = try ScanGitTests.Repo()
        try repo.write("m.py", "import pickle\n\n\ndef load(data: bytes):\n    return pickle.loads(data)\n")
        try repo.git("add", "-A")
        try repo.write("policy.yaml", "version: 1\nfix:\n  agent: openai\n  model: gpt-4o\n  api_key_env: ASC_MISSING_KEY\n")
        let missing = try TestSupport.run(TestSupport.toolPath, ["fix", "--staged"], in: repo.url, environment: ["PATH": "/usr/bin:/bin"])
        #expect(missing.status == 2)
        #expect(missing.stderr == "error: fix.api_key_env names ASC_MISSING_KEY, which is not set in the environment\n")
        try repo.write("policy.yaml", "version: 1\nfix:\n  agent: anthropic\n  model: claude-sonnet-4-5\n")
        let noKey = try TestSupport.run(TestSupport.toolPath, ["fix", "--staged"], in: repo.url, environment: ["PATH": "/usr/bin:/bin"])
        #expect(noKey.status == 2 && noKey.stderr.contains("the anthropic agent needs an API key: set fix.api_key_env"))
        try repo.write("policy.yaml", "version: 1\nfix:\n  agent: ollama\n")
        let noModel = try TestSupport.run(TestSupport.toolPath, ["fix", "--staged"], in: repo.url, environment: ["PATH": "/usr/bin:/bin"])
        #expect(noModel.status == 2 && noModel.stderr.contains("fix.model is empty"))
    }
}

@Suite("generate against a local OpenAI-compatible server", .serialized)
struct GenerateTests {
    /// Writes code with a command injection and a crash, then fixes what it is told about.
    static let server = LocalHTTPServer.chatCompletions(answering: """
    FIRST = '''import os


    def first_word(text: str) -> str:
        return text.split()[0]


    def show(path: str) -> int:
        return os.system("cat " + path + " | head -n 5")
    '''

    def answer(body, headers, path):
        prompt = [m["content"] for m in body["messages"] if m["role"] == "user"][0]
        match = re.search(r"```python\\n(.*?)```", prompt, re.S)
        if "Static analysis found" in prompt:
            code = match.group(1).replace('os.system("cat " + path + " | head -n 5")', 'len(open(path).readlines()[:5])')
        elif "Fuzzing found" in prompt:
            code = match.group(1).replace("    return text.split()[0]", "    words = text.split()\\n    return words[0] if words else ''")
        else:
            code = FIRST
        return "```python\\n" + code + "```"
    """)

    @Test func requirementToVerifiedCode() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let server = try LocalHTTPServer(script: Self.server)
        defer { server.stop() }
        try "Two helpers: the first word of a text, and the number of lines to show of a file (at most 5).\n"
            .write(to: directory.appendingPathComponent("req.txt"), atomically: true, encoding: .utf8)
        try "version: 1\nfix:\n  agent: ollama\n  model: local\n  base_url: \"http://127.0.0.1:\(server.port)/v1\"\n  max_fuzz_rounds: 1\n"
            .write(to: directory.appendingPathComponent("policy.yaml"), atomically: true, encoding: .utf8)
        let result = try TestSupport.run(TestSupport.toolPath, ["generate", "--input", "req.txt", "--output", "helpers.py"], in: directory)
        #expect(result.status == 0, "\(result.stderr)")
        let code = try String(contentsOf: directory.appendingPathComponent("helpers.py"), encoding: .utf8)
        #expect(!code.contains("os.system"), "\(code)")
        #expect(code.contains("return words[0] if words else ''"), "\(code)")
        #expect(result.stderr.contains("autosafecoder: ollama local wrote"))
        #expect(result.stderr.contains("fuzzing found 1 crash"))
        #expect(result.stderr.contains("autosafecoder: verified: no finding and no crash left"))
    }

    @Test func withoutAnLLMAgentItSaysHowToConfigureOne() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try "a function\n".write(to: directory.appendingPathComponent("req.txt"), atomically: true, encoding: .utf8)
        let result = try TestSupport.run(TestSupport.toolPath, ["generate", "--input", "req.txt"], in: directory)
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix("error: generate needs an LLM agent: set fix.agent (openai, anthropic or ollama), fix.model and fix.api_key_env"))
    }

    @Test func evalWithAnLLMRunsThePapersFlow() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let server = try LocalHTTPServer(script: Self.server)
        defer { server.stop() }
        try "version: 1\nfix:\n  agent: ollama\n  model: local\n  base_url: \"http://127.0.0.1:\(server.port)/v1\"\n  max_fuzz_rounds: 1\n"
            .write(to: directory.appendingPathComponent("policy.yaml"), atomically: true, encoding: .utf8)
        let security = #"{"ID": "CWE-078_demo.py", "Prompt": "import os\n\ndef show(path):\n    \"\"\"Print the start of a file.\"\"\"\n", "Insecure_code": "import os\n"}"#
        try (security + "\n").write(to: directory.appendingPathComponent("se.jsonl"), atomically: true, encoding: .utf8)
        let result = try TestSupport.run(TestSupport.toolPath, ["eval", "--dataset", "se.jsonl"], in: directory)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("| vulnerable code before the loop (medium+ finding) | 100.0% (1/1) |"), "\(result.stdout)")
        #expect(result.stdout.contains("| vulnerable code after the loop | 0.0% (0/1) |"))
        #expect(result.stdout.contains("| samples changed by static-analysis fixes | 1 |"))
        #expect(result.stdout.contains("| samples with crash fixes from fuzzing | 1 |"))

        let human = #"{"task_id": "T/0", "prompt": "def first_word(text: str) -> str:\n", "canonical_solution": "    return text.split()[0]\n", "test": "def check(f):\n    assert f('a b') == 'a'\n", "entry_point": "first_word"}"#
        try (human + "\n").write(to: directory.appendingPathComponent("he.jsonl"), atomically: true, encoding: .utf8)
        let pass = try TestSupport.run(TestSupport.toolPath, ["eval", "--dataset", "he.jsonl"], in: directory)
        #expect(pass.stdout.contains("| Pass@1 before the loop | 100.0% (1/1) |") && pass.stdout.contains("| Pass@1 after the loop | 100.0% (1/1) |"), "\(pass.stdout)")
    }
}

@Suite("The LLM tester agent proposes fuzz seeds", .serialized)
struct SeedProposalTests {
    static let server = LocalHTTPServer.chatCompletions(answering: """
    def answer(body, headers, path):
        system = [m["content"] for m in body["messages"] if m["role"] == "system"][0]
        user = [m["content"] for m in body["messages"] if m["role"] == "user"][0]
        if "tester agent" in system and "def unlock" in user:
            return "Try these:\\n```python\\nunlock('open sesame')\\nunlock('')\\nunlock(x)\\n```"
        return "no"
    """)

    @Test func aBugBehindAHashIsFoundWithTheAgentsSeed() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let server = try LocalHTTPServer(script: Self.server)
        defer { server.stop() }
        // No fuzzer guesses a SHA-256 preimage; the tester agent reads the intent.
        try """
        import hashlib


        def unlock(word: str) -> str:
            \"\"\"Opens for the pass phrase 'open sesame'.\"\"\"
            if hashlib.sha256(word.encode()).hexdigest() == "41ef4bb0b23661e66301aac36066912dac037827b4ae63a7b1165a5aa93ed4eb":
                return [][0]
            return "locked"
        """.write(to: directory.appendingPathComponent("lock.py"), atomically: true, encoding: .utf8)
        try "version: 1\nfix:\n  agent: ollama\n  model: local\n  base_url: \"http://127.0.0.1:\(server.port)/v1\"\n"
            .write(to: directory.appendingPathComponent("policy.yaml"), atomically: true, encoding: .utf8)
        let result = try TestSupport.run(TestSupport.toolPath, ["fuzz", "lock.py", "--budget", "0.5", "--format", "json"], in: directory)
        #expect(result.status == 1, "\(result.stderr)")
        let document = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let findings = document["findings"] as? [[String: Any]] ?? []
        #expect(findings.contains { $0["input"] as? String == "unlock('open sesame')" && $0["exception"] as? String == "IndexError" }, "\(findings)")
        // Without the agent the fuzzer does not find it.
        try FileManager.default.removeItem(at: directory.appendingPathComponent("policy.yaml"))
        let alone = try TestSupport.run(TestSupport.toolPath, ["fuzz", "lock.py", "--budget", "0.5", "--format", "json"], in: directory)
        #expect(alone.status == 0, "\(alone.stdout)")
    }
}
