//! Values that builders accept either already parsed or as text to parse in `build()`.
//!
//! Principle 3 of the design: constrained strings become small types when parsed. Builders take
//! `impl Into<Parsed<T>>`, so a caller can pass a `Quantity`/`Duration` it parsed early (or that
//! a macro made from a checked literal) or a plain `&str`/`String` whose problems `build()`
//! reports with the field path.
//!
//! ```
//! use k8s_dsl::prelude::*;
//!
//! // A quantity parsed early and one given as text are the same to the builder...
//! let early = Quantity::parse("250m").map_err(|violation| violation.message)?;
//! let pod = Pod::new("web")
//!     .container(Container::new("web").image("nginx:1.27").cpu(early, "1"))
//!     .build()?;
//! let resources = pod.spec.unwrap().containers[0].resources.clone().unwrap();
//! assert_eq!(resources.requests.unwrap()["cpu"].0, "250m");
//!
//! // ...but text is only checked in `build()`, which reports its path.
//! let errors = Pod::new("web")
//!     .container(Container::new("web").image("nginx:1.27").cpu("1 core", "1"))
//!     .build()
//!     .unwrap_err();
//! assert!(errors.has("spec.containers[0].resources.requests[cpu]", 48));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::str::FromStr;

use crate::rules::{duration::Duration, quantity::Quantity};
use crate::rules::{Checked, Violation};

/// A value given already parsed, or as text that `build()` parses and checks.
///
/// ```
/// use k8s_dsl::prelude::*;
///
/// let given: Parsed<Quantity> = "512Mi".into();
/// assert_eq!(given, Parsed::Text("512Mi".to_string()));
/// assert_eq!(given.parse()?.to_string(), "512Mi");
///
/// let early: Parsed<Duration> = Duration::seconds(30).into();
/// assert_eq!(early.parse()?, Duration::seconds(30));
///
/// let wrong: Parsed<Quantity> = "12 GB".into();
/// assert_eq!(wrong.parse().unwrap_err().rule, 48);
/// # Ok::<(), k8s_dsl::rules::Violation>(())
/// ```
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
///
/// ```
/// use k8s_dsl::prelude::*;
/// use k8s_openapi::apimachinery::pkg::util::intstr::IntOrString;
///
/// assert_eq!(PortRef::from(8080), PortRef::Number(8080));
/// assert_eq!(PortRef::from("http").to_int_or_string(), IntOrString::String("http".into()));
///
/// // A probe on a port name the container declares.
/// let pod = Pod::new("web")
///     .container(
///         Container::new("web")
///             .image("nginx:1.27")
///             .port(ContainerPort::tcp(8080).name("http"))
///             .readiness_probe(Probe::http_get("/ready", "http")),
///     )
///     .build()?;
/// let probe = pod.spec.unwrap().containers[0].readiness_probe.clone().unwrap();
/// assert_eq!(probe.http_get.unwrap().port, IntOrString::String("http".into()));
/// # Ok::<(), k8s_dsl::Errors>(())
/// ```
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
