//! # k8s-dsl
//!
//! Typed, checked Kubernetes manifests for Rust. Build objects with builders
//! (`Pod::new("web").container(...).build()`) that return [`k8s_openapi`] types and report
//! **every** mistake with the field path the API server would print, then write them as YAML
//! that Kubernetes reads exactly as written.
//!
//! ```
//! use k8s_dsl::prelude::*;
//!
//! let pod = Pod::new("simple-webapp")
//!     .label("name", "simple-webapp")
//!     .container(
//!         Container::new("simple-webapp")
//!             .image("simple-webapp:1.0")
//!             .port(ContainerPort::tcp(8080))
//!             .readiness_probe(
//!                 Probe::http_get("/api/ready", 8080)
//!                     .initial_delay(Duration::seconds(10))
//!                     .period(Duration::seconds(5))
//!                     .failure_threshold(8),
//!             ),
//!     )
//!     .build()?;
//! let yaml = k8s_dsl::emit::to_yaml(&pod)?;
//! assert!(yaml.contains("path: /api/ready"));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! Supported Kubernetes versions: 1.33 to 1.37. Like kube-rs, this crate never enables a
//! k8s-openapi version feature; the application picks one (`k8s-openapi = { features = ["v1_33"] }`).
//!
//! ## What is checked when
//! - **Rules** ([`rules`]): the API server's validation rules, one function each, shared with
//!   the compile-time macros.
//! - **`build()`**: every rule for every field, plus references inside the object (a mount of a
//!   volume the pod does not declare, a probe on a port name the container does not declare).
//!   All errors come back at once as [`Errors`], each with its [`FieldPath`].
//! - **Warnings** (valid but likely wrong) never fail a build: see `build_with_warnings()`.

#[doc(hidden)]
pub mod __private;
pub mod autoscaling;
pub mod bundle;
pub mod config;
pub mod custom;
pub mod emit;
pub mod meta;
pub mod output;
pub mod pod;
pub mod policy;
pub mod rules;
pub mod service;
pub mod validate;
pub mod value;
pub mod workload;

#[doc = include_str!("../../k8s-dsl-macros/docs/pod.md")]
pub use k8s_dsl_macros::pod;
#[doc = include_str!("../../k8s-dsl-macros/docs/job.md")]
pub use k8s_dsl_macros::job;
#[doc = include_str!("../../k8s-dsl-macros/docs/cronjob.md")]
pub use k8s_dsl_macros::cronjob;
pub use validate::{Error, Errors, FieldPath, Warning};
pub use value::{Parsed, PortRef};

/// The names most manifests need: `use k8s_dsl::prelude::*;`.
pub mod prelude {
    pub use crate::autoscaling::{
        HorizontalPodAutoscaler, Metric, MetricTarget, ScaleTarget, ScalingPolicy, ScalingRules,
        SelectPolicy,
    };
    pub use crate::bundle::{Bundle, BundleError, IntoObject, Object, ObjectId};
    pub use crate::config::{ConfigMap, Secret, SecretType};
    pub use crate::custom::{CustomObject, CustomResource};
    pub use crate::pod::*;
    pub use crate::policy::{PodDisruptionBudget, PriorityClass, UnhealthyPodEvictionPolicy};
    pub use crate::service::{Service, ServicePort};
    pub use crate::workload::*;
    pub use crate::rules::duration::Duration;
    pub use crate::rules::enums::*;
    pub use crate::rules::quantity::Quantity;
    pub use crate::value::{Parsed, PortRef};
    pub use crate::{Error, Errors, FieldPath, Warning};
}
