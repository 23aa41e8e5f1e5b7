import CodingAgent
import Foundation
import LibCurl
import PythonSyntax
import Testing

@Suite("LLM providers against a local server")
struct LLMProviderTests {
    /// Records each request (path, headers, body) to a file and answers by path.
    static func script(log: String) -> String {
        LocalHTTPServer.chatCompletions(answering: """
        LOG = \(String(reflecting: log))
        FIXED = "def add(a, b):\\n    return a + b\\n"

        def answer(body, headers, path):
            with open(LOG, "a") as f:
                f.write(json.dumps({"path": path, "auth": headers.get("Authorization"),
                                    "key": headers.get("x-api-key"), "version": headers.get("anthropic-version"),
                                    "body": body}) + "\\n")
            if path.startswith("/fenced"):
                return "Here is the fix:\\n```python\\n" + FIXED + "```\\nDone."
            if path.startswith("/plain"):
                return FIXED
            if path.startswith("/garbage"):
                return b"not json"
            return "I cannot help with that."
        """)
    }

    static var original: ParsedModule {
        get throws { try PythonSyntax.parse(Array("def add(a, b):\n    return eval('a+b')\n".utf8), filename: "m.py") }
    }

    @Test func openAICompatibleRequestAndFencedReply() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let log = directory.appendingPathComponent("log.jsonl").path
        let server = try LocalHTTPServer(script: Self.script(log: log))
        defer { server.stop() }
        let provider = OpenAICompatibleProvider(baseURL: "http://127.0.0.1:\(server.port)/fenced/v1", model: "m1", apiKey: "sk-test",
                                                client: HTTPClient(maximumAttempts: 1))
        let reply = try provider.complete([ChatMessage(role: .system, content: "fix"), ChatMessage(role: .user, content: "code")])
        #expect(try CodeReply.accept(reply, original: try Self.original).get() == "def add(a, b):\n    return a + b\n")
        let request = try JSONSerialization.jsonObject(with: Data(try String(contentsOfFile: log, encoding: .utf8).utf8)) as? [String: Any]
        #expect(request?["path"] as? String == "/fenced/v1/chat/completions")
        #expect(request?["auth"] as? String == "Bearer sk-test")
        let body = request?["body"] as? [String: Any]
        #expect(body?["model"] as? String == "m1")
        #expect((body?["messages"] as? [[String: String]])?.map { $0["role"] ?? "" } == ["system", "user"])
    }

    @Test func unfencedGarbageAndRefusals() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let server = try LocalHTTPServer(script: Self.script(log: directory.appendingPathComponent("log.jsonl").path))
        defer { server.stop() }
        func provider(_ path: String) -> OpenAICompatibleProvider {
            OpenAICompatibleProvider(baseURL: "http://127.0.0.1:\(server.port)/\(path)", model: "m", apiKey: nil, client: HTTPClient(maximumAttempts: 1))
        }
        #expect(try CodeReply.accept(try provider("plain").complete([ChatMessage(role: .user, content: "x")]), original: try Self.original).get()
                == "def add(a, b):\n    return a + b\n")
        #expect(throws: LLMError.self) { try provider("garbage").complete([ChatMessage(role: .user, content: "x")]) }
        let refusal = try provider("refuse").complete([ChatMessage(role: .user, content: "x")])
        #expect(CodeReply.accept(refusal, original: try Self.original) == .failure(.noCode))
    }

    @Test func anthropicMessagesFormat() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let log = directory.appendingPathComponent("log.jsonl").path
        let server = try LocalHTTPServer(script: Self.script(log: log))
        defer { server.stop() }
        let provider = AnthropicProvider(baseURL: "http://127.0.0.1:\(server.port)/fenced", model: "claude", apiKey: "ak-test",
                                         client: HTTPClient(maximumAttempts: 1))
        let reply = try provider.complete([ChatMessage(role: .system, content: "be careful"), ChatMessage(role: .user, content: "code")])
        #expect(CodeReply.extract(reply) == "def add(a, b):\n    return a + b\n")
        let request = try JSONSerialization.jsonObject(with: Data(try String(contentsOfFile: log, encoding: .utf8).utf8)) as? [String: Any]
        #expect(request?["path"] as? String == "/fenced/messages")
        #expect(request?["key"] as? String == "ak-test")
        #expect(request?["version"] as? String == "2023-06-01")
        let body = request?["body"] as? [String: Any]
        #expect(body?["system"] as? String == "be careful")
        #expect((body?["messages"] as? [[String: String]])?.count == 1)
    }

    @Test func repliesThatBreakTheFileAreRejectedWithAReason() throws {
        #expect(CodeReply.accept("```python\ndef add(a, b:\n```", original: try Self.original)
                == .failure(.doesNotParse(line: 1, message: "'(' was never closed")))
        #expect(CodeReply.accept("```python\nx = 1\n```", original: try Self.original) == .failure(.dropsFunctions(["add"])))
    }
}
