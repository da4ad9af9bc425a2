//! Tests of the pod-level rules, the container roles and shared volumes. Every test of an API
//! rule names the rule and asserts the path and rule number of each error.

use k8s_openapi::api::core::v1 as k8s;

use super::*;
use crate::rules::duration::Duration;
use crate::rules::enums::{DnsPolicy, RestartPolicy, SeccompProfileType, TaintEffect};
use crate::validate::{Errors, FieldPath, Report, Warning};

fn app(name: &str) -> Container {
    Container::new(name).image("example/app:1.0")
}

fn pod() -> Pod {
    Pod::new("web").container(app("app"))
}

fn errors(pod: Pod) -> Errors {
    match pod.build() {
        Ok(built) => panic!("expected errors, built {built:#?}"),
        Err(errors) => errors,
    }
}

fn built(pod: Pod) -> (k8s::Pod, Vec<Warning>) {
    match pod.build_with_warnings() {
        Ok(done) => done,
        Err(errors) => panic!("{errors}"),
    }
}

fn spec(pod: Pod) -> k8s::PodSpec {
    built(pod).0.spec.unwrap_or_default()
}

#[track_caller]
fn assert_has(errors: &Errors, path: &str, rule: u16) {
    assert!(
        errors.has(path, rule),
        "no rule {rule} error at {path}:\n{errors}"
    );
}

fn warned(warnings: &[Warning], path: &str, words: &str) -> bool {
    warnings
        .iter()
        .any(|w| w.path.as_str() == path && w.message.contains(words))
}

// ---- names and metadata --------------------------------------------------------------------

#[test]
fn rule_1_pod_name_is_a_dns_subdomain() {
    let e = errors(Pod::new("Bad_Name").container(app("app")));
    assert_has(&e, "metadata.name", 1);
    assert_eq!(e.len(), 1, "{e}");
    assert!(Pod::new("web.example-1")
        .container(app("app"))
        .build()
        .is_ok());
}

#[test]
fn rule_1_a_pod_object_needs_a_name() {
    let e = errors(Pod::template().container(app("app")));
    assert_has(&e, "metadata.name", 1);
}

#[test]
fn rule_7_volume_name_is_a_dns_label() {
    let e = errors(pod().volume(Volume::empty_dir("Scratch_Space")));
    assert_has(&e, "spec.volumes[0].name", 7);
}

#[test]
fn rule_7_volume_names_are_unique() {
    let e = errors(
        pod()
            .volume(Volume::empty_dir("data"))
            .volume(Volume::config_map("data", "settings")),
    );
    assert_has(&e, "spec.volumes[1].name", 7);
    assert_eq!(e.len(), 1, "{e}");
}

#[test]
fn rule_8_labels_and_rule_9_annotations() {
    let e = errors(
        pod()
            .label("app", "web")
            .label("bad key", "x")
            .label("tier", "-front")
            .annotation("example.com/ok", "anything at all")
            .annotation("bad key", "x"),
    );
    // Reported at the map, as the API server does; each message names its key.
    assert_has(&e, "metadata.labels", 8);
    assert_has(&e, "metadata.annotations", 9);
    assert_eq!(e.len(), 3, "{e}");
    assert!(
        e.iter()
            .any(|e| e.message.contains("`bad key`") && e.rule == 8),
        "{e}"
    );
    assert!(
        e.iter()
            .any(|e| e.message.contains("`tier`") && e.rule == 8),
        "{e}"
    );
}

#[test]
fn rule_10_hostname_and_subdomain_are_dns_labels() {
    let e = errors(pod().hostname("web.1").subdomain("Front"));
    assert_has(&e, "spec.hostname", 10);
    assert_has(&e, "spec.subdomain", 10);
    let s = spec(pod().hostname("web-1").subdomain("front"));
    assert_eq!(s.hostname.as_deref(), Some("web-1"));
    assert_eq!(s.subdomain.as_deref(), Some("front"));
}

#[test]
fn rule_11_referenced_object_names() {
    let e = errors(
        pod()
            .service_account_name("Robot")
            .priority_class_name("high_priority")
            .runtime_class_name("gVisor")
            .scheduler_name("my scheduler"),
    );
    assert_has(&e, "spec.serviceAccountName", 11);
    assert_has(&e, "spec.priorityClassName", 11);
    assert_has(&e, "spec.runtimeClassName", 11);
    assert_has(&e, "spec.schedulerName", 11);
    let s = spec(
        pod()
            .priority_class_name("high-priority")
            .service_account_name("robot"),
    );
    assert_eq!(s.priority_class_name.as_deref(), Some("high-priority"));
}

// ---- containers and roles ------------------------------------------------------------------

#[test]
fn rule_12_a_pod_needs_a_container() {
    let e = errors(Pod::new("empty"));
    assert_has(&e, "spec.containers", 12);
}

