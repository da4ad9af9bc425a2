use k8s_openapi::api::networking::v1 as networking;
use k8s_openapi::apimachinery::pkg::util::intstr::IntOrString;

use crate::prelude::*;

fn one_port(port: networking::NetworkPolicyPort) -> networking::NetworkPolicy {
    let mut policy = NetworkPolicy::new("p")
        .allow_ingress([], [PolicyPort::tcp(80)])
        .build()
        .unwrap();
    if let Some(rules) = policy.spec.as_mut().and_then(|s| s.ingress.as_mut()) {
        rules[0].ports = Some(vec![port]);
    }
    policy
}

fn has(policy: &networking::NetworkPolicy, path: &str, rule: u16) -> bool {
    crate::validate::network_policy(policy)
        .errors()
        .iter()
        .any(|e| e.path.as_str() == path && e.rule == rule)
}

#[test]
fn rule_73_ports() {
    let port = |protocol: &str, port: Option<IntOrString>, end: Option<i32>| {
        one_port(networking::NetworkPolicyPort {
            protocol: Some(protocol.into()),
            port,
            end_port: end,
        })
    };
    const P: &str = "spec.ingress[0].ports[0]";
    assert!(has(&port("tcp", None, None), &format!("{P}.protocol"), 73));
    assert!(has(
        &port("TCP", Some(IntOrString::Int(90)), Some(80)),
        &format!("{P}.endPort"),
        73
    ));
    assert!(has(
        &port("TCP", Some(IntOrString::String("http".into())), Some(80)),
        &format!("{P}.endPort"),
        73
    ));
    assert!(has(
        &port("TCP", None, Some(80)),
        &format!("{P}.endPort"),
        73
    ));
    assert!(has(
        &port("TCP", Some(IntOrString::Int(0)), None),
        &format!("{P}.port"),
        20
    ));
    assert!(has(
        &port("TCP", Some(IntOrString::String("HTTP".into())), None),
        &format!("{P}.port"),
        21
    ));
    let range = port("UDP", Some(IntOrString::Int(80)), Some(80));
    assert!(crate::validate::network_policy(&range).errors().is_empty());
    let errors = NetworkPolicy::new("p")
        .allow_ingress([], [PolicyPort::tcp(8000).to(7000)])
        .build()
        .unwrap_err();
    assert!(errors.has(&format!("{P}.endPort"), 73));
}

#[test]
fn rule_74_peers() {
    let mut both = Peer::cidr("10.0.0.0/8").to_k8s();
    both.pod_selector = Peer::pods([("app", "a")]).to_k8s().pod_selector;
    let mut policy = NetworkPolicy::new("p")
        .allow_ingress([Peer::pods([("a", "b")])], [])
        .build()
        .unwrap();
    if let Some(rules) = policy.spec.as_mut().and_then(|s| s.ingress.as_mut()) {
        rules[0].from = Some(vec![networking::NetworkPolicyPeer::default(), both]);
    }
    assert!(has(&policy, "spec.ingress[0].from[0]", 74));
    assert!(has(&policy, "spec.ingress[0].from[1]", 74));
    // Pods and namespaces together are one peer (pods in those namespaces):
    let ok = NetworkPolicy::new("p")
        .allow_ingress(
            [Peer::pods_in_namespace(
                [("team", "ops")],
                [("app", "prom")],
            )],
            [],
        )
        .build();
    assert!(ok.is_ok(), "{ok:?}");
}

#[test]
fn rule_75_ip_blocks() {
    let build = |peer: Peer| NetworkPolicy::new("p").allow_egress([peer], []).build();
    const B: &str = "spec.egress[0].to[0].ipBlock";
    assert!(build(Peer::cidr(""))
        .unwrap_err()
        .has(&format!("{B}.cidr"), 75));
    assert!(build(Peer::cidr("10.0.0.0"))
        .unwrap_err()
        .has(&format!("{B}.cidr"), 75));
    let errors =
        build(Peer::cidr("10.0.0.0/8").except(["10.0.0.0/8", "11.0.0.0/16", "x", "10.2.0.0/16"]))
            .unwrap_err();
    for i in 0..3 {
        assert!(
            errors.has(&format!("{B}.except[{i}]"), 75),
            "{i}: {errors:?}"
        );
    }
    assert!(!errors.has(&format!("{B}.except[3]"), 75));
    // Host bits beyond the prefix: accepted, with a warning.
    let (_, warnings) = NetworkPolicy::new("p")
        .allow_egress([Peer::cidr("10.0.0.1/8")], [])
        .build_with_warnings()
        .unwrap();
    assert_eq!(warnings[0].path.as_str(), format!("{B}.cidr"));
}

