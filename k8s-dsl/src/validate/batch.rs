//! The spec of a Job (`validateJobSpec`, rules 5 and 53-60) and of a CronJob
//! (`validateCronJobSpec`, rules 60-64), not their pod templates.

use std::str::FromStr;

use k8s_openapi::api::batch::v1 as batch;
use k8s_openapi::apimachinery::pkg::apis::meta::v1::ObjectMeta;

use super::{At, Report};
use crate::rules::cron::Schedule;
use crate::rules::enums::{
    CompletionMode, ConcurrencyPolicy, ConditionStatus, OnExitCodesOperator,
    PodFailurePolicyAction, PodReplacementPolicy,
};
use crate::rules::{labels, names, shown, suggest, timezone};
use crate::workload::{describe_labels, describe_selector, label_selector_matches};

/// The most rules of a pod failure policy or a success policy, and the most pod condition
/// patterns of one rule.
const MAX_RULES: usize = 20;
/// The most exit codes of one `onExitCodes` (`maxPodFailurePolicyOnExitCodesValues`).
const MAX_EXIT_CODES: usize = 255;
/// The longest `succeededIndexes` (`maxJobSuccessPolicySucceededIndexesLimit`).
const MAX_SUCCEEDED_INDEXES: usize = 64 * 1024;
/// The longest label value: the Job's name becomes one, unless it selects its pods itself.
const MAX_LABEL_VALUE: usize = 63;
/// The largest parallelism of an Indexed Job.
const MAX_INDEXED_PARALLELISM: i32 = 100_000;
/// The largest `maxFailedIndexes`.
const MAX_FAILED_INDEXES: i32 = 100_000;
/// Above this many completions, `backoffLimitPerIndex` needs `maxFailedIndexes`.
const MAX_COMPLETIONS_WITHOUT_FAILED_INDEXES: i32 = 100_000;
/// The largest parallelism, and `maxFailedIndexes`, with that many completions and
/// `backoffLimitPerIndex`.
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

