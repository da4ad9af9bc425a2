// The expansion of this body, written by `tests/expansion_snapshots.rs`:
// name: "rg",
// namespace: "shop",
// serviceName: "random-generator",
// replicas: 2,
// minReadySeconds: 10s,
// revisionHistoryLimit: 3,
// selector: { matchLabels: { app: "random-generator" } },
// template: {
// labels: { app: "random-generator", tier: "backend" },
// containers: [ {
// name: "random-generator",
// image: "k8spatterns/random-generator:1.0",
// ports: [ { containerPort: 8080, name: "http" } ],
// volumeMounts: [ { name: "logs", mountPath: "/logs" } ],
// } ],
// },

fn expansion() {
    let _ = ::k8s_dsl::workload::StatefulSet::new("rg")
        .namespace("shop")
        .service_name("random-generator")
        .replicas(2)
        .min_ready(::k8s_dsl::__private::secs(10))
        .revision_history_limit(3)
        .selector(::k8s_dsl::workload::Selector::new().label("app", "random-generator"))
        .template(
            ::k8s_dsl::pod::Pod::template()
                .label("app", "random-generator")
                .label("tier", "backend")
                .container(
                    ::k8s_dsl::pod::Container::new("random-generator")
                        .image("k8spatterns/random-generator:1.0")
                        .port(::k8s_dsl::pod::ContainerPort::new(8080i32).name("http"))
                        .volume_mount(::k8s_dsl::pod::VolumeMount::new("logs", "/logs")),
                ),
        );
}
