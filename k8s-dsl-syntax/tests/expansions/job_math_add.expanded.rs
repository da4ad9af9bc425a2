// The expansion of this body, written by `tests/expansion_snapshots.rs`:
// name: "math-add-job",
// completions: 3,
// parallelism: 3,
// template: {
// restartPolicy: Never,
// containers: [ { name: "math-add", image: "ubuntu", command: ["expr", "3", "+", "2"] } ],
// },

fn expansion() {
    let _ = ::k8s_dsl::workload::Job::new("math-add-job")
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
        );
}
