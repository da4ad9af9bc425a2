//! No input makes a builder panic (DESIGN principle 9). Every builder gets extreme values in
//! every slot: empty strings, 1 MB strings, NUL bytes, control and right-to-left characters,
//! numbers at the limits of their types (`u32::MAX`, `i32::MAX`, `i32::MIN`, `i64::MIN`),
//! negative and huge durations given as text. `build()` must return errors (always, when the
//! name itself is invalid) or a value; every value built is emitted as YAML and JSON.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::fmt::Debug;
use std::panic::{catch_unwind, AssertUnwindSafe};

use k8s_dsl::emit;
use k8s_dsl::prelude::*;
use serde::Serialize;

const MB: usize = 1024 * 1024;

/// Strings that break one rule or another (and some that look like YAML or other syntax). The
/// 1 MB string goes into every slot of every builder once; a debug build scans it in about
/// 50 ms per slot, so the multi-byte one is shorter.
fn hostile_strings() -> Vec<String> {
    vec![
        String::new(),
        "\0".into(),
        "web\0".into(),
        "a".repeat(MB),
        "é".repeat(32 * 1024),
        " ".into(),
        "\u{202e}web".into(),
        "Web".into(),
        "-5s".into(),
        "-1".into(),
        "99999999999999999999999999h".into(),
        "9223372036854775807s".into(),
        "2562047788015215h30m8s".into(),
        "1e400".into(),
        "-0".into(),
        "NaN".into(),
        "yes".into(),
        "*/0 * * * *".into(),
        "TZ=UTC 0 * * * *".into(),
        "@every -1s".into(),
        "../../etc/passwd".into(),
        "\n---\nkind: Secret\n".into(),
        "{{ x }}".into(),
        "web".into(),
    ]
}

/// Integers at the edges.
const INTS: [i32; 5] = [i32::MIN, -1, 0, 1, i32::MAX];
const LONGS: [i64; 5] = [i64::MIN, -1, 0, u32::MAX as i64, i64::MAX];

/// The number pairs to try with `s`: every pair for short strings, one for the 1 MB ones
/// (they reach every check already, and the tests stay fast).
fn extremes(s: &str) -> Vec<(i32, i64)> {
    let pairs: Vec<(i32, i64)> = INTS.into_iter().zip(LONGS).collect();
    if s.len() > 1024 {
        pairs.into_iter().take(1).collect()
    } else {
        pairs
    }
}

/// Whether `s` can never be an object name (so `build()` must fail).
fn invalid_name(s: &str) -> bool {
    s.is_empty() || s.contains('\0') || s.len() > 253 || s.chars().any(|c| c.is_uppercase())
}

/// A short description of an input, for failure messages.
fn describe(s: &str) -> String {
    if s.len() > 40 {
        format!(
            "<{} bytes starting {:?}>",
            s.len(),
            s.chars().take(8).collect::<String>()
        )
    } else {
        format!("{s:?}")
    }
}

/// Runs `build` on the input, failing the test with the input on a panic; emits what it built
/// as YAML and JSON (which may fail, never panic). Returns whether the build succeeded.
#[track_caller]
fn run<T: Serialize + Debug>(
    what: &str,
    input: &str,
    build: impl FnOnce() -> Result<T, Errors>,
) -> bool {
    let outcome = catch_unwind(AssertUnwindSafe(|| {
        let result = build();
        match &result {
            Ok(object) => {
                let _ = emit::to_yaml(object);
                let _ = emit::to_json(object);
                true
            }
            Err(errors) => {
                assert!(!errors.is_empty(), "{what}: Err without errors");
                let _ = errors.to_string();
                false
            }
        }
    }));
    match outcome {
        Ok(ok) => ok,
        Err(_) => panic!("{what} panicked on {}", describe(input)),
    }
}

/// Runs `build` with every hostile string and every pair of extreme numbers; asserts `Err`
/// when the string, used as the object's name, can never be valid.
fn each_input<T: Serialize + Debug>(
    what: &str,
    build: impl Fn(&str, i32, i64) -> Result<T, Errors>,
) {
    for s in hostile_strings() {
        for (n, big) in extremes(&s) {
            let ok = run(what, &s, || build(&s, n, big));
            if invalid_name(&s) {
                assert!(!ok, "{what} accepted the name {}", describe(&s));
            }
        }
    }
}

