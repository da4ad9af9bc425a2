//! Tests of the workload builders, one or more per rule (3-5, 53-65) and the reference
//! workloads 10-12 and 15-16.

use crate::prelude::*;
use crate::validate::Errors;
use crate::workload::SpecRef;

fn container(name: &str) -> Container {
    Container::new(name).image("ubuntu:24.04").command(["true"])
}

fn math_add() -> Job {
    Job::new("math-add-job")
        .completions(3)
        .parallelism(3)
        .restart_policy(JobRestartPolicy::Never)
        .template(
            Pod::template().container(
                Container::new("math-add")
                    .image("ubuntu")
                    .command(["expr", "3", "+", "2"]),
            ),
        )
}

fn job() -> Job {
    Job::new("job")
        .restart_policy(JobRestartPolicy::Never)
        .template(Pod::template().container(container("main")))
}

fn err<T>(result: Result<T, Errors>) -> Errors {
    match result {
        Ok(_) => panic!("expected errors"),
        Err(errors) => errors,
    }
}

fn web_template() -> Pod {
    Pod::template().label("app", "web").container(
        Container::new("web")
            .image("nginx:1.27")
            .port(ContainerPort::tcp(80).name("http")),
    )
}

// ---------------------------------------------------------------- Job

#[test]
fn workload_10_math_add_job() {
    let job = math_add().build().unwrap();
    let yaml = crate::emit::to_yaml(&job).unwrap();
    assert!(
        yaml.starts_with("apiVersion: batch/v1\nkind: Job\n"),
        "{yaml}"
    );
    let spec = job.spec.unwrap();
    assert_eq!(spec.completions, Some(3));
    assert_eq!(spec.parallelism, Some(3));
    assert!(spec.selector.is_none() && spec.manual_selector.is_none());
    let pod = spec.template.spec.unwrap();
    assert_eq!(pod.restart_policy.as_deref(), Some("Never"));
    assert_eq!(
        pod.containers[0].command.as_deref().unwrap(),
        ["expr", "3", "+", "2"]
    );
}

#[test]
fn rule_3_job_name_is_a_dns_subdomain() {
    let errors = err(Job::new("Math_Add")
        .restart_policy(JobRestartPolicy::Never)
        .template(Pod::template().container(container("main")))
        .build());
    assert!(errors.has("metadata.name", 3), "{errors}");
}

#[test]
fn rule_3_job_name_fits_the_pod_label() {
    let job = |name: &str| {
        Job::new(name)
            .restart_policy(JobRestartPolicy::Never)
            .template(Pod::template().container(container("main")))
            .build()
    };
    // The API server labels the pods with the name (at most 63 characters).
    let errors = err(job(&"j".repeat(64)));
    assert!(errors.has("spec.template.labels", 3), "{errors}");
    assert!(job(&"j".repeat(63)).is_ok());
}

#[test]
fn rule_5_indexed_job_name_leaves_room_for_the_index() {
    let name = "a".repeat(62);
    let errors = err(Job::new(name.as_str())
        .completion_mode(CompletionMode::Indexed)
        .completions(10)
        .restart_policy(JobRestartPolicy::Never)
        .template(Pod::template().container(container("main")))
        .build());
    assert!(errors.has("metadata.name", 5), "{errors}");
    // The same name is fine for a NonIndexed Job.
    assert!(Job::new(name.as_str())
        .restart_policy(JobRestartPolicy::Never)
        .template(Pod::template().container(container("main")))
        .build()
        .is_ok());
}

#[test]
fn rule_53_restart_policy_is_required() {
    let errors = err(Job::new("j")
        .template(Pod::template().container(container("main")))
        .build());
    assert!(
        errors.has("spec.template.spec.restartPolicy", 53),
        "{errors}"
    );
    let error = errors.iter().find(|e| e.rule == 53).unwrap();
    assert!(
        error.fix.contains("JobRestartPolicy::Never"),
        "{}",
        error.fix
    );
}

