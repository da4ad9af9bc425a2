use std::fmt;

use super::{FieldPath, Location};
use crate::rules::{Checked, Violation};

/// One problem that makes the API server reject an object (or that can never work).
///
/// ```
/// use k8s_dsl::prelude::*;
///
/// let errors = Pod::new("web")
///     .container(Container::new("web").image("nginx:1.27").port(ContainerPort::tcp(0)))
///     .build()
///     .unwrap_err();
/// let error = errors.iter().next().unwrap();
/// assert_eq!(error.path.as_str(), "spec.containers[0].ports[0].containerPort");
/// assert_eq!(error.rule, 20);
/// assert_eq!(error.fix, "use a port between 1 and 65535");
/// assert!(error.to_string().ends_with("(rule 20)"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    /// Where: the field path the API server would print.
    pub path: FieldPath,
    /// The rule broken: its number in the book's rule list (*Reference: The rules*), or 0 for the project's own checks (references).
    pub rule: u16,
    /// What is wrong.
    pub message: String,
    /// How to fix it.
    pub fix: String,
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}; {}", self.path, self.message, self.fix)?;
        if self.rule != 0 {
            write!(f, " (rule {})", self.rule)?;
        }
        Ok(())
    }
}

/// Something valid but likely wrong (an image without a tag, a probe on an undeclared port).
/// Warnings never fail a build.
///
/// ```
/// use k8s_dsl::prelude::*;
///
/// let (pod, warnings) = Pod::new("web")
///     .container(Container::new("web").image("nginx"))
///     .build_with_warnings()?;
/// assert_eq!(pod.metadata.name.as_deref(), Some("web"));
/// let warning = warnings.iter().find(|w| w.path.as_str() == "spec.containers[0].image").unwrap();
/// assert!(warning.to_string().starts_with("warning: spec.containers[0].image: "));
/// # Ok::<(), k8s_dsl::Errors>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Warning {
    /// Where.
    pub path: FieldPath,
    /// What looks wrong, and what to do about it.
    pub message: String,
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "warning: {}: {}", self.path, self.message)
    }
}

/// Every error found in one object (or bundle), in the order the checks met them.
///
/// ```
/// use k8s_dsl::prelude::*;
///
/// let errors = Pod::new("web")
///     .container(Container::new("web").image("nginx:1.27").port(ContainerPort::tcp(0)))
///     .build()
///     .unwrap_err();
/// assert!(errors.has("spec.containers[0].ports[0].containerPort", 20));
/// for error in &errors {
///     eprintln!("{}: {} ({})", error.path, error.message, error.fix);
/// }
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Errors {
    /// The errors; never empty when returned by `build()`.
    pub errors: Vec<Error>,
    /// The warnings found in the same pass.
    pub warnings: Vec<Warning>,
}

impl Errors {
    /// Iterates over the errors.
    pub fn iter(&self) -> std::slice::Iter<'_, Error> {
        self.errors.iter()
    }

    /// The number of errors.
    pub fn len(&self) -> usize {
        self.errors.len()
    }

    /// Whether there are no errors.
    pub fn is_empty(&self) -> bool {
        self.errors.is_empty()
    }

    /// Whether some error is at `path` and breaks `rule`.
    pub fn has(&self, path: &str, rule: u16) -> bool {
        self.errors
            .iter()
            .any(|e| e.path.as_str() == path && e.rule == rule)
    }
}

impl<'a> IntoIterator for &'a Errors {
    type Item = &'a Error;
    type IntoIter = std::slice::Iter<'a, Error>;
    fn into_iter(self) -> Self::IntoIter {
        self.errors.iter()
    }
}

impl fmt::Display for Errors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let count = self.errors.len();
        write!(
            f,
            "{count} error{} found",
            if count == 1 { "" } else { "s" }
        )?;
        for error in &self.errors {
            write!(f, "\n  {error}")?;
        }
        Ok(())
    }
}

impl std::error::Error for Errors {}

/// Collects errors and warnings while an object is checked. Checks never stop at the first
/// problem: they report and go on.
///
/// ```
/// use k8s_dsl::rules::ports::{port_name, port_number};
/// use k8s_dsl::validate::{FieldPath, Report};
///
/// let port = FieldPath::parse("spec.ports").index(0);
/// let mut report = Report::new();
/// report.check(&port.field("port"), port_number(0, "port"));
/// report.check(&port.field("name"), port_name("web_1"));
/// report.warn(&port.field("nodePort"), "node port 80 is outside the default range 30000-32767");
///
/// let mut extra = Report::new();
/// extra.error(&port.field("targetPort"), 0, "no container port is named `api`", "use `http`");
/// report.merge(extra);
/// assert_eq!(report.errors().len(), 3);
/// assert_eq!(report.warnings().len(), 1);
///
/// let errors = report.finish(()).unwrap_err();
/// assert!(errors.has("spec.ports[0].port", 20));
/// assert!(errors.has("spec.ports[0].name", 21));
/// assert!(errors.has("spec.ports[0].targetPort", 0));
/// assert_eq!(errors.warnings.len(), 1);
///
/// let (value, warnings) = Report::new().finish(42).unwrap();
/// assert_eq!((value, warnings.len()), (42, 0));
/// ```
#[derive(Debug, Default)]
pub struct Report {
    errors: Vec<Error>,
    warnings: Vec<Warning>,
}

impl Report {
    /// An empty report.
    pub fn new() -> Self {
        Report::default()
    }

    /// Records the outcome of a rule check at `path`, returning the checked value if any.
    pub fn check<T>(&mut self, path: &(impl Location + ?Sized), result: Checked<T>) -> Option<T> {
        match result {
            Ok(value) => Some(value),
            Err(violation) => {
                self.violation(path, violation);
                None
            }
        }
    }

    /// Records a rule violation at `path`.
    pub fn violation(&mut self, path: &(impl Location + ?Sized), violation: Violation) {
        self.errors.push(Error {
            path: path.to_field_path(),
            rule: violation.rule,
            message: violation.message,
            fix: violation.fix,
        });
    }

    /// Records an error at `path`.
    pub fn error(
        &mut self,
        path: &(impl Location + ?Sized),
        rule: u16,
        message: impl Into<String>,
        fix: impl Into<String>,
    ) {
        self.violation(path, Violation::new(rule, message, fix));
    }

    /// Records a warning at `path`.
    pub fn warn(&mut self, path: &(impl Location + ?Sized), message: impl Into<String>) {
        self.warnings.push(Warning {
            path: path.to_field_path(),
            message: message.into(),
        });
    }

    /// Moves everything from `other` into this report.
    pub fn merge(&mut self, other: Report) {
        self.errors.extend(other.errors);
        self.warnings.extend(other.warnings);
    }

    /// The errors recorded so far.
    pub fn errors(&self) -> &[Error] {
        &self.errors
    }

    /// The warnings recorded so far.
    pub fn warnings(&self) -> &[Warning] {
        &self.warnings
    }

    /// `Ok(value)` with the warnings when nothing was wrong, else every error.
    pub fn finish<T>(self, value: T) -> Result<(T, Vec<Warning>), Errors> {
        if self.errors.is_empty() {
            Ok((value, self.warnings))
        } else {
            Err(Errors {
                errors: self.errors,
                warnings: self.warnings,
            })
        }
    }
}
