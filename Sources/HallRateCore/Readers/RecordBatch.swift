#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Records completed by one parse step, stored flat (one byte buffer, field end offsets) so that
/// reading a field allocates nothing. Shared by the CSV and XML readers.
struct RecordBatch {
    /// A completed record inside the batch.
    struct Span {
        var firstField: Int
        var fieldCount: Int
        var line: Int
        var isTooLong: Bool
    }

    var bytes: [UInt8] = []
    var fieldEnds: [Int] = []
    var records: [Span] = []

    init() {
        self.init(reserving: true)
    }

    /// A batch with room reserved for a chunk's records, or none (a placeholder).
    init(reserving: Bool) {
        guard reserving else { return }
        bytes.reserveCapacity(1 << 16)
        fieldEnds.reserveCapacity(1 << 12)
    }

    /// Appends a field's bytes.
    mutating func appendField(_ field: some Collection<UInt8>) {
        bytes.append(contentsOf: field)
        fieldEnds.append(bytes.count)
    }

    /// Appends the pieces of `line` between `delimiter` bytes as fields (a quote-free CSV line,
    /// split as libcsv would): one copy of the line, then each field after the first moved back over
    /// the delimiters before it. A trailing delimiter gives a last, empty field.
    ///
    /// Delimiters are found with `memchr`; short fields are moved without a call, and the field ends
    /// go into `fieldEnds` 32 at a time (an append per field paid a uniqueness check each).
    /// - Returns: the number of fields (at least 1) and the length of the longest.
    /// - Complexity: O(line length).
    mutating func appendFields(splitting line: UnsafeBufferPointer<UInt8>, on delimiter: UInt8) -> (count: Int, longest: Int) {
        let start = bytes.count
        guard !line.isEmpty, let source = line.baseAddress else {
            fieldEnds.append(start)
            return (1, 0)
        }
        var count = 0
        var longest = 0
        bytes.append(contentsOf: line)
        withUnsafeTemporaryAllocation(of: Int.self, capacity: 32) { ends in
            bytes.withUnsafeMutableBufferPointer { bytes in
                guard let target = bytes.baseAddress, let endsBase = ends.baseAddress else { return }
                var waiting = 0  // field ends in `ends`, not yet in `fieldEnds`
                var from = 0  // where the next field starts in the line
                var to = start  // and where it goes in the batch
                while true {
                    let rest = line.count - from
                    var length = rest
                    if let hit = memchr(source + from, Int32(delimiter), rest) {
                        length = (source + from).distance(to: hit.assumingMemoryBound(to: UInt8.self))
                    }
                    if count > 0 { Self.copy(source + from, to: target + to, count: length) }
                    to += length
                    endsBase[waiting] = to
                    waiting += 1
                    if waiting == ends.count {
                        fieldEnds.append(contentsOf: UnsafeBufferPointer(ends))
                        waiting = 0
                    }
                    count += 1
                    longest = max(longest, length)
                    if length == rest { break }
                    from += length + 1
                }
                fieldEnds.append(contentsOf: UnsafeBufferPointer(start: endsBase, count: waiting))
            }
        }
        bytes.removeLast(count - 1)  // the delimiters' room
        return (count, longest)
    }

