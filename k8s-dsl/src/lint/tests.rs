//! One test per lint, each named after its id, with a case that is found and one that is not.

use k8s_openapi::api::core::v1 as core;
use k8s_openapi::apimachinery::pkg::util::intstr::IntOrString;

use super::*;
use crate::prelude::*;

fn app(name: &str) -> Container {
    Container::new(name).image("nginx:1.27")
}

fn built(object: impl IntoObject) -> Object {
    object.into_object().unwrap().0
}

/// The lints of a bundle of `objects` with id `id`.
fn found(objects: &[Object], id: &str) -> Vec<Lint> {
    let refs: Vec<&Object> = objects.iter().collect();
    bundle(&refs).into_iter().filter(|l| l.id == id).collect()
}

fn paths(lints: &[Lint]) -> Vec<&str> {
    lints.iter().map(|l| l.path.as_str()).collect()
}

fn pod_spec(object: &mut Object) -> &mut core::PodSpec {
    match object {
        Object::Pod(pod) => pod.spec.as_mut().unwrap(),
        Object::Job(job) => job.spec.as_mut().unwrap().template.spec.as_mut().unwrap(),
        _ => panic!("no pod spec"),
    }
}

#[test]
fn every_lint_id_is_kebab_case_unique_and_in_the_book() {
    let book = include_str!("../../../book/src/reference/lints.md");
    let mut seen = std::collections::BTreeSet::new();
    for (id, what) in LINTS {
        assert!(seen.insert(id), "{id} twice");
        assert!(
            id.chars().all(|c| c.is_ascii_lowercase() || c == '-'),
            "{id}"
        );
        assert!(!what.is_empty());
        assert!(
            book.contains(&format!("## `{id}`")),
            "{id} is not in lints.md"
        );
    }
}

#[test]
fn config_key_missing() {
    let objects = [
        built(ConfigMap::new("web-config").data("LOG_LEVEL", "info")),
        built(
            Pod::new("web")
                .container(
                    app("web")
                        .env_var(EnvVar::config_map_key("A", "web-config", "LOG_LEVL"))
                        .env_var(EnvVar::config_map_key("B", "web-config", "LOG_LEVEL"))
                        .env_var(EnvVar::config_map_key("C", "web-config", "NOPE").optional(true))
                        .env_var(EnvVar::config_map_key("D", "other", "NOPE")),
                )
                .volume(Volume::config_map("conf", "web-config").item("missing.conf", "x.conf"))
                .volume(
                    Volume::projected("all")
                        .config_map_items("web-config", [("LOG_LEVEL", "l"), ("gone", "g")]),
                ),
        ),
    ];
    let lints = found(&objects, "config-key-missing");
    assert_eq!(
        paths(&lints),
        [
            "Pod/web: spec.containers[0].env[0].valueFrom.configMapKeyRef.key",
            "Pod/web: spec.volumes[0].configMap.items[0].key",
            "Pod/web: spec.volumes[1].projected.sources[0].configMap.items[1].key",
        ]
    );
    assert!(
        lints[0].fix.contains("did you mean `LOG_LEVEL`?"),
        "{}",
        lints[0]
    );
    assert!(lints[0].message.contains("has no key `LOG_LEVL`"));
}

#[test]
fn secret_key_missing() {
    let mut secret = core::Secret::default();
    secret.metadata.name = Some("db".into());
    secret.string_data = Some([("password".to_owned(), "x".to_owned())].into());
    let objects = [
        Object::Secret(secret),
        built(
            Pod::new("web")
                .container(
                    app("web")
                        .env_var(EnvVar::secret_key("A", "db", "pasword"))
                        .env_var(EnvVar::secret_key("B", "db", "password")),
                )
                .volume(Volume::secret("s", "db").item("user", "user")),
        ),
    ];
    let lints = found(&objects, "secret-key-missing");
    assert_eq!(
        paths(&lints),
        [
            "Pod/web: spec.containers[0].env[0].valueFrom.secretKeyRef.key",
            "Pod/web: spec.volumes[0].secret.items[0].key",
        ]
    );
}

#[test]
fn memory_in_millibytes() {
    let pod = built(Pod::new("web").container(app("web").memory("512m", "1Gi")));
    let lints = object(&pod);
    assert_eq!(
        paths(&lints),
        ["spec.containers[0].resources.requests[memory]"]
    );
    assert_eq!(lints[0].id, "memory-in-millibytes");
    assert!(lints[0].message.contains("0.512 bytes"), "{}", lints[0]);
    assert!(lints[0].fix.contains("`512Mi`"));
    // `m` on CPU is right:
    assert!(object(&built(
        Pod::new("web").container(app("web").cpu("500m", "1"))
    ))
    .is_empty());
}

