/// How a transaction reached the hall, before each layout spells it in its own words.
enum ChannelKind: CaseIterable {
    case window, online, mobile, kiosk, agent

    /// Submitted online or from a mobile app: what the online-handled rate counts.
    var isOnline: Bool { self == .online || self == .mobile }
}