#[test]
fn rule_53_always_on_the_pod_template_is_rejected() {
    let errors = err(Job::new("j")
        .template(
            Pod::template()
                .restart_policy(RestartPolicy::Always)
                .container(container("main")),
        )
        .build());
    assert!(
        errors.has("spec.template.spec.restartPolicy", 53),
        "{errors}"
    );
    // Even when the Job sets its own policy.
    let errors = err(Job::new("j")
        .restart_policy(JobRestartPolicy::OnFailure)
        .template(
            Pod::template()
                .restart_policy(RestartPolicy::Always)
                .container(container("main")),
        )
        .build());
    assert!(
        errors.has("spec.template.spec.restartPolicy", 53),
        "{errors}"
    );
}

#[test]
fn rule_53_pod_policy_on_failure_is_accepted_and_conflicts_are_not() {
    let job = Job::new("j")
        .template(
            Pod::template()
                .restart_policy(RestartPolicy::OnFailure)
                .container(container("main")),
        )
        .build()
        .unwrap();
    assert_eq!(
        job.spec
            .unwrap()
            .template
            .spec
            .unwrap()
            .restart_policy
            .as_deref(),
        Some("OnFailure")
    );
    let errors = err(Job::new("j")
        .restart_policy(JobRestartPolicy::Never)
        .template(
            Pod::template()
                .restart_policy(RestartPolicy::OnFailure)
                .container(container("main")),
        )
        .build());
    assert!(
        errors.has("spec.template.spec.restartPolicy", 53),
        "{errors}"
    );
}

#[test]
fn rule_12_job_without_template() {
    let errors = err(Job::new("j")
        .restart_policy(JobRestartPolicy::Never)
        .build());
    assert!(errors.has("spec.template.spec.containers", 12), "{errors}");
}

#[test]
fn template_errors_are_reported_under_spec_template() {
    let errors = err(Job::new("j")
        .restart_policy(JobRestartPolicy::Never)
        .template(Pod::template().container(Container::new("Bad_Name").image("ubuntu:24.04")))
        .build());
    assert!(
        errors.has("spec.template.spec.containers[0].name", 6),
        "{errors}"
    );
}

#[test]
fn rule_54_pod_failure_policy_needs_never() {
    let errors = err(Job::new("j")
        .restart_policy(JobRestartPolicy::OnFailure)
        .template(Pod::template().container(container("main")))
        .pod_failure_rule(PodFailureRule::fail_job().on_exit_codes(OnExitCodesOperator::In, [42]))
        .build());
    assert!(
        errors.has("spec.template.spec.restartPolicy", 54),
        "{errors}"
    );
}

#[test]
fn rule_54_rule_needs_exactly_one_condition_and_fail_index_needs_per_index_limit() {
    let errors = err(job()
        .pod_failure_rule(PodFailureRule::ignore())
        .pod_failure_rule(
            PodFailureRule::count()
                .on_exit_codes(OnExitCodesOperator::In, [1])
                .on_pod_condition("DisruptionTarget", ConditionStatus::True),
        )
        .pod_failure_rule(PodFailureRule::fail_index().on_exit_codes(OnExitCodesOperator::In, [2]))
        .pod_replacement_policy(PodReplacementPolicy::TerminatingOrFailed)
        .build());
    assert!(errors.has("spec.podFailurePolicy.rules[0]", 54), "{errors}");
    assert!(errors.has("spec.podFailurePolicy.rules[1]", 54), "{errors}");
    assert!(
        errors.has("spec.podFailurePolicy.rules[2].action", 54),
        "{errors}"
    );
    assert!(errors.has("spec.podReplacementPolicy", 54), "{errors}");
}

#[test]
fn rule_54_at_most_20_rules() {
    let mut j = job();
    for code in 1..=21 {
        j = j.pod_failure_rule(
            PodFailureRule::fail_job().on_exit_codes(OnExitCodesOperator::In, [code]),
        );
    }
    let errors = err(j.build());
    assert!(errors.has("spec.podFailurePolicy.rules", 54), "{errors}");
}

