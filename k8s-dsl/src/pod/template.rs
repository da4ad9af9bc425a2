//! Turning a [`Pod`] into k8s-openapi types, with every pod-level check: `build()` for a Pod
//! object, `to_template()` for the pod template of a workload.

// k8s-openapi structs gain fields between Kubernetes versions: every literal ends with
// `..Default::default()` so it compiles against each supported version.
#![allow(clippy::needless_update)]

use k8s_openapi::api::core::v1 as k8s;

use super::pod::{DnsConfig, Pod, PodSecurityContext};
use super::roles::{roles_annotation, warn_roles, Placed, Role, ROLES_ANNOTATION};
use super::{ContainerKind, PodContext};
use crate::rules::enums::SeccompProfileType;
use crate::rules::names;
use crate::validate::{At, Errors, FieldPath, Report, Warning};

impl Pod {
    /// Checks the pod and returns it as a k8s-openapi `Pod`, or every error found.
    pub fn build(self) -> Result<k8s::Pod, Errors> {
        self.build_with_warnings().map(|(pod, _)| pod)
    }

    /// Like [`Pod::build`], also returning the warnings (valid but likely wrong).
    pub fn build_with_warnings(mut self) -> Result<(k8s::Pod, Vec<Warning>), Errors> {
        let mut report = Report::new();
        let metadata_path = At::root().field("metadata");
        crate::validate::pod::name_required(self.meta.is_named(), &metadata_path, &mut report);
        let metadata = self.metadata();
        crate::validate::meta::object_meta(&metadata, &metadata_path, names::pod_name, &mut report);
        let spec_path = At::root().field("spec");
        let pss = self.pss;
        let mut spec = self.into_spec(&spec_path, &mut report, false);
        // Pod Security Standards: the preset and profile asked for, if any.
        pss.enforce(
            &metadata,
            &metadata_path,
            &mut spec,
            &spec_path,
            &mut report,
        );
        let pod = k8s::Pod {
            metadata,
            spec: Some(spec),
            status: None,
            ..Default::default()
        };
        report.finish(pod)
    }

    /// The pod template of a workload, checked into `report`; `path` is the template's path
    /// (`spec.template`, or `spec.jobTemplate.spec.template`). The builder's strings move into
    /// the result: nothing is copied.
    #[allow(dead_code)] // used by the workload builders
    pub(crate) fn into_template(
        mut self,
        path: &At<'_>,
        report: &mut Report,
    ) -> k8s::PodTemplateSpec {
        let metadata_path = path.field("metadata");
        let metadata = self.metadata();
        // Labels and annotations at `spec.template.labels`, as the API server reports them.
        crate::validate::meta::template_meta(&metadata, path, report);
        let spec_path = path.field("spec");
        let pss = self.pss;
        let mut spec = self.into_spec(&spec_path, report, true);
        // Pod Security Standards: the preset and profile asked for, if any.
        pss.enforce(&metadata, &metadata_path, &mut spec, &spec_path, report);
        // An unlabelled template has empty metadata: emit none rather than `metadata: {}`.
        let metadata = (metadata != Default::default()).then_some(metadata);
        k8s::PodTemplateSpec {
            metadata,
            spec: Some(spec),
            ..Default::default()
        }
    }

    /// The metadata (moved out of the builder), with the roles annotation if asked for; the
    /// caller checks it (as a Pod's or as a template's).
    fn metadata(&mut self) -> k8s_openapi::apimachinery::pkg::apis::meta::v1::ObjectMeta {
        let annotation = if self.role_annotations {
            roles_annotation(
                self.members_in_output_order()
                    .map(|(role, c)| (role, c.name())),
            )
        } else {
            None
        };
        let meta = std::mem::take(&mut self.meta);
        match annotation {
            Some(value) => meta.annotation(ROLES_ANNOTATION, value),
            None => meta,
        }
        .into_object_meta()
    }

