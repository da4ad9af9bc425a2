//! Bundle-wide settings: one namespace, common labels and annotations, a name prefix and
//! suffix, and the content-hash suffix of generated ConfigMaps and Secrets, applied to every
//! object and to every field that refers to a renamed or relabelled object, as kustomize's
//! `namespace`, `commonLabels`, `commonAnnotations`, `namePrefix`, `nameSuffix` and name
//! reference transformers do.
//!
//! The objects are rewritten as JSON (the same walk for built-in kinds and custom objects),
//! then read back into their typed kind and validated again, so a prefix that makes a name too
//! long is an error like any other.

use std::collections::{BTreeMap, BTreeSet};

use serde_json::{Map, Value};

use super::{Entry, IntoObject, Object, ObjectId};
use crate::rules::shown;
use crate::validate::{Error, Errors, FieldPath};

/// What [`Bundle::namespace`](super::Bundle::namespace) and the other settings set.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Settings {
    pub namespace: Option<String>,
    pub labels: BTreeMap<String, String>,
    pub annotations: BTreeMap<String, String>,
    pub prefix: String,
    pub suffix: String,
    /// Generated objects (by their id as added) whose name ends in their content hash.
    pub hashed: BTreeSet<ObjectId>,
}

impl Settings {
    /// Nothing to apply.
    pub fn is_empty(&self) -> bool {
        *self == Settings::default()
    }
}

/// Kinds without a namespace: the bundle's namespace is not set on them.
const CLUSTER_SCOPED: [&str; 17] = [
    "Namespace",
    "Node",
    "PersistentVolume",
    "PriorityClass",
    "StorageClass",
    "ClusterRole",
    "ClusterRoleBinding",
    "CustomResourceDefinition",
    "APIService",
    "IngressClass",
    "RuntimeClass",
    "CSIDriver",
    "CSINode",
    "VolumeAttachment",
    "ValidatingWebhookConfiguration",
    "MutatingWebhookConfiguration",
    "ValidatingAdmissionPolicy",
];

/// Whether objects of `kind` live outside namespaces.
pub(crate) fn is_cluster_scoped(kind: &str) -> bool {
    CLUSTER_SCOPED.contains(&kind)
}

/// Kinds whose name the prefix and suffix leave alone (as kustomize does): a Namespace is
/// named by the bundle's namespace setting, a CRD's name is fixed by its group and plural.
fn keeps_its_name(kind: &str) -> bool {
    matches!(kind, "Namespace" | "CustomResourceDefinition")
}

/// How far a walk to a map may create what is missing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Create {
    /// Every missing map on the way.
    Always,
    /// Only the last one: its parent must exist (a PDB's `selector`).
    IfParent,
    /// Nothing: only an existing map is changed (a Service's `selector`: a Service without
    /// one keeps its hand-managed endpoints).
    IfExists,
}

/// The path from an object to the pod spec it runs, by kind.
fn pod_spec(kind: &str) -> Option<&'static [&'static str]> {
    match kind {
        "Pod" => Some(&["spec"]),
        "Deployment" | "StatefulSet" | "DaemonSet" | "ReplicaSet" | "Job" => {
            Some(&["spec", "template", "spec"])
        }
        "CronJob" => Some(&["spec", "jobTemplate", "spec", "template", "spec"]),
        _ => None,
    }
}

/// The maps common labels go into, by kind (`metadata.labels` of every object comes first).
fn label_targets(kind: &str) -> Vec<(&'static [&'static str], Create)> {
    use Create::*;
    let mut targets: Vec<(&'static [&'static str], Create)> =
        vec![(&["metadata", "labels"], Always)];
    match kind {
        "Service" => targets.push((&["spec", "selector"], IfExists)),
        "Deployment" | "StatefulSet" | "DaemonSet" | "ReplicaSet" => {
            targets.push((&["spec", "selector", "matchLabels"], Always));
            targets.push((&["spec", "template", "metadata", "labels"], Always));
            if kind == "StatefulSet" {
                targets.push((
                    &["spec", "volumeClaimTemplates", "*", "metadata", "labels"],
                    Always,
                ));
            }
        }
        "Job" => targets.push((&["spec", "template", "metadata", "labels"], Always)),
        "CronJob" => {
            targets.push((&["spec", "jobTemplate", "metadata", "labels"], Always));
            targets.push((
                &[
                    "spec",
                    "jobTemplate",
                    "spec",
                    "template",
                    "metadata",
                    "labels",
                ],
                Always,
            ));
        }
        "PodDisruptionBudget" => targets.push((&["spec", "selector", "matchLabels"], IfParent)),
        "NetworkPolicy" => {
            targets.push((&["spec", "podSelector", "matchLabels"], IfExists));
            targets.push((
                &[
                    "spec",
                    "ingress",
                    "*",
                    "from",
                    "*",
                    "podSelector",
                    "matchLabels",
                ],
                IfExists,
            ));
            targets.push((
                &[
                    "spec",
                    "egress",
                    "*",
                    "to",
                    "*",
                    "podSelector",
                    "matchLabels",
                ],
                IfExists,
            ));
        }
        _ => {}
    }
    targets
}

