//! Server-side apply of a bundle, in apply order, and prune.

use std::collections::BTreeSet;
use std::fmt;
use std::time::{Duration, Instant};

use kube::api::{DeleteParams, ListParams, Patch, PatchParams};
use kube::Client;
use serde_json::Value;

use super::diff::value;
use super::error::{from_kube, ClusterError};
use super::resolve::{api_for, cleaned, crd_kinds, Resolver, Resource, Target};
use super::{ApplyOptions, OWNER_LABEL};
use crate::bundle::{Bundle, ObjectId};

/// The kinds prune looks at besides those of the bundle (an object whose kind the bundle no
/// longer holds at all is still found): every built-in kind a bundle can hold.
const PRUNE_KINDS: &[(&str, &str)] = &[
    ("v1", "Namespace"),
    ("v1", "ServiceAccount"),
    ("v1", "ConfigMap"),
    ("v1", "Secret"),
    ("v1", "PersistentVolumeClaim"),
    ("v1", "Service"),
    ("v1", "Pod"),
    ("apps/v1", "Deployment"),
    ("apps/v1", "StatefulSet"),
    ("apps/v1", "DaemonSet"),
    ("batch/v1", "Job"),
    ("batch/v1", "CronJob"),
    ("policy/v1", "PodDisruptionBudget"),
    ("autoscaling/v2", "HorizontalPodAutoscaler"),
    ("rbac.authorization.k8s.io/v1", "Role"),
    ("rbac.authorization.k8s.io/v1", "ClusterRole"),
    ("rbac.authorization.k8s.io/v1", "RoleBinding"),
    ("rbac.authorization.k8s.io/v1", "ClusterRoleBinding"),
    ("networking.k8s.io/v1", "NetworkPolicy"),
    ("scheduling.k8s.io/v1", "PriorityClass"),
    ("apiextensions.k8s.io/v1", "CustomResourceDefinition"),
];

/// How long [`apply`] waits for a CRD to become `Established` when no wait is set.
const CRD_TIMEOUT: Duration = Duration::from_secs(60);

/// What [`apply`] did to one object.
///
/// ```
/// use k8s_dsl::cluster::Action;
///
/// assert_eq!(Action::Unchanged.to_string(), "unchanged");
/// assert_eq!(Action::Pruned.to_string(), "pruned");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// Created (the cluster held no such object).
    Created,
    /// Changed.
    Configured,
    /// Nothing to change: the server wrote nothing (its `resourceVersion` is the same).
    Unchanged,
    /// Deleted by prune.
    Pruned,
}

impl fmt::Display for Action {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Action::Created => "created",
            Action::Configured => "configured",
            Action::Unchanged => "unchanged",
            Action::Pruned => "pruned",
        })
    }
}

/// The result of [`apply`]: each object with what was done, in the order it was done. Displays
/// one line per object, as `kubectl apply` does (`configmap/settings created`), with
/// `(dry run)` after each line of a dry run.
///
/// ```
/// use k8s_dsl::cluster::{Action, ApplyReport};
/// use k8s_dsl::prelude::*;
///
/// let id = ObjectId { kind: "ConfigMap".into(), namespace: Some("shop".into()), name: "a".into() };
/// let report = ApplyReport { objects: vec![(id, Action::Created)], dry_run: false };
/// assert_eq!(report.to_string(), "ConfigMap/shop/a created\n");
/// assert!(report.changed());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ApplyReport {
    /// Each object and what was done to it (or, in a dry run, would be).
    pub objects: Vec<(ObjectId, Action)>,
    /// Whether it was a dry run.
    pub dry_run: bool,
}

impl ApplyReport {
    /// Whether anything was (or would be) created, changed or pruned.
    pub fn changed(&self) -> bool {
        self.objects.iter().any(|(_, a)| *a != Action::Unchanged)
    }
}

impl fmt::Display for ApplyReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let suffix = if self.dry_run { " (dry run)" } else { "" };
        for (id, action) in &self.objects {
            writeln!(f, "{id} {action}{suffix}")?;
        }
        Ok(())
    }
}

