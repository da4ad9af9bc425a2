//! Bundle tests: every cross-object check with a passing and a failing case, error paths
//! prefixed with their object, and the apply order.

use crate::prelude::*;

fn app(name: &str) -> Container {
    Container::new(name).image("k8spatterns/random-generator:1.0")
}

fn rg_pod() -> Pod {
    Pod::new("random-generator")
        .label("env", "random-generator")
        .container(app("random-generator"))
}

fn web_deployment() -> Deployment {
    Deployment::new("web").template(
        Pod::template()
            .label("app", "web")
            .container(app("web").port(ContainerPort::tcp(8080).name("http"))),
    )
}

fn errors_of(bundle: &Bundle) -> Errors {
    match bundle.check() {
        Ok(warnings) => panic!("expected errors, got none (warnings {warnings:?})"),
        Err(errors) => errors,
    }
}

#[test]
fn acceptance_misspelled_priority_class_names_both_and_suggests_the_fix() {
    let bundle = Bundle::new()
        .add(
            PriorityClass::new("high-priority", 1000)
                .global_default(false)
                .description("This is a very high priority Pod class"),
        )
        .add(rg_pod().priority_class_name("high-prioirty"));
    let errors = errors_of(&bundle);
    assert!(
        errors.has("Pod/random-generator: spec.priorityClassName", 0),
        "{errors}"
    );
    let text = errors.to_string();
    assert!(text.contains("`high-prioirty`"), "{text}");
    assert!(text.contains("`high-priority`"), "{text}");
    assert!(text.contains("did you mean `high-priority`?"), "{text}");
    assert_eq!(errors.len(), 1, "{errors}");
}

#[test]
fn priority_class_defined_system_or_provided_passes() {
    let bundle = Bundle::new()
        .add(PriorityClass::new("high-priority", 1000))
        .add(rg_pod().priority_class_name("high-priority"));
    assert!(bundle.check().is_ok(), "{:?}", bundle.check());
    let bundle = Bundle::new().add(rg_pod().priority_class_name("system-node-critical"));
    assert!(bundle.check().is_ok());
    let bundle = Bundle::new()
        .add(rg_pod().priority_class_name("platform-high"))
        .provided_by_cluster("PriorityClass", "platform-high");
    assert!(bundle.check().is_ok());
}

fn env_pod() -> Pod {
    Pod::new("random-generator").container(
        app("random-generator")
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
    )
}

#[test]
fn config_map_and_secret_references() {
    let bundle = Bundle::new()
        .add(env_pod())
        .add(ConfigMap::new("random-generator-confg").data("pattern", "x"));
    let errors = errors_of(&bundle);
    let cm = "Pod/random-generator: spec.containers[0].env[0].valueFrom.configMapKeyRef.name";
    let secret = "Pod/random-generator: spec.containers[0].env[1].valueFrom.secretKeyRef.name";
    assert!(errors.has(cm, 0), "{errors}");
    assert!(errors.has(secret, 0), "{errors}");
    let e = errors.iter().find(|e| e.path.as_str() == cm).unwrap();
    assert!(
        e.fix.contains("did you mean `random-generator-confg`?"),
        "{e}"
    );
    let bundle = Bundle::new()
        .add(env_pod())
        .add(ConfigMap::new("random-generator-config").data("pattern", "logging"))
        .add(Secret::new("random-generator-secret").string_data("seed", "11232156346"));
    assert!(bundle.check().is_ok(), "{:?}", bundle.check());
    let bundle = Bundle::new()
        .add(env_pod())
        .provided_by_cluster("ConfigMap", "random-generator-config")
        .provided_by_cluster("Secret", "random-generator-secret");
    assert!(bundle.check().is_ok());
}

