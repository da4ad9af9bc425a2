//! Tests of the bundle-wide settings, generators, patches and included YAML: every reference
//! kind rewritten, conflicts reported at their path, kustomize's hashes.

use serde_json::{json, Value};

use super::{ConfigMapGenerator, SecretGenerator};
use crate::prelude::*;

const REFERENCES: &str = include_str!("testdata/references.yaml");

/// The object of `kind` whose name is `name`, as JSON.
fn find(bundle: &Bundle, kind: &str, name: &str) -> Value {
    let object = bundle
        .objects()
        .into_iter()
        .find(|o| o.kind() == kind && o.metadata().name.as_deref() == Some(name))
        .unwrap_or_else(|| panic!("no {kind}/{name} in {:?}", ids(bundle)));
    serde_json::to_value(object).unwrap()
}

fn ids(bundle: &Bundle) -> Vec<String> {
    bundle
        .objects()
        .iter()
        .map(|o| o.id().to_string())
        .collect()
}

fn at<'a>(value: &'a Value, pointer: &str) -> &'a Value {
    value
        .pointer(pointer)
        .unwrap_or_else(|| panic!("no {pointer} in {value:#}"))
}

#[test]
fn included_yaml_is_valid_as_it_is() {
    // The ClusterRoleBinding binds `runner` of the namespaces `shop` and `default` too, which
    // the cluster has.
    let bundle = Bundle::new()
        .provided_by_cluster("ServiceAccount", "runner")
        .include_yaml(REFERENCES);
    bundle.check().unwrap();
    assert_eq!(bundle.objects().len(), 14);
}

#[test]
fn namespace_and_prefix_rewrite_every_reference_kind() {
    let bundle = Bundle::new()
        .namespace("shop")
        .name_prefix("dev-")
        .name_suffix("-1")
        .provided_by_cluster("ServiceAccount", "runner")
        .include_yaml(REFERENCES);
    bundle.check().unwrap();
    let names = ids(&bundle);
    // Cluster-scoped kinds keep no namespace; everything is renamed.
    for id in [
        "PriorityClass/dev-high-1",
        "ClusterRole/dev-node-reader-1",
        "ClusterRoleBinding/dev-runner-reads-nodes-1",
        "ConfigMap/shop/dev-config-1",
        "StatefulSet/shop/dev-web-1",
        "RoleBinding/shop/dev-runner-reads-1",
    ] {
        assert!(names.contains(&id.to_owned()), "{id} not in {names:?}");
    }
    let set = find(&bundle, "StatefulSet", "dev-web-1");
    let pod = at(&set, "/spec/template/spec");
    for (pointer, name) in [
        ("/serviceAccountName", "dev-runner-1"),
        ("/priorityClassName", "dev-high-1"),
        ("/imagePullSecrets/0/name", "dev-registry-1"),
        (
            "/initContainers/0/env/0/valueFrom/secretKeyRef/name",
            "dev-creds-1",
        ),
        (
            "/containers/0/env/0/valueFrom/configMapKeyRef/name",
            "dev-config-1",
        ),
        ("/containers/0/envFrom/0/configMapRef/name", "dev-config-1"),
        ("/containers/0/envFrom/1/secretRef/name", "dev-creds-1"),
        ("/volumes/0/configMap/name", "dev-config-1"),
        ("/volumes/1/secret/secretName", "dev-creds-1"),
        ("/volumes/2/persistentVolumeClaim/claimName", "dev-data-1"),
        (
            "/volumes/3/projected/sources/0/configMap/name",
            "dev-config-1",
        ),
        ("/volumes/3/projected/sources/1/secret/name", "dev-creds-1"),
    ] {
        assert_eq!(at(pod, pointer), name, "spec.template.spec{pointer}");
    }
    assert_eq!(at(&set, "/spec/serviceName"), "dev-web-1");
    let account = find(&bundle, "ServiceAccount", "dev-runner-1");
    assert_eq!(at(&account, "/imagePullSecrets/0/name"), "dev-registry-1");
    let hpa = find(&bundle, "HorizontalPodAutoscaler", "dev-web-1");
    assert_eq!(at(&hpa, "/spec/scaleTargetRef/name"), "dev-web-1");
    let binding = find(&bundle, "RoleBinding", "dev-runner-reads-1");
    assert_eq!(at(&binding, "/roleRef/name"), "dev-reader-1");
    assert_eq!(
        at(&binding, "/subjects/0"),
        &json!({"kind": "ServiceAccount", "name": "dev-runner-1", "namespace": "shop"})
    );
    let cluster = find(&bundle, "ClusterRoleBinding", "dev-runner-reads-nodes-1");
    assert_eq!(at(&cluster, "/roleRef/name"), "dev-node-reader-1");
    assert_eq!(at(&cluster, "/subjects/0/name"), "dev-runner-1");
    // An account of another namespace is not the bundle's: left alone.
    assert_eq!(
        at(&cluster, "/subjects/1"),
        &json!({"kind": "ServiceAccount", "name": "runner", "namespace": "default"})
    );
    assert!(cluster.pointer("/metadata/namespace").is_none());
}