    /// Copies `count` bytes between buffers that do not overlap: a short field (most of a record's)
    /// with two loads and stores that may overlap each other, a long one with `memcpy`.
    @inline(__always)
    private static func copy(_ source: UnsafePointer<UInt8>, to target: UnsafeMutablePointer<UInt8>, count: Int) {
        let (from, to) = (UnsafeRawPointer(source), UnsafeMutableRawPointer(target))
        switch count {
        case 16...:
            to.copyMemory(from: from, byteCount: count)
        case 8...:
            let (head, tail) = (from.loadUnaligned(as: UInt64.self), from.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self))
            to.storeBytes(of: head, as: UInt64.self)
            to.storeBytes(of: tail, toByteOffset: count - 8, as: UInt64.self)
        case 4...:
            let (head, tail) = (from.loadUnaligned(as: UInt32.self), from.loadUnaligned(fromByteOffset: count - 4, as: UInt32.self))
            to.storeBytes(of: head, as: UInt32.self)
            to.storeBytes(of: tail, toByteOffset: count - 4, as: UInt32.self)
        default:
            for k in 0..<count { target[k] = source[k] }
        }
    }

    /// The length of field `index` (counted in `fieldEnds`).
    func fieldLength(_ index: Int) -> Int {
        fieldEnds[index] - (index == 0 ? 0 : fieldEnds[index - 1])
    }

    /// Drops the last `fieldCount` fields but the first `kept` of them, bytes and all: a record over its
    /// limit keeps only the fields that fit (what the field-by-field path stores for it).
    mutating func dropLastFields(_ fieldCount: Int, keeping kept: Int) {
        let firstDropped = fieldEnds.count - fieldCount + kept
        let end = firstDropped == 0 ? 0 : fieldEnds[firstDropped - 1]
        bytes.removeLast(bytes.count - end)
        fieldEnds.removeLast(fieldEnds.count - firstDropped)
    }

    /// Closes the record made of the last `fieldCount` fields.
    mutating func closeRecord(fieldCount: Int, line: Int, isTooLong: Bool) {
        records.append(Span(firstField: fieldEnds.count - fieldCount, fieldCount: fieldCount, line: line, isTooLong: isTooLong))
    }

    /// Hands each completed record to `body`, in order.
    func forEach(_ body: (RawRecord) throws -> Void) rethrows {
        try bytes.withUnsafeBufferPointer { bytes in
            try fieldEnds.withUnsafeBufferPointer { ends in
                for span in records {
                    let fieldEnds = UnsafeBufferPointer(rebasing: ends[span.firstField..<span.firstField + span.fieldCount])
                    let start = span.firstField == 0 ? 0 : ends[span.firstField - 1]
                    try body(
                        RawRecord(
                            line: span.line, isTooLong: span.isTooLong, bytes: bytes,
                            fieldEnds: fieldEnds, recordStart: start))
                }
            }
        }
    }

    /// The fields of a record still in progress (after the last complete one), as bytes and field
    /// ends counted from those bytes' start.
    struct Unfinished {
        var bytes: [UInt8] = []
        var fieldEnds: [Int] = []
    }

    /// Takes out the fields of a record still in progress, leaving only complete records.
    mutating func removeUnfinished() -> Unfinished {
        let keepFields = records.last.map { $0.firstField + $0.fieldCount } ?? 0
        guard keepFields < fieldEnds.count else { return Unfinished() }
        let keepBytes = keepFields == 0 ? 0 : fieldEnds[keepFields - 1]
        let unfinished = Unfinished(bytes: Array(bytes[keepBytes...]), fieldEnds: fieldEnds[keepFields...].map { $0 - keepBytes })
        bytes.removeLast(bytes.count - keepBytes)
        fieldEnds.removeLast(fieldEnds.count - keepFields)
        return unfinished
    }

    /// Appends the fields of a record in progress after the batch's complete records.
    mutating func append(_ unfinished: Unfinished) {
        appendFields(unfinished.bytes, ends: unfinished.fieldEnds, from: 0)
    }

    /// Appends a copy of `record` as a complete record.
    mutating func append(_ record: RawRecord) {
        let start = record.recordStart
        let end = record.fieldEnds.last ?? start
        appendFields(UnsafeBufferPointer(rebasing: record.bytes[start..<end]), ends: record.fieldEnds, from: start)
        closeRecord(fieldCount: record.count, line: record.line, isTooLong: record.isTooLong)
    }

    /// Appends `fieldBytes` and the ends of their fields, which are counted from `origin`.
    private mutating func appendFields(_ fieldBytes: some Collection<UInt8>, ends: some Collection<Int>, from origin: Int) {
        let shift = bytes.count - origin
        bytes.append(contentsOf: fieldBytes)
        for end in ends { fieldEnds.append(end + shift) }
    }

    /// Drops the delivered records, keeping the fields of a record still in progress.
    mutating func removeDelivered() {
        guard !records.isEmpty else { return }
        let unfinished = removeUnfinished()
        removeAll()
        append(unfinished)
    }

    /// Empties the batch, keeping its capacity.
    mutating func removeAll() {
        bytes.removeAll(keepingCapacity: true)
        fieldEnds.removeAll(keepingCapacity: true)
        records.removeAll(keepingCapacity: true)
    }
}