/// Rule 3: unless the Job selects its pods itself (`manualSelector: true`), the API server
/// labels them with the Job's name (`batch.kubernetes.io/job-name`, `job-name`), and a label
/// value is at most 63 characters; it reports the template's labels (`spec.template.labels`).
pub(crate) fn job_name_label(meta: &ObjectMeta, spec: &batch::JobSpec, report: &mut Report) {
    if spec.manual_selector == Some(true) {
        return;
    }
    let Some(name) = meta.name.as_deref().filter(|n| n.len() > MAX_LABEL_VALUE) else {
        return;
    };
    report.error(
        &At::root().field("spec").field("template").field("labels"),
        3,
        format!(
            "job name {} is {} characters long; the API server labels the Job's pods with it \
             (`batch.kubernetes.io/job-name`), and a label value is at most {MAX_LABEL_VALUE}",
            shown(name),
            name.len()
        ),
        format!("shorten the job name to {MAX_LABEL_VALUE} characters or fewer"),
    );
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
    let before = report.errors().len();
    if let Some(selector) = &spec.selector {
        super::meta::label_selector(selector, &path.field("selector"), report);
    }
    // A selector that does not parse is not matched against the labels.
    if report.errors().len() == before {
        manual_selector(spec, path, report);
    }
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
    // A Job without `completions` nor `parallelism` gets both defaulted to 1 (`SetDefaults_Job`),
    // so only a Job with a parallelism and no completions is refused here; a CronJob's job
    // template is not defaulted (`job_template`).
    if spec.completions.is_none() && spec.parallelism.is_some() {
        missing_completions(path, report);
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
        if let Some(m) = spec
            .max_failed_indexes
            .filter(|&m| m > MAX_PARALLELISM_WITH_MANY_COMPLETIONS)
        {
            report.error(
                &path.field("maxFailedIndexes"),
                57,
                format!("must be less than or equal to {MAX_PARALLELISM_WITH_MANY_COMPLETIONS} when `completions` is above {MAX_COMPLETIONS_WITHOUT_FAILED_INDEXES} and `backoffLimitPerIndex` is set, not {m}"),
                format!("use at most {MAX_PARALLELISM_WITH_MANY_COMPLETIONS}"),
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

/// Rule 57: an Indexed Job needs `completions`.
fn missing_completions(path: &At<'_>, report: &mut Report) {
    report.error(
        &path.field("completions"),
        57,
        "`completions` is required when `completionMode` is `Indexed`",
        "call `.completions(n)`",
    );
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
            // The API server asks for the missing field.
            report.error(
                &path.field("backoffLimitPerIndex"),
                58,
                "is required when `maxFailedIndexes` is set",
                "call `.backoff_limit_per_index(n)` too",
            );
        }
    }
    if let Some(success) = &spec.success_policy {
        let at = path.field("successPolicy");
        if indexed {
            success_policy(success, spec.completions, &at, report);
        } else {
            report.error(&at, 58, "requires `completionMode: Indexed`", FIX);
        }
    }
}

/// Rule 58: an Indexed Job's success policy has 1 to 20 rules, each with `succeededIndexes`
/// (increasing indexes and ranges below `completions`), `succeededCount` (at most
/// `completions`, and at most the indexes listed), or both (`validateSuccessPolicy`).
fn success_policy(
    success: &batch::SuccessPolicy,
    completions: Option<i32>,
    path: &At<'_>,
    report: &mut Report,
) {
    let rules_path = path.field("rules");
    if success.rules.is_empty() {
        report.error(
            &rules_path,
            58,
            "a success policy needs at least one rule",
            "add a rule: `.success_rule(SuccessRule::new().succeeded_count(n))`",
        );
    }
    if success.rules.len() > MAX_RULES {
        report.error(
            &rules_path,
            58,
            format!(
                "has {} rules; at most {MAX_RULES} are allowed",
                success.rules.len()
            ),
            "merge or drop rules",
        );
    }
    for (i, rule) in success.rules.iter().enumerate() {
        let at = rules_path.index(i);
        if rule.succeeded_count.is_none() && rule.succeeded_indexes.is_none() {
            report.error(
                &at,
                58,
                "at least one of `succeededCount` or `succeededIndexes` must be specified",
                "call `.succeeded_indexes(..)` or `.succeeded_count(..)` on the rule",
            );
        }
        let mut total = None;
        if let Some(indexes) = &rule.succeeded_indexes {
            let indexes_path = at.field("succeededIndexes");
            if indexes.len() > MAX_SUCCEEDED_INDEXES {
                report.error(
                    &indexes_path,
                    58,
                    format!(
                        "is {} characters long; the limit is {MAX_SUCCEEDED_INDEXES}",
                        indexes.len()
                    ),
                    "list fewer indexes, or use ranges (`0-99`)",
                );
            }
            match count_indexes(indexes, completions) {
                Ok(count) => total = Some(count),
                Err(message) => report.error(
                    &indexes_path,
                    58,
                    message,
                    "write increasing, non-overlapping indexes and ranges below `completions`, such as `0,2-4`",
                ),
            }
        }
        if let Some(count) = rule.succeeded_count {
            let count_path = at.field("succeededCount");
            if count < 0 {
                report.error(
                    &count_path,
                    58,
                    format!("must be greater than or equal to 0, not {count}"),
                    "use a positive count",
                );
            }
            if let Some(c) = completions.filter(|&c| count > c) {
                report.error(
                    &count_path,
                    58,
                    format!("must be less than or equal to `completions` ({c}), not {count}"),
                    format!("use at most {c}"),
                );
            }
            if let Some(t) = total.filter(|&t| i64::from(count) > t) {
                report.error(
                    &count_path,
                    58,
                    format!("must be less than or equal to the number of succeeded indexes ({t}), not {count}"),
                    format!("use at most {t}, or list more indexes"),
                );
            }
        }
    }
}

/// How many indexes `"0,2-4"` names (an empty text names none), as the API server reads it
/// (`validateIndexesFormat`): each part an index or a range `a-b` with `a < b`, in increasing
/// order, below `completions` (when known).
pub(crate) fn count_indexes(text: &str, completions: Option<i32>) -> Result<i64, String> {
    if text.is_empty() {
        return Ok(0);
    }
    let below = |index: i64, part: &str| match completions {
        Some(c) if index >= i64::from(c) => Err(format!(
            "index {} is not below `completions` ({c})",
            shown(part)
        )),
        _ => Ok(index),
    };
    let mut total: i64 = 0;
    let mut last: Option<i64> = None;
    for interval in text.split(',') {
        let mut limits = interval.split('-');
        let first = limits.next().unwrap_or_default();
        let second = limits.next();
        if limits.next().is_some() {
            return Err(format!(
                "{} has more than two parts separated by `-`",
                shown(interval)
            ));
        }
        let number = |part: &str| {
            part.parse::<i64>()
                .map_err(|_| format!("{} is not an index", shown(part)))
                .and_then(|index| below(index, part))
        };
        let start = number(first)?;
        let end = match second {
            Some(part) => {
                let end = number(part)?;
                if start >= end {
                    return Err(format!(
                        "range {} does not go up (write a single index as itself)",
                        shown(interval)
                    ));
                }
                end
            }
            None => start,
        };
        if let Some(previous) = last.filter(|&l| l >= start) {
            return Err(format!(
                "{} comes after index {previous}; indexes must increase",
                shown(interval)
            ));
        }
        total = total.saturating_add(end - start + 1);
        last = Some(end);
    }
    Ok(total)
}

/// Rule 54: a pod failure policy has at most 20 rules, and its pods never restart in place
/// and are replaced only once they failed; each rule (rules 54 and 55) is checked by
/// [`pod_failure_rule`].
fn pod_failure_policy(spec: &batch::JobSpec, path: &At<'_>, report: &mut Report) {
    let Some(policy) = &spec.pod_failure_policy else {
        return;
    };
    let at = path.field("podFailurePolicy");
    let rules_path = at.field("rules");
    if policy.rules.len() > MAX_RULES {
        report.error(
            &rules_path,
            54,
            format!(
                "has {} rules; at most {MAX_RULES} are allowed",
                policy.rules.len()
            ),
            "merge or drop rules",
        );
    }
    let pod = spec.template.spec.as_ref();
    let containers: Vec<&str> = pod
        .iter()
        .flat_map(|s| {
            s.containers
                .iter()
                .chain(s.init_containers.iter().flatten())
                .map(|c| c.name.as_str())
        })
        .collect();
    for (i, rule) in policy.rules.iter().enumerate() {
        pod_failure_rule(spec, rule, &containers, &rules_path.index(i), report);
    }
    let restart = pod.and_then(|s| s.restart_policy.as_deref());
    // An unset or `Always` policy, or another value, is rule 53's error.
    if restart == Some("OnFailure") {
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

/// The text of a pod condition pattern's `status` (a `String` in some Kubernetes versions of
/// k8s-openapi, an `Option<String>` in others; empty when unset).
trait StatusText {
    fn text(&self) -> &str;
}

impl StatusText for String {
    fn text(&self) -> &str {
        self
    }
}

impl StatusText for Option<String> {
    fn text(&self) -> &str {
        self.as_deref().unwrap_or_default()
    }
}

/// Rules 54 and 55: one rule of a pod failure policy at `path` (`validatePodFailurePolicyRule`):
/// a known action (`FailIndex` with `backoffLimitPerIndex`), and exactly one of `onExitCodes`
/// and `onPodConditions`, each valid.
fn pod_failure_rule(
    spec: &batch::JobSpec,
    rule: &batch::PodFailurePolicyRule,
    containers: &[&str],
    path: &At<'_>,
    report: &mut Report,
) {
    let action_path = path.field("action");
    match rule.action.parse::<PodFailurePolicyAction>() {
        Ok(PodFailurePolicyAction::FailIndex) if spec.backoff_limit_per_index.is_none() => {
            report.error(
                &action_path,
                54,
                "`FailIndex` requires `backoffLimitPerIndex`",
                "call `.backoff_limit_per_index(..)` on the Job, or use another action",
            );
        }
        Ok(_) => {}
        Err(v) if rule.action.is_empty() => report.error(
            &action_path,
            54,
            "a pod failure policy rule needs an action",
            v.fix,
        ),
        Err(v) => report.violation(&action_path, v),
    }
    let conditions = rule.on_pod_conditions.as_deref().unwrap_or_default();
    if let Some(exit_codes) = &rule.on_exit_codes {
        on_exit_codes(exit_codes, containers, &path.field("onExitCodes"), report);
    }
    if !conditions.is_empty() {
        on_pod_conditions(conditions, &path.field("onPodConditions"), report);
    }
    match (rule.on_exit_codes.is_some(), conditions.is_empty()) {
        (true, false) => report.error(
            path,
            54,
            "specifying both `onExitCodes` and `onPodConditions` is not supported",
            "split it into two rules",
        ),
        (false, true) => report.error(
            path,
            54,
            "specifying one of `onExitCodes` and `onPodConditions` is required",
            "call `.on_exit_codes(..)` or `.on_pod_condition(..)` on the rule",
        ),
        _ => {}
    }
}

/// Rule 55: `onExitCodes` has an operator `In` or `NotIn`, 1 to 255 values, unique and in
/// increasing order, no `0` with `In`, and names a container or init container of the
/// template (`validatePodFailurePolicyRuleOnExitCodes`).
fn on_exit_codes(
    exit_codes: &batch::PodFailurePolicyOnExitCodesRequirement,
    containers: &[&str],
    path: &At<'_>,
    report: &mut Report,
) {
    let operator = if exit_codes.operator.is_empty() {
        report.error(
            &path.field("operator"),
            55,
            "an exit code requirement needs an operator; supported values: `In`, `NotIn`",
            "use `In` or `NotIn`",
        );
        None
    } else {
        report.check(
            &path.field("operator"),
            exit_codes.operator.parse::<OnExitCodesOperator>(),
        )
    };
    if let Some(name) = &exit_codes.container_name {
        if !containers.contains(&name.as_str()) {
            let known = containers
                .iter()
                .map(|c| format!("`{c}`"))
                .collect::<Vec<_>>()
                .join(", ");
            let fix = suggest::did_you_mean(name, containers.iter().copied())
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
    let values = &exit_codes.values;
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
    let mut sorted = values.clone();
    sorted.sort_unstable();
    sorted.dedup();
    let mut seen = std::collections::BTreeSet::new();
    for (j, &value) in values.iter().enumerate() {
        let at = values_path.index(j);
        if operator == Some(OnExitCodesOperator::In) && value == 0 {
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
        }
    }
    if values.windows(2).any(|w| matches!(w, [a, b] if a > b)) {
        report.error(
            &values_path,
            55,
            "exit codes must be in increasing order",
            format!("write them as {sorted:?}"),
        );
    }
}

/// Rule 55: at most 20 `onPodConditions` patterns, each a condition type (a qualified name)
/// and a status `True` (the default), `False` or `Unknown`
/// (`validatePodFailurePolicyRuleOnPodConditions`).
fn on_pod_conditions(
    patterns: &[batch::PodFailurePolicyOnPodConditionsPattern],
    path: &At<'_>,
    report: &mut Report,
) {
    if patterns.len() > MAX_RULES {
        report.error(
            path,
            55,
            format!(
                "has {} patterns; at most {MAX_RULES} are allowed",
                patterns.len()
            ),
            "merge or drop patterns",
        );
    }
    for (j, pattern) in patterns.iter().enumerate() {
        let at = path.index(j);
        report.check(
            &at.field("type"),
            labels::qualified_name(&pattern.type_, 55, "pod condition type"),
        );
        let status = StatusText::text(&pattern.status);
        // Left out, the API server defaults it to `True`.
        if !status.is_empty() {
            report.check(&at.field("status"), status.parse::<ConditionStatus>());
        }
    }
}

/// Rule 60: a manual selector matches the template labels.
fn manual_selector(spec: &batch::JobSpec, path: &At<'_>, report: &mut Report) {
    let Some(selector) = &spec.selector else {
        return;
    };
    if spec.manual_selector != Some(true) {
        // Left to the API server, the selector is generated (`validateGeneratedSelector`).
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

/// Rule 60: a selector without `manualSelector: true` must be the one the API server
/// generates: it may only ask for the labels the server gives the Job's pods (`job-name` and
/// `batch.kubernetes.io/job-name` with the Job's name, and the controller's uid labels, whose
/// value is known only once the Job exists). Reported at `spec.selector`.
pub(crate) fn generated_selector(meta: &ObjectMeta, spec: &batch::JobSpec, report: &mut Report) {
    const UID_LABELS: [&str; 2] = ["controller-uid", "batch.kubernetes.io/controller-uid"];
    const NAME_LABELS: [&str; 2] = ["job-name", "batch.kubernetes.io/job-name"];
    let Some(selector) = &spec.selector else {
        return;
    };
    if spec.manual_selector == Some(true) {
        return;
    }
    // The uid labels cannot be checked before the Job exists: they are left out.
    let mut known = selector.clone();
    if let Some(labels) = known.match_labels.as_mut() {
        labels.retain(|key, _| !UID_LABELS.contains(&key.as_str()));
    }
    if let Some(expressions) = known.match_expressions.as_mut() {
        expressions.retain(|e| !UID_LABELS.contains(&e.key.as_str()));
    }
    let name = meta.name.clone().unwrap_or_default();
    let generated: std::collections::BTreeMap<String, String> = NAME_LABELS
        .iter()
        .map(|key| ((*key).to_owned(), name.clone()))
        .collect();
    if !label_selector_matches(&known, &generated) {
        report.error(
            &At::root().field("spec").field("selector"),
            60,
            format!(
                "`selector` `{}` is not the one the API server generates; without `manualSelector: true` it selects the Job's pods by the Job's uid",
                describe_selector(selector)
            ),
            "remove the selector (the API server generates one), or set `manualSelector: true` and give the template the selected labels",
        );
    }
}

/// The rules of a CronJob's job template that a Job does not have
/// (`ValidateJobTemplateSpec`): no selector of its own (rule 60), and no defaulting of
/// `completions` (rule 57: an Indexed job template needs it).
pub(crate) fn job_template(spec: &batch::JobSpec, path: &At<'_>, report: &mut Report) {
    if spec.selector.is_some() {
        report.error(
            &path.field("selector"),
            60,
            "a CronJob's job template may not set `selector`: it will be generated",
            "remove the selector from the job template",
        );
    }
    if spec.manual_selector == Some(true) {
        report.error(
            &path.field("manualSelector"),
            60,
            "a CronJob's job template may not set `manualSelector: true`",
            "remove `.manual_selector(..)` from the job",
        );
    }
    let indexed = spec.completion_mode.as_deref() == Some(CompletionMode::Indexed.as_str());
    if indexed && spec.completions.is_none() && spec.parallelism.is_none() {
        missing_completions(path, report);
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::super::{cron_job, job};
    use super::*;

    /// A valid Job (restart policy `Never`, one container `app`) with `spec` merged in.
    fn raw_job(name: &str, spec: serde_json::Value) -> batch::Job {
        let mut object = serde_json::json!({
            "apiVersion": "batch/v1", "kind": "Job", "metadata": { "name": name },
            "spec": { "template": { "spec": {
                "restartPolicy": "Never",
                "containers": [{ "name": "app", "image": "busybox:1.36" }],
            } } },
        });
        if let (Some(to), serde_json::Value::Object(from)) = (object["spec"].as_object_mut(), spec)
        {
            to.extend(from);
        }
        serde_json::from_value(object).unwrap()
    }

    fn errors(report: &Report) -> Vec<(String, u16)> {
        report
            .errors()
            .iter()
            .map(|e| (e.path.as_str().to_owned(), e.rule))
            .collect()
    }

    fn at(path: &str, rule: u16) -> (String, u16) {
        (path.to_owned(), rule)
    }

    fn policy(rule: serde_json::Value) -> Vec<(String, u16)> {
        errors(&job(&raw_job(
            "work",
            serde_json::json!({ "podFailurePolicy": { "rules": [rule] } }),
        )))
    }

    #[test]
    fn rule_3_job_name_becomes_a_pod_label() {
        let long = "j".repeat(64);
        assert_eq!(
            errors(&job(&raw_job(&long, serde_json::json!({})))),
            [at("spec.template.labels", 3)]
        );
        assert!(errors(&job(&raw_job(&"j".repeat(63), serde_json::json!({})))).is_empty());
        // A Job that selects its pods itself gets no generated labels.
        let manual = raw_job(
            &long,
            serde_json::json!({
                "manualSelector": true,
                "selector": { "matchLabels": { "app": "work" } },
                "template": {
                    "metadata": { "labels": { "app": "work" } },
                    "spec": { "restartPolicy": "Never", "containers": [{ "name": "app", "image": "busybox:1.36" }] },
                },
            }),
        );
        assert!(
            errors(&job(&manual)).is_empty(),
            "{:?}",
            errors(&job(&manual))
        );
    }

    #[test]
    fn rule_54_each_rule_has_one_kind_of_condition_and_a_known_action() {
        let codes = serde_json::json!({ "operator": "In", "values": [1] });
        let conditions = serde_json::json!([{ "type": "DisruptionTarget" }]);
        assert_eq!(
            policy(
                serde_json::json!({ "action": "Count", "onExitCodes": codes, "onPodConditions": conditions })
            ),
            [at("spec.podFailurePolicy.rules[0]", 54)]
        );
        assert_eq!(
            policy(serde_json::json!({ "action": "Count" })),
            [at("spec.podFailurePolicy.rules[0]", 54)]
        );
        for action in ["failJob", "", "FailIndex"] {
            assert_eq!(
                policy(serde_json::json!({ "action": action, "onExitCodes": codes })),
                [at("spec.podFailurePolicy.rules[0].action", 54)],
                "{action}"
            );
        }
        for action in ["Count", "FailJob", "Ignore"] {
            assert!(
                policy(serde_json::json!({ "action": action, "onExitCodes": codes })).is_empty()
            );
        }
    }

    #[test]
    fn rule_55_on_exit_codes_as_the_api_server_reads_them() {
        let codes = |operator: &str, values: serde_json::Value| {
            policy(serde_json::json!({
                "action": "FailJob",
                "onExitCodes": { "operator": operator, "values": values },
            }))
        };
        let base = "spec.podFailurePolicy.rules[0].onExitCodes";
        let field = |f: &str| at(&format!("{base}.{f}"), 55);
        assert!(codes("In", serde_json::json!([1, 2, 3])).is_empty());
        assert!(codes("NotIn", serde_json::json!([0])).is_empty());
        assert_eq!(codes("In", serde_json::json!([0, 1])), [field("values[0]")]);
        assert_eq!(codes("In", serde_json::json!([3, 1])), [field("values")]);
        assert_eq!(codes("In", serde_json::json!([1, 1])), [field("values[1]")]);
        assert_eq!(codes("In", serde_json::json!([])), [field("values")]);
        assert_eq!(
            codes("NotIn", serde_json::json!((0..=255).collect::<Vec<i32>>())),
            [field("values")]
        );
        assert!(codes("NotIn", serde_json::json!((1..=255).collect::<Vec<i32>>())).is_empty());
        assert_eq!(codes("in", serde_json::json!([1])), [field("operator")]);
        let named = |name: &str| {
            policy(serde_json::json!({
                "action": "FailJob",
                "onExitCodes": { "containerName": name, "operator": "In", "values": [1] },
            }))
        };
        assert!(named("app").is_empty());
        assert_eq!(named("other"), [field("containerName")]);
    }

    #[test]
    fn rule_55_on_pod_conditions_as_the_api_server_reads_them() {
        let conditions = |patterns: serde_json::Value| {
            policy(serde_json::json!({ "action": "Ignore", "onPodConditions": patterns }))
        };
        let base = "spec.podFailurePolicy.rules[0].onPodConditions";
        // A missing status is defaulted to `True`.
        assert!(conditions(serde_json::json!([{ "type": "DisruptionTarget" }])).is_empty());
        assert!(conditions(
            serde_json::json!([{ "type": "example.com/Ready", "status": "False" }])
        )
        .is_empty());
        assert_eq!(
            conditions(serde_json::json!([{ "type": "DisruptionTarget", "status": "true" }])),
            [at(&format!("{base}[0].status"), 55)]
        );
        assert_eq!(
            conditions(serde_json::json!([{ "type": "Disruption Target" }])),
            [at(&format!("{base}[0].type"), 55)]
        );
        assert_eq!(
            conditions(serde_json::json!([{ "status": "True" }])),
            [at(&format!("{base}[0].type"), 55)]
        );
        let pattern = serde_json::json!({ "type": "DisruptionTarget" });
        assert!(conditions(serde_json::json!(vec![pattern.clone(); 20])).is_empty());
        assert_eq!(
            conditions(serde_json::json!(vec![pattern; 21])),
            [at(base, 55)]
        );
    }

    fn indexed(spec: serde_json::Value) -> Vec<(String, u16)> {
        let mut all = serde_json::json!({ "completionMode": "Indexed", "completions": 5 });
        if let (Some(to), serde_json::Value::Object(from)) = (all.as_object_mut(), spec) {
            to.extend(from);
        }
        errors(&job(&raw_job("work", all)))
    }

    #[test]
    fn rule_57_indexed_completions_are_defaulted_only_without_parallelism() {
        let mut spec = serde_json::json!({ "completionMode": "Indexed" });
        assert!(errors(&job(&raw_job("work", spec.clone()))).is_empty());
        spec["parallelism"] = serde_json::json!(2);
        assert_eq!(
            errors(&job(&raw_job("work", spec))),
            [at("spec.completions", 57)]
        );
        assert_eq!(
            indexed(serde_json::json!({
                "completions": 200_000, "backoffLimitPerIndex": 1, "maxFailedIndexes": 10_001,
            })),
            [at("spec.maxFailedIndexes", 57)]
        );
    }

    #[test]
    fn rule_58_max_failed_indexes_needs_backoff_limit_per_index() {
        assert_eq!(
            indexed(serde_json::json!({ "maxFailedIndexes": 1 })),
            [at("spec.backoffLimitPerIndex", 58)]
        );
        assert!(
            indexed(serde_json::json!({ "maxFailedIndexes": 1, "backoffLimitPerIndex": 1 }))
                .is_empty()
        );
    }

    #[test]
    fn rule_58_success_policy_rules() {
        let success = |rules: serde_json::Value| {
            indexed(serde_json::json!({ "successPolicy": { "rules": rules } }))
        };
        let rule = |field: &str| at(&format!("spec.successPolicy.rules[0].{field}"), 58);
        assert!(success(serde_json::json!([{ "succeededCount": 5 }])).is_empty());
        assert!(success(serde_json::json!([{ "succeededIndexes": "0-2,4" }])).is_empty());
        assert!(
            success(serde_json::json!([{ "succeededIndexes": "0-2", "succeededCount": 3 }]))
                .is_empty()
        );
        assert_eq!(
            success(serde_json::json!([{ "succeededCount": 6 }])),
            [rule("succeededCount")]
        );
        assert_eq!(
            success(serde_json::json!([{ "succeededIndexes": "0-2", "succeededCount": 4 }])),
            [rule("succeededCount")]
        );
        for indexes in ["0-9", "3,1", "2-2", "1-2-3", "x", "1,1"] {
            assert_eq!(
                success(serde_json::json!([{ "succeededIndexes": indexes }])),
                [rule("succeededIndexes")],
                "{indexes}"
            );
        }
        assert_eq!(
            success(serde_json::json!([{}])),
            [at("spec.successPolicy.rules[0]", 58)]
        );
        assert_eq!(
            success(serde_json::json!([])),
            [at("spec.successPolicy.rules", 58)]
        );
        assert_eq!(
            success(serde_json::json!(vec![
                serde_json::json!({ "succeededCount": 1 });
                21
            ])),
            [at("spec.successPolicy.rules", 58)]
        );
        // Without Indexed mode, only that is reported.
        assert_eq!(
            errors(&job(&raw_job(
                "work",
                serde_json::json!({ "successPolicy": { "rules": [] } })
            ))),
            [at("spec.successPolicy", 58)]
        );
        assert_eq!(count_indexes("", Some(5)), Ok(0));
        assert_eq!(count_indexes("0,2-4", Some(5)), Ok(4));
    }

    #[test]
    fn rule_60_selector_without_manual_selector_is_generated() {
        let selector = |labels: serde_json::Value| {
            errors(&job(&raw_job(
                "work",
                serde_json::json!({ "selector": { "matchLabels": labels } }),
            )))
        };
        assert_eq!(
            selector(serde_json::json!({ "app": "work" })),
            [at("spec.selector", 60)]
        );
        // The labels the API server generates are fine.
        assert!(selector(serde_json::json!({ "batch.kubernetes.io/job-name": "work" })).is_empty());
        assert!(selector(serde_json::json!({ "controller-uid": "x" })).is_empty());
    }

    #[test]
    fn rule_60_and_57_cron_job_template() {
        let cron = |spec: serde_json::Value| {
            let mut job_spec = serde_json::json!({ "template": { "spec": {
                "restartPolicy": "OnFailure",
                "containers": [{ "name": "app", "image": "busybox:1.36" }],
            } } });
            if let (Some(to), serde_json::Value::Object(from)) = (job_spec.as_object_mut(), spec) {
                to.extend(from);
            }
            let object: batch::CronJob = serde_json::from_value(serde_json::json!({
                "apiVersion": "batch/v1", "kind": "CronJob", "metadata": { "name": "nightly" },
                "spec": { "schedule": "0 3 * * *", "jobTemplate": { "spec": job_spec } },
            }))
            .unwrap();
            errors(&cron_job(&object))
        };
        let base = "spec.jobTemplate.spec";
        assert_eq!(
            cron(serde_json::json!({ "manualSelector": true })),
            [at(&format!("{base}.manualSelector"), 60)]
        );
        assert!(cron(serde_json::json!({ "manualSelector": false })).is_empty());
        assert_eq!(
            cron(serde_json::json!({ "selector": { "matchLabels": { "app": "x" } } })),
            [at(&format!("{base}.selector"), 60)]
        );
        // No defaulting of a job template's completions.
        assert_eq!(
            cron(serde_json::json!({ "completionMode": "Indexed" })),
            [at(&format!("{base}.completions"), 57)]
        );
    }
}
