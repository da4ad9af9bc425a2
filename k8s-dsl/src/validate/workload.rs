//! Workloads (`ValidateDeployment`, `ValidateStatefulSet`, `ValidateDaemonSet`,
//! `ValidateReplicaSet`, `ValidateJob`, `ValidateCronJob`): the metadata and the pod template.

use k8s_openapi::api::apps::v1 as apps;
use k8s_openapi::api::batch::v1 as batch;

use super::{meta, pod, At, Report};
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

/// Every error and warning of a Deployment.
pub fn deployment(deployment: &apps::Deployment) -> Report {
    let mut report = Report::new();
    metadata(&deployment.metadata, meta::deployment_name, &mut report);
    if let Some(spec) = deployment.spec.spec_ref() {
        pod::template(
            &At::root().field("spec").field("template"),
            &spec.template,
            &mut report,
        );
    }
    report
}

/// Every error and warning of a StatefulSet.
pub fn stateful_set(set: &apps::StatefulSet) -> Report {
    let mut report = Report::new();
    metadata(&set.metadata, meta::stateful_set_name, &mut report);
    if let Some(spec) = set.spec.spec_ref() {
        pod::template(
            &At::root().field("spec").field("template"),
            &spec.template,
            &mut report,
        );
    }
    report
}

/// Every error and warning of a DaemonSet.
pub fn daemon_set(set: &apps::DaemonSet) -> Report {
    let mut report = Report::new();
    metadata(&set.metadata, meta::daemon_set_name, &mut report);
    if let Some(spec) = set.spec.spec_ref() {
        pod::template(
            &At::root().field("spec").field("template"),
            &spec.template,
            &mut report,
        );
    }
    report
}

/// Every error and warning of a ReplicaSet.
pub fn replica_set(set: &apps::ReplicaSet) -> Report {
    let mut report = Report::new();
    metadata(&set.metadata, meta::replica_set_name, &mut report);
    if let Some(template) = set.spec.spec_ref().and_then(|s| s.template.as_ref()) {
        pod::template(
            &At::root().field("spec").field("template"),
            template,
            &mut report,
        );
    }
    report
}

/// Every error and warning of a Job.
pub fn job(job: &batch::Job) -> Report {
    let mut report = Report::new();
    metadata(&job.metadata, names::job_name, &mut report);
    if let Some(spec) = job.spec.spec_ref() {
        pod::template(
            &At::root().field("spec").field("template"),
            &spec.template,
            &mut report,
        );
    }
    report
}

/// Every error and warning of a CronJob.
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
            pod::template(&spec_path.field("template"), &spec.template, &mut report);
        }
    }
    report
}
