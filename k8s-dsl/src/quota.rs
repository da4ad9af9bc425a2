//! Quotas: [`ResourceQuota`] (what a namespace may use in total) and [`LimitRange`] (the
//! bounds and defaults of each container, pod or claim).
//!
//! ```
//! use k8s_dsl::prelude::*;
//!
//! let quota = ResourceQuota::new("compute")
//!     .namespace("shop")
//!     .hard("requests.cpu", "4")
//!     .hard("limits.memory", "16Gi")
//!     .hard("pods", "20")
//!     .build()?;
//! let limits = LimitRange::new("defaults")
//!     .namespace("shop")
//!     .limit(Limits::container().default("cpu", "500m").default_request("cpu", "250m").max("memory", "2Gi"))
//!     .build()?;
//! assert_eq!(quota.spec.unwrap().hard.unwrap()["pods"].0, "20");
//! assert_eq!(limits.spec.unwrap().limits[0].type_, "Container");
//! # Ok::<(), k8s_dsl::Errors>(())
//! ```

use std::collections::BTreeMap;

use k8s_openapi::api::core::v1 as core;
use k8s_openapi::apimachinery::pkg::api::resource::Quantity as K8sQuantity;

use crate::meta::Meta;
use crate::rules::quantity::Quantity;
use crate::storage::quantity_text;
use crate::validate::{Errors, Warning};
use crate::value::Parsed;
use crate::workload::meta_methods;

/// Which pods or claims a quota counts (`spec.scopes`, rule 90).
///
/// ```
/// use k8s_dsl::prelude::*;
///
/// assert_eq!(QuotaScope::NotBestEffort.as_str(), "NotBestEffort");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum QuotaScope {
    /// Pods with an `activeDeadlineSeconds` (they end).
    Terminating,
    /// Pods without one.
    NotTerminating,
    /// Pods without requests or limits (only `pods` can be limited).
    BestEffort,
    /// Pods with requests or limits.
    NotBestEffort,
    /// Pods with a priority class (narrowed by a scope selector).
    PriorityClass,
    /// Pods with cross-namespace affinity terms.
    CrossNamespacePodAffinity,
    /// Claims with a volume attributes class.
    VolumeAttributesClass,
}

impl QuotaScope {
    /// The Kubernetes spelling.
    pub fn as_str(&self) -> &'static str {
        match self {
            QuotaScope::Terminating => "Terminating",
            QuotaScope::NotTerminating => "NotTerminating",
            QuotaScope::BestEffort => "BestEffort",
            QuotaScope::NotBestEffort => "NotBestEffort",
            QuotaScope::PriorityClass => "PriorityClass",
            QuotaScope::CrossNamespacePodAffinity => "CrossNamespacePodAffinity",
            QuotaScope::VolumeAttributesClass => "VolumeAttributesClass",
        }
    }
}

/// Resource names and quantities as k8s-openapi keeps them (checked by the validation pass).
fn quantity_map(map: &BTreeMap<String, Parsed<Quantity>>) -> Option<BTreeMap<String, K8sQuantity>> {
    (!map.is_empty()).then(|| {
        map.iter()
            .map(|(name, size)| (name.clone(), quantity_text(size)))
            .collect()
    })
}

/// A ResourceQuota: the total a namespace's objects may request, limit or count.
///
/// ```
/// use k8s_dsl::prelude::*;
///
/// let quota = ResourceQuota::new("high-priority")
///     .hard("pods", "10")
///     .hard("requests.cpu", "1000")
///     .priority_classes(["high"])
///     .build()?;
/// let selector = quota.spec.unwrap().scope_selector.unwrap();
/// assert_eq!(selector.match_expressions.unwrap()[0].values.as_deref(), Some(&["high".to_owned()][..]));
///
/// let errors = ResourceQuota::new("q")
///     .hard("pods", "2.5")
///     .hard("cpus", "4")
///     .scope(QuotaScope::BestEffort)
///     .build()
///     .unwrap_err();
/// assert!(errors.has("spec.hard[pods]", 89));
/// assert!(errors.has("spec.hard[cpus]", 89));
/// # Ok::<(), k8s_dsl::Errors>(())
/// ```
#[derive(Debug, Clone)]
pub struct ResourceQuota {
    pub(crate) meta: Meta,
    hard: BTreeMap<String, Parsed<Quantity>>,
    scopes: Vec<QuotaScope>,
    selector: Vec<core::ScopedResourceSelectorRequirement>,
}

impl ResourceQuota {
    /// A quota called `name` (a DNS subdomain).
    pub fn new(name: impl Into<String>) -> Self {
        ResourceQuota {
            meta: Meta::new(name),
            hard: BTreeMap::new(),
            scopes: Vec::new(),
            selector: Vec::new(),
        }
    }

