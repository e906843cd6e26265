internal import CLibXML2
import Foundation

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
        /// More attributes in one element refuse the file (libxml2 checks them in quadratic time).
        var maxAttributes = 1024
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
        // A file declared GB18030 (or GBK, GB2312) but saved as UTF-8 decodes into other characters
        // without an error: no element name matches and the file looks empty. Its bytes are checked.
        let declaredGB = Self.declaresGBEncoding(path)
        let file = try InputFile(path: path, chunkSize: chunkSize, validatingUTF8: declaredGB)
        let parser = try XMLPushParser(layout: layout, limits: limits, path: path)
        var damage: Damage?
        var sawNonASCII = false
        while damage == nil {
            let more = try file.nextChunk { chunk -> Bool in
                if declaredGB, !sawNonASCII { sawNonASCII = chunk.contains { $0 >= 0x80 } }
                damage = try parser.parse(chunk, isLast: chunk.isEmpty, record)
                return !chunk.isEmpty
            }
            if !more { break }
        }
        if damage != nil || declaredGB {
            while try file.nextChunk({ chunk in
                if declaredGB, !sawNonASCII { sawNonASCII = chunk.contains { $0 >= 0x80 } }
                return !chunk.isEmpty
            }) {}  // hash (and check) the whole file all the same
        }
        if declaredGB, sawNonASCII, file.utf8Check() == (nil, true) {
            throw HallRateError(
                .fileRefused,
                "the file declares a GB encoding (GB18030, GBK or GB2312) but its bytes are UTF-8: "
                    + "its text would be read as other characters; set encoding=\"UTF-8\" in its XML declaration",
                at: SourceLocation(file: path, line: 1))
        }
        return Summary(sha256: file.digest(), bytes: file.size, damage: damage)
    }

    /// True when the file's XML declaration (in its first 200 bytes) names GB18030, GBK, GB2312 or CP936.
    static func declaresGBEncoding(_ path: String) -> Bool {
        // Opened as InputFile opens (no hang on a FIFO, regular files only); InputFile reports the errors.
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return false }
        var bytes = [UInt8](repeating: 0, count: 200)
        let count = bytes.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, $0.count, 0) }
        let head = bytes.prefix(max(count, 0))
        guard head.starts(with: Array("<?xml".utf8)), let end = head.firstIndex(of: UInt8(ascii: ">")) else { return false }
        let declaration = String(decoding: head[..<end], as: UTF8.self).lowercased()
        guard let range = declaration.range(of: "encoding") else { return false }
        let value = declaration[range.upperBound...].drop { $0 == " " || $0 == "=" || $0 == "\"" || $0 == "'" }
            .prefix { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }
        return ["gb18030", "gbk", "gb2312", "cp936"].contains(String(value))
    }
}

/// The owner of one libxml2 push parser context and of the state its callbacks fill.
final class XMLPushParser {
    private let context: UnsafeMutablePointer<Context>
    private var parser: xmlParserCtxtPtr?
    private let path: String
    /// Refuses a start tag with too many attributes before libxml2 sees it.
    private var tags: StartTagScanner

