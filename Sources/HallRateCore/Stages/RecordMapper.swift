/// Stage 2, map and validate: turns one CSV record of one source into a canonical ``Transaction``,
/// or into a ``Reject`` that says why, quoting the value.
///
/// Checks, in this order: record length, field count, required fields present, hall in the registry,
/// accepted_at parses, channel and status mapped, updated_at (when present) parses.
///
/// A class: the reader's record callback holds it, and a struct of this size was copied (retaining
/// every field) on each call.
final class RecordMapper {
    private let source: Pipeline.Source
    private let registry: HallRegistry
    private let file: String
    private let fieldCount: Int
    private let txnColumn: Int
    /// How this file names its hall.
    private enum HallKey {
        case code(column: Int)
        case name(column: Int)
        /// From the file's path: the registry index (nil when unknown) and the code as found.
        case path(Int?, code: String)
    }
    private let hallKey: HallKey
    private let channelColumn: Int
    private let acceptedColumn: Int
    private let statusColumn: Int
    private let updatedColumn: Int?
    private let completedColumn: Int?
    private let itemColumn: Int?
    private let itemNameColumn: Int?
    private let departmentColumn: Int?
    /// The file's items and departments so far, numbered as its transactions name them; an item's name is
    /// the first one given with its code in the file.
    private var itemCodes = ByteInterner()
    private var itemNames: [String] = []
    private var departmentNames = ByteInterner()
    private let applicantColumn: Int?
    private let requiredColumns: [(field: CanonicalField, column: Int)]
    /// The value maps keyed by exact bytes; a miss falls back to the `String` maps (see ``ByteTable``).
    private let channelTable: ByteTable<Channel>
    private let statusTable: ByteTable<Status>
    private let dateFormats: [DateFormat]
    /// The instants an `accepted_at` may take (``Pipeline/acceptedWindow(today:)``).
    private let acceptedWindow: ClosedRange<LocalTime>
    /// Where a field with full-width forms is normalised (``normalized(_:)``).
    private let conversion = TextNormalizer.ConversionBuffer()

    /// Resolves the source's column names against a file's header.
    /// - Throws: ``HallRateError`` `.pipeline` naming the pipeline key when a mapped column is absent.
    /// - Parameter hallFromPath: the hall code the file's path carries, when the source's glob has `{hall_code}`.
    init(
        source: Pipeline.Source, pipeline: Pipeline, header: [String], registry: HallRegistry, file: String,
        hallFromPath: String? = nil
    ) throws(HallRateError) {
        self.source = source
        self.registry = registry
        self.file = file
        let names = header.map(TextNormalizer.normalize)
        var index: [CanonicalField: Int] = [:]
        for (field, column) in source.columns {
            guard let at = names.firstIndex(of: column) else {
                let key = "\(source.keyPath).columns.\(field.rawValue)"
                let shown =
                    names.prefix(30).map { $0.count > 40 ? String($0.prefix(40)) + "…" : $0 }
                    .joined(separator: ", ") + (names.count > 30 ? ", … (\(names.count) columns)" : "")
                throw HallRateError(
                    .pipeline,
                    "column '\(column)' (for \(field.rawValue)) is not in \(file), whose columns are: \(shown)",
                    at: pipeline.location(of: key), key: key)
            }
            index[field] = at
        }
        fieldCount = header.count
        txnColumn = index[.txnID] ?? 0
        if let column = index[.hallCode] {
            hallKey = .code(column: column)
        } else if let column = index[.hallName] {
            hallKey = .name(column: column)
        } else {
            let code = TextNormalizer.normalize(hallFromPath ?? "")
            hallKey = .path(registry.index(ofCode: code), code: code)
        }
        channelColumn = index[.channel] ?? 0
        acceptedColumn = index[.acceptedAt] ?? 0
        statusColumn = index[.status] ?? 0
        updatedColumn = index[.updatedAt]
        completedColumn = index[.completedAt]
        itemColumn = index[.itemCode]
        itemNameColumn = index[.itemName]
        departmentColumn = index[.department]
        applicantColumn = index[.applicantID]
        requiredColumns = (CanonicalField.required + [.hallName]).compactMap { field in index[field].map { (field, $0) } }
        channelTable = ByteTable(source.channels.map { ($0.key, $0.value) })
        statusTable = ByteTable(source.statuses.map { ($0.key, $0.value) })
        dateFormats = source.dateFormats
        acceptedWindow = pipeline.acceptedWindow()
    }

