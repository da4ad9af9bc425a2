//! Workloads (`ValidateDeployment`, `ValidateStatefulSet`, `ValidateDaemonSet`,
//! `ValidateReplicaSet`, `ValidateJob`, `ValidateCronJob`): the metadata and the pod template.

use k8s_openapi::api::apps::v1 as apps;
use k8s_openapi::api::batch::v1 as batch;

use super::{apps as apps_spec, batch as batch_spec, meta, pod, At, Report};
use crate::rules::names;
use crate::workload::SpecRef;

/// The object's metadata, checked with `name_rule`.
fn metadata(
    object: &k8s_openapi::apimachinery::pkg::apis::meta::v1::ObjectMeta,
    name_rule: meta::NameRule,
    report: &mut Report,
) {
    meta::object_meta(object, &At::root().field("metadata"), name_rule, report);
}

/// The checks every apps workload shares: its metadata, then its pod template at
/// `spec.template` (when it has one).
fn apps_workload(
    object: &k8s_openapi::apimachinery::pkg::apis::meta::v1::ObjectMeta,
    name_rule: meta::NameRule,
    template: Option<&k8s_openapi::api::core::v1::PodTemplateSpec>,
) -> Report {
    let mut report = Report::new();
    metadata(object, name_rule, &mut report);
    if let Some(template) = template {
        pod::template(
            &At::root().field("spec").field("template"),
            template,
            &mut report,
        );
    }
    report
}

/// Every error and warning of a Deployment.
///
/// ```
/// use k8s_openapi::api::apps::v1 as apps;
///
/// // A Deployment read from JSON (or YAML): no builder involved.
/// let deployment: apps::Deployment = serde_json::from_value(serde_json::json!({
///     "apiVersion": "apps/v1", "kind": "Deployment", "metadata": { "name": "web" },
///     "spec": {
///         "selector": { "matchLabels": { "app": "web" } },
///         "template": {
///             "metadata": { "labels": { "app": "web" } },
///             "spec": { "containers": [{ "name": "Web", "image": "nginx:1.27" }] },
///         },
///     },
/// }))?;
/// let report = k8s_dsl::validate::deployment(&deployment);
/// assert!(report.errors().iter().any(|e| e.path.as_str() == "spec.template.spec.containers[0].name" && e.rule == 6));
/// # Ok::<(), serde_json::Error>(())
/// ```
pub fn deployment(deployment: &apps::Deployment) -> Report {
    let spec = deployment.spec.spec_ref();
    let mut report = apps_workload(
        &deployment.metadata,
        meta::deployment_name,
        spec.map(|spec| &spec.template),
    );
    if let Some(spec) = spec {
        apps_spec::deployment_spec(spec, &At::root().field("spec"), &mut report);
    }
    report
}

/// Every error and warning of a StatefulSet.
///
/// ```
/// use k8s_openapi::api::apps::v1 as apps;
///
/// let set = apps::StatefulSet::default();
/// // No pod template: no containers (rule 12).
/// let report = k8s_dsl::validate::stateful_set(&set);
/// assert!(report.errors().iter().all(|e| e.path.as_str().starts_with("spec.template")));
/// ```
pub fn stateful_set(set: &apps::StatefulSet) -> Report {
    let spec = set.spec.spec_ref();
    let mut report = apps_workload(&set.metadata, meta::stateful_set_name, None);
    if let Some(spec) = spec {
        // The containers mount the volume claim templates by name (rules 37, 38).
        let claims: Vec<&str> = spec
            .volume_claim_templates
            .iter()
            .flatten()
            .filter_map(|c| c.metadata.name.as_deref())
            .collect();
        pod::template_with_claims(
            &At::root().field("spec").field("template"),
            &spec.template,
            &claims,
            &mut report,
        );
        apps_spec::stateful_set_spec(spec, &At::root().field("spec"), &mut report);
    }
    report
}

/// Every error and warning of a DaemonSet.
///
/// ```
/// use k8s_dsl::prelude::*;
///
/// let set = DaemonSet::new("agent")
///     .template(Pod::template().label("app", "agent").container(Container::new("agent").image("fluent-bit:3.2")))
///     .build()?;
/// assert!(k8s_dsl::validate::daemon_set(&set).errors().is_empty());
/// # Ok::<(), k8s_dsl::Errors>(())
/// ```
pub fn daemon_set(set: &apps::DaemonSet) -> Report {
    let spec = set.spec.spec_ref();
    let mut report = apps_workload(
        &set.metadata,
        meta::daemon_set_name,
        spec.map(|spec| &spec.template),
    );
    if let Some(spec) = spec {
        apps_spec::daemon_set_spec(spec, &At::root().field("spec"), &mut report);
    }
    report
}