#[test]
fn references_are_per_namespace() {
    let bundle = Bundle::new()
        .add(env_pod().namespace("a"))
        .add(ConfigMap::new("random-generator-config").namespace("b"))
        .add(Secret::new("random-generator-secret").namespace("a"));
    let errors = errors_of(&bundle);
    assert!(
        errors.has(
            "Pod/a/random-generator: spec.containers[0].env[0].valueFrom.configMapKeyRef.name",
            0
        ),
        "{errors}"
    );
    assert_eq!(errors.len(), 1, "{errors}");
}

#[test]
fn pvc_references() {
    let pod = || {
        Pod::new("db")
            .volume(Volume::persistent_volume_claim("data", "db-data"))
            .container(app("db").mount("data", "/data"))
    };
    let errors = errors_of(&Bundle::new().add(pod()));
    assert!(
        errors.has("Pod/db: spec.volumes[0].persistentVolumeClaim.claimName", 0),
        "{errors}"
    );
    let claim = crate::storage::PersistentVolumeClaim::new("db-data")
        .access_mode(AccessMode::ReadWriteOnce)
        .storage("1Gi")
        .build()
        .unwrap();
    assert!(Bundle::new().add(pod()).add(claim).check().is_ok());
}

#[test]
fn optional_references_need_no_object() {
    let pod = Pod::new("p")
        .volume(Volume::config_map("cfg", "maybe").optional())
        .container(app("p").mount("cfg", "/etc/cfg"));
    assert!(Bundle::new().add(pod).check().is_ok());
}

#[test]
fn service_selector_must_match_some_pods() {
    let service = || {
        Service::new("web")
            .selector("app", "wbe")
            .port(ServicePort::tcp(80).target(8080))
    };
    let errors = errors_of(&Bundle::new().add(web_deployment()).add(service()));
    assert!(errors.has("Service/web: spec.selector", 0), "{errors}");
    let e = errors.iter().next().unwrap();
    assert!(
        e.message.contains("app=wbe") && e.message.contains("Deployment/web (app=web)"),
        "{e}"
    );
    assert!(e.fix.contains("did you mean `app=web`?"), "{e}");
    let ok = Service::new("web")
        .selector("app", "web")
        .port(ServicePort::tcp(80).target(8080));
    assert!(Bundle::new().add(web_deployment()).add(ok).check().is_ok());
}

#[test]
fn service_target_port_name_must_be_declared() {
    let service = |target: &str| {
        Service::new("web")
            .selector("app", "web")
            .port(ServicePort::tcp(80).target(target))
    };
    let errors = errors_of(&Bundle::new().add(web_deployment()).add(service("htpp")));
    assert!(
        errors.has("Service/web: spec.ports[0].targetPort", 0),
        "{errors}"
    );
    let e = errors.iter().next().unwrap();
    assert!(
        e.message.contains("`Deployment/web`") && e.message.contains("`http`"),
        "{e}"
    );
    assert!(e.fix.contains("did you mean `http`?"), "{e}");
    assert!(Bundle::new()
        .add(web_deployment())
        .add(service("http"))
        .check()
        .is_ok());
}

#[test]
fn pdb_selector_must_match_some_pods() {
    let pdb = |app: &str| {
        PodDisruptionBudget::new("web-pdb")
            .selector([("app", app)])
            .min_available(2)
    };
    let errors = errors_of(&Bundle::new().add(web_deployment()).add(pdb("api")));
    assert!(
        errors.has("PodDisruptionBudget/web-pdb: spec.selector", 0),
        "{errors}"
    );
    assert!(Bundle::new()
        .add(web_deployment())
        .add(pdb("web"))
        .check()
        .is_ok());
}

