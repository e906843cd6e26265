/// The fields of the canonical transaction record (metric contract, first table).
public enum CanonicalField: String, CaseIterable, Sendable {
    case txnID = "txn_id"
    case hallCode = "hall_code"
    case channel
    case acceptedAt = "accepted_at"
    case status
    case updatedAt = "updated_at"
    case completedAt = "completed_at"
    case itemCode = "item_code"
    case itemName = "item_name"
    case department
    case applicantID = "applicant_id"

    /// The five fields a row cannot do without.
    public static let required: [CanonicalField] = [.txnID, .hallCode, .channel, .acceptedAt, .status]

    public var isRequired: Bool { CanonicalField.required.contains(self) }
}