/// Server-side apply of every object of the bundle under [`ApplyOptions::field_manager`], in
/// apply order, each labelled [`OWNER_LABEL`]`=`[`ApplyOptions::owner`]; a
/// CustomResourceDefinition is waited for until it is `Established` before the objects after
/// it. A conflict with another field manager stops the apply with
/// [`ClusterError::Conflict`] (unless [`ApplyOptions::force_conflicts`]). Then, with
/// [`ApplyOptions::prune`], deletes the objects labelled with this owner that the bundle no
/// longer holds, in the namespaces the bundle names (and cluster-scoped ones), never any other;
/// with [`ApplyOptions::wait`], waits for the rollouts.
///
/// ```no_run
/// use k8s_dsl::cluster::{self, ApplyOptions};
/// use k8s_dsl::prelude::*;
///
/// # async fn run(client: kube::Client) -> Result<(), k8s_dsl::cluster::ClusterError> {
/// let bundle = Bundle::new().add(ConfigMap::new("settings").namespace("shop").data("mode", "fast"));
/// let dry = cluster::apply(&client, &bundle, &ApplyOptions::new("shop").prune(true).dry_run(true)).await?;
/// print!("{dry}"); // what prune would delete, first
/// let report = cluster::apply(&client, &bundle, &ApplyOptions::new("shop").prune(true)).await?;
/// print!("{report}");
/// # Ok(())
/// # }
/// ```
pub async fn apply(
    client: &Client,
    bundle: &Bundle,
    options: &ApplyOptions,
) -> Result<ApplyReport, ClusterError> {
    bundle.check().map_err(ClusterError::Invalid)?;
    let mut resolver = Resolver::new(client);
    let crds = crd_kinds(bundle);
    let mut report = ApplyReport {
        objects: Vec::new(),
        dry_run: options.dry_run,
    };
    let mut targets = Vec::new();
    for object in bundle.objects() {
        let mut target = resolver.target(object, options, &crds).await?;
        if target.resource.is_none() && !options.dry_run {
            // Its CRD was applied just before: discovery serves it now.
            resolver.forget_unknown();
            target = resolver.target(object, options, &crds).await?;
        }
        let action = apply_one(client, &target, options).await?;
        if target.is_crd && !options.dry_run {
            established(client, &target, options.wait.unwrap_or(CRD_TIMEOUT)).await?;
        }
        report.objects.push((target.id.clone(), action));
        targets.push(target);
    }
    if options.prune {
        for (id, _, resource) in prune_candidates(client, &mut resolver, &targets, options).await? {
            delete(client, &resource, &id, options).await?;
            report.objects.push((id, Action::Pruned));
        }
    }
    if let (Some(timeout), false) = (options.wait, options.dry_run) {
        super::wait::wait_targets(client, &targets, timeout).await?;
    }
    Ok(report)
}

/// Applies one object.
async fn apply_one(
    client: &Client,
    target: &Target,
    options: &ApplyOptions,
) -> Result<Action, ClusterError> {
    let id = &target.id;
    let Some(api) = target.api(client) else {
        // Only in a dry run: its CRD is not in the cluster yet.
        return Ok(Action::Created);
    };
    let live = api.get_opt(&id.name).await.map_err(|e| from_kube(id, e))?;
    let mut params = PatchParams::apply(&options.field_manager);
    params.force = options.force_conflicts;
    params.dry_run = options.dry_run;
    let result = match api
        .patch(&id.name, &params, &Patch::Apply(&target.body))
        .await
    {
        Ok(result) => result,
        // A dry run into a namespace that the bundle creates first.
        Err(kube::Error::Api(status))
            if options.dry_run && status.code == 404 && live.is_none() =>
        {
            return Ok(Action::Created)
        }
        Err(e) => return Err(from_kube(id, e)),
    };
    let Some(live) = live else {
        return Ok(Action::Created);
    };
    // A dry run leaves the resourceVersion as it is: compare the objects instead.
    let same = if options.dry_run {
        cleaned(value(id, &live)?) == cleaned(value(id, &result)?)
    } else {
        live.metadata.resource_version == result.metadata.resource_version
    };
    Ok(if same {
        Action::Unchanged
    } else {
        Action::Configured
    })
}