fn container(s: &str, n: i32, big: i64) -> Container {
    Container::new(s)
        .image(s)
        .command([s])
        .args([s, s])
        .working_dir(s)
        .port(ContainerPort::tcp(n).name(s).host_port(n).host_ip(s))
        .port(ContainerPort::udp(n))
        .env(s, s)
        .env_var(EnvVar::config_map_key(s, s, s).optional(true))
        .env_var(EnvVar::secret_key(s, s, s))
        .env_var(EnvVar::field(s, s))
        .env_var(EnvVar::resource(s, s).divisor(s))
        .env_from(EnvFrom::config_map(s).prefix(s))
        .env_from(EnvFrom::secret(s))
        .cpu(s, s)
        .memory(s, "1Gi")
        .request(s, s)
        .mount(s, s)
        .mount_read_only("data", s)
        .readiness_probe(probe(s, n))
        .liveness_probe(Probe::tcp_socket(s).period(Duration::seconds(u32::MAX)))
        .startup_probe(Probe::grpc(n).service(s).failure_threshold(n))
        .post_start(handler(s, n))
        .pre_stop(Handler::sleep(s))
        .security_context(
            SecurityContext::new()
                .run_as_user(big)
                .run_as_group(big)
                .add_capability(s)
                .drop_capability(s)
                .seccomp_localhost(s),
        )
        .termination_message_path(s)
}

fn probe(s: &str, n: i32) -> Probe {
    Probe::http_get(s, s)
        .http_header(s, s)
        .http_host(s)
        .http_scheme(Scheme::Https)
        .initial_delay(s)
        .period(Duration::hours(u32::MAX))
        .timeout(s)
        .success_threshold(n)
        .failure_threshold(n)
        .termination_grace_period(s)
}

fn handler(s: &str, n: i32) -> Handler {
    Handler::http_get(s, n).http_header(s, s).http_host(s)
}

fn volumes(s: &str, n: i32) -> Vec<Volume> {
    vec![
        Volume::empty_dir(s).size_limit(s).into(),
        Volume::config_map("data", s)
            .item(s, s)
            .default_mode(n)
            .into(),
        Volume::secret(s, s).items([(s, s)]).optional().into(),
        Volume::persistent_volume_claim(s, s).read_only().into(),
        Volume::downward_api(s)
            .field_item(s, s)
            .resource_item(s, s, s)
            .default_mode(n)
            .into(),
        Volume::projected(s)
            .config_map(s)
            .secret_items(s, [(s, s)])
            .field_item(s, s)
            .service_account_token(ServiceAccountToken::new(s).audience(s).expiration(s))
            .default_mode(n)
            .into(),
        Volume::host_path(s, s).kind(s).into(),
    ]
}

fn pod(s: &str, n: i32, big: i64, template: bool) -> Pod {
    let mut pod = if template {
        Pod::template()
    } else {
        Pod::new(s)
    };
    for volume in volumes(s, n) {
        pod = pod.volume(volume);
    }
    pod.namespace(s)
        .label(s, s)
        .annotation(s, s)
        .init_container(container(s, n, big))
        .sidecar(container(s, n, big))
        .container(container(s, n, big))
        .classic_adapter(container(s, n, big))
        .service_account_name(s)
        .priority_class_name(s)
        .priority(n)
        .runtime_class_name(s)
        .scheduler_name(s)
        .node_selector(s, s)
        .toleration(
            Toleration::equal(s, s)
                .effect(TaintEffect::NoExecute)
                .for_duration(s),
        )
        .termination_grace_period(s)
        .active_deadline(s)
        .security_context(
            PodSecurityContext::new()
                .run_as_user(big)
                .run_as_group(big)
                .fs_group(big)
                .supplemental_group(big)
                .seccomp_localhost(s),
        )
        .image_pull_secret(s)
        .hostname(s)
        .subdomain(s)
        .dns_policy(DnsPolicy::None)
        .dns_config(
            DnsConfig::new()
                .nameserver(s)
                .search(s)
                .option(s, s)
                .flag(s),
        )
        .host_network(true)
        .role_annotations()
}

/// The text for a workload's pod template: the pod's own test gives every slot the 1 MB
/// string already, so templates get its first 4 KiB (still over every length limit).
fn short(s: &str) -> &str {
    s.get(..4096).unwrap_or(s)
}

fn job(s: &str, n: i32, big: i64, named: bool) -> Job {
    let job = if named { Job::new(s) } else { Job::unnamed() };
    job.namespace(s)
        .template(pod(short(s), n, big, true))
        .restart_policy(JobRestartPolicy::Never)
        .completions(n)
        .parallelism(n)
        .backoff_limit(n)
        .backoff_limit_per_index(n)
        .max_failed_indexes(n)
        .active_deadline(s)
        .ttl_after_finished(s)
        .completion_mode(CompletionMode::Indexed)
        .pod_failure_rule(
            PodFailureRule::fail_job()
                .on_exit_codes(OnExitCodesOperator::In, [n, n, 0])
                .container(s),
        )
        .pod_failure_rule(PodFailureRule::ignore().on_pod_condition(s, ConditionStatus::True))
        .success_rule(SuccessRule::new().succeeded_indexes(s).succeeded_count(n))
        .manual_selector(Selector::new().label(s, s).key_in(s, [s]).exists(s))
        .managed_by(s)
}

