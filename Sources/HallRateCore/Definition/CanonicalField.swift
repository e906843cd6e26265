/// The fields of the canonical transaction record (metric contract, first table).
package enum CanonicalField: String, CaseIterable, Sendable {
    case txnID = "txn_id"
    case hallCode = "hall_code"
    /// Instead of `hall_code`: the hall's name, matched against the registry's names and aliases.
    case hallName = "hall_name"
    case channel
    case acceptedAt = "accepted_at"
    case status
    case updatedAt = "updated_at"
    case completedAt = "completed_at"
    case itemCode = "item_code"
    case itemName = "item_name"
    case department
    case applicantID = "applicant_id"

    /// The fields a row cannot do without. The hall may also be named (`hall_name`) or come from the
    /// file path (`{hall_code}` in the glob) instead of `hall_code`.
    package static let required: [CanonicalField] = [.txnID, .hallCode, .channel, .acceptedAt, .status]

    package var isRequired: Bool { CanonicalField.required.contains(self) }
}
