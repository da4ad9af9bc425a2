//! The code `k8s-dsl-import` writes with `--macros` (the files where that differs from builder code) for each corpus manifest (checked by the
//! round-trip test; `K8S_DSL_IMPORT_BLESS=1 cargo test -p k8s-dsl-import --test fresh`
//! rewrites it).

pub mod batch_app;
pub mod examples_app_complete;
pub mod examples_cronjob_random_generator;
pub mod examples_cronjob_reporting;
pub mod examples_deployment_config_template;
pub mod examples_fleet_fleet_n2;
pub mod examples_gitops_production_deployment_shop_production_web;
pub mod examples_gitops_staging_deployment_shop_staging_web;
pub mod examples_hpa_random_generator;
pub mod examples_job_math_add;
pub mod examples_pod_adapter;
pub mod examples_pod_ambassador;
pub mod examples_pod_downward_api;
pub mod examples_pod_env_from_config;
pub mod examples_pod_init_containers;
pub mod examples_pod_lifecycle_hooks;
pub mod examples_pod_liveness_check;
pub mod examples_pod_liveness_echo;
pub mod examples_pod_readiness_exec;
pub mod examples_pod_readiness_http;
pub mod examples_pod_readiness_tcp;
pub mod examples_pod_shared_volumes;
pub mod examples_pod_sidecar;
pub mod examples_priority_class;
pub mod examples_service_types;
pub mod examples_statefulset_rg;
pub mod hostile_strings;
pub mod kubernetes_docs_backend_deployment;
pub mod kubernetes_docs_custom_dns;
pub mod kubernetes_docs_dns_busybox;
pub mod kubernetes_docs_hostaliases_pod;
pub mod kubernetes_docs_limit_range_pod_1;
pub mod kubernetes_docs_pv_pod;
pub mod kubernetes_docs_quota_pod_deployment;
pub mod kubernetes_docs_run_my_nginx;
pub mod kubernetes_docs_sched_pod1;
pub mod pods_basic;
pub mod pods_dns_and_host;
pub mod pods_env;
pub mod pods_init_containers;
pub mod pods_lifecycle;
pub mod pods_list;
pub mod pods_macro_edges;
pub mod pods_native_sidecar;
pub mod pods_placement;
pub mod pods_probes_exec_tcp_grpc;
pub mod pods_probes_http;
pub mod pods_resources;
pub mod pods_roles_annotation;
pub mod pods_roles_classic;
pub mod pods_scheduling;
pub mod pods_security;
pub mod pods_unsupported_fields;
pub mod pods_volumes;
pub mod pods_volumes_raw;
pub mod web_app;
pub mod workloads_batch_policies;
pub mod workloads_cronjob;
pub mod workloads_deployment_recreate;
pub mod workloads_deployment_rolling;
pub mod workloads_generated_names;
pub mod workloads_job_basic;
pub mod workloads_job_indexed;
pub mod workloads_job_manual_selector;
pub mod workloads_statefulset;

/// Each corpus file (relative to `tests/corpus`) with the function building its objects.
pub type Objects = fn() -> Result<Vec<k8s_dsl::bundle::Object>, Box<dyn std::error::Error>>;

