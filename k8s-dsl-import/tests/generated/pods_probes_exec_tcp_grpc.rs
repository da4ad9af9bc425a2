// `tests/corpus/pods/probes-exec-tcp-grpc.yaml`, imported by `k8s-dsl-import`.

use k8s_dsl::prelude::*;

/// The objects of `tests/corpus/pods/probes-exec-tcp-grpc.yaml`, in file order.
pub fn objects() -> Result<Vec<Object>, Box<dyn std::error::Error>> {
    Ok(vec![
        // Pod `probes-other` (document 1)
        Pod::new("probes-other")
            .container(
                Container::new("worker")
                    .image("example/worker:3.2.1")
                    .readiness_probe(
                        Probe::exec(["cat", "/tmp/ready"]).period(Duration::seconds(5)),
                    )
                    .liveness_probe(Probe::exec([
                        "sh",
                        "-c",
                        "test $(date +%s) -lt $(cat /tmp/deadline)",
                    ])),
            )
            .container(
                Container::new("cache")
                    .image("redis:7.4")
                    .port(ContainerPort::new(6379).name("redis"))
                    .readiness_probe(Probe::tcp_socket("redis"))
                    .liveness_probe(Probe::tcp_socket(6379).initial_delay(Duration::seconds(15))),
            )
            .container(
                Container::new("grpc")
                    .image("example/grpc-server:0.9.0")
                    .port(ContainerPort::new(50051))
                    .readiness_probe(Probe::grpc(50051).service("readiness"))
                    .startup_probe(Probe::grpc(50051).failure_threshold(60)),
            )
            .build()?
            .into(),
    ])
}
