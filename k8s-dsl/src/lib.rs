//! # k8s-dsl
//!
//! Typed, checked Kubernetes manifests for Rust. k8s-dsl builds Kubernetes objects as typed
//! values, checks them the way the API server would before anything reaches a cluster, and
//! writes YAML that Kubernetes reads exactly as written.
//!
//! - **Builders** (`Pod::new("web").container(...).build()`) return [`k8s_openapi`](https://github.com/Arnavion/k8s-openapi) types,
//!   ready for kube-rs. `build()` reports **every** mistake at once, each with the field path
//!   the API server would print (`spec.containers[1].readinessProbe.httpGet.port`), the rule
//!   broken (numbered in the project's rule list) and the fix: see [`Errors`].
//! - **YAML that Go reads the same way**: the emitter ([`emit`]) quotes every string a YAML 1.1
//!   reader could take for a boolean, number, date or null (`yes`, `on`, `12:30`, `0x1F`,
//!   `2001-12-14`, `~`), so strings stay strings in Kubernetes. Output is deterministic, byte
//!   for byte.
//! - **The Kubernetes Patterns** are first-class: init containers, native and classic sidecars,
//!   ambassadors, adapters, shared volumes, probes and lifecycle hooks (see [`mod@pod`]).
//!
//! Supported Kubernetes versions: **1.33 to 1.37**. Like kube-rs, the library never enables a
//! k8s-openapi version feature; your application picks one
//! (`k8s-openapi = { version = "0.29", features = ["v1_33"] }`). A `build.rs` that runs k8s-dsl
//! needs that line under `[build-dependencies]` too: build-dependencies get their own features,
//! and without a version feature k8s-openapi's build script stops with "None of the v1_\*
//! features are enabled on the k8s-openapi crate" (see [`output::BuildScript`]).
//!
//! # The two commands
//!
//! In the repository, print the YAML of an example (the main job):
//!
//! ```sh
//! cargo run --example pod_init_containers
//! ```
//!
//! and run every test (formatting, clippy, unit and integration tests, every example, and the
//! independent validation of every example's YAML with `kubernetes-validate` in strict mode for
//! Kubernetes 1.33 and the newest version it ships, read back by PyYAML and ruamel.yaml):
//!
//! ```sh
//! bash scripts/test-all
//! ```
//!
//! It needs only the Rust toolchain and `python3` (the Python packages go into a venv under
//! `target/venv` on first run); CI runs exactly this command.
//!
//! # Two front doors
//!
//! - **Builders** for code that computes its manifests: `Pod::new("web").container(...).build()`.
//! - **Macros** ([`pod!`], [`job!`], [`cronjob!`], [`deployment!`]) for manifests written
//!   mostly as literals, in the shape of their YAML: `pod! { name: "web", containers: [ ... ] }`.
//!   Every literal is checked while the crate compiles. A macro evaluates to the builder, so
//!   both mix freely.
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
//!
//! // The same pod through the other front door: the macro gives the same builder.
//! let from_macro = k8s_dsl::pod! {
//!     name: "simple-webapp",
//!     labels: { name: "simple-webapp" },
//!     containers: [ {
//!         name: "simple-webapp",
//!         image: "simple-webapp:1.0",
//!         ports: [ { containerPort: 8080, protocol: TCP } ],
//!         readinessProbe: {
//!             httpGet: { path: "/api/ready", port: 8080 },
//!             initialDelaySeconds: 10s,
//!             periodSeconds: 5s,
//!             failureThreshold: 8,
//!         },
//!     } ],
//! };
//! assert_eq!(k8s_dsl::emit::to_yaml(&from_macro.build()?)?, yaml);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # What is checked when
//! - **While your crate compiles**: [`pod!`], [`job!`], [`cronjob!`] and [`deployment!`] check
//!   every literal (names, images, ports, durations, schedules, time zones, quantities), unknown
//!   and missing keys, mounts of undeclared volumes and probes on undeclared port names; a
//!   mistake is a compile error on the wrong token, with the fix.
//! - **`build()`**: the API server's rules ([`rules`], one function each, shared with the
//!   macros, so a literal and a string computed at run time are judged by the same function)
//!   for every field, plus references inside the object (a mount of a volume the pod does not
//!   declare, a probe on a port name the container does not declare). All errors come back at
//!   once as [`Errors`], each with its [`FieldPath`].
//! - **`build_with_warnings()`**: things that are valid but likely wrong (an image without a
//!   tag, a probe on a port the container does not declare by number, a NodePort outside the
//!   default range) come back as [`Warning`]s; they never fail a build.
//! - **[`Bundle::check()`](bundle::Bundle::check) and every write**: references *between*
//!   objects (a Service selecting no pods, a `targetPort` name no selected container declares,
//!   a ConfigMap, Secret or PriorityClass not in the bundle, an autoscaler target that does
//!   not exist, a RoleBinding's role or ServiceAccount subject not in the bundle, a
//!   NetworkPolicy port name the selected pods do not declare), with paths prefixed by the object (`Pod/web: spec.priorityClassName`).
//! - **In CI** (`bash scripts/test-all`): every example's YAML is validated by an independent
//!   validator of the Kubernetes OpenAPI schemas and read back by a YAML 1.1 and a YAML 1.2
//!   parser.
//!
//! # Generating manifests in a repository
//!
//! GitOps repositories commit generated manifests for Argo CD or Flux, or apply them with
//! `kubectl apply -k`. [`output`] writes a `Bundle` as one file per object (stable names from
//! kind, namespace and name: the Deployment `web` in namespace `shop-production` is
//! `deployment_shop-production_web.yaml`) plus a `kustomization.yaml` listing them, in YAML or
//! JSON.
//! Writes are all or nothing (temporary files, then a journal of renames), one run at a time,
//! unchanged files are not rewritten, and the generator records the files it wrote, with a
//! hash of each, in `.k8s-dsl-owned`: it removes only its own stale files while they are still
//! what it wrote, never one it did not write. From `build.rs` (the manifests defined in a
//! library crate that is a build-dependency):
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
//! unified diff naming each stale, missing or extra file; in a test,
//! [`output::assert_up_to_date`] does the same. Every example of the repository takes the same
//! options (`--out DIR`, `--check`, `--format json`).
//!
//! # Importing existing YAML
//!
//! `k8s-dsl-import` turns manifests you already have into k8s-dsl code: one builder
//! expression per object (or `pod!`, `job!`, `cronjob!` with `--macros`), formatted with
//! rustfmt, with roles recognised (a restartable init container becomes a sidecar) and nothing
//! dropped (a field without a builder method is reported with its path and kept as JSON). In
//! the repository: `cargo run -p k8s-dsl-import -- k8s-dsl-import/tests/corpus/web-app.yaml`
//! (a multi-document file, or a directory).
//!
//! # To the cluster
//!
//! With the `kube` feature (kube-rs 5, Rust 1.89), `cluster` diffs a bundle against a cluster
//! (server-side dry run; Secret values masked), applies it with server-side apply in apply order
//! (CRDs established first), prunes the objects of the bundle's ownership label that it no
//! longer holds, and waits for rollouts. `k8s-dsl diff|apply DIR --owner NAME` does the same for
//! a directory of manifests (exit codes of `kubectl diff`). Without the feature, nothing of kube
//! or tokio is compiled.
//!
//! # Checking existing YAML
//!
//! `k8s-dsl check PATH...` (the `k8s-dsl-cli` package: `cargo install --path k8s-dsl-cli`)
//! reads YAML or JSON manifests with [`read`] into typed objects, validates each one with
//! [`validate::object`] and all of them together with the bundle's cross-object checks, and
//! prints `file:line: Kind/name: path: message (rule N)` for every problem, like a compiler;
//! `--output json` for machines, exit status 1 on any error. The book chapter *Checking
//! manifests* describes it.
//!
//! # Performance
//!
//! Generating is measured against plain k8s-openapi struct literals written with serde_yaml
//! and serde_json in the same run (the fleet benchmark, `examples/fleet`): memory stays flat
//! when writing to a file, and the figures, with the commands that reproduce them, are in the
//! README and the book chapter *Performance*.
//!
//! # Layout
//!
//! The library (this crate: `rules` shared with the macros, the builders, `validate`, `emit`,
//! `output`), `k8s-dsl-syntax` (the macros' parser, key tables, checks and expansion) and
//! `k8s-dsl-macros` (the procedural macros over it, re-exported here), `examples/` (the
//! reference workloads, one runnable example each), `tests/` (integration and UI tests),
//! `k8s-dsl-import/` (the importer), `k8s-dsl-cli/` (the `k8s-dsl check` command), `book/` (the
//! guide, built with `mdbook build book`, which walks through every pattern and workload and
//! lists every compile-time and run-time error with its fix) and `scripts/` (the test command and the independent validator).

