//! Tests of the container builders: one or more per rule, each asserting path and rule.

use k8s_openapi::api::core::v1 as api;
use k8s_openapi::apimachinery::pkg::util::intstr::IntOrString;

use crate::pod::{
    Container, ContainerKind, ContainerPort, EnvFrom, EnvVar, Handler, PodContext, Probe,
    SecurityContext, VolumeMount,
};
use crate::rules::duration::Duration;
use crate::rules::enums::{
    ImagePullPolicy, MountPropagation, Scheme, SeccompProfileType, TerminationMessagePolicy,
};
use crate::validate::pod::ContainerPod;
use crate::validate::{FieldPath, Report};

const AT: &str = "spec.containers[0]";

/// The pod around the container: the names of its volumes, and the container's place.
struct Ctx<'a> {
    volumes: &'a [&'a str],
    kind: ContainerKind,
}

fn ctx<'a>(volumes: &'a [&'a str], kind: ContainerKind) -> Ctx<'a> {
    Ctx { volumes, kind }
}

fn app() -> Ctx<'static> {
    ctx(&["data", "logs"], ContainerKind::App)
}

fn run_in(container: &Container, ctx: &Ctx<'_>) -> (api::Container, Report) {
    run_checked(container, ctx, POD)
}

/// A Pod (not a template) without `hostNetwork` or volumes.
const POD: ContainerPod = ContainerPod {
    is_template: false,
    volumes: &[],
    host_users: true,
    host_network: false,
    grace: None,
};

/// The container converted, then validated as the pod spec validates it (rules 6 and 14).
fn run_checked(
    container: &Container,
    ctx: &Ctx<'_>,
    pod: ContainerPod<'_>,
) -> (api::Container, Report) {
    let mut report = Report::new();
    let path = FieldPath::root().field("spec").field("containers").index(0);
    let pod_ctx = PodContext { kind: ctx.kind };
    let out = container
        .clone()
        .into_k8s(&path.at(), &pod_ctx, &mut report);
    // The pod's volumes, as `emptyDir`s (rule 37).
    let volumes: Vec<api::Volume> = ctx
        .volumes
        .iter()
        .map(|name| api::Volume {
            name: (*name).to_owned(),
            empty_dir: Some(Default::default()),
            ..Default::default()
        })
        .collect();
    let pod = ContainerPod {
        volumes: &volumes,
        ..pod
    };
    // The pod sets a native sidecar's `restartPolicy` (rule 16) and its grace period (rule 26).
    let mut placed = out.clone();
    if ctx.kind == ContainerKind::RestartableInit {
        placed.restart_policy = Some("Always".into());
    }
    let is_init = ctx.kind != ContainerKind::App;
    crate::validate::pod::container(&path.at(), &placed, pod, &mut report);
    crate::validate::pod::probes_and_hooks(&path.at(), &placed, is_init, pod.grace, &mut report);
    (out, report)
}

fn run(container: &Container) -> (api::Container, Report) {
    run_in(container, &app())
}

/// A container that passes every check, to add one mistake to.
fn ok() -> Container {
    Container::new("app").image("example/app:1.0")
}

fn has(report: &Report, field: &str, rule: u16) -> bool {
    let want = format!("{AT}.{field}");
    report
        .errors()
        .iter()
        .any(|e| e.path.as_str() == want && e.rule == rule)
}

fn error_at<'r>(report: &'r Report, field: &str) -> &'r crate::Error {
    let want = format!("{AT}.{field}");
    match report.errors().iter().find(|e| e.path.as_str() == want) {
        Some(e) => e,
        None => panic!("no error at {want}: {:#?}", report.errors()),
    }
}

fn warned(report: &Report, field: &str, words: &str) -> bool {
    let want = format!("{AT}.{field}");
    report
        .warnings()
        .iter()
        .any(|w| w.path.as_str() == want && w.message.contains(words))
}

fn assert_clean(report: &Report) {
    assert!(report.errors().is_empty(), "{:#?}", report.errors());
}

// ---- output -------------------------------------------------------------------------------

#[test]
fn emits_only_what_was_set() {
    let (out, report) = run(&ok());
    assert_clean(&report);
    assert_eq!(
        out,
        api::Container {
            name: "app".into(),
            image: Some("example/app:1.0".into()),
            ..api::Container::default()
        }
    );
}