#[test]
fn rule_12_sidecars_only_pod_still_needs_an_app_container() {
    let e = errors(
        Pod::new("helpers")
            .sidecar(app("shipper"))
            .init_container(app("setup")),
    );
    assert_has(&e, "spec.containers", 12);
    let message = &e.errors[0].message;
    assert!(message.contains("native sidecars"), "{message}");
}

#[test]
fn rule_13_container_names_unique_across_init_and_app() {
    let e = errors(
        Pod::new("web")
            .init_container(app("app"))
            .container(app("app")),
    );
    // The API server reports a clash with an app container at the init container.
    assert_has(&e, "spec.initContainers[0].name", 13);
    assert_eq!(e.len(), 1, "{e}");
}

#[test]
fn rule_13_container_names_unique_among_app_and_among_init_containers() {
    let e = errors(
        Pod::new("web")
            .container(app("app"))
            .classic_sidecar(app("app"))
            .sidecar(app("helper"))
            .init_container(app("helper")),
    );
    assert_has(&e, "spec.containers[1].name", 13);
    assert_has(&e, "spec.initContainers[1].name", 13);
    assert_eq!(e.len(), 2, "{e}");
}

#[test]
fn rule_16_native_sidecar_has_restart_policy_always_and_plain_init_none() {
    let s = spec(
        Pod::new("web")
            .init_container(app("setup"))
            .sidecar(app("shipper"))
            .ambassador(app("proxy").port(ContainerPort::tcp(5432)))
            .adapter(app("exporter").port(ContainerPort::tcp(9113).name("metrics")))
            .container(app("app")),
    );
    let init = s.init_containers.unwrap_or_default();
    let policies: Vec<(&str, Option<&str>)> = init
        .iter()
        .map(|c| (c.name.as_str(), c.restart_policy.as_deref()))
        .collect();
    assert_eq!(
        policies,
        [
            ("setup", None),
            ("shipper", Some("Always")),
            ("proxy", Some("Always")),
            ("exporter", Some("Always")),
        ]
    );
    assert_eq!(s.containers.len(), 1);
    assert_eq!(s.containers[0].restart_policy, None);
}

#[test]
fn classic_roles_land_in_containers() {
    let s = spec(
        Pod::new("web")
            .container(app("app"))
            .classic_sidecar(app("shipper"))
            .classic_ambassador(app("proxy").port(ContainerPort::tcp(5432)))
            .classic_adapter(app("exporter").port(ContainerPort::tcp(9113))),
    );
    let names: Vec<&str> = s.containers.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(names, ["app", "shipper", "proxy", "exporter"]);
    assert!(s.containers.iter().all(|c| c.restart_policy.is_none()));
    assert!(s.init_containers.is_none());
}

#[test]
fn init_containers_and_native_sidecars_keep_declaration_order() {
    let s = spec(
        Pod::new("web")
            .sidecar(app("mesh"))
            .init_container(app("migrate"))
            .container(app("app"))
            .sidecar(app("shipper")),
    );
    let names: Vec<String> = s
        .init_containers
        .unwrap_or_default()
        .into_iter()
        .map(|c| c.name)
        .collect();
    assert_eq!(names, ["mesh", "migrate", "shipper"]);
}

#[test]
fn rule_17_probe_on_plain_init_container_is_an_error() {
    let probe = || Probe::exec(["cat", "/tmp/ready"]);
    let e = errors(
        Pod::new("web")
            .init_container(app("setup").readiness_probe(probe()))
            .container(app("app")),
    );
    assert_has(&e, "spec.initContainers[0].readinessProbe", 17);
}

#[test]
fn rule_17_probe_on_native_sidecar_is_allowed() {
    let s = spec(
        Pod::new("web")
            .sidecar(
                app("proxy")
                    .port(ContainerPort::tcp(15000))
                    .readiness_probe(Probe::tcp_socket(15000)),
            )
            .container(app("app")),
    );
    let init = s.init_containers.unwrap_or_default();
    assert!(init[0].readiness_probe.is_some());
}

#[test]
fn rule_19_host_port_conflicts_across_app_containers() {
    let e = errors(
        Pod::new("web")
            .container(app("a").port(ContainerPort::tcp(80).host_port(8080)))
            .container(app("b").port(ContainerPort::tcp(81).host_port(8080))),
    );
    assert_has(&e, "spec.containers[1].ports[0].hostPort", 19);
    // Different protocols do not clash.
    assert!(Pod::new("web")
        .container(app("a").port(ContainerPort::tcp(53).host_port(53)))
        .container(app("b").port(ContainerPort::udp(53).host_port(53)))
        .build()
        .is_ok());
}

#[test]
fn rule_19_init_containers_are_checked_one_by_one() {
    // Init containers run one at a time: the same host port in two of them is fine...
    let ok = Pod::new("web")
        .init_container(app("a").port(ContainerPort::tcp(80).host_port(8080)))
        .init_container(app("b").port(ContainerPort::tcp(80).host_port(8080)))
        .container(app("app").port(ContainerPort::tcp(80).host_port(8080)));
    assert!(ok.build().is_ok());
    // ...but not twice within one.
    let e = errors(
        Pod::new("web")
            .init_container(
                app("a")
                    .port(ContainerPort::tcp(80).host_port(8080))
                    .port(ContainerPort::tcp(81).host_port(8080)),
            )
            .container(app("app")),
    );
    assert_has(&e, "spec.initContainers[0].ports[1].hostPort", 19);
}