    /// The normalised bytes of `field`, valid until the next call (no closure per field: each one
    /// retained and released the mapper).
    @inline(__always)
    private func normalized(_ field: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        TextNormalizer.normalized(field, buffer: conversion)
    }

    /// `YYYY-MM-DD` of a time.
    private static func day(_ time: LocalTime) -> String {
        time.date.description
    }

    /// Maps one record. Returns the transaction, or the reject to file.
    func map(_ record: RawRecord) -> Result<Transaction, Reject> {
        if record.isTooLong {
            return .failure(reject(record, .recordTooLong, "the record is longer than 1 MiB"))
        }
        guard record.count == fieldCount else {
            return .failure(reject(record, .fieldCount, "expected \(fieldCount) fields, found \(record.count)"))
        }
        for (field, column) in requiredColumns where TextNormalizer.trim(record[column]).isEmpty {
            return .failure(reject(record, .missingField, "\(field.rawValue) (column \(source.columns[field] ?? "?")) is empty"))
        }
        let hall: Int
        switch hallKey {
        case .code(let column):
            guard let found = registry.index(ofCodeBytes: normalized(record[column])) else {
                return .failure(reject(record, .unknownHall, "hall code '\(text(record, column))' is not in the registry"))
            }
            hall = found
        case .name(let column):
            guard let found = hallIndex(byName: record[column]) else {
                return .failure(
                    reject(
                        record, .unknownHall,
                        "hall name '\(text(record, column))' matches no name or alias in the registry"))
            }
            hall = found
        case .path(let found?, _):
            hall = found
        case .path(nil, let code):
            return .failure(reject(record, .unknownHall, "hall code '\(code)' (from the file's path) is not in the registry"))
        }
        guard let acceptedAt = parseDate(record[acceptedColumn]) else {
            return .failure(
                reject(
                    record, .badDate,
                    "accepted_at '\(text(record, acceptedColumn))' matches none of the formats: \(formatList)"))
        }
        guard acceptedWindow.contains(acceptedAt) else {
            return .failure(
                reject(
                    record, .badDate,
                    "accepted_at '\(text(record, acceptedColumn))' is outside the plausible dates \(Self.day(acceptedWindow.lowerBound)) "
                        + "to \(Self.day(acceptedWindow.upperBound)) (earliest_month to the end of next month)"))
        }
        let channelBytes = normalized(record[channelColumn])
        guard let channel = channelTable.lookup(channelBytes) ?? source.channels[String(decoding: channelBytes, as: UTF8.self)] else {
            return .failure(reject(record, .unmappedChannel, "channel '\(text(record, channelColumn))' has no mapping in values.channel"))
        }
        let statusBytes = normalized(record[statusColumn])
        guard let status = statusTable.lookup(statusBytes) ?? source.statuses[String(decoding: statusBytes, as: UTF8.self)] else {
            return .failure(reject(record, .unmappedStatus, "status '\(text(record, statusColumn))' has no mapping in values.status"))
        }
        var updatedAt: LocalTime?
        if let updatedColumn, !TextNormalizer.trim(record[updatedColumn]).isEmpty {
            guard let parsed = parseDate(record[updatedColumn]) else {
                return .failure(
                    reject(
                        record, .badDate,
                        "updated_at '\(text(record, updatedColumn))' matches none of the formats: \(formatList)"))
            }
            updatedAt = parsed
        }
        let key = TransactionKey(bytes: UnsafeRawBufferPointer(normalized(record[txnColumn])))
        var transaction = Transaction(key: key, hall: hall, channel: channel, status: status, acceptedAt: acceptedAt, updatedAt: updatedAt)
        if let completedColumn, !TextNormalizer.trim(record[completedColumn]).isEmpty {
            transaction.completed = Transaction.Completion(parseDate(record[completedColumn]), acceptedAt: acceptedAt)
        }
        if let itemColumn {
            let before = itemCodes.count
            transaction.item = number(itemCodes.index(of: TextNormalizer.trim(normalized(record[itemColumn]))))
            if itemCodes.count > before {
                itemNames.append(itemNameColumn.map { TextNormalizer.normalize(record.string($0)) } ?? "")
            }
        }
        if let departmentColumn {
            transaction.department = number(departmentNames.index(of: TextNormalizer.trim(normalized(record[departmentColumn]))))
        }
        return .success(transaction)
    }

