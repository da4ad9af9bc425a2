//! The checks of an Ingress: each Service backend names a Service of the bundle and one of
//! its ports (by number or by name), and its IngressClass exists or is provided by the cluster.

use k8s_openapi::api::networking::v1 as networking;

use super::{listed, Context};
use crate::bundle::object::Object;
use crate::pod::Reference;
use crate::rules::{shown, suggest};
use crate::validate::FieldPath;

/// The Service backends of an Ingress, each with its path.
fn service_backends(
    spec: &networking::IngressSpec,
) -> Vec<(FieldPath, &networking::IngressServiceBackend)> {
    let mut backends = Vec::new();
    if let Some(service) = spec
        .default_backend
        .as_ref()
        .and_then(|b| b.service.as_ref())
    {
        backends.push((FieldPath::parse("spec.defaultBackend"), service));
    }
    for (i, rule) in spec.rules.iter().flatten().enumerate() {
        for (j, path) in rule.http.iter().flat_map(|h| h.paths.iter()).enumerate() {
            if let Some(service) = &path.backend.service {
                let at = FieldPath::parse("spec.rules")
                    .index(i)
                    .field("http")
                    .field("paths")
                    .index(j)
                    .field("backend");
                backends.push((at, service));
            }
        }
    }
    backends
}

impl Context<'_> {
    /// An Ingress routes to Services and ports of the bundle, through a known IngressClass.
    pub(super) fn ingress(&mut self, object: &Object) {
        let Object::Ingress(ingress) = object else {
            return;
        };
        let Some(spec) = &ingress.spec else { return };
        let id = object.id();
        if let Some(class) = spec.ingress_class_name.as_deref().filter(|c| !c.is_empty()) {
            let reference = Reference {
                name: class.to_owned(),
                path: FieldPath::parse("spec.ingressClassName"),
                optional: false,
            };
            self.require(&id, "IngressClass", &reference, true);
        }
        for (path, backend) in service_backends(spec) {
            if backend.name.is_empty() {
                continue;
            }
            let name_path = path.field("service").field("name");
            let reference = Reference {
                name: backend.name.clone(),
                path: name_path,
                optional: false,
            };
            let Some(service) = self
                .index
                .services
                .get(&(id.namespace.as_deref(), backend.name.as_str()))
                .copied()
            else {
                self.require(&id, "Service", &reference, false);
                continue;
            };
            let ports: Vec<_> = service
                .spec
                .iter()
                .flat_map(|s| s.ports.iter().flatten())
                .collect();
            let port = backend.port.clone().unwrap_or_default();
            let port_path = path.field("service").field("port");
            if let Some(name) = port.name.as_deref().filter(|n| !n.is_empty()) {
                let names: Vec<&str> = ports.iter().filter_map(|p| p.name.as_deref()).collect();
                if !names.contains(&name) {
                    let hint = suggest::did_you_mean(name, names.iter().copied())
                        .map(|h| format!("{h} otherwise "))
                        .unwrap_or_default();
                    self.error(
                        &id,
                        &port_path.field("name"),
                        format!(
                            "Service {} has no port named {}; its port names: {}",
                            shown(&backend.name),
                            shown(name),
                            listed(names.iter().copied())
                        ),
                        format!("{hint}name the Service port, or route to its number"),
                    );
                }
            } else if let Some(number) = port.number.filter(|n| *n != 0) {
                if !ports.iter().any(|p| p.port == number) {
                    let numbers: Vec<String> = ports.iter().map(|p| p.port.to_string()).collect();
                    self.error(
                        &id,
                        &port_path.field("number"),
                        format!(
                            "Service {} has no port {number}; its ports: {}",
                            shown(&backend.name),
                            listed(numbers.iter().map(String::as_str))
                        ),
                        "route to a port the Service exposes (`port`, not the container's `targetPort`)"
                            .to_owned(),
                    );
                }
            }
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::panic, clippy::indexing_slicing)]
mod tests {
    use crate::prelude::*;

    fn errors_of(bundle: &Bundle) -> Errors {
        match bundle.check() {
            Ok(warnings) => panic!("expected errors, got none (warnings {warnings:?})"),
            Err(errors) => errors,
        }
    }

    fn web() -> Service {
        Service::new("web")
            .namespace("shop")
            .selector("app", "web")
            .port(ServicePort::tcp(80).name("http").target(8080))
    }