/// Every error and warning of a ReplicaSet.
///
/// ```
/// use k8s_openapi::api::apps::v1 as apps;
/// use k8s_openapi::api::core::v1 as core;
///
/// let template = core::PodTemplateSpec {
///     spec: Some(core::PodSpec { containers: vec![core::Container { name: "web".into(), ..Default::default() }], ..Default::default() }),
///     ..Default::default()
/// };
/// let set = apps::ReplicaSet {
///     spec: apps::ReplicaSetSpec { template: Some(template), ..Default::default() }.into(),
///     ..Default::default()
/// };
/// let report = k8s_dsl::validate::replica_set(&set);
/// assert!(report.errors().iter().any(|e| e.path.as_str() == "spec.template.spec.containers[0].image" && e.rule == 14));
/// ```
pub fn replica_set(set: &apps::ReplicaSet) -> Report {
    let spec = set.spec.spec_ref();
    let mut report = apps_workload(
        &set.metadata,
        meta::replica_set_name,
        spec.and_then(|spec| spec.template.as_ref()),
    );
    if let Some(spec) = spec {
        apps_spec::replica_set_spec(spec, &At::root().field("spec"), &mut report);
    }
    report
}

/// Every error and warning of a Job.
///
/// ```
/// use k8s_dsl::prelude::*;
///
/// let job = Job::new("migrate")
///     .template(Pod::template().restart_policy(RestartPolicy::Never).container(Container::new("migrate").image("migrate:1.0")))
///     .build()?;
/// assert!(k8s_dsl::validate::job(&job).errors().is_empty());
/// # Ok::<(), k8s_dsl::Errors>(())
/// ```
pub fn job(job: &batch::Job) -> Report {
    let mut report = Report::new();
    metadata(&job.metadata, names::job_name, &mut report);
    if let Some(spec) = job.spec.spec_ref() {
        let path = At::root().field("spec");
        batch_spec::indexed_job_name(&job.metadata, spec, &mut report);
        batch_spec::job_name_label(&job.metadata, spec, &mut report);
        batch_spec::generated_selector(&job.metadata, spec, &mut report);
        job_spec_and_template(spec, &path, &mut report);
    }
    report
}

/// A Job's spec at `path` with its pod template (also a CronJob's job template).
fn job_spec_and_template(spec: &batch::JobSpec, path: &At<'_>, report: &mut Report) {
    pod::template(&path.field("template"), &spec.template, report);
    batch_spec::job_restart_policy(spec, path, report);
    batch_spec::job_spec(spec, path, report);
}

/// Every error and warning of a CronJob.
///
/// ```
/// use k8s_openapi::api::batch::v1 as batch;
///
/// let cron_job: batch::CronJob = serde_json::from_value(serde_json::json!({
///     "apiVersion": "batch/v1", "kind": "CronJob", "metadata": { "name": "backup" },
///     "spec": {
///         "schedule": "0 3 * * *",
///         "jobTemplate": { "spec": { "template": { "spec": {
///             "restartPolicy": "OnFailure",
///             "containers": [{ "name": "backup" }],
///         } } } },
///     },
/// }))?;
/// let report = k8s_dsl::validate::cron_job(&cron_job);
/// assert!(report.errors().iter().any(|e| {
///     e.path.as_str() == "spec.jobTemplate.spec.template.spec.containers[0].image" && e.rule == 14
/// }));
/// # Ok::<(), serde_json::Error>(())
/// ```
pub fn cron_job(cron_job: &batch::CronJob) -> Report {
    let mut report = Report::new();
    metadata(&cron_job.metadata, names::cronjob_name, &mut report);
    let job_template = cron_job.spec.spec_ref().map(|s| &s.job_template);
    if let Some(template) = job_template {
        let path = At::root().field("spec");
        let path = path.field("jobTemplate");
        if let Some(metadata) = &template.metadata {
            meta::object_meta(
                metadata,
                &path.field("metadata"),
                names::job_name,
                &mut report,
            );
        }
        if let Some(spec) = &template.spec {
            let spec_path = path.field("spec");
            job_spec_and_template(spec, &spec_path, &mut report);
            batch_spec::job_template(spec, &spec_path, &mut report);
        }
    }
    if let Some(spec) = cron_job.spec.spec_ref() {
        batch_spec::cron_job_spec(spec, &At::root().field("spec"), &mut report);
    }
    report
}
