//! RBAC (`pkg/apis/rbac/validation`): Role, ClusterRole, RoleBinding, ClusterRoleBinding.
//!
//! Rules 66 to 71: the rules of a role (66, 67), aggregation (68), names (69), the role a
//! binding refers to (70) and its subjects (71).

use k8s_openapi::api::rbac::v1 as rbac;

use super::{meta, At, Report};
use crate::rules::{names, shown, suggest, Checked, Violation};

/// The API group of RBAC objects, the only one a `roleRef` may name.
pub(crate) const GROUP: &str = "rbac.authorization.k8s.io";

/// The verbs the API server's authorizers know (`*` is every verb). Others are accepted
/// but match nothing a built-in API does, so they are warnings.
const VERBS: [&str; 14] = [
    "get",
    "list",
    "watch",
    "create",
    "update",
    "patch",
    "delete",
    "deletecollection",
    "use",
    "bind",
    "escalate",
    "impersonate",
    "approve",
    "*",
];

/// A text field that is `String` in some Kubernetes versions of k8s-openapi and
/// `Option<String>` in others (`roleRef.apiGroup`).
pub(crate) trait Text {
    /// The text, empty when unset.
    fn text(&self) -> &str;
}

impl Text for String {
    fn text(&self) -> &str {
        self
    }
}

impl Text for Option<String> {
    fn text(&self) -> &str {
        self.as_deref().unwrap_or_default()
    }
}

/// Rule 69: the names of roles and bindings, and `roleRef.name`, are path segment names
/// (`minimalNameRequirements`, `path.IsValidPathSegmentName`): not `.` or `..`, no `/` or `%`.
pub(crate) fn rbac_name(name: &str) -> Checked {
    let problem = match name {
        "." => Some("may not be `.`"),
        ".." => Some("may not be `..`"),
        _ if name.contains('/') => Some("may not contain `/`"),
        _ if name.contains('%') => Some("may not contain `%`"),
        _ => None,
    };
    match problem {
        Some(problem) => Err(Violation::new(
            69,
            format!("name {} {problem}", shown(name)),
            "use a name without `/` and `%` that is not `.` or `..`",
        )),
        None => Ok(()),
    }
}

/// Checks one rule of a role at `path` (`rules[0]`): rules 66 and 67.
fn policy_rule(rule: &rbac::PolicyRule, namespaced: bool, path: &At<'_>, report: &mut Report) {
    // Rule 66: a rule allows at least one verb.
    if rule.verbs.is_empty() {
        report.error(
            &path.field("verbs"),
            66,
            "verbs must contain at least one value",
            "list the verbs the rule allows, such as `get`, `list`, `watch`",
        );
    }
    for (i, verb) in rule.verbs.iter().enumerate() {
        if !VERBS.contains(&verb.as_str()) {
            let hint = suggest::did_you_mean(verb, VERBS)
                .map(|h| format!(" ({h})"))
                .unwrap_or_default();
            report.warn(
                &path.field("verbs").index(i),
                format!(
                    "verb {} is not one the built-in APIs use{hint}; verbs are lower case",
                    shown(verb)
                ),
            );
        }
    }
    let len = |list: &Option<Vec<String>>| list.as_ref().map_or(0, Vec::len);
    if len(&rule.non_resource_urls) > 0 {
        let urls = path.field("nonResourceURLs");
        // Rule 67: URLs are not in a namespace, and a rule is about URLs or resources.
        if namespaced {
            report.error(
                &urls,
                67,
                "namespaced rules cannot apply to non-resource URLs",
                "move the rule to a ClusterRole",
            );
        }
        if len(&rule.api_groups) > 0 || len(&rule.resources) > 0 || len(&rule.resource_names) > 0 {
            report.error(
                &urls,
                67,
                "rules cannot apply to both regular resources and non-resource URLs",
                "split it into a rule for the resources and a rule for the URLs",
            );
        }
        return;
    }
    // Rule 66: a resource rule names its API groups and resources.
    if len(&rule.api_groups) == 0 {
        report.error(
            &path.field("apiGroups"),
            66,
            "resource rules must supply at least one api group",
            "add the resources' API group (`\"\"` for the core group: pods, configmaps, ...)",
        );
    }
    if len(&rule.resources) == 0 {
        report.error(
            &path.field("resources"),
            66,
            "resource rules must supply at least one resource",
            "list the resources the rule is about, such as `pods`",
        );
    }
    if len(&rule.resource_names) > 0 && len(&rule.resources) > 1 {
        report.error(
            &path.field("resourceNames"),
            66,
            "resource names cannot apply to multiple resources",
            "give each resource its own rule with its resource names",
        );
    }
}

