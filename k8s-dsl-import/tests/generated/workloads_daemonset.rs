// `tests/corpus/workloads/daemonset.yaml`, imported by `k8s-dsl-import`.

use k8s_dsl::prelude::*;

/// The objects of `tests/corpus/workloads/daemonset.yaml`, in file order.
pub fn objects() -> Result<Vec<Object>, Box<dyn std::error::Error>> {
    Ok(vec![
        // DaemonSet `node-exporter` (document 1)
        DaemonSet::new("node-exporter")
            .namespace("monitoring")
            .label("app", "node-exporter")
            .update_strategy(DaemonSetStrategy::rolling_update().max_unavailable("10%"))
            .min_ready(Duration::seconds(5))
            .revision_history_limit(3)
            .template(
                Pod::template()
                    .label("app", "node-exporter")
                    .container(
                        Container::new("node-exporter")
                            .image("quay.io/prometheus/node-exporter:v1.8.2")
                            .args(["--path.rootfs=/host"])
                            .port(ContainerPort::new(9100).name("metrics").host_port(9100))
                            .mount_read_only("root", "/host")
                            .readiness_probe(Probe::http_get("/", "metrics")),
                    )
                    .volume(Volume::host_path("root", "/"))
                    .toleration(Toleration::everything())
                    .host_network(true),
            )
            .build()?
            .into(),
    ])
}