    meta_methods!();

    /// A limit: `resource` (`requests.cpu`, `limits.memory`, `pods`, `count/deployments.apps`,
    /// `<class>.storageclass.storage.k8s.io/requests.storage`, ...) up to `value` (rule 89).
    pub fn hard(mut self, resource: impl Into<String>, value: impl Into<Parsed<Quantity>>) -> Self {
        self.hard.insert(resource.into(), value.into());
        self
    }

    /// Counts only the objects in `scope` (rule 90).
    pub fn scope(mut self, scope: QuotaScope) -> Self {
        if !self.scopes.contains(&scope) {
            self.scopes.push(scope);
        }
        self
    }

    /// Counts only the pods of the priority classes `classes` (a scope selector).
    pub fn priority_classes<S: Into<String>>(
        mut self,
        classes: impl IntoIterator<Item = S>,
    ) -> Self {
        self.selector.push(core::ScopedResourceSelectorRequirement {
            scope_name: QuotaScope::PriorityClass.as_str().to_owned(),
            operator: "In".to_owned(),
            values: Some(classes.into_iter().map(Into::into).collect()),
        });
        self
    }

    /// The k8s-openapi `ResourceQuota`, or every error found.
    pub fn build(self) -> Result<core::ResourceQuota, Errors> {
        self.build_with_warnings().map(|(quota, _)| quota)
    }

    /// Like [`build`](Self::build), also returning the warnings.
    pub fn build_with_warnings(self) -> Result<(core::ResourceQuota, Vec<Warning>), Errors> {
        let scopes: Vec<String> = self.scopes.iter().map(|s| s.as_str().to_owned()).collect();
        let quota = core::ResourceQuota {
            metadata: self.meta.into_object_meta(),
            spec: Some(core::ResourceQuotaSpec {
                hard: quantity_map(&self.hard),
                scopes: (!scopes.is_empty()).then_some(scopes),
                scope_selector: (!self.selector.is_empty()).then_some(core::ScopeSelector {
                    match_expressions: Some(self.selector),
                }),
            }),
            status: None,
        };
        crate::validate::resource_quota(&quota).finish(quota)
    }
}

/// The bounds and defaults of one kind of object in a [`LimitRange`]: each container, each
/// pod (the sum of its containers) or each claim.
///
/// ```
/// use k8s_dsl::prelude::*;
///
/// let item = Limits::claim().min("storage", "1Gi").max("storage", "50Gi").to_k8s();
/// assert_eq!(item.type_, "PersistentVolumeClaim");
/// assert_eq!(item.max.unwrap()["storage"].0, "50Gi");
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Limits {
    kind: String,
    min: BTreeMap<String, Parsed<Quantity>>,
    max: BTreeMap<String, Parsed<Quantity>>,
    default: BTreeMap<String, Parsed<Quantity>>,
    default_request: BTreeMap<String, Parsed<Quantity>>,
    ratio: BTreeMap<String, Parsed<Quantity>>,
}

impl Limits {
    fn of(kind: &str) -> Self {
        Limits {
            kind: kind.to_owned(),
            min: BTreeMap::new(),
            max: BTreeMap::new(),
            default: BTreeMap::new(),
            default_request: BTreeMap::new(),
            ratio: BTreeMap::new(),
        }
    }

    /// The limits of each container.
    pub fn container() -> Self {
        Limits::of("Container")
    }

    /// The limits of each pod (its containers together; no defaults, rule 91).
    pub fn pod() -> Self {
        Limits::of("Pod")
    }

    /// The limits of each PersistentVolumeClaim (a `min` or `max` of `storage`, rule 91).
    pub fn claim() -> Self {
        Limits::of("PersistentVolumeClaim")
    }

    /// The smallest request of `resource` allowed.
    pub fn min(mut self, resource: impl Into<String>, value: impl Into<Parsed<Quantity>>) -> Self {
        self.min.insert(resource.into(), value.into());
        self
    }

    /// The largest limit of `resource` allowed.
    pub fn max(mut self, resource: impl Into<String>, value: impl Into<Parsed<Quantity>>) -> Self {
        self.max.insert(resource.into(), value.into());
        self
    }

    /// The limit of `resource` given to containers that set none.
    pub fn default(
        mut self,
        resource: impl Into<String>,
        value: impl Into<Parsed<Quantity>>,
    ) -> Self {
        self.default.insert(resource.into(), value.into());
        self
    }

    /// The request of `resource` given to containers that set none.
    pub fn default_request(
        mut self,
        resource: impl Into<String>,
        value: impl Into<Parsed<Quantity>>,
    ) -> Self {
        self.default_request.insert(resource.into(), value.into());
        self
    }

