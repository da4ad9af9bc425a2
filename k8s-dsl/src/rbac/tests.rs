use k8s_openapi::api::rbac::v1 as rbac;
use k8s_openapi::apimachinery::pkg::apis::meta::v1::ObjectMeta;

use crate::prelude::*;

fn named(name: &str) -> ObjectMeta {
    ObjectMeta {
        name: Some(name.into()),
        ..ObjectMeta::default()
    }
}

fn raw_rule(groups: &[&str], resources: &[&str], verbs: &[&str]) -> rbac::PolicyRule {
    let list = |l: &[&str]| (!l.is_empty()).then(|| l.iter().map(|s| s.to_string()).collect());
    rbac::PolicyRule {
        api_groups: list(groups),
        resources: list(resources),
        verbs: verbs.iter().map(|s| s.to_string()).collect(),
        ..rbac::PolicyRule::default()
    }
}

#[test]
fn rule_66_verbs_groups_and_resources_are_required() {
    let role = rbac::Role {
        metadata: named("r"),
        rules: Some(vec![raw_rule(&[], &[], &[])]),
    };
    let report = crate::validate::role(&role);
    let at = |path: &str| {
        report
            .errors()
            .iter()
            .any(|e| e.path.as_str() == path && e.rule == 66)
    };
    assert!(at("rules[0].verbs") && at("rules[0].apiGroups") && at("rules[0].resources"));
    // The builder never leaves out the groups, but can leave out the verbs:
    let errors = Role::new("r").rule(Rule::on(["pods"])).build().unwrap_err();
    assert!(errors.has("rules[0].verbs", 66));
    assert!(!errors.has("rules[0].apiGroups", 66));
}

#[test]
fn rule_66_resource_names_need_a_single_resource() {
    let rule = Rule::on(["pods", "secrets"])
        .resource_names(["a"])
        .verb(Verb::Get);
    let errors = Role::new("r").rule(rule).build().unwrap_err();
    assert!(errors.has("rules[0].resourceNames", 66));
    let rule = Rule::on(["secrets"]).resource_names(["a"]).verb(Verb::Get);
    assert!(Role::new("r").rule(rule).build().is_ok());
}

#[test]
fn rule_67_non_resource_urls_only_in_cluster_roles_and_alone() {
    let urls = || Rule::urls(["/healthz"]).verb(Verb::Get);
    assert!(ClusterRole::new("c").rule(urls()).build().is_ok());
    let errors = Role::new("r").rule(urls()).build().unwrap_err();
    assert!(errors.has("rules[0].nonResourceURLs", 67));
    let mut mixed = raw_rule(&[""], &["pods"], &["get"]);
    mixed.non_resource_urls = Some(vec!["/metrics".into()]);
    let role = rbac::ClusterRole {
        metadata: named("c"),
        rules: Some(vec![mixed]),
        aggregation_rule: None,
    };
    let report = crate::validate::cluster_role(&role);
    assert!(report
        .errors()
        .iter()
        .any(|e| e.path.as_str() == "rules[0].nonResourceURLs" && e.rule == 67));
}

#[test]
fn rule_68_aggregation_needs_a_selector() {
    let role = rbac::ClusterRole {
        metadata: named("c"),
        rules: None,
        aggregation_rule: Some(rbac::AggregationRule {
            cluster_role_selectors: None,
        }),
    };
    let report = crate::validate::cluster_role(&role);
    assert!(report
        .errors()
        .iter()
        .any(|e| e.path.as_str() == "aggregationRule.clusterRoleSelectors" && e.rule == 68));
    let built = ClusterRole::new("c")
        .aggregate_from([("example.com/aggregate", "true")])
        .build()
        .unwrap();
    assert!(built.rules.is_none());
    // Selector labels are label keys (rule 8).
    let errors = ClusterRole::new("c")
        .aggregate_from([("a b", "true")])
        .build()
        .unwrap_err();
    // At the map, as the API server reports it; the message names the key.
    assert!(errors.iter().any(|e| e.path.as_str()
        == "aggregationRule.clusterRoleSelectors[0].matchLabels"
        && e.message.contains("`a b`")));
}

