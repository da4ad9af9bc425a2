//! Jobs: pods that run to completion (rules 3, 5 and 53-60).

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
use crate::rules::names;
use crate::validate::{At, Errors, Report, Warning};
use crate::value::Parsed;

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

    /// The k8s form. Rules 54 and 55 are checked over the object (`validate::batch`); only a
    /// container name without exit codes, which the object cannot hold, is checked here.
    // `status` is optional in some Kubernetes versions of k8s-openapi; `.into()` fits both.
    #[allow(clippy::useless_conversion)]
    fn to_k8s(&self, path: &At<'_>, report: &mut Report) -> batch::PodFailurePolicyRule {
        if self.container.is_some() && self.exit_codes.is_none() {
            report.error(
                &path.field("onExitCodes").field("containerName"),
                55,
                "a container name only applies to `onExitCodes`",
                "add `.on_exit_codes(..)` or remove `.container(..)`",
            );
        }
        let on_exit_codes = self.exit_codes.as_ref().map(|(operator, values)| {
            batch::PodFailurePolicyOnExitCodesRequirement {
                container_name: self.container.clone(),
                operator: operator.as_str().to_owned(),
                values: values.clone(),
            }
        });
        let on_pod_conditions = (!self.conditions.is_empty()).then(|| {
            self.conditions
                .iter()
                .map(
                    |(type_, status)| batch::PodFailurePolicyOnPodConditionsPattern {
                        type_: type_.clone(),
                        status: status.as_str().to_owned().into(),
                    },
                )
                .collect()
        });
        batch::PodFailurePolicyRule {
            action: self.action.as_str().to_owned(),
            on_exit_codes,
            on_pod_conditions,
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

    /// The k8s form; rule 58 is checked over the object (`validate::batch`).
    fn to_k8s(&self) -> batch::SuccessPolicyRule {
        batch::SuccessPolicyRule {
            succeeded_count: self.count,
            succeeded_indexes: self.indexes.clone(),
        }
    }
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
        crate::validate::batch::job_name_label(&metadata, &spec, report);
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
        let pod_failure_policy = self.pod_failure_policy(path, report);
        let success_policy = self.success_policy();
        // The selector's syntax and that it matches the labels (rules 8 and 60) are checked,
        // with every other rule of the spec, by `validate::batch`.
        let selector = self.selector.as_ref().map(Selector::to_k8s_unchecked);
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

    /// The pod failure policy (rules 54 and 55, checked with the spec by `validate::batch`).
    fn pod_failure_policy(
        &self,
        path: &At<'_>,
        report: &mut Report,
    ) -> Option<batch::PodFailurePolicy> {
        if self.pod_failure_rules.is_empty() {
            return None;
        }
        let at = path.field("podFailurePolicy");
        let at = at.field("rules");
        let rules = self
            .pod_failure_rules
            .iter()
            .enumerate()
            .map(|(i, rule)| rule.to_k8s(&at.index(i), report))
            .collect();
        Some(batch::PodFailurePolicy { rules })
    }

    /// The success policy (rule 58, checked with the spec by `validate::batch`).
    fn success_policy(&self) -> Option<batch::SuccessPolicy> {
        if self.success_rules.is_empty() {
            return None;
        }
        let rules = self.success_rules.iter().map(SuccessRule::to_k8s).collect();
        Some(batch::SuccessPolicy { rules })
    }
}
