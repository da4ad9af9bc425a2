// The expansion of this body, written by `tests/expansion_snapshots.rs`:
// name: "web",
// labels: { app: "web" },
// replicas: 3,
// minReadySeconds: 10s,
// strategy: { type: RollingUpdate, rollingUpdate: { maxSurge: 1, maxUnavailable: "25%" } },
// selector: { matchLabels: { app: "web" } },
// template: {
// labels: { app: "web", tier: "front" },
// containers: [ { name: "web", image: "nginx:1.27", ports: [ { containerPort: 80 } ] } ],
// },

fn expansion() {
    let _ = ::k8s_dsl::workload::Deployment::new("web")
        .label("app", "web")
        .replicas(3)
        .min_ready(::k8s_dsl::__private::secs(10))
        .strategy(
            ::k8s_dsl::workload::DeploymentStrategy::rolling_update()
                .max_surge(1i32)
                .max_unavailable("25%"),
        )
        .selector(::k8s_dsl::workload::Selector::new().label("app", "web"))
        .template(
            ::k8s_dsl::pod::Pod::template()
                .label("app", "web")
                .label("tier", "front")
                .container(
                    ::k8s_dsl::pod::Container::new("web")
                        .image("nginx:1.27")
                        .port(::k8s_dsl::pod::ContainerPort::new(80i32)),
                ),
        );
}
