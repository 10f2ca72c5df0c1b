//! The stable diagnostic codes. The number identifies the rule and never changes meaning;
//! the printed code adds the severity letter (`E0307` or `W0307`), which for one rule
//! (a step over its standard time) depends on the site's configuration.

/// One rule that daftar checks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Code {
    // 00xx: files and folders
    IgnoredFile,
    Unreadable,
    InvalidUtf8,
    EmptyFile,
    NoFrontMatter,
    UnclosedFrontMatter,
    NoRecords,
    // 01xx: TOML and field shapes
    TomlSyntax,
    UnknownField,
    MissingField,
    WrongType,
    BlankText,
    EmptyList,
    // 02xx: the record's own fields
    NomorFormat,
    NomorDuplicate,
    SlugDuplicate,
    SlugReserved,
    PasalFormat,
    PasalAngka,
    PasalRepeated,
    TermForm,
    TermPermanentNotAllowed,
    TermTooLongHurufA,
    TermNotPositive,
    TermEndNotAfterDecision,
    TermOutOfRange,
    DecisionAfterBuildDate,
    TermEnded,
    // 03xx: SOP timing
    StepMissing,
    StepDuplicate,
    StepUnknown,
    StepMinutes,
    DateWithoutTime,
    StepOverlap,
    StepOverStandard,
    // 04xx: sign-offs
    NipFormat,
    NipBirthDate,
    NipAppointment,
    NipSex,
    NipSequence,
    NipRepeated,
    SignOrder,
    SignBeforeStepEnd,
    PublishedBeforeApproval,
    // 05xx: site configuration
    ConfigMissing,
    ConfigValue,
    ThemeMissing,
    OutputFolder,
    SopConfig,
    BuildDate,
    SiteExists,
    // 06xx: rendering and writing
    Template,
    Write,
    // 07xx: the archive
    BagChanged,
    BagMissing,
    BagExtra,
    ChainBroken,
    BagInvalid,
    PublishLeftover,
}

impl Code {
    pub const ALL: &'static [Code] = &[
        Code::IgnoredFile,
        Code::Unreadable,
        Code::InvalidUtf8,
        Code::EmptyFile,
        Code::NoFrontMatter,
        Code::UnclosedFrontMatter,
        Code::NoRecords,
        Code::TomlSyntax,
        Code::UnknownField,
        Code::MissingField,
        Code::WrongType,
        Code::BlankText,
        Code::EmptyList,
        Code::NomorFormat,
        Code::NomorDuplicate,
        Code::SlugDuplicate,
        Code::SlugReserved,
        Code::PasalFormat,
        Code::PasalAngka,
        Code::PasalRepeated,
        Code::TermForm,
        Code::TermPermanentNotAllowed,
        Code::TermTooLongHurufA,
        Code::TermNotPositive,
        Code::TermEndNotAfterDecision,
        Code::TermOutOfRange,
        Code::DecisionAfterBuildDate,
        Code::TermEnded,
        Code::StepMissing,
        Code::StepDuplicate,
        Code::StepUnknown,
        Code::StepMinutes,
        Code::DateWithoutTime,
        Code::StepOverlap,
        Code::StepOverStandard,
        Code::NipFormat,
        Code::NipBirthDate,
        Code::NipAppointment,
        Code::NipSex,
        Code::NipSequence,
        Code::NipRepeated,
        Code::SignOrder,
        Code::SignBeforeStepEnd,
        Code::PublishedBeforeApproval,
        Code::ConfigMissing,
        Code::ConfigValue,
        Code::ThemeMissing,
        Code::OutputFolder,
        Code::SopConfig,
        Code::BuildDate,
        Code::SiteExists,
        Code::Template,
        Code::Write,
        Code::BagChanged,
        Code::BagMissing,
        Code::BagExtra,
        Code::ChainBroken,
        Code::BagInvalid,
        Code::PublishLeftover,
    ];

    /// The rule's number; printed as four digits after the severity letter.
    pub fn number(self) -> u16 {
        match self {
            Code::IgnoredFile => 1,
            Code::Unreadable => 2,
            Code::InvalidUtf8 => 3,
            Code::EmptyFile => 4,
            Code::NoFrontMatter => 5,
            Code::UnclosedFrontMatter => 6,
            Code::NoRecords => 7,
            Code::TomlSyntax => 101,
            Code::UnknownField => 102,
            Code::MissingField => 103,
            Code::WrongType => 104,
            Code::BlankText => 105,
            Code::EmptyList => 106,
            Code::NomorFormat => 201,
            Code::NomorDuplicate => 202,
            Code::SlugDuplicate => 203,
            Code::SlugReserved => 204,
            Code::PasalFormat => 211,
            Code::PasalAngka => 212,
            Code::PasalRepeated => 213,
            Code::TermForm => 220,
            Code::TermPermanentNotAllowed => 221,
            Code::TermTooLongHurufA => 222,
            Code::TermNotPositive => 223,
            Code::TermEndNotAfterDecision => 224,
            Code::TermOutOfRange => 225,
            Code::DecisionAfterBuildDate => 230,
            Code::TermEnded => 231,
            Code::StepMissing => 301,
            Code::StepDuplicate => 302,
            Code::StepUnknown => 303,
            Code::StepMinutes => 304,
            Code::DateWithoutTime => 305,
            Code::StepOverlap => 306,
            Code::StepOverStandard => 307,
            Code::NipFormat => 401,
            Code::NipBirthDate => 402,
            Code::NipAppointment => 403,
            Code::NipSex => 404,
            Code::NipSequence => 405,
            Code::NipRepeated => 406,
            Code::SignOrder => 407,
            Code::SignBeforeStepEnd => 408,
            Code::PublishedBeforeApproval => 409,
            Code::ConfigMissing => 501,
            Code::ConfigValue => 502,
            Code::ThemeMissing => 503,
            Code::OutputFolder => 504,
            Code::SopConfig => 505,
            Code::BuildDate => 506,
            Code::SiteExists => 507,
            Code::Template => 601,
            Code::Write => 602,
            Code::BagChanged => 701,
            Code::BagMissing => 702,
            Code::BagExtra => 703,
            Code::ChainBroken => 704,
            Code::BagInvalid => 705,
            Code::PublishLeftover => 706,
        }
    }

    /// Problems of the site's setup rather than of its records: they end the run with
    /// exit code 2 instead of 1.
    pub fn is_setup_problem(self) -> bool {
        (500..700).contains(&self.number()) || self == Code::Unreadable
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn numbers_are_unique_and_all_codes_are_listed() {
        let numbers: HashSet<u16> = Code::ALL.iter().map(|c| c.number()).collect();
        assert_eq!(numbers.len(), Code::ALL.len());
        // The last variant's number is listed: ALL cannot silently lag behind the enum.
        assert!(Code::ALL.contains(&Code::PublishLeftover));
    }
}