/// The metadata and the rules of a role.
fn role_rules(
    metadata: &k8s_openapi::apimachinery::pkg::apis::meta::v1::ObjectMeta,
    rules: Option<&Vec<rbac::PolicyRule>>,
    namespaced: bool,
) -> Report {
    let mut report = Report::new();
    meta::object_meta(
        metadata,
        &At::root().field("metadata"),
        rbac_name,
        &mut report,
    );
    let rules_path = At::root().field("rules");
    for (i, rule) in rules.into_iter().flatten().enumerate() {
        policy_rule(rule, namespaced, &rules_path.index(i), &mut report);
    }
    report
}

/// Every error and warning of a Role (`ValidateRole`).
///
/// ```
/// use k8s_openapi::api::rbac::v1 as rbac;
/// use k8s_openapi::apimachinery::pkg::apis::meta::v1::ObjectMeta;
///
/// let role = rbac::Role {
///     metadata: ObjectMeta { name: Some("reader".into()), ..Default::default() },
///     rules: Some(vec![rbac::PolicyRule { resources: Some(vec!["pods".into()]), verbs: vec!["get".into()], ..Default::default() }]),
/// };
/// let report = k8s_dsl::validate::role(&role);
/// assert!(report.errors().iter().any(|e| e.path.as_str() == "rules[0].apiGroups" && e.rule == 66));
/// ```
pub fn role(role: &rbac::Role) -> Report {
    role_rules(&role.metadata, role.rules.as_ref(), true)
}

/// Every error and warning of a ClusterRole (`ValidateClusterRole`): its rules, and an
/// aggregation rule with at least one selector (rule 68).
///
/// ```
/// use k8s_openapi::api::rbac::v1 as rbac;
/// use k8s_openapi::apimachinery::pkg::apis::meta::v1::ObjectMeta;
///
/// let role = rbac::ClusterRole {
///     metadata: ObjectMeta { name: Some("monitoring".into()), ..Default::default() },
///     aggregation_rule: Some(rbac::AggregationRule { cluster_role_selectors: Some(vec![]) }),
///     rules: None,
/// };
/// let report = k8s_dsl::validate::cluster_role(&role);
/// assert!(report.errors().iter().any(|e| e.path.as_str() == "aggregationRule.clusterRoleSelectors" && e.rule == 68));
/// ```
pub fn cluster_role(role: &rbac::ClusterRole) -> Report {
    let mut report = role_rules(&role.metadata, role.rules.as_ref(), false);
    if let Some(aggregation) = &role.aggregation_rule {
        let selectors = aggregation.cluster_role_selectors.as_deref().unwrap_or(&[]);
        let aggregation_path = At::root().field("aggregationRule");
        let path = aggregation_path.field("clusterRoleSelectors");
        if selectors.is_empty() {
            report.error(
                &path,
                68,
                "at least one clusterRoleSelector required if aggregationRule is non-nil",
                "select the ClusterRoles to aggregate by label, or leave out `aggregationRule`",
            );
        }
        for (i, selector) in selectors.iter().enumerate() {
            if let Some(labels) = &selector.match_labels {
                meta::label_map(&path.index(i).field("matchLabels"), labels, &mut report);
            }
        }
    }
    report
}

/// Rule 70: `roleRef` names a role of the RBAC group, of a kind in `kinds`, by a valid name.
fn role_ref(role_ref: &rbac::RoleRef, kinds: &[&str], report: &mut Report) {
    let path = At::root().field("roleRef");
    if role_ref.api_group.text() != GROUP {
        report.error(
            &path.field("apiGroup"),
            70,
            format!(
                "apiGroup {} is not supported; the supported value is `{GROUP}`",
                shown(role_ref.api_group.text())
            ),
            format!("use `{GROUP}`"),
        );
    }
    if !kinds.contains(&role_ref.kind.as_str()) {
        report.error(
            &path.field("kind"),
            70,
            format!(
                "kind {} is not supported; supported values: {}",
                shown(&role_ref.kind),
                kinds.join(", ")
            ),
            suggest::fix_for_value(&role_ref.kind, kinds.iter().copied()),
        );
    }
    let name = path.field("name");
    if role_ref.name.is_empty() {
        report.error(
            &name,
            69,
            "the role's name is required",
            "name the role to bind",
        );
    } else {
        report.check(&name, rbac_name(&role_ref.name));
    }
}

