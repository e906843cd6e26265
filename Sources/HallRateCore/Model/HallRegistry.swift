/// The district's halls, looked up by code. Halls are kept in code order, so an index is stable.
public struct HallRegistry: Sendable {
    public let halls: [Hall]
    private let indexByCode: [String: Int]

    /// - Precondition: codes are unique (the registry reader checks this).
    public init(halls: [Hall]) {
        self.halls = halls.sorted { $0.code < $1.code }
        var index: [String: Int] = [:]
        for (i, hall) in self.halls.enumerated() { index[hall.code] = i }
        indexByCode = index
    }

    /// The index of the hall with `code`, or nil when the registry does not know it.
    public func index(ofCode code: String) -> Int? { indexByCode[code] }

    public subscript(index: Int) -> Hall { halls[index] }

    /// Indices of the halls of `tier`, in code order.
    public func indices(of tier: Tier) -> [Int] { halls.indices.filter { halls[$0].tier == tier } }
}