#[test]
fn no_panic_pod() {
    each_input("Pod", |s, n, big| pod(s, n, big, false).build());
    each_input("Pod restricted", |s, n, big| {
        pod(short(s), n, big, false).restricted().build()
    });
}

#[test]
fn no_panic_container_probe_handler_env_and_volume_kinds() {
    // Each part alone in an otherwise valid pod, so its own checks are reached.
    each_input("Container", |s, n, big| {
        Pod::new("p").container(container(s, n, big)).build()
    });
    each_input("Probe", |s, n, _| {
        Pod::new(s)
            .container(
                Container::new("c")
                    .image("nginx:1.27")
                    .readiness_probe(probe(s, n)),
            )
            .build()
    });
    each_input("Handler", |s, n, _| {
        Pod::new(s)
            .container(
                Container::new("c")
                    .image("nginx:1.27")
                    .post_start(handler(s, n))
                    .pre_stop(Handler::exec([s]).with_sleep(s)),
            )
            .build()
    });
    each_input("EnvVar", |s, _, _| {
        Pod::new(s)
            .container(
                Container::new("c")
                    .image("nginx:1.27")
                    .env(s, s)
                    .env_var(EnvVar::resource(s, s).divisor(s)),
            )
            .build()
    });
    for (i, _) in volumes("v", 0).iter().enumerate() {
        each_input("Volume", |s, n, _| {
            let volume = volumes(s, n).swap_remove(i);
            Pod::new(s)
                .volume(volume)
                .container(Container::new("c").image("nginx:1.27").mount(s, "/data"))
                .build()
        });
    }
}

#[test]
fn no_panic_job_and_cronjob() {
    each_input("Job", |s, n, big| job(s, n, big, true).build());
    each_input("CronJob", |s, n, big| {
        CronJob::new(s, s)
            .time_zone(s)
            .job(job(s, n, big, false))
            .concurrency_policy(ConcurrencyPolicy::Forbid)
            .starting_deadline(s)
            .successful_jobs_history_limit(n)
            .failed_jobs_history_limit(n)
            .restricted()
            .build()
    });
}

#[test]
fn no_panic_deployment_statefulset_daemonset() {
    each_input("Deployment", |s, n, big| {
        Deployment::new(s)
            .template(pod(short(s), n, big, true))
            .selector(
                Selector::new()
                    .label(s, s)
                    .key_not_in(s, [s])
                    .does_not_exist(s),
            )
            .replicas(n)
            .strategy(
                DeploymentStrategy::rolling_update()
                    .max_surge(s)
                    .max_unavailable(n),
            )
            .min_ready(s)
            .progress_deadline(s)
            .revision_history_limit(n)
            .build()
    });
    each_input("StatefulSet", |s, n, big| {
        StatefulSet::new(s)
            .template(pod(short(s), n, big, true))
            .service_name(s)
            .replicas(n)
            .volume_claim(
                VolumeClaimTemplate::new(s)
                    .access_mode(AccessMode::ReadWriteOnce)
                    .storage(s)
                    .storage_class(s),
            )
            .update_strategy(StatefulSetStrategy::partitioned(n))
            .min_ready(s)
            .revision_history_limit(n)
            .build()
    });
    each_input("DaemonSet", |s, n, big| {
        DaemonSet::new(s)
            .template(pod(short(s), n, big, true))
            .update_strategy(
                DaemonSetStrategy::rolling_update()
                    .max_unavailable(s)
                    .max_surge(n),
            )
            .min_ready(s)
            .revision_history_limit(n)
            .build()
    });
}

#[test]
fn no_panic_service_config_map_secret() {
    each_input("Service", |s, n, _| {
        Service::node_port(s)
            .selector(s, s)
            .port(
                ServicePort::tcp(n)
                    .name(s)
                    .target(s)
                    .node_port(n)
                    .app_protocol(s),
            )
            .port(n)
            .load_balancer_source_range(s)
            .build()
    });
    each_input("Service ExternalName", |s, _, _| {
        Service::external_name(s, s).build()
    });
    each_input("ConfigMap", |s, _, _| {
        ConfigMap::new(s)
            .data(s, s)
            .binary_data(s, s.as_bytes().to_vec())
            .build()
    });
    each_input("Secret", |s, _, _| {
        Secret::new(s)
            .data(s, s.as_bytes().to_vec())
            .string_data(s, s)
            .string_data_from_env("from-env", s)
            .type_(SecretType::Other(s.to_owned()))
            .build()
    });
}