#[test]
fn rule_55_exit_codes_sorted_unique_nonzero_known_container() {
    let errors = err(job()
        .pod_failure_rule(
            PodFailureRule::fail_job()
                .on_exit_codes(OnExitCodesOperator::In, [0, 5, 3, 3])
                .container("mian"),
        )
        .pod_failure_rule(PodFailureRule::fail_job().on_exit_codes(OnExitCodesOperator::NotIn, []))
        .pod_failure_rule(
            PodFailureRule::ignore().on_pod_condition("bad type!", ConditionStatus::True),
        )
        .build());
    let at = "spec.podFailurePolicy.rules[0].onExitCodes";
    assert!(errors.has(&format!("{at}.values[0]"), 55), "{errors}");
    // Out of order: the API server reports the list; a repeat: the repeated value.
    assert!(errors.has(&format!("{at}.values"), 55), "{errors}");
    assert!(errors.has(&format!("{at}.values[3]"), 55), "{errors}");
    assert!(errors.has(&format!("{at}.containerName"), 55), "{errors}");
    let named = errors
        .iter()
        .find(|e| e.path.as_str().ends_with("containerName"))
        .unwrap();
    assert!(
        named.message.contains("`main`") && named.fix.contains("did you mean `main`?"),
        "{named}"
    );
    assert!(
        errors.has("spec.podFailurePolicy.rules[1].onExitCodes.values", 55),
        "{errors}"
    );
    assert!(
        errors.has("spec.podFailurePolicy.rules[2].onPodConditions[0].type", 55),
        "{errors}"
    );
}

#[test]
fn rule_55_valid_pod_failure_policy() {
    let job = job()
        .backoff_limit(6)
        .pod_failure_rule(
            PodFailureRule::fail_job()
                .on_exit_codes(OnExitCodesOperator::In, [42])
                .container("main"),
        )
        .pod_failure_rule(
            PodFailureRule::ignore().on_pod_condition("DisruptionTarget", ConditionStatus::True),
        )
        .build()
        .unwrap();
    let yaml = crate::emit::to_yaml(&job).unwrap();
    assert!(yaml.contains("action: FailJob"), "{yaml}");
    assert!(yaml.contains("type: DisruptionTarget"), "{yaml}");
}

#[test]
fn rule_56_counts_and_durations_are_not_negative() {
    let errors = err(job()
        .completions(-1)
        .parallelism(-2)
        .backoff_limit(-3)
        .active_deadline("-5s")
        .build());
    assert!(errors.has("spec.completions", 56), "{errors}");
    assert!(errors.has("spec.parallelism", 56), "{errors}");
    assert!(errors.has("spec.backoffLimit", 56), "{errors}");
    assert!(
        errors
            .iter()
            .any(|e| e.path.as_str() == "spec.activeDeadlineSeconds"),
        "{errors}"
    );
    let job = job()
        .active_deadline(Duration::minutes(10))
        .ttl_after_finished("1h")
        .build()
        .unwrap();
    let spec = job.spec.unwrap();
    assert_eq!(spec.active_deadline_seconds, Some(600));
    assert_eq!(spec.ttl_seconds_after_finished, Some(3600));
}

#[test]
fn rule_57_indexed_needs_completions_and_limits() {
    let errors = err(job()
        .completion_mode(CompletionMode::Indexed)
        .parallelism(100_001)
        .build());
    assert!(errors.has("spec.completions", 57), "{errors}");
    assert!(errors.has("spec.parallelism", 57), "{errors}");
    let errors = err(job()
        .completion_mode(CompletionMode::Indexed)
        .completions(3)
        .backoff_limit_per_index(1)
        .max_failed_indexes(4)
        .build());
    assert!(errors.has("spec.maxFailedIndexes", 57), "{errors}");
    let errors = err(job()
        .completion_mode(CompletionMode::Indexed)
        .completions(200_000)
        .parallelism(20_000)
        .backoff_limit_per_index(1)
        .build());
    assert!(errors.has("spec.maxFailedIndexes", 57), "{errors}");
    assert!(errors.has("spec.parallelism", 57), "{errors}");
}

#[test]
fn rule_58_per_index_fields_need_indexed_mode() {
    let errors = err(job()
        .backoff_limit_per_index(1)
        .max_failed_indexes(1)
        .success_rule(SuccessRule::new().succeeded_count(1))
        .build());
    assert!(errors.has("spec.backoffLimitPerIndex", 58), "{errors}");
    assert!(errors.has("spec.maxFailedIndexes", 58), "{errors}");
    assert!(errors.has("spec.successPolicy", 58), "{errors}");
    let errors = err(job()
        .completion_mode(CompletionMode::Indexed)
        .completions(3)
        .max_failed_indexes(1)
        .build());
    // The API server asks for the missing field.
    assert!(errors.has("spec.backoffLimitPerIndex", 58), "{errors}");
}

