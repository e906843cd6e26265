/// One service hall of the registry.
public struct Hall: Hashable, Sendable {
    public let code: String
    public let name: String
    public let tier: Tier
    public let parentCode: String
    /// Other names the hall goes by in exports (registry column `aliases`, `;`-separated).
    public var aliases: [String] = []

    public init(code: String, name: String, tier: Tier, parentCode: String, aliases: [String] = []) {
        self.code = code
        self.name = name
        self.tier = tier
        self.parentCode = parentCode
        self.aliases = aliases
    }
}