#[test]
fn no_panic_priority_class_pdb_hpa() {
    each_input("PriorityClass", |s, n, _| {
        PriorityClass::new(s, n).description(s).label(s, s).build()
    });
    each_input("PodDisruptionBudget", |s, n, _| {
        PodDisruptionBudget::new(s)
            .selector(Selector::new().label(s, s))
            .min_available(s)
            .max_unavailable(n)
            .build()
    });
    each_input("HorizontalPodAutoscaler", |s, n, _| {
        HorizontalPodAutoscaler::new(s)
            .scale_target(ScaleTarget::new(s, s, s))
            .min_replicas(n)
            .max_replicas(n)
            .metric(Metric::cpu_utilization(n))
            .metric(Metric::resource(s, MetricTarget::average_value(s)))
            .metric(Metric::container_resource(s, s, MetricTarget::value(s)))
            .metric(
                Metric::pods(s, MetricTarget::utilization(n)).selector(Selector::new().label(s, s)),
            )
            .metric(Metric::external(s, MetricTarget::value(s)))
            .scale_up(
                ScalingRules::new()
                    .stabilization_window(s)
                    .policy(ScalingPolicy::pods(n, s)),
            )
            .scale_down(
                ScalingRules::new().policy(ScalingPolicy::percent(n, Duration::hours(u32::MAX))),
            )
            .build()
    });
}

#[test]
fn no_panic_custom_resource() {
    each_input("CustomResource", |s, n, big| {
        CustomResource::new(s, s, s)
            .namespace(s)
            .spec(serde_json::json!({ s: [s, n, big, f64::MAX] }))
            .field(s, f64::NAN)
            .build()
    });
}

#[test]
fn no_panic_bundle() {
    for s in hostile_strings() {
        for (n, big) in extremes(&s) {
            let n = &n;
            let outcome = catch_unwind(AssertUnwindSafe(|| {
                let bundle = Bundle::new()
                    .require(Profile::Restricted)
                    .provided_by_cluster(s.as_str(), s.as_str())
                    .add(pod(short(&s), *n, big, false))
                    .add(job(&s, *n, big, true))
                    .add(
                        Service::new(s.as_str())
                            .selector(s.as_str(), s.as_str())
                            .port(*n),
                    )
                    .add(Secret::new(s.as_str()).string_data(s.as_str(), s.as_str()))
                    .add(PodDisruptionBudget::new(s.as_str()).min_available(*n))
                    .add(
                        HorizontalPodAutoscaler::new(s.as_str())
                            .scale_target(ScaleTarget::deployment(s.as_str())),
                    )
                    .add(CustomResource::new(s.as_str(), s.as_str(), s.as_str()));
                let checked = bundle.check();
                let _ = bundle.to_yaml();
                let _ = bundle.to_json();
                let _ = format!("{bundle:?}");
                if invalid_name(&s) {
                    assert!(checked.is_err(), "Bundle accepted {}", describe(&s));
                }
            }));
            assert!(outcome.is_ok(), "Bundle panicked on {}", describe(&s));
        }
    }
}

#[test]
fn no_panic_valid_extremes_build_and_emit() {
    // Values at the limits that are valid: the build succeeds and emits.
    let deployment = Deployment::new("web")
        .replicas(i32::MAX)
        .revision_history_limit(i32::MAX)
        .min_ready(Duration::seconds(0))
        .template(
            Pod::template().label("app", "web").container(
                Container::new("web")
                    .image("nginx:1.27")
                    .port(ContainerPort::tcp(65535).host_port(65535))
                    .readiness_probe(Probe::tcp_socket(65535).period(Duration::seconds(1))),
            ),
        )
        .build()
        .unwrap();
    let yaml = emit::to_yaml(&deployment).unwrap();
    assert!(yaml.contains("replicas: 2147483647"), "{yaml}");

    // Negative and overflowing durations given as text are errors, not panics.
    for text in [
        "-5s",
        "-1h",
        "99999999999999999999999h",
        "9223372036854775807h",
    ] {
        let errors = Job::new("j")
            .restart_policy(JobRestartPolicy::Never)
            .active_deadline(text)
            .template(Pod::template().container(Container::new("c").image("busybox:1.36")))
            .build()
            .unwrap_err();
        assert!(
            errors.has("spec.activeDeadlineSeconds", 56) || !errors.is_empty(),
            "{errors}"
        );
    }
}
