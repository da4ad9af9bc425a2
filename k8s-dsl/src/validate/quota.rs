//! ResourceQuota and LimitRange (`pkg/apis/core/validation`): rules 89 to 92.
//!
//! - 89: a quota's `hard` limits name quota resources, with quantities not below zero (whole
//!   numbers for counted resources).
//! - 90: a quota's `scopes` and `scopeSelector` are known, do not conflict, and fit its resources.
//! - 91: a LimitRange's items: a known type once each, resource names, no defaults for `Pod`,
//!   a storage bound for `PersistentVolumeClaim`.
//! - 92: a LimitRange's values are ordered: min ≤ defaultRequest ≤ default ≤ max, and the
//!   limit/request ratio lies between 1 and max/min.

use std::cmp::Ordering;
use std::collections::{BTreeMap, BTreeSet};

use k8s_openapi::api::core::v1 as core;
use k8s_openapi::apimachinery::pkg::api::resource::Quantity as K8sQuantity;

use super::{meta, At, Report};
use crate::rules::quantity::{self, Quantity};
use crate::rules::{labels, shown, suggest, Checked, Violation};

/// The quota resources without a domain (`IsStandardQuotaResourceName`), besides huge pages.
pub(crate) const QUOTA_RESOURCES: [&str; 19] = [
    "pods",
    "services",
    "replicationcontrollers",
    "resourcequotas",
    "secrets",
    "configmaps",
    "persistentvolumeclaims",
    "services.nodeports",
    "services.loadbalancers",
    "cpu",
    "memory",
    "ephemeral-storage",
    "requests.cpu",
    "requests.memory",
    "requests.storage",
    "requests.ephemeral-storage",
    "limits.cpu",
    "limits.memory",
    "limits.ephemeral-storage",
];
/// The counted resources, whose quantities are whole numbers (`integerResources`).
const INTEGER_RESOURCES: [&str; 9] = [
    "pods",
    "services",
    "replicationcontrollers",
    "resourcequotas",
    "secrets",
    "configmaps",
    "persistentvolumeclaims",
    "services.nodeports",
    "services.loadbalancers",
];
/// The quota scopes (`standardResourceQuotaScopes`).
pub(crate) const SCOPES: [&str; 7] = [
    "Terminating",
    "NotTerminating",
    "BestEffort",
    "NotBestEffort",
    "PriorityClass",
    "CrossNamespacePodAffinity",
    "VolumeAttributesClass",
];
/// The resources a scope about pods' compute applies to (`podComputeQuotaResources` and pods).
const POD_RESOURCES: [&str; 10] = [
    "pods",
    "cpu",
    "memory",
    "ephemeral-storage",
    "requests.cpu",
    "requests.memory",
    "requests.ephemeral-storage",
    "limits.cpu",
    "limits.memory",
    "limits.ephemeral-storage",
];
const SELECTOR_OPERATORS: [&str; 4] = ["In", "NotIn", "Exists", "DoesNotExist"];
/// The limit types without a domain.
pub(crate) const LIMIT_TYPES: [&str; 3] = ["Pod", "Container", "PersistentVolumeClaim"];

/// Whether `name` is a huge page resource, bare or with a `requests.` prefix.
fn huge_pages(name: &str) -> bool {
    let bare = name.strip_prefix("requests.").unwrap_or(name);
    quantity::huge_page_size(bare).is_some()
}

/// Rule 89: a quota resource name (`validateResourceQuotaResourceName`): a qualified name,
/// and a standard quota resource when it has no domain.
fn quota_resource_name(name: &str) -> Checked {
    labels::qualified_name(name, 89, "quota resource name")?;
    if name.contains('/') || QUOTA_RESOURCES.contains(&name) || huge_pages(name) {
        return Ok(());
    }
    Err(Violation::new(
        89,
        format!(
            "{} is not a standard quota resource; expected one such as `pods`, `requests.cpu`, \
             `limits.memory`, `count/deployments.apps`",
            shown(name)
        ),
        suggest::fix_for_value(name, QUOTA_RESOURCES),
    ))
}