#[test]
fn an_ingress_follows_its_service_and_tls_secret() {
    let bundle = Bundle::new()
        .name_prefix("dev-")
        .add(Pod::new("web").label("app", "web").container(Container::new("web").image("nginx:1.27")))
        .add(Service::new("web").selector("app", "web").port(80))
        .add(Secret::new("tls").type_(SecretType::Tls).data("tls.crt", "c").data("tls.key", "k"))
        .include_yaml(
            "apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata: {name: web}\nspec:\n  \
             defaultBackend: {service: {name: web, port: {number: 80}}}\n  \
             tls: [{hosts: [shop.example.com], secretName: tls}]\n  rules:\n  - host: shop.example.com\n    \
             http: {paths: [{path: /, pathType: Prefix, backend: {service: {name: web, port: {number: 80}}}}]}\n",
        );
    let ingress = find(&bundle, "Ingress", "dev-web");
    assert_eq!(at(&ingress, "/spec/defaultBackend/service/name"), "dev-web");
    assert_eq!(
        at(&ingress, "/spec/rules/0/http/paths/0/backend/service/name"),
        "dev-web"
    );
    assert_eq!(at(&ingress, "/spec/tls/0/secretName"), "dev-tls");
}

#[test]
fn references_to_objects_outside_the_bundle_are_left_alone() {
    let bundle = Bundle::new()
        .name_prefix("dev-")
        .provided_by_cluster("Secret", "registry-token")
        .add(
            Pod::new("web")
                .image_pull_secret("registry-token")
                .container(Container::new("web").image("nginx:1.27")),
        );
    let pod = find(&bundle, "Pod", "dev-web");
    assert_eq!(at(&pod, "/spec/imagePullSecrets/0/name"), "registry-token");
}

#[test]
fn common_labels_go_into_selectors_and_templates() {
    let bundle = Bundle::new()
        .common_labels([("team", "shop")])
        .common_annotations([("owner", "shop@example.com")])
        .provided_by_cluster("ServiceAccount", "runner")
        .include_yaml(REFERENCES);
    bundle.check().unwrap();
    let set = find(&bundle, "StatefulSet", "web");
    for pointer in [
        "/metadata/labels",
        "/spec/selector/matchLabels",
        "/spec/template/metadata/labels",
    ] {
        assert_eq!(at(&set, pointer)["team"], "shop", "{pointer}");
    }
    assert_eq!(
        at(&set, "/spec/template/metadata/annotations/owner"),
        "shop@example.com"
    );
    assert_eq!(
        at(&find(&bundle, "Service", "web"), "/spec/selector"),
        &json!({"app": "web", "team": "shop"})
    );
    let budget = find(&bundle, "PodDisruptionBudget", "web");
    assert_eq!(at(&budget, "/spec/selector/matchLabels/team"), "shop");
    let class = find(&bundle, "PriorityClass", "high");
    assert_eq!(at(&class, "/metadata/labels/team"), "shop");
    assert_eq!(
        at(&class, "/metadata/annotations/owner"),
        "shop@example.com"
    );
}

