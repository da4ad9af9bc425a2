//! Jobs: pods that run to completion (rules 3, 5 and 53-60).

use std::collections::BTreeSet;

use k8s_openapi::api::batch::v1 as batch;
use k8s_openapi::api::core::v1::PodTemplateSpec;

use super::common::{meta_methods, seconds, seconds_i32};
use super::selector::Selector;
use crate::meta::Meta;
use crate::pod::Pod;
use crate::rules::duration::Duration;
use crate::rules::enums::{
    CompletionMode, ConditionStatus, JobRestartPolicy, OnExitCodesOperator, PodFailurePolicyAction,
    RestartPolicy,
};
use crate::rules::{labels, names, shown};
use crate::validate::{At, Errors, Report, Warning};
use crate::value::Parsed;

/// At most this many pod failure policy rules, success policy rules, or pod condition
/// patterns per rule (`maxPodFailurePolicyRules`, `maxSuccessPolicyRule`, ...).
const MAX_RULES: usize = 20;
/// At most this many exit codes per `onExitCodes` (`maxPodFailurePolicyOnExitCodesValues`).
const MAX_EXIT_CODES: usize = 255;

/// When a Job replaces a failed pod (`spec.podReplacementPolicy`).
///
/// ```
/// use k8s_dsl::prelude::*;
///
/// assert_eq!(PodReplacementPolicy::Failed.as_str(), "Failed");
/// let template = || Pod::template().container(Container::new("work").image("busybox:1.36"));
/// let job = Job::new("work")
///     .restart_policy(JobRestartPolicy::Never)
///     .pod_replacement_policy(PodReplacementPolicy::Failed)
///     .template(template())
///     .build()?;
/// assert_eq!(job.spec.unwrap().pod_replacement_policy.as_deref(), Some("Failed"));
///
/// // With a pod failure policy, only `Failed` is allowed.
/// let errors = Job::new("work")
///     .restart_policy(JobRestartPolicy::Never)
///     .pod_replacement_policy(PodReplacementPolicy::TerminatingOrFailed)
///     .pod_failure_rule(PodFailureRule::fail_job().on_exit_codes(OnExitCodesOperator::In, [42]))
///     .template(template())
///     .build()
///     .unwrap_err();
/// assert!(errors.has("spec.podReplacementPolicy", 54));
/// # Ok::<(), k8s_dsl::Errors>(())
/// ```
pub use crate::rules::enums::PodReplacementPolicy;

/// One rule of a Job's pod failure policy: an action, and either exit codes or pod
/// conditions that trigger it (rules 54, 55).
///
/// ```
/// use k8s_dsl::prelude::*;
///
/// let fail_fast = PodFailureRule::fail_job().on_exit_codes(OnExitCodesOperator::In, [42]);
/// let ignore_disruptions =
///     PodFailureRule::ignore().on_pod_condition("DisruptionTarget", ConditionStatus::True);
/// # let _ = (fail_fast, ignore_disruptions);
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct PodFailureRule {
    action: PodFailurePolicyAction,
    exit_codes: Option<(OnExitCodesOperator, Vec<i32>)>,
    container: Option<String>,
    conditions: Vec<(String, ConditionStatus)>,
}

impl PodFailureRule {
    /// A rule with `action`; add `on_exit_codes` or `on_pod_condition`.
    pub fn new(action: PodFailurePolicyAction) -> Self {
        PodFailureRule {
            action,
            exit_codes: None,
            container: None,
            conditions: Vec::new(),
        }
    }

    /// Fail the whole Job.
    pub fn fail_job() -> Self {
        PodFailureRule::new(PodFailurePolicyAction::FailJob)
    }

    /// Fail the pod's index (needs `backoff_limit_per_index`).
    pub fn fail_index() -> Self {
        PodFailureRule::new(PodFailurePolicyAction::FailIndex)
    }

    /// Do not count the failure towards the backoff limit.
    pub fn ignore() -> Self {
        PodFailureRule::new(PodFailurePolicyAction::Ignore)
    }

    /// Count the failure towards the backoff limit (the default behaviour).
    pub fn count() -> Self {
        PodFailureRule::new(PodFailurePolicyAction::Count)
    }

