// `tests/corpus/pods/probes-exec-tcp-grpc.yaml`, imported by `k8s-dsl-import`.

use k8s_dsl::prelude::*;

/// The objects of `tests/corpus/pods/probes-exec-tcp-grpc.yaml`, in file order.
pub fn objects() -> Result<Vec<Object>, Box<dyn std::error::Error>> {
    Ok(vec![
        // Pod `probes-other` (document 1)
        k8s_dsl::pod! {
            name: "probes-other",
            containers: [
                {
                    name: "worker",
                    image: "example/worker:3.2.1",
                    readinessProbe: { exec: { command: ["cat", "/tmp/ready"] }, periodSeconds: 5s },
                    livenessProbe: {
                        exec: {
                            command: ["sh", "-c", "test $(date +%s) -lt $(cat /tmp/deadline)"],
                        },
                    },
                },
                {
                    name: "cache",
                    image: "redis:7.4",
                    ports: [ { containerPort: 6379, name: "redis" } ],
                    readinessProbe: { tcpSocket: { port: "redis" } },
                    livenessProbe: { tcpSocket: { port: 6379 }, initialDelaySeconds: 15s },
                },
                {
                    name: "grpc",
                    image: "example/grpc-server:0.9.0",
                    ports: [ { containerPort: 50051 } ],
                    readinessProbe: { grpc: { port: 50051, service: "readiness" } },
                    startupProbe: { grpc: { port: 50051 }, failureThreshold: 60 },
                },
            ],
        }
        .build()?
        .into(),
    ])
}
