//! StatefulSets: pods with stable names and their own volumes (rule 65).

use std::collections::{BTreeMap, BTreeSet};

use k8s_openapi::api::apps::v1 as apps;
use k8s_openapi::api::core::v1 as core;
use k8s_openapi::apimachinery::pkg::api::resource::Quantity as K8sQuantity;
use k8s_openapi::apimachinery::pkg::apis::meta::v1::ObjectMeta;

use super::apps::selector_and_template;
use super::common::{meta_methods, seconds_i32};
use super::int_or_percent::IntOrPercent;
use super::selector::Selector;
use crate::meta::Meta;
use crate::pod::Pod;
use crate::rules::duration::Duration;
use crate::rules::enums::{AccessMode, PodManagementPolicy};
use crate::rules::quantity::Quantity;
use crate::rules::{names, shown};
use crate::validate::{At, Errors, Report, Warning};
use crate::value::Parsed;

/// A persistent volume claim that a StatefulSet creates for each of its pods
/// (`spec.volumeClaimTemplates[]`); containers mount it by its name.
///
/// ```
/// use k8s_dsl::prelude::*;
///
/// let logs = VolumeClaimTemplate::new("logs")
///     .access_mode(AccessMode::ReadWriteOnce)
///     .storage("10Mi");
/// # let _ = logs;
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct VolumeClaimTemplate {
    name: String,
    access_modes: Vec<AccessMode>,
    storage: Option<Parsed<Quantity>>,
    storage_class: Option<String>,
}

impl VolumeClaimTemplate {
    /// A claim template called `name` (a DNS-1123 label, like a volume name: rule 7).
    pub fn new(name: impl Into<String>) -> Self {
        VolumeClaimTemplate {
            name: name.into(),
            access_modes: Vec::new(),
            storage: None,
            storage_class: None,
        }
    }

    /// Adds an access mode (`ReadWriteOnce`, ...).
    pub fn access_mode(mut self, mode: AccessMode) -> Self {
        if !self.access_modes.contains(&mode) {
            self.access_modes.push(mode);
        }
        self
    }

    /// The storage to request: `"10Mi"` or a [`Quantity`].
    pub fn storage(mut self, size: impl Into<Parsed<Quantity>>) -> Self {
        self.storage = Some(size.into());
        self
    }

    /// The storage class (`storageClassName`).
    pub fn storage_class(mut self, class: impl Into<String>) -> Self {
        self.storage_class = Some(class.into());
        self
    }

    /// The claim's name, which containers mount.
    pub fn name(&self) -> &str {
        &self.name
    }

    fn to_k8s(&self, path: &At<'_>, report: &mut Report) -> core::PersistentVolumeClaim {
        report.check(
            &path.field("metadata").field("name"),
            names::volume_name(&self.name),
        );
        let spec_path = path.field("spec");
        if self.access_modes.is_empty() {
            report.error(
                &spec_path.field("accessModes"),
                0,
                "at least 1 access mode is required",
                "call `.access_mode(AccessMode::ReadWriteOnce)`",
            );
        }
        let storage_path = spec_path.field("resources");
        let storage_path = storage_path.field("requests");
        let storage_path = storage_path.key("storage");
        let storage = match &self.storage {
            None => {
                report.error(
                    &storage_path,
                    0,
                    "a volume claim template needs a storage request",
                    "call `.storage(\"1Gi\")`",
                );
                None
            }
            Some(size) => report.check(&storage_path, size.parse()).and_then(|q| {
                if q.is_negative() || q.is_zero() {
                    report.error(
                        &storage_path,
                        0,
                        format!("must be greater than zero, not {q}"),
                        "request a positive size such as `1Gi`",
                    );
                    None
                } else {
                    Some(q)
                }
            }),
        };
        if let Some(class) = &self.storage_class {
            report.check(
                &spec_path.field("storageClassName"),
                names::object_name(class, 0, "storage class name"),
            );
        }
        core::PersistentVolumeClaim {
            metadata: ObjectMeta {
                name: Some(self.name.clone()),
                ..ObjectMeta::default()
            },
            spec: Some(core::PersistentVolumeClaimSpec {
                access_modes: (!self.access_modes.is_empty()).then(|| {
                    self.access_modes
                        .iter()
                        .map(|m| m.as_str().to_owned())
                        .collect()
                }),
                resources: storage.map(|q| core::VolumeResourceRequirements {
                    requests: Some(BTreeMap::from([(
                        "storage".to_owned(),
                        K8sQuantity(q.as_str().to_owned()),
                    )])),
                    limits: None,
                }),
                storage_class_name: self.storage_class.clone(),
                ..core::PersistentVolumeClaimSpec::default()
            }),
            ..core::PersistentVolumeClaim::default()
        }
    }
}

