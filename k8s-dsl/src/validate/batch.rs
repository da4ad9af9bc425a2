//! The spec of a Job (`validateJobSpec`, rules 5 and 53-60) and of a CronJob
//! (`validateCronJobSpec`, rules 60-64), not their pod templates.

use std::str::FromStr;

use k8s_openapi::api::batch::v1 as batch;
use k8s_openapi::apimachinery::pkg::apis::meta::v1::ObjectMeta;

use super::{At, Report};
use crate::rules::cron::Schedule;
use crate::rules::enums::{CompletionMode, ConcurrencyPolicy, PodReplacementPolicy};
use crate::rules::{names, shown, timezone};
use crate::workload::{describe_labels, describe_selector, label_selector_matches};

/// The most rules of a pod failure policy or a success policy.
const MAX_RULES: usize = 20;
/// The largest parallelism of an Indexed Job.
const MAX_INDEXED_PARALLELISM: i32 = 100_000;
/// The largest `maxFailedIndexes`.
const MAX_FAILED_INDEXES: i32 = 100_000;
/// Above this many completions, `backoffLimitPerIndex` needs `maxFailedIndexes`.
const MAX_COMPLETIONS_WITHOUT_FAILED_INDEXES: i32 = 100_000;
/// The largest parallelism with that many completions and `backoffLimitPerIndex`.
const MAX_PARALLELISM_WITH_MANY_COMPLETIONS: i32 = 10_000;

/// Rule 5: an Indexed Job's last pod hostname `<name>-<completions-1>` is a DNS label.
pub(crate) fn indexed_job_name(meta: &ObjectMeta, spec: &batch::JobSpec, report: &mut Report) {
    let indexed = spec.completion_mode.as_deref() == Some(CompletionMode::Indexed.as_str());
    if let (true, Some(completions), Some(name)) = (indexed, spec.completions, &meta.name) {
        report.check(
            &At::root().field("metadata").field("name"),
            names::indexed_job_name(name, completions),
        );
    }
}

/// Rule 53: a Job's pods restart `OnFailure` or `Never` (set, since a Job has no default).
pub(crate) fn job_restart_policy(spec: &batch::JobSpec, path: &At<'_>, report: &mut Report) {
    let Some(pod) = &spec.template.spec else {
        return;
    };
    let template = path.field("template");
    let at = template.field("spec");
    let at = at.field("restartPolicy");
    match pod.restart_policy.as_deref() {
        Some("OnFailure" | "Never") => {}
        Some("Always") => report.error(
            &at,
            53,
            "a Job's pods may not use restart policy `Always`; supported values: `OnFailure`, `Never`",
            "call `.restart_policy(JobRestartPolicy::Never)` or `OnFailure` on the Job instead of setting `Always` on the pod",
        ),
        Some(other) => report.error(
            &at,
            53,
            format!("{} is not a job restart policy; supported values: `OnFailure`, `Never`", shown(other)),
            "use `OnFailure` or `Never`",
        ),
        None => report.error(
            &at,
            53,
            "a Job's pod template needs a restart policy; supported values: `OnFailure`, `Never`",
            "call `.restart_policy(JobRestartPolicy::Never)` or `OnFailure`",
        ),
    }
}

/// The checks of a Job's spec at `path` (`spec`, or `spec.jobTemplate.spec`) other than its
/// pod template and the restart policy the template sets (rule 53).
pub(crate) fn job_spec(spec: &batch::JobSpec, path: &At<'_>, report: &mut Report) {
    // Rule 56: counts are not negative.
    for (field, value) in [
        ("completions", spec.completions),
        ("parallelism", spec.parallelism),
        ("backoffLimit", spec.backoff_limit),
        ("backoffLimitPerIndex", spec.backoff_limit_per_index),
        ("maxFailedIndexes", spec.max_failed_indexes),
        ("ttlSecondsAfterFinished", spec.ttl_seconds_after_finished),
    ] {
        negative(&path.field(field), value.map(i64::from), 56, report);
    }
    negative(
        &path.field("activeDeadlineSeconds"),
        spec.active_deadline_seconds,
        56,
        report,
    );
    let indexed = match spec.completion_mode.as_deref() {
        None => false,
        Some(text) => {
            let mode = report.check(
                &path.field("completionMode"),
                CompletionMode::from_str(text),
            );
            mode == Some(CompletionMode::Indexed)
        }
    };
    if indexed {
        indexed_limits(spec, path, report);
    }
    per_index(spec, path, indexed, report);
    pod_failure_policy(spec, path, report);
    if let Some(managed_by) = &spec.managed_by {
        managed_by_path(&path.field("managedBy"), managed_by, report);
    }
    manual_selector(spec, path, report);
}