#[test]
fn simple_webapp_readiness_probe_output() {
    let c = Container::new("simple-webapp")
        .image("simple-webapp")
        .port(ContainerPort::new(8080))
        .readiness_probe(
            Probe::http_get("/api/ready", 8080)
                .initial_delay(Duration::seconds(10))
                .period(Duration::seconds(5))
                .failure_threshold(8),
        );
    let (out, report) = run(&c);
    assert_clean(&report);
    let port = out.ports.as_ref().and_then(|p| p.first()).unwrap();
    assert_eq!(port.container_port, 8080);
    assert_eq!(port.protocol, None);
    let probe = out.readiness_probe.unwrap();
    let http = probe.http_get.unwrap();
    assert_eq!(http.path.as_deref(), Some("/api/ready"));
    assert_eq!(http.port, IntOrString::Int(8080));
    assert_eq!(http.scheme, None);
    assert_eq!(probe.initial_delay_seconds, Some(10));
    assert_eq!(probe.period_seconds, Some(5));
    assert_eq!(probe.failure_threshold, Some(8));
    assert_eq!(probe.success_threshold, None);
    // the image has no tag: a warning, not an error
    assert!(warned(&report, "image", "no tag"));
}

#[test]
fn probe_and_hook_handlers_output() {
    let c = ok()
        .port(ContainerPort::tcp(8080).name("http"))
        .readiness_probe(
            Probe::http_get("/ready", "http")
                .http_scheme(Scheme::Https)
                .http_header("X-Probe", "1")
                .http_host("localhost")
                .timeout("2s"),
        )
        .liveness_probe(Probe::tcp_socket(8080).termination_grace_period("10s"))
        .startup_probe(Probe::grpc(8080).service("health"))
        .post_start(Handler::exec(["sh", "-c", "echo hi"]))
        .pre_stop(Handler::sleep("5s"));
    let (out, report) = run(&c);
    assert_clean(&report);
    let ready = out.readiness_probe.unwrap();
    let http = ready.http_get.unwrap();
    assert_eq!(http.port, IntOrString::String("http".into()));
    assert_eq!(http.scheme.as_deref(), Some("HTTPS"));
    assert_eq!(http.host.as_deref(), Some("localhost"));
    assert_eq!(http.http_headers.unwrap().first().unwrap().name, "X-Probe");
    assert_eq!(ready.timeout_seconds, Some(2));
    let live = out.liveness_probe.unwrap();
    assert_eq!(live.tcp_socket.unwrap().port, IntOrString::Int(8080));
    assert_eq!(live.termination_grace_period_seconds, Some(10));
    let grpc = out.startup_probe.unwrap().grpc.unwrap();
    assert_eq!((grpc.port, grpc.service.as_deref()), (8080, Some("health")));
    let lifecycle = out.lifecycle.unwrap();
    assert_eq!(
        lifecycle.post_start.unwrap().exec.unwrap().command.unwrap(),
        ["sh", "-c", "echo hi"]
    );
    assert_eq!(lifecycle.pre_stop.unwrap().sleep.unwrap().seconds, 5);
    assert_eq!(
        out.ports.unwrap().first().unwrap().protocol.as_deref(),
        Some("TCP")
    );
}