    /// Match containers that exit with (`In`) or without (`NotIn`) one of `values`
    /// (1 to 255 codes, in increasing order, no `0` with `In`; rule 55).
    pub fn on_exit_codes(
        mut self,
        operator: OnExitCodesOperator,
        values: impl IntoIterator<Item = i32>,
    ) -> Self {
        self.exit_codes = Some((operator, values.into_iter().collect()));
        self
    }

    /// Only look at the exit code of this container (or init container) of the template.
    pub fn container(mut self, name: impl Into<String>) -> Self {
        self.container = Some(name.into());
        self
    }

    /// Match pods with the condition `type_` in `status` (for example `DisruptionTarget`).
    pub fn on_pod_condition(mut self, type_: impl Into<String>, status: ConditionStatus) -> Self {
        self.conditions.push((type_.into(), status));
        self
    }

    // `status` is optional in some Kubernetes versions of k8s-openapi; `.into()` fits both.
    #[allow(clippy::useless_conversion)]
    fn to_k8s(
        &self,
        path: &At<'_>,
        report: &mut Report,
        facts: &JobFacts<'_>,
    ) -> batch::PodFailurePolicyRule {
        // Rule 54: exactly one of onExitCodes and onPodConditions.
        match (&self.exit_codes, self.conditions.is_empty()) {
            (Some(_), false) => report.error(
                path,
                54,
                "specifying both `onExitCodes` and `onPodConditions` is not supported",
                "split it into two rules",
            ),
            (None, true) => report.error(
                path,
                54,
                "specifying one of `onExitCodes` and `onPodConditions` is required",
                "call `.on_exit_codes(..)` or `.on_pod_condition(..)` on the rule",
            ),
            _ => {}
        }
        // Rule 54: FailIndex needs backoffLimitPerIndex.
        if self.action == PodFailurePolicyAction::FailIndex && !facts.has_backoff_limit_per_index {
            report.error(
                &path.field("action"),
                54,
                "`FailIndex` requires `backoffLimitPerIndex`",
                "call `.backoff_limit_per_index(..)` on the Job, or use another action",
            );
        }
        let on_exit_codes = self.exit_codes.as_ref().map(|(operator, values)| {
            let at = path.field("onExitCodes");
            self.check_exit_codes(&at, report, *operator, values, facts);
            batch::PodFailurePolicyOnExitCodesRequirement {
                container_name: self.container.clone(),
                operator: operator.as_str().to_owned(),
                values: values.clone(),
            }
        });
        if self.container.is_some() && self.exit_codes.is_none() {
            report.error(
                &path.field("onExitCodes").field("containerName"),
                55,
                "a container name only applies to `onExitCodes`",
                "add `.on_exit_codes(..)` or remove `.container(..)`",
            );
        }
        let on_pod_conditions = (!self.conditions.is_empty()).then(|| {
            let at = path.field("onPodConditions");
            if self.conditions.len() > MAX_RULES {
                report.error(
                    &at,
                    55,
                    format!(
                        "has {} patterns; at most {MAX_RULES} are allowed",
                        self.conditions.len()
                    ),
                    "merge or drop patterns",
                );
            }
            self.conditions
                .iter()
                .enumerate()
                .map(|(j, (type_, status))| {
                    report.check(
                        &at.index(j).field("type"),
                        labels::qualified_name(type_, 55, "pod condition type"),
                    );
                    batch::PodFailurePolicyOnPodConditionsPattern {
                        type_: type_.clone(),
                        status: status.as_str().to_owned().into(),
                    }
                })
                .collect()
        });
        batch::PodFailurePolicyRule {
            action: self.action.as_str().to_owned(),
            on_exit_codes,
            on_pod_conditions,
        }
    }

