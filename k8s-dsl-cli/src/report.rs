//! What a check prints: one line per problem like a compiler, or one JSON document.

use std::io::Write;

use k8s_dsl::read::{Document, ReadError};
use serde::Serialize;

/// How bad a diagnostic is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub(crate) enum Severity {
    /// The API server would refuse it (or it can never work).
    Error,
    /// Valid, but likely wrong.
    Warning,
}

/// One problem, as `--output json` writes it.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct Diagnostic {
    pub file: String,
    pub line: Option<usize>,
    pub document: Option<usize>,
    pub kind: Option<String>,
    pub name: Option<String>,
    pub namespace: Option<String>,
    pub path: String,
    pub message: String,
    pub rule: Option<u16>,
    pub severity: Severity,
    /// The index of its object among all objects read (to sort and deduplicate).
    #[serde(skip)]
    pub order: usize,
}

impl Diagnostic {
    /// A problem of an object read from `document`.
    pub(crate) fn at(
        document: &Document,
        line: usize,
        path: &str,
        message: String,
        rule: Option<u16>,
        severity: Severity,
    ) -> Self {
        Diagnostic {
            file: document.file.clone(),
            line: Some(line),
            document: Some(document.index),
            kind: Some(document.id.kind.clone()),
            name: Some(document.id.name.clone()),
            namespace: document.id.namespace.clone(),
            path: path.to_owned(),
            message,
            rule,
            severity,
            order: 0,
        }
    }

    /// An input, or a part of it, that cannot be read.
    pub(crate) fn unreadable(error: &ReadError) -> Self {
        Diagnostic {
            file: error.file.clone(),
            line: error.line,
            document: error.document,
            kind: None,
            name: None,
            namespace: None,
            path: String::new(),
            message: error.message.clone(),
            rule: None,
            severity: Severity::Error,
            order: 0,
        }
    }

    /// `file:line: Kind/name: path: message (rule N)`, with `warning: ` after the place for
    /// a warning.
    fn text(&self) -> String {
        let mut out = self.file.clone();
        if let Some(line) = self.line {
            out.push_str(&format!(":{line}"));
        }
        out.push_str(": ");
        if self.severity == Severity::Warning {
            out.push_str("warning: ");
        }
        if let (Some(kind), Some(name)) = (&self.kind, &self.name) {
            out.push_str(&format!("{kind}/{name}: "));
        }
        if !self.path.is_empty() {
            out.push_str(&self.path);
            out.push_str(": ");
        }
        out.push_str(&self.message);
        if let Some(rule) = self.rule {
            out.push_str(&format!(" (rule {rule})"));
        }
        out
    }
}

/// The result of a check.
#[derive(Serialize)]
pub(crate) struct Summary {
    pub objects: usize,
    pub errors: usize,
    pub warnings: usize,
    pub diagnostics: Vec<Diagnostic>,
}

impl Summary {
    pub(crate) fn new(objects: usize, diagnostics: Vec<Diagnostic>) -> Self {
        let errors = diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .count();
        Summary {
            objects,
            errors,
            warnings: diagnostics.len() - errors,
            diagnostics,
        }
    }

    /// Every diagnostic on its line, then `N objects, E errors, W warnings`.
    pub(crate) fn print_text(&self) {
        let mut out = std::io::stdout().lock();
        for d in &self.diagnostics {
            let _ = writeln!(out, "{}", d.text());
        }
        let _ = writeln!(
            out,
            "{} objects, {} errors, {} warnings",
            self.objects, self.errors, self.warnings
        );
    }

    /// One JSON document.
    pub(crate) fn print_json(&self) {
        let mut out = std::io::stdout().lock();
        match serde_json::to_string(self) {
            Ok(json) => {
                let _ = writeln!(out, "{json}");
            }
            Err(e) => {
                let _ = writeln!(std::io::stderr(), "k8s-dsl: cannot write JSON: {e}");
            }
        }
    }
}