#[test]
fn env_resources_mounts_security_output() {
    let c = ok()
        .image_pull_policy(ImagePullPolicy::IfNotPresent)
        .termination_message_policy(TerminationMessagePolicy::FallbackToLogsOnError)
        .command(["java"])
        .args(["-jar", "app.jar"])
        .working_dir("/app")
        .env("LOG_FILE", "/tmp/random.log")
        .env_var(EnvVar::config_map_key(
            "PATTERN",
            "random-generator-config",
            "pattern",
        ))
        .env_var(EnvVar::secret_key("SEED", "random-generator-secret", "seed").optional(true))
        .env_var(EnvVar::field("POD", "metadata.name"))
        .env_var(EnvVar::resource("CPU", "limits.cpu").divisor("1m"))
        .env_from(EnvFrom::config_map("settings").prefix("APP_"))
        .env_from(EnvFrom::secret("secrets").optional(false))
        .cpu("250m", "1")
        .memory("128Mi", "256Mi")
        .mount("data", "/data")
        .mount_read_only("logs", "/logs")
        .security_context(SecurityContext::restricted().run_as_user(1000));
    let (out, report) = run(&c);
    assert_clean(&report);
    assert_eq!(out.image_pull_policy.as_deref(), Some("IfNotPresent"));
    assert_eq!(
        out.termination_message_policy.as_deref(),
        Some("FallbackToLogsOnError")
    );
    let env = out.env.unwrap();
    assert_eq!(env.len(), 5);
    assert_eq!(
        env.first().unwrap().value.as_deref(),
        Some("/tmp/random.log")
    );
    let pattern = env.get(1).unwrap().value_from.clone().unwrap();
    let cm = pattern.config_map_key_ref.unwrap();
    assert_eq!(
        (cm.name.as_str(), cm.key.as_str()),
        ("random-generator-config", "pattern")
    );
    assert_eq!(cm.optional, None);
    let seed = env.get(2).unwrap().value_from.clone().unwrap();
    assert_eq!(seed.secret_key_ref.unwrap().optional, Some(true));
    let cpu = env.get(4).unwrap().value_from.clone().unwrap();
    let field = cpu.resource_field_ref.unwrap();
    assert_eq!(field.divisor.unwrap().0, "1m");
    let env_from = out.env_from.unwrap();
    assert_eq!(env_from.first().unwrap().prefix.as_deref(), Some("APP_"));
    assert_eq!(
        env_from.get(1).unwrap().secret_ref.as_ref().unwrap().name,
        "secrets"
    );
    let resources = out.resources.unwrap();
    assert_eq!(resources.requests.unwrap().get("cpu").unwrap().0, "250m");
    assert_eq!(resources.limits.unwrap().get("memory").unwrap().0, "256Mi");
    let mounts = out.volume_mounts.unwrap();
    assert_eq!(mounts.first().unwrap().read_only, None);
    assert_eq!(mounts.get(1).unwrap().read_only, Some(true));
    let sc = out.security_context.unwrap();
    assert_eq!(sc.run_as_non_root, Some(true));
    assert_eq!(sc.allow_privilege_escalation, Some(false));
    assert_eq!(sc.capabilities.unwrap().drop.unwrap(), ["ALL"]);
    assert_eq!(sc.seccomp_profile.unwrap().type_, "RuntimeDefault");
    assert_eq!(sc.run_as_user, Some(1000));
}

#[test]
fn accessors_list_ports_and_volumes() {
    let c = ok()
        .port(ContainerPort::new(80).name("http"))
        .port(ContainerPort::new(9113))
        .mount("data", "/a")
        .volume_mount(VolumeMount::new(String::from("logs"), "/b"));
    assert_eq!(c.name(), "app");
    assert_eq!(c.port_names().collect::<Vec<_>>(), ["http"]);
    assert_eq!(c.volume_names().collect::<Vec<_>>(), ["data", "logs"]);
}

// ---- rule 6: container name ---------------------------------------------------------------

#[test]
fn rule_6_container_name_is_a_dns_label() {
    let (_, report) = run(&Container::new("Web_1").image("nginx:1.27"));
    assert!(has(&report, "name", 6));
}

#[test]
fn rule_6_container_name_is_required() {
    let (_, report) = run(&Container::new("").image("nginx:1.27"));
    assert!(has(&report, "name", 6));
}

// ---- rule 14: image -----------------------------------------------------------------------

#[test]
fn rule_14_image_is_required() {
    let (out, report) = run(&Container::new("app"));
    assert!(has(&report, "image", 14));
    assert_eq!(out.image, None);
}

#[test]
fn rule_14_pod_image_may_not_have_surrounding_whitespace() {
    let (_, report) = run(&Container::new("app").image(" nginx:1.27 "));
    assert!(has(&report, "image", 14));
}

#[test]
fn rule_14_template_image_whitespace_is_a_warning() {
    let (out, report) = run_checked(
        &Container::new("app").image("nginx:1.27 "),
        &app(),
        ContainerPod {
            is_template: true,
            ..POD
        },
    );
    assert_clean(&report);
    assert!(warned(&report, "image", "whitespace"));
    assert_eq!(out.image.as_deref(), Some("nginx:1.27 "));
}

#[test]
fn rule_14_image_grammar_is_a_warning() {
    // The API server checks only that the image is given and, for a Pod, has no surrounding
    // whitespace; a reference no registry can pull is accepted.
    let (_, report) = run(&Container::new("app").image("Nginx:1.27"));
    assert_clean(&report);
    assert!(warned(&report, "image", "no registry can pull it"));
    let (_, report) = run(&Container::new("app").image("<your-image>"));
    assert_clean(&report);
    assert!(warned(&report, "image", "no registry can pull it"));
}

#[test]
fn image_latest_is_a_warning() {
    let (_, report) = run(&Container::new("app").image("nginx:latest"));
    assert_clean(&report);
    assert!(warned(&report, "image", "latest"));
}

// ---- rule 16/17: init containers ------------------------------------------------------------

#[test]
fn rule_16_no_restart_policy_is_ever_set_by_the_container() {
    for kind in [
        ContainerKind::App,
        ContainerKind::Init,
        ContainerKind::RestartableInit,
    ] {
        let (out, _) = run_in(&ok(), &ctx(&[], kind));
        assert_eq!(out.restart_policy, None);
    }
}