#[test]
fn hpa_target_must_exist() {
    let hpa = |name: &str| {
        HorizontalPodAutoscaler::new("web")
            .scale_target(ScaleTarget::deployment(name))
            .min_replicas(1)
            .max_replicas(5)
            .metric(Metric::cpu_utilization(50))
    };
    let errors = errors_of(&Bundle::new().add(web_deployment()).add(hpa("wbe")));
    assert!(
        errors.has("HorizontalPodAutoscaler/web: spec.scaleTargetRef.name", 0),
        "{errors}"
    );
    assert!(errors
        .iter()
        .next()
        .unwrap()
        .fix
        .contains("did you mean `web`?"));
    assert!(Bundle::new()
        .add(web_deployment())
        .add(hpa("web"))
        .check()
        .is_ok());
    assert!(Bundle::new()
        .add(hpa("elsewhere"))
        .provided_by_cluster("Deployment", "elsewhere")
        .check()
        .is_ok());
}

fn rg_set() -> StatefulSet {
    StatefulSet::new("rg")
        .service_name("random-generator")
        .replicas(2)
        .template(
            Pod::template().label("app", "random-generator").container(
                app("random-generator")
                    .port(ContainerPort::tcp(8080).name("http"))
                    .mount("logs", "/logs"),
            ),
        )
        .volume_claim(
            VolumeClaimTemplate::new("logs")
                .access_mode(AccessMode::ReadWriteOnce)
                .storage("10Mi"),
        )
}

#[test]
fn stateful_set_needs_its_headless_service() {
    let errors = errors_of(&Bundle::new().add(rg_set()));
    assert!(
        errors.has("StatefulSet/rg: spec.serviceName", 0),
        "{errors}"
    );
    let not_headless = Service::new("random-generator")
        .selector("app", "random-generator")
        .port(ServicePort::tcp(8080).target("http"));
    let errors = errors_of(&Bundle::new().add(rg_set()).add(not_headless));
    assert!(
        errors.has("StatefulSet/rg: spec.serviceName", 0),
        "{errors}"
    );
    assert!(errors
        .iter()
        .next()
        .unwrap()
        .fix
        .contains("Service::headless"));
    let headless = Service::headless("random-generator")
        .selector("app", "random-generator")
        .port(ServicePort::tcp(8080).name("http").target("http"));
    let bundle = Bundle::new().add(rg_set()).add(headless);
    assert!(bundle.check().is_ok(), "{:?}", bundle.check());
}

#[test]
fn duplicates_are_errors() {
    let errors = errors_of(
        &Bundle::new()
            .add(ConfigMap::new("a"))
            .add(ConfigMap::new("a")),
    );
    assert!(errors.has("ConfigMap/a: metadata.name", 0), "{errors}");
    assert!(Bundle::new()
        .add(ConfigMap::new("a"))
        .add(ConfigMap::new("a").namespace("other"))
        .add(Secret::new("a"))
        .check()
        .is_ok());
}

#[test]
fn errors_of_every_object_are_collected_with_their_object() {
    let bundle = Bundle::new()
        .add(
            Pod::new("web")
                .namespace("default")
                .container(Container::new("Bad_Name").image("nginx:1.27")),
        )
        .add(Job::new("j").template(Pod::template().container(app("main"))))
        .add(ConfigMap::new("fine"));
    let errors = errors_of(&bundle);
    assert!(
        errors.has("Pod/default/web: spec.containers[0].name", 6),
        "{errors}"
    );
    assert!(
        errors.has("Job/j: spec.template.spec.restartPolicy", 53),
        "{errors}"
    );
    assert!(
        errors
            .to_string()
            .contains("Pod/default/web: spec.containers[0].name: "),
        "{errors}"
    );
}

