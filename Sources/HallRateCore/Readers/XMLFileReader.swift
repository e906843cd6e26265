import Foundation
internal import CLibXML2

/// Reads one XML export with libxml2's SAX2 push parser, in fixed-size chunks (constant memory),
/// and hands each record element's fields to the caller as a ``RawRecord``.
///
/// Hardened: no DTD, no entity substitution, no network, no external loads (a refusing entity
/// loader is installed). A DOCTYPE or an entity reference refuses the whole file before any entity
/// can expand. A well-formedness error ends the file: the records before it count, the damage is
/// reported once with its line.
struct XMLFileReader {
    /// Which element is a record, and where each field sits inside it.
    struct Layout: Sendable {
        var record: XMLPath.Name
        /// Field paths, in the order the fields are delivered.
        var fields: [XMLPath]
    }

    /// Limits that keep a hostile file from exhausting memory.
    struct Limits {
        var maxDepth = 256
        /// A field's text beyond this many bytes marks its record as too long.
        var maxFieldBytes = 1 << 20
    }

    /// Where a file stopped being well-formed.
    struct Damage: Equatable {
        let line: Int
        let message: String
        /// True when the damage fell inside a record (that record is lost).
        let inRecord: Bool
    }

    struct Summary {
        var sha256: String
        var bytes: Int
        var damage: Damage?
    }

    let path: String
    let layout: Layout
    var limits = Limits()
    var chunkSize = 1 << 16

    /// Reads the file, calling `record` for each complete record.
    /// - Throws: ``HallRateError`` `.io` when the file cannot be read, `.fileRefused` for a DOCTYPE,
    ///   an entity reference or a runaway nesting depth; anything `record` throws.
    func read(record: (RawRecord) throws -> Void) throws -> Summary {
        let file = try InputFile(path: path, chunkSize: chunkSize)
        let parser = try XMLPushParser(layout: layout, limits: limits, path: path)
        var damage: Damage?
        while damage == nil {
            let more = try file.nextChunk { chunk -> Bool in
                damage = try parser.parse(chunk, isLast: chunk.isEmpty, record)
                return !chunk.isEmpty
            }
            if !more { break }
        }
        if damage != nil {
            while try file.nextChunk({ !$0.isEmpty }) {}  // hash the whole file all the same
        }
        return Summary(sha256: file.digest(), bytes: file.size, damage: damage)
    }
}

/// The owner of one libxml2 push parser context and of the state its callbacks fill.
final class XMLPushParser {
    private let context: UnsafeMutablePointer<Context>
    private var parser: xmlParserCtxtPtr?
    private let path: String