#[test]
fn rule_17_init_container_may_not_have_probes_or_hooks() {
    let c = ok()
        .liveness_probe(Probe::exec(["true"]))
        .readiness_probe(Probe::exec(["true"]))
        .startup_probe(Probe::exec(["true"]))
        .pre_stop(Handler::exec(["true"]));
    let (out, report) = run_in(&c, &ctx(&[], ContainerKind::Init));
    for field in [
        "livenessProbe",
        "readinessProbe",
        "startupProbe",
        "lifecycle",
    ] {
        assert!(has(&report, field, 17), "{field}: {:#?}", report.errors());
    }
    assert_eq!(report.errors().len(), 4);
    // The object keeps what was written, so the pass over it (any door) sees and reports it.
    assert!(out.liveness_probe.is_some() && out.lifecycle.is_some());
}

#[test]
fn rule_17_native_sidecar_may_have_probes_and_hooks() {
    let c = ok()
        .port(ContainerPort::new(9113).name("metrics"))
        .readiness_probe(Probe::http_get("/metrics", "metrics"))
        .post_start(Handler::exec(["true"]));
    let (out, report) = run_in(&c, &ctx(&[], ContainerKind::RestartableInit));
    assert_clean(&report);
    assert!(out.readiness_probe.is_some() && out.lifecycle.is_some());
}

// ---- rules 20-23: ports -------------------------------------------------------------------

#[test]
fn rule_20_container_port_must_be_1_to_65535() {
    let c = ok()
        .port(ContainerPort::new(0))
        .port(ContainerPort::new(70000))
        .port(ContainerPort::new(65535));
    let (_, report) = run(&c);
    assert!(has(&report, "ports[0].containerPort", 20));
    assert!(has(&report, "ports[1].containerPort", 20));
    assert_eq!(report.errors().len(), 2);
}

#[test]
fn rule_20_host_port_must_be_1_to_65535() {
    let c = ok()
        .port(ContainerPort::new(80).host_port(-1))
        .port(ContainerPort::new(81).host_port(0));
    let (_, report) = run(&c);
    assert!(has(&report, "ports[0].hostPort", 20));
    assert_eq!(report.errors().len(), 1);
}

#[test]
fn rule_21_port_name_is_an_iana_service_name() {
    let (_, report) = run(&ok().port(ContainerPort::new(80).name("http_2")));
    assert!(has(&report, "ports[0].name", 21));
}

#[test]
fn rule_21_port_names_are_unique_within_the_container() {
    let c = ok()
        .port(ContainerPort::new(80).name("http"))
        .port(ContainerPort::new(81).name("http"));
    let (_, report) = run(&c);
    assert!(has(&report, "ports[1].name", 21));
    assert!(!has(&report, "ports[0].name", 21));
}

#[test]
fn rule_22_protocol_is_emitted_only_when_set() {
    let c = ok()
        .port(ContainerPort::new(80))
        .port(ContainerPort::udp(53))
        .port(ContainerPort::sctp(9))
        .port(ContainerPort::new(81).protocol(crate::rules::enums::Protocol::Tcp));
    let (out, report) = run(&c);
    assert_clean(&report);
    let protocols: Vec<Option<String>> =
        out.ports.unwrap().into_iter().map(|p| p.protocol).collect();
    assert_eq!(
        protocols,
        [
            None,
            Some("UDP".into()),
            Some("SCTP".into()),
            Some("TCP".into())
        ]
    );
}

#[test]
fn rule_23_host_network_host_port_must_equal_container_port() {
    let host = ContainerPod {
        host_network: true,
        ..POD
    };
    let c = ok()
        .port(ContainerPort::new(8080).host_port(80))
        .port(ContainerPort::new(9090).host_port(9090))
        .port(ContainerPort::new(9091));
    let (_, report) = run_checked(&c, &app(), host);
    assert!(has(&report, "ports[0].hostPort", 23));
    assert_eq!(report.errors().len(), 1);
}

// ---- rules 24-29: probes and hooks --------------------------------------------------------

#[test]
fn rule_24_probe_may_not_have_two_handlers() {
    let c = ok()
        .port(ContainerPort::new(8080))
        .readiness_probe(Probe::http_get("/ready", 8080).with_exec(["cat", "/ready"]));
    let (_, report) = run(&c);
    // like validateHandler: exec is visited first, so httpGet is the extra one
    assert!(has(&report, "readinessProbe.httpGet", 24));
    assert_eq!(report.errors().len(), 1);
}