#[test]
fn memory_without_unit() {
    let pod = built(Pod::new("web").container(app("web").memory("512", "2097152")));
    let lints = object(&pod);
    assert_eq!(
        paths(&lints),
        ["spec.containers[0].resources.requests[memory]"]
    );
    assert_eq!(lints[0].id, "memory-without-unit");
}

#[test]
fn cpu_in_cores() {
    let pod = built(Pod::new("web").container(app("web").request("cpu", "500")));
    let lints = object(&pod);
    assert_eq!(
        paths(&lints),
        ["spec.containers[0].resources.requests[cpu]"]
    );
    assert_eq!(lints[0].id, "cpu-in-cores");
    assert!(lints[0].fix.contains("`500m`"));
}

#[test]
fn probe_timeout_not_below_period() {
    let probe = |timeout: u32, period: u32| {
        Probe::http_get("/", 80)
            .timeout(Duration::seconds(timeout))
            .period(Duration::seconds(period))
    };
    let pod = built(
        Pod::new("web").container(
            app("web")
                .port(ContainerPort::new(80))
                .readiness_probe(probe(10, 10))
                .liveness_probe(probe(1, 10)),
        ),
    );
    let lints = object(&pod);
    assert_eq!(
        paths(&lints),
        ["spec.containers[0].readinessProbe.timeoutSeconds"]
    );
    assert_eq!(lints[0].id, "probe-timeout-not-below-period");
}

#[test]
fn liveness_kills_before_ready() {
    let pod = |startup: bool, live_delay: u32| {
        let mut c = app("web")
            .port(ContainerPort::new(80))
            .readiness_probe(Probe::http_get("/", 80).initial_delay(Duration::seconds(60)))
            .liveness_probe(Probe::http_get("/", 80).initial_delay(Duration::seconds(live_delay)));
        if startup {
            c = c.startup_probe(Probe::http_get("/", 80).failure_threshold(30));
        }
        built(Pod::new("web").container(c))
    };
    // 0 s delay + 3 failures every 10 s: killed after 30 s, ready only after 60 s.
    let lints = object(&pod(false, 0));
    assert_eq!(
        paths(&lints),
        ["spec.containers[0].livenessProbe.initialDelaySeconds"]
    );
    assert_eq!(lints[0].id, "liveness-kills-before-ready");
    assert!(object(&pod(true, 0)).is_empty());
    assert!(object(&pod(false, 45)).is_empty());
}

#[test]
fn job_deadline_before_probe() {
    let job = |deadline: u32| {
        built(
            Job::new("migrate")
                .active_deadline(Duration::seconds(deadline))
                .template(
                    Pod::template()
                        .restart_policy(RestartPolicy::Never)
                        .container(app("migrate").port(ContainerPort::new(80)).readiness_probe(
                            Probe::http_get("/", 80).initial_delay(Duration::seconds(120)),
                        )),
                ),
        )
    };
    let lints = object(&job(60));
    assert_eq!(paths(&lints), ["spec.activeDeadlineSeconds"]);
    assert_eq!(lints[0].id, "job-deadline-before-probe");
    assert!(object(&job(600)).is_empty());
}

#[test]
fn schedule_never_fires() {
    let lint = |schedule: &str| {
        let mut cron = k8s_openapi::api::batch::v1::CronJob::default();
        cron.metadata.name = Some("c".into());
        let spec = k8s_openapi::api::batch::v1::CronJobSpec {
            schedule: schedule.to_owned(),
            ..Default::default()
        };
        // `CronJob.spec` is optional in some Kubernetes versions, required in others.
        #[allow(clippy::useless_conversion)]
        {
            cron.spec = spec.into();
        }
        object(&Object::CronJob(cron))
    };
    for never in [
        "0 0 30 2 *",
        "0 0 31 2 *",
        "0 0 31 4 *",
        "0 0 31 4,6,9,11 *",
        "0 0 30,31 FEB *",
    ] {
        let lints = lint(never);
        assert_eq!(paths(&lints), ["spec.schedule"], "{never}");
        assert_eq!(lints[0].id, "schedule-never-fires");
    }
    for fires in [
        "0 0 29 2 *",
        "0 0 31 3,4 *",
        "0 0 30 2 MON",
        "0 0 * * *",
        "@daily",
        "@every 1h",
    ] {
        assert!(lint(fires).is_empty(), "{fires}");
    }
}