    fn pods() -> Deployment {
        Deployment::new("web").namespace("shop").template(
            Pod::template().label("app", "web").container(
                Container::new("web")
                    .image("nginx:1.27")
                    .port(ContainerPort::tcp(8080)),
            ),
        )
    }

    fn route(backend: IngressBackend) -> Ingress {
        Ingress::new("shop")
            .namespace("shop")
            .rule(IngressRule::host("shop.example.com").prefix("/", backend))
    }

    #[test]
    fn rule_0_ingress_backend_service_exists() {
        let bundle = Bundle::new()
            .add(pods())
            .add(web())
            .add(route(IngressBackend::service("wbe", 80)));
        let errors = errors_of(&bundle);
        let e = errors
            .iter()
            .find(|e| {
                e.path.as_str()
                    == "Ingress/shop/shop: spec.rules[0].http.paths[0].backend.service.name"
            })
            .unwrap();
        assert_eq!(e.rule, 0);
        assert!(e.message.contains("Services known: `web`"), "{e}");
        assert!(e.fix.contains("did you mean `web`?"), "{e}");
        let provided = Bundle::new()
            .add(route(IngressBackend::service("legacy", 80)))
            .provided_by_cluster("Service", "legacy");
        assert!(provided.check().is_ok());
    }

    #[test]
    fn rule_0_ingress_backend_port_exists() {
        let by_number = Bundle::new()
            .add(pods())
            .add(web())
            .add(route(IngressBackend::service("web", 8080)));
        let errors = errors_of(&by_number);
        let e = errors.iter().next().unwrap();
        assert_eq!(
            e.path.as_str(),
            "Ingress/shop/shop: spec.rules[0].http.paths[0].backend.service.port.number"
        );
        assert!(e.message.contains("its ports: `80`"), "{e}");
        let by_name = Bundle::new()
            .add(pods())
            .add(web())
            .add(route(IngressBackend::service("web", "htp")));
        let errors = errors_of(&by_name);
        let e = errors.iter().next().unwrap();
        assert!(
            e.path.as_str().ends_with("backend.service.port.name"),
            "{e}"
        );
        assert!(e.fix.contains("did you mean `http`?"), "{e}");
        for good in [
            IngressBackend::service("web", 80),
            IngressBackend::service("web", "http"),
        ] {
            assert!(Bundle::new()
                .add(pods())
                .add(web())
                .add(route(good))
                .check()
                .is_ok());
        }
        // From the Service value itself:
        let service = web().build().unwrap();
        let ingress = Ingress::for_service("shop", "shop.example.com", &service);
        assert!(Bundle::new()
            .add(pods())
            .add(service)
            .add(ingress)
            .check()
            .is_ok());
    }

    #[test]
    fn rule_0_ingress_class_exists_or_is_provided() {
        let ingress = || route(IngressBackend::service("web", 80)).class("ngnix");
        let bundle = Bundle::new()
            .add(pods())
            .add(web())
            .add(IngressClass::new("nginx", "k8s.io/ingress-nginx"))
            .add(ingress());
        let errors = errors_of(&bundle);
        let e = errors.iter().next().unwrap();
        assert_eq!(e.path.as_str(), "Ingress/shop/shop: spec.ingressClassName");
        assert!(e.message.contains("IngressClasses known: `nginx`"), "{e}");
        assert!(e.fix.contains("did you mean `nginx`?"), "{e}");
        let provided = Bundle::new()
            .add(pods())
            .add(web())
            .add(ingress())
            .provided_by_cluster("IngressClass", "ngnix");
        assert!(provided.check().is_ok());
    }

    #[test]
    fn rule_0_claims_of_replica_sets_exist() {
        let set = ReplicaSet::new("cache").namespace("shop").template(
            Pod::template()
                .label("app", "cache")
                .volume(Volume::persistent_volume_claim("data", "cache-dat"))
                .container(
                    Container::new("cache")
                        .image("redis:7")
                        .mount("data", "/data"),
                ),
        );
        let claim = PersistentVolumeClaim::new("cache-data")
            .namespace("shop")
            .access_mode(AccessMode::ReadWriteOnce)
            .storage("1Gi");
        let errors = errors_of(&Bundle::new().add(set.clone()).add(claim.clone()));
        let e = errors.iter().next().unwrap();
        assert_eq!(
            e.path.as_str(),
            "ReplicaSet/shop/cache: spec.template.spec.volumes[0].persistentVolumeClaim.claimName"
        );
        assert!(e.fix.contains("did you mean `cache-data`?"), "{e}");
    }
}
