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
        bytes.reserveCapacity(1 << 16)
        fieldEnds.reserveCapacity(1 << 12)
    }

    /// Appends a field's bytes (or, for a record over its limit, an empty field).
    mutating func appendField(_ field: some Collection<UInt8>, keep: Bool = true) {
        if keep { bytes.append(contentsOf: field) }
        fieldEnds.append(bytes.count)
    }

    /// Appends the bytes of the last `fieldCount` fields, whose ends are already in `fieldEnds`, from
    /// `line`, where they are separated by one delimiter byte each (a quote-free CSV line): one copy
    /// of the line, then each later field moved back over the delimiters before it.
    /// - Complexity: O(line length).
    mutating func appendBytes(of line: UnsafeBufferPointer<UInt8>, squeezingDelimitersOfLast fieldCount: Int) {
        guard fieldCount > 0, let source = line.baseAddress else { return }
        let first = fieldEnds.count - fieldCount
        let start = bytes.count
        let total = fieldEnds[fieldEnds.count - 1] - start
        bytes.append(contentsOf: UnsafeBufferPointer(start: source, count: total))  // the first field is in place
        guard fieldCount > 1 else { return }
        bytes.withUnsafeMutableBufferPointer { bytes in
            fieldEnds.withUnsafeBufferPointer { ends in
                guard let target = bytes.baseAddress else { return }
                for field in first + 1..<first + fieldCount {
                    let fieldStart = ends[field - 1]
                    // In the line, field k (counted from 0 in the record) sits k delimiters further on.
                    (target + fieldStart).update(from: source + (fieldStart - start) + (field - first),
                                                 count: ends[field] - fieldStart)
                }
            }
        }
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
                    try body(RawRecord(line: span.line, isTooLong: span.isTooLong, bytes: bytes,
                                       fieldEnds: fieldEnds, recordStart: start))
                }
            }
        }
    }

    /// Drops the delivered records, keeping the fields of a record still in progress.
    mutating func removeDelivered() {
        guard let last = records.last else { return }
        let keepFrom = last.firstField + last.fieldCount
        let shift = keepFrom == 0 ? 0 : fieldEnds[keepFrom - 1]
        bytes.removeFirst(shift)
        fieldEnds.removeFirst(keepFrom)
        if shift > 0 {
            for i in fieldEnds.indices { fieldEnds[i] -= shift }
        }
        records.removeAll(keepingCapacity: true)
    }
}
