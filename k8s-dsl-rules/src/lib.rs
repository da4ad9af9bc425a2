//! The API server's validation rules, written once.
//!
//! A crate of its own, depending on `std` only, so that every door of k8s-dsl judges a value
//! with the same function: the builders and the validation pass of `k8s-dsl` (which re-exports
//! this crate as `k8s_dsl::rules`), the compile-time checks of the macros, and the importer.
//! Crates depend on it as on any crate; nothing is shared through symlinks or `#[path]`.
//!
//! Each rule cites its number in the project's rule list (the book's rules reference) (`rule 21` = port names). A rule
//! function returns `Ok` or a [`Violation`] saying what is wrong and how to fix it; it never
//! panics, whatever the input.
//!
//! ```
//! use k8s_dsl_rules::{ports, Violation};
//!
//! assert!(ports::port_name("http").is_ok());
//! let violation: Violation = ports::port_name("http_2").unwrap_err();
//! assert_eq!(violation.rule, 21);
//! assert_eq!(
//!     violation.to_string(),
//!     "port name `http_2` may not contain `_`; use `http-2` (rule 21)"
//! );
//! ```

pub mod cron;
pub mod duration;
pub mod enums;
pub mod env;
pub mod image;
pub mod labels;
pub mod names;
pub mod ports;
pub mod quantity;
pub mod resources;
pub mod security;
pub mod suggest;
pub mod timezone;

use std::fmt;

/// One broken rule: which rule (its number in the rule list), what is wrong, and how to fix it.
///
/// Messages are lowercase, without a final period, with code in backticks
/// (``port name `http_2` may not contain `_` ``); the fix is a short imperative sentence
/// (``use lowercase letters, digits and `-` ``).
///
/// ```
/// use k8s_dsl_rules::Violation;
///
/// let violation = Violation::new(21, "port name `Web` has uppercase letters", "write `web`");
/// assert_eq!(violation.rule, 21);
/// assert_eq!(
///     violation.to_string(),
///     "port name `Web` has uppercase letters; write `web` (rule 21)"
/// );
/// // A check of this project rather than of the API server has rule 0 and no number shown:
/// let own = Violation::new(0, "duration `5x` has an unknown unit", "use `h`, `m` or `s`");
/// assert_eq!(own.to_string(), "duration `5x` has an unknown unit; use `h`, `m` or `s`");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Violation {
    /// The rule's number in the rule list (0 for checks of this project that are not API server rules).
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
///
/// ```
/// use k8s_dsl_rules::{Checked, Violation};
///
/// fn even(n: u32) -> Checked<u32> {
///     if n % 2 == 0 {
///         Ok(n)
///     } else {
///         Err(Violation::new(0, format!("`{n}` is odd"), "use an even number"))
///     }
/// }
/// assert_eq!(even(4), Ok(4));
/// assert_eq!(even(3).unwrap_err().message, "`3` is odd");
/// ```
pub type Checked<T = ()> = Result<T, Violation>;

/// Quotes a user value for a message, shortened so a megabyte of input gives a short message.
///
/// ```
/// use k8s_dsl_rules::shown;
///
/// assert_eq!(shown("web"), "`web`");
/// assert_eq!(shown("a\nb"), "`a\\nb`");
/// // A megabyte of input gives a short message: 64 characters, `…` and the backticks.
/// assert_eq!(shown(&"x".repeat(1 << 20)).chars().count(), 67);
/// ```
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
