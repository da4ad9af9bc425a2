// `tests/corpus/workloads/batch-policies.yaml`, imported by `k8s-dsl-import`.

use k8s_dsl::prelude::*;

/// The objects of `tests/corpus/workloads/batch-policies.yaml`, in file order.
pub fn objects() -> Result<Vec<Object>, Box<dyn std::error::Error>> {
    Ok(vec![
        // CronJob `nightly-train` (document 1)
        CronJob::new("nightly-train", "0 3 * * *")
            .job(
                Job::unnamed()
                    .restart_policy(JobRestartPolicy::Never)
                    .pod_failure_rule(
                        PodFailureRule::fail_job()
                            .on_exit_codes(OnExitCodesOperator::In, [42, 43])
                            .container("train"),
                    )
                    .pod_failure_rule(
                        PodFailureRule::count()
                            .on_pod_condition("example.com/Evicted", ConditionStatus::Unknown),
                    )
                    .pod_replacement_policy(PodReplacementPolicy::Failed)
                    .template(
                        Pod::template()
                            .label("job", "nightly-train")
                            .label("team", "data")
                            .container(
                                Container::new("train")
                                    .image("example/train:1.0")
                                    .stdin(false)
                                    .tty(false),
                            )
                            .priority(1000)
                            .toleration(Toleration::exists("gpu").effect(TaintEffect::NoSchedule))
                            .affinity(
                                Affinity::new().require_node(
                                    NodeTerm::new()
                                        .matching(Requirement::less_than(
                                            "example.com/memory-gb",
                                            512,
                                        ))
                                        .matching(Requirement::does_not_exist(
                                            "example.com/legacy",
                                        )),
                                ),
                            ),
                    ),
            )
            .build()?
            .into(),
        // Job `selected` (document 2)
        Job::new("selected")
            .restart_policy(JobRestartPolicy::OnFailure)
            .manual_selector(
                Selector::new()
                    .key_not_in("tier", ["web"])
                    .exists("team")
                    .label("job", "selected"),
            )
            .template(
                Pod::template()
                    .label("job", "selected")
                    .label("team", "data")
                    .container(Container::new("main").image("busybox:1.36")),
            )
            .build()?
            .into(),
    ])
}
