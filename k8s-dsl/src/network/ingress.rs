//! [`Ingress`] and [`IngressClass`]: HTTP routes from hosts and paths to Services, with TLS.

use k8s_openapi::api::core::v1 as core;
use k8s_openapi::api::networking::v1 as networking;

use crate::meta::Meta;
use crate::validate::{Errors, Warning};
use crate::value::PortRef;
use crate::workload::meta_methods;

/// How a request path is matched against an Ingress path (`pathType`, rule 79).
///
/// ```
/// use k8s_dsl::network::PathType;
///
/// assert_eq!(PathType::Prefix.as_str(), "Prefix");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PathType {
    /// The path and everything below it, by `/`-separated segments (`/api` matches `/api/v1`).
    Prefix,
    /// Exactly this path.
    Exact,
    /// As the ingress controller defines it (often a regular expression).
    ImplementationSpecific,
}

impl PathType {
    /// The Kubernetes spelling.
    pub fn as_str(&self) -> &'static str {
        match self {
            PathType::Prefix => "Prefix",
            PathType::Exact => "Exact",
            PathType::ImplementationSpecific => "ImplementationSpecific",
        }
    }
}

/// Where an Ingress sends matching requests: a Service port (by number or name), or a
/// resource of the ingress controller.
///
/// ```
/// use k8s_dsl::prelude::*;
///
/// let by_number = IngressBackend::service("web", 80).to_k8s();
/// assert_eq!(by_number.service.unwrap().port.unwrap().number, Some(80));
/// let by_name = IngressBackend::service("web", "http").to_k8s();
/// assert_eq!(by_name.service.unwrap().port.unwrap().name.as_deref(), Some("http"));
///
/// // From a Service value: its name, and its first port (by name when it has one).
/// let service = Service::new("web").selector("app", "web").port(ServicePort::tcp(80).name("http")).build()?;
/// let backend = IngressBackend::to_service(&service).to_k8s().service.unwrap();
/// assert_eq!((backend.name.as_str(), backend.port.unwrap().name.as_deref()), ("web", Some("http")));
/// # Ok::<(), k8s_dsl::Errors>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct IngressBackend(networking::IngressBackend);

impl IngressBackend {
    /// The port `port` (a number such as `80`, or a name such as `"http"`) of the Service
    /// `name` in the Ingress's namespace.
    pub fn service(name: impl Into<String>, port: impl Into<PortRef>) -> Self {
        let port = match port.into() {
            PortRef::Number(number) => networking::ServiceBackendPort {
                number: Some(number),
                name: None,
            },
            PortRef::Name(name) => networking::ServiceBackendPort {
                name: Some(name),
                number: None,
            },
        };
        IngressBackend(networking::IngressBackend {
            service: Some(networking::IngressServiceBackend {
                name: name.into(),
                port: Some(port),
            }),
            resource: None,
        })
    }

    /// The first port of a built Service, by its name when it has one, else by number.
    pub fn to_service(service: &core::Service) -> Self {
        let name = service.metadata.name.clone().unwrap_or_default();
        let first = service
            .spec
            .as_ref()
            .and_then(|spec| spec.ports.as_ref())
            .and_then(|ports| ports.first());
        match first {
            Some(port) => match &port.name {
                Some(port_name) if !port_name.is_empty() => {
                    IngressBackend::service(name, port_name.as_str())
                }
                _ => IngressBackend::service(name, port.port),
            },
            // No port: the backend is incomplete, and `build()` says so (rule 80).
            None => IngressBackend(networking::IngressBackend {
                service: Some(networking::IngressServiceBackend { name, port: None }),
                resource: None,
            }),
        }
    }

    /// The port `port` of a built Service (checked against its ports in a bundle).
    pub fn to_service_port(service: &core::Service, port: impl Into<PortRef>) -> Self {
        IngressBackend::service(service.metadata.name.clone().unwrap_or_default(), port)
    }