/// Waits until the CRD `target` is `Established`.
async fn established(
    client: &Client,
    target: &Target,
    timeout: Duration,
) -> Result<(), ClusterError> {
    let Some(api) = target.api(client) else {
        return Ok(());
    };
    let start = Instant::now();
    loop {
        let crd = api
            .get(&target.id.name)
            .await
            .map_err(|e| from_kube(&target.id, e))?;
        let crd = value(&target.id, &crd)?;
        let conditions = crd
            .pointer("/status/conditions")
            .and_then(Value::as_array)
            .cloned()
            .unwrap_or_default();
        let done = conditions.iter().any(|c| {
            c.get("type").and_then(Value::as_str) == Some("Established")
                && c.get("status").and_then(Value::as_str) == Some("True")
        });
        if done {
            return Ok(());
        }
        if start.elapsed() > timeout {
            return Err(ClusterError::Timeout {
                pending: vec![(target.id.clone(), "condition Established".into())],
            });
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
}

/// The objects labelled with this owner that the bundle does not hold, with their live JSON:
/// namespaced ones only in the namespaces the bundle names (those of its objects and its
/// Namespace objects).
pub(super) async fn prune_candidates(
    client: &Client,
    resolver: &mut Resolver,
    targets: &[Target],
    options: &ApplyOptions,
) -> Result<Vec<(ObjectId, Value, Resource)>, ClusterError> {
    let held: BTreeSet<&ObjectId> = targets.iter().map(|t| &t.id).collect();
    let mut namespaces: BTreeSet<String> = BTreeSet::new();
    for target in targets {
        if let Some(namespace) = &target.id.namespace {
            namespaces.insert(namespace.clone());
        }
        if target.id.kind == "Namespace" {
            namespaces.insert(target.id.name.clone());
        }
    }
    let mut kinds: Vec<(String, String)> = PRUNE_KINDS
        .iter()
        .map(|(v, k)| ((*v).to_owned(), (*k).to_owned()))
        .collect();
    for target in targets {
        let api_version = target
            .body
            .get("apiVersion")
            .and_then(Value::as_str)
            .unwrap_or_default();
        let kind = (api_version.to_owned(), target.id.kind.clone());
        if !kinds.contains(&kind) {
            kinds.push(kind);
        }
    }
    let selector = format!("{OWNER_LABEL}={}", options.owner);
    let mut out = Vec::new();
    for (api_version, kind) in kinds {
        let probe = ObjectId {
            kind: kind.clone(),
            namespace: None,
            name: String::new(),
        };
        let Some(resource) = resolver.resource(&probe, &api_version, &kind).await? else {
            continue;
        };
        let scopes: Vec<Option<&str>> = if resource.namespaced {
            namespaces.iter().map(|n| Some(n.as_str())).collect()
        } else {
            vec![None]
        };
        for namespace in scopes {
            let api = api_for(client, &resource, namespace);
            let list = api
                .list(&ListParams::default().labels(&selector))
                .await
                .map_err(|e| from_kube(&probe, e))?;
            for item in list.items {
                let owned = item
                    .metadata
                    .labels
                    .as_ref()
                    .and_then(|l| l.get(OWNER_LABEL))
                    == Some(&options.owner);
                let id = ObjectId {
                    kind: kind.clone(),
                    namespace: namespace.map(str::to_owned),
                    name: item.metadata.name.clone().unwrap_or_default(),
                };
                if owned && !held.contains(&id) && item.metadata.deletion_timestamp.is_none() {
                    let mut live = value(&id, &item)?;
                    // The items of a list come without their apiVersion and kind: set them, so
                    // a Secret is known as one (and masked).
                    if let Some(map) = live.as_object_mut() {
                        map.insert("apiVersion".into(), resource.api.api_version.clone().into());
                        map.insert("kind".into(), resource.api.kind.clone().into());
                    }
                    out.push((id, live, resource.clone()));
                }
            }
        }
    }
    Ok(out)
}

/// Deletes a pruned object (or, in a dry run, sends the delete with `dryRun=All`).
async fn delete(
    client: &Client,
    resource: &Resource,
    id: &ObjectId,
    options: &ApplyOptions,
) -> Result<(), ClusterError> {
    let api = api_for(client, resource, id.namespace.as_deref());
    let params = DeleteParams {
        dry_run: options.dry_run,
        ..DeleteParams::background()
    };
    match api.delete(&id.name, &params).await {
        Ok(_) => Ok(()),
        Err(kube::Error::Api(status)) if status.code == 404 => Ok(()),
        Err(e) => Err(from_kube(id, e)),
    }
}
