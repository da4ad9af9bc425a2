//! The error collector: every check reports here, and all errors are emitted together.

use std::fmt::Display;

use proc_macro2::{Span, TokenStream};

use crate::rules::Violation;

/// Collects the errors of one macro call (like serde's `Ctxt`), so one compile shows them all.
#[derive(Default)]
pub struct Ctxt {
    errors: Vec<syn::Error>,
}

impl Ctxt {
    /// An empty collector.
    pub fn new() -> Self {
        Ctxt::default()
    }

    /// Records `message` at `span`.
    pub fn error(&mut self, span: Span, message: impl Display) {
        self.errors.push(syn::Error::new(span, message));
    }

    /// Records a broken shared rule at `span` (`message; fix (rule N)`).
    pub fn violation(&mut self, span: Span, violation: &Violation) {
        self.error(span, violation);
    }

    /// True when nothing was recorded.
    pub fn is_ok(&self) -> bool {
        self.errors.is_empty()
    }

    /// All errors as `compile_error!` invocations, each at its own span; `None` when there are
    /// none.
    pub fn into_compile_errors(self) -> Option<TokenStream> {
        let mut all: Option<syn::Error> = None;
        for error in self.errors {
            match &mut all {
                Some(first) => first.combine(error),
                None => all = Some(error),
            }
        }
        all.map(|e| e.to_compile_error())
    }
}