// ---- volumes -------------------------------------------------------------------------------

#[test]
fn rule_36_raw_volume_needs_exactly_one_source() {
    let none = k8s::Volume {
        name: "nothing".to_owned(),
        ..k8s::Volume::default()
    };
    let two = k8s::Volume {
        name: "both".to_owned(),
        empty_dir: Some(k8s::EmptyDirVolumeSource::default()),
        host_path: Some(k8s::HostPathVolumeSource {
            path: "/data".to_owned(),
            ..Default::default()
        }),
        ..k8s::Volume::default()
    };
    let e = errors(
        pod()
            .volume(Volume::from_k8s(none.clone()))
            .volume(Volume::from_k8s(two)),
    );
    assert_has(&e, "spec.volumes[1].hostPath", 36);
    // No source: the API server defaults it to `emptyDir`, so that is a warning.
    assert!(e
        .warnings
        .iter()
        .any(|w| w.path.as_str() == "spec.volumes[0]"));
    assert!(!e.has("spec.volumes[0]", 36));
    let (_, warnings) = built(pod().volume(Volume::from_k8s(none)));
    assert!(warned(&warnings, "spec.volumes[0]", "emptyDir"));
    let nfs = k8s::Volume {
        name: "shared".to_owned(),
        nfs: Some(k8s::NFSVolumeSource {
            server: "nfs.example.com".to_owned(),
            path: "/exports".to_owned(),
            ..Default::default()
        }),
        ..k8s::Volume::default()
    };
    assert!(pod().volume(Volume::from_k8s(nfs)).build().is_ok());
}

#[test]
fn rule_36_volume_source_contents() {
    let e = errors(
        pod()
            .volume(
                Volume::config_map("config", "settings")
                    .item("app.yaml", "../app.yaml")
                    .default_mode(0o1777),
            )
            .volume(Volume::secret("tls", "web-tls").item("tls.crt", "/etc/tls.crt"))
            .volume(Volume::host_path("sock", "/run/docker.sock").kind("socket"))
            .volume(Volume::projected("token").service_account_token(
                ServiceAccountToken::new("token").expiration(Duration::seconds(60)),
            ))
            .service_account_name("robot"),
    );
    assert_has(&e, "spec.volumes[0].configMap.items[0].path", 36);
    assert_has(&e, "spec.volumes[0].configMap.defaultMode", 36);
    assert_has(&e, "spec.volumes[1].secret.items[0].path", 36);
    assert_has(&e, "spec.volumes[2].hostPath.type", 36);
    assert_has(
        &e,
        "spec.volumes[3].projected.sources[0].serviceAccountToken.expirationSeconds",
        36,
    );
    assert_eq!(e.len(), 5, "{e}");
}

#[test]
fn rule_34_config_map_volume_key_and_name() {
    let e =
        errors(pod().volume(Volume::config_map("config", "Settings").item("bad key!", "app.yaml")));
    assert_has(&e, "spec.volumes[0].configMap.name", 34);
    assert_has(&e, "spec.volumes[0].configMap.items[0].key", 34);
}

#[test]
fn rule_32_downward_api_volume_fields_and_containers() {
    let e = errors(
        Pod::new("web")
            .volume(
                Volume::downward_api("podinfo")
                    .field_item("labels", "metadata.labels")
                    .field_item("node", "spec.nodeName")
                    .resource_item("mem", "ap", "limits.memory"),
            )
            .container(app("app")),
    );
    assert_has(
        &e,
        "spec.volumes[0].downwardAPI.items[1].fieldRef.fieldPath",
        32,
    );
    assert_has(
        &e,
        "spec.volumes[0].downwardAPI.items[2].resourceFieldRef.containerName",
        0,
    );
    assert_eq!(e.len(), 2, "{e}");
    let fix = &e.errors[1].fix;
    assert!(fix.contains("`app`"), "{fix}");
}

#[test]
fn downward_api_volume_of_workload_8() {
    let podinfo = Volume::downward_api("podinfo")
        .field_item("labels", "metadata.labels")
        .field_item("annotations", "metadata.annotations");
    let s = spec(
        Pod::new("kubernetes-downwardapi-volume-example")
            .labels([
                ("zone", "us-est-coast"),
                ("cluster", "test-cluster1"),
                ("rack", "rack-22"),
            ])
            .annotations([("build", "two"), ("builder", "john-doe")])
            .volume(&podinfo)
            .container(
                Container::new("client-container")
                    .image("registry.k8s.io/busybox:1.36")
                    .mount(&podinfo, "/etc/podinfo"),
            ),
    );
    let volumes = s.volumes.unwrap_or_default();
    let items = volumes[0]
        .downward_api
        .as_ref()
        .and_then(|d| d.items.clone())
        .unwrap_or_default();
    assert_eq!(items.len(), 2);
    assert_eq!(
        items[1].field_ref.as_ref().map(|f| f.field_path.as_str()),
        Some("metadata.annotations")
    );
}

