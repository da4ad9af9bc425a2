//! Errors and warnings with the field path the API server would print.
//!
//! Every check in the crate reports into a [`Report`]; `build()` turns a report with errors into
//! [`Errors`], which lists **every** problem found, each with its [`FieldPath`], the rule it
//! breaks (its number in RULES.md) and the fix. Warnings (valid but suspicious) never fail a
//! build; they are returned separately.
//!
//! ```
//! use k8s_dsl::prelude::*;
//!
//! let errors = Pod::new("web")
//!     .container(Container::new("web").image("nginx:1.27").port(ContainerPort::tcp(70000)))
//!     .container(Container::new("Web").image("nginx:1.27"))
//!     .build()
//!     .unwrap_err();
//! // Both mistakes, each at its own path.
//! assert!(errors.has("spec.containers[0].ports[0].containerPort", 20));
//! assert!(errors.iter().any(|e| e.path.as_str() == "spec.containers[1].name"));
//! # Ok::<(), k8s_dsl::Errors>(())
//! ```

mod path;
mod report;

pub use path::{At, FieldPath, Location};
pub use report::{Error, Errors, Report, Warning};