    /// The largest limit/request ratio of `resource` (1 or more, and at most max/min; rule 92).
    pub fn max_ratio(
        mut self,
        resource: impl Into<String>,
        value: impl Into<Parsed<Quantity>>,
    ) -> Self {
        self.ratio.insert(resource.into(), value.into());
        self
    }

    /// The k8s-openapi `LimitRangeItem`.
    pub fn to_k8s(&self) -> core::LimitRangeItem {
        core::LimitRangeItem {
            type_: self.kind.clone(),
            min: quantity_map(&self.min),
            max: quantity_map(&self.max),
            default: quantity_map(&self.default),
            default_request: quantity_map(&self.default_request),
            max_limit_request_ratio: quantity_map(&self.ratio),
        }
    }
}

/// A LimitRange: bounds and defaults for each container, pod or claim of its namespace.
///
/// ```
/// use k8s_dsl::prelude::*;
///
/// let range = LimitRange::new("cpu-defaults")
///     .limit(Limits::container().default("cpu", "1").default_request("cpu", "500m"))
///     .build()?;
/// assert_eq!(range.spec.unwrap().limits[0].default_request.clone().unwrap()["cpu"].0, "500m");
///
/// let errors = LimitRange::new("bad")
///     .limit(Limits::container().min("memory", "1Gi").max("memory", "512Mi"))
///     .limit(Limits::pod().default("cpu", "1"))
///     .build()
///     .unwrap_err();
/// assert!(errors.has("spec.limits[0].min[memory]", 92));
/// assert!(errors.has("spec.limits[1].default", 91));
/// # Ok::<(), k8s_dsl::Errors>(())
/// ```
#[derive(Debug, Clone)]
pub struct LimitRange {
    pub(crate) meta: Meta,
    limits: Vec<Limits>,
}

impl LimitRange {
    /// A LimitRange called `name` (a DNS subdomain).
    pub fn new(name: impl Into<String>) -> Self {
        LimitRange {
            meta: Meta::new(name),
            limits: Vec::new(),
        }
    }

    meta_methods!();

    /// Adds the limits of one kind of object (each kind once, rule 91).
    pub fn limit(mut self, limits: Limits) -> Self {
        self.limits.push(limits);
        self
    }

    /// The k8s-openapi `LimitRange`, or every error found.
    pub fn build(self) -> Result<core::LimitRange, Errors> {
        self.build_with_warnings().map(|(range, _)| range)
    }

    /// Like [`build`](Self::build), also returning the warnings.
    // `spec.limits` is required; `spec` itself is optional in k8s-openapi.
    pub fn build_with_warnings(self) -> Result<(core::LimitRange, Vec<Warning>), Errors> {
        let range = core::LimitRange {
            metadata: self.meta.into_object_meta(),
            spec: Some(core::LimitRangeSpec {
                limits: self.limits.iter().map(Limits::to_k8s).collect(),
            }),
        };
        crate::validate::limit_range(&range).finish(range)
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::indexing_slicing)]
mod tests {
    use k8s_openapi::api::core::v1 as core;

    use crate::prelude::*;

    fn quota_has(quota: &core::ResourceQuota, path: &str, rule: u16) -> bool {
        crate::validate::resource_quota(quota)
            .errors()
            .iter()
            .any(|e| e.path.as_str() == path && e.rule == rule)
    }

    #[test]
    fn rule_89_hard_limits() {
        let ok = ResourceQuota::new("q")
            .hard("pods", "10")
            .hard("requests.cpu", "500m")
            .hard("limits.memory", "2Gi")
            .hard("count/deployments.apps", "5")
            .hard("gold.storageclass.storage.k8s.io/requests.storage", "500Gi")
            .hard("requests.nvidia.com/gpu", "4")
            .hard("hugepages-2Mi", "1Gi")
            .hard("requests.hugepages-1Gi", "2Gi")
            .hard("services.loadbalancers", "0");
        assert!(ok.build().is_ok());
        let errors = ResourceQuota::new("q")
            .hard("pods", "1500m")
            .hard("count/pods", "2.5")
            .hard("requests.cpus", "1")
            .hard("memory", "-1Gi")
            .hard("cpu", "lots")
            .build()
            .unwrap_err();
        assert!(errors.has("spec.hard[pods]", 89));
        assert!(errors.has("spec.hard[count/pods]", 89));
        assert!(errors.has("spec.hard[requests.cpus]", 89));
        assert!(errors.has("spec.hard[memory]", 89));
        assert!(errors.has("spec.hard[cpu]", 48));
    }

