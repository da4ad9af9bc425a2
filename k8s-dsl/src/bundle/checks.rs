//! The checks between the objects of a bundle. Each error names what the bundle does have
//! and suggests the closest name.

mod ingress;
mod namespace;
mod network;
mod rbac;

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

use k8s_openapi::api::core::v1 as core;
use k8s_openapi::apimachinery::pkg::apis::meta::v1::LabelSelector;
use k8s_openapi::apimachinery::pkg::util::intstr::IntOrString;

use super::object::{Object, ObjectId, PodView};
use super::prefixed;
use crate::pod::{pod_spec_references, Reference};
use crate::policy::SYSTEM_PRIORITY_CLASSES;
use crate::rules::{shown, suggest};
use crate::validate::{Error, FieldPath, Warning};
use crate::workload::{describe_selector, label_selector_matches, SpecRef};

/// The objects being checked, and what the checks found.
pub(super) struct Context<'a> {
    objects: &'a [&'a Object],
    provided: &'a BTreeSet<(String, String)>,
    index: Index<'a>,
    errors: Vec<Error>,
    warnings: Vec<Warning>,
}

/// The objects by kind, namespace, name and pod labels, built once, so that each check looks
/// up what it needs instead of going through every object (checks over N objects take about
/// N steps, not N²). Every list keeps the objects' order, so messages do not change.
struct Index<'a> {
    /// The names of each kind in each namespace.
    names: HashMap<(&'a str, Option<&'a str>), Vec<&'a str>>,
    /// The names of each kind in any namespace (for cluster-scoped kinds).
    names_anywhere: HashMap<&'a str, Vec<&'a str>>,
    /// Kind, namespace and name of every object.
    ids: HashSet<(&'a str, Option<&'a str>, &'a str)>,
    /// The objects running pods, by namespace.
    pods: HashMap<Option<&'a str>, Vec<&'a Object>>,
    /// For a namespace and a pod label `key=value`, the positions in `pods` of the objects
    /// whose pods carry it.
    labels: HashMap<(Option<&'a str>, &'a str, &'a str), Vec<usize>>,
    /// The first Service of each namespace and name.
    services: HashMap<(Option<&'a str>, &'a str), &'a core::Service>,
}

impl<'a> Index<'a> {
    fn new(objects: &'a [&'a Object]) -> Self {
        let mut index = Index {
            names: HashMap::new(),
            names_anywhere: HashMap::new(),
            ids: HashSet::new(),
            pods: HashMap::new(),
            labels: HashMap::new(),
            services: HashMap::new(),
        };
        for object in objects {
            let object: &'a Object = object;
            let metadata = object.metadata();
            let namespace = metadata.namespace.as_deref();
            if let Some(name) = metadata.name.as_deref() {
                let kind = object.kind();
                index.names.entry((kind, namespace)).or_default().push(name);
                index.names_anywhere.entry(kind).or_default().push(name);
                index.ids.insert((kind, namespace, name));
                if let Object::Service(service) = object {
                    index.services.entry((namespace, name)).or_insert(service);
                }
            }
            let Some(view) = object.pod() else { continue };
            let pods = index.pods.entry(namespace).or_default();
            let at = pods.len();
            pods.push(object);
            for (key, value) in view.labels.into_iter().flatten() {
                index
                    .labels
                    .entry((namespace, key.as_str(), value.as_str()))
                    .or_default()
                    .push(at);
            }
        }
        index
    }

    /// The objects in `namespace` whose pods may match `selector`: those carrying its
    /// rarest `matchLabels` pair, or every one when it has none.
    fn candidates(&self, namespace: Option<&str>, selector: &LabelSelector) -> Vec<&'a Object> {
        let all = self.pods.get(&namespace).map_or(&[][..], Vec::as_slice);
        let pairs = selector.match_labels.iter().flatten();
        let postings: Option<Vec<&Vec<usize>>> = pairs
            .map(|(k, v)| self.labels.get(&(namespace, k.as_str(), v.as_str())))
            .collect();
        match postings {
            None => Vec::new(),
            Some(postings) => match postings.into_iter().min_by_key(|p| p.len()) {
                Some(rarest) => rarest.iter().filter_map(|&i| all.get(i).copied()).collect(),
                None => all.to_vec(),
            },
        }
    }
}

/// `` `a`, `b` `` (or `none`).
fn listed<'s>(names: impl IntoIterator<Item = &'s str>) -> String {
    let list: Vec<String> = names.into_iter().map(|n| format!("`{n}`")).collect();
    if list.is_empty() {
        "none".to_owned()
    } else {
        list.join(", ")
    }
}

