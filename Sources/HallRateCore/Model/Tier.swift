/// The three tiers of service halls a district runs.
package enum Tier: String, CaseIterable, Comparable, Sendable {
    /// The district government service center (区政务服务中心).
    case district
    /// A township or street center (乡镇(街道)政务服务中心).
    case township
    /// A village or community station (村(居)便民服务站).
    case village

    package static func < (lhs: Tier, rhs: Tier) -> Bool {
        allCases.firstIndex(of: lhs) ?? 0 < allCases.firstIndex(of: rhs) ?? 0
    }
}
