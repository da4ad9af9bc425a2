//! The fleet of the performance benchmark, written with the k8s-dsl macros: for each `i`, a
//! Pod `web-i` (an init container, the app with probes and hooks, a log shipper, an ambassador
//! and an adapter as classic sidecars) and a CronJob `report-i`. The same objects as
//! `k8s-dsl-fleet-builders`, key by key as in their YAML; every literal is checked while this
//! crate compiles.
//!
//! ```
//! let [pod, cron] = k8s_dsl_fleet_macros::fleet_macros(7)?;
//! assert_eq!(pod.id().name, "web-7");
//! assert_eq!(cron.id().name, "report-7");
//! # Ok::<(), k8s_dsl::Errors>(())
//! ```

use k8s_dsl::prelude::*;
use k8s_dsl::{cronjob, pod};

/// The Pod `web-i`.
pub fn web_pod(i: usize) -> Pod {
    pod! {
        name: format!("web-{i}"),
        labels: { app: format!("web-{i}"), tier: "backend" },
        volumes: [ { name: "logs", emptyDir: {} } ],
        initContainers: [ {
            name: "init-config",
            image: "busybox:1.36",
            imagePullPolicy: Always,
            command: ["sh", "-c", "echo init > /var/log/app/init.log"],
            resources: {
                requests: { cpu: "1000m", memory: "512Mi" },
                limits: { cpu: "1500m", memory: "2048Mi" },
            },
            securityContext: {
                allowPrivilegeEscalation: false,
                privileged: false,
                readOnlyRootFilesystem: true,
                runAsNonRoot: true,
            },
            volumeMounts: [ { name: "logs", mountPath: "/var/log/app" } ],
        } ],
        containers: [ {
            name: "app",
            image: "ghcr.io/example/app:1.4.2",
            imagePullPolicy: Always,
            ports: [ { containerPort: 8080 } ],
            resources: {
                requests: { cpu: "1000m", memory: "512Mi" },
                limits: { cpu: "1500m", memory: "2048Mi" },
            },
            securityContext: {
                allowPrivilegeEscalation: false,
                privileged: false,
                readOnlyRootFilesystem: true,
                runAsNonRoot: true,
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
                postStart: { exec: { command: ["sh", "-c", "echo started > /var/log/app/started"] } },
                preStop: { httpGet: { path: "/shutdown", port: 8080, scheme: HTTP } },
            },
        } ],
        classicSidecars: [ {
            name: "log-shipper",
            image: "fluent/fluent-bit:3.0",
            imagePullPolicy: Always,
            args: ["-i", "tail", "-p", "path=/var/log/app/*.log", "-o", "stdout"],
            resources: {
                requests: { cpu: "1000m", memory: "512Mi" },
                limits: { cpu: "1500m", memory: "2048Mi" },
            },
            securityContext: {
                allowPrivilegeEscalation: false,
                privileged: false,
                readOnlyRootFilesystem: true,
                runAsNonRoot: true,
            },
            volumeMounts: [ { name: "logs", mountPath: "/var/log/app", readOnly: true } ],
        } ],
        classicAmbassadors: [ {
            name: "db-ambassador",
            image: "bitnami/pgbouncer:1.22.1",
            imagePullPolicy: Always,
            env: [ { name: "PGBOUNCER_DATABASE", value: "app" } ],
            ports: [ { containerPort: 5432 } ],
            resources: {
                requests: { cpu: "1000m", memory: "512Mi" },
                limits: { cpu: "1500m", memory: "2048Mi" },
            },
            securityContext: {
                allowPrivilegeEscalation: false,
                privileged: false,
                readOnlyRootFilesystem: true,
                runAsNonRoot: true,
            },
            startupProbe: { tcpSocket: { port: 5432 }, failureThreshold: 3 },
        } ],
        classicAdapters: [ {
            name: "metrics-adapter",
            image: "nginx/nginx-prometheus-exporter:1.1.0",
            imagePullPolicy: Always,
            args: ["--nginx.scrape-uri=http://localhost:8080/stub_status"],
            ports: [ { containerPort: 9113 } ],
            resources: {
                requests: { cpu: "1000m", memory: "512Mi" },
                limits: { cpu: "1500m", memory: "2048Mi" },
            },
            securityContext: {
                allowPrivilegeEscalation: false,
                privileged: false,
                readOnlyRootFilesystem: true,
                runAsNonRoot: true,
            },
            startupProbe: { tcpSocket: { port: 9113 }, failureThreshold: 3 },
        } ],
        automountServiceAccountToken: false,
        dnsPolicy: ClusterFirst,
        hostNetwork: false,
        restartPolicy: Always,
        securityContext: { fsGroupChangePolicy: Always, runAsNonRoot: true },
        setHostnameAsFQDN: false,
        shareProcessNamespace: false,
        terminationGracePeriodSeconds: 30s,
    }
}

/// The CronJob `report-i`.
pub fn report_cronjob(i: usize) -> CronJob {
    cronjob! {
        name: format!("report-{i}"),
        schedule: "*/3 * * * *",
        labels: { app: format!("web-{i}") },
        concurrencyPolicy: Forbid,
        failedJobsHistoryLimit: 1,
        successfulJobsHistoryLimit: 3,
        startingDeadlineSeconds: 10s,
        suspend: false,
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
                        allowPrivilegeEscalation: false,
                        privileged: false,
                        readOnlyRootFilesystem: true,
                        runAsNonRoot: true,
                    },
                } ],
                automountServiceAccountToken: false,
                dnsPolicy: ClusterFirst,
                hostNetwork: false,
                securityContext: { fsGroupChangePolicy: Always, runAsNonRoot: true },
                setHostnameAsFQDN: false,
                shareProcessNamespace: false,
                terminationGracePeriodSeconds: 30s,
            },
        },
    }
}

/// Builds the Pod `web-i` and the CronJob `report-i`, checked.
pub fn fleet_macros(i: usize) -> Result<[Object; 2], Errors> {
    let pod = web_pod(i).build();
    let cron = report_cronjob(i).build();
    match (pod, cron) {
        (Ok(pod), Ok(cron)) => Ok([Object::Pod(pod), Object::CronJob(cron)]),
        (pod, cron) => {
            let mut all = Errors {
                errors: Vec::new(),
                warnings: Vec::new(),
            };
            for errors in [pod.err(), cron.err()].into_iter().flatten() {
                all.errors.extend(errors.errors);
                all.warnings.extend(errors.warnings);
            }
            Err(all)
        }
    }
}