    /// The pod template of a workload that keeps its builder (see [`Pod::into_template`]).
    #[allow(dead_code)] // used by the workload builders
    pub(crate) fn to_template(&self, path: &At<'_>, report: &mut Report) -> k8s::PodTemplateSpec {
        self.clone().into_template(path, report)
    }

    /// The `PodSpec`, with every pod-level check; `path` is `spec` (or `spec.template.spec`).
    /// The builder's strings move into the result.
    fn into_spec(self, path: &At<'_>, report: &mut Report, is_template: bool) -> k8s::PodSpec {
        let Pod {
            meta: _,
            members,
            volumes,
            restart_policy,
            service_account_name,
            automount_service_account_token,
            priority_class_name,
            priority,
            runtime_class_name,
            scheduler_name,
            node_selector,
            tolerations,
            affinity,
            termination_grace_period,
            active_deadline,
            security_context,
            image_pull_secrets,
            hostname,
            subdomain,
            dns_policy,
            dns_config,
            host_network,
            share_process_namespace,
            set_hostname_as_fqdn,
            enable_service_links,
            host_pid,
            host_ipc,
            os,
            topology_spread,
            host_aliases,
            scheduling_gates,
            readiness_gates,
            resources,
            role_annotations: _,
            pss: _,
        } = self;
        let volumes_path = path.field("volumes");
        let volumes: Vec<k8s::Volume> = volumes
            .iter()
            .enumerate()
            .map(|(i, v)| v.to_k8s(&volumes_path.index(i), report))
            .collect();

        // Durations are written as text; their bounds are checked with the spec (rules 40, 42).
        let termination_grace_period_seconds = termination_grace_period.as_ref().and_then(|d| {
            let at = path.field("terminationGracePeriodSeconds");
            Some(report.check(&at, d.parse())?.as_secs())
        });
        let active_deadline_seconds = active_deadline.as_ref().and_then(|d| {
            let at = path.field("activeDeadlineSeconds");
            Some(report.check(&at, d.parse())?.as_secs())
        });

        let mut init: Vec<(Role, FieldPath, k8s::Container)> = Vec::new();
        let mut app: Vec<(Role, FieldPath, k8s::Container)> = Vec::new();
        // In the order added: each container's index counts only its own list.
        for (role, container) in members {
            let kind = role.kind();
            let (list, field) = if kind == ContainerKind::App {
                (&mut app, "containers")
            } else {
                (&mut init, "initContainers")
            };
            let list_path = path.field(field);
            let at = list_path.index(list.len());
            let ctx = PodContext { kind };
            let mut out = container.into_k8s(&at, &ctx, report);
            if kind == ContainerKind::RestartableInit {
                // Rule 16: a native sidecar is an init container with `restartPolicy: Always`
                // (the one documented default this crate emits).
                out.restart_policy = Some("Always".to_owned());
            }
            list.push((role, at.to_path(), out));
        }

        let placed: Vec<Placed<'_>> = init
            .iter()
            .chain(&app)
            .map(|(role, at, c)| Placed {
                role: *role,
                path: at,
                container: c,
            })
            .collect();
        warn_roles(&placed, report);

        let tolerations_path = path.field("tolerations");
        let tolerations: Vec<k8s::Toleration> = tolerations
            .iter()
            .enumerate()
            .map(|(i, t)| t.to_k8s(&tolerations_path.index(i), report))
            .collect();
        let image_pull_secrets: Vec<k8s::LocalObjectReference> = image_pull_secrets
            .into_iter()
            .map(|name| k8s::LocalObjectReference { name })
            .collect();

        let resources = resources.into_k8s();
        let spec = k8s::PodSpec {
            active_deadline_seconds,
            affinity: affinity
                .as_ref()
                .map(|a| a.to_k8s(&path.field("affinity"), report)),
            automount_service_account_token,
            containers: app.into_iter().map(|(_, _, c)| c).collect(),
            dns_config: dns_config.as_ref().map(dns_config_to_k8s),
            dns_policy: dns_policy.map(|p| p.as_str().to_owned()),
            enable_service_links,
            host_network,
            host_pid,
            host_ipc,
            host_aliases: non_empty(
                host_aliases
                    .into_iter()
                    .map(|alias| k8s::HostAlias {
                        ip: alias.ip,
                        hostnames: non_empty(alias.hostnames),
                        ..Default::default()
                    })
                    .collect(),
            ),
            hostname,
            image_pull_secrets: non_empty(image_pull_secrets),
            init_containers: non_empty(init.into_iter().map(|(_, _, c)| c).collect()),
            node_selector: crate::meta::non_empty_map(node_selector),
            os: os.map(|os| k8s::PodOS {
                name: os.as_str().to_owned(),
                ..Default::default()
            }),
            readiness_gates: non_empty(
                readiness_gates
                    .into_iter()
                    .map(|condition_type| k8s::PodReadinessGate {
                        condition_type,
                        ..Default::default()
                    })
                    .collect(),
            ),
            resources,
            scheduling_gates: non_empty(
                scheduling_gates
                    .into_iter()
                    .map(|name| k8s::PodSchedulingGate {
                        name,
                        ..Default::default()
                    })
                    .collect(),
            ),
            topology_spread_constraints: non_empty(
                topology_spread.iter().map(|t| t.to_k8s()).collect(),
            ),
            priority,
            priority_class_name,
            restart_policy: restart_policy.map(|p| p.as_str().to_owned()),
            runtime_class_name,
            scheduler_name,
            security_context: security_context.as_ref().map(security_context_to_k8s),
            service_account_name,
            set_hostname_as_fqdn,
            share_process_namespace,
            subdomain,
            termination_grace_period_seconds,
            tolerations: non_empty(tolerations),
            volumes: non_empty(volumes),
            ..k8s::PodSpec::default()
        };
        // Every pod-level rule, over the object itself (the one place they are written).
        crate::validate::pod::pod_spec(path, &spec, is_template, report);
        spec
    }
}

