//! Pods and pod templates (`ValidatePod`, `ValidatePodTemplateSpec`, `ValidatePodSpec`): the
//! spec's own fields, every container list and the volumes.

mod container;
mod containers;
mod dns;
mod env;
mod gates;
mod host_aliases;
mod mounts;
mod os;
mod pod_resources;
mod ports;
mod probes;
mod resize;
mod resources;
mod security;
mod sources;
mod spec;
mod sysctls;
mod topology;
mod volume;
mod volumes;

#[cfg(test)]
pub(crate) use container::{container, Pod as ContainerPod};
pub(crate) use container::{image as container_image, name as container_name};
pub(crate) use containers::{
    has_app_container, host_ports, unique_names as unique_container_names,
};
pub(crate) use dns::dns;
#[cfg(test)]
pub(crate) use probes::probes_and_hooks;
pub(crate) use security::{host_namespaces, pod_security_context};
pub(crate) use spec::{
    active_deadline, names_and_selectors, restart_policy, termination_grace_period, tolerations,
};
pub(crate) use volume::{local_path, volume};
pub(crate) use volumes::{
    projected_tokens, resource_item_containers, unique_names as unique_volume_names,
};

use k8s_openapi::api::core::v1 as k8s;

use super::{meta, At, Report};
use crate::rules::names;

/// Every error and warning of a Pod, with paths from the object's root (`spec.containers[0].name`).
///
/// ```
/// use k8s_openapi::api::core::v1 as k8s;
///
/// let pod = k8s::Pod {
///     metadata: k8s_openapi::apimachinery::pkg::apis::meta::v1::ObjectMeta {
///         name: Some("web".into()),
///         ..Default::default()
///     },
///     spec: Some(k8s::PodSpec {
///         containers: vec![k8s::Container { name: "Web".into(), image: Some("nginx:1.27".into()), ..Default::default() }],
///         ..Default::default()
///     }),
///     ..Default::default()
/// };
/// let report = k8s_dsl::validate::pod(&pod);
/// assert!(report.errors().iter().any(|e| e.path.as_str() == "spec.containers[0].name" && e.rule == 6));
/// ```
pub fn pod(pod: &k8s::Pod) -> Report {
    let mut report = Report::new();
    let metadata = At::root().field("metadata");
    let named = pod.metadata.name.is_some() || pod.metadata.generate_name.is_some();
    name_required(named, &metadata, &mut report);
    meta::object_meta(&pod.metadata, &metadata, names::pod_name, &mut report);
    match &pod.spec {
        Some(spec) => pod_spec(&At::root().field("spec"), spec, false, &mut report),
        None => missing_spec(&At::root().field("spec"), &mut report),
    }
    report
}

/// Rule 1: a Pod object needs a name (a template does not); `metadata` is its path.
pub(crate) fn name_required(named: bool, metadata: &At<'_>, report: &mut Report) {
    if !named {
        report.error(
            &metadata.field("name"),
            1,
            "a Pod needs a name",
            "create it with `Pod::new(name)`; `Pod::template()` is for workloads",
        );
    }
}

/// A pod template at `path` (`spec.template`, or `spec.jobTemplate.spec.template`).
pub(crate) fn template(path: &At<'_>, template: &k8s::PodTemplateSpec, report: &mut Report) {
    if let Some(metadata) = &template.metadata {
        // Labels and annotations at `spec.template.labels`, as the API server reports them.
        meta::template_meta(metadata, path, report);
    }
    match &template.spec {
        Some(spec) => pod_spec(&path.field("spec"), spec, true, report),
        None => missing_spec(&path.field("spec"), report),
    }
}

/// A StatefulSet's pod template at `path`: its containers also mount (or use as block devices)
/// the set's volume claim templates, named `claims`, which the pod does not declare. A mount or
/// device of such a name is not reported as naming no volume (rules 37, 38).
pub(crate) fn template_with_claims(
    path: &At<'_>,
    template: &k8s::PodTemplateSpec,
    claims: &[&str],
    report: &mut Report,
) {
    let mut own = Report::new();
    self::template(path, template, &mut own);
    let mut claimed = Vec::new();
    if let (Some(spec), false) = (&template.spec, claims.is_empty()) {
        let spec_path = path.field("spec");
        let lists = [
            ("containers", spec.containers.as_slice()),
            (
                "initContainers",
                spec.init_containers.as_deref().unwrap_or_default(),
            ),
        ];
        for (list, containers) in lists {
            let list_path = spec_path.field(list);
            for (i, c) in containers.iter().enumerate() {
                let at = list_path.index(i);
                let mounts = c.volume_mounts.iter().flatten().map(|m| m.name.as_str());
                let devices = c.volume_devices.iter().flatten().map(|d| d.name.as_str());
                for (field, names) in [
                    ("volumeMounts", mounts.collect::<Vec<_>>()),
                    ("volumeDevices", devices.collect()),
                ] {
                    for (j, name) in names.into_iter().enumerate() {
                        if claims.contains(&name) {
                            claimed.push(at.field(field).index(j).field("name").to_path());
                        }
                    }
                }
            }
        }
    }
    for error in own.errors() {
        let undeclared = matches!(error.rule, 37 | 38) && error.message.contains("is not declared");
        if undeclared && claimed.contains(&error.path) {
            continue;
        }
        report.error(
            &error.path,
            error.rule,
            error.message.clone(),
            error.fix.clone(),
        );
    }
    for warning in own.warnings() {
        report.warn(&warning.path, warning.message.clone());
    }
}

