// `tests/corpus/pods/env.yaml`, imported by `k8s-dsl-import`.

use k8s_dsl::prelude::*;

/// The objects of `tests/corpus/pods/env.yaml`, in file order.
pub fn objects() -> Result<Vec<Object>, Box<dyn std::error::Error>> {
    Ok(vec![
        // Pod `env-demo` (document 1)
        k8s_dsl::pod! {
            name: "env-demo",
            containers: [ {
                name: "app",
                image: "example/app:2.0",
                env: [
                    { name: "LOG_LEVEL", value: "debug" },
                    { name: "EMPTY", value: "" },
                    { name: "GREETING", value: "yes" },
                    {
                        name: "DB_HOST",
                        valueFrom: { configMapKeyRef: { name: "db-config", key: "host" } },
                    },
                    {
                        name: "DB_PORT",
                        valueFrom: {
                            configMapKeyRef: { name: "db-config", key: "port", optional: true },
                        },
                    },
                    {
                        name: "DB_PASSWORD",
                        valueFrom: { secretKeyRef: { name: "db-secret", key: "password" } },
                    },
                    { name: "POD_NAME", valueFrom: { fieldRef: { fieldPath: "metadata.name" } } },
                    { name: "POD_IP", valueFrom: { fieldRef: { fieldPath: "status.podIP" } } },
                    {
                        name: "CPU_LIMIT",
                        valueFrom: { resourceFieldRef: { resource: "limits.cpu", divisor: "1m" } },
                    },
                    {
                        name: "MEMORY_REQUEST",
                        valueFrom: { resourceFieldRef: { resource: "requests.memory" } },
                    },
                ],
                envFrom: [
                    { configMapRef: { name: "app-config" } },
                    { secretRef: { name: "app-secret", optional: false }, prefix: "SECRET_" },
                ],
                resources: {
                    requests: { cpu: "250m", memory: "64Mi" },
                    limits: { cpu: "1", memory: "128Mi" },
                },
            } ],
        }
        .build()?
        .into(),
    ])
}
