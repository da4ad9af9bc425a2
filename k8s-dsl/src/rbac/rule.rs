//! One rule of a role: typed verbs, and API groups found from the resources' names.

use std::collections::BTreeSet;

use k8s_openapi::api::rbac::v1 as rbac;

use crate::rules::{shown, suggest};
use crate::validate::Report;

/// What a rule allows doing (`verbs`).
///
/// ```
/// use k8s_dsl::rbac::Verb;
///
/// assert_eq!(Verb::DeleteCollection.as_str(), "deletecollection");
/// assert_eq!(Verb::READ.map(Verb::as_str), ["get", "list", "watch"]);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Verb {
    /// `get`: read one object.
    Get,
    /// `list`: read every object.
    List,
    /// `watch`: follow changes.
    Watch,
    /// `create`.
    Create,
    /// `update`: replace an object.
    Update,
    /// `patch`.
    Patch,
    /// `delete`: delete one object.
    Delete,
    /// `deletecollection`: delete many objects at once.
    DeleteCollection,
    /// `use` (PodSecurityPolicy-style and admission checks).
    Use,
    /// `bind`: bind a role without holding its permissions.
    Bind,
    /// `escalate`: change a role to grant more than one holds.
    Escalate,
    /// `impersonate`: act as a user, group or ServiceAccount.
    Impersonate,
    /// `*`: every verb.
    All,
}

impl Verb {
    /// `get`, `list`, `watch`.
    pub const READ: [Verb; 3] = [Verb::Get, Verb::List, Verb::Watch];
    /// The read verbs and `create`, `update`, `patch`, `delete`.
    pub const READ_WRITE: [Verb; 7] = [
        Verb::Get,
        Verb::List,
        Verb::Watch,
        Verb::Create,
        Verb::Update,
        Verb::Patch,
        Verb::Delete,
    ];

    /// The verb as the manifest writes it.
    pub fn as_str(self) -> &'static str {
        match self {
            Verb::Get => "get",
            Verb::List => "list",
            Verb::Watch => "watch",
            Verb::Create => "create",
            Verb::Update => "update",
            Verb::Patch => "patch",
            Verb::Delete => "delete",
            Verb::DeleteCollection => "deletecollection",
            Verb::Use => "use",
            Verb::Bind => "bind",
            Verb::Escalate => "escalate",
            Verb::Impersonate => "impersonate",
            Verb::All => "*",
        }
    }
}

/// The API group of each built-in resource a rule may name without its group.
const KNOWN: &[(&str, &str)] = &[
    ("pods", ""),
    ("configmaps", ""),
    ("secrets", ""),
    ("services", ""),
    ("endpoints", ""),
    ("events", ""),
    ("namespaces", ""),
    ("nodes", ""),
    ("persistentvolumeclaims", ""),
    ("persistentvolumes", ""),
    ("serviceaccounts", ""),
    ("replicationcontrollers", ""),
    ("resourcequotas", ""),
    ("limitranges", ""),
    ("deployments", "apps"),
    ("statefulsets", "apps"),
    ("daemonsets", "apps"),
    ("replicasets", "apps"),
    ("controllerrevisions", "apps"),
    ("jobs", "batch"),
    ("cronjobs", "batch"),
    ("horizontalpodautoscalers", "autoscaling"),
    ("poddisruptionbudgets", "policy"),
    ("ingresses", "networking.k8s.io"),
    ("ingressclasses", "networking.k8s.io"),
    ("networkpolicies", "networking.k8s.io"),
    ("roles", "rbac.authorization.k8s.io"),
    ("rolebindings", "rbac.authorization.k8s.io"),
    ("clusterroles", "rbac.authorization.k8s.io"),
    ("clusterrolebindings", "rbac.authorization.k8s.io"),
    ("leases", "coordination.k8s.io"),
    ("endpointslices", "discovery.k8s.io"),
    ("storageclasses", "storage.k8s.io"),
    ("priorityclasses", "scheduling.k8s.io"),
    ("customresourcedefinitions", "apiextensions.k8s.io"),
];

/// The API group of a built-in resource (`pods/log` is in the group of `pods`).
fn group_of(resource: &str) -> Option<&'static str> {
    let base = resource.split('/').next().unwrap_or(resource);
    KNOWN
        .iter()
        .find(|(name, _)| *name == base)
        .map(|(_, group)| *group)
}

/// Where a rule's API groups come from.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Groups {
    /// From the resources' names ([`Rule::on`]).
    Known,
    /// Given ([`Rule::in_group`]).
    Given(Vec<String>),
}