#[test]
fn rule_37_mount_of_undeclared_volume_is_reported_by_build() {
    let e = errors(
        Pod::new("web")
            .volume(Volume::empty_dir("logs"))
            .container(app("app").mount("log", "/logs")),
    );
    assert_has(&e, "spec.containers[0].volumeMounts[0].name", 37);
}

#[test]
fn volumes_emit_only_what_was_set() {
    let s = spec(
        pod()
            .volume(
                Volume::empty_dir("cache")
                    .medium(crate::rules::enums::StorageMedium::Memory)
                    .size_limit("64Mi"),
            )
            .volume(Volume::persistent_volume_claim("data", "web-data").read_only())
            .volume(Volume::secret("tls", "web-tls").optional()),
    );
    let v = s.volumes.unwrap_or_default();
    let empty = v[0].empty_dir.clone().unwrap_or_default();
    assert_eq!(empty.medium.as_deref(), Some("Memory"));
    assert_eq!(empty.size_limit.map(|q| q.0), Some("64Mi".to_owned()));
    let claim = v[1].persistent_volume_claim.clone().unwrap_or_default();
    assert_eq!(
        (claim.claim_name.as_str(), claim.read_only),
        ("web-data", Some(true))
    );
    let secret = v[2].secret.clone().unwrap_or_default();
    assert_eq!(secret.secret_name.as_deref(), Some("web-tls"));
    assert_eq!(
        (secret.optional, secret.items, secret.default_mode),
        (Some(true), None, None)
    );
}

#[test]
fn empty_dir_size_limit_is_parsed() {
    let e = errors(pod().volume(Volume::empty_dir("cache").size_limit("lots")));
    assert!(
        e.iter()
            .any(|err| err.path.as_str() == "spec.volumes[0].emptyDir.sizeLimit"),
        "{e}"
    );
}

// ---- pod spec ------------------------------------------------------------------------------

#[test]
fn rule_40_termination_grace_period_is_checked_and_emitted() {
    let s = spec(pod().termination_grace_period("1m"));
    assert_eq!(s.termination_grace_period_seconds, Some(60));
    let e = errors(pod().termination_grace_period("soon"));
    assert!(
        e.iter()
            .any(|err| err.path.as_str() == "spec.terminationGracePeriodSeconds"),
        "{e}"
    );
}

#[test]
fn rule_26_sleep_hooks_see_the_pod_grace_period() {
    // The container side checks the bound; the pod passes its grace period down.
    let e = errors(
        Pod::new("web")
            .termination_grace_period(Duration::seconds(10))
            .container(app("app").pre_stop(Handler::sleep(Duration::seconds(20)))),
    );
    assert_has(&e, "spec.containers[0].lifecycle.preStop.sleep", 26);
}

#[test]
fn rule_41_restart_and_dns_policy_are_emitted() {
    let s = spec(
        pod()
            .restart_policy(RestartPolicy::OnFailure)
            .dns_policy(DnsPolicy::ClusterFirstWithHostNet)
            .host_network(true),
    );
    assert_eq!(s.restart_policy.as_deref(), Some("OnFailure"));
    assert_eq!(s.dns_policy.as_deref(), Some("ClusterFirstWithHostNet"));
    assert_eq!(s.host_network, Some(true));
}

#[test]
fn rule_41_dns_policy_none_needs_a_nameserver() {
    let e = errors(pod().dns_policy(DnsPolicy::None));
    assert_has(&e, "spec.dnsConfig", 41);
    let e = errors(
        pod()
            .dns_policy(DnsPolicy::None)
            .dns_config(DnsConfig::new().search("svc.local")),
    );
    assert_has(&e, "spec.dnsConfig.nameservers", 41);
    let s = spec(
        pod()
            .dns_policy(DnsPolicy::None)
            .dns_config(DnsConfig::new().nameserver("1.1.1.1").flag("edns0")),
    );
    let config = s.dns_config.unwrap_or_default();
    assert_eq!(config.nameservers, Some(vec!["1.1.1.1".to_owned()]));
    assert_eq!(config.options.unwrap_or_default()[0].value, None);
}

#[test]
fn rule_41_dns_config_limits() {
    let config = DnsConfig::new()
        .nameserver("10.0.0.1")
        .nameserver("10.0.0.2")
        .nameserver("dns.example.com")
        .nameserver("10.0.0.4")
        .search("Bad_Domain")
        .search("cluster.local.")
        .option("", "1");
    let e = errors(pod().dns_config(config));
    assert_has(&e, "spec.dnsConfig.nameservers", 41);
    assert_has(&e, "spec.dnsConfig.nameservers[2]", 41);
    assert_has(&e, "spec.dnsConfig.searches[0]", 41);
    assert_has(&e, "spec.dnsConfig.options[0].name", 41);
    assert_eq!(e.len(), 4, "{e}");
}