/// Rule 71: one subject of a binding (`validateRoleBindingSubject`).
fn subject(subject: &rbac::Subject, namespaced: bool, path: &At<'_>, report: &mut Report) {
    let name = path.field("name");
    if subject.name.is_empty() {
        report.error(
            &name,
            71,
            "the subject's name is required",
            "name the subject",
        );
    }
    let api_group = subject.api_group.as_deref().unwrap_or_default();
    match subject.kind.as_str() {
        "ServiceAccount" => {
            if !subject.name.is_empty() {
                report.check(
                    &name,
                    names::dns1123_subdomain(&subject.name, 71, "service account name"),
                );
            }
            if !api_group.is_empty() {
                report.error(
                    &path.field("apiGroup"),
                    71,
                    format!(
                        "apiGroup {} is not supported for a ServiceAccount; it is the core group",
                        shown(api_group)
                    ),
                    "leave `apiGroup` out (or empty)",
                );
            }
            if !namespaced && subject.namespace.as_deref().unwrap_or_default().is_empty() {
                report.error(
                    &path.field("namespace"),
                    71,
                    "a ServiceAccount subject of a ClusterRoleBinding needs its namespace",
                    "set the ServiceAccount's namespace",
                );
            }
        }
        "User" | "Group" => {
            if api_group != GROUP {
                report.error(
                    &path.field("apiGroup"),
                    71,
                    format!(
                        "apiGroup {} is not supported for a {}; the supported value is `{GROUP}`",
                        shown(api_group),
                        subject.kind
                    ),
                    format!("use `{GROUP}`"),
                );
            }
        }
        other => {
            let kinds = ["ServiceAccount", "User", "Group"];
            report.error(
                &path.field("kind"),
                71,
                format!(
                    "kind {} is not supported; supported values: {}",
                    shown(other),
                    kinds.join(", ")
                ),
                suggest::fix_for_value(other, kinds),
            );
        }
    }
}

/// The metadata, role and subjects of a binding.
fn binding(
    metadata: &k8s_openapi::apimachinery::pkg::apis::meta::v1::ObjectMeta,
    role: &rbac::RoleRef,
    subjects: Option<&Vec<rbac::Subject>>,
    namespaced: bool,
) -> Report {
    let mut report = Report::new();
    meta::object_meta(
        metadata,
        &At::root().field("metadata"),
        rbac_name,
        &mut report,
    );
    let kinds: &[&str] = if namespaced {
        &["Role", "ClusterRole"]
    } else {
        &["ClusterRole"]
    };
    role_ref(role, kinds, &mut report);
    let path = At::root().field("subjects");
    for (i, s) in subjects.into_iter().flatten().enumerate() {
        subject(s, namespaced, &path.index(i), &mut report);
    }
    report
}

/// Every error and warning of a RoleBinding (`ValidateRoleBinding`).
///
/// ```
/// use k8s_openapi::api::rbac::v1 as rbac;
/// use k8s_openapi::apimachinery::pkg::apis::meta::v1::ObjectMeta;
///
/// let binding = rbac::RoleBinding {
///     metadata: ObjectMeta { name: Some("read-pods".into()), ..Default::default() },
///     role_ref: rbac::RoleRef { api_group: "rbac.authorization.k8s.io".to_owned().into(), kind: "role".into(), name: "reader".into() },
///     subjects: None,
/// };
/// let report = k8s_dsl::validate::role_binding(&binding);
/// assert!(report.errors().iter().any(|e| e.path.as_str() == "roleRef.kind" && e.rule == 70));
/// ```
pub fn role_binding(binding_: &rbac::RoleBinding) -> Report {
    binding(
        &binding_.metadata,
        &binding_.role_ref,
        binding_.subjects.as_ref(),
        true,
    )
}

/// Every error and warning of a ClusterRoleBinding (`ValidateClusterRoleBinding`): it binds
/// a ClusterRole, and its ServiceAccount subjects name their namespace.
///
/// ```
/// use k8s_openapi::api::rbac::v1 as rbac;
/// use k8s_openapi::apimachinery::pkg::apis::meta::v1::ObjectMeta;
///
/// let binding = rbac::ClusterRoleBinding {
///     metadata: ObjectMeta { name: Some("robots".into()), ..Default::default() },
///     role_ref: rbac::RoleRef { api_group: "rbac.authorization.k8s.io".to_owned().into(), kind: "ClusterRole".into(), name: "view".into() },
///     subjects: Some(vec![rbac::Subject { kind: "ServiceAccount".into(), name: "robot".into(), ..Default::default() }]),
/// };
/// let report = k8s_dsl::validate::cluster_role_binding(&binding);
/// assert!(report.errors().iter().any(|e| e.path.as_str() == "subjects[0].namespace" && e.rule == 71));
/// ```
pub fn cluster_role_binding(binding_: &rbac::ClusterRoleBinding) -> Report {
    binding(
        &binding_.metadata,
        &binding_.role_ref,
        binding_.subjects.as_ref(),
        false,
    )
}
