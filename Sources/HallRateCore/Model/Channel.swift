/// How a transaction reached the hall, after the pipeline's value map.
package enum Channel: String, CaseIterable, Sendable {
    case window, online, mobile, kiosk, other

    /// Online-handled means submitted online or from a mobile app (contract rule 5).
    package var isOnline: Bool { self == .online || self == .mobile }
}