#[test]
fn rule_42_active_deadline_is_1_to_max_int32() {
    let e = errors(pod().active_deadline(Duration::seconds(0)));
    assert_has(&e, "spec.activeDeadlineSeconds", 42);
    let e = errors(pod().active_deadline(Duration::hours(u32::MAX)));
    assert_has(&e, "spec.activeDeadlineSeconds", 42);
    assert_eq!(
        spec(pod().active_deadline("1h")).active_deadline_seconds,
        Some(3600)
    );
}

#[test]
fn rule_43_node_selector_follows_label_syntax() {
    let e = errors(
        pod()
            .node_selector("disk type", "ssd")
            .node_selector("zone", "eu west"),
    );
    assert_has(&e, "spec.nodeSelector[disk type]", 43);
    assert_has(&e, "spec.nodeSelector[zone]", 43);
    let s = spec(pod().node_selector("kubernetes.io/os", "linux"));
    assert_eq!(s.node_selector.map(|m| m.len()), Some(1));
}

#[test]
fn rule_43_tolerations() {
    let e = errors(
        pod()
            .toleration(Toleration::equal("", "x"))
            .toleration(Toleration::exists("node.kubernetes.io/unreachable").for_duration("5m"))
            .toleration(Toleration::equal("dedicated", "not a value"))
            .toleration(Toleration::exists("bad key!")),
    );
    assert_has(&e, "spec.tolerations[0].operator", 43);
    assert_has(&e, "spec.tolerations[1].effect", 43);
    assert_has(&e, "spec.tolerations[2].value", 43);
    assert_has(&e, "spec.tolerations[3].key", 43);
    assert_eq!(e.len(), 4, "{e}");
    let s = spec(
        pod().toleration(Toleration::everything()).toleration(
            Toleration::exists("node.kubernetes.io/unreachable")
                .effect(TaintEffect::NoExecute)
                .for_duration("5m"),
        ),
    );
    let t = s.tolerations.unwrap_or_default();
    assert_eq!(
        (
            t[0].key.as_deref(),
            t[0].operator.as_deref(),
            t[0].value.as_deref()
        ),
        (None, Some("Exists"), None)
    );
    assert_eq!(t[1].toleration_seconds, Some(300));
}

#[test]
fn rule_43_affinity_terms() {
    let affinity = Affinity::new()
        .require_node(NodeTerm::new().matching(Requirement::is_in("zone", Vec::<String>::new())))
        .prefer_node(
            0,
            NodeTerm::new().matching(Requirement::greater_than("cpus", 4)),
        )
        .require_pod(PodTerm::new("").label("app", "db"))
        .prefer_avoid_pod(
            101,
            PodTerm::new("kubernetes.io/hostname").matching(Requirement::less_than("n", 3)),
        );
    let e = errors(pod().affinity(affinity));
    let node = "spec.affinity.nodeAffinity";
    assert_has(
        &e,
        &format!("{node}.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0].matchExpressions[0].values"),
        43,
    );
    assert_has(
        &e,
        &format!("{node}.preferredDuringSchedulingIgnoredDuringExecution[0].weight"),
        43,
    );
    assert_has(
        &e,
        "spec.affinity.podAffinity.requiredDuringSchedulingIgnoredDuringExecution[0].topologyKey",
        43,
    );
    let anti = "spec.affinity.podAntiAffinity.preferredDuringSchedulingIgnoredDuringExecution[0]";
    assert_has(&e, &format!("{anti}.weight"), 43);
    assert_has(
        &e,
        &format!("{anti}.podAffinityTerm.labelSelector.matchExpressions[0].operator"),
        43,
    );
    assert_eq!(e.len(), 5, "{e}");
}

#[test]
fn affinity_output() {
    let affinity = Affinity::new()
        .require_node(NodeTerm::new().matching(Requirement::is_in("kubernetes.io/arch", ["amd64"])))
        .avoid_pod(PodTerm::new("kubernetes.io/hostname").label("app", "web"));
    let a = spec(pod().affinity(affinity)).affinity.unwrap_or_default();
    let node = a
        .node_affinity
        .and_then(|n| n.required_during_scheduling_ignored_during_execution)
        .unwrap_or_default();
    let expr = node.node_selector_terms[0]
        .match_expressions
        .clone()
        .unwrap_or_default();
    assert_eq!(
        (expr[0].operator.as_str(), expr[0].values.clone()),
        ("In", Some(vec!["amd64".to_owned()]))
    );
    assert!(a.pod_affinity.is_none());
    let anti = a
        .pod_anti_affinity
        .and_then(|p| p.required_during_scheduling_ignored_during_execution)
        .unwrap_or_default();
    assert_eq!(anti[0].topology_key, "kubernetes.io/hostname");
}