#[test]
fn a_service_without_selector_gets_none() {
    let bundle = Bundle::new()
        .common_labels([("team", "shop")])
        .add(Service::external_name("external", "db.example.com"));
    let service = find(&bundle, "Service", "external");
    assert!(service.pointer("/spec/selector").is_none(), "{service:#}");
}

#[test]
fn conflicts_are_errors_at_their_paths() {
    let bundle = Bundle::new()
        .namespace("shop")
        .common_labels([("app", "shop")])
        .common_annotations([("owner", "shop")])
        .add(ConfigMap::new("moved").namespace("billing"))
        .add(ConfigMap::new("noted").annotation("owner", "billing"))
        .add(
            Deployment::new("web").template(
                Pod::template()
                    .label("app", "web")
                    .container(Container::new("web").image("nginx:1.27")),
            ),
        );
    let errors = bundle.check().unwrap_err();
    for path in [
        "ConfigMap/billing/moved: metadata.namespace",
        "ConfigMap/shop/noted: metadata.annotations[owner]",
        "Deployment/shop/web: spec.selector.matchLabels[app]",
        "Deployment/shop/web: spec.template.metadata.labels[app]",
    ] {
        assert!(errors.has(path, 0), "{path}: {errors}");
    }
    let error = errors
        .iter()
        .find(|e| e.path.as_str() == "ConfigMap/billing/moved: metadata.namespace")
        .unwrap();
    assert_eq!(
        error.message,
        "is `billing`, but the bundle puts every object in `shop`"
    );
    // The same namespace is no conflict.
    Bundle::new()
        .namespace("shop")
        .add(ConfigMap::new("here").namespace("shop"))
        .check()
        .unwrap();
}

#[test]
fn a_prefix_that_makes_a_name_invalid_is_an_error() {
    let long = "x".repeat(60);
    let bundle = Bundle::new()
        .name_prefix(format!("{long}-"))
        .add(Service::new("web").port(80).selector("app", "web"))
        .add(
            Pod::new("web")
                .label("app", "web")
                .container(Container::new("web").image("nginx:1.27")),
        );
    let errors = bundle.check().unwrap_err();
    assert!(
        errors
            .iter()
            .any(|e| e.path.as_str().ends_with(": metadata.name")),
        "{errors}"
    );
}

/// Hashes printed by kustomize v5.7.1 (`kustomize build`) for the same generators.
#[test]
fn hashes_are_kustomizes() {
    let config = Bundle::new().generate(
        ConfigMapGenerator::new("web-config")
            .literal("LOG_LEVEL", "info")
            .literal("HTML", "<a&b>"),
    );
    assert_eq!(ids(&config), ["ConfigMap/web-config-mcg7t87fc8"]);
    // The name takes no part: kustomize printed the same hash for `dev-web-config-x`.
    let prefixed = Bundle::new()
        .name_prefix("dev-")
        .name_suffix("-x")
        .generate(
            ConfigMapGenerator::new("web-config")
                .literal("LOG_LEVEL", "info")
                .literal("HTML", "<a&b>"),
        );
    assert_eq!(ids(&prefixed), ["ConfigMap/dev-web-config-x-mcg7t87fc8"]);
    let empty = Bundle::new().generate(ConfigMapGenerator::new("empty"));
    assert_eq!(ids(&empty), ["ConfigMap/empty-6ct58987ht"]);
    let secret =
        Bundle::new().generate(SecretGenerator::new("creds").literal("password", "s3cret"));
    assert_eq!(ids(&secret), ["Secret/creds-bf5fk5d75b"]);
    let plain = Bundle::new().generate(ConfigMapGenerator::new("plain").hash_suffix(false));
    assert_eq!(ids(&plain), ["ConfigMap/plain"]);
}