    init(layout: XMLFileReader.Layout, limits: XMLFileReader.Limits, path: String) throws(HallRateError) {
        self.path = path
        tags = StartTagScanner(limit: limits.maxAttributes)
        CLibXML2_refuseExternalEntities()
        CLibXML2_silenceGenericErrors()
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
            context.pointee.free()
            context.deinitialize(count: 1)
            context.deallocate()
            throw HallRateError(.io, "libxml2 could not create a parser", at: SourceLocation(file: path))
        }
        _ = xmlCtxtUseOptions(parser, Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOWARNING.rawValue))
        context.pointee.parser = parser
    }

    deinit {
        if let parser { xmlFreeParserCtxt(parser) }
        context.pointee.free()
        context.deinitialize(count: 1)
        context.deallocate()
    }

    /// Parses the next chunk and delivers the records it completed.
    /// - Returns: the damage when the document stopped being well-formed, else nil.
    /// - Throws: ``HallRateError`` `.fileRefused` when the document is hostile.
    func parse(_ chunk: UnsafeRawBufferPointer, isLast: Bool, _ body: (RawRecord) throws -> Void) throws -> XMLFileReader.Damage? {
        guard let parser else { return nil }
        guard tags.scan(chunk) else {
            throw HallRateError(
                .fileRefused,
                "an element has more than \(tags.limit) attributes: not an export "
                    + "(libxml2 would take minutes on it)", at: SourceLocation(file: path, line: Int(CLibXML2_lineNumber(parser))))
        }
        let base = chunk.baseAddress?.assumingMemoryBound(to: CChar.self)
        let status = xmlParseChunk(parser, base, Int32(chunk.count), isLast ? 1 : 0)
        if let hostile = context.pointee.hostile {
            throw HallRateError(.fileRefused, hostile, at: SourceLocation(file: path, line: context.pointee.hostileLine))
        }
        if status != 0, context.pointee.error == nil {
            // Some errors (bytes not valid in the declared encoding, above all) reach only the context,
            // not the structured-error callback: the parser stops, and must not pass for a file's end.
            let last = xmlCtxtGetLastError(parser)
            let message =
                last.flatMap { $0.pointee.message.map { String(cString: $0) } }?
                .trimmingCharacters(in: .whitespacesAndNewlines) ?? "libxml2 error \(status)"
            let line = last.map { Int($0.pointee.line) }.flatMap { $0 > 0 ? $0 : nil } ?? Int(CLibXML2_lineNumber(parser))
            context.pointee.fail("not well-formed XML: " + message, line: line)
        }
        try deliver(body)
        if let error = context.pointee.error { return error }
        if isLast, context.pointee.recordDepth >= 0 || !context.pointee.sawRoot {
            return XMLFileReader.Damage(
                line: Int(CLibXML2_lineNumber(parser)),
                message: context.pointee.sawRoot ? "the file ends inside a record" : "the file has no XML element",
                inRecord: context.pointee.recordDepth >= 0)
        }
        return nil
    }

    private func deliver(_ body: (RawRecord) throws -> Void) throws {
        try context.pointee.deliver(body)
    }

    // MARK: - The C side

    /// A growable array of trivial values in memory of its own: appending costs no uniqueness check,
    /// no retain and no exclusivity check. Freed by hand (``free()``).
    struct RawList<Element> {
        private(set) var base: UnsafeMutablePointer<Element>
        var count = 0
        private var capacity: Int

        init(capacity: Int) {
            self.capacity = Swift.max(capacity, 1)
            base = .allocate(capacity: self.capacity)
        }

        func free() { base.deallocate() }

        @inline(__always)
        mutating func append(_ element: Element) {
            if count == capacity { grow(to: count + 1) }
            (base + count).initialize(to: element)
            count += 1
        }

        @inline(__always)
        mutating func append(_ elements: UnsafePointer<Element>, count added: Int) {
            if count + added > capacity { grow(to: count + added) }
            (base + count).initialize(from: elements, count: added)
            count += added
        }

        @inline(never)
        private mutating func grow(to minimum: Int) {
            let capacity = Swift.max(self.capacity * 2, minimum)
            let grown = UnsafeMutablePointer<Element>.allocate(capacity: capacity)
            grown.moveInitialize(from: base, count: count)
            base.deallocate()
            base = grown
            self.capacity = capacity
        }

        @inline(__always)
        subscript(index: Int) -> Element {
            get { base[index] }
            nonmutating set { base[index] = newValue }
        }
    }

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

    /// A name held as a NUL-terminated copy, compared against libxml2's strings with no array access.
    struct CName {
        let bytes: UnsafeMutablePointer<UInt8>
        let count: Int

        init(_ text: String) {
            let utf8 = Array(text.utf8)
            count = utf8.count
            bytes = .allocate(capacity: count + 1)
            bytes.initialize(repeating: 0, count: count + 1)
            utf8.withUnsafeBufferPointer { if let source = $0.baseAddress { bytes.update(from: source, count: count) } }
        }

        func free() { bytes.deallocate() }

        /// True when `cString` holds the same bytes (nil stands for the empty name).
        @inline(__always)
        func equals(_ cString: UnsafePointer<UInt8>?) -> Bool {
            guard let cString else { return count == 0 }
            var i = 0
            while i < count {
                guard cString[i] == bytes[i] else { return false }
                i += 1
            }
            return cString[i] == 0
        }
    }

    /// Numbers the element names a layout mentions, and remembers which name each of libxml2's
    /// interned name pointers is, so that most start tags cost a hash and a pointer comparison or two.
    struct NameTable {
        /// The distinct element names of the layout; an element's id is its index here (-1: none).
        private(set) var names: [ByteName] = []

        /// One slot of the pointer cache (open addressing; `local == nil`: empty).
        struct Slot {
            var local: UnsafePointer<UInt8>?
            var namespace: UnsafePointer<UInt8>?
            var id: Int
        }
        private static let slotCount = 128  // 1 << 7: the hash's top 7 bits
        /// libxml2 interns names, so few distinct pointers come by; at most `cacheLimit` are remembered
        /// (half the slots, so that probing always ends), which keeps a hostile file cheap.
        private static let cacheLimit = 64
        private var slots: UnsafeMutablePointer<Slot>?
        private var cached = 0

        /// The id of `name`, adding it when new.
        mutating func add(_ name: ByteName) -> Int {
            if let id = names.firstIndex(where: { $0.local == name.local && $0.namespace == name.namespace }) { return id }
            names.append(name)
            return names.count - 1
        }

        /// Allocates the cache; call once the names are all added.
        mutating func open() {
            let slots = UnsafeMutablePointer<Slot>.allocate(capacity: NameTable.slotCount)
            slots.initialize(repeating: Slot(local: nil, namespace: nil, id: -1), count: NameTable.slotCount)
            self.slots = slots
        }

        func free() { slots?.deallocate() }

        /// The id of the element libxml2 reports, or -1 when the layout does not mention it.
        @inline(__always)
        mutating func id(local: UnsafePointer<UInt8>?, namespace: UnsafePointer<UInt8>?) -> Int {
            guard let local, let slots else { return -1 }
            // libxml2's dictionary packs names a few bytes apart: a multiplicative hash (top 7 bits)
            // spreads such neighbours over the slots, where low address bits would cluster them.
            var slot = Int(truncatingIfNeeded: (UInt64(UInt(bitPattern: local)) &* 0x9E37_79B9_7F4A_7C15) >> 57)
            while let seen = slots[slot].local {
                if seen == local && slots[slot].namespace == namespace { return slots[slot].id }
                slot = (slot + 1) & (NameTable.slotCount - 1)
            }
            return miss(local: local, namespace: namespace, slot: slot)
        }

        @inline(never)
        private mutating func miss(local: UnsafePointer<UInt8>, namespace: UnsafePointer<UInt8>?, slot: Int) -> Int {
            let id = names.firstIndex { $0.matches(local: local, namespace: namespace) } ?? -1
            if cached < NameTable.cacheLimit, let slots {
                slots[slot] = Slot(local: local, namespace: namespace, id: id)
                cached += 1
            }
            return id
        }
    }

    /// A record completed in the current chunk, its fields in ``Context/out``.
    struct Span {
        var firstField: Int
        var line: Int
        var isTooLong: Bool
    }

    /// The callbacks' state. Reached through an `UnsafeMutablePointer` (no exclusivity checks), and
    /// kept in raw memory on the hot path (no ARC, no uniqueness checks).
    ///
    /// Fields are matched with bit masks (fields 0..<64; a later field is never filled, as before):
    /// `onTrack[r]` holds, for the element at relative depth `r` in the record, the fields whose path
    /// still matches; `matching[(r - 1) * nameCount + id]` the fields whose path has the name `id` at
    /// relative depth `r`; `endingAt[r]` the fields whose path is `r` elements long.
    struct Context {
        var names = NameTable()
        let record: Int
        let fieldCount: Int
        let nameCount: Int
        /// The longest field path, in elements.
        let longestPath: Int
        let matching: UnsafeMutablePointer<UInt64>
        let endingAt: UnsafeMutablePointer<UInt64>
        /// The fields read from an attribute.
        let attributeFields: UInt64
        /// Per field, the attribute's name (local, namespace), when the field is an attribute.
        let attributeNames: UnsafeMutablePointer<(local: CName, namespace: CName)?>
        let allFields: UInt64
        let limits: XMLFileReader.Limits
        var parser: xmlParserCtxtPtr?
        var depth = 0
        var sawRoot = false
        /// The absolute depth of the record element being read, or -1 outside records.
        var recordDepth = -1
        var recordLine = 0
        var recordTooLong = false
        /// Per relative depth inside the record (0...maxDepth): the fields whose path still matches.
        let onTrack: UnsafeMutablePointer<UInt64>
        /// Per field, the bytes read so far for the record being read.
        let values: UnsafeMutablePointer<RawList<UInt8>>
        var filled: UInt64 = 0
        /// The fields capturing text (each at the relative depth of its path's length).
        var capturing: UInt64 = 0
        /// The records completed in this chunk: their fields' bytes, end offsets and spans.
        var out = RawList<UInt8>(capacity: 1 << 16)
        var outEnds = RawList<Int>(capacity: 1 << 12)
        var spans = RawList<Span>(capacity: 1 << 8)
        var hostile: String?
        var hostileLine = 0
        var error: XMLFileReader.Damage?

        init(layout: XMLFileReader.Layout, limits: XMLFileReader.Limits) {
            var names = NameTable()
            record = names.add(ByteName(layout.record))
            let elements = layout.fields.map { $0.elements.map { names.add(ByteName($0)) } }
            names.open()
            self.names = names
            fieldCount = layout.fields.count
            nameCount = names.names.count
            longestPath = elements.map(\.count).max() ?? 0
            matching = .allocate(capacity: Swift.max(longestPath * nameCount, 1))
            matching.initialize(repeating: 0, count: Swift.max(longestPath * nameCount, 1))
            endingAt = .allocate(capacity: longestPath + 1)
            endingAt.initialize(repeating: 0, count: longestPath + 1)
            attributeNames = .allocate(capacity: Swift.max(fieldCount, 1))
            var attributeFields: UInt64 = 0
            for (field, path) in elements.enumerated() {
                let attribute = layout.fields[field].attribute
                (attributeNames + field).initialize(to: attribute.map { (CName($0.local), CName($0.namespace)) })
                guard field < 64 else { continue }
                let bit: UInt64 = 1 << UInt64(field)
                for (index, id) in path.enumerated() { matching[index * nameCount + id] |= bit }
                endingAt[path.count] |= bit
                if attribute != nil { attributeFields |= bit }
            }
            self.attributeFields = attributeFields
            allFields = fieldCount >= 64 ? UInt64.max : (1 << UInt64(fieldCount)) - 1
            self.limits = limits
            onTrack = .allocate(capacity: Swift.max(limits.maxDepth, 0) + 2)
            onTrack.initialize(repeating: 0, count: Swift.max(limits.maxDepth, 0) + 2)
            values = .allocate(capacity: Swift.max(fieldCount, 1))
            for field in 0..<fieldCount { (values + field).initialize(to: RawList(capacity: 64)) }
        }

        /// Frees the raw memory (once, when the parser goes).
        func free() {
            names.free()
            matching.deallocate()
            endingAt.deallocate()
            for field in 0..<fieldCount {
                if let attribute = attributeNames[field] {
                    attribute.local.free()
                    attribute.namespace.free()
                }
                values[field].free()
            }
            attributeNames.deallocate()
            onTrack.deallocate()
            values.deallocate()
            out.free()
            outEnds.free()
            spans.free()
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

        @inline(__always)
        mutating func start(
            local: UnsafePointer<UInt8>?, namespace: UnsafePointer<UInt8>?,
            attributeCount: Int, attributes: UnsafeMutablePointer<UnsafePointer<UInt8>?>?
        ) {
            depth += 1
            sawRoot = true
            guard depth <= limits.maxDepth else {
                return refuse("elements are nested more than \(limits.maxDepth) deep")
            }
            var relative = 0
            var mask: UInt64 = 0
            if recordDepth >= 0 {
                relative = depth - recordDepth
                let parent = onTrack[relative - 1]
                if parent != 0 && relative <= longestPath {
                    let id = names.id(local: local, namespace: namespace)
                    if id >= 0 { mask = parent & matching[(relative - 1) * nameCount + id] }
                }
                onTrack[relative] = mask
                if mask == 0 { return }
            } else {
                guard names.id(local: local, namespace: namespace) == record else { return }
                recordDepth = depth
                recordLine = line
                recordTooLong = false
                filled = 0
                capturing = 0
                for field in 0..<fieldCount { values[field].count = 0 }
                mask = allFields
                onTrack[0] = mask
            }
            var starting = mask & endingAt[relative] & ~filled
            let fromAttributes = starting & attributeFields
            capturing |= starting & ~attributeFields
            starting = fromAttributes
            while starting != 0 {
                let field = starting.trailingZeroBitCount
                starting &= starting - 1
                if let value = attributeValue(field, count: attributeCount, in: attributes) {
                    append(value, to: field)
                    filled |= 1 << UInt64(field)
                }
            }
        }

        @inline(__always)
        mutating func end() {
            defer { depth -= 1 }
            guard recordDepth >= 0 else { return }
            let relative = depth - recordDepth
            if capturing != 0 && relative <= longestPath {
                let ending = capturing & endingAt[relative]
                capturing &= ~ending
                filled |= ending
            }
            if relative == 0 {
                recordDepth = -1
                closeRecord()
            }
        }

        /// Copies the record's fields, in order, after the records completed before it in this chunk.
        private mutating func closeRecord() {
            let firstField = outEnds.count
            for field in 0..<fieldCount {
                let value = values[field]
                if value.count > 0 { out.append(value.base, count: value.count) }
                outEnds.append(out.count)
            }
            spans.append(Span(firstField: firstField, line: recordLine, isTooLong: recordTooLong))
        }

        @inline(__always)
        mutating func text(_ bytes: UnsafePointer<UInt8>, count: Int) {
            guard capturing != 0, recordDepth >= 0 else { return }
            var fields = capturing
            while fields != 0 {
                let field = fields.trailingZeroBitCount
                fields &= fields - 1
                if values[field].count + count > limits.maxFieldBytes {
                    recordTooLong = true
                } else {
                    values[field].append(bytes, count: count)
                }
            }
        }

        private mutating func append(_ bytes: UnsafeBufferPointer<UInt8>, to field: Int) {
            if bytes.count > limits.maxFieldBytes {
                recordTooLong = true
            } else if let base = bytes.baseAddress {
                values[field].append(base, count: bytes.count)
            }
        }

        /// The value of field `field`'s attribute among libxml2's attribute quintuples (local, prefix,
        /// URI, value, end).
        private func attributeValue(
            _ field: Int, count: Int,
            in attributes: UnsafeMutablePointer<UnsafePointer<UInt8>?>?
        ) -> UnsafeBufferPointer<UInt8>? {
            guard let attributes, let name = attributeNames[field] else { return nil }
            for i in 0..<count {
                let base = i * 5
                guard name.local.equals(attributes[base]), name.namespace.equals(attributes[base + 2]),
                    let start = attributes[base + 3], let end = attributes[base + 4]
                else { continue }
                return UnsafeBufferPointer(start: start, count: end - start)
            }
            return nil
        }

        /// Hands the records completed in this chunk to `body`, in order, then forgets them.
        mutating func deliver(_ body: (RawRecord) throws -> Void) throws {
            defer {
                out.count = 0
                outEnds.count = 0
                spans.count = 0
            }
            let bytes = UnsafeBufferPointer(start: out.base, count: out.count)
            for index in 0..<spans.count {
                let span = spans[index]
                let start = span.firstField == 0 ? 0 : outEnds[span.firstField - 1]
                try body(
                    RawRecord(
                        line: span.line, isTooLong: span.isTooLong, bytes: bytes,
                        fieldEnds: UnsafeBufferPointer(start: outEnds.base + span.firstField, count: fieldCount),
                        recordStart: start))
            }
        }

        mutating func fail(_ message: String, line: Int) {
            guard error == nil, hostile == nil else { return }
            error = XMLFileReader.Damage(
                line: recordDepth >= 0 ? recordLine : line, message: message,
                inRecord: recordDepth >= 0)
            stop()
        }
    }

    private static func state(_ pointer: UnsafeMutableRawPointer?) -> UnsafeMutablePointer<Context>? {
        pointer?.assumingMemoryBound(to: Context.self)
    }

    private static let onStart: startElementNsSAX2Func = {
        context, local, _, namespace, _, _, attributeCount, _, attributes in
        state(context)?.pointee.start(
            local: local, namespace: namespace, attributeCount: Int(attributeCount),
            attributes: attributes)
    }

    private static let onEnd: endElementNsSAX2Func = { context, _, _, _ in
        state(context)?.pointee.end()
    }

    private static let onText: charactersSAXFunc = { context, text, length in
        guard let text, length > 0 else { return }
        state(context)?.pointee.text(text, count: Int(length))
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
        let message =
            error.pointee.message.map { String(cString: $0) }?
            .trimmingCharacters(in: .whitespacesAndNewlines) ?? "not well-formed"
        state(context)?.pointee.fail("not well-formed XML: \(message)", line: Int(error.pointee.line))
    }
}