/// `value` at `path` is not negative (`rule` when it is).
fn negative(path: &At<'_>, value: Option<i64>, rule: u16, report: &mut Report) {
    if let Some(v) = value.filter(|v| *v < 0) {
        report.error(
            path,
            rule,
            format!("must be greater than or equal to 0, not {v}"),
            "use zero or a positive number",
        );
    }
}

/// Rule 57: the limits of Indexed Jobs.
fn indexed_limits(spec: &batch::JobSpec, path: &At<'_>, report: &mut Report) {
    if spec.completions.is_none() {
        report.error(
            &path.field("completions"),
            57,
            "`completions` is required when `completionMode` is `Indexed`",
            "call `.completions(n)`",
        );
    }
    if let Some(p) = spec.parallelism.filter(|&p| p > MAX_INDEXED_PARALLELISM) {
        report.error(
            &path.field("parallelism"),
            57,
            format!("must be less than or equal to {MAX_INDEXED_PARALLELISM} when `completionMode` is `Indexed`, not {p}"),
            format!("use at most {MAX_INDEXED_PARALLELISM}"),
        );
    }
    if let Some(m) = spec.max_failed_indexes {
        let at = path.field("maxFailedIndexes");
        if let Some(c) = spec.completions.filter(|&c| m > c) {
            report.error(
                &at,
                57,
                format!("must be less than or equal to `completions` ({c}), not {m}"),
                format!("use at most {c}"),
            );
        }
        if m > MAX_FAILED_INDEXES {
            report.error(
                &at,
                57,
                format!("must be less than or equal to {MAX_FAILED_INDEXES}, not {m}"),
                format!("use at most {MAX_FAILED_INDEXES}"),
            );
        }
    }
    let many = spec
        .completions
        .is_some_and(|c| c > MAX_COMPLETIONS_WITHOUT_FAILED_INDEXES);
    if many && spec.backoff_limit_per_index.is_some() {
        if spec.max_failed_indexes.is_none() {
            report.error(
                &path.field("maxFailedIndexes"),
                57,
                format!("must be specified when `completions` is above {MAX_COMPLETIONS_WITHOUT_FAILED_INDEXES} and `backoffLimitPerIndex` is set"),
                "call `.max_failed_indexes(n)`",
            );
        }
        if let Some(p) = spec
            .parallelism
            .filter(|&p| p > MAX_PARALLELISM_WITH_MANY_COMPLETIONS)
        {
            report.error(
                &path.field("parallelism"),
                57,
                format!("must be less than or equal to {MAX_PARALLELISM_WITH_MANY_COMPLETIONS} when `completions` is above {MAX_COMPLETIONS_WITHOUT_FAILED_INDEXES} and `backoffLimitPerIndex` is set, not {p}"),
                format!("use at most {MAX_PARALLELISM_WITH_MANY_COMPLETIONS}"),
            );
        }
    }
}

/// Rule 58: per-index limits and success policies need Indexed mode.
fn per_index(spec: &batch::JobSpec, path: &At<'_>, indexed: bool, report: &mut Report) {
    const FIX: &str = "call `.completion_mode(CompletionMode::Indexed)`";
    if spec.backoff_limit_per_index.is_some() && !indexed {
        report.error(
            &path.field("backoffLimitPerIndex"),
            58,
            "requires `completionMode: Indexed`",
            FIX,
        );
    }
    if spec.max_failed_indexes.is_some() {
        if !indexed {
            report.error(
                &path.field("maxFailedIndexes"),
                58,
                "requires `completionMode: Indexed`",
                FIX,
            );
        }
        if spec.backoff_limit_per_index.is_none() {
            report.error(
                &path.field("maxFailedIndexes"),
                58,
                "cannot be set when `backoffLimitPerIndex` is not set",
                "call `.backoff_limit_per_index(n)` too",
            );
        }
    }
    if let Some(success) = &spec.success_policy {
        let at = path.field("successPolicy");
        if !indexed {
            report.error(&at, 58, "requires `completionMode: Indexed`", FIX);
        }
        if success.rules.len() > MAX_RULES {
            report.error(
                &at.field("rules"),
                58,
                format!(
                    "has {} rules; at most {MAX_RULES} are allowed",
                    success.rules.len()
                ),
                "merge or drop rules",
            );
        }
    }
}