    /// The normalised bytes of a mapped record's `txn_id` (those its key was made of), valid until the
    /// mapper's next call.
    func normalizedID(_ record: RawRecord) -> UnsafeBufferPointer<UInt8> { normalized(record[txnColumn]) }

    /// A file's number of an item or department as a row keeps it: beyond ``Transaction/maxCodesPerFile``
    /// distinct ones, the rest share the last number (their breakdown row says so).
    @inline(__always)
    private func number(_ index: Int) -> UInt16 { UInt16(min(index, Transaction.maxCodesPerFile)) }

    /// The file's items (code, name) and departments, numbered as its transactions name them.
    var items: [(code: String, name: String)] {
        let codes = itemCodes.strings.prefix(Transaction.maxCodesPerFile + 1)
        return zip(codes, itemNames).enumerated().map { index, item in
            index == Transaction.maxCodesPerFile ? (code: Self.overflowCode, name: "") : (code: item.0, name: item.1)
        }
    }

    var departments: [String] {
        departmentNames.strings.prefix(Transaction.maxCodesPerFile + 1).enumerated().map { index, name in
            index == Transaction.maxCodesPerFile ? Self.overflowCode : name
        }
    }

    /// The code of the shared last number when a file has more distinct items or departments than a row can number.
    static let overflowCode = "(more than 65,534 in one file)"

    /// The hall named by `field`: by exact bytes when the trimmed field has no full-width form to convert
    /// (then the bytes are what ``HallRegistry/index(ofName:)`` would compare), else through the `String`.
    private func hallIndex(byName field: UnsafeBufferPointer<UInt8>) -> Int? {
        let trimmed = TextNormalizer.trim(field)
        if !TextNormalizer.containsFullWidth(trimmed), let found = registry.exactIndex(ofNormalizedName: trimmed) {
            return found
        }
        return registry.index(ofName: String(decoding: field, as: UTF8.self))
    }

    private var formatList: String { source.dateFormats.map(\.description).joined(separator: " | ") }

    private func parseDate(_ field: UnsafeBufferPointer<UInt8>) -> LocalTime? {
        let bytes = normalized(field)
        for i in dateFormats.indices {  // by index: a for-in loop copied each format (retains)
            if let time = dateFormats[i].parse(bytes) { return time }
        }
        return nil
    }

    /// A field's value for a message: normalised, ID numbers masked.
    private func text(_ record: RawRecord, _ column: Int) -> String {
        IDMasker.mask(TextNormalizer.normalize(record.string(column)))
    }

    /// Builds a reject with the raw row re-serialised and personal data masked.
    private func reject(_ record: RawRecord, _ reason: Reject.Reason, _ detail: String) -> Reject {
        var fields = record.strings
        if let applicantColumn, applicantColumn < fields.count {
            fields[applicantColumn] = IDMasker.maskApplicantID(fields[applicantColumn])
        }
        let delimiter = String(Character(Unicode.Scalar(source.delimiter)))
        // Joined up to twice the cap, masked, then cut: a runaway record costs the rejects 4 KiB.
        var raw = ""
        for (index, field) in fields.enumerated() {
            if index > 0 { raw += delimiter }
            raw += CSVFormatter.quoted(field, delimiter: Character(delimiter))
            if raw.utf8.count > 2 * Reject.maxRawBytes { break }
        }
        return Reject(file: file, line: record.line, reason: reason, detail: detail, raw: Reject.capped(IDMasker.mask(raw)))
    }
}