fn non_empty<T>(items: Vec<T>) -> Option<Vec<T>> {
    (!items.is_empty()).then_some(items)
}

fn dns_config_to_k8s(config: &DnsConfig) -> k8s::PodDNSConfig {
    k8s::PodDNSConfig {
        nameservers: non_empty(config.nameservers.clone()),
        searches: non_empty(config.searches.clone()),
        options: non_empty(
            config
                .options
                .iter()
                .map(|(name, value)| k8s::PodDNSConfigOption {
                    name: Some(name.clone()),
                    value: value.clone(),
                    ..Default::default()
                })
                .collect(),
        ),
        ..Default::default()
    }
}

/// The pod security context (checked with the spec: `validate::pod`).
fn security_context_to_k8s(context: &PodSecurityContext) -> k8s::PodSecurityContext {
    let seccomp_profile = context.seccomp.map(|kind| k8s::SeccompProfile {
        type_: kind.as_str().to_owned(),
        localhost_profile: context
            .seccomp_localhost
            .clone()
            .filter(|_| kind == SeccompProfileType::Localhost),
        ..Default::default()
    });
    k8s::PodSecurityContext {
        run_as_user: context.run_as_user,
        run_as_group: context.run_as_group,
        run_as_non_root: context.run_as_non_root,
        fs_group: context.fs_group,
        fs_group_change_policy: context
            .fs_group_change_policy
            .map(|p| p.as_str().to_owned()),
        supplemental_groups: non_empty(context.supplemental_groups.clone()),
        seccomp_profile,
        sysctls: non_empty(
            context
                .sysctls
                .iter()
                .map(|(name, value)| k8s::Sysctl {
                    name: name.clone(),
                    value: value.clone(),
                    ..Default::default()
                })
                .collect(),
        ),
        ..k8s::PodSecurityContext::default()
    }
}