#[test]
fn rule_69_names_are_path_segments() {
    for bad in [".", "..", "a/b", "100%"] {
        let errors = Role::new(bad).allow_read(["pods"]).build().unwrap_err();
        assert!(errors.has("metadata.name", 69), "{bad}");
    }
    // Colons and upper case are fine (`system:controller:x`).
    assert!(ClusterRole::new("system:Reader")
        .allow_read(["pods"])
        .build()
        .is_ok());
    let errors = RoleBinding::new("b").role("a/b").build().unwrap_err();
    assert!(errors.has("roleRef.name", 69));
    let errors = RoleBinding::new("b").build().unwrap_err();
    assert!(errors.has("roleRef.name", 69));
}

#[test]
fn rule_70_role_ref_group_and_kind() {
    let mut binding = RoleBinding::new("b").role("reader").build().unwrap();
    binding.role_ref.kind = "Roles".into();
    binding.role_ref.api_group = "rbac.authorization.k8s.io/v1".to_owned().into();
    let report = crate::validate::role_binding(&binding);
    let has = |path: &str| {
        report
            .errors()
            .iter()
            .any(|e| e.path.as_str() == path && e.rule == 70)
    };
    assert!(has("roleRef.kind") && has("roleRef.apiGroup"));
    // A ClusterRoleBinding binds only ClusterRoles.
    let mut cluster = ClusterRoleBinding::new("b")
        .cluster_role("view")
        .build()
        .unwrap();
    cluster.role_ref.kind = "Role".into();
    let report = crate::validate::cluster_role_binding(&cluster);
    assert!(report
        .errors()
        .iter()
        .any(|e| e.path.as_str() == "roleRef.kind" && e.rule == 70));
}

#[test]
fn rule_71_subjects() {
    let mut binding = RoleBinding::new("b")
        .role("reader")
        .subject(Subject::service_account(&ServiceAccount::new("Robot")))
        .subject(Subject::user("jane"))
        .subject(Subject::group(""))
        .build()
        .unwrap_err();
    assert!(binding.has("subjects[0].name", 71));
    assert!(binding.has("subjects[2].name", 71));
    assert!(!binding
        .errors
        .iter()
        .any(|e| e.path.as_str().starts_with("subjects[1]")));
    binding = ClusterRoleBinding::new("b")
        .cluster_role("view")
        .subject(Subject::service_account(&ServiceAccount::new("robot")))
        .build()
        .unwrap_err();
    assert!(binding.has("subjects[0].namespace", 71));
    let raw = rbac::RoleBinding {
        metadata: named("b"),
        role_ref: RoleBinding::new("x").role("r").build().unwrap().role_ref,
        subjects: Some(vec![
            rbac::Subject {
                kind: "Users".into(),
                name: "jane".into(),
                ..rbac::Subject::default()
            },
            rbac::Subject {
                kind: "User".into(),
                name: "jane".into(),
                ..rbac::Subject::default()
            },
            rbac::Subject {
                kind: "ServiceAccount".into(),
                name: "robot".into(),
                api_group: Some("v1".into()),
                ..rbac::Subject::default()
            },
        ]),
    };
    let report = crate::validate::role_binding(&raw);
    let has = |path: &str| {
        report
            .errors()
            .iter()
            .any(|e| e.path.as_str() == path && e.rule == 71)
    };
    assert!(has("subjects[0].kind") && has("subjects[1].apiGroup") && has("subjects[2].apiGroup"));
}

#[test]
fn unknown_verbs_are_warnings() {
    let role = rbac::Role {
        metadata: named("r"),
        rules: Some(vec![raw_rule(&[""], &["pods"], &["Get"])]),
    };
    let report = crate::validate::role(&role);
    assert!(report.errors().is_empty());
    let warning = &report.warnings()[0];
    assert_eq!(warning.path.as_str(), "rules[0].verbs[0]");
    assert!(warning.message.contains("`get`"), "{}", warning.message);
}

