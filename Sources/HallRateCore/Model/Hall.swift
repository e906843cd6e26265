/// One service hall of the registry.
public struct Hall: Hashable, Sendable {
    public let code: String
    public let name: String
    public let tier: Tier
    public let parentCode: String
}