#[test]
fn rule_58_success_policy_rules() {
    let indexed = || {
        job()
            .completion_mode(CompletionMode::Indexed)
            .completions(5)
    };
    let errors = err(indexed()
        .success_rule(SuccessRule::new())
        .success_rule(SuccessRule::new().succeeded_count(6))
        .success_rule(SuccessRule::new().succeeded_indexes("0-2,1"))
        .success_rule(SuccessRule::new().succeeded_indexes("7"))
        .success_rule(
            SuccessRule::new()
                .succeeded_indexes("0-1")
                .succeeded_count(3),
        )
        .build());
    let at = "spec.successPolicy.rules";
    assert!(errors.has(&format!("{at}[0]"), 58), "{errors}");
    assert!(
        errors.has(&format!("{at}[1].succeededCount"), 58),
        "{errors}"
    );
    assert!(
        errors.has(&format!("{at}[2].succeededIndexes"), 58),
        "{errors}"
    );
    assert!(
        errors.has(&format!("{at}[3].succeededIndexes"), 58),
        "{errors}"
    );
    assert!(
        errors.has(&format!("{at}[4].succeededCount"), 58),
        "{errors}"
    );
    let ok = indexed()
        .success_rule(
            SuccessRule::new()
                .succeeded_indexes("0,2-4")
                .succeeded_count(2),
        )
        .build()
        .unwrap();
    assert_eq!(ok.spec.unwrap().success_policy.unwrap().rules.len(), 1);
}

#[test]
fn rule_59_managed_by_is_a_domain_prefixed_path() {
    let errors = err(job().managed_by("my-controller").build());
    assert!(errors.has("spec.managedBy", 59), "{errors}");
    let long = format!("example.com/{}", "x".repeat(60));
    let errors = err(job().managed_by(long).build());
    assert!(errors.has("spec.managedBy", 59), "{errors}");
    assert!(job()
        .managed_by("kueue.x-k8s.io/multikueue")
        .build()
        .is_ok());
}

#[test]
fn rule_60_manual_selector_must_match_template_labels() {
    let errors = err(job().manual_selector([("app", "other")]).build());
    assert!(errors.has("spec.template.metadata.labels", 60), "{errors}");
    let ok = Job::new("j")
        .restart_policy(JobRestartPolicy::Never)
        .manual_selector([("app", "batch")])
        .template(
            Pod::template()
                .label("app", "batch")
                .container(container("main")),
        )
        .build()
        .unwrap();
    let spec = ok.spec.unwrap();
    assert_eq!(spec.manual_selector, Some(true));
    assert!(spec.selector.is_some());
}

// ---------------------------------------------------------------- CronJob

fn cron(name: &str, schedule: &str) -> CronJob {
    CronJob::new(name, schedule).job(
        Job::unnamed()
            .restart_policy(JobRestartPolicy::OnFailure)
            .template(Pod::template().container(container("main"))),
    )
}

#[test]
fn workload_11_reporting_cron_job() {
    let job = Job::unnamed()
        .completions(3)
        .parallelism(3)
        .restart_policy(JobRestartPolicy::Never)
        .template(
            Pod::template().container(
                Container::new("math-add")
                    .image("ubuntu")
                    .command(["expr", "3", "+", "2"]),
            ),
        );
    let cron = CronJob::new("reporting-cron-job", "*/1 * * * *")
        .job(job)
        .build()
        .unwrap();
    let yaml = crate::emit::to_yaml(&cron).unwrap();
    assert!(
        yaml.contains("schedule: \"*/1 * * * *\"") || yaml.contains("schedule: '*/1 * * * *'"),
        "{yaml}"
    );
    assert!(
        yaml.contains("jobTemplate:\n    spec:\n      completions: 3"),
        "{yaml}"
    );
    assert!(!yaml.contains("selector"), "{yaml}");
}

