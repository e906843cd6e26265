/// One record as read (a CSV row, or the fields of an XML record), borrowed from the reader's reused storage.
///
/// Fields are byte ranges into one shared buffer: reading a record allocates nothing.
/// A record is valid only inside the closure it was handed to.
package struct RawRecord {
    /// The 1-based line on which the record starts.
    package let line: Int
    /// True when the record was longer than the parser's limit; its fields are then truncated.
    package let isTooLong: Bool
    let bytes: UnsafeBufferPointer<UInt8>
    let fieldEnds: UnsafeBufferPointer<Int>
    let recordStart: Int

    /// The number of fields.
    package var count: Int { fieldEnds.count }

    /// The bytes of field `index` (UTF-8).
    @inline(__always)
    package subscript(index: Int) -> UnsafeBufferPointer<UInt8> {
        let start = index == 0 ? recordStart : fieldEnds[index - 1]
        let end = fieldEnds[index]
        return UnsafeBufferPointer(rebasing: bytes[start..<end])
    }

    /// Field `index` as a String (invalid UTF-8 is replaced; readers validate encodings beforehand).
    package func string(_ index: Int) -> String { String(decoding: self[index], as: UTF8.self) }

    /// Every field as a String: for headers and reject messages, not for the hot path.
    package var strings: [String] { (0..<count).map(string) }
}
