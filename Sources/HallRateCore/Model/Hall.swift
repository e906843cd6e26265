/// One service hall of the registry.
package struct Hall: Hashable, Sendable {
    package let code: String
    package let name: String
    package let tier: Tier
    package let parentCode: String
    /// Other names the hall goes by in exports (registry column `aliases`, `;`-separated).
    package var aliases: [String] = []

    package init(code: String, name: String, tier: Tier, parentCode: String, aliases: [String] = []) {
        self.code = code
        self.name = name
        self.tier = tier
        self.parentCode = parentCode
        self.aliases = aliases
    }
}
