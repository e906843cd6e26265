import Glibc

/// Entry point of `hallrate-gen`, the deterministic export generator.
@main
struct HallRateGen {
    static func main() {
        let command: Command
        do throws(UsageError) {
            command = try Command.parse(Array(CommandLine.arguments.dropFirst()))
        } catch {
            Console.error("hallrate-gen: \(error.message)\n\n\(Usage.text)")
            exit(2)
        }
        do {
            switch command {
            case .help: Console.info(Usage.text)
            case .demo(let options): try DemoGenerator(options: options).run()
            case .bench(let options): try BenchGenerator(options: options).run()
            }
        } catch {
            Console.error("hallrate-gen: \(error)")
            exit(1)
        }
    }
}
