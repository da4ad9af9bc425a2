//! The API server's validation rules, written once.
//!
//! This folder is shared: `k8s-dsl` compiles it as `k8s_dsl::rules`, and the proc-macro crate
//! `k8s-dsl-macros` compiles the very same files through a symlink (the way serde shares
//! `serde_derive_internals`), so a literal in `pod! { ... }` and a string given to a builder at
//! run time are judged by the same function. It therefore depends on `std` only and never
//! refers to anything outside this folder.
//!
//! Each rule cites its number in the project's RULES.md (`rule 21` = port names). A rule
//! function returns `Ok` or a [`Violation`] saying what is wrong and how to fix it; it never
//! panics, whatever the input.

pub mod cron;
pub mod duration;
pub mod enums;
pub mod env;
pub mod image;
pub mod labels;
pub mod names;
pub mod ports;
pub mod quantity;
pub mod suggest;
pub mod timezone;

use std::fmt;

/// One broken rule: which rule (its number in RULES.md), what is wrong, and how to fix it.
///
/// Messages are lowercase, without a final period, with code in backticks
/// (``port name `http_2` may not contain `_` ``); the fix is a short imperative sentence
/// (``use lowercase letters, digits and `-` ``).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Violation {
    /// The rule's number in RULES.md (0 for checks of this project that are not API server rules).
    pub rule: u16,
    /// What is wrong with the value.
    pub message: String,
    /// How to fix it.
    pub fix: String,
}

impl Violation {
    /// A violation of rule `rule`.
    pub fn new(rule: u16, message: impl Into<String>, fix: impl Into<String>) -> Self {
        Violation {
            rule,
            message: message.into(),
            fix: fix.into(),
        }
    }
}

impl fmt::Display for Violation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.rule == 0 {
            write!(f, "{}; {}", self.message, self.fix)
        } else {
            write!(f, "{}; {} (rule {})", self.message, self.fix, self.rule)
        }
    }
}

/// The result of a rule check.
pub type Checked<T = ()> = Result<T, Violation>;

/// Quotes a user value for a message, shortened so a megabyte of input gives a short message.
pub fn shown(value: &str) -> String {
    const MAX: usize = 64;
    let mut out = String::with_capacity(value.len().min(MAX) + 8);
    out.push('`');
    for (i, c) in value.chars().enumerate() {
        if i == MAX {
            out.push('…');
            break;
        }
        if c.is_control() {
            out.extend(c.escape_default());
        } else {
            out.push(c);
        }
    }
    out.push('`');
    out
}
