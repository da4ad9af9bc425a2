// The expansion of this body, written by `tests/expansion_snapshots.rs`:
// name: name,
// strategy: { type: Recreate },
// paused: paused,
// template: {
// labels: labels,
// restartPolicy: Always,
// containers: [ { name: "web", image: image } ],
// },

fn expansion() {
    let _ = ::k8s_dsl::workload::Deployment::new(name)
        .strategy(::k8s_dsl::workload::DeploymentStrategy::Recreate)
        .paused(paused)
        .template(
            ::k8s_dsl::__private::each(
                    ::k8s_dsl::pod::Pod::template(),
                    labels,
                    |b, (k, v)| b.label(k, v),
                )
                .restart_policy(::k8s_dsl::rules::enums::RestartPolicy::Always)
                .container(::k8s_dsl::pod::Container::new("web").image(image)),
        );
}
