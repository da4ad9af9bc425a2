//! Each WORKLOADS pod, Job and CronJob written with the macros emits byte-identical YAML to
//! the same object written with the builders: one model, two front doors.

#![allow(clippy::expect_used)]

use k8s_dsl::emit::to_yaml;
use k8s_dsl::prelude::*;

/// Both forms build, and their YAML is the same text.
fn same<T: serde::Serialize, E: std::fmt::Debug>(
    from_macro: Result<T, E>,
    from_builder: Result<T, E>,
) {
    let a = to_yaml(&from_macro.expect("macro version builds")).expect("emits");
    let b = to_yaml(&from_builder.expect("builder version builds")).expect("emits");
    assert_eq!(a, b);
    assert!(!a.is_empty());
}

fn wait_for(svc: &str) -> String {
    format!(
        "until nslookup {svc}.$(cat /var/run/secrets/kubernetes.io/serviceaccount/namespace).svc.cluster.local; do echo waiting for {svc}; sleep 2; done"
    )
}

#[test]
fn workload_1_myapp_pod_init_containers() {
    let from_macro = k8s_dsl::pod! {
        name: "myapp-pod",
        labels: { app: "myapp" },
        initContainers: [
            { name: "init-myservice", image: "busybox:1.28", command: ["sh", "-c", wait_for("myservice")] },
            { name: "init-mydb", image: "busybox:1.28", command: ["sh", "-c", wait_for("mydb")] },
        ],
        containers: [ {
            name: "myapp-container",
            image: "busybox:1.28",
            command: ["sh", "-c", "echo The app is running! && sleep 3600"],
        } ],
    };
    let from_builder = Pod::new("myapp-pod")
        .label("app", "myapp")
        .init_container(
            Container::new("init-myservice")
                .image("busybox:1.28")
                .command(["sh".to_string(), "-c".to_string(), wait_for("myservice")]),
        )
        .init_container(Container::new("init-mydb").image("busybox:1.28").command([
            "sh".to_string(),
            "-c".to_string(),
            wait_for("mydb"),
        ]))
        .container(
            Container::new("myapp-container")
                .image("busybox:1.28")
                .command(["sh", "-c", "echo The app is running! && sleep 3600"]),
        );
    same(from_macro.build(), from_builder.build());
}

#[test]
fn workload_2_simple_webapp_readiness_probes() {
    let from_macro = k8s_dsl::pod! {
        name: "simple-webapp",
        labels: { name: "simple-webapp" },
        containers: [ {
            name: "simple-webapp",
            image: "simple-webapp",
            ports: [ { containerPort: 8080 } ],
            readinessProbe: {
                httpGet: { path: "/api/ready", port: 8080 },
                initialDelaySeconds: 10s,
                periodSeconds: 5s,
                failureThreshold: 8,
            },
        } ],
    };
    let from_builder = Pod::new("simple-webapp")
        .label("name", "simple-webapp")
        .container(
            Container::new("simple-webapp")
                .image("simple-webapp")
                .port(ContainerPort::new(8080))
                .readiness_probe(
                    Probe::http_get("/api/ready", 8080)
                        .initial_delay(Duration::seconds(10))
                        .period(Duration::seconds(5))
                        .failure_threshold(8),
                ),
        );
    same(from_macro.build(), from_builder.build());

    let tcp = k8s_dsl::pod! {
        name: "simple-webapp",
        containers: [ {
            name: "simple-webapp",
            image: "simple-webapp",
            ports: [ { containerPort: 3306 } ],
            readinessProbe: { tcpSocket: { port: 3306 } },
        } ],
    };
    let tcp_builder = Pod::new("simple-webapp").container(
        Container::new("simple-webapp")
            .image("simple-webapp")
            .port(ContainerPort::new(3306))
            .readiness_probe(Probe::tcp_socket(3306)),
    );
    same(tcp.build(), tcp_builder.build());

    let exec = k8s_dsl::pod! {
        name: "simple-webapp",
        containers: [ {
            name: "simple-webapp",
            image: "simple-webapp",
            readinessProbe: { exec: { command: ["cat", "/app/is_ready"] } },
        } ],
    };
    let exec_builder = Pod::new("simple-webapp").container(
        Container::new("simple-webapp")
            .image("simple-webapp")
            .readiness_probe(Probe::exec(["cat", "/app/is_ready"])),
    );
    same(exec.build(), exec_builder.build());
}