#[test]
fn rule_44_image_pull_secret_names() {
    // The API server does not check the name: a warning, at the same path.
    let (_, warnings) = built(pod().image_pull_secret("Registry_Creds"));
    assert!(warned(
        &warnings,
        "spec.imagePullSecrets[0].name",
        "no such Secret"
    ));
    let s = spec(pod().image_pull_secret("registry-creds"));
    assert_eq!(
        s.image_pull_secrets.unwrap_or_default()[0].name,
        "registry-creds"
    );
}

#[test]
fn rule_45_projected_token_without_service_account_name_is_a_warning() {
    let token = || {
        Volume::projected("token")
            .service_account_token(ServiceAccountToken::new("token").audience("vault"))
    };
    // The cluster's ServiceAccount admission sets `default` before validation: the API server
    // accepts the pod, so this is a warning at the token's path.
    let (_, warnings) = built(pod().volume(token()));
    assert!(
        warnings.iter().any(|w| w.path.as_str()
            == "spec.volumes[0].projected.sources[0].serviceAccountToken"
            && w.message.contains("rule 45")),
        "{warnings:?}"
    );
    let (_, warnings) = built(pod().volume(token()).service_account_name("robot"));
    assert!(
        !warnings.iter().any(|w| w.message.contains("rule 45")),
        "{warnings:?}"
    );
    // Pods only: a template may get its service account elsewhere.
    let mut report = Report::new();
    Pod::template()
        .volume(token())
        .container(app("app"))
        .to_template(&FieldPath::parse("spec.template").at(), &mut report);
    assert!(report.errors().is_empty(), "{:?}", report.errors());
}

#[test]
fn rule_47_pod_security_context_ids_and_seccomp() {
    let context = PodSecurityContext::new()
        .run_as_user(-1)
        .fs_group(1 << 40)
        .supplemental_group(-5)
        .seccomp_profile(SeccompProfileType::Localhost);
    let e = errors(pod().security_context(context));
    assert_has(&e, "spec.securityContext.runAsUser", 47);
    assert_has(&e, "spec.securityContext.fsGroup", 47);
    assert_has(&e, "spec.securityContext.supplementalGroups[0]", 47);
    assert_has(
        &e,
        "spec.securityContext.seccompProfile.localhostProfile",
        47,
    );
    let s = spec(
        pod().security_context(
            PodSecurityContext::new()
                .run_as_non_root(true)
                .seccomp_localhost("profiles/app.json"),
        ),
    );
    let sc = s.security_context.unwrap_or_default();
    let seccomp = sc.seccomp_profile.unwrap_or_default();
    assert_eq!(
        (seccomp.type_.as_str(), seccomp.localhost_profile.as_deref()),
        ("Localhost", Some("profiles/app.json"))
    );
    assert_eq!(sc.run_as_non_root, Some(true));
}

#[test]
fn many_mistakes_are_reported_at_once() {
    let e = errors(
        Pod::new("Bad_Name")
            .volume(Volume::empty_dir("data"))
            .init_container(app("web"))
            .container(
                Container::new("web")
                    .image("nginx:1.27")
                    .mount("dta", "/data"),
            )
            .container(Container::new("").image("busybox:1.36")),
    );
    assert_has(&e, "metadata.name", 1);
    assert_has(&e, "spec.initContainers[0].name", 13);
    assert_has(&e, "spec.containers[0].volumeMounts[0].name", 37);
    assert_has(&e, "spec.containers[1].name", 6);
    assert!(e.len() >= 4, "{e}");
    let e = errors(Pod::new(""));
    assert_has(&e, "metadata.name", 1);
    assert_has(&e, "spec.containers", 12);
}

// ---- role warnings -------------------------------------------------------------------------

#[test]
fn ambassador_without_port_warns() {
    let (_, w) = built(
        Pod::new("web")
            .ambassador(app("proxy"))
            .container(app("app")),
    );
    assert!(
        warned(
            &w,
            "spec.initContainers[0].ports",
            "cannot reach it on localhost"
        ),
        "{w:?}"
    );
    let (_, w) = built(
        Pod::new("web")
            .ambassador(app("proxy").port(ContainerPort::tcp(5432)))
            .container(app("app")),
    );
    assert!(w.is_empty(), "{w:?}");
}

#[test]
fn adapter_without_port_warns() {
    let (_, w) = built(
        Pod::new("web")
            .container(app("app"))
            .classic_adapter(app("exporter")),
    );
    assert!(
        warned(&w, "spec.containers[1].ports", "exposes no port"),
        "{w:?}"
    );
    let (_, w) = built(
        Pod::new("web")
            .container(app("app"))
            .adapter(app("exporter").port(ContainerPort::tcp(9113).name("metrics"))),
    );
    assert!(w.is_empty(), "{w:?}");
}

