/// Reads the item catalogue (`catalogue:` in the pipeline; contract rule 18): a CSV with the columns
/// `item_code, item_name, kind, promised_limit, legal_limit, limit_unit, online_capable, fully_online`,
/// its encoding detected as the registry's. Its words may be Chinese, English or the code words of
/// GB/T 39046 (办件类型 1 即办件, 2 承诺件), and are checked as strictly as the registry.
struct CatalogueReader {
    static let columns = [
        "item_code", "item_name", "kind", "promised_limit", "legal_limit", "limit_unit", "online_capable", "fully_online",
    ]
    static let kinds: [String: ItemCatalogue.Kind] = [
        "即办件": .instant, "instant": .instant, "1": .instant, "承诺件": .promised, "promised": .promised, "2": .promised,
    ]
    static let units: [String: WorkingDayCalendar.Unit] = [
        "工作日": .workingDays, "working_days": .workingDays, "自然日": .naturalDays, "natural_days": .naturalDays,
    ]
    static let answers: [String: Bool] = ["是": true, "否": false, "yes": true, "no": false]

    let path: String
    /// How to name the file in messages.
    let displayPath: String

    /// - Throws: ``HallRateError`` `.catalogue` naming the file, line and column of an unreadable file, a
    ///   missing column, an unknown word, a limit that is not a whole number, an empty or duplicate code.
    func read() throws(HallRateError) -> ItemCatalogue {
        var items: [ItemCatalogue.Item] = []
        var seen: [String: Int] = [:]
        var at: [Int] = []
        let reader = CSVFileReader(path: path, layout: .init(encoding: .auto))
        do {
            let summary = try reader.read(
                header: { names in
                    let trimmed = names.map(TextNormalizer.normalize)
                    for column in Self.columns {
                        guard let index = trimmed.firstIndex(of: column) else {
                            throw HallRateError(
                                .catalogue, "the catalogue has no column '\(column)'; it needs \(Self.columns.joined(separator: ", "))",
                                at: SourceLocation(file: displayPath, line: 1), key: column)
                        }
                        at.append(index)
                    }
                },
                record: { record in
                    guard record.count > (at.max() ?? 0) else {
                        throw HallRateError(
                            .catalogue, "this row has \(record.count) fields; the header has more",
                            at: SourceLocation(file: displayPath, line: record.line))
                    }
                    let values = at.map { TextNormalizer.normalize(record.string($0)) }
                    func fail(_ column: Int, _ message: String) -> HallRateError {
                        HallRateError(
                            .catalogue, message, at: SourceLocation(file: displayPath, line: record.line, column: at[column] + 1),
                            key: Self.columns[column])
                    }
                    func word<T>(_ column: Int, _ words: [String: T]) throws(HallRateError) -> T {
                        guard let value = words[values[column]] ?? words[values[column].lowercased()] else {
                            throw fail(
                                column,
                                "\(Self.columns[column]) '\(values[column])' of item \(values[0]) is none of "
                                    + words.keys.sorted().joined(separator: ", "))
                        }
                        return value
                    }
                    func limit(_ column: Int) throws(HallRateError) -> Int {
                        guard let value = Int(values[column]), value >= 0, value <= 3650 else {
                            throw fail(
                                column,
                                "\(Self.columns[column]) '\(values[column])' of item \(values[0]) is not a whole number of days (0–3650)")
                        }
                        return value
                    }
                    guard !values[0].isEmpty else { throw fail(0, "empty item_code") }
                    if let first = seen[values[0]] {
                        throw fail(0, "item_code \(values[0]) is listed twice (first on line \(first))")
                    }
                    seen[values[0]] = record.line
                    let item = ItemCatalogue.Item(
                        code: values[0], name: values[1], kind: try word(2, Self.kinds), promisedLimit: try limit(3),
                        legalLimit: try limit(4), unit: try word(5, Self.units), onlineCapable: try word(6, Self.answers),
                        fullyOnline: try word(7, Self.answers))
                    guard item.promisedLimit <= item.legalLimit else {
                        throw fail(
                            3, "promised_limit \(item.promisedLimit) of item \(item.code) is longer than its legal_limit \(item.legalLimit)"
                        )
                    }
                    items.append(item)
                })
            if let line = summary.unterminatedQuoteLine {
                throw HallRateError(
                    .catalogue, "a quote opened on this line is never closed: every item after it would be lost",
                    at: SourceLocation(file: displayPath, line: line))
            }
        } catch let error as HallRateError {
            var located = error
            located.code = .catalogue
            if located.location == nil || located.location?.file == path {
                located.location = SourceLocation(file: displayPath, line: located.location?.line, column: located.location?.column)
            }
            throw located
        } catch {
            throw HallRateError(.catalogue, "\(error)", at: SourceLocation(file: displayPath))
        }
        return ItemCatalogue(items: items)
    }
}