    /// Rule 55: 1-255 values, sorted and unique, no 0 with `In`, a known container.
    fn check_exit_codes(
        &self,
        path: &At<'_>,
        report: &mut Report,
        operator: OnExitCodesOperator,
        values: &[i32],
        facts: &JobFacts<'_>,
    ) {
        let values_path = path.field("values");
        if values.is_empty() || values.len() > MAX_EXIT_CODES {
            report.error(
                &values_path,
                55,
                format!(
                    "has {} exit codes; 1 to {MAX_EXIT_CODES} are required",
                    values.len()
                ),
                "list between 1 and 255 exit codes",
            );
        }
        let mut sorted: Vec<i32> = values.to_vec();
        sorted.sort_unstable();
        sorted.dedup();
        let mut seen = BTreeSet::new();
        let mut previous: Option<i32> = None;
        for (j, &value) in values.iter().enumerate() {
            let at = values_path.index(j);
            if operator == OnExitCodesOperator::In && value == 0 {
                report.error(
                    &at,
                    55,
                    "must not be 0 for the `In` operator",
                    "remove `0`: a container that exits with 0 succeeded",
                );
            }
            if !seen.insert(value) {
                report.error(
                    &at,
                    55,
                    format!("duplicate exit code {value}"),
                    format!("list each code once: {sorted:?}"),
                );
            } else if previous.is_some_and(|p| p > value) {
                report.error(
                    &at,
                    55,
                    format!(
                        "exit codes must be in increasing order; {value} comes after a larger one"
                    ),
                    format!("write them as {sorted:?}"),
                );
            }
            previous = Some(value);
        }
        if let Some(name) = &self.container {
            if !facts.container_names.iter().any(|c| c == name) {
                let known = facts
                    .container_names
                    .iter()
                    .map(|c| format!("`{c}`"))
                    .collect::<Vec<_>>()
                    .join(", ");
                let fix = crate::rules::suggest::did_you_mean(
                    name,
                    facts.container_names.iter().map(String::as_str),
                )
                .unwrap_or_else(|| "use the name of a container of the template".to_owned());
                report.error(
                    &path.field("containerName"),
                    55,
                    format!(
                        "{} is not a container or init container of the pod template (it has {known})",
                        shown(name)
                    ),
                    fix,
                );
            }
        }
    }
}

/// One rule of a Job's success policy (rule 58): the Job succeeds once these indexes (and/or
/// this many of them) have succeeded. Indexed Jobs only.
///
/// ```
/// use k8s_dsl::prelude::*;
///
/// let leader_done = SuccessRule::new().succeeded_indexes("0");
/// let any_two = SuccessRule::new().succeeded_indexes("0-4").succeeded_count(2);
/// # let _ = (leader_done, any_two);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SuccessRule {
    indexes: Option<String>,
    count: Option<i32>,
}

impl SuccessRule {
    /// An empty rule: set `succeeded_indexes`, `succeeded_count` or both.
    pub fn new() -> Self {
        SuccessRule::default()
    }

    /// The indexes that must succeed, as a list of numbers and ranges: `"0,2-4"`.
    pub fn succeeded_indexes(mut self, indexes: impl Into<String>) -> Self {
        self.indexes = Some(indexes.into());
        self
    }

    /// How many indexes (of `succeeded_indexes`, or of all) must succeed.
    pub fn succeeded_count(mut self, count: i32) -> Self {
        self.count = Some(count);
        self
    }

    fn to_k8s(
        &self,
        path: &At<'_>,
        report: &mut Report,
        completions: Option<i32>,
    ) -> batch::SuccessPolicyRule {
        if self.indexes.is_none() && self.count.is_none() {
            report.error(
                path,
                58,
                "at least one of `succeededCount` or `succeededIndexes` must be specified",
                "call `.succeeded_indexes(..)` or `.succeeded_count(..)` on the rule",
            );
        }
        let mut total: Option<i64> = None;
        if let Some(indexes) = &self.indexes {
            let at = path.field("succeededIndexes");
            match parse_indexes(indexes, completions) {
                Ok(count) => total = Some(count),
                Err(message) => report.error(
                    &at,
                    58,
                    message,
                    "write increasing, non-overlapping indexes and ranges below `completions`, such as `0,2-4`",
                ),
            }
        }
        if let Some(count) = self.count {
            let at = path.field("succeededCount");
            if count < 0 {
                report.error(
                    &at,
                    58,
                    format!("must be greater than or equal to 0, not {count}"),
                    "use a positive count",
                );
            } else if let Some(c) = completions.filter(|&c| count > c) {
                report.error(
                    &at,
                    58,
                    format!("must be less than or equal to `completions` ({c}), not {count}"),
                    format!("use at most {c}"),
                );
            } else if let Some(t) = total.filter(|&t| i64::from(count) > t) {
                report.error(
                    &at,
                    58,
                    format!("must be less than or equal to the number of succeeded indexes ({t}), not {count}"),
                    format!("use at most {t}, or list more indexes"),
                );
            }
        }
        batch::SuccessPolicyRule {
            succeeded_count: self.count,
            succeeded_indexes: self.indexes.clone(),
        }
    }
}