#[test]
fn groups_come_from_resource_names() {
    let role = Role::new("r")
        .allow_write(["pods/log", "jobs", "cronjobs", "configmaps"])
        .build()
        .unwrap();
    let rule = &role.rules.unwrap()[0];
    assert_eq!(
        rule.api_groups.as_deref(),
        Some(&["".to_owned(), "batch".to_owned()][..])
    );
    let errors = Role::new("r")
        .allow_read(["deployment", "widgets"])
        .build()
        .unwrap_err();
    let first = errors
        .iter()
        .find(|e| e.path.as_str() == "rules[0].resources[0]")
        .unwrap();
    assert!(
        first.fix.contains("did you mean `deployments`?"),
        "{}",
        first.fix
    );
    assert!(errors
        .iter()
        .any(|e| e.path.as_str() == "rules[0].resources[1]"
            && e.fix
                .contains("Rule::in_group(\"example.com\", [\"widgets\"])")));
}

#[test]
fn bundle_checks_the_role_and_subjects_of_a_binding() {
    let account = ServiceAccount::new("robot").namespace("shop");
    let binding = RoleBinding::new("b")
        .namespace("shop")
        .role("reader")
        .subject(Subject::service_account(&account))
        .subject(Subject::service_account_named("builder", "ci"));
    let errors = Bundle::new()
        .add(ServiceAccount::new("robot").namespace("shop"))
        .add(Role::new("readers").namespace("shop").allow_read(["pods"]))
        .add(binding.clone())
        .check()
        .unwrap_err();
    let role = errors
        .iter()
        .find(|e| e.path.as_str() == "RoleBinding/shop/b: roleRef.name")
        .unwrap();
    assert!(role.message.contains("`readers`"), "{}", role.message);
    assert!(role.fix.contains("did you mean `readers`?"), "{}", role.fix);
    let subject = errors
        .iter()
        .find(|e| e.path.as_str() == "RoleBinding/shop/b: subjects[1].name")
        .unwrap();
    assert!(
        subject.message.contains("in namespace `ci`"),
        "{}",
        subject.message
    );
    assert_eq!(errors.len(), 2, "{errors:?}");
    // Provided by the cluster, or built in:
    let ok = Bundle::new()
        .add(account)
        .add(binding)
        .add(
            ClusterRoleBinding::new("c")
                .cluster_role("view")
                .subject(Subject::group("ops")),
        )
        .provided_by_cluster("Role", "reader")
        .provided_by_cluster("ServiceAccount", "builder");
    assert!(ok.check().is_ok(), "{:?}", ok.check());
}

#[test]
fn bundle_warns_about_a_missing_service_account() {
    let pod = |account: &str| {
        Pod::new("web")
            .namespace("shop")
            .service_account_name(account)
            .container(Container::new("web").image("nginx:1.27"))
    };
    let account = || ServiceAccount::new("web-runner").namespace("shop");
    let warnings = Bundle::new()
        .add(account())
        .add(pod("web-runer"))
        .check()
        .unwrap();
    let warning = warnings
        .iter()
        .find(|w| w.path.as_str() == "Pod/shop/web: spec.serviceAccountName")
        .unwrap();
    assert!(
        warning.message.contains("known: `web-runner`"),
        "{}",
        warning.message
    );
    assert!(
        warning.message.contains("did you mean `web-runner`?"),
        "{}",
        warning.message
    );
    for name in ["web-runner", "default"] {
        let warnings = Bundle::new().add(account()).add(pod(name)).check().unwrap();
        assert!(!warnings
            .iter()
            .any(|w| w.path.as_str().contains("serviceAccountName")));
    }
}