/// A name another object must provide, with the field that names it.
///
/// ```
/// use k8s_dsl::prelude::*;
/// use k8s_dsl::FieldPath;
///
/// let pod = Pod::new("app")
///     .volume(Volume::secret("tls", "app-tls").optional())
///     .container(Container::new("app").image("busybox:1.36").mount("tls", "/etc/tls"))
///     .build()?;
/// let refs = pod_spec_references(&pod.spec.unwrap(), &FieldPath::parse("spec"));
/// let tls = &refs.secrets[0];
/// assert_eq!(tls.name, "app-tls");
/// assert_eq!(tls.path.as_str(), "spec.volumes[0].secret.secretName");
/// assert!(tls.optional);
/// # Ok::<(), k8s_dsl::Errors>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reference {
    /// The referenced object's name.
    pub name: String,
    /// The field holding the name (`spec.volumes[0].configMap.name`).
    pub path: FieldPath,
    /// Whether the pod starts without the object (`optional: true`).
    pub optional: bool,
}

/// The objects a pod spec refers to by name, for cross-object checks (a ConfigMap the pod
/// mounts but nobody creates). Made by [`pod_spec_references`].
///
/// ```
/// use k8s_dsl::prelude::*;
/// use k8s_dsl::FieldPath;
///
/// let pod = Pod::new("app")
///     .service_account_name("app")
///     .priority_class_name("high")
///     .image_pull_secret("registry")
///     .volume(Volume::persistent_volume_claim("data", "app-data"))
///     .container(
///         Container::new("app")
///             .image("busybox:1.36")
///             .env_var(EnvVar::config_map_key("MODE", "app-config", "mode"))
///             .env_from(EnvFrom::secret("app-secrets"))
///             .mount("data", "/data"),
///     )
///     .build()?;
/// let refs = pod_spec_references(&pod.spec.unwrap(), &FieldPath::parse("spec"));
/// assert_eq!(
///     refs.config_maps[0].path.as_str(),
///     "spec.containers[0].env[0].valueFrom.configMapKeyRef.name"
/// );
/// let secrets: Vec<&str> = refs.secrets.iter().map(|r| r.name.as_str()).collect();
/// assert_eq!(secrets, ["app-secrets", "registry"]);
/// assert_eq!(refs.persistent_volume_claims[0].name, "app-data");
/// assert_eq!(refs.priority_class.unwrap().path.as_str(), "spec.priorityClassName");
/// assert_eq!(refs.service_account.unwrap().name, "app");
/// # Ok::<(), k8s_dsl::Errors>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PodReferences {
    /// ConfigMaps: volumes, projected sources, `env[].valueFrom.configMapKeyRef`, `envFrom[].configMapRef`.
    pub config_maps: Vec<Reference>,
    /// Secrets: volumes, projected sources, `secretKeyRef`, `envFrom[].secretRef`, image pull secrets.
    pub secrets: Vec<Reference>,
    /// PersistentVolumeClaims of volumes.
    pub persistent_volume_claims: Vec<Reference>,
    /// The PriorityClass (`priorityClassName`).
    pub priority_class: Option<Reference>,
    /// The ServiceAccount (`serviceAccountName`).
    pub service_account: Option<Reference>,
}