/// A pod without a spec has no containers (rule 12).
fn missing_spec(path: &At<'_>, report: &mut Report) {
    has_app_container(&path.field("containers"), false, report);
}

/// Every check of a pod spec at `path`, in the order the builders report them.
pub(crate) fn pod_spec(path: &At<'_>, spec: &k8s::PodSpec, is_template: bool, report: &mut Report) {
    let volumes = spec.volumes.as_deref().unwrap_or_default();
    let volumes_path = path.field("volumes");
    for (i, v) in volumes.iter().enumerate() {
        volume(&volumes_path.index(i), v, report);
        sources::sources(&volumes_path.index(i), v, is_template, report);
    }
    unique_volume_names(&volumes_path, volumes, report);
    if let Some(seconds) = spec.termination_grace_period_seconds {
        termination_grace_period(
            &path.field("terminationGracePeriodSeconds"),
            seconds,
            report,
        );
    }
    if let Some(seconds) = spec.active_deadline_seconds {
        active_deadline(&path.field("activeDeadlineSeconds"), seconds, report);
    }
    let init = spec.init_containers.as_deref().unwrap_or_default();
    let app = spec.containers.as_slice();
    let ephemeral = spec.ephemeral_containers.as_deref().unwrap_or_default();
    let pod = container::Pod {
        is_template,
        volumes,
        host_users: spec.host_users.unwrap_or(true),
        host_network: spec.host_network.unwrap_or(false),
        grace: spec.termination_grace_period_seconds,
    };
    container::each(&path.field("initContainers"), init, true, pod, report);
    container::each(&path.field("containers"), app, false, pod, report);
    for (i, c) in ephemeral.iter().enumerate() {
        let at = path.field("ephemeralContainers");
        let at = at.index(i);
        container_name(&at, &c.name, report);
        container_image(&at.field("image"), c.image.as_deref(), is_template, report);
        let parts = container::Parts {
            mounts: c.volume_mounts.as_deref().unwrap_or_default(),
            devices: c.volume_devices.as_deref().unwrap_or_default(),
            resources: c.resources.as_ref(),
            security: c.security_context.as_ref(),
        };
        container::mounts_resources_security(&at, parts, pod, true, report);
    }
    if app.is_empty() {
        has_app_container(&path.field("containers"), !init.is_empty(), report);
    }
    unique_container_names(path, app, init, ephemeral, report);
    host_ports(path, app, init, report);
    let container_names: Vec<&str> = init.iter().chain(app).map(|c| c.name.as_str()).collect();
    resource_item_containers(&volumes_path, volumes, &container_names, report);
    // Rule 45 is for Pods only: a template's pods get their ServiceAccount when created.
    let has_service_account = is_template || spec.service_account_name.is_some();
    projected_tokens(&volumes_path, volumes, has_service_account, report);
    if let Some(policy) = spec.restart_policy.as_deref() {
        restart_policy(&path.field("restartPolicy"), policy, report);
    }
    names_and_selectors(path, spec, report);
    if let Some(list) = spec.tolerations.as_deref() {
        tolerations(&path.field("tolerations"), list, report);
    }
    dns(
        path,
        spec.dns_policy.as_deref(),
        spec.dns_config.as_ref(),
        report,
    );
    if let Some(context) = &spec.security_context {
        pod_security_context(&path.field("securityContext"), context, report);
    }
    host_namespaces(path, spec, report);
    pod_fields(path, spec, report);
}

/// The rules of the pod's scheduling, host and platform fields: resize policies (rule 18),
/// host aliases (rule 44), the OS (rule 46), topology spread (rule 93), sysctls (rule 94),
/// scheduling and readiness gates (rules 95, 96) and pod-level resources (rule 97).
fn pod_fields(path: &At<'_>, spec: &k8s::PodSpec, report: &mut Report) {
    resize::resize_policies(path, spec, report);
    if let Some(aliases) = &spec.host_aliases {
        host_aliases::host_aliases(&path.field("hostAliases"), aliases, report);
    }
    os::os(path, spec, report);
    if let Some(constraints) = &spec.topology_spread_constraints {
        topology::topology_spread(
            &path.field("topologySpreadConstraints"),
            constraints,
            report,
        );
    }
    if let Some(list) = spec
        .security_context
        .as_ref()
        .and_then(|c| c.sysctls.as_deref())
    {
        let at = path.field("securityContext");
        sysctls::sysctls(&at.field("sysctls"), spec, list, report);
    }
    if let Some(gates) = &spec.scheduling_gates {
        gates::scheduling_gates(&path.field("schedulingGates"), gates, report);
    }
    if let Some(gates) = &spec.readiness_gates {
        gates::readiness_gates(&path.field("readinessGates"), gates, report);
    }
    pod_resources::pod_resources(path, spec, report);
}
