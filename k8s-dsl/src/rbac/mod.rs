//! RBAC: [`Role`], [`ClusterRole`], [`RoleBinding`], [`ClusterRoleBinding`], with typed
//! [`Verb`]s, [`Rule`]s whose API groups come from the resources they name, and [`Subject`]s
//! made from a [`ServiceAccount`](crate::account::ServiceAccount) value.
//!
//! ```
//! use k8s_dsl::prelude::*;
//!
//! let account = ServiceAccount::new("reporter").namespace("shop");
//! let role = Role::new("reader")
//!     .namespace("shop")
//!     .allow_read(["pods", "configmaps", "deployments"]);
//! let binding = RoleBinding::new("reporter-reads")
//!     .namespace("shop")
//!     .role("reader")
//!     .subject(Subject::service_account(&account));
//!
//! let role = role.build()?;
//! let rules = role.rules.unwrap();
//! // `pods` and `configmaps` are in the core group (`""`), `deployments` in `apps`.
//! assert_eq!(rules[0].api_groups.as_deref(), Some(&["".to_owned(), "apps".to_owned()][..]));
//! assert_eq!(rules[0].verbs, ["get", "list", "watch"]);
//! let subject = &binding.build()?.subjects.unwrap()[0];
//! assert_eq!((subject.kind.as_str(), subject.namespace.as_deref()), ("ServiceAccount", Some("shop")));
//! # Ok::<(), k8s_dsl::Errors>(())
//! ```

mod binding;
mod rule;

pub use binding::{ClusterRoleBinding, RoleBinding, Subject};
pub use rule::{Rule, Verb};

use k8s_openapi::api::rbac::v1 as rbac;
use k8s_openapi::apimachinery::pkg::apis::meta::v1::LabelSelector;

use crate::meta::Meta;
use crate::validate::{At, Errors, Report, Warning};
use crate::workload::meta_methods;

/// The rules a role grants, and the grant shortcuts every role kind shares.
macro_rules! grant_methods {
    () => {
        /// Adds a rule.
        pub fn rule(mut self, rule: Rule) -> Self {
            self.rules.push(rule);
            self
        }

        /// Allows reading `resources` (`get`, `list`, `watch`), their API groups taken from
        /// the names ([`Rule::on`]).
        pub fn allow_read<S: Into<String>>(self, resources: impl IntoIterator<Item = S>) -> Self {
            self.rule(Rule::on(resources).verbs(Verb::READ))
        }

        /// Allows reading and changing `resources` (the read verbs and `create`, `update`,
        /// `patch`, `delete`).
        pub fn allow_write<S: Into<String>>(self, resources: impl IntoIterator<Item = S>) -> Self {
            self.rule(Rule::on(resources).verbs(Verb::READ_WRITE))
        }

        /// Allows every verb (`*`) on `resources`.
        pub fn allow_all<S: Into<String>>(self, resources: impl IntoIterator<Item = S>) -> Self {
            self.rule(Rule::on(resources).verb(Verb::All))
        }
    };
}

/// A Role: what may be done with resources of one namespace.
///
/// ```
/// use k8s_dsl::prelude::*;
///
/// let role = Role::new("pod-reader")
///     .namespace("default")
///     .allow_read(["pods", "pods/log"])
///     .rule(Rule::on(["leases"]).resource_names(["web-leader"]).verbs([Verb::Get, Verb::Update]))
///     .build()?;
/// assert_eq!(role.rules.as_ref().map(Vec::len), Some(2));
///
/// // A resource whose group is not known by name is reported with the closest known one:
/// let errors = Role::new("x").allow_read(["pod"]).build().unwrap_err();
/// assert!(errors.iter().any(|e| e.path.as_str() == "rules[0].resources[0]" && e.fix.contains("`pods`")));
/// # Ok::<(), k8s_dsl::Errors>(())
/// ```
#[derive(Debug, Clone)]
pub struct Role {
    pub(crate) meta: Meta,
    rules: Vec<Rule>,
}

impl Role {
    /// A Role called `name`, granting nothing yet.
    pub fn new(name: impl Into<String>) -> Self {
        Role {
            meta: Meta::new(name),
            rules: Vec::new(),
        }
    }

    meta_methods!();
    grant_methods!();

    /// The name of the role, for a binding.
    pub fn name(&self) -> &str {
        self.meta.name.as_deref().unwrap_or_default()
    }

    /// The k8s-openapi `Role`, or every error found.
    pub fn build(self) -> Result<rbac::Role, Errors> {
        self.build_with_warnings().map(|(role, _)| role)
    }

    /// Like [`build`](Self::build), also returning the warnings.
    pub fn build_with_warnings(self) -> Result<(rbac::Role, Vec<Warning>), Errors> {
        let mut report = Report::new();
        let rules = rule::to_k8s(&self.rules, &mut report);
        let role = rbac::Role {
            metadata: self.meta.into_object_meta(),
            rules: Some(rules),
        };
        report.merge(crate::validate::role(&role));
        report.finish(role)
    }
}