#[doc(hidden)]
pub mod __private;
pub mod account;
pub mod autoscaling;
pub mod bundle;
#[cfg(feature = "kube")]
pub mod cluster;
pub mod config;
pub mod custom;
pub mod emit;
pub mod lint;
pub mod meta;
pub mod namespace;
pub mod network;
pub mod output;
pub mod pod;
pub mod policy;
pub mod pss;
pub mod quota;
pub mod rbac;
pub mod read;
#[doc(inline)]
pub use k8s_dsl_rules as rules;
pub mod service;
pub mod storage;
pub mod validate;
pub mod value;
pub mod workload;

#[doc = include_str!("../docs/cronjob.md")]
pub use k8s_dsl_macros::cronjob;
#[doc = include_str!("../docs/deployment.md")]
pub use k8s_dsl_macros::deployment;
#[doc = include_str!("../docs/job.md")]
pub use k8s_dsl_macros::job;
#[doc = include_str!("../docs/pod.md")]
pub use k8s_dsl_macros::pod;
#[doc = include_str!("../docs/statefulset.md")]
pub use k8s_dsl_macros::statefulset;
pub use validate::{Error, Errors, FieldPath, Warning};
pub use value::{Parsed, PortRef};

/// The names most manifests need: `use k8s_dsl::prelude::*;`.
///
/// ```
/// use k8s_dsl::prelude::*;
///
/// // Builders, rule enums and durations, all from one import.
/// let job = Job::new("report")
///     .restart_policy(JobRestartPolicy::Never)
///     .active_deadline(Duration::minutes(10))
///     .template(
///         Pod::template().container(
///             Container::new("report").image("busybox:1.36").cpu("100m", "1"),
///         ),
///     )
///     .build()?;
/// assert_eq!(job.spec.unwrap().active_deadline_seconds, Some(600));
/// # Ok::<(), k8s_dsl::Errors>(())
/// ```
pub mod prelude {
    pub use crate::account::ServiceAccount;
    pub use crate::autoscaling::{
        HorizontalPodAutoscaler, Metric, MetricTarget, ScaleTarget, ScalingPolicy, ScalingRules,
        SelectPolicy,
    };
    pub use crate::bundle::{Bundle, BundleError, IntoObject, Object, ObjectId};
    pub use crate::config::{ConfigMap, Secret, SecretType};
    pub use crate::custom::{CustomObject, CustomResource};
    pub use crate::namespace::Namespace;
    pub use crate::network::{
        Ingress, IngressBackend, IngressClass, IngressRule, NetworkPolicy, PathType, Peer,
        PolicyPort,
    };
    pub use crate::pod::*;
    pub use crate::policy::{PodDisruptionBudget, PriorityClass, UnhealthyPodEvictionPolicy};
    pub use crate::pss::Profile;
    pub use crate::quota::{LimitRange, Limits, QuotaScope, ResourceQuota};
    pub use crate::rbac::{
        ClusterRole, ClusterRoleBinding, Role, RoleBinding, Rule, Subject, Verb,
    };
    pub use crate::rules::duration::Duration;
    pub use crate::rules::enums::*;
    pub use crate::rules::quantity::Quantity;
    pub use crate::service::{Service, ServicePort};
    pub use crate::storage::{
        PersistentVolume, PersistentVolumeClaim, ReclaimPolicy, StorageClass, VolumeBindingMode,
        VolumeMode,
    };
    pub use crate::value::{Parsed, PortRef};
    pub use crate::workload::*;
    pub use crate::{Error, Errors, FieldPath, Warning};
}