/// Whether a resource's quantity must be a whole number (`IsIntegerResourceName`): the counted
/// resources, and extended resources (a domain that is not `kubernetes.io`, no `requests.`
/// prefix, such as `count/pods` or `example.com/gpu`).
fn integer_resource(name: &str) -> bool {
    INTEGER_RESOURCES.contains(&name)
        || (name.contains('/')
            && !name.contains("kubernetes.io/")
            && !name.starts_with("requests.")
            && labels::qualified_name(&format!("requests.{name}"), 0, "name").is_ok())
}

/// Rule 89: the quantity of `resource` (`ValidateResourceQuantityValue`).
fn quota_quantity(resource: &str, value: &K8sQuantity, path: &At<'_>, report: &mut Report) {
    let Some(parsed) = report.check(path, Quantity::parse(&value.0)) else {
        return;
    };
    if parsed.is_negative() {
        report.error(
            path,
            89,
            format!("{} must be greater than or equal to 0", shown(&value.0)),
            "give a limit of zero or more",
        );
    }
    if integer_resource(resource) && parsed.as_nanos() % 1_000_000_000 != 0 {
        report.error(
            path,
            89,
            format!("{} must be an integer", shown(&value.0)),
            format!("count `{resource}` in whole numbers"),
        );
    }
}

/// Whether `scope` can limit `resource` (`IsResourceQuotaScopeValidForResource`).
fn scope_fits(scope: &str, resource: &str) -> bool {
    match scope {
        "BestEffort" => resource == "pods",
        "VolumeAttributesClass" => {
            ["persistentvolumeclaims", "requests.storage"].contains(&resource)
        }
        "Terminating"
        | "NotTerminating"
        | "NotBestEffort"
        | "PriorityClass"
        | "CrossNamespacePodAffinity" => POD_RESOURCES.contains(&resource),
        _ => true,
    }
}

/// Rule 90: the scopes of a quota (`validateResourceQuotaScopes`).
fn scopes(spec: &core::ResourceQuotaSpec, path: &At<'_>, report: &mut Report) {
    let at = path.field("scopes");
    let scopes = spec.scopes.as_deref().unwrap_or_default();
    let hard: Vec<&str> = spec
        .hard
        .iter()
        .flatten()
        .map(|(k, _)| k.as_str())
        .collect();
    for scope in scopes {
        if !SCOPES.contains(&scope.as_str()) {
            report.error(
                &at,
                90,
                format!("unsupported scope {}", shown(scope)),
                suggest::fix_for_value(scope, SCOPES),
            );
            continue;
        }
        let standard = hard.iter().filter(|r| QUOTA_RESOURCES.contains(*r));
        for resource in standard.filter(|r| !scope_fits(scope, r)) {
            report.error(
                &at,
                90,
                format!(
                    "unsupported scope {} applied to resource `{resource}`",
                    shown(scope)
                ),
                "limit that resource in a quota without this scope",
            );
        }
    }
    let has = |s: &str| scopes.iter().any(|scope| scope == s);
    for (a, b) in [
        ("BestEffort", "NotBestEffort"),
        ("Terminating", "NotTerminating"),
    ] {
        if has(a) && has(b) {
            report.error(
                &at,
                90,
                format!("conflicting scopes `{a}` and `{b}`"),
                "keep one of them; make a second quota for the other",
            );
        }
    }
}

/// Rule 90: one expression of a quota's scope selector
/// (`validateScopedResourceSelectorRequirement`).
fn scope_expression(
    expression: &core::ScopedResourceSelectorRequirement,
    at: &At<'_>,
    report: &mut Report,
) {
    let scope = expression.scope_name.as_str();
    if !SCOPES.contains(&scope) {
        report.error(
            &at.field("scopeName"),
            90,
            format!("unsupported scope {}", shown(scope)),
            suggest::fix_for_value(scope, SCOPES),
        );
    }
    let operator = expression.operator.as_str();
    let values = expression.values.as_deref().unwrap_or_default();
    let pod_phase = [
        "Terminating",
        "NotTerminating",
        "BestEffort",
        "NotBestEffort",
    ];
    if pod_phase.contains(&scope) && operator != "Exists" {
        report.error(
            &at.field("operator"),
            90,
            format!("must be 'Exists' when scope is {}", shown(scope)),
            "use `operator: Exists`",
        );
    }
    match operator {
        "In" | "NotIn" if values.is_empty() => report.error(
            &at.field("values"),
            90,
            "must be at least one value when `operator` is 'In' or 'NotIn' for scope selector",
            "list the values to match",
        ),
        "Exists" | "DoesNotExist" if !values.is_empty() => report.error(
            &at.field("values"),
            90,
            "must be no value when `operator` is 'Exist' or 'DoesNotExist' for scope selector",
            "remove `values`",
        ),
        "In" | "NotIn" | "Exists" | "DoesNotExist" => {}
        other => report.error(
            &at.field("operator"),
            90,
            format!(
                "operator {} is not supported; supported values: In, NotIn, Exists, DoesNotExist",
                shown(other)
            ),
            suggest::fix_for_value(other, SELECTOR_OPERATORS),
        ),
    }
}