#[test]
fn rule_76_policy_types() {
    let mut policy = NetworkPolicy::deny_all("p").build().unwrap();
    let types = |t: &[&str]| Some(t.iter().map(|s| s.to_string()).collect::<Vec<_>>());
    if let Some(spec) = policy.spec.as_mut() {
        spec.policy_types = types(&["Ingres", "Egress"]);
    }
    assert!(has(&policy, "spec.policyTypes[0]", 76));
    let message = crate::validate::network_policy(&policy).errors()[0]
        .fix
        .clone();
    assert!(message.contains("`Ingress`"), "{message}");
    if let Some(spec) = policy.spec.as_mut() {
        spec.policy_types = types(&["Ingress", "Egress", "Ingress"]);
    }
    assert!(has(&policy, "spec.policyTypes", 76));
}

#[test]
fn shortcuts_build_the_usual_policies() {
    let deny = NetworkPolicy::deny_all("deny")
        .build()
        .unwrap()
        .spec
        .unwrap();
    assert_eq!(deny.pod_selector, Some(Default::default()));
    assert_eq!((deny.ingress, deny.egress), (None, None));
    assert_eq!(deny.policy_types.unwrap(), ["Ingress", "Egress"]);
    let open = NetworkPolicy::new("open").build().unwrap().spec.unwrap();
    assert_eq!(open.policy_types, None);
    let dns = NetworkPolicy::new("dns")
        .allow_dns_egress()
        .build()
        .unwrap()
        .spec
        .unwrap();
    assert_eq!(dns.policy_types.unwrap(), ["Egress"]);
    let rule = &dns.egress.unwrap()[0];
    let ports: Vec<_> = rule
        .ports
        .iter()
        .flatten()
        .map(|p| p.protocol.clone().unwrap())
        .collect();
    assert_eq!(ports, ["UDP", "TCP"]);
}

#[test]
fn bundle_checks_the_selected_pods_and_their_named_ports() {
    let web = || {
        Deployment::new("web")
            .namespace("shop")
            .replicas(1)
            .template(
                Pod::template().label("app", "web").container(
                    Container::new("web")
                        .image("nginx:1.27")
                        .port(ContainerPort::tcp(80).name("http")),
                ),
            )
    };
    let policy = NetworkPolicy::new("web")
        .namespace("shop")
        .pods([("app", "web")])
        .allow_from_pods([("app", "front")], [PolicyPort::named("htp")]);
    let errors = Bundle::new().add(web()).add(policy).check().unwrap_err();
    let error = errors
        .iter()
        .find(|e| e.path.as_str() == "NetworkPolicy/shop/web: spec.ingress[0].ports[0].port")
        .unwrap();
    assert!(error.fix.contains("did you mean `http`?"), "{}", error.fix);
    let typo = NetworkPolicy::new("web")
        .namespace("shop")
        .pods([("app", "wbe")])
        .deny_ingress();
    let warnings = Bundle::new().add(web()).add(typo).check().unwrap();
    assert!(warnings.iter().any(
        |w| w.path.as_str() == "NetworkPolicy/shop/web: spec.podSelector"
            && w.message.contains("app=web")
    ));
    let good = NetworkPolicy::new("web")
        .namespace("shop")
        .pods([("app", "web")])
        .allow_from_pods([("app", "front")], [PolicyPort::named("http")]);
    let bundle = Bundle::new().add(web()).add(good);
    let warnings = bundle.check().unwrap();
    assert!(
        !warnings
            .iter()
            .any(|w| w.path.as_str().starts_with("NetworkPolicy")),
        "{warnings:?}"
    );
    let kinds: Vec<&str> = bundle.objects().iter().map(|o| o.kind()).collect();
    assert_eq!(kinds, ["NetworkPolicy", "Deployment"]);
}