/// Parses `"0,2-4"` into the number of indexes it names, checking order and bounds.
fn parse_indexes(text: &str, completions: Option<i32>) -> Result<i64, String> {
    let mut count: i64 = 0;
    let mut last: Option<i64> = None;
    for part in text.split(',') {
        let (first, second) = match part.split_once('-') {
            Some((a, b)) => (a, Some(b)),
            None => (part, None),
        };
        let number = |s: &str| -> Result<i64, String> {
            if s.is_empty() || !s.bytes().all(|b| b.is_ascii_digit()) {
                return Err(format!("{} is not an index or a range `a-b`", shown(part)));
            }
            s.parse::<i64>()
                .map_err(|_| format!("{} is too large", shown(s)))
        };
        let start = number(first)?;
        let end = match second {
            Some(b) => number(b)?,
            None => start,
        };
        if end < start {
            return Err(format!("range {} goes backwards", shown(part)));
        }
        if last.is_some_and(|l| start <= l) {
            return Err(format!(
                "{} overlaps or comes before the previous index",
                shown(part)
            ));
        }
        if let Some(c) = completions {
            if end >= i64::from(c) {
                return Err(format!("index {end} is not below `completions` ({c})"));
            }
        }
        count += end - start + 1;
        last = Some(end);
    }
    Ok(count)
}

/// What the checks of a pod failure policy need to know about the rest of the Job.
struct JobFacts<'a> {
    has_backoff_limit_per_index: bool,
    container_names: &'a [String],
}

/// A Job: pods that run until `completions` of them succeed.
///
/// The restart policy of the pods is part of the Job's API and can only be
/// [`JobRestartPolicy::Never`] or [`JobRestartPolicy::OnFailure`]; a Job whose pods restart
/// forever cannot be written (rule 53).
///
/// ```
/// use k8s_dsl::prelude::*;
///
/// let job = Job::new("math-add-job")
///     .completions(3)
///     .parallelism(3)
///     .restart_policy(JobRestartPolicy::Never)
///     .template(
///         Pod::template().container(
///             Container::new("math-add").image("ubuntu").command(["expr", "3", "+", "2"]),
///         ),
///     )
///     .build()?;
/// let spec = job.spec.unwrap();
/// assert_eq!(spec.completions, Some(3));
/// assert_eq!(spec.template.spec.unwrap().restart_policy.as_deref(), Some("Never"));
/// # Ok::<(), k8s_dsl::Errors>(())
/// ```
#[derive(Debug, Clone)]
pub struct Job {
    pub(crate) meta: Meta,
    pss: crate::pss::Policy,
    template: Option<Pod>,
    restart_policy: Option<JobRestartPolicy>,
    completions: Option<i32>,
    parallelism: Option<i32>,
    backoff_limit: Option<i32>,
    backoff_limit_per_index: Option<i32>,
    max_failed_indexes: Option<i32>,
    active_deadline: Option<Parsed<Duration>>,
    ttl_after_finished: Option<Parsed<Duration>>,
    completion_mode: Option<CompletionMode>,
    pod_failure_rules: Vec<PodFailureRule>,
    success_rules: Vec<SuccessRule>,
    pod_replacement_policy: Option<PodReplacementPolicy>,
    selector: Option<Selector>,
    suspend: Option<bool>,
    managed_by: Option<String>,
}

impl Job {
    /// A Job called `name` (a DNS subdomain, rule 3).
    pub fn new(name: impl Into<String>) -> Self {
        Job::with_meta(Meta::new(name))
    }

