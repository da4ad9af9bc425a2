//! Workloads: the objects that run pods from a template.
//!
//! - [`Job`]: pods that run to completion (rules 3, 5, 53-60).
//! - [`CronJob`]: a Job on a schedule (rules 3, 4, 60-64).
//! - [`Deployment`], [`StatefulSet`], [`DaemonSet`]: pods that keep running (rule 65).
//!
//! Every workload takes its pod template from the pod builder (`Pod::template()`), so the
//! template gets every pod check, with paths under `spec.template` (or
//! `spec.jobTemplate.spec.template` in a CronJob). The selector of a Deployment, StatefulSet
//! or DaemonSet is derived from the template labels unless given; a given selector must match
//! them.
//!
//! ```
//! use k8s_dsl::prelude::*;
//!
//! let job = Job::new("math-add-job")
//!     .completions(3)
//!     .parallelism(3)
//!     .restart_policy(JobRestartPolicy::Never)
//!     .template(
//!         Pod::template().container(
//!             Container::new("math-add").image("ubuntu").command(["expr", "3", "+", "2"]),
//!         ),
//!     )
//!     .build()?;
//! assert_eq!(job.metadata.name.as_deref(), Some("math-add-job"));
//! # Ok::<(), k8s_dsl::Errors>(())
//! ```

mod apps;
mod common;
mod cronjob;
mod daemonset;
mod deployment;
mod int_or_percent;
mod job;
mod replicaset;
mod selector;
mod statefulset;

#[cfg(test)]
#[allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]
mod tests;

pub(crate) use common::{meta_methods, seconds, SpecRef};
pub use cronjob::CronJob;
pub use daemonset::{DaemonSet, DaemonSetStrategy};
pub use deployment::{Deployment, DeploymentStrategy, RollingUpdate};
pub use int_or_percent::IntOrPercent;
pub use job::{Job, PodFailureRule, PodReplacementPolicy, SuccessRule};
pub use replicaset::ReplicaSet;
pub(crate) use selector::{describe_labels, describe_selector};
pub use selector::{label_selector_matches, Selector, SelectorOperator};
pub use statefulset::{StatefulSet, StatefulSetStrategy, VolumeClaimTemplate};
