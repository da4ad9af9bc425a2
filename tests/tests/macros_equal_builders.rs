//! Every WORKLOADS pod, Job, CronJob and Deployment is written twice in `examples/`: with the
//! builders (`NAME.rs`) and with the macros (`NAME_macro.rs`). One model, two front doors:
//! both must print byte-identical YAML.

#![allow(clippy::expect_used)]

use k8s_dsl_examples::{render, Format, Manifests};

fn yaml(manifests: Result<Manifests, Box<dyn std::error::Error>>) -> String {
    render(&manifests.expect("the example builds"), Format::Yaml).expect("the example emits")
}

#[path = "../../examples/cronjob_random_generator.rs"]
mod cronjob_random_generator;
#[path = "../../examples/cronjob_random_generator_macro.rs"]
mod cronjob_random_generator_macro;

#[test]
fn cronjob_random_generator_macro_equals_builders() {
    let builders = yaml(cronjob_random_generator::manifests());
    assert!(builders.starts_with("apiVersion: "));
    assert_eq!(yaml(cronjob_random_generator_macro::manifests()), builders);
}

#[path = "../../examples/cronjob_reporting.rs"]
mod cronjob_reporting;
#[path = "../../examples/cronjob_reporting_macro.rs"]
mod cronjob_reporting_macro;

#[test]
fn cronjob_reporting_macro_equals_builders() {
    let builders = yaml(cronjob_reporting::manifests());
    assert!(builders.starts_with("apiVersion: "));
    assert_eq!(yaml(cronjob_reporting_macro::manifests()), builders);
}

// `cronjob_reporting` includes `job_math_add.rs` already: a file is loaded as one module.
use cronjob_reporting::job_math_add;

#[path = "../../examples/deployment_config_template.rs"]
mod deployment_config_template;
#[path = "../../examples/deployment_config_template_macro.rs"]
mod deployment_config_template_macro;

#[test]
fn deployment_config_template_macro_equals_builders() {
    let builders = yaml(deployment_config_template::manifests());
    assert!(builders.starts_with("apiVersion: "));
    assert_eq!(
        yaml(deployment_config_template_macro::manifests()),
        builders
    );
}

#[path = "../../examples/hpa_random_generator.rs"]
mod hpa_random_generator;
#[path = "../../examples/hpa_random_generator_macro.rs"]
mod hpa_random_generator_macro;

#[test]
fn hpa_random_generator_macro_equals_builders() {
    let builders = yaml(hpa_random_generator::manifests());
    assert!(builders.starts_with("apiVersion: "));
    assert_eq!(yaml(hpa_random_generator_macro::manifests()), builders);
}

#[path = "../../examples/job_math_add_macro.rs"]
mod job_math_add_macro;

#[test]
fn job_math_add_macro_equals_builders() {
    let builders = yaml(job_math_add::manifests());
    assert!(builders.starts_with("apiVersion: "));
    assert_eq!(yaml(job_math_add_macro::manifests()), builders);
}

#[path = "../../examples/pod_adapter.rs"]
mod pod_adapter;
#[path = "../../examples/pod_adapter_macro.rs"]
mod pod_adapter_macro;

#[test]
fn pod_adapter_macro_equals_builders() {
    let builders = yaml(pod_adapter::manifests());
    assert!(builders.starts_with("apiVersion: "));
    assert_eq!(yaml(pod_adapter_macro::manifests()), builders);
}

#[path = "../../examples/pod_ambassador.rs"]
mod pod_ambassador;
#[path = "../../examples/pod_ambassador_macro.rs"]
mod pod_ambassador_macro;

#[test]
fn pod_ambassador_macro_equals_builders() {
    let builders = yaml(pod_ambassador::manifests());
    assert!(builders.starts_with("apiVersion: "));
    assert_eq!(yaml(pod_ambassador_macro::manifests()), builders);
}

#[path = "../../examples/pod_downward_api.rs"]
mod pod_downward_api;
#[path = "../../examples/pod_downward_api_macro.rs"]
mod pod_downward_api_macro;

#[test]
fn pod_downward_api_macro_equals_builders() {
    let builders = yaml(pod_downward_api::manifests());
    assert!(builders.starts_with("apiVersion: "));
    assert_eq!(yaml(pod_downward_api_macro::manifests()), builders);
}

#[path = "../../examples/pod_env_from_config.rs"]
mod pod_env_from_config;
#[path = "../../examples/pod_env_from_config_macro.rs"]
mod pod_env_from_config_macro;

#[test]
fn pod_env_from_config_macro_equals_builders() {
    let builders = yaml(pod_env_from_config::manifests());
    assert!(builders.starts_with("apiVersion: "));
    assert_eq!(yaml(pod_env_from_config_macro::manifests()), builders);
}

#[path = "../../examples/pod_init_containers.rs"]
mod pod_init_containers;
#[path = "../../examples/pod_init_containers_macro.rs"]
mod pod_init_containers_macro;

#[test]
fn pod_init_containers_macro_equals_builders() {
    let builders = yaml(pod_init_containers::manifests());
    assert!(builders.starts_with("apiVersion: "));
    assert_eq!(yaml(pod_init_containers_macro::manifests()), builders);
}