/// How a StatefulSet updates its pods (`spec.updateStrategy`).
///
/// ```
/// use k8s_dsl::prelude::*;
///
/// let db = |strategy: StatefulSetStrategy| {
///     StatefulSet::new("db")
///         .service_name("db")
///         .update_strategy(strategy)
///         .template(
///             Pod::template()
///                 .label("app", "db")
///                 .container(Container::new("db").image("postgres:17")),
///         )
///         .build()
/// };
/// // Canary: only pods db-2 and up get the new version.
/// let canary = db(StatefulSetStrategy::partitioned(2))?;
/// let strategy = canary.spec.update_strategy.unwrap();
/// assert_eq!(strategy.type_.as_deref(), Some("RollingUpdate"));
/// assert_eq!(strategy.rolling_update.unwrap().partition, Some(2));
///
/// let all = db(StatefulSetStrategy::rolling_update())?;
/// assert!(all.spec.update_strategy.unwrap().rolling_update.is_none());
///
/// let errors = db(StatefulSetStrategy::partitioned(-1)).unwrap_err();
/// assert!(errors.has("spec.updateStrategy.rollingUpdate.partition", 65));
/// # Ok::<(), k8s_dsl::Errors>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StatefulSetStrategy {
    /// Update pods one by one from the highest ordinal, leaving ordinals below `partition`
    /// alone, with at most `max_unavailable` down at once.
    RollingUpdate {
        /// Pods with an ordinal below this keep the old version.
        partition: Option<i32>,
        /// How many pods may be unavailable during the update (number or percentage).
        max_unavailable: Option<IntOrPercent>,
    },
    /// Only replace a pod when it is deleted.
    OnDelete,
}

impl StatefulSetStrategy {
    /// A rolling update with the API's defaults.
    pub fn rolling_update() -> Self {
        StatefulSetStrategy::RollingUpdate {
            partition: None,
            max_unavailable: None,
        }
    }

    /// A rolling update that leaves pods with an ordinal below `partition` alone.
    pub fn partitioned(partition: i32) -> Self {
        StatefulSetStrategy::RollingUpdate {
            partition: Some(partition),
            max_unavailable: None,
        }
    }

    fn to_k8s(&self, path: &At<'_>, report: &mut Report) -> apps::StatefulSetUpdateStrategy {
        match self {
            StatefulSetStrategy::OnDelete => apps::StatefulSetUpdateStrategy {
                type_: Some("OnDelete".to_owned()),
                rolling_update: None,
            },
            StatefulSetStrategy::RollingUpdate {
                partition,
                max_unavailable,
            } => {
                // The text of `maxUnavailable` is read here; the partition, a zero and the
                // limits are checked with the spec (`validate::apps`, rule 65).
                let at = path.field("rollingUpdate");
                let partition = *partition;
                let max_unavailable = max_unavailable.as_ref().and_then(|v| {
                    let unavailable_path = at.field("maxUnavailable");
                    v.check(report, &unavailable_path, 65, Some(100))
                        .map(|(k8s, _)| k8s)
                });
                apps::StatefulSetUpdateStrategy {
                    type_: Some("RollingUpdate".to_owned()),
                    rolling_update: (partition.is_some() || max_unavailable.is_some()).then_some(
                        apps::RollingUpdateStatefulSetStrategy {
                            partition,
                            max_unavailable,
                        },
                    ),
                }
            }
        }
    }
}