#[test]
fn rule_24_probe_may_not_repeat_a_handler_type() {
    let c = ok().port(ContainerPort::new(8080)).readiness_probe(
        Probe::tcp_socket(8080)
            .with_tcp_socket(8080)
            .with_grpc(8080)
            .with_http_get("/", 8080),
    );
    let (_, report) = run(&c);
    assert!(has(&report, "readinessProbe.tcpSocket", 24));
    assert!(has(&report, "readinessProbe.grpc", 24));
    assert_eq!(report.errors().len(), 3);
}

#[test]
fn rule_24_hook_may_not_have_two_handlers() {
    let c = ok().pre_stop(
        Handler::sleep("5s")
            .with_exec(["true"])
            .with_http_get("/", 80),
    );
    let (_, report) = run(&c);
    assert!(has(&report, "lifecycle.preStop.httpGet", 24));
    assert!(has(&report, "lifecycle.preStop.sleep", 24));
}

#[test]
fn rule_25_exec_command_may_not_be_empty() {
    let c = ok()
        .liveness_probe(Probe::exec(Vec::<String>::new()))
        .post_start(Handler::exec(Vec::<String>::new()));
    let (_, report) = run(&c);
    assert!(has(&report, "livenessProbe.exec.command", 25));
    assert!(has(&report, "lifecycle.postStart.exec.command", 25));
}

#[test]
fn rule_25_http_get_path_and_headers() {
    let c = ok()
        .port(ContainerPort::new(80))
        .readiness_probe(Probe::http_get("", 80).http_header("Bad Header", "x"));
    let (_, report) = run(&c);
    assert!(has(&report, "readinessProbe.httpGet.path", 25));
    assert!(has(
        &report,
        "readinessProbe.httpGet.httpHeaders[0].name",
        25
    ));
}

#[test]
fn rule_25_probe_ports_must_be_valid() {
    let c = ok()
        .liveness_probe(Probe::tcp_socket(0))
        .readiness_probe(Probe::http_get("/", "Not_A_Name"))
        .startup_probe(Probe::grpc(70000));
    let (_, report) = run(&c);
    assert!(has(&report, "livenessProbe.tcpSocket.port", 25));
    assert!(has(&report, "readinessProbe.httpGet.port", 25));
    assert!(has(&report, "startupProbe.grpc.port", 25));
}

#[test]
fn probe_port_name_must_be_declared() {
    let c = ok()
        .port(ContainerPort::new(8080).name("http"))
        .port(ContainerPort::new(9090).name("admin"))
        .readiness_probe(Probe::http_get("/ready", "htp"));
    let (_, report) = run(&c);
    let e = error_at(&report, "readinessProbe.httpGet.port");
    assert_eq!(e.rule, 0);
    assert!(e.message.contains("`http`, `admin`"), "{}", e.message);
    assert!(e.fix.contains("`http`"), "{}", e.fix);
}

#[test]
fn hook_port_name_must_be_declared() {
    let (_, report) = run(&ok().pre_stop(Handler::http_get("/shutdown", "http")));
    assert!(has(&report, "lifecycle.preStop.httpGet.port", 0));
}

#[test]
fn probe_port_number_not_declared_is_a_warning() {
    let c = ok()
        .port(ContainerPort::new(8080))
        .readiness_probe(Probe::http_get("/ready", 8081))
        .liveness_probe(Probe::grpc(9000));
    let (_, report) = run(&c);
    assert_clean(&report);
    assert!(warned(&report, "readinessProbe.httpGet.port", "8081"));
    assert!(warned(&report, "livenessProbe.grpc.port", "9000"));
}

#[test]
fn http_options_without_http_handler_are_reported() {
    let c = ok()
        .readiness_probe(Probe::exec(["true"]).http_scheme(Scheme::Https))
        .liveness_probe(Probe::exec(["true"]).service("x"))
        .pre_stop(Handler::exec(["true"]).http_header("A", "b"));
    let (_, report) = run(&c);
    assert!(has(&report, "readinessProbe", 0));
    assert!(has(&report, "livenessProbe", 0));
    assert!(has(&report, "lifecycle.preStop", 0));
}

#[test]
fn tcp_socket_hook_is_a_warning() {
    let c = ok()
        .port(ContainerPort::new(80))
        .readiness_probe(Probe::tcp_socket(80))
        .pre_stop(Handler::tcp_socket(80));
    let (out, report) = run(&c);
    assert_clean(&report);
    assert!(warned(
        &report,
        "lifecycle.preStop.tcpSocket",
        "does not run"
    ));
    assert!(out
        .lifecycle
        .unwrap()
        .pre_stop
        .unwrap()
        .tcp_socket
        .is_some());
}

