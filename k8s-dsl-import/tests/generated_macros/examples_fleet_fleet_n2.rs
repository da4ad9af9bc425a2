// `tests/corpus/examples/fleet/fleet-n2.yaml`, imported by `k8s-dsl-import`.

use k8s_dsl::prelude::*;

/// The objects of `tests/corpus/examples/fleet/fleet-n2.yaml`, in file order.
pub fn objects() -> Result<Vec<Object>, Box<dyn std::error::Error>> {
    Ok(vec![
        // Pod `web-0` (document 1)
        k8s_dsl::pod! {
            name: "web-0",
            labels: { app: "web-0", tier: "backend" },
            initContainers: [ {
                name: "init-config",
                image: "busybox:1.36",
                imagePullPolicy: Always,
                command: ["sh", "-c", "echo init > /var/log/app/init.log"],
                resources: {
                    requests: { cpu: "1000m", memory: "512Mi" },
                    limits: { cpu: "1500m", memory: "2048Mi" },
                },
                volumeMounts: [ { name: "logs", mountPath: "/var/log/app" } ],
                securityContext: {
                    runAsNonRoot: true,
                    allowPrivilegeEscalation: false,
                    privileged: false,
                    readOnlyRootFilesystem: true,
                },
            } ],
            containers: [
                {
                    name: "app",
                    image: "ghcr.io/example/app:1.4.2",
                    imagePullPolicy: Always,
                    ports: [ { containerPort: 8080 } ],
                    resources: {
                        requests: { cpu: "1000m", memory: "512Mi" },
                        limits: { cpu: "1500m", memory: "2048Mi" },
                    },
                    volumeMounts: [ { name: "logs", mountPath: "/var/log/app" } ],
                    readinessProbe: {
                        httpGet: { path: "/ready", port: 8080, scheme: HTTP },
                        initialDelaySeconds: 10s,
                        periodSeconds: 5s,
                        failureThreshold: 8,
                    },
                    livenessProbe: {
                        tcpSocket: { port: 8080 },
                        initialDelaySeconds: 15s,
                        periodSeconds: 20s,
                        failureThreshold: 3,
                    },
                    startupProbe: { tcpSocket: { port: 8080 }, failureThreshold: 3 },
                    lifecycle: {
                        postStart: {
                            exec: { command: ["sh", "-c", "echo started > /var/log/app/started"] },
                        },
                        preStop: { httpGet: { path: "/shutdown", port: 8080, scheme: HTTP } },
                    },
                    securityContext: {
                        runAsNonRoot: true,
                        allowPrivilegeEscalation: false,
                        privileged: false,
                        readOnlyRootFilesystem: true,
                    },
                },
                {
                    name: "log-shipper",
                    image: "fluent/fluent-bit:3.0",
                    imagePullPolicy: Always,
                    args: ["-i", "tail", "-p", "path=/var/log/app/*.log", "-o", "stdout"],
                    resources: {
                        requests: { cpu: "1000m", memory: "512Mi" },
                        limits: { cpu: "1500m", memory: "2048Mi" },
                    },
                    volumeMounts: [ { name: "logs", mountPath: "/var/log/app", readOnly: true } ],
                    securityContext: {
                        runAsNonRoot: true,
                        allowPrivilegeEscalation: false,
                        privileged: false,
                        readOnlyRootFilesystem: true,
                    },
                },
                {
                    name: "db-ambassador",
                    image: "bitnami/pgbouncer:1.22.1",
                    imagePullPolicy: Always,
                    ports: [ { containerPort: 5432 } ],
                    env: [ { name: "PGBOUNCER_DATABASE", value: "app" } ],
                    resources: {
                        requests: { cpu: "1000m", memory: "512Mi" },
                        limits: { cpu: "1500m", memory: "2048Mi" },
                    },
                    startupProbe: { tcpSocket: { port: 5432 }, failureThreshold: 3 },
                    securityContext: {
                        runAsNonRoot: true,
                        allowPrivilegeEscalation: false,
                        privileged: false,
                        readOnlyRootFilesystem: true,
                    },
                },
                {
                    name: "metrics-adapter",
                    image: "nginx/nginx-prometheus-exporter:1.1.0",
                    imagePullPolicy: Always,
                    args: ["--nginx.scrape-uri=http://localhost:8080/stub_status"],
                    ports: [ { containerPort: 9113 } ],
                    resources: {
                        requests: { cpu: "1000m", memory: "512Mi" },
                        limits: { cpu: "1500m", memory: "2048Mi" },
                    },
                    startupProbe: { tcpSocket: { port: 9113 }, failureThreshold: 3 },
                    securityContext: {
                        runAsNonRoot: true,
                        allowPrivilegeEscalation: false,
                        privileged: false,
                        readOnlyRootFilesystem: true,
                    },
                },
            ],
            volumes: [ { name: "logs", emptyDir: {} } ],
            terminationGracePeriodSeconds: 30s,
            securityContext: { runAsNonRoot: true, fsGroupChangePolicy: Always },
            dnsPolicy: ClusterFirst,
            hostNetwork: false,
            automountServiceAccountToken: false,
            shareProcessNamespace: false,
            setHostnameAsFQDN: false,
            restartPolicy: Always,
        }
        .build()?
        .into(),
        // CronJob `report-0` (document 2)
        k8s_dsl::cronjob! {
            name: "report-0",
            labels: { app: "web-0" },
            schedule: "*/3 * * * *",
            concurrencyPolicy: Forbid,
            suspend: false,
            startingDeadlineSeconds: 10s,
            successfulJobsHistoryLimit: 3,
            failedJobsHistoryLimit: 1,
            jobTemplate: {
                completions: 3,
                parallelism: 3,
                template: {
                    restartPolicy: OnFailure,
                    containers: [ {
                        name: "report",
                        image: "busybox:1.36",
                        imagePullPolicy: Always,
                        command: ["sh", "-c", "date; echo report"],
                        resources: {
                            requests: { cpu: "1000m", memory: "512Mi" },
                            limits: { cpu: "1500m", memory: "2048Mi" },
                        },
                        securityContext: {
                            runAsNonRoot: true,
                            allowPrivilegeEscalation: false,
                            privileged: false,
                            readOnlyRootFilesystem: true,
                        },
                    } ],
                    terminationGracePeriodSeconds: 30s,
                    securityContext: { runAsNonRoot: true, fsGroupChangePolicy: Always },
                    dnsPolicy: ClusterFirst,
                    hostNetwork: false,
                    automountServiceAccountToken: false,
                    shareProcessNamespace: false,
                    setHostnameAsFQDN: false,
                },
            },
        }
        .build()?
        .into(),
        // Pod `web-1` (document 3)
        k8s_dsl::pod! {
            name: "web-1",
            labels: { app: "web-1", tier: "backend" },
            initContainers: [ {
                name: "init-config",
                image: "busybox:1.36",
                imagePullPolicy: Always,
                command: ["sh", "-c", "echo init > /var/log/app/init.log"],
                resources: {
                    requests: { cpu: "1000m", memory: "512Mi" },
                    limits: { cpu: "1500m", memory: "2048Mi" },
                },
                volumeMounts: [ { name: "logs", mountPath: "/var/log/app" } ],
                securityContext: {
                    runAsNonRoot: true,
                    allowPrivilegeEscalation: false,
                    privileged: false,
                    readOnlyRootFilesystem: true,
                },
            } ],
            containers: [
                {
                    name: "app",
                    image: "ghcr.io/example/app:1.4.2",
                    imagePullPolicy: Always,
                    ports: [ { containerPort: 8080 } ],
                    resources: {
                        requests: { cpu: "1000m", memory: "512Mi" },
                        limits: { cpu: "1500m", memory: "2048Mi" },
                    },
                    volumeMounts: [ { name: "logs", mountPath: "/var/log/app" } ],
                    readinessProbe: {
                        httpGet: { path: "/ready", port: 8080, scheme: HTTP },
                        initialDelaySeconds: 10s,
                        periodSeconds: 5s,
                        failureThreshold: 8,
                    },
                    livenessProbe: {
                        tcpSocket: { port: 8080 },
                        initialDelaySeconds: 15s,
                        periodSeconds: 20s,
                        failureThreshold: 3,
                    },
                    startupProbe: { tcpSocket: { port: 8080 }, failureThreshold: 3 },
                    lifecycle: {
                        postStart: {
                            exec: { command: ["sh", "-c", "echo started > /var/log/app/started"] },
                        },
                        preStop: { httpGet: { path: "/shutdown", port: 8080, scheme: HTTP } },
                    },
                    securityContext: {
                        runAsNonRoot: true,
                        allowPrivilegeEscalation: false,
                        privileged: false,
                        readOnlyRootFilesystem: true,
                    },
                },
                {
                    name: "log-shipper",
                    image: "fluent/fluent-bit:3.0",
                    imagePullPolicy: Always,
                    args: ["-i", "tail", "-p", "path=/var/log/app/*.log", "-o", "stdout"],
                    resources: {
                        requests: { cpu: "1000m", memory: "512Mi" },
                        limits: { cpu: "1500m", memory: "2048Mi" },
                    },
                    volumeMounts: [ { name: "logs", mountPath: "/var/log/app", readOnly: true } ],
                    securityContext: {
                        runAsNonRoot: true,
                        allowPrivilegeEscalation: false,
                        privileged: false,
                        readOnlyRootFilesystem: true,
                    },
                },
                {
                    name: "db-ambassador",
                    image: "bitnami/pgbouncer:1.22.1",
                    imagePullPolicy: Always,
                    ports: [ { containerPort: 5432 } ],
                    env: [ { name: "PGBOUNCER_DATABASE", value: "app" } ],
                    resources: {
                        requests: { cpu: "1000m", memory: "512Mi" },
                        limits: { cpu: "1500m", memory: "2048Mi" },
                    },
                    startupProbe: { tcpSocket: { port: 5432 }, failureThreshold: 3 },
                    securityContext: {
                        runAsNonRoot: true,
                        allowPrivilegeEscalation: false,
                        privileged: false,
                        readOnlyRootFilesystem: true,
                    },
                },
                {
                    name: "metrics-adapter",
                    image: "nginx/nginx-prometheus-exporter:1.1.0",
                    imagePullPolicy: Always,
                    args: ["--nginx.scrape-uri=http://localhost:8080/stub_status"],
                    ports: [ { containerPort: 9113 } ],
                    resources: {
                        requests: { cpu: "1000m", memory: "512Mi" },
                        limits: { cpu: "1500m", memory: "2048Mi" },
                    },
                    startupProbe: { tcpSocket: { port: 9113 }, failureThreshold: 3 },
                    securityContext: {
                        runAsNonRoot: true,
                        allowPrivilegeEscalation: false,
                        privileged: false,
                        readOnlyRootFilesystem: true,
                    },
                },
            ],
            volumes: [ { name: "logs", emptyDir: {} } ],
            terminationGracePeriodSeconds: 30s,
            securityContext: { runAsNonRoot: true, fsGroupChangePolicy: Always },
            dnsPolicy: ClusterFirst,
            hostNetwork: false,
            automountServiceAccountToken: false,
            shareProcessNamespace: false,
            setHostnameAsFQDN: false,
            restartPolicy: Always,
        }
        .build()?
        .into(),
        // CronJob `report-1` (document 4)
        k8s_dsl::cronjob! {
            name: "report-1",
            labels: { app: "web-1" },
            schedule: "*/3 * * * *",
            concurrencyPolicy: Forbid,
            suspend: false,
            startingDeadlineSeconds: 10s,
            successfulJobsHistoryLimit: 3,
            failedJobsHistoryLimit: 1,
            jobTemplate: {
                completions: 3,
                parallelism: 3,
                template: {
                    restartPolicy: OnFailure,
                    containers: [ {
                        name: "report",
                        image: "busybox:1.36",
                        imagePullPolicy: Always,
                        command: ["sh", "-c", "date; echo report"],
                        resources: {
                            requests: { cpu: "1000m", memory: "512Mi" },
                            limits: { cpu: "1500m", memory: "2048Mi" },
                        },
                        securityContext: {
                            runAsNonRoot: true,
                            allowPrivilegeEscalation: false,
                            privileged: false,
                            readOnlyRootFilesystem: true,
                        },
                    } ],
                    terminationGracePeriodSeconds: 30s,
                    securityContext: { runAsNonRoot: true, fsGroupChangePolicy: Always },
                    dnsPolicy: ClusterFirst,
                    hostNetwork: false,
                    automountServiceAccountToken: false,
                    shareProcessNamespace: false,
                    setHostnameAsFQDN: false,
                },
            },
        }
        .build()?
        .into(),
    ])
}