/// A StatefulSet: pods with stable names (`<name>-0`, `<name>-1`, ...), each with its own
/// volumes from the claim templates, reachable through a headless Service (`service_name`).
///
/// ```
/// use k8s_dsl::prelude::*;
///
/// let rg = StatefulSet::new("rg")
///     .service_name("random-generator")
///     .replicas(2)
///     .template(
///         Pod::template().label("app", "random-generator").container(
///             Container::new("random-generator")
///                 .image("k8spatterns/random-generator:1.0")
///                 .port(ContainerPort::tcp(8080).name("http")),
///         ),
///     )
///     .volume_claim(VolumeClaimTemplate::new("logs").access_mode(AccessMode::ReadWriteOnce).storage("10Mi"))
///     .build()?;
/// assert_eq!(rg.metadata.name.as_deref(), Some("rg"));
/// # Ok::<(), k8s_dsl::Errors>(())
/// ```
#[derive(Debug, Clone)]
pub struct StatefulSet {
    pub(crate) meta: Meta,
    pss: crate::pss::Policy,
    template: Option<Pod>,
    selector: Option<Selector>,
    service_name: Option<String>,
    replicas: Option<i32>,
    volume_claims: Vec<VolumeClaimTemplate>,
    pod_management_policy: Option<PodManagementPolicy>,
    update_strategy: Option<StatefulSetStrategy>,
    min_ready: Option<Parsed<Duration>>,
    revision_history_limit: Option<i32>,
}

impl StatefulSet {
    /// A StatefulSet called `name` (a DNS subdomain).
    pub fn new(name: impl Into<String>) -> Self {
        StatefulSet {
            meta: Meta::new(name),
            pss: crate::pss::Policy::default(),
            template: None,
            selector: None,
            service_name: None,
            replicas: None,
            volume_claims: Vec::new(),
            pod_management_policy: None,
            update_strategy: None,
            min_ready: None,
            revision_history_limit: None,
        }
    }

    meta_methods!();

    crate::pss::pss_methods!(template);

    /// The pod template; its checks report under `spec.template`.
    pub fn template(mut self, pod: Pod) -> Self {
        self.template = Some(pod.with_pss(self.pss));
        self
    }

    /// A selector of your own; by default the template labels (rule 65).
    pub fn selector(mut self, selector: impl Into<Selector>) -> Self {
        self.selector = Some(selector.into());
        self
    }

    /// The headless Service that gives the pods their DNS names (`spec.serviceName`); a
    /// [`Bundle`](crate::bundle::Bundle) checks that it exists and is headless.
    pub fn service_name(mut self, name: impl Into<String>) -> Self {
        self.service_name = Some(name.into());
        self
    }

    /// How many pods to run (`spec.replicas`, ≥ 0).
    pub fn replicas(mut self, replicas: i32) -> Self {
        self.replicas = Some(replicas);
        self
    }

    /// Adds a volume claim template (one claim per pod, mounted by its name).
    pub fn volume_claim(mut self, claim: VolumeClaimTemplate) -> Self {
        self.volume_claims.push(claim);
        self
    }

    /// `OrderedReady` (the default) or `Parallel`.
    pub fn pod_management_policy(mut self, policy: PodManagementPolicy) -> Self {
        self.pod_management_policy = Some(policy);
        self
    }

    /// `StatefulSetStrategy::rolling_update()`, `partitioned(n)` or `OnDelete`.
    pub fn update_strategy(mut self, strategy: StatefulSetStrategy) -> Self {
        self.update_strategy = Some(strategy);
        self
    }

    /// How long a new pod must be ready before it counts as available.
    pub fn min_ready(mut self, duration: impl Into<Parsed<Duration>>) -> Self {
        self.min_ready = Some(duration.into());
        self
    }

    /// How many old revisions to keep (`spec.revisionHistoryLimit`, ≥ 0).
    pub fn revision_history_limit(mut self, limit: i32) -> Self {
        self.revision_history_limit = Some(limit);
        self
    }