#[test]
fn workload_3_pod_with_liveness_check() {
    let from_macro = k8s_dsl::pod! {
        name: "pod-with-liveness-check",
        containers: [ {
            name: "random-generator",
            image: "k8spatterns/random-generator:1.0",
            env: [ { name: "DELAY_STARTUP", value: "20" } ],
            ports: [ { containerPort: 8080, protocol: TCP } ],
            livenessProbe: {
                httpGet: { path: "/actuator/health", port: 8080 },
                initialDelaySeconds: 30s,
            },
        } ],
    };
    let from_builder = Pod::new("pod-with-liveness-check").container(
        Container::new("random-generator")
            .image("k8spatterns/random-generator:1.0")
            .env("DELAY_STARTUP", "20")
            .port(ContainerPort::tcp(8080))
            .liveness_probe(
                Probe::http_get("/actuator/health", 8080).initial_delay(Duration::seconds(30)),
            ),
    );
    same(from_macro.build(), from_builder.build());
}

#[test]
fn workload_5_hooks() {
    let from_macro = k8s_dsl::pod! {
        name: "hooks",
        containers: [ {
            name: "random-generator",
            image: "k8spatterns/random-generator:1.0",
            lifecycle: {
                postStart: { exec: { command: ["sh", "-c", "sleep 30 && echo \"Wake up!\" > /tmp/postStart_done"] } },
                preStop: { httpGet: { path: "/shutdown", port: 8080 } },
            },
        } ],
    };
    let from_builder = Pod::new("hooks").container(
        Container::new("random-generator")
            .image("k8spatterns/random-generator:1.0")
            .post_start(Handler::exec([
                "sh",
                "-c",
                "sleep 30 && echo \"Wake up!\" > /tmp/postStart_done",
            ]))
            .pre_stop(Handler::http_get("/shutdown", 8080)),
    );
    same(from_macro.build(), from_builder.build());
}

#[test]
fn workload_8_downward_api_volume() {
    let from_macro = k8s_dsl::pod! {
        name: "kubernetes-downwardapi-volume-example",
        labels: { zone: "us-est-coast", cluster: "test-cluster1", rack: "rack-22" },
        annotations: { build: "two", builder: "john-doe" },
        containers: [ {
            name: "client-container",
            image: "registry.k8s.io/busybox",
            command: ["sh", "-c"],
            args: ["while true; do if [ -e /etc/podinfo/labels ]; then echo -en '\\n\\n'; cat /etc/podinfo/labels; fi; if [ -e /etc/podinfo/annotations ]; then echo -en '\\n\\n'; cat /etc/podinfo/annotations; fi; sleep 5; done;"],
            volumeMounts: [ { name: "podinfo", mountPath: "/etc/podinfo" } ],
        } ],
        volumes: [ {
            name: "podinfo",
            downwardAPI: { items: [
                { path: "labels", fieldRef: { fieldPath: "metadata.labels" } },
                { path: "annotations", fieldRef: { fieldPath: "metadata.annotations" } },
            ] },
        } ],
    };
    let from_builder = Pod::new("kubernetes-downwardapi-volume-example")
        .label("zone", "us-est-coast")
        .label("cluster", "test-cluster1")
        .label("rack", "rack-22")
        .annotation("build", "two")
        .annotation("builder", "john-doe")
        .container(
            Container::new("client-container")
                .image("registry.k8s.io/busybox")
                .command(["sh", "-c"])
                .args(["while true; do if [ -e /etc/podinfo/labels ]; then echo -en '\\n\\n'; cat /etc/podinfo/labels; fi; if [ -e /etc/podinfo/annotations ]; then echo -en '\\n\\n'; cat /etc/podinfo/annotations; fi; sleep 5; done;"])
                .mount("podinfo", "/etc/podinfo"),
        )
        .volume(
            Volume::downward_api("podinfo")
                .field_item("labels", "metadata.labels")
                .field_item("annotations", "metadata.annotations"),
        );
    same(from_macro.build(), from_builder.build());
}

/// The math-add Job of WORKLOADS 10, as a builder (also the job of the CronJob of 11).
fn math_add(job: k8s_dsl::workload::Job) -> k8s_dsl::workload::Job {
    job.completions(3)
        .parallelism(3)
        .restart_policy(JobRestartPolicy::Never)
        .template(
            Pod::template().container(
                Container::new("math-add")
                    .image("ubuntu")
                    .command(["expr", "3", "+", "2"]),
            ),
        )
}

#[test]
fn workload_10_math_add_job() {
    let from_macro = k8s_dsl::job! {
        name: "math-add-job",
        completions: 3,
        parallelism: 3,
        template: {
            restartPolicy: Never,
            containers: [ { name: "math-add", image: "ubuntu", command: ["expr", "3", "+", "2"] } ],
        },
    };
    let from_builder = math_add(k8s_dsl::workload::Job::new("math-add-job"));
    same(from_macro.build(), from_builder.build());
}

