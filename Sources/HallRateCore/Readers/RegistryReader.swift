/// Reads the hall registry: a CSV with columns `hall_code, hall_name, tier, parent_code` and an
/// optional `aliases` (other names, `;`-separated). The encoding is detected (UTF-8, UTF-16 or GB18030).
struct RegistryReader {
    static let columns = ["hall_code", "hall_name", "tier", "parent_code"]

    let path: String
    /// How to name the file in messages.
    let displayPath: String

    /// - Throws: ``HallRateError`` `.registry` naming the file, line and column for an unreadable file,
    ///   a missing column, an unknown tier, an empty or duplicate code.
    func read() throws(HallRateError) -> HallRegistry {
        var halls: [Hall] = []
        var seen: [String: Int] = [:]
        var columnIndex: [Int] = []
        var aliasColumn: Int?
        var names: [String: String] = [:]  // normalised name or alias → code
        let reader = CSVFileReader(path: path, layout: .init(encoding: .auto))
        do {
            let summary = try reader.read(
                header: { names in
                    let trimmed = names.map(TextNormalizer.normalize)
                    for column in RegistryReader.columns {
                        guard let at = trimmed.firstIndex(of: column) else {
                            throw HallRateError(
                                .registry,
                                "the registry has no column '\(column)'; it needs \(RegistryReader.columns.joined(separator: ", "))",
                                at: SourceLocation(file: displayPath, line: 1), key: column)
                        }
                        columnIndex.append(at)
                    }
                    aliasColumn = trimmed.firstIndex(of: "aliases")
                },
                record: { record in
                    let location = SourceLocation(file: displayPath, line: record.line)
                    guard record.count >= (columnIndex.max() ?? 0) + 1 else {
                        throw HallRateError(.registry, "this row has \(record.count) fields; the header has more", at: location)
                    }
                    for field in 0..<record.count where record.string(field).contains(where: \.isNewline) {
                        throw HallRateError(
                            .registry,
                            "a value of this row spans several lines (a quote opened and closed too late?): "
                                + "every line in between would be lost",
                            at: SourceLocation(file: displayPath, line: record.line, column: field + 1))
                    }
                    let values = columnIndex.map { TextNormalizer.normalize(record.string($0)) }
                    let (code, name, tierName, parent) = (values[0], values[1], values[2], values[3])
                    guard !code.isEmpty else {
                        throw HallRateError(.registry, "empty hall_code", at: location, key: "hall_code")
                    }
                    guard let tier = Tier(rawValue: tierName) else {
                        throw HallRateError(
                            .registry, "unknown tier '\(tierName)' for hall \(code); tiers are district, township, village",
                            at: SourceLocation(file: displayPath, line: record.line, column: columnIndex[2] + 1), key: "tier")
                    }
                    if let first = seen[code] {
                        throw HallRateError(
                            .registry, "hall_code \(code) is listed twice (first on line \(first))", at: location, key: "hall_code")
                    }
                    seen[code] = record.line
                    var aliases: [String] = []
                    if let aliasColumn, aliasColumn < record.count {
                        aliases = TextNormalizer.normalize(record.string(aliasColumn)).split(separator: ";")
                            .map { TextNormalizer.normalize(String($0)) }
                            .filter { !$0.isEmpty }
                    }
                    for other in [name] + aliases where !other.isEmpty {
                        let key = TextNormalizer.normalize(other)
                        if let owner = names[key], owner != code {
                            throw HallRateError(
                                .registry, "the name '\(other)' belongs to both \(owner) and \(code); names and aliases must be unique",
                                at: location, key: "aliases")
                        }
                        names[key] = code
                    }
                    halls.append(Hall(code: code, name: name, tier: tier, parentCode: parent, aliases: aliases))
                })
            if let line = summary.unterminatedQuoteLine {
                throw HallRateError(
                    .registry, "a quote opened on this line is never closed: every hall after it would be lost",
                    at: SourceLocation(file: displayPath, line: line))
            }
        } catch let error as HallRateError {
            var located = error
            located.code = .registry
            if located.location == nil || located.location?.file == path {
                located.location = SourceLocation(file: displayPath, line: located.location?.line)
            }
            throw located
        } catch {
            throw HallRateError(.registry, "\(error)", at: SourceLocation(file: displayPath))
        }
        guard !halls.isEmpty else {
            throw HallRateError(.registry, "the registry lists no hall", at: SourceLocation(file: displayPath))
        }
        return HallRegistry(halls: halls)
    }
}