    /// The k8s-openapi `StatefulSet`, or every error found.
    pub fn build(self) -> Result<apps::StatefulSet, Errors> {
        self.build_with_warnings().map(|(s, _)| s)
    }

    /// Like [`build`](Self::build), also returning the warnings.
    pub fn build_with_warnings(self) -> Result<(apps::StatefulSet, Vec<Warning>), Errors> {
        let mut report = Report::new();
        let set = self.to_k8s(&mut report);
        report.finish(set)
    }

    /// The StatefulSet, checking everything into `report`.
    // Some fields are `Option<_>` in older Kubernetes versions of k8s-openapi and required in
    // newer ones (`spec`, `value`); `.into()` fits both.
    #[allow(clippy::useless_conversion)]
    pub(crate) fn to_k8s(&self, report: &mut Report) -> apps::StatefulSet {
        let metadata = self
            .meta
            .to_k8s(&At::root().field("metadata"), report, |name| {
                names::object_name(name, 0, "statefulset name")
            });
        let path = At::root().field("spec");
        let claim_names: Vec<&str> = self.volume_claims.iter().map(|c| c.name.as_str()).collect();
        let (selector, template) = selector_and_template(
            "StatefulSet",
            self.template.as_ref(),
            self.selector.as_ref(),
            &claim_names,
            &path,
            report,
        );
        if let Some(service) = &self.service_name {
            report.check(&path.field("serviceName"), names::service_name(service));
        }
        let claims_path = path.field("volumeClaimTemplates");
        let mut seen = BTreeSet::new();
        let volume_claim_templates: Vec<_> = self
            .volume_claims
            .iter()
            .enumerate()
            .map(|(i, claim)| {
                let at = claims_path.index(i);
                if !seen.insert(claim.name.as_str()) {
                    report.error(
                        &at.field("metadata").field("name"),
                        7,
                        format!("duplicate volume claim template {}", shown(&claim.name)),
                        "give each claim template its own name",
                    );
                }
                claim.to_k8s(&at, report)
            })
            .collect();
        self.check_claim_names(&template, &claims_path, report);
        let min_ready_seconds = seconds_i32(
            report,
            &path.field("minReadySeconds"),
            self.min_ready.as_ref(),
            65,
        );
        let update_strategy = self
            .update_strategy
            .as_ref()
            .map(|s| s.to_k8s(&path.field("updateStrategy"), report));
        let spec = apps::StatefulSetSpec {
            min_ready_seconds,
            pod_management_policy: self.pod_management_policy.map(|p| p.as_str().to_owned()),
            replicas: self.replicas,
            revision_history_limit: self.revision_history_limit,
            selector,
            service_name: self.service_name.clone(),
            template,
            update_strategy,
            volume_claim_templates: (!volume_claim_templates.is_empty())
                .then_some(volume_claim_templates),
            ..apps::StatefulSetSpec::default()
        };
        crate::validate::apps::stateful_set_spec(&spec, &path, report);
        apps::StatefulSet {
            metadata,
            spec: spec.into(),
            ..apps::StatefulSet::default()
        }
    }

    /// A claim template and a pod volume with the same name would both be mounted by that
    /// name: the API server rejects the pod (duplicate volume, rule 7).
    fn check_claim_names(
        &self,
        template: &core::PodTemplateSpec,
        claims_path: &At<'_>,
        report: &mut Report,
    ) {
        let volumes: BTreeSet<&str> = template
            .spec
            .iter()
            .flat_map(|s| s.volumes.iter().flatten())
            .map(|v| v.name.as_str())
            .collect();
        for (i, claim) in self.volume_claims.iter().enumerate() {
            if volumes.contains(claim.name.as_str()) {
                report.error(
                    &claims_path.index(i).field("metadata").field("name"),
                    7,
                    format!(
                        "{} is both a volume claim template and a volume of the pod template",
                        shown(&claim.name)
                    ),
                    "remove the pod volume: containers mount the claim template by its name",
                );
            }
        }
    }
}