    /// A Job named by the API server: `prefix` and five random characters
    /// (`metadata.generateName`), for a Job created anew on each run, such as a migration
    /// applied with `kubectl create`. The prefix follows rule 3, with a trailing `-` allowed.
    ///
    /// ```
    /// use k8s_dsl::prelude::*;
    ///
    /// let job = Job::generated("migrate-")
    ///     .restart_policy(JobRestartPolicy::Never)
    ///     .template(Pod::template().container(Container::new("migrate").image("app:1.4")))
    ///     .build()?;
    /// assert_eq!(job.metadata.name, None);
    /// assert_eq!(job.metadata.generate_name.as_deref(), Some("migrate-"));
    ///
    /// let errors = Job::generated("Migrate_")
    ///     .restart_policy(JobRestartPolicy::Never)
    ///     .template(Pod::template().container(Container::new("migrate").image("app:1.4")))
    ///     .build()
    ///     .unwrap_err();
    /// assert!(errors.has("metadata.generateName", 3));
    /// # Ok::<(), k8s_dsl::Errors>(())
    /// ```
    pub fn generated(prefix: impl Into<String>) -> Self {
        Job::with_meta(Meta::generated(prefix))
    }

    /// A Job without a name, as the job template of a [`CronJob`](super::CronJob).
    pub fn unnamed() -> Self {
        Job::with_meta(Meta::unnamed())
    }

    fn with_meta(meta: Meta) -> Self {
        Job {
            meta,
            pss: crate::pss::Policy::default(),
            template: None,
            restart_policy: None,
            completions: None,
            parallelism: None,
            backoff_limit: None,
            backoff_limit_per_index: None,
            max_failed_indexes: None,
            active_deadline: None,
            ttl_after_finished: None,
            completion_mode: None,
            pod_failure_rules: Vec::new(),
            success_rules: Vec::new(),
            pod_replacement_policy: None,
            selector: None,
            suspend: None,
            managed_by: None,
        }
    }

    meta_methods!();

    crate::pss::pss_methods!(template);

    /// Sets the pod template (`Pod::template()...`); its checks report under `spec.template`.
    pub fn template(mut self, pod: Pod) -> Self {
        self.template = Some(pod.with_pss(self.pss));
        self
    }

    /// The restart policy of the pods: `Never` (replace failed pods) or `OnFailure` (restart
    /// containers in place). Required (rule 53).
    pub fn restart_policy(mut self, policy: JobRestartPolicy) -> Self {
        self.restart_policy = Some(policy);
        self
    }

    /// How many pods must succeed (`spec.completions`, ≥ 0, rule 56).
    pub fn completions(mut self, completions: i32) -> Self {
        self.completions = Some(completions);
        self
    }

    /// How many pods may run at once (`spec.parallelism`, ≥ 0, rule 56).
    pub fn parallelism(mut self, parallelism: i32) -> Self {
        self.parallelism = Some(parallelism);
        self
    }

    /// How many retries before the Job fails (`spec.backoffLimit`, ≥ 0, rule 56).
    pub fn backoff_limit(mut self, limit: i32) -> Self {
        self.backoff_limit = Some(limit);
        self
    }

    /// Retries per index of an Indexed Job (`spec.backoffLimitPerIndex`, rules 56, 58).
    pub fn backoff_limit_per_index(mut self, limit: i32) -> Self {
        self.backoff_limit_per_index = Some(limit);
        self
    }

    /// How many indexes may fail before the Job fails (`spec.maxFailedIndexes`, rules 57, 58).
    pub fn max_failed_indexes(mut self, limit: i32) -> Self {
        self.max_failed_indexes = Some(limit);
        self
    }

    /// How long the Job may run (`spec.activeDeadlineSeconds`): `Duration::minutes(10)` or
    /// `"10m"`.
    pub fn active_deadline(mut self, deadline: impl Into<Parsed<Duration>>) -> Self {
        self.active_deadline = Some(deadline.into());
        self
    }

    /// How long a finished Job is kept (`spec.ttlSecondsAfterFinished`).
    pub fn ttl_after_finished(mut self, ttl: impl Into<Parsed<Duration>>) -> Self {
        self.ttl_after_finished = Some(ttl.into());
        self
    }

    /// `NonIndexed` (the default) or `Indexed` (each pod gets an index; rule 57).
    pub fn completion_mode(mut self, mode: CompletionMode) -> Self {
        self.completion_mode = Some(mode);
        self
    }