    init(layout: XMLFileReader.Layout, limits: XMLFileReader.Limits, path: String) throws(HallRateError) {
        self.path = path
        CLibXML2_refuseExternalEntities()
        context = .allocate(capacity: 1)
        context.initialize(to: Context(layout: layout, limits: limits))
        var handler = xmlSAXHandler()
        handler.initialized = UInt32(XML_SAX2_MAGIC)
        handler.startElementNs = XMLPushParser.onStart
        handler.endElementNs = XMLPushParser.onEnd
        handler.characters = XMLPushParser.onText
        handler.cdataBlock = XMLPushParser.onText
        handler.internalSubset = XMLPushParser.onDoctype
        handler.reference = XMLPushParser.onReference
        handler.serror = XMLPushParser.onError
        parser = xmlCreatePushParserCtxt(&handler, context, nil, 0, path)
        guard let parser else {
            context.deinitialize(count: 1)
            context.deallocate()
            throw HallRateError(.io, "libxml2 could not create a parser", at: SourceLocation(file: path))
        }
        _ = xmlCtxtUseOptions(parser, Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOWARNING.rawValue))
        context.pointee.parser = parser
    }

    deinit {
        if let parser { xmlFreeParserCtxt(parser) }
        context.deinitialize(count: 1)
        context.deallocate()
    }

    /// Parses the next chunk and delivers the records it completed.
    /// - Returns: the damage when the document stopped being well-formed, else nil.
    /// - Throws: ``HallRateError`` `.fileRefused` when the document is hostile.
    func parse(_ chunk: UnsafeRawBufferPointer, isLast: Bool, _ body: (RawRecord) throws -> Void) throws -> XMLFileReader.Damage? {
        guard let parser else { return nil }
        let base = chunk.baseAddress?.assumingMemoryBound(to: CChar.self)
        _ = xmlParseChunk(parser, base, Int32(chunk.count), isLast ? 1 : 0)
        if let hostile = context.pointee.hostile {
            throw HallRateError(.fileRefused, hostile, at: SourceLocation(file: path, line: context.pointee.hostileLine))
        }
        try deliver(body)
        if let error = context.pointee.error { return error }
        if isLast, context.pointee.recordDepth != nil || !context.pointee.sawRoot {
            return XMLFileReader.Damage(line: Int(CLibXML2_lineNumber(parser)),
                                        message: context.pointee.sawRoot ? "the file ends inside a record" : "the file has no XML element",
                                        inRecord: context.pointee.recordDepth != nil)
        }
        return nil
    }

    private func deliver(_ body: (RawRecord) throws -> Void) throws {
        defer { context.pointee.batch.removeDelivered() }
        try context.pointee.batch.forEach(body)
    }

    // MARK: - The C side

    /// A field's names as bytes, compared against libxml2's strings without allocating.
    struct ByteName {
        let namespace: [UInt8]
        let local: [UInt8]

        init(_ name: XMLPath.Name) {
            namespace = Array(name.namespace.utf8)
            local = Array(name.local.utf8)
        }

        func matches(local other: UnsafePointer<UInt8>?, namespace otherNamespace: UnsafePointer<UInt8>?) -> Bool {
            ByteName.equal(local, other) && ByteName.equal(namespace, otherNamespace)
        }

        static func equal(_ bytes: [UInt8], _ cString: UnsafePointer<UInt8>?) -> Bool {
            guard let cString else { return bytes.isEmpty }
            var i = 0
            while i < bytes.count {
                guard cString[i] == bytes[i] else { return false }
                i += 1
            }
            return cString[i] == 0
        }
    }

    /// Numbers the element names a layout mentions, and remembers which name each of libxml2's
    /// interned name pointers is, so that most start tags cost a few pointer comparisons.
    struct NameTable {
        /// The distinct element names of the layout; an element's id is its index here (-1: none).
        private(set) var names: [ByteName] = []
        private var cache: [(local: UnsafePointer<UInt8>, namespace: UnsafePointer<UInt8>?, id: Int)] = []

        /// The id of `name`, adding it when new.
        mutating func add(_ name: ByteName) -> Int {
            if let id = names.firstIndex(where: { $0.local == name.local && $0.namespace == name.namespace }) { return id }
            names.append(name)
            return names.count - 1
        }

        /// The id of the element libxml2 reports, or -1 when the layout does not mention it.
        @inline(__always)
        mutating func id(local: UnsafePointer<UInt8>?, namespace: UnsafePointer<UInt8>?) -> Int {
            guard let local else { return -1 }
            for entry in cache where entry.local == local && entry.namespace == namespace { return entry.id }
            let id = names.firstIndex { $0.matches(local: local, namespace: namespace) } ?? -1
            // libxml2 interns names, so few distinct pointers come by; a bounded cache keeps a hostile file cheap.
            if cache.count < 64 { cache.append((local, namespace, id)) }
            return id
        }
    }

    struct Context {
        var names = NameTable()
        let record: Int
        /// Per field, the name ids of its path's elements.
        let elements: [[Int]]
        let attributes: [ByteName?]
        let limits: XMLFileReader.Limits
        var parser: xmlParserCtxtPtr?
        var batch = RecordBatch()
        var depth = 0
        var sawRoot = false
        /// The absolute depth of the record element being read, if inside one.
        var recordDepth: Int?
        var recordLine = 0
        var recordTooLong = false
        /// Per depth inside the record: the fields whose path still matches.
        var onTrack: [UInt64] = []
        var values: [[UInt8]]
        var filled: UInt64 = 0
        /// The relative depth at which each field is capturing text, or -1.
        var capturing: [Int]
        var hostile: String?
        var hostileLine = 0
        var error: XMLFileReader.Damage?

        init(layout: XMLFileReader.Layout, limits: XMLFileReader.Limits) {
            var names = NameTable()
            record = names.add(ByteName(layout.record))
            elements = layout.fields.map { $0.elements.map { names.add(ByteName($0)) } }
            self.names = names
            attributes = layout.fields.map { $0.attribute.map(ByteName.init) }
            self.limits = limits
            values = Array(repeating: [], count: layout.fields.count)
            capturing = Array(repeating: -1, count: layout.fields.count)
        }

        var line: Int { Int(CLibXML2_lineNumber(parser)) }

        mutating func stop() {
            if let parser { xmlStopParser(parser) }
        }

        mutating func refuse(_ reason: String) {
            guard hostile == nil else { return }
            hostile = reason
            hostileLine = line
            stop()
        }

        mutating func start(local: UnsafePointer<UInt8>?, namespace: UnsafePointer<UInt8>?,
                            attributeCount: Int, attributes: UnsafeMutablePointer<UnsafePointer<UInt8>?>?) {
            depth += 1
            sawRoot = true
            guard depth <= limits.maxDepth else {
                return refuse("elements are nested more than \(limits.maxDepth) deep")
            }
            let mask: UInt64
            let relative: Int
            let id = names.id(local: local, namespace: namespace)
            if let recordDepth {
                relative = depth - recordDepth
                let parent = onTrack.last ?? 0
                var matched: UInt64 = 0
                if id >= 0, parent != 0 {
                    for field in elements.indices where parent & (1 << UInt64(field)) != 0 {
                        let path = elements[field]
                        if path.count >= relative, path[relative - 1] == id { matched |= 1 << UInt64(field) }
                    }
                }
                mask = matched
            } else if id == record, id >= 0 {
                recordDepth = depth
                recordLine = line
                recordTooLong = false
                filled = 0
                for i in values.indices { values[i].removeAll(keepingCapacity: true) }
                relative = 0
                mask = elements.count >= 64 ? UInt64.max : (1 << UInt64(elements.count)) - 1
            } else {
                return
            }
            onTrack.append(mask)
            for field in elements.indices where mask & (1 << UInt64(field)) != 0 && elements[field].count == relative {
                guard filled & (1 << UInt64(field)) == 0 else { continue }
                if let attribute = self.attributes[field] {
                    if let value = attributeValue(attribute, count: attributeCount, in: attributes) {
                        append(value, to: field)
                        filled |= 1 << UInt64(field)
                    }
                } else {
                    capturing[field] = relative
                }
            }
        }

        mutating func end() {
            defer { depth -= 1 }
            guard let recordDepth else { return }
            let relative = depth - recordDepth
            for field in capturing.indices where capturing[field] == relative {
                capturing[field] = -1
                filled |= 1 << UInt64(field)
            }
            onTrack.removeLast()
            if relative == 0 {
                self.recordDepth = nil
                for value in values { batch.appendField(value) }
                batch.closeRecord(fieldCount: values.count, line: recordLine, isTooLong: recordTooLong)
            }
        }

        mutating func text(_ bytes: UnsafeBufferPointer<UInt8>) {
            guard recordDepth != nil else { return }
            for field in capturing.indices where capturing[field] >= 0 {
                if values[field].count + bytes.count > limits.maxFieldBytes {
                    recordTooLong = true
                } else {
                    values[field].append(contentsOf: bytes)
                }
            }
        }

        private mutating func append(_ bytes: UnsafeBufferPointer<UInt8>, to field: Int) {
            if bytes.count > limits.maxFieldBytes {
                recordTooLong = true
            } else {
                values[field].append(contentsOf: bytes)
            }
        }

        /// The value of `name` among libxml2's attribute quintuples (local, prefix, URI, value, end).
        private func attributeValue(_ name: ByteName, count: Int,
                                    in attributes: UnsafeMutablePointer<UnsafePointer<UInt8>?>?) -> UnsafeBufferPointer<UInt8>? {
            guard let attributes else { return nil }
            for i in 0..<count {
                let base = i * 5
                guard name.matches(local: attributes[base], namespace: attributes[base + 2]),
                    let start = attributes[base + 3], let end = attributes[base + 4]
                else { continue }
                return UnsafeBufferPointer(start: start, count: end - start)
            }
            return nil
        }

        mutating func fail(_ message: String, line: Int) {
            guard error == nil, hostile == nil else { return }
            error = XMLFileReader.Damage(line: recordDepth != nil ? recordLine : line, message: message,
                                         inRecord: recordDepth != nil)
            stop()
        }
    }

    private static func state(_ pointer: UnsafeMutableRawPointer?) -> UnsafeMutablePointer<Context>? {
        pointer?.assumingMemoryBound(to: Context.self)
    }

    private static let onStart: startElementNsSAX2Func = {
        context, local, _, namespace, _, _, attributeCount, _, attributes in
        state(context)?.pointee.start(local: local, namespace: namespace, attributeCount: Int(attributeCount),
                                      attributes: attributes)
    }

    private static let onEnd: endElementNsSAX2Func = { context, _, _, _ in
        state(context)?.pointee.end()
    }

    private static let onText: charactersSAXFunc = { context, text, length in
        guard let text, length > 0 else { return }
        state(context)?.pointee.text(UnsafeBufferPointer(start: text, count: Int(length)))
    }

    private static let onDoctype: internalSubsetSAXFunc = { context, _, _, _ in
        state(context)?.pointee.refuse(
            "a DOCTYPE is not accepted: declarations can expand entities without bound or read local files")
    }

    private static let onReference: referenceSAXFunc = { context, _ in
        state(context)?.pointee.refuse("an entity reference is not accepted (only &amp; &lt; &gt; &quot; &apos; and &#…;)")
    }

    private static let onError: xmlStructuredErrorFunc = { context, error in
        guard let error, error.pointee.level.rawValue >= XML_ERR_ERROR.rawValue else { return }
        let message = error.pointee.message.map { String(cString: $0) }?
            .trimmingCharacters(in: .whitespacesAndNewlines) ?? "not well-formed"
        state(context)?.pointee.fail("not well-formed XML: \(message)", line: Int(error.pointee.line))
    }
}
