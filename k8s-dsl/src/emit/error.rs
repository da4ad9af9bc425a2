use std::fmt;

/// Why an object could not be written as text.
///
/// ```
/// use std::collections::BTreeMap;
/// use k8s_dsl::emit::{to_yaml, EmitError};
///
/// // YAML mapping keys written by this crate are strings or numbers, never sequences.
/// let mut odd = BTreeMap::new();
/// odd.insert(vec![1, 2], "value");
/// let error = to_yaml(&odd).unwrap_err();
/// assert!(matches!(error, EmitError::Unsupported(_)));
/// assert!(error.to_string().starts_with("cannot emit: "));
/// ```
#[derive(Debug)]
pub enum EmitError {
    /// The value has a shape the format cannot hold (a map with non-string keys, say).
    Unsupported(String),
    /// Writing to the destination failed.
    Io(std::io::Error),
}

impl fmt::Display for EmitError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            EmitError::Unsupported(message) => write!(f, "cannot emit: {message}"),
            EmitError::Io(error) => write!(f, "cannot write output: {error}"),
        }
    }
}

impl std::error::Error for EmitError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            EmitError::Io(error) => Some(error),
            EmitError::Unsupported(_) => None,
        }
    }
}

impl serde::ser::Error for EmitError {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        EmitError::Unsupported(msg.to_string())
    }
}

impl From<std::io::Error> for EmitError {
    fn from(error: std::io::Error) -> Self {
        EmitError::Io(error)
    }
}

impl From<serde_json::Error> for EmitError {
    fn from(error: serde_json::Error) -> Self {
        EmitError::Unsupported(error.to_string())
    }
}
