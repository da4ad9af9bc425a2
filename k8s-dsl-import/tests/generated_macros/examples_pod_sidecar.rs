// `tests/corpus/examples/pod_sidecar.yaml`, imported by `k8s-dsl-import`.

use k8s_dsl::prelude::*;

/// The objects of `tests/corpus/examples/pod_sidecar.yaml`, in file order.
pub fn objects() -> Result<Vec<Object>, Box<dyn std::error::Error>> {
    Ok(vec![
        // Pod `app-native-sidecar` (document 1)
        k8s_dsl::pod! {
            name: "app-native-sidecar",
            labels: { app: "logging-demo" },
            sidecars: [ {
                name: "log-shipper",
                image: "fluent/fluent-bit:3.2",
                args: ["-i", "tail", "-p", "path=/var/log/app/*.log", "-o", "stdout"],
                volumeMounts: [ { name: "logs", mountPath: "/var/log/app", readOnly: true } ],
            } ],
            containers: [ {
                name: "app",
                image: "busybox:1.36",
                command: ["sh", "-c", "while true; do date >> /var/log/app/app.log; sleep 5; done"],
                volumeMounts: [ { name: "logs", mountPath: "/var/log/app" } ],
            } ],
            volumes: [ { name: "logs", emptyDir: {} } ],
        }
        .build()?
        .into(),
        // Pod `app-classic-sidecar` (document 2)
        k8s_dsl::pod! {
            name: "app-classic-sidecar",
            labels: { app: "logging-demo" },
            containers: [
                {
                    name: "app",
                    image: "busybox:1.36",
                    command: [
                        "sh",
                        "-c",
                        "while true; do date >> /var/log/app/app.log; sleep 5; done",
                    ],
                    volumeMounts: [ { name: "logs", mountPath: "/var/log/app" } ],
                },
                {
                    name: "log-shipper",
                    image: "fluent/fluent-bit:3.2",
                    args: ["-i", "tail", "-p", "path=/var/log/app/*.log", "-o", "stdout"],
                    volumeMounts: [ { name: "logs", mountPath: "/var/log/app", readOnly: true } ],
                },
            ],
            volumes: [ { name: "logs", emptyDir: {} } ],
        }
        .build()?
        .into(),
    ])
}