/// Every error and warning of a ResourceQuota (`ValidateResourceQuota`).
///
/// ```
/// use k8s_openapi::api::core::v1 as core;
///
/// let quota: core::ResourceQuota = serde_json::from_value(serde_json::json!({
///     "apiVersion": "v1", "kind": "ResourceQuota", "metadata": { "name": "compute" },
///     "spec": { "hard": { "pods": "10.5", "gpus": "2" }, "scopes": ["BestEffort", "NotBestEffort"] },
/// }))?;
/// let report = k8s_dsl::validate::resource_quota(&quota);
/// let has = |path: &str, rule: u16| report.errors().iter().any(|e| e.path.as_str() == path && e.rule == rule);
/// assert!(has("spec.hard[pods]", 89)); // a count is a whole number
/// assert!(has("spec.hard[gpus]", 89)); // no such quota resource
/// assert!(has("spec.scopes", 90)); // conflicting scopes
/// # Ok::<(), serde_json::Error>(())
/// ```
pub fn resource_quota(quota: &core::ResourceQuota) -> Report {
    let mut report = Report::new();
    meta::object_meta(
        &quota.metadata,
        &At::root().field("metadata"),
        meta::any_name,
        &mut report,
    );
    let spec = quota.spec.clone().unwrap_or_default();
    let path = At::root().field("spec");
    let hard_at = path.field("hard");
    for (resource, value) in spec.hard.iter().flatten() {
        let at = hard_at.key(resource);
        if report.check(&at, quota_resource_name(resource)).is_some() {
            quota_quantity(resource, value, &at, &mut report);
        }
    }
    scopes(&spec, &path, &mut report);
    if let Some(selector) = &spec.scope_selector {
        let selector_at = path.field("scopeSelector");
        let at = selector_at.field("matchExpressions");
        // The API server prints these paths without the index
        // (`spec.scopeSelector.matchExpressions.operator`).
        for expression in selector.match_expressions.iter().flatten() {
            scope_expression(expression, &at, &mut report);
        }
    }
    report
}

/// Rule 91: a resource name of a LimitRange item (`validateLimitRangeResourceName`): a container
/// resource (rule 48) for `Pod` and `Container` items, any resource name otherwise.
fn limit_resource_name(kind: &str, name: &str, at: &At<'_>, report: &mut Report) {
    if kind == "Pod" || kind == "Container" {
        report.check(at, quantity::resource_name(name));
        return;
    }
    if let Err(violation) = labels::qualified_name(name, 91, "resource name") {
        report.violation(at, violation);
    } else if !name.contains('/')
        && ![
            "storage",
            "requests.storage",
            "cpu",
            "memory",
            "ephemeral-storage",
        ]
        .contains(&name)
        && !QUOTA_RESOURCES.contains(&name)
        && !huge_pages(name)
    {
        report.error(
            at,
            91,
            format!(
                "{} must be a standard resource type or fully qualified",
                shown(name)
            ),
            "use `storage` for claims, or a domain-prefixed name",
        );
    }
}