/// The maps common annotations go into: the object's, and its pod template's.
fn annotation_targets(kind: &str) -> Vec<&'static [&'static str]> {
    let mut targets: Vec<&'static [&'static str]> = vec![&["metadata", "annotations"]];
    match kind {
        "Deployment" | "StatefulSet" | "DaemonSet" | "ReplicaSet" | "Job" => {
            targets.push(&["spec", "template", "metadata", "annotations"]);
        }
        "CronJob" => {
            targets.push(&["spec", "jobTemplate", "metadata", "annotations"]);
            targets.push(&[
                "spec",
                "jobTemplate",
                "spec",
                "template",
                "metadata",
                "annotations",
            ]);
        }
        _ => {}
    }
    targets
}

/// Name references inside a pod spec: (path, kind referred to).
const POD_REFERENCES: [(&[&str], &str); 9] = [
    (&["volumes", "*", "configMap", "name"], "ConfigMap"),
    (&["volumes", "*", "secret", "secretName"], "Secret"),
    (
        &["volumes", "*", "persistentVolumeClaim", "claimName"],
        "PersistentVolumeClaim",
    ),
    (
        &[
            "volumes",
            "*",
            "projected",
            "sources",
            "*",
            "configMap",
            "name",
        ],
        "ConfigMap",
    ),
    (
        &[
            "volumes",
            "*",
            "projected",
            "sources",
            "*",
            "secret",
            "name",
        ],
        "Secret",
    ),
    (&["imagePullSecrets", "*", "name"], "Secret"),
    (&["serviceAccountName"], "ServiceAccount"),
    (&["serviceAccount"], "ServiceAccount"),
    (&["priorityClassName"], "PriorityClass"),
];

/// Name references inside each container (of `containers`, `initContainers` and
/// `ephemeralContainers`).
const CONTAINER_REFERENCES: [(&[&str], &str); 4] = [
    (
        &["env", "*", "valueFrom", "configMapKeyRef", "name"],
        "ConfigMap",
    ),
    (&["env", "*", "valueFrom", "secretKeyRef", "name"], "Secret"),
    (&["envFrom", "*", "configMapRef", "name"], "ConfigMap"),
    (&["envFrom", "*", "secretRef", "name"], "Secret"),
];

/// Name references of other kinds: (kind, path, kind referred to).
const OBJECT_REFERENCES: [(&str, &[&str], &str); 7] = [
    ("StatefulSet", &["spec", "serviceName"], "Service"),
    ("ServiceAccount", &["secrets", "*", "name"], "Secret"),
    (
        "ServiceAccount",
        &["imagePullSecrets", "*", "name"],
        "Secret",
    ),
    (
        "Ingress",
        &["spec", "defaultBackend", "service", "name"],
        "Service",
    ),
    (
        "Ingress",
        &[
            "spec", "rules", "*", "http", "paths", "*", "backend", "service", "name",
        ],
        "Service",
    ),
    ("Ingress", &["spec", "tls", "*", "secretName"], "Secret"),
    ("Ingress", &["spec", "ingressClassName"], "IngressClass"),
];

/// Where each object of the bundle ends up: by (kind, namespace, name) as added; and the
/// bundle's namespace.
struct Renames(BTreeMap<ObjectId, (Option<String>, String)>, Option<String>);