#[test]
fn starting_deadline_too_short() {
    let cron = |deadline: u32| {
        built(
            CronJob::new("c", "*/5 * * * *")
                .starting_deadline(Duration::seconds(deadline))
                .job(
                    Job::new("c").template(
                        Pod::template()
                            .restart_policy(RestartPolicy::Never)
                            .container(app("c")),
                    ),
                ),
        )
    };
    let lints = object(&cron(5));
    assert_eq!(paths(&lints), ["spec.startingDeadlineSeconds"]);
    assert_eq!(lints[0].id, "starting-deadline-too-short");
    assert!(object(&cron(30)).is_empty());
}

fn node_port_service(name: &str, port: i32) -> Object {
    built(
        Service::node_port(name)
            .selector("app", "web")
            .port(ServicePort::tcp(80).node_port(port)),
    )
}

#[test]
fn node_port_collision() {
    let objects = [
        node_port_service("a", 30080),
        node_port_service("b", 30081),
        node_port_service("c", 30080),
    ];
    let lints = found(&objects, "node-port-collision");
    assert_eq!(paths(&lints), ["Service/c: spec.ports[0].nodePort"]);
    assert!(lints[0].message.contains("Service/a"));
}

#[test]
fn cluster_ip_collision() {
    let service = |name: &str, ip: &str| {
        let mut object = built(Service::new(name).selector("app", "web").port(80));
        if let Object::Service(s) = &mut object {
            s.spec.as_mut().unwrap().cluster_ip = Some(ip.to_owned());
        }
        object
    };
    let objects = [
        service("a", "10.96.0.10"),
        service("b", "None"),
        service("c", "None"),
        service("d", "10.96.0.10"),
    ];
    let lints = found(&objects, "cluster-ip-collision");
    assert_eq!(paths(&lints), ["Service/d: spec.clusterIP"]);
}

fn deployment(name: &str, labels: &[(&str, &str)], replicas: i32) -> Object {
    let mut template = Pod::template();
    for (k, v) in labels {
        template = template.label(*k, *v);
    }
    built(
        Deployment::new(name)
            .replicas(replicas)
            .template(template.container(app(name))),
    )
}

#[test]
fn selector_overlap() {
    let objects = [
        deployment("web", &[("app", "shop")], 2),
        deployment("api", &[("app", "shop")], 2),
        deployment("db", &[("app", "db")], 1),
    ];
    let lints = found(&objects, "selector-overlap");
    assert_eq!(paths(&lints), ["Deployment/api: spec.selector"]);
    assert!(lints[0].message.contains("Deployment/web"));
}

fn pdb(min: Option<i32>, max: Option<i32>) -> Object {
    let mut budget = PodDisruptionBudget::new("web").selector([("app", "web")]);
    if let Some(min) = min {
        budget = budget.min_available(min);
    }
    if let Some(max) = max {
        budget = budget.max_unavailable(max);
    }
    built(budget)
}

#[test]
fn pdb_blocks_drain() {
    let web = deployment("web", &[("app", "web")], 3);
    let lints = found(&[web.clone(), pdb(Some(3), None)], "pdb-blocks-drain");
    assert_eq!(
        paths(&lints),
        ["PodDisruptionBudget/web: spec.minAvailable"]
    );
    let lints = found(&[web.clone(), pdb(None, Some(0))], "pdb-blocks-drain");
    assert_eq!(
        paths(&lints),
        ["PodDisruptionBudget/web: spec.maxUnavailable"]
    );
    assert!(found(&[web.clone(), pdb(Some(2), None)], "pdb-blocks-drain").is_empty());
    assert!(found(&[web, pdb(None, Some(1))], "pdb-blocks-drain").is_empty());
}

#[test]
fn pdb_selects_nothing() {
    let mut budget = policy_pdb();
    let lints = found(&[budget.clone()], "pdb-selects-nothing");
    assert_eq!(paths(&lints), ["PodDisruptionBudget/web: spec.selector"]);
    if let Object::PodDisruptionBudget(p) = &mut budget {
        p.spec.as_mut().unwrap().selector = Some(Default::default());
    }
    assert!(found(&[budget], "pdb-selects-nothing").is_empty());
}

fn policy_pdb() -> Object {
    let mut budget = k8s_openapi::api::policy::v1::PodDisruptionBudget::default();
    budget.metadata.name = Some("web".into());
    budget.spec = Some(k8s_openapi::api::policy::v1::PodDisruptionBudgetSpec {
        min_available: Some(IntOrString::Int(1)),
        ..Default::default()
    });
    Object::PodDisruptionBudget(budget)
}

fn hpa(max: i32) -> Object {
    built(
        HorizontalPodAutoscaler::new("web")
            .scale_target(ScaleTarget::deployment("web"))
            .min_replicas(1)
            .max_replicas(max)
            .metric(Metric::cpu_utilization(50)),
    )
}

