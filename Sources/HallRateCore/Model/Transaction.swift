/// A canonical transaction (办件) after mapping and validation: only what the metrics need.
///
/// `applicant_id` is never carried past the mapper, so it cannot reach any output.
public struct Transaction: Sendable {
    public let txnID: String
    /// Index of the hall in the ``HallRegistry``.
    public let hall: Int
    public let channel: Channel
    public let status: Status
    public let acceptedAt: LocalTime
    public let updatedAt: LocalTime?
    public var period: Period { acceptedAt.period }
}
