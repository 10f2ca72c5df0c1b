//! The command line's own words in Bahasa Indonesia. clap writes its help headings and
//! its usage errors in English: the help is configured here (headings, the help and
//! version flags), and each usage error is said again from its kind and context.

use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{Arg, ArgAction, Command};

const HELP_TEMPLATE: &str = "{about-with-newline}\nPemakaian: {usage}\n\n{all-args}{after-help}";

/// `command` (clap's, from the derive) with Indonesian headings and flags.
pub fn indonesian(command: Command) -> Command {
    localized(command)
        .disable_help_subcommand(true)
        .disable_version_flag(true)
        .arg(
            Arg::new("versi")
                .short('V')
                .long("version")
                .action(ArgAction::Version)
                .help("Menampilkan versi daftar")
                .help_heading("Pilihan"),
        )
}

fn localized(command: Command) -> Command {
    command
        .help_template(HELP_TEMPLATE)
        .subcommand_help_heading("Perintah")
        .subcommand_value_name("PERINTAH")
        .disable_help_flag(true)
        .arg(
            Arg::new("bantuan")
                .short('h')
                .long("help")
                .action(ArgAction::Help)
                .help("Menampilkan bantuan (-h ringkas, --help lengkap)"),
        )
        .mut_args(|a| {
            let heading = if a.is_positional() {
                "Argumen"
            } else {
                "Pilihan"
            };
            let a = a.help_heading(heading);
            // The defaults and choices are in the help texts themselves, in Indonesian.
            if a.get_action().takes_values() {
                a.hide_default_value(true).hide_possible_values(true)
            } else {
                a
            }
        })
        .mut_subcommands(localized)
}

/// The arguments with the word `help` that officers type (`daftar help`, `daftar help
/// build`) said as the flag clap knows (`daftar --help`, `daftar build --help`).
pub fn help_word_as_flag(mut args: Vec<std::ffi::OsString>) -> Vec<std::ffi::OsString> {
    if args.get(1).is_some_and(|a| a == "help") {
        args.remove(1);
        args.push("--help".into());
    }
    args
}

/// What clap still writes in English in a help or usage text.
fn said_in_indonesian(text: &str) -> String {
    text.replace("Usage:", "Pemakaian:")
        .replace("[OPTIONS]", "[PILIHAN]")
        .replace("<COMMAND>", "<PERINTAH>")
}

/// Names as choices: "`build` atau `publish`".
fn either(names: &[String]) -> String {
    names
        .iter()
        .map(|s| format!("`{s}`"))
        .collect::<Vec<_>>()
        .join(" atau ")
}

/// The text of a context value, if it has one.
fn context(e: &clap::Error, kind: ContextKind) -> Option<String> {
    match e.get(kind)? {
        ContextValue::String(s) => Some(s.clone()),
        ContextValue::Strings(v) if !v.is_empty() => Some(either(v)),
        ContextValue::StyledStr(s) => Some(s.to_string()),
        ContextValue::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// What to print for a parse result that is not a command to run: the help or the
/// version (standard output), or a usage error (standard error), in Indonesian.
/// `command` is the command line clap parsed (its subcommands are listed for a command
/// it does not know).
pub fn message(e: &clap::Error, command: &Command) -> String {
    if matches!(
        e.kind(),
        ErrorKind::DisplayHelp
            | ErrorKind::DisplayVersion
            | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
    ) {
        return said_in_indonesian(&e.render().to_string());
    }
    let arg = context(e, ContextKind::InvalidArg).unwrap_or_default();
    let value = context(e, ContextKind::InvalidValue).unwrap_or_default();
    let what = match e.kind() {
        ErrorKind::InvalidSubcommand => format!(
            "perintah `{}` tidak dikenal",
            context(e, ContextKind::InvalidSubcommand).unwrap_or_default()
        ),
        ErrorKind::UnknownArgument => format!("pilihan `{arg}` tidak dikenal di sini"),
        ErrorKind::InvalidValue if value.is_empty() => format!("`{arg}` memerlukan nilai"),
        ErrorKind::InvalidValue => format!("nilai `{value}` tidak dikenal untuk `{arg}`"),
        ErrorKind::ValueValidation => {
            // Our own value parsers say what is wrong in Indonesian.
            match std::error::Error::source(e) {
                Some(why) => format!("`{arg}`: {why}"),
                None => format!("nilai `{value}` tidak sah untuk `{arg}`"),
            }
        }
        ErrorKind::NoEquals => format!("`{arg}` ditulis dengan tanda =, misalnya {arg}=NILAI"),
        ErrorKind::TooManyValues | ErrorKind::TooFewValues | ErrorKind::WrongNumberOfValues => {
            format!("jumlah nilai untuk `{arg}` tidak sesuai")
        }
        ErrorKind::ArgumentConflict => format!(
            "`{arg}` tidak dapat dipakai bersama {}",
            context(e, ContextKind::PriorArg).unwrap_or_else(|| "pilihan lain".into())
        ),
        ErrorKind::MissingRequiredArgument => format!("argumen wajib belum ditulis: {arg}"),
        ErrorKind::MissingSubcommand => "perintah belum ditulis".to_string(),
        ErrorKind::InvalidUtf8 => "argumen ini bukan teks UTF-8 yang sah".to_string(),
        _ => "perintah ini tidak dapat dipahami".to_string(),
    };
    let quoted = |s: String| {
        if s.starts_with('`') {
            s
        } else {
            format!("`{s}`")
        }
    };
    // clap lists similar commands in no useful order (`bulid`: publish, build): the most
    // similar first.
    let similar_commands = match e.get(ContextKind::SuggestedSubcommand) {
        Some(ContextValue::Strings(names)) if !names.is_empty() => {
            let typed = context(e, ContextKind::InvalidSubcommand).unwrap_or_default();
            let mut names = names.clone();
            names.sort_by(|a, b| {
                strsim::jaro_winkler(&typed, b).total_cmp(&strsim::jaro_winkler(&typed, a))
            });
            Some(either(&names))
        }
        _ => context(e, ContextKind::SuggestedSubcommand),
    };
    let hint = similar_commands
        .or_else(|| context(e, ContextKind::SuggestedArg))
        .or_else(|| context(e, ContextKind::SuggestedValue))
        .map(|s| format!("mungkin maksudnya {}?", quoted(s)))
        .or_else(|| context(e, ContextKind::ValidValue).map(|v| format!("nilai yang dikenal: {v}")))
        .or_else(|| {
            let names: Vec<&str> = command.get_subcommands().map(Command::get_name).collect();
            (e.kind() == ErrorKind::InvalidSubcommand || e.kind() == ErrorKind::MissingSubcommand)
                .then(|| format!("perintah: {}", names.join(", ")))
        });
    let mut out = format!("galat: {what}\n");
    if let Some(hint) = hint {
        out.push_str(&format!("  = saran: {hint}\n"));
    }
    if let Some(usage) = context(e, ContextKind::Usage) {
        out.push('\n');
        out.push_str(said_in_indonesian(usage.trim()).as_str());
        out.push('\n');
    }
    out.push_str("Bantuan lengkap: daftar --help\n");
    out
}