#[test]
fn rule_26_sleep_may_not_exceed_the_default_grace_period() {
    let (_, report) = run(&ok().pre_stop(Handler::sleep("31s")));
    let e = error_at(&report, "lifecycle.preStop.sleep");
    assert_eq!(e.rule, 26);
    assert!(e.message.contains("30s"), "{}", e.message);
    let (_, report) = run(&ok().pre_stop(Handler::sleep("30s")));
    assert_clean(&report);
}

#[test]
fn rule_26_sleep_may_not_exceed_the_pod_grace_period() {
    let pod = ContainerPod {
        grace: Some(10),
        ..POD
    };
    let (_, report) = run_checked(
        &ok().post_start(Handler::sleep(Duration::seconds(11))),
        &app(),
        pod,
    );
    assert!(has(&report, "lifecycle.postStart.sleep", 26));
    let (_, report) = run_checked(
        &ok().post_start(Handler::sleep(Duration::seconds(0))),
        &app(),
        pod,
    );
    assert_clean(&report);
}

#[test]
fn rule_27_thresholds_are_non_negative() {
    let c = ok().readiness_probe(
        Probe::exec(["true"])
            .failure_threshold(-1)
            .success_threshold(-2),
    );
    let (_, report) = run(&c);
    assert!(has(&report, "readinessProbe.failureThreshold", 27));
    assert!(has(&report, "readinessProbe.successThreshold", 27));
}

#[test]
fn rule_27_durations_beyond_i32_are_errors_not_panics() {
    let c = ok().readiness_probe(
        Probe::exec(["true"])
            .period(Duration::hours(u32::MAX))
            .initial_delay("bogus"),
    );
    let (out, report) = run(&c);
    assert!(has(&report, "readinessProbe.periodSeconds", 27));
    assert!(report
        .errors()
        .iter()
        .any(|e| e.path.as_str() == format!("{AT}.readinessProbe.initialDelaySeconds")));
    assert_eq!(out.readiness_probe.unwrap().period_seconds, None);
}

#[test]
fn rule_28_probe_grace_period_must_be_positive() {
    let c = ok().liveness_probe(Probe::exec(["true"]).termination_grace_period("0s"));
    let (_, report) = run(&c);
    assert!(has(
        &report,
        "livenessProbe.terminationGracePeriodSeconds",
        28
    ));
}

#[test]
fn rule_28_readiness_probe_may_not_set_a_grace_period() {
    let c = ok().readiness_probe(Probe::exec(["true"]).termination_grace_period("10s"));
    let (_, report) = run(&c);
    assert!(has(
        &report,
        "readinessProbe.terminationGracePeriodSeconds",
        28
    ));
}

#[test]
fn rule_29_liveness_success_threshold_must_be_1() {
    let c = ok()
        .liveness_probe(Probe::exec(["true"]).success_threshold(2))
        .startup_probe(Probe::exec(["true"]).success_threshold(3))
        .readiness_probe(Probe::exec(["true"]).success_threshold(2));
    let (_, report) = run(&c);
    assert!(has(&report, "livenessProbe.successThreshold", 29));
    assert!(has(&report, "startupProbe.successThreshold", 29));
    assert!(!has(&report, "readinessProbe.successThreshold", 29));
    assert_eq!(report.errors().len(), 2);
}

// ---- rules 30-35: env ---------------------------------------------------------------------

#[test]
fn rule_30_env_var_name() {
    let (_, report) = run(&ok().env("1X", "v").env("OK", "v"));
    assert!(has(&report, "env[0].name", 30));
    assert_eq!(report.errors().len(), 1);
}

#[test]
fn env_var_set_twice_is_a_warning() {
    let (_, report) = run(&ok().env("A", "1").env("A", "2"));
    assert_clean(&report);
    assert!(warned(&report, "env[1].name", "env[0]"));
}

#[test]
fn rule_32_field_path_must_be_supported() {
    let (_, report) = run(&ok().env_var(EnvVar::field("N", "metadata.nam")));
    assert!(has(&report, "env[0].valueFrom.fieldRef.fieldPath", 32));
}

#[test]
fn rule_33_resource_field_and_divisor() {
    let c = ok()
        .env_var(EnvVar::resource("A", "limits.gpu"))
        .env_var(EnvVar::resource("B", "limits.cpu").divisor("1Mi"));
    let (_, report) = run(&c);
    assert!(has(
        &report,
        "env[0].valueFrom.resourceFieldRef.resource",
        33
    ));
    assert!(has(
        &report,
        "env[1].valueFrom.resourceFieldRef.divisor",
        33
    ));
}

