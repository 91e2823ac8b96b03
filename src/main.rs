//! The `arabic-repair` command-line tool. See `arabic-repair --help` and
//! the README for the commands and exit codes.

mod cli;

fn main() -> std::process::ExitCode {
    cli::main()
}