    /// A resource of the ingress controller (`kind` of `api_group`, called `name`), such as a
    /// bucket of static files.
    pub fn resource(
        api_group: impl Into<String>,
        kind: impl Into<String>,
        name: impl Into<String>,
    ) -> Self {
        let api_group = api_group.into();
        IngressBackend(networking::IngressBackend {
            service: None,
            resource: Some(core::TypedLocalObjectReference {
                api_group: (!api_group.is_empty()).then_some(api_group),
                kind: kind.into(),
                name: name.into(),
            }),
        })
    }

    /// The k8s-openapi `IngressBackend`.
    pub fn to_k8s(&self) -> networking::IngressBackend {
        self.0.clone()
    }
}

/// The routes of one host (or of every host): paths, each with its type and backend.
///
/// ```
/// use k8s_dsl::prelude::*;
///
/// let rule = IngressRule::host("shop.example.com")
///     .prefix("/", IngressBackend::service("web", 80))
///     .exact("/healthz", IngressBackend::service("web", "health"))
///     .to_k8s();
/// let paths = rule.http.unwrap().paths;
/// assert_eq!((paths[1].path.as_deref(), paths[1].path_type.as_str()), (Some("/healthz"), "Exact"));
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct IngressRule {
    host: Option<String>,
    paths: Vec<networking::HTTPIngressPath>,
}

impl IngressRule {
    /// The routes of requests for `host` (`shop.example.com`, or `*.example.com`; rule 78).
    pub fn host(host: impl Into<String>) -> Self {
        IngressRule {
            host: Some(host.into()),
            paths: Vec::new(),
        }
    }

    /// The routes of requests for any host.
    pub fn any_host() -> Self {
        IngressRule {
            host: None,
            paths: Vec::new(),
        }
    }

    /// Routes `path` matched as `path_type` to `backend`.
    pub fn path(
        mut self,
        path: impl Into<String>,
        path_type: PathType,
        backend: IngressBackend,
    ) -> Self {
        self.paths.push(networking::HTTPIngressPath {
            backend: backend.0,
            path: Some(path.into()),
            path_type: path_type.as_str().to_owned(),
        });
        self
    }

    /// Routes `path` and everything below it to `backend`.
    pub fn prefix(self, path: impl Into<String>, backend: IngressBackend) -> Self {
        self.path(path, PathType::Prefix, backend)
    }

    /// Routes exactly `path` to `backend`.
    pub fn exact(self, path: impl Into<String>, backend: IngressBackend) -> Self {
        self.path(path, PathType::Exact, backend)
    }

    /// The k8s-openapi `IngressRule` (without `http` when it routes no path: a host alone
    /// is valid, and the controller decides what it serves).
    pub fn to_k8s(&self) -> networking::IngressRule {
        networking::IngressRule {
            host: self.host.clone(),
            http: (!self.paths.is_empty()).then(|| networking::HTTPIngressRuleValue {
                paths: self.paths.clone(),
            }),
        }
    }
}

/// An Ingress: HTTP(S) routes from hosts and paths to Services, served by the ingress
/// controller of its class.
///
/// ```
/// use k8s_dsl::prelude::*;
///
/// let ingress = Ingress::new("shop")
///     .namespace("shop")
///     .class("nginx")
///     .rule(
///         IngressRule::host("shop.example.com")
///             .prefix("/", IngressBackend::service("web", 80))
///             .prefix("/api", IngressBackend::service("api", "http")),
///     )
///     .tls(["shop.example.com"], "shop-tls")
///     .build()?;
/// let spec = ingress.spec.unwrap();
/// assert_eq!(spec.ingress_class_name.as_deref(), Some("nginx"));
/// assert_eq!(spec.tls.unwrap()[0].secret_name.as_deref(), Some("shop-tls"));
///
/// // Mistakes do not build:
/// let errors = Ingress::new("shop")
///     .rule(IngressRule::host("10.0.0.1").prefix("api", IngressBackend::service("web", 0)))
///     .build()
///     .unwrap_err();
/// assert!(errors.has("spec.rules[0].host", 78));
/// assert!(errors.has("spec.rules[0].http.paths[0].path", 79));
/// assert!(errors.has("spec.rules[0].http.paths[0].backend", 80));
/// # Ok::<(), k8s_dsl::Errors>(())
/// ```
#[derive(Debug, Clone)]
pub struct Ingress {
    pub(crate) meta: Meta,
    class: Option<String>,
    default_backend: Option<IngressBackend>,
    rules: Vec<IngressRule>,
    tls: Vec<networking::IngressTLS>,
}

