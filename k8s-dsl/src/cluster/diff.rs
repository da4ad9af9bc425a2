//! What an apply would change: per object a server-side dry-run apply, compared with the live
//! object as a unified diff.

use std::fmt;

use kube::api::{DynamicObject, Patch, PatchParams};
use kube::Client;
use serde_json::Value;

use super::apply::prune_candidates;
use super::error::{from_kube, ClusterError};
use super::resolve::{cleaned, Resolver, Target};
use super::ApplyOptions;
use crate::bundle::{Bundle, ObjectId};
use crate::output::diff::unified;
use crate::output::mask::mask_secrets;

/// What an apply would do to one object.
///
/// ```
/// use k8s_dsl::cluster::Change;
/// use k8s_dsl::prelude::*;
///
/// let id = ObjectId { kind: "ConfigMap".into(), namespace: Some("shop".into()), name: "old".into() };
/// let change = Change::Prune { id: id.clone(), diff: String::new() };
/// assert_eq!(change.id(), &id);
/// assert_eq!(change.verb(), "prune");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change {
    /// Not in the cluster yet: the diff adds every line.
    Create {
        /// The object.
        id: ObjectId,
        /// The unified diff (from nothing).
        diff: String,
    },
    /// In the cluster, and the apply would change it.
    Update {
        /// The object.
        id: ObjectId,
        /// The unified diff from the live object.
        diff: String,
    },
    /// In the cluster as the bundle has it.
    Unchanged {
        /// The object.
        id: ObjectId,
    },
    /// Carries the bundle's ownership label, but the bundle no longer holds it: prune would
    /// delete it.
    Prune {
        /// The object.
        id: ObjectId,
        /// The unified diff to nothing.
        diff: String,
    },
}

impl Change {
    /// The object.
    pub fn id(&self) -> &ObjectId {
        match self {
            Change::Create { id, .. }
            | Change::Update { id, .. }
            | Change::Unchanged { id }
            | Change::Prune { id, .. } => id,
        }
    }

    /// `create`, `update`, `unchanged` or `prune`.
    pub fn verb(&self) -> &'static str {
        match self {
            Change::Create { .. } => "create",
            Change::Update { .. } => "update",
            Change::Unchanged { .. } => "unchanged",
            Change::Prune { .. } => "prune",
        }
    }

    /// The unified diff (empty when unchanged).
    pub fn diff(&self) -> &str {
        match self {
            Change::Create { diff, .. }
            | Change::Update { diff, .. }
            | Change::Prune { diff, .. } => diff,
            Change::Unchanged { .. } => "",
        }
    }
}

/// The result of [`diff`]: one [`Change`] per object, in apply order, then the objects prune
/// would delete. Displays as the unified diffs, one after the other.
///
/// ```
/// use k8s_dsl::cluster::{Change, Diff};
/// use k8s_dsl::prelude::*;
///
/// let id = ObjectId { kind: "ConfigMap".into(), namespace: None, name: "a".into() };
/// let diff = Diff { changes: vec![Change::Unchanged { id }] };
/// assert!(!diff.has_changes());
/// assert_eq!(diff.to_string(), "");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Diff {
    /// Each object's change.
    pub changes: Vec<Change>,
}

impl Diff {
    /// Whether any object would be created, changed or pruned.
    pub fn has_changes(&self) -> bool {
        self.changes
            .iter()
            .any(|c| !matches!(c, Change::Unchanged { .. }))
    }
}

impl fmt::Display for Diff {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for change in &self.changes {
            f.write_str(change.diff())?;
        }
        Ok(())
    }
}

