//! API versions the API server no longer serves: an object written with one is refused
//! (`no matches for kind "CronJob" in version "batch/v1beta1"`) before any validation.

/// A removed API version of a kind: the Kubernetes release that stopped serving it, and
/// the version to use instead.
///
/// ```
/// use k8s_dsl::read::removed_api;
///
/// let removed = removed_api("batch/v1beta1", "CronJob").ok_or("removed in 1.25")?;
/// assert_eq!(removed.removed_in, (1, 25));
/// assert_eq!(removed.replacement, Some("batch/v1"));
/// assert!(removed_api("batch/v1", "CronJob").is_none());
/// # Ok::<(), &str>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RemovedApi {
    /// The first release that no longer serves it, as (major, minor).
    pub removed_in: (u8, u8),
    /// The API version to use instead, if the kind still exists.
    pub replacement: Option<&'static str>,
}

/// `(apiVersion, kinds, removed in 1.N, replacement)`, from the Kubernetes deprecated API
/// migration guide.
const REMOVED: &[(&str, &[&str], u8, Option<&str>)] = &[
    (
        "extensions/v1beta1",
        &["Deployment", "DaemonSet", "ReplicaSet"],
        16,
        Some("apps/v1"),
    ),
    (
        "extensions/v1beta1",
        &["NetworkPolicy"],
        16,
        Some("networking.k8s.io/v1"),
    ),
    (
        "extensions/v1beta1",
        &["Ingress"],
        22,
        Some("networking.k8s.io/v1"),
    ),
    ("extensions/v1beta1", &["PodSecurityPolicy"], 25, None),
    (
        "apps/v1beta1",
        &["Deployment", "StatefulSet", "ReplicaSet"],
        16,
        Some("apps/v1"),
    ),
    (
        "apps/v1beta2",
        &["Deployment", "StatefulSet", "DaemonSet", "ReplicaSet"],
        16,
        Some("apps/v1"),
    ),
    (
        "networking.k8s.io/v1beta1",
        &["Ingress", "IngressClass"],
        22,
        Some("networking.k8s.io/v1"),
    ),
    (
        "rbac.authorization.k8s.io/v1beta1",
        &["Role", "ClusterRole", "RoleBinding", "ClusterRoleBinding"],
        22,
        Some("rbac.authorization.k8s.io/v1"),
    ),
    (
        "apiextensions.k8s.io/v1beta1",
        &["CustomResourceDefinition"],
        22,
        Some("apiextensions.k8s.io/v1"),
    ),
    (
        "admissionregistration.k8s.io/v1beta1",
        &[
            "MutatingWebhookConfiguration",
            "ValidatingWebhookConfiguration",
        ],
        22,
        Some("admissionregistration.k8s.io/v1"),
    ),
    (
        "certificates.k8s.io/v1beta1",
        &["CertificateSigningRequest"],
        22,
        Some("certificates.k8s.io/v1"),
    ),
    (
        "coordination.k8s.io/v1beta1",
        &["Lease"],
        22,
        Some("coordination.k8s.io/v1"),
    ),
    (
        "storage.k8s.io/v1beta1",
        &["CSIDriver", "CSINode", "StorageClass", "VolumeAttachment"],
        22,
        Some("storage.k8s.io/v1"),
    ),
    (
        "storage.k8s.io/v1beta1",
        &["CSIStorageCapacity"],
        27,
        Some("storage.k8s.io/v1"),
    ),
    ("batch/v1beta1", &["CronJob"], 25, Some("batch/v1")),
    (
        "policy/v1beta1",
        &["PodDisruptionBudget"],
        25,
        Some("policy/v1"),
    ),
    ("policy/v1beta1", &["PodSecurityPolicy"], 25, None),
    (
        "autoscaling/v2beta1",
        &["HorizontalPodAutoscaler"],
        25,
        Some("autoscaling/v2"),
    ),
    (
        "autoscaling/v2beta2",
        &["HorizontalPodAutoscaler"],
        26,
        Some("autoscaling/v2"),
    ),
    (
        "discovery.k8s.io/v1beta1",
        &["EndpointSlice"],
        25,
        Some("discovery.k8s.io/v1"),
    ),
    (
        "events.k8s.io/v1beta1",
        &["Event"],
        25,
        Some("events.k8s.io/v1"),
    ),
    (
        "node.k8s.io/v1beta1",
        &["RuntimeClass"],
        25,
        Some("node.k8s.io/v1"),
    ),
    (
        "flowcontrol.apiserver.k8s.io/v1beta1",
        &["FlowSchema", "PriorityLevelConfiguration"],
        26,
        Some("flowcontrol.apiserver.k8s.io/v1"),
    ),
    (
        "flowcontrol.apiserver.k8s.io/v1beta2",
        &["FlowSchema", "PriorityLevelConfiguration"],
        29,
        Some("flowcontrol.apiserver.k8s.io/v1"),
    ),
    (
        "flowcontrol.apiserver.k8s.io/v1beta3",
        &["FlowSchema", "PriorityLevelConfiguration"],
        32,
        Some("flowcontrol.apiserver.k8s.io/v1"),
    ),
];

/// Whether `apiVersion` of `kind` is one the API server stopped serving, and since when.
///
/// ```
/// use k8s_dsl::read::removed_api;
///
/// let removed = removed_api("extensions/v1beta1", "Ingress").ok_or("removed")?;
/// assert_eq!((removed.removed_in, removed.replacement), ((1, 22), Some("networking.k8s.io/v1")));
/// assert_eq!(removed_api("policy/v1beta1", "PodSecurityPolicy").map(|r| r.replacement), Some(None));
/// # Ok::<(), &str>(())
/// ```
pub fn removed_api(api_version: &str, kind: &str) -> Option<RemovedApi> {
    REMOVED
        .iter()
        .find(|(version, kinds, _, _)| *version == api_version && kinds.contains(&kind))
        .map(|(_, _, minor, replacement)| RemovedApi {
            removed_in: (1, *minor),
            replacement: *replacement,
        })
}
