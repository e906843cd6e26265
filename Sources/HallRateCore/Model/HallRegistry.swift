/// The district's halls, looked up by code. Halls are kept in code order, so an index is stable.
package struct HallRegistry: Sendable {
    package let halls: [Hall]
    private let indexByCode: [String: Int]
    private let indexByName: [String: Int]
    /// The same maps keyed by UTF-8 bytes, for the mapper's hot path (see ``ByteTable``).
    private let codeTable: ByteTable<Int>
    private let nameTable: ByteTable<Int>

    /// - Precondition: codes are unique, and so are names and aliases (the registry reader checks both).
    package init(halls: [Hall]) {
        self.halls = halls.sorted { $0.code < $1.code }
        var byCode: [String: Int] = [:]
        var byName: [String: Int] = [:]
        for (i, hall) in self.halls.enumerated() {
            byCode[hall.code] = i
            for name in [hall.name] + hall.aliases { byName[TextNormalizer.normalize(name)] = i }
        }
        indexByCode = byCode
        indexByName = byName
        codeTable = ByteTable(byCode.map { ($0.key, $0.value) })
        nameTable = ByteTable(byName.map { ($0.key, $0.value) })
    }

    /// The index of the hall with `code`, or nil when the registry does not know it.
    package func index(ofCode code: String) -> Int? { indexByCode[code] }

    /// The index of the hall whose name or one of whose aliases is `name` (compared normalised).
    package func index(ofName name: String) -> Int? { indexByName[TextNormalizer.normalize(name)] }

    /// ``index(ofCode:)`` for a code given as (normalised) UTF-8 bytes; builds a `String` only when
    /// the bytes are not exactly those of a known code.
    func index(ofCodeBytes bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        if let found = codeTable.lookup(bytes) { return found }
        return indexByCode[String(decoding: bytes, as: UTF8.self)]
    }

    /// The hall whose normalised name or alias has exactly these UTF-8 bytes; nil means only "no exact
    /// match" (names compare by canonical equivalence): the caller then asks ``index(ofName:)``.
    func exactIndex(ofNormalizedName bytes: UnsafeBufferPointer<UInt8>) -> Int? { nameTable.lookup(bytes) }

    package subscript(index: Int) -> Hall { halls[index] }

    /// Indices of the halls of `tier`, in code order.
    package func indices(of tier: Tier) -> [Int] { halls.indices.filter { halls[$0].tier == tier } }

    /// The township hall a village station belongs to by its `parent_code` (contract rule 16), or nil:
    /// the hall is no village, or its parent is not a township of the registry.
    package func township(of hall: Int) -> Int? {
        guard halls[hall].tier == .village, let parent = indexByCode[halls[hall].parentCode], halls[parent].tier == .township
        else { return nil }
        return parent
    }

    /// Every township's village stations (``township(of:)``), in code order.
    package func villagesByTownship() -> [Int: [Int]] {
        var villages: [Int: [Int]] = [:]
        for hall in indices(of: .village) {
            if let township = township(of: hall) { villages[township, default: []].append(hall) }
        }
        return villages
    }
}
