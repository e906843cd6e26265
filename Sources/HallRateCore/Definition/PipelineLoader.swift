import Foundation
import Yams

/// Reads a pipeline file and validates it into a ``Pipeline``, or says exactly what is wrong.
///
/// Every problem is a ``HallRateError`` `.pipeline` naming the file, the line and column and the key.
package struct PipelineLoader: Sendable {
    /// The folder that relative paths inside the pipeline resolve against (the working directory by default).
    package var root: String

    package init(root: String) { self.root = root }

    /// Loads and validates the pipeline at `path`.
    /// - Throws: ``HallRateError`` `.pipeline` for unreadable files, YAML errors, unknown or missing keys
    ///   and bad values; the first problem found.
    package func load(_ path: String) throws(HallRateError) -> Pipeline {
        let (pipeline, problems) = loadAll(path)
        if let first = problems.first { throw first }
        guard let pipeline else { throw HallRateError(.pipeline, "the pipeline is not valid", at: SourceLocation(file: path)) }
        return pipeline
    }

    /// Loads and validates the pipeline at `path`, finding as many problems as it can in one go (for
    /// `check`): every unknown key, then every bad value of each setting and source.
    /// - Returns: the pipeline when there is no problem, else nil and the problems, in file order.
    package func loadAll(_ path: String) -> (Pipeline?, [HallRateError]) {
        do {
            return try loadOrThrow(path)
        } catch {
            return (nil, [error])
        }
    }

    private func loadOrThrow(_ path: String) throws(HallRateError) -> (Pipeline?, [HallRateError]) {
        let data: [UInt8]
        do {
            data = try Self.contents(of: path)
        } catch {
            let reason = FileManager.default.fileExists(atPath: path) ? error.message : "there is no such file"
            throw HallRateError(
                .pipeline,
                "cannot read the pipeline file: \(reason) (looked for \(path) from the working directory "
                    + "\(FileManager.default.currentDirectoryPath); give its path, or run from the folder that holds Pipelines/)",
                at: SourceLocation(file: path))
        }
        guard let text = String(validating: data, as: UTF8.self) else {
            throw HallRateError(.pipeline, "the pipeline file is not UTF-8", at: SourceLocation(file: path))
        }
        let node: Node
        do {
            guard let composed = try Yams.compose(yaml: text) else {
                throw HallRateError(.pipeline, "the pipeline file is empty", at: SourceLocation(file: path, line: 1))
            }
            node = composed
        } catch let error as HallRateError {
            throw error
        } catch {
            throw PipelineLoader.yamlError(error, file: path)
        }
        try PipelineLoader.refuseExpansion(node, file: path)
        var locations: [String: SourceLocation] = [:]
        PipelineLoader.collectLocations(node, path: "", file: path, into: &locations)
        let keys = KeyLocations(file: path, locations: locations)
        let unknown = PipelineLoader.unknownKeys(node, file: path, keys: keys)
        if !unknown.isEmpty { return (nil, unknown) }
        let definition: PipelineDefinition
        do {
            definition = try YAMLDecoder().decode(PipelineDefinition.self, from: node)
        } catch let error as DecodingError {
            let (keyPath, message) = PipelineLoader.describe(error)
            throw HallRateError(.pipeline, message, at: keys.location(of: keyPath), key: keyPath.isEmpty ? nil : keyPath)
        } catch {
            throw HallRateError(.pipeline, "\(error)", at: SourceLocation(file: path))
        }
        let (pipeline, problems) = Validator(file: path, root: root, keys: keys).validateAll(definition)
        return (
            pipeline,
            problems.sorted { ($0.location?.line ?? 0, $0.location?.column ?? 0) < ($1.location?.line ?? 0, $1.location?.column ?? 0) }
        )
    }

    /// Every key of the file that its mapping does not know (top level, each source, its value maps,
    /// the output), with a "did you mean" when one is near: what the decoder would refuse one at a time.
    static func unknownKeys(_ root: Node, file: String, keys: KeyLocations) -> [HallRateError] {
        var problems: [HallRateError] = []
        func check(_ node: Node?, path: String, known: [String]) {
            guard let mapping = node?.mapping else { return }
            for (key, _) in mapping {
                guard let name = key.string, !known.contains(name) else { continue }
                let keyPath = path.isEmpty ? name : path + "." + name
                let guess = KeyGuess.closest(to: name, among: known).map { "did you mean '\($0)'? " } ?? ""
                problems.append(
                    HallRateError(
                        .pipeline, "unknown key '\(name)'; \(guess)expected one of: \(known.sorted().joined(separator: ", "))",
                        at: keys.location(of: keyPath), key: keyPath))
            }
        }
        check(root, path: "", known: PipelineDefinition.CodingKeys.allCases.map(\.stringValue))
        for (index, source) in (root.mapping?["sources"]?.sequence.map(Array.init) ?? []).enumerated() {
            check(source, path: "sources[\(index)]", known: SourceDefinition.CodingKeys.allCases.map(\.stringValue))
            check(source.mapping?["values"], path: "sources[\(index)].values", known: ValueMaps.CodingKeys.allCases.map(\.stringValue))
        }
        check(root.mapping?["members"], path: "members", known: MembersDefinition.CodingKeys.allCases.map(\.stringValue))
        check(root.mapping?["output"], path: "output", known: OutputDefinition.CodingKeys.allCases.map(\.stringValue))
        check(root.mapping?["report"], path: "report", known: PublicationDefinition.CodingKeys.allCases.map(\.stringValue))
        return problems.sorted { ($0.location?.line ?? 0, $0.location?.column ?? 0) < ($1.location?.line ?? 0, $1.location?.column ?? 0) }
    }

    /// The largest pipeline file read (a real one is a few KiB).
    static let maxFileBytes = 1 << 20

    /// The bytes of the pipeline file: a regular file of at most ``maxFileBytes``.
    /// - Throws: ``HallRateError`` with the reason (not a regular file, unreadable, too large).
    static func contents(of path: String) throws(HallRateError) -> [UInt8] {
        let file = try InputFile(path: path, hashing: false)
        var bytes: [UInt8] = []
        var tooLarge = false
        do {
            while try file.nextChunk({ chunk -> Bool in
                bytes.append(contentsOf: chunk)
                tooLarge = bytes.count > maxFileBytes
                return !chunk.isEmpty && !tooLarge
            }) {}
        } catch {
            throw (error as? HallRateError) ?? HallRateError(.io, "cannot read: \(error)", at: SourceLocation(file: path))
        }
        if tooLarge {
            throw HallRateError(
                .pipeline, "it is larger than \(maxFileBytes >> 20) MiB: not a pipeline file", at: SourceLocation(file: path))
        }
        return bytes
    }

    /// Turns a Yams error into a located pipeline error.
    static func yamlError(_ error: Error, file: String) -> HallRateError {
        if let yaml = error as? YamlError {
            switch yaml {
            case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
                .composer(_, let problem, let mark, _):
                return HallRateError(
                    .pipeline, "not valid YAML: \(problem)",
                    at: SourceLocation(file: file, line: mark.line, column: mark.column))
            case .duplicatedKeysInMapping(let duplicates, _):
                return HallRateError(
                    .pipeline, "duplicate keys: \(duplicates.joined(separator: ", "))",
                    at: SourceLocation(file: file))
            default: break
            }
        }
        return HallRateError(.pipeline, "not valid YAML: \(error)", at: SourceLocation(file: file))
    }

    /// The most values a pipeline file may hold (a real one has a few hundred).
    static let maxNodes = 100_000

    /// Refuses a file that expands to more than ``maxNodes`` values: nine nested YAML aliases (`*name`)
    /// in 800 bytes expand to hundreds of millions (an "alias bomb"). The composed tree shares the
    /// aliased values, so it is small; walking it as the decoder would is what explodes, so the walk
    /// counts and stops at the limit.
    static func refuseExpansion(_ root: Node, file: String) throws(HallRateError) {
        var pending = [root]
        var visited = 0
        while let node = pending.popLast() {
            visited += 1
            if visited > maxNodes {
                throw HallRateError(
                    .pipeline,
                    "the pipeline file expands to more than \(maxNodes) values; "
                        + "are YAML aliases (*name) repeating a part of it? Write the values out",
                    at: SourceLocation(file: file))
            }
            switch node {
            case .mapping(let mapping): for (key, value) in mapping { pending += [key, value] }
            case .sequence(let sequence): pending += Array(sequence)
            case .scalar, .alias: break
            }
        }
    }

    /// Records the line and column of every key and sequence item, by key path.
    static func collectLocations(_ node: Node, path: String, file: String, into locations: inout [String: SourceLocation]) {
        switch node {
        case .mapping(let mapping):
            for (key, value) in mapping {
                let name = key.string ?? "?"
                let keyPath = path.isEmpty ? name : path + "." + name
                if let mark = key.mark {
                    locations[keyPath] = SourceLocation(file: file, line: mark.line, column: mark.column)
                }
                collectLocations(value, path: keyPath, file: file, into: &locations)
            }
        case .sequence(let sequence):
            for (index, item) in sequence.enumerated() {
                let itemPath = path + "[\(index)]"
                if let mark = item.mark {
                    locations[itemPath] = SourceLocation(file: file, line: mark.line, column: mark.column)
                }
                collectLocations(item, path: itemPath, file: file, into: &locations)
            }
        default:
            break
        }
    }

    /// The key path and a sentence for a decoding error.
    static func describe(_ error: DecodingError) -> (String, String) {
        func render(_ path: [CodingKey]) -> String {
            path.reduce(into: "") { text, key in
                if let index = key.intValue {
                    text += "[\(index)]"
                } else {
                    text += text.isEmpty ? key.stringValue : "." + key.stringValue
                }
            }
        }
        switch error {
        case .keyNotFound(let key, let context):
            let parent = render(context.codingPath)
            let full = parent.isEmpty ? key.stringValue : parent + "." + key.stringValue
            return (full, "missing required key '\(key.stringValue)'" + (parent.isEmpty ? "" : " in \(parent)"))
        case .typeMismatch(let type, let context):
            return (render(context.codingPath), "expected \(PipelineLoader.kind(of: type)) here")
        case .valueNotFound(let type, let context):
            return (render(context.codingPath), "expected \(PipelineLoader.kind(of: type)), found nothing")
        case .dataCorrupted(let context):
            return (render(context.codingPath), context.debugDescription)
        @unknown default:
            return ("", "\(error)")
        }
    }

    static func kind(of type: Any.Type) -> String {
        switch type {
        case is String.Type: return "a text value"
        case is Int.Type: return "a whole number"
        case is [String].Type: return "a list of text values"
        case is [String: String].Type, is [String: Any].Type: return "a mapping of key: value"
        case is [SourceDefinition].Type, is [Any].Type: return "a list"
        default: return "a mapping of keys"
        }
    }
}