#[test]
fn emits_in_apply_order() {
    let bundle = Bundle::new()
        .add(
            HorizontalPodAutoscaler::new("web")
                .scale_target(ScaleTarget::deployment("web"))
                .max_replicas(3),
        )
        .add(web_deployment())
        .add(
            Service::new("web")
                .selector("app", "web")
                .port(ServicePort::tcp(80).target("http")),
        )
        .add(rg_pod().priority_class_name("high-priority"))
        .add(ConfigMap::new("b-config"))
        .add(Secret::new("a-secret"))
        .add(ConfigMap::new("a-config"))
        .add(PriorityClass::new("high-priority", 1000));
    let yaml = bundle.to_yaml().unwrap();
    let kinds: Vec<&str> = yaml
        .lines()
        .filter_map(|l| l.strip_prefix("kind: "))
        .collect();
    assert_eq!(
        kinds,
        [
            "PriorityClass",
            "ConfigMap",
            "ConfigMap",
            "Secret",
            "Service",
            "Deployment",
            "Pod",
            "HorizontalPodAutoscaler"
        ]
    );
    assert!(yaml.find("name: a-config").unwrap() < yaml.find("name: b-config").unwrap());
    assert_eq!(yaml.matches("\n---\n").count(), 7);
    // Byte-identical on every run; JSON is a v1 List; streaming writes the same text.
    assert_eq!(yaml, bundle.to_yaml().unwrap());
    let json = bundle.to_json().unwrap();
    assert!(json.contains("\"kind\": \"List\""), "{json}");
    let streamed = bundle.write_yaml(Vec::new()).unwrap();
    assert_eq!(String::from_utf8(streamed).unwrap(), yaml);
    let objects = bundle.build().unwrap();
    assert_eq!(objects.len(), 8);
    assert_eq!(objects[0].kind(), "PriorityClass");
}

#[test]
fn invalid_bundles_do_not_emit() {
    let bundle = Bundle::new().add(rg_pod().priority_class_name("missing"));
    match bundle.to_yaml() {
        Err(BundleError::Invalid(errors)) => assert_eq!(errors.len(), 1),
        other => panic!("{other:?}"),
    }
}

#[test]
fn secret_values_never_appear_in_bundle_debug() {
    let value = "top-secret-value-42";
    let bundle = Bundle::new().add(Secret::new("s").string_data("k", value).data("b", value));
    let built = bundle.objects();
    let debug = format!("{bundle:?} {built:?}");
    assert!(!debug.contains(value), "{debug}");
    assert!(debug.contains("\"k\""), "{debug}");
}

#[test]
fn custom_resources_and_k8s_objects_go_in() {
    let vpa = CustomResource::new(
        "autoscaling.k8s.io/v1",
        "VerticalPodAutoscaler",
        "my-app-vpa",
    )
    .spec(serde_json::json!({
        "targetRef": {"apiVersion": "apps/v1", "kind": "Deployment", "name": "my-app"},
        "updatePolicy": {"updateMode": "Auto"}
    }));
    let namespace = k8s_openapi::api::core::v1::Namespace {
        metadata: k8s_openapi::apimachinery::pkg::apis::meta::v1::ObjectMeta {
            name: Some("shop".into()),
            ..Default::default()
        },
        ..Default::default()
    };
    let built_map = ConfigMap::new("built").build().unwrap();
    let yaml = Bundle::new()
        .add(vpa)
        .add(built_map)
        .add(namespace)
        .to_yaml()
        .unwrap();
    let kinds: Vec<&str> = yaml
        .lines()
        .filter_map(|l| l.strip_prefix("kind: "))
        .collect();
    assert_eq!(kinds, ["Namespace", "ConfigMap", "VerticalPodAutoscaler"]);
}

#[test]
fn the_plural_of_priority_class_is_spelled_right() {
    let bundle = Bundle::new()
        .add(PriorityClass::new("high-priority", 1000))
        .add(rg_pod().priority_class_name("low-priority"));
    let text = errors_of(&bundle).to_string();
    assert!(text.contains("PriorityClasses known: "), "{text}");
    assert!(!text.contains("PriorityClasss"), "{text}");
}

#[test]
fn a_pod_without_labels_is_listed_as_having_none() {
    let bundle = Bundle::new()
        .add(Pod::new("x").container(app("x")))
        .add(Service::new("web").selector("app", "web").port(80));
    let text = errors_of(&bundle).to_string();
    assert!(text.contains("Pod/x (no labels)"), "{text}");
    assert!(!text.contains("Pod/x ()"), "{text}");
}