impl Renames {
    /// The new namespace and name of the `kind` object `name`, referred to from an object in
    /// `namespace` (a cluster-scoped kind is looked up without one).
    fn find(
        &self,
        kind: &str,
        namespace: Option<&str>,
        name: &str,
    ) -> Option<&(Option<String>, String)> {
        let namespace = match is_cluster_scoped(kind) {
            true => None,
            false => namespace.map(str::to_owned),
        };
        let mut id = ObjectId {
            kind: kind.to_owned(),
            namespace,
            name: name.to_owned(),
        };
        if let found @ Some(_) = self.0.get(&id) {
            return found;
        }
        // A reference in the bundle's namespace, to an object that leaves it to the bundle.
        if id.namespace.is_some() && id.namespace == self.1 {
            id.namespace = None;
            return self.0.get(&id);
        }
        None
    }
}

/// The entries with the settings applied: renamed, moved, relabelled, references followed,
/// each validated again. Entries that failed to build are kept as they are.
pub(crate) fn apply(entries: &[Entry], settings: &Settings) -> Vec<Entry> {
    let values: Vec<Option<Value>> = entries
        .iter()
        .map(|entry| {
            let object = entry.result.as_ref().ok()?;
            serde_json::to_value(object).ok()
        })
        .collect();
    let mut renames = Renames(BTreeMap::new(), settings.namespace.clone());
    for (entry, value) in entries.iter().zip(&values) {
        if let (Ok(object), Some(value)) = (&entry.result, value) {
            let id = object.id();
            let target = target(&id, value, settings);
            renames.0.insert(id, target);
        }
    }
    entries
        .iter()
        .zip(values)
        .map(|(entry, value)| match (&entry.result, value) {
            (Ok(object), Some(value)) => rewrite(entry, object, value, settings, &renames),
            _ => entry.clone(),
        })
        .collect()
}

/// The namespace and name `id` gets.
fn target(id: &ObjectId, value: &Value, settings: &Settings) -> (Option<String>, String) {
    let namespace = match (&settings.namespace, is_cluster_scoped(&id.kind)) {
        (Some(namespace), false) if id.namespace.is_none() => Some(namespace.clone()),
        _ => id.namespace.clone(),
    };
    let mut name = match keeps_its_name(&id.kind) {
        true => id.name.clone(),
        false => format!("{}{}{}", settings.prefix, id.name, settings.suffix),
    };
    if settings.hashed.contains(id) {
        name = format!("{name}-{}", super::generate::content_hash(&id.kind, value));
    }
    (namespace, name)
}

/// One object with the settings applied, validated again.
fn rewrite(
    entry: &Entry,
    object: &Object,
    mut value: Value,
    settings: &Settings,
    renames: &Renames,
) -> Entry {
    let id = object.id();
    let mut errors: Vec<Error> = Vec::new();
    let metadata = FieldPath::root().field("metadata");
    let (namespace, name) = renames
        .find(&id.kind, id.namespace.as_deref(), &id.name)
        .cloned()
        .unwrap_or((id.namespace.clone(), id.name.clone()));
    if let (Some(wanted), Some(own), false) = (
        &settings.namespace,
        &id.namespace,
        is_cluster_scoped(&id.kind),
    ) {
        if wanted != own {
            errors.push(Error {
                path: metadata.field("namespace"),
                rule: 0,
                message: format!(
                    "is {}, but the bundle puts every object in {}",
                    shown(own),
                    shown(wanted)
                ),
                fix: "leave the namespace unset on the object, or put it in a bundle of its own"
                    .to_owned(),
            });
        }
    }
    if let Value::Object(map) = &mut value {
        let meta = map
            .entry("metadata")
            .or_insert_with(|| Value::Object(Map::new()));
        if let Value::Object(meta) = meta {
            meta.insert("name".to_owned(), Value::String(name.clone()));
            if let Some(namespace) = &namespace {
                meta.insert("namespace".to_owned(), Value::String(namespace.clone()));
            }
        }
    }
    for (path, create) in label_targets(&id.kind)
        .into_iter()
        .filter(|_| !settings.labels.is_empty())
    {
        walk(
            &mut value,
            path,
            &FieldPath::root(),
            create,
            &mut |at, map| {
                merge(map, at, &settings.labels, "label", &mut errors);
            },
        );
    }
    for path in annotation_targets(&id.kind)
        .into_iter()
        .filter(|_| !settings.annotations.is_empty())
    {
        walk(
            &mut value,
            path,
            &FieldPath::root(),
            Create::Always,
            &mut |at, map| {
                merge(map, at, &settings.annotations, "annotation", &mut errors);
            },
        );
    }
    follow_references(&mut value, &id, renames);

    let new_id = ObjectId {
        kind: id.kind.clone(),
        namespace: if errors.iter().any(|e| e.path == metadata.field("namespace")) {
            id.namespace.clone()
        } else {
            namespace
        },
        name,
    };
    let checked = match crate::read::object_from_value(&value) {
        Ok((object, _)) => object.into_object(),
        Err(error) => Err(Errors {
            errors: vec![Error {
                path: FieldPath::root(),
                rule: 0,
                message: format!("cannot be read back after the bundle's settings: {error:?}"),
                fix: "report this as a bug of k8s-dsl".to_owned(),
            }],
            warnings: Vec::new(),
        }),
    };
    let result = match checked {
        Ok((object, _)) if errors.is_empty() => Ok(object),
        Ok(_) => Err(Errors {
            errors,
            warnings: entry.warnings.clone(),
        }),
        Err(mut found) => {
            errors.append(&mut found.errors);
            Err(Errors {
                errors,
                warnings: entry.warnings.clone(),
            })
        }
    };
    Entry {
        id: new_id,
        result,
        warnings: entry.warnings.clone(),
    }
}