#[test]
fn workload_11_reporting_cron_job() {
    let from_macro = k8s_dsl::cronjob! {
        name: "reporting-cron-job",
        schedule: "*/1 * * * *",
        jobTemplate: {
            completions: 3,
            parallelism: 3,
            template: {
                restartPolicy: Never,
                containers: [ { name: "math-add", image: "ubuntu", command: ["expr", "3", "+", "2"] } ],
            },
        },
    };
    let from_builder = k8s_dsl::workload::CronJob::new("reporting-cron-job", "*/1 * * * *")
        .job(math_add(k8s_dsl::workload::Job::unnamed()));
    same(from_macro.build(), from_builder.build());
}

#[test]
fn workload_12_random_generator_cron_job() {
    let from_macro = k8s_dsl::cronjob! {
        name: "random-generator",
        schedule: "*/3 * * * *",
        jobTemplate: {
            template: {
                restartPolicy: OnFailure,
                containers: [ {
                    name: "random-generator",
                    image: "k8spatterns/random-generator:1.0",
                    command: ["java", "-cp", "/", "RandomRunner", "/numbers.txt", "10000"],
                } ],
            },
        },
    };
    let from_builder = k8s_dsl::workload::CronJob::new("random-generator", "*/3 * * * *").job(
        k8s_dsl::workload::Job::unnamed()
            .restart_policy(JobRestartPolicy::OnFailure)
            .template(
                Pod::template().container(
                    Container::new("random-generator")
                        .image("k8spatterns/random-generator:1.0")
                        .command(["java", "-cp", "/", "RandomRunner", "/numbers.txt", "10000"]),
                ),
            ),
    );
    same(from_macro.build(), from_builder.build());
}

#[test]
fn workload_7_native_and_classic_sidecars() {
    let from_macro = k8s_dsl::pod! {
        name: "app-with-shipper",
        volumes: [ { name: "logs", emptyDir: {} } ],
        sidecars: [ { name: "log-shipper", image: "fluent/fluent-bit:3.2", volumeMounts: [ { name: "logs", mountPath: "/logs", readOnly: true } ] } ],
        classicSidecars: [ { name: "classic-shipper", image: "fluent/fluent-bit:3.2", volumeMounts: [ { name: "logs", mountPath: "/logs", readOnly: true } ] } ],
        ambassadors: [ { name: "db-proxy", image: "haproxy:3.0", env: [ { name: "DB_ADDRESS", value: "db.prod.internal:5432" } ], ports: [ { containerPort: 5432, name: "postgres", protocol: TCP } ] } ],
        adapters: [ { name: "exporter", image: "nginx/nginx-prometheus-exporter:1.4", ports: [ { containerPort: 9113, name: "metrics", protocol: TCP } ] } ],
        containers: [ { name: "app", image: "busybox:1.36", volumeMounts: [ { name: "logs", mountPath: "/var/log/app" } ] } ],
    };
    let from_builder = Pod::new("app-with-shipper")
        .volume(Volume::empty_dir("logs"))
        .sidecar(
            Container::new("log-shipper")
                .image("fluent/fluent-bit:3.2")
                .mount_read_only("logs", "/logs"),
        )
        .classic_sidecar(
            Container::new("classic-shipper")
                .image("fluent/fluent-bit:3.2")
                .mount_read_only("logs", "/logs"),
        )
        .ambassador(
            Container::new("db-proxy")
                .image("haproxy:3.0")
                .env("DB_ADDRESS", "db.prod.internal:5432")
                .port(ContainerPort::tcp(5432).name("postgres")),
        )
        .adapter(
            Container::new("exporter")
                .image("nginx/nginx-prometheus-exporter:1.4")
                .port(ContainerPort::tcp(9113).name("metrics")),
        )
        .container(
            Container::new("app")
                .image("busybox:1.36")
                .mount("logs", "/var/log/app"),
        );
    same(from_macro.build(), from_builder.build());
}

#[test]
fn workload_9_random_generator_env_from_config() {
    let from_macro = k8s_dsl::pod! {
        name: "random-generator",
        containers: [ {
            name: "random-generator",
            image: "k8spatterns/random-generator:1.0",
            env: [
                { name: "LOG_FILE", value: "/tmp/random.log" },
                { name: "PATTERN", valueFrom: { configMapKeyRef: { name: "random-generator-config", key: "pattern" } } },
                { name: "SEED", valueFrom: { secretKeyRef: { name: "random-generator-secret", key: "seed" } } },
            ],
        } ],
    };
    let from_builder = Pod::new("random-generator").container(
        Container::new("random-generator")
            .image("k8spatterns/random-generator:1.0")
            .env("LOG_FILE", "/tmp/random.log")
            .env_var(EnvVar::config_map_key(
                "PATTERN",
                "random-generator-config",
                "pattern",
            ))
            .env_var(EnvVar::secret_key(
                "SEED",
                "random-generator-secret",
                "seed",
            )),
    );
    same(from_macro.build(), from_builder.build());
}