impl Ingress {
    /// An Ingress called `name` (a DNS subdomain).
    pub fn new(name: impl Into<String>) -> Self {
        Ingress {
            meta: Meta::new(name),
            class: None,
            default_backend: None,
            rules: Vec::new(),
            tls: Vec::new(),
        }
    }

    /// An Ingress called `name` that sends every request for `host` to the first port of
    /// `service` (by name when it has one).
    ///
    /// ```
    /// use k8s_dsl::prelude::*;
    ///
    /// let service = Service::new("web").namespace("shop").selector("app", "web").port(80).build()?;
    /// let ingress = Ingress::for_service("web", "shop.example.com", &service).build()?;
    /// assert_eq!(ingress.metadata.namespace.as_deref(), Some("shop"));
    /// let rules = ingress.spec.unwrap().rules.unwrap();
    /// let backend = rules[0].http.as_ref().unwrap().paths[0].backend.service.clone().unwrap();
    /// assert_eq!((backend.name.as_str(), backend.port.unwrap().number), ("web", Some(80)));
    /// # Ok::<(), k8s_dsl::Errors>(())
    /// ```
    pub fn for_service(
        name: impl Into<String>,
        host: impl Into<String>,
        service: &core::Service,
    ) -> Self {
        let mut ingress = Ingress::new(name)
            .rule(IngressRule::host(host).prefix("/", IngressBackend::to_service(service)));
        if let Some(namespace) = &service.metadata.namespace {
            ingress = ingress.namespace(namespace.clone());
        }
        ingress
    }

    meta_methods!();

    /// The IngressClass whose controller serves this Ingress (`spec.ingressClassName`; rule 81,
    /// and checked against the bundle's IngressClasses).
    pub fn class(mut self, class: impl Into<String>) -> Self {
        self.class = Some(class.into());
        self
    }

    /// Where requests that match no rule go (`spec.defaultBackend`).
    pub fn default_backend(mut self, backend: IngressBackend) -> Self {
        self.default_backend = Some(backend);
        self
    }

    /// Adds the routes of a host.
    pub fn rule(mut self, rule: IngressRule) -> Self {
        self.rules.push(rule);
        self
    }

    /// Serves `hosts` over TLS with the certificate and key of the Secret `secret_name`
    /// (type `kubernetes.io/tls`, in the Ingress's namespace).
    pub fn tls<S: Into<String>>(
        mut self,
        hosts: impl IntoIterator<Item = S>,
        secret_name: impl Into<String>,
    ) -> Self {
        let hosts: Vec<String> = hosts.into_iter().map(Into::into).collect();
        self.tls.push(networking::IngressTLS {
            hosts: (!hosts.is_empty()).then_some(hosts),
            secret_name: Some(secret_name.into()),
        });
        self
    }

    /// The k8s-openapi `Ingress`, or every error found.
    pub fn build(self) -> Result<networking::Ingress, Errors> {
        self.build_with_warnings().map(|(ingress, _)| ingress)
    }

    /// Like [`build`](Self::build), also returning the warnings.
    pub fn build_with_warnings(self) -> Result<(networking::Ingress, Vec<Warning>), Errors> {
        let rules: Vec<_> = self.rules.iter().map(IngressRule::to_k8s).collect();
        let ingress = networking::Ingress {
            metadata: self.meta.into_object_meta(),
            spec: Some(networking::IngressSpec {
                default_backend: self.default_backend.map(|b| b.0),
                ingress_class_name: self.class,
                rules: (!rules.is_empty()).then_some(rules),
                tls: (!self.tls.is_empty()).then_some(self.tls),
            }),
            status: None,
        };
        crate::validate::ingress(&ingress).finish(ingress)
    }
}