#[test]
fn rule_34_key_refs_need_valid_names_and_keys() {
    let c = ok()
        .env_var(EnvVar::config_map_key("A", "Bad_Name", "key"))
        .env_var(EnvVar::secret_key("B", "secret", "bad key!"));
    let (_, report) = run(&c);
    assert!(has(&report, "env[0].valueFrom.configMapKeyRef.name", 34));
    assert!(has(&report, "env[1].valueFrom.secretKeyRef.key", 34));
}

#[test]
fn rule_35_env_from_prefix_and_name() {
    let c = ok()
        .env_from(EnvFrom::config_map("settings").prefix("1_"))
        .env_from(EnvFrom::secret(""));
    let (_, report) = run(&c);
    assert!(has(&report, "envFrom[0].prefix", 35));
    assert!(has(&report, "envFrom[1].secretRef.name", 35));
}

#[test]
fn env_modifiers_that_do_not_apply_are_reported() {
    let c = ok()
        .env_var(EnvVar::value("A", "1").optional(true))
        .env_var(EnvVar::field("B", "metadata.name").divisor("1m"));
    let (_, report) = run(&c);
    assert!(has(&report, "env[0]", 0));
    assert!(has(&report, "env[1]", 0));
}

// ---- rule 37: mounts ----------------------------------------------------------------------

#[test]
fn rule_37_mount_must_name_a_declared_volume() {
    let (_, report) = run(&ok().mount("dat", "/data"));
    let e = error_at(&report, "volumeMounts[0].name");
    assert_eq!(e.rule, 37);
    assert!(e.message.contains("`data`, `logs`"), "{}", e.message);
    assert!(e.fix.contains("`data`"), "{}", e.fix);
}

#[test]
fn rule_37_mount_in_a_pod_without_volumes() {
    let (_, report) = run_in(&ok().mount("data", "/data"), &ctx(&[], ContainerKind::App));
    let e = error_at(&report, "volumeMounts[0].name");
    assert!(e.message.contains("declares no volumes"), "{}", e.message);
}

#[test]
fn rule_37_mount_path_is_required_and_unique() {
    let c = ok()
        .mount("data", "")
        .mount("data", "/x")
        .mount("logs", "/x");
    let (_, report) = run(&c);
    assert!(has(&report, "volumeMounts[0].mountPath", 37));
    assert!(has(&report, "volumeMounts[2].mountPath", 37));
    assert_eq!(report.errors().len(), 2);
}

#[test]
fn rule_37_sub_paths_are_exclusive_relative_and_without_backsteps() {
    let c = ok()
        .volume_mount(VolumeMount::new("data", "/a").sub_path("/abs"))
        .volume_mount(VolumeMount::new("data", "/b").sub_path("x/../y"))
        .volume_mount(
            VolumeMount::new("data", "/c")
                .sub_path("x")
                .sub_path_expr("$(POD)"),
        )
        .volume_mount(VolumeMount::new("data", "/d").sub_path("a..b/c"));
    let (_, report) = run(&c);
    assert!(has(&report, "volumeMounts[0].subPath", 37));
    assert!(has(&report, "volumeMounts[1].subPath", 37));
    assert!(has(&report, "volumeMounts[2].subPathExpr", 37));
    assert_eq!(report.errors().len(), 3);
}

#[test]
fn rule_37_bidirectional_propagation_needs_privileged() {
    let mount = VolumeMount::new("data", "/a").propagation(MountPropagation::Bidirectional);
    let (_, report) = run(&ok().volume_mount(mount.clone()));
    assert!(has(&report, "volumeMounts[0].mountPropagation", 37));
    let privileged = ok()
        .volume_mount(mount)
        .security_context(SecurityContext::new().privileged(true));
    let (out, report) = run(&privileged);
    assert_clean(&report);
    let m = out.volume_mounts.unwrap();
    assert_eq!(
        m.first().unwrap().mount_propagation.as_deref(),
        Some("Bidirectional")
    );
}

// ---- rule 47: security context ------------------------------------------------------------

#[test]
fn rule_47_no_escalation_conflicts_with_privileged_and_sys_admin() {
    let sc = SecurityContext::new()
        .allow_privilege_escalation(false)
        .privileged(true)
        .add_capability("CAP_SYS_ADMIN");
    let (_, report) = run(&ok().security_context(sc));
    let at = format!("{AT}.securityContext");
    let n = report
        .errors()
        .iter()
        .filter(|e| e.path.as_str() == at && e.rule == 47)
        .count();
    assert_eq!(n, 2);
}

