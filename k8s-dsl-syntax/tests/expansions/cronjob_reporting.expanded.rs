// The expansion of this body, written by `tests/expansion_snapshots.rs`:
// name: "reporting-cron-job",
// schedule: "*/1 * * * *",
// jobTemplate: {
// completions: 3,
// parallelism: 3,
// template: {
// restartPolicy: Never,
// containers: [ { name: "math-add", image: "ubuntu", command: ["expr", "3", "+", "2"] } ],
// },
// },

fn expansion() {
    let _ = ::k8s_dsl::workload::CronJob::new("reporting-cron-job", "*/1 * * * *")
        .job(
            ::k8s_dsl::workload::Job::unnamed()
                .completions(3)
                .parallelism(3)
                .restart_policy(::k8s_dsl::rules::enums::JobRestartPolicy::Never)
                .template(
                    ::k8s_dsl::pod::Pod::template()
                        .container(
                            ::k8s_dsl::pod::Container::new("math-add")
                                .image("ubuntu")
                                .command(["expr", "3", "+", "2"]),
                        ),
                ),
        );
}
