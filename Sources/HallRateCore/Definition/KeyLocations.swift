/// Where each key of a pipeline file was written, by key path (`sources[0].columns.txn_id`).
package struct KeyLocations: Sendable {
    let file: String
    let locations: [String: SourceLocation]

    /// The location of `keyPath`, or of its nearest written parent, or the file's first line.
    package func location(of keyPath: String) -> SourceLocation {
        var path = keyPath
        while !path.isEmpty {
            if let found = locations[path] { return found }
            guard let cut = path.lastIndex(where: { $0 == "." || $0 == "[" }) else { break }
            path = String(path[..<cut])
        }
        return SourceLocation(file: file, line: 1, column: 1)
    }
}
