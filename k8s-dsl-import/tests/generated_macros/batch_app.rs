// `tests/corpus/batch-app.yaml`, imported by `k8s-dsl-import`.

use k8s_dsl::prelude::*;

/// The objects of `tests/corpus/batch-app.yaml`, in file order.
pub fn objects() -> Result<Vec<Object>, Box<dyn std::error::Error>> {
    Ok(vec![
        // ConfigMap `batch-settings` (document 1)
        ConfigMap::new("batch-settings")
            .label("app", "batch")
            .data("DATABASE_URL", "postgres://db:5432/app")
            .data("REPORT_BUCKET", "s3://reports")
            .build()?
            .into(),
        // Job `migrate` (document 2)
        k8s_dsl::job! {
            name: "migrate",
            labels: { app: "batch" },
            backoffLimit: 2,
            activeDeadlineSeconds: 15m,
            ttlSecondsAfterFinished: 1h,
            template: {
                labels: { app: "batch" },
                restartPolicy: Never,
                sidecars: [ {
                    name: "log-shipper",
                    image: "fluent/fluent-bit:3.2",
                    volumeMounts: [ { name: "logs", mountPath: "/logs", readOnly: true } ],
                } ],
                containers: [ {
                    name: "migrate",
                    image: "example/app:2.4.0",
                    command: ["app", "migrate", "--log-dir", "/logs"],
                    env: [ {
                        name: "DATABASE_URL",
                        valueFrom: {
                            configMapKeyRef: { name: "batch-settings", key: "DATABASE_URL" },
                        },
                    } ],
                    resources: {
                        requests: { cpu: "250m", memory: "256Mi" },
                        limits: { memory: "512Mi" },
                    },
                    volumeMounts: [ { name: "logs", mountPath: "/logs" } ],
                } ],
                volumes: [ { name: "logs", emptyDir: {} } ],
            },
        }
        .build()?
        .into(),
        // CronJob `nightly-report` (document 3)
        k8s_dsl::cronjob! {
            name: "nightly-report",
            labels: { app: "batch" },
            schedule: "0 3 * * *",
            timeZone: "Etc/UTC",
            concurrencyPolicy: Forbid,
            jobTemplate: {
                backoffLimit: 1,
                template: {
                    restartPolicy: OnFailure,
                    containers: [ {
                        name: "report",
                        image: "example/app:2.4.0",
                        args: ["report", "--since", "24h"],
                        envFrom: [ { configMapRef: { name: "batch-settings" } } ],
                    } ],
                },
            },
        }
        .build()?
        .into(),
        // Pod `debug` (document 4)
        k8s_dsl::pod! {
            name: "debug",
            labels: { app: "batch" },
            containers: [ {
                name: "shell",
                image: "busybox:1.36",
                command: ["sleep", "3600"],
                volumeMounts: [ { name: "exports", mountPath: "/exports", readOnly: true } ],
            } ],
            volumes: [ {
                name: "exports",
                nfs: { server: "nfs.example.com", path: "/exports/batch", readOnly: true },
            } ],
            tolerations: [ {
                key: "dedicated",
                operator: Equal,
                value: "batch",
                effect: NoSchedule,
            } ],
        }
        .build()?
        .into(),
    ])
}