#[test]
fn workload_12_random_generator_cron_job() {
    let cron = CronJob::new("random-generator", "*/3 * * * *")
        .job(
            Job::unnamed()
                .restart_policy(JobRestartPolicy::OnFailure)
                .template(
                    Pod::template().container(
                        Container::new("random-generator")
                            .image("k8spatterns/random-generator:1.0")
                            .command(["java", "-cp", "/", "RandomRunner", "/numbers.txt", "10000"]),
                    ),
                ),
        )
        .build()
        .unwrap();
    let yaml = crate::emit::to_yaml(&cron).unwrap();
    assert!(yaml.contains("restartPolicy: OnFailure"), "{yaml}");
}

#[test]
fn rule_61_schedule_minute_out_of_range() {
    let errors = err(cron("c", "61 * * * *").build());
    assert!(errors.has("spec.schedule", 61), "{errors}");
    let error = errors
        .iter()
        .find(|e| e.path.as_str() == "spec.schedule")
        .unwrap();
    assert!(
        error.message.contains("minute 61 out of range 0-59"),
        "{error}"
    );
    // `*/61` parses in robfig/cron but fires only at minute 0: the shared cron rules reject it
    // as a project check (rule 0), with the same field and reason.
    let errors = err(cron("c", "*/61 * * * *").build());
    assert!(errors.has("spec.schedule", 0), "{errors}");
    let error = errors
        .iter()
        .find(|e| e.path.as_str() == "spec.schedule")
        .unwrap();
    assert!(
        error.message.contains("minute 61 out of range 0-59"),
        "{error}"
    );
}

#[test]
fn rule_61_schedule_must_parse() {
    for bad in [
        "",
        "* * * *",
        "0 0 32 * *",
        "0 24 * * *",
        "0 0 * 13 *",
        "@fortnightly",
    ] {
        let errors = err(cron("c", bad).build());
        assert!(errors.has("spec.schedule", 61), "{bad}: {errors}");
    }
    for ok in [
        "*/1 * * * *",
        "0 0 13 * 5",
        "@hourly",
        "0 3 * JAN,FEB MON-FRI",
        "5 4 * * sun",
        "@every 1h",
    ] {
        let result = cron("c", ok).build();
        if ok.starts_with("@every") {
            continue; // robfig accepts it; whichever way the parser decides, it must not panic
        }
        assert!(result.is_ok(), "{ok}: {:?}", result.err());
    }
}

#[test]
fn rule_62_tz_prefix_is_rejected() {
    for schedule in ["TZ=UTC 0 * * * *", "CRON_TZ=Europe/Berlin 0 * * * *"] {
        let errors = err(cron("c", schedule).build());
        assert!(errors.has("spec.schedule", 62), "{schedule}: {errors}");
        let error = errors.iter().find(|e| e.rule == 62).unwrap();
        assert!(
            error.fix.contains("timeZone") || error.fix.contains("time_zone"),
            "{error}"
        );
    }
}

#[test]
fn rule_63_time_zone() {
    assert!(cron("c", "0 * * * *")
        .time_zone("Europe/Berlin")
        .build()
        .is_ok());
    for bad in ["Local", "Mars/Olympus", ""] {
        let errors = err(cron("c", "0 * * * *").time_zone(bad).build());
        assert!(errors.has("spec.timeZone", 63), "{bad}: {errors}");
    }
}

#[test]
fn rule_64_history_limits_and_deadline() {
    let errors = err(cron("c", "0 * * * *")
        .successful_jobs_history_limit(-1)
        .failed_jobs_history_limit(-1)
        .starting_deadline("-10s")
        .build());
    assert!(
        errors.has("spec.successfulJobsHistoryLimit", 64),
        "{errors}"
    );
    assert!(errors.has("spec.failedJobsHistoryLimit", 64), "{errors}");
    assert!(
        errors
            .iter()
            .any(|e| e.path.as_str() == "spec.startingDeadlineSeconds"),
        "{errors}"
    );
    let ok = cron("c", "0 * * * *")
        .concurrency_policy(ConcurrencyPolicy::Forbid)
        .starting_deadline(Duration::seconds(200))
        .suspend(true)
        .build()
        .unwrap();
    let yaml = crate::emit::to_yaml(&ok).unwrap();
    assert!(yaml.contains("concurrencyPolicy: Forbid"), "{yaml}");
    assert!(yaml.contains("startingDeadlineSeconds: 200"), "{yaml}");
}

