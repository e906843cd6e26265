/// The state of a transaction, before each layout spells it in its own words.
enum StatusKind: CaseIterable {
    case done, inProgress, rejected, withdrawn

    /// Withdrawn transactions are left out of every count.
    var counts: Bool { self != .withdrawn }
}
