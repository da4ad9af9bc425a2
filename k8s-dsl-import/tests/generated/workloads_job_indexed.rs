// `tests/corpus/workloads/job-indexed.yaml`, imported by `k8s-dsl-import`.

use k8s_dsl::prelude::*;

/// The objects of `tests/corpus/workloads/job-indexed.yaml`, in file order.
pub fn objects() -> Result<Vec<Object>, Box<dyn std::error::Error>> {
    Ok(vec![
        // Job `indexed` (document 1)
        Job::new("indexed")
            .restart_policy(JobRestartPolicy::Never)
            .completions(10)
            .parallelism(3)
            .backoff_limit_per_index(1)
            .max_failed_indexes(5)
            .completion_mode(CompletionMode::Indexed)
            .pod_failure_rule(
                PodFailureRule::fail_job()
                    .on_exit_codes(OnExitCodesOperator::In, [42])
                    .container("worker"),
            )
            .pod_failure_rule(
                PodFailureRule::ignore()
                    .on_pod_condition("DisruptionTarget", ConditionStatus::True),
            )
            .pod_failure_rule(
                PodFailureRule::fail_index().on_exit_codes(OnExitCodesOperator::NotIn, [0, 1]),
            )
            .success_rule(
                SuccessRule::new()
                    .succeeded_count(2)
                    .succeeded_indexes("0-2"),
            )
            .pod_replacement_policy(PodReplacementPolicy::Failed)
            .template(
                Pod::template().container(
                    Container::new("worker")
                        .image("example/worker:1.0")
                        .env_var(EnvVar::field(
                            "INDEX",
                            "metadata.annotations['batch.kubernetes.io/job-completion-index']",
                        )),
                ),
            )
            .build()?
            .into(),
    ])
}
