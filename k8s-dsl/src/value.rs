//! Values that builders accept either already parsed or as text to parse in `build()`.
//!
//! Principle 3 of the design: constrained strings become small types when parsed. Builders take
//! `impl Into<Parsed<T>>`, so a caller can pass a `Quantity`/`Duration` it parsed early (or that
//! a macro made from a checked literal) or a plain `&str`/`String` whose problems `build()`
//! reports with the field path.

use std::str::FromStr;

use crate::rules::{duration::Duration, quantity::Quantity};
use crate::rules::{Checked, Violation};

/// A value given already parsed, or as text that `build()` parses and checks.
#[derive(Debug, Clone, PartialEq)]
pub enum Parsed<T> {
    /// Parsed and checked already.
    Value(T),
    /// Text to parse when the object is built.
    Text(String),
}

impl<T> Parsed<T>
where
    T: FromStr<Err = Violation> + Clone,
{
    /// The parsed value, or the rule the text breaks.
    pub fn parse(&self) -> Checked<T> {
        match self {
            Parsed::Value(value) => Ok(value.clone()),
            Parsed::Text(text) => text.parse(),
        }
    }
}

impl<T> From<&str> for Parsed<T> {
    fn from(text: &str) -> Self {
        Parsed::Text(text.to_owned())
    }
}

impl<T> From<String> for Parsed<T> {
    fn from(text: String) -> Self {
        Parsed::Text(text)
    }
}

impl<T> From<&String> for Parsed<T> {
    fn from(text: &String) -> Self {
        Parsed::Text(text.clone())
    }
}

impl From<Quantity> for Parsed<Quantity> {
    fn from(value: Quantity) -> Self {
        Parsed::Value(value)
    }
}

impl From<Duration> for Parsed<Duration> {
    fn from(value: Duration) -> Self {
        Parsed::Value(value)
    }
}

/// A port given by number (`8080`) or by the name a container gives it (`"http"`).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum PortRef {
    /// A port number (checked to be 1-65535).
    Number(i32),
    /// A port name (checked as an IANA service name, and against the ports the container declares).
    Name(String),
}

impl From<i32> for PortRef {
    fn from(number: i32) -> Self {
        PortRef::Number(number)
    }
}

impl From<u16> for PortRef {
    fn from(number: u16) -> Self {
        PortRef::Number(i32::from(number))
    }
}

impl From<&str> for PortRef {
    fn from(name: &str) -> Self {
        PortRef::Name(name.to_owned())
    }
}

impl From<String> for PortRef {
    fn from(name: String) -> Self {
        PortRef::Name(name)
    }
}

impl PortRef {
    /// The k8s-openapi form (`IntOrString`).
    pub fn to_int_or_string(&self) -> k8s_openapi::apimachinery::pkg::util::intstr::IntOrString {
        use k8s_openapi::apimachinery::pkg::util::intstr::IntOrString;
        match self {
            PortRef::Number(number) => IntOrString::Int(*number),
            PortRef::Name(name) => IntOrString::String(name.clone()),
        }
    }
}
