// mimalloc: the build makes millions of small allocations on both cores (templates,
// minification); the system allocator spent a third of the build time in them.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    daftar::cli::run()
}