/// Collects what a built `PodSpec` refers to by name; `path` is the spec's own path (`spec`,
/// `spec.template.spec`), so each [`Reference`] carries the full field path.
///
/// ```
/// use k8s_dsl::prelude::*;
/// use k8s_dsl::FieldPath;
///
/// let pod = Pod::new("app")
///     .volume(Volume::config_map("config", "app-config"))
///     .container(Container::new("app").image("busybox:1.36").mount("config", "/etc/app"))
///     .build()?;
/// let spec = pod.spec.unwrap_or_default();
/// let refs = pod_spec_references(&spec, &FieldPath::parse("spec"));
/// assert_eq!(refs.config_maps[0].name, "app-config");
/// assert_eq!(refs.config_maps[0].path.as_str(), "spec.volumes[0].configMap.name");
/// # Ok::<(), k8s_dsl::Errors>(())
/// ```
pub fn pod_spec_references(spec: &k8s::PodSpec, path: &FieldPath) -> PodReferences {
    let mut refs = PodReferences::default();
    let reference = |name: &str, path: FieldPath, optional: Option<bool>| Reference {
        name: name.to_owned(),
        path,
        optional: optional.unwrap_or(false),
    };
    for (i, volume) in spec.volumes.iter().flatten().enumerate() {
        let at = path.field("volumes").index(i);
        if let Some(cm) = &volume.config_map {
            refs.config_maps.push(reference(
                &cm.name,
                at.field("configMap").field("name"),
                cm.optional,
            ));
        }
        if let Some(secret) = &volume.secret {
            if let Some(name) = &secret.secret_name {
                refs.secrets.push(reference(
                    name,
                    at.field("secret").field("secretName"),
                    secret.optional,
                ));
            }
        }
        if let Some(claim) = &volume.persistent_volume_claim {
            refs.persistent_volume_claims.push(reference(
                &claim.claim_name,
                at.field("persistentVolumeClaim").field("claimName"),
                None,
            ));
        }
        for (j, source) in volume
            .projected
            .iter()
            .flat_map(|p| p.sources.iter().flatten())
            .enumerate()
        {
            let s = at.field("projected").field("sources").index(j);
            if let Some(cm) = &source.config_map {
                refs.config_maps.push(reference(
                    &cm.name,
                    s.field("configMap").field("name"),
                    cm.optional,
                ));
            }
            if let Some(secret) = &source.secret {
                refs.secrets.push(reference(
                    &secret.name,
                    s.field("secret").field("name"),
                    secret.optional,
                ));
            }
        }
    }
    let lists = [
        (
            "initContainers",
            spec.init_containers.as_deref().unwrap_or_default(),
        ),
        ("containers", spec.containers.as_slice()),
    ];
    for (field, containers) in lists {
        for (i, container) in containers.iter().enumerate() {
            let at = path.field(field).index(i);
            for (j, env) in container.env.iter().flatten().enumerate() {
                let Some(from) = &env.value_from else {
                    continue;
                };
                let e = at.field("env").index(j).field("valueFrom");
                if let Some(key) = &from.config_map_key_ref {
                    refs.config_maps.push(reference(
                        &key.name,
                        e.field("configMapKeyRef").field("name"),
                        key.optional,
                    ));
                }
                if let Some(key) = &from.secret_key_ref {
                    refs.secrets.push(reference(
                        &key.name,
                        e.field("secretKeyRef").field("name"),
                        key.optional,
                    ));
                }
            }
            for (j, from) in container.env_from.iter().flatten().enumerate() {
                let e = at.field("envFrom").index(j);
                if let Some(cm) = &from.config_map_ref {
                    refs.config_maps.push(reference(
                        &cm.name,
                        e.field("configMapRef").field("name"),
                        cm.optional,
                    ));
                }
                if let Some(secret) = &from.secret_ref {
                    refs.secrets.push(reference(
                        &secret.name,
                        e.field("secretRef").field("name"),
                        secret.optional,
                    ));
                }
            }
        }
    }
    for (i, secret) in spec.image_pull_secrets.iter().flatten().enumerate() {
        refs.secrets.push(reference(
            &secret.name,
            path.field("imagePullSecrets").index(i).field("name"),
            None,
        ));
    }
    refs.priority_class = spec
        .priority_class_name
        .as_deref()
        .map(|name| reference(name, path.field("priorityClassName"), None));
    refs.service_account = spec
        .service_account_name
        .as_deref()
        .map(|name| reference(name, path.field("serviceAccountName"), None));
    refs
}
