fn main() -> std::process::ExitCode {
    daftar::cli::run()
}