    /// Adds a rule to the pod failure policy (rules 54, 55; needs `JobRestartPolicy::Never`).
    pub fn pod_failure_rule(mut self, rule: PodFailureRule) -> Self {
        self.pod_failure_rules.push(rule);
        self
    }

    /// Adds a rule to the success policy (rule 58; Indexed Jobs only).
    pub fn success_rule(mut self, rule: SuccessRule) -> Self {
        self.success_rules.push(rule);
        self
    }

    /// When failed pods are replaced (`spec.podReplacementPolicy`; must be `Failed` with a pod
    /// failure policy, rule 54).
    pub fn pod_replacement_policy(mut self, policy: PodReplacementPolicy) -> Self {
        self.pod_replacement_policy = Some(policy);
        self
    }

    /// A selector of your own (`spec.manualSelector: true`); it must match the template
    /// labels (rule 60). Usually left out: the API server generates one.
    pub fn manual_selector(mut self, selector: impl Into<Selector>) -> Self {
        self.selector = Some(selector.into());
        self
    }

    /// Creates the Job suspended (`spec.suspend`).
    pub fn suspend(mut self, suspend: bool) -> Self {
        self.suspend = Some(suspend);
        self
    }

    /// The controller that manages the Job (`spec.managedBy`, a domain-prefixed path of at
    /// most 63 characters, rule 59).
    pub fn managed_by(mut self, controller: impl Into<String>) -> Self {
        self.managed_by = Some(controller.into());
        self
    }

    /// The k8s-openapi `Job`, or every error found.
    pub fn build(self) -> Result<batch::Job, Errors> {
        self.build_with_warnings().map(|(job, _)| job)
    }

    /// Like [`build`](Self::build), also returning the warnings.
    pub fn build_with_warnings(self) -> Result<(batch::Job, Vec<Warning>), Errors> {
        let mut report = Report::new();
        let job = self.into_k8s(&mut report);
        report.finish(job)
    }

    /// The Job, checking everything into `report`; the builder's strings move into it.
    pub(crate) fn into_k8s(mut self, report: &mut Report) -> batch::Job {
        let metadata = std::mem::take(&mut self.meta).into_k8s(
            &At::root().field("metadata"),
            report,
            names::job_name,
        );
        let spec = self.spec(&At::root().field("spec"), report);
        crate::validate::batch::indexed_job_name(&metadata, &spec, report);
        batch::Job {
            metadata,
            spec: Some(spec),
            ..batch::Job::default()
        }
    }

    /// The JobSpec at `path` (`spec`, or `spec.jobTemplate.spec` in a CronJob).
    #[allow(clippy::needless_update)] // `JobSpec` gains fields in newer Kubernetes versions
    /// The pod template moves into the result (the builder keeps none).
    pub(crate) fn spec(&mut self, path: &At<'_>, report: &mut Report) -> batch::JobSpec {
        let template = self.pod_template(path, report);
        let indexed = self.completion_mode == Some(CompletionMode::Indexed);
        let active_deadline_seconds = seconds(
            report,
            &path.field("activeDeadlineSeconds"),
            self.active_deadline.as_ref(),
            56,
            i64::MAX,
        );
        let ttl_seconds_after_finished = seconds_i32(
            report,
            &path.field("ttlSecondsAfterFinished"),
            self.ttl_after_finished.as_ref(),
            56,
        );
        let container_names = template_container_names(&template);
        let facts = JobFacts {
            has_backoff_limit_per_index: self.backoff_limit_per_index.is_some(),
            container_names: &container_names,
        };
        let pod_failure_policy = self.pod_failure_policy(path, report, &facts);
        let success_policy = self.success_policy(path, report, indexed);
        // The selector's syntax is checked here; that it matches the labels (rule 60), with
        // every other rule of the spec, by `validate::batch`.
        let selector = self
            .selector
            .as_ref()
            .map(|selector| selector.to_k8s(&path.field("selector"), report));
        let spec = batch::JobSpec {
            active_deadline_seconds,
            backoff_limit: self.backoff_limit,
            backoff_limit_per_index: self.backoff_limit_per_index,
            completion_mode: self.completion_mode.map(|m| m.as_str().to_owned()),
            completions: self.completions,
            managed_by: self.managed_by.take(),
            manual_selector: self.selector.as_ref().map(|_| true),
            max_failed_indexes: self.max_failed_indexes,
            parallelism: self.parallelism,
            pod_failure_policy,
            pod_replacement_policy: self.pod_replacement_policy.map(|p| p.as_str().to_owned()),
            selector,
            success_policy,
            suspend: self.suspend,
            template,
            ttl_seconds_after_finished,
            ..batch::JobSpec::default()
        };
        crate::validate::batch::job_spec(&spec, path, report);
        spec
    }