/// Rule 91: the type of a LimitRange item (`validateLimitRangeTypeName`).
fn limit_type(kind: &str, at: &At<'_>, report: &mut Report) {
    if let Err(violation) = labels::qualified_name(kind, 91, "limit type") {
        report.violation(at, violation);
    } else if !kind.contains('/') && !LIMIT_TYPES.contains(&kind) {
        report.error(
            at,
            91,
            format!(
                "limit type {} must be a standard limit type or fully qualified; \
                 expected `Pod`, `Container` or `PersistentVolumeClaim`",
                shown(kind)
            ),
            suggest::fix_for_value(kind, LIMIT_TYPES),
        );
    }
}

/// The parsed quantities of one field of an item (bad quantities reported, rule 48).
fn quantities(
    map: Option<&BTreeMap<String, K8sQuantity>>,
    kind: &str,
    at: &At<'_>,
    report: &mut Report,
) -> BTreeMap<String, Quantity> {
    let mut parsed = BTreeMap::new();
    for (name, value) in map.into_iter().flatten() {
        let entry = at.key(name);
        limit_resource_name(kind, name, &entry, report);
        if let Some(q) = report.check(&entry, Quantity::parse(&value.0)) {
            parsed.insert(name.clone(), q);
        }
    }
    parsed
}

/// The quantities of one LimitRange item, by field.
struct ItemValues {
    min: BTreeMap<String, Quantity>,
    max: BTreeMap<String, Quantity>,
    default: BTreeMap<String, Quantity>,
    default_request: BTreeMap<String, Quantity>,
    ratio: BTreeMap<String, Quantity>,
}

/// Whether requests of `resource` may be below its limits (`IsOvercommitAllowed`): not for
/// huge pages and extended resources.
fn overcommit_allowed(resource: &str) -> bool {
    (!resource.contains('/') || resource.contains("kubernetes.io/")) && !huge_pages(resource)
}

/// Rule 92: the values of one resource of an item, in order.
fn ordered(values: &ItemValues, resource: &str, at: &At<'_>, report: &mut Report) {
    let get = |map: &BTreeMap<String, Quantity>| map.get(resource).cloned();
    let (min, max) = (get(&values.min), get(&values.max));
    let (default, request) = (get(&values.default), get(&values.default_request));
    let greater = |a: &Option<Quantity>, b: &Option<Quantity>| match (a, b) {
        (Some(a), Some(b)) => a.cmp_value(b) == Ordering::Greater,
        _ => false,
    };
    let show = |q: &Option<Quantity>| {
        q.as_ref()
            .map(|q| q.as_str().to_owned())
            .unwrap_or_default()
    };
    let pairs = [
        ("min", &min, "max value", &max, "min"),
        (
            "min",
            &min,
            "default request value",
            &request,
            "defaultRequest",
        ),
        (
            "default request",
            &request,
            "max value",
            &max,
            "defaultRequest",
        ),
        (
            "default request",
            &request,
            "default limit value",
            &default,
            "defaultRequest",
        ),
        ("min", &min, "default value", &default, "default"),
        ("default", &default, "max value", &max, "default"),
    ];
    for (what, a, than, b, field) in pairs {
        if greater(a, b) {
            report.error(
                &at.field(field).key(resource),
                92,
                format!(
                    "{what} value {} is greater than {than} {}",
                    show(a),
                    show(b)
                ),
                "order the values: min ≤ defaultRequest ≤ default ≤ max",
            );
        }
    }
    if let Some(ratio) = get(&values.ratio) {
        let ratio_field = at.field("maxLimitRequestRatio");
        let ratio_at = ratio_field.key(resource);
        if ratio.as_nanos() < 1_000_000_000 {
            report.error(
                &ratio_at,
                92,
                format!("ratio {} is less than 1", ratio.as_str()),
                "give a ratio of 1 or more",
            );
        }
        if let (Some(min), Some(max)) = (&min, &max) {
            // ratio > max / min, compared as ratio × min > max (no division by zero).
            let over = ratio
                .as_nanos()
                .checked_mul(min.as_nanos())
                .zip(max.as_nanos().checked_mul(1_000_000_000))
                .is_some_and(|(lhs, rhs)| min.as_nanos() > 0 && lhs > rhs);
            if over {
                report.error(
                    &ratio_at,
                    92,
                    format!(
                        "ratio {} is greater than max/min ({} / {})",
                        ratio.as_str(),
                        max.as_str(),
                        min.as_str()
                    ),
                    "lower the ratio, or widen min and max",
                );
            }
        }
    }
    if !overcommit_allowed(resource) {
        if let (Some(d), Some(r)) = (&default, &request) {
            if d.cmp_value(r) != Ordering::Equal {
                report.error(
                    &at.field("defaultRequest").key(resource),
                    92,
                    format!(
                        "default value {} must equal to defaultRequest value {} in {resource}",
                        d.as_str(),
                        r.as_str()
                    ),
                    "a resource that cannot be overcommitted has equal requests and limits",
                );
            }
        }
    }
}