#[test]
fn policies_from_yaml_are_checked_as_policies() {
    let errors = CustomResource::new("networking.k8s.io/v1", "NetworkPolicy", "p")
        .spec(serde_json::json!({ "podSelector": {}, "policyTypes": ["Ingres"] }))
        .build()
        .unwrap_err();
    assert!(errors.has("spec.policyTypes[0]", 76));
    let errors = CustomResource::new("networking.k8s.io/v1", "NetworkPolicy", "p")
        .spec(serde_json::json!({ "podSelectr": {} }))
        .build()
        .unwrap_err();
    assert!(
        errors
            .iter()
            .any(|e| e.path.as_str().contains("podSelectr")),
        "{errors:?}"
    );
}

#[test]
fn bundle_checks_the_named_ports_of_egress_rules_against_the_pods_they_reach() {
    let db = || {
        Deployment::new("db")
            .namespace("data")
            .replicas(1)
            .template(
                Pod::template().label("app", "db").container(
                    Container::new("db")
                        .image("postgres:17")
                        .port(ContainerPort::tcp(5432).name("postgres")),
                ),
            )
    };
    let data = || Namespace::new("data").label("team", "storage");
    let egress = |port: &str| {
        NetworkPolicy::new("api").namespace("shop").allow_egress(
            [Peer::pods_in_namespace(
                [("team", "storage")],
                [("app", "db")],
            )],
            [PolicyPort::named(port)],
        )
    };
    let path = "NetworkPolicy/shop/api: spec.egress[0].ports[0].port";
    // The peer selects the database pods (through the Namespace's labels), which name the
    // port `postgres`: a misspelt name never matches them.
    let errors = Bundle::new()
        .add(data())
        .add(db())
        .add(egress("postgre"))
        .check()
        .unwrap_err();
    let error = errors.iter().find(|e| e.path.as_str() == path).unwrap();
    assert!(error.message.contains("`postgres`"), "{}", error.message);
    assert!(
        error.fix.contains("did you mean `postgres`?"),
        "{}",
        error.fix
    );
    let warnings = Bundle::new()
        .add(data())
        .add(db())
        .add(egress("postgres"))
        .check()
        .unwrap();
    assert!(
        !warnings.iter().any(|w| w.path.as_str() == path),
        "{warnings:?}"
    );
    // Without the Namespace, only its name label is known: the peer selects no pod of the
    // bundle, so the name is not checked, and a warning says so.
    let warnings = Bundle::new()
        .add(db())
        .add(egress("postgre"))
        .check()
        .unwrap();
    let warning = warnings.iter().find(|w| w.path.as_str() == path).unwrap();
    assert!(
        warning.message.contains("selects no pod of the bundle"),
        "{}",
        warning.message
    );
    // A pod selector alone selects pods of the policy's own namespace.
    let same_namespace = NetworkPolicy::new("api").namespace("data").allow_egress(
        [Peer::pods([("app", "db")])],
        [PolicyPort::named("postgre")],
    );
    let errors = Bundle::new()
        .add(db())
        .add(same_namespace)
        .check()
        .unwrap_err();
    assert!(errors
        .iter()
        .any(|e| e.path.as_str() == "NetworkPolicy/data/api: spec.egress[0].ports[0].port"));
    // A rule that also reaches an IP block may reach pods outside the bundle: a warning.
    let open = NetworkPolicy::new("api").namespace("data").allow_egress(
        [Peer::pods([("app", "db")]), Peer::cidr("10.0.0.0/8")],
        [PolicyPort::named("postgre")],
    );
    let warnings = Bundle::new().add(db()).add(open).check().unwrap();
    assert!(warnings.iter().any(|w| w.path.as_str()
        == "NetworkPolicy/data/api: spec.egress[0].ports[0].port"
        && w.message.contains("beyond them")));
}
