//! # k8s-dsl
//!
//! Typed, checked Kubernetes manifests for Rust. k8s-dsl builds Kubernetes objects as typed
//! values, checks them the way the API server would before anything reaches a cluster, and
//! writes YAML that Kubernetes reads exactly as written.
//!
//! - **Builders** (`Pod::new("web").container(...).build()`) return [`k8s_openapi`] types,
//!   ready for kube-rs. `build()` reports **every** mistake at once, each with the field path
//!   the API server would print (`spec.containers[1].readinessProbe.httpGet.port`), the rule
//!   broken (numbered in the project's rule list) and the fix: see [`Errors`].
//! - **Macros** ([`pod!`], [`job!`], [`cronjob!`]) write an object in the shape of its YAML and
//!   check every literal while the crate compiles; each evaluates to the builder.
//! - **YAML that Go reads the same way**: the emitter ([`emit`]) quotes every string a YAML 1.1
//!   reader could take for a boolean, number, date or null (`yes`, `on`, `12:30`, `0x1F`,
//!   `2001-12-14`, `~`), so strings stay strings in Kubernetes. Output is deterministic, byte
//!   for byte.
//! - **The Kubernetes Patterns** are first-class: init containers, native and classic sidecars,
//!   ambassadors, adapters, shared volumes, probes and lifecycle hooks (see [`mod@pod`]).
//!
//! Supported Kubernetes versions: **1.33 to 1.37**. Like kube-rs, the library never enables a
//! k8s-openapi version feature; your application picks one
//! (`k8s-openapi = { version = "0.29", features = ["v1_33"] }`).
//!
//! # A first pod
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
//! # What is checked when
//! - **While the crate compiles**: the macros check literals, keys and references inside the
//!   object, with an error on the wrong token.
//! - **`build()`**: the API server's rules ([`rules`], one function each, shared with the
//!   macros) for every field, plus references inside the object (a mount of a volume the pod
//!   does not declare, a probe on a port name the container does not declare). All errors come
//!   back at once as [`Errors`], each with its [`FieldPath`].
//! - **Warnings** (valid but likely wrong: an image without a tag, a NodePort outside the
//!   default range) never fail a build: see `build_with_warnings()`.
//! - **[`Bundle`](bundle::Bundle)**: references between objects (selectors, `targetPort` names,
//!   ConfigMaps, Secrets, PriorityClasses, autoscaler targets).
//!
//! # Generating manifests in a repository
//!
//! GitOps repositories commit generated manifests for Argo CD or Flux, or apply them with
//! `kubectl apply -k`. [`output`] writes a `Bundle` as one file per object (stable names such
//! as `deployment_shop_web.yaml`) plus a `kustomization.yaml` listing them, in YAML or JSON.
//! Writes are atomic, unchanged files are not rewritten, and the generator removes only its own
//! stale files, never one it did not write. From `build.rs`:
//!
//! ```no_run
//! // build.rs
//! # mod my_manifests { pub fn bundle() -> k8s_dsl::bundle::Bundle { k8s_dsl::bundle::Bundle::new() } }
//! fn main() {
//!     k8s_dsl::output::BuildScript::new()
//!         .repo_dir("k8s/production") // committed; also written to $OUT_DIR/manifests
//!         .run(&my_manifests::bundle());
//! }
//! ```
//!
//! Validation errors fail the build with every message and field path; warnings show as cargo
//! warnings. In CI, `K8S_DSL_CHECK=1 cargo build` compares instead of writing and fails with a
//! unified diff; in a test, [`output::assert_up_to_date`] does the same.
//!
//! The guide (`book/`, built with `mdbook build book`) walks through every pattern and
//! workload, and lists every compile-time and run-time error with its fix.

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
pub mod pss;
pub mod rules;
pub mod service;
pub mod validate;
pub mod value;
pub mod workload;

#[doc = include_str!("../../k8s-dsl-macros/docs/cronjob.md")]
pub use k8s_dsl_macros::cronjob;
#[doc = include_str!("../../k8s-dsl-macros/docs/job.md")]
pub use k8s_dsl_macros::job;
#[doc = include_str!("../../k8s-dsl-macros/docs/pod.md")]
pub use k8s_dsl_macros::pod;
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
    pub use crate::pss::Profile;
    pub use crate::rules::duration::Duration;
    pub use crate::rules::enums::*;
    pub use crate::rules::quantity::Quantity;
    pub use crate::service::{Service, ServicePort};
    pub use crate::value::{Parsed, PortRef};
    pub use crate::workload::*;
    pub use crate::{Error, Errors, FieldPath, Warning};
}