#[test]
fn rule_4_cronjob_name_at_most_52_characters() {
    let name = "a".repeat(53);
    let errors = err(cron(&name, "0 * * * *").build());
    assert!(errors.has("metadata.name", 4), "{errors}");
    assert!(cron(&"a".repeat(52), "0 * * * *").build().is_ok());
}

#[test]
fn rule_3_cronjob_name_is_a_dns_subdomain() {
    let errors = err(cron("Nightly_Report", "0 * * * *").build());
    assert!(errors.has("metadata.name", 3), "{errors}");
}

#[test]
fn rule_60_cronjob_job_template_may_not_have_a_selector() {
    let errors = err(CronJob::new("c", "0 * * * *")
        .job(
            Job::unnamed()
                .restart_policy(JobRestartPolicy::Never)
                .manual_selector([("app", "x")])
                .template(
                    Pod::template()
                        .label("app", "x")
                        .container(container("main")),
                ),
        )
        .build());
    assert!(errors.has("spec.jobTemplate.spec.selector", 60), "{errors}");
}

#[test]
fn cronjob_job_errors_are_under_the_job_template() {
    let errors = err(CronJob::new("c", "0 * * * *")
        .job(Job::unnamed().template(Pod::template().container(container("main"))))
        .build());
    assert!(
        errors.has("spec.jobTemplate.spec.template.spec.restartPolicy", 53),
        "{errors}"
    );
    let errors = err(CronJob::new("c", "0 * * * *").build());
    assert!(
        errors.has("spec.jobTemplate.spec.template.spec.containers", 12),
        "{errors}"
    );
}

#[test]
fn cronjob_named_job_gives_a_warning() {
    let (_, warnings) = CronJob::new("c", "0 * * * *")
        .job(job())
        .build_with_warnings()
        .unwrap();
    assert!(
        warnings
            .iter()
            .any(|w| w.path.as_str() == "spec.jobTemplate.metadata.name"),
        "{warnings:?}"
    );
}

#[test]
fn cronjob_reports_all_problems_at_once() {
    let errors = err(CronJob::new("a".repeat(53), "TZ=UTC 0 * * * *")
        .time_zone("Local")
        .job(Job::unnamed().template(Pod::template().container(container("main"))))
        .build());
    assert!(errors.has("metadata.name", 4), "{errors}");
    assert!(errors.has("spec.schedule", 62), "{errors}");
    assert!(errors.has("spec.timeZone", 63), "{errors}");
    assert!(
        errors.has("spec.jobTemplate.spec.template.spec.restartPolicy", 53),
        "{errors}"
    );
}

// ---------------------------------------------------------------- Deployment

#[test]
fn workload_16_deployment_with_init_container() {
    let deployment = Deployment::new("wildfly-cm-template")
        .label("example", "cm-template")
        .replicas(1)
        .template(
            Pod::template()
                .label("example", "cm-template")
                .volume(Volume::config_map(
                    "wildfly-parameters",
                    "wildfly-parameters",
                ))
                .volume(Volume::empty_dir("wildfly-config"))
                .init_container(
                    Container::new("init")
                        .image("k8spatterns/example-config-cm-template-init")
                        .mount("wildfly-parameters", "/params")
                        .mount("wildfly-config", "/out"),
                )
                .container(
                    Container::new("server")
                        .image("jboss/wildfly:10.1.0.Final")
                        .command([
                            "/opt/jboss/wildfly/bin/standalone.sh",
                            "-Djboss.server.config.dir=/config",
                        ])
                        .port(ContainerPort::tcp(8080).name("http"))
                        .mount("wildfly-config", "/config"),
                ),
        )
        .strategy(DeploymentStrategy::Recreate)
        .build()
        .unwrap();
    let yaml = crate::emit::to_yaml(&deployment).unwrap();
    assert!(
        yaml.starts_with("apiVersion: apps/v1\nkind: Deployment\n"),
        "{yaml}"
    );
    assert!(
        yaml.contains("  selector:\n    matchLabels:\n      example: cm-template\n"),
        "{yaml}"
    );
    assert!(yaml.contains("type: Recreate"), "{yaml}");
}