#[test]
fn sidecar_sharing_nothing_with_the_app_warns() {
    let logs = Volume::empty_dir("logs");
    let other = Volume::empty_dir("other");
    let (_, w) = built(
        Pod::new("web")
            .volume(&logs)
            .volume(&other)
            .sidecar(app("shipper").mount_read_only(&other, "/logs"))
            .container(app("app").mount(&logs, "/var/log")),
    );
    assert!(
        warned(&w, "spec.initContainers[0]", "shares nothing with the app"),
        "{w:?}"
    );
    let (_, w) = built(
        Pod::new("web")
            .volume(&logs)
            .sidecar(app("shipper").mount_read_only(&logs, "/logs"))
            .container(app("app").mount(&logs, "/var/log")),
    );
    assert!(w.is_empty(), "{w:?}");
    // A port is a way to work with the app too.
    let (_, w) = built(
        Pod::new("web")
            .classic_sidecar(app("proxy").port(ContainerPort::tcp(15001)))
            .container(app("app")),
    );
    assert!(
        !w.iter().any(|w| w.message.contains("shares nothing")),
        "{w:?}"
    );
}

#[test]
fn role_annotation_only_when_asked() {
    let pod = || {
        Pod::new("web")
            .init_container(app("setup"))
            .adapter(app("exporter").port(ContainerPort::tcp(9113).name("metrics")))
            .container(app("app"))
    };
    let (plain, _) = built(pod());
    assert_eq!(plain.metadata.annotations, None);
    let (marked, _) = built(pod().role_annotations());
    let annotations = marked.metadata.annotations.unwrap_or_default();
    assert_eq!(
        annotations.get(ROLES_ANNOTATION).map(String::as_str),
        Some("init=setup,adapter=exporter")
    );
}

#[test]
fn roles_are_listed_in_output_order() {
    let pod = Pod::new("web")
        .container(app("app"))
        .classic_sidecar(app("shipper"))
        .ambassador(app("proxy"));
    let roles: Vec<(Role, &str)> = pod.roles().map(|(r, c)| (r, c.name())).collect();
    assert_eq!(
        roles,
        [
            (Role::Ambassador, "proxy"),
            (Role::App, "app"),
            (Role::ClassicSidecar, "shipper")
        ]
    );
    assert_eq!(pod.containers().count(), 3);
}

// ---- templates and references --------------------------------------------------------------

#[test]
fn template_paths_and_restart_policy() {
    let mut template = Pod::template()
        .label("app", "web")
        .container(app("app").mount("missing", "/data"));
    template.set_restart_policy(RestartPolicy::Never);
    assert_eq!(template.restart_policy_value(), Some(RestartPolicy::Never));
    assert_eq!(
        template.labels_map().get("app").map(String::as_str),
        Some("web")
    );
    let mut report = Report::new();
    let out = template.to_template(&FieldPath::parse("spec.template").at(), &mut report);
    assert!(report.errors().iter().any(|e| e.path.as_str()
        == "spec.template.spec.containers[0].volumeMounts[0].name"
        && e.rule == 37));
    let metadata = out.metadata.unwrap_or_default();
    assert_eq!(metadata.name, None);
    assert_eq!(
        out.spec.and_then(|s| s.restart_policy).as_deref(),
        Some("Never")
    );
}

#[test]
fn references_are_collected_from_the_spec() {
    let pod = Pod::new("app")
        .priority_class_name("high-priority")
        .service_account_name("robot")
        .image_pull_secret("registry")
        .volume(Volume::config_map("config", "app-config"))
        .volume(Volume::secret("tls", "app-tls").optional())
        .volume(Volume::persistent_volume_claim("data", "app-data"))
        .volume(
            Volume::projected("bundle")
                .config_map("extra-config")
                .secret("extra-secret"),
        )
        .container(
            app("app")
                .env_var(EnvVar::config_map_key(
                    "PATTERN",
                    "random-generator-config",
                    "pattern",
                ))
                .env_var(EnvVar::secret_key(
                    "SEED",
                    "random-generator-secret",
                    "seed",
                ))
                .env_from(EnvFrom::config_map("env-config")),
        );
    let spec = spec(pod);
    let refs = pod_spec_references(&spec, &FieldPath::parse("spec"));
    let names = |list: &[Reference]| list.iter().map(|r| r.name.clone()).collect::<Vec<_>>();
    assert_eq!(
        names(&refs.config_maps),
        [
            "app-config",
            "extra-config",
            "random-generator-config",
            "env-config"
        ]
    );
    assert_eq!(
        names(&refs.secrets),
        [
            "app-tls",
            "extra-secret",
            "random-generator-secret",
            "registry"
        ]
    );
    assert!(refs.secrets[0].optional);
    assert_eq!(
        refs.secrets[0].path.as_str(),
        "spec.volumes[1].secret.secretName"
    );
    assert_eq!(
        refs.config_maps[2].path.as_str(),
        "spec.containers[0].env[0].valueFrom.configMapKeyRef.name"
    );
    assert_eq!(names(&refs.persistent_volume_claims), ["app-data"]);
    assert_eq!(
        refs.priority_class.map(|r| r.name).as_deref(),
        Some("high-priority")
    );
    assert_eq!(
        refs.service_account.map(|r| r.path.to_string()).as_deref(),
        Some("spec.serviceAccountName")
    );
}