/// Every corpus file.
pub const CASES: &[(&str, Objects)] = &[
    ("batch-app.yaml", batch_app::objects),
    ("examples/app_complete.yaml", examples_app_complete::objects),
    (
        "examples/cronjob_random_generator.yaml",
        examples_cronjob_random_generator::objects,
    ),
    (
        "examples/cronjob_reporting.yaml",
        examples_cronjob_reporting::objects,
    ),
    (
        "examples/deployment_config_template.yaml",
        examples_deployment_config_template::objects,
    ),
    (
        "examples/fleet/fleet-n2.yaml",
        examples_fleet_fleet_n2::objects,
    ),
    (
        "examples/gitops/production/deployment_shop-production_web.yaml",
        examples_gitops_production_deployment_shop_production_web::objects,
    ),
    (
        "examples/gitops/staging/deployment_shop-staging_web.yaml",
        examples_gitops_staging_deployment_shop_staging_web::objects,
    ),
    (
        "examples/hpa_random_generator.yaml",
        examples_hpa_random_generator::objects,
    ),
    ("examples/job_math_add.yaml", examples_job_math_add::objects),
    ("examples/pod_adapter.yaml", examples_pod_adapter::objects),
    (
        "examples/pod_ambassador.yaml",
        examples_pod_ambassador::objects,
    ),
    (
        "examples/pod_downward_api.yaml",
        examples_pod_downward_api::objects,
    ),
    (
        "examples/pod_env_from_config.yaml",
        examples_pod_env_from_config::objects,
    ),
    (
        "examples/pod_init_containers.yaml",
        examples_pod_init_containers::objects,
    ),
    (
        "examples/pod_lifecycle_hooks.yaml",
        examples_pod_lifecycle_hooks::objects,
    ),
    (
        "examples/pod_liveness_check.yaml",
        examples_pod_liveness_check::objects,
    ),
    (
        "examples/pod_liveness_echo.yaml",
        examples_pod_liveness_echo::objects,
    ),
    (
        "examples/pod_readiness_exec.yaml",
        examples_pod_readiness_exec::objects,
    ),
    (
        "examples/pod_readiness_http.yaml",
        examples_pod_readiness_http::objects,
    ),
    (
        "examples/pod_readiness_tcp.yaml",
        examples_pod_readiness_tcp::objects,
    ),
    (
        "examples/pod_shared_volumes.yaml",
        examples_pod_shared_volumes::objects,
    ),
    ("examples/pod_sidecar.yaml", examples_pod_sidecar::objects),
    (
        "examples/priority_class.yaml",
        examples_priority_class::objects,
    ),
    (
        "examples/service_types.yaml",
        examples_service_types::objects,
    ),
    (
        "examples/statefulset_rg.yaml",
        examples_statefulset_rg::objects,
    ),
    ("hostile/strings.yaml", hostile_strings::objects),
    (
        "kubernetes-docs/backend-deployment.yaml",
        kubernetes_docs_backend_deployment::objects,
    ),
    (
        "kubernetes-docs/custom-dns.yaml",
        kubernetes_docs_custom_dns::objects,
    ),
    (
        "kubernetes-docs/dns-busybox.yaml",
        kubernetes_docs_dns_busybox::objects,
    ),
    (
        "kubernetes-docs/hostaliases-pod.yaml",
        kubernetes_docs_hostaliases_pod::objects,
    ),
    (
        "kubernetes-docs/limit-range-pod-1.yaml",
        kubernetes_docs_limit_range_pod_1::objects,
    ),
    (
        "kubernetes-docs/pv-pod.yaml",
        kubernetes_docs_pv_pod::objects,
    ),
    (
        "kubernetes-docs/quota-pod-deployment.yaml",
        kubernetes_docs_quota_pod_deployment::objects,
    ),
    (
        "kubernetes-docs/run-my-nginx.yaml",
        kubernetes_docs_run_my_nginx::objects,
    ),
    (
        "kubernetes-docs/sched-pod1.yaml",
        kubernetes_docs_sched_pod1::objects,
    ),
    ("pods/basic.yaml", pods_basic::objects),
    ("pods/dns-and-host.yaml", pods_dns_and_host::objects),
    ("pods/env.yaml", pods_env::objects),
    ("pods/init-containers.yaml", pods_init_containers::objects),
    ("pods/lifecycle.yaml", pods_lifecycle::objects),
    ("pods/list.yaml", pods_list::objects),
    ("pods/macro-edges.yaml", pods_macro_edges::objects),
    ("pods/native-sidecar.yaml", pods_native_sidecar::objects),
    ("pods/placement.yaml", pods_placement::objects),
    (
        "pods/probes-exec-tcp-grpc.yaml",
        pods_probes_exec_tcp_grpc::objects,
    ),
    ("pods/probes-http.yaml", pods_probes_http::objects),
    ("pods/resources.yaml", pods_resources::objects),
    ("pods/roles-annotation.yaml", pods_roles_annotation::objects),
    ("pods/roles-classic.yaml", pods_roles_classic::objects),
    ("pods/scheduling.yaml", pods_scheduling::objects),
    ("pods/security.yaml", pods_security::objects),
    (
        "pods/unsupported-fields.yaml",
        pods_unsupported_fields::objects,
    ),
    ("pods/volumes-raw.yaml", pods_volumes_raw::objects),
    ("pods/volumes.yaml", pods_volumes::objects),
    ("web-app.yaml", web_app::objects),
    (
        "workloads/batch-policies.yaml",
        workloads_batch_policies::objects,
    ),
    ("workloads/cronjob.yaml", workloads_cronjob::objects),
    (
        "workloads/deployment-recreate.yaml",
        workloads_deployment_recreate::objects,
    ),
    (
        "workloads/deployment-rolling.yaml",
        workloads_deployment_rolling::objects,
    ),
    (
        "workloads/generated-names.yaml",
        workloads_generated_names::objects,
    ),
    ("workloads/job-basic.yaml", workloads_job_basic::objects),
    ("workloads/job-indexed.yaml", workloads_job_indexed::objects),
    (
        "workloads/job-manual-selector.yaml",
        workloads_job_manual_selector::objects,
    ),
    ("workloads/statefulset.yaml", workloads_statefulset::objects),
];