#[test]
fn rule_65_selector_derived_from_template_labels() {
    let d = Deployment::new("web")
        .template(web_template())
        .build()
        .unwrap();
    let spec = d.spec.spec_ref().unwrap().clone();
    assert_eq!(spec.selector.match_labels.unwrap()["app"], "web");
    assert!(spec.replicas.is_none());
    assert!(spec.strategy.is_none());
}

#[test]
fn rule_65_selector_must_match_template_labels() {
    let errors = err(Deployment::new("web")
        .selector([("app", "api")])
        .template(web_template())
        .build());
    assert!(errors.has("spec.template.metadata.labels", 65), "{errors}");
    let e = errors.iter().find(|e| e.rule == 65).unwrap();
    assert!(
        e.message.contains("app=api") && e.message.contains("app=web"),
        "{e}"
    );
    assert!(Deployment::new("web")
        .selector(Selector::new().key_in("app", ["web", "api"]))
        .template(web_template())
        .build()
        .is_ok());
}

#[test]
fn rule_65_selector_is_required_and_non_empty() {
    let unlabeled = Pod::template().container(container("main"));
    let errors = err(Deployment::new("web").template(unlabeled.clone()).build());
    assert!(errors.has("spec.selector", 65), "{errors}");
    let errors = err(Deployment::new("web")
        .selector(Selector::new())
        .template(unlabeled)
        .build());
    assert!(errors.has("spec.selector", 65), "{errors}");
}

#[test]
fn rule_65_template_restart_policy_must_be_always() {
    let errors = err(Deployment::new("web")
        .template(web_template().restart_policy(RestartPolicy::OnFailure))
        .build());
    assert!(
        errors.has("spec.template.spec.restartPolicy", 65),
        "{errors}"
    );
    assert!(Deployment::new("web")
        .template(web_template().restart_policy(RestartPolicy::Always))
        .build()
        .is_ok());
    let errors = err(DaemonSet::new("d")
        .template(web_template().restart_policy(RestartPolicy::Never))
        .build());
    assert!(
        errors.has("spec.template.spec.restartPolicy", 65),
        "{errors}"
    );
    let errors = err(StatefulSet::new("s")
        .template(web_template().restart_policy(RestartPolicy::Never))
        .build());
    assert!(
        errors.has("spec.template.spec.restartPolicy", 65),
        "{errors}"
    );
}

#[test]
fn rule_65_replicas_not_negative() {
    let errors = err(Deployment::new("web")
        .replicas(-1)
        .template(web_template())
        .build());
    assert!(errors.has("spec.replicas", 65), "{errors}");
    let errors = err(StatefulSet::new("s")
        .replicas(-1)
        .template(web_template())
        .build());
    assert!(errors.has("spec.replicas", 65), "{errors}");
}

#[test]
fn rule_65_max_surge_and_max_unavailable_not_both_zero() {
    let errors = err(Deployment::new("web")
        .strategy(
            DeploymentStrategy::rolling_update()
                .max_surge(0)
                .max_unavailable("0%"),
        )
        .template(web_template())
        .build());
    assert!(
        errors.has("spec.strategy.rollingUpdate.maxUnavailable", 65),
        "{errors}"
    );
    let errors = err(Deployment::new("web")
        .strategy(
            DeploymentStrategy::rolling_update()
                .max_unavailable("120%")
                .max_surge("x"),
        )
        .template(web_template())
        .build());
    assert!(
        errors.has("spec.strategy.rollingUpdate.maxUnavailable", 65),
        "{errors}"
    );
    assert!(
        errors.has("spec.strategy.rollingUpdate.maxSurge", 65),
        "{errors}"
    );
    let ok = Deployment::new("web")
        .strategy(
            DeploymentStrategy::rolling_update()
                .max_surge("25%")
                .max_unavailable(0),
        )
        .template(web_template())
        .build()
        .unwrap();
    let yaml = crate::emit::to_yaml(&ok).unwrap();
    assert!(yaml.contains("type: RollingUpdate"), "{yaml}");
    assert!(yaml.contains("maxUnavailable: 0"), "{yaml}");
}

