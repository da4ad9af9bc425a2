//! Errors and warnings with the field path the API server would print.
//!
//! Every check in the crate reports into a [`Report`]; `build()` turns a report with errors into
//! [`Errors`], which lists **every** problem found, each with its [`FieldPath`], the rule it
//! breaks (its number in RULES.md) and the fix. Warnings (valid but suspicious) never fail a
//! build; they are returned separately.

mod path;
mod report;

pub use path::FieldPath;
pub use report::{Error, Errors, Report, Warning};