#[test]
fn rule_47_user_and_group_ids_are_valid() {
    let sc = SecurityContext::new()
        .run_as_user(-1)
        .run_as_group(i64::from(i32::MAX) + 1);
    let (_, report) = run(&ok().security_context(sc));
    assert!(has(&report, "securityContext.runAsUser", 47));
    assert!(has(&report, "securityContext.runAsGroup", 47));
}

#[test]
fn rule_47_localhost_seccomp_needs_a_profile() {
    let (_, report) = run(&ok().security_context(SecurityContext::new().seccomp_localhost("")));
    assert!(has(
        &report,
        "securityContext.seccompProfile.localhostProfile",
        47
    ));
    let sc = SecurityContext::new().seccomp_profile(SeccompProfileType::Unconfined);
    let (_, report) = run(&ok().security_context(sc));
    assert_clean(&report);
}

// ---- rule 48: resources -------------------------------------------------------------------

#[test]
fn rule_48_quantities_must_parse() {
    let (_, report) = run(&ok().request("cpu", "1.5GB"));
    assert!(report
        .errors()
        .iter()
        .any(|e| e.path.as_str() == format!("{AT}.resources.requests[cpu]")));
}

#[test]
fn rule_48_quantities_are_non_negative() {
    let (_, report) = run(&ok().limit("memory", "-1Mi"));
    assert!(has(&report, "resources.limits[memory]", 48));
}

#[test]
fn rule_48_resource_names_are_valid() {
    let (_, report) = run(&ok().request("gpu", "1"));
    assert!(has(&report, "resources.requests[gpu]", 48));
}

#[test]
fn rule_48_request_may_not_exceed_limit() {
    let (_, report) = run(&ok().cpu("2", "1500m").memory("1Gi", "1024Mi"));
    assert!(has(&report, "resources.requests[cpu]", 48));
    assert!(!has(&report, "resources.requests[memory]", 48));
    assert_eq!(report.errors().len(), 1);
}

#[test]
fn rule_48_huge_pages_and_extended_resources_need_equal_limits() {
    let c = ok()
        .memory("1Gi", "1Gi")
        .request("hugepages-2Mi", "100Mi")
        .limit("hugepages-2Mi", "200Mi")
        .request("example.com/gpu", "1");
    let (_, report) = run(&c);
    assert!(has(&report, "resources.requests[hugepages-2Mi]", 48));
    assert!(has(&report, "resources.limits[example.com/gpu]", 48));
    assert_eq!(report.errors().len(), 2);
}

#[test]
fn rule_48_huge_pages_need_cpu_or_memory() {
    let c = ok()
        .request("hugepages-2Mi", "2Mi")
        .limit("hugepages-2Mi", "2Mi");
    let (_, report) = run(&c);
    assert!(has(&report, "resources", 48));
}

// ---- warnings -----------------------------------------------------------------------------

#[test]
fn served_port_without_readiness_probe_is_a_warning() {
    let (_, report) = run(&ok().port(ContainerPort::new(8080)));
    assert_clean(&report);
    assert!(warned(&report, "readinessProbe", "8080"));
    let (_, report) = run_in(
        &ok().port(ContainerPort::new(8080)),
        &ctx(&[], ContainerKind::Init),
    );
    assert!(report.warnings().is_empty());
}

// ---- all at once --------------------------------------------------------------------------

#[test]
fn every_mistake_of_one_container_is_reported_at_once() {
    let c = Container::new("app")
        .image("example/app:1.0")
        .port(ContainerPort::new(0))
        .port(ContainerPort::new(70000))
        .readiness_probe(Probe::http_get("/ready", 8080).with_exec(["true"]))
        .liveness_probe(Probe::exec(["true"]).success_threshold(2))
        .env("1X", "v")
        .request("cpu", "1.5GB")
        .mount("cache", "/cache");
    let (_, report) = run(&c);
    let at = |field: &str| format!("{AT}.{field}");
    let found: Vec<(&str, u16)> = report
        .errors()
        .iter()
        .map(|e| (e.path.as_str(), e.rule))
        .collect();
    for (field, rule) in [
        ("ports[0].containerPort", 20),
        ("ports[1].containerPort", 20),
        ("readinessProbe.httpGet", 24),
        ("livenessProbe.successThreshold", 29),
        ("env[0].name", 30),
        ("volumeMounts[0].name", 37),
    ] {
        assert!(has(&report, field, rule), "{field} rule {rule}: {found:#?}");
    }
    assert!(found
        .iter()
        .any(|(p, _)| *p == at("resources.requests[cpu]")));
    assert_eq!(report.errors().len(), 7, "{found:#?}");
}
