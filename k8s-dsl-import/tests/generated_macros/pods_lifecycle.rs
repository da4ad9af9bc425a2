// `tests/corpus/pods/lifecycle.yaml`, imported by `k8s-dsl-import`.

use k8s_dsl::prelude::*;

/// The objects of `tests/corpus/pods/lifecycle.yaml`, in file order.
pub fn objects() -> Result<Vec<Object>, Box<dyn std::error::Error>> {
    Ok(vec![
        // Pod `lifecycle-demo` (document 1)
        k8s_dsl::pod! {
            name: "lifecycle-demo",
            containers: [
                {
                    name: "web",
                    image: "nginx:1.27",
                    ports: [ { containerPort: 80, name: "http" } ],
                    readinessProbe: { httpGet: { path: "/", port: "http" } },
                    lifecycle: {
                        postStart: {
                            exec: {
                                command: [
                                    "/bin/sh",
                                    "-c",
                                    "echo Hello from the postStart handler > /usr/share/message",
                                ],
                            },
                        },
                        preStop: { sleep: { seconds: 15s } },
                    },
                },
                {
                    name: "notifier",
                    image: "example/notifier:1.0",
                    lifecycle: {
                        postStart: { tcpSocket: { port: 9090 } },
                        preStop: {
                            httpGet: {
                                path: "/shutdown",
                                port: 9090,
                                scheme: HTTP,
                                httpHeaders: [ { name: "X-Reason", value: "pod-stopping" } ],
                            },
                        },
                    },
                },
            ],
            terminationGracePeriodSeconds: 1m,
        }
        .build()?
        .into(),
    ])
}