#[path = "../../examples/pod_lifecycle_hooks.rs"]
mod pod_lifecycle_hooks;
#[path = "../../examples/pod_lifecycle_hooks_macro.rs"]
mod pod_lifecycle_hooks_macro;

#[test]
fn pod_lifecycle_hooks_macro_equals_builders() {
    let builders = yaml(pod_lifecycle_hooks::manifests());
    assert!(builders.starts_with("apiVersion: "));
    assert_eq!(yaml(pod_lifecycle_hooks_macro::manifests()), builders);
}

#[path = "../../examples/pod_liveness_check.rs"]
mod pod_liveness_check;
#[path = "../../examples/pod_liveness_check_macro.rs"]
mod pod_liveness_check_macro;

#[test]
fn pod_liveness_check_macro_equals_builders() {
    let builders = yaml(pod_liveness_check::manifests());
    assert!(builders.starts_with("apiVersion: "));
    assert_eq!(yaml(pod_liveness_check_macro::manifests()), builders);
}

#[path = "../../examples/pod_liveness_echo.rs"]
mod pod_liveness_echo;
#[path = "../../examples/pod_liveness_echo_macro.rs"]
mod pod_liveness_echo_macro;

#[test]
fn pod_liveness_echo_macro_equals_builders() {
    let builders = yaml(pod_liveness_echo::manifests());
    assert!(builders.starts_with("apiVersion: "));
    assert_eq!(yaml(pod_liveness_echo_macro::manifests()), builders);
}

#[path = "../../examples/pod_readiness_exec.rs"]
mod pod_readiness_exec;
#[path = "../../examples/pod_readiness_exec_macro.rs"]
mod pod_readiness_exec_macro;

#[test]
fn pod_readiness_exec_macro_equals_builders() {
    let builders = yaml(pod_readiness_exec::manifests());
    assert!(builders.starts_with("apiVersion: "));
    assert_eq!(yaml(pod_readiness_exec_macro::manifests()), builders);
}

#[path = "../../examples/pod_readiness_http.rs"]
mod pod_readiness_http;
#[path = "../../examples/pod_readiness_http_macro.rs"]
mod pod_readiness_http_macro;

#[test]
fn pod_readiness_http_macro_equals_builders() {
    let builders = yaml(pod_readiness_http::manifests());
    assert!(builders.starts_with("apiVersion: "));
    assert_eq!(yaml(pod_readiness_http_macro::manifests()), builders);
}

#[path = "../../examples/pod_readiness_tcp.rs"]
mod pod_readiness_tcp;
#[path = "../../examples/pod_readiness_tcp_macro.rs"]
mod pod_readiness_tcp_macro;

#[test]
fn pod_readiness_tcp_macro_equals_builders() {
    let builders = yaml(pod_readiness_tcp::manifests());
    assert!(builders.starts_with("apiVersion: "));
    assert_eq!(yaml(pod_readiness_tcp_macro::manifests()), builders);
}

#[path = "../../examples/pod_shared_volumes.rs"]
mod pod_shared_volumes;
#[path = "../../examples/pod_shared_volumes_macro.rs"]
mod pod_shared_volumes_macro;

#[test]
fn pod_shared_volumes_macro_equals_builders() {
    let builders = yaml(pod_shared_volumes::manifests());
    assert!(builders.starts_with("apiVersion: "));
    assert_eq!(yaml(pod_shared_volumes_macro::manifests()), builders);
}

#[path = "../../examples/pod_sidecar.rs"]
mod pod_sidecar;
#[path = "../../examples/pod_sidecar_macro.rs"]
mod pod_sidecar_macro;

#[test]
fn pod_sidecar_macro_equals_builders() {
    let builders = yaml(pod_sidecar::manifests());
    assert!(builders.starts_with("apiVersion: "));
    assert_eq!(yaml(pod_sidecar_macro::manifests()), builders);
}

#[path = "../../examples/priority_class.rs"]
mod priority_class;
#[path = "../../examples/priority_class_macro.rs"]
mod priority_class_macro;

#[test]
fn priority_class_macro_equals_builders() {
    let builders = yaml(priority_class::manifests());
    assert!(builders.starts_with("apiVersion: "));
    assert_eq!(yaml(priority_class_macro::manifests()), builders);
}

#[path = "../../examples/service_types.rs"]
mod service_types;
#[path = "../../examples/service_types_macro.rs"]
mod service_types_macro;

#[test]
fn service_types_macro_equals_builders() {
    let builders = yaml(service_types::manifests());
    assert!(builders.starts_with("apiVersion: "));
    assert_eq!(yaml(service_types_macro::manifests()), builders);
}

#[path = "../../examples/statefulset_rg.rs"]
mod statefulset_rg;
#[path = "../../examples/statefulset_rg_macro.rs"]
mod statefulset_rg_macro;

#[test]
fn statefulset_rg_macro_equals_builders() {
    let builders = yaml(statefulset_rg::manifests());
    assert!(builders.contains("kind: StatefulSet"));
    assert_eq!(yaml(statefulset_rg_macro::manifests()), builders);
}