/// A ClusterRole: what may be done with resources of every namespace, with cluster-scoped
/// resources and with non-resource URLs. It may aggregate the rules of other ClusterRoles.
///
/// ```
/// use k8s_dsl::prelude::*;
///
/// // Rules added to the built-in `view` role (and to this one) by label:
/// let widgets = ClusterRole::new("widget-viewer")
///     .aggregate_to("view")
///     .rule(Rule::in_group("example.com", ["widgets"]).verbs(Verb::READ))
///     .build()?;
/// let labels = widgets.metadata.labels.unwrap();
/// assert_eq!(labels["rbac.authorization.k8s.io/aggregate-to-view"], "true");
///
/// let monitoring = ClusterRole::new("monitoring")
///     .aggregate_from([("example.com/aggregate-to-monitoring", "true")])
///     .build()?;
/// assert!(monitoring.aggregation_rule.is_some());
///
/// // Non-resource URLs belong to ClusterRoles:
/// let health = ClusterRole::new("health").rule(Rule::urls(["/healthz"]).verb(Verb::Get)).build()?;
/// assert!(health.rules.unwrap()[0].non_resource_urls.is_some());
/// # Ok::<(), k8s_dsl::Errors>(())
/// ```
#[derive(Debug, Clone)]
pub struct ClusterRole {
    pub(crate) meta: Meta,
    rules: Vec<Rule>,
    aggregate_from: Vec<Vec<(String, String)>>,
}

impl ClusterRole {
    /// A ClusterRole called `name`, granting nothing yet.
    pub fn new(name: impl Into<String>) -> Self {
        ClusterRole {
            meta: Meta::new(name),
            rules: Vec::new(),
            aggregate_from: Vec::new(),
        }
    }

    /// Adds a label to `metadata.labels` (key and value checked when built, rule 8).
    pub fn label(mut self, key: impl Into<String>, value: impl Into<String>) -> Self {
        self.meta = self.meta.label(key, value);
        self
    }

    /// Adds an annotation to `metadata.annotations` (checked when built, rule 9).
    pub fn annotation(mut self, key: impl Into<String>, value: impl Into<String>) -> Self {
        self.meta = self.meta.annotation(key, value);
        self
    }

    grant_methods!();

    /// Adds this role's rules to the ClusterRole `role` that aggregates by the conventional
    /// label (`rbac.authorization.k8s.io/aggregate-to-<role>: "true"`, as the built-in
    /// `admin`, `edit` and `view` do).
    pub fn aggregate_to(self, role: &str) -> Self {
        self.label(
            format!("rbac.authorization.k8s.io/aggregate-to-{role}"),
            "true",
        )
    }

    /// Aggregates the rules of every ClusterRole carrying all of `labels` (one
    /// `aggregationRule.clusterRoleSelectors` entry; call again for more).
    pub fn aggregate_from<K, V>(mut self, labels: impl IntoIterator<Item = (K, V)>) -> Self
    where
        K: Into<String>,
        V: Into<String>,
    {
        self.aggregate_from.push(
            labels
                .into_iter()
                .map(|(k, v)| (k.into(), v.into()))
                .collect(),
        );
        self
    }

    /// The name of the role, for a binding.
    pub fn name(&self) -> &str {
        self.meta.name.as_deref().unwrap_or_default()
    }

    /// The k8s-openapi `ClusterRole`, or every error found.
    pub fn build(self) -> Result<rbac::ClusterRole, Errors> {
        self.build_with_warnings().map(|(role, _)| role)
    }

    /// Like [`build`](Self::build), also returning the warnings.
    pub fn build_with_warnings(self) -> Result<(rbac::ClusterRole, Vec<Warning>), Errors> {
        let mut report = Report::new();
        let rules = rule::to_k8s(&self.rules, &mut report);
        let aggregation_rule = (!self.aggregate_from.is_empty()).then(|| rbac::AggregationRule {
            cluster_role_selectors: Some(
                self.aggregate_from
                    .into_iter()
                    .map(|labels| LabelSelector {
                        match_labels: Some(labels.into_iter().collect()),
                        match_expressions: None,
                    })
                    .collect(),
            ),
        });
        let role = rbac::ClusterRole {
            metadata: self.meta.into_object_meta(),
            // An aggregated role's rules are filled in by the controller.
            rules: (aggregation_rule.is_none() || !rules.is_empty()).then_some(rules),
            aggregation_rule,
        };
        report.merge(crate::validate::cluster_role(&role));
        report.finish(role)
    }
}

/// The path of `rules[i]`.
fn rule_path(i: usize) -> crate::FieldPath {
    At::root().field("rules").index(i).to_path()
}

#[cfg(test)]
mod tests;