/// Adds `wanted` to the map at `path`; a key already set to another value is an error there.
fn merge(
    map: &mut Value,
    path: &FieldPath,
    wanted: &BTreeMap<String, String>,
    what: &str,
    errors: &mut Vec<Error>,
) {
    let Value::Object(map) = map else {
        return;
    };
    for (key, value) in wanted {
        match map.get(key) {
            Some(Value::String(own)) if own != value => errors.push(Error {
                path: path.key(key),
                rule: 0,
                message: format!(
                    "is {}, but the bundle's common {what} sets it to {}",
                    shown(own),
                    shown(value)
                ),
                fix: format!(
                    "drop the {what} from the object, or from the bundle's common {what}s"
                ),
            }),
            Some(Value::String(_)) => {}
            _ => {
                map.insert(key.clone(), Value::String(value.clone()));
            }
        }
    }
}

/// Calls `visit` on the value at `segments` (`*`: every item of an array), with its path,
/// creating missing maps as `create` allows.
fn walk(
    value: &mut Value,
    segments: &[&str],
    path: &FieldPath,
    create: Create,
    visit: &mut dyn FnMut(&FieldPath, &mut Value),
) {
    let Some((first, rest)) = segments.split_first() else {
        visit(path, value);
        return;
    };
    if *first == "*" {
        if let Value::Array(items) = value {
            for (index, item) in items.iter_mut().enumerate() {
                walk(item, rest, &path.index(index), create, visit);
            }
        }
        return;
    }
    let Value::Object(map) = value else {
        return;
    };
    if map.get(*first).is_none_or(Value::is_null) {
        let may_create = match create {
            // An array is never made up.
            Create::Always => rest.first() != Some(&"*"),
            Create::IfParent => rest.is_empty(),
            Create::IfExists => false,
        };
        if !may_create {
            return;
        }
        map.insert((*first).to_owned(), Value::Object(Map::new()));
    }
    if let Some(next) = map.get_mut(*first) {
        walk(next, rest, &path.field(first), create, visit);
    }
}

