import Foundation
import Testing
@testable import PythonSyntax

private func fixtures(_ sub: String) throws -> [URL] {
    let base = try #require(Bundle.module.url(forResource: "Fixtures", withExtension: nil))
    let dir = base.appendingPathComponent(sub)
    let names = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".py") }.sorted()
    return names.map { dir.appendingPathComponent($0) }
}

private func read(_ url: URL) throws -> [UInt8] { [UInt8](try Data(contentsOf: url)) }
private func readText(_ url: URL) throws -> String {
    var s = String(decoding: try read(url), as: UTF8.self)
    while s.hasSuffix("\n") { s.removeLast() }
    return s
}

private func stripAttributes(_ s: String) -> String {
    s.replacingOccurrences(of: #"(, )?lineno=\d+, col_offset=\d+, end_lineno=\d+, end_col_offset=\d+"#, with: "", options: .regularExpression)
}

@Suite struct FixtureTests {
    @Test func validFilesDumpExactlyLikeCPython311() throws {
        let files = try fixtures("valid")
        #expect(files.count >= 10)
        for f in files {
            let expected = try readText(f.deletingPathExtension().appendingPathExtension("dump"))
            let got = try dumpAST(bytes: read(f), filename: f.lastPathComponent, includeAttributes: true)
            #expect(got == expected, "\(f.lastPathComponent)")
            let noAttrs = try dumpAST(bytes: read(f), includeAttributes: false)
            #expect(noAttrs == stripAttributes(expected), "\(f.lastPathComponent) (no attributes)")
        }
    }

    @Test func invalidFilesAreRejectedOnTheSameLine() throws {
        let files = try fixtures("invalid")
        #expect(files.count >= 20)
        // messages we do not reproduce exactly (line still checked)
        let looseMessage: Set<String> = ["bad_utf8.py"]
        for f in files {
            let lines = try readText(f.deletingPathExtension().appendingPathExtension("error")).split(separator: "\n", omittingEmptySubsequences: false)
            let line = Int(lines[0]) ?? -1
            let msg = lines.count > 1 ? String(lines[1]) : ""
            let bytes = try read(f)
            do throws(SyntaxError) {
                _ = try parseModule(bytes: bytes, filename: f.lastPathComponent)
                Issue.record("\(f.lastPathComponent) parsed but CPython rejects it: \(msg)")
            } catch {
                if line != 0 { #expect(error.line == line, "\(f.lastPathComponent): \(error)") }
                if !looseMessage.contains(f.lastPathComponent) { #expect(error.message == msg, "\(f.lastPathComponent)") }
                #expect(error.filename == f.lastPathComponent)
            }
        }
    }

    @Test func python312SyntaxHandWrittenDumps() throws {
        for f in try fixtures("py312") {
            let expected = try readText(f.deletingPathExtension().appendingPathExtension("dump"))
            let attrs = !f.lastPathComponent.contains(".noattrs")
            let got = try dumpAST(bytes: read(f), includeAttributes: attrs)
            #expect(got == expected, "\(f.lastPathComponent)")
        }
    }
}

@Suite struct RobustnessTests {
    private func parseResult(_ s: String) -> Result<Module, SyntaxError> {
        do throws(SyntaxError) { return .success(try parseModule(bytes: Array(s.utf8)).module) } catch { return .failure(error) }
    }

    @Test func tooManyNestedParentheses() {
        let s = String(repeating: "(", count: 10_000) + "1" + String(repeating: ")", count: 10_000)
        guard case .failure(let e) = parseResult(s) else { Issue.record("accepted"); return }
        #expect(e.message == "too many nested parentheses")
        #expect(e.line == 1)
    }

    @Test func deepInputsOnSmallStackNeverCrash() throws {
        var inputs: [String] = []
        inputs.append(String(repeating: "(", count: 199) + "1" + String(repeating: ")", count: 199))
        inputs.append(String(repeating: "[", count: 199) + String(repeating: "]", count: 199))
        inputs.append(Array(repeating: "1", count: 100_000).joined(separator: "+"))
        inputs.append(String(repeating: "-", count: 100_000) + "1")
        inputs.append(String(repeating: "not ", count: 50_000) + "x")
        inputs.append(String(repeating: "lambda: ", count: 20_000) + "1")
        inputs.append("a" + String(repeating: ".b", count: 100_000))
        inputs.append("f" + String(repeating: "()", count: 50_000))
        inputs.append(Array(repeating: "2", count: 50_000).joined(separator: "**"))
        inputs.append(Array(repeating: "a", count: 50_000).joined(separator: " = "))
        inputs.append((0..<150).map { String(repeating: " ", count: $0) + "if 1:\n" }.joined() + String(repeating: " ", count: 150) + "pass\n")
        inputs.append(String(repeating: "f'{", count: 30) + "1" + String(repeating: "}'", count: 30))
        final class Box: @unchecked Sendable { var results: [String] = []; var inputs: [String] = [] }
        let box = Box()
        box.inputs = inputs
        let done = DispatchSemaphore(value: 0)
        let thread = Thread {
            for s in box.inputs {
                do throws(SyntaxError) {
                    let m = try parseModule(bytes: Array(s.utf8))
                    _ = dumpAST(m.module)
                    box.results.append("ok")
                } catch {
                    box.results.append(error.message)
                }
            }
            done.signal()
        }
        thread.stackSize = 512 * 1024
        thread.start()
        done.wait()
        #expect(box.results.count == inputs.count)
    }

    @Test func garbageAndTruncatedInputsNeverCrash() throws {
        var seed: UInt64 = 0x9E3779B97F4A7C15
        func rnd() -> UInt64 { seed ^= seed << 13; seed ^= seed >> 7; seed ^= seed << 17; return seed }
        for _ in 0..<2000 {
            let n = Int(rnd() % 200)
            var d = [UInt8]()
            for _ in 0..<n { d.append(UInt8(truncatingIfNeeded: rnd())) }
            _ = try? parseModule(bytes: d)
        }
        let alphabet = Array("()[]{}'\"\\\n\t :=.,*+-fbr0x1e_#@lambda if else for in not match case \u{0}\u{FF}".utf8)
        for _ in 0..<3000 {
            let n = Int(rnd() % 80)
            var d = [UInt8]()
            for _ in 0..<n { d.append(alphabet[Int(rnd() % UInt64(alphabet.count))]) }
            if let m = try? parseModule(bytes: d) { _ = dumpAST(m.module) }
        }
        let src = try read(try fixtures("valid").first { $0.lastPathComponent == "fstrings.py" }!)
        for cut in 0..<src.count { _ = try? parseModule(bytes: Array(src[0..<cut])) }
        // invalid UTF-8, NUL bytes, lone surrogates
        for bad: [UInt8] in [[0xFF], [0x78, 0x00], [0xED, 0xA0, 0x80], [0xC3], [0x27, 0xC3, 0x27], [0xEF, 0xBB, 0xBF, 0xFF]] {
            #expect(throws: SyntaxError.self) { try parseModule(bytes: bad) }
        }
    }

    @Test func speculativeErrorPathsStayLinear() {
        // inputs that made naive backtracking/f-string fallback exponential
        var inputs: [String] = []
        inputs.append("x = (" + String(repeating: "a[", count: 60) + "1 for" + String(repeating: "]", count: 60) + ")\n")
        inputs.append("x = " + (0..<19).map { $0 % 2 == 0 ? "f\"{(" : "f'{(" }.joined() + "\n" + String(repeating: "a", count: 1000) + "\n")
        inputs.append("x = f\"\"\"" + String(repeating: "{\"", count: 3000) + "\n" + String(repeating: String(repeating: "a", count: 100) + "\n", count: 200))
        inputs.append("x = [" + String(repeating: "{ y ", count: 150) + "\n")
        let start = Date()
        for s in inputs { _ = try? parseModule(bytes: Array(s.utf8)) }
        #expect(Date().timeIntervalSince(start) < 10)
    }

    @Test func errorMessagesLikeCPython() {
        let cases: [(String, Int, String)] = [
            ("x = 'abc\n", 1, "unterminated string literal (detected at line 1)"),
            ("if x:\n  a\n b\n", 3, "unindent does not match any outer indentation level"),
            ("f(\n", 1, "'(' was never closed"),
            ("x = 1 +\n", 1, "invalid syntax"),
            ("def f(:\n", 1, "invalid syntax"),
        ]
        for (src, line, msg) in cases {
            guard case .failure(let e) = parseResult(src) else { Issue.record("accepted: \(src)"); continue }
            #expect(e.line == line && e.message == msg, "\(src.debugDescription): \(e)")
        }
    }
}

@Suite struct APITests {
    let src = """
    import os

    class Outer:
        def method(self, x):
            if x:
                return [y for y in x]
            return None

    async def top():
        await thing()
    """

    @Test func sourceMapRoundTrips() throws {
        let pm = try parseModule(bytes: Array(src.utf8), filename: "m.py")
        let map = pm.sourceMap
        #expect(map.position(ofByte: 0) == (1, 0))
        let off = try #require(map.byteOffset(line: 4, column: 8))
        #expect(map.position(ofByte: off) == (4, 8))
        #expect(map.line(4) == "    def method(self, x):")
        #expect(map.byteOffset(line: 99, column: 0) == nil)
        guard case .classDef(_, _, _, let body, _, _) = pm.module.body[1].kind else { Issue.record("no class"); return }
        #expect(pm.text(of: body[0].loc).hasPrefix("def method(self, x):"))
        #expect(pm.text(of: body[0].loc).hasSuffix("return None"))
    }

    /// Line starts after `\n`, `\r\n` and a lone `\r` alike (files with no `\r` take a
    /// faster path that must agree).
    @Test func lineStartsForEveryLineEnding() {
        #expect(SourceMap(Array("".utf8)).lineStarts == [0])
        #expect(SourceMap(Array("x".utf8)).lineStarts == [0])
        #expect(SourceMap(Array("a\nbc\n".utf8)).lineStarts == [0, 2, 5])
        #expect(SourceMap(Array("\n\na".utf8)).lineStarts == [0, 1, 2])
        #expect(SourceMap(Array("a\r\nbc\rd\ne".utf8)).lineStarts == [0, 3, 6, 8])
    }

    @Test func enclosingScope() throws {
        let pm = try parseModule(bytes: Array(src.utf8))
        #expect(pm.enclosingScope(startLine: 6, endLine: 6)?.qualifiedName == "Outer.method")
        #expect(pm.enclosingScope(startLine: 3, endLine: 3)?.qualifiedName == "Outer")
        #expect(pm.enclosingScope(startLine: 10, endLine: 10)?.kind == .asyncFunction)
        #expect(pm.enclosingScope(startLine: 1, endLine: 1) == nil)
    }

    @Test func walkVisitsEveryNodeWithPositions() throws {
        let pm = try parseModule(bytes: Array(src.utf8))
        var names: [String] = []
        var count = 0
        pm.module.walk { node in
            count += 1
            if case .expr(let e) = node, case .name(let id, _) = e.kind { names.append(id) }
            if let l = node.loc { #expect(l.startByte <= l.endByte) }
            return true
        }
        #expect(names == ["x", "y", "y", "x", "thing"])
        #expect(count == pm.module.allNodes.count)
    }

    @Test func constantReprs() throws {
        #expect(Repr.float(1e16) == "1e+16")
        #expect(Repr.float(1e15) == "1000000000000000.0")
        #expect(Repr.float(1e-5) == "1e-05")
        #expect(Repr.float(0.0001) == "0.0001")
        #expect(Repr.float(0.1) == "0.1")
        #expect(Repr.float(5e-324) == "5e-324")
        #expect(Repr.float(1.7976931348623157e308) == "1.7976931348623157e+308")
        #expect(Repr.float(.infinity) == "inf")
        #expect(Repr.float(2.0, addDot0: false) == "2")
        #expect(bigToDecimal(Array("ffffffffffffffffffffffffffffffff".utf8), base: 16) == "340282366920938463463374607431768211455")
        let d = try dumpAST(bytes: Array("x = '\\ud800', 'it\\'s', b'\\x00\"'\n".utf8), includeAttributes: false)
        #expect(d.contains(#"Constant(value='\ud800')"#))
        #expect(d.contains(#"Constant(value="it's")"#))
        #expect(d.contains(#"Constant(value=b'\x00"')"#))
    }

    /// Lone surrogates next to UTF-8 text and across concatenation, and `\N{...}` names far
    /// apart in the code space (looked up a block at a time), give CPython's values.
    @Test func stringValuesAcrossEscapesAndConcatenation() throws {
        let source = #"a = '\N{GRINNING FACE}' '\N{BULLET}', 'é\ud800' "x\N{EM DASH}", f'é\udc00{y}z' 'w'"# + "\n"
        let d = try dumpAST(bytes: Array(source.utf8), includeAttributes: false)
        #expect(d == #"Module(body=[Assign(targets=[Name(id='a', ctx=Store())], value=Tuple(elts=[Constant(value='😀•'), Constant(value='é\ud800x—'), JoinedStr(values=[Constant(value='é\udc00'), FormattedValue(value=Name(id='y', ctx=Load()), conversion=-1), Constant(value='zw')])], ctx=Load()))], type_ignores=[])"#)
    }

    /// Python reads every identifier NFKC-normalised, wherever it stands (the standard library
    /// has no such names, so the differential cannot see this). Expected dump from CPython 3.11.
    @Test func identifiersAreNormalisedInEveryPosition() throws {
        let source = """
        import ｍod.ｓub as ａlias
        from ｐkg import ｎame as ｏther
        def ｆ(ｘ, *, ｋ=1):
            global ｇ
            ｘ.ａttr = ｆ((ｙ := 2), ｋ=ｘ)
            match ｘ:
                case ｐkg.Ｖ(ｋw=ｃapt) as ｂound:
                    pass
        """
        let d = try dumpAST(bytes: Array(source.utf8), includeAttributes: false)
        #expect(d == #"Module(body=[Import(names=[alias(name='mod.sub', asname='alias')]), ImportFrom(module='pkg', names=[alias(name='name', asname='other')], level=0), FunctionDef(name='f', args=arguments(posonlyargs=[], args=[arg(arg='x')], kwonlyargs=[arg(arg='k')], kw_defaults=[Constant(value=1)], defaults=[]), body=[Global(names=['g']), Assign(targets=[Attribute(value=Name(id='x', ctx=Load()), attr='attr', ctx=Store())], value=Call(func=Name(id='f', ctx=Load()), args=[NamedExpr(target=Name(id='y', ctx=Store()), value=Constant(value=2))], keywords=[keyword(arg='k', value=Name(id='x', ctx=Load()))])), Match(subject=Name(id='x', ctx=Load()), cases=[match_case(pattern=MatchAs(pattern=MatchClass(cls=Attribute(value=Name(id='pkg', ctx=Load()), attr='V', ctx=Load()), patterns=[], kwd_attrs=['kw'], kwd_patterns=[MatchAs(name='capt')]), name='bound'), body=[Pass()])])], decorator_list=[])], type_ignores=[])"#)
    }

    /// The statement-only walk meets the statements `walk` meets, in the same order.
    @Test func statementWalkMatchesTheFullWalk() throws {
        let source = """
        import os
        @decorate(lambda: 1)
        class A(B):
            x = 1
            def f(self, y=[z for z in range(3)]):
                for i in y:
                    if i:
                        continue
                    else:
                        pass
                else:
                    return
                while True:
                    break
        try:
            with open(p) as h:
                pass
        except E as e:
            raise
        except F:
            pass
        else:
            del x
        finally:
            global g
        match v:
            case [1, *rest] if rest:
                async def g():
                    await h()
            case _:
                type T = int
        """
        let module = try PythonSyntax.parse(Array(source.utf8), filename: "t.py").module
        var full: [Int] = [], statements: [Int] = []
        module.walk { node in
            if case .stmt(let statement) = node { full.append(statement.loc.startByte) }
            return true
        }
        module.walkStatements { statements.append($0.loc.startByte) }
        #expect(statements.count == 22)
        #expect(statements == full)
    }
}
