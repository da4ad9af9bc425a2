//! Tests of k8s-dsl against a real kube-apiserver 1.37.2 and etcd, built from their Go modules
//! (`conformance/go.mod`) and started by `scripts/apiserver` on 127.0.0.1.
//!
//! - [`server`]: the connection (kube-rs, from the `KUBECONFIG` the script writes), discovery
//!   of every built-in kind, namespaces, and server-side dry run (`dryRun=All`,
//!   `fieldValidation=Strict`) of any object, with the server's verdict, the field paths of its
//!   causes and its warnings.
//! - [`cases`]: valid objects and their mutations at each rule's boundary (RULES.md), for the
//!   differential tests against `k8s-dsl check`.
//! - [`documents`]: every document of every YAML or JSON file in a directory.
//!
//! The programs (`src/bin`) need the server: `bash scripts/apiserver run target/debug/dry-run
//! DIR...`, or `scripts/test-all`, which starts it once for all of them.

pub mod cases;
pub mod documents;
pub mod server;

/// The error of these programs: a message for the person who runs them.
pub type Error = Box<dyn std::error::Error + Send + Sync>;

/// The Kubernetes release of the server (`conformance/go.mod`).
pub const SERVER_VERSION: &str = "1.37.2";