/// Rewrites every name reference of the object (`id`, as added) to the object's new name
/// (and a ServiceAccount subject's namespace to the account's new one).
fn follow_references(value: &mut Value, id: &ObjectId, renames: &Renames) {
    let namespace = id.namespace.as_deref();
    let rename = |value: &mut Value, segments: &[&str], kind: &str| {
        walk(
            value,
            segments,
            &FieldPath::root(),
            Create::IfExists,
            &mut |_, target| {
                if let Value::String(name) = target {
                    if let Some((_, new)) = renames.find(kind, namespace, name) {
                        *name = new.clone();
                    }
                }
            },
        );
    };
    if let Some(spec) = pod_spec(&id.kind) {
        let mut pod = Some(&mut *value);
        for step in spec {
            pod = pod.and_then(|p| p.get_mut(*step));
        }
        if let Some(pod) = pod {
            for (path, kind) in POD_REFERENCES {
                rename(pod, path, kind);
            }
            for containers in ["containers", "initContainers", "ephemeralContainers"] {
                if let Some(Value::Array(items)) = pod.get_mut(containers) {
                    for container in items {
                        for (path, kind) in CONTAINER_REFERENCES {
                            rename(container, path, kind);
                        }
                    }
                }
            }
        }
    }
    for (kind, path, target) in OBJECT_REFERENCES {
        if kind == id.kind {
            rename(value, path, target);
        }
    }
    // References that name their kind: an autoscaler's target, a binding's role.
    for (owner, path) in [
        (
            "HorizontalPodAutoscaler",
            ["spec", "scaleTargetRef"].as_slice(),
        ),
        ("RoleBinding", ["roleRef"].as_slice()),
        ("ClusterRoleBinding", ["roleRef"].as_slice()),
    ] {
        if owner != id.kind {
            continue;
        }
        let mut node = Some(&mut *value);
        for step in path {
            node = node.and_then(|n| n.get_mut(*step));
        }
        if let Some(Value::Object(reference)) = node {
            let kind = reference
                .get("kind")
                .and_then(Value::as_str)
                .unwrap_or_default()
                .to_owned();
            if let Some(Value::String(name)) = reference.get_mut("name") {
                if let Some((_, new)) = renames.find(&kind, namespace, name) {
                    *name = new.clone();
                }
            }
        }
    }
    if matches!(id.kind.as_str(), "RoleBinding" | "ClusterRoleBinding") {
        if let Some(Value::Array(subjects)) = value.get_mut("subjects") {
            for subject in subjects {
                follow_subject(subject, namespace, renames);
            }
        }
    }
}

/// A ServiceAccount subject of a binding: its name and namespace follow the account.
fn follow_subject(subject: &mut Value, binding_namespace: Option<&str>, renames: &Renames) {
    let Value::Object(subject) = subject else {
        return;
    };
    if subject.get("kind").and_then(Value::as_str) != Some("ServiceAccount") {
        return;
    }
    let namespace = subject
        .get("namespace")
        .and_then(Value::as_str)
        .map(str::to_owned)
        .or_else(|| binding_namespace.map(str::to_owned));
    let Some(name) = subject.get("name").and_then(Value::as_str) else {
        return;
    };
    if let Some((new_namespace, new_name)) =
        renames.find("ServiceAccount", namespace.as_deref(), name)
    {
        let (new_namespace, new_name) = (new_namespace.clone(), new_name.clone());
        subject.insert("name".to_owned(), Value::String(new_name));
        if let Some(new_namespace) = new_namespace {
            subject.insert("namespace".to_owned(), Value::String(new_namespace));
        }
    }
}

/// The bundle-wide settings. Each applies to every object of the bundle, whenever it was
/// added, and to every reference to the objects it renames or relabels.
impl super::Bundle {
    /// Puts every namespaced object in `namespace` (cluster-scoped kinds such as ClusterRole,
    /// PriorityClass and Namespace keep none), and moves the ServiceAccount subjects of the
    /// bundle's bindings with their accounts. An object already in another namespace is an
    /// error at its `metadata.namespace`.
    ///
    /// ```
    /// use k8s_dsl::prelude::*;
    ///
    /// let bundle = Bundle::new()
    ///     .namespace("shop")
    ///     .add(ConfigMap::new("settings"))
    ///     .add(PriorityClass::new("high", 1000))
    ///     .add(ConfigMap::new("other").namespace("billing"));
    /// let errors = bundle.check().unwrap_err();
    /// assert!(errors.has("ConfigMap/billing/other: metadata.namespace", 0));
    /// let ids: Vec<String> = bundle.objects().iter().map(|o| o.id().to_string()).collect();
    /// assert_eq!(ids, ["PriorityClass/high", "ConfigMap/shop/settings"]);
    /// ```
    pub fn namespace(mut self, namespace: impl Into<String>) -> Self {
        let namespace = namespace.into();
        self.set(|s| s.namespace = Some(namespace));
        self
    }