/// An IngressClass: a kind of Ingress and the controller that implements it.
///
/// ```
/// use k8s_dsl::prelude::*;
///
/// let class = IngressClass::new("nginx", "k8s.io/ingress-nginx").default_class().build()?;
/// assert_eq!(class.spec.unwrap().controller.as_deref(), Some("k8s.io/ingress-nginx"));
/// assert_eq!(
///     class.metadata.annotations.unwrap()["ingressclass.kubernetes.io/is-default-class"],
///     "true"
/// );
///
/// let errors = IngressClass::new("nginx", "nginx").build().unwrap_err();
/// assert!(errors.has("spec.controller", 82)); // no domain prefix
/// # Ok::<(), k8s_dsl::Errors>(())
/// ```
#[derive(Debug, Clone)]
pub struct IngressClass {
    pub(crate) meta: Meta,
    controller: String,
    parameters: Option<networking::IngressClassParametersReference>,
}

impl IngressClass {
    /// An IngressClass called `name` implemented by `controller` (a domain-prefixed path such
    /// as `k8s.io/ingress-nginx`; rule 82).
    pub fn new(name: impl Into<String>, controller: impl Into<String>) -> Self {
        IngressClass {
            meta: Meta::new(name),
            controller: controller.into(),
            parameters: None,
        }
    }

    /// Sets a label (`metadata.labels`).
    pub fn label(mut self, key: impl Into<String>, value: impl Into<String>) -> Self {
        self.meta = self.meta.label(key, value);
        self
    }

    /// Sets an annotation (`metadata.annotations`).
    pub fn annotation(mut self, key: impl Into<String>, value: impl Into<String>) -> Self {
        self.meta = self.meta.annotation(key, value);
        self
    }

    /// Makes this the class of Ingresses that name none (the annotation
    /// `ingressclass.kubernetes.io/is-default-class: "true"`).
    pub fn default_class(self) -> Self {
        self.annotation("ingressclass.kubernetes.io/is-default-class", "true")
    }

    /// The controller's settings: the cluster-scoped object `name` of `kind` in `api_group`
    /// (no `scope`: the API server makes it `Cluster`).
    pub fn parameters(
        mut self,
        api_group: impl Into<String>,
        kind: impl Into<String>,
        name: impl Into<String>,
    ) -> Self {
        let api_group = api_group.into();
        self.parameters = Some(networking::IngressClassParametersReference {
            api_group: (!api_group.is_empty()).then_some(api_group),
            kind: kind.into(),
            name: name.into(),
            namespace: None,
            scope: None,
        });
        self
    }

    /// The controller's settings in a namespaced object (`scope: Namespace`).
    pub fn namespaced_parameters(
        mut self,
        api_group: impl Into<String>,
        kind: impl Into<String>,
        namespace: impl Into<String>,
        name: impl Into<String>,
    ) -> Self {
        let api_group = api_group.into();
        self.parameters = Some(networking::IngressClassParametersReference {
            api_group: (!api_group.is_empty()).then_some(api_group),
            kind: kind.into(),
            name: name.into(),
            namespace: Some(namespace.into()),
            scope: Some("Namespace".to_owned()),
        });
        self
    }

    /// The k8s-openapi `IngressClass`, or every error found.
    pub fn build(self) -> Result<networking::IngressClass, Errors> {
        self.build_with_warnings().map(|(class, _)| class)
    }

    /// Like [`build`](Self::build), also returning the warnings.
    pub fn build_with_warnings(self) -> Result<(networking::IngressClass, Vec<Warning>), Errors> {
        let class = networking::IngressClass {
            metadata: self.meta.into_object_meta(),
            spec: Some(networking::IngressClassSpec {
                controller: Some(self.controller),
                parameters: self.parameters,
            }),
        };
        crate::validate::ingress_class(&class).finish(class)
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::indexing_slicing)]
mod tests {
    use k8s_openapi::api::networking::v1 as networking;

    use crate::prelude::*;

    fn has(ingress: &networking::Ingress, path: &str, rule: u16) -> bool {
        crate::validate::ingress(ingress)
            .errors()
            .iter()
            .any(|e| e.path.as_str() == path && e.rule == rule)
    }