#[test]
fn a_data_change_renames_the_config_and_rolls_the_pods() {
    let bundle = |level: &str| {
        Bundle::new()
            .namespace("shop")
            .generate(ConfigMapGenerator::new("web-config").literal("LOG_LEVEL", level))
            .generate(SecretGenerator::new("web-secret").literal("token", level))
            .add(
                Deployment::new("web").template(
                    Pod::template().label("app", "web").container(
                        Container::new("web")
                            .image("nginx:1.27")
                            .env_from(EnvFrom::config_map("web-config"))
                            .env_from(EnvFrom::secret("web-secret")),
                    ),
                ),
            )
    };
    let info = bundle("info");
    let debug = bundle("debug");
    let config_name = |b: &Bundle| b.objects()[0].metadata().name.clone().unwrap();
    assert_ne!(config_name(&info), config_name(&debug));
    for b in [&info, &debug] {
        let web = find(b, "Deployment", "web");
        let names: Vec<&Value> = at(&web, "/spec/template/spec/containers/0/envFrom")
            .as_array()
            .unwrap()
            .iter()
            .map(|e| {
                e.pointer("/configMapRef/name")
                    .or(e.pointer("/secretRef/name"))
                    .unwrap()
            })
            .collect();
        let expected: Vec<String> = b
            .objects()
            .iter()
            .take(2)
            .map(|o| o.metadata().name.clone().unwrap())
            .collect();
        assert_eq!(names, expected.iter().collect::<Vec<_>>());
        assert!(b.check().is_ok());
    }
}