    /// Adds labels to every object, and to what selects its pods or carries them, as
    /// kustomize's `commonLabels` does: workload selectors and pod templates, a Service's
    /// selector (when it has one), a PodDisruptionBudget's selector, a NetworkPolicy's pod
    /// selectors (when they have labels), a StatefulSet's claim templates, a CronJob's job
    /// template. A label an object already sets to another value is an error at its path.
    ///
    /// A selector of a Deployment, StatefulSet or DaemonSet cannot change once it is in the
    /// cluster: choose the common labels before the first deployment.
    ///
    /// ```
    /// use k8s_dsl::prelude::*;
    ///
    /// let bundle = Bundle::new()
    ///     .common_labels([("app.kubernetes.io/part-of", "shop")])
    ///     .add(Deployment::new("web").template(
    ///         Pod::template().label("app", "web").container(Container::new("web").image("nginx:1.27")),
    ///     ))
    ///     .add(Service::new("web").selector("app", "web").port(80));
    /// let yaml = bundle.to_yaml()?;
    /// assert_eq!(yaml.matches("app.kubernetes.io/part-of: shop").count(), 5);
    ///
    /// let clash = Bundle::new()
    ///     .common_labels([("team", "shop")])
    ///     .add(ConfigMap::new("settings").label("team", "billing"));
    /// assert!(clash.check().unwrap_err().has("ConfigMap/settings: metadata.labels[team]", 0));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn common_labels<K: Into<String>, V: Into<String>>(
        mut self,
        labels: impl IntoIterator<Item = (K, V)>,
    ) -> Self {
        let labels: Vec<(String, String)> = labels
            .into_iter()
            .map(|(k, v)| (k.into(), v.into()))
            .collect();
        self.set(|s| s.labels.extend(labels));
        self
    }

    /// Adds annotations to every object and to its pod template (so pods carry them too). An
    /// annotation already set to another value is an error at its path.
    ///
    /// ```
    /// use k8s_dsl::prelude::*;
    ///
    /// let yaml = Bundle::new()
    ///     .common_annotations([("owner", "team-shop@example.com")])
    ///     .add(Job::new("migrate").template(
    ///         Pod::template().restart_policy(RestartPolicy::Never).container(Container::new("migrate").image("busybox:1.36")),
    ///     ))
    ///     .to_yaml()?;
    /// assert_eq!(yaml.matches("owner: team-shop@example.com").count(), 2);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn common_annotations<K: Into<String>, V: Into<String>>(
        mut self,
        annotations: impl IntoIterator<Item = (K, V)>,
    ) -> Self {
        let annotations: Vec<(String, String)> = annotations
            .into_iter()
            .map(|(k, v)| (k.into(), v.into()))
            .collect();
        self.set(|s| s.annotations.extend(annotations));
        self
    }

    /// Puts `prefix` before the name of every object (but Namespaces and
    /// CustomResourceDefinitions), and rewrites every reference to them: ConfigMaps, Secrets
    /// and claims in volumes, projected volumes, `env` and `envFrom`; `imagePullSecrets`,
    /// `serviceAccountName` and `priorityClassName`; a StatefulSet's `serviceName`; autoscaler
    /// targets; a binding's `roleRef` and ServiceAccount subjects; a ServiceAccount's secrets;
    /// an Ingress's backends and TLS secrets. References to objects the bundle does not hold
    /// (provided by the cluster) are left alone.
    ///
    /// ```
    /// use k8s_dsl::prelude::*;
    ///
    /// let bundle = Bundle::new()
    ///     .name_prefix("dev-")
    ///     .name_suffix("-v2")
    ///     .add(ConfigMap::new("settings").data("LOG_LEVEL", "debug"))
    ///     .add(Pod::new("web").container(
    ///         Container::new("web").image("nginx:1.27").env_from(EnvFrom::config_map("settings")),
    ///     ));
    /// let yaml = bundle.to_yaml()?;
    /// assert!(yaml.contains("name: dev-settings-v2\n"));
    /// assert!(yaml.contains("name: dev-web-v2\n"));
    /// assert!(yaml.contains("configMapRef:\n        name: dev-settings-v2\n"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn name_prefix(mut self, prefix: impl Into<String>) -> Self {
        let prefix = prefix.into();
        self.set(|s| s.prefix = prefix);
        self
    }

    /// Puts `suffix` after the name of every object, as [`name_prefix`](Self::name_prefix)
    /// puts its prefix before (and before a generated object's content hash).
    pub fn name_suffix(mut self, suffix: impl Into<String>) -> Self {
        let suffix = suffix.into();
        self.set(|s| s.suffix = suffix);
        self
    }
}