/// Rules 91 and 92: one item of a LimitRange.
fn limit_item(item: &core::LimitRangeItem, at: &At<'_>, report: &mut Report) {
    let kind = item.type_.as_str();
    limit_type(kind, &at.field("type"), report);
    let mut values = ItemValues {
        max: quantities(item.max.as_ref(), kind, &at.field("max"), report),
        min: quantities(item.min.as_ref(), kind, &at.field("min"), report),
        default: quantities(item.default.as_ref(), kind, &at.field("default"), report),
        default_request: quantities(
            item.default_request.as_ref(),
            kind,
            &at.field("defaultRequest"),
            report,
        ),
        ratio: BTreeMap::new(),
    };
    if kind == "Pod" {
        for (field, map) in [
            ("default", &item.default),
            ("defaultRequest", &item.default_request),
        ] {
            if map.as_ref().is_some_and(|m| !m.is_empty()) {
                report.error(
                    &at.field(field),
                    91,
                    format!("`{field}` may not be specified when `type` is 'Pod'"),
                    "set defaults on a `Container` item",
                );
            }
        }
    }
    values.ratio = quantities(
        item.max_limit_request_ratio.as_ref(),
        kind,
        &at.field("maxLimitRequestRatio"),
        report,
    );
    if kind == "PersistentVolumeClaim"
        && !values.min.contains_key("storage")
        && !values.max.contains_key("storage")
    {
        report.error(
            &at.field("limits"),
            91,
            "either minimum or maximum storage value is required, but neither was provided",
            "give `min.storage` or `max.storage`",
        );
    }
    let resources: BTreeSet<String> = [
        &values.min,
        &values.max,
        &values.default,
        &values.default_request,
        &values.ratio,
    ]
    .into_iter()
    .flat_map(|m| m.keys().cloned())
    .collect();
    for resource in &resources {
        ordered(&values, resource, at, report);
    }
}

/// Every error and warning of a LimitRange (`ValidateLimitRange`).
///
/// ```
/// use k8s_openapi::api::core::v1 as core;
///
/// let range: core::LimitRange = serde_json::from_value(serde_json::json!({
///     "apiVersion": "v1", "kind": "LimitRange", "metadata": { "name": "defaults" },
///     "spec": { "limits": [
///         { "type": "Container", "default": { "cpu": "500m" }, "max": { "cpu": "250m" } },
///         { "type": "Pod", "default": { "memory": "1Gi" } },
///     ] },
/// }))?;
/// let report = k8s_dsl::validate::limit_range(&range);
/// let has = |path: &str, rule: u16| report.errors().iter().any(|e| e.path.as_str() == path && e.rule == rule);
/// assert!(has("spec.limits[0].default[cpu]", 92)); // above max
/// assert!(has("spec.limits[1].default", 91)); // no defaults for a pod
/// # Ok::<(), serde_json::Error>(())
/// ```
pub fn limit_range(range: &core::LimitRange) -> Report {
    let mut report = Report::new();
    meta::object_meta(
        &range.metadata,
        &At::root().field("metadata"),
        meta::any_name,
        &mut report,
    );
    let spec_at = At::root().field("spec");
    let at = spec_at.field("limits");
    let mut seen = BTreeSet::new();
    for (i, item) in range
        .spec
        .iter()
        .flat_map(|spec| spec.limits.iter())
        .enumerate()
    {
        let item_at = at.index(i);
        limit_item(item, &item_at, &mut report);
        if !seen.insert(item.type_.clone()) {
            report.error(
                &item_at.field("type"),
                91,
                format!("duplicate value {}", shown(&item.type_)),
                "put all limits of a type in one item",
            );
        }
    }
    report
}