/// Rule 54: a pod failure policy has at most 20 rules, and its pods never restart in place
/// and are replaced only once they failed.
fn pod_failure_policy(spec: &batch::JobSpec, path: &At<'_>, report: &mut Report) {
    let Some(policy) = &spec.pod_failure_policy else {
        return;
    };
    let at = path.field("podFailurePolicy");
    if policy.rules.len() > MAX_RULES {
        report.error(
            &at.field("rules"),
            54,
            format!(
                "has {} rules; at most {MAX_RULES} are allowed",
                policy.rules.len()
            ),
            "merge or drop rules",
        );
    }
    let restart = spec
        .template
        .spec
        .as_ref()
        .and_then(|s| s.restart_policy.as_deref());
    if restart.is_some_and(|p| p != "Never") {
        report.error(
            &path.field("template").field("spec").field("restartPolicy"),
            54,
            "only `Never` is supported when `podFailurePolicy` is specified",
            "call `.restart_policy(JobRestartPolicy::Never)`",
        );
    }
    let failed = PodReplacementPolicy::Failed.as_str();
    if spec
        .pod_replacement_policy
        .as_deref()
        .is_some_and(|p| p != failed)
    {
        report.error(
            &path.field("podReplacementPolicy"),
            54,
            "must be `Failed` when `podFailurePolicy` is specified",
            "call `.pod_replacement_policy(PodReplacementPolicy::Failed)` or leave it out",
        );
    }
}

/// Rule 60: a manual selector matches the template labels.
fn manual_selector(spec: &batch::JobSpec, path: &At<'_>, report: &mut Report) {
    let Some(selector) = &spec.selector else {
        return;
    };
    if spec.manual_selector != Some(true) {
        return;
    }
    let default = Default::default();
    let labels = spec
        .template
        .metadata
        .as_ref()
        .and_then(|m| m.labels.as_ref())
        .unwrap_or(&default);
    if !label_selector_matches(selector, labels) {
        report.error(
            &path.field("template").field("metadata").field("labels"),
            60,
            format!(
                "`selector` does not match template `labels` (selector `{}`, labels `{}`)",
                describe_selector(selector),
                describe_labels(labels)
            ),
            "add the selector's labels to the pod template, or drop `.manual_selector(..)` and let the API server generate one",
        );
    }
}

/// Rule 59: `managedBy` is a domain-prefixed path (`example.com/controller`) of at most 63
/// characters (`validateJobSpec`, `IsDomainPrefixedPath`).
fn managed_by_path(path: &At<'_>, value: &str, report: &mut Report) {
    const MAX: usize = 63;
    if value.len() > MAX {
        report.error(
            path,
            59,
            format!(
                "{} is {} characters long; the limit is {MAX}",
                shown(value),
                value.len()
            ),
            format!("shorten it to {MAX} characters or fewer"),
        );
    }
    let Some((domain, rest)) = value.split_once('/') else {
        report.error(
            path,
            59,
            format!("{} is not a domain-prefixed path", shown(value)),
            "write it as `<domain>/<path>`, such as `example.com/my-controller`",
        );
        return;
    };
    if let Err(violation) = names::dns1123_subdomain(domain, 59, "managedBy domain") {
        report.violation(path, violation);
    }
    let path_ok = !rest.is_empty()
        && rest
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "/-._~%!$&'()*+,;=:".contains(c));
    if !path_ok {
        report.error(
            path,
            59,
            format!(
                "{} has an empty or invalid path after the domain",
                shown(value)
            ),
            "use letters, digits and `/-._~%!$&'()*+,;=:` after the `/`",
        );
    }
}

/// The checks of a CronJob's spec at `path` (`spec`) other than its job template: the
/// schedule (rules 61, 62), the time zone (63), the policy and limits (64).
pub(crate) fn cron_job_spec(spec: &batch::CronJobSpec, path: &At<'_>, report: &mut Report) {
    let schedule_path = path.field("schedule");
    if let Some(schedule) = report.check(&schedule_path, Schedule::parse(&spec.schedule)) {
        for warning in schedule.warnings() {
            report.warn(&schedule_path, warning.clone());
        }
    }
    if let Some(zone) = &spec.time_zone {
        // Rule 63: a real IANA zone name, not `Local`.
        report.check(&path.field("timeZone"), timezone::time_zone(zone));
    }
    if let Some(policy) = &spec.concurrency_policy {
        report.check(
            &path.field("concurrencyPolicy"),
            ConcurrencyPolicy::from_str(policy),
        );
    }
    negative(
        &path.field("startingDeadlineSeconds"),
        spec.starting_deadline_seconds,
        64,
        report,
    );
    for (field, value) in [
        (
            "successfulJobsHistoryLimit",
            spec.successful_jobs_history_limit,
        ),
        ("failedJobsHistoryLimit", spec.failed_jobs_history_limit),
    ] {
        negative(&path.field(field), value.map(i64::from), 64, report);
    }
}

/// Rule 60: a CronJob's job template brings no selector of its own.
pub(crate) fn job_template_selector(spec: &batch::JobSpec, path: &At<'_>, report: &mut Report) {
    if spec.selector.is_some() || spec.manual_selector == Some(true) {
        report.error(
            &path.field("selector"),
            60,
            "a CronJob's job template may not set `selector` or `manualSelector`",
            "remove `.manual_selector(..)` from the job",
        );
    }
}