/// What [`apply`](super::apply) with these options would change: for each object of the
/// bundle a server-side apply with `dryRun=All`, compared with the live object (both without
/// `metadata.managedFields`, `status`, `resourceVersion`, `uid`, `creationTimestamp` and
/// `generation`); with [`ApplyOptions::prune`], the objects prune would delete. Secret values
/// are masked in every diff. An object whose namespace or CRD the bundle creates first is
/// shown as the bundle has it (the server cannot dry-run it yet).
///
/// ```no_run
/// use k8s_dsl::cluster::{self, ApplyOptions};
/// use k8s_dsl::prelude::*;
///
/// # async fn run(client: kube::Client) -> Result<(), k8s_dsl::cluster::ClusterError> {
/// let bundle = Bundle::new().add(ConfigMap::new("settings").namespace("shop").data("mode", "fast"));
/// let diff = cluster::diff(&client, &bundle, &ApplyOptions::new("shop").prune(true)).await?;
/// for change in &diff.changes {
///     println!("{} {}", change.verb(), change.id());
/// }
/// print!("{diff}");
/// # Ok(())
/// # }
/// ```
pub async fn diff(
    client: &Client,
    bundle: &Bundle,
    options: &ApplyOptions,
) -> Result<Diff, ClusterError> {
    bundle.check().map_err(ClusterError::Invalid)?;
    let mut resolver = Resolver::new(client);
    let targets = resolver.targets(bundle, options).await?;
    let mut changes = Vec::new();
    for target in &targets {
        changes.push(change(client, target, options).await?);
    }
    if options.prune {
        for (id, live, _) in prune_candidates(client, &mut resolver, &targets, options).await? {
            let old = text(&id, &cleaned(live))?;
            let diff = masked_diff(&old, "", &format!("live/{id}"), "/dev/null");
            changes.push(Change::Prune { id, diff });
        }
    }
    Ok(Diff { changes })
}

/// The change of one object.
async fn change(
    client: &Client,
    target: &Target,
    options: &ApplyOptions,
) -> Result<Change, ClusterError> {
    let id = &target.id;
    let Some(api) = target.api(client) else {
        return created(id, &target.body);
    };
    let live = api.get_opt(&id.name).await.map_err(|e| from_kube(id, e))?;
    let mut params = PatchParams::apply(&options.field_manager).dry_run();
    params.force = options.force_conflicts;
    let result = match api
        .patch(&id.name, &params, &Patch::Apply(&target.body))
        .await
    {
        Ok(result) => result,
        // The namespace does not exist yet (the bundle creates it first).
        Err(kube::Error::Api(status)) if status.code == 404 && live.is_none() => {
            return created(id, &target.body);
        }
        Err(e) => return Err(from_kube(id, e)),
    };
    let new = text(id, &cleaned(value(id, &result)?))?;
    match live {
        None => Ok(Change::Create {
            id: id.clone(),
            diff: masked_diff("", &new, "/dev/null", &format!("bundle/{id}")),
        }),
        Some(live) => {
            let old = text(id, &cleaned(value(id, &live)?))?;
            if old == new {
                Ok(Change::Unchanged { id: id.clone() })
            } else {
                Ok(Change::Update {
                    id: id.clone(),
                    diff: masked_diff(&old, &new, &format!("live/{id}"), &format!("bundle/{id}")),
                })
            }
        }
    }
}

/// An object the server cannot dry-run yet, as the bundle has it.
fn created(id: &ObjectId, body: &Value) -> Result<Change, ClusterError> {
    let new = text(id, body)?;
    Ok(Change::Create {
        id: id.clone(),
        diff: masked_diff("", &new, "/dev/null", &format!("bundle/{id}")),
    })
}

/// A server's object as JSON.
pub(super) fn value(id: &ObjectId, object: &DynamicObject) -> Result<Value, ClusterError> {
    serde_json::to_value(object).map_err(|e| ClusterError::Encode {
        id: id.clone(),
        message: e.to_string(),
    })
}

/// The YAML text of an object, as the emitter writes it.
fn text(id: &ObjectId, value: &Value) -> Result<String, ClusterError> {
    crate::emit::to_yaml(value).map_err(|e| ClusterError::Encode {
        id: id.clone(),
        message: e.to_string(),
    })
}

/// The unified diff of two texts with Secret values masked on both sides.
fn masked_diff(old: &str, new: &str, old_name: &str, new_name: &str) -> String {
    unified(&mask_secrets(old), &mask_secrets(new), old_name, new_name)
}