#[test]
fn bundle_checks_pull_secrets_and_orders_rbac_before_workloads() {
    let account = ServiceAccount::new("web").image_pull_secret("registry");
    let errors = Bundle::new().add(account.clone()).check().unwrap_err();
    assert!(errors.has("ServiceAccount/web: imagePullSecrets[0].name", 0));
    let bundle = Bundle::new()
        .add(Pod::new("web").container(Container::new("web").image("nginx:1.27")))
        .add(RoleBinding::new("b").role("r"))
        .add(Role::new("r").allow_read(["pods"]))
        .add(account)
        .provided_by_cluster("Secret", "registry");
    let kinds: Vec<&str> = bundle.objects().iter().map(|o| o.kind()).collect();
    assert_eq!(kinds, ["Role", "RoleBinding", "ServiceAccount", "Pod"]);
}

#[test]
fn raw_and_yaml_rbac_objects_are_checked() {
    let role = rbac::Role {
        metadata: named("r"),
        rules: Some(vec![raw_rule(&[], &["pods"], &["get"])]),
    };
    let errors = Bundle::new().add(role).check().unwrap_err();
    assert!(errors.has("Role/r: rules[0].apiGroups", 66));
    let object = CustomResource::new("rbac.authorization.k8s.io/v1", "ClusterRoleBinding", "c")
        .field(
            "roleRef",
            serde_json::json!({ "apiGroup": "rbac.authorization.k8s.io", "kind": "Role", "name": "x" }),
        )
        .build()
        .unwrap_err();
    assert!(object.has("roleRef.kind", 70));
    let object = CustomResource::new("rbac.authorization.k8s.io/v1", "ClusterRoleBinding", "c")
        .field(
            "roleRef",
            serde_json::json!({ "apiGroup": "rbac.authorization.k8s.io", "kind": "ClusterRole", "name": "x" }),
        )
        .build();
    assert!(object.is_ok(), "{object:?}");
}

#[test]
fn bundle_warns_about_a_namespace_it_does_not_hold() {
    let config = |ns: &str| ConfigMap::new("settings").namespace(ns);
    // No Namespace in the bundle: namespaces are the cluster's business.
    let warnings = Bundle::new().add(config("shop")).check().unwrap();
    assert!(warnings.is_empty(), "{warnings:?}");
    let warnings = Bundle::new()
        .add(Namespace::new("shop"))
        .add(config("shpo"))
        .add(ServiceAccount::new("web").namespace("shpo"))
        .check()
        .unwrap();
    let namespace: Vec<_> = warnings
        .iter()
        .filter(|w| w.path.as_str().ends_with("metadata.namespace"))
        .collect();
    assert_eq!(namespace.len(), 1, "{warnings:?}");
    assert!(
        namespace[0].message.contains("did you mean `shop`?"),
        "{}",
        namespace[0].message
    );
    let provided = Bundle::new()
        .add(Namespace::new("shop"))
        .add(config("shop"))
        .add(config("monitoring"))
        .provided_by_cluster("Namespace", "monitoring");
    assert!(provided.check().unwrap().is_empty());
}

#[test]
fn namespaces_come_first_and_raw_ones_are_checked() {
    let bundle = Bundle::new()
        .add(ServiceAccount::new("web").namespace("shop"))
        .add(Namespace::new("shop").enforce(Profile::Restricted));
    let kinds: Vec<&str> = bundle.objects().iter().map(|o| o.kind()).collect();
    assert_eq!(kinds, ["Namespace", "ServiceAccount"]);
    let mut raw = Namespace::new("shop").build().unwrap();
    raw.metadata.labels = Some(
        [(
            "pod-security.kubernetes.io/enforce".to_owned(),
            "strict".to_owned(),
        )]
        .into(),
    );
    let errors = Bundle::new().add(raw).check().unwrap_err();
    assert!(errors.has(
        "Namespace/shop: metadata.labels[pod-security.kubernetes.io/enforce]",
        72
    ));
}
