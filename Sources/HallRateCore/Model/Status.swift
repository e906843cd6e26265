/// The state of a transaction, after the pipeline's value map.
package enum Status: String, CaseIterable, Sendable {
    case completed
    case inProgress = "in_progress"
    case rejected
    case withdrawn

    /// Withdrawn transactions (撤件) are accepted but left out of every count (contract rule 4).
    package var counts: Bool { self != .withdrawn }
}
