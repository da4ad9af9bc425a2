// The expansion of this body, written by `tests/expansion_snapshots.rs`:
// name: "simple-webapp",
// namespace: "shop",
// labels: { name: "simple-webapp", "app.kubernetes.io/part-of": "shop" },
// annotations: extra_annotations,
// restartPolicy: Never,
// containers: [ {
// name: "simple-webapp",
// image: format!("simple-webapp:{version}"),
// imagePullPolicy: IfNotPresent,
// ports: [ { containerPort: 8080, name: "http", protocol: TCP } ],
// resources: { requests: { cpu: "250m", memory: "64Mi" }, limits: { cpu: 1 } },
// env: [ { name: "MODE", value: "prod" } ],
// readinessProbe: {
// httpGet: { path: "/api/ready", port: "http" },
// initialDelaySeconds: 10s,
// periodSeconds: 5s,
// failureThreshold: 8,
// },
// } ],

fn expansion() {
    let _ = ::k8s_dsl::__private::each(
            ::k8s_dsl::pod::Pod::new("simple-webapp")
                .namespace("shop")
                .label("name", "simple-webapp")
                .label("app.kubernetes.io/part-of", "shop"),
            extra_annotations,
            |b, (k, v)| b.annotation(k, v),
        )
        .restart_policy(::k8s_dsl::rules::enums::RestartPolicy::Never)
        .container(
            ::k8s_dsl::pod::Container::new("simple-webapp")
                .image(format!("simple-webapp:{version}"))
                .image_pull_policy(
                    ::k8s_dsl::rules::enums::ImagePullPolicy::IfNotPresent,
                )
                .port(
                    ::k8s_dsl::pod::ContainerPort::new(8080i32)
                        .name("http")
                        .protocol(::k8s_dsl::rules::enums::Protocol::Tcp),
                )
                .request("cpu", "250m")
                .request("memory", "64Mi")
                .limit("cpu", "1")
                .env_var(::k8s_dsl::pod::EnvVar::value("MODE", "prod"))
                .readiness_probe(
                    ::k8s_dsl::pod::Probe::http_get("/api/ready", "http")
                        .initial_delay(::k8s_dsl::__private::secs(10))
                        .period(::k8s_dsl::__private::secs(5))
                        .failure_threshold(8),
                ),
        );
}
