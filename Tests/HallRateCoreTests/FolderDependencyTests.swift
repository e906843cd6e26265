import Foundation
import Testing

/// The folders of HallRateCore depend on each other one way only (issue 13): Model depends on no
/// other folder, Encoding on Model, Readers on Encoding and Model… A type used across folders is found
/// by its name, declared in one folder and written in a file of another; names declared in several
/// folders (nested `Layout`, `Kind`…) are left out, as they cannot be told apart without a compiler.
@Suite struct FolderDependencyTests {
    static let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Sources/HallRateCore")

    /// Folder → (file name, text without comments) of every Swift file; top-level files under `(root)`.
    static func files() throws -> [String: [(String, String)]] {
        var files: [String: [(String, String)]] = [:]
        let enumerator = FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil)
        while let url = enumerator?.nextObject() as? URL {
            guard url.pathExtension == "swift" else { continue }
            let relative = url.path.dropFirst(sources.path.count + 1).split(separator: "/")
            let folder = relative.count > 1 ? String(relative[0]) : "(root)"
            // Without comments and string literals, whose words are not types.
            let text = try String(contentsOf: url, encoding: .utf8)
                .replacingOccurrences(of: #"//[^\n]*"#, with: "", options: .regularExpression)
                .replacingOccurrences(of: #"\"\"\"[\s\S]*?\"\"\""#, with: "", options: .regularExpression)
                .replacingOccurrences(of: #"\"(?:[^\"\\\n]|\\.)*\""#, with: "\"\"", options: .regularExpression)
            files[folder, default: []].append((url.lastPathComponent, text))
        }
        return files
    }

    static func matches(_ pattern: String, in text: String, group: Int = 0) -> [String] {
        let expression = try? NSRegularExpression(pattern: pattern)
        let range = NSRange(text.startIndex..., in: text)
        return expression?.matches(in: text, range: range).compactMap { Range($0.range(at: group), in: text).map { String(text[$0]) } }
            ?? []
    }

    @Test func noTwoFoldersDependOnEachOther() throws {
        let files = try Self.files()
        var declaredIn: [String: Set<String>] = [:]
        for (folder, texts) in files {
            for (_, text) in texts {
                for name in Self.matches(#"(?:struct|enum|class|protocol|typealias|actor)\s+([A-Z]\w*)"#, in: text, group: 1) {
                    declaredIn[name, default: []].insert(folder)
                }
                // Generic parameters (`struct ByteTable<Value>`, `func f<T: P>`) are declared where they are written.
                for clause in Self.matches(#"(?:struct|enum|class|func|init|subscript)\s*\w*\s*<([^<>()]*)>"#, in: text, group: 1) {
                    for name in Self.matches(#"(?:^|,)\s*([A-Z]\w*)"#, in: clause, group: 1) {
                        declaredIn[name, default: []].insert(folder)
                    }
                }
            }
        }
        // The standard library's associated types, which a file may name without declaring them.
        for name in ["Element", "Index", "Indices", "Iterator", "SubSequence", "RawValue", "ID"] { declaredIn[name] = nil }
        let owner = declaredIn.compactMapValues { $0.count == 1 ? $0.first : nil }
        var edges: [String: [String: String]] = [:]  // folder → folder → an example "Type (File.swift)"
        for (folder, texts) in files {
            for (file, text) in texts {
                for name in Set(Self.matches(#"\b[A-Z]\w*\b"#, in: text)) {
                    guard let other = owner[name], other != folder else { continue }
                    edges[folder, default: [:]][other] = "\(name) (\(file))"
                }
            }
        }
        #expect(edges["Model"] == nil, "Model depends on \(edges["Model"] ?? [:])")
        // Every cycle shows as a path back to its start: depth-first from each folder.
        for start in edges.keys.sorted() {
            var stack = [(start, [start])]
            var seen: Set<String> = []
            while let (folder, path) = stack.popLast() {
                for (next, example) in edges[folder] ?? [:] {
                    if next == start {
                        Issue.record("folders in a cycle: \((path + [start]).joined(separator: " → ")) (e.g. \(folder) uses \(example))")
                    } else if seen.insert(next).inserted {
                        stack.append((next, path + [next]))
                    }
                }
            }
        }
    }
}