    fn web() -> networking::Ingress {
        Ingress::new("web")
            .rule(
                IngressRule::host("shop.example.com")
                    .prefix("/", IngressBackend::service("web", 80)),
            )
            .build()
            .unwrap()
    }

    fn first_path(ingress: &mut networking::Ingress) -> &mut networking::HTTPIngressPath {
        let rules = ingress.spec.as_mut().unwrap().rules.as_mut().unwrap();
        &mut rules[0].http.as_mut().unwrap().paths[0]
    }

    #[test]
    fn rule_77_something_to_route() {
        let errors = Ingress::new("web").build().unwrap_err();
        assert!(errors.has("spec", 77));
        let only_default = Ingress::new("web").default_backend(IngressBackend::service("web", 80));
        assert!(only_default.build().is_ok());
        // A host alone is valid; an `http` without paths is not.
        let mut ingress = Ingress::new("web")
            .rule(IngressRule::host("a.example.com"))
            .build()
            .unwrap();
        let rules = ingress.spec.as_mut().unwrap().rules.as_mut().unwrap();
        rules[0].http = Some(networking::HTTPIngressRuleValue { paths: vec![] });
        assert!(has(&ingress, "spec.rules[0].http.paths", 77));
    }

    #[test]
    fn rule_78_hosts() {
        for (host, ok) in [
            ("shop.example.com", true),
            ("*.example.com", true),
            ("10.0.0.1", false),
            ("010.0.0.1", false),
            ("Shop.example.com", false),
            ("*", false),
            ("shop.*.com", false),
            ("*.*.example.com", false),
        ] {
            let ingress = Ingress::new("web")
                .rule(IngressRule::host(host).prefix("/", IngressBackend::service("web", 80)));
            assert_eq!(ingress.build().is_ok(), ok, "{host}");
        }
        let errors = Ingress::new("web")
            .default_backend(IngressBackend::service("web", 80))
            .tls(["*.example.com", "::1"], "Web_TLS")
            .build()
            .unwrap_err();
        assert!(errors.has("spec.tls[0].hosts[1]", 78));
        assert!(errors.has("spec.tls[0].secretName", 78));
        assert!(!errors.has("spec.tls[0].hosts[0]", 78));
    }

    #[test]
    fn rule_79_paths() {
        for (path, path_type, ok) in [
            ("/", "Prefix", true),
            ("/api/v1", "Exact", true),
            ("api", "Prefix", false),
            ("/a//b", "Prefix", false),
            ("/a/../b", "Exact", false),
            ("/a%2Fb", "Prefix", false),
            ("/a/.", "Prefix", false),
            ("/a/..", "Exact", false),
            ("/.*", "ImplementationSpecific", true),
            ("", "ImplementationSpecific", true),
            ("api", "ImplementationSpecific", false),
        ] {
            let mut ingress = web();
            let p = first_path(&mut ingress);
            p.path = Some(path.into());
            p.path_type = path_type.into();
            assert_eq!(
                !has(&ingress, "spec.rules[0].http.paths[0].path", 79),
                ok,
                "{path} {path_type}"
            );
        }
        let mut ingress = web();
        first_path(&mut ingress).path_type = "prefix".into();
        assert!(has(&ingress, "spec.rules[0].http.paths[0].pathType", 79));
        first_path(&mut ingress).path_type = String::new();
        assert!(has(&ingress, "spec.rules[0].http.paths[0].pathType", 79));
    }