#[test]
fn generators_read_files_and_directories() {
    let dir = std::env::temp_dir().join(format!("k8s-dsl-generator-test-{}", std::process::id()));
    std::fs::create_dir_all(dir.join("conf/nested")).unwrap();
    std::fs::write(dir.join("conf/a.conf"), "a\n").unwrap();
    std::fs::write(dir.join("conf/logo.png"), [0x89, 0x50, 0xff]).unwrap();
    std::fs::write(dir.join("conf/nested/skipped"), "x").unwrap();
    std::fs::write(dir.join("big"), vec![b'x'; 1024 * 1024 + 1]).unwrap();
    let bundle = Bundle::new().generate(
        ConfigMapGenerator::new("conf")
            .dir(dir.join("conf"))
            .hash_suffix(false),
    );
    let Object::ConfigMap(config) = bundle.objects()[0] else {
        panic!()
    };
    assert_eq!(
        config.data.as_ref().unwrap().keys().collect::<Vec<_>>(),
        ["a.conf"]
    );
    assert_eq!(
        config.binary_data.as_ref().unwrap()["logo.png"].0,
        [0x89, 0x50, 0xff]
    );

    // Rule 34 on keys, the size limit, files that cannot be read: errors at their paths.
    let bundle = Bundle::new()
        .generate(
            ConfigMapGenerator::new("bad")
                .literal("no/slash", "x")
                .file(dir.join("missing")),
        )
        .generate(ConfigMapGenerator::new("big").file(dir.join("big")))
        .generate(SecretGenerator::new("gone").dir(dir.join("nowhere")));
    let errors = bundle.check().unwrap_err();
    assert!(errors.has("ConfigMap/bad: data[no/slash]", 34), "{errors}");
    assert!(errors.has("ConfigMap/bad: data[missing]", 0), "{errors}");
    assert!(errors.has("ConfigMap/big: data", 0), "{errors}");
    assert!(errors.has("Secret/gone: data", 0), "{errors}");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn patches_are_typed_and_validated_again() {
    use k8s_openapi::api::apps::v1::Deployment as K8sDeployment;
    use k8s_openapi::api::core::v1::Service as K8sService;
    let base = Bundle::new().name_prefix("dev-").add(
        Deployment::new("web").replicas(1).template(
            Pod::template()
                .label("app", "web")
                .container(Container::new("web").image("nginx:1.27")),
        ),
    );
    // The patch names the object as added; the prefix still applies.
    let patched = base.clone().patch::<K8sDeployment>("web", |d| {
        d.spec.replicas = Some(5);
    });
    assert_eq!(
        at(&find(&patched, "Deployment", "dev-web"), "/spec/replicas"),
        5
    );
    let errors = base
        .clone()
        .patch::<K8sService>("web", |_| {})
        .check()
        .unwrap_err();
    assert!(errors.has("Service/web", 0), "{errors}");
    assert!(errors.errors[0].fix.contains("add the Service"), "{errors}");
    // A patch that breaks the object is caught by its validation.
    let errors = base
        .patch::<K8sDeployment>("web", |d| {
            if let Some(pod) = d.spec.template.spec.as_mut() {
                pod.containers.clear();
            }
        })
        .check()
        .unwrap_err();
    assert!(
        errors.iter().any(|e| e
            .path
            .as_str()
            .starts_with("Deployment/web: spec.template.spec.containers")),
        "{errors}"
    );
}

#[test]
fn a_patched_object_goes_through_the_cross_object_checks_and_settings_again() {
    use k8s_openapi::api::apps::v1::Deployment as K8sDeployment;
    use k8s_openapi::api::core::v1::{ConfigMapEnvSource, EnvFromSource};
    let base = Bundle::new()
        .namespace("shop")
        .add(ConfigMap::new("web-config").data("mode", "production"))
        .add(
            Deployment::new("web").replicas(1).template(
                Pod::template().label("app", "web").container(
                    Container::new("web")
                        .image("nginx:1.27")
                        .env_from(EnvFrom::config_map("web-config")),
                ),
            ),
        );
    base.check().unwrap();
    // The patched pods read a ConfigMap the bundle does not hold: the reference check of the
    // whole bundle reports it, as for an object added that way.
    let errors = base
        .clone()
        .patch::<K8sDeployment>("web", |d| {
            if let Some(pod) = d.spec.template.spec.as_mut() {
                pod.containers[0].env_from = Some(vec![EnvFromSource {
                    config_map_ref: Some(ConfigMapEnvSource {
                        name: "missing".to_owned(),
                        optional: None,
                    }),
                    ..EnvFromSource::default()
                }]);
            }
        })
        .check()
        .unwrap_err();
    assert!(
        errors.iter().any(|e| e
            .path
            .as_str()
            .starts_with("Deployment/shop/web: spec.template.spec.containers[0].envFrom[0]")
            && e.message.contains("missing")),
        "{errors}"
    );
    // A namespace set by the patch meets the bundle's: a conflict at its path.
    let errors = base
        .clone()
        .patch::<K8sDeployment>("web", |d| {
            d.metadata.namespace = Some("other".to_owned());
        })
        .check()
        .unwrap_err();
    assert!(
        errors
            .iter()
            .any(|e| e.path.as_str().ends_with("metadata.namespace")),
        "{errors}"
    );
    // A patch in one environment is validated with it: its write fails, naming the error.
    let environments =
        super::Environments::derive([("dev", ()), ("prod", ())], |_, ()| base.clone())
            .patch_env("prod", |bundle| {
                bundle.patch::<K8sDeployment>("web", |d| d.spec.replicas = Some(-1))
            });
    let dir = std::env::temp_dir().join(format!("k8s-dsl-patch-env-{}", std::process::id()));
    let error = environments.write(&dir).unwrap_err().to_string();
    assert!(error.contains("spec.replicas"), "{error}");
    assert!(
        !dir.exists(),
        "no environment is written while one is invalid"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn included_yaml_keeps_its_order_and_reports_its_problems() {
    // Errors come in the order of the text (the output is in apply order, as always).
    let errors = Bundle::new()
        .include_yaml(
            "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: B}\n---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: A}\n",
        )
        .check()
        .unwrap_err();
    let paths: Vec<&str> = errors.iter().map(|e| e.path.as_str()).collect();
    assert_eq!(
        paths,
        ["ConfigMap/B: metadata.name", "ConfigMap/A: metadata.name"]
    );
    let errors = Bundle::new()
        .include_yaml(
            "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: Bad}\ndata: {k: v}\nextra: 1\n",
        )
        .check()
        .unwrap_err();
    assert!(
        errors.has("ConfigMap/Bad: metadata.name", 2)
            || errors
                .iter()
                .any(|e| e.path.as_str() == "ConfigMap/Bad: metadata.name"),
        "{errors}"
    );
    assert!(
        errors
            .iter()
            .any(|e| e.path.as_str() == "ConfigMap/Bad: extra"),
        "{errors}"
    );
    let errors = Bundle::new().include_yaml("kind: [").check().unwrap_err();
    assert!(
        errors.errors[0].path.as_str().starts_with("included YAML:"),
        "{errors}"
    );
}