// ---- reference workloads -------------------------------------------------------------------

/// WORKLOADS 6: `web` serves `/htdocs` and writes logs to `/logs`; `content` updates
/// `/htdocs`; `logger` reads `/logs`. Read-only where a container only reads.
#[test]
fn workload_6_webserver_shares_volumes() {
    let htdocs = Volume::empty_dir("htdocs");
    let logs = Volume::empty_dir("logs");
    let (pod, warnings) = built(
        Pod::new("webserver")
            .volume(&htdocs)
            .volume(&logs)
            .container(
                Container::new("web")
                    .image("nginx:1.27")
                    .mount_read_only(&htdocs, "/htdocs")
                    .mount(&logs, "/logs"),
            )
            .container(
                Container::new("content")
                    .image("busybox:1.36")
                    .mount(&htdocs, "/htdocs"),
            )
            .container(
                Container::new("logger")
                    .image("busybox:1.36")
                    .mount_read_only(&logs, "/logs"),
            ),
    );
    assert!(warnings.is_empty(), "{warnings:?}");
    let spec = pod.spec.unwrap_or_default();
    let volumes: Vec<(&str, bool)> = spec
        .volumes
        .iter()
        .flatten()
        .map(|v| (v.name.as_str(), v.empty_dir.is_some()))
        .collect();
    assert_eq!(volumes, [("htdocs", true), ("logs", true)]);
    let mounts: Vec<(&str, Vec<(&str, &str, Option<bool>)>)> = spec
        .containers
        .iter()
        .map(|c| {
            let m = c
                .volume_mounts
                .iter()
                .flatten()
                .map(|m| (m.name.as_str(), m.mount_path.as_str(), m.read_only))
                .collect();
            (c.name.as_str(), m)
        })
        .collect();
    assert_eq!(
        mounts,
        [
            (
                "web",
                vec![("htdocs", "/htdocs", Some(true)), ("logs", "/logs", None)]
            ),
            ("content", vec![("htdocs", "/htdocs", None)]),
            ("logger", vec![("logs", "/logs", Some(true))]),
        ]
    );
    assert!(spec.init_containers.is_none());
}

#[test]
fn native_sidecar_yaml_carries_only_what_was_set() {
    let logs = Volume::empty_dir("logs");
    let (pod, _) = built(
        Pod::new("web")
            .volume(&logs)
            .sidecar(
                Container::new("shipper")
                    .image("fluent/fluent-bit:3.2")
                    .mount_read_only(&logs, "/logs"),
            )
            .container(
                Container::new("app")
                    .image("busybox:1.36")
                    .mount(&logs, "/var/log/app"),
            ),
    );
    let yaml = match crate::emit::to_yaml(&pod) {
        Ok(yaml) => yaml,
        Err(e) => panic!("{e}"),
    };
    let expected = "\
apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
  - image: busybox:1.36
    name: app
    volumeMounts:
    - mountPath: /var/log/app
      name: logs
  initContainers:
  - image: fluent/fluent-bit:3.2
    name: shipper
    restartPolicy: Always
    volumeMounts:
    - mountPath: /logs
      name: logs
      readOnly: true
  volumes:
  - emptyDir: {}
    name: logs
";
    assert_eq!(yaml, expected);
}

// ---- explicit pod-level settings -------------------------------------------------------------

#[test]
fn set_hostname_as_fqdn_is_emitted_as_set() {
    let s = spec(
        pod()
            .hostname("web")
            .subdomain("apps")
            .set_hostname_as_fqdn(true),
    );
    assert_eq!(s.set_hostname_as_fqdn, Some(true));
    let s = spec(pod().set_hostname_as_fqdn(false));
    assert_eq!(s.set_hostname_as_fqdn, Some(false));
    assert_eq!(spec(pod()).set_hostname_as_fqdn, None);
}

#[test]
fn fs_group_change_policy_is_emitted_as_set() {
    for (policy, text) in [
        (FsGroupChangePolicy::Always, "Always"),
        (FsGroupChangePolicy::OnRootMismatch, "OnRootMismatch"),
    ] {
        let s = spec(
            pod().security_context(
                PodSecurityContext::new()
                    .fs_group(2000)
                    .fs_group_change_policy(policy),
            ),
        );
        let sc = s.security_context.unwrap_or_default();
        assert_eq!(sc.fs_group_change_policy.as_deref(), Some(text));
        assert_eq!(policy.as_str(), text);
    }
    assert_eq!(FsGroupChangePolicy::ALL.len(), 2);
    let sc = spec(pod().security_context(PodSecurityContext::new().fs_group(2000)))
        .security_context
        .unwrap_or_default();
    assert_eq!(sc.fs_group_change_policy, None);
}