    #[test]
    fn rule_80_backends() {
        const B: &str = "spec.rules[0].http.paths[0].backend";
        let mut ingress = web();
        first_path(&mut ingress).backend.resource =
            IngressBackend::resource("k8s.example.com", "StorageBucket", "static")
                .to_k8s()
                .resource;
        assert!(has(&ingress, B, 80));
        let mut ingress = web();
        first_path(&mut ingress).backend = networking::IngressBackend::default();
        assert!(has(&ingress, B, 80));
        let mut ingress = web();
        let service = first_path(&mut ingress).backend.service.as_mut().unwrap();
        service.port = Some(networking::ServiceBackendPort {
            name: Some("http".into()),
            number: Some(80),
        });
        assert!(has(&ingress, B, 80));
        let mut ingress = web();
        first_path(&mut ingress)
            .backend
            .service
            .as_mut()
            .unwrap()
            .port = None;
        assert!(has(&ingress, B, 80));
        let errors = Ingress::new("web")
            .default_backend(IngressBackend::service("Web", "HTTP"))
            .build()
            .unwrap_err();
        assert!(errors.has("spec.defaultBackend.service.name", 80));
        assert!(errors.has("spec.defaultBackend.service.port.name", 21));
        let errors = Ingress::new("web")
            .default_backend(IngressBackend::service("web", 70000))
            .build()
            .unwrap_err();
        assert!(errors.has("spec.defaultBackend.service.port.number", 20));
        let errors = Ingress::new("web")
            .default_backend(IngressBackend::resource("", "", "a/b"))
            .build()
            .unwrap_err();
        assert!(errors.has("spec.defaultBackend.resource.kind", 80));
        assert!(errors.has("spec.defaultBackend.resource.name", 80));
        // A DNS label that is no DNS-1035 label: accepted since RelaxedServiceNameValidation.
        let digits = Ingress::new("web").default_backend(IngressBackend::service("1web", 80));
        assert!(digits.build().is_ok());
    }

    #[test]
    fn rule_81_class_name() {
        let errors = Ingress::new("web")
            .class("Nginx")
            .default_backend(IngressBackend::service("web", 80))
            .build()
            .unwrap_err();
        assert!(errors.has("spec.ingressClassName", 81));
        let errors = Ingress::new("web")
            .class("nginx")
            .annotation("kubernetes.io/ingress.class", "traefik")
            .default_backend(IngressBackend::service("web", 80))
            .build()
            .unwrap_err();
        assert!(errors.has("annotations.kubernetes.io/ingress.class", 81));
        let same = Ingress::new("web")
            .class("nginx")
            .annotation("kubernetes.io/ingress.class", "nginx")
            .default_backend(IngressBackend::service("web", 80));
        assert!(same.build().is_ok());
    }

    #[test]
    fn rule_82_ingress_class() {
        let has = |class: &networking::IngressClass, path: &str| {
            crate::validate::ingress_class(class)
                .errors()
                .iter()
                .any(|e| e.path.as_str() == path && e.rule == 82)
        };
        assert!(IngressClass::new("nginx", "k8s.io/ingress-nginx")
            .build()
            .is_ok());
        for bad in [
            "",
            "nginx",
            "k8s.io/",
            "K8S_io/nginx",
            &format!("k8s.io/{}", "a".repeat(250)),
        ] {
            let errors = IngressClass::new("nginx", bad).build().unwrap_err();
            assert!(errors.has("spec.controller", 82), "{bad}");
        }
        let mut class = IngressClass::new("nginx", "k8s.io/ingress-nginx")
            .parameters("k8s.example.com", "IngressParameters", "external-lb")
            .build()
            .unwrap();
        let params = class.spec.as_mut().unwrap().parameters.as_mut().unwrap();
        params.namespace = Some("default".into());
        assert!(has(&class, "spec.parameters.namespace"));
        let params = class.spec.as_mut().unwrap().parameters.as_mut().unwrap();
        params.scope = Some("Global".into());
        assert!(has(&class, "spec.parameters.scope"));
        // A missing scope is `Cluster` (the API server's default), which forbids a namespace.
        let params = class.spec.as_mut().unwrap().parameters.as_mut().unwrap();
        params.scope = None;
        assert!(has(&class, "spec.parameters.namespace"));
        let params = class.spec.as_mut().unwrap().parameters.as_mut().unwrap();
        params.namespace = None;
        assert!(crate::validate::ingress_class(&class).errors().is_empty());
        let errors = IngressClass::new("nginx", "k8s.io/ingress-nginx")
            .namespaced_parameters("", "", "Shop", "")
            .build()
            .unwrap_err();
        assert!(errors.has("spec.parameters.kind", 82));
        assert!(errors.has("spec.parameters.name", 82));
        assert!(errors.has("spec.parameters.namespace", 82));
    }
}
