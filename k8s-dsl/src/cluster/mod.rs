//! To the cluster (feature `kube`): [`diff`], [`apply`] with prune, and [`wait_for_rollouts`],
//! through kube-rs, for a checked [`Bundle`](crate::bundle::Bundle).
//!
//! - [`diff`] sends every object as a server-side apply with `dryRun=All` and compares what the
//!   server would store with what it stores now, as a unified diff (managed fields, `status` and
//!   the fields the server sets on every object left out; Secret values masked). Objects the
//!   cluster does not hold yet are listed as created, objects the apply would prune as pruned.
//! - [`apply`] sends the objects with server-side apply under a field manager, in the bundle's
//!   apply order (namespaces and CustomResourceDefinitions first, each CRD waited for until it
//!   is `Established`), labels each with [`OWNER_LABEL`], and then deletes the objects that carry
//!   that label with the bundle's owner value but that the bundle no longer holds (prune), only
//!   in the namespaces the bundle names. A conflict with another field manager is reported with
//!   the manager that owns the field, or taken over with [`ApplyOptions::force_conflicts`].
//! - [`wait_for_rollouts`] (or [`ApplyOptions::wait`]) waits until the Deployments,
//!   StatefulSets, DaemonSets and Jobs of the bundle have rolled out.
//!
//! [`Typed`] puts any `kube::Resource` (a `#[derive(CustomResource)]` type, kopium's output)
//! into a bundle, and a `CustomResourceDefinition` (`Foo::crd()`) goes in as it is.
//!
//! kube 5 needs Rust 1.89; without the feature, neither kube nor tokio is compiled.
//!
//! ```no_run
//! use k8s_dsl::cluster::{self, ApplyOptions};
//! use k8s_dsl::prelude::*;
//!
//! # async fn run() -> Result<(), Box<dyn std::error::Error>> {
//! let client = kube::Client::try_default().await?; // the kubeconfig, as kubectl reads it
//! let bundle = Bundle::new()
//!     .add(Namespace::new("shop"))
//!     .add(ConfigMap::new("settings").namespace("shop").data("mode", "fast"));
//! let options = ApplyOptions::new("shop");
//! let diff = cluster::diff(&client, &bundle, &options).await?;
//! print!("{diff}");
//! let report = cluster::apply(&client, &bundle, &options.prune(true)).await?;
//! print!("{report}");
//! # Ok(())
//! # }
//! ```

mod apply;
mod diff;
mod error;
mod resolve;
mod resource;
mod wait;

use std::time::Duration;

pub use apply::{apply, Action, ApplyReport};
pub use diff::{diff, Change, Diff};
pub use error::{ClusterError, Conflict};
pub use resource::Typed;
pub use wait::wait_for_rollouts;

/// The label that [`apply`] sets on every object, with [`ApplyOptions::owner`]'s value as its
/// value; prune deletes only objects that carry it with that value.
///
/// ```
/// assert_eq!(k8s_dsl::cluster::OWNER_LABEL, "k8s-dsl.dev/bundle");
/// ```
pub const OWNER_LABEL: &str = "k8s-dsl.dev/bundle";

/// The field manager of [`ApplyOptions::new`].
///
/// ```
/// let options = k8s_dsl::cluster::ApplyOptions::new("shop");
/// assert_eq!(options.field_manager, k8s_dsl::cluster::FIELD_MANAGER);
/// ```
pub const FIELD_MANAGER: &str = "k8s-dsl";

/// How [`diff`] and [`apply`] talk to the cluster.
///
/// ```
/// use std::time::Duration;
/// use k8s_dsl::cluster::ApplyOptions;
///
/// let options = ApplyOptions::new("shop")
///     .field_manager("shop-deploy")
///     .force_conflicts(true)
///     .prune(true)
///     .dry_run(true)
///     .wait(Duration::from_secs(300));
/// assert_eq!(options.owner, "shop");
/// assert_eq!(options.field_manager, "shop-deploy");
/// assert!(options.force_conflicts && options.prune && options.dry_run);
/// assert_eq!(options.wait, Some(Duration::from_secs(300)));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApplyOptions {
    /// The value of [`OWNER_LABEL`] on every object applied: one name per bundle (a valid
    /// label value). Prune deletes objects with this value that the bundle no longer holds.
    pub owner: String,
    /// The field manager of server-side apply ([`FIELD_MANAGER`] unless set).
    pub field_manager: String,
    /// Take over fields that another field manager owns (`--force-conflicts`).
    pub force_conflicts: bool,
    /// Delete the objects with this owner that the bundle no longer holds.
    pub prune: bool,
    /// Send everything with `dryRun=All`: nothing is written; the report says what would be.
    pub dry_run: bool,
    /// After applying, wait this long at most for the rollouts ([`wait_for_rollouts`]).
    pub wait: Option<Duration>,
}

impl ApplyOptions {
    /// Options for the bundle called `owner`: field manager [`FIELD_MANAGER`], no force, no
    /// prune, no dry run, no waiting.
    pub fn new(owner: impl Into<String>) -> Self {
        ApplyOptions {
            owner: owner.into(),
            field_manager: FIELD_MANAGER.to_owned(),
            force_conflicts: false,
            prune: false,
            dry_run: false,
            wait: None,
        }
    }

    /// Sets the field manager.
    pub fn field_manager(mut self, manager: impl Into<String>) -> Self {
        self.field_manager = manager.into();
        self
    }

    /// Takes over conflicting fields (or not).
    pub fn force_conflicts(mut self, force: bool) -> Self {
        self.force_conflicts = force;
        self
    }

    /// Prunes (or not).
    pub fn prune(mut self, prune: bool) -> Self {
        self.prune = prune;
        self
    }

    /// Writes nothing (or does).
    pub fn dry_run(mut self, dry_run: bool) -> Self {
        self.dry_run = dry_run;
        self
    }

    /// Waits for the rollouts, at most `timeout`.
    pub fn wait(mut self, timeout: Duration) -> Self {
        self.wait = Some(timeout);
        self
    }
}