    #[test]
    fn rule_90_scopes() {
        let errors = ResourceQuota::new("q")
            .hard("requests.cpu", "1")
            .scope(QuotaScope::BestEffort)
            .build()
            .unwrap_err();
        assert!(errors.has("spec.scopes", 90)); // BestEffort limits only pods
        let errors = ResourceQuota::new("q")
            .hard("pods", "1")
            .scope(QuotaScope::Terminating)
            .scope(QuotaScope::NotTerminating)
            .build()
            .unwrap_err();
        assert!(errors.has("spec.scopes", 90));
        let fine = ResourceQuota::new("q")
            .hard("pods", "1")
            .hard("requests.cpu", "2")
            .scope(QuotaScope::NotBestEffort)
            .scope(QuotaScope::Terminating);
        assert!(fine.build().is_ok());
        let mut quota = ResourceQuota::new("q")
            .hard("pods", "1")
            .priority_classes(["high"])
            .build()
            .unwrap();
        let spec = quota.spec.as_mut().unwrap();
        spec.scopes = Some(vec!["Everything".into()]);
        let expression = &mut spec
            .scope_selector
            .as_mut()
            .unwrap()
            .match_expressions
            .as_mut()
            .unwrap()[0];
        expression.values = None;
        assert!(quota_has(&quota, "spec.scopes", 90));
        assert!(quota_has(
            &quota,
            "spec.scopeSelector.matchExpressions.values",
            90
        ));
        let spec = quota.spec.as_mut().unwrap();
        spec.scopes = None;
        let expression = &mut spec
            .scope_selector
            .as_mut()
            .unwrap()
            .match_expressions
            .as_mut()
            .unwrap()[0];
        expression.scope_name = "BestEffort".into();
        expression.operator = "In".into();
        expression.values = Some(vec!["x".into()]);
        assert!(quota_has(
            &quota,
            "spec.scopeSelector.matchExpressions.operator",
            90
        ));
        let spec = quota.spec.as_mut().unwrap();
        let expression = &mut spec
            .scope_selector
            .as_mut()
            .unwrap()
            .match_expressions
            .as_mut()
            .unwrap()[0];
        expression.operator = "Exists".into();
        assert!(quota_has(
            &quota,
            "spec.scopeSelector.matchExpressions.values",
            90
        ));
    }

    #[test]
    fn rule_91_limit_items() {
        let errors = LimitRange::new("l")
            .limit(
                Limits::pod()
                    .default("cpu", "1")
                    .default_request("memory", "1Gi"),
            )
            .limit(Limits::claim().default("storage", "1Gi"))
            .limit(Limits::container().max("gpu", "1"))
            .limit(Limits::container())
            .build()
            .unwrap_err();
        assert!(errors.has("spec.limits[0].default", 91));
        assert!(errors.has("spec.limits[0].defaultRequest", 91));
        assert!(errors.has("spec.limits[1].limits", 91));
        assert!(errors.has("spec.limits[2].max[gpu]", 48));
        assert!(errors.has("spec.limits[3].type", 91));
        let mut range = LimitRange::new("l")
            .limit(Limits::container())
            .build()
            .unwrap();
        range.spec.as_mut().unwrap().limits[0].type_ = "container".into();
        let report = crate::validate::limit_range(&range);
        assert!(report
            .errors()
            .iter()
            .any(|e| e.path.as_str() == "spec.limits[0].type" && e.rule == 91));
        let claims = LimitRange::new("l").limit(Limits::claim().max("storage", "10Gi"));
        assert!(claims.build().is_ok());
    }

    #[test]
    fn rule_92_ordered_values() {
        let errors = LimitRange::new("l")
            .limit(
                Limits::container()
                    .min("cpu", "1")
                    .default_request("cpu", "500m")
                    .default("cpu", "400m")
                    .max("cpu", "300m")
                    .max_ratio("memory", "500m")
                    .min("ephemeral-storage", "1Gi")
                    .max("ephemeral-storage", "2Gi")
                    .max_ratio("ephemeral-storage", "3")
                    .default("hugepages-2Mi", "4Mi")
                    .default_request("hugepages-2Mi", "2Mi"),
            )
            .build()
            .unwrap_err();
        for path in [
            "spec.limits[0].min[cpu]",
            "spec.limits[0].defaultRequest[cpu]",
            "spec.limits[0].default[cpu]",
            "spec.limits[0].maxLimitRequestRatio[memory]",
            "spec.limits[0].maxLimitRequestRatio[ephemeral-storage]",
            "spec.limits[0].defaultRequest[hugepages-2Mi]",
        ] {
            assert!(errors.has(path, 92), "{path}: {errors}");
        }
        let fine = LimitRange::new("l").limit(
            Limits::container()
                .min("cpu", "100m")
                .default_request("cpu", "250m")
                .default("cpu", "500m")
                .max("cpu", "2")
                .max_ratio("cpu", "4"),
        );
        assert!(fine.build().is_ok());
    }
}