    /// The pod template with the Job's restart policy applied (rule 53).
    fn pod_template(&mut self, path: &At<'_>, report: &mut Report) -> PodTemplateSpec {
        let template_path = path.field("template");
        let policy_path = template_path.field("spec");
        let policy_path = policy_path.field("restartPolicy");
        let Some(mut pod) = self.template.take() else {
            report.error(
                &template_path.field("spec").field("containers"),
                12,
                "a Job needs a pod template with at least one container",
                "call `.template(Pod::template().container(..))`",
            );
            return PodTemplateSpec::default();
        };
        let pod_policy = pod.restart_policy_value();
        let effective = match (self.restart_policy, pod_policy) {
            (_, Some(RestartPolicy::Always)) => {
                report.error(
                    &policy_path,
                    53,
                    "a Job's pods may not use restart policy `Always`; supported values: `OnFailure`, `Never`",
                    "call `.restart_policy(JobRestartPolicy::Never)` or `OnFailure` on the Job instead of setting `Always` on the pod",
                );
                None
            }
            (Some(job), Some(pod)) if RestartPolicy::from(job) != pod => {
                report.error(
                    &policy_path,
                    53,
                    format!(
                        "the Job says restart policy `{job}` but its pod template says `{pod}`"
                    ),
                    "set the restart policy once, with `.restart_policy(..)` on the Job",
                );
                None
            }
            (Some(job), _) => Some(RestartPolicy::from(job)),
            (None, Some(pod)) => Some(pod),
            (None, None) => {
                report.error(
                    &policy_path,
                    53,
                    "a Job's pod template needs a restart policy; supported values: `OnFailure`, `Never`",
                    "call `.restart_policy(JobRestartPolicy::Never)` or `OnFailure`",
                );
                None
            }
        };
        if let Some(policy) = effective {
            pod.set_restart_policy(policy);
        }
        pod.into_template(&template_path, report)
    }

    /// Rules 54 and 55.
    fn pod_failure_policy(
        &self,
        path: &At<'_>,
        report: &mut Report,
        facts: &JobFacts<'_>,
    ) -> Option<batch::PodFailurePolicy> {
        if self.pod_failure_rules.is_empty() {
            return None;
        }
        let at = path.field("podFailurePolicy");
        let at = at.field("rules");
        // The number of rules, the restart and replacement policies (rule 54) are checked with
        // the spec (`validate::batch`).
        let rules = self
            .pod_failure_rules
            .iter()
            .enumerate()
            .map(|(i, rule)| rule.to_k8s(&at.index(i), report, facts))
            .collect();
        Some(batch::PodFailurePolicy { rules })
    }

    /// Rule 58.
    fn success_policy(
        &self,
        path: &At<'_>,
        report: &mut Report,
        indexed: bool,
    ) -> Option<batch::SuccessPolicy> {
        if self.success_rules.is_empty() {
            return None;
        }
        let at = path.field("successPolicy");
        let at = at.field("rules");
        // The number of rules (rule 58) is checked with the spec (`validate::batch`).
        let completions = if indexed { self.completions } else { None };
        let rules = self
            .success_rules
            .iter()
            .enumerate()
            .map(|(i, rule)| rule.to_k8s(&at.index(i), report, completions))
            .collect();
        Some(batch::SuccessPolicy { rules })
    }
}

/// The names of the containers and init containers of a built template.
fn template_container_names(template: &PodTemplateSpec) -> Vec<String> {
    template
        .spec
        .iter()
        .flat_map(|spec| {
            spec.containers.iter().map(|c| c.name.clone()).chain(
                spec.init_containers
                    .iter()
                    .flatten()
                    .map(|c| c.name.clone()),
            )
        })
        .collect()
}