#[test]
fn hpa_utilization_without_request() {
    let lints = found(
        &[deployment("web", &[("app", "web")], 2), hpa(5)],
        "hpa-utilization-without-request",
    );
    assert_eq!(
        paths(&lints),
        ["HorizontalPodAutoscaler/web: spec.metrics[0].resource.name"]
    );
    let requested = built(
        Deployment::new("web").template(
            Pod::template()
                .label("app", "web")
                .container(app("web").cpu("100m", "1")),
        ),
    );
    assert!(found(&[requested, hpa(5)], "hpa-utilization-without-request").is_empty());
}

#[test]
fn hpa_max_below_replicas() {
    let web = deployment("web", &[("app", "web")], 6);
    let lints = found(&[web.clone(), hpa(4)], "hpa-max-below-replicas");
    assert_eq!(
        paths(&lints),
        ["HorizontalPodAutoscaler/web: spec.maxReplicas"]
    );
    assert!(found(&[web, hpa(6)], "hpa-max-below-replicas").is_empty());
}

#[test]
fn env_var_undefined() {
    let pod = built(
        Pod::new("web").container(
            app("web")
                .env_var(EnvVar::value("URL", "http://$(HOST):$(PORT)"))
                .env_var(EnvVar::value("HOST", "db"))
                .env_var(EnvVar::value("ESCAPED", "$$(NOT_A_REF)"))
                .env_var(EnvVar::value("OK", "$(HOST)"))
                .command(["/app", "--url=$(URL)", "--user=$(USR)"]),
        ),
    );
    let mut lints = object(&pod);
    lints.retain(|l| l.id == "env-var-undefined");
    assert_eq!(
        paths(&lints),
        [
            "spec.containers[0].env[0].value",
            "spec.containers[0].env[0].value",
            "spec.containers[0].command[2]",
        ]
    );
    assert!(lints[0].message.contains("defined later"), "{}", lints[0]);
    assert!(lints[1].message.contains("`$(PORT)`"));
}

#[test]
fn shell_variable_without_shell() {
    let pod = |command: &[&str]| {
        built(
            Pod::new("web").container(
                app("web")
                    .env_var(EnvVar::value("HOME_DIR", "/data"))
                    .command(command.iter().copied()),
            ),
        )
    };
    let lints = object(&pod(&["/app", "--dir", "${HOME_DIR}/x", "$HOME_DIR"]));
    assert_eq!(
        paths(&lints),
        [
            "spec.containers[0].command[2]",
            "spec.containers[0].command[3]"
        ]
    );
    assert_eq!(lints[0].id, "shell-variable-without-shell");
    assert!(lints[0].fix.contains("`$(HOME_DIR)`"));
    assert!(object(&pod(&["sh", "-c", "echo $HOME_DIR"])).is_empty());
    assert!(object(&pod(&["/bin/bash", "-c", "echo ${HOME_DIR}"])).is_empty());
    assert!(object(&pod(&["/app", "$(HOME_DIR)", "cost: $$5"])).is_empty());
}

#[test]
fn bundle_reports_lints_as_warnings_or_strict_errors_or_not_at_all() {
    let bundle = Bundle::new().add(Pod::new("web").container(app("web").memory("512m", "512m")));
    let warnings = bundle.check().unwrap();
    assert_eq!(warnings.len(), 2, "{warnings:?}");
    assert!(warnings[0]
        .message
        .ends_with("(lint `memory-in-millibytes`)"));
    let errors = bundle.clone().strict().check().unwrap_err();
    assert!(errors.has("Pod/web: spec.containers[0].resources.requests[memory]", 0));
    assert!(errors.has("Pod/web: spec.containers[0].resources.limits[memory]", 0));
    assert!(bundle
        .clone()
        .lints(LintLevel::Allow)
        .check()
        .unwrap()
        .is_empty());
    assert!(matches!(
        bundle.strict().to_yaml(),
        Err(BundleError::Invalid(_))
    ));
}

#[test]
fn a_pod_spec_is_linted_the_same_in_every_workload() {
    let mut job = built(
        Job::new("j").template(
            Pod::template()
                .restart_policy(RestartPolicy::Never)
                .container(app("j")),
        ),
    );
    pod_spec(&mut job).containers[0].resources = Some(core::ResourceRequirements {
        requests: Some(
            [(
                "memory".to_owned(),
                k8s_openapi::apimachinery::pkg::api::resource::Quantity("1m".into()),
            )]
            .into(),
        ),
        ..Default::default()
    });
    let lints = object(&job);
    assert_eq!(
        paths(&lints),
        ["spec.template.spec.containers[0].resources.requests[memory]"]
    );
}