/// The plural of a kind: `PriorityClasses`, `ConfigMaps`, `Ingresses`.
fn plural(kind: &str) -> String {
    if kind.ends_with('s') {
        format!("{kind}es")
    } else {
        format!("{kind}s")
    }
}

impl<'a> Context<'a> {
    pub(super) fn new(objects: &'a [&'a Object], provided: &'a BTreeSet<(String, String)>) -> Self {
        Context {
            objects,
            provided,
            index: Index::new(objects),
            errors: Vec::new(),
            warnings: Vec::new(),
        }
    }

    /// Runs every check between objects.
    pub(super) fn run(&mut self) {
        for object in self.objects {
            self.references(object);
            match object {
                Object::Service(_) => self.service(object),
                Object::PodDisruptionBudget(pdb) => {
                    if let Some(selector) = pdb.spec.as_ref().and_then(|s| s.selector.as_ref()) {
                        self.selector_matches_pods(
                            object,
                            selector,
                            &FieldPath::parse("spec.selector"),
                        );
                    }
                }
                Object::HorizontalPodAutoscaler(_) => self.autoscaler_target(object),
                Object::StatefulSet(_) => self.stateful_set_service(object),
                Object::RoleBinding(_) | Object::ClusterRoleBinding(_) => self.binding(object),
                Object::ServiceAccount(_) => self.account_secrets(object),
                Object::NetworkPolicy(_) => self.network_policy(object),
                Object::Ingress(_) => self.ingress(object),
                _ => {}
            }
        }
        self.namespaces_exist();
    }

    /// The errors and warnings found.
    pub(super) fn finish(self) -> (Vec<Error>, Vec<Warning>) {
        (self.errors, self.warnings)
    }

    fn error(&mut self, id: &ObjectId, path: &FieldPath, message: String, fix: String) {
        self.errors.push(Error {
            path: prefixed(id, path),
            rule: 0,
            message,
            fix,
        });
    }

    fn is_provided(&self, kind: &str, name: &str) -> bool {
        self.provided.contains(&(kind.to_owned(), name.to_owned()))
    }

    /// The names of the `kind` objects in `namespace` (any namespace for cluster-scoped kinds).
    fn names_of(&self, kind: &str, namespace: Option<&str>, cluster_scoped: bool) -> Vec<&'a str> {
        let names = if cluster_scoped {
            self.index.names_anywhere.get(kind)
        } else {
            self.index.names.get(&(kind, namespace))
        };
        names.cloned().unwrap_or_default()
    }

    /// Whether the bundle has a `kind` object called `name` in `namespace` (in any namespace
    /// for a cluster-scoped kind).
    fn has(&self, kind: &str, namespace: Option<&str>, name: &str, cluster_scoped: bool) -> bool {
        if cluster_scoped {
            self.index
                .names_anywhere
                .get(kind)
                .is_some_and(|names| names.contains(&name))
        } else {
            self.index.ids.contains(&(kind, namespace, name))
        }
    }

    /// The same kind, namespace and name twice.
    pub(super) fn duplicates(&mut self, ids: &[&ObjectId]) {
        let mut seen = BTreeSet::new();
        for id in ids {
            if !seen.insert(*id) {
                self.error(
                    id,
                    &FieldPath::parse("metadata.name"),
                    format!("{id} is in the bundle more than once"),
                    "give one of them another name or namespace, or add it once".to_owned(),
                );
            }
        }
    }

    /// A reference to a `kind` object that the bundle must hold, unless the cluster provides it.
    fn require(&mut self, id: &ObjectId, kind: &str, reference: &Reference, cluster_scoped: bool) {
        if reference.optional || self.is_provided(kind, &reference.name) {
            return;
        }
        if kind != "PriorityClass"
            && self.has(
                kind,
                id.namespace.as_deref(),
                &reference.name,
                cluster_scoped,
            )
        {
            return;
        }
        let mut known = self.names_of(kind, id.namespace.as_deref(), cluster_scoped);
        if kind == "PriorityClass" {
            known.extend(SYSTEM_PRIORITY_CLASSES);
        }
        if known.contains(&reference.name.as_str()) {
            return;
        }
        let fix_tail = format!(
            "add the {kind} to the bundle, or call `.provided_by_cluster(\"{kind}\", \"{}\")` if the cluster has it",
            reference.name
        );
        let fix = match suggest::did_you_mean(&reference.name, known.iter().copied()) {
            Some(hint) => format!("{hint} otherwise {fix_tail}"),
            None => fix_tail,
        };
        let place = if cluster_scoped {
            String::new()
        } else {
            match &id.namespace {
                Some(ns) => format!(" in namespace `{ns}`"),
                None => String::new(),
            }
        };
        self.error(
            id,
            &reference.path,
            format!(
                "{kind} {} is not in the bundle{place}; {} known: {}",
                shown(&reference.name),
                plural(kind),
                listed(known.iter().copied())
            ),
            fix,
        );
    }

    /// ConfigMaps, Secrets, PVCs and the PriorityClass a pod spec refers to.
    fn references(&mut self, object: &Object) {
        let Some(view) = object.pod() else { return };
        let id = object.id();
        let refs = pod_spec_references(view.spec, &view.path);
        for reference in &refs.config_maps {
            self.require(&id, "ConfigMap", reference, false);
        }
        for reference in &refs.secrets {
            self.require(&id, "Secret", reference, false);
        }
        for reference in &refs.persistent_volume_claims {
            self.require(&id, "PersistentVolumeClaim", reference, false);
        }
        if let Some(reference) = &refs.priority_class {
            self.require(&id, "PriorityClass", reference, true);
        }
        if let Some(reference) = &refs.service_account {
            self.service_account_exists(&id, reference);
        }
    }

    /// The objects running pods in `namespace`, with their pods.
    fn pods_in(&self, namespace: Option<&str>) -> Vec<(&'a Object, PodView<'a>)> {
        self.index
            .pods
            .get(&namespace)
            .into_iter()
            .flatten()
            .filter_map(|o| o.pod().map(|view| (*o, view)))
            .collect()
    }

    /// A selector must match the pods of some object of the bundle; returns the matches.
    fn selector_matches_pods(
        &mut self,
        object: &Object,
        selector: &LabelSelector,
        path: &FieldPath,
    ) -> Vec<(&'a Object, PodView<'a>)> {
        let id = object.id();
        let empty = BTreeMap::new();
        let matched: Vec<(&'a Object, PodView<'a>)> = self
            .index
            .candidates(id.namespace.as_deref(), selector)
            .into_iter()
            .filter_map(|o| o.pod().map(|view| (o, view)))
            .filter(|(_, view)| label_selector_matches(selector, view.labels.unwrap_or(&empty)))
            .collect();
        if matched.is_empty() {
            // Only for the message: every pod of the namespace, none of which matched.
            let unmatched = self.pods_in(id.namespace.as_deref());
            let described: Vec<String> = unmatched
                .iter()
                .map(|(o, view)| {
                    let labels = view.labels.unwrap_or(&empty);
                    let text: Vec<String> =
                        labels.iter().map(|(k, v)| format!("{k}={v}")).collect();
                    if text.is_empty() {
                        format!("{} (no labels)", o.id())
                    } else {
                        format!("{} ({})", o.id(), text.join(","))
                    }
                })
                .collect();
            let candidates: Vec<String> = unmatched
                .iter()
                .flat_map(|(_, view)| view.labels.unwrap_or(&empty).iter())
                .map(|(k, v)| format!("{k}={v}"))
                .collect();
            let missing = selector
                .match_labels
                .iter()
                .flatten()
                .map(|(k, v)| format!("{k}={v}"))
                .find(|pair| !candidates.contains(pair));
            let hint = missing.as_deref().and_then(|pair| {
                suggest::did_you_mean(pair, candidates.iter().map(String::as_str))
                    .map(|hint| format!("{hint} (for `{pair}`) "))
            });
            let pods_text = if described.is_empty() {
                "the bundle has no pods in this namespace".to_owned()
            } else {
                format!("pods in the bundle: {}", described.join(", "))
            };
            self.error(
                &id,
                path,
                format!(
                    "selector `{}` matches no pods; {pods_text}",
                    describe_selector(selector)
                ),
                format!(
                    "{}give the pod template the selected labels, or change the selector",
                    hint.unwrap_or_default()
                ),
            );
        }
        matched
    }

    /// A Service's selector selects pods, and its named target ports exist on them.
    fn service(&mut self, object: &Object) {
        let Object::Service(service) = object else {
            return;
        };
        let Some(spec) = &service.spec else { return };
        if spec.type_.as_deref() == Some("ExternalName") {
            return;
        }
        let Some(labels) = spec.selector.as_ref().filter(|s| !s.is_empty()) else {
            return;
        };
        let selector = LabelSelector {
            match_labels: Some(labels.clone()),
            match_expressions: None,
        };
        let matched =
            self.selector_matches_pods(object, &selector, &FieldPath::parse("spec.selector"));
        if matched.is_empty() {
            return;
        }
        let mut declared: BTreeSet<&str> = BTreeSet::new();
        for (_, view) in &matched {
            let serving = view.spec.containers.iter().chain(
                view.spec
                    .init_containers
                    .iter()
                    .flatten()
                    .filter(|c| c.restart_policy.as_deref() == Some("Always")),
            );
            for container in serving {
                declared.extend(
                    container
                        .ports
                        .iter()
                        .flatten()
                        .filter_map(|p| p.name.as_deref()),
                );
            }
        }
        let selected: Vec<String> = matched
            .iter()
            .map(|(o, _)| format!("`{}`", o.id()))
            .collect();
        let id = object.id();
        for (i, port) in spec.ports.iter().flatten().enumerate() {
            let Some(IntOrString::String(name)) = &port.target_port else {
                continue;
            };
            if declared.contains(name.as_str()) {
                continue;
            }
            let fix = match suggest::did_you_mean(name, declared.iter().copied()) {
                Some(hint) => hint,
                None => format!(
                    "name a container port {} (`ContainerPort::tcp(..).name(..)`), or target a port number",
                    shown(name)
                ),
            };
            self.error(
                &id,
                &FieldPath::parse("spec.ports").index(i).field("targetPort"),
                format!(
                    "no container of the selected pods ({}) declares a port named {}; declared port names: {}",
                    selected.join(", "),
                    shown(name),
                    listed(declared.iter().copied())
                ),
                fix,
            );
        }
    }

    /// A HorizontalPodAutoscaler scales an object of the bundle.
    fn autoscaler_target(&mut self, object: &Object) {
        let Object::HorizontalPodAutoscaler(hpa) = object else {
            return;
        };
        let Some(spec) = hpa.spec.spec_ref() else {
            return;
        };
        let target = &spec.scale_target_ref;
        if target.name.is_empty() || self.is_provided(&target.kind, &target.name) {
            return;
        }
        let id = object.id();
        if self.has(&target.kind, id.namespace.as_deref(), &target.name, false) {
            return;
        }
        let known = self.names_of(&target.kind, id.namespace.as_deref(), false);
        let kind = &target.kind;
        let tail = format!(
            "add the {kind} to the bundle, or call `.provided_by_cluster(\"{kind}\", \"{}\")`",
            target.name
        );
        let fix = match suggest::did_you_mean(&target.name, known.iter().copied()) {
            Some(hint) => format!("{hint} otherwise {tail}"),
            None => tail,
        };
        self.error(
            &id,
            &FieldPath::parse("spec.scaleTargetRef.name"),
            format!(
                "scale target {kind} {} is not in the bundle; {} known: {}",
                shown(&target.name),
                plural(kind),
                listed(known.iter().copied())
            ),
            fix,
        );
    }

    /// A StatefulSet's `serviceName` is a headless Service of the bundle.
    fn stateful_set_service(&mut self, object: &Object) {
        let Object::StatefulSet(set) = object else {
            return;
        };
        let Some(name) = set.spec.spec_ref().and_then(|s| s.service_name.as_deref()) else {
            return;
        };
        if self.is_provided("Service", name) {
            return;
        }
        let id = object.id();
        let path = FieldPath::parse("spec.serviceName");
        let service = self
            .index
            .services
            .get(&(id.namespace.as_deref(), name))
            .copied();
        match service {
            Some(service) => {
                let headless =
                    service.spec.as_ref().and_then(|s| s.cluster_ip.as_deref()) == Some("None");
                if !headless {
                    self.error(
                        &id,
                        &path,
                        format!("Service {} is not headless (`clusterIP: None`)", shown(name)),
                        format!("create it with `Service::headless(\"{name}\")`: a StatefulSet's pods get their DNS names from a headless Service"),
                    );
                }
            }
            None => {
                let known = self.names_of("Service", id.namespace.as_deref(), false);
                let tail = format!(
                    "add `Service::headless(\"{name}\")` to the bundle, or call `.provided_by_cluster(\"Service\", \"{name}\")`"
                );
                let fix = match suggest::did_you_mean(name, known.iter().copied()) {
                    Some(hint) => format!("{hint} otherwise {tail}"),
                    None => tail,
                };
                self.error(
                    &id,
                    &path,
                    format!(
                        "headless Service {} is not in the bundle; Services known: {}",
                        shown(name),
                        listed(known.iter().copied())
                    ),
                    fix,
                );
            }
        }
    }
}
