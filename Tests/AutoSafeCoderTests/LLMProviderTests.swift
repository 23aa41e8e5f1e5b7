import CodingAgent
import Foundation
import LibCurl
import PythonSyntax
import Testing

@Suite("LLM providers against a local server")
struct LLMProviderTests {
    /// Records each request (path, headers, body) to a file and answers by path.
    static func script(log: String) -> String {
        """
        import http.server, json, sys

        LOG = \(String(reflecting: log))
        FIXED = "def add(a, b):\\n    return a + b\\n"

        class Handler(http.server.BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def do_POST(self):
                body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
                with open(LOG, "a") as f:
                    f.write(json.dumps({"path": self.path, "auth": self.headers.get("Authorization"),
                                        "key": self.headers.get("x-api-key"), "version": self.headers.get("anthropic-version"),
                                        "body": json.loads(body)}) + "\\n")
                if self.path.startswith("/fenced"):
                    text = "Here is the fix:\\n```python\\n" + FIXED + "```\\nDone."
                elif self.path.startswith("/plain"):
                    text = FIXED
                elif self.path.startswith("/garbage"):
                    self.send_response(200); self.end_headers(); self.wfile.write(b"not json"); return
                else:
                    text = "I cannot help with that."
                if self.path.endswith("/messages"):
                    reply = {"content": [{"type": "text", "text": text}]}
                else:
                    reply = {"choices": [{"message": {"role": "assistant", "content": text}}]}
                data = json.dumps(reply).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        print(server.server_address[1], flush=True)
        server.serve_forever()
        """
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