/// One rule of a role: verbs on resources (with their API groups, and optionally only some
/// objects by name), or verbs on non-resource URLs (ClusterRoles only).
///
/// ```
/// use k8s_dsl::prelude::*;
///
/// // Groups from the names:
/// let rule = Rule::on(["deployments", "deployments/scale"]).verbs([Verb::Get, Verb::Patch]);
/// // A custom resource names its group:
/// let widgets = Rule::in_group("example.com", ["widgets"]).verbs(Verb::READ);
/// let role = Role::new("scaler").rule(rule).rule(widgets).build()?;
/// let rules = role.rules.unwrap();
/// assert_eq!(rules[0].api_groups.as_deref(), Some(&["apps".to_owned()][..]));
/// assert_eq!(rules[1].api_groups.as_deref(), Some(&["example.com".to_owned()][..]));
/// # Ok::<(), k8s_dsl::Errors>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rule {
    groups: Groups,
    resources: Vec<String>,
    resource_names: Vec<String>,
    urls: Vec<String>,
    verbs: Vec<Verb>,
}

impl Rule {
    /// A rule on built-in `resources` (`pods`, `pods/log`, `deployments`, ...), each in the API
    /// group Kubernetes puts it in. A name that is not a known built-in resource is an error
    /// when built, with the closest known name; use [`Rule::in_group`] for other resources.
    pub fn on<S: Into<String>>(resources: impl IntoIterator<Item = S>) -> Self {
        Rule {
            groups: Groups::Known,
            resources: resources.into_iter().map(Into::into).collect(),
            resource_names: Vec::new(),
            urls: Vec::new(),
            verbs: Vec::new(),
        }
    }

    /// A rule on `resources` of the API group `group` (`""` is the core group; `*` is
    /// every group).
    pub fn in_group<S: Into<String>>(
        group: impl Into<String>,
        resources: impl IntoIterator<Item = S>,
    ) -> Self {
        Rule {
            groups: Groups::Given(vec![group.into()]),
            ..Rule::on(resources)
        }
    }

    /// A rule on non-resource URLs such as `/healthz` or `/metrics` (ClusterRoles only,
    /// rule 67).
    pub fn urls<S: Into<String>>(urls: impl IntoIterator<Item = S>) -> Self {
        Rule {
            groups: Groups::Given(Vec::new()),
            resources: Vec::new(),
            resource_names: Vec::new(),
            urls: urls.into_iter().map(Into::into).collect(),
            verbs: Vec::new(),
        }
    }

    /// Only the objects with these names (`resourceNames`; with a single resource, rule 66).
    pub fn resource_names<S: Into<String>>(mut self, names: impl IntoIterator<Item = S>) -> Self {
        self.resource_names
            .extend(names.into_iter().map(Into::into));
        self
    }

    /// Adds a verb.
    pub fn verb(mut self, verb: Verb) -> Self {
        if !self.verbs.contains(&verb) {
            self.verbs.push(verb);
        }
        self
    }

    /// Adds verbs.
    pub fn verbs(self, verbs: impl IntoIterator<Item = Verb>) -> Self {
        verbs.into_iter().fold(self, Rule::verb)
    }

    /// The k8s-openapi `PolicyRule`; resources of no known group are reported at `path`.
    fn to_k8s(&self, path: &crate::FieldPath, report: &mut Report) -> rbac::PolicyRule {
        let groups = match &self.groups {
            Groups::Given(groups) => groups.clone(),
            Groups::Known => {
                let mut groups: Vec<String> = Vec::new();
                for (i, resource) in self.resources.iter().enumerate() {
                    match group_of(resource) {
                        Some(group) => {
                            if !groups.iter().any(|g| g == group) {
                                groups.push(group.to_owned());
                            }
                        }
                        None => {
                            unknown_resource(resource, &path.field("resources").index(i), report)
                        }
                    }
                }
                groups
            }
        };
        let non_empty = |list: &Vec<String>| (!list.is_empty()).then(|| list.clone());
        rbac::PolicyRule {
            api_groups: non_empty(&groups),
            resources: non_empty(&self.resources),
            resource_names: non_empty(&self.resource_names),
            non_resource_urls: non_empty(&self.urls),
            verbs: self.verbs.iter().map(|v| v.as_str().to_owned()).collect(),
        }
    }
}

/// A resource of [`Rule::on`] whose API group is not known.
fn unknown_resource(resource: &str, path: &crate::FieldPath, report: &mut Report) {
    let base = resource.split('/').next().unwrap_or(resource);
    let known: BTreeSet<&str> = KNOWN.iter().map(|(name, _)| *name).collect();
    let hint = suggest::did_you_mean(base, known.iter().copied())
        .map(|h| format!("{h} otherwise "))
        .unwrap_or_default();
    report.error(
        path,
        0,
        format!(
            "{} is not a built-in resource whose API group is known",
            shown(resource)
        ),
        format!(
            "{hint}name its group with `Rule::in_group(\"example.com\", [{}])`",
            shown(resource).replace('`', "\"")
        ),
    );
}

/// The rules of a role, each at `rules[i]`.
pub(super) fn to_k8s(rules: &[Rule], report: &mut Report) -> Vec<rbac::PolicyRule> {
    rules
        .iter()
        .enumerate()
        .map(|(i, rule)| rule.to_k8s(&super::rule_path(i), report))
        .collect()
}