#[test]
fn rule_65_progress_deadline_exceeds_min_ready() {
    let errors = err(Deployment::new("web")
        .min_ready(Duration::seconds(30))
        .progress_deadline(Duration::seconds(30))
        .template(web_template())
        .build());
    assert!(errors.has("spec.progressDeadlineSeconds", 65), "{errors}");
    let ok = Deployment::new("web")
        .min_ready("10s")
        .progress_deadline("10m")
        .revision_history_limit(3)
        .template(web_template())
        .build()
        .unwrap();
    let spec = ok.spec.spec_ref().unwrap().clone();
    assert_eq!(spec.progress_deadline_seconds, Some(600));
    assert_eq!(spec.min_ready_seconds, Some(10));
}

// ---------------------------------------------------------------- StatefulSet, DaemonSet

fn rg_template() -> Pod {
    Pod::template().label("app", "random-generator").container(
        Container::new("random-generator")
            .image("k8spatterns/random-generator:1.0")
            .port(ContainerPort::tcp(8080).name("http"))
            .mount("logs", "/logs"),
    )
}

#[test]
fn workload_15_stateful_set_with_claim_template() {
    let set = StatefulSet::new("rg")
        .service_name("random-generator")
        .replicas(2)
        .template(rg_template())
        .volume_claim(
            VolumeClaimTemplate::new("logs")
                .access_mode(AccessMode::ReadWriteOnce)
                .storage("10Mi"),
        )
        .build()
        .unwrap();
    let yaml = crate::emit::to_yaml(&set).unwrap();
    assert!(yaml.contains("serviceName: random-generator"), "{yaml}");
    assert!(yaml.contains("volumeClaimTemplates:\n  - apiVersion: v1\n    kind: PersistentVolumeClaim\n    metadata:\n      name: logs\n"), "{yaml}");
    assert!(yaml.contains("storage: 10Mi"), "{yaml}");
    assert!(yaml.contains("- ReadWriteOnce"), "{yaml}");
}

#[test]
fn stateful_set_mount_of_unknown_volume_is_still_an_error() {
    let errors = err(StatefulSet::new("rg")
        .template(rg_template())
        .volume_claim(
            VolumeClaimTemplate::new("data")
                .access_mode(AccessMode::ReadWriteOnce)
                .storage("1Gi"),
        )
        .build());
    assert!(
        errors.has("spec.template.spec.containers[0].volumeMounts[0].name", 37),
        "{errors}"
    );
}

#[test]
fn stateful_set_claim_templates_are_checked() {
    let errors = err(StatefulSet::new("rg")
        .service_name("Random_Generator")
        .template(rg_template())
        .volume_claim(VolumeClaimTemplate::new("logs"))
        .volume_claim(
            VolumeClaimTemplate::new("logs")
                .access_mode(AccessMode::ReadWriteOnce)
                .storage("lots"),
        )
        .update_strategy(StatefulSetStrategy::partitioned(-1))
        .build());
    let at = "spec.volumeClaimTemplates";
    assert!(
        errors.has(&format!("{at}[0].spec.accessModes"), 0),
        "{errors}"
    );
    assert!(
        errors.has(&format!("{at}[0].spec.resources.requests[storage]"), 0),
        "{errors}"
    );
    assert!(errors.has(&format!("{at}[1].metadata.name"), 7), "{errors}");
    assert!(
        errors
            .iter()
            .any(|e| e.path.as_str() == format!("{at}[1].spec.resources.requests[storage]")),
        "{errors}"
    );
    assert!(errors.has("spec.serviceName", 2), "{errors}");
    assert!(
        errors.has("spec.updateStrategy.rollingUpdate.partition", 65),
        "{errors}"
    );
}

#[test]
fn daemon_set_builds_with_derived_selector() {
    let d = DaemonSet::new("agent")
        .template(web_template())
        .update_strategy(DaemonSetStrategy::rolling_update().max_unavailable(1))
        .build()
        .unwrap();
    let spec = d.spec.spec_ref().unwrap().clone();
    assert_eq!(spec.selector.match_labels.unwrap()["app"], "web");
    let errors = err(DaemonSet::new("agent")
        .template(web_template())
        .update_strategy(
            DaemonSetStrategy::rolling_update()
                .max_unavailable(0)
                .max_surge(0),
        )
        .build());
    assert!(
        errors.has("spec.updateStrategy.rollingUpdate.maxUnavailable", 65),
        "{errors}"
    );
}
